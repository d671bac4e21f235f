package io.kasparro.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasparro.source.Batch;
import io.kasparro.source.BatchSink;
import io.kasparro.source.MarketQuote;
import io.kasparro.source.RawRecord;
import io.kasparro.source.SilverRecord;
import io.kasparro.source.Source;
import io.kasparro.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class RunFencingTest {

  @Autowired SourceRunner runner;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aRunClosedByAnotherProcessCommitsNoFurtherBatch() throws Exception {
    Source<?> source = new TakenOverAfterFirstBatch(jdbc);

    RunResult result = runner.run(source, TriggeredBy.CLI);

    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error()).contains("no longer open");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM raw_records", Long.class)).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT checkpoint->>'batch' FROM etl_checkpoints WHERE source = 'fenced'",
                String.class))
        .isEqualTo("1");
    assertThat(
            jdbc.queryForObject(
                "SELECT error_message FROM etl_runs WHERE run_id = ?",
                String.class,
                result.runId()))
        .as("the other process's verdict stands")
        .startsWith("abandoned");
  }

  private record Progress(int batch) {}

  /**
   * Emits two batches; once the first has committed, another process closes the run, as a node
   * taking over does.
   */
  private record TakenOverAfterFirstBatch(JdbcTemplate jdbc) implements Source<Progress> {

    @Override
    public Progress firstCheckpoint() {
      return new Progress(0);
    }

    @Override
    public String name() {
      return "fenced";
    }

    @Override
    public void extract(Progress checkpoint, BatchSink<Progress> sink) {
      sink.accept(batch(1));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> jdbc.queryForObject("SELECT count(*) FROM raw_records", Long.class) == 1);
      jdbc.update(
          "UPDATE etl_runs SET status = 'failed', ended_at = now(),"
              + " error_message = 'abandoned: taken over' WHERE source = 'fenced'"
              + " AND status = 'running'");
      sink.accept(batch(2));
    }

    private static Batch<Progress> batch(int n) {
      return new Batch<>(List.of(new RawRecord("r" + n, "{\"n\": " + n + "}")), new Progress(n));
    }

    @Override
    public SilverRecord transform(JsonNode payload) {
      return new MarketQuote(
          "fenced-coin",
          "FNC",
          "Fenced Coin",
          BigDecimal.ONE,
          null,
          null,
          Instant.parse("2026-11-20T00:00:00Z").plusSeconds(payload.get("n").asLong()));
    }
  }
}
