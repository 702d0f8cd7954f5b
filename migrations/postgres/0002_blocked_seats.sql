-- Seats set aside (house seats, broken seats, camera positions): out of sale until unblocked.
-- Blocking is a state change like any other: version-guarded, recorded in the history (with
-- the reason as the history row's note).

ALTER TABLE seats DROP CONSTRAINT seats_status_check;
ALTER TABLE seats ADD CONSTRAINT seats_status_check
    CHECK (status IN ('available', 'held', 'reserved', 'blocked'));
ALTER TABLE seats DROP CONSTRAINT seats_check;
ALTER TABLE seats ADD COLUMN block_reason text;
ALTER TABLE seats ADD CONSTRAINT seats_owner_check CHECK (
    (status = 'available' AND hold_id IS NULL AND reservation_id IS NULL AND held_until IS NULL
        AND block_reason IS NULL)
    OR (status = 'blocked' AND hold_id IS NULL AND reservation_id IS NULL AND held_until IS NULL)
    OR (status = 'held' AND hold_id IS NOT NULL AND reservation_id IS NULL AND held_until IS NOT NULL
        AND block_reason IS NULL)
    OR (status = 'reserved' AND reservation_id IS NOT NULL AND block_reason IS NULL)
);
ALTER TABLE seat_history ADD COLUMN note text;

CREATE OR REPLACE VIEW seat_state AS
SELECT id, event_id, section, row_name, number, label, category, section_pos, row_pos,
       CASE WHEN status = 'held' AND held_until <= now() THEN 'available' ELSE status END AS status,
       CASE WHEN status = 'held' AND held_until <= now() THEN NULL ELSE hold_id END AS hold_id,
       reservation_id,
       CASE WHEN status = 'held' AND held_until <= now() THEN NULL ELSE held_until END AS held_until,
       version,
       block_reason
FROM seats;
