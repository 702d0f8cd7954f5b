-- Every stored time must be one clients can read (years 0000 to 9999 on SQLite, which stores
-- them as text): one it cannot read as a date is set to the end of 9999, then refused on the
-- way in.
UPDATE holds SET expires_at = '9999-12-31T23:59:59.000+00:00' WHERE julianday(expires_at) IS NULL;
UPDATE holds SET created_at = '9999-12-31T23:59:59.000+00:00' WHERE julianday(created_at) IS NULL;
UPDATE seats SET held_until = '9999-12-31T23:59:59.000+00:00'
    WHERE held_until IS NOT NULL AND julianday(held_until) IS NULL;
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
