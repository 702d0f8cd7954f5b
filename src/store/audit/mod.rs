//! The audit: proves from one consistent snapshot that no seat of an event was sold twice and
//! that its seats, holds, reservations, history (and a simulation's buyers) all agree.

mod check;
mod snapshot;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Store;
use crate::error::Result;

/// One thing the audit found wrong, with the seats involved.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Violation {
    /// `double_booked`, `owner_mismatch`, `orphan_state`, `unknown_status`, `history_mismatch`,
    /// `booked_missing`, `unreported_booking`.
    pub kind: String,
    pub seats: Vec<String>,
    pub detail: String,
}

/// Seat counts of one section as the audit saw them.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct AuditSection {
    pub section: String,
    pub total: u64,
    pub booked: u64,
    pub held: u64,
    pub available: u64,
    /// Out of sale (`seatctl block`).
    pub blocked: u64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AuditReport {
    pub ok: bool,
    pub seats: u64,
    pub history_rows: u64,
    pub active_holds: u64,
    pub active_reservations: u64,
    pub sections: Vec<AuditSection>,
    pub violations: Vec<Violation>,
}

/// A reservation a buyer was told about.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Booked {
    pub reservation_id: Uuid,
    pub holder: String,
    pub seats: Vec<String>,
}

/// What a simulation's buyers were told, for the "told booked ⇔ reservation row" check.
pub struct Expected<'a> {
    /// Holders of this run's buyers start with it.
    pub holder_prefix: &'a str,
    pub booked: &'a [Booked],
    /// Holders whose last operation timed out: either answer is acceptable.
    pub unknown: &'a [String],
}

impl Store {
    /// Audits one event. Used by `seatctl audit` and at the end of every simulation, which
    /// passes what its buyers were told as `expected`.
    pub async fn audit(
        &self,
        event_id: Uuid,
        expected: Option<&Expected<'_>>,
    ) -> Result<AuditReport> {
        let snap = self.audit_snapshot(event_id).await?;
        Ok(check::check(&snap, expected))
    }
}
