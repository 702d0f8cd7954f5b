//! The audit: proves from one consistent snapshot that no seat of an event was sold twice and
//! that its seats, holds, reservations, history (and a simulation's buyers) all agree.

mod check;
mod snapshot;

use uuid::Uuid;

use super::Store;
pub use crate::contract::{AuditReport, AuditSection, Booked, Violation};
use crate::error::Result;

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
