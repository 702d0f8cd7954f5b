//! The seat history: every state change with who made it, read back for `history`.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{Store, db_error, with_pool};
use crate::contract::HistoryEntry;
use crate::error::Result;

/// A `seat_history` row as read; private, so a column rename never changes the JSON.
#[derive(sqlx::FromRow)]
struct HistoryRow {
    id: i64,
    seat_label: String,
    from_status: String,
    to_status: String,
    hold_id: Option<Uuid>,
    reservation_id: Option<Uuid>,
    actor: Option<String>,
    terminal: Option<String>,
    at: DateTime<Utc>,
    note: Option<String>,
}

impl From<HistoryRow> for HistoryEntry {
    fn from(r: HistoryRow) -> HistoryEntry {
        HistoryEntry {
            id: r.id,
            seat: r.seat_label,
            from_status: r.from_status,
            to_status: r.to_status,
            hold_id: r.hold_id,
            reservation_id: r.reservation_id,
            actor: r.actor,
            terminal: r.terminal,
            at: r.at,
            note: r.note,
        }
    }
}

impl Store {
    /// The event's seat changes in the order they were made, optionally of one seat only:
    /// the seat that has that label now (also what it went through under an earlier label,
    /// before a layout kept it by external id), and changes recorded under that label by seats
    /// no longer in the layout; never another seat's, even one that had the label before.
    pub async fn history(&self, event_id: Uuid, seat: Option<&str>) -> Result<Vec<HistoryEntry>> {
        let rows = with_pool!(self, |pool, _pg| {
            sqlx::query_as::<_, HistoryRow>(
                "SELECT id, seat_label, from_status, to_status, hold_id, reservation_id, \
                 actor, terminal, at, note FROM seat_history \
                 WHERE event_id = $1 AND ($2 IS NULL \
                   OR seat_id IN (SELECT id FROM seats WHERE event_id = $1 AND label = $2) \
                   OR (seat_label = $2 AND NOT EXISTS \
                       (SELECT 1 FROM seats s WHERE s.id = seat_history.seat_id))) \
                 ORDER BY id",
            )
            .bind(event_id)
            .bind(seat)
            .fetch_all(pool)
            .await
        })
        .map_err(db_error)?;
        Ok(rows.into_iter().map(HistoryEntry::from).collect())
    }
}
