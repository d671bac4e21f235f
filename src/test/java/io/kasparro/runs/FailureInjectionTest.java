package io.kasparro.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.source.csv.CsvProperties;
import io.kasparro.source.csv.CsvSource;
import io.kasparro.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class FailureInjectionTest {

  @Autowired SourceRunner runner;
  @Autowired RunLock lock;
  @Autowired RunRepository runs;
  @Autowired CheckpointRepository checkpoints;
  @Autowired BatchCommitter committer;
  @Autowired JdbcTemplate jdbc;
  @Autowired JsonMapper json;
  @TempDir Path dir;

  @Test
  void aMidFileFailureLeavesTheCheckpointAtTheLastCommitAndTheNextRunFinishes() throws Exception {
    StringBuilder csv = new StringBuilder("symbol,name,price,last_updated\n");
    for (int i = 0; i < 45; i++) {
      csv.append("C").append(i).append(",Coin ").append(i).append(",1.5,2026-11-20\n");
    }
    Path file = Files.writeString(dir.resolve("rows.csv"), csv);
    long bytesAfterRow20 = csv.toString().lines().limit(21).mapToLong(l -> l.length() + 1).sum();
    CsvSource source =
        new CsvSource(new CsvProperties(true, file.toString(), 10), json, Clock.systemUTC());
    SourceRunner failingAfter25 =
        new SourceRunner(
            lock,
            runs,
            checkpoints,
            committer,
            new FailureInjectionProperties(Map.of("csv", 25L)),
            Clock.systemUTC());

    RunResult failed = failingAfter25.run(source, TriggeredBy.CLI);

    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(failed.error()).contains("injected failure");
    assertThat(count("raw_records")).isEqualTo(20);
    assertThat(count("market_quotes")).isEqualTo(20);
    assertThat(
            jdbc.queryForObject(
                "SELECT (checkpoint->'files'->?->>'offset')::bigint FROM etl_checkpoints",
                Long.class,
                file.toString()))
        .isEqualTo(bytesAfterRow20);
    assertThat(
            jdbc.queryForMap(
                "SELECT status, records_fetched, metadata->>'injected_failure' AS injected"
                    + " FROM etl_runs WHERE run_id = ?",
                failed.runId()))
        .containsEntry("status", "failed")
        .containsEntry("records_fetched", 20L)
        .containsEntry("injected", "true");

    RunResult resumed = runner.run(source, TriggeredBy.CLI);

    assertThat(resumed.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(resumed.counts().fetched()).isEqualTo(25);
    assertThat(count("raw_records")).isEqualTo(45);
    assertThat(count("market_quotes")).isEqualTo(45);
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
  }
}
