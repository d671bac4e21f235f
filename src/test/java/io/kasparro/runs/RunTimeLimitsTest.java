package io.kasparro.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasparro.source.BatchSink;
import io.kasparro.source.SilverRecord;
import io.kasparro.source.Source;
import io.kasparro.support.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A run's time is bounded, and its ending is recorded as soon as the database can take it: the real
 * run loop, lock and run history on the test PostgreSQL.
 */
@IntegrationTest
@TestPropertySource(
    properties = {"kasparro.runs.max-duration=1s", "kasparro.runs.ending-retry-interval=100ms"})
class RunTimeLimitsTest {

  @Autowired SourceRunner runner;
  @Autowired JdbcTemplate jdbc;

  /** A source that waits for its upstream forever (interruptibly, as an HTTP retry wait does). */
  static Source<Integer> hanging() {
    return source(
        (checkpoint, sink) -> {
          Thread.sleep(Duration.ofMinutes(10).toMillis());
        });
  }

  interface Extract {
    void extract(Integer checkpoint, BatchSink<Integer> sink) throws Exception;
  }

  static Source<Integer> source(Extract extract) {
    return new Source<>() {
      @Override
      public Integer firstCheckpoint() {
        return 0;
      }

      @Override
      public String name() {
        return "slow";
      }

      @Override
      public void extract(Integer checkpoint, BatchSink<Integer> sink) throws Exception {
        extract.extract(checkpoint, sink);
      }

      @Override
      public SilverRecord transform(JsonNode payload) {
        throw new UnsupportedOperationException();
      }
    };
  }

  @AfterEach
  void databaseBack() {
    jdbc.execute("DROP TRIGGER IF EXISTS refuse_endings ON etl_runs");
    jdbc.execute("DROP FUNCTION IF EXISTS refuse_endings()");
  }

  @Test
  void aRunOverItsMaximumDurationIsStoppedAndRecordedTimedOut() throws Exception {
    RunResult result = runner.run(hanging(), TriggeredBy.CLI);

    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error()).startsWith("timed out").contains("kasparro.runs.max-duration");
    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT status, error_message, metadata ->> 'timed_out' AS timed_out, ended_at"
                + " FROM etl_runs WHERE run_id = ?",
            result.runId());
    assertThat(row.get("status")).isEqualTo("failed");
    assertThat(row.get("error_message")).isEqualTo(result.error());
    assertThat(row.get("timed_out")).isEqualTo("true");
    assertThat(row.get("ended_at")).isNotNull();
  }

  @Test
  void anEndingTheDatabaseRefusedIsRecordedByTheSweepOnceItIsBack() throws Exception {
    // The database takes the run's start but refuses to record any ending, as during an outage.
    jdbc.execute(
        """
        CREATE OR REPLACE FUNCTION refuse_endings() RETURNS trigger AS $$
        BEGIN
          RAISE EXCEPTION 'database unavailable (refused by the test)';
        END $$ LANGUAGE plpgsql;
        CREATE TRIGGER refuse_endings BEFORE UPDATE ON etl_runs
          FOR EACH ROW WHEN (NEW.status <> 'running') EXECUTE FUNCTION refuse_endings();
        """);
    RunResult result =
        runner.run(
            source(
                (checkpoint, sink) -> {
                  throw new IllegalStateException("upstream gone");
                }),
            TriggeredBy.CLI);
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(status(result.runId())).isEqualTo("running");

    databaseBack();

    await().atMost(Duration.ofSeconds(10)).until(() -> status(result.runId()), "failed"::equals);
    assertThat(
            jdbc.queryForObject(
                "SELECT error_message FROM etl_runs WHERE run_id = ?",
                String.class,
                result.runId()))
        .isEqualTo("upstream gone");
  }

  private String status(long runId) {
    return jdbc.queryForObject("SELECT status FROM etl_runs WHERE run_id = ?", String.class, runId);
  }
}
