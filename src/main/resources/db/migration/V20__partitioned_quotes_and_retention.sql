-- market_quotes partitioned by month of last_updated (declarative range partitioning), so that
-- keeping N days means dropping whole partitions instead of deleting rows, and the indexes of the
-- month being written stay small. Every row, id, constraint and index of the old table is kept.
--
-- Uniqueness: PostgreSQL enforces a unique constraint on a partitioned table only per partition,
-- so it must contain the partition key. The quote key (asset_id, last_updated, source) already
-- does: two quotes with the same key have the same last_updated, hence the same partition, where
-- the partition's own unique index rejects the second. The primary key becomes (id, last_updated);
-- the id alone stays unique because only the identity hands ids out (GENERATED ALWAYS).

ALTER TABLE market_quotes RENAME TO market_quotes_unpartitioned;
ALTER TABLE market_quotes_unpartitioned
    DROP CONSTRAINT market_quotes_pkey,
    DROP CONSTRAINT market_quotes_asset_source_time_key,
    DROP CONSTRAINT market_quotes_price_usd_check,
    DROP CONSTRAINT market_quotes_market_cap_usd_check,
    DROP CONSTRAINT market_quotes_volume_24h_usd_check;
DROP INDEX market_quotes_time_idx, market_quotes_source_time_idx, market_quotes_price_idx;

CREATE TABLE market_quotes (
    id             BIGINT GENERATED ALWAYS AS IDENTITY,
    asset_id       BIGINT      NOT NULL,
    source         TEXT        NOT NULL,
    price_usd      NUMERIC     NOT NULL CHECK (price_usd >= 0),
    market_cap_usd NUMERIC CHECK (market_cap_usd >= 0),
    volume_24h_usd NUMERIC CHECK (volume_24h_usd >= 0),
    last_updated   TIMESTAMPTZ NOT NULL,
    raw_id         BIGINT      NOT NULL,
    run_id         BIGINT      NOT NULL
) PARTITION BY RANGE (last_updated);

-- Rows of a month that has no partition (yet) land here; creating that month's partition moves
-- them out (kasparro_create_quote_partition).
CREATE TABLE market_quotes_default PARTITION OF market_quotes DEFAULT;

-- Creates the partition of the month (UTC) holding the given time, named market_quotes_YYYY_MM,
-- and moves that month's rows out of the default partition into it, all in the caller's
-- transaction. Returns its name, or null if it exists. One creator at a time (an advisory lock,
-- shared with retention); the caller's lock_timeout bounds the wait behind readers and writers.
CREATE FUNCTION kasparro_create_quote_partition(during TIMESTAMPTZ) RETURNS TEXT
    LANGUAGE plpgsql AS
$$
DECLARE
    low  TIMESTAMPTZ := date_trunc('month', during, 'UTC');
    high TIMESTAMPTZ := date_trunc('month', date_trunc('month', during, 'UTC') + INTERVAL '32 days', 'UTC');
    part TEXT        := 'market_quotes_' || to_char(date_trunc('month', during, 'UTC') AT TIME ZONE 'UTC', 'YYYY_MM');
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('kasparro.quote-partitions', 0));
    IF to_regclass(format('%I', part)) IS NOT NULL THEN
        RETURN NULL;
    END IF;
    LOCK TABLE market_quotes_default IN ACCESS EXCLUSIVE MODE;
    EXECUTE format('CREATE TABLE %I (LIKE market_quotes INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part);
    EXECUTE format('WITH moved AS (DELETE FROM market_quotes_default'
                   || ' WHERE last_updated >= $1 AND last_updated < $2 RETURNING *)'
                   || ' INSERT INTO %I SELECT * FROM moved', part) USING low, high;
    EXECUTE format('ALTER TABLE market_quotes ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
                   part, low, high);
    RETURN part;
END
$$;

-- A partition for every month that holds quotes, and for this month and the next two.
SELECT kasparro_create_quote_partition(month)
  FROM (SELECT DISTINCT date_trunc('month', last_updated, 'UTC') AS month
          FROM market_quotes_unpartitioned
        UNION
        SELECT date_trunc('month', now(), 'UTC') + ahead * INTERVAL '1 month'
          FROM generate_series(0, 2) AS ahead) months
 ORDER BY month;

INSERT INTO market_quotes (id, asset_id, source, price_usd, market_cap_usd, volume_24h_usd,
                           last_updated, raw_id, run_id)
OVERRIDING SYSTEM VALUE
SELECT id, asset_id, source, price_usd, market_cap_usd, volume_24h_usd, last_updated, raw_id,
       run_id
  FROM market_quotes_unpartitioned;
SELECT setval(pg_get_serial_sequence('market_quotes', 'id'), max(id))
  FROM market_quotes_unpartitioned
HAVING max(id) IS NOT NULL;
DROP TABLE market_quotes_unpartitioned;

-- The same five indexes as before, built once over the copied rows (on every partition, and on
-- each partition created later).
ALTER TABLE market_quotes
    ADD CONSTRAINT market_quotes_pkey PRIMARY KEY (id, last_updated),
    ADD CONSTRAINT market_quotes_asset_source_time_key UNIQUE (asset_id, last_updated, source);
CREATE INDEX market_quotes_time_idx ON market_quotes (last_updated DESC, id DESC);
CREATE INDEX market_quotes_source_time_idx ON market_quotes (source, last_updated DESC, id DESC);
CREATE INDEX market_quotes_price_idx ON market_quotes (price_usd, id);

-- What retention removed: each partition dropped (its rows as the planner last estimated them)
-- and the rows past the cutoff deleted from the default partition (counted exactly).
CREATE TABLE retention_drops (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dropped_at     TIMESTAMPTZ NOT NULL,
    table_name     TEXT        NOT NULL,
    partition_name TEXT        NOT NULL,
    range_from     TIMESTAMPTZ,
    range_to       TIMESTAMPTZ NOT NULL,
    cutoff         TIMESTAMPTZ NOT NULL,
    rows           BIGINT,
    rows_exact     BOOLEAN     NOT NULL
);
