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
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class CsvIngestionTest {

  static final String HEADER = "symbol,name,price_usd,market_cap_usd,volume_24h_usd,last_updated\n";

  @Autowired SourceRunner runner;
  @Autowired JdbcTemplate jdbc;
  @Autowired JsonMapper json;
  @TempDir Path dir;

  @Test
  void firstRunLoadsEveryRowIntoBronzeAndSilver() throws Exception {
    write("a.csv", HEADER + rows(0, 30));

    RunResult result = run(10);

    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(result.counts().fetched()).isEqualTo(30);
    assertThat(count("raw_records")).isEqualTo(30);
    assertThat(count("market_quotes")).isEqualTo(30);
    assertThat(
            jdbc.queryForObject(
                "SELECT price_usd FROM market_quotes q JOIN assets a USING (asset_id)"
                    + " WHERE a.symbol = 'C7'",
                BigDecimal.class))
        .isEqualByComparingTo("107.25");
    assertThat(
            jdbc.queryForMap(
                "SELECT status, triggered_by, records_fetched, records_inserted, records_loaded"
                    + " FROM etl_runs WHERE run_id = ?",
                result.runId()))
        .containsEntry("status", "success")
        .containsEntry("triggered_by", "cli")
        .containsEntry("records_fetched", 30L)
        .containsEntry("records_inserted", 30L)
        .containsEntry("records_loaded", 30L);
  }

  @Test
  void bronzeKeepsEachPayloadByteForByteSoItsHashCanBeChecked() throws Exception {
    write("a.csv", HEADER + rows(0, 5));

    run(10);

    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM raw_records"
                    + " WHERE payload_hash = sha256(convert_to(payload::text, 'UTF8'))",
                Long.class))
        .isEqualTo(5);
    assertThat(jdbc.queryForObject("SELECT payload::text FROM raw_records LIMIT 1", String.class))
        .startsWith("{\"file\":\"a.csv\",\"row\":{\"symbol\":");
  }

  @Test
  void rerunningTheSameFileAddsNothing() throws Exception {
    write("a.csv", HEADER + rows(0, 30));
    run(10);

    RunResult second = run(10);

    assertThat(second.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(second.counts().fetched()).isZero();
    assertThat(count("raw_records")).isEqualTo(30);
    assertThat(count("market_quotes")).isEqualTo(30);
  }

  @Test
  void anAppendedFileAddsExactlyTheNewRowsAndReadsOnlyTheTail() throws Exception {
    Path file = write("a.csv", HEADER + rows(0, 30));
    run(10);

    Files.writeString(file, rows(30, 12), StandardOpenOption.APPEND);
    RunResult second = run(10);

    assertThat(second.counts().fetched()).isEqualTo(12);
    assertThat(second.counts().inserted()).isEqualTo(12);
    assertThat(count("raw_records")).isEqualTo(42);
    assertThat(count("market_quotes")).isEqualTo(42);
  }

  @Test
  void aReplacedFileIsReadAgainWithoutDoublingAnything() throws Exception {
    Path file = write("a.csv", HEADER + rows(0, 30));
    run(10);

    Files.writeString(file, HEADER + rows(5, 30));
    RunResult second = run(10);

    assertThat(second.counts().fetched()).isEqualTo(30);
    assertThat(second.counts().duplicate()).isEqualTo(25);
    assertThat(second.counts().inserted()).isEqualTo(5);
    assertThat(count("raw_records")).isEqualTo(35);
    assertThat(count("market_quotes")).isEqualTo(35);
  }

  @Test
  void badRowsLandInTransformFailuresAndGoodRowsLoad() throws Exception {
    write(
        "a.csv",
        HEADER
            + "BTC,Bitcoin,91000.5,1800000000000,40000000000,2026-11-20T12:00:00Z\n"
            + "ETH,Ethereum,not-a-price,375000000000,21000000000,2026-11-20T12:00:00Z\n"
            + ",Nameless,1.00,1000,10,2026-11-20T12:00:00Z\n"
            + "SOL,Solana,141.02,-5,5550000000,2026-11-20T12:00:00Z\n"
            + "DOGE,Dogecoin,0.15,24000000000,1210000000,yesterday\n"
            + "ADA,Cardano,0.47,17000000000,500000000,2026-11-20T12:00:00Z\n");

    RunResult result = run(100);

    assertThat(result.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(result.counts().failed()).isEqualTo(4);
    assertThat(count("raw_records")).isEqualTo(6);
    assertThat(
            jdbc.queryForList(
                "SELECT a.symbol FROM market_quotes JOIN assets a USING (asset_id)" + " ORDER BY 1",
                String.class))
        .containsExactly("ADA", "BTC");
    List<Map<String, Object>> failures =
        jdbc.queryForList(
            "SELECT error_type, payload->'row'->>'name' AS name FROM transform_failures"
                + " ORDER BY raw_id");
    assertThat(failures)
        .extracting(f -> f.get("name") + ":" + f.get("error_type"))
        .containsExactly(
            "Ethereum:invalid_number",
            "Nameless:missing_field",
            "Solana:negative_value",
            "Dogecoin:invalid_timestamp");
    assertThat(
            jdbc.queryForObject(
                "SELECT status FROM etl_runs WHERE run_id = ?", String.class, result.runId()))
        .isEqualTo("partial");
  }

  @Test
  void outOfRangeValuesFailTheirRowsWhileTheRunMovesOn() throws Exception {
    write(
        "a.csv",
        HEADER
            + "BTC,Bitcoin,91000.5,1800000000000,40000000000,2026-11-20T12:00:00Z\n"
            + "ETH,Ethereum,1e200000,375000000000,21000000000,2026-11-20T12:00:00Z\n"
            + "SOL,Solana,141.02,1e-20000,5550000000,2026-11-20T12:00:00Z\n"
            + "DOGE,Dogecoin,0.15,24000000000,1210000000,+10000-01-01T00:00:00Z\n"
            + "SHIB,Shiba Inu,0.00000871,5130000000,1000000000000000,2026-11-20T12:00:00Z\n");

    RunResult first = run(100);
    RunResult second = run(100);

    assertThat(first.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(first.counts().failed()).isEqualTo(3);
    assertThat(
            jdbc.queryForList(
                "SELECT payload->'row'->>'name' || ':' || error_type || ':'"
                    + " || split_part(error_message, ' ', 1)"
                    + " FROM transform_failures ORDER BY raw_id",
                String.class))
        .containsExactly(
            "Ethereum:out_of_range:price",
            "Solana:out_of_range:market_cap",
            "Dogecoin:out_of_range:last_updated");
    Map<String, Object> shib =
        jdbc.queryForMap(
            "SELECT q.price_usd, q.volume_24h_usd FROM market_quotes q JOIN assets a"
                + " USING (asset_id) WHERE a.symbol = 'SHIB'");
    assertThat((BigDecimal) shib.get("price_usd")).isEqualByComparingTo("0.00000871");
    assertThat((BigDecimal) shib.get("volume_24h_usd")).isEqualByComparingTo("1E+15");
    assertThat(count("market_quotes")).isEqualTo(2);
    assertThat(second.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(second.counts().fetched()).isZero();
    assertThat(count("transform_failures")).isEqualTo(3);
  }

  @Test
  void headerVariantsAndQuirkyValuesAreUnderstood() throws Exception {
    write(
        "export.csv",
        "Ticker,Asset Name,USD Price,Cap,Vol,Timestamp\n"
            + "btc,Bitcoin,\"$87,000\",1.7T,4800 USD,1795219200\n"
            + "ETH,Ethereum,3100.5 USD,,,1795219200000\n"
            + "SOL,Solana,141,77.8B,5.5M,2026-11-21\n");

    run(100);

    List<Map<String, Object>> quotes =
        jdbc.queryForList(
            "SELECT a.symbol, q.price_usd, q.market_cap_usd, q.volume_24h_usd,"
                + " to_char(q.last_updated AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS at"
                + " FROM market_quotes q JOIN assets a USING (asset_id) ORDER BY a.symbol");
    assertThat(quotes).hasSize(3);
    assertThat(quotes.get(0))
        .containsEntry("symbol", "BTC")
        .containsEntry("at", "2026-11-21 00:00");
    assertThat((BigDecimal) quotes.get(0).get("price_usd")).isEqualByComparingTo("87000");
    assertThat((BigDecimal) quotes.get(0).get("market_cap_usd"))
        .isEqualByComparingTo("1700000000000");
    assertThat((BigDecimal) quotes.get(0).get("volume_24h_usd")).isEqualByComparingTo("4800");
    assertThat(quotes.get(1)).containsEntry("at", "2026-11-21 00:00");
    assertThat(quotes.get(1).get("market_cap_usd")).isNull();
    assertThat((BigDecimal) quotes.get(2).get("market_cap_usd"))
        .isEqualByComparingTo("77800000000");
  }

  @Test
  void aGlobReadsEveryMatchingFileAndIgnoresOthers() throws Exception {
    write("one.csv", HEADER + rows(0, 3));
    write("two.csv", HEADER + rows(3, 4));
    write("notes.txt", "not market data\n");

    RunResult result = run(100);

    assertThat(result.counts().fetched()).isEqualTo(7);
    assertThat(count("market_quotes")).isEqualTo(7);
  }

  @Test
  void quotedFieldsWithLineBreaksStayOneRecord() throws Exception {
    write(
        "a.csv",
        HEADER
            + "BTC,\"Bit\ncoin\",91000,1,1,2026-11-20T12:00:00Z\r\n"
            + "ETH,Ethereum,3000,1,1,2026-11-20T12:00:00Z\r\n");

    RunResult result = run(100);

    assertThat(result.counts().fetched()).isEqualTo(2);
    // One record whose name holds a line break, which no asset name may: it fails as a whole.
    assertThat(jdbc.queryForList("SELECT error_type FROM transform_failures", String.class))
        .containsExactly("invalid_name");
    assertThat(
            jdbc.queryForList(
                "SELECT source_name FROM asset_aliases ORDER BY source_symbol", String.class))
        .containsExactly("Ethereum");
  }

  private RunResult run(int batchSize) throws Exception {
    CsvSource source =
        new CsvSource(new CsvProperties(true, dir + "/*.csv", batchSize), json, Clock.systemUTC());
    return runner.run(source, TriggeredBy.CLI);
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
  }

  /** {@code count} distinct rows, assets C{start}..; prices 100 + i * 1.0357 rounded to cents. */
  static String rows(int start, int count) {
    StringBuilder csv = new StringBuilder();
    for (int i = start; i < start + count; i++) {
      csv.append("C").append(i).append(",Coin ").append(i).append(',');
      csv.append(BigDecimal.valueOf(100 + i * 1.0357).setScale(2, java.math.RoundingMode.HALF_UP));
      csv.append(",1000000,50000,2026-11-20T12:00:00Z\n");
    }
    return csv.toString();
  }
}
