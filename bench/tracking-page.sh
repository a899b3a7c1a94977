#!/usr/bin/env bash
# Load benchmark: throughput and latency of the customer tracking page (/t/{token}) against a
# trivial route (/healthz) on the same server, with a seeded database. Prints a Markdown table.
# See bench/README.md. Environment overrides:
#   BENCH_ORDERS (10000)  BENCH_SHIPMENTS (2)  BENCH_EVENTS (10)  BENCH_DURATION seconds (20)
#   BENCH_COLD_DURATION seconds for first-view runs (5)  BENCH_WARMUP seconds (5)  BENCH_PORT (8089)  BENCH_CONNECTIONS ("16 64")  BENCH_THREADS (2)
#   SKIP_BUILD=1 reuse the existing release binary   PORCHLIGHT_BIN=path use this binary instead
#   BENCH_LOOKUP_TIMING=1 also run bench/lookup-timing.sh against the seeded server
#   BENCH_DATABASE_URL=postgres://… run on an empty PostgreSQL database instead of SQLite
#   BENCH_KEEP=1 keep the temporary directory (database, tokens, server log, raw wrk output)
set -euo pipefail

cd "$(dirname "$0")/.."
REPO=$(pwd)

ORDERS=${BENCH_ORDERS:-10000}
SHIPMENTS=${BENCH_SHIPMENTS:-2}
EVENTS=${BENCH_EVENTS:-10}
DURATION=${BENCH_DURATION:-20}
COLD_DURATION=${BENCH_COLD_DURATION:-5}
WARMUP=${BENCH_WARMUP:-5}
PORT=${BENCH_PORT:-8089}
CONNECTIONS=${BENCH_CONNECTIONS:-16 64}
THREADS=${BENCH_THREADS:-2}
BASE_URL="http://127.0.0.1:$PORT"
LUA="$REPO/bench/tracking-tokens.lua"

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

ensure_wrk() {
    command -v wrk >/dev/null 2>&1 && return 0
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        log "Installing wrk with apt-get"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
    else
        die "wrk is not installed. Install it (Debian/Ubuntu: sudo apt-get install wrk) and run again."
    fi
}

find_binary() {
    if [[ -n ${PORCHLIGHT_BIN:-} ]]; then
        [[ -x $PORCHLIGHT_BIN ]] || die "PORCHLIGHT_BIN=$PORCHLIGHT_BIN is not an executable"
        printf '%s\n' "$PORCHLIGHT_BIN"
        return
    fi
    if [[ ${SKIP_BUILD:-0} != 1 ]]; then
        log "Building the release binary: swift build -c release --scratch-path .build-release"
        log "(a first release build takes about 20 minutes on a 2-core machine; later ones are incremental)"
        swift build -c release --scratch-path .build-release >&2
    fi
    local bin
    bin="$(swift build -c release --scratch-path .build-release --show-bin-path)/porchlight"
    [[ -x $bin ]] || die "no release binary at $bin (run without SKIP_BUILD=1 to build it)"
    printf '%s\n' "$bin"
}

SERVER_PID=""
TMP=""
cleanup() {
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        local waited=0
        while kill -0 "$SERVER_PID" 2>/dev/null && ((waited < 50)); do sleep 0.2; waited=$((waited + 1)); done
        kill -9 "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [[ -n $TMP ]]; then
        if [[ ${BENCH_KEEP:-0} == 1 ]]; then log "Kept $TMP"; else rm -rf "$TMP"; fi
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_server() {
    "$1" serve --hostname 127.0.0.1 --port "$PORT" >>"$TMP/server.log" 2>&1 &
    SERVER_PID=$!
    wait_for_health
}

restart_server() {
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    start_server "$1"
}

wait_for_health() {
    local tries=0
    until curl -fsS -o /dev/null "$BASE_URL/healthz" 2>/dev/null; do
        kill -0 "$SERVER_PID" 2>/dev/null || { cat "$TMP/server.log" >&2; die "the server exited during start-up"; }
        tries=$((tries + 1))
        ((tries < 120)) || { cat "$TMP/server.log" >&2; die "the server did not answer /healthz within 60 s"; }
        sleep 0.5
    done
}

# run_wrk NAME CONNECTIONS SECONDS URL [LUA ARGS...] -> raw output in $TMP/NAME.txt, RESULT line on stdout
run_wrk() {
    local name=$1 conns=$2 seconds=$3 url=$4
    shift 4
    wrk -t "$THREADS" -c "$conns" -d "${seconds}s" --latency -s "$LUA" "$url" -- "$@" >"$TMP/$name.txt" 2>&1 \
        || { cat "$TMP/$name.txt" >&2; die "wrk failed ($name)"; }
    grep '^RESULT ' "$TMP/$name.txt" | tail -n 1 || { cat "$TMP/$name.txt" >&2; die "no RESULT line from wrk ($name)"; }
}

# field RESULT_LINE KEY -> value
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }

machine_line() {
    local mem cpu
    mem=$(free -g | awk '/^Mem:/ {print $2}')
    cpu=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)
    printf '%s · %s cores · %s GiB RAM · %s\n' "$(date -u +%F)" "$(nproc)" "$mem" "${cpu:-unknown CPU}"
}

main() {
    ensure_wrk
    command -v curl >/dev/null 2>&1 || die "curl is required"
    local bin
    bin=$(find_binary)
    TMP=$(mktemp -d -t porchlight-bench.XXXXXX)
    # BENCH_DATABASE_URL points the run at an empty PostgreSQL database instead of a fresh SQLite file.
    export DATABASE_URL="${BENCH_DATABASE_URL:-sqlite://$TMP/bench.sqlite}"
    export PUBLIC_URL="$BASE_URL"
    export LOG_LEVEL=warning
    # The lookup form is rate limited per IP; lookup-timing.sh sends hundreds of attempts from one address.
    export LOOKUP_LIMIT_PER_IP=1000000 LOOKUP_LIMIT_PER_STORE=1000000

    log "Migrating $DATABASE_URL"
    "$bin" migrate >&2
    log "Seeding $ORDERS orders x $SHIPMENTS parcels x $EVENTS events"
    local seed_start seed_seconds
    seed_start=$(date +%s.%N)
    TIMEFORMAT='    seed-bench: %Rs'
    time "$bin" seed-bench --orders "$ORDERS" --shipments "$SHIPMENTS" --events "$EVENTS" \
        --tokens-out "$TMP/tokens.txt" >&2
    seed_seconds=$(awk -v a="$seed_start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
    [[ -s $TMP/tokens.txt ]] || die "seed-bench wrote no tokens"

    start_server "$bin"
    local sample
    sample=$(head -n 1 "$TMP/tokens.txt")
    curl -fsS -o /dev/null "$BASE_URL/t/$sample" || die "the tracking page for a seeded token did not answer 200"

    # First views: a freshly started server has nothing cached, and each run is short enough
    # (COLD_DURATION) to ask for fewer pages than there are orders, so every request is a miss.
    local cold_rows="" conns cold
    for conns in $CONNECTIONS; do
        restart_server "$bin"
        log "/t/{token} first views, $conns connections, ${COLD_DURATION}s"
        cold=$(run_wrk "cold-c$conns" "$conns" "$COLD_DURATION" "$BASE_URL" "$TMP/tokens.txt")
        cold_rows+="| /t/{token}, first view | $conns | $(field "$cold" requests_per_sec) | $(field "$cold" p50_ms) | $(field "$cold" p99_ms) | $(field "$cold" requests) | $(field "$cold" non2xx) |"$'\n'
    done

    # Repeat views: one pass over every order fills the page cache, as customers coming back do.
    restart_server "$bin"
    log "Visiting all $(wc -l <"$TMP/tokens.txt") tracking pages once"
    sed "s|^|$BASE_URL/t/|" "$TMP/tokens.txt" | xargs -P 4 -n 100 curl -fsS -o /dev/null
    log "Warming up (${WARMUP}s each)"
    run_wrk warmup-healthz 16 "$WARMUP" "$BASE_URL/healthz" >/dev/null
    run_wrk warmup-tracking 16 "$WARMUP" "$BASE_URL" "$TMP/tokens.txt" >/dev/null

    local rows="" ratios="" trivial tracking
    for conns in $CONNECTIONS; do
        log "/healthz, $conns connections, ${DURATION}s"
        trivial=$(run_wrk "healthz-c$conns" "$conns" "$DURATION" "$BASE_URL/healthz")
        log "/t/{token} repeat views, $conns connections, ${DURATION}s"
        tracking=$(run_wrk "tracking-c$conns" "$conns" "$DURATION" "$BASE_URL" "$TMP/tokens.txt")
        local trivial_rps tracking_rps ratio
        trivial_rps=$(field "$trivial" requests_per_sec)
        tracking_rps=$(field "$tracking" requests_per_sec)
        ratio=$(awk -v a="$tracking_rps" -v b="$trivial_rps" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "n/a"}')
        rows+="| /healthz | $conns | $trivial_rps | $(field "$trivial" p50_ms) | $(field "$trivial" p99_ms) | $(field "$trivial" requests) | $(field "$trivial" non2xx) |"$'\n'
        rows+="| /t/{token}, repeat view | $conns | $tracking_rps | $(field "$tracking" p50_ms) | $(field "$tracking" p99_ms) | $(field "$tracking" requests) | $(field "$tracking" non2xx) |"$'\n'
        ratios+="| $conns | $ratio |"$'\n'
    done

    printf '\n### Tracking page vs trivial route\n\n'
    printf '%s orders x %s parcels x %s events (seeded in %ss), wrk %s threads, release build, %s.\n' \
        "$ORDERS" "$SHIPMENTS" "$EVENTS" "$seed_seconds" "$THREADS" "${DATABASE_URL%%:*}"
    printf 'First views: %ss per run on a freshly started server. Repeat views: %ss per run after one visit to every page.\n' \
        "$COLD_DURATION" "$DURATION"
    printf 'Machine: %s\n\n' "$(machine_line)"
    printf '| route | connections | req/s | p50 ms | p99 ms | requests | non-2xx |\n'
    printf '| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n'
    printf '%s%s' "$rows" "$cold_rows"
    printf '\n| connections | repeat-view tracking/trivial throughput |\n| ---: | ---: |\n%s' "$ratios"

    if [[ ${BENCH_LOOKUP_TIMING:-0} == 1 ]]; then
        printf '\n'
        BASE_URL="$BASE_URL" "$REPO/bench/lookup-timing.sh"
    fi
}

main "$@"
