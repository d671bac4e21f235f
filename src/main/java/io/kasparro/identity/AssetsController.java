package io.kasparro.identity;

import io.kasparro.web.NotFoundException;
import io.kasparro.web.OffsetPagination;
import io.kasparro.web.PageParameters;
import io.kasparro.web.Params;
import io.kasparro.web.ResponseMetadata;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /assets} and {@code GET /assets/{asset_id}}: canonical assets across sources. */
@RestController
@Tag(name = "Assets", description = "Canonical assets, their ids at every source, consensus price")
class AssetsController {

  private static final String ASSET_EXAMPLE =
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

  private final AssetQueries assets;

  AssetsController(AssetQueries assets) {
    this.assets = assets;
  }

  /** A page of assets. */
  record AssetPage(List<AssetView> data, OffsetPagination pagination, ResponseMetadata metadata) {}

  @Operation(
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
              schema = @Schema(implementation = AssetPage.class),
              examples =
                  @ExampleObject(
                      value =
                          "{\"data\": ["
                              + ASSET_EXAMPLE
                              + "], \"pagination\": {\"limit\": 50, \"offset\": 0, \"total\": 1},"
                              + " \"metadata\": {\"request_id\": \"e47afb75\","
                              + " \"api_latency_ms\": 6}}")))
  @GetMapping("/assets")
  AssetPage list(
      @Parameter(description = "Ticker, any case", example = "BTC") @RequestParam(required = false)
          String symbol,
      @Parameter(description = "Part of the name, any case (up to 100 characters)", example = "bit")
          @RequestParam(required = false)
          String name,
      PageParameters paging,
      HttpServletRequest request) {
    AssetQueries.Filter filter =
        new AssetQueries.Filter(Params.symbol("symbol", symbol), Params.text("name", name, 100));
    PageParameters.Page page = paging.page();
    return new AssetPage(
        assets.page(filter, page.limit(), page.offset()),
        page.of(assets.count(filter)),
        ResponseMetadata.of(request));
  }

  @Operation(summary = "One canonical asset")
  @ApiResponse(
      responseCode = "200",
      description = "The asset",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = AssetView.class),
              examples = @ExampleObject(value = ASSET_EXAMPLE)))
  @GetMapping("/assets/{asset_id}")
  AssetView one(
      @Parameter(description = "The asset's id", example = "5") @PathVariable("asset_id")
          String assetId) {
    long id = Params.id("asset_id", assetId);
    return assets.one(id).orElseThrow(() -> new NotFoundException("no asset has id " + id));
  }
}
