# The scale curve (bench/run.sh --scale), sourced by run.sh once its cluster, jar and helpers are
# ready. At each table size of --scale-rows, the same measurements: /data (first page, a symbol's
# page, a cursor page --depth pages deep), /assets and candles under wrk against pgbench on the same
# statements; the exact total; table and index sizes; deleting the oldest partition's rows against
# dropping it; then a run-once of --scale-ingest more rows. The history that brings the tables to
# each size is generated straight into raw_records and market_quotes in SQL (the run path is not
# what it measures): quotes of the 2,000 assets every 3 minutes (960,000 a day), backwards in time
# from the first ingested row, each with its bronze row.

IFS=, read -r -a SIZES <<< "$SCALE_ROWS"
# The plot needs matplotlib: Debian's python3-matplotlib, for Debian's python3 if the first
# python3 on the PATH (a pyenv one, say) has none.
REPORT_PY=python3
if ! python3 -c 'import matplotlib' 2> /dev/null; then
  REPORT_PY=/usr/bin/python3
  /usr/bin/python3 -c 'import matplotlib' 2> /dev/null || apt_install python3-matplotlib
fi
put mode scale
put scale_sizes "$SCALE_ROWS"
put scale_ingest "$SCALE_INGEST"
sql postgres "DROP DATABASE baseline"
migrate kasparro
if [[ $STATEMENTS -eq 1 ]]; then sql kasparro "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"; fi
PG_VERSION_NUM=$(sql postgres "SHOW server_version_num")

# Where PostgreSQL's side of an ingest goes: per COPY statement, its buffers (found in
# shared_buffers, read in from the OS, dirtied, written out by the backend itself), block I/O time
# and WAL (records, full-page images, bytes); for the whole run the WAL and who wrote the dirty
# buffers (checkpointer, background writer, backends). Counters are reset after a CHECKPOINT.
profile_reset() {
  sql postgres "CHECKPOINT"
  sql kasparro "SELECT pg_stat_reset_shared('wal'), pg_stat_reset_shared('bgwriter')" > /dev/null
  if [[ $STATEMENTS -eq 1 ]]; then sql kasparro "SELECT pg_stat_statements_reset()" > /dev/null; fi
}
profile_put() {
  local label=$1 table read_time=blk_read_time write_time=blk_write_time
  put "${label}_wal" "$(sql kasparro "SELECT wal_records || ' ' || wal_fpi || ' ' || wal_bytes || ' '
      || round(wal_write_time) || ' ' || round(wal_sync_time) FROM pg_stat_wal")"
  # PostgreSQL 17 moved the checkpointer's and backends' counts out of pg_stat_bgwriter and renamed
  # pg_stat_statements' block times; on 17 and later the writers are left out.
  if (( PG_VERSION_NUM < 170000 )); then
    put "${label}_writers" "$(sql kasparro "SELECT buffers_checkpoint || ' ' || buffers_clean || ' '
        || buffers_backend || ' ' || checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter")"
  else
    read_time=shared_blk_read_time write_time=shared_blk_write_time
  fi
  if [[ $STATEMENTS -eq 1 ]]; then
    for table in raw_records market_quotes; do
      put "${label}_copy_${table}" "$(sql kasparro "
        SELECT sum(calls) || ' ' || round(sum(total_exec_time)) || ' ' || sum(rows) || ' '
            || sum(shared_blks_hit) || ' ' || sum(shared_blks_read) || ' ' || sum(shared_blks_dirtied)
            || ' ' || sum(shared_blks_written) || ' ' || round(sum($read_time)) || ' '
            || round(sum($write_time)) || ' ' || sum(wal_fpi) || ' ' || sum(wal_bytes)
          FROM pg_stat_statements WHERE starts_with(query, 'COPY $table ')")"
    done
  fi
}

# A run-once of $SCALE_INGEST rows appended to the file, with its profile, under the label $1.
ingest() {
  $M gen-csv "$CSV" "$NEXT_ROW" "$SCALE_INGEST" append
  NEXT_ROW=$((NEXT_ROW + SCALE_INGEST))
  profile_reset
  run_once "$1"
  profile_put "$1"
}
wal_compression() {
  sql postgres "ALTER SYSTEM SET wal_compression = $1"
  sql postgres "SELECT pg_reload_conf()" > /dev/null
}

# The assets and their aliases come from a real run: one quote of each asset.
say "seed: run-once of one row per asset"
$M gen-csv "$CSV" 0 2000 new
run_once seed
NEXT_ROW=2000
STEPS=0
START="timestamptz '2026-11-20 00:00:00+00'"

# The bulk generation writes the tables without their secondary indexes and unique constraints
# (maintaining a unique index of random hashes row by row costs more than building it once), then
# rebuilds each exactly as the migrations define it. Both primary keys stay (ids only grow: each
# insert lands at the right edge of its index). The tables stay LOGGED, as in production; their
# indexes, constraints and partitions are compared before and after, and the run stops if they
# differ in anything.
SCHEMA_FINGERPRINT="
  SELECT string_agg(line, E'\n' ORDER BY line) FROM (
    SELECT 'index ' || i.indexrelid::regclass || ' ' || pg_get_indexdef(i.indexrelid)
           || ' valid=' || i.indisvalid || ' ready=' || i.indisready || ' of='
           || coalesce((SELECT inhparent::regclass::text FROM pg_inherits WHERE inhrelid = i.indexrelid), '-')
      FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
     WHERE c.relname ~ '^(raw_records|market_quotes)'
    UNION ALL
    SELECT 'constraint ' || conrelid::regclass || ' ' || conname::text || ' ' || pg_get_constraintdef(oid)
           || ' index=' || coalesce(conindid::regclass::text, '-')
      FROM pg_constraint WHERE conrelid::regclass::text ~ '^(raw_records|market_quotes)'
    UNION ALL
    SELECT 'table ' || c.oid::regclass || ' kind=' || c.relkind::text || ' persistence=' || c.relpersistence::text
           || ' options=' || coalesce(c.reloptions::text, '-') || ' bound='
           || coalesce(pg_get_expr(c.relpartbound, c.oid), '-')
      FROM pg_class c WHERE c.relname ~ '^(raw_records|market_quotes)' AND c.relkind IN ('r', 'p')) t (line)"
DROP_SECONDARY="
  ALTER TABLE raw_records DROP CONSTRAINT raw_records_source_payload_hash_key;
  DROP INDEX raw_records_run_idx;
  ALTER TABLE market_quotes DROP CONSTRAINT market_quotes_asset_source_time_key;
  DROP INDEX market_quotes_time_idx, market_quotes_source_time_idx, market_quotes_price_idx;"
# As V1 and V7 (raw_records) and V20 (market_quotes) define them, each built once per session;
# the two sessions run side by side.
REBUILD_RAW=(
  "VACUUM raw_records"
  "ALTER TABLE raw_records ADD CONSTRAINT raw_records_source_payload_hash_key UNIQUE (source, payload_hash)"
  "CREATE INDEX raw_records_run_idx ON raw_records (run_id)"
  "ANALYZE raw_records")
REBUILD_QUOTES=(
  "VACUUM market_quotes"
  "ALTER TABLE market_quotes ADD CONSTRAINT market_quotes_asset_source_time_key UNIQUE (asset_id, last_updated, source)"
  "CREATE INDEX market_quotes_time_idx ON market_quotes (last_updated DESC, id DESC)"
  "CREATE INDEX market_quotes_source_time_idx ON market_quotes (source, last_updated DESC, id DESC)"
  "CREATE INDEX market_quotes_price_idx ON market_quotes (price_usd, id)"
  "ANALYZE market_quotes")
GEN_STREAMS=2
GEN_CHUNK=250

# One statement: history steps [$1, $2) of every asset into bronze and quotes, the bronze ids
# $3 + (step - $4) * assets + (the asset's rank). Each payload is the very text json_build_object
# gives for the row (the CSV source's shape), built by concatenation from per-asset and per-step
# parts; its hash is its sha256.
generate_chunk() {
  local s0=$1 s1=$2 base=$3 from=$4
  PGOPTIONS="-c work_mem=256MB" sql kasparro "
  WITH a AS MATERIALIZED (
    SELECT asset_id, symbol, row_number() OVER (ORDER BY asset_id) - 1 AS i,
           (asset_id % 997) + 1 AS base,
           '{\"file\" : \"history.csv\", \"row\" : {\"symbol\" : ' || to_json(symbol)::text
           || ', \"name\" : ' || to_json(name)::text || ', \"price_usd\" : \"' AS head
      FROM assets),
  st AS MATERIALIZED (
    SELECT s, $START - (s + 1) * interval '3 minutes' AS t,
           '\", \"last_updated\" : \"' || to_char(($START - (s + 1) * interval '3 minutes') AT TIME ZONE 'UTC',
                                                'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') || '\"}}' AS tail
      FROM generate_series($s0, $s1 - 1) s),
  v AS MATERIALIZED (
    SELECT $base + (st.s - $from) * (SELECT count(*) FROM assets) + a.i AS raw_id, a.asset_id,
           a.symbol, a.head, st.tail, st.t, round(a.base * (1 + 0.0001 * (st.s % 97)), 6) AS price
      FROM st CROSS JOIN a),
  raw AS (
    INSERT INTO raw_records (id, source, run_id, source_record_id, payload, payload_hash)
    OVERRIDING SYSTEM VALUE
    SELECT raw_id, 'csv', 1, symbol, p::json, sha256(convert_to(p, 'UTF8'))
      FROM (SELECT raw_id, symbol,
                   head || price::text || '\", \"market_cap_usd\" : \"' || (price * 10000000)::bigint::text
                   || '\", \"volume_24h_usd\" : \"' || (price * 100000)::bigint::text || tail AS p
              FROM v) payloads)
  INSERT INTO market_quotes (asset_id, source, price_usd, market_cap_usd, volume_24h_usd,
                             last_updated, raw_id, run_id)
  SELECT asset_id, 'csv', price, (price * 10000000)::bigint, (price * 100000)::bigint, t, raw_id, 1
    FROM v"
}

# Runs the statements given, in order, in one session with a large maintenance_work_mem.
maintenance_session() {
  local args=() statement
  for statement in "$@"; do args+=(-c "$statement"); done
  PGOPTIONS="-c maintenance_work_mem=2GB" "$PSQL" "${PGCONN[@]}" -X -q -v ON_ERROR_STOP=1 -At \
    -d kasparro "${args[@]}"
}

# Generates history steps [$1, $2) (3 minutes apart, step 0 the first before the ingested rows)
# into the partitions of their months: $GEN_STREAMS sessions on disjoint ranges of steps, then the
# indexes and constraints rebuilt. Puts the seconds of each phase under the label $3.
generate_history() {
  local from=$1 to=$2 label=$3 assets base fingerprint t0 t1 t2 pids=() stream
  sql kasparro "SELECT kasparro_create_quote_partition(m)
    FROM generate_series($START - $to * interval '3 minutes', $START, interval '1 day') m" > /dev/null
  fingerprint=$(sql kasparro "$SCHEMA_FINGERPRINT")
  assets=$(sql kasparro "SELECT count(*) FROM assets")
  t0=$(now)
  sql kasparro "$DROP_SECONDARY"
  base=$(sql kasparro "SELECT nextval(pg_get_serial_sequence('raw_records', 'id'))")
  sql kasparro "SELECT setval(pg_get_serial_sequence('raw_records', 'id'), $base + $(( (to - from) * assets )) - 1)" > /dev/null
  for ((stream = 0; stream < GEN_STREAMS; stream++)); do
    (
      for ((s0 = from + stream * GEN_CHUNK; s0 < to; s0 += GEN_STREAMS * GEN_CHUNK)); do
        generate_chunk "$s0" $(( s0 + GEN_CHUNK < to ? s0 + GEN_CHUNK : to )) "$base" "$from"
      done
    ) &
    pids+=($!)
  done
  for stream in "${pids[@]}"; do wait "$stream" || { echo "history generation failed" >&2; exit 1; }; done
  t1=$(now)
  maintenance_session "${REBUILD_RAW[@]}" &
  pids=($!)
  maintenance_session "${REBUILD_QUOTES[@]}" &
  pids+=($!)
  for stream in "${pids[@]}"; do wait "$stream" || { echo "rebuilding the indexes failed" >&2; exit 1; }; done
  sql kasparro "VACUUM ANALYZE assets, asset_aliases, etl_runs"
  t2=$(now)
  if [[ $(sql kasparro "$SCHEMA_FINGERPRINT") != "$fingerprint" ]]; then
    diff <(echo "$fingerprint") <(sql kasparro "$SCHEMA_FINGERPRINT") >&2
    echo "the rebuilt indexes or constraints differ from the schema's" >&2
    exit 1
  fi
  put "${label}_insert_s" "$(elapsed "$t0" "$t1")"
  put "${label}_rebuild_s" "$(elapsed "$t1" "$t2")"
}

for size in "${SIZES[@]}"; do
  L=s$size
  have=$(sql kasparro "SELECT count(*) FROM market_quotes")
  if (( size > have )); then
    steps=$(( (size - have + 1999) / 2000 ))
    say "generating $((steps * 2000)) quotes and their bronze rows in SQL (to $size)"
    t0=$(now)
    generate_history "$STEPS" $((STEPS + steps)) "$L"
    STEPS=$((STEPS + steps))
    put "${L}_generate_s" "$(elapsed "$t0" "$(now)")"
  fi
  put "${L}_counts" "$(sql kasparro "SELECT (SELECT count(*) FROM raw_records) || ' ' || (SELECT count(*) FROM market_quotes)")"
  put "${L}_partitions" "$(sql kasparro "SELECT count(*) FROM pg_partition_tree('market_quotes') WHERE isleaf")"
  put "${L}_bytes" "$(sql kasparro "
    SELECT (SELECT sum(pg_table_size(relid)) FROM pg_partition_tree('market_quotes')) || ' '
        || (SELECT sum(pg_indexes_size(relid)) FROM pg_partition_tree('market_quotes')) || ' '
        || pg_table_size('raw_records') || ' ' || pg_indexes_size('raw_records')")"

  start_api "-$size"
  SYMBOL_ID=$(sql kasparro "SELECT asset_id FROM assets WHERE symbol = 'SYN0042'")
  measure_load "${L}_first" "$API/data?limit=$PAGE"
  measure_load "${L}_filtered" "$API/data?symbol=SYN0042&limit=$PAGE"
  quotes=$(sql kasparro "SELECT count(*) FROM market_quotes")
  skip=$((DEPTH * PAGE))
  (( skip < quotes )) || skip=$(( (quotes - 1) / PAGE * PAGE ))
  put "${L}_depth_pages" "$((skip / PAGE))"
  say "walking /data $skip rows deep for a real cursor"
  cursor=$($M deep-cursor "$API" "sort=-last_updated" "$skip")
  expected=$(sql kasparro "SELECT id FROM market_quotes ORDER BY last_updated DESC, id DESC OFFSET $skip LIMIT 1")
  actual=$($M first-id "$API/data?limit=$PAGE&cursor=$cursor")
  put "${L}_deep_first_id_ok" "$([[ $expected == "$actual" ]] && echo yes || echo "no: $actual, expected $expected")"
  measure_load "${L}_deep" "$API/data?limit=$PAGE&cursor=$cursor"
  measure_load "${L}_assets" "$API/assets?symbol=SYN0042"
  measure_load "${L}_candles" "$API/assets/$SYMBOL_ID/candles?interval=15m&from=2026-11-19T12:00:00Z&to=2026-11-20T00:00:00Z"
  stop_api

  # The exact total of every quote, alone, one client.
  echo "SELECT count(*) FROM market_quotes q JOIN assets a ON a.asset_id = q.asset_id;" > "$OUT/count.sql"
  "$PGBENCH" "${PGCONN[@]}" -n -M prepared -c 1 -T 5 -f "$OUT/count.sql" kasparro > "$OUT/${L}_count.pgbench" 2>&1
  put "${L}_count_ms" "$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$OUT/${L}_count.pgbench")"

  # A DROP of the oldest partition against a DELETE of the same rows; both rolled back, so the
  # next size keeps them (a rolled-back DROP leaves out freeing the files: see the end). Times are
  # PostgreSQL's (psql \timing), not the process's.
  oldest=$(sql kasparro "SELECT tableoid::regclass FROM market_quotes ORDER BY last_updated LIMIT 1")
  put "${L}_oldest" "$oldest $(sql kasparro "SELECT count(*) FROM $oldest")"
  "$PSQL" "${PGCONN[@]}" -X -q -v ON_ERROR_STOP=1 -d kasparro > "$OUT/${L}_retention.txt" <<SQL
\\timing on
CHECKPOINT;
BEGIN;
DELETE FROM $oldest;
ROLLBACK;
CHECKPOINT;
BEGIN;
DROP TABLE $oldest;
ROLLBACK;
SQL
  put "${L}_delete_ms" "$(grep -o 'Time: [0-9.]*' "$OUT/${L}_retention.txt" | sed -n 3p | cut -d' ' -f2)"
  put "${L}_drop_ms" "$(grep -o 'Time: [0-9.]*' "$OUT/${L}_retention.txt" | sed -n 7p | cut -d' ' -f2)"

  say "run-once of $SCALE_INGEST more rows at $size quotes"
  ingest "${L}_ingest"
  # The same again with the WAL's full-page images compressed (wal_compression = lz4), to tell how
  # much of the ingest's growth is writing whole index pages into the WAL.
  say "run-once of $SCALE_INGEST more rows at $size quotes, wal_compression = lz4"
  wal_compression lz4
  ingest "${L}_ingest_lz4"
  wal_compression DEFAULT
  sql kasparro "VACUUM ANALYZE"
done

# At the end, retention's own way on the oldest partition, committed: DETACH in one transaction
# (the only part that locks market_quotes), then DROP of the detached table (its files freed).
oldest=$(sql kasparro "SELECT tableoid::regclass FROM market_quotes ORDER BY last_updated LIMIT 1")
put final_oldest "$oldest $(sql kasparro "SELECT count(*) FROM $oldest")"
put final_oldest_bytes "$(sql kasparro "SELECT pg_total_relation_size('$oldest')")"
printf '\\timing on\nBEGIN;\nALTER TABLE market_quotes DETACH PARTITION %s;\nCOMMIT;\nDROP TABLE %s;\n' \
  "$oldest" "$oldest" | "$PSQL" "${PGCONN[@]}" -X -q -v ON_ERROR_STOP=1 -d kasparro > "$OUT/final_drop.txt"
put final_detach_ms "$(grep -o 'Time: [0-9.]*' "$OUT/final_drop.txt" | sed -n '2p;3p' | cut -d' ' -f2 | python3 -c 'import sys; print(sum(float(x) for x in sys.stdin))')"
put final_drop_ms "$(grep -o 'Time: [0-9.]*' "$OUT/final_drop.txt" | sed -n 4p | cut -d' ' -f2)"
# What the file system under the cluster takes to free a file of written blocks: 2 GB written,
# synced, then removed (timed), as a DROP's commit removes its files.
dd if=/dev/zero of="$WORK/freeing-probe" bs=1M count=2048 conv=fsync status=none
t0=$(now)
rm "$WORK/freeing-probe"
put fs_free_2g_s "$(elapsed "$t0" "$(now)")"
put fs_mount "$(findmnt -no FSTYPE,OPTIONS --target "$WORK" | tr -s ' ' '|')"
put load_end "$(cut -d' ' -f1-3 /proc/loadavg)"

$REPORT_PY "$HERE/lib/scale_report.py" "$RESULTS" "$OUT/scale.png" | tee "$OUT/report.txt"
say "results, logs and SQL in $OUT; plot in $OUT/scale.png"
