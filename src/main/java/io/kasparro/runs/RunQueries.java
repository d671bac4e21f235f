package io.kasparro.runs;

import io.kasparro.system.jdbc.JsonColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads run history from etl_runs. Every value is a bound parameter. */
@Repository
public class RunQueries {

  private static final String COLUMNS =
      """
      SELECT run_id, source, status, triggered_by, started_at, ended_at, duration_ms,
             records_fetched, records_inserted, records_duplicate, records_loaded, records_failed,
             error_message, metadata::text AS metadata
        FROM etl_runs
      """;
  private static final String FILTER =
      """
       WHERE (CAST(:source AS text) IS NULL OR source = CAST(:source AS text))
         AND (CAST(:status AS text) IS NULL OR status = CAST(:status AS text))
      """;
  private static final String LIST =
      COLUMNS + FILTER + " ORDER BY started_at DESC, run_id DESC LIMIT :limit OFFSET :offset";
  private static final String COUNT = "SELECT count(*) FROM etl_runs " + FILTER;
  private static final String ONE = COLUMNS + " WHERE run_id = :runId";
  private static final String LATEST_FINISHED =
      COLUMNS
          + """
           WHERE source = :source AND status <> 'running'
           ORDER BY started_at DESC, run_id DESC
           LIMIT :limit
          """;
  private static final String SUCCEEDED_BEFORE =
      COLUMNS
          + """
           WHERE source = :source AND status IN ('success', 'partial') AND run_id <> :runId
             AND started_at < :before
           ORDER BY started_at DESC, run_id DESC
           LIMIT :limit
          """;

  private final JdbcClient jdbc;
  private final JsonColumns json;

  RunQueries(JdbcClient jdbc, JsonColumns json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A page of runs, newest first, optionally of one source and in one status. */
  List<RunView> recent(String source, RunStatus status, int limit, int offset) {
    return jdbc.sql(LIST)
        .param("source", source)
        .param("status", status == null ? null : status.dbValue())
        .param("limit", limit)
        .param("offset", offset)
        .query(this::map)
        .list();
  }

  /** How many runs {@link #recent} pages through. */
  long count(String source, RunStatus status) {
    return jdbc.sql(COUNT)
        .param("source", source)
        .param("status", status == null ? null : status.dbValue())
        .query(Long.class)
        .single();
  }

  Optional<RunView> find(long runId) {
    return jdbc.sql(ONE).param("runId", runId).query(this::map).optional();
  }

  /** A source's newest finished runs, newest first. */
  List<RunView> latestFinished(String source, int limit) {
    return jdbc.sql(LATEST_FINISHED)
        .param("source", source)
        .param("limit", limit)
        .query(this::map)
        .list();
  }

  /**
   * The successful or partial runs of {@code run}'s source that started before it, newest first.
   */
  List<RunView> succeededBefore(RunView run, int limit) {
    return jdbc.sql(SUCCEEDED_BEFORE)
        .param("source", run.source())
        .param("runId", run.runId())
        .param("before", Timestamp.from(run.startedAt()))
        .param("limit", limit)
        .query(this::map)
        .list();
  }

  private RunView map(ResultSet row, int n) throws SQLException {
    return new RunView(
        row.getLong("run_id"),
        row.getString("source"),
        RunStatus.of(row.getString("status")),
        row.getString("triggered_by"),
        instant(row, "started_at"),
        instant(row, "ended_at"),
        row.getObject("duration_ms", Long.class),
        new RunView.Records(
            row.getLong("records_fetched"),
            row.getLong("records_inserted"),
            row.getLong("records_duplicate"),
            row.getLong("records_loaded"),
            row.getLong("records_failed")),
        row.getString("error_message"),
        json.object(row.getString("metadata")));
  }

  public static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp value = row.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
