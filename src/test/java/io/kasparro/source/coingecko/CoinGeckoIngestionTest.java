package io.kasparro.source.coingecko;

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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class CoinGeckoIngestionTest {

  @RegisterExtension
  static WireMockExtension upstream =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String PAGE = Samples.read("coingecko_coins_markets_page1.json");

  @Autowired SourceRunner runner;
  @Autowired JdbcTemplate jdbc;
  @Autowired JsonMapper json;

  @Test
  void firstRunStoresEveryCoinExactlyAsReceivedAndLoadsSilver() throws Exception {
    stubPage(1, PAGE);
    stubPage(2, "[]");

    RunResult result = run(source(2, 5));

    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(result.counts().fetched()).isEqualTo(5);
    List<String> expectedHashes =
        Samples.arrayElementLines(PAGE).stream().map(Samples::sha256Hex).toList();
    assertThat(
            jdbc.queryForList(
                "SELECT encode(payload_hash, 'hex') FROM raw_records WHERE source = 'coingecko'"
                    + " ORDER BY id",
                String.class))
        .containsExactlyElementsOf(expectedHashes);
    assertThat(count("market_quotes")).isEqualTo(5);
    Map<String, Object> bitcoin = quoteOf("bitcoin");
    assertThat(bitcoin).containsEntry("symbol", "BTC").containsEntry("name", "Bitcoin");
    assertThat((BigDecimal) bitcoin.get("price_usd")).isEqualByComparingTo("91234.12");
    assertThat((BigDecimal) bitcoin.get("market_cap_usd")).isEqualByComparingTo("1808123456789");
    assertThat((BigDecimal) bitcoin.get("volume_24h_usd")).isEqualByComparingTo("41234567890");
    assertThat(bitcoin.get("at")).isEqualTo("2026-11-20T12:00:31.112Z");
    assertThat((BigDecimal) quoteOf("dogecoin").get("price_usd")).isEqualByComparingTo("0.15873");
    upstream.verify(
        getRequestedFor(urlPathEqualTo("/coins/markets"))
            .withQueryParam("vs_currency", equalTo("usd"))
            .withQueryParam("order", equalTo("market_cap_desc"))
            .withQueryParam("per_page", equalTo("5"))
            .withQueryParam("page", equalTo("1"))
            .withQueryParam("precision", equalTo("full")));
  }

  @Test
  void aSecondIdenticalRunAddsNothing() throws Exception {
    stubPage(1, PAGE);
    stubPage(2, "[]");
    run(source(2, 5));

    RunResult second = run(source(2, 5));

    assertThat(second.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(second.counts().inserted()).isZero();
    assertThat(second.counts().duplicate()).isEqualTo(5);
    assertThat(count("raw_records")).isEqualTo(5);
    assertThat(count("market_quotes")).isEqualTo(5);
  }

  @Test
  void aChangedPayloadAddsOnlyWhatChanged() throws Exception {
    stubPage(1, PAGE);
    stubPage(2, "[]");
    run(source(2, 5));

    stubPage(
        1,
        PAGE.replace("\"current_price\":91234.12", "\"current_price\":91500.5")
            .replace("2026-11-20T12:00:31.112Z", "2026-11-20T12:05:31.000Z"));
    RunResult second = run(source(2, 5));

    assertThat(second.counts().inserted()).isEqualTo(1);
    assertThat(count("raw_records")).isEqualTo(6);
    assertThat(
            jdbc.queryForList(
                "SELECT q.price_usd FROM market_quotes q JOIN asset_aliases a USING (asset_id)"
                    + " WHERE a.source = 'coingecko' AND a.source_asset_id = 'bitcoin'"
                    + " ORDER BY q.last_updated",
                BigDecimal.class))
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("91234.12"), new BigDecimal("91500.5"));
    assertThat(count("market_quotes")).isEqualTo(6);
  }

  @Test
  void anEmptyArrayIsACleanEmptyRun() throws Exception {
    stubPage(1, "[]");

    RunResult result = run(source(2, 5));

    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(result.counts().fetched()).isZero();
    assertThat(count("raw_records")).isZero();
    upstream.verify(
        0, getRequestedFor(urlPathEqualTo("/coins/markets")).withQueryParam("page", equalTo("2")));
  }

  @Test
  void truncatedJsonFailsTheRunAndCommitsNothingOfThatPage() throws Exception {
    stubPage(1, PAGE);
    stubPage(2, PAGE.substring(0, PAGE.length() / 2));

    RunResult result = run(source(3, 5));

    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error())
        .contains("coingecko: GET " + upstream.baseUrl() + "/coins/markets?")
        .contains("page=2")
        .contains("HTTP 200")
        .contains("malformed body");
    assertThat(count("raw_records")).isEqualTo(5);
    assertThat(checkpoint()).contains("\"next_page\": 2");
  }

  @Test
  void anHtmlErrorPageWithStatus200FailsTheRunCleanly() throws Exception {
    upstream.stubFor(
        get(urlPathEqualTo("/coins/markets"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody("<html><body><h1>Just a moment...</h1></body></html>")));

    RunResult result = run(source(2, 5));

    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error()).contains("HTTP 200 (text/html").contains("an HTML page");
    assertThat(count("raw_records")).isZero();
    upstream.verify(1, getRequestedFor(urlPathEqualTo("/coins/markets")));
  }

  @Test
  void aCoinWithoutAPriceGoesToTransformFailuresAndTheOthersLoad() throws Exception {
    stubPage(1, PAGE.replace("\"current_price\":3112.58", "\"current_price\":null"));

    RunResult result = run(source(1, 5));

    assertThat(result.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(count("market_quotes")).isEqualTo(4);
    assertThat(jdbc.queryForMap("SELECT source_record_id, error_type FROM transform_failures"))
        .containsEntry("source_record_id", "ethereum")
        .containsEntry("error_type", "missing_field");
  }

  @Test
  void aNumberBeyondAnyPriceGoesToTransformFailuresAndTheOthersLoad() throws Exception {
    stubPage(1, PAGE.replace("\"current_price\":3112.58", "\"current_price\":1e200000"));

    RunResult result = run(source(1, 5));

    assertThat(result.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(count("raw_records")).as("bronze keeps it as received").isEqualTo(5);
    assertThat(count("market_quotes")).isEqualTo(4);
    assertThat(jdbc.queryForMap("SELECT source_record_id, error_type FROM transform_failures"))
        .containsEntry("source_record_id", "ethereum")
        .containsEntry("error_type", "out_of_range");
  }

  @Test
  void aStaleSnapshotStartsAgainAtPageOne() throws Exception {
    stubPage(1, PAGE);
    stubPage(2, "not json");
    run(source(3, 5, Clock.systemUTC()));
    assertThat(checkpoint()).contains("\"next_page\": 2");

    Clock elevenMinutesLater = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(11));
    run(source(3, 5, elevenMinutesLater));

    upstream.verify(
        2, getRequestedFor(urlPathEqualTo("/coins/markets")).withQueryParam("page", equalTo("1")));
  }

  @Test
  void theKeyGoesInTheHeaderOfItsPlanAndNoKeyMeansThePublicTier() throws Exception {
    stubPage(1, "[]");

    run(
        source(
            new CoinGeckoProperties(
                true,
                upstream.baseUrl(),
                "",
                CoinGeckoProperties.Plan.DEMO,
                6000,
                Duration.ofSeconds(2),
                1,
                5,
                Duration.ofMinutes(10))));
    run(
        source(
            new CoinGeckoProperties(
                true,
                upstream.baseUrl(),
                "pro-test-key",
                CoinGeckoProperties.Plan.PRO,
                6000,
                Duration.ofSeconds(2),
                1,
                5,
                Duration.ofMinutes(10))));

    upstream.verify(
        1,
        getRequestedFor(urlPathEqualTo("/coins/markets"))
            .withHeader("x-cg-demo-api-key", absent())
            .withHeader("x-cg-pro-api-key", absent()));
    upstream.verify(
        1,
        getRequestedFor(urlPathEqualTo("/coins/markets"))
            .withHeader("x-cg-pro-api-key", equalTo("pro-test-key")));
  }

  private CoinGeckoSource source(int pages, int perPage) {
    return source(pages, perPage, Clock.systemUTC());
  }

  private CoinGeckoSource source(int pages, int perPage, Clock clock) {
    return new CoinGeckoSource(properties(pages, perPage), TestUpstream.http(), json, clock);
  }

  private CoinGeckoSource source(CoinGeckoProperties properties) {
    return new CoinGeckoSource(properties, TestUpstream.http(), json, Clock.systemUTC());
  }

  static CoinGeckoProperties properties(int pages, int perPage) {
    return new CoinGeckoProperties(
        true,
        upstream.baseUrl(),
        "",
        CoinGeckoProperties.Plan.DEMO,
        6000,
        Duration.ofSeconds(2),
        pages,
        perPage,
        Duration.ofMinutes(10));
  }

  private RunResult run(CoinGeckoSource source) throws Exception {
    return runner.run(source, TriggeredBy.CLI);
  }

  private static void stubPage(int page, String body) {
    upstream.stubFor(
        get(urlPathEqualTo("/coins/markets"))
            .withQueryParam("page", equalTo(Integer.toString(page)))
            .willReturn(okJson(body)));
  }

  private Map<String, Object> quoteOf(String coinGeckoId) {
    return jdbc.queryForMap(
        "SELECT s.symbol, s.name, q.price_usd, q.market_cap_usd, q.volume_24h_usd,"
            + " to_char(q.last_updated AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS at"
            + " FROM market_quotes q JOIN asset_aliases a USING (asset_id)"
            + " JOIN assets s USING (asset_id)"
            + " WHERE a.source = 'coingecko' AND a.source_asset_id = ?",
        coinGeckoId);
  }

  private String checkpoint() {
    return jdbc.queryForObject(
        "SELECT checkpoint::text FROM etl_checkpoints WHERE source = 'coingecko'", String.class);
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
  }
}
