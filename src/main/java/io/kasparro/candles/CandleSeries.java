package io.kasparro.candles;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kasparro.web.ResponseMetadata;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An asset's price history in buckets: the body of {@code GET /assets/{asset_id}/candles}.
 *
 * @param assetId the canonical asset
 * @param symbol its ticker
 * @param name its name
 * @param interval the bucket width ({@code 5m}, {@code 15m}, {@code 1h}, {@code 4h}, {@code 1d})
 * @param from the start of the first bucket of the range (inclusive; {@code from} rounded down to a
 *     bucket edge)
 * @param to the end of the last bucket of the range (exclusive; {@code to} rounded up)
 * @param sources the sources that have quotes in the range, in name order
 * @param candles the buckets that hold at least one quote, oldest first; empty buckets are left out
 * @param metadata the request's id and the time spent answering
 */
record CandleSeries(
    long assetId,
    String symbol,
    String name,
    @Schema(allowableValues = {"5m", "15m", "1h", "4h", "1d"}) String interval,
    Instant from,
    Instant to,
    List<String> sources,
    List<Candle> candles,
    ResponseMetadata metadata) {

  /**
   * One bucket.
   *
   * @param start the bucket's start (inclusive)
   * @param end its end (exclusive)
   * @param quotes the quotes in it, all sources together
   * @param consensusClose the median of the sources' closes (the mean of the middle two when their
   *     number is even), exact
   * @param sources one candle per source with quotes in the bucket, in name order
   */
  record Candle(
      Instant start,
      Instant end,
      long quotes,
      BigDecimal consensusClose,
      List<SourceCandle> sources) {}

  /**
   * One source's quotes in one bucket, as exact decimals.
   *
   * @param source the source
   * @param open the price of its first quote in the bucket
   * @param high the highest price
   * @param low the lowest price
   * @param close the price of its last quote in the bucket
   * @param volume24hUsd the 24-hour volume reported with its last quote that has one (sources
   *     report a rolling 24-hour volume, not the volume traded within the bucket); null when none
   *     has
   * @param quotes how many quotes it has in the bucket
   */
  record SourceCandle(
      String source,
      BigDecimal open,
      BigDecimal high,
      BigDecimal low,
      BigDecimal close,
      @Schema(nullable = true) @JsonProperty("volume_24h_usd") BigDecimal volume24hUsd,
      long quotes) {}
}
