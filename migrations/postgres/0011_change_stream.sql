-- The change stream (`GET /v1/events/{event}/changes`, `seatctl watch`): every committed seat
-- change is announced to every process connected to the database.
--
-- A statement that appends history rows sends `NOTIFY seatctl_changes, '<event id>'` (once per
-- event per statement; PostgreSQL sends it at commit, so a rolled-back change is never
-- announced). Listeners then read the rows from the table, so a lost notification loses
-- nothing.
--
-- `tx` is the writing transaction's id. History ids are handed out when a row is written, not
-- when it commits: a transaction may write id 100 and commit after another's id 101 has been
-- read. A reader therefore reads in (tx, id) order, and only rows of transactions older than
-- every transaction still running (`pg_snapshot_xmin`): all of those have ended, so nothing
-- can later appear before what was read. Rows written before this migration have tx 0.
ALTER TABLE seat_history ADD COLUMN tx bigint NOT NULL DEFAULT 0;
ALTER TABLE seat_history ALTER COLUMN tx SET DEFAULT (pg_current_xact_id()::text::bigint);
CREATE INDEX seat_history_by_tx ON seat_history (event_id, tx, id);

CREATE FUNCTION seat_history_announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('seatctl_changes', e::text)
    FROM (SELECT DISTINCT event_id AS e FROM new_rows) AS changed;
    RETURN NULL;
END
$$;
CREATE TRIGGER seat_history_announce AFTER INSERT ON seat_history
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION seat_history_announce();
