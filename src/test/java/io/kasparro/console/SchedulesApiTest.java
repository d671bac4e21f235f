package io.kasparro.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.support.Api;
import io.kasparro.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class SchedulesApiTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void eachEnabledSourceHasItsScheduleAndItsNextRunFromTheScheduler() {
    jdbc.update(
        "INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)"
            + " VALUES ('ingest', 'csv', ?, false, 1)",
        Timestamp.from(Instant.parse("2026-11-21T00:15:00Z")));

    JsonNode body = new Api(port).get("/schedules").body();

    assertThat(body.get("data")).hasSize(1);
    JsonNode csv = body.get("data").get(0);
    assertThat(csv.get("source").asString()).isEqualTo("csv");
    assertThat(csv.get("schedule").asString()).isEqualTo("15m");
    assertThat(csv.get("next_run_at").asString()).isEqualTo("2026-11-21T00:15:00Z");
    assertThat(csv.get("picked").asBoolean()).isFalse();
    assertThat(body.at("/metadata/request_id").asString()).isNotBlank();
  }

  @Test
  void aSourceTheSchedulerDoesNotHoldHasNoNextRun() {
    JsonNode csv = new Api(port).get("/schedules").body().get("data").get(0);

    assertThat(csv.get("next_run_at").isNull()).isTrue();
  }
}
