package io.kasparro.pipeline;

import io.kasparro.source.MarketQuote;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Maps a source's asset ids to canonical assets: an existing alias wins; otherwise the asset with
 * the same symbol and normalised name, created if needed. {@code UNIQUE (symbol, normalized_name)}
 * makes concurrent resolution of the same new asset safe.
 */
@Component
class AssetResolver {

  private static final String INSERT_ASSETS =
      """
      INSERT INTO assets (symbol, name, normalized_name)
      SELECT * FROM unnest(?::text[], ?::text[], ?::text[])
      ON CONFLICT (symbol, normalized_name) DO NOTHING
      """;
  private static final String INSERT_ALIASES =
      """
      INSERT INTO asset_aliases (source, source_asset_id, asset_id, match_method, confidence)
      SELECT ?, a.source_asset_id, s.asset_id, 'symbol_name', 0.9
        FROM unnest(?::text[], ?::text[], ?::text[]) AS a (source_asset_id, symbol, normalized_name)
        JOIN assets s ON s.symbol = a.symbol AND s.normalized_name = a.normalized_name
      ON CONFLICT (source, source_asset_id) DO NOTHING
      """;
  private static final String SELECT_ALIASES =
      """
      SELECT source_asset_id, asset_id FROM asset_aliases
       WHERE source = ? AND source_asset_id = ANY (?::text[])
      """;

  private final JdbcTemplate jdbc;

  AssetResolver(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Canonical asset id for each quote's source asset id. */
  Map<String, Long> resolve(String source, Collection<MarketQuote> quotes) {
    Map<String, MarketQuote> bySourceId = new LinkedHashMap<>();
    quotes.forEach(quote -> bySourceId.putIfAbsent(quote.sourceAssetId(), quote));
    if (bySourceId.isEmpty()) {
      return Map.of();
    }
    Map<String, Long> resolved = existingAliases(source, bySourceId.keySet());
    List<MarketQuote> unresolved =
        bySourceId.values().stream().filter(q -> !resolved.containsKey(q.sourceAssetId())).toList();
    if (!unresolved.isEmpty()) {
      SqlArrays.update(
          jdbc,
          INSERT_ASSETS,
          SqlArrays.column(unresolved, MarketQuote::symbol),
          SqlArrays.column(unresolved, MarketQuote::name),
          SqlArrays.column(unresolved, q -> normalizeName(q.name())));
      SqlArrays.update(
          jdbc,
          INSERT_ALIASES,
          source,
          SqlArrays.column(unresolved, MarketQuote::sourceAssetId),
          SqlArrays.column(unresolved, MarketQuote::symbol),
          SqlArrays.column(unresolved, q -> normalizeName(q.name())));
      resolved.putAll(
          existingAliases(source, unresolved.stream().map(MarketQuote::sourceAssetId).toList()));
    }
    return resolved;
  }

  private Map<String, Long> existingAliases(String source, Collection<String> sourceAssetIds) {
    Map<String, Long> aliases = new HashMap<>();
    SqlArrays.query(
        jdbc,
        SELECT_ALIASES,
        row -> aliases.put(row.getString(1), row.getLong(2)),
        source,
        sourceAssetIds.toArray(String[]::new));
    return aliases;
  }

  /** Lower case, letters and digits only: "Bitcoin Cash" and "bitcoin-cash" are one name. */
  static String normalizeName(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }
}
