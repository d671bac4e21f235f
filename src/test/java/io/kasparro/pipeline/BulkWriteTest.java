package io.kasparro.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.bronze.BronzeWriter;
import io.kasparro.drift.DriftRecorder;
import io.kasparro.drift.SchemaMapper;
import io.kasparro.identity.AssetResolver;
import io.kasparro.quotes.QuotePartitions;
import io.kasparro.quotes.QuoteWriter;
import io.kasparro.runs.BatchCommitter;
import io.kasparro.runs.CheckpointRepository;
import io.kasparro.runs.FailureInjectionProperties;
import io.kasparro.runs.RunLock;
import io.kasparro.runs.RunRepository;
import io.kasparro.runs.RunResult;
import io.kasparro.runs.RunStatus;
import io.kasparro.runs.SourceRunner;
import io.kasparro.runs.TriggeredBy;
import io.kasparro.source.csv.CsvProperties;
import io.kasparro.source.csv.CsvSource;
import io.kasparro.support.CleanDatabaseExtension;
import io.kasparro.support.IntegrationTest;
import io.kasparro.system.jdbc.BulkWriteProperties;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The COPY path for large batches against the row path ({@code unnest}) for small ones: the same
 * input gives the same bronze, silver and failures; duplicates are rejected; a batch that fails
 * half way leaves nothing of itself.
 */
@IntegrationTest
class BulkWriteTest {

  static final String HEADER = "symbol,name,price_usd,market_cap_usd,volume_24h_usd,last_updated\n";
  static final int BATCH = 600;

  @Autowired JdbcTemplate jdbc;
  @Autowired JsonMapper json;
  @Autowired RunLock lock;
  @Autowired RunRepository runs;
  @Autowired CheckpointRepository checkpoints;
  @Autowired SchemaMapper schemas;
  @Autowired AssetResolver assets;
  @Autowired NewsWriter news;
  @Autowired FailureWriter failures;
  @Autowired DriftRecorder drift;
  @Autowired QuotePartitions partitions;
  @Autowired PlatformTransactionManager transactions;
  @TempDir Path dir;

  @Test
  void theCopyPathStoresExactlyWhatTheRowPathStores() throws Exception {
    Path file = write("market.csv", awkwardRows());

    RunResult byRows = runner(Integer.MAX_VALUE).run(csv(file), TriggeredBy.CLI);
    Map<String, List<Map<String, Object>>> rowPath = contents();
    CleanDatabaseExtension.emptyAllTables(jdbc);
    RunResult byCopy = runner(1).run(csv(file), TriggeredBy.CLI);
    Map<String, List<Map<String, Object>>> copyPath = contents();

    assertThat(byCopy.status()).isEqualTo(RunStatus.PARTIAL).isEqualTo(byRows.status());
    assertThat(byCopy.counts()).isEqualTo(byRows.counts());
    assertThat(copyPath).isEqualTo(rowPath);
    // And what both stored is right, counted from the input independently.
    int failing = 2;
    int correction = 1;
    int newQuotes = 3;
    assertThat(copyPath.get("bronze")).hasSize(1500 + failing + correction + newQuotes);
    assertThat(copyPath.get("silver")).hasSize(1500 + newQuotes);
    assertThat(copyPath.get("failures")).hasSize(2);
    assertThat(
            jdbc.queryForObject(
                "SELECT price_usd FROM market_quotes q JOIN assets a USING (asset_id)"
                    + " WHERE a.symbol = 'A7' AND q.last_updated = '2026-11-20T00:00:00Z'",
                BigDecimal.class))
        .isEqualByComparingTo("7.77");
    assertThat(
            jdbc.queryForObject(
                "SELECT payload->'row'->>'name' FROM raw_records WHERE source_record_id = 'Q'",
                String.class))
        .isEqualTo("Quote \"and\" back\\slash, comma ünïcödé ₿");
  }

  @Test
  void theCopyPathRejectsPayloadsAlreadyInBronze() throws Exception {
    Path file = write("market.csv", HEADER + rows(0, 1500));
    runner(1).run(csv(file), TriggeredBy.CLI);

    // A replaced file: read again from the start, every row but the first already stored.
    write("market.csv", HEADER + "NEW,New Coin,1.5,,,2026-11-20T00:00:00Z\n" + rows(1, 1499));
    RunResult again = runner(1).run(csv(file), TriggeredBy.CLI);

    assertThat(again.counts().fetched()).isEqualTo(1500);
    assertThat(again.counts().inserted()).isEqualTo(1);
    assertThat(again.counts().duplicate()).isEqualTo(1499);
    assertThat(count("raw_records")).isEqualTo(1501);
    assertThat(count("market_quotes")).isEqualTo(1501);
  }

  @Test
  void aBulkBatchThatFailsHalfWayLeavesNothingOfItAndTheNextRunFinishes() throws Exception {
    // Rows 0-599 are the first batch; row 700 (price 700.25) is in the second, whose silver
    // insert this trigger fails after its bronze rows were written in the same transaction.
    Path file = write("market.csv", HEADER + rows(0, 1500));
    jdbc.execute(
        """
        CREATE FUNCTION fail_on_700() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.price_usd = 700.25 THEN RAISE EXCEPTION 'disk on fire'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER fail_on_700 BEFORE INSERT ON market_quotes
           FOR EACH ROW EXECUTE FUNCTION fail_on_700();
        """);
    RunResult failed;
    try {
      failed = runner(1).run(csv(file), TriggeredBy.CLI);
    } finally {
      jdbc.execute("DROP TRIGGER fail_on_700 ON market_quotes; DROP FUNCTION fail_on_700()");
    }

    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(failed.error()).contains("disk on fire");
    assertThat(count("raw_records")).isEqualTo(BATCH);
    assertThat(count("market_quotes")).isEqualTo(BATCH);
    assertThat(jdbc.queryForObject("SELECT max(id) FROM raw_records", Long.class)).isEqualTo(BATCH);
    assertThat(
            jdbc.queryForObject(
                "SELECT (checkpoint->'files'->?->>'offset')::bigint FROM etl_checkpoints",
                Long.class,
                file.toString()))
        .isEqualTo(HEADER.length() + rows(0, BATCH).length());
    assertThat(
            jdbc.queryForObject(
                "SELECT records_fetched FROM etl_runs WHERE run_id = ?",
                Long.class,
                failed.runId()))
        .isEqualTo(BATCH);

    RunResult resumed = runner(1).run(csv(file), TriggeredBy.CLI);

    assertThat(resumed.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(resumed.counts().fetched()).isEqualTo(1500 - BATCH);
    assertThat(count("raw_records")).isEqualTo(1500);
    assertThat(count("market_quotes")).isEqualTo(1500);
  }

  /**
   * 1500 distinct quotes plus what real files hold: two rows that fail validation, four repeats of
   * earlier lines (duplicates in bronze, nothing new in silver; one repeats a line of its own
   * batch, three repeat lines already committed), a correction of an earlier quote (same asset and
   * time, new price: it replaces the quote), text that needs care in any wire format, and blank
   * optional values.
   */
  private static String awkwardRows() {
    StringBuilder csv = new StringBuilder(HEADER).append(rows(0, 300));
    csv.append(rows(5, 1)).append(rows(300, 1200));
    csv.append("BAD,Bad Price,not-a-price,,,2026-11-20T00:00:00Z\n");
    csv.append(",No Symbol,1.0,,,2026-11-20T00:00:00Z\n");
    csv.append(rows(3, 1)).append(rows(650, 1)).append(rows(1499, 1));
    csv.append("A7,Asset 7,7.77,1000000,5000,2026-11-20T00:00:00Z\n");
    // A name may not hold a control character (a tab fails as invalid_name), so no tab here.
    csv.append("Q,\"Quote \"\"and\"\" back\\slash, comma ünïcödé ₿\",2.5,,,2026-11-20T00:00:00Z\n");
    csv.append("E,Empty Values,0.000000012345678901234567,,,1795219200\n");
    csv.append("T,Thousands,\"$87,000.50\",1.7T,4800 USD,2026-11-20 01:02:03\n");
    return csv.toString();
  }

  /** Rows {@code from} to {@code from + count - 1}: asset i % 100 at minute i / 100, price i.25. */
  private static String rows(int from, int count) {
    StringBuilder rows = new StringBuilder();
    for (int i = from; i < from + count; i++) {
      rows.append(
          "A%d,Asset %d,%d.25,1000000,5000,2026-11-20T%02d:%02d:00Z\n"
              .formatted(i % 100, i % 100, i, i / 100 / 60, i / 100 % 60));
    }
    return rows.toString();
  }

  /**
   * Every row of bronze, silver and the other tables a run writes, without ingestion times. Bronze
   * rows are listed in id order but compared without their ids, and silver and failures name their
   * bronze row by its hash: ids come from a sequence, which may skip values (a COPY undone to its
   * savepoint has drawn some), so only their order is part of what is stored.
   */
  private Map<String, List<Map<String, Object>>> contents() {
    return Map.of(
        "bronze",
        jdbc.queryForList(
            "SELECT source, run_id, source_record_id, payload::text AS payload,"
                + " encode(payload_hash, 'hex') AS hash FROM raw_records ORDER BY id"),
        "silver",
        jdbc.queryForList(
            "SELECT q.asset_id, q.source, q.price_usd::text AS price,"
                + " q.market_cap_usd::text AS cap, q.volume_24h_usd::text AS volume,"
                + " q.last_updated, encode(r.payload_hash, 'hex') AS raw, q.run_id"
                + " FROM market_quotes q JOIN raw_records r ON r.id = q.raw_id"
                + " ORDER BY q.asset_id, q.last_updated"),
        "failures",
        jdbc.queryForList(
            "SELECT encode(r.payload_hash, 'hex') AS raw, f.source_record_id, f.run_id,"
                + " f.error_type, f.error_message, f.payload::text AS payload"
                + " FROM transform_failures f JOIN raw_records r ON r.id = f.raw_id"
                + " ORDER BY f.raw_id"),
        "assets",
        jdbc.queryForList(
            "SELECT asset_id, symbol, name, normalized_name, slug FROM assets ORDER BY asset_id"),
        "aliases",
        jdbc.queryForList(
            "SELECT source, source_asset_id, asset_id, match_method, confidence::text AS c"
                + " FROM asset_aliases ORDER BY source, source_asset_id"),
        "runs",
        jdbc.queryForList(
            "SELECT run_id, status, records_fetched, records_inserted, records_duplicate,"
                + " records_loaded, records_failed FROM etl_runs ORDER BY run_id"),
        "checkpoints",
        jdbc.queryForList("SELECT source, checkpoint::text AS checkpoint FROM etl_checkpoints"));
  }

  /**
   * The run loop with its writers built for a COPY threshold: {@link Integer#MAX_VALUE} for the row
   * path, 1 for the COPY path. The committer gets its transaction the way Spring gives it to the
   * service's own.
   */
  private SourceRunner runner(int copyThreshold) {
    BulkWriteProperties bulk = new BulkWriteProperties(copyThreshold);
    SilverLoader silver =
        new SilverLoader(
            json,
            schemas,
            List.of(new QuoteSilverWriter(assets, new QuoteWriter(jdbc, bulk, partitions)), news),
            failures,
            drift);
    ProxyFactory transactional =
        new ProxyFactory(
            new BatchCommitter(new BronzeWriter(jdbc, bulk), silver, runs, checkpoints));
    transactional.setProxyTargetClass(true);
    transactional.addAdvice(
        new TransactionInterceptor(transactions, new AnnotationTransactionAttributeSource()));
    return new SourceRunner(
        lock,
        runs,
        checkpoints,
        (BatchCommitter) transactional.getProxy(),
        new FailureInjectionProperties(Map.of()),
        Clock.systemUTC());
  }

  private CsvSource csv(Path file) {
    return new CsvSource(new CsvProperties(true, file.toString(), BATCH), json, Clock.systemUTC());
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
  }
}
