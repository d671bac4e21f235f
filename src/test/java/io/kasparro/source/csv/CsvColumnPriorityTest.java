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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** When a file has several columns that could hold a field, the preferred name wins. */
@IntegrationTest
class CsvColumnPriorityTest {

  @Autowired SourceRunner runner;
  @Autowired JdbcTemplate jdbc;
  @Autowired JsonMapper json;
  @TempDir Path dir;

  @Test
  void aDateColumnAndATimeOfDayColumnMakeOneTimestamp() throws Exception {
    write(
        "symbol,name,price,date,time\n"
            + "BTC,Bitcoin,90000,2026-11-20,00:00\n"
            + "BTC,Bitcoin,90100,2026-11-20,13:00\n"
            + "BTC,Bitcoin,90200,2026-11-20,13:30:15\n"
            + "BTC,Bitcoin,90300,2026-11-20,23:00+02:00\n");

    RunResult result = run();

    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(
            jdbc.queryForList(
                "SELECT to_char(last_updated AT TIME ZONE 'UTC', 'HH24:MI:SS') || ' '"
                    + " || price_usd FROM market_quotes ORDER BY last_updated",
                String.class))
        .containsExactly("00:00:00 90000", "13:00:00 90100", "13:30:15 90200", "21:00:00 90300");
  }

  @Test
  void priceWinsOverCloseWhateverTheColumnOrder() throws Exception {
    write(
        "symbol,name,close,price,last_updated\n"
            + "BTC,Bitcoin,89000,91000,2026-11-20T12:00:00Z\n");

    run();

    assertThat(jdbc.queryForObject("SELECT price_usd FROM market_quotes", BigDecimal.class))
        .isEqualByComparingTo("91000");
  }

  @Test
  void nameWinsOverCoinWhateverTheColumnOrder() throws Exception {
    write(
        "symbol,coin,name,price,last_updated\n"
            + "BTC,btc-coin,Bitcoin,91000,2026-11-20T12:00:00Z\n");

    run();

    assertThat(jdbc.queryForList("SELECT name FROM assets", String.class))
        .isEqualTo(List.of("Bitcoin"));
  }

  private RunResult run() throws Exception {
    return runner.run(CsvFixture.source(dir, json), TriggeredBy.CLI);
  }

  private void write(String content) throws Exception {
    Files.writeString(dir.resolve("prices.csv"), content);
  }
}
