package io.kasparro.identity;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import io.kasparro.runs.RunStatus;
import io.kasparro.runs.SourceRunner;
import io.kasparro.support.CleanDatabaseExtension;
import io.kasparro.support.market.FixtureSource;
import io.kasparro.support.market.MarketIntegrationTest;
import io.kasparro.support.market.MarketLoads;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Identity resolution on real coin listings (src/test/resources/identity/real-world, SOURCES.md
 * there): the assets listed at both CoinGecko and CoinPaprika by a public wallet configuration, and
 * every other CoinGecko coin that shares one of their tickers. Ids, tickers and names are real;
 * prices are synthetic.
 */
@MarketIntegrationTest
class RealWorldIdentityEvaluationTest {

  static final String SAMPLE = "identity/real-world/sample.csv";
  static final String CROSS_LISTED = "identity/real-world/cross-listed.csv";
  static final String PLATFORMS = "identity/real-world/coingecko-platforms.csv";

  /** The mapping's platforms as each provider names them (QTUM is on neither's chain list). */
  static final Map<String, String> KOMODO_AT_COINGECKO =
      Map.of(
          "ETH", "ethereum",
          "BNB", "binance-smart-chain",
          "AVAX", "avalanche",
          "ETH-ARB20", "arbitrum-one");

  static final Map<String, String> KOMODO_AT_COINPAPRIKA =
      Map.of(
          "ETH", "eth-ethereum",
          "BNB", "bnb-binance-coin",
          "AVAX", "avax-avalanche",
          "ETH-ARB20", "arb-arbitrum");

  @Autowired SourceRunner runner;
  @Autowired FixtureSource coingeckoFixture;
  @Autowired FixtureSource coinpaprikaFixture;
  @Autowired JsonMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired Chains chains;
  @TempDir Path dir;

  MarketLoads load;

  @BeforeEach
  void setUp() {
    load = new MarketLoads(runner, json, dir);
  }

  @Test
  void theCrossListedAssetsAreUnifiedWithoutASingleWrongMerge() {
    List<Coin> coins = sample();

    Map<String, Long> assets = resolve(coins, false);

    Evaluation evaluation = Evaluation.of(coins, assets, methods("coinpaprika"));
    System.out.println(evaluation.report());
    assertThat(jdbc.queryForObject("SELECT count(*) FROM transform_failures", Long.class)).isZero();
    assertThat(evaluation.crossListed()).isGreaterThanOrEqualTo(250);
    assertThat(evaluation.wrongMerges()).isEmpty();
    assertThat(evaluation.recall()).isGreaterThanOrEqualTo(0.97);
  }

  /**
   * Contract evidence, measured apart from the headline: the mapping's one chain and contract per
   * asset given to both providers. Circular (the ground truth supplies the evidence), so an upper
   * bound that shows contracts link and veto nothing wrongly, not a measure of recall.
   */
  @Test
  void withTheMappingsContractsOnBothSidesNothingIsWronglyMerged() {
    List<Coin> coins = sample();
    storeMappingContracts(true);

    Map<String, Long> assets = resolve(coins, false);

    Evaluation evaluation = Evaluation.of(coins, assets, methods("coinpaprika"));
    System.out.println(
        "with the mapping's contracts on both sides (circular: an upper bound)\n"
            + evaluation.report());
    assertThat(evaluation.wrongMerges()).isEmpty();
    assertThat(evaluation.recall()).isGreaterThanOrEqualTo(0.97);
  }

  /**
   * Contract evidence with a real CoinGecko side: the contracts a real {@code
   * /coins/list?include_platform=true} snapshot lists for 60 of the sample's coins, against the
   * mapping's contract for CoinPaprika (there is no public CoinPaprika contracts snapshot).
   */
  @Test
  void withRealCoinGeckoContractsNothingIsWronglyMergedAndTheMappingIsCheckedAgainstThem() {
    List<Coin> coins = sample();
    Map<String, Map<String, String>> gecko = new HashMap<>();
    for (Map<String, String> row : rows(PLATFORMS)) {
      chains
          .contract("coingecko", row.get("platform"), row.get("address"))
          .ifPresent(c -> store("coingecko", row.get("id"), c));
      gecko
          .computeIfAbsent(row.get("id"), id -> new HashMap<>())
          .put(row.get("platform"), row.get("address").toLowerCase(Locale.ROOT));
    }
    Map<String, Integer> check = new TreeMap<>();
    for (Map<String, String> row : crossListed()) {
      contract("coinpaprika", row.get("coinpaprika"), KOMODO_AT_COINPAPRIKA, row);
      String platform = KOMODO_AT_COINGECKO.get(row.get("platform"));
      Map<String, String> listed = gecko.get(row.get("coingecko"));
      if (platform != null && listed != null) {
        String address = listed.get(platform);
        String verdict =
            address == null
                ? "not listed on that chain by CoinGecko"
                : address.equals(row.get("contract").toLowerCase(Locale.ROOT))
                    ? "the same"
                    : "another address";
        check.merge(verdict, 1, Integer::sum);
      }
    }

    Map<String, Long> assets = resolve(coins, false);

    Evaluation evaluation = Evaluation.of(coins, assets, methods("coinpaprika"));
    System.out.println(
        "with real CoinGecko contracts (60 coins) and the mapping's for CoinPaprika\n"
            + "  the mapping's contract against CoinGecko's on its chain: "
            + check
            + "\n"
            + evaluation.report());
    assertThat(evaluation.wrongMerges()).isEmpty();
    assertThat(evaluation.recall()).isGreaterThanOrEqualTo(0.97);
  }

  @Test
  void theSameCoinsInAnyOrderAndFromEitherProviderFirstGiveTheSameAssets() {
    List<Coin> coins = sample();
    Set<Set<String>> reference = partition(resolve(coins, false));

    for (int seed = 1; seed <= 3; seed++) {
      List<Coin> shuffled = new ArrayList<>(coins);
      Collections.shuffle(shuffled, new Random(seed));
      CleanDatabaseExtension.emptyAllTables(jdbc);

      Set<Set<String>> assets = partition(resolve(shuffled, seed % 2 == 0));

      assertThat(assets).as("shuffle %d", seed).isEqualTo(reference);
    }
  }

  /**
   * Order independence across batches: the sample shuffled and cut into batches of random sizes,
   * each batch's coins loaded one provider after the other in a random order, gives the same
   * partition of ids into assets as one batch per provider — without contracts and with the
   * mapping's contracts stored beforehand.
   */
  @Test
  void theSameCoinsSplitIntoBatchesOfAnySizeGiveTheSameAssetsAsOneBatch() {
    List<Coin> coins = sample();
    for (boolean withContracts : List.of(false, true)) {
      CleanDatabaseExtension.emptyAllTables(jdbc);
      storeMappingContracts(withContracts);
      Set<Set<String>> reference = partition(resolve(coins, false));

      for (int seed = 1; seed <= 4; seed++) {
        Random random = new Random(seed);
        List<Coin> shuffled = new ArrayList<>(coins);
        Collections.shuffle(shuffled, random);
        CleanDatabaseExtension.emptyAllTables(jdbc);
        storeMappingContracts(withContracts);

        for (int from = 0; from < shuffled.size(); ) {
          int to = Math.min(shuffled.size(), from + 1 + random.nextInt(200));
          load(shuffled.subList(from, to), random.nextBoolean());
          from = to;
        }
        Set<Set<String>> assets = partition(aliases());

        String run = "seed " + seed + (withContracts ? " with contracts" : "");
        assertThat(difference(assets, reference))
            .as("%s: assets not in one batch's", run)
            .isEmpty();
        assertThat(difference(reference, assets))
            .as("%s: one batch's assets missing", run)
            .isEmpty();
      }
    }
  }

  private void storeMappingContracts(boolean store) {
    if (store) {
      for (Map<String, String> row : crossListed()) {
        contract("coingecko", row.get("coingecko"), KOMODO_AT_COINGECKO, row);
        contract("coinpaprika", row.get("coinpaprika"), KOMODO_AT_COINPAPRIKA, row);
      }
    }
  }

  private static Set<Set<String>> difference(Set<Set<String>> a, Set<Set<String>> b) {
    Set<Set<String>> difference = new HashSet<>(a);
    difference.removeAll(b);
    return difference;
  }

  /** Loads the coins in their order, one provider after the other; source id → asset. */
  private Map<String, Long> resolve(List<Coin> coins, boolean coinpaprikaFirst) {
    load(coins, coinpaprikaFirst);
    return aliases();
  }

  /** Loads the coins as one batch per provider, one provider after the other. */
  private void load(List<Coin> coins, boolean coinpaprikaFirst) {
    coingeckoFixture.serve(
        coins.stream().filter(c -> c.source().equals("coingecko")).map(this::gecko).toList());
    coinpaprikaFixture.serve(
        coins.stream().filter(c -> c.source().equals("coinpaprika")).map(this::paprika).toList());
    List<FixtureSource> order =
        coinpaprikaFirst
            ? List.of(coinpaprikaFixture, coingeckoFixture)
            : List.of(coingeckoFixture, coinpaprikaFixture);
    Map<FixtureSource, Boolean> served =
        Map.of(
            coingeckoFixture,
            coins.stream().anyMatch(c -> c.source().equals("coingecko")),
            coinpaprikaFixture,
            coins.stream().anyMatch(c -> c.source().equals("coinpaprika")));
    order.stream()
        .filter(served::get)
        .forEach(source -> assertThat(load.run(source).status()).isEqualTo(RunStatus.SUCCESS));
  }

  /** Every alias: source id → asset. */
  private Map<String, Long> aliases() {
    Map<String, Long> assets = new HashMap<>();
    jdbc.query(
        "SELECT source, source_asset_id, asset_id FROM asset_aliases",
        row -> {
          assets.put(key(row.getString(1), row.getString(2)), row.getLong(3));
        });
    return assets;
  }

  private Map<String, String> methods(String source) {
    Map<String, String> methods = new HashMap<>();
    jdbc.query(
        "SELECT source_asset_id, match_method FROM asset_aliases WHERE source = ?",
        row -> {
          methods.put(key(source, row.getString(1)), row.getString(2));
        },
        source);
    return methods;
  }

  /** The assets as sets of source ids, whatever their numbers. */
  private static Set<Set<String>> partition(Map<String, Long> assets) {
    return new HashSet<>(
        assets.entrySet().stream()
            .collect(
                Collectors.groupingBy(
                    Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toSet())))
            .values());
  }

  /**
   * Recall (cross-listed assets whose two ids share one asset) and wrong merges (assets holding ids
   * of different coins), with recall broken down by how the CoinPaprika id was matched.
   */
  record Evaluation(
      int crossListed,
      int unified,
      List<Set<String>> wrongMerges,
      Map<String, int[]> byMethod,
      List<String> missed) {

    static Evaluation of(List<Coin> coins, Map<String, Long> assets, Map<String, String> methods) {
      Map<String, String> truth = new HashMap<>();
      coins.forEach(c -> truth.put(key(c.source(), c.id()), c.asset()));
      List<Set<String>> wrong =
          partition(assets).stream()
              .filter(ids -> ids.stream().map(truth::get).distinct().count() > 1)
              .toList();
      Map<String, int[]> byMethod = new TreeMap<>();
      List<String> missed = new ArrayList<>();
      int crossListed = 0;
      int unified = 0;
      for (Coin coin : coins) {
        if (!coin.source().equals("coinpaprika")) {
          continue;
        }
        crossListed++;
        String paprika = key("coinpaprika", coin.id());
        boolean same = assets.get(paprika).equals(assets.get(key("coingecko", coin.asset())));
        unified += same ? 1 : 0;
        byMethod.computeIfAbsent(methods.get(paprika), m -> new int[2])[same ? 0 : 1]++;
        if (!same) {
          missed.add(coin.id() + " (" + coin.symbol() + " " + coin.name() + ") → " + coin.asset());
        }
      }
      return new Evaluation(crossListed, unified, wrong, byMethod, missed);
    }

    double recall() {
      return (double) unified / crossListed;
    }

    String report() {
      StringBuilder report = new StringBuilder("identity evaluation on the real-world sample\n");
      report.append(
          String.format(
              "  recall %.1f %% (%d of %d cross-listed assets unified), wrong merges %d%n",
              100 * recall(), unified, crossListed, wrongMerges.size()));
      report.append("  by match method of the CoinPaprika id (unified / not unified):\n");
      byMethod.forEach(
          (method, counts) ->
              report.append(String.format("    %-14s %4d / %d%n", method, counts[0], counts[1])));
      wrongMerges.forEach(ids -> report.append("  wrong merge: ").append(ids).append('\n'));
      missed.forEach(id -> report.append("  not unified: ").append(id).append('\n'));
      return report.toString();
    }
  }

  /** One row of the sample: a coin at one provider, and the asset it truly is. */
  record Coin(
      String source,
      String id,
      String symbol,
      String name,
      BigDecimal price,
      BigDecimal marketCap,
      BigDecimal volume,
      String asset) {}

  static List<Coin> sample() {
    List<Coin> coins = new ArrayList<>();
    try (Reader reader =
            new InputStreamReader(
                RealWorldIdentityEvaluationTest.class.getClassLoader().getResourceAsStream(SAMPLE),
                StandardCharsets.UTF_8);
        CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(reader)) {
      for (NamedCsvRecord row : csv) {
        coins.add(
            new Coin(
                row.getField("source"),
                row.getField("id"),
                row.getField("symbol"),
                row.getField("name"),
                new BigDecimal(row.getField("price_usd")),
                amount(row.getField("market_cap_usd")),
                amount(row.getField("volume_24h_usd")),
                row.getField("asset")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return coins;
  }

  private ObjectNode gecko(Coin coin) {
    ObjectNode record = json.createObjectNode();
    record.put("id", coin.id()).put("symbol", coin.symbol()).put("name", coin.name());
    record.put("current_price", coin.price());
    record.put("market_cap", coin.marketCap()).put("total_volume", coin.volume());
    record.put("last_updated", "2026-11-20T12:00:31.112Z");
    return record;
  }

  private ObjectNode paprika(Coin coin) {
    ObjectNode record = json.createObjectNode();
    record.put("id", coin.id()).put("name", coin.name()).put("symbol", coin.symbol());
    record.put("last_updated", "2026-11-20T12:00:05Z");
    ObjectNode usd = record.putObject("quotes").putObject("USD");
    usd.put("price", coin.price());
    usd.put("volume_24h", coin.volume()).put("market_cap", coin.marketCap());
    return record;
  }

  private void contract(
      String provider, String id, Map<String, String> platforms, Map<String, String> row) {
    String platform = platforms.get(row.get("platform"));
    if (platform != null) {
      chains
          .contract(provider, platform, row.get("contract"))
          .ifPresent(contract -> store(provider, id, contract));
    }
  }

  private void store(String provider, String id, ChainAddress contract) {
    jdbc.update(
        "INSERT INTO asset_contracts VALUES (?, ?, ?, ?, now()) ON CONFLICT DO NOTHING",
        provider,
        id,
        contract.chain(),
        contract.address());
  }

  static List<Map<String, String>> crossListed() {
    return rows(CROSS_LISTED);
  }

  static List<Map<String, String>> rows(String resource) {
    List<Map<String, String>> rows = new ArrayList<>();
    try (Reader reader =
            new InputStreamReader(
                RealWorldIdentityEvaluationTest.class
                    .getClassLoader()
                    .getResourceAsStream(resource),
                StandardCharsets.UTF_8);
        CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(reader)) {
      csv.forEach(row -> rows.add(row.getFieldsAsMap()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static BigDecimal amount(String text) {
    return text.isEmpty() ? null : new BigDecimal(text);
  }

  private static String key(String source, String id) {
    return source + ":" + id;
  }
}
