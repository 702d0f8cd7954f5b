-- seatctl schema for PostgreSQL. Times are timestamptz taken from the server clock (now()),
-- so terminals with skewed clocks agree on when a hold lapses.

CREATE TABLE events (
    id             uuid PRIMARY KEY,
    name           text NOT NULL UNIQUE CHECK (length(name) > 0),
    venue          text,
    starts_at      timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    -- Bumped by every layout import; the UPDATE doubles as the event's write lock.
    layout_version bigint NOT NULL DEFAULT 0
);

CREATE TABLE holds (
    id              uuid PRIMARY KEY,
    event_id        uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    status          text NOT NULL DEFAULT 'active'
                    CHECK (status IN ('active', 'reserved', 'released', 'expired')),
    holder          text,
    terminal        text,
    idempotency_key text,
    seat_count      bigint NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL
);
-- Partial: holds without a key (most of them) cost no entry here.
CREATE UNIQUE INDEX holds_idempotency ON holds (event_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX holds_lapse ON holds (event_id, status, expires_at);

CREATE TABLE reservations (
    id          uuid PRIMARY KEY,
    event_id    uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    hold_id     uuid NOT NULL UNIQUE REFERENCES holds (id) ON DELETE CASCADE,
    status      text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'released')),
    customer    text,
    reference   text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    released_at timestamptz
);

CREATE TABLE seats (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id       uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    section        text NOT NULL,
    row_name       text NOT NULL,
    number         bigint NOT NULL CHECK (number > 0),
    label          text NOT NULL,
    category       text,
    section_pos    bigint NOT NULL,
    row_pos        bigint NOT NULL,
    status         text NOT NULL DEFAULT 'available'
                   CHECK (status IN ('available', 'held', 'reserved')),
    hold_id        uuid REFERENCES holds (id),
    reservation_id uuid REFERENCES reservations (id),
    held_until     timestamptz,
    -- Incremented by every state change: the optimistic-concurrency guard of every write.
    version        bigint NOT NULL DEFAULT 0,
    UNIQUE (event_id, label),
    UNIQUE (event_id, section, row_name, number),
    -- A seat's owner always matches its status, whatever code wrote it.
    CHECK (
        (status = 'available' AND hold_id IS NULL AND reservation_id IS NULL AND held_until IS NULL)
        OR (status = 'held' AND hold_id IS NOT NULL AND reservation_id IS NULL AND held_until IS NOT NULL)
        OR (status = 'reserved' AND reservation_id IS NOT NULL)
    )
);
CREATE INDEX seats_by_status ON seats (event_id, status);
CREATE INDEX seats_by_hold ON seats (hold_id) WHERE hold_id IS NOT NULL;
CREATE INDEX seats_by_reservation ON seats (reservation_id) WHERE reservation_id IS NOT NULL;

-- Append-only audit trail of every seat state change, written in the same transaction as the
-- change. No foreign key to seats: the history outlives a replaced layout.
CREATE TABLE seat_history (
    id             bigint GENERATED ALWAYS AS IDENTITY,
    event_id       uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    seat_id        bigint NOT NULL,
    seat_label     text NOT NULL,
    from_status    text NOT NULL,
    to_status      text NOT NULL,
    hold_id        uuid,
    reservation_id uuid,
    actor          text,
    terminal       text,
    at             timestamptz NOT NULL DEFAULT now(),
    -- One index serves both the key and "an event's history in order".
    PRIMARY KEY (event_id, id)
);
CREATE INDEX seat_history_by_hold ON seat_history (hold_id) WHERE hold_id IS NOT NULL;

CREATE FUNCTION seat_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'seat_history is append-only';
END
$$;
CREATE TRIGGER seat_history_no_update BEFORE UPDATE ON seat_history
    FOR EACH ROW EXECUTE FUNCTION seat_history_append_only();

-- What every read sees: a hold that has lapsed counts as available at once, whether or not a
-- sweep has tidied the row yet.
CREATE VIEW seat_state AS
SELECT id, event_id, section, row_name, number, label, category, section_pos, row_pos,
       CASE WHEN status = 'held' AND held_until <= now() THEN 'available' ELSE status END AS status,
       CASE WHEN status = 'held' AND held_until <= now() THEN NULL ELSE hold_id END AS hold_id,
       reservation_id,
       CASE WHEN status = 'held' AND held_until <= now() THEN NULL ELSE held_until END AS held_until,
       version
FROM seats;
