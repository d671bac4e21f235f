package io.kasparro.source.coingecko;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.kasparro.cli.CommandRunner;
import io.kasparro.support.IntegrationTest;
import io.kasparro.support.Samples;
import io.kasparro.system.Command;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * CoinGecko configured the way an operator configures it (properties, environment), inside the
 * running service next to the CSV source, with failure injection on.
 */
@IntegrationTest
@TestPropertySource(
    properties = {
      "kasparro.sources.coingecko.enabled=true",
      "kasparro.sources.coingecko.api-key=" + CoinGeckoInTheServiceTest.API_KEY,
      "kasparro.sources.coingecko.pages=3",
      "kasparro.sources.coingecko.per-page=5",
      "kasparro.sources.coingecko.rate-limit-per-minute=6000",
      "kasparro.http.retry.max-attempts=3",
      "kasparro.http.retry.initial-backoff=10ms",
      "kasparro.http.retry.max-backoff=40ms",
      "kasparro.http.circuit-breaker.minimum-number-of-calls=100",
      "kasparro.failure-injection.fail-after-records.coingecko=5"
    })
@ExtendWith(OutputCaptureExtension.class)
class CoinGeckoInTheServiceTest {

  static final String API_KEY = "cg-test-key-4f9d2a71";

  @RegisterExtension
  static WireMockExtension upstream =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @DynamicPropertySource
  static void upstreamUrl(DynamicPropertyRegistry registry) {
    registry.add("kasparro.sources.coingecko.base-url", upstream::baseUrl);
  }

  @Autowired CommandRunner commands;
  @Autowired JdbcTemplate jdbc;
  @Autowired CoinGeckoProperties properties;

  @Test
  void persistentServerErrorsFailCoinGeckosRunWhileTheCsvSourceStillSucceeds() {
    upstream.stubFor(get(urlPathEqualTo("/coins/markets")).willReturn(aResponse().withStatus(503)));

    int exitCode = commands.run(Command.parse(new String[] {"run-once"}));

    assertThat(exitCode).isEqualTo(1);
    Map<String, String> statusBySource =
        jdbc.queryForList("SELECT source, status FROM etl_runs").stream()
            .collect(
                Collectors.toMap(r -> (String) r.get("source"), r -> (String) r.get("status")));
    assertThat(statusBySource).containsEntry("coingecko", "failed");
    assertThat(statusBySource.get("csv")).isIn("success", "partial");
    assertThat(
            jdbc.queryForObject(
                "SELECT error_message FROM etl_runs WHERE source = 'coingecko'", String.class))
        .contains("coingecko: GET " + upstream.baseUrl() + "/coins/markets?")
        .contains("HTTP 503 Service Unavailable")
        .contains("gave up after 3 attempts");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM raw_records WHERE source = 'csv'", Long.class))
        .isPositive();
  }

  @Test
  void theApiKeyIsSentButAppearsInNoLogLineOrError(CapturedOutput output) {
    stubPage(1, Samples.read("coingecko_coins_markets_page1.json"));
    stubPage(2, "[]");
    commands.run(Command.parse(new String[] {"run-once", "--source=coingecko"}));

    upstream.stubFor(
        get(urlPathEqualTo("/coins/markets"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"status\":{\"error_message\":\"invalid key " + API_KEY + "\"}}")));
    commands.run(Command.parse(new String[] {"run-once", "--source=coingecko"}));

    upstream.verify(
        3,
        getRequestedFor(urlPathEqualTo("/coins/markets"))
            .withHeader("x-cg-demo-api-key", equalTo(API_KEY)));
    assertThat(output.getAll()).contains("Run 2 of coingecko failed").doesNotContain(API_KEY);
    assertThat(properties.apiKey()).isEqualTo(API_KEY);
    assertThat(properties.toString()).doesNotContain(API_KEY);
    assertThat(jdbc.queryForList("SELECT error_message FROM etl_runs", String.class))
        .anySatisfy(error -> assertThat(error).contains("HTTP 401").contains("invalid key ***"))
        .allSatisfy(error -> assertThat(String.valueOf(error)).doesNotContain(API_KEY));
  }

  @Test
  void aRunKilledAfterPageOneOfThreeResumesAtPageTwoAndEndsWithEachCoinOnce() {
    for (int page = 1; page <= 3; page++) {
      stubPage(page, page(page));
    }

    // Failure injection lets at most 5 coins (one page) through per run.
    List<Integer> exitCodes =
        IntStream.range(0, 3)
            .mapToObj(
                run -> commands.run(Command.parse(new String[] {"run-once", "--source=coingecko"})))
            .toList();

    assertThat(exitCodes).containsExactly(1, 1, 0);
    assertThat(jdbc.queryForList("SELECT status FROM etl_runs ORDER BY run_id", String.class))
        .containsExactly("failed", "failed", "success");
    assertThat(requestsFor(1)).as("page 1 is never read again").isEqualTo(1);
    assertThat(requestsFor(2)).as("killed on page 2, then resumed there").isEqualTo(2);
    assertThat(requestsFor(3)).isEqualTo(2);
    assertThat(
            jdbc.queryForList(
                "SELECT source_record_id FROM raw_records ORDER BY source_record_id", String.class))
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, 3)
                .boxed()
                .flatMap(p -> IntStream.range(0, 5).mapToObj(i -> "coin-" + p + "-" + i))
                .sorted()
                .toList());
    assertThat(jdbc.queryForObject("SELECT count(*) FROM market_quotes", Long.class)).isEqualTo(15);
  }

  /** Five coins unique to the page. */
  private static String page(int page) {
    return IntStream.range(0, 5)
        .mapToObj(
            i ->
                ("{\"id\":\"coin-%d-%d\",\"symbol\":\"c%d%d\",\"name\":\"Coin %d %d\","
                        + "\"current_price\":%d.25,\"market_cap\":1000000,\"total_volume\":5000,"
                        + "\"last_updated\":\"2026-11-20T12:00:00.000Z\"}")
                    .formatted(page, i, page, i, page, i, page * 10 + i))
        .collect(Collectors.joining(",", "[", "]"));
  }

  private static void stubPage(int page, String body) {
    upstream.stubFor(
        get(urlPathEqualTo("/coins/markets"))
            .withQueryParam("page", equalTo(Integer.toString(page)))
            .willReturn(okJson(body)));
  }

  private static int requestsFor(int page) {
    return upstream
        .findAll(
            getRequestedFor(urlPathEqualTo("/coins/markets"))
                .withQueryParam("page", equalTo(Integer.toString(page))))
        .size();
  }
}
