package io.kasparro.runs;

import io.kasparro.web.RunErrorText;
import io.swagger.v3.oas.annotations.media.Schema;
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
 * @param lastFailure the newest {@code failed} run, with its error; null before the first
 * @param transformFailures records currently recorded in transform_failures
 * @param checkpoint where the next run resumes; null in the totals
 */
record SourceStats(
    @Schema(nullable = true) String source,
    @Schema(nullable = true) Boolean enabled,
    RunCounts runs,
    @Schema(nullable = true) Double successRate,
    RunView.Records records,
    Durations durationMs,
    @Schema(nullable = true) LastRun lastRun,
    @Schema(nullable = true) Instant lastSuccessAt,
    @Schema(nullable = true) LastFailure lastFailure,
    long transformFailures,
    @Schema(nullable = true, additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
        Map<String, Object> checkpoint) {

  /** Runs by status: one count per status value, under its name. */
  record RunCounts(long total, long success, long partial, long failed, long running) {

    RunCounts plus(RunCounts other) {
      return new RunCounts(
          total + other.total,
          success + other.success,
          partial + other.partial,
          failed + other.failed,
          running + other.running);
    }

    Double successRate() {
      long finished = total - running;
      return finished == 0
          ? null
          : Math.round((success + partial) * 10_000.0 / finished) / 10_000.0;
    }
  }

  /**
   * Durations of finished runs.
   *
   * @param average mean duration; null before any run finished
   * @param max longest duration; null before any run finished
   */
  record Durations(@Schema(nullable = true) Long average, @Schema(nullable = true) Long max) {}

  /** The newest run of a source. */
  @Schema(name = "StatsLastRun")
  record LastRun(
      long runId,
      RunStatus status,
      Instant startedAt,
      @Schema(nullable = true) Instant endedAt,
      @Schema(nullable = true) Long durationMs) {}

  /**
   * The newest failed run of a source.
   *
   * @param runId the run's id
   * @param endedAt when it ended
   * @param error why it failed, as in the run's {@code error}
   */
  record LastFailure(
      long runId,
      @Schema(nullable = true) Instant endedAt,
      @JsonSerialize(using = RunErrorText.class) String error) {}
}
