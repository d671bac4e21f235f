package io.kasparro.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasparro.support.AppProcess;
import io.kasparro.support.MarketCsv;
import io.kasparro.support.ProcessTestDatabase;
import io.kasparro.support.TestDatabase;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two service instances on one database. The waits are upper bounds that include starting two JVMs
 * at once on what may be a busy machine (over 80 s at a load of 8 on two cores); they end as soon
 * as the condition holds.
 */
class TwoNodesIT {

  private static final Duration STARTUP_AND_WORK = Duration.ofSeconds(240);

  @TempDir Path dir;

  private AppProcess node(String name, ProcessTestDatabase db, String... options) throws Exception {
    List<String> args = new ArrayList<>();
    args.add("serve");
    args.add("--server.port=0");
    args.add(db.datasourceArgument());
    args.add("--kasparro.scheduling.run-at-startup=false");
    args.add("--db-scheduler.polling-interval=500ms");
    args.add("--db-scheduler.heartbeat-interval=1s");
    args.add("--db-scheduler.missed-heartbeats-limit=4");
    args.addAll(List.of(options));
    return AppProcess.start(dir.resolve(name + ".log"), args.toArray(String[]::new));
  }

  @Test
  void aScheduledSourceRunsOncePerSlotAndNeverOnBothNodesAtOnce() throws Exception {
    ProcessTestDatabase db = new ProcessTestDatabase(TestDatabase.jdbcUrl());
    Path csv = dir.resolve("market.csv");
    // Small batches make the first run last several slots, while both nodes keep polling.
    MarketCsv.write(csv, 30_000, 500);
    String[] options = {
      "--kasparro.sources.csv.path=" + csv,
      "--kasparro.sources.csv.schedule=*/3 * * * * *",
      "--kasparro.sources.csv.batch-size=100"
    };

    try (AppProcess a = node("a", db, options);
        AppProcess b = node("b", db, options)) {
      await()
          .atMost(STARTUP_AND_WORK)
          .until(() -> db.count("SELECT count(*) FROM etl_runs WHERE status <> 'running'") >= 6);
    }

    List<Map<String, Object>> runs =
        db.jdbc()
            .queryForList(
                "SELECT started_at, ended_at, status, metadata->>'node' AS node"
                    + " FROM etl_runs WHERE status <> 'running' ORDER BY started_at");
    for (int i = 1; i < runs.size(); i++) {
      Timestamp previousEnd = (Timestamp) runs.get(i - 1).get("ended_at");
      Timestamp start = (Timestamp) runs.get(i).get("started_at");
      assertThat(start)
          .as("run %d starts after run %d ended", i, i - 1)
          .isAfterOrEqualTo(previousEnd);
    }
    assertThat(runs).allSatisfy(run -> assertThat(run.get("status")).isEqualTo("success"));
    List<Long> slots =
        runs.stream().map(run -> ((Timestamp) run.get("started_at")).getTime() / 3000).toList();
    assertThat(slots).as("one run per 3-second slot").doesNotHaveDuplicates();
    assertThat(db.count("SELECT count(*) FROM raw_records")).isEqualTo(30_000);
  }

  @Test
  void whenTheNodeRunningASourceIsKilledTheOtherFinishesItsWork() throws Exception {
    ProcessTestDatabase db = new ProcessTestDatabase(TestDatabase.jdbcUrl());
    Path csv = dir.resolve("market.csv");
    MarketCsv.write(csv, 100_000, 1000);
    String[] options = {
      "--kasparro.sources.csv.path=" + csv,
      "--kasparro.sources.csv.schedule=1h",
      "--kasparro.sources.csv.batch-size=2000"
    };

    try (AppProcess a = node("a", db, options);
        AppProcess b = node("b", db, options)) {
      await()
          .atMost(STARTUP_AND_WORK)
          .pollInterval(Duration.ofMillis(20))
          .until(() -> db.count("SELECT count(*) FROM raw_records") >= 20_000);
      String runningNode =
          db.jdbc()
              .queryForObject(
                  "SELECT metadata->>'node' FROM etl_runs WHERE status = 'running'", String.class);
      AppProcess victim = runningNode.startsWith(a.pid() + "@") ? a : b;
      AppProcess survivor = victim == a ? b : a;
      victim.kill9();

      await()
          .atMost(Duration.ofSeconds(180))
          .until(() -> db.count("SELECT count(*) FROM etl_runs WHERE status = 'success'") == 1);

      Map<String, Object> finished =
          db.jdbc()
              .queryForMap(
                  "SELECT metadata->>'node' AS node, records_fetched FROM etl_runs"
                      + " WHERE status = 'success'");
      assertThat((String) finished.get("node")).startsWith(survivor.pid() + "@");
      assertThat((Long) finished.get("records_fetched")).isLessThan(100_000L);
      assertThat(
              db.jdbc()
                  .queryForObject(
                      "SELECT error_message FROM etl_runs WHERE metadata->>'node' = ?",
                      String.class,
                      runningNode))
          .startsWith("abandoned");
    }
    assertThat(db.count("SELECT count(*) FROM raw_records")).isEqualTo(100_000);
    assertThat(db.count("SELECT count(*) FROM market_quotes")).isEqualTo(100_000);
  }
}
