# Sourced by scripts/test.sh: starts three real SMTP servers (aiosmtpd) on loopback for the mail tests —
# plain, STARTTLS with AUTH, and implicit TLS with AUTH — with a throwaway self-signed certificate,
# and exports where they are. stop_smtp_sinks kills them and removes their files.
SMTP_SINK_DIR=""
SMTP_SINK_PIDS=()

start_smtp_sinks() {
    SMTP_SINK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/porchlight-smtp.XXXXXX")
    local d=$SMTP_SINK_DIR name i
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
        -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
        -keyout "$d/key.pem" -out "$d/cert.pem" >/dev/null 2>&1 || { echo "openssl failed" >&2; return 1; }
    # Started directly with & (not in a subshell) so $! is the sink itself and kill reaches it.
    .venv/bin/python scripts/smtp-sink.py --port 0 --maildir "$d/plain" --ready-file "$d/plain.ready" 2>"$d/plain.log" &
    SMTP_SINK_PIDS+=($!)
    .venv/bin/python scripts/smtp-sink.py --port 0 --maildir "$d/tls" --auth "porch:sink-pass" \
        --tls-cert "$d/cert.pem" --tls-key "$d/key.pem" --ready-file "$d/tls.ready" 2>"$d/tls.log" &
    SMTP_SINK_PIDS+=($!)
    .venv/bin/python scripts/smtp-sink.py --port 0 --maildir "$d/smtps" --auth "porch:sink-pass" --implicit-tls \
        --tls-cert "$d/cert.pem" --tls-key "$d/key.pem" --ready-file "$d/smtps.ready" 2>"$d/smtps.log" &
    SMTP_SINK_PIDS+=($!)
    for i in $(seq 100); do [[ -s $d/plain.ready && -s $d/tls.ready && -s $d/smtps.ready ]] && break; sleep 0.1; done
    for name in plain tls smtps; do
        [[ -s $d/$name.ready ]] || { echo "SMTP sink '$name' did not start:" >&2; cat "$d/$name.log" >&2; return 1; }
    done
    export PORCHLIGHT_TEST_SMTP_SINK="$(<"$d/plain.ready"):$d/plain"
    export PORCHLIGHT_TEST_SMTP_TLS_SINK="$(<"$d/tls.ready"):$d/tls:$d/cert.pem:porch:sink-pass"
    export PORCHLIGHT_TEST_SMTPS_SINK="$(<"$d/smtps.ready"):$d/smtps:$d/cert.pem:porch:sink-pass"
}

stop_smtp_sinks() {
    local pid
    for pid in "${SMTP_SINK_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${SMTP_SINK_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    SMTP_SINK_PIDS=()
    [[ -n $SMTP_SINK_DIR ]] && rm -rf "$SMTP_SINK_DIR"
    SMTP_SINK_DIR=""
}
