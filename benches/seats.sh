#!/usr/bin/env bash
# Benchmark (issue 15, item 6): seat reads from the seat cache, on PostgreSQL, through
# `seatctl serve` (release build).
#   (1) GET /v1/events/{event}/seats of a 1 000-seat event under wrk (64 connections): from a
#       server with the seat cache (the default) and from one with `seat_cache = false`, in the
#       same run; requests/s, p50, p99 and the ratio.
#   (2) Staleness: a seat held through the cacheless server, then read from the caching one
#       until it shows (benches/seats/stale.py): ms from the hold's answer, p50/p99/max.
#   (3) Memory: the caching server's resident set before and after it first serves a
#       100 000-seat event (its seats, its map, and the held seats).
# A benchmark, not a test: never run by CI. Usage: benches/seats.sh [SECONDS_PER_RUN]
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-10}"
admin="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)"; exit 1; }

cargo build --release --quiet
bin="$PWD/target/release/seatctl"
repo="$PWD"
work="$(mktemp -d)"
db="seatctl_bench_seats_$$"
cached="" direct=""
cleanup() {
  for p in $cached $direct; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  psql "$admin" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
psql "$admin" -qc "CREATE DATABASE $db" >/dev/null
url="${admin%/*}/$db"
export DATABASE_URL="$url" HOME="$work"
cd "$work"
printf '[database]\nmax_connections = 16\n' >seatctl.toml
printf '[database]\nmax_connections = 16\n[server]\nseat_cache = false\n' >direct.toml
"$bin" db migrate >/dev/null
venue() { # rows per_row -> a CSV layout, one section S, labels R<row>-<seat>
  awk -v rows="$1" -v per="$2" 'BEGIN { print "section,row,seat";
    for (r = 1; r <= rows; r++) for (n = 1; n <= per; n++) printf "S,R%d,%d\n", r, n }'
}
venue 20 50 >house.csv
venue 100 1000 >stadium.csv
"$bin" event create --name house --layout house.csv >/dev/null
"$bin" event create --name stadium --layout stadium.csv >/dev/null
house=$(psql "$url" -Atc "SELECT id FROM events WHERE name = 'house'")
stadium=$(psql "$url" -Atc "SELECT id FROM events WHERE name = 'stadium'")
key=$("$bin" apikey create --name bench --role box-office --quiet)
# A few held and sold seats, so that the list is not all alike.
for s in 1 2 3 4 5 6 7 8 9 10; do
  h=$("$bin" hold house "R$s-$s" --ttl 30m --quiet)
  [ $((s % 2)) -eq 0 ] && "$bin" reserve "$h" --customer bench >/dev/null
done

serve() { # config log -> pid; base URL in $base
  "$bin" --config "$1" serve --listen 127.0.0.1:0 2>"$2" &
  pid=$!
  for _ in $(seq 1 100); do grep -q '^listening on ' "$2" && break; sleep 0.1; done
  base="$(sed -n 's/^listening on //p' "$2" | head -1)"
  [ -n "$base" ] || { cat "$2"; exit 1; }
}
rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
reads() { # base -> "requests/s p50 p99" of GET …/seats of the house
  wrk -t1 -c64 -d"${secs}s" --latency -H "Authorization: Bearer $key" \
    "$1/v1/events/$house/seats" 2>&1 | awk '
      /Requests\/sec/ { rps = $2 }
      /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
      /Non-2xx/ { bad = $NF }
      END { if (bad) { print "non-2xx answers: " bad > "/dev/stderr"; exit 1 } print rps, p50, p99 }'
}

serve seatctl.toml cached.log; cached=$pid; cached_base=$base
serve direct.toml direct.log; direct=$pid; direct_base=$base
echo "PostgreSQL $(psql "$url" -Atc 'SHOW server_version'), ${secs}s per run, $(nproc) cores"

read -r d_rps d_p50 d_p99 < <(reads "$direct_base")
read -r c_rps c_p50 c_p99 < <(reads "$cached_base")
printf '{"run":"reads","seats":1000,"cached":{"rps":%s,"p50":"%s","p99":"%s"},"uncached":{"rps":%s,"p50":"%s","p99":"%s"},"ratio":%s}\n' \
  "$c_rps" "$c_p50" "$c_p99" "$d_rps" "$d_p50" "$d_p99" \
  "$(python3 -c "print(round($c_rps / $d_rps, 1))")"

stale=$(python3 "$repo/benches/seats/stale.py" "$direct_base" "$cached_base" "$key" "$house" 200 50)
printf '{"run":"staleness","seats":1000,%s\n' "${stale#\{}"

before=$(rss_kb "$cached")
for path in seats map "seats?status=held"; do
  curl -sf -o /dev/null -H "Authorization: Bearer $key" "$cached_base/v1/events/$stadium/$path"
done
after=$(rss_kb "$cached")
printf '{"run":"memory","seats":100000,"rss_before_mb":%s,"rss_after_mb":%s,"per_event_mb":%s}\n' \
  "$(python3 -c "print(round($before / 1024, 1))")" "$(python3 -c "print(round($after / 1024, 1))")" \
  "$(python3 -c "print(round(($after - $before) / 1024, 1))")"
"$bin" audit house >/dev/null || { echo "the audit failed"; exit 10; }
