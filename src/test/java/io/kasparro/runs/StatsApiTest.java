package io.kasparro.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.support.Api;
import io.kasparro.support.Fixtures;
import io.kasparro.support.IntegrationTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class StatsApiTest {

  static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void statsSumEachSourcesRunsAndTheirTotals() {
    Fixtures fixtures = new Fixtures(jdbc);
    fixtures.run("csv", "success", T0, T0.plusSeconds(10), 100, 100, 0, null);
    long partial =
        fixtures.run("csv", "partial", T0.plusSeconds(60), T0.plusSeconds(80), 50, 45, 5, null);
    long failed =
        fixtures.run(
            "csv", "failed", T0.plusSeconds(120), T0.plusSeconds(150), 7, 7, 0, "disk gone");
    long last = fixtures.run("csv", "running", T0.plusSeconds(200), null, 3, 3, 0, null);
    fixtures.run("rss", "success", T0, T0.plusSeconds(4), 9, 9, 0, null);
    jdbc.update(
        "INSERT INTO etl_checkpoints (source, checkpoint) VALUES ('csv', '{\"files\": {}}')");
    long rawId =
        jdbc.queryForObject(
            "INSERT INTO raw_records (source, run_id, payload, payload_hash)"
                + " VALUES ('csv', ?, '{}', '\\x01') RETURNING id",
            Long.class,
            partial);
    jdbc.update(
        "INSERT INTO transform_failures (source, raw_id, run_id, error_type, error_message,"
            + " payload) VALUES ('csv', ?, ?, 'invalid_number', 'bad', '{}')",
        rawId,
        partial);

    JsonNode body = new Api(port).get("/stats").body();

    JsonNode csv = source(body, "csv");
    assertThat(csv.get("enabled").asBoolean()).isTrue();
    assertThat(csv.get("runs").get("total").asLong()).isEqualTo(4);
    assertThat(csv.get("runs").get("success").asLong()).isEqualTo(1);
    assertThat(csv.get("runs").get("partial").asLong()).isEqualTo(1);
    assertThat(csv.get("runs").get("failed").asLong()).isEqualTo(1);
    assertThat(csv.get("runs").get("running").asLong()).isEqualTo(1);
    assertThat(csv.get("success_rate").asDouble()).isEqualTo(0.6667);
    assertThat(csv.get("records").get("fetched").asLong()).isEqualTo(160);
    assertThat(csv.get("records").get("loaded").asLong()).isEqualTo(155);
    assertThat(csv.get("records").get("failed").asLong()).isEqualTo(5);
    assertThat(csv.get("duration_ms").get("average").asLong()).isEqualTo(20_000);
    assertThat(csv.get("duration_ms").get("max").asLong()).isEqualTo(30_000);
    assertThat(csv.get("last_run").get("run_id").asLong()).isEqualTo(last);
    assertThat(csv.get("last_run").get("status").asString()).isEqualTo("running");
    assertThat(csv.get("last_run").get("ended_at").isNull()).isTrue();
    assertThat(csv.get("last_success_at").asString()).isEqualTo("2026-11-20T00:01:20Z");
    JsonNode lastFailure = csv.get("last_failure");
    assertThat(lastFailure.get("run_id").asLong()).isEqualTo(failed);
    assertThat(lastFailure.get("ended_at").asString()).isEqualTo("2026-11-20T00:02:30Z");
    assertThat(lastFailure.get("error").asString()).isEqualTo("disk gone");
    assertThat(csv.get("transform_failures").asLong()).isEqualTo(1);
    assertThat(csv.get("checkpoint").get("files").isObject()).isTrue();

    JsonNode rss = source(body, "rss");
    assertThat(rss.get("enabled").asBoolean()).isFalse();
    assertThat(rss.get("success_rate").asDouble()).isEqualTo(1.0);

    JsonNode totals = body.get("totals");
    assertThat(totals.get("runs").get("total").asLong()).isEqualTo(5);
    assertThat(totals.get("records").get("fetched").asLong()).isEqualTo(169);
    assertThat(totals.get("success_rate").asDouble()).isEqualTo(0.75);
    assertThat(totals.get("duration_ms").get("average").asLong()).isEqualTo(16_000);
    assertThat(totals.get("transform_failures").asLong()).isEqualTo(1);
    assertThat(body.get("metadata").get("request_id").isString()).isTrue();
  }

  @Test
  void eachSourceAndTheTotalsNameTheirNewestFailureWithItsError() {
    Fixtures fixtures = new Fixtures(jdbc);
    long csvFailure = fixtures.run("csv", "failed", T0, T0.plusSeconds(5), 0, 0, 0, "csv broke");
    long rssFailure =
        fixtures.run("rss", "failed", T0.plusSeconds(60), T0.plusSeconds(61), 0, 0, 0, "feed gone");
    fixtures.run("csv", "success", T0.plusSeconds(120), T0.plusSeconds(121), 1, 1, 0, null);

    JsonNode body = new Api(port).get("/stats").body();

    assertThat(source(body, "csv").get("last_failure").get("run_id").asLong())
        .isEqualTo(csvFailure);
    assertThat(source(body, "csv").get("last_failure").get("error").asString())
        .isEqualTo("csv broke");
    JsonNode newest = body.get("totals").get("last_failure");
    assertThat(newest.get("run_id").asLong()).isEqualTo(rssFailure);
    assertThat(newest.get("ended_at").asString()).isEqualTo("2026-11-20T00:01:01Z");
    assertThat(newest.get("error").asString()).isEqualTo("feed gone");
  }

  @Test
  void anEnabledSourceThatNeverRanIsListedWithZeroes() {
    JsonNode csv = source(new Api(port).get("/stats").body(), "csv");

    assertThat(csv.get("runs").get("total").asLong()).isZero();
    assertThat(csv.get("success_rate").isNull()).isTrue();
    assertThat(csv.get("last_run").isNull()).isTrue();
    assertThat(csv.get("last_failure").isNull()).isTrue();
  }

  private static JsonNode source(JsonNode body, String name) {
    return body.get("sources")
        .valueStream()
        .filter(s -> s.get("source").asString().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
