package io.kasparro.runs;

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
    String metric, String rule, Object value, Object threshold, String severity, String message) {

  static final String WARNING = "warning";
  static final String CRITICAL = "critical";
}
