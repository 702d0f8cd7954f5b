//! Listing an event's holds and reservations (`seatctl holds`, `seatctl reservations`), with
//! the seats each took, read from the history.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::QueryBuilder;
use uuid::Uuid;

use super::dialect::now_sql;
use super::{Store, db_error, with_pool};
use crate::contract::{HoldRow, ReservationRow};
use crate::error::Result;

type ReservationSql = (
    Uuid,
    Uuid,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
);

type HoldSql = (
    Uuid,
    String,
    Option<String>,
    DateTime<Utc>,
    DateTime<Utc>,
    Option<Uuid>,
);

impl Store {
    /// The event's reservations, oldest first, of `status` (`active` or `released`; `None`:
    /// both), each with the hold it came from, its holder and its seats (in layout order; an
    /// active one's without those it gave back, a released one's all it had). Filters on customer and reference
    /// are the caller's (they compare Unicode-folded text, which SQLite's `LOWER` cannot).
    pub async fn list_reservations(
        &self,
        event_id: Uuid,
        status: Option<&str>,
        only: Option<Uuid>,
    ) -> Result<Vec<ReservationRow>> {
        let rows = with_pool!(self, |pool, _pg| {
            sqlx::query_as::<_, ReservationSql>(
                "SELECT r.id, r.hold_id, r.status, r.customer, r.reference, h.holder, \
                 r.created_at, r.released_at FROM reservations r \
                 JOIN holds h ON h.id = r.hold_id \
                 WHERE r.event_id = $1 AND ($2 IS NULL OR r.status = $2) \
                 AND ($3 IS NULL OR r.id = $3) ORDER BY r.created_at, r.id",
            )
            .bind(event_id)
            .bind(status)
            .bind(only)
            .fetch_all(pool)
            .await
        })
        .map_err(db_error)?;
        let mut seats = self
            .sold_under(event_id, "reservation_id", "reserved", only)
            .await?;
        // Seats given back by an active reservation (a partial refund) are no longer its.
        let refunded = self
            .sold_under(event_id, "reservation_id", "available", only)
            .await?;
        Ok(rows
            .into_iter()
            .map(
                |(id, hold_id, status, customer, reference, holder, created_at, released_at)| {
                    let mut sold = seats.remove(&id).unwrap_or_default();
                    if status == "active"
                        && let Some(back) = refunded.get(&id)
                    {
                        sold.retain(|l| !back.contains(l));
                    }
                    ReservationRow {
                        seats: sold,
                        reservation_id: id,
                        hold_id,
                        status,
                        customer,
                        reference,
                        holder,
                        created_at,
                        released_at,
                    }
                },
            )
            .collect())
    }

    /// The event's holds, oldest first, of `status` as the database's clock has it now
    /// (`active`, `expired` — lapsed, swept or not —, `reserved`, `refunded` — reserved, the
    /// sale released since — or `released`; `None`: all),
    /// each with the seats it took (in layout order) and its reservation if it has one.
    /// With `only`, just that hold (for `GET /v1/holds/{hold}`).
    pub async fn list_holds(
        &self,
        event_id: Uuid,
        status: Option<&str>,
        only: Option<Uuid>,
    ) -> Result<Vec<HoldRow>> {
        let rows = with_pool!(self, |pool, pg| {
            let mut qb = QueryBuilder::new(
                "SELECT h.id, CASE WHEN h.status = 'active' AND h.expires_at <= ",
            );
            qb.push(now_sql(pg))
                .push(
                    " THEN 'expired' WHEN r.status = 'released' THEN 'refunded' \
                     ELSE h.status END AS shown, h.holder, h.created_at, \
                     h.expires_at, r.id FROM holds h \
                     LEFT JOIN reservations r ON r.hold_id = h.id WHERE h.event_id = ",
                )
                .push_bind(event_id);
            if let Some(status) = status {
                qb.push(" AND CASE WHEN h.status = 'active' AND h.expires_at <= ")
                    .push(now_sql(pg))
                    .push(" THEN 'expired' WHEN r.status = 'released' THEN 'refunded' ELSE h.status END = ")
                    .push_bind(status.to_string());
            }
            if let Some(only) = only {
                qb.push(" AND h.id = ").push_bind(only);
            }
            qb.push(" ORDER BY h.created_at, h.id");
            qb.build_query_as::<HoldSql>().fetch_all(pool).await
        })
        .map_err(db_error)?;
        let mut seats = self.sold_under(event_id, "hold_id", "held", only).await?;
        Ok(rows
            .into_iter()
            .map(
                |(id, status, holder, created_at, expires_at, reservation_id)| HoldRow {
                    seats: seats.remove(&id).unwrap_or_default(),
                    hold_id: id,
                    status,
                    holder,
                    created_at,
                    expires_at,
                    reservation_id,
                },
            )
            .collect())
    }

    /// The seats each hold (`column` `hold_id`, `to` `held`) or reservation (`reservation_id`,
    /// `reserved`) of the event took, in layout order, from the history; with `only`, just
    /// that one's.
    async fn sold_under(
        &self,
        event_id: Uuid,
        column: &'static str,
        to: &'static str,
        only: Option<Uuid>,
    ) -> Result<HashMap<Uuid, Vec<String>>> {
        let rows = with_pool!(self, |pool, _pg| {
            let mut qb = QueryBuilder::new(format!(
                "SELECT h.{column}, h.seat_label FROM seat_history h \
                 LEFT JOIN seats s ON s.id = h.seat_id WHERE h.event_id = "
            ));
            qb.push_bind(event_id)
                .push(format!(" AND h.{column} IS NOT NULL AND h.to_status = "))
                .push_bind(to)
                .push(" AND h.from_status <> ")
                .push_bind(to);
            if let Some(only) = only {
                qb.push(format!(" AND h.{column} = ")).push_bind(only);
            }
            qb.push(" ORDER BY s.section_pos, s.row_pos, s.number, h.id");
            qb.build_query_as::<(Uuid, String)>().fetch_all(pool).await
        })
        .map_err(db_error)?;
        let mut by: HashMap<Uuid, Vec<String>> = HashMap::new();
        for (id, label) in rows {
            by.entry(id).or_default().push(label);
        }
        Ok(by)
    }
}
