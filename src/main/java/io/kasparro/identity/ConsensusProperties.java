package io.kasparro.identity;

import jakarta.validation.constraints.DecimalMin;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The cross-source consensus price of an asset.
 *
 * @param disagreementThresholdPct spread between sources, in percent of the consensus price, above
 *     which an asset is flagged as disagreeing
 * @param window how old a source's latest quote may be, relative to the asset's newest quote, and
 *     still take part; older quotes are shown but do not vote
 */
@Validated
@ConfigurationProperties("kasparro.consensus")
public record ConsensusProperties(
    @DecimalMin("0") @DefaultValue("2.0") BigDecimal disagreementThresholdPct,
    @DefaultValue("1h") Duration window) {}
