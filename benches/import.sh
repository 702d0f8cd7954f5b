#!/usr/bin/env bash
# Benchmark: import a 20 000-seat CSV venue (10 sections x 40 rows x 50 seats) with the release
# binary, on PostgreSQL (a scratch database, dropped afterwards) and on SQLite (a temp file).
# Prints the wall time of each run and the median. Usage: benches/import.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
admin="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"

cargo build --release --quiet
bin="$PWD/target/release/seatctl"
work="$(mktemp -d)"
db="seatctl_bench_$$"
cleanup() {
  psql "$admin" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

csv="$work/venue-20000.csv"
{
  echo "section,row,seat,category"
  for s in $(seq 1 10); do
    for r in $(seq 1 40); do
      for n in $(seq 1 50); do echo "S$s,R$r,$n,standard"; done
    done
  done
} >"$csv"
echo "layout: $(($(wc -l <"$csv") - 1)) seats in $csv"

ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

bench() { # backend url
  local backend="$1" url="$2" times=()
  export DATABASE_URL="$url"
  "$bin" event create --name bench --seats 1 >/dev/null
  for i in $(seq 1 "$runs"); do
    local t0 t1
    t0=$(ms)
    "$bin" layout import bench "$csv" --replace >/dev/null
    t1=$(ms)
    times+=($((t1 - t0)))
  done
  local count
  count=$("$bin" --json event show bench | grep -m1 '"total"' | tr -dc 0-9)
  echo "$backend: layout import of $count seats, $runs runs (ms): ${times[*]}; median $(printf '%s\n' "${times[@]}" | median) ms"
}

psql "$admin" -qc "CREATE DATABASE $db" >/dev/null
pg_url="${admin%/*}/$db"
DATABASE_URL="$pg_url" "$bin" db migrate >/dev/null
bench postgres "$pg_url"
bench sqlite "sqlite://$work/bench.db"
