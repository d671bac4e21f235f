-- State: one row per run of one source.
CREATE TABLE etl_runs (
    run_id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source            TEXT        NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('running', 'success', 'partial', 'failed')),
    triggered_by      TEXT        NOT NULL CHECK (triggered_by IN ('schedule', 'manual', 'cli', 'startup')),
    started_at        TIMESTAMPTZ NOT NULL,
    ended_at          TIMESTAMPTZ,
    duration_ms       BIGINT,
    records_fetched   BIGINT      NOT NULL DEFAULT 0,
    records_inserted  BIGINT      NOT NULL DEFAULT 0,
    records_duplicate BIGINT      NOT NULL DEFAULT 0,
    records_loaded    BIGINT      NOT NULL DEFAULT 0,
    records_failed    BIGINT      NOT NULL DEFAULT 0,
    error_message     TEXT,
    metadata          JSONB       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX etl_runs_source_started_idx ON etl_runs (source, started_at DESC);
-- At most one open run per source, whatever node or trigger started it.
CREATE UNIQUE INDEX etl_runs_one_running_per_source ON etl_runs (source) WHERE status = 'running';

CREATE TABLE etl_checkpoints (
    source              TEXT PRIMARY KEY,
    checkpoint          JSONB       NOT NULL DEFAULT '{}'::jsonb,
    last_success_run_id BIGINT REFERENCES etl_runs (run_id),
    last_success_at     TIMESTAMPTZ,
    last_failure_at     TIMESTAMPTZ,
    last_failure_error  TEXT,
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Bronze: every payload once per source, append-only.
CREATE TABLE raw_records (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source           TEXT        NOT NULL,
    run_id           BIGINT      NOT NULL REFERENCES etl_runs (run_id),
    source_record_id TEXT,
    payload          JSONB       NOT NULL,
    payload_hash     BYTEA       NOT NULL,
    ingested_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT raw_records_source_payload_hash_key UNIQUE (source, payload_hash)
);
CREATE INDEX raw_records_run_idx ON raw_records (run_id);

-- Silver: canonical assets, their ids at each source, and quotes.
CREATE TABLE assets (
    asset_id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    symbol          TEXT        NOT NULL,
    name            TEXT        NOT NULL,
    normalized_name TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT assets_symbol_name_key UNIQUE (symbol, normalized_name)
);

CREATE TABLE asset_aliases (
    source          TEXT          NOT NULL,
    source_asset_id TEXT          NOT NULL,
    asset_id        BIGINT        NOT NULL REFERENCES assets (asset_id),
    match_method    TEXT          NOT NULL,
    confidence      NUMERIC(4, 3) NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (source, source_asset_id)
);
CREATE INDEX asset_aliases_asset_idx ON asset_aliases (asset_id);

CREATE TABLE market_quotes (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    asset_id       BIGINT      NOT NULL REFERENCES assets (asset_id),
    source         TEXT        NOT NULL,
    price_usd      NUMERIC     NOT NULL CHECK (price_usd >= 0),
    market_cap_usd NUMERIC CHECK (market_cap_usd >= 0),
    volume_24h_usd NUMERIC CHECK (volume_24h_usd >= 0),
    last_updated   TIMESTAMPTZ NOT NULL,
    raw_id         BIGINT      NOT NULL REFERENCES raw_records (id),
    run_id         BIGINT      NOT NULL REFERENCES etl_runs (run_id),
    CONSTRAINT market_quotes_asset_source_time_key UNIQUE (asset_id, source, last_updated)
);
CREATE INDEX market_quotes_time_idx ON market_quotes (last_updated DESC, id DESC);
CREATE INDEX market_quotes_source_time_idx ON market_quotes (source, last_updated DESC, id DESC);
CREATE INDEX assets_symbol_idx ON assets (symbol);

-- Records that reached bronze but could not be transformed into silver.
CREATE TABLE transform_failures (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source           TEXT        NOT NULL,
    raw_id           BIGINT      NOT NULL REFERENCES raw_records (id),
    source_record_id TEXT,
    run_id           BIGINT      NOT NULL REFERENCES etl_runs (run_id),
    error_type       TEXT        NOT NULL,
    error_message    TEXT        NOT NULL,
    payload          JSONB       NOT NULL,
    failed_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT transform_failures_raw_key UNIQUE (raw_id)
);
CREATE INDEX transform_failures_source_idx ON transform_failures (source, failed_at DESC);

CREATE TABLE schema_drift (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source       TEXT        NOT NULL,
    run_id       BIGINT REFERENCES etl_runs (run_id),
    detected_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    added        JSONB       NOT NULL DEFAULT '[]'::jsonb,
    removed      JSONB       NOT NULL DEFAULT '[]'::jsonb,
    type_changed JSONB       NOT NULL DEFAULT '[]'::jsonb,
    renamed      JSONB       NOT NULL DEFAULT '[]'::jsonb
);
CREATE INDEX schema_drift_source_idx ON schema_drift (source, detected_at DESC);

CREATE VIEW raw_csv AS SELECT * FROM raw_records WHERE source = 'csv';

-- db-scheduler's own table (cluster-safe schedules).
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
