//! Reads for `seatctl report` and `seatctl export`: every seat with who holds or bought it,
//! holds about to lapse, and reservations over time. One SQL text for both backends.

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::QueryBuilder;
use uuid::Uuid;

use super::{Store, db_error, with_pool};
use crate::domain::SeatAttrs;
use crate::error::Result;

/// One seat as exported: its state and the people attached to it.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct ExportSeat {
    pub label: String,
    pub section: String,
    #[sqlx(rename = "row_name")]
    pub row: String,
    pub number: i64,
    pub category: Option<String>,
    #[sqlx(try_from = "Option<String>")]
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
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Lapsing {
    pub hold_id: Uuid,
    pub holder: Option<String>,
    pub seats: i64,
    pub expires_at: DateTime<Utc>,
}

impl Store {
    /// Every seat in layout order, with its holder (of the hold, or of the hold a reservation
    /// came from) and its reservation's customer and reference.
    pub async fn export_seats(&self, event_id: Uuid) -> Result<Vec<ExportSeat>> {
        with_pool!(self, |pool, _pg| {
            sqlx::query_as::<_, ExportSeat>(
                "SELECT s.label, s.section, s.row_name, s.number, s.category, s.attributes, s.status, \
                   s.block_reason, s.hold_id, \
                   s.held_until, h.holder, s.reservation_id, r.customer, r.reference \
                 FROM seat_state s \
                 LEFT JOIN reservations r ON r.id = s.reservation_id \
                 LEFT JOIN holds h ON h.id = COALESCE(s.hold_id, r.hold_id) \
                 WHERE s.event_id = $1 \
                 ORDER BY s.section_pos, s.row_pos, s.number",
            )
            .bind(event_id)
            .fetch_all(pool)
            .await
        })
        .map_err(db_error)
    }

    /// Active holds lapsing within `within_ms` from the database's now, soonest first.
    pub async fn lapsing_holds(&self, event_id: Uuid, within_ms: i64) -> Result<Vec<Lapsing>> {
        with_pool!(self, |pool, pg| {
            let mut qb = QueryBuilder::new(
                "SELECT id AS hold_id, holder, seat_count AS seats, expires_at FROM holds \
                 WHERE status = 'active' AND event_id = ",
            );
            qb.push_bind(event_id);
            if pg {
                qb.push(" AND expires_at > now() AND expires_at <= now() + ")
                    .push_bind(within_ms)
                    .push(" * interval '1 millisecond'");
            } else {
                let now = "strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')";
                qb.push(format!(" AND expires_at > {now} AND expires_at <= "))
                    .push("strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now', '+' || (")
                    .push_bind(within_ms)
                    .push(" / 1000.0) || ' seconds')");
            }
            qb.push(" ORDER BY expires_at");
            qb.build_query_as::<Lapsing>().fetch_all(pool).await
        })
        .map_err(db_error)
    }

    /// When each reservation still active was made, oldest first.
    pub async fn reservation_times(&self, event_id: Uuid) -> Result<Vec<(DateTime<Utc>, i64)>> {
        with_pool!(self, |pool, _pg| {
            sqlx::query_as::<_, (DateTime<Utc>, i64)>(
                "SELECT r.created_at, h.seat_count FROM reservations r \
                 JOIN holds h ON h.id = r.hold_id \
                 WHERE r.event_id = $1 AND r.status = 'active' ORDER BY r.created_at",
            )
            .bind(event_id)
            .fetch_all(pool)
            .await
        })
        .map_err(db_error)
    }

    /// Active reservations of the event whose customer contains `query` or whose reference is
    /// `query` (both without regard to case), newest first, at most `limit`, with their seats.
    pub async fn find_reservations(
        &self,
        event_id: Uuid,
        query: &str,
        limit: i64,
    ) -> Result<Vec<FoundReservation>> {
        let pattern = format!(
            "%{}%",
            query
                .to_lowercase()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        // One round trip: the matching reservations (newest first, at most `limit`) with their
        // seats, a row per seat.
        type Row = (Uuid, Option<String>, Option<String>, DateTime<Utc>, String);
        let rows = with_pool!(self, |pool, _pg| {
            sqlx::query_as::<_, Row>(
                "SELECT r.id, r.customer, r.reference, r.created_at, s.label \
                 FROM reservations r JOIN seats s ON s.reservation_id = r.id \
                 WHERE r.id IN (SELECT id FROM reservations \
                   WHERE event_id = $1 AND status = 'active' \
                     AND (LOWER(customer) LIKE $2 ESCAPE '\\' OR LOWER(reference) = $3) \
                   ORDER BY created_at DESC LIMIT $4) \
                 ORDER BY r.created_at DESC, r.id, s.section_pos, s.row_pos, s.number",
            )
            .bind(event_id)
            .bind(&pattern)
            .bind(query.to_lowercase())
            .bind(limit)
            .fetch_all(pool)
            .await
        })
        .map_err(db_error)?;
        let mut found: Vec<FoundReservation> = Vec::new();
        for (id, customer, reference, created_at, label) in rows {
            match found.last_mut() {
                Some(r) if r.reservation_id == id => r.seats.push(label),
                _ => found.push(FoundReservation {
                    reservation_id: id,
                    customer,
                    reference,
                    created_at,
                    seats: vec![label],
                }),
            }
        }
        Ok(found)
    }
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
