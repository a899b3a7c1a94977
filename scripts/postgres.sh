#!/usr/bin/env bash
# A throwaway PostgreSQL server for the test suite: loopback only, trust auth,
# durability switched off for speed. Its data lives in a temp folder and is
# deleted on stop.
#   scripts/postgres.sh start|stop|url|status
# Port: PORCHLIGHT_PG_PORT (default 54329).
set -euo pipefail

PORT=${PORCHLIGHT_PG_PORT:-54329}
USER_NAME=porchlight

log() { printf '[postgres] %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

pg_bin_dir() {
    # Debian keeps initdb/pg_ctl off PATH, in a folder per major version: ask
    # dpkg where the newest installed server package put them.
    if [[ -n "${PORCHLIGHT_PG_BIN:-}" ]]; then echo "$PORCHLIGHT_PG_BIN"; return 0; fi
    local pkg initdb
    for pkg in $(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' 'postgresql-[0-9]*' 2>/dev/null \
                 | awk '$1 == "ii" && $2 ~ /^postgresql-[0-9]+$/ {print $2}' | sort -V -r); do
        initdb=$(dpkg-query -L "$pkg" | awk '/\/bin\/initdb$/ && !f {print; f=1}') && [[ -n "$initdb" ]] && { dirname "$initdb"; return 0; }
    done
    initdb=$(command -v initdb) && { dirname "$initdb"; return 0; }
    die "PostgreSQL server binaries not found; run scripts/install-test-deps.sh"
}

# PostgreSQL refuses to run as root, so root hands the server to Debian's
# `postgres` system user; anyone else runs it as themselves.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || die "no 'postgres' system user; install the postgresql package"
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && "$@")
    fi
}

data_dir() {
    # mktemp -u names (without creating) a file in $TMPDIR, or the system default.
    local base
    base=$(dirname "$(mktemp -u)")
    # A private TMPDIR (mode 0700, owned by root) is unusable by `postgres`.
    if [[ $(id -u) -eq 0 ]] && ! runuser -u postgres -- test -w "$base" -a -x "$base" 2>/dev/null; then
        base=$(dirname "$(TMPDIR='' mktemp -u)")
    fi
    echo "${base%/}/porchlight-pg-$PORT"
}

BIN=$(pg_bin_dir)
DATA=$(data_dir)

is_running() {
    [[ -f "$DATA/PG_VERSION" ]] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

is_ready() {
    "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -U "$USER_NAME" -d postgres
}

start() {
    if is_running; then
        log "already running on 127.0.0.1:$PORT ($DATA)"
    else
        # Anything left here is from a run that died; it is disposable by design.
        rm -rf "$DATA"
        mkdir -p "$DATA"
        chmod 700 "$DATA"
        if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$DATA"; fi
        log "initdb in $DATA"
        as_owner "$BIN/initdb" -D "$DATA" --auth=trust -U "$USER_NAME" \
            --encoding=UTF8 --locale=C.UTF-8 >"$DATA.initdb.log" 2>&1 \
            || { cat "$DATA.initdb.log" >&2; die "initdb failed"; }
        rm -f "$DATA.initdb.log"
        cat >>"$DATA/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = ''
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
        log "starting on 127.0.0.1:$PORT"
        as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 start >/dev/null \
            || { cat "$DATA/server.log" >&2 || true; die "server did not start"; }
    fi
    for _ in $(seq 1 100); do
        is_ready && { log "ready"; return 0; }
        sleep 0.1
    done
    cat "$DATA/server.log" >&2 || true
    die "server not accepting connections on 127.0.0.1:$PORT"
}

stop() {
    if is_running; then
        as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null || true
        log "stopped"
    fi
    rm -rf "$DATA" "$DATA.initdb.log"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    url) echo "postgres://$USER_NAME@127.0.0.1:$PORT/postgres" ;;
    status) if is_running && is_ready; then echo running; else echo stopped; exit 1; fi ;;
    *) echo "usage: $0 start|stop|url|status" >&2; exit 2 ;;
esac
