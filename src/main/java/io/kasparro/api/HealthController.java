package io.kasparro.api;

import java.time.Instant;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /health}: database connectivity and latency, and each source's last run. */
@RestController
class HealthController {

  private static final String LAST_RUNS =
      """
      SELECT DISTINCT ON (source) source, run_id, status, started_at, ended_at, error_message
        FROM etl_runs
       ORDER BY source, started_at DESC
      """;

  private final JdbcClient jdbc;

  HealthController(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The health report. */
  record Health(String status, Database database, List<SourceRun> sources) {}

  /** Database reachability. */
  record Database(String status, Long latencyMs, String error) {}

  /** The last run of a source. */
  record SourceRun(
      String source, long runId, String status, Instant startedAt, Instant endedAt, String error) {}

  @GetMapping("/health")
  ResponseEntity<Health> health() {
    long start = System.nanoTime();
    try {
      jdbc.sql("SELECT 1").query(Integer.class).single();
      long latency = (System.nanoTime() - start) / 1_000_000;
      List<SourceRun> runs =
          jdbc.sql(LAST_RUNS)
              .query(
                  (row, n) ->
                      new SourceRun(
                          row.getString("source"),
                          row.getLong("run_id"),
                          row.getString("status"),
                          row.getTimestamp("started_at").toInstant(),
                          row.getTimestamp("ended_at") == null
                              ? null
                              : row.getTimestamp("ended_at").toInstant(),
                          row.getString("error_message")))
              .list();
      return ResponseEntity.ok(new Health("ok", new Database("up", latency, null), runs));
    } catch (DataAccessException e) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .body(
              new Health(
                  "down", new Database("down", null, "the database is unreachable"), List.of()));
    }
  }
}
