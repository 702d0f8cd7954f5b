//! Results of `report` and `export`: every seat with the people attached to it, holds about
//! to lapse, and reservations found for a refund.

use chrono::{DateTime, Utc};
use serde::Serialize;
use uuid::Uuid;

use crate::domain::SeatAttrs;

/// One seat as exported: its state and the people attached to it.
#[derive(Debug, Clone, Serialize)]
pub struct ExportSeat {
    pub label: String,
    pub section: String,
    pub row: String,
    pub number: i64,
    pub category: Option<String>,
    #[serde(skip_serializing_if = "SeatAttrs::is_empty")]
    pub attributes: SeatAttrs,
    pub status: String,
    /// Why a blocked seat is out of sale.
    pub block_reason: Option<String>,
    pub hold_id: Option<Uuid>,
    pub held_until: Option<DateTime<Utc>>,
    pub holder: Option<String>,
    pub reservation_id: Option<Uuid>,
    pub customer: Option<String>,
    pub reference: Option<String>,
}

/// An active hold that lapses soon.
#[derive(Debug, Clone, Serialize)]
pub struct Lapsing {
    pub hold_id: Uuid,
    pub holder: Option<String>,
    pub seats: i64,
    pub expires_at: DateTime<Utc>,
}

/// A reservation found by customer or reference (for refunds at the box office).
#[derive(Debug, Clone, Serialize)]
pub struct FoundReservation {
    pub reservation_id: Uuid,
    pub customer: Option<String>,
    pub reference: Option<String>,
    pub created_at: DateTime<Utc>,
    pub seats: Vec<String>,
}
