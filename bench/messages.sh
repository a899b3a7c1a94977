#!/usr/bin/env bash
# Mail throughput: plans MESSAGES due confirmation emails, drains them with `porchlight worker --drain`
# into a local SMTP sink (aiosmtpd), and compares messages/s with the sink's own maximum measured alone.
# Confirms zero duplicates and zero losses by counting distinct Message-IDs at the sink.
#
#   bench/messages.sh                      # 100,000 messages on a fresh SQLite file
#   MESSAGES=20000 SKIP_BUILD=1 bench/messages.sh
#   BENCH_DATABASE_URL=postgres://… bench/messages.sh   # a fresh, empty PostgreSQL database
#   WORKERS=2 BENCH_DATABASE_URL=postgres://… bench/messages.sh   # several worker processes share the queue
#
# Builds a release binary once per run into .build-release (SKIP_BUILD=1 reuses it, PORCHLIGHT_BIN overrides).
set -euo pipefail
cd "$(dirname "$0")/.."

MESSAGES=${MESSAGES:-100000}
WORKERS=${WORKERS:-1}
CONCURRENCY=${WORKER_CONCURRENCY:-8}
PY=.venv/bin/python
[[ -x $PY ]] || { echo "run scripts/install-test-deps.sh first (it makes .venv with aiosmtpd)" >&2; exit 1; }

if [[ -z ${PORCHLIGHT_BIN:-} ]]; then
    [[ ${SKIP_BUILD:-0} == 1 ]] || swift build -c release --scratch-path .build-release --product porchlight
    PORCHLIGHT_BIN="$(swift build -c release --scratch-path .build-release --show-bin-path)/porchlight"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/porchlight-bench-mail.XXXXXX")
sink_pid=""
cleanup() { [[ -n $sink_pid ]] && kill "$sink_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

start_sink() {
    rm -f "$work/ready"
    "$PY" scripts/smtp-sink.py --port 0 --count-only --ready-file "$work/ready" >"$work/$1.json" &
    sink_pid=$!
    for _ in $(seq 100); do [[ -s $work/ready ]] && break; sleep 0.1; done
    SINK=$(<"$work/ready")
}
stop_sink() { kill "$sink_pid"; wait "$sink_pid" || true; sink_pid=""; cat "$work/$1.json"; }

echo "== the sink alone: $((MESSAGES / 5)) messages over $CONCURRENCY connections"
start_sink alone
"$PY" bench/smtp-blast.py "$SINK" $((MESSAGES / 5)) "$CONCURRENCY"
stop_sink alone

export DATABASE_URL=${BENCH_DATABASE_URL:-sqlite://$work/bench.sqlite}
export LOG_LEVEL=error WORKER_CONCURRENCY=$CONCURRENCY PUBLIC_URL=https://track.bench.example
"$PORCHLIGHT_BIN" migrate >/dev/null
echo "== planning $MESSAGES due confirmation emails"
start=$(date +%s.%N)
"$PORCHLIGHT_BIN" seed-bench --orders "$MESSAGES" --shipments 0 --events 0 --messages >/dev/null
echo "planned in $("$PY" -c "print(round($(date +%s.%N) - $start, 1))") s"

echo "== draining with $WORKERS worker process(es), $CONCURRENCY jobs at a time each"
start_sink porchlight
export SMTP_URL="smtp://$SINK"
start=$(date +%s.%N)
pids=()
for _ in $(seq "$WORKERS"); do "$PORCHLIGHT_BIN" worker --drain >/dev/null & pids+=($!); done
for pid in "${pids[@]}"; do wait "$pid"; done
seconds=$("$PY" -c "print($(date +%s.%N) - $start)")
result=$(stop_sink porchlight)
echo "$result"
echo "$result" | "$PY" -c "
import json, sys
r = json.loads(sys.stdin.read()); expected = int(sys.argv[1]); seconds = float(sys.argv[2])
alone = json.load(open(sys.argv[3]))
print(f'porchlight: {r[\"messages\"]} messages in {seconds:.1f} s = {r[\"messages\"] / seconds:.0f} msg/s '
      f'(sink alone: {alone[\"per_second\"]:.0f} msg/s, ratio {r[\"messages\"] / seconds / alone[\"per_second\"]:.2f})')
print(f'duplicates: {r[\"messages\"] - r[\"distinct_message_ids\"]}, losses: {expected - r[\"distinct_message_ids\"]}')
sys.exit(0 if r['messages'] == r['distinct_message_ids'] == expected else 1)
" "$MESSAGES" "$seconds" "$work/alone.json"
