package io.kasparro.quotes;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.support.TestDatabase;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V20 turns a populated, unpartitioned market_quotes into the partitioned one: every row keeps its
 * id and values, the key, checks and indexes are the same, and new rows continue the ids.
 */
class PartitionMigrationTest {

  static final String DATABASE = "kasparro_partition_migration";
  static final String QUOTES =
      "SELECT id, asset_id, source, price_usd::text AS price, market_cap_usd::text AS cap,"
          + " volume_24h_usd::text AS volume, last_updated, raw_id, run_id FROM market_quotes"
          + " ORDER BY id";

  JdbcTemplate server;
  JdbcTemplate jdbc;
  DriverManagerDataSource dataSource;

  @BeforeEach
  void createDatabase() {
    server = new JdbcTemplate(new DriverManagerDataSource(TestDatabase.jdbcUrl()));
    server.execute("DROP DATABASE IF EXISTS " + DATABASE);
    server.execute("CREATE DATABASE " + DATABASE);
    dataSource =
        new DriverManagerDataSource(
            TestDatabase.jdbcUrl().replaceFirst("(//[^/]+/)[^?]*", "$1" + DATABASE));
    jdbc = new JdbcTemplate(dataSource);
  }

  @AfterEach
  void dropDatabase() {
    server.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
  }

  @Test
  void aPopulatedTableIsPartitionedWithoutLosingARow() {
    migrate("8");
    // 5,000 quotes over 25 months and two extremes, with an id gap and a null cap or volume.
    jdbc.update(
        """
        INSERT INTO market_quotes (asset_id, source, price_usd, market_cap_usd, volume_24h_usd,
                                   last_updated, raw_id, run_id)
        SELECT g % 7, CASE WHEN g % 3 = 0 THEN 'coingecko' ELSE 'csv' END, g * 1.25,
               CASE WHEN g % 5 = 0 THEN NULL ELSE g END, CASE WHEN g % 4 = 0 THEN NULL ELSE 7 END,
               timestamptz '2024-12-31 23:30:00+00' + g * interval '3 hours 40 minutes', g, 1
          FROM generate_series(0, 4999) g
        """);
    jdbc.update("DELETE FROM market_quotes WHERE id BETWEEN 100 AND 109");
    jdbc.update(
        """
        INSERT INTO market_quotes (asset_id, source, price_usd, last_updated, raw_id, run_id)
        VALUES (1, 'csv', 0, '1970-01-01 00:00:00+00', 1, 1),
               (1, 'csv', 1, '9999-12-31 23:59:59+00', 1, 1)
        """);
    List<Map<String, Object>> before = jdbc.queryForList(QUOTES);
    long maxId = jdbc.queryForObject("SELECT max(id) FROM market_quotes", Long.class);

    migrate(null);

    assertThat(jdbc.queryForList(QUOTES)).hasSize(4992).isEqualTo(before);
    assertThat(
            jdbc.queryForObject(
                "SELECT relkind::text FROM pg_class WHERE relname = 'market_quotes'", String.class))
        .isEqualTo("p");
    // Each row sits in the partition of its month; only months with rows, and the months
    // ahead of now, have one.
    assertThat(
            jdbc.queryForObject(
                """
                SELECT count(*) FROM market_quotes
                 WHERE tableoid::regclass::text
                       <> 'market_quotes_' || to_char(last_updated AT TIME ZONE 'UTC', 'YYYY_MM')
                """,
                Long.class))
        .isZero();
    assertThat(
            jdbc.queryForList(
                "SELECT tablename FROM pg_tables WHERE tablename LIKE 'market\\_quotes\\_%'"
                    + " ORDER BY 1",
                String.class))
        .contains(
            "market_quotes_1970_01",
            "market_quotes_2024_12",
            "market_quotes_2025_01",
            "market_quotes_2027_01",
            "market_quotes_9999_12",
            "market_quotes_default")
        .doesNotContain("market_quotes_2024_11", "market_quotes_unpartitioned");
    assertThat(
            jdbc.queryForList(
                """
                SELECT indexrelid::regclass::text || ' ' || pg_get_indexdef(indexrelid)
                  FROM pg_index WHERE indrelid = 'market_quotes'::regclass ORDER BY 1
                """,
                String.class))
        .containsExactly(
            "market_quotes_asset_source_time_key CREATE UNIQUE INDEX"
                + " market_quotes_asset_source_time_key ON ONLY public.market_quotes USING btree"
                + " (asset_id, last_updated, source)",
            "market_quotes_pkey CREATE UNIQUE INDEX market_quotes_pkey ON ONLY"
                + " public.market_quotes USING btree (id, last_updated)",
            "market_quotes_price_idx CREATE INDEX market_quotes_price_idx ON ONLY"
                + " public.market_quotes USING btree (price_usd, id)",
            "market_quotes_source_time_idx CREATE INDEX market_quotes_source_time_idx ON ONLY"
                + " public.market_quotes USING btree (source, last_updated DESC, id DESC)",
            "market_quotes_time_idx CREATE INDEX market_quotes_time_idx ON ONLY"
                + " public.market_quotes USING btree (last_updated DESC, id DESC)");
    assertThat(
            jdbc.queryForList(
                "SELECT conname FROM pg_constraint WHERE conrelid = 'market_quotes'::regclass"
                    + " AND contype = 'c' ORDER BY 1",
                String.class))
        .containsExactly(
            "market_quotes_market_cap_usd_check",
            "market_quotes_price_usd_check",
            "market_quotes_volume_24h_usd_check");
    // New quotes continue the ids; a stored key is still upserted, not doubled.
    long next =
        jdbc.queryForObject(
            "INSERT INTO market_quotes (asset_id, source, price_usd, last_updated, raw_id, run_id)"
                + " VALUES (1, 'csv', 2, now(), 1, 1) RETURNING id",
            Long.class);
    assertThat(next).isGreaterThan(maxId);
    jdbc.update(
        "INSERT INTO market_quotes (asset_id, source, price_usd, last_updated, raw_id, run_id)"
            + " SELECT asset_id, source, 99, last_updated, raw_id, run_id FROM market_quotes"
            + " WHERE id = 1 ON CONFLICT (asset_id, source, last_updated) DO UPDATE"
            + " SET price_usd = EXCLUDED.price_usd");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM market_quotes", Long.class))
        .isEqualTo(4993);
    assertThat(
            jdbc.queryForObject(
                "SELECT price_usd::text FROM market_quotes WHERE id = 1", String.class))
        .isEqualTo("99");
  }

  private void migrate(String target) {
    var configuration =
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
    if (target != null) {
      configuration.target(target);
    }
    configuration.load().migrate();
  }
}
