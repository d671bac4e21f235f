package io.kasparro.candles;

import io.kasparro.web.ApiParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The OpenAPI description of {@code /assets/{asset_id}/candles}, implemented by {@link
 * CandlesController}.
 */
@Tag(name = "Assets")
interface CandlesApi {

  String EXAMPLE =
      """
      {"asset_id": 5, "symbol": "BTC", "name": "Bitcoin", "interval": "1h",
       "from": "2026-11-20T00:00:00Z", "to": "2026-11-21T00:00:00Z",
       "sources": ["coingecko", "csv"],
       "candles": [
         {"start": "2026-11-20T12:00:00Z", "end": "2026-11-20T13:00:00Z", "quotes": 13,
          "consensus_close": 91222.26,
          "sources": [
            {"source": "coingecko", "open": 91010.50, "high": 91400.00, "low": 90950.10,
             "close": 91234.12, "volume_24h_usd": 41234567890, "quotes": 12},
            {"source": "csv", "open": 91210.40, "high": 91210.40, "low": 91210.40,
             "close": 91210.40, "volume_24h_usd": 40500000000, "quotes": 1}]}],
       "metadata": {"request_id": "e47afb75", "api_latency_ms": 4}}
      """;

  @Operation(
      operationId = "getCandles",
      summary = "Price history as candles",
      description =
          "The asset's quotes bucketed by PostgreSQL's date_bin into intervals aligned to the Unix"
              + " epoch in UTC (1h buckets start on the hour, 1d at midnight UTC). Per bucket and"
              + " source: open, high, low and close (first, highest, lowest and last price, exact"
              + " decimals), the 24-hour volume reported with the last quote, and the number of"
              + " quotes; per bucket: all quotes and the consensus close (the median of the"
              + " sources' closes). The range is from <= last_updated < to, widened to whole"
              + " buckets; buckets without quotes are left out. At most "
              + CandleRange.MAX_BUCKETS
              + " buckets per request: a wider range gets a 400 naming an interval or a range"
              + " that fits.")
  @ApiResponse(
      responseCode = "200",
      description = "The candles",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = CandleSeries.class),
              examples = @ExampleObject(value = EXAMPLE)))
  @ApiResponse(
      responseCode = "400",
      description = "A bad interval, source or time, from not before to, or too many buckets",
      content =
          @Content(
              mediaType = "application/problem+json",
              examples =
                  @ExampleObject(
                      value =
                          """
                          {"type": "about:blank", "title": "Invalid parameter", "status": 400,
                           "detail": "from 2026-01-01T00:00:00Z to 2026-12-01T00:00:00Z is 96192 \
                           buckets of 5m, more than the limit of 1000; use interval=1d (334 \
                           buckets) or narrow from/to to at most 3d 11h 20m at 5m",
                           "parameter": "interval", "request_id": "3f1c2a9e"}
                          """)))
  CandleSeries candles(
      @ApiParameters.Id("The asset's id") String assetId,
      @Parameter(
              description = "Bucket width",
              example = "1h",
              schema =
                  @Schema(
                      allowableValues = {"5m", "15m", "1h", "4h", "1d"},
                      defaultValue = "1h"))
          String interval,
      @ApiParameters.Time(
              value =
                  "Start, inclusive: an ISO-8601 time (UTC when no zone) or a date; default 100"
                      + " buckets before to",
              example = "2026-11-20T00:00:00Z")
          String from,
      @ApiParameters.Time(
              value =
                  "End, exclusive: an ISO-8601 time (UTC when no zone) or a date (then the end of"
                      + " that day); default now",
              example = "2026-11-21T00:00:00Z")
          String to,
      @ApiParameters.Source("Only this source's quotes") String source,
      HttpServletRequest request);
}
