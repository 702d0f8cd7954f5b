//! Rows as the database returns them, private to the store: each is turned into the domain or
//! contract type it stands for, so a column rename never changes the domain or the JSON.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::contract::EventListItem;
use crate::domain::{Event, Seat, SeatAttrs, SeatStatus, StatusCounts};

/// An `events` row.
#[derive(sqlx::FromRow)]
pub(super) struct EventRow {
    id: Uuid,
    name: String,
    venue: Option<String>,
    starts_at: Option<DateTime<Utc>>,
    starts_at_offset_s: Option<i32>,
    created_at: DateTime<Utc>,
    currency: Option<String>,
}

impl From<EventRow> for Event {
    fn from(r: EventRow) -> Event {
        Event {
            id: r.id,
            name: r.name,
            venue: r.venue,
            // The start as its own offset gave it; UTC for events from before offsets were kept.
            starts_at: r.starts_at.map(|t| {
                let offset = chrono::FixedOffset::east_opt(r.starts_at_offset_s.unwrap_or(0))
                    .unwrap_or_else(|| chrono::FixedOffset::east_opt(0).expect("0 is an offset"));
                t.with_timezone(&offset)
            }),
            created_at: r.created_at,
            currency: r.currency,
        }
    }
}

/// An event with its seat counts by status.
#[derive(sqlx::FromRow)]
pub(super) struct EventCountsRow {
    #[sqlx(flatten)]
    event: EventRow,
    total: i64,
    available: i64,
    held: i64,
    reserved: i64,
    blocked: i64,
}

impl From<EventCountsRow> for EventListItem {
    fn from(r: EventCountsRow) -> EventListItem {
        EventListItem {
            event: r.event.into(),
            counts: StatusCounts {
                total: r.total,
                available: r.available,
                held: r.held,
                reserved: r.reserved,
                blocked: r.blocked,
            },
        }
    }
}

/// The columns of a [`SeatRow`], read from `seat_state` under the alias `s`.
pub(super) const SEAT_COLUMNS: &str = "s.id, s.label, s.section, s.row_name, s.number, \
    s.category, s.status, s.hold_id, s.reservation_id, s.held_until, s.version, s.block_reason, \
    s.attributes, s.section_pos, s.row_pos, s.seat_pos, s.external_id, s.area";

/// A `seat_state` row (lapsed holds already read as available).
#[derive(sqlx::FromRow)]
pub(super) struct SeatRow {
    id: i64,
    label: String,
    section: String,
    row_name: String,
    number: i64,
    category: Option<String>,
    #[sqlx(try_from = "String")]
    status: SeatStatus,
    hold_id: Option<Uuid>,
    reservation_id: Option<Uuid>,
    held_until: Option<DateTime<Utc>>,
    version: i64,
    #[sqlx(default)]
    block_reason: Option<String>,
    #[sqlx(try_from = "Option<String>")]
    attributes: SeatAttrs,
    section_pos: i64,
    row_pos: i64,
    #[sqlx(default)]
    seat_pos: Option<i64>,
    #[sqlx(default)]
    external_id: Option<String>,
    #[sqlx(default)]
    area: bool,
}

impl From<SeatRow> for Seat {
    fn from(r: SeatRow) -> Seat {
        Seat {
            id: r.id,
            label: r.label,
            section: r.section,
            row: r.row_name,
            number: r.number,
            category: r.category,
            status: r.status,
            hold_id: r.hold_id,
            reservation_id: r.reservation_id,
            held_until: r.held_until,
            version: r.version,
            block_reason: r.block_reason,
            attributes: r.attributes,
            section_pos: r.section_pos,
            row_pos: r.row_pos,
            seat_pos: r.seat_pos,
            external_id: r.external_id,
            area: r.area,
        }
    }
}
