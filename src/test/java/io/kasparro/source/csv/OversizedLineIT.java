package io.kasparro.source.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.support.AppProcess;
import io.kasparro.support.ProcessTestDatabase;
import io.kasparro.support.TestDatabase;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 50 MB line, read by the packaged service with a 256 MB heap. */
class OversizedLineIT {

  static final String HEADER = "symbol,name,price,last_updated\n";

  @TempDir Path dir;

  @Test
  void aFiftyMegabyteLineFailsAsOneOversizedRecordAndTheRunEndsWithoutRunningOutOfMemory()
      throws Exception {
    Path csv = dir.resolve("huge.csv");
    try (OutputStream out = Files.newOutputStream(csv)) {
      out.write(HEADER.getBytes(StandardCharsets.UTF_8));
      out.write("HUGE,Huge,".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = "9".repeat(1024 * 1024).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 50; i++) {
        out.write(chunk);
      }
      out.write(
          ",2026-11-20T12:00:00Z\nBTC,Bitcoin,91000,2026-11-20T12:00:00Z\n"
              .getBytes(StandardCharsets.UTF_8));
    }
    ProcessTestDatabase db = new ProcessTestDatabase(TestDatabase.jdbcUrl());

    int exitCode;
    try (AppProcess app =
        AppProcess.startWithHeap(
            dir.resolve("run.log"),
            "256m",
            "run-once",
            db.datasourceArgument(),
            "--kasparro.sources.csv.path=" + csv)) {
      exitCode = app.waitForExit(Duration.ofMinutes(3));
    }

    String log = Files.readString(dir.resolve("run.log"));
    assertThat(log).doesNotContain("OutOfMemoryError");
    assertThat(exitCode).as(log).isZero();
    assertThat(db.count("SELECT count(*) FROM etl_runs WHERE status = 'partial'")).isEqualTo(1);
    assertThat(db.count("SELECT count(*) FROM market_quotes")).isEqualTo(1);
    assertThat(
            db.count(
                "SELECT count(*) FROM transform_failures WHERE error_type = 'record_too_large'"))
        .isEqualTo(1);
  }
}
