package io.kasparro.quotes;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.support.Fixtures;
import io.kasparro.support.IntegrationTest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * kasparro.retention.quotes drops whole partitions past the cutoff, deletes the default partition's
 * rows past it, keeps everything else (bronze included), records each removal, and removes each
 * partition once however many nodes apply it at the same time.
 */
@IntegrationTest
@TestPropertySource(properties = "kasparro.retention.quotes=90d")
class QuoteRetentionTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired QuotePartitions partitions;
  @Autowired QuoteRetention retention;
  @Autowired PartitionMaintenance maintenance;
  Fixtures fixtures;
  long run;
  long asset;

  @BeforeEach
  void setUp() {
    fixtures = new Fixtures(jdbc);
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    run = fixtures.run("csv", "success", t, t, 1, 1, 0, null);
    asset = fixtures.asset("BTC", "Bitcoin");
    // Partitions of other tests' months stay in the table; start from none older than 2041.
    for (QuotePartitions.Partition partition : partitions.list()) {
      if (partition.to() != null) {
        jdbc.execute("DROP TABLE " + partition.name());
        partitions.forget(partition);
      }
    }
  }

  @Test
  void partitionsPastTheCutoffAreDroppedAndTheRestIsKept() {
    // One quote on the 15th of each month from January to June 2041, each in its partition,
    // and two in the default partition (months without a partition: 2040 and 2042).
    for (int month = 1; month <= 6; month++) {
      quote(YearMonth.of(2041, month).atDay(15).atStartOfDay().toInstant(ZoneOffset.UTC), true);
    }
    quote(Instant.parse("2040-06-01T00:00:00Z"), false);
    quote(Instant.parse("2042-06-01T00:00:00Z"), false);
    long bronze = count("raw_records");
    // Cutoff 2041-04-01: January to March end at or before it; April ends after it.
    Instant cutoff = Instant.parse("2041-04-01T00:00:00Z");
    Instant now = Instant.parse("2041-06-30T00:00:00Z");

    List<RetentionDrop> drops = retention.apply(cutoff, now);

    assertThat(drops)
        .extracting(RetentionDrop::partition)
        .containsExactly(
            "market_quotes_2041_01",
            "market_quotes_2041_02",
            "market_quotes_2041_03",
            "market_quotes_default");
    assertThat(drops.get(3).rows()).isEqualTo(1);
    assertThat(drops.get(3).exact()).isTrue();
    assertThat(
            jdbc.queryForList(
                "SELECT to_char(last_updated AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM market_quotes"
                    + " ORDER BY last_updated",
                String.class))
        .containsExactly("2041-04-15", "2041-05-15", "2041-06-15", "2042-06-01");
    assertThat(
            jdbc.queryForList(
                "SELECT tablename FROM pg_tables WHERE tablename LIKE 'market\\_quotes\\_2041%'"
                    + " ORDER BY 1",
                String.class))
        .containsExactly("market_quotes_2041_04", "market_quotes_2041_05", "market_quotes_2041_06");
    assertThat(count("raw_records")).isEqualTo(bronze).isEqualTo(8);
    assertThat(
            jdbc.queryForList(
                """
                SELECT concat_ws(' ', partition_name,
                                 coalesce(to_char(range_from AT TIME ZONE 'UTC', 'YYYY-MM-DD'), '-'),
                                 to_char(range_to AT TIME ZONE 'UTC', 'YYYY-MM-DD'),
                                 to_char(cutoff AT TIME ZONE 'UTC', 'YYYY-MM-DD'),
                                 to_char(dropped_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), rows_exact::text)
                  FROM retention_drops ORDER BY id
                """,
                String.class))
        .containsExactly(
            "market_quotes_2041_01 2041-01-01 2041-02-01 2041-04-01 2041-06-30 false",
            "market_quotes_2041_02 2041-02-01 2041-03-01 2041-04-01 2041-06-30 false",
            "market_quotes_2041_03 2041-03-01 2041-04-01 2041-04-01 2041-06-30 false",
            "market_quotes_default - 2041-04-01 2041-04-01 2041-06-30 true");

    // Nothing more is due: a second run removes nothing.
    assertThat(retention.apply(cutoff, now)).isEmpty();
    assertThat(count("retention_drops")).isEqualTo(4);
  }

  @Test
  void aPartitionDetachedByARunThatDiedBeforeDroppingItIsDroppedByTheNext() {
    quote(Instant.parse("2041-01-15T00:00:00Z"), true);
    // As a run leaves it when it dies between its two transactions: detached and recorded.
    jdbc.execute("ALTER TABLE market_quotes DETACH PARTITION market_quotes_2041_01");
    jdbc.update(
        "INSERT INTO retention_drops (dropped_at, table_name, partition_name, range_from,"
            + " range_to, cutoff, rows, rows_exact) VALUES (now(), 'market_quotes',"
            + " 'market_quotes_2041_01', '2041-01-01', '2041-02-01', '2041-02-01', 1, false)");

    assertThat(retention.apply(Instant.parse("2041-01-01T00:00:00Z"), Instant.now())).isEmpty();

    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM pg_tables WHERE tablename = 'market_quotes_2041_01'",
                Long.class))
        .isZero();
  }

  @Test
  void aQuoteOfADroppedMonthGetsItsPartitionAgain() {
    quote(Instant.parse("2041-01-15T00:00:00Z"), true);
    retention.apply(Instant.parse("2041-02-01T00:00:00Z"), Instant.parse("2041-05-01T00:00:00Z"));

    partitions.ensureFor(List.of(Instant.parse("2041-01-20T00:00:00Z")));

    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM pg_tables WHERE tablename = 'market_quotes_2041_01'",
                Long.class))
        .isEqualTo(1);
  }

  @Test
  void whileAnotherNodeAppliesRetentionNothingIsDroppedTwice() throws Exception {
    for (int month = 1; month <= 4; month++) {
      quote(YearMonth.of(2041, month).atDay(15).atStartOfDay().toInstant(ZoneOffset.UTC), true);
    }
    Instant cutoff = Instant.parse("2041-04-01T00:00:00Z");
    Instant now = Instant.parse("2041-06-30T00:00:00Z");

    // Another node holds the lock: this one leaves everything as it is.
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      try (Statement statement = other.createStatement()) {
        statement.execute(
            "SELECT pg_advisory_xact_lock(hashtextextended('kasparro.quote-partitions', 0))");
      }
      assertThat(retention.apply(cutoff, now)).isEmpty();
      assertThat(count("market_quotes")).isEqualTo(4);
      other.rollback();
    }

    // Two at once: each partition is dropped and recorded once.
    CyclicBarrier start = new CyclicBarrier(2);
    List<CompletableFuture<List<RetentionDrop>>> both = new ArrayList<>();
    for (int node = 0; node < 2; node++) {
      both.add(
          CompletableFuture.supplyAsync(
              () -> {
                await(start);
                return retention.apply(cutoff, now);
              }));
    }
    List<String> dropped = new ArrayList<>();
    for (CompletableFuture<List<RetentionDrop>> one : both) {
      one.get().forEach(drop -> dropped.add(drop.partition()));
    }

    assertThat(dropped)
        .containsExactlyInAnyOrder(
            "market_quotes_2041_01", "market_quotes_2041_02", "market_quotes_2041_03");
    assertThat(
            jdbc.queryForList(
                "SELECT partition_name FROM retention_drops ORDER BY partition_name", String.class))
        .containsExactly("market_quotes_2041_01", "market_quotes_2041_02", "market_quotes_2041_03");
    assertThat(count("market_quotes")).isEqualTo(1);
  }

  @Test
  void maintenanceCreatesThePartitionsAheadAndAppliesTheConfiguredRetention() {
    YearMonth thisMonth = YearMonth.now(ZoneOffset.UTC);
    YearMonth old = thisMonth.minusMonths(5);
    quote(old.atDay(10).atStartOfDay().toInstant(ZoneOffset.UTC), true);
    quote(thisMonth.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC), true);

    List<RetentionDrop> drops = maintenance.run();

    // 90 days before now lies after the end of the month five months back, before this month.
    assertThat(drops).extracting(RetentionDrop::partition).containsExactly(name(old));
    assertThat(
            jdbc.queryForList(
                "SELECT tablename FROM pg_tables WHERE tablename ~ '^market_quotes_\\d'"
                    + " ORDER BY 1",
                String.class))
        .containsExactly(
            name(thisMonth), name(thisMonth.plusMonths(1)), name(thisMonth.plusMonths(2)));
    assertThat(count("market_quotes")).isEqualTo(1);
  }

  private void quote(Instant time, boolean withPartition) {
    if (withPartition) {
      partitions.create(YearMonth.from(time.atOffset(ZoneOffset.UTC)));
    }
    fixtures.quote(run, asset, "csv", "1", time);
  }

  private static String name(YearMonth month) {
    return String.format("market_quotes_%d_%02d", month.getYear(), month.getMonthValue());
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
