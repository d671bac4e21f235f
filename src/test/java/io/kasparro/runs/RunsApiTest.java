package io.kasparro.runs;

import static io.kasparro.support.ProblemAssertions.assertBadParameter;
import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.support.Api;
import io.kasparro.support.Fixtures;
import io.kasparro.support.Http;
import io.kasparro.support.IntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class RunsApiTest {

  static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  Api api;
  Fixtures fixtures;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    fixtures = new Fixtures(jdbc);
  }

  @Test
  void oneRunCarriesEveryFieldWithItsValue() {
    long runId =
        fixtures.run("csv", "failed", T0, T0.plusMillis(1500), 40, 30, 2, "upstream answered 500");
    jdbc.update(
        "UPDATE etl_runs SET metadata = '{\"injected_failure\": true}', records_duplicate = 8,"
            + " records_inserted = 32 WHERE run_id = ?",
        runId);

    Api.Response response = api.get("/runs/" + runId);

    assertThat(response.status()).isEqualTo(200);
    JsonNode run = response.body();
    assertThat(run.get("run_id").asLong()).isEqualTo(runId);
    assertThat(run.get("source").asString()).isEqualTo("csv");
    assertThat(run.get("status").asString()).isEqualTo("failed");
    assertThat(run.get("triggered_by").asString()).isEqualTo("schedule");
    assertThat(run.get("started_at").asString()).isEqualTo("2026-11-20T00:00:00Z");
    assertThat(run.get("ended_at").asString()).isEqualTo("2026-11-20T00:00:01.500Z");
    assertThat(run.get("duration_ms").asLong()).isEqualTo(1500);
    JsonNode records = run.get("records");
    assertThat(records.get("fetched").asLong()).isEqualTo(40);
    assertThat(records.get("inserted").asLong()).isEqualTo(32);
    assertThat(records.get("duplicate").asLong()).isEqualTo(8);
    assertThat(records.get("loaded").asLong()).isEqualTo(30);
    assertThat(records.get("failed").asLong()).isEqualTo(2);
    assertThat(run.get("error").asString()).isEqualTo("upstream answered 500");
    assertThat(run.has("error_message")).isFalse();
    assertThat(run.get("metadata").get("injected_failure").asBoolean()).isTrue();
  }

  @Test
  void theListIsNewestFirstAndFiltersBySourceAndStatus() {
    long a = fixtures.run("csv", "success", T0, T0.plusSeconds(1), 1, 1, 0, null);
    long b = fixtures.run("rss", "success", T0.plusSeconds(10), T0.plusSeconds(11), 1, 1, 0, null);
    long c = fixtures.run("csv", "failed", T0.plusSeconds(20), T0.plusSeconds(21), 0, 0, 0, "x");
    long d = fixtures.run("csv", "success", T0.plusSeconds(30), T0.plusSeconds(31), 1, 1, 0, null);

    Api.Response response = api.get("/runs", Map.of("X-Request-ID", "runs-1"));
    assertThat(runIds(response)).containsExactly(d, c, b, a);
    assertThat(response.body().get("metadata").get("request_id").asString()).isEqualTo("runs-1");
    assertThat(runIds(api.get("/runs?source=csv"))).containsExactly(d, c, a);
    assertThat(runIds(api.get("/runs?source=csv&status=success"))).containsExactly(d, a);
    assertThat(runIds(api.get("/runs?limit=2"))).containsExactly(d, c);
  }

  @Test
  void theListIsPagedByLimitAndOffsetWithTheSamePaginationAsTheOtherLists() {
    long a = fixtures.run("csv", "success", T0, T0.plusSeconds(1), 1, 1, 0, null);
    long b = fixtures.run("csv", "failed", T0.plusSeconds(10), T0.plusSeconds(11), 0, 0, 0, "x");
    long c = fixtures.run("rss", "success", T0.plusSeconds(20), T0.plusSeconds(21), 1, 1, 0, null);
    long d = fixtures.run("csv", "success", T0.plusSeconds(30), T0.plusSeconds(31), 1, 1, 0, null);

    Api.Response second = api.get("/runs?source=csv&limit=2&offset=1");

    assertThat(runIds(second)).containsExactly(b, a);
    JsonNode pagination = second.body().get("pagination");
    assertThat(pagination.get("limit").asInt()).isEqualTo(2);
    assertThat(pagination.get("offset").asLong()).isEqualTo(1);
    assertThat(pagination.get("total").asLong()).as("csv runs: a, b and d").isEqualTo(3);
    assertThat(runIds(api.get("/runs?offset=3"))).containsExactly(a);
    assertThat(api.get("/runs").body().get("pagination").get("total").asLong()).isEqualTo(4);
    assertThat(runIds(api.get("/runs?status=success&limit=1"))).containsExactly(d);
    assertThat(c).isNotIn(runIds(second));
    assertBadParameter(api.get("/runs?offset=-1"), "offset");
  }

  @Test
  void anUnknownRunIsA404AndABadIdA400() {
    Api.Response missing = api.get("/runs/424242", Map.of("X-Request-ID", "missing-run"));

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    assertThat(missing.body().get("detail").asString()).isEqualTo("run 424242 does not exist");
    assertThat(missing.body().get("request_id").asString()).isEqualTo("missing-run");
    assertBadParameter(api.get("/runs/abc"), "run_id");
    assertBadParameter(api.get("/runs/-1"), "run_id");
    assertBadParameter(api.get("/runs?status=done"), "status");
    assertBadParameter(api.get("/runs?limit=1001"), "limit");
    assertBadParameter(api.get("/runs?source=CSV'--"), "source");
  }

  @Test
  void withNoKeyConfiguredMutatingRequestsAreRefusedWithTheFix() {
    Map<String, Object> before = fixtures.rowCounts();

    Api.Response response =
        Http.postJson(api, "/runs", "{\"source\": \"csv\"}", Map.of("X-API-Key", "anything"));

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.body().get("detail").asString()).contains("KASPARRO_API_KEY");
    assertThat(response.body().get("request_id").asString())
        .isEqualTo(response.header("X-Request-ID"));
    assertThat(fixtures.rowCounts()).isEqualTo(before);
  }

  private static List<Long> runIds(Api.Response response) {
    return response.body().get("data").valueStream().map(r -> r.get("run_id").asLong()).toList();
  }
}
