package io.kasparro.runs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on runs.
 *
 * @param maxDuration a run still going after this long is stopped before its next batch (and any
 *     wait for the network interrupted) and recorded failed, {@code timed out}; an upstream asking
 *     to wait longer than the run has left fails at once
 * @param endingRetryInterval how often the ending of a run the database could not record (an
 *     outage) is tried again, so the run is closed soon after the database is back
 */
@ConfigurationProperties("kasparro.runs")
public record RunProperties(
    @DefaultValue("1h") Duration maxDuration, @DefaultValue("10s") Duration endingRetryInterval) {}
