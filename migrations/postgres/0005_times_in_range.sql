-- Every stored time must be one clients can read: chrono (and so seatctl) stops at year
-- 262143, PostgreSQL at 294276, and a hold that once stored year 275817 made every read of
-- its event panic. Times past 9999 are clamped to the end of 9999, then refused.
UPDATE holds SET expires_at = '9999-12-31 23:59:59+00' WHERE expires_at > '9999-12-31 23:59:59+00';
UPDATE holds SET created_at = '9999-12-31 23:59:59+00' WHERE created_at > '9999-12-31 23:59:59+00';
UPDATE seats SET held_until = '9999-12-31 23:59:59+00' WHERE held_until > '9999-12-31 23:59:59+00';
UPDATE events SET starts_at = '9999-12-31 23:59:59+00' WHERE starts_at > '9999-12-31 23:59:59+00';
ALTER TABLE holds ADD CONSTRAINT holds_times_in_range
    CHECK (expires_at <= '9999-12-31 23:59:59+00' AND created_at <= '9999-12-31 23:59:59+00');
ALTER TABLE seats ADD CONSTRAINT seats_held_until_in_range
    CHECK (held_until <= '9999-12-31 23:59:59+00');
ALTER TABLE events ADD CONSTRAINT events_starts_at_in_range
    CHECK (starts_at <= '9999-12-31 23:59:59+00');
