package io.kasparro.failures;

import io.kasparro.bronze.BronzeReader;
import io.kasparro.bronze.BronzeRow;
import io.kasparro.pipeline.ReplayResult;
import io.kasparro.pipeline.SilverLoader;
import io.kasparro.runs.RunLock;
import io.kasparro.runs.SourceBusyException;
import io.kasparro.runs.SourceLocks;
import io.kasparro.source.Source;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retries the records in transform_failures ({@code replay-failures}, {@code POST
 * /transform-failures/replay}) after a fix — a corrected parser, a curated id, a confirmed field
 * mapping: each is transformed again from its bronze payload; those that load go to silver and
 * leave transform_failures, the others stay with their new reason and {@code last_retried_at}.
 */
@Component
public class FailureReplayer {

  private static final Logger log = LoggerFactory.getLogger(FailureReplayer.class);
  private static final int PAGE_SIZE = 1000;

  private final RunLock runLock;
  private final BronzeReader bronze;
  private final SilverLoader silver;
  private final TransactionTemplate transactions;
  private final Clock clock;

  FailureReplayer(
      RunLock runLock,
      BronzeReader bronze,
      SilverLoader silver,
      TransactionTemplate transactions,
      Clock clock) {
    this.runLock = runLock;
    this.bronze = bronze;
    this.silver = silver;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Retries the failures of these sources, one source at a time.
   *
   * @throws SourceBusyException if one of them is running
   */
  public List<ReplayResult> replay(List<Source<?>> sources) throws SQLException {
    List<ReplayResult> results = new ArrayList<>();
    for (Source<?> source : sources) {
      try (SourceLocks ignored = SourceLocks.acquire(runLock, List.of(source))) {
        results.add(replay(source, clock.instant()));
      }
    }
    return results;
  }

  private ReplayResult replay(Source<?> source, Instant retriedAt) {
    ReplayResult result = new ReplayResult(source.name(), 0, 0, 0);
    long after = 0;
    List<BronzeReader.SourcedRow> page;
    do {
      page = bronze.failedPage(List.of(source.name()), after, PAGE_SIZE);
      if (page.isEmpty()) {
        break;
      }
      List<BronzeRow> rows = page.stream().map(BronzeReader.SourcedRow::row).toList();
      SilverLoader.Loaded loaded =
          transactions.execute(status -> silver.reload(source, rows, retriedAt));
      result = result.plus(rows.size(), rows.size() - loaded.failed(), loaded.failed());
      after = rows.get(rows.size() - 1).rawId();
    } while (page.size() == PAGE_SIZE);
    log.info(
        "Retried {} failed record(s) of {}: {} loaded, {} still failing",
        result.records(),
        source.name(),
        result.loaded(),
        result.failed());
    return result;
  }
}
