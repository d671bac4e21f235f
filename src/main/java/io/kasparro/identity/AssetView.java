package io.kasparro.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One canonical asset: its id at every source, each source's latest quote and their consensus.
 *
 * @param assetId the canonical asset
 * @param symbol its ticker
 * @param name its name
 * @param slug its key in the curated cross-provider list, or null
 * @param identifiers its id at each source, and how each was matched
 * @param quotes the latest quote of each source
 * @param consensus the sources' consensus price and spread
 */
record AssetView(
    long assetId,
    String symbol,
    String name,
    @Schema(nullable = true) String slug,
    List<Identifier> identifiers,
    List<SourceQuote> quotes,
    Consensus consensus) {

  /**
   * The asset's id at one source.
   *
   * @param source the source
   * @param sourceAssetId the id the source uses
   * @param sourceSymbol the ticker the source gives
   * @param sourceName the name the source gives
   * @param matchMethod how it was tied to the asset (curated_id, curated_name, contract,
   *     symbol_name, symbol_fuzzy, symbol_market, ambiguous, new_asset, operator)
   * @param confidence how sure that match is, 0 to 1
   * @param candidateAssetIds for an ambiguous alias, the assets the evidence pointed at (it was
   *     kept apart from them); empty otherwise
   */
  record Identifier(
      String source,
      String sourceAssetId,
      String sourceSymbol,
      String sourceName,
      @Schema(
              allowableValues = {
                "curated_id",
                "curated_name",
                "contract",
                "symbol_name",
                "symbol_fuzzy",
                "symbol_market",
                "ambiguous",
                "new_asset",
                "operator"
              })
          String matchMethod,
      BigDecimal confidence,
      List<Long> candidateAssetIds) {}

  /**
   * A source's latest quote.
   *
   * @param source the source
   * @param priceUsd price in US dollars
   * @param marketCapUsd market capitalisation, if known
   * @param volume24hUsd 24-hour volume, if known
   * @param lastUpdated when the source observed it
   * @param inConsensus whether it is recent enough to vote in the consensus
   */
  record SourceQuote(
      String source,
      BigDecimal priceUsd,
      @Schema(nullable = true) BigDecimal marketCapUsd,
      @Schema(nullable = true) @JsonProperty("volume_24h_usd") BigDecimal volume24hUsd,
      Instant lastUpdated,
      boolean inConsensus) {}
}
