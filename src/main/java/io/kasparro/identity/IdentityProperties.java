package io.kasparro.identity;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Cross-source identity resolution: how close two providers' market figures must be to count as
 * evidence that their records are one coin.
 *
 * @param priceTolerance the largest difference between two prices, as a fraction of the larger, for
 *     them to agree
 * @param marketCapTolerance the same for market capitalisations (providers count circulating supply
 *     differently, so it is wider)
 * @param volumeTolerance the same for 24-hour volumes (wider still: providers track other venues)
 * @param conflictPriceRatio from this ratio between two prices on, the records are different coins
 *     whatever their tickers and names say
 */
@Validated
@ConfigurationProperties("kasparro.identity")
public record IdentityProperties(
    @DecimalMin("0.0") @DecimalMax("0.5") @DefaultValue("0.10") double priceTolerance,
    @DecimalMin("0.0") @DecimalMax("0.9") @DefaultValue("0.25") double marketCapTolerance,
    @DecimalMin("0.0") @DecimalMax("0.95") @DefaultValue("0.50") double volumeTolerance,
    @DecimalMin("1.1") @DefaultValue("2.0") double conflictPriceRatio) {}
