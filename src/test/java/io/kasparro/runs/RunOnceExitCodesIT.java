package io.kasparro.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.support.AppProcess;
import io.kasparro.support.ProcessTestDatabase;
import io.kasparro.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run-once} as cron or a container task sees it: its exit code and output. */
class RunOnceExitCodesIT {

  @TempDir Path dir;
  ProcessTestDatabase db;
  Path csv;

  @BeforeEach
  void givenADatabaseAndAFile() throws Exception {
    db = new ProcessTestDatabase(TestDatabase.jdbcUrl());
    csv =
        Files.writeString(
            dir.resolve("m.csv"),
            "symbol,name,price,last_updated\nBTC,Bitcoin,91000,2026-11-20T12:00:00Z\n");
  }

  private int runOnce(String log, String... extra) throws Exception {
    String[] args = new String[3 + extra.length];
    args[0] = "run-once";
    args[1] = db.datasourceArgument();
    args[2] = "--kasparro.sources.csv.path=" + csv;
    System.arraycopy(extra, 0, args, 3, extra.length);
    try (AppProcess app = AppProcess.start(dir.resolve(log), args)) {
      return app.waitForExit(Duration.ofSeconds(60));
    }
  }

  @Test
  void exitsZeroWhenEverySourceSucceeded() throws Exception {
    assertThat(runOnce("ok.log")).isZero();
    assertThat(db.count("SELECT count(*) FROM market_quotes")).isEqualTo(1);
  }

  @Test
  void exitsOneWhenASourceFailed() throws Exception {
    assertThat(runOnce("failed.log", "--kasparro.failure-injection.fail-after-records.csv=0"))
        .isEqualTo(1);
    assertThat(db.count("SELECT count(*) FROM etl_runs WHERE status = 'failed'")).isEqualTo(1);
  }

  @Test
  void exitsTwoWithOneReadableLineOnBadConfiguration() throws Exception {
    assertThat(runOnce("bad.log", "--kasparro.sources.csv.schedule=every tuesday")).isEqualTo(2);

    String output = Files.readString(dir.resolve("bad.log"));
    assertThat(output)
        .contains("kasparro: cannot start: kasparro.sources.csv.schedule 'every tuesday'")
        .doesNotContain("\tat ");
    assertThat(db.count("SELECT count(*) FROM etl_runs")).isZero();
  }

  @Test
  void exitsTwoForAnUnknownSource() throws Exception {
    assertThat(runOnce("unknown.log", "--source=nope")).isEqualTo(2);
    assertThat(Files.readString(dir.resolve("unknown.log")))
        .contains("unknown or disabled source 'nope'");
  }
}
