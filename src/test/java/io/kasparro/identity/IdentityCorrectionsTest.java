package io.kasparro.identity;

import static io.kasparro.support.ProblemAssertions.assertBadParameter;
import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.runs.SilverReplayer;
import io.kasparro.runs.SourceRunner;
import io.kasparro.support.Api;
import io.kasparro.support.Http;
import io.kasparro.support.market.FixtureSource;
import io.kasparro.support.market.MarketIntegrationTest;
import io.kasparro.support.market.MarketLoads;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
class IdentityCorrectionsTest {

  static final Map<String, String> KEY = Map.of("X-API-Key", MarketIntegrationTest.API_KEY);

  @Autowired SourceRunner runner;
  @Autowired SilverReplayer replayer;
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
  void anOperatorLinksTwoIdsAsOneAssetAndTheQuotesMoveWithTheRecordOfWhoWhenAndWhy() {
    coingeckoFixture.serve(List.of(gecko("elrond-erd-2", "EGLD", "MultiversX", "41.0")));
    coinpaprikaFixture.serve(List.of(paprika("egld-elrond", "EGLD", "Elrond", "40.9")));
    load.run(coingeckoFixture);
    load.run(coinpaprikaFixture);
    long gecko = assetOf("coingecko", "elrond-erd-2");
    long paprika = assetOf("coinpaprika", "egld-elrond");

    Api.Response response =
        Http.postJson(
            api,
            "/assets/corrections",
            """
            {"action": "link", "source": "coinpaprika", "source_asset_id": "egld-elrond",
             "to_source": "coingecko", "to_source_asset_id": "elrond-erd-2",
             "made_by": "ops@example.org", "reason": "Elrond was renamed MultiversX"}
            """,
            KEY);

    assertThat(paprika).isNotEqualTo(gecko);
    assertThat(response.status()).isEqualTo(201);
    assertThat(response.body().get("to_asset_id").asLong()).isEqualTo(gecko);
    assertThat(response.body().get("quotes_moved").asLong()).isEqualTo(1);
    JsonNode asset = api.get("/assets/" + gecko).body();
    assertThat(asset.get("identifiers")).hasSize(2);
    assertThat(asset.get("quotes")).hasSize(2);
    assertThat(method(asset, "coinpaprika")).isEqualTo("operator");
    assertThat(
            jdbc.queryForMap(
                "SELECT action, from_asset_id, made_by, reason, made_at FROM identity_corrections"))
        .containsEntry("action", "link")
        .containsEntry("from_asset_id", paprika)
        .containsEntry("made_by", "ops@example.org")
        .containsEntry("reason", "Elrond was renamed MultiversX")
        .containsKey("made_at");
  }

  @Test
  void anOperatorSplitsAWrongMergeAndAReplayFromBronzeKeepsItSplit() throws Exception {
    coingeckoFixture.serve(List.of(gecko("holotoken", "HOT", "Holo", "0.00091")));
    coinpaprikaFixture.serve(List.of(paprika("hot-holo", "HOT", "Holo", "0.000905")));
    load.run(coingeckoFixture);
    load.run(coinpaprikaFixture);
    long merged = assetOf("coinpaprika", "hot-holo");

    Api.Response response =
        Http.postJson(
            api,
            "/assets/corrections",
            """
            {"action": "split", "source": "coinpaprika", "source_asset_id": "hot-holo",
             "made_by": "ops", "reason": "another coin of the same name"}
            """,
            KEY);
    replayer.replay(List.of(coingeckoFixture, coinpaprikaFixture));

    long split = assetOf("coinpaprika", "hot-holo");
    assertThat(merged).isEqualTo(assetOf("coingecko", "holotoken"));
    assertThat(response.status()).isEqualTo(201);
    assertThat(split).isNotEqualTo(merged).isEqualTo(response.body().get("to_asset_id").asLong());
    assertThat(api.get("/assets/" + merged).body().get("quotes")).hasSize(1);
    JsonNode own = api.get("/assets/" + split).body();
    assertThat(own.get("quotes")).hasSize(1);
    assertThat(own.at("/quotes/0/source").asString()).isEqualTo("coinpaprika");
    assertThat(method(own, "coinpaprika")).isEqualTo("operator");
  }

  @Test
  void aCorrectionNeedsTheKeyAReasonAndAnIdThatExists() {
    String body =
        """
        {"action": "split", "source": "coinpaprika", "source_asset_id": "nope",
         "made_by": "ops", "reason": "test"}
        """;

    Api.Response withoutKey = Http.postJson(api, "/assets/corrections", body, Map.of());
    Api.Response unknown = Http.postJson(api, "/assets/corrections", body, KEY);
    Api.Response noReason =
        Http.postJson(
            api,
            "/assets/corrections",
            "{\"action\": \"split\", \"source\": \"coinpaprika\", \"source_asset_id\": \"x\","
                + " \"made_by\": \"ops\"}",
            KEY);
    Api.Response badAction =
        Http.postJson(
            api,
            "/assets/corrections",
            "{\"action\": \"merge\", \"source\": \"coinpaprika\", \"source_asset_id\": \"x\","
                + " \"made_by\": \"ops\", \"reason\": \"r\"}",
            KEY);

    assertThat(withoutKey.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body().get("detail").asString()).contains("nope");
    assertBadParameter(noReason, "reason");
    assertBadParameter(badAction, "action");
  }

  private long assetOf(String source, String id) {
    return jdbc.queryForObject(
        "SELECT asset_id FROM asset_aliases WHERE source = ? AND source_asset_id = ?",
        Long.class,
        source,
        id);
  }

  private static String method(JsonNode asset, String source) {
    for (JsonNode identifier : asset.get("identifiers")) {
      if (identifier.get("source").asString().equals(source)) {
        return identifier.get("match_method").asString();
      }
    }
    return null;
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
    usd.put("price", new BigDecimal(price)).put("volume_24h", 100).put("market_cap", 9000000);
    return record;
  }
}
