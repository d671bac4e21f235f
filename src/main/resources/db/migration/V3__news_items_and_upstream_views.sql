-- Silver: news headlines from RSS/Atom feeds, one row per item of a source.
CREATE TABLE news_items (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source       TEXT        NOT NULL,
    guid         TEXT        NOT NULL,
    title        TEXT        NOT NULL,
    link         TEXT,
    published_at TIMESTAMPTZ,
    summary      TEXT,
    raw_id       BIGINT      NOT NULL REFERENCES raw_records (id),
    run_id       BIGINT      NOT NULL REFERENCES etl_runs (run_id),
    CONSTRAINT news_items_source_guid_key UNIQUE (source, guid)
);
CREATE INDEX news_items_published_idx ON news_items (published_at DESC NULLS LAST, id DESC);

-- Bronze, one view per network source.
CREATE VIEW raw_coingecko AS SELECT * FROM raw_records WHERE source = 'coingecko';
CREATE VIEW raw_coinpaprika AS SELECT * FROM raw_records WHERE source = 'coinpaprika';
CREATE VIEW raw_rss AS SELECT * FROM raw_records WHERE source = 'rss';
