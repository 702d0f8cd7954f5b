//! Reads for `seatctl report` and `seatctl export`: every seat with who holds or bought it,
//! holds about to lapse, and reservations over time. One SQL text for both backends.

use chrono::{DateTime, Utc};
use sqlx::QueryBuilder;
use uuid::Uuid;

use super::dialect::{now_sql, push_expiry};
use super::{Store, db_error, with_pool};
use crate::contract::{ExportSeat, FoundReservation, Lapsing};
use crate::domain::SeatAttrs;
use crate::error::Result;

/// An exported seat as read (private: the JSON is `contract::ExportSeat`).
#[derive(sqlx::FromRow)]
struct ExportRow {
    label: String,
    section: String,
    row_name: String,
    number: i64,
    category: Option<String>,
    #[sqlx(try_from = "Option<String>")]
    attributes: SeatAttrs,
    status: String,
    block_reason: Option<String>,
    hold_id: Option<Uuid>,
    held_until: Option<DateTime<Utc>>,
    holder: Option<String>,
    reservation_id: Option<Uuid>,
    customer: Option<String>,
    reference: Option<String>,
}

impl From<ExportRow> for ExportSeat {
    fn from(r: ExportRow) -> ExportSeat {
        ExportSeat {
            label: r.label,
            section: r.section,
            row: r.row_name,
            number: r.number,
            category: r.category,
            attributes: r.attributes,
            status: r.status,
            block_reason: r.block_reason,
            hold_id: r.hold_id,
            held_until: r.held_until,
            holder: r.holder,
            reservation_id: r.reservation_id,
            customer: r.customer,
            reference: r.reference,
        }
    }
}

/// A lapsing hold as read.
#[derive(sqlx::FromRow)]
struct LapsingRow {
    hold_id: Uuid,
    holder: Option<String>,
    seats: i64,
    expires_at: DateTime<Utc>,
}

impl Store {
    /// Every seat in layout order, with its holder (of the hold, or of the hold a reservation
    /// came from) and its reservation's customer and reference.
    pub async fn export_seats(&self, event_id: Uuid) -> Result<Vec<ExportSeat>> {
        let rows = with_pool!(self, |pool, _pg| {
            sqlx::query_as::<_, ExportRow>(
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
        .map_err(db_error)?;
        Ok(rows.into_iter().map(ExportSeat::from).collect())
    }

    /// Active holds lapsing within `within_ms` from the database's now, soonest first.
    pub async fn lapsing_holds(&self, event_id: Uuid, within_ms: i64) -> Result<Vec<Lapsing>> {
        let rows = with_pool!(self, |pool, pg| {
            let mut qb = QueryBuilder::new(
                "SELECT id AS hold_id, holder, seat_count AS seats, expires_at FROM holds \
                 WHERE status = 'active' AND event_id = ",
            );
            qb.push_bind(event_id)
                .push(" AND expires_at > ")
                .push(now_sql(pg))
                .push(" AND expires_at <= ");
            push_expiry(&mut qb, pg, within_ms);
            qb.push(" ORDER BY expires_at");
            qb.build_query_as::<LapsingRow>().fetch_all(pool).await
        })
        .map_err(db_error)?;
        Ok(rows
            .into_iter()
            .map(|r| Lapsing {
                hold_id: r.hold_id,
                holder: r.holder,
                seats: r.seats,
                expires_at: r.expires_at,
            })
            .collect())
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
