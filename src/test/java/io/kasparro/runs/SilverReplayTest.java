package io.kasparro.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.cli.CommandRunner;
import io.kasparro.support.market.FixtureSource;
import io.kasparro.support.market.MarketIntegrationTest;
import io.kasparro.support.market.MarketLoads;
import io.kasparro.system.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@MarketIntegrationTest
class SilverReplayTest {

  /** Every silver table, every column, in a stable order. */
  static final Map<String, String> SILVER =
      Map.of(
          "assets", "SELECT * FROM assets ORDER BY asset_id",
          "asset_aliases", "SELECT * FROM asset_aliases ORDER BY source, source_asset_id",
          "market_quotes", "SELECT * FROM market_quotes ORDER BY id",
          "transform_failures", "SELECT * FROM transform_failures ORDER BY id");

  @Autowired SourceRunner runner;
  @Autowired CommandRunner commands;
  @Autowired FixtureSource coingeckoFixture;
  @Autowired FixtureSource coinpaprikaFixture;
  @Autowired JsonMapper json;
  @Autowired JdbcTemplate jdbc;
  @TempDir Path dir;

  MarketLoads load;

  @BeforeEach
  void setUp() {
    load = new MarketLoads(runner, json, dir);
  }

  @Test
  void emptiedSilverReplayedFromBronzeAloneIsIdenticalToTheOriginal() throws Exception {
    loadEverySourceWithDriftFailuresAndCollisions();
    Map<String, List<Map<String, Object>>> before = snapshot();
    deleteCsvFiles();
    coingeckoFixture.serve(List.of());
    coinpaprikaFixture.serve(List.of());

    jdbc.execute(
        "TRUNCATE market_quotes, transform_failures, news_item_assets, asset_aliases, assets"
            + " RESTART IDENTITY");
    int exit = commands.run(Command.parse(new String[] {"replay"}));

    assertThat(exit).isZero();
    assertThat(snapshot()).isEqualTo(before);
    assertThat(before.get("market_quotes")).hasSizeGreaterThan(10);
    assertThat(before.get("transform_failures")).hasSize(2);
  }

  @Test
  void replayingOneSourceOverExistingSilverKeepsItsAssetsAndContent() throws Exception {
    loadEverySourceWithDriftFailuresAndCollisions();
    Map<String, List<Map<String, Object>>> before = snapshot();
    long csvQuotes = csvQuotes();
    deleteCsvFiles();

    int exit = commands.run(Command.parse(new String[] {"replay", "--source=csv"}));

    assertThat(exit).isZero();
    Map<String, List<Map<String, Object>>> after = snapshot();
    assertThat(after.get("assets")).isEqualTo(before.get("assets"));
    assertThat(after.get("asset_aliases")).isEqualTo(before.get("asset_aliases"));
    assertThat(withoutIds(after.get("market_quotes")))
        .containsExactlyInAnyOrderElementsOf(withoutIds(before.get("market_quotes")));
    assertThat(csvQuotes()).isEqualTo(csvQuotes).isPositive();
  }

  private void loadEverySourceWithDriftFailuresAndCollisions() {
    List<JsonNode> gecko = coingeckoFixture.readArray("samples/coingecko_coins_markets_page1.json");
    gecko.forEach(
        r -> ((ObjectNode) r).set("price_current", ((ObjectNode) r).remove("current_price")));
    ((ObjectNode) gecko.get(2)).put("price_current", "n/a");
    coingeckoFixture.serve(gecko);
    coinpaprikaFixture.serveResource("samples/coinpaprika_tickers.json");
    load.run(coinpaprikaFixture);
    load.run(coingeckoFixture);
    load.csvResource("samples/market_snapshot.csv");
    load.csv(
        "more.csv",
        "Ticker,Asset Name,USD Price,Cap,Vol,Timestamp\n"
            + "HOT,Holo,0.00092,1.6B,9M,2026-11-20T12:00:00Z\n"
            + "HOT,Hydro Protocol,0.0030,3M,10K,2026-11-20T12:00:00Z\n"
            + "KCS,KuCoin,11.2,1B,2M,2026-11-20T12:00:00Z\n"
            + ",Nameless,1.00,1,1,2026-11-20T12:00:00Z\n"
            + "BTC,Bitcoin,91300,1.8T,40B,2026-11-20T13:00:00Z\n");
  }

  private Map<String, List<Map<String, Object>>> snapshot() {
    Map<String, List<Map<String, Object>>> tables = new java.util.TreeMap<>();
    SILVER.forEach((table, query) -> tables.put(table, jdbc.queryForList(query)));
    return tables;
  }

  private static List<Map<String, Object>> withoutIds(List<Map<String, Object>> rows) {
    return rows.stream()
        .map(
            row -> {
              Map<String, Object> copy = new java.util.HashMap<>(row);
              copy.remove("id");
              return (Map<String, Object>) copy;
            })
        .toList();
  }

  private long csvQuotes() {
    return jdbc.queryForObject(
        "SELECT count(*) FROM market_quotes WHERE source = 'csv'", Long.class);
  }

  private void deleteCsvFiles() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
  }
}
