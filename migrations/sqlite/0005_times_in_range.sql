-- Every stored time must be one clients can read (years 0000 to 9999 on SQLite, which stores
-- them as text): one it cannot read as a date is set to the end of 9999, then refused on the
-- way in. (seat_history is append-only and written with SQLite's own clock.)
UPDATE holds SET expires_at = '9999-12-31T23:59:59.000+00:00' WHERE julianday(expires_at) IS NULL;
UPDATE holds SET created_at = '9999-12-31T23:59:59.000+00:00' WHERE julianday(created_at) IS NULL;
UPDATE seats SET held_until = '9999-12-31T23:59:59.000+00:00'
    WHERE held_until IS NOT NULL AND julianday(held_until) IS NULL;
UPDATE events SET starts_at = '9999-12-31T23:59:59.000+00:00'
    WHERE starts_at IS NOT NULL AND julianday(starts_at) IS NULL;
UPDATE events SET created_at = '9999-12-31T23:59:59.000+00:00' WHERE julianday(created_at) IS NULL;
UPDATE reservations SET created_at = '9999-12-31T23:59:59.000+00:00' WHERE julianday(created_at) IS NULL;
UPDATE reservations SET released_at = '9999-12-31T23:59:59.000+00:00'
    WHERE released_at IS NOT NULL AND julianday(released_at) IS NULL;
CREATE TRIGGER holds_times_in_range_insert BEFORE INSERT ON holds
WHEN julianday(NEW.expires_at) IS NULL OR julianday(NEW.created_at) IS NULL
BEGIN SELECT RAISE(ABORT, 'holds: expires_at or created_at out of range'); END;
CREATE TRIGGER holds_times_in_range_update BEFORE UPDATE OF expires_at, created_at ON holds
WHEN julianday(NEW.expires_at) IS NULL OR julianday(NEW.created_at) IS NULL
BEGIN SELECT RAISE(ABORT, 'holds: expires_at or created_at out of range'); END;
CREATE TRIGGER seats_held_until_in_range_insert BEFORE INSERT ON seats
WHEN NEW.held_until IS NOT NULL AND julianday(NEW.held_until) IS NULL
BEGIN SELECT RAISE(ABORT, 'seats: held_until out of range'); END;
CREATE TRIGGER seats_held_until_in_range_update BEFORE UPDATE OF held_until ON seats
WHEN NEW.held_until IS NOT NULL AND julianday(NEW.held_until) IS NULL
BEGIN SELECT RAISE(ABORT, 'seats: held_until out of range'); END;
CREATE TRIGGER events_times_in_range_insert BEFORE INSERT ON events
WHEN (NEW.starts_at IS NOT NULL AND julianday(NEW.starts_at) IS NULL) OR julianday(NEW.created_at) IS NULL
BEGIN SELECT RAISE(ABORT, 'events: starts_at or created_at out of range'); END;
CREATE TRIGGER events_times_in_range_update BEFORE UPDATE OF starts_at, created_at ON events
WHEN (NEW.starts_at IS NOT NULL AND julianday(NEW.starts_at) IS NULL) OR julianday(NEW.created_at) IS NULL
BEGIN SELECT RAISE(ABORT, 'events: starts_at or created_at out of range'); END;
CREATE TRIGGER reservations_times_in_range_insert BEFORE INSERT ON reservations
WHEN julianday(NEW.created_at) IS NULL OR (NEW.released_at IS NOT NULL AND julianday(NEW.released_at) IS NULL)
BEGIN SELECT RAISE(ABORT, 'reservations: created_at or released_at out of range'); END;
CREATE TRIGGER reservations_times_in_range_update BEFORE UPDATE OF created_at, released_at ON reservations
WHEN julianday(NEW.created_at) IS NULL OR (NEW.released_at IS NOT NULL AND julianday(NEW.released_at) IS NULL)
BEGIN SELECT RAISE(ABORT, 'reservations: created_at or released_at out of range'); END;
