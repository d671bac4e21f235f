-- Identity: matches by market evidence, and ambiguous aliases that list the assets they could
-- have been (kept apart rather than guessed).
ALTER TABLE asset_aliases ADD COLUMN candidate_asset_ids BIGINT[];
COMMENT ON COLUMN asset_aliases.candidate_asset_ids IS
    'for an ambiguous alias, the assets the evidence pointed at; null otherwise';

-- Operator corrections: an alias linked to another source's asset or split off into an asset of its
-- own, with who made the correction, when and why, and how many quotes it moved. A log: no foreign
-- keys, so emptying and rebuilding silver leaves it as it was.
ALTER TABLE asset_aliases DROP CONSTRAINT asset_aliases_match_method_check;
ALTER TABLE asset_aliases ADD CONSTRAINT asset_aliases_match_method_check
    CHECK (match_method IN ('curated_id', 'curated_name', 'symbol_name', 'symbol_fuzzy',
                            'symbol_market', 'ambiguous', 'new_asset', 'operator'));
CREATE TABLE identity_corrections (
    correction_id   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    action          TEXT        NOT NULL CHECK (action IN ('link', 'split')),
    source          TEXT        NOT NULL,
    source_asset_id TEXT        NOT NULL,
    from_asset_id   BIGINT      NOT NULL,
    to_asset_id     BIGINT      NOT NULL,
    reason          TEXT        NOT NULL,
    made_by         TEXT        NOT NULL,
    made_at         TIMESTAMPTZ NOT NULL,
    quotes_moved    BIGINT      NOT NULL
);
