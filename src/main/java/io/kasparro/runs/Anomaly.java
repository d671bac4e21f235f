package io.kasparro.runs;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Something unusual about the second run of a comparison.
 *
 * @param metric what was measured: {@code records_fetched}, {@code duration_ms}, {@code
 *     failed_share} or {@code status}
 * @param rule the rule that flagged it: {@code record_count_change}, {@code zero_records}, {@code
 *     duration_increase}, {@code failed_share}, {@code status_regression} or {@code z_score}
 * @param value the measured value (a percent, a ratio, a share, a z-score or a status)
 * @param threshold the value beyond which the rule flags
 * @param severity {@code warning} or {@code critical}
 * @param message the finding in words
 */
record Anomaly(
    String metric,
    @Schema(
            allowableValues = {
              "record_count_change",
              "zero_records",
              "duration_increase",
              "failed_share",
              "status_regression",
              "z_score"
            })
        String rule,
    @Schema(types = {"number", "string"}) Object value,
    @Schema(types = {"number", "string"}) Object threshold,
    @Schema(allowableValues = {"warning", "critical"}) String severity,
    String message) {

  static final String WARNING = "warning";
  static final String CRITICAL = "critical";
}
