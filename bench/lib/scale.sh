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

# The assets and their aliases come from a real run: one quote of each asset.
say "seed: run-once of one row per asset"
$M gen-csv "$CSV" 0 2000 new
run_once seed
NEXT_ROW=2000
STEPS=0
START="timestamptz '2026-11-20 00:00:00+00'"

# Generates history steps [$1, $2) (3 minutes apart, step 0 the first before the ingested rows),
# a million rows a statement, into the partitions of their months.
generate_history() {
  local from=$1 to=$2 chunk=500 s0 s1
  sql kasparro "SELECT kasparro_create_quote_partition(m)
    FROM generate_series($START - $to * interval '3 minutes', $START, interval '1 day') m" > /dev/null
  for ((s0 = from; s0 < to; s0 += chunk)); do
    s1=$(( s0 + chunk < to ? s0 + chunk : to ))
    sql kasparro "
    WITH v AS MATERIALIZED (
      SELECT nextval(pg_get_serial_sequence('raw_records', 'id')) AS raw_id, a.asset_id, a.symbol,
             a.name, round(((a.asset_id % 997) + 1) * (1 + 0.0001 * (s % 97)), 6) AS price,
             $START - (s + 1) * interval '3 minutes' AS t
        FROM generate_series($s0, $s1 - 1) s CROSS JOIN assets a),
    raw AS (
      INSERT INTO raw_records (id, source, run_id, source_record_id, payload, payload_hash)
      OVERRIDING SYSTEM VALUE
      SELECT raw_id, 'csv', 1, symbol, p::json, sha256(convert_to(p, 'UTF8'))
        FROM (SELECT raw_id, symbol,
                     json_build_object('file', 'history.csv', 'row', json_build_object(
                       'symbol', symbol, 'name', name, 'price_usd', price::text,
                       'market_cap_usd', (price * 10000000)::bigint::text,
                       'volume_24h_usd', (price * 100000)::bigint::text,
                       'last_updated', to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')))::text AS p
                FROM v) payloads)
    INSERT INTO market_quotes (asset_id, source, price_usd, market_cap_usd, volume_24h_usd,
                               last_updated, raw_id, run_id)
    SELECT asset_id, 'csv', price, (price * 10000000)::bigint, (price * 100000)::bigint, t, raw_id, 1
      FROM v"
  done
}

for size in "${SIZES[@]}"; do
  L=s$size
  have=$(sql kasparro "SELECT count(*) FROM market_quotes")
  if (( size > have )); then
    steps=$(( (size - have + 1999) / 2000 ))
    say "generating $((steps * 2000)) quotes and their bronze rows in SQL (to $size)"
    t0=$(now)
    generate_history "$STEPS" $((STEPS + steps))
    STEPS=$((STEPS + steps))
    sql kasparro "VACUUM ANALYZE"
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
  $M gen-csv "$CSV" "$NEXT_ROW" "$SCALE_INGEST" append
  NEXT_ROW=$((NEXT_ROW + SCALE_INGEST))
  run_once "${L}_ingest"
  sql kasparro "VACUUM ANALYZE"
done

# At the end, retention's own way on the oldest partition, committed: DETACH in one transaction
# (the only part that locks market_quotes), then DROP of the detached table (its files freed).
oldest=$(sql kasparro "SELECT tableoid::regclass FROM market_quotes ORDER BY last_updated LIMIT 1")
put final_oldest "$oldest $(sql kasparro "SELECT count(*) FROM $oldest")"
printf '\\timing on\nBEGIN;\nALTER TABLE market_quotes DETACH PARTITION %s;\nCOMMIT;\nDROP TABLE %s;\n' \
  "$oldest" "$oldest" | "$PSQL" "${PGCONN[@]}" -X -q -v ON_ERROR_STOP=1 -d kasparro > "$OUT/final_drop.txt"
put final_detach_ms "$(grep -o 'Time: [0-9.]*' "$OUT/final_drop.txt" | sed -n '2p;3p' | cut -d' ' -f2 | python3 -c 'import sys; print(sum(float(x) for x in sys.stdin))')"
put final_drop_ms "$(grep -o 'Time: [0-9.]*' "$OUT/final_drop.txt" | sed -n 4p | cut -d' ' -f2)"
put load_end "$(cut -d' ' -f1-3 /proc/loadavg)"

$REPORT_PY "$HERE/lib/scale_report.py" "$RESULTS" "$OUT/scale.png" | tee "$OUT/report.txt"
say "results, logs and SQL in $OUT; plot in $OUT/scale.png"
