package io.kasparro.runs;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on runs.
 *
 * @param maxDuration a run still going after this long is stopped before its next batch (and any
 *     wait for the network interrupted) and recorded failed, {@code timed out}; an upstream asking
 *     to wait longer than the run has left fails at once
 * @param endingRetryInterval how often the ending of a run the database could not record (an
 *     outage) is tried again, so the run is closed soon after the database is back
 * @param batchesInFlight how many of a run's batches are written at once, each in its own
 *     transaction on its own connection (bronze of one while silver of the one before, so the
 *     database and the service use two cores); they commit strictly in order, each whole with its
 *     checkpoint. 1 writes one batch at a time on the run's thread
 */
@Validated
@ConfigurationProperties("kasparro.runs")
public record RunProperties(
    @DefaultValue("1h") Duration maxDuration,
    @DefaultValue("10s") Duration endingRetryInterval,
    @Min(1) @DefaultValue("2") int batchesInFlight) {}
