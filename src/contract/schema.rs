//! Results of `db migrate` and `db status`: the migrations this binary carries, which are
//! applied.

use serde::Serialize;

/// One migration of this binary and whether the database has it.
#[derive(Debug, Clone, Serialize)]
pub struct MigrationStatus {
    pub version: i64,
    pub description: String,
    pub applied: bool,
}

/// `db migrate` / `db status`: the backend, what this call applied, and every migration.
#[derive(Debug, Clone, Serialize)]
pub struct SchemaReport {
    pub backend: &'static str,
    /// Versions this command applied (empty when the schema was already current).
    pub newly_applied: Vec<i64>,
    pub migrations: Vec<MigrationStatus>,
}
