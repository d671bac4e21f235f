package io.kasparro.quotes;

import io.kasparro.bronze.BronzeRow;
import io.kasparro.source.MarketQuote;
import io.kasparro.system.jdbc.BulkWriteProperties;
import io.kasparro.system.jdbc.CopyStage;
import io.kasparro.system.jdbc.SqlArrays;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Upserts market quotes. {@code UNIQUE (asset_id, source, last_updated)} holds one quote per asset,
 * source and instant; a later bronze record for the same key (a corrected file) replaces it. Each
 * quote carries the run that ingested its bronze record, so a rebuild from bronze gives the same
 * rows. The table is partitioned by month ({@link QuotePartitions}); a batch's months get their
 * partitions before it is written.
 *
 * <p>Small batches go in one {@code unnest} statement. A large batch (see {@link
 * BulkWriteProperties}) of new keys, the usual case, is copied straight into the table; if a key is
 * already stored, that COPY fails on the unique key, is undone to a savepoint, and the batch is
 * copied into a staging table and upserted from there under the same rule as small batches. Every
 * way stores the same values (the tests compare them).
 */
@Component
public class QuoteWriter {

  private static final String CONFLICT =
      """
      ON CONFLICT (asset_id, source, last_updated) DO UPDATE
         SET price_usd = EXCLUDED.price_usd, market_cap_usd = EXCLUDED.market_cap_usd,
             volume_24h_usd = EXCLUDED.volume_24h_usd, raw_id = EXCLUDED.raw_id,
             run_id = EXCLUDED.run_id
       WHERE market_quotes.raw_id < EXCLUDED.raw_id
      """;
  private static final String UPSERT_UNNEST =
      """
      INSERT INTO market_quotes (asset_id, source, price_usd, market_cap_usd, volume_24h_usd,
                                 last_updated, raw_id, run_id)
      SELECT q.asset_id::bigint, ?, q.price::numeric, q.cap::numeric, q.volume::numeric,
             q.updated::timestamptz, q.raw_id::bigint, q.run_id::bigint
        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
             AS q (asset_id, price, cap, volume, updated, raw_id, run_id)
      """
          + CONFLICT;
  private static final CopyStage STAGE =
      new CopyStage(
          "kasparro_quote_stage",
          "asset_id bigint, price text, cap text, volume text, updated text, raw_id bigint,"
              + " run_id bigint");
  private static final String UPSERT_STAGED =
      """
      INSERT INTO market_quotes (asset_id, source, price_usd, market_cap_usd, volume_24h_usd,
                                 last_updated, raw_id, run_id)
      SELECT q.asset_id, ?, q.price::numeric, q.cap::numeric, q.volume::numeric,
             q.updated::timestamptz, q.raw_id, q.run_id
        FROM kasparro_quote_stage q
      """
          + CONFLICT;

  private static final String COPY_TARGET =
      "market_quotes (asset_id, source, price_usd, market_cap_usd, volume_24h_usd, last_updated,"
          + " raw_id, run_id)";
  private static final Comparator<Row> BY_KEY =
      Comparator.comparingLong(Row::assetId).thenComparing(row -> row.quote().lastUpdated());

  private final JdbcTemplate jdbc;
  private final BulkWriteProperties properties;
  private final QuotePartitions partitions;

  public QuoteWriter(
      JdbcTemplate jdbc, BulkWriteProperties properties, QuotePartitions partitions) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.partitions = partitions;
  }

  /** A quote ready to store: its canonical asset and the bronze row it came from. */
  public record Row(long assetId, BronzeRow bronze, MarketQuote quote) {}

  /**
   * Creates the partitions of these quote times ahead of the batch's first read of market_quotes: a
   * partition is attached on a connection of its own, which waits for (and gives up behind) any
   * transaction that has read the default partition, the batch's own included.
   */
  public void preparePartitions(Collection<Instant> lastUpdated) {
    partitions.ensureFor(lastUpdated);
  }

  /** Writes the rows and returns how many silver rows they make (one per key). */
  public int write(String source, List<Row> rows) {
    Map<Key, Row> lastByKey = new LinkedHashMap<>();
    for (Row row : rows) {
      lastByKey.put(new Key(row.assetId(), row.quote().lastUpdated()), row);
    }
    List<Row> unique = new ArrayList<>(lastByKey.values());
    if (unique.isEmpty()) {
      return 0;
    }
    partitions.ensureFor(lastByKey.keySet().stream().map(Key::lastUpdated).toList());
    if (unique.size() < properties.copyThreshold()) {
      SqlArrays.update(
          jdbc,
          UPSERT_UNNEST,
          source,
          SqlArrays.column(unique, Row::assetId),
          SqlArrays.column(unique, r -> plain(r.quote().priceUsd())),
          SqlArrays.column(unique, r -> plain(r.quote().marketCapUsd())),
          SqlArrays.column(unique, r -> plain(r.quote().volume24hUsd())),
          SqlArrays.column(unique, r -> r.quote().lastUpdated()),
          SqlArrays.column(unique, r -> r.bronze().rawId()),
          SqlArrays.column(unique, r -> r.bronze().runId()));
      return unique.size();
    }
    // In key order, each asset's index entries go in together rather than one asset at a time.
    unique.sort(BY_KEY);
    jdbc.execute(
        (ConnectionCallback<Void>)
            connection -> {
              if (!copyStraight(connection, source, unique)) {
                upsertStaged(connection, source, unique);
              }
              return null;
            });
    return unique.size();
  }

  /**
   * COPY of the quotes straight into market_quotes, with values in binary form.
   *
   * @return false, with nothing written, if a quote with one of these keys is already stored (it
   *     may have to stay, see {@link #CONFLICT}), or a time is finer than PostgreSQL keeps
   */
  private static boolean copyStraight(Connection connection, String source, List<Row> rows)
      throws SQLException {
    if (rows.stream().anyMatch(row -> row.quote().lastUpdated().getNano() % 1000 != 0)) {
      return false;
    }
    return CopyStage.copyUnlessStored(
        connection,
        COPY_TARGET,
        rows,
        8,
        (row, out) -> {
          out.int8(row.assetId());
          out.text(source);
          out.numeric(row.quote().priceUsd());
          out.numeric(row.quote().marketCapUsd());
          out.numeric(row.quote().volume24hUsd());
          out.timestamptz(row.quote().lastUpdated());
          out.int8(row.bronze().rawId());
          out.int8(row.bronze().runId());
        });
  }

  private static void upsertStaged(Connection connection, String source, List<Row> rows)
      throws SQLException {
    STAGE.fill(
        connection,
        rows,
        7,
        (row, out) -> {
          out.int8(row.assetId());
          out.text(plain(row.quote().priceUsd()));
          out.text(plain(row.quote().marketCapUsd()));
          out.text(plain(row.quote().volume24hUsd()));
          out.text(row.quote().lastUpdated().toString());
          out.int8(row.bronze().rawId());
          out.int8(row.bronze().runId());
        });
    try (PreparedStatement upsert = connection.prepareStatement(UPSERT_STAGED)) {
      upsert.setString(1, source);
      upsert.executeUpdate();
    }
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  /** The unique key of a quote within its source. */
  private record Key(long assetId, Instant lastUpdated) {}
}
