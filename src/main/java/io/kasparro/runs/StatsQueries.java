package io.kasparro.runs;

import io.kasparro.system.jdbc.JsonColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-source run statistics, aggregated from etl_runs, etl_checkpoints and transform_failures. */
@Repository
class StatsQueries {

  private static final String PER_SOURCE =
      """
      WITH totals AS (
        SELECT source,
               count(*) AS runs_total,
               count(*) FILTER (WHERE status = 'success') AS success,
               count(*) FILTER (WHERE status = 'partial') AS partial,
               count(*) FILTER (WHERE status = 'failed') AS failed,
               count(*) FILTER (WHERE status = 'running') AS running,
               sum(records_fetched) AS fetched, sum(records_inserted) AS inserted,
               sum(records_duplicate) AS duplicate, sum(records_loaded) AS loaded,
               sum(records_failed) AS records_failed,
               round(avg(duration_ms) FILTER (WHERE status <> 'running'))::bigint AS avg_ms,
               max(duration_ms) FILTER (WHERE status <> 'running') AS max_ms,
               max(ended_at) FILTER (WHERE status IN ('success', 'partial')) AS last_success_at
          FROM etl_runs
         GROUP BY source),
      last_run AS (
        SELECT DISTINCT ON (source) source, run_id, status, started_at, ended_at, duration_ms
          FROM etl_runs
         ORDER BY source, started_at DESC, run_id DESC),
      last_failure AS (
        SELECT DISTINCT ON (source) source, run_id, ended_at, error_message
          FROM etl_runs
         WHERE status = 'failed'
         ORDER BY source, ended_at DESC NULLS LAST, run_id DESC),
      failures AS (
        SELECT source, count(*) AS n FROM transform_failures GROUP BY source)
      SELECT t.*, l.run_id, l.status, l.started_at, l.ended_at, l.duration_ms,
             f.run_id AS last_failure_run_id, f.ended_at AS last_failure_at,
             f.error_message AS last_failure_error,
             coalesce(x.n, 0) AS transform_failures, c.checkpoint::text AS checkpoint
        FROM totals t
        JOIN last_run l USING (source)
        LEFT JOIN last_failure f USING (source)
        LEFT JOIN failures x USING (source)
        LEFT JOIN etl_checkpoints c USING (source)
       ORDER BY t.source
      """;

  private final JdbcClient jdbc;
  private final JsonColumns json;

  StatsQueries(JdbcClient jdbc, JsonColumns json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Every source that has run at least once, by name. */
  List<SourceStats> perSource() {
    return jdbc.sql(PER_SOURCE).query(this::map).list();
  }

  private SourceStats map(ResultSet row, int n) throws SQLException {
    SourceStats.RunCounts runs =
        new SourceStats.RunCounts(
            row.getLong("runs_total"),
            row.getLong("success"),
            row.getLong("partial"),
            row.getLong("failed"),
            row.getLong("running"));
    String checkpoint = row.getString("checkpoint");
    return new SourceStats(
        row.getString("source"),
        null,
        runs,
        runs.successRate(),
        new RunView.Records(
            row.getLong("fetched"),
            row.getLong("inserted"),
            row.getLong("duplicate"),
            row.getLong("loaded"),
            row.getLong("records_failed")),
        new SourceStats.Durations(
            row.getObject("avg_ms", Long.class), row.getObject("max_ms", Long.class)),
        new SourceStats.LastRun(
            row.getLong("run_id"),
            RunStatus.of(row.getString("status")),
            RunQueries.instant(row, "started_at"),
            RunQueries.instant(row, "ended_at"),
            row.getObject("duration_ms", Long.class)),
        RunQueries.instant(row, "last_success_at"),
        row.getObject("last_failure_run_id") == null
            ? null
            : new SourceStats.LastFailure(
                row.getLong("last_failure_run_id"),
                RunQueries.instant(row, "last_failure_at"),
                row.getString("last_failure_error")),
        row.getLong("transform_failures"),
        checkpoint == null ? null : json.object(checkpoint));
  }
}
