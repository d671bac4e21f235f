#!/usr/bin/env bash
# Smoke test of a running Kasparro: one line per check, exit 1 when any check fails.
#
#   BASE_URL=http://host:8080 deploy/smoke.sh       (make smoke: the Compose stack)
#
# BASE_URL          the service (default http://localhost:8080)
# SMOKE_SOURCES     sources that must have ingested without internet access (default csv)
# KASPARRO_API_KEY  the API key; read from ./.env when unset. With it, a run is started through the API
#                   and /compare-runs is checked on two runs; without it those checks are skipped.
# COMPOSE           the Compose command of the stack (make smoke sets it). With it, the recovery check
#                   runs the stack's etl service against scratch databases on the stack's PostgreSQL.
# The rate-limit check comes last: it spends this client's request budget.
set -uo pipefail

BASE_URL=${BASE_URL:-http://localhost:8080}
BASE_URL=${BASE_URL%/}
SMOKE_SOURCES=${SMOKE_SOURCES:-csv}
COMPOSE=${COMPOSE:-}
if [ -z "${KASPARRO_API_KEY:-}" ] && [ -f .env ]; then
  KASPARRO_API_KEY=$(sed -n 's/^KASPARRO_API_KEY=//p' .env | tail -n 1)
fi
KASPARRO_API_KEY=${KASPARRO_API_KEY:-}

for tool in curl jq; do
  command -v "$tool" >/dev/null || { echo "smoke: needs $tool on the PATH" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); printf 'ok    %s\n' "$1"; }
bad() { failed=$((failed + 1)); printf 'FAIL  %s: %s\n' "$1" "$2"; }
skip() { printf 'skip  %s: %s\n' "$1" "$2"; }

# http METHOD PATH [curl options...]: sets $status; the body is in $work/body, headers in $work/headers.
http() {
  local method=$1 path=$2
  shift 2
  status=$(curl -sS -o "$work/body" -D "$work/headers" -w '%{http_code}' -X "$method" \
    --max-time 30 "$@" "$BASE_URL$path" 2>"$work/curl-error") || status=000
}
body() { cat "$work/body"; }
header() { tr -d '\r' <"$work/headers" | sed -n "s/^$1: *//Ip" | tail -n 1; }
# expect NAME STATUS JQ-FILTER: the last response has STATUS and the filter is true of its body.
expect() {
  local name=$1 want=$2 filter=$3
  if [ "$status" != "$want" ]; then
    bad "$name" "HTTP $status, expected $want $(head -c 300 "$work/body")$(cat "$work/curl-error")"
  elif ! jq -e "$filter" "$work/body" >/dev/null 2>&1; then
    bad "$name" "unexpected body $(head -c 300 "$work/body")"
  else
    ok "$name"
  fi
}

# --- the service answers -------------------------------------------------------------------------
http GET /health
expect "GET /health answers with the database up" 200 \
  '(.status == "ok" or .status == "degraded") and .database.status == "up"'

# --- ingestion happened --------------------------------------------------------------------------
for source in ${SMOKE_SOURCES//,/ }; do
  http GET "/runs?source=$source&status=success&limit=100"
  expect "a successful $source run that loaded records" 200 'any(.data[]; .records.loaded > 0)'
done
http GET "/data?limit=1"
expect "GET /data has quotes" 200 '.pagination.total > 0 and (.data | length) == 1'

# --- the API -------------------------------------------------------------------------------------
http GET "/data?symbol=BTC&limit=2"
expect "GET /data?symbol=BTC filters by symbol" 200 '(.data | length) == 2 and all(.data[]; .symbol == "BTC")'
first_page=$(jq -c '[.data[].id]' "$work/body" 2>/dev/null)
cursor=$(jq -r '.pagination.next_cursor // empty' "$work/body" 2>/dev/null)
btc_assets=$(jq -c '[.data[].asset_id] | unique' "$work/body" 2>/dev/null)

http GET "/data?symbol=BTC&limit=2&offset=2"
expect "GET /data pages by offset" 200 "(.data | length) == 2 and ([.data[].id] - $first_page) == [.data[].id]"
offset_page=$(jq -c '[.data[].id]' "$work/body" 2>/dev/null)

if [ -n "$cursor" ]; then
  http GET "/data?symbol=BTC&limit=2&cursor=$cursor"
  expect "GET /data pages by cursor (the same rows as by offset)" 200 "[.data[].id] == $offset_page"
else
  bad "GET /data pages by cursor" "the first page has no next_cursor"
fi

http GET "/assets?symbol=BTC"
expect "GET /assets?symbol=BTC is one asset, the one of every BTC quote" 200 \
  "(.data | length) == 1 and [.data[0].asset_id] == $btc_assets"

http GET /stats
filter='[.sources[].source] as $s | all($ARGS.positional[]; . as $x | $s | index($x))'
if [ "$status" = 200 ] && jq -e --args "$filter" ${SMOKE_SOURCES//,/ } "$work/body" >/dev/null 2>&1; then
  ok "GET /stats lists $SMOKE_SOURCES"
else
  bad "GET /stats lists $SMOKE_SOURCES" "HTTP $status $(head -c 300 "$work/body")"
fi

http GET "/runs?limit=5"
expect "GET /runs lists runs, paged" 200 \
  '(.data | length) > 0 and all(.data[]; .run_id > 0 and .status != null) and .pagination.total >= (.data | length)'

http GET /metrics
if [ "$status" = 200 ] && grep -q '^kasparro_etl_runs_total{' "$work/body" \
  && grep -q '^kasparro_etl_records_total{' "$work/body"; then
  ok "GET /metrics exports the ETL metrics"
else
  bad "GET /metrics exports the ETL metrics" "HTTP $status"
fi

http GET /docs -L
if [ "$status" = 200 ] && grep -qi 'swagger' "$work/body"; then ok "GET /docs serves Swagger UI"; else bad "GET /docs serves Swagger UI" "HTTP $status"; fi
http GET /openapi
expect "GET /openapi is an OpenAPI document" 200 '.openapi != null and (.paths | has("/data"))'

http GET "/data?limit=0"
if [ "$status" = 400 ] && header Content-Type | grep -q 'application/problem+json' \
  && jq -e '.parameter == "limit"' "$work/body" >/dev/null 2>&1; then
  ok "a bad parameter gets 400 problem+json naming it"
else
  bad "a bad parameter gets 400 problem+json naming it" "HTTP $status $(head -c 300 "$work/body")"
fi

http GET "/data?symbol=%zz"
if [ "$status" = 400 ] && header Content-Type | grep -q 'application/problem+json' \
  && jq -e '.parameter == "symbol"' "$work/body" >/dev/null 2>&1; then
  ok "a malformed percent-encoding gets 400 problem+json naming its parameter"
else
  bad "a malformed percent-encoding gets 400 problem+json naming its parameter" "HTTP $status $(head -c 300 "$work/body")"
fi

http POST /runs -H 'Content-Type: application/json' -d '{"source":"csv"}'
if [ "$status" = 401 ] || [ "$status" = 403 ]; then
  ok "a mutation without the key is refused ($status)"
else
  bad "a mutation without the key is refused" "HTTP $status"
fi

# A run started through the API, then the comparison of the source's last two runs.
if [ -n "$KASPARRO_API_KEY" ]; then
  source=${SMOKE_SOURCES%%[, ]*}
  http POST /runs -H 'Content-Type: application/json' -H "X-API-Key: $KASPARRO_API_KEY" \
    -d "{\"source\":\"$source\"}"
  run_id=$(jq -r '.run_id // empty' "$work/body" 2>/dev/null)
  if [ "$status" = 202 ] && [ -n "$run_id" ]; then
    run_status=running
    for _ in $(seq 120); do
      http GET "/runs/$run_id"
      run_status=$(jq -r '.status' "$work/body" 2>/dev/null)
      [ "$run_status" = running ] || break
      sleep 1
    done
    if [ "$run_status" = success ]; then ok "POST /runs with the key starts a $source run that succeeds"; else bad "POST /runs with the key" "run $run_id ended $run_status"; fi
  elif [ "$status" = 409 ]; then
    ok "POST /runs with the key: $source is already running (409)"
  else
    bad "POST /runs with the key starts a run" "HTTP $status $(head -c 300 "$work/body")"
  fi
  http GET "/compare-runs?source=$source"
  # A re-run over unchanged input found nothing new: not a zero_records anomaly.
  expect "GET /compare-runs compares the last two $source runs" 200 \
    '(.anomalies | type == "array") and all(.anomalies[]; .rule != "zero_records")'
else
  skip "POST /runs with the key, GET /compare-runs" "no KASPARRO_API_KEY (and no .env)"
fi

# --- recovery after a restart --------------------------------------------------------------------
# Three scratch databases on the stack's PostgreSQL, each run in a new container of the image:
# a clean ingestion; and a run made to fail by failure injection, then a clean run that resumes.
# The resumed pair must hold exactly what the clean ingestion holds.
recovery() {
  local name="recovery after a restart: a failed run resumes, nothing lost or doubled"
  local db_user=kasparro dbs="kasparro_smoke_clean kasparro_smoke_resumed"
  psql_in() { $COMPOSE exec -T -e PGOPTIONS=--client-min-messages=warning db psql -v ON_ERROR_STOP=1 -U "$db_user" -d "$1" -tAc "$2"; }
  run_etl() { # database, extra environment...
    local db=$1
    shift
    $COMPOSE --profile etl run --rm -e "SPRING_DATASOURCE_URL=jdbc:postgresql://db:5432/$db" \
      -e KASPARRO_SOURCES_CSV_BATCH_SIZE=100 "$@" etl run-once --source=csv >"$work/etl.log" 2>&1
  }
  counts() { psql_in "$1" "select (select count(*) from raw_records where source = 'csv') || ' ' ||
      (select count(*) from market_quotes where source = 'csv') || ' ' ||
      (select count(distinct payload_hash) from raw_records where source = 'csv')"; }
  for db in $dbs; do
    psql_in kasparro "drop database if exists $db" >/dev/null && psql_in kasparro "create database $db" >/dev/null \
      || { bad "$name" "cannot create the scratch database $db"; return; }
  done
  run_etl kasparro_smoke_clean || { bad "$name" "the clean run-once failed: $(tail -n 3 "$work/etl.log")"; return; }
  local clean; clean=$(counts kasparro_smoke_clean)
  run_etl kasparro_smoke_resumed -e KASPARRO_FAILUREINJECTION_FAILAFTERRECORDS_CSV=250
  local injected_exit=$?
  run_etl kasparro_smoke_resumed || { bad "$name" "the run after the failure did not succeed: $(tail -n 3 "$work/etl.log")"; return; }
  local resumed; resumed=$(counts kasparro_smoke_resumed)
  local runs; runs=$(psql_in kasparro_smoke_resumed "select string_agg(status || ':' || records_fetched || ':' ||
      records_inserted || ':' || records_duplicate, ' ' order by run_id) from etl_runs where source = 'csv'")
  for db in $dbs; do psql_in kasparro "drop database if exists $db" >/dev/null; done
  # runs: "failed:F1:I1:D1 success:F2:I2:D2"
  local first second
  read -r first second <<<"$runs"
  IFS=: read -r s1 _ i1 _ <<<"$first"
  IFS=: read -r s2 f2 i2 d2 <<<"$second"
  read -r raw quotes distinct <<<"$clean"
  if [ "$injected_exit" != 1 ] || [ "$s1" != failed ] || [ "$s2" != success ]; then
    bad "$name" "expected a failed run (exit 1) then a success, got exit $injected_exit and runs '$runs'"
  elif [ "$resumed" != "$clean" ] || [ "$raw" != "$distinct" ] || [ "$raw" -le 0 ]; then
    bad "$name" "bronze/silver/distinct rows after the resume '$resumed', after one clean ingestion '$clean'"
  elif [ $((i1 + i2)) != "$raw" ] || [ "$f2" != $((raw - i1)) ] || [ "$d2" != 0 ]; then
    bad "$name" "runs '$runs' do not add up to $raw rows read once"
  else
    ok "$name ($i1 rows committed before the failure, $i2 after, $raw in all)"
  fi
}
if [ -n "$COMPOSE" ]; then
  recovery
else
  skip "recovery after a restart" "needs the Compose stack (COMPOSE=docker-compose, as make smoke sets)"
fi

# --- rate limiting (last: it uses up this client's budget) ----------------------------------------
limited=""
for _ in $(seq 10); do
  # 100 requests over one connection per round, until one is refused.
  urls=()
  for _ in $(seq 100); do urls+=(-o /dev/null "$BASE_URL/data?limit=1"); done
  if curl -sS --max-time 60 -D "$work/burst" -w '%{http_code}\n' "${urls[@]}" 2>/dev/null | grep -q '^429$'; then
    limited=yes
    break
  fi
done
retry_after=$(tr -d '\r' <"$work/burst" | grep -i -m 1 '^retry-after:' | awk '{print $2}')
if [ -n "$limited" ] && [ -n "$retry_after" ]; then
  ok "a burst is rate-limited: 429 with Retry-After: $retry_after"
else
  bad "a burst is rate-limited" "no 429 with Retry-After within 1,000 requests"
fi

echo "smoke: $passed passed, $failed failed"
[ "$failed" = 0 ]
