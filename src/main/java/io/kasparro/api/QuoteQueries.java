package io.kasparro.api;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads market quotes with their assets, filtered and paged. Every value is a bound parameter. */
@Repository
class QuoteQueries {

  private static final String FROM_WHERE =
      """
        FROM market_quotes q
        JOIN assets a ON a.asset_id = q.asset_id
       WHERE (CAST(:symbol AS text) IS NULL OR a.symbol = upper(CAST(:symbol AS text)))
         AND (CAST(:assetId AS bigint) IS NULL OR q.asset_id = CAST(:assetId AS bigint))
         AND (CAST(:source AS text) IS NULL OR q.source = CAST(:source AS text))
         AND (CAST(:from AS timestamptz) IS NULL OR q.last_updated >= CAST(:from AS timestamptz))
         AND (CAST(:to AS timestamptz) IS NULL OR q.last_updated <= CAST(:to AS timestamptz))
      """;
  private static final String PAGE =
      """
      SELECT q.id, q.asset_id, a.symbol, a.name, q.source, q.price_usd, q.market_cap_usd,
             q.volume_24h_usd, q.last_updated
      """
          + FROM_WHERE
          + """
           ORDER BY q.last_updated DESC, q.id DESC
           LIMIT :limit OFFSET :offset
          """;
  private static final String COUNT = "SELECT count(*)" + FROM_WHERE;

  private final JdbcClient jdbc;

  QuoteQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The filters of {@code GET /data}; null means "any". */
  record Filter(String symbol, Long assetId, String source, Instant from, Instant to) {}

  List<QuoteRow> page(Filter filter, int limit, long offset) {
    return jdbc.sql(PAGE)
        .paramSource(parameters(filter).addValue("limit", limit).addValue("offset", offset))
        .query(
            (row, n) ->
                new QuoteRow(
                    row.getLong("id"),
                    row.getLong("asset_id"),
                    row.getString("symbol"),
                    row.getString("name"),
                    row.getString("source"),
                    row.getBigDecimal("price_usd"),
                    row.getBigDecimal("market_cap_usd"),
                    row.getBigDecimal("volume_24h_usd"),
                    row.getTimestamp("last_updated").toInstant()))
        .list();
  }

  long count(Filter filter) {
    return jdbc.sql(COUNT).paramSource(parameters(filter)).query(Long.class).single();
  }

  private static MapSqlParameterSource parameters(Filter filter) {
    return new MapSqlParameterSource()
        .addValue("symbol", filter.symbol())
        .addValue("assetId", filter.assetId())
        .addValue("source", filter.source())
        .addValue("from", filter.from() == null ? null : Timestamp.from(filter.from()))
        .addValue("to", filter.to() == null ? null : Timestamp.from(filter.to()));
  }
}
