package io.kasparro.runs;

import io.kasparro.web.RunErrorText;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * What {@code GET /stats} says about one source, or about all of them together.
 *
 * @param source the source's name; null in the totals
 * @param enabled whether the source is enabled now; null in the totals
 * @param runs how many runs, by outcome
 * @param successRate share of finished runs that ended {@code success} or {@code partial}, from 0
 *     to 1; null before any run finished
 * @param records records processed, summed over every run
 * @param durationMs durations of finished runs, in milliseconds
 * @param lastRun the newest run; null before the first
 * @param lastSuccessAt when the newest {@code success} or {@code partial} run ended
 * @param lastFailureAt when the newest {@code failed} run ended
 * @param lastFailureError why the newest failed run failed
 * @param transformFailures records currently recorded in transform_failures
 * @param checkpoint where the next run resumes; null in the totals
 */
record SourceStats(
    String source,
    Boolean enabled,
    RunCounts runs,
    Double successRate,
    RunView.Records records,
    Durations durationMs,
    LastRun lastRun,
    Instant lastSuccessAt,
    Instant lastFailureAt,
    @JsonSerialize(using = RunErrorText.class) String lastFailureError,
    long transformFailures,
    Map<String, Object> checkpoint) {

  /** Runs by outcome. */
  record RunCounts(long total, long succeeded, long partial, long failed, long running) {

    RunCounts plus(RunCounts other) {
      return new RunCounts(
          total + other.total,
          succeeded + other.succeeded,
          partial + other.partial,
          failed + other.failed,
          running + other.running);
    }

    Double successRate() {
      long finished = total - running;
      return finished == 0
          ? null
          : Math.round((succeeded + partial) * 10_000.0 / finished) / 10_000.0;
    }
  }

  /**
   * Durations of finished runs.
   *
   * @param average mean duration; null before any run finished
   * @param max longest duration; null before any run finished
   */
  record Durations(Long average, Long max) {}

  /** The newest run of a source. */
  record LastRun(
      long runId, RunStatus status, Instant startedAt, Instant endedAt, Long durationMs) {}
}
