# Sourced by the benchmark scripts. reset_event URL EVENT_ID: every seat of the event
# available at version 0, its history, reservations and holds gone, tables vacuumed and a
# checkpoint taken, so that each run of a pair starts from the same state.
reset_event() {
  psql "$1" -q >/dev/null <<SQL
UPDATE seats SET status = 'available', hold_id = NULL, held_until = NULL, reservation_id = NULL,
  version = 0 WHERE event_id = '$2' AND (status <> 'available' OR version <> 0);
DELETE FROM seat_history WHERE event_id = '$2';
DELETE FROM reservations WHERE event_id = '$2';
DELETE FROM holds WHERE event_id = '$2';
VACUUM ANALYZE seats;
VACUUM ANALYZE holds;
VACUUM ANALYZE seat_history;
VACUUM ANALYZE reservations;
CHECKPOINT;
SQL
}

# start_private_pg DIR [SETTING…]: a private PostgreSQL cluster in DIR (initdb + pg_ctl, as the
# postgres user when run as root), listening on a free loopback port with the given
# postgresql.conf lines; its URL in $private_url. stop_private_pg DIR stops it.
start_private_pg() {
  local dir=$1; shift
  local bindir
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -x "$bindir/initdb" ] || { echo "no PostgreSQL server programs (initdb) found" >&2; return 1; }
  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  mkdir -p "$dir"
  local as=()
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; as=(runuser -u postgres --); fi
  "${as[@]}" "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-sync >/dev/null
  { echo "listen_addresses = '127.0.0.1'"; echo "port = $port"
    echo "unix_socket_directories = '$dir'"; printf '%s\n' "$@"; } >>"$dir/data/postgresql.conf"
  "${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w start >/dev/null
  private_url="postgres://postgres@127.0.0.1:$port/postgres"
}
stop_private_pg() {
  local bindir as=()
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
  "${as[@]}" "$bindir/pg_ctl" -D "$1/data" -m fast -w stop >/dev/null 2>&1 || true
}
