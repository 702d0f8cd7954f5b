//! API keys of `seatctl serve`: stored as SHA-256 digests with a name and a role, looked up by
//! digest on every request, revoked (never deleted) by name.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{Store, db_error, with_pool};
use crate::error::{Error, Result};

/// One stored key: what `apikey list` shows and a request authenticates as.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiKeyRow {
    pub id: Uuid,
    pub name: String,
    /// `operator`, `box-office` or `readonly`.
    pub role: String,
    /// The key's first characters, to tell keys apart.
    pub prefix: String,
    pub created_at: DateTime<Utc>,
    pub created_by: Option<String>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// The columns of an [`ApiKeyRow`] (a macro, for `concat!`: every statement stays static text).
macro_rules! columns {
    () => {
        "id, name, role, prefix, created_at, created_by, revoked_at"
    };
}

impl Store {
    /// Stores a new key's digest. Errors: exit 3 when an active key has this name.
    pub async fn insert_api_key(
        &self,
        name: &str,
        role: &str,
        sha256_hex: &str,
        prefix: &str,
        created_by: &str,
    ) -> Result<ApiKeyRow> {
        let id = Uuid::now_v7();
        let sql = concat!(
            "INSERT INTO api_keys (id, name, role, key_sha256, prefix, created_by) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING ",
            columns!()
        );
        with_pool!(self, |pool, _pg| {
            sqlx::query_as::<_, ApiKeyRow>(sql)
                .bind(id)
                .bind(name)
                .bind(role)
                .bind(sha256_hex)
                .bind(prefix)
                .bind(created_by)
                .fetch_one(pool)
                .await
        })
        .map_err(|e| match &e {
            sqlx::Error::Database(d) if d.is_unique_violation() => Error::conflict(format!(
                "an active API key is already named `{name}`: revoke it first \
                 (`seatctl apikey revoke {name}`) or choose another name"
            )),
            _ => db_error(e),
        })
    }

    /// Every key, active ones first, then by name and age.
    pub async fn list_api_keys(&self) -> Result<Vec<ApiKeyRow>> {
        let sql = concat!(
            "SELECT ",
            columns!(),
            " FROM api_keys \
             ORDER BY CASE WHEN revoked_at IS NULL THEN 0 ELSE 1 END, name, created_at"
        );
        with_pool!(self, |pool, _pg| {
            sqlx::query_as::<_, ApiKeyRow>(sql).fetch_all(pool).await
        })
        .map_err(db_error)
    }

    /// The active key with this digest, if any.
    pub async fn api_key_by_digest(&self, sha256_hex: &str) -> Result<Option<ApiKeyRow>> {
        let sql = concat!(
            "SELECT ",
            columns!(),
            " FROM api_keys WHERE key_sha256 = $1 AND revoked_at IS NULL"
        );
        with_pool!(self, |pool, _pg| {
            sqlx::query_as::<_, ApiKeyRow>(sql)
                .bind(sha256_hex)
                .fetch_optional(pool)
                .await
        })
        .map_err(db_error)
    }

    /// Revokes the active key named `name`; the key as it is now, or `None` when no active
    /// key has that name.
    pub async fn revoke_api_key(&self, name: &str) -> Result<Option<ApiKeyRow>> {
        with_pool!(self, |pool, pg| {
            let sql = if pg {
                concat!(
                    "UPDATE api_keys SET revoked_at = now() ",
                    "WHERE name = $1 AND revoked_at IS NULL RETURNING ",
                    columns!()
                )
            } else {
                concat!(
                    "UPDATE api_keys SET revoked_at = strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now') ",
                    "WHERE name = $1 AND revoked_at IS NULL RETURNING ",
                    columns!()
                )
            };
            sqlx::query_as::<_, ApiKeyRow>(sql)
                .bind(name)
                .fetch_optional(pool)
                .await
        })
        .map_err(db_error)
    }
}
