-- GET /data by asset (or symbol) in time order: the quote key leads with the asset and then the
-- time, so such a page reads one index range in order (plus an incremental sort on the id within a
-- timestamp) instead of sorting every quote of the asset. The key is the same set of columns, so
-- ON CONFLICT (asset_id, source, last_updated) still finds it; no extra index is kept up to date
-- on every insert.
ALTER TABLE market_quotes DROP CONSTRAINT market_quotes_asset_source_time_key;
ALTER TABLE market_quotes
    ADD CONSTRAINT market_quotes_asset_source_time_key UNIQUE (asset_id, last_updated, source);

-- Bronze and quotes are written in bulk, a million rows per run and more. A foreign key is checked
-- row by row (a lookup and a row lock per key): these four measured 20 s per million quotes plus
-- 1.2 s per million bronze rows, more than the whole COPY of bronze they go with (BENCHMARKS.md).
-- Each of these references is written by the pipeline itself, in the transaction that creates or
-- reads what it points to (the bronze row just inserted, the open run, the asset just resolved),
-- and bronze, runs and assets are never deleted; the tests check every quote's references.
ALTER TABLE market_quotes
    DROP CONSTRAINT market_quotes_asset_id_fkey,
    DROP CONSTRAINT market_quotes_raw_id_fkey,
    DROP CONSTRAINT market_quotes_run_id_fkey;
ALTER TABLE raw_records DROP CONSTRAINT raw_records_run_id_fkey;
