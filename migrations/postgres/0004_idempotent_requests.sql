-- What a hold's idempotency key was given for (the request, as canonical JSON): a retry with
-- the same key must ask for the same thing, else it is refused instead of replayed.

ALTER TABLE holds ADD COLUMN idempotency_request TEXT;
