package io.kasparro.identity;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads canonical assets with their ids and latest quotes: one query for the page, then one each
 * for the page's aliases and latest quotes. Every value is a bound parameter.
 */
@Repository
class AssetQueries {

  private static final String WHERE =
      """
       WHERE (CAST(:symbol AS text) IS NULL OR a.symbol = upper(CAST(:symbol AS text)))
         AND (CAST(:name AS text) IS NULL
              OR a.name ILIKE '%' || CAST(:name AS text) || '%' ESCAPE '\\')
      """;
  private static final String PAGE =
      "SELECT a.asset_id, a.symbol, a.name, a.slug FROM assets a"
          + WHERE
          + " ORDER BY a.symbol, a.asset_id LIMIT :limit OFFSET :offset";
  private static final String COUNT = "SELECT count(*) FROM assets a" + WHERE;
  private static final String ONE =
      "SELECT asset_id, symbol, name, slug FROM assets WHERE asset_id = :id";
  private static final String ALIASES =
      """
      SELECT asset_id, source, source_asset_id, source_symbol, source_name, match_method,
             confidence, coalesce(candidate_asset_ids, '{}') AS candidate_asset_ids
        FROM asset_aliases
       WHERE asset_id IN (:ids)
       ORDER BY asset_id, source, source_asset_id
      """;

  /**
   * The newest quote of each asset at each source: the sources that have quotes (a skip scan of the
   * source index, one probe per source), then per asset and source the last entry of the quote key
   * {@code (asset_id, last_updated, source)} in each partition, so it reads a few index pages
   * however long the asset's history is. The key is unique, so the newest is one row.
   */
  private static final String LATEST_QUOTES =
      """
      WITH RECURSIVE sources AS (
          SELECT min(source) AS source FROM market_quotes
          UNION ALL
          SELECT (SELECT min(q.source) FROM market_quotes q WHERE q.source > s.source)
            FROM sources s
           WHERE s.source IS NOT NULL)
      SELECT q.asset_id, q.source, q.price_usd, q.market_cap_usd, q.volume_24h_usd, q.last_updated
        FROM assets a
       CROSS JOIN sources s
       CROSS JOIN LATERAL (
             SELECT asset_id, source, price_usd, market_cap_usd, volume_24h_usd, last_updated
               FROM market_quotes q
              WHERE q.asset_id = a.asset_id AND q.source = s.source
              ORDER BY q.last_updated DESC
              LIMIT 1) q
       WHERE a.asset_id IN (:ids) AND s.source IS NOT NULL
       ORDER BY q.asset_id, q.source
      """;

  private final JdbcClient jdbc;
  private final ConsensusProperties consensus;

  AssetQueries(JdbcClient jdbc, ConsensusProperties consensus) {
    this.jdbc = jdbc;
    this.consensus = consensus;
  }

  /** The filters of {@code GET /assets}; null means "any". */
  record Filter(String symbol, String name) {}

  List<AssetView> page(Filter filter, int limit, long offset) {
    List<Asset> assets =
        jdbc.sql(PAGE)
            .paramSource(parameters(filter).addValue("limit", limit).addValue("offset", offset))
            .query(AssetQueries::asset)
            .list();
    return complete(assets);
  }

  long count(Filter filter) {
    return jdbc.sql(COUNT).paramSource(parameters(filter)).query(Long.class).single();
  }

  Optional<AssetView> one(long assetId) {
    return jdbc.sql(ONE)
        .param("id", assetId)
        .query(AssetQueries::asset)
        .optional()
        .map(asset -> complete(List.of(asset)).get(0));
  }

  private List<AssetView> complete(List<Asset> assets) {
    if (assets.isEmpty()) {
      return List.of();
    }
    List<Long> ids = assets.stream().map(Asset::id).toList();
    Map<Long, List<AssetView.Identifier>> identifiers = new HashMap<>();
    jdbc.sql(ALIASES)
        .param("ids", ids)
        .query(
            (row, n) ->
                identifiers
                    .computeIfAbsent(row.getLong("asset_id"), id -> new ArrayList<>())
                    .add(
                        new AssetView.Identifier(
                            row.getString("source"),
                            row.getString("source_asset_id"),
                            row.getString("source_symbol"),
                            row.getString("source_name"),
                            row.getString("match_method"),
                            row.getBigDecimal("confidence"),
                            List.of((Long[]) row.getArray("candidate_asset_ids").getArray()))))
        .list();
    Map<Long, List<Quote>> quotes = new HashMap<>();
    jdbc.sql(LATEST_QUOTES)
        .param("ids", ids)
        .query(
            (row, n) ->
                quotes
                    .computeIfAbsent(row.getLong("asset_id"), id -> new ArrayList<>())
                    .add(
                        new Quote(
                            row.getString("source"),
                            row.getBigDecimal("price_usd"),
                            row.getBigDecimal("market_cap_usd"),
                            row.getBigDecimal("volume_24h_usd"),
                            row.getTimestamp("last_updated").toInstant())))
        .list();
    return assets.stream()
        .map(
            asset ->
                view(
                    asset,
                    identifiers.getOrDefault(asset.id(), List.of()),
                    quotes.getOrDefault(asset.id(), List.of())))
        .toList();
  }

  private AssetView view(Asset asset, List<AssetView.Identifier> identifiers, List<Quote> latest) {
    Instant newest =
        latest.stream().map(Quote::lastUpdated).max(Comparator.naturalOrder()).orElse(null);
    List<AssetView.SourceQuote> quotes =
        latest.stream()
            .map(
                q ->
                    new AssetView.SourceQuote(
                        q.source(),
                        q.priceUsd(),
                        q.marketCapUsd(),
                        q.volume24hUsd(),
                        q.lastUpdated(),
                        Consensus.votes(q.lastUpdated(), newest, consensus)))
            .toList();
    List<BigDecimal> voting =
        quotes.stream()
            .filter(AssetView.SourceQuote::inConsensus)
            .map(AssetView.SourceQuote::priceUsd)
            .toList();
    return new AssetView(
        asset.id(),
        asset.symbol(),
        asset.name(),
        asset.slug(),
        identifiers,
        quotes,
        Consensus.of(voting, consensus));
  }

  private static Asset asset(ResultSet row, int n) throws SQLException {
    return new Asset(
        row.getLong("asset_id"),
        row.getString("symbol"),
        row.getString("name"),
        row.getString("slug"));
  }

  private static MapSqlParameterSource parameters(Filter filter) {
    return new MapSqlParameterSource()
        .addValue("symbol", filter.symbol())
        .addValue("name", filter.name() == null ? null : likeEscaped(filter.name()));
  }

  /** The text with LIKE's wildcards and escape character taken literally. */
  private static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private record Asset(long id, String symbol, String name, String slug) {}

  private record Quote(
      String source,
      BigDecimal priceUsd,
      BigDecimal marketCapUsd,
      BigDecimal volume24hUsd,
      Instant lastUpdated) {}
}
