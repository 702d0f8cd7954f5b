//! The audit's one read: an event's seats, holds, reservations and history in a single
//! transaction (REPEATABLE READ on PostgreSQL), as named rows private to the store.

use chrono::{DateTime, Utc};
use sqlx::QueryBuilder;
use uuid::Uuid;

use crate::error::Result;
use crate::store::dialect::now_sql;
use crate::store::{Store, db_error, with_pool};

/// A seat as it stands now.
#[derive(sqlx::FromRow)]
pub(super) struct SeatRow {
    pub(super) id: i64,
    pub(super) label: String,
    pub(super) section: String,
    pub(super) status: String,
    pub(super) hold_id: Option<Uuid>,
    pub(super) reservation_id: Option<Uuid>,
    pub(super) held_until: Option<DateTime<Utc>>,
    /// A place of a general-admission area (`section` is the area).
    pub(super) area: bool,
}

/// A general-admission area as the layout gave it.
#[derive(sqlx::FromRow)]
pub(super) struct AreaRow {
    pub(super) name: String,
    pub(super) capacity: i64,
}

/// A hold of the event, whatever its status.
#[derive(sqlx::FromRow)]
pub(super) struct HoldRow {
    pub(super) id: Uuid,
    pub(super) status: String,
    pub(super) expires_at: DateTime<Utc>,
    pub(super) holder: Option<String>,
}

/// A reservation of the event, whatever its status, with the hold it was made from.
#[derive(sqlx::FromRow)]
pub(super) struct ReservationRow {
    pub(super) id: Uuid,
    pub(super) hold_id: Uuid,
    pub(super) status: String,
}

/// One row of a seat's trail.
#[derive(sqlx::FromRow)]
pub(super) struct HistoryRow {
    pub(super) seat_id: i64,
    /// Read with the row, but the checks name seats by their current label.
    #[allow(dead_code)]
    pub(super) seat_label: String,
    pub(super) from_status: String,
    pub(super) to_status: String,
    pub(super) hold_id: Option<Uuid>,
    pub(super) reservation_id: Option<Uuid>,
    pub(super) at: DateTime<Utc>,
}

/// Everything the audit reads, as of one moment.
pub(super) struct Snapshot {
    /// The database's clock at the snapshot, so expiry is judged as the database sees it.
    pub(super) now: DateTime<Utc>,
    /// In layout order (section, row, number).
    pub(super) seats: Vec<SeatRow>,
    /// General-admission areas, by name.
    pub(super) areas: Vec<AreaRow>,
    pub(super) holds: Vec<HoldRow>,
    pub(super) reservations: Vec<ReservationRow>,
    /// In the order written.
    pub(super) history: Vec<HistoryRow>,
}

impl Store {
    pub(super) async fn audit_snapshot(&self, event_id: Uuid) -> Result<Snapshot> {
        with_pool!(self, |pool, pg| {
            async {
                // One snapshot for every read, so a live on-sale cannot look inconsistent.
                let mut tx = pool
                    .begin_with(if pg {
                        "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
                    } else {
                        "BEGIN"
                    })
                    .await?;
                let mut now = QueryBuilder::new("SELECT ");
                now.push(now_sql(pg));
                let now: DateTime<Utc> = now.build_query_scalar().fetch_one(&mut *tx).await?;
                let seats = sqlx::query_as::<_, SeatRow>(
                    "SELECT id, label, section, status, hold_id, reservation_id, held_until, area \
                     FROM seats WHERE event_id = $1 ORDER BY section_pos, row_pos, number",
                )
                .bind(event_id)
                .fetch_all(&mut *tx)
                .await?;
                let areas = sqlx::query_as::<_, AreaRow>(
                    "SELECT name, capacity FROM areas WHERE event_id = $1 ORDER BY name",
                )
                .bind(event_id)
                .fetch_all(&mut *tx)
                .await?;
                let holds = sqlx::query_as::<_, HoldRow>(
                    "SELECT id, status, expires_at, holder FROM holds WHERE event_id = $1",
                )
                .bind(event_id)
                .fetch_all(&mut *tx)
                .await?;
                let reservations = sqlx::query_as::<_, ReservationRow>(
                    "SELECT id, hold_id, status FROM reservations WHERE event_id = $1",
                )
                .bind(event_id)
                .fetch_all(&mut *tx)
                .await?;
                let history = sqlx::query_as::<_, HistoryRow>(
                    "SELECT seat_id, seat_label, from_status, to_status, hold_id, reservation_id, at \
                     FROM seat_history WHERE event_id = $1 ORDER BY id",
                )
                .bind(event_id)
                .fetch_all(&mut *tx)
                .await?;
                tx.rollback().await?;
                Ok::<_, sqlx::Error>(Snapshot {
                    now,
                    seats,
                    areas,
                    holds,
                    reservations,
                    history,
                })
            }
            .await
        })
        .map_err(db_error)
    }
}
