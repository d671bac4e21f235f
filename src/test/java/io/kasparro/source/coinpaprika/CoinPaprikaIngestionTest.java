package io.kasparro.source.coinpaprika;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.kasparro.runs.RunResult;
import io.kasparro.runs.RunStatus;
import io.kasparro.runs.SourceRunner;
import io.kasparro.runs.TriggeredBy;
import io.kasparro.support.IntegrationTest;
import io.kasparro.support.Samples;
import io.kasparro.system.http.TestUpstream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class CoinPaprikaIngestionTest {

  @RegisterExtension
  static WireMockExtension upstream =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String TICKERS = Samples.read("coinpaprika_tickers.json");

  @Autowired SourceRunner runner;
  @Autowired JdbcTemplate jdbc;
  @Autowired JsonMapper json;

  @Test
  void firstRunStoresEveryTickerExactlyAsReceivedAndLoadsSilverInBatches() throws Exception {
    stubTickers(TICKERS);

    RunResult result = run(2, "");

    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(result.counts().fetched()).isEqualTo(5);
    assertThat(
            jdbc.queryForList(
                "SELECT encode(payload_hash, 'hex') FROM raw_records ORDER BY id", String.class))
        .containsExactlyElementsOf(
            Samples.arrayElementLines(TICKERS).stream().map(Samples::sha256Hex).toList());
    // Batches of two: three commits, the run's rows spread over them in list order.
    assertThat(count("market_quotes")).isEqualTo(5);
    Map<String, Object> bitcoin = quoteOf("btc-bitcoin");
    assertThat(bitcoin).containsEntry("symbol", "BTC");
    assertThat((BigDecimal) bitcoin.get("price_usd")).isEqualByComparingTo("91199.5561821");
    assertThat((BigDecimal) bitcoin.get("market_cap_usd")).isEqualByComparingTo("1807437000000");
    assertThat((BigDecimal) bitcoin.get("volume_24h_usd")).isEqualByComparingTo("39876543210.12");
    assertThat(bitcoin.get("at")).isEqualTo("2026-11-20T12:00:05Z");
    assertThat(checkpoint()).contains("2026-11-20T12:00:05Z");
    upstream.verify(
        getRequestedFor(urlPathEqualTo("/tickers"))
            .withQueryParam("quotes", equalTo("USD"))
            .withHeader("Authorization", absent()));
  }

  @Test
  void aSecondIdenticalRunAddsNothing() throws Exception {
    stubTickers(TICKERS);
    run(2, "");

    RunResult second = run(2, "");

    assertThat(second.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(second.counts().inserted()).isZero();
    assertThat(count("raw_records")).isEqualTo(5);
    assertThat(count("market_quotes")).isEqualTo(5);
  }

  @Test
  void aChangedPayloadAddsOnlyWhatChanged() throws Exception {
    stubTickers(TICKERS);
    run(2, "");

    String ethereumUpdated =
        TICKERS.replace(
            "\"id\":\"eth-ethereum\",\"name\":\"Ethereum\",\"symbol\":\"ETH\",\"rank\":2,"
                + "\"total_supply\":120698765,\"max_supply\":0,\"beta_value\":1.06,"
                + "\"first_data_at\":\"2015-08-07T00:00:00Z\",\"last_updated\":\"2026-11-20T12:00:05Z\","
                + "\"quotes\":{\"USD\":{\"price\":3110.98123",
            "\"id\":\"eth-ethereum\",\"name\":\"Ethereum\",\"symbol\":\"ETH\",\"rank\":2,"
                + "\"total_supply\":120698765,\"max_supply\":0,\"beta_value\":1.06,"
                + "\"first_data_at\":\"2015-08-07T00:00:00Z\",\"last_updated\":\"2026-11-20T12:05:05Z\","
                + "\"quotes\":{\"USD\":{\"price\":3120.5");
    assertThat(ethereumUpdated).isNotEqualTo(TICKERS);
    stubTickers(ethereumUpdated);
    RunResult second = run(2, "");

    assertThat(second.counts().inserted()).isEqualTo(1);
    assertThat(count("raw_records")).isEqualTo(6);
    assertThat(count("market_quotes")).isEqualTo(6);
    assertThat((BigDecimal) quoteOf("eth-ethereum", "2026-11-20T12:05:05Z").get("price_usd"))
        .isEqualByComparingTo("3120.5");
  }

  @Test
  void aLargeListIsCommittedBatchByBatch() throws Exception {
    String large =
        IntStream.range(0, 2_500)
            .mapToObj(
                i ->
                    "{\"id\":\"c%d-coin\",\"name\":\"Coin %d\",\"symbol\":\"C%d\",\"last_updated\":\"2026-11-20T12:00:05Z\",\"quotes\":{\"USD\":{\"price\":%d.5,\"volume_24h\":10,\"market_cap\":1000}}}"
                        .formatted(i, i, i, i))
            .collect(Collectors.joining(",\n", "[\n", "\n]"));
    stubTickers(large);

    RunResult result = run(1_000, "");

    assertThat(result.counts().fetched()).isEqualTo(2_500);
    assertThat(count("market_quotes")).isEqualTo(2_500);
    assertThat(
            jdbc.queryForObject("SELECT count(DISTINCT xmin::text) FROM raw_records", Long.class))
        .as("one transaction per batch of 1000")
        .isEqualTo(3);
  }

  @Test
  void aTruncatedListKeepsTheWholeBatchesBeforeTheCutAndFailsTheRun() throws Exception {
    int cut = TICKERS.indexOf("\"id\":\"sol-solana\"") + 40;
    stubTickers(TICKERS.substring(0, cut));

    RunResult failed = run(2, "");

    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(failed.error()).contains("coinpaprika: GET").contains("malformed body");
    assertThat(count("raw_records"))
        .as("the first batch of two; the third coin's batch is incomplete")
        .isEqualTo(2);

    stubTickers(TICKERS);
    RunResult resumed = run(2, "");

    assertThat(resumed.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(resumed.counts().fetched()).as("the list is read whole again").isEqualTo(5);
    assertThat(resumed.counts().duplicate()).as("the two committed coins are held").isEqualTo(2);
    assertThat(resumed.counts().inserted()).isEqualTo(3);
    assertThat(count("raw_records")).isEqualTo(5);
    assertThat(count("market_quotes")).isEqualTo(5);
  }

  @Test
  void anHtmlErrorPageWithStatus200FailsTheRunCleanly() throws Exception {
    upstream.stubFor(
        get(urlPathEqualTo("/tickers"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<!DOCTYPE html><html><body>Maintenance</body></html>")));

    RunResult result = run(2, "");

    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error()).contains("an HTML page");
    assertThat(count("raw_records")).isZero();
  }

  @Test
  void anObjectInsteadOfTheArrayFailsTheRunCleanly() throws Exception {
    stubTickers("{\"error\":\"id not found\"}");

    RunResult result = run(2, "");

    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error()).contains("expected a JSON array");
  }

  @Test
  void anEmptyArrayIsACleanEmptyRun() throws Exception {
    stubTickers("[]");

    RunResult result = run(2, "");

    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(result.counts().fetched()).isZero();
  }

  @Test
  void anApiKeyIsSentAsABearerToken() throws Exception {
    stubTickers("[]");

    run(2, "paprika-test-key");

    upstream.verify(
        getRequestedFor(urlPathEqualTo("/tickers"))
            .withHeader("Authorization", equalTo("Bearer paprika-test-key")));
    assertThat(properties(2, "paprika-test-key").toString()).doesNotContain("paprika-test-key");
  }

  @Test
  void aSymbolWithSpacesOrANameWithAControlCharacterFailsItsRecordAndTheRestLoads()
      throws Exception {
    stubTickers(
        TICKERS
            .replace("\"symbol\":\"BTC\"", "\"symbol\":\"BTC COIN\"")
            .replace("\"name\":\"Bitcoin\"", "\"name\":\"Bit\\u0007coin\""));

    RunResult result = run(2, null);

    assertThat(result.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(
            jdbc.queryForObject(
                "SELECT error_type || ': ' || error_message FROM transform_failures", String.class))
        .startsWith("invalid_symbol: ")
        .contains("BTC COIN");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM market_quotes", Long.class))
        .isEqualTo(result.counts().fetched() - 1);
  }

  private RunResult run(int batchSize, String apiKey) throws Exception {
    CoinPaprikaSource source =
        new CoinPaprikaSource(properties(batchSize, apiKey), TestUpstream.http(), json);
    return runner.run(source, TriggeredBy.CLI);
  }

  private static CoinPaprikaProperties properties(int batchSize, String apiKey) {
    return new CoinPaprikaProperties(
        true, upstream.baseUrl(), apiKey, 6000, Duration.ofSeconds(2), batchSize);
  }

  private static void stubTickers(String body) {
    upstream.stubFor(get(urlPathEqualTo("/tickers")).willReturn(okJson(body)));
  }

  private Map<String, Object> quoteOf(String paprikaId) {
    List<Map<String, Object>> quotes = quotes(paprikaId);
    assertThat(quotes).hasSize(1);
    return quotes.get(0);
  }

  private Map<String, Object> quoteOf(String paprikaId, String at) {
    return quotes(paprikaId).stream().filter(q -> at.equals(q.get("at"))).findFirst().orElseThrow();
  }

  private List<Map<String, Object>> quotes(String paprikaId) {
    return jdbc.queryForList(
        "SELECT s.symbol, q.price_usd, q.market_cap_usd, q.volume_24h_usd,"
            + " to_char(q.last_updated AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS at"
            + " FROM market_quotes q JOIN asset_aliases a USING (asset_id)"
            + " JOIN assets s USING (asset_id)"
            + " WHERE a.source = 'coinpaprika' AND a.source_asset_id = ?",
        paprikaId);
  }

  private String checkpoint() {
    return jdbc.queryForObject(
        "SELECT checkpoint::text FROM etl_checkpoints WHERE source = 'coinpaprika'", String.class);
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
  }
}
