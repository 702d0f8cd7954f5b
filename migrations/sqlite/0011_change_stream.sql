-- The change stream: on SQLite (one machine, one writer at a time, so history ids are given
-- in commit order) readers poll `seat_history` by id through `seat_history_by_event`; nothing
-- to add. This migration keeps the two backends' versions in step.
SELECT 1;
