//! Results of seat-state changes and of their trail: holds, reservations, releases, sweeps,
//! blocks and history rows, as `--json` prints them.

use chrono::{DateTime, Utc};
use serde::Serialize;
use uuid::Uuid;

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct HoldInfo {
    pub hold_id: Uuid,
    pub event_id: Uuid,
    pub seats: Vec<String>,
    pub expires_at: DateTime<Utc>,
    pub holder: Option<String>,
    /// True when an `--idempotency-key` retry returned the hold made earlier.
    pub replayed: bool,
    /// On a replay: the reservation the hold has become since.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reservation_id: Option<Uuid>,
    /// The TTL asked for would have run past `reservation.max_hold_lifetime` (counted from
    /// when the hold was made): `expires_at` is the end of that lifetime instead.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub lifetime_capped: bool,
    /// The id of the last change the hold made, when the statement that made it said (the
    /// server's `Seatctl-Change-Id`; not part of the JSON).
    #[serde(skip)]
    pub change_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ReservationInfo {
    pub reservation_id: Uuid,
    pub hold_id: Uuid,
    pub event_id: Uuid,
    pub seats: Vec<String>,
    pub customer: Option<String>,
    pub reference: Option<String>,
    /// True when the hold had already been reserved (reserve is idempotent).
    pub replayed: bool,
    /// What the seats cost, when the event has prices (`seatctl price`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<Total>,
    /// The id of the last change the reserve made, when the statement that made it said (the
    /// server's `Seatctl-Change-Id`; not part of the JSON).
    #[serde(skip)]
    pub change_id: Option<i64>,
}

/// What a set of seats costs: their prices added up (`price`), and how many of them have no
/// price (neither their category nor the event's default has one).
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Total {
    pub price: crate::domain::money::Money,
    pub unpriced_seats: u64,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Released {
    pub id: Uuid,
    /// `hold` or `reservation`.
    pub kind: &'static str,
    pub event_id: Uuid,
    /// The reservation this released: given its id, or given the id of a hold that had become
    /// it (also when a `reserve` won a race with this release).
    pub reservation_id: Option<Uuid>,
    /// Seats this call returned to sale (empty when it was already released).
    pub seats: Vec<String>,
    pub already_released: bool,
    /// With `release --seats` (a partial refund): the seats the reservation still holds
    /// (empty: it is released whole).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kept: Option<Vec<String>>,
    /// The id of the last change this made, when the statement that made it said (the
    /// server's `Seatctl-Change-Id`; not part of the JSON).
    #[serde(skip)]
    pub change_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Swept {
    pub seats: Vec<String>,
    pub holds_expired: u64,
}

/// One seat change from the history, oldest first.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct HistoryEntry {
    pub id: i64,
    pub seat: String,
    pub from_status: String,
    pub to_status: String,
    pub hold_id: Option<Uuid>,
    pub reservation_id: Option<Uuid>,
    pub actor: Option<String>,
    pub terminal: Option<String>,
    pub at: DateTime<Utc>,
    /// Why (the reason given for a block).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One committed seat change as the change stream tells it (`seatctl watch --json`, one per
/// line; `GET /v1/events/{event}/changes`, one per Server-Sent Event, whose id is `id`): a
/// history row with its event and the seat's section (absent when the seat has since left
/// the layout). Statuses: `available`, `held`, `reserved`, `blocked`.
#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq, utoipa::ToSchema)]
#[schema(example = json!({
    "id": 1042, "event_id": "0194f3a2-7c1e-7d3a-9b1e-2f4c5d6e7f80", "seat": "A-12",
    "section": "Stalls", "from_status": "available", "to_status": "held",
    "hold_id": "0194f3a2-8d2f-7e4b-8c2f-3a5d6e7f8091", "reservation_id": null,
    "actor": "kiosk-3", "terminal": "web-1", "at": "2026-12-06T19:30:00.123Z"
}))]
pub struct SeatChange {
    /// The history row's id. One seat's changes come in the order of their ids; across seats
    /// the stream goes by transaction, so a smaller id may follow a larger one.
    pub id: i64,
    pub event_id: Uuid,
    pub seat: String,
    pub section: Option<String>,
    pub from_status: String,
    pub to_status: String,
    pub hold_id: Option<Uuid>,
    pub reservation_id: Option<Uuid>,
    /// Who made it: an operator, or an API key's name.
    pub actor: Option<String>,
    pub terminal: Option<String>,
    pub at: DateTime<Utc>,
    /// Why (the reason given for a block).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What `block` / `unblock` did.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct BlockChange {
    pub event_id: Uuid,
    /// `blocked` or `available`: what the seats are now.
    pub status: &'static str,
    /// Seats this call changed.
    pub changed: Vec<String>,
    /// Seats that already were in that state (nothing to do: the command is idempotent).
    pub unchanged: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// `hold`: the hold made (or replayed), the strategy and retries it took, and with `--best`
/// what the pick is like.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Held {
    #[serde(flatten)]
    pub hold: HoldInfo,
    pub strategy: String,
    pub retries: u32,
    /// With --best: whether the seats sit side by side in one row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub together: Option<bool>,
    /// With --best: single empty seats the pick leaves stranded (only when nothing avoided it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub orphans: Option<usize>,
    /// With --best: accessible or companion seats given to a party that did not ask for them
    /// (only when nothing else was left).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_spent: Option<usize>,
    /// With --area: the general-admission area whose places (`seats`: `AREA#N`) were held.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// What the seats cost, when the event has prices (`seatctl price`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<Total>,
}
