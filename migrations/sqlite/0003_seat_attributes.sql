-- Seat attributes from the layout: accessible (wheelchair space), companion (kept for a
-- wheelchair user's companion), restricted-view. A comma list in a fixed order, NULL for none.

ALTER TABLE seats ADD COLUMN attributes TEXT;

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
       attributes
FROM seats;
