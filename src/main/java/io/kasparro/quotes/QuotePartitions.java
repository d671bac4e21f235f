package io.kasparro.quotes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The monthly partitions of {@code market_quotes} (UTC months, {@code V20}). A quote whose month
 * has no partition lands in {@code market_quotes_default}; creating the month's partition moves
 * such rows into it ({@code kasparro_create_quote_partition}, one creator at a time across nodes).
 *
 * <p>Before a batch is written, the months it needs and that this node has not seen covered are
 * created, each in a short transaction of its own: creating a partition locks the table against
 * writers and readers for a moment, which must not last as long as the batch. If that cannot be
 * done at once (another transaction holds the table), the batch is written anyway, its rows of that
 * month into the default partition, and the next maintenance run ({@link PartitionMaintenance})
 * creates the partition.
 */
@Component
public class QuotePartitions {

  /** The quotes table and its partitions with their time ranges (null for an open end). */
  static final String LIST =
      """
      SELECT c.relname AS name,
             (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'FROM \\(''([^'']*)''\\)'))[1]
                 ::timestamptz AS range_from,
             (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \\(''([^'']*)''\\)'))[1]
                 ::timestamptz AS range_to
        FROM pg_inherits i
        JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'market_quotes'::regclass
       ORDER BY range_to NULLS LAST
      """;

  private static final String CREATE = "SELECT kasparro_create_quote_partition(?)";
  private static final Logger log = LoggerFactory.getLogger(QuotePartitions.class);

  /** A partition and its range; {@code to} is null for the default partition. */
  record Partition(String name, Instant from, Instant to) {}

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final Set<YearMonth> covered = ConcurrentHashMap.newKeySet();

  /** Months whose creation failed: left to the next maintenance run, not tried at every batch. */
  private final Set<YearMonth> deferred = ConcurrentHashMap.newKeySet();

  private volatile boolean loaded;

  QuotePartitions(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  List<Partition> list() {
    return jdbc.sql(LIST)
        .query(
            (row, n) ->
                new Partition(
                    row.getString("name"),
                    instant(row.getTimestamp("range_from")),
                    instant(row.getTimestamp("range_to"))))
        .list();
  }

  /** Makes sure each of these times has its month's partition, as far as it can at once. */
  void ensureFor(Collection<Instant> times) {
    Set<YearMonth> months = new TreeSet<>();
    times.forEach(time -> months.add(YearMonth.from(time.atOffset(ZoneOffset.UTC))));
    if (!loaded || !covered.containsAll(months)) {
      refresh();
    }
    for (YearMonth month : months) {
      if (!covered.contains(month) && !deferred.contains(month)) {
        create(month);
      }
    }
  }

  /**
   * Creates the month's partition unless it exists, moving its rows out of the default partition.
   *
   * @return whether the month now has its partition
   */
  boolean create(YearMonth month) {
    deferred.remove(month);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement settings = connection.createStatement();
          PreparedStatement create = connection.prepareStatement(CREATE)) {
        settings.execute("SET LOCAL lock_timeout = '2s'");
        create.setTimestamp(1, Timestamp.from(start(month)));
        try (ResultSet result = create.executeQuery()) {
          result.next();
          String created = result.getString(1);
          connection.commit();
          if (created != null) {
            log.info("Created quote partition {} for {}", created, month);
          }
        }
        covered.add(month);
        return true;
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      deferred.add(month);
      log.warn(
          "Cannot create the quote partition for {} now, its quotes go to market_quotes_default"
              + " until it exists: {}",
          month,
          e.getMessage());
      return false;
    }
  }

  /** Forgets a dropped partition, so a quote of its month creates it again. */
  void forget(Partition partition) {
    covered.removeIf(
        month -> !start(month).isBefore(partition.from()) && start(month).isBefore(partition.to()));
  }

  private void refresh() {
    for (Partition partition : list()) {
      if (partition.from() == null || partition.to() == null) {
        continue;
      }
      YearMonth month = YearMonth.from(partition.from().atOffset(ZoneOffset.UTC));
      if (start(month).isBefore(partition.from())) {
        month = month.plusMonths(1);
      }
      while (!start(month.plusMonths(1)).isAfter(partition.to())) {
        covered.add(month);
        month = month.plusMonths(1);
      }
    }
    loaded = true;
  }

  private static Instant start(YearMonth month) {
    return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
