//! API keys of `seatctl serve`, as `apikey create|list|revoke --json` prints them.

use chrono::{DateTime, Utc};
use serde::Serialize;
use uuid::Uuid;

/// One API key as listed: never the key itself, only its first characters (`prefix`).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ApiKeyInfo {
    pub id: Uuid,
    /// Who calls with it (`kiosk-3`): the history's "by" for every change made with it.
    pub name: String,
    /// `operator`, `box-office` or `readonly`.
    pub role: String,
    /// The key's first 12 characters.
    pub prefix: String,
    pub created_at: DateTime<Utc>,
    /// The operator who made it.
    pub created_by: Option<String>,
    /// When it stopped working; `null` while it works.
    pub revoked_at: Option<DateTime<Utc>>,
}

/// `apikey create`: the key, shown this once (only its SHA-256 digest is stored).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ApiKeyCreated {
    #[serde(flatten)]
    pub info: ApiKeyInfo,
    /// The secret: send it as `Authorization: Bearer KEY`.
    pub key: String,
}
