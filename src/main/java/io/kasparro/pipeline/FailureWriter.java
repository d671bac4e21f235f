package io.kasparro.pipeline;

import io.kasparro.bronze.BronzeRow;
import io.kasparro.system.jdbc.SqlArrays;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records bronze rows that could not be transformed, with their payload and reason, and removes the
 * record of those that later load. A failure's time is its bronze record's ingestion time (the
 * failure happened in that transaction), so a rebuild from bronze gives the same rows; a replay
 * that retries it sets {@code last_retried_at}.
 */
@Component
class FailureWriter {

  private static final String UPSERT =
      """
      INSERT INTO transform_failures (source, raw_id, source_record_id, run_id, error_type,
                                      error_message, payload, failed_at, last_retried_at)
      SELECT ?, f.raw_id::bigint, f.record_id, f.run_id::bigint, f.error_type, f.message,
             f.payload::json, f.failed_at::timestamptz, ?::timestamptz
        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
             AS f (raw_id, record_id, run_id, error_type, message, payload, failed_at)
      ON CONFLICT (raw_id) DO UPDATE
         SET error_type = EXCLUDED.error_type, error_message = EXCLUDED.error_message,
             last_retried_at = EXCLUDED.last_retried_at
      """;
  private static final String DELETE =
      "DELETE FROM transform_failures WHERE raw_id = ANY (?::bigint[])";

  private final JdbcTemplate jdbc;

  FailureWriter(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One record that failed, and why. */
  record Failure(BronzeRow row, String errorType, String message) {}

  /**
   * @param retriedAt when a replay retried these records, or null on first load
   */
  void write(String source, List<Failure> failures, Instant retriedAt) {
    if (failures.isEmpty()) {
      return;
    }
    SqlArrays.update(
        jdbc,
        UPSERT,
        source,
        retriedAt == null ? null : retriedAt.toString(),
        SqlArrays.column(failures, f -> f.row().rawId()),
        SqlArrays.column(failures, f -> f.row().sourceRecordId()),
        SqlArrays.column(failures, f -> f.row().runId()),
        SqlArrays.column(failures, Failure::errorType),
        SqlArrays.column(failures, Failure::message),
        SqlArrays.column(failures, f -> f.row().payloadJson()),
        SqlArrays.column(failures, f -> f.row().ingestedAt()));
  }

  /** Forgets the failures of records that have now loaded. */
  void clear(Collection<Long> rawIds) {
    if (!rawIds.isEmpty()) {
      SqlArrays.update(
          jdbc, DELETE, (Object) rawIds.stream().map(String::valueOf).toArray(String[]::new));
    }
  }
}
