-- seatctl schema for embedded SQLite. Same tables as PostgreSQL; uuids are 16-byte blobs and
-- times are RFC 3339 text in UTC ("2026-11-25T09:12:23.950+00:00"), which sorts and compares
-- correctly as text because every writer uses the +00:00 form.

CREATE TABLE events (
    id             BLOB PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
    venue          TEXT,
    starts_at      TEXT,
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')),
    layout_version INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE holds (
    id              BLOB PRIMARY KEY,
    event_id        BLOB NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    status          TEXT NOT NULL DEFAULT 'active'
                    CHECK (status IN ('active', 'reserved', 'released', 'expired')),
    holder          TEXT,
    terminal        TEXT,
    idempotency_key TEXT,
    seat_count      INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')),
    expires_at      TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX holds_idempotency ON holds (event_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX holds_lapse ON holds (event_id, status, expires_at);

CREATE TABLE reservations (
    id          BLOB PRIMARY KEY,
    event_id    BLOB NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    hold_id     BLOB NOT NULL UNIQUE REFERENCES holds (id) ON DELETE CASCADE,
    status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'released')),
    customer    TEXT,
    reference   TEXT,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')),
    released_at TEXT
) STRICT;

CREATE TABLE seats (
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
                   CHECK (status IN ('available', 'held', 'reserved')),
    hold_id        BLOB REFERENCES holds (id),
    reservation_id BLOB REFERENCES reservations (id),
    held_until     TEXT,
    version        INTEGER NOT NULL DEFAULT 0,
    UNIQUE (event_id, label),
    UNIQUE (event_id, section, row_name, number),
    CHECK (
        (status = 'available' AND hold_id IS NULL AND reservation_id IS NULL AND held_until IS NULL)
        OR (status = 'held' AND hold_id IS NOT NULL AND reservation_id IS NULL AND held_until IS NOT NULL)
        OR (status = 'reserved' AND reservation_id IS NOT NULL)
    )
) STRICT;
CREATE INDEX seats_by_status ON seats (event_id, status);
CREATE INDEX seats_by_hold ON seats (hold_id) WHERE hold_id IS NOT NULL;
CREATE INDEX seats_by_reservation ON seats (reservation_id) WHERE reservation_id IS NOT NULL;

CREATE TABLE seat_history (
    id             INTEGER PRIMARY KEY,
    event_id       BLOB NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    seat_id        INTEGER NOT NULL,
    seat_label     TEXT NOT NULL,
    from_status    TEXT NOT NULL,
    to_status      TEXT NOT NULL,
    hold_id        BLOB,
    reservation_id BLOB,
    actor          TEXT,
    terminal       TEXT,
    at             TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'))
) STRICT;
CREATE INDEX seat_history_by_event ON seat_history (event_id, id);
CREATE INDEX seat_history_by_hold ON seat_history (hold_id) WHERE hold_id IS NOT NULL;

CREATE TRIGGER seat_history_no_update BEFORE UPDATE ON seat_history
BEGIN
    SELECT RAISE(ABORT, 'seat_history is append-only');
END;

CREATE VIEW seat_state AS
SELECT id, event_id, section, row_name, number, label, category, section_pos, row_pos,
       CASE WHEN status = 'held' AND held_until <= strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
            THEN 'available' ELSE status END AS status,
       CASE WHEN status = 'held' AND held_until <= strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
            THEN NULL ELSE hold_id END AS hold_id,
       reservation_id,
       CASE WHEN status = 'held' AND held_until <= strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
            THEN NULL ELSE held_until END AS held_until,
       version
FROM seats;
