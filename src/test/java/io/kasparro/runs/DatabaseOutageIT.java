package io.kasparro.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasparro.support.Api;
import io.kasparro.support.AppProcess;
import io.kasparro.support.MarketCsv;
import io.kasparro.support.ProcessTestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL stops in the middle of a run, then comes back. */
class DatabaseOutageIT {

  static final int ROWS = 200_000;

  @TempDir Path dir;

  @Test
  void aDatabaseOutageFailsTheRunKeepsTheServiceUpAndTheNextRunResumes() throws Exception {
    int port = freePort();
    Path pgData = dir.resolve("pg");
    EmbeddedPostgres[] postgres = {startPostgres(pgData, port)};
    ProcessTestDatabase db =
        new ProcessTestDatabase("jdbc:postgresql://localhost:" + port + "/postgres?user=postgres");
    Path csv = dir.resolve("market.csv");
    MarketCsv.write(csv, ROWS, 2000);

    try {
      try (AppProcess app =
          AppProcess.start(
              dir.resolve("app.log"),
              "serve",
              "--server.port=0",
              db.datasourceArgument(),
              "--kasparro.sources.csv.path=" + csv,
              "--kasparro.sources.csv.batch-size=2000",
              "--kasparro.sources.csv.schedule=2s",
              "--db-scheduler.polling-interval=500ms",
              "--db-scheduler.heartbeat-interval=1s",
              "--db-scheduler.missed-heartbeats-limit=4")) {
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> db.count("SELECT count(*) FROM raw_records") >= 40_000);
        Api api = new Api(app.httpPort());

        postgres[0].close();

        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> app.log().contains("could not be recorded as failed now"));
        Api.Response health = api.get("/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body().get("status").asString()).isEqualTo("down");
        assertThat(health.body().at("/database/status").asString()).isEqualTo("down");
        assertThat(app.isAlive()).isTrue();

        postgres[0] = startPostgres(pgData, port);

        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/health").status() == 200);
        await()
            .atMost(Duration.ofSeconds(120))
            .until(() -> db.count("SELECT count(*) FROM etl_runs WHERE status = 'success'") >= 1);
      }

      Map<String, Object> interrupted =
          db.jdbc().queryForMap("SELECT status, error_message FROM etl_runs WHERE run_id = 1");
      assertThat(interrupted.get("status")).isEqualTo("failed");
      assertThat((String) interrupted.get("error_message")).doesNotStartWith("abandoned");
      assertThat(
              db.count(
                  "SELECT records_fetched FROM etl_runs WHERE status = 'success'"
                      + " ORDER BY run_id LIMIT 1"))
          .as("the run after the outage resumed from the checkpoint")
          .isLessThan(ROWS);
      assertThat(db.count("SELECT count(*) FROM raw_records")).isEqualTo(ROWS);
      assertThat(db.count("SELECT count(*) FROM market_quotes")).isEqualTo(ROWS);
    } finally {
      postgres[0].close();
    }
  }

  private static EmbeddedPostgres startPostgres(Path dataDirectory, int port) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
