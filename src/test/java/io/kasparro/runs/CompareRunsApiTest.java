package io.kasparro.runs;

import static io.kasparro.support.ProblemAssertions.assertBadParameter;
import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.source.Source;
import io.kasparro.source.SourceRegistry;
import io.kasparro.support.Api;
import io.kasparro.support.Fixtures;
import io.kasparro.support.IntegrationTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CompareRunsApiTest {

  static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired SourceRunner runner;
  @Autowired SourceRegistry sources;
  Api api;
  Fixtures fixtures;
  int hour;

  @BeforeEach
  void aHistoryOfNormalRuns() {
    api = new Api(port);
    fixtures = new Fixtures(jdbc);
    hour = 0;
    long[] fetched = {100, 104, 98, 101, 97, 103};
    long[] seconds = {60, 63, 58, 61, 59, 62};
    for (int i = 0; i < fetched.length; i++) {
      run("success", fetched[i], seconds[i], 0, null);
    }
  }

  @Test
  void twoNormalRunsAreNotFlagged() {
    long a = run("success", 102, 61, 0, null);
    long b = run("success", 99, 62, 1, null);

    JsonNode body = api.get("/compare-runs?source=csv").body();

    assertThat(body.get("run_a").get("run_id").asLong()).isEqualTo(a);
    assertThat(body.get("run_b").get("run_id").asLong()).isEqualTo(b);
    assertThat(body.get("anomalies").isEmpty()).as(body.get("anomalies").toString()).isTrue();
    JsonNode fetched = body.get("deltas").get("records_fetched");
    assertThat(fetched.get("a").asLong()).isEqualTo(102);
    assertThat(fetched.get("b").asLong()).isEqualTo(99);
    assertThat(fetched.get("absolute").asLong()).isEqualTo(-3);
    assertThat(fetched.get("percent").asDouble()).isEqualTo(-2.94);
    JsonNode duration = body.get("deltas").get("duration_ms");
    assertThat(duration.get("absolute").asLong()).isEqualTo(1000);
    assertThat(duration.get("percent").asDouble()).isEqualTo(1.64);
    JsonNode failed = body.get("deltas").get("records_failed");
    assertThat(failed.get("absolute").asLong()).isEqualTo(1);
    assertThat(failed.get("percent").isNull()).isTrue();
    assertThat(body.get("baseline_runs").asInt()).isEqualTo(7);
  }

  @Test
  void aNinetyPercentDropInRecordsIsFlaggedByRuleAndByZScore() {
    long a = run("success", 100, 60, 0, null);
    long b = run("success", 10, 60, 0, null);

    JsonNode body = api.get("/compare-runs?run_a=" + a + "&run_b=" + b).body();

    JsonNode rule = anomaly(body, "record_count_change");
    assertThat(rule.get("metric").asString()).isEqualTo("records_fetched");
    assertThat(rule.get("value").asDouble()).isEqualTo(-90.0);
    assertThat(rule.get("threshold").asDouble()).isEqualTo(50.0);
    assertThat(rule.get("severity").asString()).isEqualTo("critical");
    JsonNode z = anomaly(body, "z_score");
    assertThat(z.get("metric").asString()).isEqualTo("records_fetched");
    assertThat(z.get("value").asDouble()).isLessThan(-3.0);
    assertThat(z.get("threshold").asDouble()).isEqualTo(3.0);
    assertThat(body.get("deltas").get("records_fetched").get("percent").asDouble())
        .isEqualTo(-90.0);
  }

  @Test
  void aFailureAfterASuccessADoubledDurationAndZeroRecordsAreFlagged() {
    long ok = run("success", 100, 60, 0, null);
    long failed = run("failed", 0, 130, 0, "connection reset");

    JsonNode body = api.get("/compare-runs?run_a=" + ok + "&run_b=" + failed).body();

    assertThat(rules(body)).contains("status_regression", "duration_increase");
    assertThat(anomaly(body, "status_regression").get("value").asString()).isEqualTo("failed");
    assertThat(anomaly(body, "duration_increase").get("value").asDouble()).isEqualTo(2.17);

    long empty = run("success", 0, 60, 0, null);
    JsonNode zero = api.get("/compare-runs?run_a=" + ok + "&run_b=" + empty).body();
    assertThat(anomaly(zero, "zero_records").get("severity").asString()).isEqualTo("critical");
  }

  @Test
  void badComparisonsAreRejectedWithTheParameterNamed() {
    long csvRun = run("success", 100, 60, 0, null);
    long rssRun = fixtures.run("rss", "success", T0, T0.plusSeconds(1), 1, 1, 0, null);

    assertBadParameter(api.get("/compare-runs"), "run_a");
    assertBadParameter(api.get("/compare-runs?run_a=" + csvRun), "run_b");
    assertBadParameter(api.get("/compare-runs?run_a=x&run_b=" + csvRun), "run_a");
    assertBadParameter(api.get("/compare-runs?source=csv&run_a=" + csvRun), "source");
    assertBadParameter(api.get("/compare-runs?run_a=" + csvRun + "&run_b=" + rssRun), "run_b");
    Api.Response unknown = api.get("/compare-runs?run_a=" + csvRun + "&run_b=999999");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body().get("detail").asString()).contains("999999");
    assertBadParameter(api.get("/compare-runs?source=rss"), "source");
  }

  @Test
  void aRerunOverUnchangedInputIsNotAnAnomaly() throws Exception {
    Source csv = sources.require("csv");
    RunResult first = runner.run(csv, TriggeredBy.CLI);
    RunResult again = runner.run(csv, TriggeredBy.CLI);

    JsonNode body = api.get("/compare-runs?source=csv").body();

    assertThat(first.counts().fetched()).isPositive();
    assertThat(again.counts().fetched()).isZero();
    assertThat(body.get("run_a").get("run_id").asLong()).isEqualTo(first.runId());
    assertThat(body.get("run_b").get("run_id").asLong()).isEqualTo(again.runId());
    assertThat(body.get("anomalies").isEmpty()).as(body.get("anomalies").toString()).isTrue();
  }

  @Test
  void aRunThatReadNothingWithoutSayingItsInputWasUnchangedIsStillAnAnomaly() {
    long normal = run("success", 100, 60, 0, null);
    long empty = run("success", 0, 60, 0, null);

    JsonNode body = api.get("/compare-runs?run_a=" + normal + "&run_b=" + empty).body();

    assertThat(anomaly(body, "zero_records").get("severity").asString()).isEqualTo("critical");
  }

  @Test
  void aSourceWithOneFinishedRunIsShownWithNothingToCompare() {
    jdbc.update("DELETE FROM etl_runs");
    long only = run("success", 100, 60, 0, null);

    Api.Response response = api.get("/compare-runs?source=csv");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().get("run_a").isNull()).isTrue();
    assertThat(response.body().get("run_b").get("run_id").asLong()).isEqualTo(only);
    assertThat(response.body().get("deltas").isNull()).isTrue();
    assertThat(response.body().get("anomalies").isEmpty()).isTrue();
    assertThat(response.body().get("baseline_runs").asInt()).isZero();
  }

  @Test
  void aSourceWithNoFinishedRunIsNotFound() {
    jdbc.update("DELETE FROM etl_runs");

    Api.Response response = api.get("/compare-runs?source=csv");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body().get("detail").asString()).contains("no finished run");
  }

  private long run(String status, long fetched, long seconds, long failed, String error) {
    Instant start = T0.plusSeconds(3600L * hour++);
    return fixtures.run(
        "csv", status, start, start.plusSeconds(seconds), fetched, fetched - failed, failed, error);
  }

  private static JsonNode anomaly(JsonNode body, String rule) {
    return body.get("anomalies")
        .valueStream()
        .filter(a -> a.get("rule").asString().equals(rule))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + rule + " in " + body.get("anomalies")));
  }

  private static List<String> rules(JsonNode body) {
    return body.get("anomalies").valueStream().map(a -> a.get("rule").asString()).toList();
  }
}
