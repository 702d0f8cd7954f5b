-- General-admission areas (a dance floor, a standing terrace): a capacity and a category, no
-- seats. An area's places are rows of `seats` with `area` set (section = the area's name, no
-- row, numbers 1..capacity), so a place is held, reserved, released, locked, lapsed and
-- audited exactly as a seat is, and the area can never be oversold: each place has one owner.
-- `areas` keeps the capacity the layout gave, apart from the places, so the audit can check the
-- places against it.

ALTER TABLE seats ADD COLUMN area boolean NOT NULL DEFAULT false;

CREATE TABLE areas (
    event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    name     text NOT NULL CHECK (length(name) > 0),
    category text,
    capacity bigint NOT NULL CHECK (capacity > 0),
    PRIMARY KEY (event_id, name)
);

CREATE OR REPLACE VIEW seat_state AS
SELECT id, event_id, section, row_name, number, label, category, section_pos, row_pos,
       CASE WHEN status = 'held' AND held_until <= now() THEN 'available' ELSE status END AS status,
       CASE WHEN status = 'held' AND held_until <= now() THEN NULL ELSE hold_id END AS hold_id,
       reservation_id,
       CASE WHEN status = 'held' AND held_until <= now() THEN NULL ELSE held_until END AS held_until,
       version,
       block_reason,
       attributes,
       seat_pos,
       external_id,
       area
FROM seats;

-- Best-available walks an event's rows in layout order, a few at a time, for rows with a free
-- seat (a stadium is never read whole for one party). Partial: sold and blocked seats are not
-- in it, so a sold-out front costs nothing to walk past.
CREATE INDEX seats_free_by_row ON seats (event_id, section_pos, row_pos)
    WHERE status IN ('available', 'held');
