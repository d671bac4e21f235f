package io.kasparro.health;

import io.kasparro.runs.RunStatus;
import io.kasparro.web.RunErrorText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The health of one enabled source.
 *
 * @param source the source's name
 * @param status {@code ok}, {@code pending} (no run yet, not overdue), {@code stale} or {@code
 *     failing}
 * @param schedule its configured schedule
 * @param expectedIntervalSeconds the time between its scheduled runs, derived from the schedule
 * @param staleAfterSeconds how long after its last success it counts as stale
 * @param lastRun its newest finished run; null before the first
 * @param runningRunId the id of a run in progress, if any
 * @param lastSuccessAt when its newest {@code success} or {@code partial} run ended
 * @param reasons why it is not {@code ok}; empty when it is
 */
record SourceHealth(
    String source,
    @Schema(allowableValues = {"ok", "pending", "stale", "failing"}) String status,
    String schedule,
    long expectedIntervalSeconds,
    long staleAfterSeconds,
    @Schema(nullable = true) LastRun lastRun,
    @Schema(nullable = true) Long runningRunId,
    @Schema(nullable = true) Instant lastSuccessAt,
    List<String> reasons) {

  /**
   * A source's newest finished run.
   *
   * @param error why it failed, as in {@code /runs}; null unless failed
   */
  @Schema(name = "HealthLastRun")
  record LastRun(
      long runId,
      RunStatus status,
      Instant startedAt,
      Instant endedAt,
      @Schema(nullable = true) @JsonSerialize(using = RunErrorText.class) String error) {}
}
