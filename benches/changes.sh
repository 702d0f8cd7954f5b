#!/usr/bin/env bash
# Benchmark (issue 15): the change stream on PostgreSQL (a private cluster started here, with
# track_commit_timestamp = on), through `seatctl serve` (release build).
#   (1) Change-to-client latency: one follower of GET /v1/events/{event}/changes
#       (benches/follow.rs) while `seatctl simulate --event E --in-place --rate 500`
#       holds (and reserves half of them) from another process: per change, from its
#       transaction's time (`at`) to its arrival at the client, and from its commit
#       (pg_xact_commit_timestamp) to its arrival, p50/p99; then the same with
#       1 000 followers connected (10 of them measuring).
#   (2) Holds/s through the server under wrk (benches/http/hold.lua, 64 connections) with no
#       follower, then with 1 000 followers connected to the same server; five rounds of
#       both in turn, the medians compared.
# Both runs of a pair start from the same state. A benchmark, not a test: never run by CI.
# Usage: benches/changes.sh [SECONDS_PER_RUN]
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/common.sh
secs="${1:-10}"
rows=100
per_row=1000
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)"; exit 1; }

cargo build --release --quiet
bin="$PWD/target/release/seatctl"
# The followers, in Rust on one thread (benches/follow.rs): as little of the machine as they
# can take from the server they measure.
follow_bin=$(cargo bench --no-run --bench follow --message-format=json 2>/dev/null |
  python3 -c 'import json,sys; print([j["executable"] for j in map(json.loads, sys.stdin) if j.get("executable") and j["target"]["name"] == "follow"][0])')
repo="$PWD"
work="$(mktemp -d)"
pgdir="$(mktemp -d)" # its own: the cluster's user must reach it
server=""
followers=""
cleanup() {
  [ -z "$followers" ] || kill "$followers" 2>/dev/null || true
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  stop_private_pg "$pgdir"
  rm -rf "$work" "$pgdir"
}
trap cleanup EXIT
# A private cluster that records when each transaction committed, so that a change's latency
# is measured from its commit, not only from its transaction's start.
start_private_pg "$pgdir" "track_commit_timestamp = on"
url="$private_url"
export DATABASE_URL="$url" HOME="$work"
cd "$work"
printf '[database]\nmax_connections = 16\n' >seatctl.toml
"$bin" db migrate >/dev/null
awk -v rows="$rows" -v per="$per_row" 'BEGIN { print "section,row,seat";
  for (r = 1; r <= rows; r++) for (n = 1; n <= per; n++) printf "S,R%d,%d\n", r, n }' >venue.csv
"$bin" event create --name bench --layout venue.csv >/dev/null
ev=$(psql "$url" -Atc "SELECT id FROM events WHERE name = 'bench'")
key=$("$bin" apikey create --name bench --role box-office --quiet)

reset() { reset_event "$url" "$ev"; }
follow() { # clients measured seconds -> a JSON line in follow.json; waits until connected
  FOLLOW_ARRIVALS="$work/arrivals.txt" "$follow_bin" "$base" "$key" "$ev" "$1" "$2" "$3" >follow.json 2>follow.err &
  followers=$!
  for _ in $(seq 1 100); do grep -q connected follow.err && break; sleep 0.1; done
  sleep 2
}
from_commit() { # the measured arrivals (arrivals.txt: id, µs since the epoch) from their commits
  psql "$url" -qAt <<SQL
CREATE TEMP TABLE arrived (id bigint, at_us bigint);
\\copy arrived FROM '$work/arrivals.txt' WITH (DELIMITER ' ')
SELECT json_build_object('changes', count(*),
  'p50_ms', round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1),
  'p99_ms', round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric, 1),
  'max_ms', round(max(ms)::numeric, 1))
FROM (SELECT a.at_us / 1000.0 - extract(epoch FROM
        pg_xact_commit_timestamp((h.tx % 4294967296)::text::xid)) * 1000 AS ms
      FROM arrived a JOIN seat_history h ON h.id = a.id) d;
SQL
}
wrk_holds() { # seconds -> "201s 409s other errors rps p50 p99"
  HOT=0 ROWS="$rows" PER="$per_row" KEY="$key" HOLD_PATH="/v1/events/$ev/holds" \
    wrk -t1 -c64 -d"${1}s" --latency -s "$repo/benches/http/hold.lua" "$base" 2>&1 |
    sed -n 's/^RESULT //p'
}

"$bin" serve --listen 127.0.0.1:0 2>serve.log &
server=$!
for _ in $(seq 1 100); do grep -q '^listening on ' serve.log && break; sleep 0.1; done
base="$(sed -n 's/^listening on //p' serve.log | head -1)"
[ -n "$base" ] || { cat serve.log; exit 1; }
echo "PostgreSQL $(psql "$url" -Atc 'SHOW server_version'), $((rows * per_row)) seats, ${secs}s per run, $(nproc) cores"

for n in 1 1000; do
  reset
  m=$(( n < 10 ? n : 10 ))
  follow "$n" "$m" $((secs + 4))
  "$bin" --json simulate --event bench --in-place --yes --rate 500 --duration "${secs}s" \
    --reserve-ratio 0.5 >sim.json 2>/dev/null || true
  wait "$followers" || true; followers=""
  holds=$(python3 -c "import json; r=json.load(open('sim.json'))['runs'][0]; print(r['throughput']['holds_per_s'])")
  printf '{"run":"latency","followers":%d,"holds_per_s":%s,"follow":%s,"from_commit":%s}\n' \
    "$n" "$holds" "$(cat follow.json)" "$(from_commit)"
done

# Five rounds, without and with followers in turn, so that a slow moment of the machine falls
# on both; the median round of each is compared.
: >holds0.txt; : >holds1000.txt
for round in 1 2 3 4 5; do
  for n in 0 1000; do
    reset
    if [ "$n" -gt 0 ]; then follow "$n" 1 $((secs + 6)); fi
    read -r c201 c409 other errs rps p50 p99 < <(wrk_holds "$secs")
    drops=""
    if [ "$n" -gt 0 ]; then kill -TERM "$followers"; wait "$followers" || true; followers=""; drops=$(cat follow.json); fi
    echo "$((c201 / secs))" >>"holds$n.txt"
    printf '{"run":"holds","round":%d,"followers":%d,"holds_per_s":%d,"p50_ms":"%s","p99_ms":"%s","other":%d,"follow":%s}\n' \
      "$round" "$n" $((c201 / secs)) "$p50" "$p99" $((other + errs)) "${drops:-null}"
  done
done
"$bin" audit bench >/dev/null || { echo "the audit failed"; exit 10; }
without=$(sort -n holds0.txt | sed -n 3p)
with=$(sort -n holds1000.txt | sed -n 3p)
echo "holds/s, median of 5: $without without followers, $with with 1 000: $((100 * with / without))%"
