package io.kasparro.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.runs.SourceSchedule;
import io.kasparro.support.Api;
import io.kasparro.support.Fixtures;
import io.kasparro.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The csv source is enabled with its default 15-minute schedule: stale after 30 minutes. */
@IntegrationTest
class HealthApiTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  Api api;
  Fixtures fixtures;
  Instant now;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    fixtures = new Fixtures(jdbc);
    now = Instant.now();
  }

  @Test
  void aSourceThatSucceededRecentlyIsOk() {
    long runId = fixtures.run("csv", "success", ago(10), ago(9), 5, 5, 0, null);

    Api.Response response = api.get("/health");

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.body();
    assertThat(body.get("status").asString()).isEqualTo("ok");
    assertThat(body.get("database").get("status").asString()).isEqualTo("up");
    assertThat(body.get("database").get("latency_ms").isIntegralNumber()).isTrue();
    JsonNode csv = body.get("sources").get(0);
    assertThat(csv.get("source").asString()).isEqualTo("csv");
    assertThat(csv.get("status").asString()).isEqualTo("ok");
    assertThat(csv.get("schedule").asString()).isEqualTo("15m");
    assertThat(csv.get("expected_interval_seconds").asLong()).isEqualTo(900);
    assertThat(csv.get("stale_after_seconds").asLong()).isEqualTo(1800);
    assertThat(csv.get("last_run").get("run_id").asLong()).isEqualTo(runId);
    assertThat(csv.get("reasons").isEmpty()).isTrue();
  }

  @Test
  void aSourceStaleBeyondTwiceItsIntervalMakesTheServiceDegraded() {
    fixtures.run("csv", "success", ago(45), ago(44), 5, 5, 0, null);

    Api.Response response = api.get("/health");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().get("status").asString()).isEqualTo("degraded");
    JsonNode csv = response.body().get("sources").get(0);
    assertThat(csv.get("status").asString()).isEqualTo("stale");
    assertThat(csv.get("reasons").get(0).asString()).contains("no successful run since");
  }

  @Test
  void aSourceWhoseLastRunFailedMakesTheServiceDegraded() {
    fixtures.run("csv", "success", ago(10), ago(9), 5, 5, 0, null);
    fixtures.run("csv", "failed", ago(5), ago(4), 0, 0, 0, "file unreadable");

    JsonNode body = api.get("/health").body();

    assertThat(body.get("status").asString()).isEqualTo("degraded");
    JsonNode csv = body.get("sources").get(0);
    assertThat(csv.get("status").asString()).isEqualTo("failing");
    assertThat(csv.get("reasons").get(0).asString()).contains("last run", "failed");
    assertThat(csv.get("last_run").get("error").asString()).isEqualTo("file unreadable");
  }

  @Test
  void probesAnswerForOrchestrators() {
    assertThat(api.get("/health/live").body().get("status").asString()).isEqualTo("ok");
    Api.Response ready = api.get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.body().get("status").asString()).isEqualTo("ok");
  }

  @Test
  void aCronScheduleGivesTheGapBetweenFirings() {
    assertThat(
            new SourceSchedule("csv", "0 0 */6 * * *")
                .interval(Instant.parse("2026-11-20T01:00:00Z")))
        .isEqualTo(Duration.ofHours(6));
    assertThat(new SourceSchedule("csv", "PT20M").interval(now)).isEqualTo(Duration.ofMinutes(20));
  }

  private Instant ago(int minutes) {
    return now.minus(Duration.ofMinutes(minutes));
  }
}
