package io.kasparro.health;

import io.kasparro.runs.RunQueries;
import io.kasparro.runs.RunStatus;
import io.kasparro.runs.SourceSchedule;
import io.kasparro.runs.SourceSchedules;
import io.kasparro.source.Source;
import io.kasparro.source.SourceRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Judges the enabled sources: a source is {@code failing} when its newest finished run failed and
 * {@code stale} when it has not succeeded for longer than its schedule allows.
 */
@Component
class HealthCheck {

  // Source names cannot contain commas (they are [a-z0-9_-]), so a joined list is unambiguous.
  private static final String STATE =
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

  private final JdbcClient jdbc;
  private final SourceRegistry sources;
  private final HealthProperties properties;
  private final SourceSchedules schedules;
  private final Clock clock;
  private final Instant startedAt;

  HealthCheck(
      JdbcClient jdbc,
      SourceRegistry sources,
      HealthProperties properties,
      SourceSchedules schedules,
      Clock clock) {
    this.jdbc = jdbc;
    this.sources = sources;
    this.properties = properties;
    this.schedules = schedules;
    this.clock = clock;
    this.startedAt = clock.instant();
  }

  /** Round-trip time of a trivial query, in milliseconds. */
  long pingDatabase() {
    long start = System.nanoTime();
    jdbc.sql("SELECT 1").query(Integer.class).single();
    return (System.nanoTime() - start) / 1_000_000;
  }

  List<SourceHealth> sources() {
    Map<String, SourceHealth.LastRun> lastRuns = new HashMap<>();
    Map<String, Long> running = new HashMap<>();
    Map<String, Instant> lastSuccess = new HashMap<>();
    jdbc.sql(STATE)
        .param("sources", String.join(",", sources.names()))
        .query(
            row -> {
              String source = row.getString("source");
              if (row.getObject("run_id") != null) {
                lastRuns.put(
                    source,
                    new SourceHealth.LastRun(
                        row.getLong("run_id"),
                        RunStatus.of(row.getString("status")),
                        RunQueries.instant(row, "started_at"),
                        RunQueries.instant(row, "ended_at"),
                        row.getString("error_message")));
              }
              running.put(source, row.getObject("running_run_id", Long.class));
              lastSuccess.put(source, RunQueries.instant(row, "last_success_at"));
            });
    Instant now = clock.instant();
    List<SourceHealth> report = new ArrayList<>();
    for (Source source : sources.all()) {
      String name = source.name();
      report.add(judge(source, lastRuns.get(name), running.get(name), lastSuccess.get(name), now));
    }
    return report;
  }

  private SourceHealth judge(
      Source source,
      SourceHealth.LastRun lastRun,
      Long runningRunId,
      Instant lastSuccess,
      Instant now) {
    SourceSchedule schedule = schedules.of(source.name());
    Duration interval = schedule.interval(now);
    Duration staleAfter =
        max(
            Duration.ofMillis((long) (interval.toMillis() * properties.staleFactor())),
            properties.minStaleAfter());
    List<String> reasons = new ArrayList<>();
    String status = "ok";
    if (lastRun != null && lastRun.status() == RunStatus.FAILED) {
      status = "failing";
      // The error itself is in last_run.error, shown only to callers who may read it.
      reasons.add("its last run (" + lastRun.runId() + ") failed");
    }
    Instant since = lastSuccess != null ? lastSuccess : startedAt;
    if (Duration.between(since, now).compareTo(staleAfter) > 0) {
      status = "failing".equals(status) ? status : "stale";
      reasons.add(
          lastSuccess == null
              ? "no successful run since the service started " + startedAt
              : "no successful run since " + lastSuccess + " (stale after " + staleAfter + ")");
    } else if (lastRun == null && "ok".equals(status)) {
      status = "pending";
    }
    return new SourceHealth(
        source.name(),
        status,
        schedule.expression(),
        interval.toSeconds(),
        staleAfter.toSeconds(),
        lastRun,
        runningRunId,
        lastSuccess,
        reasons);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
