package io.kasparro.failures;

import io.kasparro.system.jdbc.JsonColumns;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/** Reads transform_failures, newest first. Every value is a bound parameter. */
@Repository
class FailureQueries {

  private static final String WHERE =
      """
       WHERE (CAST(:source AS text) IS NULL OR source = CAST(:source AS text))
         AND (CAST(:errorType AS text) IS NULL OR error_type = CAST(:errorType AS text))
      """;
  private static final String PAGE =
      """
      SELECT id, source, raw_id, source_record_id, run_id, error_type, error_message,
             payload::text AS payload, failed_at, last_retried_at
        FROM transform_failures
      """
          + WHERE
          + " ORDER BY failed_at DESC, id DESC LIMIT :limit OFFSET :offset";
  private static final String COUNT = "SELECT count(*) FROM transform_failures" + WHERE;

  private final JdbcClient jdbc;
  private final JsonColumns json;

  FailureQueries(JdbcClient jdbc, JsonColumns json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * A record that could not be transformed.
   *
   * @param id the failure's id
   * @param source the source
   * @param rawId its bronze record
   * @param sourceRecordId the upstream's id for it, if any
   * @param runId the run that ingested it
   * @param errorType short machine-readable kind
   * @param errorMessage what is wrong
   * @param payload the record as received
   * @param failedAt when it first failed
   * @param lastRetriedAt when a replay last retried it, or null
   */
  record Failure(
      long id,
      String source,
      long rawId,
      @Schema(nullable = true) String sourceRecordId,
      long runId,
      String errorType,
      String errorMessage,
      @Schema(implementation = Object.class) JsonNode payload,
      Instant failedAt,
      @Schema(nullable = true) Instant lastRetriedAt) {}

  /** The filters of {@code GET /transform-failures}; null means "any". */
  record Filter(String source, String errorType) {}

  List<Failure> page(Filter filter, int limit, long offset) {
    return jdbc.sql(PAGE)
        .paramSource(parameters(filter).addValue("limit", limit).addValue("offset", offset))
        .query(this::failure)
        .list();
  }

  long count(Filter filter) {
    return jdbc.sql(COUNT).paramSource(parameters(filter)).query(Long.class).single();
  }

  private Failure failure(ResultSet row, int n) throws SQLException {
    return new Failure(
        row.getLong("id"),
        row.getString("source"),
        row.getLong("raw_id"),
        row.getString("source_record_id"),
        row.getLong("run_id"),
        row.getString("error_type"),
        row.getString("error_message"),
        json.tree(row.getString("payload")),
        row.getTimestamp("failed_at").toInstant(),
        row.getTimestamp("last_retried_at") == null
            ? null
            : row.getTimestamp("last_retried_at").toInstant());
  }

  private static MapSqlParameterSource parameters(Filter filter) {
    return new MapSqlParameterSource()
        .addValue("source", filter.source())
        .addValue("errorType", filter.errorType());
  }
}
