#!/usr/bin/env bash
# Evidence that the order lookup form (POST /{slug}/track) does not reveal by its timing whether an
# order number exists: times many attempts with (a) an existing order number and a wrong email and
# (b) an unknown order number, interleaved, and compares the two. Both must answer 404.
#
# Needs a running server seeded with `porchlight seed-bench` (store `bench`, orders B-0, B-1, ...)
# and started with high lookup rate limits, e.g. LOOKUP_LIMIT_PER_IP=1000000 LOOKUP_LIMIT_PER_STORE=1000000;
# `BENCH_LOOKUP_TIMING=1 bench/tracking-page.sh` does all of that and runs this script.
# Environment:
#   BASE_URL (http://127.0.0.1:8089)  LOOKUP_SLUG (bench)  LOOKUP_EXISTING (B-0)
#   LOOKUP_UNKNOWN (B-999999999)  LOOKUP_EMAIL (not-the-buyer@example.com)  LOOKUP_SAMPLES (300)
set -euo pipefail

BASE_URL=${BASE_URL:-http://127.0.0.1:8089}
SLUG=${LOOKUP_SLUG:-bench}
EXISTING=${LOOKUP_EXISTING:-B-0}
UNKNOWN=${LOOKUP_UNKNOWN:-B-999999999}
EMAIL=${LOOKUP_EMAIL:-not-the-buyer@example.com}
SAMPLES=${LOOKUP_SAMPLES:-300}
WARMUP=20

die() { printf 'error: %s\n' "$*" >&2; exit 1; }
log() { printf '==> %s\n' "$*" >&2; }

command -v curl >/dev/null 2>&1 || die "curl is required"
curl -fsS -o /dev/null "$BASE_URL/healthz" || die "no server answering at $BASE_URL (set BASE_URL)"
curl -fsS -o /dev/null "$BASE_URL/$SLUG/track" || die "store '$SLUG' has no lookup page at $BASE_URL/$SLUG/track"

WORK=$(mktemp -d -t porchlight-lookup.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# attempt ORDER_NUMBER -> milliseconds from request sent to first response byte (server time + loopback)
attempt() {
    local out code pre start
    out=$(curl -s -o /dev/null -X POST "$BASE_URL/$SLUG/track" \
        --data-urlencode "order_number=$1" --data-urlencode "email=$EMAIL" \
        -w '%{http_code} %{time_pretransfer} %{time_starttransfer}') || true
    read -r code pre start <<<"$out"
    case $code in
        404) ;;
        429) die "rate limited (429): start the server with LOOKUP_LIMIT_PER_IP and LOOKUP_LIMIT_PER_STORE set high" ;;
        303) die "order '$1' matched email '$EMAIL': pick an email that is not the buyer's" ;;
        *) die "unexpected HTTP $code for order '$1' (expected 404)" ;;
    esac
    awk -v a="$pre" -v b="$start" 'BEGIN {printf "%.4f\n", (b - a) * 1000}'
}

log "Warming up ($WARMUP attempts each)"
for ((i = 0; i < WARMUP; i++)); do attempt "$EXISTING" >/dev/null; attempt "$UNKNOWN" >/dev/null; done

log "Timing $SAMPLES attempts each, interleaved, alternating which goes first"
: >"$WORK/existing.txt"
: >"$WORK/unknown.txt"
for ((i = 0; i < SAMPLES; i++)); do
    if ((i % 2 == 0)); then
        attempt "$EXISTING" >>"$WORK/existing.txt"
        attempt "$UNKNOWN" >>"$WORK/unknown.txt"
    else
        attempt "$UNKNOWN" >>"$WORK/unknown.txt"
        attempt "$EXISTING" >>"$WORK/existing.txt"
    fi
done

# stats FILE -> "n mean median p90 sd"
stats() {
    sort -g "$1" | awk '
        { v[NR] = $1; sum += $1; sq += $1 * $1 }
        END {
            mean = sum / NR
            median = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            p90 = v[int(0.9 * NR + 0.999999)]
            var = NR > 1 ? (sq - NR * mean * mean) / (NR - 1) : 0
            printf "%d %.4f %.4f %.4f %.4f\n", NR, mean, median, p90, sqrt(var > 0 ? var : 0)
        }'
}

read -r n1 mean1 median1 p901 sd1 <<<"$(stats "$WORK/existing.txt")"
read -r n2 mean2 median2 p902 sd2 <<<"$(stats "$WORK/unknown.txt")"

printf '\n### Lookup timing: existing order + wrong email vs unknown order\n\n'
printf 'POST %s/%s/track, %s interleaved attempts each, time from request sent to first byte.\n\n' \
    "$BASE_URL" "$SLUG" "$SAMPLES"
printf '| case | n | mean ms | median ms | p90 ms | sd ms |\n| --- | ---: | ---: | ---: | ---: | ---: |\n'
printf '| existing order, wrong email | %s | %.3f | %.3f | %.3f | %.3f |\n' "$n1" "$mean1" "$median1" "$p901" "$sd1"
printf '| unknown order | %s | %.3f | %.3f | %.3f | %.3f |\n' "$n2" "$mean2" "$median2" "$p902" "$sd2"
awk -v m1="$mean1" -v m2="$mean2" -v d1="$median1" -v d2="$median2" \
    -v s1="$sd1" -v s2="$sd2" -v n1="$n1" -v n2="$n2" 'BEGIN {
    se = sqrt(s1 * s1 / n1 + s2 * s2 / n2)
    t = se > 0 ? (m1 - m2) / se : 0
    printf "\nDifference (existing - unknown): mean %+.3f ms, median %+.3f ms; Welch t = %.2f", m1 - m2, d1 - d2, t
    print (t < 2 && t > -2) ? " (|t| < 2: no detectable difference)." : " (|t| >= 2: the difference is measurable; investigate)."
}'
