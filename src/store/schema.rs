//! Migrations: embedded per backend, applied by `seatctl db migrate` (PostgreSQL) or on first
//! use (embedded SQLite), and checked before any PostgreSQL command touches data.

use sqlx::migrate::Migrator;

use super::{Store, db_error, with_pool};
use crate::contract::{MigrationStatus, SchemaReport};
use crate::error::{Error, Result};

static POSTGRES: Migrator = sqlx::migrate!("./migrations/postgres");
static SQLITE: Migrator = sqlx::migrate!("./migrations/sqlite");

impl Store {
    fn migrator(&self) -> &'static Migrator {
        match self {
            Store::Postgres(_) => &POSTGRES,
            Store::Sqlite(_) => &SQLITE,
        }
    }

    /// Applied versions with their checksums; `None` when the migrations table does not exist.
    async fn applied(&self) -> Result<Option<Vec<(i64, Vec<u8>)>>> {
        let rows = with_pool!(self, |pool, _pg| {
            sqlx::query_as::<_, (i64, Vec<u8>)>(
                "SELECT version, checksum FROM _sqlx_migrations WHERE success ORDER BY version",
            )
            .fetch_all(pool)
            .await
        });
        match rows {
            Ok(rows) => Ok(Some(rows)),
            Err(e) => match db_error(e) {
                Error::Schema(_) => Ok(None),
                // SQLite reports a missing table as a generic error ("no such table").
                Error::Internal(e) if e.to_string().contains("no such table") => Ok(None),
                other => Err(other),
            },
        }
    }

    /// Fails unless every embedded migration is applied, unchanged, and nothing newer is.
    pub async fn check_schema(&self) -> Result<()> {
        let migrator = self.migrator();
        let Some(applied) = self.applied().await? else {
            return Err(Error::Schema(
                "the database has no seatctl schema yet; run `seatctl db migrate`".into(),
            ));
        };
        for (version, checksum) in &applied {
            match migrator.iter().find(|m| m.version == *version) {
                None => {
                    return Err(Error::Schema(format!(
                        "the database schema (migration {version}) is newer than this seatctl; \
                         upgrade seatctl"
                    )));
                }
                Some(m) if m.checksum.as_ref() != checksum.as_slice() => {
                    return Err(Error::Schema(format!(
                        "migration {version} in the database differs from the one built into \
                         this seatctl; the schema was changed by hand or by another build"
                    )));
                }
                Some(_) => {}
            }
        }
        let missing = migrator
            .iter()
            .filter(|m| !applied.iter().any(|(v, _)| *v == m.version));
        let missing: Vec<i64> = missing.map(|m| m.version).collect();
        if !missing.is_empty() {
            return Err(Error::Schema(format!(
                "the database schema is outdated ({} of {} migrations applied); run `seatctl db migrate`",
                applied.len(),
                migrator.iter().count()
            )));
        }
        Ok(())
    }

    /// Applies every pending migration. Safe to run concurrently: PostgreSQL serialises
    /// migrators with an advisory lock.
    pub async fn migrate(&self) -> Result<SchemaReport> {
        let before = self.applied().await?.unwrap_or_default();
        let migrator = self.migrator();
        with_pool!(self, |pool, _pg| migrator.run(pool).await).map_err(|e| match e {
            sqlx::migrate::MigrateError::Execute(e) => db_error(e),
            sqlx::migrate::MigrateError::VersionMissing(v) => Error::Schema(format!(
                "the database schema (migration {v}) is newer than this seatctl; upgrade seatctl"
            )),
            sqlx::migrate::MigrateError::VersionMismatch(v) => Error::Schema(format!(
                "migration {v} in the database differs from the one built into this seatctl"
            )),
            other => Error::Internal(anyhow::Error::new(other).context("running migrations")),
        })?;
        self.status_after(before).await
    }

    /// SQLite is embedded: migrate on first use. Two processes starting at once may race to
    /// create the schema; the loser waits and re-checks rather than failing.
    pub(super) async fn migrate_embedded(&self) -> Result<()> {
        let mut last = None;
        for attempt in 0..5u64 {
            if self.check_schema().await.is_ok() {
                return Ok(());
            }
            match self.migrate().await {
                Ok(_) => return Ok(()),
                Err(e @ Error::Schema(_)) => return Err(e),
                Err(e) => last = Some(e),
            }
            tokio::time::sleep(std::time::Duration::from_millis(50 * (attempt + 1))).await;
        }
        Err(last.unwrap_or_else(|| Error::Schema("could not migrate the SQLite database".into())))
    }

    /// Which of this binary's migrations the database has applied; changes nothing.
    pub async fn schema_status(&self) -> Result<SchemaReport> {
        let applied = self.applied().await?.unwrap_or_default();
        self.status_after(applied).await
    }

    async fn status_after(&self, before: Vec<(i64, Vec<u8>)>) -> Result<SchemaReport> {
        let now = self.applied().await?.unwrap_or_default();
        let migrations = self
            .migrator()
            .iter()
            .map(|m| MigrationStatus {
                version: m.version,
                description: m.description.to_string(),
                applied: now.iter().any(|(v, _)| *v == m.version),
            })
            .collect();
        let newly_applied = now
            .iter()
            .map(|(v, _)| *v)
            .filter(|v| !before.iter().any(|(b, _)| b == v))
            .collect();
        Ok(SchemaReport {
            backend: self.backend(),
            newly_applied,
            migrations,
        })
    }
}
