#!/usr/bin/env bash
# Benchmark: holds over HTTP against holds in-process, in the same run, on PostgreSQL.
#   (1) in-process: benches/holds (the `Reserver` the `hold` command and the server use), W
#       workers each holding one seat at a time, the seats in a random order (as the HTTP run
#       picks them: where the seats lie decides how much PostgreSQL writes), W = the server's
#       pool size;
#   (2) HTTP: `seatctl serve` (release build, W database connections, request logs on) under
#       wrk (Debian's `wrk`, one thread: on 2 cores a second only takes CPU from the server
#       and PostgreSQL) at 64 connections, each request holding one random seat of the event
#       named by its id, as a web shop's page would
#       (benches/http/hold.lua; two requests may pick one seat: a 409);
#   (3) HTTP, hot seat: every request holds the same seat (one 201, then only 409s).
# Every run starts from the same state (all seats free, no history); (1) and (2) run three
# times in turn and the median of each is shown. Prints holds/s, p50/p99 and the
# 201/409/other counts, and HTTP holds/s as a share of in-process.
# Usage: benches/http.sh [SECONDS_PER_RUN] [POOL]
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/common.sh
secs="${1:-10}"
pool="${2:-16}"
conns=64
admin="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
rows=100
per_row=2000
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)"; exit 1; }

cargo build --release --quiet
cargo bench --bench holds --no-run --quiet 2>/dev/null
bin="$PWD/target/release/seatctl"
work="$(mktemp -d)"
db="seatctl_bench_http_$$"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  psql "$admin" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
psql "$admin" -qc "CREATE DATABASE $db" >/dev/null
url="${admin%/*}/$db"
export DATABASE_URL="$url"
repo="$PWD"
cd "$work"
printf '[database]\nmax_connections = %d\n' "$pool" >seatctl.toml
"$bin" db migrate >/dev/null
awk -v rows="$rows" -v per="$per_row" 'BEGIN { print "section,row,seat";
  for (r = 1; r <= rows; r++) for (n = 1; n <= per; n++) printf "S,R%d,%d\n", r, n }' >venue.csv
"$bin" event create --name bench --layout venue.csv >/dev/null
ev=$(psql "$url" -Atc "SELECT id FROM events WHERE name = 'bench'")
key=$("$bin" apikey create --name wrk --role box-office --quiet)

reset() { reset_event "$url" "$ev"; }
inproc() { # workers seconds
  (cd "$repo" && SEATCTL_BENCH_ORDER=random cargo bench --quiet --bench holds -- "$url" bench "$1" "$2" occ 2>/dev/null) |
    sed -n 's/.*"per_s":\([0-9]*\).*"p50_ms":\([0-9.]*\),"p99_ms":\([0-9.]*\).*/\1 \2 \3/p'
}
http() { # hot(0|1) seconds
  HOT="$1" ROWS="$rows" PER="$per_row" KEY="$key" HOLD_PATH="/v1/events/$ev/holds" \
    wrk -t1 -c"$conns" -d"${2}s" --latency -s "$repo/benches/http/hold.lua" "$base" 2>&1 |
    sed -n 's/^RESULT //p'
}

RUST_LOG="${RUST_LOG:-}" "$bin" serve --listen 127.0.0.1:0 2>serve.log &
server=$!
for _ in $(seq 1 100); do grep -q '^listening on ' serve.log && break; sleep 0.1; done
base="$(sed -n 's/^listening on //p' serve.log | head -1)"
[ -n "$base" ] || { cat serve.log; exit 1; }

echo "PostgreSQL $(psql "$url" -Atc 'SHOW server_version'), $((rows * per_row)) seats, ${secs}s per run, $(nproc) cores; pool $pool, wrk $conns connections"
# Untimed warm-ups of both sides.
reset; inproc "$pool" 3 >/dev/null
reset; http 0 3 >/dev/null
# Three rounds, in-process and HTTP in turn, so that a slow moment of the machine falls on both;
# each side's median round is reported.
: >ip.txt; : >http.txt
for round in 1 2 3; do
  reset; inproc "$pool" "$secs" >>ip.txt
  reset; http 0 "$secs" >>http.txt
  held=$(psql "$url" -Atc "SELECT count(*) FROM seats WHERE event_id = '$ev' AND status = 'held'")
  c201=$(tail -1 http.txt | cut -d' ' -f1)
  # wrk stops with up to one request per connection unanswered: held - 201s is at most that.
  [ "$held" -ge "$c201" ] && [ "$held" -le $((c201 + conns)) ] ||
    echo "warning: round $round: $c201 answers 201 but $held seats are held" >&2
done
read -r ip ip50 ip99 < <(sort -n -k1,1 ip.txt | sed -n 2p)
read -r c201 c409 other errs rps p50 p99 < <(sort -n -k1,1 http.txt | sed -n 2p)
reset; read -r h201 h409 hother herrs hrps h50 h99 < <(http 1 "$secs")
"$bin" audit bench >/dev/null || { echo "the audit failed after the HTTP runs"; exit 10; }

printf '%-34s | %-9s | %-8s | %-8s | %-7s | %-7s | %-6s\n' run "holds/s" "p50 ms" "p99 ms" 201 409 other
printf '%-34s | %-9s | %-8s | %-8s | %-7s | %-7s | %-6s\n' "in-process, $pool workers" "$ip" "$ip50" "$ip99" "" "" ""
printf '%-34s | %-9s | %-8s | %-8s | %-7s | %-7s | %-6s\n' "HTTP, random seats, $conns connections" \
  "$(( c201 / secs ))" "$p50" "$p99" "$c201" "$c409" "$((other + errs))"
printf '%-34s | %-9s | %-8s | %-8s | %-7s | %-7s | %-6s\n' "HTTP, one hot seat, $conns connections" \
  "$(printf '%.0f' "$hrps") answers/s" "$h50" "$h99" "$h201" "$h409" "$((hother + herrs))"
echo "HTTP holds/s (201s per second) as a share of in-process: $(( 100 * c201 / secs / ip ))%"
