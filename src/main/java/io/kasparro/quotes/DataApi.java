package io.kasparro.quotes;

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

/** The OpenAPI description of {@code /data}, implemented by {@link DataController}. */
@Tag(name = "Market data", description = "Quotes with canonical asset identity")
interface DataApi {

  @Operation(
      operationId = "listQuotes",
      summary = "Market quotes",
      description =
          "Quotes joined with their canonical asset, filtered, sorted and paged. Page with offset"
              + " for small jumps, or with cursor (pass next_cursor back, with the same filters)"
              + " so deep pages cost the same as the first; not both.")
  @ApiResponse(
      responseCode = "200",
      description = "A page of quotes",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = DataController.DataPage.class),
              examples =
                  @ExampleObject(
                      value =
                          """
                          {"data": [{"id": 812, "asset_id": 1, "symbol": "BTC", "name": "Bitcoin",
                            "source": "coingecko", "price_usd": 91276.68,
                            "market_cap_usd": 1810000000000, "volume_24h_usd": 33630000000,
                            "last_updated": "2026-11-21T00:00:00Z"}],
                           "pagination": {"limit": 1, "offset": 0, "total": 520,
                            "total_exact": true,
                            "sort": "-last_updated", "next_cursor": "cTF8LWxhc3RfdXBkYXRlZHw"},
                           "metadata": {"request_id": "3f1c2a9e", "api_latency_ms": 4}}
                          """)))
  DataController.DataPage data(
      @ApiParameters.Symbol("Ticker, any case") String symbol,
      @ApiParameters.Id("Canonical asset id") String assetId,
      @ApiParameters.Source("Source name") String source,
      @ApiParameters.Time(
              value =
                  "Quotes observed at or after: an ISO-8601 time (UTC when no zone), or a date"
                      + " (its start, UTC)",
              example = "2026-11-20T00:00:00Z")
          String from,
      @ApiParameters.Time(
              value = "Quotes observed at or before: an ISO-8601 time, or a date (through its end)",
              example = "2026-11-21T00:00:00Z")
          String to,
      @Parameter(
              description = "Order; ties by quote id",
              example = "-price_usd",
              schema =
                  @Schema(
                      allowableValues = {
                        "-last_updated",
                        "last_updated",
                        "-price_usd",
                        "price_usd"
                      },
                      defaultValue = "-last_updated"))
          String sort,
      PageParameters paging,
      @Parameter(
              description =
                  "next_cursor of the previous page, instead of offset, with the same filters and"
                      + " sort; opaque, edits are rejected")
          String cursor,
      @Parameter(
              description =
                  "Whether to count the matching rows, exactly up to 10,000 (total_exact tells);"
                      + " false is cheaper",
              example = "true",
              schema = @Schema(type = "boolean", defaultValue = "true"))
          String includeTotal,
      HttpServletRequest request);
}
