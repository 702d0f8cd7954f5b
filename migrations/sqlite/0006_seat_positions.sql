-- Where a seat is along its row, apart from its number (real venues number odd on one side and
-- even on the other, from the centre outwards, or in a snake): adjacency, aisles and the row's
-- centre come from seat_pos when the layout gives it (a gap of more than one is an aisle), else
-- from the number as before. external_id: the layout's own id for the seat (a pretix
-- seat_guid), unique within the event when given.

ALTER TABLE seats ADD COLUMN seat_pos INTEGER CHECK (seat_pos IS NULL OR seat_pos > 0);
ALTER TABLE seats ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX seats_external_id ON seats (event_id, external_id)
    WHERE external_id IS NOT NULL;

DROP VIEW seat_state;

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
       block_reason,
       attributes,
       seat_pos,
       external_id
FROM seats;
