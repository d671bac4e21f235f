package io.kasparro.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasparro.support.Api;
import io.kasparro.support.AppProcess;
import io.kasparro.support.MarketCsv;
import io.kasparro.support.ProcessTestDatabase;
import io.kasparro.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** SIGTERM in the middle of a run, as a container runtime or Kubernetes sends it. */
class GracefulShutdownIT {

  static final int ROWS = 200_000;
  static final Duration GRACE = Duration.ofSeconds(25);

  @TempDir Path dir;

  @Test
  void sigtermOnAnExternalDatabaseRecordsTheRunInterruptedWithinTheGracePeriodAndTheNextResumes()
      throws Exception {
    ProcessTestDatabase db = new ProcessTestDatabase(TestDatabase.jdbcUrl());
    Path csv = dir.resolve("market.csv");
    MarketCsv.write(csv, ROWS, 1000);
    String[] options = {
      db.datasourceArgument(),
      "--kasparro.sources.csv.path=" + csv,
      "--kasparro.sources.csv.batch-size=2000",
      "--server.port=0"
    };

    try (AppProcess app = AppProcess.start(dir.resolve("serve.log"), with("serve", options))) {
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> db.count("SELECT count(*) FROM raw_records") >= 10_000);
      long before = System.nanoTime();
      app.sigterm();
      app.waitForExit(GRACE);
      assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(GRACE);
    }

    Map<String, Object> run =
        db.jdbc()
            .queryForMap(
                "SELECT status, error_message, records_fetched, metadata::text AS metadata"
                    + " FROM etl_runs WHERE run_id = 1");
    assertThat(run.get("status")).isEqualTo("failed");
    assertThat((String) run.get("error_message")).startsWith("interrupted");
    assertThat((String) run.get("metadata")).contains("\"interrupted\": true");
    long committed = db.count("SELECT count(*) FROM raw_records");
    assertThat(committed).isPositive().isLessThan(ROWS);
    assertThat(((Number) run.get("records_fetched")).longValue()).isEqualTo(committed);

    try (AppProcess again =
        AppProcess.start(dir.resolve("resume.log"), with("run-once", options))) {
      assertThat(again.waitForExit(Duration.ofSeconds(120))).isZero();
    }
    assertThat(db.count("SELECT records_fetched FROM etl_runs WHERE run_id = 2"))
        .as("the next run resumed from the last committed batch")
        .isEqualTo(ROWS - committed);
    assertThat(db.count("SELECT count(*) FROM market_quotes")).isEqualTo(ROWS);
  }

  @Test
  void sigtermOnTheEmbeddedDatabaseRecordsTheRunBeforeTheDatabaseStops() throws Exception {
    Path csv = dir.resolve("market.csv");
    MarketCsv.write(csv, ROWS, 1000);
    String[] options = {
      "--kasparro.embedded-db.data-directory=" + dir.resolve("pg"),
      "--kasparro.embedded-db.binaries-directory=" + dir.resolve("pg-bin"),
      "--kasparro.sources.csv.path=" + csv,
      "--kasparro.sources.csv.batch-size=2000",
      "--server.port=0"
    };

    try (AppProcess app = AppProcess.start(dir.resolve("serve.log"), with("serve", options))) {
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> progressed(app));
      long before = System.nanoTime();
      app.sigterm();
      app.waitForExit(GRACE);
      assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(GRACE);
      assertThat(app.log()).doesNotContain("could not be recorded");
    }

    try (AppProcess again =
        AppProcess.start(
            dir.resolve("again.log"),
            with("serve", with("--kasparro.scheduling.run-at-startup=false", options)))) {
      await().atMost(Duration.ofSeconds(60)).until(() -> again.log().contains("Tomcat started"));
      JsonNode runs = new Api(again.httpPort()).get("/runs?source=csv").body().get("data");
      JsonNode first = runs.get(runs.size() - 1);
      assertThat(first.get("status").asString()).isEqualTo("failed");
      assertThat(first.get("error").asString()).startsWith("interrupted");
    }
  }

  /** The first batches of the run are committed (the log says so at debug; the API at once). */
  private static boolean progressed(AppProcess app) throws Exception {
    if (!app.log().contains("Tomcat started")) {
      return false;
    }
    JsonNode runs = new Api(app.httpPort()).get("/runs?source=csv").body().get("data");
    return runs != null && !runs.isEmpty() && runs.get(0).at("/records/fetched").asLong() >= 10_000;
  }

  private static String[] with(String first, String... rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
