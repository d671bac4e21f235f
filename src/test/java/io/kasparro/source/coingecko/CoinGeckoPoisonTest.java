package io.kasparro.source.coingecko;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Upstream JSON that is valid but cannot be taken as it is. */
@IntegrationTest
class CoinGeckoPoisonTest {

  @RegisterExtension
  static WireMockExtension upstream =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String PAGE = Samples.read("coingecko_coins_markets_page1.json");

  @Autowired SourceRunner runner;
  @Autowired JdbcTemplate jdbc;
  @Autowired JsonMapper json;

  private RunResult runWith(String page) throws Exception {
    upstream.stubFor(
        get(urlPathEqualTo("/coins/markets"))
            .withQueryParam("page", equalTo("1"))
            .willReturn(okJson(page)));
    upstream.stubFor(
        get(urlPathEqualTo("/coins/markets"))
            .withQueryParam("page", equalTo("2"))
            .willReturn(okJson("[]")));
    CoinGeckoProperties properties =
        new CoinGeckoProperties(
            true,
            upstream.baseUrl(),
            "",
            CoinGeckoProperties.Plan.DEMO,
            6000,
            Duration.ofSeconds(2),
            2,
            5,
            Duration.ofMinutes(10));
    return runner.run(
        new CoinGeckoSource(properties, TestUpstream.http(), json, Clock.systemUTC()),
        TriggeredBy.CLI);
  }

  @Test
  void aCoinWithADuplicateKeyFailsAsARecordInsteadOfBecomingASecondAsset() throws Exception {
    RunResult result =
        runWith(PAGE.replace("\"id\":\"bitcoin\",", "\"id\":\"bitcoin\",\"id\":\"bitcoin-2\","));

    assertThat(result.status()).isEqualTo(RunStatus.PARTIAL);
    Map<String, Object> failure =
        jdbc.queryForMap("SELECT error_type, error_message FROM transform_failures");
    assertThat(failure.get("error_type")).isEqualTo("unreadable_payload");
    assertThat((String) failure.get("error_message")).contains("Duplicate").contains("id");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM assets WHERE symbol = 'BTC'", Long.class))
        .isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM market_quotes", Long.class)).isEqualTo(4);
  }

  @Test
  void aNulInAJsonStringFailsItsRecordAndTheRestLoads() throws Exception {
    RunResult result = runWith(PAGE.replace("\"name\":\"Bitcoin\"", "\"name\":\"Bit\\u0000coin\""));

    assertThat(result.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(jdbc.queryForObject("SELECT error_type FROM transform_failures", String.class))
        .isEqualTo("unstorable_value");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM market_quotes", Long.class)).isEqualTo(4);
  }

  @Test
  void anOverlongSymbolOrAFormulaNameFailsItsRecordWithTheReasonAndTheRestLoads() throws Exception {
    RunResult result =
        runWith(
            PAGE.replace("\"symbol\":\"btc\"", "\"symbol\":\"" + "x".repeat(200) + "\"")
                .replace("\"name\":\"Ethereum\"", "\"name\":\"=HYPERLINK(\\\"http://evil\\\")\""));

    assertThat(result.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(
            jdbc.queryForList(
                "SELECT error_type FROM transform_failures ORDER BY error_type", String.class))
        .containsExactly("invalid_name", "invalid_symbol");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM market_quotes", Long.class)).isEqualTo(3);
  }
}
