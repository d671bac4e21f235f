package io.kasparro.health;

import jakarta.validation.constraints.DecimalMin;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When {@code GET /health} calls a source stale.
 *
 * @param staleFactor a source is stale when its last success is older than this many times its
 *     scheduled interval (a fixed delay counts from the end of a run, so allow for run time)
 * @param minStaleAfter but never sooner than this after its last success
 * @param probeTimeout how long {@code /health/ready} waits for the database (connecting and {@code
 *     SELECT 1}, each) before it answers 503; PostgreSQL's driver rounds it up to whole seconds
 */
@Validated
@ConfigurationProperties("kasparro.health")
public record HealthProperties(
    @DecimalMin("1") @DefaultValue("2") double staleFactor,
    @DefaultValue("5m") Duration minStaleAfter,
    @DefaultValue("1s") Duration probeTimeout) {}
