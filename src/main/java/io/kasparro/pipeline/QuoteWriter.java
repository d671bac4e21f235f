package io.kasparro.pipeline;

import io.kasparro.source.MarketQuote;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.util.ArrayList;
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
 * rows. Large batches are staged with COPY (see {@link BulkWriteProperties}); both ways run the
 * same conversions and conflict rule, so they store the same rows.
 */
@Component
class QuoteWriter {

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

  private final JdbcTemplate jdbc;
  private final BulkWriteProperties properties;

  QuoteWriter(JdbcTemplate jdbc, BulkWriteProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** A quote ready to store: its canonical asset and the bronze row it came from. */
  record Row(long assetId, BronzeRow bronze, MarketQuote quote) {}

  /** Writes the rows and returns how many silver rows they make (one per key). */
  int write(String source, List<Row> rows) {
    Map<String, Row> lastByKey = new LinkedHashMap<>();
    for (Row row : rows) {
      lastByKey.put(row.assetId() + "@" + row.quote().lastUpdated(), row);
    }
    List<Row> unique = new ArrayList<>(lastByKey.values());
    if (unique.isEmpty()) {
      return 0;
    }
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
    jdbc.execute(
        (ConnectionCallback<Integer>)
            connection -> {
              STAGE.fill(
                  connection,
                  unique,
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
                return upsert.executeUpdate();
              }
            });
    return unique.size();
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }
}
