package io.kasparro.candles;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Buckets an asset's quotes with PostgreSQL's {@code date_bin}, one row per bucket and source, on
 * the {@code (asset_id, last_updated, source)} index. Prices stay {@code NUMERIC} end to end; the
 * consensus close is the exact median of the sources' closes.
 */
@Repository
class CandleQueries {

  private static final String ASSET = "SELECT symbol, name FROM assets WHERE asset_id = :asset";

  // Open and close take the first and last quote by time (then by id, for equal times).
  private static final String BUCKETS =
      """
      SELECT date_bin(CAST(:width AS interval), q.last_updated,
                      TIMESTAMPTZ '1970-01-01 00:00:00+00') AS bucket,
             q.source,
             count(*) AS quotes,
             (array_agg(q.price_usd ORDER BY q.last_updated, q.id))[1] AS open,
             max(q.price_usd) AS high,
             min(q.price_usd) AS low,
             (array_agg(q.price_usd ORDER BY q.last_updated DESC, q.id DESC))[1] AS close,
             (array_agg(q.volume_24h_usd ORDER BY q.last_updated DESC, q.id DESC)
                FILTER (WHERE q.volume_24h_usd IS NOT NULL))[1] AS volume_24h_usd
        FROM market_quotes q
       WHERE q.asset_id = :asset
         AND q.last_updated >= :from
         AND q.last_updated < :to
         AND (CAST(:source AS text) IS NULL OR q.source = CAST(:source AS text))
       GROUP BY bucket, q.source
       ORDER BY bucket, q.source
      """;

  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private final JdbcClient jdbc;

  CandleQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The asset's ticker and name, if it exists. */
  record Asset(String symbol, String name) {}

  Optional<Asset> asset(long assetId) {
    return jdbc.sql(ASSET)
        .param("asset", assetId)
        .query((row, n) -> new Asset(row.getString("symbol"), row.getString("name")))
        .optional();
  }

  /** The buckets of the range that hold quotes, oldest first. */
  List<CandleSeries.Candle> candles(long assetId, CandleRange range) {
    Map<Instant, List<CandleSeries.SourceCandle>> buckets = new LinkedHashMap<>();
    jdbc.sql(BUCKETS)
        .param("width", range.interval().sqlInterval())
        .param("asset", assetId)
        .param("from", OffsetDateTime.ofInstant(range.from(), ZoneOffset.UTC))
        .param("to", OffsetDateTime.ofInstant(range.to(), ZoneOffset.UTC))
        .param("source", range.source())
        .query(
            row -> {
              buckets
                  .computeIfAbsent(
                      row.getObject("bucket", OffsetDateTime.class).toInstant(),
                      start -> new ArrayList<>())
                  .add(
                      new CandleSeries.SourceCandle(
                          row.getString("source"),
                          row.getBigDecimal("open"),
                          row.getBigDecimal("high"),
                          row.getBigDecimal("low"),
                          row.getBigDecimal("close"),
                          row.getBigDecimal("volume_24h_usd"),
                          row.getLong("quotes")));
            });
    List<CandleSeries.Candle> candles = new ArrayList<>(buckets.size());
    buckets.forEach(
        (start, sources) ->
            candles.add(
                new CandleSeries.Candle(
                    start,
                    start.plus(range.interval().width()),
                    sources.stream().mapToLong(CandleSeries.SourceCandle::quotes).sum(),
                    median(sources.stream().map(CandleSeries.SourceCandle::close).toList()),
                    List.copyOf(sources))));
    return candles;
  }

  /** The median, exact: the mean of two decimals always ends after one more digit. */
  static BigDecimal median(List<BigDecimal> values) {
    List<BigDecimal> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : sorted.get(middle - 1).add(sorted.get(middle)).divide(TWO);
  }
}
