#!/usr/bin/env bash
# CSV import: how many rows a second `porchlight import` takes in, and how much memory it holds doing it.
# Generates ROWS rows (orders of 1 to 3 item rows, every order shipped, every fourth in two parcels, half
# the carriers named and half left to detection), imports them into a fresh store on a fresh SQLite file
# (and on PostgreSQL when BENCH_DATABASE_URL is set), then imports the same file again, which must create
# nothing. Reports rows/s and peak resident memory (GNU time's maximum RSS).
#
#   bench/import.sh                                             # 200,000 rows; builds the release binary first
#   ROWS=5000 BINARY=.build/debug/porchlight bench/import.sh     # quick check with a debug build
#   BATCH=1 ROWS=5000 BINARY=.build/debug/porchlight bench/import.sh   # one transaction per order, to compare
#   BENCH_DATABASE_URL=postgres://porchlight@127.0.0.1:54329/bench SKIP_BUILD=1 bench/import.sh
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${ROWS:-200000}
if [[ -z ${BINARY:-} ]]; then
    [[ ${SKIP_BUILD:-0} == 1 ]] || swift build -c release --scratch-path .build-release --product porchlight
    BINARY="$(swift build -c release --scratch-path .build-release --show-bin-path)/porchlight"
fi
[[ -x $BINARY ]] || { echo "no porchlight binary at $BINARY" >&2; exit 1; }
if [[ ! -x /usr/bin/time ]]; then
    if [[ $(id -u) == 0 ]]; then apt-get install -y -qq time >/dev/null; else echo "install GNU time: apt-get install time" >&2; exit 1; fi
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/porchlight-bench-import.XXXXXX")
cleanup() { [[ ${BENCH_KEEP:-0} == 1 ]] && echo "kept $work" || rm -rf "$work"; }
trap cleanup EXIT

python3 - "$ROWS" "$work/orders.csv" <<'PY'
import csv, sys
rows, path = int(sys.argv[1]), sys.argv[2]
header = ["order_number", "email", "customer_name", "phone", "locale", "placed_at", "currency", "time_zone",
          "shipping_name", "shipping_line1", "shipping_line2", "shipping_city", "shipping_region",
          "shipping_postal_code", "shipping_country", "item_title", "item_variant", "item_sku", "item_quantity",
          "item_price", "item_image_url", "item_product_type", "carrier", "tracking_numbers", "shipped_at"]
with open(path, "w", newline="") as out:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    written, order = 0, 0
    while written < rows:
        lines = min(order % 3 + 1, rows - written)
        numbers = [f"1ZBENCH{order:010d}"] + ([f"1ZBENCH{order:010d}B"] if order % 4 == 0 else [])
        carrier = "UPS" if order % 2 == 0 else ""
        if not carrier:  # Amazon's TBA numbers: left for detection to recognise
            numbers = [f"TBA{order:012d}"] + ([f"TBA9{order:011d}"] if order % 4 == 0 else [])
        day, minute = 1 + order % 28, order % 1440
        for line in range(lines):
            first = line == 0
            writer.writerow([
                f"B-{order}", f"buyer{order}@example.com" if first else "", f"Buyer {order}" if first else "",
                "+1 555 0100" if first else "", "es" if order % 5 == 0 else "en",
                f"2026-10-{day:02d}T{minute // 60:02d}:{minute % 60:02d}:00Z" if first else "", "USD",
                "America/New_York", f"Buyer {order}", f"{order} Main Street", "", "Springfield", "IL", "62701", "US",
                f"Item {line}, \"special\" edition" if line == 2 else f"Item {line}", "Large", f"SKU-{line}",
                1 + line, f"{10 + line}.50", "", "home", carrier, ";".join(numbers) if first else "",
                f"2026-10-{day:02d}"])
            written += 1
        order += 1
print(f"generated {rows} rows, {order} orders", file=sys.stderr)
PY
size=$(stat -c %s "$work/orders.csv")
echo "== $ROWS rows, $((size / 1024)) KiB: $BINARY"

# One import; prints "seconds max_rss_kib" and leaves the summary in $work/summary.txt.
import_once() {
    local start end
    start=$(date +%s.%N)
    set +e
    /usr/bin/time -v -o "$work/time.txt" "$BINARY" import "$work/orders.csv" --store "$slug" \
        ${BATCH:+--batch-orders "$BATCH"} >"$work/summary.txt" 2>"$work/progress.txt"
    local status=$?
    set -e
    end=$(date +%s.%N)
    [[ $status == 0 ]] || { echo "import exited $status" >&2; tail -5 "$work/progress.txt" >&2; cat "$work/summary.txt" >&2; exit 1; }
    echo "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }') $(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")" \
        "$(awk -F': ' '/User time|System time/ {cpu += $2} END {printf "%.1f", cpu}' "$work/time.txt")"
}

run_on() {
    export DATABASE_URL=$1 LOG_LEVEL=warning PORCHLIGHT_KEY_FILE=$work/porchlight.key
    slug="import-bench-$(date +%s)"
    "$BINARY" migrate >/dev/null
    "$BINARY" stores create --name "Import Bench" --slug "$slug" >/dev/null
    import_once >"$work/measure.txt"
    read -r seconds rss cpu <"$work/measure.txt"
    sed 's/^/    /' "$work/summary.txt"
    grep -q "orders created *0$" "$work/summary.txt" && { echo "the first import created no orders" >&2; exit 1; }
    import_once >"$work/measure.txt"
    read -r again again_rss again_cpu <"$work/measure.txt"
    grep -q "orders created *0$" "$work/summary.txt" || { echo "the second import created orders" >&2; exit 1; }
    grep -q "parcels added *0$" "$work/summary.txt" || { echo "the second import added parcels" >&2; exit 1; }
    printf '| %s | %s | %.1f | %s | %s | %s | %.1f | %s | %s |\n' "${DATABASE_URL%%:*}" "$ROWS" "$seconds" \
        "$(awk -v r="$ROWS" -v s="$seconds" 'BEGIN { printf "%d", r / s }')" "$cpu" "$((rss / 1024))" "$again" \
        "$again_cpu" "$((again_rss / 1024))" >>"$work/results.md"
}

run_on "sqlite://$work/bench.sqlite"
[[ -z ${BENCH_DATABASE_URL:-} ]] || run_on "$BENCH_DATABASE_URL"

echo "== result ($(date -u +%F), $(nproc) cores, $(basename "$BINARY") at $BINARY)"
echo "| database | rows | import s | rows/s | CPU s | peak RSS MiB | re-import s | re-import CPU s | re-import RSS MiB |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
cat "$work/results.md"
