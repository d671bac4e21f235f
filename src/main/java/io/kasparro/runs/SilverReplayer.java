package io.kasparro.runs;

import io.kasparro.bronze.BronzeReader;
import io.kasparro.bronze.BronzeRow;
import io.kasparro.pipeline.ReplayResult;
import io.kasparro.pipeline.SilverLoader;
import io.kasparro.source.Source;
import io.kasparro.system.jdbc.SqlArrays;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds silver from bronze alone ({@code replay}): deletes the sources' quotes, news and
 * failures, then loads every bronze record again in the order and batches it was ingested in (a
 * batch is the rows one transaction appended: same source, run and ingestion time), one transaction
 * per batch. Identities (assets, aliases) are kept, so asset ids stay stable; after silver was
 * emptied they are rebuilt in the original order, so they come back with the same ids too.
 *
 * <p>No network is used and no run is recorded. The sources' run locks are held throughout, so no
 * ingestion of them interleaves. While it runs, their silver is partly rebuilt.
 */
@Component
public class SilverReplayer {

  private static final Logger log = LoggerFactory.getLogger(SilverReplayer.class);
  private static final int PAGE_SIZE = 1000;

  private final RunLock runLock;
  private final BronzeReader bronze;
  private final SilverLoader silver;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;

  SilverReplayer(
      RunLock runLock,
      BronzeReader bronze,
      SilverLoader silver,
      JdbcTemplate jdbc,
      TransactionTemplate transactions) {
    this.runLock = runLock;
    this.bronze = bronze;
    this.silver = silver;
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /**
   * Rebuilds the silver rows of these sources.
   *
   * @throws SourceBusyException if one of them is running
   */
  public List<ReplayResult> replay(List<Source<?>> sources) throws SQLException {
    Map<String, Source<?>> byName = new LinkedHashMap<>();
    sources.forEach(source -> byName.put(source.name(), source));
    Map<String, ReplayResult> results = new LinkedHashMap<>();
    byName.keySet().forEach(name -> results.put(name, new ReplayResult(name, 0, 0, 0)));
    try (SourceLocks ignored = SourceLocks.acquire(runLock, sources)) {
      String[] names = byName.keySet().toArray(String[]::new);
      transactions.executeWithoutResult(
          status -> {
            for (String table :
                List.of("market_quotes", "news_item_assets", "news_items", "transform_failures")) {
              SqlArrays.update(
                  jdbc, "DELETE FROM " + table + " WHERE source = ANY (?::text[])", (Object) names);
            }
          });
      log.info("Replaying bronze of {} into silver", byName.keySet());
      List<BronzeReader.SourcedRow> batch = new ArrayList<>();
      long after = 0;
      List<BronzeReader.SourcedRow> page;
      do {
        page = bronze.page(byName.keySet(), after, PAGE_SIZE);
        for (BronzeReader.SourcedRow row : page) {
          if (!batch.isEmpty() && !sameBatch(batch.get(0), row)) {
            load(byName, batch, results);
            batch = new ArrayList<>();
          }
          batch.add(row);
          after = row.row().rawId();
        }
      } while (page.size() == PAGE_SIZE);
      if (!batch.isEmpty()) {
        load(byName, batch, results);
      }
    }
    results
        .values()
        .forEach(
            r ->
                log.info(
                    "Replayed {} record(s) of {}: {} loaded, {} failed",
                    r.records(),
                    r.source(),
                    r.loaded(),
                    r.failed()));
    return List.copyOf(results.values());
  }

  private void load(
      Map<String, Source<?>> sources,
      List<BronzeReader.SourcedRow> batch,
      Map<String, ReplayResult> results) {
    String name = batch.get(0).source();
    List<BronzeRow> rows = batch.stream().map(BronzeReader.SourcedRow::row).toList();
    SilverLoader.Loaded loaded =
        transactions.execute(status -> silver.reload(sources.get(name), rows, null));
    results.computeIfPresent(
        name, (n, r) -> r.plus(rows.size(), rows.size() - loaded.failed(), loaded.failed()));
  }

  private static boolean sameBatch(BronzeReader.SourcedRow a, BronzeReader.SourcedRow b) {
    Instant first = a.row().ingestedAt();
    return a.source().equals(b.source())
        && a.row().runId() == b.row().runId()
        && Objects.equals(first, b.row().ingestedAt());
  }
}
