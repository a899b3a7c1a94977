#!/usr/bin/env bash
# Webhook ingest: how many signed carrier events per second the server takes in (verified, applied to
# the parcels and committed, which is when it answers 200; any it could not apply then are queued for
# the worker), and how soon an open tracking page shows one. wrk posts pre-signed EasyPost
# `tracker.updated` bodies (each a new event for one of PARCELS parcels, never repeated); afterwards the
# applied events are counted against the acknowledged requests, so nothing may be lost. Meanwhile one
# tracking page's live stream is open and single events are timed from POST to the page's update.
#
#   bench/ingest.sh                                        # SQLite file
#   BENCH_DATABASE_URL=postgres://… bench/ingest.sh        # an empty PostgreSQL database
#   DURATION=20 CONNECTIONS=32 PARCELS=2000 SKIP_BUILD=1 bench/ingest.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PARCELS=${PARCELS:-2000}
BODIES=${BODIES:-300000}
PORT=${BENCH_PORT:-8091}
BASE="http://127.0.0.1:$PORT"
PY=.venv/bin/python
[[ -x $PY ]] || { echo "run scripts/install-test-deps.sh first" >&2; exit 1; }
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)" >&2; exit 1; }

if [[ -z ${PORCHLIGHT_BIN:-} ]]; then
    [[ ${SKIP_BUILD:-0} == 1 ]] || swift build -c release --scratch-path .build-release --product porchlight
    PORCHLIGHT_BIN="$(swift build -c release --scratch-path .build-release --show-bin-path)/porchlight"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/porchlight-bench-ingest.XXXXXX")
server=""
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; [[ ${BENCH_KEEP:-0} == 1 ]] || rm -rf "$work"; }
trap cleanup EXIT

export DATABASE_URL=${BENCH_DATABASE_URL:-sqlite://$work/bench.sqlite}
export LOG_LEVEL=${LOG_LEVEL:-error} PORT PUBLIC_URL=$BASE PORCHLIGHT_KEY_FILE=$work/porchlight.key
! curl -fs "$BASE/healthz" >/dev/null 2>&1 || { echo "port $PORT is already in use (BENCH_PORT picks another)" >&2; exit 1; }
"$PORCHLIGHT_BIN" migrate >/dev/null
key=$("$PORCHLIGHT_BIN" stores create --name "Ingest Bench" --slug ingest | "$PY" -c "import json,sys; print(json.load(sys.stdin)['api_key'])")
"$PORCHLIGHT_BIN" serve --hostname 127.0.0.1 --port "$PORT" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -fs "$BASE/healthz" >/dev/null && break; sleep 0.1; done

echo "== $PARCELS parcels through the API, $BODIES signed bodies"
"$PY" bench/ingest.py setup "$BASE" "$key" "$PARCELS" "$BODIES" "$work"
sql() {
    if [[ $DATABASE_URL == sqlite://* ]]; then
        "$PY" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "${DATABASE_URL#sqlite://}" "$1"
    else
        psql "$DATABASE_URL" -Atc "$1"
    fi
}
count_events() { sql "select count(*) from shipment_events"; }
pending_webhooks() { sql "select count(*) from jobs where type like 'carrier-webhook.%' and state in ('queued', 'running')"; }
before=$(count_events)

echo "== wrk: $CONNECTIONS connections, $THREADS threads, ${DURATION} s; live-page latency alongside"
"$PY" bench/ingest.py latency "$BASE" ingest "$(<"$work/token")" "$(printf '1ZINGEST%08d' 0)" 40 >"$work/latency.txt" &
latency=$!
# Where the two cores went during wrk: the server, the database server, and everything (wrk included).
server_cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
database_cpu() { local t=0; for p in $(pgrep -x postgres); do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo $t; }
busy_cpu() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
cpu_before=("$(server_cpu)" "$(database_cpu)" "$(busy_cpu)")
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/ingest.lua "$BASE/webhooks/easypost/ingest" \
    -- "$work/bodies.tsv" "$THREADS" | tee "$work/wrk.txt"
cpu_after=("$(server_cpu)" "$(database_cpu)" "$(busy_cpu)")
ended=$(date +%s.%N)
echo "== waiting for the worker to apply anything that was queued rather than applied at once"
while (( $(pending_webhooks) > 0 )); do sleep 0.5; done
drained=$(date +%s.%N)
wait "$latency" || true
after=$(count_events)
requests=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
errors=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.txt"); errors=${errors:-0}
stored=$((after - before - 40))
echo "== result ($(date -u +%F), $(nproc) cores, ${DATABASE_URL%%:*})"
echo "acknowledged: $((requests - errors)) of $requests requests; events applied: $stored (besides the 40 latency probes)"
# wrk's own clock starts after it has loaded the bodies; anything still queued when it stops adds its drain time.
seconds=$(awk '/requests in/ {sub(/s,$/, "", $4); print $4}' "$work/wrk.txt")
awk -v n="$stored" -v w="$seconds" -v a="$ended" -v b="$drained" 'BEGIN { printf "applied: %.0f events/s (from the first request until none was left queued, %.1f s)\n", n / (w + b - a), w + b - a }'
[[ $stored -ge $((requests - errors)) ]] && echo "nothing lost: every acknowledged event was applied" || echo "LOST EVENTS"
cat "$work/latency.txt"
hz=$(getconf CLK_TCK)
awk -v s=$((cpu_after[0] - cpu_before[0])) -v d=$((cpu_after[1] - cpu_before[1])) -v b=$((cpu_after[2] - cpu_before[2])) \
    -v hz="$hz" -v t="$DURATION" 'BEGIN { printf "CPU during wrk (cores busy): server %.2f, PostgreSQL %.2f, whole machine %.2f of %d\n", s / hz / t, d / hz / t, b / hz / t, '"$(nproc)"' }'
