-- Identity: each provider's (chain, contract address) per coin, from an occasional reference fetch
-- (CoinGecko /coins/list?include_platform=true, CoinPaprika /contracts). Chains are the service's
-- own names (identity/chains.csv maps each provider's platform ids to them); EVM addresses are
-- lower-case. A reference, not history: a fetch replaces what it read.
CREATE TABLE asset_contracts (
    provider    TEXT        NOT NULL,
    provider_id TEXT        NOT NULL,
    chain       TEXT        NOT NULL,
    address     TEXT        NOT NULL,
    fetched_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (provider, provider_id, chain, address)
);
CREATE INDEX asset_contracts_by_address ON asset_contracts (chain, address);

ALTER TABLE asset_aliases DROP CONSTRAINT asset_aliases_match_method_check;
ALTER TABLE asset_aliases ADD CONSTRAINT asset_aliases_match_method_check
    CHECK (match_method IN ('curated_id', 'curated_name', 'contract', 'symbol_name',
                            'symbol_fuzzy', 'symbol_market', 'ambiguous', 'new_asset',
                            'operator'));
