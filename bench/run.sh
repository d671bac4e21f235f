#!/usr/bin/env bash
# Kasparro benchmark: ingest against psql \copy, incremental runs, heap, and /data against pgbench.
# Every figure is printed with its ratio to a baseline measured in the same run. See BENCHMARKS.md.
#
#   bench/run.sh [--rows N] [--duration SECONDS] [--connections N] [--depth PAGES]
#                [--profile] [--no-build] [--keep] [--out DIR] [--shared-buffers SIZE]
#   bench/run.sh --scale [--scale-rows N,N,...] [--scale-ingest N] [--duration S] [...]
#
#   --rows         market rows to generate (default 1000000, about 85 MB of CSV)
#   --duration     seconds of each wrk and pgbench measurement (default 10)
#   --connections  concurrent HTTP connections (wrk) and database clients (pgbench) (default 4)
#   --depth        how deep the cursor page is, in pages of 50 rows (default 10000)
#   --profile      record the full ingest with JFR and print where its samples fall
#   --no-build     use the jar already in target/ instead of running ./mvnw package
#   --keep         keep the throwaway PostgreSQL cluster and data (printed at the end)
#   --out          where results, logs and recordings go (default target/bench/<time>)
#   --shared-buffers  the cluster's shared_buffers (default 512MB)
#   --scale        the scale curve instead: the same measurements at each table size (below)
#   --scale-rows   quotes in market_quotes at each step (default 1000000,10000000,50000000),
#                  generated straight into the tables (bronze and silver) in SQL
#   --scale-ingest rows of the run-once measured at each step (default 1000000)
#
# It needs root or sudo-free access to apt-get only when wrk or PostgreSQL is missing. It starts
# its own PostgreSQL cluster in a temporary directory on 127.0.0.1 and removes it afterwards; all
# traffic stays on loopback and every load step is bounded by --duration.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
ROWS=1000000
DURATION=10
CONNECTIONS=4
DEPTH=10000
PAGE=50
PROFILE=0
BUILD=1
KEEP=0
OUT=""
SCALE=0
SCALE_ROWS=1000000,10000000,50000000
SCALE_INGEST=1000000
SHARED_BUFFERS=512MB
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) ROWS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --depth) DEPTH=$2; shift 2 ;;
    --profile) PROFILE=1; shift ;;
    --no-build) BUILD=0; shift ;;
    --keep) KEEP=1; shift ;;
    --out) OUT=$2; shift 2 ;;
    --scale) SCALE=1; shift ;;
    --scale-rows) SCALE_ROWS=$2; shift 2 ;;
    --scale-ingest) SCALE_INGEST=$2; shift 2 ;;
    --shared-buffers) SHARED_BUFFERS=$2; shift 2 ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
OUT=${OUT:-$REPO/target/bench/$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
RESULTS=$OUT/results.txt
: > "$RESULTS"
M="python3 $HERE/lib/measure.py"

say() { printf '%s  %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
put() { echo "$1=$2" >> "$RESULTS"; }
now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.3f}')"; }

# ---------------------------------------------------------------------------------------------
# Tools
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  say "installing $* from Debian's packages"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" > "$OUT/apt.log" 2>&1 \
    || { as_root apt-get update -qq >> "$OUT/apt.log" 2>&1 \
      && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >> "$OUT/apt.log" 2>&1; }
}
command -v java > /dev/null || { echo "java 17+ is needed" >&2; exit 1; }
command -v python3 > /dev/null || apt_install python3
command -v curl > /dev/null || apt_install curl
command -v wrk > /dev/null || apt_install wrk
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -1; }
[[ -n $(pg_bin) && -x $(pg_bin)/initdb ]] || apt_install postgresql
PG=$(pg_bin)
PSQL=$PG/psql
PGBENCH=$PG/pgbench

if [[ $BUILD -eq 1 ]]; then
  say "building the jar (./mvnw -q package -DskipTests)"
  (cd "$REPO" && ./mvnw -q -B package -DskipTests)
fi
JAR=$(ls "$REPO"/target/kasparro-*.jar | grep -v -- '-plain' | head -1)

# ---------------------------------------------------------------------------------------------
# A throwaway PostgreSQL cluster on loopback, owned by the postgres user when run as root.
WORK=$(mktemp -d /tmp/kasparro-bench.XXXXXX)
chmod 755 "$WORK"
mkdir -p "$WORK/data" "$WORK/pglog"
PG_USER=$(id -un)
if [[ $(id -u) -eq 0 ]]; then
  PG_USER=postgres
  id postgres > /dev/null 2>&1 || useradd --system --home-dir "$WORK" postgres
  chown postgres "$WORK/pglog"
fi
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
HTTP_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
SERVE_PID=""
cleanup() {
  set +e
  if [[ -n $SERVE_PID ]]; then
    kill "$SERVE_PID" 2> /dev/null
    wait "$SERVE_PID" 2> /dev/null
  fi
  if [[ -f $WORK/pg/postmaster.pid ]]; then
    as_pg "$PG/pg_ctl" -D "$WORK/pg" stop -m fast > /dev/null 2>&1 || true
  fi
  if [[ $KEEP -eq 0 ]]; then rm -rf "$WORK"; else say "kept $WORK"; fi
}
trap cleanup EXIT

say "starting a throwaway PostgreSQL ($($PG/postgres --version)) on 127.0.0.1:$PGPORT"
mkdir -p "$WORK/pg"
if [[ $PG_USER == postgres ]]; then chown postgres "$WORK/pg"; fi
as_pg "$PG/initdb" -D "$WORK/pg" -U postgres -A trust -E UTF8 --locale=C > "$OUT/initdb.log"
PG_SETTINGS=(
  -c listen_addresses=127.0.0.1 -c "port=$PGPORT" -c "unix_socket_directories=$WORK/pg"
  -c "shared_buffers=$SHARED_BUFFERS" -c max_wal_size=4GB -c checkpoint_timeout=30min
  -c logging_collector=on -c log_destination=csvlog -c "log_directory=$WORK/pglog"
  -c log_filename=postgresql.log
)
# Where the database time of the ingest goes, per statement, when the extension is installed.
STATEMENTS=0
if [[ -f $("$PG/pg_config" --sharedir)/extension/pg_stat_statements.control ]]; then
  STATEMENTS=1
  PG_SETTINGS+=(-c shared_preload_libraries=pg_stat_statements)
fi
# The scale curve's ingest profile also times block and WAL reads and writes.
if [[ $SCALE -eq 1 ]]; then
  PG_SETTINGS+=(-c track_io_timing=on -c track_wal_io_timing=on)
fi
as_pg "$PG/pg_ctl" -D "$WORK/pg" -l "$WORK/pglog/startup.log" -w -o "${PG_SETTINGS[*]}" start > /dev/null
POSTMASTER=$(head -1 "$WORK/pg/postmaster.pid")
PGCONN=(-h 127.0.0.1 -p "$PGPORT" -U postgres)
sql() { "$PSQL" "${PGCONN[@]}" -X -q -v ON_ERROR_STOP=1 -At -d "$1" -c "$2"; }
cluster_cpu() { $M cluster-cpu "$POSTMASTER"; }
sql postgres "CREATE DATABASE baseline"
sql postgres "CREATE DATABASE kasparro"

put rows "$ROWS"
put cores "$(nproc)"
put load_start "$(cut -d' ' -f1-3 /proc/loadavg)"
put postgres "$($PG/postgres --version | sed 's/.*) //')"
put java "$(java -version 2>&1 | head -1 | sed 's/.*version //; s/"//g')"
put pg_settings "shared_buffers=$SHARED_BUFFERS max_wal_size=4GB checkpoint_timeout=30min, fsync and synchronous_commit on$([[ $SCALE -eq 1 ]] && echo ', track_io_timing and track_wal_io_timing on')"

# wrk on one API request against pgbench running the statements that request ran, as PostgreSQL
# logged them (log_min_duration_statement = 0 for that request only), with its bound values as
# pgbench variables: both sides run the same prepared statements with the same parameters.
CLIENT_THREADS=$(( CONNECTIONS < 2 ? CONNECTIONS : 2 ))
measure_load() {
  local name=$1 url=$2 offset line
  # The request is made once before, so the statements logged are those of a warm connection.
  curl -sf -o /dev/null "$url"
  offset=$(stat -c %s "$WORK/pglog/postgresql.csv")
  sql postgres "ALTER SYSTEM SET log_min_duration_statement = 0"
  sql postgres "SELECT pg_reload_conf()" > /dev/null
  sleep 0.3
  curl -sf -o /dev/null "$url"
  sql postgres "ALTER SYSTEM RESET log_min_duration_statement"
  sql postgres "SELECT pg_reload_conf()" > /dev/null
  sleep 0.3
  $M pgbench-script "$WORK/pglog/postgresql.csv" "$offset" "$OUT/$name.sql" "$OUT/$name.defines"
  local defines=()
  while IFS= read -r line; do [[ -n $line ]] && defines+=(-D "$line"); done < "$OUT/$name.defines"

  say "$name: wrk ${DURATION}s, then pgbench ${DURATION}s, $CONNECTIONS connections"
  wrk -t"$CLIENT_THREADS" -c"$CONNECTIONS" -d3s "$url" > /dev/null
  wrk -t"$CLIENT_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url" > "$OUT/$name.wrk"
  put "${name}_api" "$($M wrk "$OUT/$name.wrk")"
  rm -f "$OUT/$name.pgbench-log".*
  "$PGBENCH" "${PGCONN[@]}" -n -M prepared -c "$CONNECTIONS" -j "$CLIENT_THREADS" -T 3 \
    "${defines[@]}" -f "$OUT/$name.sql" kasparro > /dev/null 2>&1
  (cd "$OUT" && "$PGBENCH" "${PGCONN[@]}" -n -M prepared -c "$CONNECTIONS" -j "$CLIENT_THREADS" \
    -T "$DURATION" -l --log-prefix="$name.pgbench-log" "${defines[@]}" -f "$OUT/$name.sql" \
    kasparro > "$OUT/$name.pgbench" 2>&1)
  put "${name}_sql" "$($M pgbench "$OUT/$name.pgbench" "$OUT/$name.pgbench-log")"
  put "${name}_statements" "$(wc -l < "$OUT/$name.sql")"
  rm -f "$OUT/$name.pgbench-log".*
}

# The service on the kasparro database, its schedules off; waits until it answers.
API=http://127.0.0.1:$HTTP_PORT
start_api() {
  say "starting the API on 127.0.0.1:$HTTP_PORT"
  java -jar "$JAR" serve --server.address=127.0.0.1 --server.port="$HTTP_PORT" \
    --kasparro.scheduling.run-at-startup=false --db-scheduler.enabled=false \
    --kasparro.api.rate-limit.enabled=false > "$OUT/serve${1:-}.log" 2>&1 &
  SERVE_PID=$!
  for _ in $(seq 1 240); do
    curl -sf -o /dev/null "$API/data?limit=1" && return 0
    kill -0 "$SERVE_PID" 2> /dev/null || { echo "the API did not start; see $OUT/serve${1:-}.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "the API did not answer in 120 s; see $OUT/serve${1:-}.log" >&2
  exit 1
}
stop_api() {
  kill "$SERVE_PID" 2> /dev/null && wait "$SERVE_PID" 2> /dev/null || true
  SERVE_PID=""
}

# Applies the schema (Flyway, by the jar itself) to a database, running nothing.
migrate() {
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$1" SPRING_DATASOURCE_USERNAME=postgres \
    KASPARRO_SOURCES_CSV_PATH=$WORK/data/none.csv KASPARRO_SOURCES_COINGECKO_ENABLED=false \
    KASPARRO_SOURCES_COINPAPRIKA_ENABLED=false KASPARRO_SOURCES_RSS_ENABLED=false \
    java -jar "$JAR" run-once --source=csv > "$OUT/migrate-$1.log" 2>&1 || true
  [[ $(sql "$1" "SELECT to_regclass('market_quotes') IS NOT NULL") == t ]] \
    || { echo "the schema was not applied to $1; see $OUT/migrate-$1.log" >&2; exit 1; }
}

# A run-once of the CSV source on $CSV, timed: the run's own time, the process's, the CPU of the
# JVM and of the cluster, peak heap.
CSV=$WORK/data/market.csv
export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PGPORT/kasparro"
export SPRING_DATASOURCE_USERNAME=postgres
export KASPARRO_SOURCES_CSV_PATH=$CSV
# Only the CSV source: the network sources would try to reach the internet.
export KASPARRO_SOURCES_COINGECKO_ENABLED=false KASPARRO_SOURCES_COINPAPRIKA_ENABLED=false
export KASPARRO_SOURCES_RSS_ENABLED=false
run_once() {
  local label=$1
  shift
  sql postgres "CHECKPOINT"
  local cpu0 t0 t1
  cpu0=$(cluster_cpu)
  t0=$(now)
  /usr/bin/time -f '%e %U %S %M' -o "$OUT/$label.time" \
    java -Xmx256m "-Xlog:gc:file=$OUT/$label.gc.log" "$@" -jar "$JAR" run-once --source=csv \
    > "$OUT/$label.log" 2>&1 || { echo "run-once ($label) failed; see $OUT/$label.log" >&2; exit 1; }
  t1=$(now)
  put "${label}_wall_s" "$(elapsed "$t0" "$t1")"
  put "${label}_pg_cpu_s" "$(elapsed "$cpu0" "$(cluster_cpu)")"
  read -r _ user sys rss < "$OUT/$label.time"
  put "${label}_java_cpu_s" "$(python3 -c "print(f'{$user + $sys:.2f}')")"
  put "${label}_rss_mb" "$((rss / 1024))"
  put "${label}_run" "$(sql kasparro "SELECT duration_ms || ' ' || status || ' ' || records_fetched || ' '
      || records_inserted || ' ' || records_loaded || ' ' || records_failed
      FROM etl_runs ORDER BY run_id DESC LIMIT 1")"
  put "${label}_heap" "$($M gc-peak "$OUT/$label.gc.log")"
}

if [[ $SCALE -eq 1 ]]; then
  # shellcheck source=lib/scale.sh
  source "$HERE/lib/scale.sh"
  exit 0
fi

# ---------------------------------------------------------------------------------------------
# Data
say "generating $ROWS market rows"
$M gen-csv "$CSV" 0 "$ROWS" new
$M gen-bronze-copy "$WORK/data/bronze.copy" "$(basename "$CSV")" 0 "$ROWS"
put csv_bytes "$(stat -c %s "$CSV")"

# ---------------------------------------------------------------------------------------------
# (1) Baseline: psql \copy of the same rows, as bronze payloads with their hashes, into a table
# shaped like raw_records (same columns, keys and indexes; payload json, as raw_records keeps it
# since V8). The same into a jsonb payload column, as the issue first put it, for reference.
for payload_type in json jsonb; do
  sql baseline "
  CREATE TABLE bronze_$payload_type (
      id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      source           TEXT        NOT NULL,
      run_id           BIGINT      NOT NULL,
      source_record_id TEXT,
      payload          ${payload_type^^} NOT NULL,
      payload_hash     BYTEA       NOT NULL,
      ingested_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
      UNIQUE (source, payload_hash)
  );
  CREATE INDEX ON bronze_$payload_type (run_id);"
  sql postgres "CHECKPOINT"
  say "(1) baseline: psql \\copy into a bronze-shaped table, payload $payload_type"
  cpu0=$(cluster_cpu)
  t0=$(now)
  "$PSQL" "${PGCONN[@]}" -X -q -v ON_ERROR_STOP=1 -d baseline -c "\\copy bronze_$payload_type \
    (source, run_id, source_record_id, payload, payload_hash) FROM '$WORK/data/bronze.copy'"
  t1=$(now)
  suffix=$([[ $payload_type == json ]] && echo "" || echo "_jsonb")
  put "copy${suffix}_s" "$(elapsed "$t0" "$t1")"
  put "copy${suffix}_pg_cpu_s" "$(elapsed "$cpu0" "$(cluster_cpu)")"
  put "copy${suffix}_rows" "$(sql baseline "SELECT count(*) FROM bronze_$payload_type")"
done
sql postgres "DROP DATABASE baseline"

# (1b) The floor: the same bronze rows into raw_records and the same silver rows (the values the
# CSV source derives, generated) into market_quotes, of a database the jar itself migrated: the
# very tables, constraints, indexes and partitions a run writes, by psql \copy, one after the other.
say "(1b) floor: psql \\copy into raw_records and market_quotes of a migrated database"
sql postgres "CREATE DATABASE floor"
migrate floor
$M gen-silver-copy "$WORK/data/silver.copy" 0 "$ROWS"
sql floor "SELECT kasparro_create_quote_partition(min(last_updated)), kasparro_create_quote_partition(max(last_updated))
  FROM (VALUES (timestamptz '2026-11-20T00:00:00Z'),
               (timestamptz '2026-11-20T00:00:00Z' + ($ROWS / 2000 + 1) * interval '1 minute')) t (last_updated)" > /dev/null
sql postgres "CHECKPOINT"
cpu0=$(cluster_cpu)
t0=$(now)
"$PSQL" "${PGCONN[@]}" -X -q -v ON_ERROR_STOP=1 -d floor -c "\\copy raw_records \
  (source, run_id, source_record_id, payload, payload_hash) FROM '$WORK/data/bronze.copy'"
t1=$(now)
"$PSQL" "${PGCONN[@]}" -X -q -v ON_ERROR_STOP=1 -d floor -c "\\copy market_quotes \
  (asset_id, source, price_usd, market_cap_usd, volume_24h_usd, last_updated, raw_id, run_id) \
  FROM '$WORK/data/silver.copy'"
t2=$(now)
put floor_s "$(elapsed "$t0" "$t2")"
put floor_bronze_s "$(elapsed "$t0" "$t1")"
put floor_silver_s "$(elapsed "$t1" "$t2")"
put floor_pg_cpu_s "$(elapsed "$cpu0" "$(cluster_cpu)")"
put floor_rows "$(sql floor "SELECT (SELECT count(*) FROM raw_records) || ' ' || (SELECT count(*) FROM market_quotes)")"
sql postgres "DROP DATABASE floor"
rm -f "$WORK/data/bronze.copy" "$WORK/data/silver.copy"

# ---------------------------------------------------------------------------------------------
# (2)-(4) Kasparro run-once: full file, unchanged file, 1 % appended; heap from GC logs.
say "migrating the kasparro database (not timed)"
migrate kasparro

JFR=()
if [[ $PROFILE -eq 1 ]]; then
  JFR=("-XX:FlightRecorderOptions=stackdepth=256"
    "-XX:StartFlightRecording=filename=$OUT/ingest.jfr,settings=profile")
fi
if [[ $STATEMENTS -eq 1 ]]; then
  sql kasparro "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
  sql kasparro "SELECT pg_stat_statements_reset()" > /dev/null
fi
say "(2) run-once on the file"
run_once full "${JFR[@]}"
if [[ $STATEMENTS -eq 1 ]]; then
  "$PSQL" "${PGCONN[@]}" -X -q -d kasparro -c "
    SELECT calls, round(total_exec_time::numeric / 1000, 2) AS seconds, rows,
           left(regexp_replace(query, '\s+', ' ', 'g'), 80) AS statement
      FROM pg_stat_statements
     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'kasparro')
     ORDER BY total_exec_time DESC LIMIT 8" > "$OUT/ingest-statements.txt"
fi
put full_counts "$(sql kasparro "SELECT (SELECT count(*) FROM raw_records) || ' ' || (SELECT count(*) FROM market_quotes)")"

say "(3) run-once on the unchanged file"
run_once unchanged
APPEND=$((ROWS / 100))
$M gen-csv "$CSV" "$ROWS" "$APPEND" append
say "(3) run-once with $APPEND rows appended"
run_once appended
put appended_rows "$APPEND"
put appended_counts "$(sql kasparro "SELECT (SELECT count(*) FROM raw_records) || ' ' || (SELECT count(*) FROM market_quotes)")"
sql kasparro "VACUUM ANALYZE"

if [[ $PROFILE -eq 1 ]]; then
  jfr print --json --stack-depth 64 --events jdk.ExecutionSample,jdk.NativeMethodSample "$OUT/ingest.jfr" > "$OUT/ingest-samples.json"
  $M jfr-top "$OUT/ingest-samples.json" 15 > "$OUT/profile.txt"
  rm -f "$OUT/ingest-samples.json"
fi

# ---------------------------------------------------------------------------------------------
# (5) /data under load: wrk on the API against pgbench running the SQL the API ran.
start_api

SYMBOL=SYN0042
declare -A URLS=(
  [first]="/data?source=csv&limit=$PAGE"
  [symbol]="/data?symbol=$SYMBOL&limit=$PAGE"
)
QUOTES=$(sql kasparro "SELECT count(*) FROM market_quotes WHERE source = 'csv'")
SKIP=$((DEPTH * PAGE))
if (( SKIP >= QUOTES )); then
  DEPTH=$(( (QUOTES - 1) / PAGE ))
  SKIP=$((DEPTH * PAGE))
fi
put depth_pages "$DEPTH"
say "walking /data to page $DEPTH for a real cursor"
CURSOR=$($M deep-cursor "$API" "source=csv" "$SKIP")
if [[ -n $CURSOR ]]; then
  URLS[deep]="/data?source=csv&limit=$PAGE&cursor=$CURSOR"
  put deep_kind cursor
else
  URLS[deep]="/data?source=csv&limit=$PAGE&offset=$SKIP"
  put deep_kind "offset (this build has no cursor)"
fi
expected=$(sql kasparro "SELECT id FROM market_quotes WHERE source = 'csv'
  ORDER BY last_updated DESC, id DESC OFFSET $SKIP LIMIT 1")
actual=$($M first-id "$API${URLS[deep]}")
put deep_first_id_ok "$([[ $expected == "$actual" ]] && echo yes || echo "no: $actual, expected $expected")"

for name in first deep symbol; do
  measure_load "$name" "$API${URLS[$name]}"
  put "${name}_url" "${URLS[$name]}"
done

# What an exact total costs: count(*) of every csv quote, alone, one client.
echo "SELECT count(*) FROM market_quotes q JOIN assets a ON a.asset_id = q.asset_id WHERE q.source = 'csv';" \
  > "$OUT/count.sql"
"$PGBENCH" "${PGCONN[@]}" -n -M prepared -c 1 -T 5 -f "$OUT/count.sql" kasparro > "$OUT/count.pgbench" 2>&1
put count_ms "$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$OUT/count.pgbench")"
put count_rows "$QUOTES"
put load_end "$(cut -d' ' -f1-3 /proc/loadavg)"

stop_api
python3 "$HERE/lib/report.py" "$RESULTS" | tee "$OUT/report.txt"
if [[ -f $OUT/ingest-statements.txt ]]; then
  echo
  echo "Database time of the full ingest (2) by statement (pg_stat_statements):"
  cat "$OUT/ingest-statements.txt"
fi
if [[ -f $OUT/profile.txt ]]; then
  echo
  echo "JFR profile of the full ingest:"
  cat "$OUT/profile.txt"
fi
say "results, logs and SQL in $OUT"
