package io.kasparro.failures;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.KasparroApplication;
import io.kasparro.cli.CommandRunner;
import io.kasparro.runs.RunResult;
import io.kasparro.runs.RunStatus;
import io.kasparro.runs.SourceRunner;
import io.kasparro.support.Api;
import io.kasparro.support.TestDatabase;
import io.kasparro.support.market.FixtureSource;
import io.kasparro.support.market.MarketFixtures;
import io.kasparro.support.market.MarketIntegrationTest;
import io.kasparro.support.market.MarketLoads;
import io.kasparro.system.Command;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@MarketIntegrationTest
class FailureReplayTest {

  @Autowired SourceRunner runner;
  @Autowired FixtureSource coingeckoFixture;
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
  void badRecordsOfEachKindLandInTransformFailuresWithTheirPayload() {
    List<JsonNode> records =
        coingeckoFixture.readArray("samples/coingecko_coins_markets_page1.json");
    ((ObjectNode) records.get(0)).put("current_price", "n/a");
    ((ObjectNode) records.get(1)).remove("symbol");
    ((ObjectNode) records.get(2)).put("market_cap", -5);
    coingeckoFixture.serve(records);

    RunResult result = load.run(coingeckoFixture);

    assertThat(result.status()).isEqualTo(RunStatus.PARTIAL);
    Api.Response listed = api.get("/transform-failures?source=coingecko");
    assertThat(listed.body().at("/pagination/total").asLong()).isEqualTo(3);
    Map<String, String> kinds = new java.util.TreeMap<>();
    listed
        .body()
        .get("data")
        .forEach(
            f -> {
              kinds.put(f.get("source_record_id").asString(), f.get("error_type").asString());
              assertThat(f.get("run_id").asLong()).isEqualTo(result.runId());
              assertThat(f.get("payload").get("id").asString())
                  .isEqualTo(f.get("source_record_id").asString());
            });
    assertThat(kinds)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "bitcoin", "invalid_number",
                "ethereum", "missing_field",
                "tether", "negative_value"));
    assertThat(api.get("/transform-failures?error_type=negative_value").body().get("data"))
        .hasSize(1);
    assertThat(count("market_quotes")).isEqualTo(records.size() - 3);
  }

  @Test
  void replayFailuresAfterAConfirmedFieldMappingLoadsThemAndClearsTheList() {
    // The upstream moved three values to new fields and left placeholders in the old ones.
    List<JsonNode> records =
        coingeckoFixture.readArray("samples/coingecko_coins_markets_page1.json");
    ObjectNode bitcoin = (ObjectNode) records.get(0);
    bitcoin.put("ticker", bitcoin.get("symbol").asString()).putNull("symbol");
    ObjectNode ethereum = (ObjectNode) records.get(1);
    ethereum.set("price_usd", ethereum.get("current_price"));
    ethereum.put("current_price", "n/a");
    ObjectNode tether = (ObjectNode) records.get(2);
    tether.set("market_cap_usd", tether.get("market_cap"));
    tether.put("market_cap", -1);
    coingeckoFixture.serve(records);
    load.run(coingeckoFixture);
    assertThat(count("transform_failures")).isEqualTo(3);

    int exit =
        cli(
            "replay-failures",
            "--source=coingecko",
            "--kasparro.schema.field-mappings.coingecko[ticker]=symbol",
            "--kasparro.schema.field-mappings.coingecko[price_usd]=current_price",
            "--kasparro.schema.field-mappings.coingecko[market_cap_usd]=market_cap");

    assertThat(exit).isZero();
    assertThat(count("transform_failures")).isZero();
    assertThat(count("market_quotes")).isEqualTo(records.size());
    assertThat(quote("ethereum", "price_usd")).isEqualByComparingTo("3112.58");
    assertThat(quote("tether", "market_cap_usd")).isEqualByComparingTo("183456789012");
    assertThat(
            jdbc.queryForObject(
                "SELECT a.symbol FROM assets a JOIN asset_aliases l USING (asset_id)"
                    + " WHERE l.source_asset_id = 'bitcoin'",
                String.class))
        .isEqualTo("BTC");
  }

  @Test
  void theAdminReplayNeedsTheApiKeyAndKeepsWhatStillFailsWithItsRetryTime() {
    List<JsonNode> records =
        coingeckoFixture.readArray("samples/coingecko_coins_markets_page1.json");
    ((ObjectNode) records.get(0)).put("current_price", "n/a");
    coingeckoFixture.serve(records);
    load.run(coingeckoFixture);

    Api.Response withoutKey = post("/transform-failures/replay", null);
    Api.Response wrongKey = post("/transform-failures/replay", "not-the-key");
    Api.Response withKey =
        post("/transform-failures/replay?source=coingecko", MarketIntegrationTest.API_KEY);

    assertThat(withoutKey.status()).isEqualTo(401);
    assertThat(withoutKey.header("Content-Type")).startsWith("application/problem+json");
    assertThat(withoutKey.header("WWW-Authenticate")).contains("X-API-Key");
    assertThat(wrongKey.status()).isEqualTo(401);
    assertThat(wrongKey.body().toString()).doesNotContain("not-the-key");
    assertThat(withKey.status()).isEqualTo(200);
    JsonNode report = withKey.body().get("data").get(0);
    assertThat(report.get("source").asString()).isEqualTo("coingecko");
    assertThat(report.get("records").asLong()).isEqualTo(1);
    assertThat(report.get("failed").asLong()).isEqualTo(1);
    JsonNode failure = api.get("/transform-failures").body().get("data").get(0);
    assertThat(failure.get("error_type").asString()).isEqualTo("invalid_number");
    assertThat(failure.get("last_retried_at").isNull()).isFalse();
    assertThat(
            post("/transform-failures/replay?source=nope", MarketIntegrationTest.API_KEY).status())
        .isEqualTo(400);
  }

  /** Runs the jar's command line in-process, against the test database, as an operator would. */
  private int cli(String... args) {
    Command command = Command.parse(args);
    SpringApplication app = new SpringApplication(KasparroApplication.class, MarketFixtures.class);
    Map<String, Object> defaults = new java.util.HashMap<>(command.defaultProperties());
    defaults.put("spring.datasource.url", TestDatabase.jdbcUrl());
    app.setDefaultProperties(defaults);
    try (ConfigurableApplicationContext context = app.run(command.springArgs())) {
      return context.getBean(CommandRunner.class).run(command);
    }
  }

  private Api.Response post(String path, String key) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api.url(path))).POST(HttpRequest.BodyPublishers.noBody());
    if (key != null) {
      request.header("X-API-Key", key);
    }
    return api.send(request.build());
  }

  private BigDecimal quote(String geckoId, String column) {
    return jdbc.queryForObject(
        "SELECT q."
            + column
            + " FROM market_quotes q JOIN asset_aliases a USING (asset_id)"
            + " WHERE a.source = 'coingecko' AND a.source_asset_id = ?",
        BigDecimal.class,
        geckoId);
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
  }
}
