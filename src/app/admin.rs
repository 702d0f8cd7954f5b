//! Looking after the installation: database migrations, schema status, and the checks behind
//! `doctor` (can the database and Redis be reached, is the schema current).

use std::time::{Duration, Instant};

use super::Session;
use crate::contract::SchemaReport;
use crate::error::{Error, Result};
use crate::store::redis;

impl Session {
    /// Applies the migrations the database lacks (PostgreSQL; SQLite migrates itself on first
    /// use). Errors: exit 6 (unreachable), 2 (a schema newer than this binary).
    pub async fn migrate(&self) -> Result<SchemaReport> {
        let store = self.connect().await?;
        let report = store.migrate().await;
        store.close().await;
        report
    }

    /// The SQL of seatctl's three least-privilege PostgreSQL roles (`{prefix}operator`: every
    /// command but migrations; `{prefix}box_office`: read, hold, extend, reserve, release,
    /// sweep; `{prefix}readonly`: read), run when `apply`. Returns the role names and the SQL.
    /// Errors: exit 2 (SQLite, or a prefix that is not a plain identifier), 7 (not allowed to
    /// create roles or grant), 6.
    pub async fn roles(&self, prefix: &str, apply: bool) -> Result<(Vec<String>, String)> {
        if !self.settings.database.is_postgres() {
            return Err(Error::invalid(
                "roles are PostgreSQL's: an SQLite database is a file, guarded by its permissions",
            ));
        }
        if prefix.is_empty()
            || !prefix
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            || prefix.starts_with(|c: char| c.is_ascii_digit())
            || prefix.len() > 40
        {
            return Err(Error::invalid(format!(
                "--prefix `{prefix}`: use lower-case letters, digits and _ (not first a digit)"
            )));
        }
        let (op, bo, ro) = (
            format!("{prefix}operator"),
            format!("{prefix}box_office"),
            format!("{prefix}readonly"),
        );
        let sql = format!(
            "DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{op}') THEN CREATE ROLE {op} NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{bo}') THEN CREATE ROLE {bo} NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{ro}') THEN CREATE ROLE {ro} NOLOGIN; END IF;
END $$;
-- Everyone reads (events, seats, holds, reservations, history, reports, the schema version).
GRANT USAGE ON SCHEMA public TO {op}, {bo}, {ro};
GRANT SELECT ON ALL TABLES IN SCHEMA public TO {op}, {bo}, {ro};
-- The box office holds, extends, reserves, releases and sweeps: new holds, reservations and
-- history rows, and a seat's state (with the price it was sold at), never its layout, a block
-- or a price.
GRANT INSERT ON holds, reservations TO {bo};
GRANT UPDATE (status, expires_at) ON holds TO {bo};
GRANT UPDATE (status, released_at) ON reservations TO {bo};
GRANT UPDATE (status, hold_id, reservation_id, held_until, version, sold_price_minor) ON seats TO {bo};
GRANT INSERT ON seat_history TO {bo};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {op}, {bo};
-- Operators do everything but change the schema (migrations stay with its owner): not even
-- the record of which migrations ran.
GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {op};
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON _sqlx_migrations FROM {op}, {bo}, {ro};"
        );
        if apply {
            let store = self.connect().await?;
            // PostgreSQL only warns when a grantor lacks the privileges it grants: check first
            // that this login owns the schema (or is a superuser), so success means granted.
            if let Err(why) = store.owns_schema().await {
                store.close().await;
                return Err(why);
            }
            let done = store.run_script(&sql).await;
            store.close().await;
            done?;
        }
        Ok((vec![op, bo, ro], sql))
    }

    /// Which migrations are applied. Errors: exit 6 (unreachable).
    pub async fn schema_status(&self) -> Result<SchemaReport> {
        let store = self.connect().await?;
        let report = store.schema_status().await;
        store.close().await;
        report
    }

    /// Connects to the database and checks its schema; the backend's name, the time it took,
    /// and whether the connection is encrypted (`None` for SQLite). Errors: exit 6
    /// (unreachable), 2 (schema not current).
    pub async fn check_database(&self) -> Result<(&'static str, Duration, Option<bool>)> {
        let started = Instant::now();
        let store = self.connect().await?;
        let schema = store.check_schema().await;
        let took = started.elapsed();
        let encrypted = store.encrypted().await;
        store.close().await;
        schema.map(|()| (store.backend(), took, encrypted))
    }

    /// PINGs Redis within `redis.timeout`; the round trip. Errors: exit 6.
    pub async fn check_redis(&self) -> Result<Duration> {
        let s = &self.settings;
        redis::ping(&s.redis_url, &s.config.redis).await
    }
}
