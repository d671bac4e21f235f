package io.kasparro.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasparro.source.csv.CsvProperties;
import io.kasparro.source.csv.CsvSource;
import io.kasparro.support.IntegrationTest;
import io.kasparro.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two batches of a run written at once, on two connections: they commit in the order the source
 * handed them over, each whole with its checkpoint, and a batch that fails takes the batches after
 * it with it, never one before it.
 */
@IntegrationTest
class OrderedCommitsTest {

  static final int BATCH = 300;
  static final int BATCHES = 4;

  @Autowired RunLock lock;
  @Autowired RunRepository runs;
  @Autowired CheckpointRepository checkpoints;
  @Autowired BatchCommitter committer;
  @Autowired JdbcTemplate jdbc;
  @Autowired JsonMapper json;
  @TempDir Path dir;

  Path file;
  String csv;

  @BeforeEach
  void setUp() {
    // Each commit appends the checkpoint's offset here as it commits (a deferred trigger runs at
    // COMMIT), so the table lists the checkpoints in the order their batches committed.
    jdbc.execute(
        """
        CREATE TABLE test_commit_order (n bigserial PRIMARY KEY, file_offset bigint NOT NULL);
        CREATE FUNCTION test_log_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO test_commit_order (file_offset)
          SELECT (value->>'offset')::bigint FROM jsonb_each(NEW.checkpoint->'files');
          RETURN NULL;
        END $$;
        CREATE CONSTRAINT TRIGGER test_log_commit AFTER INSERT OR UPDATE OF checkpoint
            ON etl_checkpoints DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW EXECUTE FUNCTION test_log_commit();
        """);
  }

  @AfterEach
  void tearDown() {
    jdbc.execute(
        """
        DROP TRIGGER IF EXISTS test_fail_quote ON market_quotes;
        DROP FUNCTION IF EXISTS test_fail_quote();
        DROP TRIGGER test_log_commit ON etl_checkpoints;
        DROP FUNCTION test_log_commit();
        DROP TABLE test_commit_order;
        """);
  }

  @Test
  void theNextBatchIsWrittenWhileOneWaitsToCommitAndTheyCommitInOrder() throws Exception {
    writeRows(-1);
    // The source's checkpoint row exists and a transaction of the test (on a connection of its
    // own, outside the service's pool) holds it, so the first batch stops at its checkpoint, its
    // bronze and silver written but not committed.
    checkpoints.recordFailure("csv", "an earlier run");
    CompletableFuture<RunResult> run;
    try (Connection holder = DriverManager.getConnection(TestDatabase.jdbcUrl())) {
      holder.setAutoCommit(false);
      try (Statement statement = holder.createStatement()) {
        statement.execute("SELECT * FROM etl_checkpoints WHERE source = 'csv' FOR UPDATE");
      }
      run = CompletableFuture.supplyAsync(() -> runWith(file));

      await().atMost(Duration.ofSeconds(30)).until(() -> backendsThatWrote("market_quotes") == 2);
      assertThat(count("raw_records"))
          .as("neither batch is visible: the second waits for the first to commit")
          .isZero();
      assertThat(count("market_quotes")).isZero();
      holder.rollback();
    }

    RunResult result = run.get();

    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(result.counts().fetched()).isEqualTo(BATCH * BATCHES);
    assertThat(count("raw_records")).isEqualTo(BATCH * BATCHES);
    assertThat(count("market_quotes")).isEqualTo(BATCH * BATCHES);
    assertThat(
            jdbc.queryForList("SELECT file_offset FROM test_commit_order ORDER BY n", Long.class))
        .as("each batch's checkpoint, committed in file order (then the file's end once more)")
        .startsWith(offsetAfter(1), offsetAfter(2), offsetAfter(3), offsetAfter(4))
        .isSorted();
  }

  @Test
  void aBatchThatFailsLeavesTheBatchBeforeCommittedAndNothingOfItselfOrTheNext() throws Exception {
    writeRows(BATCH + 7);
    failQuotesPriced666();

    RunResult result = runWith(file);

    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error()).contains("test: no quote at 666");
    assertThat(count("raw_records")).isEqualTo(BATCH);
    assertThat(count("market_quotes")).isEqualTo(BATCH);
    assertThat(
            jdbc.queryForList("SELECT file_offset FROM test_commit_order ORDER BY n", Long.class))
        .containsExactly(offsetAfter(1));
    assertThat(storedOffset()).isEqualTo(offsetAfter(1));
    assertThat(
            jdbc.queryForMap(
                "SELECT status, records_fetched, records_inserted, records_loaded FROM etl_runs"
                    + " WHERE run_id = ?",
                result.runId()))
        .containsEntry("status", "failed")
        .containsEntry("records_fetched", (long) BATCH)
        .containsEntry("records_inserted", (long) BATCH)
        .containsEntry("records_loaded", (long) BATCH);
  }

  @Test
  void aFirstBatchThatFailsTakesTheBatchAfterItWithIt() throws Exception {
    writeRows(3);
    failQuotesPriced666();

    RunResult result = runWith(file);

    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error()).contains("test: no quote at 666");
    assertThat(count("raw_records")).isZero();
    assertThat(count("market_quotes")).isZero();
    assertThat(count("assets")).isZero();
    assertThat(count("test_commit_order")).isZero();
    assertThat(storedOffset()).isNull();
    assertThat(
            jdbc.queryForObject(
                "SELECT records_fetched FROM etl_runs WHERE run_id = ?",
                Long.class,
                result.runId()))
        .isZero();
  }

  @Test
  void theRunResumesFromTheLastCommittedBatchAndEndsWithEveryRowOnce() throws Exception {
    writeRows(BATCH + 7);
    failQuotesPriced666();
    assertThat(runWith(file).status()).isEqualTo(RunStatus.FAILED);
    jdbc.execute("DROP TRIGGER test_fail_quote ON market_quotes");

    RunResult resumed = runWith(file);

    assertThat(resumed.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(resumed.counts().fetched()).isEqualTo(BATCH * (BATCHES - 1));
    assertThat(resumed.counts().duplicate()).isZero();
    assertThat(count("raw_records")).isEqualTo(BATCH * BATCHES);
    assertThat(count("market_quotes")).isEqualTo(BATCH * BATCHES);
    assertThat(storedOffset()).isEqualTo(offsetAfter(BATCHES));
  }

  /**
   * Rows of 50 coins at one-minute steps, {@link #BATCH} a batch; the row numbered {@code
   * failingRow} (from 0) is priced 666.
   */
  private void writeRows(int failingRow) throws Exception {
    StringBuilder rows = new StringBuilder("symbol,name,price_usd,last_updated\n");
    for (int i = 0; i < BATCH * BATCHES; i++) {
      rows.append("C")
          .append(i % 50)
          .append(",Coin ")
          .append(i % 50)
          .append(',')
          .append(i == failingRow ? "666" : "1." + i)
          .append(",2026-11-20T00:")
          .append(String.format("%02d:%02d", i / 50 / 60, i / 50 % 60))
          .append("Z\n");
    }
    csv = rows.toString();
    file = Files.writeString(dir.resolve("rows.csv"), csv);
  }

  /** A run of the file with two batches in flight. */
  private RunResult runWith(Path csvFile) {
    CsvSource source =
        new CsvSource(new CsvProperties(true, csvFile.toString(), BATCH), json, Clock.systemUTC());
    try {
      return new SourceRunner(
              lock,
              runs,
              checkpoints,
              committer,
              new FailureInjectionProperties(Map.of()),
              new RunProperties(Duration.ofHours(1), Duration.ofSeconds(10), 2),
              Clock.systemUTC())
          .run(source, TriggeredBy.CLI);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A quote priced 666 fails its batch, in the database. */
  private void failQuotesPriced666() {
    jdbc.execute(
        """
        CREATE FUNCTION test_fail_quote() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.price_usd = 666 THEN RAISE EXCEPTION 'test: no quote at 666'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER test_fail_quote BEFORE INSERT ON market_quotes
            FOR EACH ROW EXECUTE FUNCTION test_fail_quote();
        """);
  }

  /** Backends in a transaction that has written to the table (or one of its partitions). */
  private long backendsThatWrote(String table) {
    return jdbc.queryForObject(
        """
        SELECT count(DISTINCT l.pid) FROM pg_locks l
          JOIN pg_class c ON c.oid = l.relation
         WHERE l.mode = 'RowExclusiveLock' AND l.granted
           AND (c.relname = ? OR c.relname LIKE ? || '\\_%')
           AND l.pid <> pg_backend_pid()
        """,
        Long.class, table, table);
  }

  /** The file's offset after {@code batches} whole batches: header and the rows they hold. */
  private long offsetAfter(int batches) {
    List<String> lines = csv.lines().toList();
    return lines.stream().limit(1 + (long) BATCH * batches).mapToLong(l -> l.length() + 1).sum();
  }

  private Long storedOffset() {
    List<Long> offsets =
        jdbc.queryForList(
            "SELECT (checkpoint->'files'->?->>'offset')::bigint FROM etl_checkpoints"
                + " WHERE source = 'csv'",
            Long.class,
            file.toString());
    return offsets.isEmpty() ? null : offsets.get(0);
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
  }
}
