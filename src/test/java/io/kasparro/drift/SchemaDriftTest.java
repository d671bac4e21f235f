package io.kasparro.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.runs.RunResult;
import io.kasparro.runs.RunStatus;
import io.kasparro.runs.SourceRunner;
import io.kasparro.support.Api;
import io.kasparro.support.market.FixtureSource;
import io.kasparro.support.market.MarketIntegrationTest;
import io.kasparro.support.market.MarketLoads;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@MarketIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SchemaDriftTest {

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
  void aRenamedFieldIsRecordedWithItsConfidenceLoggedCountedAndStillLoads(CapturedOutput log) {
    List<JsonNode> records =
        coingeckoFixture.readArray("samples/coingecko_coins_markets_page1.json");
    records.forEach(r -> rename((ObjectNode) r, "current_price", "price_current"));
    coingeckoFixture.serve(records);
    double countedBefore = driftEvents();

    RunResult result = load.run(coingeckoFixture);

    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(
            jdbc.queryForObject(
                "SELECT q.price_usd FROM market_quotes q JOIN asset_aliases a USING (asset_id)"
                    + " WHERE a.source = 'coingecko' AND a.source_asset_id = 'bitcoin'",
                BigDecimal.class))
        .isEqualByComparingTo("91234.12");
    assertThat(count("market_quotes")).isEqualTo(records.size());
    JsonNode drift = api.get("/schema-drift?source=coingecko").body().get("data");
    assertThat(drift).hasSize(1);
    JsonNode rename = drift.get(0).get("renamed").get(0);
    assertThat(rename.get("from").asString()).isEqualTo("price_current");
    assertThat(rename.get("to").asString()).isEqualTo("current_price");
    assertThat(rename.get("mapped").asBoolean()).isTrue();
    BigDecimal confidence = new BigDecimal(rename.get("confidence").asString());
    assertThat(confidence).isBetween(new BigDecimal("0.8"), BigDecimal.ONE);
    assertThat(drift.get(0).get("added")).isEmpty();
    assertThat(drift.get(0).get("missing")).isEmpty();
    assertThat(drift.get(0).get("records").asInt()).isEqualTo(records.size());
    assertThat(drift.get(0).get("run_id").asLong()).isEqualTo(result.runId());
    assertThat(log.getOut())
        .containsPattern("WARN .*Schema drift in coingecko payloads .*price_current");
    assertThat(driftEvents() - countedBefore).isEqualTo(1.0);
  }

  @Test
  void anUnlikelyRenameIsReportedButNotMappedSoTheRecordsFail() {
    List<JsonNode> records =
        coingeckoFixture.readArray("samples/coingecko_coins_markets_page1.json");
    records.forEach(r -> rename((ObjectNode) r, "symbol", "ticker"));
    coingeckoFixture.serve(records);

    RunResult result = load.run(coingeckoFixture);

    assertThat(result.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(count("transform_failures")).isEqualTo(records.size());
    JsonNode drift = api.get("/schema-drift").body().get("data").get(0);
    assertThat(drift.get("missing").get(0).asString()).isEqualTo("symbol");
    assertThat(drift.get("added").get(0).asString()).isEqualTo("ticker");
    assertThat(drift.get("renamed")).isEmpty();
  }

  @Test
  void aChangedTypeAndANewFieldAreRecordedAndResentPayloadsAddNoDrift() {
    List<JsonNode> records =
        coingeckoFixture.readArray("samples/coingecko_coins_markets_page1.json");
    ((ObjectNode) records.get(0)).put("market_cap", "1808123456789");
    ((ObjectNode) records.get(1)).put("tags", "layer-1");
    coingeckoFixture.serve(records);

    load.run(coingeckoFixture);
    load.run(coingeckoFixture);

    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "SELECT added::text AS added, type_changed::text AS type_changed, records"
                + " FROM schema_drift");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).containsEntry("added", "[\"tags\"]").containsEntry("records", 2);
    assertThat(rows.get(0).get("type_changed").toString())
        .contains(
            "\"field\": \"market_cap\"", "\"actual\": \"string\"", "\"expected\": \"number\"");
  }

  @Test
  void aCsvRankColumnIsNotLoadedAsTheMissingMarketCapButReportedAsAnUnmappedRename() {
    RunResult result =
        load.csv(
            "ranked.csv",
            "symbol,name,price_usd,market_cap_rank,volume_24h_usd,last_updated\n"
                + "BTC,Bitcoin,91000.5,1,40000000000,2026-11-20T12:00:00Z\n"
                + "ETH,Ethereum,3100.25,2,21000000000,2026-11-20T12:00:00Z\n"
                + "SOL,Solana,141.02,3,5550000000,2026-11-20T12:00:00Z\n");

    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    List<Map<String, Object>> quotes =
        jdbc.queryForList(
            "SELECT a.symbol, q.market_cap_usd, q.volume_24h_usd"
                + " FROM market_quotes q JOIN assets a USING (asset_id) ORDER BY a.symbol");
    assertThat(quotes).extracting(q -> q.get("symbol")).containsExactly("BTC", "ETH", "SOL");
    assertThat(quotes).allSatisfy(q -> assertThat(q.get("market_cap_usd")).isNull());
    assertThat((BigDecimal) quotes.get(0).get("volume_24h_usd"))
        .isEqualByComparingTo("40000000000");
    JsonNode drift = api.get("/schema-drift?source=csv").body().get("data").get(0);
    JsonNode rename = drift.get("renamed").get(0);
    assertThat(rename.get("from").asString()).isEqualTo("market_cap_rank");
    assertThat(rename.get("to").asString()).isEqualTo("market_cap_usd");
    assertThat(rename.get("mapped").asBoolean()).isFalse();
    assertThat(new BigDecimal(rename.get("confidence").asString()))
        .isBetween(new BigDecimal("0.8"), BigDecimal.ONE);
  }

  private static void rename(ObjectNode record, String from, String to) {
    record.set(to, record.remove(from));
  }

  /** The drift counter as Prometheus scrapes it from {@code /metrics}. */
  private double driftEvents() {
    Matcher sample =
        Pattern.compile("(?m)^kasparro_schema_drift_events_total\\{source=\"coingecko\"} (\\S+)$")
            .matcher(api.get("/metrics").raw().body());
    return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
  }
}
