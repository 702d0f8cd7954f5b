#!/usr/bin/env bash
# Benchmark (issue 12): a stadium's whole commands, as processes, on PostgreSQL and SQLite.
# For events of 100 000 and 250 000 seats (20 sections x 50 rows x 100 or 250 seats): create,
# `hold --best 4` (median of 5, and peak RSS) beside `hold` by label in the same run, `audit`,
# `report`, `export`, `map --section`: wall seconds and peak RSS (from /usr/bin/time). Then, last,
# `simulate --event <100k> --best --party 2..6 --buyers 32` beside the same run without
# --best, on PostgreSQL (each on a fresh throw-away copy of the stadium's layout). Prints one JSON line per measurement and the ratios the README quotes.
# Uses scratch databases (dropped afterwards). A benchmark, not a test: never run by CI.
# Usage: benches/stadium.sh [SIM_SECONDS] [SIZES...]   (defaults: 10 100000 250000)
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-10}"
shift || true
if [ "$#" -gt 0 ]; then sizes=("$@"); else sizes=(100000 250000); fi
admin="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"

cargo build --release --quiet
bin="$PWD/target/release/seatctl"
work="$(mktemp -d)"
export HOME="$work/home"
mkdir -p "$HOME"
dbs=()
cleanup() {
  for db in "${dbs[@]}"; do
    psql "$admin" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

# One measured process: prints `{"what":…,"backend":…,"seats":…,"s":…,"rss_mb":…}`.
measure() {
  local what="$1" backend="$2" seats="$3"
  shift 3
  local t0 t1
  t0=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$work/time" "$@" >/dev/null
  t1=$(date +%s%N)
  read -r kb <"$work/time"
  s=$(echo "scale=3; ($t1 - $t0) / 1000000000" | bc)
  printf '{"what":"%s","backend":"%s","seats":%s,"s":%.3f,"rss_mb":%.1f}\n' \
    "$what" "$backend" "$seats" "$s" "$(echo "$kb / 1024" | bc -l)" | tee -a "$work/all.jsonl"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

for seats in "${sizes[@]}"; do
  per=$((seats / 1000))
  layout="$work/stadium-$seats.toml"
  for i in $(seq 1 20); do
    printf '[[section]]\nname = "Block %d"\n[[section.row]]\nnames = "1-50"\nseats = "1-%d"\n' \
      "$i" "$per"
  done >"$layout"
  for backend in postgres sqlite; do
    if [ "$backend" = postgres ]; then
      db="seatctl_bench_stadium_${seats}_$$"
      dbs+=("$db")
      psql "$admin" -qc "CREATE DATABASE $db" >/dev/null
      url="${admin%/*}/$db"
    else
      url="sqlite://$work/stadium-$seats.db"
    fi
    export DATABASE_URL="$url"
    "$bin" db migrate >/dev/null
    # A checkpoint first, so no earlier run's writes are flushed during the timing.
    psql "$admin" -qc CHECKPOINT >/dev/null 2>&1 || true
    measure create "$backend" "$seats" "$bin" event create --name Stadium --layout "$layout"
    for i in 1 2 3 4 5; do
      measure best4 "$backend" "$seats" "$bin" hold Stadium --best 4
      measure label "$backend" "$seats" "$bin" hold Stadium "Block 20-50-$i"
    done
    measure audit "$backend" "$seats" "$bin" audit Stadium
    measure report "$backend" "$seats" "$bin" report Stadium
    measure export "$backend" "$seats" "$bin" export Stadium
    measure map_section "$backend" "$seats" "$bin" map Stadium --section "Block 7"
    best=$(grep "\"best4\",\"backend\":\"$backend\",\"seats\":$seats," "$work/all.jsonl" \
      | sed 's/.*"s":\([0-9.]*\).*/\1/' | median)
    label=$(grep "\"label\",\"backend\":\"$backend\",\"seats\":$seats," "$work/all.jsonl" \
      | sed 's/.*"s":\([0-9.]*\).*/\1/' | median)
    printf '{"ratio":"best4_p50/label_p50","backend":"%s","seats":%s,"value":%.2f}\n' \
      "$backend" "$seats" "$(echo "$best / $label" | bc -l)"
  done
done

# The simulations last, so the writes of their throw-away events (each a fresh copy of the
# 100k stadium's layout) weigh on no timing above.
export DATABASE_URL="${admin%/*}/seatctl_bench_stadium_${sizes[0]}_$$"
for mode in plain best; do
  flags=(--party 2..6)
  [ "$mode" = best ] && flags+=(--best)
  psql "$admin" -qc CHECKPOINT >/dev/null 2>&1 || true
  "$bin" --json simulate --event Stadium "${flags[@]}" --buyers 32 \
    --duration "${secs}s" --reserve-ratio 0.5 >"$work/sim-$mode.json" || true
  python3 - "$work/sim-$mode.json" "$mode" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
run = r["runs"][0]
o = run["outcomes"]
print(json.dumps({"simulate": sys.argv[2], "buys_per_s": run["throughput"]["buys_per_s"],
                  "p50_ms": run["latency_ms"]["p50"], "indeterminate": o["indeterminate"],
                  "backend_error": o["backend_error"], "audit_ok": run["audit"]["ok"]}))
PY
done
