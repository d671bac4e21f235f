package io.kasparro.runs;

import io.kasparro.system.jdbc.JsonColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  // Source names cannot contain commas (they are [a-z0-9_-]), so a joined list is unambiguous.
  private static final String LATEST_BY_SOURCE =
      """
      SELECT s.source, f.run_id, f.status, f.started_at, f.ended_at, f.error_message,
             r.run_id AS running_run_id, ok.last_success_at
        FROM unnest(string_to_array(CAST(:sources AS text), ',')) AS s (source)
        LEFT JOIN LATERAL (
               SELECT run_id, status, started_at, ended_at, error_message
                 FROM etl_runs
                WHERE source = s.source AND status <> 'running'
                ORDER BY started_at DESC, run_id DESC
                LIMIT 1) f ON true
        LEFT JOIN LATERAL (
               SELECT run_id FROM etl_runs WHERE source = s.source AND status = 'running'
                LIMIT 1) r ON true
        LEFT JOIN LATERAL (
               SELECT max(ended_at) AS last_success_at
                 FROM etl_runs
                WHERE source = s.source AND status IN ('success', 'partial')) ok ON true
      """;
  private static final String TOTALS =
      """
      SELECT source, status, count(*) AS runs,
             sum(records_fetched) AS fetched, sum(records_inserted) AS inserted,
             sum(records_duplicate) AS duplicate, sum(records_loaded) AS loaded,
             sum(records_failed) AS failed,
             coalesce(sum(duration_ms), 0) AS duration_ms, max(ended_at) AS last_ended
        FROM etl_runs
       GROUP BY source, status
      """;

  private final JdbcClient jdbc;
  private final JsonColumns json;

  /**
   * Where a source's runs stand.
   *
   * @param lastFinished its newest run that has ended, or null before the first
   * @param runningRunId the run under way, or null
   * @param lastSuccessAt when its newest success or partial run ended, or null
   */
  public record Latest(Finished lastFinished, Long runningRunId, Instant lastSuccessAt) {}

  /**
   * A run that has ended.
   *
   * @param error why it failed, or null
   */
  public record Finished(
      long runId, RunStatus status, Instant startedAt, Instant endedAt, String error) {}

  /**
   * All runs of one source in one status, summed.
   *
   * @param runs how many
   * @param records their record counts, summed
   * @param durationMs their durations, summed
   * @param lastEnded when the newest of them ended, or null
   */
  public record Totals(
      String source,
      RunStatus status,
      long runs,
      RunCounts records,
      long durationMs,
      Instant lastEnded) {}

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

  /** Where the runs of each of {@code sources} stand, by source. */
  public Map<String, Latest> latest(List<String> sources) {
    Map<String, Latest> latest = new HashMap<>();
    jdbc.sql(LATEST_BY_SOURCE)
        .param("sources", String.join(",", sources))
        .query(
            row -> {
              Finished finished =
                  row.getObject("run_id") == null
                      ? null
                      : new Finished(
                          row.getLong("run_id"),
                          RunStatus.of(row.getString("status")),
                          instant(row, "started_at"),
                          instant(row, "ended_at"),
                          row.getString("error_message"));
              latest.put(
                  row.getString("source"),
                  new Latest(
                      finished,
                      row.getObject("running_run_id", Long.class),
                      instant(row, "last_success_at")));
            });
    return latest;
  }

  /** Every source's runs, summed by status: what the run counters are derived from. */
  public List<Totals> totals() {
    return jdbc.sql(TOTALS)
        .query(
            (row, n) ->
                new Totals(
                    row.getString("source"),
                    RunStatus.of(row.getString("status")),
                    row.getLong("runs"),
                    new RunCounts(
                        row.getLong("fetched"),
                        row.getLong("inserted"),
                        row.getLong("duplicate"),
                        row.getLong("loaded"),
                        row.getLong("failed")),
                    row.getLong("duration_ms"),
                    instant(row, "last_ended")))
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
