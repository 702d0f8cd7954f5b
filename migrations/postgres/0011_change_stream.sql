-- The change stream (`GET /v1/events/{event}/changes`, `seatctl watch`): every committed seat
-- change is told to every process connected to the database.
--
-- The process that made a change sends `NOTIFY seatctl_changes, '<event id>'` after its
-- transaction commits (a NOTIFY inside the writing transaction would hold PostgreSQL's global
-- notification lock through the commit's WAL flush, serialising every commit: measured at a
-- quarter of the throughput). A notification only says "look": listeners read the rows from
-- this table, so a rolled-back change is never told and a lost notification loses nothing
-- (listeners also look every second).
--
-- `tx` is the writing transaction's id. History ids are handed out when a row is written, not
-- when it commits: a transaction may write id 100 and commit after another's id 101 has been
-- read. A reader therefore reads in (tx, id) order, and only rows of transactions older than
-- every transaction still running (`pg_snapshot_xmin`): all of those have ended, so nothing
-- can later appear before what was read. Rows written before this migration have tx 0.
ALTER TABLE seat_history ADD COLUMN tx bigint NOT NULL DEFAULT 0;
ALTER TABLE seat_history ALTER COLUMN tx SET DEFAULT (pg_current_xact_id()::text::bigint);
CREATE INDEX seat_history_by_tx ON seat_history (event_id, tx, id);
