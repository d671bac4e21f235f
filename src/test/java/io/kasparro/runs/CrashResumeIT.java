package io.kasparro.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasparro.support.AppProcess;
import io.kasparro.support.MarketCsv;
import io.kasparro.support.ProcessTestDatabase;
import io.kasparro.support.TestDatabase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of a large file, three times: nothing lost, nothing doubled. */
class CrashResumeIT {

  static final int ROWS = 200_000;

  @TempDir Path dir;

  @Test
  void aRunKilledThreeTimesMidFileResumesEachTimeAndEndsWithExactlyOneCleanIngestion()
      throws Exception {
    ProcessTestDatabase db = new ProcessTestDatabase(TestDatabase.jdbcUrl());
    Path csv = dir.resolve("market.csv");
    BigDecimal priceSum = MarketCsv.write(csv, ROWS, 2000);
    String[] runOnce = {
      "run-once",
      "--source=csv",
      db.datasourceArgument(),
      "--kasparro.sources.csv.path=" + csv,
      "--kasparro.sources.csv.batch-size=2000"
    };

    for (long killAfter : List.of(30_000L, 90_000L, 150_000L)) {
      try (AppProcess app = AppProcess.start(dir.resolve("run-" + killAfter + ".log"), runOnce)) {
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> db.count("SELECT count(*) FROM raw_records") >= killAfter);
        app.kill9();
      }
      assertThat(db.count("SELECT count(*) FROM raw_records"))
          .as("killed before the file was done")
          .isLessThan(ROWS);
    }
    try (AppProcess app = AppProcess.start(dir.resolve("final.log"), runOnce)) {
      assertThat(app.waitForExit(Duration.ofSeconds(120))).isZero();
    }

    assertThat(db.count("SELECT count(*) FROM raw_records")).isEqualTo(ROWS);
    assertThat(db.count("SELECT count(DISTINCT payload_hash) FROM raw_records")).isEqualTo(ROWS);
    assertThat(db.count("SELECT count(*) FROM market_quotes")).isEqualTo(ROWS);
    assertThat(
            db.jdbc().queryForObject("SELECT sum(price_usd) FROM market_quotes", BigDecimal.class))
        .isEqualByComparingTo(priceSum);
    assertThat(db.count("SELECT count(*) FROM transform_failures")).isZero();

    List<Map<String, Object>> runs =
        db.jdbc()
            .queryForList(
                "SELECT status, error_message, records_fetched, records_inserted,"
                    + " records_duplicate FROM etl_runs ORDER BY run_id");
    assertThat(runs).hasSize(4);
    assertThat(runs.subList(0, 3))
        .allSatisfy(
            run -> {
              assertThat(run.get("status")).isEqualTo("failed");
              assertThat((String) run.get("error_message")).startsWith("abandoned");
            });
    assertThat(runs.get(3).get("status")).isEqualTo("success");
    assertThat(runs.subList(1, 4))
        .as("each restart resumed from the checkpoint instead of re-reading the file")
        .allSatisfy(run -> assertThat((Long) run.get("records_fetched")).isLessThan(ROWS));
    assertThat(runs.stream().mapToLong(run -> (Long) run.get("records_inserted")).sum())
        .isEqualTo(ROWS);
    assertThat(runs.stream().mapToLong(run -> (Long) run.get("records_duplicate")).sum())
        .as("no committed row was read again")
        .isZero();
  }
}
