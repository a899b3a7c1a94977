#!/usr/bin/env bash
# The one test command: installs what the tests need, starts a throwaway
# PostgreSQL and SMTP sinks, builds, runs the Swift suite (SQLite + PostgreSQL),
# the browser tests and the crash test of the job queue. The browser tests run even when the Swift suite fails so one
# run reports both; the exit code is non-zero if any step failed.
set -euo pipefail

cd "$(dirname "$0")/.."
source scripts/smtp-sinks.sh

declare -a SUMMARY=()
FAILED=0

banner() { printf '\n==> %s\n' "$*"; }

# Runs one step without letting `set -e` abort the script, and records how it went.
step() {
    local name=$1; shift
    local start=$SECONDS rc=0
    banner "$name"
    "$@" || rc=$?
    if ((rc == 0)); then
        SUMMARY+=("ok      $name ($((SECONDS - start))s)")
    else
        SUMMARY+=("FAILED  $name (exit $rc, $((SECONDS - start))s)")
        FAILED=1
    fi
    return "$rc"
}

skip() {
    SUMMARY+=("skipped $1 ($2)")
    FAILED=1
}

# Keeps the suite's output on screen and in a log, so the summary can name what failed.
swift_test_logged() {
    local log=$1
    swift test 2>&1 | tee "$log"
    return "${PIPESTATUS[0]}"
}

summary() {
    if [[ -n ${SWIFT_TEST_LOG:-} && -s $SWIFT_TEST_LOG ]] && grep -q '^✘' "$SWIFT_TEST_LOG"; then
        printf '\n==> failed Swift tests\n'
        grep '^✘ Test' "$SWIFT_TEST_LOG" | grep -v 'failed after' | cut -c1-300 | head -40
    fi
    printf '\n==> summary\n'
    local line
    for line in "${SUMMARY[@]}"; do printf '  %s\n' "$line"; done
    if ((FAILED)); then printf 'RESULT: FAILED\n'; else printf 'RESULT: all steps passed\n'; fi
}

cleanup() {
    local rc=$?
    stop_smtp_sinks
    scripts/postgres.sh stop || true
    exit "$rc"
}

step "install test dependencies" scripts/install-test-deps.sh || { summary; exit 1; }

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
step "start PostgreSQL" scripts/postgres.sh start || { summary; exit 1; }
step "start SMTP sinks (aiosmtpd)" start_smtp_sinks || { summary; exit 1; }

step "injected-world check" scripts/check-world.sh || true

if step "swift build --build-tests" swift build --build-tests; then
    PORCHLIGHT_TEST_POSTGRES_URL=$(scripts/postgres.sh url)
    export PORCHLIGHT_TEST_POSTGRES_URL
    SWIFT_TEST_LOG=$(mktemp)
    step "swift test (SQLite + PostgreSQL)" swift_test_logged "$SWIFT_TEST_LOG" || true

    # The browser tests start the built server themselves.
    PORCHLIGHT_BIN="$(swift build --show-bin-path || true)/porchlight"
    export PORCHLIGHT_BIN
    step "browser tests (pytest + headless Chromium)" .venv/bin/python -m pytest -q Tests/browser || true
    step "exactly-once under SIGKILL (worker processes + real SMTP)" \
        .venv/bin/python -m pytest -q Tests/system || true
    step "API fuzzing (schemathesis, no 5xx)" scripts/fuzz-api.sh || true
else
    skip "swift test" "build failed"
    skip "browser tests" "build failed"
    skip "API fuzzing" "build failed"
fi

# Stop the server before the summary so the summary is the last thing printed.
trap - EXIT
stop_smtp_sinks
scripts/postgres.sh stop || FAILED=1
summary
exit "$FAILED"
