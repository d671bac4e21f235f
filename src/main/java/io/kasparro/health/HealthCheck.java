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

  private final JdbcClient jdbc;
  private final RunQueries runs;
  private final SourceRegistry sources;
  private final HealthProperties properties;
  private final SourceSchedules schedules;
  private final Clock clock;
  private final Instant startedAt;

  HealthCheck(
      JdbcClient jdbc,
      RunQueries runs,
      SourceRegistry sources,
      HealthProperties properties,
      SourceSchedules schedules,
      Clock clock) {
    this.jdbc = jdbc;
    this.runs = runs;
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
    Map<String, RunQueries.Latest> latest = runs.latest(sources.names());
    Instant now = clock.instant();
    List<SourceHealth> report = new ArrayList<>();
    for (Source<?> source : sources.all()) {
      RunQueries.Latest state = latest.get(source.name());
      RunQueries.Finished last = state == null ? null : state.lastFinished();
      report.add(
          judge(
              source,
              last == null
                  ? null
                  : new SourceHealth.LastRun(
                      last.runId(), last.status(), last.startedAt(), last.endedAt(), last.error()),
              state == null ? null : state.runningRunId(),
              state == null ? null : state.lastSuccessAt(),
              now));
    }
    return report;
  }

  private SourceHealth judge(
      Source<?> source,
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
