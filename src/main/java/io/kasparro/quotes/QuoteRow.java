package io.kasparro.quotes;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One market quote with its asset's identity.
 *
 * @param id the quote's id
 * @param assetId the canonical asset
 * @param symbol the asset's ticker
 * @param name the asset's name
 * @param source where the quote came from
 * @param priceUsd price in US dollars
 * @param marketCapUsd market capitalisation in US dollars, if known
 * @param volume24hUsd 24-hour volume in US dollars, if known
 * @param lastUpdated when the source observed it
 */
record QuoteRow(
    long id,
    long assetId,
    String symbol,
    String name,
    String source,
    BigDecimal priceUsd,
    @Schema(nullable = true) BigDecimal marketCapUsd,
    @Schema(nullable = true) @JsonProperty("volume_24h_usd") BigDecimal volume24hUsd,
    Instant lastUpdated) {}
