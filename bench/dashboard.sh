#!/usr/bin/env bash
# Dashboard at scale: seeds a store with BENCH_ORDERS orders (default 1,000,000), signs in as its owner
# the way a browser does, and times the dashboard's pages with hyperfine: the order list, each kind of
# search, a status filter, a deep page, home and needs-attention. Prints a Markdown table of mean and
# max milliseconds. See bench/README.md. Environment overrides:
#   BENCH_ORDERS (1000000)  BENCH_RUNS (20)  BENCH_PORT (8091)
#   SKIP_BUILD=1 reuse the existing release binary   PORCHLIGHT_BIN=path use this binary instead
#   BENCH_DB=path reuse (or keep) a seeded SQLite file: seeding a million orders takes minutes
#   BENCH_KEEP=1 keep the temporary directory
set -euo pipefail

cd "$(dirname "$0")/.."
ORDERS=${BENCH_ORDERS:-1000000}
RUNS=${BENCH_RUNS:-20}
PORT=${BENCH_PORT:-8091}
BASE="http://127.0.0.1:$PORT"

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

ensure_tools() {
    local missing=()
    for tool in hyperfine curl; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
    ((${#missing[@]} == 0)) && return 0
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        log "Installing ${missing[*]} with apt-get"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        die "${missing[*]} not installed (Debian: sudo apt-get install ${missing[*]})"
    fi
}

find_binary() {
    if [[ -n ${PORCHLIGHT_BIN:-} ]]; then printf '%s\n' "$PORCHLIGHT_BIN"; return; fi
    if [[ ${SKIP_BUILD:-0} != 1 ]]; then
        log "Building the release binary (about 20 minutes the first time on 2 cores)"
        swift build -c release --scratch-path .build-release --product porchlight >&2
    fi
    printf '%s\n' "$(swift build -c release --scratch-path .build-release --show-bin-path)/porchlight"
}

ensure_tools
BIN=$(find_binary)
[[ -x $BIN ]] || die "no binary at $BIN"
if (echo >"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then die "port $PORT is busy; set BENCH_PORT"; fi

TMP=$(mktemp -d)
SERVER_PID=""
cleanup() {
    [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
    if [[ ${BENCH_KEEP:-0} == 1 ]]; then log "Kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

DB=${BENCH_DB:-$TMP/dashboard.sqlite}
export DATABASE_URL="sqlite://$DB" PUBLIC_URL="$BASE" PORCHLIGHT_KEY_FILE="$TMP/porchlight.key" LOG_LEVEL=warning
if [[ ! -s $DB ]]; then
    "$BIN" migrate >/dev/null
    log "Seeding $ORDERS orders (one parcel and three events each)"
    start=$SECONDS
    "$BIN" seed-bench --orders "$ORDERS" --shipments 1 --events 3 >&2
    log "Seeded in $((SECONDS - start)) s"
fi
LINK=$("$BIN" users add --store bench --email "owner-$RANDOM@bench.example" --name "Bench Owner" | tail -1)

"$BIN" serve --hostname 127.0.0.1 --port "$PORT" >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 300); do curl -fs "$BASE/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

# Choose a password through the emailed link, as a new staff member would; the session cookie is what we time with.
JAR="$TMP/cookies"
PAGE=$(curl -fs -c "$JAR" -b "$JAR" "$LINK")
TOKEN=$(grep -o 'name="csrf_token" value="[^"]*"' <<<"$PAGE" | head -1 | sed 's/.*value="//; s/"$//')
curl -fs -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "csrf_token=$TOKEN" \
    --data-urlencode "password=bench password 12345" "$LINK"
SESSION=$(awk '$6 == "porchlight_session" { print $7 }' "$JAR")
[[ -n $SESSION ]] || die "could not sign in (see $TMP/server.log)"

NEXT=$(curl -fs -b "porchlight_session=$SESSION" "$BASE/admin/orders" | grep -o 'href="/admin/orders?q=&amp;status=&amp;after=[^"]*"' | head -1 \
    | sed 's/href="//; s/"$//; s/&amp;/\&/g')
middle=$((ORDERS / 2))
declare -a NAMES=("order list, first page" "order list, next page" "search: order number" "search: email"
                  "search: surname (1 in 8 orders)" "search: tracking number" "filter: Delivered" "home (30 days)" "needs attention")
declare -a PATHS=("/admin/orders" "$NEXT" "/admin/orders?q=B-$middle" "/admin/orders?q=buyer$middle@example.com"
                  "/admin/orders?q=okafor" "/admin/orders?q=1ZBENCH${middle}P0" "/admin/orders?status=Delivered" "/admin" "/admin/attention")

printf '\n%s orders, SQLite, %s, %s runs each\n\n| page | mean ms | max ms |\n|---|---:|---:|\n' \
    "$ORDERS" "$(date -u +%Y-%m-%d)" "$RUNS"
for i in "${!PATHS[@]}"; do
    curl -fs -o /dev/null -b "porchlight_session=$SESSION" "$BASE${PATHS[$i]}" || die "${PATHS[$i]} failed"
    hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$TMP/run.json" \
        "curl -fs -o /dev/null -b porchlight_session=$SESSION $BASE${PATHS[$i]}" >/dev/null 2>&1
    python3 - "${NAMES[$i]}" "$TMP/run.json" <<'PY'
import json, sys
result = json.load(open(sys.argv[2]))["results"][0]
print(f"| {sys.argv[1]} | {result['mean'] * 1000:.1f} | {result['max'] * 1000:.1f} |")
PY
done
