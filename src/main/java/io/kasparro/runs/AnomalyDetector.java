package io.kasparro.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Component;

/**
 * Flags what is unusual about run B compared with run A (rules) and with the source's recent
 * history (z-scores).
 */
@Component
class AnomalyDetector {

  private final AnomalyProperties limits;

  AnomalyDetector(AnomalyProperties limits) {
    this.limits = limits;
  }

  List<Anomaly> detect(RunView a, RunView b, List<RunView> history) {
    List<Anomaly> found = new ArrayList<>();
    if (!nothingNew(b)) {
      recordCount(a, b, found);
    }
    duration(a, b, found);
    failedShare(a, b, found);
    if (a.status() != RunStatus.FAILED && b.status() == RunStatus.FAILED) {
      found.add(
          new Anomaly(
              "status",
              "status_regression",
              b.status(),
              a.status(),
              Anomaly.CRITICAL,
              "run "
                  + b.runId()
                  + " failed after run "
                  + a.runId()
                  + " ended "
                  + a.status().dbValue()));
    }
    if (!nothingNew(b)) {
      zScore(
          "records_fetched",
          b,
          history.stream().filter(run -> !nothingNew(run)).toList(),
          run -> run.records().fetched(),
          found);
    }
    if (b.durationMs() != null && b.durationMs() >= limits.minDuration().toMillis()) {
      zScore(
          "duration_ms",
          b,
          history.stream().filter(r -> r.durationMs() != null).toList(),
          RunView::durationMs,
          found);
    }
    return found;
  }

  private void recordCount(RunView a, RunView b, List<Anomaly> found) {
    long before = a.records().fetched();
    long after = b.records().fetched();
    if (after == 0 && b.status() != RunStatus.FAILED) {
      found.add(
          new Anomaly(
              "records_fetched",
              "zero_records",
              0,
              1,
              before > 0 ? Anomaly.CRITICAL : Anomaly.WARNING,
              "run " + b.runId() + " fetched no records"));
      return;
    }
    if (before == 0) {
      return;
    }
    double percent = round((after - before) * 100.0 / before);
    if (Math.abs(percent) > limits.recordChangePercent()) {
      boolean critical = Math.abs(percent) >= limits.recordChangeCriticalPercent();
      found.add(
          new Anomaly(
              "records_fetched",
              "record_count_change",
              percent,
              limits.recordChangePercent(),
              critical ? Anomaly.CRITICAL : Anomaly.WARNING,
              "records fetched changed by " + percent + "% (" + before + " -> " + after + ")"));
    }
  }

  private void duration(RunView a, RunView b, List<Anomaly> found) {
    if (a.durationMs() == null
        || b.durationMs() == null
        || a.durationMs() == 0
        || b.durationMs() < limits.minDuration().toMillis()) {
      return;
    }
    double ratio = round((double) b.durationMs() / a.durationMs());
    if (ratio >= limits.durationRatio()) {
      found.add(
          new Anomaly(
              "duration_ms",
              "duration_increase",
              ratio,
              limits.durationRatio(),
              Anomaly.WARNING,
              "run took "
                  + ratio
                  + " times as long ("
                  + a.durationMs()
                  + " -> "
                  + b.durationMs()
                  + " ms)"));
    }
  }

  private void failedShare(RunView a, RunView b, List<Anomaly> found) {
    double share = share(b);
    if (share > limits.failedShare() && share > share(a)) {
      found.add(
          new Anomaly(
              "failed_share",
              "failed_share",
              round(share),
              limits.failedShare(),
              Anomaly.WARNING,
              b.records().failed()
                  + " of "
                  + b.records().fetched()
                  + " records failed validation"));
    }
  }

  private void zScore(
      String metric,
      RunView b,
      List<RunView> baseline,
      ToLongFunction<RunView> value,
      List<Anomaly> found) {
    if (baseline.size() < limits.minHistory()) {
      return;
    }
    double mean = baseline.stream().mapToLong(value).average().orElseThrow();
    double variance =
        baseline.stream().mapToDouble(run -> Math.pow(value.applyAsLong(run) - mean, 2)).sum()
            / (baseline.size() - 1);
    double deviation = Math.sqrt(variance);
    if (deviation == 0) {
      return;
    }
    double z = round((value.applyAsLong(b) - mean) / deviation);
    if (Math.abs(z) >= limits.zScore()) {
      found.add(
          new Anomaly(
              metric,
              "z_score",
              z,
              limits.zScore(),
              Anomaly.WARNING,
              metric
                  + " is "
                  + z
                  + " standard deviations from the mean of the last "
                  + baseline.size()
                  + " runs ("
                  + round(mean)
                  + ")"));
    }
  }

  /**
   * Whether the run found its input as its checkpoint left it (an unchanged file, a feed with
   * nothing new): reading nothing then is the expected outcome, not an anomaly.
   */
  static boolean nothingNew(RunView run) {
    return run.status() != RunStatus.FAILED
        && run.records().fetched() == 0
        && run.metadata() != null
        && Boolean.TRUE.equals(run.metadata().get(SourceRunner.NOTHING_NEW));
  }

  private static double share(RunView run) {
    return run.records().fetched() == 0
        ? 0
        : (double) run.records().failed() / run.records().fetched();
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
