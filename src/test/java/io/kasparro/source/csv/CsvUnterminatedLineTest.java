package io.kasparro.source.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.runs.RunResult;
import io.kasparro.runs.RunStatus;
import io.kasparro.runs.SourceRunner;
import io.kasparro.runs.TriggeredBy;
import io.kasparro.support.IntegrationTest;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A last line without a line break is loaded, but the checkpoint stays before it: a writer may
 * still be adding to it.
 */
@IntegrationTest
class CsvUnterminatedLineTest {

  @Autowired SourceRunner runner;
  @Autowired JdbcTemplate jdbc;
  @Autowired JsonMapper json;
  @TempDir Path dir;

  @Test
  void aLineCutMidWriteIsReadWholeOnceTheWriterCompletesIt() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("a.csv"),
            CsvIngestionTest.HEADER + CsvIngestionTest.rows(0, 3) + "BTC,Bitcoin,87");
    // Four records in a batch of four: the cut line closes a full batch.
    run(4);

    Files.writeString(file, "000,1,1,2026-11-20T12:00:00Z\n", StandardOpenOption.APPEND);
    RunResult second = run(4);

    assertThat(second.counts().fetched()).isEqualTo(1);
    assertThat(second.counts().loaded()).isEqualTo(1);
    assertThat(
            jdbc.queryForList(
                "SELECT q.price_usd FROM market_quotes q JOIN assets a USING (asset_id)"
                    + " WHERE a.symbol = 'BTC' AND q.last_updated = '2026-11-20T12:00:00Z'",
                BigDecimal.class))
        .singleElement()
        .satisfies(price -> assertThat(price).isEqualByComparingTo("87000"));
    assertThat(count("market_quotes")).isEqualTo(4);
  }

  @Test
  void aCompleteLastRowWithoutLineBreakLoadsOnceAndAnUnchangedFileAddsNothing() throws Exception {
    Files.writeString(
        dir.resolve("a.csv"),
        CsvIngestionTest.HEADER
            + CsvIngestionTest.rows(0, 3)
            + "BTC,Bitcoin,87000,1,1,2026-11-20T12:00:00Z");
    RunResult first = run(100);

    RunResult second = run(100);

    assertThat(first.counts().loaded()).isEqualTo(4);
    assertThat(second.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(second.counts().fetched()).isEqualTo(1);
    assertThat(second.counts().duplicate()).isEqualTo(1);
    assertThat(second.counts().inserted()).isZero();
    assertThat(count("raw_records")).isEqualTo(4);
    assertThat(
            jdbc.queryForList(
                "SELECT a.symbol FROM market_quotes JOIN assets a USING (asset_id) ORDER BY 1",
                String.class))
        .isEqualTo(List.of("BTC", "C0", "C1", "C2"));
  }

  private RunResult run(int batchSize) throws Exception {
    return runner.run(CsvFixture.source(dir, json, batchSize), TriggeredBy.CLI);
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
  }
}
