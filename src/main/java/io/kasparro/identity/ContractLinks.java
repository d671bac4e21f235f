package io.kasparro.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-decides, once new contracts are stored, the aliases that were decided without evidence ({@code
 * new_asset}, {@code ambiguous}) — those resolved before the first fetch, or before the other
 * provider listed the coin. Such an alias, alone on its asset, whose coin shares a contract with
 * exactly one other asset open to its source and of the same variant (no "Wrapped", "Binance-Peg"…
 * in one name and not the other), moves to that asset with its quotes, as {@link
 * MatchMethod#CONTRACT}; of two such aliases, the one on the newer asset moves into the older.
 * Curated, operator and evidence-backed aliases are never moved (another alias may still join
 * theirs). Each move is recorded in {@code identity_corrections} as a link made by {@value
 * #MADE_BY}, like an operator's, so that runs in progress stop using the alias's old asset ({@link
 * RunAliases}) and the move can be read back.
 */
@Component
class ContractLinks {

  private static final Logger log = LoggerFactory.getLogger(ContractLinks.class);

  // Undecided aliases alone on their asset, and the other sources' assets sharing a contract.
  private static final String CANDIDATES =
      """
      SELECT DISTINCT mine.source, mine.source_asset_id, mine.asset_id, theirs.asset_id AS target,
             a.slug AS target_slug, mine.source_name
        FROM asset_aliases mine
        JOIN asset_contracts c ON c.provider = mine.source AND c.provider_id = mine.source_asset_id
        JOIN asset_contracts oc ON oc.chain = c.chain AND oc.address = c.address
                               AND oc.provider <> c.provider
        JOIN asset_aliases theirs ON theirs.source = oc.provider
                                 AND theirs.source_asset_id = oc.provider_id
        JOIN assets a ON a.asset_id = theirs.asset_id
       WHERE mine.match_method IN ('new_asset', 'ambiguous')
         AND theirs.asset_id <> mine.asset_id
         AND NOT EXISTS (SELECT 1 FROM asset_aliases other
                          WHERE other.asset_id = mine.asset_id
                            AND (other.source, other.source_asset_id)
                                <> (mine.source, mine.source_asset_id))
       ORDER BY mine.asset_id DESC, target
      """;
  private static final String SOURCE_ON_ASSET =
      "SELECT count(*) FROM asset_aliases WHERE asset_id = ? AND source = ?";
  private static final String NAMES =
      """
      SELECT name FROM assets WHERE asset_id = ?
      UNION SELECT source_name FROM asset_aliases WHERE asset_id = ? AND source_name IS NOT NULL
      """;
  private static final String MOVE_ALIAS =
      """
      UPDATE asset_aliases
         SET asset_id = ?, match_method = 'contract', confidence = ?, candidate_asset_ids = NULL
       WHERE source = ? AND source_asset_id = ? AND asset_id = ?
      """;
  private static final String MOVE_QUOTES =
      "UPDATE market_quotes SET asset_id = ? WHERE asset_id = ? AND source = ?";
  private static final String RECORD =
      """
      INSERT INTO identity_corrections (action, source, source_asset_id, from_asset_id,
                                        to_asset_id, reason, made_by, made_at, quotes_moved)
      VALUES ('link', ?, ?, ?, ?, 'a token contract in common (asset_contracts)', ?, ?, ?)
      """;
  static final String MADE_BY = "asset-contracts";

  private final JdbcTemplate jdbc;
  private final CuratedAssets curated;
  private final Clock clock;

  ContractLinks(JdbcTemplate jdbc, CuratedAssets curated, Clock clock) {
    this.jdbc = jdbc;
    this.curated = curated;
    this.clock = clock;
  }

  private record Alias(String source, String sourceAssetId, long assetId, String name) {}

  /** Moves what the contracts now decide; how many aliases moved. */
  @Transactional
  public int relink() {
    AssetResolver.lockAssets(jdbc);
    Map<Alias, Set<Long>> targets = new LinkedHashMap<>();
    Map<Long, String> slugs = new HashMap<>();
    jdbc.query(
        CANDIDATES,
        row -> {
          Alias alias =
              new Alias(row.getString(1), row.getString(2), row.getLong(3), row.getString(6));
          targets.computeIfAbsent(alias, a -> new LinkedHashSet<>()).add(row.getLong(4));
          slugs.put(row.getLong(4), row.getString(5));
        });
    // An asset an earlier move emptied is nobody's target; one it filled is closed to that source.
    Set<Long> emptied = new LinkedHashSet<>();
    List<String> moved = new ArrayList<>();
    targets.forEach(
        (alias, assets) -> {
          if (assets.size() != 1 || emptied.contains(alias.assetId())) {
            return;
          }
          long target = assets.iterator().next();
          if (emptied.contains(target) || !fits(target, slugs.get(target), alias)) {
            return;
          }
          jdbc.update(
              MOVE_ALIAS,
              target,
              MatchMethod.CONTRACT.confidence(),
              alias.source(),
              alias.sourceAssetId(),
              alias.assetId());
          int quotes = jdbc.update(MOVE_QUOTES, target, alias.assetId(), alias.source());
          jdbc.update(
              RECORD,
              alias.source(),
              alias.sourceAssetId(),
              alias.assetId(),
              target,
              MADE_BY,
              Timestamp.from(clock.instant()),
              quotes);
          emptied.add(alias.assetId());
          moved.add(
              alias.source()
                  + " "
                  + alias.sourceAssetId()
                  + " → asset "
                  + target
                  + " ("
                  + quotes
                  + " quote(s))");
        });
    if (!moved.isEmpty()) {
      log.info("Contracts linked {} alias(es) decided without evidence: {}", moved.size(), moved);
    }
    return moved.size();
  }

  /** Whether the asset is open to the alias's source and the same variant of the coin. */
  private boolean fits(long asset, String slug, Alias alias) {
    boolean curatedElsewhere =
        slug != null
            && curated
                .bySlug(slug)
                .map(entry -> entry.ids().containsKey(alias.source()))
                .orElse(false);
    Long ids = jdbc.queryForObject(SOURCE_ON_ASSET, Long.class, asset, alias.source());
    if (curatedElsewhere || ids == null || ids != 0) {
      return false;
    }
    List<String> names = new ArrayList<>(jdbc.queryForList(NAMES, String.class, asset, asset));
    if (slug != null) {
      curated.bySlug(slug).ifPresent(entry -> names.addAll(entry.names()));
    }
    return Names.sameVariant(alias.name(), names);
  }
}
