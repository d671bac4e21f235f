package io.kasparro.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.support.Api;
import io.kasparro.support.market.FixtureSource;
import io.kasparro.support.market.MarketIntegrationTest;
import io.kasparro.support.market.MarketLoads;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@MarketIntegrationTest
class CrossSourceIdentityTest {

  @Autowired io.kasparro.runs.SourceRunner runner;
  @Autowired FixtureSource coingeckoFixture;
  @Autowired FixtureSource coinpaprikaFixture;
  @Autowired JsonMapper json;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;
  @TempDir Path dir;

  Api api;
  MarketLoads load;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    load = new MarketLoads(runner, json, dir);
  }

  @Test
  void theSampleBitcoinOfAllThreeMarketSourcesIsOneAssetWithAConsensusPrice() {
    coingeckoFixture.serveResource("samples/coingecko_coins_markets_page1.json");
    coinpaprikaFixture.serveResource("samples/coinpaprika_tickers.json");
    load.run(coingeckoFixture);
    load.run(coinpaprikaFixture);
    load.csvResource("samples/market_snapshot.csv");

    Api.Response response = api.get("/assets?symbol=BTC");

    assertThat(response.status()).isEqualTo(200);
    JsonNode assets = response.body().get("data");
    assertThat(assets).hasSize(1);
    JsonNode btc = assets.get(0);
    assertThat(btc.get("name").asString()).isEqualTo("Bitcoin");
    assertThat(btc.get("slug").asString()).isEqualTo("bitcoin");
    assertThat(identifiers(btc))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "coingecko", "bitcoin",
                "coinpaprika", "btc-bitcoin",
                "csv", "BTC:bitcoin"));
    assertThat(btc.get("quotes")).hasSize(3);
    BigDecimal gecko = new BigDecimal("91234.12");
    BigDecimal paprika = new BigDecimal("91199.5561821");
    BigDecimal csv = new BigDecimal("91210.40");
    BigDecimal expectedSpread =
        gecko
            .subtract(paprika)
            .multiply(BigDecimal.valueOf(100))
            .divide(csv, 4, RoundingMode.HALF_UP);
    JsonNode consensus = btc.get("consensus");
    assertThat(decimal(consensus.get("price_usd"))).isEqualByComparingTo(csv);
    assertThat(decimal(consensus.get("spread_pct"))).isEqualByComparingTo(expectedSpread);
    assertThat(consensus.get("sources").asInt()).isEqualTo(3);
    assertThat(consensus.get("disagreement").asBoolean()).isFalse();
    assertThat(response.body().at("/pagination/total").asLong()).isEqualTo(1);
    assertThat(response.body().at("/metadata/request_id").asString()).isNotBlank();
  }

  @Test
  void everySampleCoinIsOneAssetAndTheDetailEndpointShowsTheSame() {
    coingeckoFixture.serveResource("samples/coingecko_coins_markets_page1.json");
    coinpaprikaFixture.serveResource("samples/coinpaprika_tickers.json");
    load.run(coingeckoFixture);
    load.run(coinpaprikaFixture);
    load.csvResource("samples/market_snapshot.csv");

    JsonNode all = api.get("/assets?limit=100").body();
    long btcId = api.get("/assets?name=bitco").body().get("data").get(0).get("asset_id").asLong();
    Api.Response one = api.get("/assets/" + btcId);
    Api.Response unknown = api.get("/assets/999999");

    assertThat(all.at("/pagination/total").asLong()).isEqualTo(5);
    all.get("data").forEach(asset -> assertThat(asset.get("identifiers")).hasSize(3));
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.body().get("symbol").asString()).isEqualTo("BTC");
    assertThat(identifiers(one.body())).hasSize(3);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
    assertThat(unknown.body().get("detail").asString()).contains("999999");
  }

  @Test
  void twoCoinsSharingATickerStayApartAtEverySourceAndInData() {
    coingeckoFixture.serve(
        List.of(
            gecko("holotoken", "hot", "Holo", "0.00091"),
            gecko("hydro-protocol", "hot", "Hydro Protocol", "0.0031")));
    coinpaprikaFixture.serve(
        List.of(
            paprika("hot-holo", "HOT", "Holo", "0.000905"),
            paprika("hot-hydro-protocol", "HOT", "Hydro Protocol", "0.00305")));
    load.run(coingeckoFixture);
    load.run(coinpaprikaFixture);
    load.csv(
        "hot.csv",
        "symbol,name,price_usd,market_cap_usd,volume_24h_usd,last_updated\n"
            + "HOT,Holo,0.00092,160000000,9000000,2026-11-20T12:00:00Z\n"
            + "HOT,Hydro Protocol,0.0030,3000000,10000,2026-11-20T12:00:00Z\n");

    JsonNode assets = api.get("/assets?symbol=HOT").body().get("data");
    JsonNode data = api.get("/data?symbol=HOT").body().get("data");

    assertThat(assets).hasSize(2);
    Map<String, Map<String, String>> idsByName = new TreeMap<>();
    Map<String, Long> assetIdByName = new HashMap<>();
    assets.forEach(
        asset -> {
          idsByName.put(asset.get("name").asString(), identifiers(asset));
          assetIdByName.put(asset.get("name").asString(), asset.get("asset_id").asLong());
        });
    assertThat(idsByName)
        .containsEntry(
            "Holo", Map.of("coingecko", "holotoken", "coinpaprika", "hot-holo", "csv", "HOT:holo"))
        .containsEntry(
            "Hydro Protocol",
            Map.of(
                "coingecko", "hydro-protocol",
                "coinpaprika", "hot-hydro-protocol",
                "csv", "HOT:hydro protocol"));
    Map<String, Boolean> disagreement = new TreeMap<>();
    assets.forEach(
        a ->
            disagreement.put(
                a.get("name").asString(), a.at("/consensus/disagreement").asBoolean()));
    // Holo: (0.00092 - 0.000905) / 0.00091 = 1.6% apart; Hydro: (0.0031 - 0.0030) / 0.00305 = 3.3%.
    assertThat(disagreement).containsEntry("Holo", false).containsEntry("Hydro Protocol", true);
    assertThat(data).hasSize(6);
    Map<Long, TreeSet<String>> pricesByAsset = new HashMap<>();
    data.forEach(
        quote ->
            pricesByAsset
                .computeIfAbsent(quote.get("asset_id").asLong(), id -> new TreeSet<>())
                .add(decimal(quote.get("price_usd")).stripTrailingZeros().toPlainString()));
    assertThat(pricesByAsset.get(assetIdByName.get("Holo")))
        .containsExactlyInAnyOrder("0.00091", "0.000905", "0.00092");
    assertThat(pricesByAsset.get(assetIdByName.get("Hydro Protocol")))
        .containsExactlyInAnyOrder("0.003", "0.0031", "0.00305");
    JsonNode holoOnly = api.get("/data?asset_id=" + assetIdByName.get("Holo")).body().get("data");
    assertThat(holoOnly).hasSize(3);
    holoOnly.forEach(q -> assertThat(q.get("name").asString()).isEqualTo("Holo"));
  }

  @Test
  void twoSourcesResolvingTheSameNewCoinsAtOnceCreateEachAssetOnce() throws Exception {
    List<JsonNode> gecko = new ArrayList<>();
    List<JsonNode> paprika = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      gecko.add(gecko("coin-" + i, "c" + i, "Coin " + i, "1." + i));
      paprika.add(paprika("c" + i + "-coin-" + i, "C" + i, "Coin " + i, "1." + i));
    }
    coingeckoFixture.serve(gecko);
    coinpaprikaFixture.serve(paprika);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var first = pool.submit(() -> load.run(coingeckoFixture));
      var second = pool.submit(() -> load.run(coinpaprikaFixture));
      first.get();
      second.get();
    } finally {
      pool.shutdown();
    }

    assertThat(jdbc.queryForObject("SELECT count(*) FROM assets", Long.class)).isEqualTo(200);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM (SELECT asset_id FROM asset_aliases GROUP BY asset_id"
                    + " HAVING count(*) = 2) pairs",
                Long.class))
        .isEqualTo(200);
  }

  @Test
  void badAssetParametersAreRejectedNamingTheParameter() {
    assertThat(api.get("/assets?limit=0").body().get("parameter").asString()).isEqualTo("limit");
    assertThat(api.get("/assets?symbol=%27;drop").body().get("parameter").asString())
        .isEqualTo("symbol");
    assertThat(api.get("/assets/abc").status()).isEqualTo(400);
    assertThat(api.get("/data?asset_id=-3").body().get("parameter").asString())
        .isEqualTo("asset_id");
    assertThat(api.get("/assets?name=50%25_off").body().at("/pagination/total").asLong()).isZero();
  }

  @Test
  void aSourceIdOutsideTheCuratedListNeverJoinsACuratedAssetEvenWithItsTickerAndName() {
    coingeckoFixture.serve(
        List.of(
            gecko("bitcoin", "btc", "Bitcoin", "91234.12"),
            gecko("bitcoin-on-another-chain", "btc", "Bitcoin", "3.10")));

    load.run(coingeckoFixture);

    assertThat(api.get("/assets?symbol=BTC").body().get("data")).hasSize(2);
  }

  @Test
  void resolutionGivesTheSameAssetsWhateverTheOrderOfSourcesAndRecords() {
    Map<String, TreeSet<String>> forward = loadMixedMarket(false);
    jdbc.execute(
        "TRUNCATE market_quotes, transform_failures, asset_aliases, assets, raw_records,"
            + " etl_checkpoints, schema_drift, etl_runs RESTART IDENTITY CASCADE");

    Map<String, TreeSet<String>> backward = loadMixedMarket(true);

    assertThat(backward).isEqualTo(forward);
    assertThat(forward)
        .containsEntry(
            "BTC|bitcoin", set("coingecko:bitcoin", "coinpaprika:btc-bitcoin", "csv:BTC:bitcoin"))
        .containsEntry("KCS|", set("coingecko:kucoin-shares", "coinpaprika:kcs-kucoin-token"))
        .containsEntry("HOT|", set("coingecko:holotoken", "csv:HOT:holo"));
    assertThat(forward).containsEntry("HOT|#2", set("coinpaprika:hot-hydro-protocol")).hasSize(4);
  }

  /**
   * Loads a mix of curated, exact, fuzzy and colliding coins, sources in one order or the other
   * (records reversed too); returns, per asset, "SYMBOL|slug" and its source ids.
   */
  private Map<String, TreeSet<String>> loadMixedMarket(boolean reversed) {
    List<JsonNode> gecko =
        new ArrayList<>(
            List.of(
                gecko("bitcoin", "btc", "Bitcoin", "91234.12"),
                gecko("kucoin-shares", "kcs", "KuCoin", "11.2"),
                gecko("holotoken", "hot", "Holo", "0.00091")));
    List<JsonNode> paprika =
        new ArrayList<>(
            List.of(
                paprika("btc-bitcoin", "BTC", "Bitcoin", "91199.55"),
                paprika("kcs-kucoin-token", "KCS", "KuCoin Token", "11.25"),
                paprika("hot-hydro-protocol", "HOT", "Hydro Protocol", "0.00305")));
    String csv =
        "symbol,name,price_usd,market_cap_usd,volume_24h_usd,last_updated\n"
            + (reversed
                ? "HOT,Holo,0.00092,1,1,2026-11-20T12:00:00Z\nBTC,Bitcoin,91210.40,1,1,2026-11-20T12:00:00Z\n"
                : "BTC,Bitcoin,91210.40,1,1,2026-11-20T12:00:00Z\nHOT,Holo,0.00092,1,1,2026-11-20T12:00:00Z\n");
    if (reversed) {
      java.util.Collections.reverse(gecko);
      java.util.Collections.reverse(paprika);
      load.csv("mixed.csv", csv);
      coinpaprikaFixture.serve(paprika);
      load.run(coinpaprikaFixture);
      coingeckoFixture.serve(gecko);
      load.run(coingeckoFixture);
    } else {
      coingeckoFixture.serve(gecko);
      load.run(coingeckoFixture);
      coinpaprikaFixture.serve(paprika);
      load.run(coinpaprikaFixture);
      load.csv("mixed.csv", csv);
    }
    Map<String, TreeSet<String>> partition = new TreeMap<>();
    Map<Long, String> keys = new HashMap<>();
    jdbc.query(
        "SELECT asset_id, symbol, coalesce(slug, '') AS slug FROM assets",
        row -> {
          keys.put(row.getLong(1), row.getString(2) + "|" + row.getString(3));
        });
    jdbc.query(
        "SELECT asset_id, source, source_asset_id FROM asset_aliases",
        row -> {
          String key =
              keys.get(row.getLong(1)) + (row.getString(3).startsWith("hot-hydro") ? "#2" : "");
          partition
              .computeIfAbsent(key, k -> new TreeSet<>())
              .add(row.getString(2) + ":" + row.getString(3));
        });
    return partition;
  }

  static TreeSet<String> set(String... values) {
    return new TreeSet<>(List.of(values));
  }

  private ObjectNode gecko(String id, String symbol, String name, String price) {
    ObjectNode record = json.createObjectNode();
    record.put("id", id).put("symbol", symbol).put("name", name);
    record.put("current_price", new BigDecimal(price));
    record.put("market_cap", 1000000).put("total_volume", 1000);
    record.put("last_updated", "2026-11-20T12:00:31.112Z");
    return record;
  }

  private ObjectNode paprika(String id, String symbol, String name, String price) {
    ObjectNode record = json.createObjectNode();
    record.put("id", id).put("name", name).put("symbol", symbol);
    record.put("last_updated", "2026-11-20T12:00:05Z");
    ObjectNode usd = record.putObject("quotes").putObject("USD");
    usd.put("price", new BigDecimal(price)).put("volume_24h", 1000).put("market_cap", 1000000);
    return record;
  }

  private static Map<String, String> identifiers(JsonNode asset) {
    Map<String, String> ids = new TreeMap<>();
    asset
        .get("identifiers")
        .forEach(id -> ids.put(id.get("source").asString(), id.get("source_asset_id").asString()));
    return ids;
  }

  private static BigDecimal decimal(JsonNode node) {
    return new BigDecimal(node.asString());
  }
}
