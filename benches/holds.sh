#!/usr/bin/env bash
# Benchmark: single-seat hold throughput and latency for each strategy at 1, 8 and 32 workers
# on PostgreSQL, next to pgbench at the same concurrency running
#   (a) exactly the SQL transaction an occ hold executes, and
#   (b) the minimal single-statement conditional UPDATE of one seat,
# then one `seatctl hold` as a whole process (start, connect, hold, exit).
# Uses a scratch database (dropped afterwards) and a private Redis key prefix.
# Usage: benches/holds.sh [SECONDS_PER_RUN]
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-10}"
admin="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
redis="${TEST_REDIS_URL:-redis://127.0.0.1:6379}"
seats=99999

cargo build --release --quiet
cargo bench --bench holds --no-run --quiet 2>/dev/null
bin="$PWD/target/release/seatctl"
work="$(mktemp -d)"
db="seatctl_bench_holds_$$"
cleanup() {
  psql "$admin" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
psql "$admin" -qc "CREATE DATABASE $db" >/dev/null
url="${admin%/*}/$db"
export DATABASE_URL="$url"
"$bin" db migrate >/dev/null
"$bin" event create --name bench --seats "$seats" >/dev/null
ev=$(psql "$url" -Atc "SELECT id FROM events WHERE name = 'bench'")

reset() {
  psql "$url" -q >/dev/null <<SQL
UPDATE seats SET status = 'available', hold_id = NULL, held_until = NULL, reservation_id = NULL,
  version = 0 WHERE event_id = '$ev' AND (status <> 'available' OR version <> 0);
DELETE FROM seat_history WHERE event_id = '$ev';
DELETE FROM holds WHERE event_id = '$ev';
VACUUM ANALYZE seats;
VACUUM ANALYZE holds;
VACUUM ANALYZE seat_history;
SQL
}

# (a): the statements of Store::try_hold for one seat, in order, as prepared statements.
cat >"$work/a.sql" <<SQL
\set n random(1, $seats)
BEGIN;
SELECT id, label, status, version FROM seat_state WHERE event_id = '$ev' AND label IN (:n::text) \gset
INSERT INTO holds (id, event_id, holder, terminal, idempotency_key, seat_count, expires_at) VALUES (gen_random_uuid(), '$ev', NULL, 'pgbench', NULL, 1, now() + 600000 * interval '1 millisecond') RETURNING id AS hid, expires_at AS exp \gset
UPDATE seats SET status = 'held', reservation_id = NULL, version = version + 1, hold_id = :hid, held_until = :exp WHERE event_id = '$ev' AND ((id = :id AND version = :version)) RETURNING id, label;
INSERT INTO seat_history (event_id, seat_id, seat_label, from_status, to_status, hold_id, reservation_id, actor, terminal) VALUES ('$ev', :id, :label, 'available', 'held', :hid, NULL, 'pgbench', 'pgbench');
COMMIT;
SQL
# (b): one conditional UPDATE that always matches, so every statement writes.
base=$(psql "$url" -Atc "SELECT min(id) - 1 FROM seats WHERE event_id = '$ev'")
cat >"$work/b.sql" <<SQL
\set n random(1, $seats)
UPDATE seats SET version = version + 1 WHERE id = :n + $base AND version = version;
SQL

pgb() { # script clients
  local jobs=$(( $2 < 2 ? 1 : 2 ))
  pgbench -n -M prepared -f "$1" -c "$2" -j "$jobs" -T "$secs" "$url" 2>/dev/null \
    | awk '/^tps = / {printf "%.0f", $3}'
}
ours() { # strategy workers
  cargo bench --quiet --bench holds -- "$url" bench "$2" "$secs" "$1" "$redis" 2>/dev/null \
    | sed -n 's/.*"per_s":\([0-9]*\).*"p50_ms":\([0-9.]*\),"p99_ms":\([0-9.]*\).*/\1 \2 \3/p'
}

echo "PostgreSQL $(psql "$url" -Atc 'SHOW server_version'), $seats seats, ${secs}s per run, $(nproc) cores"
printf '%-7s | %-22s | %-22s | %-11s | %-11s | %-9s | %-9s\n' workers "occ holds/s (p50, p99)" "redis holds/s (p50, p99)" "pgbench (a)" "pgbench (b)" "occ/(a)" "(a)/(b)"
for w in 1 8 32; do
  reset; read -r occ occ50 occ99 < <(ours occ "$w")
  reset; read -r red red50 red99 < <(ours redis "$w")
  reset; a=$(pgb "$work/a.sql" "$w")
  reset; b=$(pgb "$work/b.sql" "$w")
  printf '%-7s | %-22s | %-22s | %-11s | %-11s | %-9s | %-9s\n' "$w" \
    "$occ ($occ50, $occ99 ms)" "$red ($red50, $red99 ms)" "$a tps" "$b tps" \
    "$(( 100 * occ / a ))%" "$(( 100 * a / b ))%"
done

reset
times=()
for i in $(seq 1 50); do
  t0=$(date +%s%N)
  "$bin" hold bench "$i" >/dev/null
  t1=$(date +%s%N)
  times+=($(( (t1 - t0) / 1000 )))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
p50=$(echo "$sorted" | sed -n '25p')
p90=$(echo "$sorted" | sed -n '45p')
echo "one \`seatctl hold\` process (start, connect, check schema, hold, exit), 50 runs: p50 $((p50 / 1000)).$(( (p50 % 1000) / 100 )) ms, p90 $((p90 / 1000)).$(( (p90 % 1000) / 100 )) ms"
