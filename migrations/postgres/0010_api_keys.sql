-- API keys for `seatctl serve`: who may call the HTTP API, and with which role. The key
-- itself is shown once when it is made and never stored: only its SHA-256 digest (hex) is,
-- so a copy of the database lets no one in. `prefix` (the key's first characters) tells keys
-- apart in `apikey list`. A revoked key stays, for the history that names it; its name may
-- then be given to a new key.

CREATE TABLE api_keys (
    id         uuid PRIMARY KEY,
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    role       text NOT NULL CHECK (role IN ('operator', 'box-office', 'readonly')),
    key_sha256 text NOT NULL UNIQUE,
    prefix     text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text,
    revoked_at timestamptz
);

CREATE UNIQUE INDEX api_keys_active_name ON api_keys (name) WHERE revoked_at IS NULL;
