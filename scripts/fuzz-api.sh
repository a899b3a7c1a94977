#!/usr/bin/env bash
# Fuzzes the REST API from its own openapi.yaml with schemathesis and fails on any 5xx or crash.
# Bad input must always get a clear 4xx. Starts the built server on a throwaway SQLite file.
#   PORCHLIGHT_BIN  the porchlight binary (default: the debug build)
#   FUZZ_EXAMPLES   examples per operation (default 25)   FUZZ_SEED  fixed seed (default 20261122)
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${PORCHLIGHT_BIN:-"$(swift build --show-bin-path)/porchlight"}
PORT=${FUZZ_PORT:-8399}
WORK=$(mktemp -d -t porchlight-fuzz.XXXXXX)
SERVER_PID=""
cleanup() {
    [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
    [[ ${FUZZ_KEEP:-0} == 1 ]] || rm -rf "$WORK"
}
trap cleanup EXIT

export DATABASE_URL="sqlite://$WORK/fuzz.sqlite" PUBLIC_URL="http://127.0.0.1:$PORT" LOG_LEVEL=error
# Carrier credentials the fuzzer sets must never send a request across the internet: every carrier host
# is a closed port on this machine.
export UPS_BASE_URL=http://127.0.0.1:9 FEDEX_BASE_URL=http://127.0.0.1:9 USPS_BASE_URL=http://127.0.0.1:9 DHL_BASE_URL=http://127.0.0.1:9
KEY=$("$BIN" stores create --name "Fuzz" --slug fuzz | .venv/bin/python -c 'import json,sys; print(json.load(sys.stdin)["api_key"])')
"$BIN" serve --hostname 127.0.0.1 --port "$PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 60); do curl -fsS -o /dev/null "$PUBLIC_URL/healthz" 2>/dev/null && break; sleep 0.5; done

status=0
# refreshShipment is left out: its 502/503 answers report the carrier's trouble, not bad input, and the
# Swift tests drive it against a stub carrier (CarrierPollingTests).
.venv/bin/schemathesis run openapi.yaml --url "$PUBLIC_URL" -H "Authorization: Bearer $KEY" \
    --exclude-operation-id refreshShipment \
    --checks not_a_server_error --max-examples "${FUZZ_EXAMPLES:-25}" --seed "${FUZZ_SEED:-20261122}" \
    --no-color >"$WORK/report.txt" 2>&1 || status=$?
grep -E "generated|passed|failed|Connection|stopped" "$WORK/report.txt" | tail -n 5
grep -A6 "Schema validation mismatch" "$WORK/report.txt" | head -n 12 || true
if ! kill -0 "$SERVER_PID" 2>/dev/null || grep -q "runtime failure" "$WORK/server.log"; then
    echo "The server crashed while being fuzzed:" >&2
    grep -m 5 -E "runtime failure|Fatal error|at .*Sources/Porchlight" "$WORK/server.log" >&2 || true
    status=1
fi
if ((status != 0)); then
    sed -n '/FAILURES/,$p' "$WORK/report.txt" | head -n 60 >&2
    echo "API fuzzing: FAILED" >&2
    exit 1
fi
echo "API fuzzing: no server error"
