package io.kasparro.candles;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.support.Api;
import io.kasparro.support.Fixtures;
import io.kasparro.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/** Quotes of two sources; a source filter must name an enabled source, so both are enabled. */
@IntegrationTest
@TestPropertySource(properties = "kasparro.sources.coingecko.enabled=true")
class CandlesApiTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  /** Reads numbers as the exact decimals they were written as, trailing zeros included. */
  static final JsonMapper EXACT =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  Api api;
  long btc;
  long runId;
  int hashes;

  /**
   * BTC on 2026-11-20 from three sources. Hour 10: csv four quotes (the last one microseconds
   * before 11:00, without volume), coingecko two, coinpaprika one. Hour 11: csv at exactly 11:00,
   * coinpaprika one. Hour 12: coingecko at exactly 12:00.
   */
  @BeforeEach
  void seed() {
    api = new Api(port);
    runId =
        jdbc.queryForObject(
            "INSERT INTO etl_runs (source, status, triggered_by, started_at)"
                + " VALUES ('csv', 'success', 'cli', now()) RETURNING run_id",
            Long.class);
    Fixtures fixtures = new Fixtures(jdbc);
    btc = fixtures.asset("BTC", "Bitcoin");
    long eth = fixtures.asset("ETH", "Ethereum");
    quote(btc, "csv", "100.10", "5000", "2026-11-20T10:00:00Z");
    quote(btc, "csv", "101.50", "5100", "2026-11-20T10:20:00Z");
    quote(btc, "csv", "99.95", "5150", "2026-11-20T10:40:00Z");
    quote(btc, "csv", "100.00", null, "2026-11-20T10:59:59.999999Z");
    quote(btc, "csv", "102.00", "5300", "2026-11-20T11:00:00Z");
    quote(btc, "coingecko", "100.30", "7000", "2026-11-20T10:05:00Z");
    quote(btc, "coingecko", "100.70", "7100", "2026-11-20T10:50:00Z");
    quote(btc, "coingecko", "103.25", "7200", "2026-11-20T12:00:00Z");
    quote(btc, "coinpaprika", "100.50", null, "2026-11-20T10:30:00Z");
    quote(btc, "coinpaprika", "101.00", "6000", "2026-11-20T11:30:00Z");
    quote(eth, "csv", "3000.00", "9000", "2026-11-20T10:10:00Z");
  }

  @Test
  void eachBucketHasItsSourcesOhlcAndTheConsensusCloseAsExactDecimals() {
    Api.Response response =
        api.get(candles("?interval=1h&from=2026-11-20T10:00:00Z&to=2026-11-20T12:00:00Z"));

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = exact(response);
    assertThat(body.get("symbol").asString()).isEqualTo("BTC");
    assertThat(body.get("interval").asString()).isEqualTo("1h");
    assertThat(body.get("sources").toString()).isEqualTo("[\"coingecko\",\"coinpaprika\",\"csv\"]");
    JsonNode candles = body.get("candles");
    assertThat(candles).hasSize(2);

    JsonNode ten = candles.get(0);
    assertThat(ten.get("start").asString()).isEqualTo("2026-11-20T10:00:00Z");
    assertThat(ten.get("end").asString()).isEqualTo("2026-11-20T11:00:00Z");
    assertThat(ten.get("quotes").asLong()).isEqualTo(7);
    // The median of the closes 100.70, 100.50 and 100.00.
    assertThat(ten.get("consensus_close").toString()).isEqualTo("100.50");
    assertThat(ten.get("sources").get(0).toString())
        .isEqualTo(
            "{\"source\":\"coingecko\",\"open\":100.30,\"high\":100.70,\"low\":100.30,"
                + "\"close\":100.70,\"volume_24h_usd\":7100,\"quotes\":2}");
    assertThat(ten.get("sources").get(1).toString())
        .isEqualTo(
            "{\"source\":\"coinpaprika\",\"open\":100.50,\"high\":100.50,\"low\":100.50,"
                + "\"close\":100.50,\"volume_24h_usd\":null,\"quotes\":1}");
    // The last quote has no volume, so the volume is the one reported before it.
    assertThat(ten.get("sources").get(2).toString())
        .isEqualTo(
            "{\"source\":\"csv\",\"open\":100.10,\"high\":101.50,\"low\":99.95,"
                + "\"close\":100.00,\"volume_24h_usd\":5150,\"quotes\":4}");

    JsonNode eleven = candles.get(1);
    assertThat(eleven.get("quotes").asLong()).isEqualTo(2);
    // Two closes, 101.00 and 102.00: their mean.
    assertThat(eleven.get("consensus_close").toString()).isEqualTo("101.50");
  }

  @Test
  void aQuoteOnABucketEdgeBelongsToTheBucketItStartsAndToIsExclusive() {
    JsonNode candles =
        exact(api.get(candles("?interval=1h&from=2026-11-20T11:00:00Z&to=2026-11-20T12:00:00Z")))
            .get("candles");

    assertThat(candles).hasSize(1);
    JsonNode csv = candles.get(0).get("sources").get(1);
    assertThat(csv.get("source").asString()).isEqualTo("csv");
    assertThat(csv.get("open").toString()).isEqualTo("102.00");
    assertThat(csv.get("quotes").asLong()).isEqualTo(1);
    assertThat(candles.get(0).get("sources")).hasSize(2);
  }

  @Test
  void fromAndToAreWidenedToWholeBuckets() {
    JsonNode body =
        api.get(candles("?interval=1h&from=2026-11-20T10:30:00Z&to=2026-11-20T11:10:00Z")).body();

    assertThat(body.get("from").asString()).isEqualTo("2026-11-20T10:00:00Z");
    assertThat(body.get("to").asString()).isEqualTo("2026-11-20T12:00:00Z");
    assertThat(body.get("candles").get(0).get("quotes").asLong()).isEqualTo(7);
  }

  @Test
  void aDayBucketAndADateRangeHoldTheWholeDay() {
    JsonNode body = exact(api.get(candles("?interval=1d&from=2026-11-20&to=2026-11-20")));

    assertThat(body.get("to").asString()).isEqualTo("2026-11-21T00:00:00Z");
    JsonNode day = body.get("candles").get(0);
    assertThat(body.get("candles")).hasSize(1);
    assertThat(day.get("quotes").asLong()).isEqualTo(10);
    JsonNode csv = day.get("sources").get(2);
    assertThat(csv.get("open").toString()).isEqualTo("100.10");
    assertThat(csv.get("high").toString()).isEqualTo("102.00");
    assertThat(csv.get("low").toString()).isEqualTo("99.95");
    assertThat(csv.get("close").toString()).isEqualTo("102.00");
    // Closes 103.25 (coingecko), 101.00 (coinpaprika), 102.00 (csv).
    assertThat(day.get("consensus_close").toString()).isEqualTo("102.00");
  }

  @Test
  void fiveMinuteBucketsSplitTheHour() {
    JsonNode candles =
        api.get(
                candles(
                    "?interval=5m&from=2026-11-20T10:00:00Z&to=2026-11-20T11:00:00Z&source=csv"))
            .body()
            .get("candles");

    assertThat(candles)
        .extracting(c -> c.get("start").asString())
        .containsExactly(
            "2026-11-20T10:00:00Z",
            "2026-11-20T10:20:00Z",
            "2026-11-20T10:40:00Z",
            "2026-11-20T10:55:00Z");
  }

  @Test
  void theSourceFilterKeepsOneSource() {
    JsonNode body =
        api.get(candles("?interval=4h&from=2026-11-20&to=2026-11-20&source=coingecko")).body();

    assertThat(body.get("sources").toString()).isEqualTo("[\"coingecko\"]");
    assertThat(body.get("candles"))
        .extracting(c -> c.get("start").asString())
        .containsExactly("2026-11-20T08:00:00Z", "2026-11-20T12:00:00Z");
  }

  @Test
  void anEmptyRangeHasNoCandles() {
    Api.Response response = api.get(candles("?interval=1h&from=2026-11-19&to=2026-11-19"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().get("candles")).isEmpty();
    assertThat(response.body().get("sources")).isEmpty();
  }

  @Test
  void aBadIntervalIsAProblemNamingIt() {
    Api.Response response = api.get(candles("?interval=7m"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.body().get("parameter").asString()).isEqualTo("interval");
    assertThat(response.body().get("detail").asString())
        .isEqualTo("interval must be one of 5m, 15m, 1h, 4h, 1d");
    assertThat(response.body().get("request_id").asString()).isNotBlank();
  }

  @Test
  void aRangeThatEndsBeforeItStartsIsRefused() {
    Api.Response response = api.get(candles("?from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().get("parameter").asString()).isEqualTo("from");
  }

  @Test
  void aTimeThatIsNotOneIsRefused() {
    Api.Response response = api.get(candles("?to=yesterday"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().get("parameter").asString()).isEqualTo("to");
  }

  @Test
  void tooManyBucketsAreRefusedWithHowToNarrowTheRequest() {
    Api.Response response = api.get(candles("?interval=5m&from=2026-01-01&to=2026-11-30"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().get("parameter").asString()).isEqualTo("interval");
    assertThat(response.body().get("detail").asString())
        .isEqualTo(
            "from 2026-01-01T00:00:00Z to 2026-12-01T00:00:00Z is 96192 buckets of 5m, more"
                + " than the limit of 1000; use interval=1d (334 buckets) or narrow from/to to"
                + " at most 3d 11h 20m at 5m");
  }

  @Test
  void anUnknownAssetIsNotFound() {
    Api.Response response = api.get("/assets/999999/candles");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body().get("detail").asString()).isEqualTo("no asset has id 999999");
  }

  @Test
  void anAssetIdThatIsNotOneIsABadParameter() {
    assertThat(api.get("/assets/abc/candles").body().get("parameter").asString())
        .isEqualTo("asset_id");
  }

  @Test
  void theEndpointIsDocumentedWithItsParametersAndProblems() {
    JsonNode operation = api.get("/openapi").body().at("/paths/~1assets~1{asset_id}~1candles/get");

    assertThat(operation.get("summary").asString()).isEqualTo("Price history as candles");
    assertThat(operation.get("parameters"))
        .extracting(p -> p.get("name").asString())
        .containsExactly("asset_id", "interval", "from", "to", "source");
    assertThat(operation.get("responses").propertyNames()).contains("200", "400", "404", "503");
    assertThat(operation.at("/responses/400/content").toString()).contains("more than the limit");
  }

  private static JsonNode exact(Api.Response response) {
    return EXACT.readTree(response.raw().body());
  }

  private String candles(String query) {
    return "/assets/" + btc + "/candles" + query;
  }

  private void quote(long assetId, String source, String price, String volume, String at) {
    long rawId =
        jdbc.queryForObject(
            "INSERT INTO raw_records (source, run_id, payload, payload_hash)"
                + " VALUES (?, ?, '{}', ?) RETURNING id",
            Long.class,
            source,
            runId,
            new byte[] {(byte) ++hashes});
    jdbc.update(
        "INSERT INTO market_quotes (asset_id, source, price_usd, volume_24h_usd, last_updated,"
            + " raw_id, run_id) VALUES (?, ?, CAST(? AS numeric), CAST(? AS numeric), ?, ?, ?)",
        assetId,
        source,
        price,
        volume,
        Timestamp.from(Instant.parse(at)),
        rawId,
        runId);
  }
}
