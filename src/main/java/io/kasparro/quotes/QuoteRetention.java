package io.kasparro.quotes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes the quotes older than a cutoff by dropping the partitions that end at or before it, and
 * deletes the default partition's rows older than it (rows of months that had no partition). Each
 * removal is recorded in {@code retention_drops}, logged and counted in {@code
 * kasparro_retention_partitions_dropped_total}. Bronze is never touched.
 *
 * <p>A partition is first detached, in the transaction that records it, and dropped after that
 * commits: the commit of a {@code DROP} frees the table's files, which takes about a second per few
 * million rows on a virtual disk (BENCHMARKS.md), and a partition dropped while attached would hold
 * the whole table's lock, and every {@code /data} request with it, for that long. A detached
 * partition left behind by a crash in between is dropped by the next run.
 *
 * <p>Cluster-safe: the whole removal is one transaction under the advisory lock that partition
 * creation also takes, tried without waiting, so of two nodes (or a schedule and a command) that
 * apply retention at once, one drops and the other finds the lock taken and does nothing.
 */
@Component
class QuoteRetention {

  private static final Logger log = LoggerFactory.getLogger(QuoteRetention.class);
  private static final String TRY_LOCK =
      "SELECT pg_try_advisory_xact_lock(hashtextextended('kasparro.quote-partitions', 0))";
  private static final String ESTIMATED_ROWS =
      "SELECT CASE WHEN reltuples < 0 THEN NULL ELSE reltuples::bigint END FROM pg_class"
          + " WHERE oid = to_regclass(quote_ident(:name))";
  private static final String RECORD =
      """
      INSERT INTO retention_drops (dropped_at, table_name, partition_name, range_from, range_to,
                                   cutoff, rows, rows_exact)
      VALUES (:at, 'market_quotes', :partition, :from, :to, :cutoff, :rows, :exact)
      """;
  private static final String DELETE_FROM_DEFAULT =
      "DELETE FROM market_quotes_default WHERE last_updated < :cutoff";
  private static final String DETACHED_LEFT_BEHIND =
      """
      SELECT DISTINCT d.partition_name
        FROM retention_drops d
        JOIN pg_class c ON c.oid = to_regclass(quote_ident(d.partition_name))
       WHERE NOT d.rows_exact AND NOT c.relispartition
      """;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final QuotePartitions partitions;
  private final Counter dropped;

  QuoteRetention(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      QuotePartitions partitions,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.partitions = partitions;
    this.dropped =
        Counter.builder("kasparro.retention.partitions.dropped")
            .description("Quote partitions dropped by retention on this node")
            .register(meters);
  }

  /**
   * Drops what lies before the cutoff.
   *
   * @param now the time of this removal, recorded with it
   * @return what was removed; empty if nothing was due or another node is applying retention
   */
  List<RetentionDrop> apply(Instant cutoff, Instant now) {
    List<RetentionDrop> drops = transactions.execute(status -> removeBefore(cutoff, now));
    if (drops == null) {
      log.info("Quote retention skipped: another node is applying it");
      return List.of();
    }
    for (RetentionDrop drop : drops) {
      log.info(
          "Quote retention (cutoff {}): removed {} [{}, {}), {} rows{}",
          cutoff,
          drop.partition(),
          drop.from(),
          drop.to(),
          drop.rows() == null ? "unknown" : drop.rows(),
          drop.exact() ? "" : " (estimated)");
      if (!drop.exact()) {
        dropped.increment();
      }
    }
    drops.stream()
        .filter(drop -> !drop.exact())
        .forEach(
            drop -> {
              dropDetached(drop.partition());
              partitions.forget(
                  new QuotePartitions.Partition(drop.partition(), drop.from(), drop.to()));
            });
    return drops;
  }

  private List<RetentionDrop> removeBefore(Instant cutoff, Instant now) {
    if (!jdbc.sql(TRY_LOCK).query(Boolean.class).single()) {
      return null;
    }
    jdbc.sql("SET LOCAL lock_timeout = '5s'").update();
    jdbc.sql(DETACHED_LEFT_BEHIND).query(String.class).list().forEach(this::dropDetached);
    List<RetentionDrop> drops = new ArrayList<>();
    for (QuotePartitions.Partition partition : partitions.list()) {
      if (partition.to() == null || partition.to().isAfter(cutoff)) {
        continue;
      }
      Long rows =
          jdbc.sql(ESTIMATED_ROWS)
              .param("name", partition.name())
              .query(Long.class)
              .optional()
              .orElse(null);
      jdbc.sql("ALTER TABLE market_quotes DETACH PARTITION " + quoted(partition.name())).update();
      drops.add(new RetentionDrop(partition.name(), partition.from(), partition.to(), rows, false));
    }
    int deleted = jdbc.sql(DELETE_FROM_DEFAULT).param("cutoff", Timestamp.from(cutoff)).update();
    if (deleted > 0) {
      drops.add(new RetentionDrop("market_quotes_default", null, cutoff, (long) deleted, true));
    }
    for (RetentionDrop drop : drops) {
      jdbc.sql(RECORD)
          .param("at", Timestamp.from(now))
          .param("partition", drop.partition())
          .param("from", drop.from() == null ? null : Timestamp.from(drop.from()))
          .param("to", Timestamp.from(drop.to()))
          .param("cutoff", Timestamp.from(cutoff))
          .param("rows", drop.rows())
          .param("exact", drop.exact())
          .update();
    }
    return drops;
  }

  /** Drops a partition retention has detached; the table of quotes is not locked for it. */
  private void dropDetached(String name) {
    jdbc.sql("DROP TABLE IF EXISTS " + quoted(name)).update();
  }

  /** A name from the catalog as an SQL identifier. */
  private static String quoted(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
