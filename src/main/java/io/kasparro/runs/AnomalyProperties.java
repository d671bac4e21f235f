package io.kasparro.runs;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Thresholds of the anomaly rules of {@code GET /compare-runs}.
 *
 * @param recordChangePercent a change of the records fetched beyond this many percent, up or down,
 *     is a warning
 * @param recordChangeCriticalPercent beyond this many percent it is critical
 * @param durationRatio a run that took at least this many times as long as the other is a warning
 * @param minDuration durations shorter than this are never flagged: small runs vary a lot
 * @param failedShare a run whose failed records exceed this share of those fetched (and more than
 *     the other run's) is a warning
 * @param zScore a value this many standard deviations away from the source's recent runs is a
 *     warning
 * @param historyRuns how many earlier runs of the source the z-score compares against
 * @param minHistory fewer earlier runs than this and no z-score is computed
 */
@Validated
@ConfigurationProperties("kasparro.anomaly")
public record AnomalyProperties(
    @DecimalMin("0") @DefaultValue("50") double recordChangePercent,
    @DecimalMin("0") @DefaultValue("90") double recordChangeCriticalPercent,
    @DecimalMin("1") @DefaultValue("2") double durationRatio,
    @DefaultValue("1s") Duration minDuration,
    @DecimalMin("0") @DefaultValue("0.1") double failedShare,
    @DecimalMin("0") @DefaultValue("3") double zScore,
    @Min(2) @DefaultValue("20") int historyRuns,
    @Min(2) @DefaultValue("5") int minHistory) {}
