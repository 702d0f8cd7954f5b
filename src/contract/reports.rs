//! Results of `report` and `export`: every seat with the people attached to it, holds about
//! to lapse, and reservations found for a refund.

use chrono::{DateTime, Utc};
use serde::Serialize;
use uuid::Uuid;

use crate::domain::SeatAttrs;
use crate::duration::HumanDuration;

/// One seat as exported: its state and the people attached to it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ExportSeat {
    pub label: String,
    pub section: String,
    pub row: String,
    pub number: i64,
    pub category: Option<String>,
    #[serde(skip_serializing_if = "SeatAttrs::is_empty")]
    #[schema(value_type = Vec<String>, required = false)]
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

/// One reservation as `seatctl reservations` lists it (`--json`: an array of these, oldest
/// first). Times are RFC 3339, UTC.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ReservationRow {
    pub reservation_id: Uuid,
    /// The hold it was made from.
    pub hold_id: Uuid,
    /// `active` or `released` (refunded).
    pub status: String,
    pub customer: Option<String>,
    pub reference: Option<String>,
    /// Who made the hold (`hold --holder`).
    pub holder: Option<String>,
    /// Its seats, in layout order: an active one's without those refunded
    /// (`release --seats`), a released one's all it had.
    pub seats: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub released_at: Option<DateTime<Utc>>,
}

/// One hold as `seatctl holds` lists it (`--json`: an array of these, oldest first).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct HoldRow {
    pub hold_id: Uuid,
    /// As the database's clock has it now: `active`, `expired` (lapsed, swept or not),
    /// `reserved` (see `reservation_id`), `refunded` (reserved, and that sale released since)
    /// or `released`.
    pub status: String,
    pub holder: Option<String>,
    /// The seats it took, in layout order.
    pub seats: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub reservation_id: Option<Uuid>,
}

/// An active hold that lapses soon.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Lapsing {
    pub hold_id: Uuid,
    pub holder: Option<String>,
    pub seats: i64,
    pub expires_at: DateTime<Utc>,
}

/// A reservation found by customer or reference (for refunds at the box office).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FoundReservation {
    pub reservation_id: Uuid,
    pub customer: Option<String>,
    pub reference: Option<String>,
    pub created_at: DateTime<Utc>,
    pub seats: Vec<String>,
}

/// Seat counts of one scope (the event, a section, a category) and the share sold, in %
/// to one decimal.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct Tally {
    pub name: String,
    pub total: u64,
    pub available: u64,
    pub held: u64,
    pub reserved: u64,
    pub blocked: u64,
    /// Reserved seats as a share of all, in percent (one decimal).
    pub sold_pct: f64,
    /// When the event has prices (`seatctl price`): its reserved seats' prices added up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revenue: Option<crate::domain::money::Money>,
    /// With `revenue`: reserved seats that have no price (not in `revenue`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unpriced_sold: Option<u64>,
}

impl Tally {
    /// Adds `minor` hundredths of `currency` and `unpriced` seats without a price to the
    /// revenue.
    pub fn add_revenue(&mut self, minor: i64, unpriced: u64, currency: &str) {
        let before = self.revenue.as_ref().map_or(0, |m| m.minor);
        self.revenue = Some(crate::domain::money::Money::new(before + minor, currency));
        self.unpriced_sold = Some(self.unpriced_sold.unwrap_or(0) + unpriced);
    }
}

impl Tally {
    /// Counts one seat in `status`.
    pub fn add(&mut self, status: &str) {
        self.total += 1;
        match status {
            "held" => self.held += 1,
            "reserved" => self.reserved += 1,
            "blocked" => self.blocked += 1,
            _ => self.available += 1,
        }
        self.sold_pct = (1000.0 * self.reserved as f64 / self.total as f64).round() / 10.0;
    }
}

/// Reservations still active, by the hour they were made.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SalesHour {
    pub hour: DateTime<Utc>,
    pub reservations: u64,
    pub seats: u64,
}

/// `report`: sales by section and category, holds lapsing soon, sales by the hour.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct EventReport {
    pub event_id: uuid::Uuid,
    pub event: String,
    pub overall: Tally,
    pub sections: Vec<Tally>,
    pub categories: Vec<Tally>,
    #[schema(value_type = String, example = "10m")]
    pub lapsing_within: HumanDuration,
    pub lapsing: Vec<Lapsing>,
    pub sales_by_hour: Vec<SalesHour>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tallies_count_and_round() {
        let mut t = Tally::default();
        for s in ["available", "held", "reserved"] {
            t.add(s);
        }
        assert_eq!((t.total, t.available, t.held, t.reserved), (3, 1, 1, 1));
        assert_eq!(t.sold_pct, 33.3);
    }
}
