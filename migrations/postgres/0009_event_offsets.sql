-- An event keeps the UTC offset its start was given in (`--starts-at 2026-12-31T20:00+01:00`):
-- `starts_at` stays the instant, this column the offset in seconds east of UTC, so the start is
-- shown as the venue's clock says it. NULL (events from before): UTC.

ALTER TABLE events ADD COLUMN starts_at_offset_s integer
    CHECK (starts_at_offset_s BETWEEN -86399 AND 86399);
