package io.kasparro.pipeline;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Records bronze rows that could not be transformed, with their payload and reason. */
@Component
class FailureWriter {

  private static final String INSERT =
      """
      INSERT INTO transform_failures (source, raw_id, source_record_id, run_id, error_type,
                                      error_message, payload)
      SELECT ?, f.raw_id::bigint, f.record_id, ?, f.error_type, f.message, f.payload::jsonb
        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
             AS f (raw_id, record_id, error_type, message, payload)
      ON CONFLICT (raw_id) DO UPDATE
         SET run_id = EXCLUDED.run_id, error_type = EXCLUDED.error_type,
             error_message = EXCLUDED.error_message, failed_at = now()
      """;

  private final JdbcTemplate jdbc;

  FailureWriter(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One record that failed, and why. */
  record Failure(BronzeRow row, String errorType, String message) {}

  void write(String source, long runId, List<Failure> failures) {
    if (failures.isEmpty()) {
      return;
    }
    SqlArrays.update(
        jdbc,
        INSERT,
        source,
        runId,
        SqlArrays.column(failures, f -> f.row().rawId()),
        SqlArrays.column(failures, f -> f.row().sourceRecordId()),
        SqlArrays.column(failures, Failure::errorType),
        SqlArrays.column(failures, Failure::message),
        SqlArrays.column(failures, f -> f.row().payloadJson()));
  }
}
