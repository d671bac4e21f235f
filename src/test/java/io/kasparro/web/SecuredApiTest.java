package io.kasparro.web;

import static io.kasparro.support.ProblemAssertions.assertBadParameter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasparro.runs.RunLock;
import io.kasparro.support.Api;
import io.kasparro.support.Fixtures;
import io.kasparro.support.Http;
import io.kasparro.support.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The service with an API key, keys required for reads too, and one browser origin allowed. */
@IntegrationTest
@TestPropertySource(
    properties = {
      "kasparro.api.key=" + SecuredApiTest.KEY,
      "kasparro.api.require-key-for-reads=true",
      "kasparro.api.cors.allowed-origins=https://dash.example.com"
    })
class SecuredApiTest {

  static final String KEY = "test-key-7f3a";
  static final Map<String, String> WITH_KEY = Map.of("X-API-Key", KEY);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RunLock runLock;
  Api api;
  Fixtures fixtures;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    fixtures = new Fixtures(jdbc);
  }

  @Test
  void startingARunWithoutTheRightKeyIs401AndStartsNothing() {
    Api.Response missing = Http.postJson(api, "/runs", "{\"source\": \"csv\"}", Map.of());
    Api.Response wrong =
        Http.postJson(api, "/runs", "{\"source\": \"csv\"}", Map.of("X-API-Key", KEY + "x"));

    for (Api.Response response : new Api.Response[] {missing, wrong}) {
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.header("WWW-Authenticate")).contains("X-API-Key");
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
      assertThat(response.body().get("request_id").asString())
          .isEqualTo(response.header("X-Request-ID"));
      assertThat(response.raw().body()).doesNotContain(KEY);
    }
    assertThat(jdbc.queryForObject("SELECT count(*) FROM etl_runs", Long.class)).isZero();
  }

  @Test
  void startingARunWithTheKeyIsAcceptedAndTheRunCompletesInTheBackground() {
    Api.Response response = Http.postJson(api, "/runs", "{\"source\": \"csv\"}", WITH_KEY);

    assertThat(response.status()).isEqualTo(202);
    long runId = response.body().get("run_id").asLong();
    assertThat(response.header("Location")).isEqualTo("/runs/" + runId);
    assertThat(response.body().get("source").asString()).isEqualTo("csv");
    assertThat(response.body().get("triggered_by").asString()).isEqualTo("manual");
    JsonNode run =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> api.get("/runs/" + runId, WITH_KEY).body(),
                body -> !body.get("status").asString().equals("running"));
    assertThat(run.get("status").asString()).isIn("success", "partial");
    assertThat(run.get("triggered_by").asString()).isEqualTo("manual");
    assertThat(run.get("records").get("fetched").asLong())
        .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM raw_records", Long.class))
        .isPositive();
  }

  @Test
  void startingASourceThatIsAlreadyRunningIs409() throws Exception {
    try (RunLock.Held held = runLock.acquire("csv")) {
      Api.Response response = Http.postJson(api, "/runs", "{\"source\": \"csv\"}", WITH_KEY);

      assertThat(response.status()).isEqualTo(409);
      assertThat(response.body().get("detail").asString()).contains("already running");
    }
    assertThat(jdbc.queryForObject("SELECT count(*) FROM etl_runs", Long.class)).isZero();
  }

  @Test
  void badRunRequestsAreRejected() {
    assertBadParameter(Http.postJson(api, "/runs", "{\"source\": \"nosuch\"}", WITH_KEY), "source");
    assertBadParameter(Http.postJson(api, "/runs", "{}", WITH_KEY), "source");
    assertBadParameter(Http.postJson(api, "/runs", "{\"source\": ", WITH_KEY), "body");

    Api.Response text = Http.send(api, "POST", "/runs", "text/plain", "csv", WITH_KEY);
    assertThat(text.status()).isEqualTo(415);
    assertThat(text.header("Content-Type")).startsWith("application/problem+json");
    assertThat(text.body().get("request_id").asString()).isEqualTo(text.header("X-Request-ID"));

    Api.Response delete = Http.send(api, "DELETE", "/data", null, null, WITH_KEY);
    assertThat(delete.status()).isEqualTo(405);
    assertThat(delete.header("Allow")).contains("GET");
    assertThat(delete.body().get("status").asInt()).isEqualTo(405);
    assertThat(delete.body().get("request_id").asString()).isEqualTo(delete.header("X-Request-ID"));
    assertThat(jdbc.queryForObject("SELECT count(*) FROM etl_runs", Long.class)).isZero();
  }

  @Test
  void whenConfiguredReadsNeedTheKeyButProbesDoNot() {
    assertThat(api.get("/data").status()).isEqualTo(401);
    assertThat(api.get("/data", WITH_KEY).status()).isEqualTo(200);
    assertThat(api.get("/health").status()).isEqualTo(200);
    assertThat(api.get("/health/ready").status()).isEqualTo(200);
  }

  @Test
  void anAllowedOriginPassesPreflightAndSeesRefusalsAnOtherOriginDoesNot() {
    Map<String, String> preflight =
        Map.of(
            "Origin", "https://dash.example.com",
            "Access-Control-Request-Method", "POST",
            "Access-Control-Request-Headers", "X-API-Key, Content-Type");
    Api.Response allowed = Http.send(api, "OPTIONS", "/runs", null, null, preflight);
    assertThat(allowed.status()).isEqualTo(200);
    assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://dash.example.com");
    assertThat(allowed.header("Access-Control-Allow-Methods")).contains("POST");

    Api.Response refused =
        Http.postJson(api, "/runs", "{}", Map.of("Origin", "https://dash.example.com"));
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo("https://dash.example.com");

    Api.Response other =
        Http.send(
            api,
            "OPTIONS",
            "/runs",
            null,
            null,
            Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"));
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.header("Access-Control-Allow-Origin")).isNull();
  }
}
