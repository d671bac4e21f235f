-- Identity: matches by market evidence, and ambiguous aliases that list the assets they could
-- have been (kept apart rather than guessed).
ALTER TABLE asset_aliases DROP CONSTRAINT asset_aliases_match_method_check;
ALTER TABLE asset_aliases ADD CONSTRAINT asset_aliases_match_method_check
    CHECK (match_method IN ('curated_id', 'curated_name', 'symbol_name', 'symbol_fuzzy',
                            'symbol_market', 'ambiguous', 'new_asset'));
ALTER TABLE asset_aliases ADD COLUMN candidate_asset_ids BIGINT[];
COMMENT ON COLUMN asset_aliases.candidate_asset_ids IS
    'for an ambiguous alias, the assets the evidence pointed at; null otherwise';
