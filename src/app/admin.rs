//! Looking after the installation: database migrations, schema status, and the checks behind
//! `doctor` (can the database and Redis be reached, is the schema current).

use std::time::{Duration, Instant};

use super::Session;
use crate::contract::SchemaReport;
use crate::error::Result;
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
        redis::ping(&s.redis_url, s.config.redis.timeout.0).await
    }
}
