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
