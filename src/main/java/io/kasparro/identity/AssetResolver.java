package io.kasparro.identity;

import io.kasparro.source.MarketQuote;
import io.kasparro.system.jdbc.SqlArrays;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Maps a source's asset ids to canonical assets, creating assets and aliases as needed (the rules
 * are in {@link IdentityRules}). Runs inside the caller's transaction.
 *
 * <p>Deterministic: the batch's new ids are decided together, the strongest evidence first, so the
 * order of the batch does not matter, and a curated or exact match does not depend on what was
 * loaded before. An ambiguous id is logged as a warning. Concurrent resolutions (two sources
 * running at once) are serialised by a transaction-scoped advisory lock taken only when a batch has
 * ids without an alias; {@code UNIQUE (source, source_asset_id)} and {@code UNIQUE (slug)} back it
 * up. Within a run, an id is looked up once ({@link RunAliases}).
 */
@Component
public class AssetResolver {

  private static final Logger log = LoggerFactory.getLogger(AssetResolver.class);

  private static final String SELECT_ALIASES =
      """
      SELECT source_asset_id, asset_id FROM asset_aliases
       WHERE source = ? AND source_asset_id = ANY (?::text[])
      """;
  // Corrections take the same advisory lock before drawing their id, so ids grow in commit order.
  private static final String NEWEST_CORRECTION =
      "SELECT coalesce(max(correction_id), 0) FROM identity_corrections";
  private static final String SELECT_CANDIDATES =
      """
      SELECT a.asset_id, a.symbol, a.name, a.slug,
             coalesce(array_agg(al.source_asset_id) FILTER (WHERE al.source = ?), '{}')
               AS ids_at_source,
             coalesce(array_agg(DISTINCT al.source_name) FILTER (WHERE al.source_name IS NOT NULL),
                      '{}') AS source_names,
             q.price_usd, q.market_cap_usd, q.volume_24h_usd
        FROM assets a
        LEFT JOIN asset_aliases al ON al.asset_id = a.asset_id
        LEFT JOIN LATERAL (
               SELECT price_usd, market_cap_usd, volume_24h_usd FROM market_quotes m
                WHERE m.asset_id = a.asset_id AND m.source <> ?
                ORDER BY m.last_updated DESC, m.id DESC LIMIT 1) q ON true
       WHERE a.symbol = ANY (?::text[]) OR a.slug = ANY (?::text[])
          OR a.asset_id = ANY (?::text[]::bigint[])
       GROUP BY a.asset_id, q.price_usd, q.market_cap_usd, q.volume_24h_usd
       ORDER BY a.asset_id
      """;
  private static final String BATCH_CONTRACTS =
      """
      SELECT provider_id, chain, address FROM asset_contracts
       WHERE provider = ? AND provider_id = ANY (?::text[])
      """;
  // The assets of other sources' coins that share a contract with one of the batch's ids.
  private static final String SHARING_CONTRACTS =
      """
      SELECT DISTINCT al.asset_id FROM asset_contracts mine
        JOIN asset_contracts other ON other.chain = mine.chain AND other.address = mine.address
                                  AND other.provider <> mine.provider
        JOIN asset_aliases al ON al.source = other.provider AND al.source_asset_id = other.provider_id
       WHERE mine.provider = ? AND mine.provider_id = ANY (?::text[])
      """;
  private static final String CANDIDATE_CONTRACTS =
      """
      SELECT DISTINCT al.asset_id, c.chain, c.address FROM asset_aliases al
        JOIN asset_contracts c ON c.provider = al.source AND c.provider_id = al.source_asset_id
       WHERE al.asset_id = ANY (?::text[]::bigint[]) AND al.source <> ?
      """;
  private static final String NEXT_IDS =
      """
      SELECT nextval(pg_get_serial_sequence('assets', 'asset_id')) FROM generate_series(1, ?)
      """;
  private static final String INSERT_ASSETS =
      """
      INSERT INTO assets (asset_id, symbol, name, normalized_name, slug, created_at)
      OVERRIDING SYSTEM VALUE
      SELECT a.id::bigint, a.symbol, a.name, a.normalized_name, a.slug, a.seen::timestamptz
        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
             AS a (id, symbol, name, normalized_name, slug, seen)
      """;
  private static final String INSERT_ALIASES =
      """
      INSERT INTO asset_aliases (source, source_asset_id, asset_id, match_method, confidence,
                                 source_symbol, source_name, created_at, candidate_asset_ids)
      SELECT ?, a.id, a.asset_id::bigint, a.method, a.confidence::numeric, a.symbol, a.name,
             a.seen::timestamptz, nullif(a.candidates, '')::bigint[]
        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[])
             AS a (id, asset_id, method, confidence, symbol, name, seen, candidates)
      """;

  private final JdbcTemplate jdbc;
  private final IdentityRules rules;
  private final CuratedAssets curated;

  AssetResolver(JdbcTemplate jdbc, IdentityRules rules, CuratedAssets curated) {
    this.jdbc = jdbc;
    this.rules = rules;
    this.curated = curated;
  }

  /**
   * A quote to resolve and when it was first seen.
   *
   * @param quote the quote
   * @param seenAt when its bronze record was ingested; stored as the creation time of the asset or
   *     alias it creates, so a rebuild from bronze gives the same rows
   */
  public record Sighting(MarketQuote quote, Instant seenAt) {}

  /**
   * Canonical asset id for each quote's source asset id; ids the run has already resolved come from
   * {@code run}, unless an identity correction was made since they were.
   */
  public Map<String, Long> resolve(String source, Collection<Sighting> sightings, RunAliases run) {
    Map<String, Sighting> bySourceId = new LinkedHashMap<>();
    sightings.forEach(s -> bySourceId.putIfAbsent(s.quote().sourceAssetId(), s));
    if (bySourceId.isEmpty()) {
      return Map.of();
    }
    run.validUnder(jdbc.queryForObject(NEWEST_CORRECTION, Long.class));
    Map<String, Long> known = run.known(bySourceId.keySet());
    if (known.size() == bySourceId.size()) {
      return known;
    }
    Map<String, Long> resolved = resolveUncached(source, bySourceId, known.keySet());
    run.remember(resolved);
    resolved.putAll(known);
    return resolved;
  }

  /** Resolves the ids not in {@code known}, from their aliases or by creating them. */
  private Map<String, Long> resolveUncached(
      String source, Map<String, Sighting> bySourceId, Set<String> known) {
    Set<String> wanted = new HashSet<>(bySourceId.keySet());
    wanted.removeAll(known);
    Map<String, Long> resolved = existingAliases(source, wanted);
    if (resolved.size() == wanted.size()) {
      return resolved;
    }
    lockAssets(jdbc);
    resolved.putAll(existingAliases(source, wanted));
    List<Sighting> unresolved =
        wanted.stream()
            .filter(id -> !resolved.containsKey(id))
            .map(bySourceId::get)
            .sorted(Comparator.comparing(s -> s.quote().sourceAssetId()))
            .toList();
    if (!unresolved.isEmpty()) {
      resolved.putAll(create(source, unresolved));
    }
    return resolved;
  }

  private Map<String, Long> create(String source, List<Sighting> unresolved) {
    Map<String, Set<ChainAddress>> contracts = batchContracts(source, unresolved);
    Catalog catalog = new Catalog(candidates(source, unresolved, contracts));
    Map<String, IdentityRules.Match> matches =
        rules.decide(source, unresolved.stream().map(Sighting::quote).toList(), catalog, contracts);
    List<NewAlias> aliases = new ArrayList<>();
    Map<KnownAsset, Instant> firstSeen = new HashMap<>();
    for (Sighting sighting : unresolved) {
      IdentityRules.Match match = matches.get(sighting.quote().sourceAssetId());
      firstSeen.putIfAbsent(match.asset(), sighting.seenAt());
      aliases.add(new NewAlias(sighting, match));
    }
    storeAssets(catalog.created(), firstSeen);
    SqlArrays.update(
        jdbc,
        INSERT_ALIASES,
        source,
        SqlArrays.column(aliases, a -> a.sighting().quote().sourceAssetId()),
        SqlArrays.column(aliases, a -> a.match().asset().id()),
        SqlArrays.column(aliases, a -> a.match().method().dbValue()),
        SqlArrays.column(aliases, a -> a.match().confidence().toPlainString()),
        SqlArrays.column(aliases, a -> a.sighting().quote().symbol()),
        SqlArrays.column(aliases, a -> a.sighting().quote().name()),
        SqlArrays.column(aliases, a -> a.sighting().seenAt()),
        SqlArrays.column(aliases, a -> candidates(a.match())));
    aliases.stream()
        .filter(a -> a.match().method() == MatchMethod.AMBIGUOUS)
        .forEach(
            a ->
                log.warn(
                    "identity of {} {} ({} {}) is ambiguous between assets {}: kept as asset {}"
                        + " until an operator links it",
                    source,
                    a.sighting().quote().sourceAssetId(),
                    a.sighting().quote().symbol(),
                    a.sighting().quote().name(),
                    candidates(a.match()),
                    a.match().asset().id()));
    Map<String, Long> ids = new HashMap<>();
    aliases.forEach(a -> ids.put(a.sighting().quote().sourceAssetId(), a.match().asset().id()));
    return ids;
  }

  /** The candidates as a PostgreSQL array literal, or empty when there are none. */
  private static String candidates(IdentityRules.Match match) {
    return match.candidates().isEmpty()
        ? ""
        : match.candidates().stream()
            .map(asset -> Long.toString(asset.id()))
            .collect(Collectors.joining(",", "{", "}"));
  }

  private void storeAssets(List<KnownAsset> created, Map<KnownAsset, Instant> firstSeen) {
    if (created.isEmpty()) {
      return;
    }
    List<Long> ids = jdbc.queryForList(NEXT_IDS, Long.class, created.size());
    for (int i = 0; i < created.size(); i++) {
      created.get(i).stored(ids.get(i));
    }
    SqlArrays.update(
        jdbc,
        INSERT_ASSETS,
        SqlArrays.column(created, KnownAsset::id),
        SqlArrays.column(created, KnownAsset::symbol),
        SqlArrays.column(created, KnownAsset::name),
        SqlArrays.column(created, a -> Names.normalize(a.name())),
        SqlArrays.column(created, KnownAsset::slug),
        SqlArrays.column(created, firstSeen::get));
  }

  /** The contracts the source lists for the ids, by id (none for a source without a listing). */
  private Map<String, Set<ChainAddress>> batchContracts(String source, List<Sighting> unresolved) {
    Map<String, Set<ChainAddress>> contracts = new HashMap<>();
    SqlArrays.query(
        jdbc,
        BATCH_CONTRACTS,
        row ->
            contracts
                .computeIfAbsent(row.getString(1), id -> new HashSet<>())
                .add(new ChainAddress(row.getString(2), row.getString(3))),
        source,
        unresolved.stream().map(s -> s.quote().sourceAssetId()).toArray(String[]::new));
    return contracts;
  }

  private List<KnownAsset> candidates(
      String source, List<Sighting> unresolved, Map<String, Set<ChainAddress>> contracts) {
    List<String> sharing = new ArrayList<>();
    if (!contracts.isEmpty()) {
      SqlArrays.query(
          jdbc,
          SHARING_CONTRACTS,
          row -> sharing.add(Long.toString(row.getLong(1))),
          source,
          contracts.keySet().toArray(String[]::new));
    }
    Set<String> symbols = new HashSet<>();
    Set<String> slugs = new HashSet<>();
    for (Sighting sighting : unresolved) {
      MarketQuote quote = sighting.quote();
      symbols.add(quote.symbol());
      curated.bySourceId(source, quote.sourceAssetId()).ifPresent(entry -> slugs.add(entry.slug()));
      curated
          .bySymbolAndName(quote.symbol(), Names.normalize(quote.name()))
          .ifPresent(entry -> slugs.add(entry.slug()));
    }
    List<KnownAsset> assets = new ArrayList<>();
    SqlArrays.query(
        jdbc,
        SELECT_CANDIDATES,
        row -> {
          String slug = row.getString("slug");
          List<String> names = new ArrayList<>();
          names.add(row.getString("name"));
          if (slug != null) {
            curated.bySlug(slug).ifPresent(entry -> names.addAll(entry.names()));
          }
          names.addAll(Arrays.asList((String[]) row.getArray("source_names").getArray()));
          Set<String> idsAtSource = new HashSet<>();
          Arrays.stream((String[]) row.getArray("ids_at_source").getArray())
              .map(id -> rules.idKey(source, id))
              .forEach(idsAtSource::add);
          BigDecimal price = row.getBigDecimal("price_usd");
          assets.add(
              new KnownAsset(
                  row.getLong("asset_id"),
                  row.getString("symbol"),
                  row.getString("name"),
                  slug,
                  names.stream().distinct().toList(),
                  idsAtSource,
                  price == null
                      ? null
                      : new Market(
                          price,
                          row.getBigDecimal("market_cap_usd"),
                          row.getBigDecimal("volume_24h_usd"))));
        },
        source,
        source,
        symbols.toArray(String[]::new),
        slugs.toArray(String[]::new),
        sharing.toArray(String[]::new));
    attachContracts(source, assets);
    return assets;
  }

  /** Gives each candidate the contracts other sources list for it. */
  private void attachContracts(String source, List<KnownAsset> assets) {
    if (assets.isEmpty()) {
      return;
    }
    Map<Long, KnownAsset> byId = new HashMap<>();
    assets.forEach(asset -> byId.put(asset.id(), asset));
    SqlArrays.query(
        jdbc,
        CANDIDATE_CONTRACTS,
        row ->
            byId.get(row.getLong(1))
                .contracts()
                .add(new ChainAddress(row.getString(2), row.getString(3))),
        assets.stream().map(asset -> Long.toString(asset.id())).toArray(String[]::new),
        source);
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

  private record NewAlias(Sighting sighting, IdentityRules.Match match) {}

  /**
   * Takes, for the rest of the transaction, the one lock under which assets and aliases are created
   * or moved: by resolution, operator corrections and contract links alike, so that their writes
   * (and the ids of {@code identity_corrections}) follow commit order.
   */
  static void lockAssets(JdbcTemplate jdbc) {
    jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended('kasparro.assets', 0))");
  }
}
