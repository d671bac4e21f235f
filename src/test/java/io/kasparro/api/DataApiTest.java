package io.kasparro.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.support.Api;
import io.kasparro.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class DataApiTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  Api api;

  /** BTC and ETH from csv at hours 0..4 of 2026-11-20, plus BTC from another source at 12:00. */
  @BeforeEach
  void givenKnownQuotes() {
    api = new Api(port);
    jdbc.update(
        "INSERT INTO etl_runs (source, status, triggered_by, started_at)"
            + " VALUES ('csv', 'success', 'cli', now())");
    jdbc.update(
        "INSERT INTO assets (symbol, name, normalized_name) VALUES"
            + " ('BTC', 'Bitcoin', 'bitcoin'), ('ETH', 'Ethereum', 'ethereum')");
    for (int hour = 0; hour < 5; hour++) {
      insertQuote(1, "csv", "9000" + hour, "2026-11-20T0" + hour + ":00:00Z");
      insertQuote(2, "csv", "300" + hour, "2026-11-20T0" + hour + ":00:00Z");
    }
    insertQuote(1, "coingecko", "91234.12", "2026-11-20T12:00:00Z");
  }

  @Test
  void filtersBySymbolNewestFirst() {
    Api.Response response = api.get("/data?symbol=btc");

    assertThat(response.status()).isEqualTo(200);
    JsonNode data = response.body().get("data");
    assertThat(data).hasSize(6);
    assertThat(data.get(0).get("source").asString()).isEqualTo("coingecko");
    assertThat(data.get(0).get("price_usd").decimalValue()).isEqualByComparingTo("91234.12");
    assertThat(data.get(0).get("last_updated").asString()).isEqualTo("2026-11-20T12:00:00Z");
    assertThat(data.get(1).get("last_updated").asString()).isEqualTo("2026-11-20T04:00:00Z");
    assertThat(data.get(0).get("symbol").asString()).isEqualTo("BTC");
    assertThat(data.get(0).get("name").asString()).isEqualTo("Bitcoin");
    assertThat(data.get(0).has("volume_24h_usd")).isTrue();
    assertThat(response.body().at("/pagination/total").asLong()).isEqualTo(6);
  }

  @Test
  void filtersBySourceAndTimeWindow() {
    Api.Response response =
        api.get("/data?source=csv&from=2026-11-20T01:00:00Z&to=2026-11-20T03:00:00Z");

    assertThat(prices(response.body()))
        .containsExactlyInAnyOrder("90003", "3003", "90002", "3002", "90001", "3001");
    assertThat(response.body().at("/pagination/total").asLong()).isEqualTo(6);
  }

  @Test
  void aDateAloneMeansItsStartInUtc() {
    Api.Response response = api.get("/data?symbol=ETH&to=2026-11-20");

    assertThat(prices(response.body())).containsExactly("3000");
  }

  @Test
  void limitAndOffsetWalkThePagesWithoutGapsOrRepeats() {
    List<String> seen = new ArrayList<>();
    for (int offset = 0; offset < 11; offset += 4) {
      JsonNode body = api.get("/data?limit=4&offset=" + offset).body();
      assertThat(body.at("/pagination/limit").asInt()).isEqualTo(4);
      assertThat(body.at("/pagination/offset").asInt()).isEqualTo(offset);
      assertThat(body.at("/pagination/total").asLong()).isEqualTo(11);
      body.get("data").forEach(row -> seen.add(row.get("id").asString()));
    }

    assertThat(seen).hasSize(11).doesNotHaveDuplicates();
  }

  @Test
  void everyResponseCarriesTheRequestIdAndLatency() {
    Api.Response response = api.get("/data?limit=1", Map.of("X-Request-ID", "trace-42"));

    assertThat(response.header("X-Request-ID")).isEqualTo("trace-42");
    assertThat(response.header("X-API-Latency-MS")).matches("\\d+");
    assertThat(response.body().at("/metadata/request_id").asString()).isEqualTo("trace-42");
    assertThat(response.body().at("/metadata/api_latency_ms").isNumber()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "limit=0, limit",
    "limit=1001, limit",
    "limit=abc, limit",
    "offset=-1, offset",
    "from=notadate, from",
    "to=2026-13-45, to",
    "symbol=%27%20OR%201%3D1%20--, symbol",
    "source=CSV%3BDROP, source",
    "from=2026-11-21&to=2026-11-20, from"
  })
  void badParametersGetAProblemNamingTheParameter(String query, String parameter) {
    Api.Response response = api.get("/data?" + query, Map.of("X-Request-ID", "bad-1"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.body().get("parameter").asString()).isEqualTo(parameter);
    assertThat(response.body().get("status").asInt()).isEqualTo(400);
    assertThat(response.body().get("detail").asString()).contains(parameter);
    assertThat(response.body().get("request_id").asString()).isEqualTo("bad-1");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM market_quotes", Long.class)).isEqualTo(11);
  }

  @Test
  void healthReportsTheDatabaseAndTheLastRunOfEachSource() {
    Api.Response response = api.get("/health");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().get("status").asString()).isEqualTo("ok");
    assertThat(response.body().at("/database/status").asString()).isEqualTo("up");
    assertThat(response.body().at("/database/latency_ms").isNumber()).isTrue();
    assertThat(response.body().at("/sources/0/source").asString()).isEqualTo("csv");
    assertThat(response.body().at("/sources/0/status").asString()).isEqualTo("success");
  }

  private void insertQuote(long assetId, String source, String price, String at) {
    jdbc.update(
        "INSERT INTO raw_records (source, run_id, payload, payload_hash)"
            + " VALUES (?, 1, '{}'::jsonb, decode(md5(random()::text), 'hex'))",
        source);
    jdbc.update(
        "INSERT INTO market_quotes (asset_id, source, price_usd, last_updated, raw_id, run_id)"
            + " VALUES (?, ?, ?::numeric, ?::timestamptz,"
            + " (SELECT max(id) FROM raw_records), 1)",
        assetId,
        source,
        price,
        at);
  }

  private static List<String> prices(JsonNode body) {
    List<String> prices = new ArrayList<>();
    body.get("data")
        .forEach(row -> prices.add(row.get("price_usd").decimalValue().toPlainString()));
    return prices;
  }
}
