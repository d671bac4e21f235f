package io.kasparro.source.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.runs.RunResult;
import io.kasparro.runs.RunStatus;
import io.kasparro.runs.SourceRunner;
import io.kasparro.runs.TriggeredBy;
import io.kasparro.source.SourceRegistry;
import io.kasparro.support.Api;
import io.kasparro.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A source added as one package and one block of configuration, with no change anywhere else: it is
 * enabled, runs, resumes from its checkpoint, and shows up in /health, /stats and /metrics.
 */
@IntegrationTest
@TestPropertySource(
    properties = {"kasparro.sources.fake.enabled=true", "kasparro.sources.fake.schedule=1h"})
class FakeSourceTest {

  @LocalServerPort int port;
  @Autowired FakeSource fake;
  @Autowired SourceRegistry sources;
  @Autowired SourceRunner runner;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aFifthSourceRunsResumesAndIsReported() throws Exception {
    fake.publish("1.00", "1.10", "1.20");

    RunResult first = runner.run(fake, TriggeredBy.CLI);
    RunResult again = runner.run(fake, TriggeredBy.CLI);
    fake.publish("1.30", "1.40");
    RunResult advanced = runner.run(fake, TriggeredBy.CLI);

    assertThat(sources.names()).contains("fake");
    assertThat(first.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(first.counts().fetched()).isEqualTo(3);
    assertThat(first.counts().loaded()).isEqualTo(3);
    assertThat(again.counts().fetched()).as("resumed at its checkpoint: nothing new").isZero();
    assertThat(advanced.counts().fetched()).as("only what was published since").isEqualTo(2);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM market_quotes WHERE source = 'fake'", Long.class))
        .isEqualTo(5);

    Api api = new Api(port);
    JsonNode health = sourceIn(api.get("/health").body().get("sources"));
    assertThat(health.get("schedule").asString()).isEqualTo("1h");
    assertThat(health.get("last_run").get("run_id").asLong()).isEqualTo(advanced.runId());
    JsonNode stats = sourceIn(api.get("/stats").body().get("sources"));
    assertThat(stats.get("runs").get("success").asLong()).isEqualTo(3);
    assertThat(api.get("/metrics").raw().body())
        .contains("kasparro_etl_runs_total{source=\"fake\",status=\"success\"} 3.0");
  }

  private static JsonNode sourceIn(JsonNode sources) {
    for (JsonNode source : sources) {
      if (source.get("source").asString().equals(FakeSource.NAME)) {
        return source;
      }
    }
    throw new AssertionError("no source 'fake' in " + sources);
  }
}
