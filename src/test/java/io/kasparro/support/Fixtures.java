package io.kasparro.support;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/** Known rows written straight to the database, for API tests to read back. */
public final class Fixtures {

  private final JdbcTemplate jdbc;

  public Fixtures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A finished (or running, when {@code ended} is null) run with the given counts. */
  public long run(
      String source,
      String status,
      Instant started,
      Instant ended,
      long fetched,
      long loaded,
      long failed,
      String error) {
    return jdbc.queryForObject(
        """
        INSERT INTO etl_runs (source, status, triggered_by, started_at, ended_at, duration_ms,
                              records_fetched, records_inserted, records_loaded, records_failed,
                              error_message)
        VALUES (?, ?, 'schedule', ?, ?, ?, ?, ?, ?, ?, ?)
        RETURNING run_id
        """,
        Long.class,
        source,
        status,
        Timestamp.from(started),
        ended == null ? null : Timestamp.from(ended),
        ended == null ? null : ended.toEpochMilli() - started.toEpochMilli(),
        fetched,
        fetched,
        loaded,
        failed,
        error);
  }

  public long asset(String symbol, String name) {
    return jdbc.queryForObject(
        "INSERT INTO assets (symbol, name, normalized_name) VALUES (?, ?, lower(?))"
            + " RETURNING asset_id",
        Long.class,
        symbol,
        name,
        name);
  }

  /** A quote of {@code assetId} from {@code source}, with its bronze row, in run {@code runId}. */
  public long quote(long runId, long assetId, String source, String price, Instant lastUpdated) {
    long rawId =
        jdbc.queryForObject(
            """
            INSERT INTO raw_records (source, run_id, source_record_id, payload, payload_hash)
            VALUES (?, ?, ?, '{}'::jsonb, sha256(convert_to(?, 'UTF8')))
            RETURNING id
            """,
            Long.class,
            source,
            runId,
            assetId + "@" + lastUpdated,
            source + assetId + lastUpdated + price);
    return jdbc.queryForObject(
        """
        INSERT INTO market_quotes (asset_id, source, price_usd, market_cap_usd, volume_24h_usd,
                                   last_updated, raw_id, run_id)
        VALUES (?, ?, ?, NULL, 1000, ?, ?, ?)
        RETURNING id
        """,
        Long.class,
        assetId,
        source,
        new BigDecimal(price),
        Timestamp.from(lastUpdated),
        rawId,
        runId);
  }

  /** Row counts of every table the service writes, to show a request changed nothing. */
  public java.util.Map<String, Object> rowCounts() {
    return jdbc.queryForMap(
        """
        SELECT (SELECT count(*) FROM etl_runs) AS runs, (SELECT count(*) FROM raw_records) AS raw,
               (SELECT count(*) FROM assets) AS assets,
               (SELECT count(*) FROM market_quotes) AS quotes,
               (SELECT count(*) FROM transform_failures) AS failures,
               (SELECT count(*) FROM etl_checkpoints) AS checkpoints
        """);
  }
}
