-- GET /data by asset (or symbol) in time order: the quote key leads with the asset and then the
-- time, so such a page reads one index range in order (plus an incremental sort on the id within a
-- timestamp) instead of sorting every quote of the asset. The key is the same set of columns, so
-- ON CONFLICT (asset_id, source, last_updated) still finds it; no extra index is kept up to date
-- on every insert.
ALTER TABLE market_quotes DROP CONSTRAINT market_quotes_asset_source_time_key;
ALTER TABLE market_quotes
    ADD CONSTRAINT market_quotes_asset_source_time_key UNIQUE (asset_id, last_updated, source);
