#!/usr/bin/env bash
# Installs what the test suite needs and nothing that is already there, so a
# second run is a few seconds of checks. CI starts from a fresh clone on a
# machine that may have none of it, so this must be complete on its own.
set -euo pipefail

cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

log() { printf '[deps] %s\n' "$*"; }

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
    return 1
}

python_has_venv() {
    "$1" -c 'import venv, ensurepip' >/dev/null 2>&1
}

# The first python3 on PATH that can make a venv (Debian's own needs python3-venv).
pick_python() {
    local py
    for py in ${PORCHLIGHT_PYTHON:-} $(type -ap python3); do
        python_has_venv "$py" && { echo "$py"; return 0; }
    done
    return 1
}

missing=()
pg_bin_dir >/dev/null || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
pick_python >/dev/null || missing+=(python3-venv)

if ((${#missing[@]})); then
    log "apt packages missing: ${missing[*]}"
    if [[ $(id -u) -ne 0 ]]; then
        log "not root: cannot apt-get install; install them first: ${missing[*]}" >&2
        exit 1
    fi
    start=$SECONDS
    apt-get update -qq
    # Recommends are skipped only where the package works without them:
    # postgresql's recommends (sysstat etc.) are not needed for a throwaway server.
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    log "apt install done in $((SECONDS - start))s"
else
    log "apt packages present"
fi

pg_bin_dir >/dev/null || { log "PostgreSQL server binaries not found" >&2; exit 1; }
PYTHON=$(pick_python) || { log "no python3 with venv support" >&2; exit 1; }

# The venv records the interpreter's path; rebuild it if that interpreter is gone.
VENV=.venv
if [[ ! -x "$VENV/bin/python" ]] || ! "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
    if [[ -e "$VENV" && ! -w "$VENV" ]]; then
        log "$VENV exists but is unusable and not writable by $(id -un); remove it" >&2
        exit 1
    fi
    log "creating $VENV with $PYTHON"
    "$PYTHON" -m venv --clear "$VENV"
fi

py_missing=()
for mod in selenium:selenium pytest:pytest aiosmtpd:aiosmtpd schemathesis:schemathesis; do
    "$VENV/bin/python" -c "import ${mod%%:*}" >/dev/null 2>&1 || py_missing+=("${mod##*:}")
done
if ((${#py_missing[@]})); then
    log "pip installing: ${py_missing[*]}"
    start=$SECONDS
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check "${py_missing[@]}"
    log "pip install done in $((SECONDS - start))s"
else
    log "python packages present"
fi

log "ready: $(chromium --version 2>/dev/null | head -n 1), $(chromedriver --version 2>/dev/null | cut -d' ' -f1-2), postgres $(basename "$(dirname "$(pg_bin_dir)")")"
