package io.kasparro.identity;

import io.kasparro.web.ApiParameters;
import io.kasparro.web.PageParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** The OpenAPI description of {@code /assets}, implemented by {@link AssetsController}. */
@Tag(name = "Assets", description = "Canonical assets, their ids at every source, consensus price")
interface AssetsApi {

  String ASSET_EXAMPLE =
      """
      {"asset_id": 5, "symbol": "BTC", "name": "Bitcoin", "slug": "bitcoin",
       "identifiers": [
         {"source": "coingecko", "source_asset_id": "bitcoin", "source_symbol": "BTC",
          "source_name": "Bitcoin", "match_method": "curated_id", "confidence": 1.000},
         {"source": "coinpaprika", "source_asset_id": "btc-bitcoin", "source_symbol": "BTC",
          "source_name": "Bitcoin", "match_method": "curated_id", "confidence": 1.000},
         {"source": "csv", "source_asset_id": "BTC:bitcoin", "source_symbol": "BTC",
          "source_name": "Bitcoin", "match_method": "curated_name", "confidence": 0.950}],
       "quotes": [
         {"source": "coingecko", "price_usd": 91234.12, "market_cap_usd": 1808123456789,
          "volume_24h_usd": 41234567890, "last_updated": "2026-11-20T12:00:31.112Z",
          "in_consensus": true},
         {"source": "csv", "price_usd": 91210.40, "market_cap_usd": 1807800000000,
          "volume_24h_usd": 40500000000, "last_updated": "2026-11-20T12:00:00Z",
          "in_consensus": true}],
       "consensus": {"price_usd": 91222.26, "spread_pct": 0.026, "sources": 2,
                     "disagreement": false}}
      """;

  @Operation(
      operationId = "listAssets",
      summary = "Canonical assets",
      description =
          "One row per canonical asset with its id at every source, the latest quote per source,"
              + " the consensus (median) price and the spread between sources.")
  @ApiResponse(
      responseCode = "200",
      description = "A page of assets",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = AssetsController.AssetPage.class),
              examples =
                  @ExampleObject(
                      value =
                          "{\"data\": ["
                              + ASSET_EXAMPLE
                              + "], \"pagination\": {\"limit\": 50, \"offset\": 0, \"total\": 1},"
                              + " \"metadata\": {\"request_id\": \"e47afb75\","
                              + " \"api_latency_ms\": 6}}")))
  AssetsController.AssetPage list(
      @ApiParameters.Symbol("Ticker, any case") String symbol,
      @Parameter(
              description = "Part of the name, any case",
              example = "bit",
              schema = @Schema(minLength = 1, maxLength = 100))
          String name,
      PageParameters paging,
      HttpServletRequest request);

  @Operation(operationId = "getAsset", summary = "One canonical asset")
  @ApiResponse(
      responseCode = "200",
      description = "The asset",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = AssetView.class),
              examples = @ExampleObject(value = ASSET_EXAMPLE)))
  AssetView one(@ApiParameters.Id("The asset's id") String assetId);
}
