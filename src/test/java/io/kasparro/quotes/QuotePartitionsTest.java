package io.kasparro.quotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kasparro.runs.RunResult;
import io.kasparro.runs.RunStatus;
import io.kasparro.runs.SourceRunner;
import io.kasparro.runs.TriggeredBy;
import io.kasparro.source.csv.CsvProperties;
import io.kasparro.source.csv.CsvSource;
import io.kasparro.support.Fixtures;
import io.kasparro.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * market_quotes is partitioned by month: each quote lands in its month's partition, created before
 * the batch that needs it; a quote of a month without one lands in the default partition and moves
 * when the partition is created; the quote key stays unique across partitions.
 */
@IntegrationTest
class QuotePartitionsTest {

  static final String HEADER = "symbol,name,price_usd,market_cap_usd,volume_24h_usd,last_updated\n";

  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired QuotePartitions partitions;
  @Autowired SourceRunner runner;
  @Autowired JsonMapper json;
  @TempDir Path dir;
  Fixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new Fixtures(jdbc);
  }

  @Test
  void anIngestedQuoteLandsInThePartitionOfItsMonth() throws Exception {
    Path file = dir.resolve("market.csv");
    Files.writeString(
        file,
        HEADER
            + "BTC,Bitcoin,90000,1,1,2031-03-31T23:59:59Z\n"
            + "BTC,Bitcoin,91000,1,1,2031-04-01T00:00:00Z\n"
            + "ETH,Ethereum,3000,1,1,2031-07-15T12:00:00Z\n");

    RunResult result = runner.run(csvSource(file), TriggeredBy.CLI);

    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(partitionOfEachQuote())
        .containsExactly(
            Map.entry("2031-03-31T23:59:59Z", "market_quotes_2031_03"),
            Map.entry("2031-04-01T00:00:00Z", "market_quotes_2031_04"),
            Map.entry("2031-07-15T12:00:00Z", "market_quotes_2031_07"));
    assertThat(rowsIn("market_quotes_default")).isZero();
  }

  @Test
  void aQuoteOfAMonthWithoutPartitionLandsInTheDefaultAndMovesWhenItsPartitionIsCreated() {
    long run = fixtures.run("csv", "success", T, T, 1, 1, 0, null);
    long asset = fixtures.asset("BTC", "Bitcoin");
    Instant time = Instant.parse("2035-02-10T08:00:00Z");
    long id = fixtures.quote(run, asset, "csv", "12.5", time);
    assertThat(partitionOf(id)).isEqualTo("market_quotes_default");

    assertThat(partitions.create(YearMonth.of(2035, 2))).isTrue();

    assertThat(partitionOf(id)).isEqualTo("market_quotes_2035_02");
    assertThat(rowsIn("market_quotes_default")).isZero();
    assertThat(
            jdbc.queryForMap(
                "SELECT asset_id, price_usd::text AS price, last_updated FROM market_quotes"
                    + " WHERE id = ?",
                id))
        .containsEntry("asset_id", asset)
        .containsEntry("price", "12.5")
        .containsEntry("last_updated", Timestamp.from(time));
    // Creating it again changes nothing.
    assertThat(partitions.create(YearMonth.of(2035, 2))).isTrue();
    assertThat(partitionOf(id)).isEqualTo("market_quotes_2035_02");
  }

  @Test
  void aBatchStillLandsWhenItsPartitionCannotBeCreatedAtOnce() throws Exception {
    Path file = dir.resolve("market.csv");
    Files.writeString(file, HEADER + "BTC,Bitcoin,90000,1,1,2036-05-05T00:00:00Z\n");

    RunResult result;
    // A long read holds the default partition: creating the partition would have to wait for it.
    try (Connection holder = dataSource.getConnection()) {
      holder.setAutoCommit(false);
      try (Statement statement = holder.createStatement()) {
        statement.execute("LOCK TABLE market_quotes_default IN ACCESS SHARE MODE");
      }
      result = runner.run(csvSource(file), TriggeredBy.CLI);
      holder.rollback();
    }

    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(partitionOfEachQuote())
        .containsExactly(Map.entry("2036-05-05T00:00:00Z", "market_quotes_default"));
    // The next maintenance creates the partition and moves the quote into it.
    assertThat(partitions.create(YearMonth.of(2036, 5))).isTrue();
    assertThat(partitionOfEachQuote())
        .containsExactly(Map.entry("2036-05-05T00:00:00Z", "market_quotes_2036_05"));
  }

  @Test
  void theQuoteKeyIsUniqueAcrossPartitions() {
    long run = fixtures.run("csv", "success", T, T, 1, 1, 0, null);
    long asset = fixtures.asset("BTC", "Bitcoin");
    partitions.create(YearMonth.of(2033, 1));
    Instant time = Instant.parse("2033-01-31T23:59:59Z");
    fixtures.quote(run, asset, "csv", "1", time);

    // The same key again, through the table or straight into another partition, is refused.
    assertThatThrownBy(() -> fixtures.quote(run, asset, "csv", "2", time))
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("market_quotes_2033_01_asset_id_last_updated_source_key");
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "INSERT INTO market_quotes_default (id, asset_id, source, price_usd,"
                        + " last_updated, raw_id, run_id) OVERRIDING SYSTEM VALUE VALUES (-1, ?, 'csv', 3, ?, 1, ?)",
                    asset,
                    Timestamp.from(time),
                    run))
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("partition constraint");
    // The same asset and source one second later is another key, in the next month.
    fixtures.quote(run, asset, "csv", "3", time.plusSeconds(1));
    assertThat(
            jdbc.queryForList(
                "SELECT tableoid::regclass::text || ' ' || price_usd FROM market_quotes"
                    + " ORDER BY last_updated",
                String.class))
        .containsExactly("market_quotes_2033_01 1", "market_quotes_default 3");
  }

  @Test
  void aCorrectedRowReplacesItsQuoteInItsPartition() throws Exception {
    Path file = dir.resolve("market.csv");
    Files.writeString(file, HEADER + "BTC,Bitcoin,90000,1,1,2031-03-31T23:59:59Z\n");
    runner.run(csvSource(file), TriggeredBy.CLI);
    Path corrected = dir.resolve("corrected.csv");
    Files.writeString(corrected, HEADER + "BTC,Bitcoin,90001,1,1,2031-03-31T23:59:59Z\n");

    runner.run(csvSource(corrected), TriggeredBy.CLI);

    assertThat(
            jdbc.queryForList(
                "SELECT tableoid::regclass::text || ' ' || price_usd FROM market_quotes",
                String.class))
        .containsExactly("market_quotes_2031_03 90001");
  }

  static final Instant T = Instant.parse("2026-11-20T00:00:00Z");

  private CsvSource csvSource(Path file) {
    return new CsvSource(new CsvProperties(true, file.toString(), 1000), json, Clock.systemUTC());
  }

  private List<Map.Entry<String, String>> partitionOfEachQuote() {
    return jdbc.query(
        "SELECT last_updated, tableoid::regclass::text AS partition FROM market_quotes"
            + " ORDER BY last_updated",
        (row, n) ->
            Map.entry(
                row.getTimestamp("last_updated").toInstant().toString(),
                row.getString("partition")));
  }

  private String partitionOf(long id) {
    return jdbc.queryForObject(
        "SELECT tableoid::regclass::text FROM market_quotes WHERE id = ?", String.class, id);
  }

  private long rowsIn(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
  }
}
