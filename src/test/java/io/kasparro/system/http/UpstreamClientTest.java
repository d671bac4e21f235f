package io.kasparro.system.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class UpstreamClientTest {

  @RegisterExtension
  static WireMockExtension upstream =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String SECRET = "test-secret-5b1e0c7d";

  final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final UpstreamHttp http = TestUpstream.http(meters);
  final UpstreamClient client = http.client("coingecko", 6000, Duration.ofSeconds(2), List.of());

  @Test
  void aRetryAfterOfTwoSecondsDelaysTheNextRequestByAtLeastTwoSeconds() {
    stubInSequence(aResponse().withStatus(429).withHeader("Retry-After", "2"), ok("fine"));

    String body = fetch(client, "/markets");

    assertThat(body).isEqualTo("fine");
    List<Long> times = requestTimes();
    assertThat(times).hasSize(2);
    assertThat(times.get(1) - times.get(0)).isGreaterThanOrEqualTo(2000);
  }

  @Test
  void rateLimitResetIsHonouredWhenThereIsNoRetryAfter() {
    stubInSequence(aResponse().withStatus(429).withHeader("x-ratelimit-reset", "1"), ok("fine"));

    fetch(client, "/markets");

    List<Long> times = requestTimes();
    assertThat(times.get(1) - times.get(0)).isGreaterThanOrEqualTo(1000);
  }

  @Test
  void callsAreCountedForPrometheusBySourceAndOutcome() {
    stubInSequence(aResponse().withStatus(429), ok("fine"));

    fetch(client, "/markets");

    String scrape = meters.scrape();
    assertThat(scrape)
        .contains(
            "kasparro_upstream_requests_total{outcome=\"rate_limited\",source=\"coingecko\"} 1")
        .contains("kasparro_upstream_requests_total{outcome=\"success\",source=\"coingecko\"} 1")
        .contains("kasparro_upstream_retries_total{source=\"coingecko\"} 1")
        .contains("kasparro_upstream_rate_limited_total{source=\"coingecko\"} 1")
        .contains("resilience4j_circuitbreaker_state{name=\"coingecko\",state=\"closed\"} 1");
  }

  @Test
  void twoServiceUnavailableAnswersThenOkSucceedsWithThreeRequests() {
    stubInSequence(aResponse().withStatus(503), aResponse().withStatus(503), ok("fine"));

    String body = fetch(client, "/markets");

    assertThat(body).isEqualTo("fine");
    upstream.verify(3, getRequestedFor(urlPathEqualTo("/markets")));
  }

  @Test
  void persistentServerErrorsFailWithAnErrorNamingSourceUrlAndStatus() {
    upstream.stubFor(get(urlPathEqualTo("/markets")).willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> fetch(client, "/markets?page=2"))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("coingecko: GET " + upstream.baseUrl() + "/markets?page=2")
        .hasMessageContaining("HTTP 503 Service Unavailable")
        .hasMessageContaining("gave up after 3 attempts");
    upstream.verify(3, getRequestedFor(urlPathEqualTo("/markets")));
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404})
  void clientErrorsFailAtOnceWithoutRetry(int status) {
    upstream.stubFor(get(urlPathEqualTo("/markets")).willReturn(aResponse().withStatus(status)));

    assertThatThrownBy(() -> fetch(client, "/markets"))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("answered HTTP " + status)
        .hasMessageNotContaining("gave up");
    upstream.verify(1, getRequestedFor(urlPathEqualTo("/markets")));
  }

  @Test
  void aMalformedBodyFailsAtOnceWithoutRetry() {
    upstream.stubFor(get(urlPathEqualTo("/markets")).willReturn(ok("[{\"id\":\"bitcoin\",")));
    JsonMapper json = JsonMapper.builder().build();

    assertThatThrownBy(
            () ->
                client.get(
                    URI.create(upstream.baseUrl() + "/markets"),
                    Map.of(),
                    (body, contentType) -> json.readTree(body)))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("answered HTTP 200")
        .hasMessageContaining("malformed body");
    upstream.verify(1, getRequestedFor(urlPathEqualTo("/markets")));
  }

  @Test
  void aResponseSlowerThanTheReadTimeoutIsRetriedThenReportedAsATimeout() {
    UpstreamClient impatient = http.client("coinpaprika", 6000, Duration.ofMillis(200), List.of());
    upstream.stubFor(get(urlPathEqualTo("/tickers")).willReturn(ok("late").withFixedDelay(600)));

    assertThatThrownBy(() -> fetch(impatient, "/tickers"))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("coinpaprika: GET " + upstream.baseUrl() + "/tickers timed out")
        .hasMessageContaining("gave up after 3 attempts");
    upstream.verify(3, getRequestedFor(urlPathEqualTo("/tickers")));
  }

  @Test
  void aDroppedConnectionIsRetried() {
    stubInSequence(
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        aResponse().withFault(Fault.EMPTY_RESPONSE),
        ok("fine"));

    assertThat(fetch(client, "/markets")).isEqualTo("fine");
    upstream.verify(3, getRequestedFor(urlPathEqualTo("/markets")));
  }

  @Test
  void aBodyOverTheSizeLimitFailsWithoutRetry() {
    upstream.stubFor(get(urlPathEqualTo("/markets")).willReturn(ok("x".repeat(1024 * 1024 + 1))));

    assertThatThrownBy(() -> fetch(client, "/markets"))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("exceeds the 1048576-byte limit");
    upstream.verify(1, getRequestedFor(urlPathEqualTo("/markets")));
  }

  @Test
  void theCircuitOpensAfterRepeatedFailuresAndLaterHalfOpens() {
    upstream.stubFor(get(urlPathEqualTo("/markets")).willReturn(aResponse().withStatus(500)));

    // Three failed attempts, then a fourth: the breaker has seen enough and opens.
    assertThatThrownBy(() -> fetch(client, "/markets")).isInstanceOf(UpstreamException.class);
    assertThatThrownBy(() -> fetch(client, "/markets"))
        .hasMessageContaining("circuit breaker is open");
    assertThat(breakerState("open")).isEqualTo(1.0);
    upstream.verify(4, getRequestedFor(urlPathEqualTo("/markets")));

    assertThatThrownBy(() -> fetch(client, "/markets"))
        .hasMessageContaining("circuit breaker is open");
    upstream.verify(4, getRequestedFor(urlPathEqualTo("/markets")));

    await().atMost(Duration.ofSeconds(5)).until(() -> breakerState("half_open") == 1.0);
    upstream.stubFor(get(urlPathEqualTo("/markets")).willReturn(ok("recovered")));
    assertThat(fetch(client, "/markets")).isEqualTo("recovered");
    assertThat(breakerState("closed")).isEqualTo(1.0);
  }

  @Test
  void theClientNeverExceedsItsConfiguredRate() {
    UpstreamClient polite = http.client("rss", 240, Duration.ofSeconds(2), List.of());
    upstream.stubFor(get(urlPathEqualTo("/feed")).willReturn(ok("item")));

    for (int i = 0; i < 9; i++) {
      fetch(polite, "/feed");
    }

    // 240 a minute is one every 250 ms: four per second, plus one where a second's window
    // straddles two permit periods.
    List<Long> times = requestTimes();
    assertThat(times).hasSize(9);
    for (int i = 0; i < times.size(); i++) {
      long windowStart = times.get(i);
      long inWindow =
          times.stream().filter(t -> t >= windowStart && t < windowStart + 1000).count();
      assertThat(inWindow).as("requests in the second from request %d", i).isLessThanOrEqualTo(5);
    }
    assertThat(times.get(8) - times.get(0)).isGreaterThanOrEqualTo(1750);
  }

  @Test
  void secretsInTheUrlOrEchoedByTheUpstreamAreMaskedInErrors() {
    UpstreamClient keyed = http.client("coingecko", 6000, Duration.ofSeconds(2), List.of(SECRET));
    upstream.stubFor(
        get(urlPathEqualTo("/markets"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"invalid key " + SECRET + "\"}")));

    assertThatThrownBy(
            () ->
                keyed.get(
                    URI.create(upstream.baseUrl() + "/markets?x_cg_demo_api_key=" + SECRET),
                    Map.of("x-cg-demo-api-key", SECRET),
                    (body, contentType) -> "unused"))
        .hasMessageContaining("/markets?x_cg_demo_api_key=***")
        .hasMessageContaining("invalid key ***")
        .hasMessageNotContaining(SECRET);
    upstream.verify(
        getRequestedFor(urlPathEqualTo("/markets"))
            .withHeader("x-cg-demo-api-key", equalTo(SECRET)));
  }

  private String fetch(UpstreamClient client, String pathAndQuery) {
    return client.get(
        URI.create(upstream.baseUrl() + pathAndQuery),
        Map.of(),
        (body, contentType) -> new String(body.readAllBytes(), StandardCharsets.UTF_8));
  }

  /** Answers the same path with each response in turn, the last one from then on. */
  private static void stubInSequence(ResponseDefinitionBuilder... responses) {
    String state = Scenario.STARTED;
    for (int i = 0; i < responses.length; i++) {
      String next = i == responses.length - 1 ? state : "after-" + i;
      upstream.stubFor(
          get(urlPathEqualTo("/markets"))
              .inScenario("sequence")
              .whenScenarioStateIs(state)
              .willReturn(responses[i])
              .willSetStateTo(next));
      state = next;
    }
  }

  private static List<Long> requestTimes() {
    return upstream.getAllServeEvents().stream()
        .map(ServeEvent::getRequest)
        .map(request -> request.getLoggedDate().getTime())
        .sorted(Comparator.naturalOrder())
        .toList();
  }

  private double breakerState(String state) {
    return meters
        .get("resilience4j.circuitbreaker.state")
        .tag("name", "coingecko")
        .tag("state", state)
        .gauge()
        .value();
  }

  private static UpstreamClient clientWith(Duration deadline, int attempts, Duration minWait) {
    HttpPolicyProperties base = TestUpstream.policy();
    HttpPolicyProperties policy =
        new HttpPolicyProperties(
            base.connectTimeout(),
            base.maxBodySize(),
            base.maxRateLimitWait(),
            deadline,
            new HttpPolicyProperties.RetryPolicy(
                attempts,
                Duration.ofMillis(10),
                Duration.ofMillis(40),
                Duration.ofSeconds(5),
                minWait),
            base.circuitBreaker());
    return new UpstreamHttp(policy, new SimpleMeterRegistry(), java.time.Clock.systemUTC())
        .client("coingecko", 6000, Duration.ofSeconds(2), List.of());
  }

  @Test
  void anUpstreamDrippingOneByteASecondFailsAtTheRequestDeadline() {
    upstream.stubFor(
        get(urlPathEqualTo("/markets"))
            .willReturn(ok("x".repeat(30)).withChunkedDribbleDelay(30, 30_000)));
    UpstreamClient client = clientWith(Duration.ofSeconds(2), 1, Duration.ZERO);
    long start = System.nanoTime();

    assertThatThrownBy(() -> fetch(client, "/markets"))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("did not complete within its deadline of 2 s");

    // The dribble alone would take 30 s; the bound is loose so a loaded machine cannot trip it.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(25));
  }

  @Test
  void aRetryAfterBeyondTheMaximumWaitFailsAtOnceWithoutWaiting() {
    stubInSequence(aResponse().withStatus(429).withHeader("Retry-After", "999999"), ok("fine"));
    long start = System.nanoTime();

    assertThatThrownBy(() -> fetch(client, "/markets"))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("asks to wait 999999 s, more than kasparro.http.retry.max-wait");

    // The wait asked for is 999999 s; the bound is loose so a loaded machine cannot trip it.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
    assertThat(requestTimes()).hasSize(1);
  }

  @Test
  void aNegativeRetryAfterStillWaitsTheMinimum() {
    stubInSequence(aResponse().withStatus(429).withHeader("Retry-After", "-1"), ok("fine"));

    assertThat(fetch(clientWith(Duration.ofSeconds(5), 3, Duration.ofSeconds(1)), "/markets"))
        .isEqualTo("fine");

    List<Long> times = requestTimes();
    assertThat(times.get(1) - times.get(0)).isGreaterThanOrEqualTo(1000);
  }
}
