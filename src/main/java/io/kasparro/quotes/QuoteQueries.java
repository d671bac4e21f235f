package io.kasparro.quotes;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads market quotes with their assets, filtered, sorted and paged by offset or keyset.
 *
 * <p>Only the filters given become conditions, so each combination is its own statement whose plan
 * reads the index made for it ({@code V6}, {@code V7}); a catch-all {@code (:x IS NULL OR col =
 * :x)} form would let a cached generic plan scan the table. A symbol is first resolved to its
 * assets, so a one-asset page walks that asset's index range in order. Every value is a bound
 * parameter; the SQL varies only by which filters are present and by {@link QuoteSort}.
 */
@Repository
class QuoteQueries {

  private static final String SELECT =
      """
      SELECT q.id, q.asset_id, a.symbol, a.name, q.source, q.price_usd, q.market_cap_usd,
             q.volume_24h_usd, q.last_updated
        FROM market_quotes q
        JOIN assets a ON a.asset_id = q.asset_id
      """;
  private static final String COUNT_UP_TO =
      """
      SELECT count(*) FROM (
        SELECT 1
          FROM market_quotes q
          JOIN assets a ON a.asset_id = q.asset_id
         WHERE %s
         LIMIT :count_limit) matching
      """;
  private static final String ASSETS_WITH_SYMBOL =
      "SELECT asset_id FROM assets WHERE symbol = upper(:symbol)";

  private final JdbcClient jdbc;

  QuoteQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The filters of {@code GET /data}; null means "any". */
  record Filter(String symbol, Long assetId, String source, Instant from, Instant to) {}

  /**
   * The quotes a filter selects, as SQL conditions; a symbol is looked up once here, for both the
   * page and the count.
   *
   * @param conditions the conditions, joined by AND; none selects every quote
   * @param parameters their values
   * @param none whether nothing can match (an unknown symbol)
   */
  record Selection(List<String> conditions, Map<String, Object> parameters, boolean none) {}

  Selection select(Filter filter) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    if (filter.symbol() != null) {
      List<Long> assets =
          jdbc.sql(ASSETS_WITH_SYMBOL).param("symbol", filter.symbol()).query(Long.class).list();
      if (assets.isEmpty()) {
        return new Selection(List.of(), Map.of(), true);
      }
      if (assets.size() == 1) {
        conditions.add("q.asset_id = :symbol_asset");
        parameters.put("symbol_asset", assets.get(0));
      } else {
        conditions.add("q.asset_id IN (:symbol_assets)");
        parameters.put("symbol_assets", assets);
      }
    }
    if (filter.assetId() != null) {
      conditions.add("q.asset_id = :asset_id");
      parameters.put("asset_id", filter.assetId());
    }
    if (filter.source() != null) {
      conditions.add("q.source = :source");
      parameters.put("source", filter.source());
    }
    if (filter.from() != null) {
      conditions.add("q.last_updated >= :from");
      parameters.put("from", Timestamp.from(filter.from()));
    }
    if (filter.to() != null) {
      conditions.add("q.last_updated <= :to");
      parameters.put("to", Timestamp.from(filter.to()));
    }
    return new Selection(List.copyOf(conditions), Map.copyOf(parameters), false);
  }

  /**
   * Up to {@code limit} quotes in {@code sort} order: those after {@code cursor} when given, else
   * from {@code offset}.
   */
  List<QuoteRow> page(
      Selection selection, QuoteSort sort, QuoteCursor cursor, int limit, long offset) {
    if (selection.none()) {
      return List.of();
    }
    Conditions where = new Conditions(selection);
    if (cursor != null) {
      where.add(sort.after());
      where.parameters.addValue("cursor_value", cursor.key()).addValue("cursor_id", cursor.id());
    }
    where.parameters.addValue("limit", limit).addValue("offset", offset);
    String sql =
        SELECT
            + where.sql()
            + "\n ORDER BY "
            + sort.orderBy()
            + "\n LIMIT :limit"
            + (offset > 0 ? " OFFSET :offset" : "");
    return jdbc.sql(sql)
        .paramSource(where.parameters)
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

  /**
   * The number of matching quotes, counting no further than {@code limit + 1}: a count of every
   * quote of a large table costs a scan of it (about 0.1 s per million rows), the bounded one at
   * most {@code limit} index entries.
   */
  long countUpTo(Selection selection, long limit) {
    if (selection.none()) {
      return 0;
    }
    Conditions where = new Conditions(selection);
    where.parameters.addValue("count_limit", limit + 1);
    String conditions = where.isEmpty() ? "TRUE" : String.join("\n AND ", where.sql);
    return jdbc.sql(COUNT_UP_TO.formatted(conditions))
        .paramSource(where.parameters)
        .query(Long.class)
        .single();
  }

  /** The conditions of one statement, joined by AND, with their parameters. */
  private static final class Conditions {
    private final List<String> sql;
    private final MapSqlParameterSource parameters;

    Conditions(Selection selection) {
      sql = new ArrayList<>(selection.conditions());
      parameters = new MapSqlParameterSource(selection.parameters());
    }

    void add(String condition) {
      sql.add(condition);
    }

    boolean isEmpty() {
      return sql.isEmpty();
    }

    /** The WHERE clause, or nothing. */
    String sql() {
      return sql.isEmpty() ? "" : " WHERE " + String.join("\n AND ", sql);
    }
  }
}
