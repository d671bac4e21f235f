-- Identity. Two coins may share both ticker and name (one source can list both under different
-- ids), so (symbol, normalized_name) is no longer unique. Assets from the curated cross-provider
-- list carry its slug, unique; other assets have none.
ALTER TABLE assets DROP CONSTRAINT assets_symbol_name_key;
ALTER TABLE assets ADD COLUMN slug TEXT;
ALTER TABLE assets ADD CONSTRAINT assets_slug_key UNIQUE (slug);
CREATE INDEX assets_symbol_name_idx ON assets (symbol, normalized_name);
COMMENT ON COLUMN assets.created_at IS 'when the bronze record that first named this asset was ingested';

-- How each source names the coin, beside the id it uses.
ALTER TABLE asset_aliases ADD COLUMN source_symbol TEXT;
ALTER TABLE asset_aliases ADD COLUMN source_name TEXT;
ALTER TABLE asset_aliases ADD CONSTRAINT asset_aliases_match_method_check
    CHECK (match_method IN ('curated_id', 'curated_name', 'symbol_name', 'symbol_fuzzy',
                            'new_asset'));

-- Failures: when a replay last retried the record (null until then).
ALTER TABLE transform_failures ADD COLUMN last_retried_at TIMESTAMPTZ;

-- Drift: one row per distinct drift per run; the signature makes repeats within a run no-ops.
ALTER TABLE schema_drift ADD COLUMN signature TEXT;
ALTER TABLE schema_drift ADD COLUMN records INT NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX schema_drift_run_signature_key ON schema_drift (source, run_id, signature);

-- The assets a news headline mentions. Keyed by the news item's natural key (source, guid) so it
-- does not depend on the news_items table's own columns.
CREATE TABLE news_item_assets (
    source     TEXT   NOT NULL,
    guid       TEXT   NOT NULL,
    asset_id   BIGINT NOT NULL REFERENCES assets (asset_id),
    matched_by TEXT   NOT NULL CHECK (matched_by IN ('name', 'symbol')),
    PRIMARY KEY (source, guid, asset_id)
);
CREATE INDEX news_item_assets_asset_idx ON news_item_assets (asset_id);
