-- Seats set aside (house seats, broken seats, camera positions): out of sale until unblocked.
-- SQLite cannot change a CHECK constraint in place: the seats table is rebuilt (no other table
-- references it), with its indexes and the view over it.

DROP VIEW seat_state;

CREATE TABLE seats_new (
    id             INTEGER PRIMARY KEY,
    event_id       BLOB NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    section        TEXT NOT NULL,
    row_name       TEXT NOT NULL,
    number         INTEGER NOT NULL CHECK (number > 0),
    label          TEXT NOT NULL,
    category       TEXT,
    section_pos    INTEGER NOT NULL,
    row_pos        INTEGER NOT NULL,
    status         TEXT NOT NULL DEFAULT 'available'
                   CHECK (status IN ('available', 'held', 'reserved', 'blocked')),
    hold_id        BLOB REFERENCES holds (id),
    reservation_id BLOB REFERENCES reservations (id),
    held_until     TEXT,
    version        INTEGER NOT NULL DEFAULT 0,
    block_reason   TEXT,
    UNIQUE (event_id, label),
    UNIQUE (event_id, section, row_name, number),
    CHECK (
        (status = 'available' AND hold_id IS NULL AND reservation_id IS NULL AND held_until IS NULL
            AND block_reason IS NULL)
        OR (status = 'blocked' AND hold_id IS NULL AND reservation_id IS NULL AND held_until IS NULL)
        OR (status = 'held' AND hold_id IS NOT NULL AND reservation_id IS NULL
            AND held_until IS NOT NULL AND block_reason IS NULL)
        OR (status = 'reserved' AND reservation_id IS NOT NULL AND block_reason IS NULL)
    )
) STRICT;
INSERT INTO seats_new (id, event_id, section, row_name, number, label, category, section_pos,
                       row_pos, status, hold_id, reservation_id, held_until, version)
SELECT id, event_id, section, row_name, number, label, category, section_pos, row_pos, status,
       hold_id, reservation_id, held_until, version
FROM seats;
DROP TABLE seats;
ALTER TABLE seats_new RENAME TO seats;
CREATE INDEX seats_by_status ON seats (event_id, status);
CREATE INDEX seats_by_hold ON seats (hold_id) WHERE hold_id IS NOT NULL;
CREATE INDEX seats_by_reservation ON seats (reservation_id) WHERE reservation_id IS NOT NULL;

ALTER TABLE seat_history ADD COLUMN note TEXT;

CREATE VIEW seat_state AS
SELECT id, event_id, section, row_name, number, label, category, section_pos, row_pos,
       CASE WHEN status = 'held' AND held_until <= strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
            THEN 'available' ELSE status END AS status,
       CASE WHEN status = 'held' AND held_until <= strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
            THEN NULL ELSE hold_id END AS hold_id,
       reservation_id,
       CASE WHEN status = 'held' AND held_until <= strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
            THEN NULL ELSE held_until END AS held_until,
       version,
       block_reason
FROM seats;
