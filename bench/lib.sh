# Helpers of bench/run.sh: wrk output parsing, CPU and memory sampling. Sourced, not run.

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# wrk prints latencies as 812.00us, 1.20ms or 1.02s; this gives milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n = n * 60000;
    else if (v ~ /s$/) n = n * 1000
    printf "%.2f", n }'
}

# Sets RPS P50 P99 NON2XX ERRORS WRK_REQUESTS from a wrk --latency report.
parse_wrk() {
  local file=$1
  RPS=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$file")
  WRK_REQUESTS=$(awk '/requests in/ { print $1 }' "$file")
  P50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$file")")
  P99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$file")")
  NON2XX=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$file")
  NON2XX=${NON2XX:-0}
  ERRORS=$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$file")
  ERRORS=${ERRORS:-0}
}

# CPU time (clock ticks) of a process and of all its direct children (PostgreSQL's backends).
process_ticks() {
  local pid=$1 total=0 child
  [[ -n $pid && -r /proc/$pid/stat ]] || { echo 0; return; }
  total=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
  for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do
    if [[ -r /proc/$child/stat ]]; then
      total=$((total + $(awk '{ print $14 + $15 }' "/proc/$child/stat" 2>/dev/null || echo 0)))
    fi
  done
  echo "$total"
}

# Busy ticks of the whole machine (all cores): everything but idle and iowait.
machine_busy_ticks() {
  awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat
}

# Our processes' ticks: the server JVM, the ceiling JVM and PostgreSQL with its backends.
our_ticks() {
  local total=0 pid
  for pid in "$@"; do
    total=$((total + $(process_ticks "$pid")))
  done
  echo "$total"
}

# Samples the JVM heap every second in the background: jstat -gc columns S0C S1C S0U S1U EC EU OC OU.
start_heap_sampler() {
  local pid=$1 file=$2
  jstat -gc "$pid" 1000 > "$file" 2>/dev/null &
  HEAP_SAMPLER=$!
}

# Sets HEAP_USED_MB (the most used at any sample, garbage included) and HEAP_COMMITTED_MB.
stop_heap_sampler() {
  local file=$1
  kill "$HEAP_SAMPLER" 2>/dev/null || true
  wait "$HEAP_SAMPLER" 2>/dev/null || true
  read -r HEAP_USED_MB HEAP_COMMITTED_MB < <(awk '
    $1 ~ /^[0-9.]+$/ {
      used = $3 + $4 + $6 + $8; committed = $1 + $2 + $5 + $7
      if (used > max_used) max_used = used
      if (committed > max_committed) max_committed = committed
    }
    END { if (max_committed == 0) print "- -"; else printf "%.0f %.0f\n", max_used / 1024, max_committed / 1024 }' "$file")
}

# Sets RSS_MB (now) and RSS_PEAK_MB (the process's high-water mark).
read_rss() {
  local pid=$1
  RSS_MB=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
  RSS_PEAK_MB=$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
}

# Waits until a URL answers (any HTTP status), up to $2 seconds.
wait_for_http() {
  local url=$1 seconds=$2 i
  for ((i = 0; i < seconds * 2; i++)); do
    if curl -s -o /dev/null "$url"; then return 0; fi
    sleep 0.5
  done
  return 1
}

# The embedded PostgreSQL's port, from postmaster.pid (its fourth line).
postgres_port() { sed -n 4p "$1/postgres/postmaster.pid"; }
postgres_pid() { sed -n 1p "$1/postgres/postmaster.pid"; }

# Percent with $3 decimals (default 1), or "-" when the reference is missing.
percent() {
  awk -v a="$1" -v b="$2" -v d="${3:-1}" \
    'BEGIN { if (b + 0 > 0) printf "%." d "f", 100 * a / b; else printf "-" }'
}

# "met" or "not met" for value >= target (or <= when $3 is "max").
verdict() {
  awk -v v="$1" -v t="$2" -v kind="${3:-min}" 'BEGIN {
    if (v == "" || v == "-") { print "n/a"; exit }
    ok = kind == "max" ? v + 0 <= t + 0 : v + 0 >= t + 0
    print ok ? "met" : "**not met**" }'
}

# "busy-ticks target-ticks postgres-ticks other-ours-ticks seconds" for cpu_figures.
cpu_snapshot() {
  echo "$(machine_busy_ticks) $(process_ticks "$1") $(process_ticks "$PG_PID")" \
    "$(our_ticks "$SERVER_PID" "$CEILING_PID" "$SCRATCH_PID")" "$(date +%s.%N)"
}

# Sets SERVER_US and PG_US (CPU microseconds per request) and OTHER (percent of the machine
# used by processes other than ours and wrk) from two cpu_snapshot lines, wrk's "user system"
# seconds and the number of requests.
cpu_figures() {
  read -r SERVER_US PG_US OTHER < <(awk -v a="$1" -v b="$2" -v w="$3" -v n="$4" \
    -v hz="$CLK_TCK" -v cores="$NCPU" 'BEGIN {
      split(a, x, " "); split(b, y, " "); split(w, c, " ")
      seconds = y[5] - x[5]; pg = y[3] - x[3]; ours = y[4] - x[4] + pg
      foreign = (y[1] - x[1]) - ours - (c[1] + c[2]) * hz
      if (foreign < 0) foreign = 0
      share = 100 * foreign / (seconds * hz * cores); if (share > 100) share = 100
      server = n > 0 ? (y[2] - x[2]) * 1e6 / hz / n : 0
      postgres = n > 0 ? pg * 1e6 / hz / n : 0
      printf "%.0f %.0f %.0f%%\n", server, postgres, share }')
}

# Waits until processes other than ours use at most QUIET_LIMIT % of the machine, sampled
# over 3 s, for up to QUIET_WAIT seconds: on a shared machine a neighbour's build would otherwise
# be measured as our slowness. Sets WAITED to the seconds waited.
wait_for_quiet() {
  local start=$SECONDS before after share
  WAITED=0
  (( QUIET_WAIT > 0 )) || return 0
  while :; do
    WAITED=$((SECONDS - start))
    before=$(cpu_snapshot "$SERVER_PID")
    sleep 3
    after=$(cpu_snapshot "$SERVER_PID")
    cpu_figures "$before" "$after" "0 0" 0
    share=${OTHER%\%}
    (( share <= QUIET_LIMIT )) && break
    if (( SECONDS - start >= QUIET_WAIT )); then
      log "other processes still use $share% of the machine after ${QUIET_WAIT}s: measuring anyway"
      break
    fi
    log "other processes use $share% of the machine: waiting for quiet"
    sleep 5
  done
}
