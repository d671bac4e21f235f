package io.kasparro.runs;

import io.kasparro.web.RunErrorText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One run of one source, as {@code GET /runs} shows it.
 *
 * @param runId the run's id
 * @param source the source it ran
 * @param status {@code running}, {@code success}, {@code partial} or {@code failed}
 * @param triggeredBy {@code schedule}, {@code manual}, {@code cli} or {@code startup}
 * @param startedAt when it started
 * @param endedAt when it ended; null while running
 * @param durationMs how long it took, in milliseconds; null while running
 * @param records what it read and wrote
 * @param error why it failed; null unless failed
 * @param metadata extra facts recorded with the run (such as an injected failure)
 */
record RunView(
    long runId,
    String source,
    RunStatus status,
    @Schema(allowableValues = {"schedule", "manual", "cli", "startup"}) String triggeredBy,
    Instant startedAt,
    @Schema(nullable = true) Instant endedAt,
    @Schema(nullable = true) Long durationMs,
    Records records,
    @Schema(nullable = true) @JsonSerialize(using = RunErrorText.class) String error,
    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
        Map<String, Object> metadata) {

  /**
   * Record counts of a run.
   *
   * @param fetched records read from the source
   * @param inserted new records written to bronze
   * @param duplicate records already in bronze, skipped
   * @param loaded silver rows written
   * @param failed records that failed validation
   */
  record Records(long fetched, long inserted, long duplicate, long loaded, long failed) {}
}
