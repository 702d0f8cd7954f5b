-- Every stored time must be one clients can read: chrono (and so seatctl) stops at year
-- 262143, PostgreSQL goes to 294276 and to ±infinity, and a hold that once stored year 275817
-- made every read of its event panic. Times are clamped to years 0001..9999, then held there.
-- (seat_history is append-only and only ever written with now(): it is checked for new rows.)
UPDATE holds SET expires_at = LEAST(GREATEST(expires_at, '0001-01-01 00:00:00+00'), '9999-12-31 23:59:59+00')
    WHERE expires_at < '0001-01-01 00:00:00+00' OR expires_at > '9999-12-31 23:59:59+00';
UPDATE holds SET created_at = LEAST(GREATEST(created_at, '0001-01-01 00:00:00+00'), '9999-12-31 23:59:59+00')
    WHERE created_at < '0001-01-01 00:00:00+00' OR created_at > '9999-12-31 23:59:59+00';
UPDATE seats SET held_until = LEAST(GREATEST(held_until, '0001-01-01 00:00:00+00'), '9999-12-31 23:59:59+00')
    WHERE held_until < '0001-01-01 00:00:00+00' OR held_until > '9999-12-31 23:59:59+00';
UPDATE events SET starts_at = LEAST(GREATEST(starts_at, '0001-01-01 00:00:00+00'), '9999-12-31 23:59:59+00')
    WHERE starts_at < '0001-01-01 00:00:00+00' OR starts_at > '9999-12-31 23:59:59+00';
UPDATE events SET created_at = LEAST(GREATEST(created_at, '0001-01-01 00:00:00+00'), '9999-12-31 23:59:59+00')
    WHERE created_at < '0001-01-01 00:00:00+00' OR created_at > '9999-12-31 23:59:59+00';
UPDATE reservations SET created_at = LEAST(GREATEST(created_at, '0001-01-01 00:00:00+00'), '9999-12-31 23:59:59+00')
    WHERE created_at < '0001-01-01 00:00:00+00' OR created_at > '9999-12-31 23:59:59+00';
UPDATE reservations SET released_at = LEAST(GREATEST(released_at, '0001-01-01 00:00:00+00'), '9999-12-31 23:59:59+00')
    WHERE released_at < '0001-01-01 00:00:00+00' OR released_at > '9999-12-31 23:59:59+00';
ALTER TABLE holds ADD CONSTRAINT holds_times_in_range CHECK (
    expires_at BETWEEN '0001-01-01 00:00:00+00' AND '9999-12-31 23:59:59+00'
    AND created_at BETWEEN '0001-01-01 00:00:00+00' AND '9999-12-31 23:59:59+00');
ALTER TABLE seats ADD CONSTRAINT seats_held_until_in_range
    CHECK (held_until BETWEEN '0001-01-01 00:00:00+00' AND '9999-12-31 23:59:59+00');
ALTER TABLE events ADD CONSTRAINT events_times_in_range CHECK (
    starts_at BETWEEN '0001-01-01 00:00:00+00' AND '9999-12-31 23:59:59+00'
    AND created_at BETWEEN '0001-01-01 00:00:00+00' AND '9999-12-31 23:59:59+00');
ALTER TABLE reservations ADD CONSTRAINT reservations_times_in_range CHECK (
    created_at BETWEEN '0001-01-01 00:00:00+00' AND '9999-12-31 23:59:59+00'
    AND released_at BETWEEN '0001-01-01 00:00:00+00' AND '9999-12-31 23:59:59+00');
ALTER TABLE seat_history ADD CONSTRAINT seat_history_at_in_range
    CHECK (at BETWEEN '0001-01-01 00:00:00+00' AND '9999-12-31 23:59:59+00') NOT VALID;
