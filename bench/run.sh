#!/usr/bin/env bash
# The issue-3 benchmark in one command: builds the jar if missing, generates (or reuses) a
# database of N requests, starts the server and a plain-Jetty ceiling, drives each scenario with
# wrk, and writes a Markdown table to bench/results/<date>.md. See the README, "Benchmarks".
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: bench/run.sh [options]

  --requests N        requests in the database (default 10000000)
  --data-dir DIR      where the benchmark database lives (default ./bench-data)
  --duration D        measured time per scenario, wrk syntax (default 15s)
  --warmup D          pre-warm per scenario, discarded (default 20s; DEPENDENCIES.md trap 15)
  --post-warmup D     pre-warm of the POST scenario, whose longer code path the JIT needs about
                      two minutes for (default 120s)
  --settle N          after the warm-up, up to N more 10 s runs, discarded, until one gains
                      less than 5% on the one before: the JIT settles in 20 s on a fast
                      machine, in about 75 s on a slow one (default 12; 0 with --smoke)
  --connections N     wrk connections (default 16)
  --threads N         wrk threads (default 2)
  --only LIST         comma list of scenarios: ceiling,services,definition,get_one,paged50,
                      radius500,post,export,http_export,import (default all)
  --import-rows N     rows in the synthetic Chicago CSV imported (default 1000000)
  --pool-size N       the server's --db-pool-size (default: the server's own default)
  --http-export PATH  path of the HTTP export under /open311/v2/ (default export/requests.csv)
  --quiet-wait S      before each measurement, wait up to S seconds for other processes to use
                      at most --quiet-limit % of the machine (default 600; 0 with --smoke)
  --quiet-limit P     (default 10)
  --no-cache-warm     do not read the database files once before starting (by default they
                      are, so the OS caches them as it would for a long-running server; when
                      they exceed 70% of free memory, only the request table and its indexes)
  --smoke             tiny run to check the script: 2000 requests in ./bench-data/smoke,
                      2 s per scenario, 2 s warm-up, 2000 import rows
  -h, --help          this text

Environment: BENCH_JVM_OPTS overrides the server's JVM options
(default: -Xms512m -Xmx512m -XX:+UseParallelGC -XX:+AlwaysPreTouch).
Needs wrk, curl, jstat (JDK), psql (to sample request ids; optional) and Maven to build.
EOF
}

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$ROOT/bench
# shellcheck source=bench/lib.sh
source "$BENCH/lib.sh"

REQUESTS=10000000
DATA_DIR=./bench-data
DURATION=15s
WARMUP=20s
POST_WARMUP=120s
SETTLE=12
CONNECTIONS=16
THREADS=2
ONLY=all
IMPORT_ROWS=1000000
POOL_SIZE=
HTTP_EXPORT=export/requests.csv
QUIET_WAIT=600
QUIET_LIMIT=10
CACHE_WARM=1
SMOKE=0
PORT=18080
CEILING_PORT=18081
SERVER_JVM_OPTS=${BENCH_JVM_OPTS:--Xms512m -Xmx512m -XX:+UseParallelGC -XX:+AlwaysPreTouch}
EXPORT_JVM_OPTS="-Xmx256m -XX:+UseParallelGC"

while [[ $# -gt 0 ]]; do
  case $1 in
    --requests) REQUESTS=$2; shift 2 ;;
    --data-dir) DATA_DIR=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --post-warmup) POST_WARMUP=$2; shift 2 ;;
    --settle) SETTLE=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    --import-rows) IMPORT_ROWS=$2; shift 2 ;;
    --pool-size) POOL_SIZE=$2; shift 2 ;;
    --http-export) HTTP_EXPORT=$2; shift 2 ;;
    --quiet-wait) QUIET_WAIT=$2; shift 2 ;;
    --quiet-limit) QUIET_LIMIT=$2; shift 2 ;;
    --no-cache-warm) CACHE_WARM=0; shift ;;
    --smoke) SMOKE=1; REQUESTS=2000; DATA_DIR=./bench-data/smoke; DURATION=2s; WARMUP=2s; POST_WARMUP=2s
             SETTLE=0
             IMPORT_ROWS=2000; QUIET_WAIT=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option $1" ;;
  esac
done

for tool in wrk curl java jstat; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done
cd "$ROOT"
mkdir -p "$DATA_DIR"
DATA_DIR=$(cd "$DATA_DIR" && pwd)
JAR=$ROOT/api/target/open311-server.jar
STAMP=$(date +%Y-%m-%d-%H%M)
RUN_DIR=$DATA_DIR/runs/$STAMP
mkdir -p "$RUN_DIR" "$BENCH/results"
REPORT=$BENCH/results/$STAMP.md
[[ $SMOKE == 1 ]] && REPORT=$BENCH/results/$STAMP-smoke.md
BASE=http://127.0.0.1:$PORT/open311/v2
SERVER_PID= CEILING_PID= SCRATCH_PID=

wanted() { [[ $ONLY == all || ,$ONLY, == *,$1,* ]]; }

stop_process() {
  local pid=$1
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  stop_process "$SCRATCH_PID"
  stop_process "$CEILING_PID"
  stop_process "$SERVER_PID"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- 1. The jar -------------------------------------------------------------------------------
if [[ ! -f $JAR ]]; then
  log "building the jar (mvn -B -q package -DskipTests)"
  mvn -B -q package -DskipTests
fi
# True when this build has the command: its own usage line names it (the root's does not).
has_command() { java -jar "$JAR" "$@" --help 2>&1 | grep -q "^Usage: open311-server $* "; }

# --- 2. The database: generated once, reused after --------------------------------------------
MARKER=$DATA_DIR/bench-requests
if [[ -f $MARKER && $(cat "$MARKER") != "$REQUESTS" ]]; then
  die "$DATA_DIR holds $(cat "$MARKER") requests, not $REQUESTS: pick another --data-dir"
fi
if [[ ! -f $MARKER ]] && has_command generate; then
  log "generating $REQUESTS requests in $DATA_DIR (once; later runs reuse them)"
  java -Xmx1g -jar "$JAR" generate --requests "$REQUESTS" --data-dir "$DATA_DIR"
  echo "$REQUESTS" > "$MARKER"
fi

# A server that has run for a while has its tables in memory; a fresh start would measure the
# disk instead. Reading the files once puts them in the operating system's cache.
if [[ $CACHE_WARM == 1 && -d $DATA_DIR/postgres/base ]]; then
  size_kb=$(du -sk "$DATA_DIR/postgres/base" | cut -f1)
  available_kb=$(awk '/^MemAvailable:/ { print $2 }' /proc/meminfo)
  if (( size_kb < available_kb * 7 / 10 )); then
    log "reading the database files once ($((size_kb / 1024)) MB) so the OS caches them"
    find "$DATA_DIR/postgres/base" -type f -exec cat {} + > /dev/null
  else
    log "the database ($((size_kb / 1024)) MB) exceeds 70% of free memory: reading only the"
    log "request table and its indexes, once the server is up"
    CACHE_WARM=hot
  fi
fi

# --- 3. The server and the ceiling ------------------------------------------------------------
log "starting the server ($SERVER_JVM_OPTS) on $DATA_DIR"
# shellcheck disable=SC2086
java $SERVER_JVM_OPTS -jar "$JAR" serve --host 127.0.0.1 --port "$PORT" --data-dir "$DATA_DIR" \
  ${POOL_SIZE:+--db-pool-size "$POOL_SIZE"} > "$RUN_DIR/server.log" 2>&1 &
SERVER_PID=$!
# shellcheck disable=SC2086
java $SERVER_JVM_OPTS -jar "$JAR" bench ceiling --port "$CEILING_PORT" > "$RUN_DIR/ceiling.log" 2>&1 &
CEILING_PID=$!
wait_for_http "$BASE/discovery.json" 180 || { tail -20 "$RUN_DIR/server.log"; die "the server did not start"; }
wait_for_http "http://127.0.0.1:$CEILING_PORT/" 30 || die "the ceiling did not start"
PG_PID=$(postgres_pid "$DATA_DIR")
PG_PORT=$(postgres_port "$DATA_DIR")
PG_VERSION=$(grep -o 'embedded PostgreSQL [0-9][0-9.]*' "$RUN_DIR/server.log" | head -1 | cut -d' ' -f3)
# What a long-running server keeps in memory when the whole database does not fit: the table
# every read scenario touches, with its indexes (notes stay on disk).
if [[ $CACHE_WARM == hot ]] && command -v psql >/dev/null; then
  hot_files=$(psql -qAt -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c \
    "select pg_relation_filepath(c.oid) from pg_class c
      where c.oid = 'service_request'::regclass
         or c.oid in (select indexrelid from pg_index where indrelid = 'service_request'::regclass)")
  hot_kb=0
  for f in $hot_files; do
    for segment in "$DATA_DIR/postgres/$f" "$DATA_DIR/postgres/$f".*; do
      [[ -f $segment ]] && hot_kb=$((hot_kb + $(du -k "$segment" | cut -f1)))
    done
  done
  log "reading the request table and its indexes once ($((hot_kb / 1024)) MB)"
  for f in $hot_files; do
    cat "$DATA_DIR/postgres/$f" "$DATA_DIR/postgres/$f".* > /dev/null 2>&1 || true
  done
fi
API_KEY=$(java -jar "$JAR" apikey create --name "bench-$STAMP-$$" --data-dir "$DATA_DIR" \
  2> "$RUN_DIR/apikey.log" | tail -n 1)

if [[ ! -f $MARKER ]]; then
  # No generate command in this build: small databases are filled through POST instead.
  (( REQUESTS <= 20000 )) || die "this build has no 'generate' command; fill $DATA_DIR with $REQUESTS requests, then write $REQUESTS to $MARKER"
  log "no 'generate' command: filing $REQUESTS requests through POST"
  seed_config=$RUN_DIR/seed.curl
  for ((i = 0; i < REQUESTS; i++)); do
    (( i == 0 )) || echo next
    printf 'url = "%s/requests.json"\ndata = "api_key=%s&service_code=SGA&lat=41.%04d&long=-87.%04d&attribute%%5BWHERERAT%%5D%%5B%%5D=ALLEY&attribute%%5BGARBALLY%%5D=Y"\noutput = "/dev/null"\n' \
      "$BASE" "$API_KEY" $((7000 + RANDOM % 2800)) $((6000 + RANDOM % 2000))
  done > "$seed_config"
  curl -sS -K "$seed_config"
  echo "$REQUESTS" > "$MARKER"
fi

IDS_FILE=$RUN_DIR/ids.txt
: > "$IDS_FILE"
VACUUMED=
if command -v psql >/dev/null; then
  # A database generated or loaded recently may still be in its first autovacuum, which the
  # quiet wait cannot see (its workers are the server's PostgreSQL's own children): on a fresh
  # 10M-request database it ran through every scenario of a run, with get_one, paged50,
  # radius500 and POST 11-28% slower. Vacuum now, without autovacuum's cost delay (a VACUUM
  # that waits for autovacuum's lock has it cancelled); on a vacuumed database this reads only
  # the pages changed since, in seconds.
  log "vacuuming and analyzing the database before measuring"
  vacuum_start=$(date +%s)
  psql -qAt -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "vacuum (analyze)" \
    > "$RUN_DIR/vacuum.log" 2>&1 || log "vacuum failed (see $RUN_DIR/vacuum.log); measuring anyway"
  VACUUMED=$(( $(date +%s) - vacuum_start ))
  log "vacuumed in ${VACUUMED} s"
  sample=$(awk -v n="$REQUESTS" 'BEGIN { p = 100 * 200000 / n; printf "%.4f", (p > 100 ? 100 : p) }')
  psql -qAt -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
    -c "select service_request_id from service_request tablesample system ($sample) limit 100000" \
    > "$IDS_FILE" || : > "$IDS_FILE"
  # Earlier runs' POSTs add to the generated requests: report what the database holds.
  STORED=$(psql -qAt -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c \
    "select count(*) || ' requests, ' || coalesce(sum(cardinality(areas)), 0) || ' area tags'
       from service_request" || echo "")
  SETTINGS=$(psql -qAt -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -F= -c \
    "select name, current_setting(name) from pg_settings where name in
     ('shared_buffers','fsync','synchronous_commit','commit_delay','max_connections')
     order by name" | paste -sd' ' -)
fi
log "$(wc -l < "$IDS_FILE") request ids sampled for get_one"

source "$BENCH/scenarios.sh"
