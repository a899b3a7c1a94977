#!/usr/bin/env bash
# App code takes time, ids, randomness, sleeping and configuration from the injected World and
# AppConfig, so tests control them. This finds direct calls anywhere else in the library.
set -euo pipefail
cd "$(dirname "$0")/.."
pattern='(^|[^A-Za-z_.])(Date\(\)|UUID\(\)|Int\.random|Double\.random|\.random\(in:|Task\.sleep|ProcessInfo\.processInfo\.environment)'
# The SMTP pool's idle timer closes sockets after real seconds of silence; it is network plumbing,
# not behaviour a test steers with the clock.
allowed='^Sources/Porchlight/(Core/World\.swift|Core/AppConfig\.swift|PorchlightMain\.swift|Mail/SMTP/SMTPConnectionPool\.swift):'
hits=$(grep -rnE "$pattern" Sources/Porchlight --include='*.swift' | grep -vE "$allowed" || true)
if [[ -n $hits ]]; then
    printf 'Direct use of the clock, ids, randomness, sleep or environment outside World/AppConfig:\n%s\n' "$hits" >&2
    exit 1
fi
echo "world check: ok"
