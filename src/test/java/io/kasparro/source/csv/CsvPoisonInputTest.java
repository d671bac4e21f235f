package io.kasparro.source.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.runs.RunResult;
import io.kasparro.runs.RunStatus;
import io.kasparro.runs.SourceRunner;
import io.kasparro.runs.TriggeredBy;
import io.kasparro.support.IntegrationTest;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** Input that used to block the source, or pass in silence. */
@IntegrationTest
class CsvPoisonInputTest {

  static final String HEADER = "symbol,name,price,last_updated\n";

  @Autowired SourceRunner runner;
  @Autowired JdbcTemplate jdbc;
  @Autowired JsonMapper json;
  @TempDir Path dir;

  private RunResult run(String path) throws Exception {
    return runner.run(
        new CsvSource(
            new CsvProperties(true, path, 100, DataSize.ofKilobytes(1)), json, Clock.systemUTC()),
        TriggeredBy.CLI);
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  @Test
  void aNulInAValueFailsItsRecordAndTheOtherFilesLoadOnThisRunAndTheNext() throws Exception {
    Files.writeString(
        dir.resolve("a.csv"),
        HEADER + "BTC,Bit\0coin,91000,2026-11-20T12:00:00Z\nETH,Ether,3000,2026-11-20T12:00:00Z\n");
    Files.writeString(dir.resolve("b.csv"), HEADER + "SOL,Solana,150,2026-11-20T12:00:00Z\n");

    RunResult first = run(dir + "/*.csv");

    assertThat(first.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(count("SELECT count(*) FROM market_quotes")).isEqualTo(2);
    assertThat(
            jdbc.queryForObject(
                "SELECT error_type || ': ' || error_message FROM transform_failures", String.class))
        .startsWith("unstorable_value: ")
        .contains("contains a NUL character");
    Files.writeString(dir.resolve("c.csv"), HEADER + "ADA,Cardano,0.5,2026-11-20T12:00:00Z\n");
    assertThat(run(dir + "/*.csv").status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(count("SELECT count(*) FROM market_quotes")).isEqualTo(3);
  }

  @Test
  void symbolsAndNamesThatNoAssetHasFailTheirRowWithTheReasonAndTheRestLoad() throws Exception {
    String at = ",1,2026-11-20T12:00:00Z\n";
    Files.writeString(
        dir.resolve("a.csv"),
        HEADER
            + "X".repeat(200)
            + ",Long"
            + at
            + "A=B,Equals"
            + at
            + "-BTC,Minus"
            + at
            + "OK1,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""
            + at
            + "OK2,+cmd|calc"
            + at
            + "OK3,-2+3"
            + at
            + "OK4,@SUM(A1)"
            + at
            + "OK5,"
            + "n".repeat(101)
            + at
            + "OK6,Bell\u0007"
            + at
            + " SOL ,  Solana  "
            + at);

    RunResult result = run(dir + "/a.csv");

    assertThat(result.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(
            jdbc.queryForList(
                "SELECT error_type FROM transform_failures ORDER BY error_type", String.class))
        .containsExactly(
            "invalid_name",
            "invalid_name",
            "invalid_name",
            "invalid_name",
            "invalid_name",
            "invalid_name",
            "invalid_symbol",
            "invalid_symbol",
            "invalid_symbol");
    assertThat(jdbc.queryForMap("SELECT symbol, name FROM assets"))
        .containsEntry("symbol", "SOL")
        .containsEntry("name", "Solana");
  }

  @Test
  void aUtf16FileFailsWithItsReasonAndDoesNotBlockTheFilesAfterIt() throws Exception {
    Files.write(
        dir.resolve("a.csv"),
        (HEADER + "BTC,Bitcoin,91000,2026-11-20T12:00:00Z\n").getBytes(StandardCharsets.UTF_16LE));
    Files.writeString(dir.resolve("b.csv"), HEADER + "SOL,Solana,150,2026-11-20T12:00:00Z\n");

    RunResult result = run(dir + "/*.csv");

    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error()).contains("a.csv").contains("UTF-16");
    assertThat(count("SELECT count(*) FROM market_quotes")).isEqualTo(1);
  }

  @Test
  void anOversizedRecordFailsAsARecordWithoutBeingHeld() throws Exception {
    try (OutputStream out = Files.newOutputStream(dir.resolve("big.csv"))) {
      out.write(HEADER.getBytes(StandardCharsets.UTF_8));
      out.write("HUGE,Huge,".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = "9".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 16 * 50; i++) {
        out.write(chunk);
      }
      out.write(",2026-11-20T12:00:00Z\nBTC,Bitcoin,91000,2026-11-20T12:00:00Z\n".getBytes());
    }

    RunResult result = run(dir + "/big.csv");

    assertThat(result.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(count("SELECT count(*) FROM market_quotes")).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT error_message FROM transform_failures", String.class))
        .contains("over kasparro.sources.csv.max-record-bytes (1024)");
  }

  @Test
  void aPathThatMatchesNothingOrADirectoryFailsTheRunSayingWhy() throws Exception {
    Files.createDirectories(dir.resolve("folder.csv"));
    Path loop = dir.resolve("loop.csv");
    Files.createSymbolicLink(loop, loop);

    assertThat(run(dir + "/nothing-*.csv").error()).contains("matches no readable file");
    assertThat(run(dir + "/folder.csv").error()).contains("is a directory");
    assertThat(run(loop.toString()).error()).contains("symbolic link loop");
    assertThat(count("SELECT count(*) FROM etl_runs WHERE status = 'failed'")).isEqualTo(3);
  }

  @Test
  void anUnreadableEntryOfAGlobFailsItsFileSayingWhyAndTheOtherFilesLoad() throws Exception {
    Files.writeString(dir.resolve("a.csv"), HEADER + "BTC,Bitcoin,91000,2026-11-20T12:00:00Z\n");
    Files.createDirectories(dir.resolve("b.csv"));
    Path fifo = dir.resolve("c.csv");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    Files.writeString(dir.resolve("d.csv"), HEADER + "SOL,Solana,150,2026-11-20T12:00:00Z\n");

    RunResult result = run(dir + "/*.csv");

    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error())
        .contains("b.csv: cannot be read: a directory, not a file")
        .contains("c.csv: cannot be read: not a regular file");
    assertThat(jdbc.queryForList("SELECT symbol FROM assets ORDER BY symbol", String.class))
        .containsExactly("BTC", "SOL");
  }

  @Test
  void aFileWithCarriageReturnLineEndsThatYieldsNoRowsFailsTheRun() throws Exception {
    Files.writeString(
        dir.resolve("mac.csv"), HEADER.replace("\n", "\r") + "BTC,Bitcoin,91000,2026-11-20\r");

    RunResult result = run(dir + "/mac.csv");

    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error()).contains("mac.csv: no rows").contains("CR alone");
  }
}
