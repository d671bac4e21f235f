package io.kasparro.source;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A validated market observation of one asset at one source.
 *
 * @param sourceAssetId the asset's id at the source (CSV: symbol and name)
 * @param symbol upper-case ticker
 * @param name display name
 * @param priceUsd price in US dollars, never negative
 * @param marketCapUsd market capitalisation, or null when unknown
 * @param volume24hUsd traded volume over 24 hours, or null when unknown
 * @param lastUpdated when the upstream observed these values
 */
public record MarketQuote(
    String sourceAssetId,
    String symbol,
    String name,
    BigDecimal priceUsd,
    BigDecimal marketCapUsd,
    BigDecimal volume24hUsd,
    Instant lastUpdated)
    implements SilverRecord {}
