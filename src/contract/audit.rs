//! The audit's findings: counts as seen in one snapshot, and every violation with its seats.
//! `simulate --json` results embed them, so they also deserialise (`simulate merge`).

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// One thing the audit found wrong, with the seats involved.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct Violation {
    /// `double_booked`, `owner_mismatch`, `orphan_state`, `record_mismatch`, `stale_owner`,
    /// `unknown_status`, `area_oversold`, `area_mismatch`, `history_mismatch`,
    /// `booked_missing`, `unreported_booking`.
    pub kind: String,
    pub seats: Vec<String>,
    pub detail: String,
}

/// Seat counts of one section as the audit saw them.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct AuditSection {
    pub section: String,
    pub total: u64,
    pub booked: u64,
    pub held: u64,
    pub available: u64,
    /// Out of sale (`seatctl block`).
    pub blocked: u64,
    /// For a general-admission area: its capacity in places (`total` counts its places).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u64>,
}

/// What the audit found: `ok` when there is no violation, with the counts it saw.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AuditReport {
    pub ok: bool,
    pub seats: u64,
    pub history_rows: u64,
    pub active_holds: u64,
    pub active_reservations: u64,
    pub sections: Vec<AuditSection>,
    pub violations: Vec<Violation>,
    /// Set (with `ok: false`) when the audit could not run at all: the database did not
    /// answer at the end of a simulation. The run's figures stand; nothing was checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unavailable: Option<String>,
}

impl AuditReport {
    /// An audit that could not run, and why.
    pub fn unavailable(why: impl Into<String>) -> AuditReport {
        AuditReport {
            unavailable: Some(why.into()),
            ..AuditReport::default()
        }
    }
}

/// A reservation a buyer was told about.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct Booked {
    pub reservation_id: Uuid,
    pub holder: String,
    pub seats: Vec<String>,
}

/// `audit`: the event and what its audit found (exit 10 when not `ok`).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Audited {
    pub event_id: Uuid,
    pub event: String,
    #[serde(flatten)]
    pub audit: AuditReport,
}
