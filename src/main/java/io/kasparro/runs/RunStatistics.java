package io.kasparro.runs;

import io.kasparro.source.SourceRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** What {@code GET /stats} reports: each source's run statistics, and their totals. */
@Component
class RunStatistics {

  private static final SourceStats.RunCounts NO_RUNS = new SourceStats.RunCounts(0, 0, 0, 0, 0);
  private static final RunView.Records NO_RECORDS = new RunView.Records(0, 0, 0, 0, 0);

  private final StatsQueries stats;
  private final SourceRegistry sources;

  RunStatistics(StatsQueries stats, SourceRegistry sources) {
    this.stats = stats;
    this.sources = sources;
  }

  /**
   * Every source that is enabled or has run, by name: an enabled source that never ran with zeroes,
   * a source that ran but is no longer enabled with {@code enabled: false}.
   */
  List<SourceStats> perSource() {
    Map<String, SourceStats> bySource = new TreeMap<>();
    sources.names().forEach(name -> bySource.put(name, neverRun(name)));
    for (SourceStats ran : stats.perSource()) {
      bySource.put(ran.source(), withEnabled(ran, sources.find(ran.source()).isPresent()));
    }
    return new ArrayList<>(bySource.values());
  }

  private static SourceStats neverRun(String name) {
    return new SourceStats(
        name,
        true,
        NO_RUNS,
        null,
        NO_RECORDS,
        new SourceStats.Durations(null, null),
        null,
        null,
        null,
        0,
        null);
  }

  private static SourceStats withEnabled(SourceStats s, boolean enabled) {
    return new SourceStats(
        s.source(),
        enabled,
        s.runs(),
        s.successRate(),
        s.records(),
        s.durationMs(),
        s.lastRun(),
        s.lastSuccessAt(),
        s.lastFailure(),
        s.transformFailures(),
        s.checkpoint());
  }

  /** All sources together: counts summed, durations weighted by runs, the newest times. */
  static SourceStats totals(List<SourceStats> all) {
    SourceStats.RunCounts runs = NO_RUNS;
    RunView.Records records = NO_RECORDS;
    long failures = 0;
    long finished = 0;
    double weightedAverage = 0;
    Long max = null;
    Instant lastSuccess = null;
    SourceStats.LastFailure lastFailure = null;
    for (SourceStats s : all) {
      runs = runs.plus(s.runs());
      records = plus(records, s.records());
      failures += s.transformFailures();
      if (s.durationMs().max() != null) {
        long sourceFinished = s.runs().total() - s.runs().running();
        finished += sourceFinished;
        weightedAverage += (double) s.durationMs().average() * sourceFinished;
        max = max == null ? s.durationMs().max() : Math.max(max, s.durationMs().max());
      }
      lastSuccess = later(lastSuccess, s.lastSuccessAt());
      lastFailure = newer(lastFailure, s.lastFailure());
    }
    Long average = finished == 0 ? null : Math.round(weightedAverage / finished);
    return new SourceStats(
        null,
        null,
        runs,
        runs.successRate(),
        records,
        new SourceStats.Durations(average, max),
        null,
        lastSuccess,
        lastFailure,
        failures,
        null);
  }

  private static RunView.Records plus(RunView.Records a, RunView.Records b) {
    return new RunView.Records(
        a.fetched() + b.fetched(),
        a.inserted() + b.inserted(),
        a.duplicate() + b.duplicate(),
        a.loaded() + b.loaded(),
        a.failed() + b.failed());
  }

  private static SourceStats.LastFailure newer(
      SourceStats.LastFailure a, SourceStats.LastFailure b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return later(a.endedAt(), b.endedAt()) == a.endedAt() ? a : b;
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || (b != null && b.isAfter(a)) ? b : a;
  }
}
