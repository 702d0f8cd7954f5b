//! Returning seats to sale: `release` (a hold or a reservation, idempotent) and `sweep` (tidy
//! lapsed holds; reads already treat them as available, so correctness never depends on it).

use sqlx::QueryBuilder;
use uuid::Uuid;

use super::dialect::{Tried, begin_sql, now_sql, record_history};
use super::{Actor, Attempt, Store, db_error, with_pool};
use crate::contract::{Released, Swept};
use crate::error::{Error, Result};

/// An event and the hold a seat lapsed from.
type EventHold = (Uuid, Option<Uuid>);

impl Store {
    /// Releases a hold or a reservation (given either id) and returns its seats to sale.
    /// Releasing something already released succeeds and changes nothing. Every write names
    /// the state it expects: a hold that a `reserve` turned into a reservation while we looked
    /// is not marked released behind its back; the second try meets the reservation and
    /// releases that, saying so (`reservation_id`), but only with `refund_reserved`: without
    /// it, a hold's id that has become a reservation is refused (exit 3, `HoldReserved`, naming
    /// the reservation, its customer and seats), so an old hold id cannot refund a sale.
    pub async fn release(
        &self,
        id: Uuid,
        actor: &Actor,
        refund_reserved: bool,
    ) -> Result<Released> {
        for _ in 0..3 {
            if let Attempt::Done(released) = self.try_release(id, actor, refund_reserved).await? {
                return Ok(released);
            }
        }
        Err(Error::Contended(format!(
            "hold {id} kept changing while being released; try again"
        )))
    }

    async fn try_release(
        &self,
        id: Uuid,
        actor: &Actor,
        refund_reserved: bool,
    ) -> Result<Attempt<Released>> {
        if let Store::Postgres(pool) = self {
            return self.try_release_pg(pool, id, actor, refund_reserved).await;
        }
        let outcome: std::result::Result<Tried<Attempt<Released>>, sqlx::Error> = with_pool!(
            self,
            |pool, pg| {
                async {
                    let mut tx = pool.begin_with(begin_sql(pg)).await?;
                    // A reservation id, or a hold that became one: release the reservation.
                    // Locked first (holds and reservations before seats: the lock order).
                    let mut qb = QueryBuilder::new(
                        "SELECT id, hold_id, event_id, status FROM reservations \
                         WHERE id = ",
                    );
                    qb.push_bind(id).push(" OR hold_id = ").push_bind(id);
                    if pg {
                        qb.push(" FOR UPDATE");
                    }
                    let reservation: Option<(Uuid, Uuid, Uuid, String)> =
                        qb.build_query_as().fetch_optional(&mut *tx).await?;
                    if let Some((res_id, hold_id, event_id, _)) = reservation {
                        if res_id != id && !refund_reserved {
                            // A hold's id, and the hold is a sale now: not without asking.
                            tx.rollback().await?;
                            return Ok(self.why_not_released(id, false).await);
                        }
                        let kind = if res_id == id { "reservation" } else { "hold" };
                        let mut qb = QueryBuilder::new(
                            "UPDATE reservations SET status = 'released', released_at = ",
                        );
                        qb.push(now_sql(pg))
                            .push(" WHERE status = 'active' AND id = ")
                            .push_bind(res_id)
                            .push(" RETURNING id");
                        let released: Option<Uuid> =
                            qb.build_query_scalar().fetch_optional(&mut *tx).await?;
                        if released.is_none() {
                            return Ok(Ok(Attempt::Done(Released {
                                id,
                                kind,
                                event_id,
                                reservation_id: Some(res_id),
                                seats: vec![],
                                already_released: true,
                                kept: None,
                                change_id: None,
                            })));
                        }
                        let changed: Vec<(i64, String)> = sqlx::query_as(
                            "UPDATE seats SET status = 'available', hold_id = NULL, \
                             reservation_id = NULL, held_until = NULL, version = version + 1 \
                             WHERE reservation_id = $1 AND status = 'reserved' RETURNING id, label",
                        )
                        .bind(res_id)
                        .fetch_all(&mut *tx)
                        .await?;
                        let (from, to) = ("reserved", "available");
                        let change_id = record_history!(tx, event_id, changed, from, to, Some(hold_id), Some(res_id), actor);
                        super::commit(tx).await?;
                        return Ok(Ok(Attempt::Done(Released {
                            id,
                            kind,
                            event_id,
                            reservation_id: Some(res_id),
                            seats: changed.into_iter().map(|(_, l)| l).collect(),
                            already_released: false,
                            kept: None,
                            change_id,
                        })));
                    }
                    // A hold: only one that is still active (or lapsed) becomes released.
                    let released: Option<Uuid> = sqlx::query_scalar(
                        "UPDATE holds SET status = 'released' \
                         WHERE id = $1 AND status IN ('active', 'expired') RETURNING event_id",
                    )
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let Some(event_id) = released else {
                        // Why not: unknown, already released, or reserved meanwhile (a reserve
                        // committed after our first read: the next try meets its reservation).
                        tx.rollback().await?;
                        return Ok(self.why_not_released(id, refund_reserved).await);
                    };
                    // Only seats this hold still owns: a lapsed hold's seats may be someone else's.
                    let changed: Vec<(i64, String)> = sqlx::query_as(
                        "UPDATE seats SET status = 'available', hold_id = NULL, held_until = NULL, \
                         version = version + 1 WHERE hold_id = $1 AND status = 'held' RETURNING id, label",
                    )
                    .bind(id)
                    .fetch_all(&mut *tx)
                    .await?;
                    let (from, to) = ("held", "available");
                    let change_id = record_history!(tx, event_id, changed, from, to, Some(id), None::<Uuid>, actor);
                    super::commit(tx).await?;
                    Ok(Ok(Attempt::Done(Released {
                        id,
                        kind: "hold",
                        event_id,
                        reservation_id: None,
                        seats: changed.into_iter().map(|(_, l)| l).collect(),
                        already_released: false,
                        kept: None,
                        change_id,
                    })))
                }
                .await
            }
        );
        outcome.map_err(db_error)?
    }

    /// Nothing was released: already released (success, `already_released`), unknown (4), or
    /// changed meanwhile (a lost race: retry).
    pub(super) async fn why_not_released(
        &self,
        id: Uuid,
        refund_reserved: bool,
    ) -> Result<Attempt<Released>> {
        let reservation: Option<(Uuid, Uuid, String)> = with_pool!(self, |pool, _pg| {
            sqlx::query_as(
                "SELECT id, event_id, status FROM reservations WHERE id = $1 OR hold_id = $1",
            )
            .bind(id)
            .fetch_optional(pool)
            .await
        })
        .map_err(db_error)?;
        if let Some((res_id, event_id, status)) = reservation {
            if status != "released" {
                if res_id != id && !refund_reserved {
                    return Err(self.hold_reserved(id, res_id).await?);
                }
                return Ok(Attempt::LostRace);
            }
            return Ok(Attempt::Done(Released {
                id,
                kind: if res_id == id { "reservation" } else { "hold" },
                event_id,
                reservation_id: Some(res_id),
                seats: vec![],
                already_released: true,
                kept: None,
                change_id: None,
            }));
        }
        let hold: Option<(Uuid, String)> = with_pool!(self, |pool, _pg| {
            sqlx::query_as("SELECT event_id, status FROM holds WHERE id = $1")
                .bind(id)
                .fetch_optional(pool)
                .await
        })
        .map_err(db_error)?;
        match hold {
            None => Err(Error::not_found(format!("no hold or reservation {id}"))),
            Some((event_id, status)) if status == "released" => Ok(Attempt::Done(Released {
                id,
                kind: "hold",
                event_id,
                reservation_id: None,
                seats: vec![],
                already_released: true,
                kept: None,
                change_id: None,
            })),
            // Reserved meanwhile (its reservation committed after our snapshot): try again.
            Some(_) => Ok(Attempt::LostRace),
        }
    }

    /// The refusal for a hold `hold_id` that has become reservation `res_id`: its customer and
    /// seats, as a clerk needs them to tell which sale it is.
    pub(crate) async fn hold_reserved(&self, hold_id: Uuid, res_id: Uuid) -> Result<Error> {
        let (customer, seats): (Option<String>, Vec<String>) = with_pool!(self, |pool, _pg| {
            async {
                let customer: Option<String> =
                    sqlx::query_scalar("SELECT customer FROM reservations WHERE id = $1")
                        .bind(res_id)
                        .fetch_one(pool)
                        .await?;
                let seats: Vec<String> = sqlx::query_scalar(
                    "SELECT label FROM seats WHERE reservation_id = $1 ORDER BY id",
                )
                .bind(res_id)
                .fetch_all(pool)
                .await?;
                Ok::<_, sqlx::Error>((customer, seats))
            }
            .await
        })
        .map_err(db_error)?;
        Ok(Error::HoldReserved {
            hold_id,
            reservation_id: res_id,
            customer,
            seats,
        })
    }

    /// Marks lapsed holds expired and returns their seats to `available` in the table (reads
    /// already treat them so). Optional: correctness never depends on it.
    pub async fn sweep(&self, event_id: Option<Uuid>, actor: &Actor) -> Result<Swept> {
        let outcome: std::result::Result<Swept, sqlx::Error> = with_pool!(self, |pool, pg| {
            async {
                let mut tx = pool.begin_with(begin_sql(pg)).await?;
                // The lock order (holds before seats, each in id order): on PostgreSQL lock
                // the lapsed holds first, so a release of one of them cannot deadlock with us.
                if pg {
                    let mut qb = QueryBuilder::new(
                        "SELECT id FROM holds WHERE status = 'active' AND expires_at <= now()",
                    );
                    if let Some(e) = event_id {
                        qb.push(" AND event_id = ").push_bind(e);
                    }
                    qb.push(" ORDER BY id FOR UPDATE");
                    qb.build().execute(&mut *tx).await?;
                }
                // Then the lapsed seats (SQLite's write lock is already ours), so the history
                // can name the hold each one lapsed from.
                let mut qb = QueryBuilder::new(
                    "SELECT id, label, event_id, hold_id FROM seats WHERE status = 'held' AND held_until <= ",
                );
                qb.push(now_sql(pg));
                if let Some(e) = event_id {
                    qb.push(" AND event_id = ").push_bind(e);
                }
                if pg {
                    qb.push(" ORDER BY id FOR UPDATE");
                }
                let changed: Vec<(i64, String, Uuid, Option<Uuid>)> =
                    qb.build_query_as().fetch_all(&mut *tx).await?;
                // A chunk of seats per statement keeps binds under both backends' limits.
                for chunk in changed.chunks(1000) {
                    let mut qb = QueryBuilder::new(
                        "UPDATE seats SET status = 'available', hold_id = NULL, held_until = NULL, \
                         version = version + 1 WHERE id IN (",
                    );
                    let mut ids = qb.separated(", ");
                    for (id, ..) in chunk {
                        ids.push_bind(*id);
                    }
                    qb.push(")");
                    qb.build().execute(&mut *tx).await?;
                }
                // History rows are per event and hold; group the RETURNING rows accordingly.
                let mut groups: Vec<(EventHold, Vec<(i64, String)>)> = Vec::new();
                for (id, label, ev, hold) in &changed {
                    match groups.iter_mut().find(|(k, _)| *k == (*ev, *hold)) {
                        Some((_, v)) => v.push((*id, label.clone())),
                        None => groups.push(((*ev, *hold), vec![(*id, label.clone())])),
                    }
                }
                for ((ev, hold), seats) in &groups {
                    for seats in seats.chunks(1000) {
                        let (from, to) = ("held", "available");
                        record_history!(tx, *ev, seats, from, to, *hold, None::<Uuid>, actor);
                    }
                }
                let mut qb = QueryBuilder::new("UPDATE holds SET status = 'expired' WHERE status = 'active' AND expires_at <= ");
                qb.push(now_sql(pg));
                if let Some(e) = event_id {
                    qb.push(" AND event_id = ").push_bind(e);
                }
                let holds_expired = qb.build().execute(&mut *tx).await?.rows_affected();
                super::commit(tx).await?;
                let mut events: Vec<Uuid> = groups.iter().map(|((ev, _), _)| *ev).collect();
                events.sort_unstable();
                events.dedup();
                for ev in events {
                    self.announce(ev).await;
                }
                Ok(Swept {
                    seats: changed.into_iter().map(|(_, l, _, _)| l).collect(),
                    holds_expired,
                })
            }
            .await
        });
        outcome.map_err(db_error)
    }
}

/// Every seat a reservation (`$1`) ever held, refunded ones too, in layout order (from the
/// history).
const EVER_SOLD: &str = "SELECT h.seat_label FROM seat_history h \
     LEFT JOIN seats s ON s.id = h.seat_id WHERE h.reservation_id = $1 \
     AND h.to_status = 'reserved' ORDER BY s.section_pos, s.row_pos, s.number, h.id";

/// A reservation found by its id or its hold's: (reservation, hold, event, status).
pub type ReservationOf = (Uuid, Uuid, Uuid, String);

impl Store {
    /// The reservation `id` names (its own id, or the id of the hold it was made from), if
    /// any.
    pub async fn reservation_of(&self, id: Uuid) -> Result<Option<ReservationOf>> {
        with_pool!(self, |pool, _pg| {
            sqlx::query_as(
                "SELECT id, hold_id, event_id, status FROM reservations WHERE id = $1 OR hold_id = $1",
            )
            .bind(id)
            .fetch_optional(pool)
            .await
        })
        .map_err(db_error)
    }

    /// The event of hold `id`, if there is such a hold.
    pub async fn event_of_hold(&self, id: Uuid) -> Result<Option<Uuid>> {
        with_pool!(self, |pool, _pg| {
            sqlx::query_scalar("SELECT event_id FROM holds WHERE id = $1")
                .bind(id)
                .fetch_optional(pool)
                .await
        })
        .map_err(db_error)
    }

    /// Whether `id` is a hold (that no reservation was made from: see
    /// [`Store::reservation_of`]).
    pub async fn release_kind(&self, id: Uuid) -> Result<bool> {
        let found: Option<Uuid> = with_pool!(self, |pool, _pg| {
            sqlx::query_scalar("SELECT id FROM holds WHERE id = $1")
                .bind(id)
                .fetch_optional(pool)
                .await
        })
        .map_err(db_error)?;
        Ok(found.is_some())
    }

    /// The seats reservation `res_id` holds now and the seats it ever held (refunded ones
    /// too), each in layout order.
    pub async fn reservation_seats(&self, res_id: Uuid) -> Result<(Vec<String>, Vec<String>)> {
        let ever: Vec<String> = with_pool!(self, |pool, _pg| {
            sqlx::query_scalar(EVER_SOLD)
                .bind(res_id)
                .fetch_all(pool)
                .await
        })
        .map_err(db_error)?;
        Ok((self.reserved_labels(res_id).await?, ever))
    }

    /// A partial refund: returns `labels` (exactly as stored) of reservation `res_id` to sale and keeps the rest
    /// of it sold (all of them: the reservation is released). All or nothing, in one
    /// transaction that locks the reservation first (the lock order of every release), so it
    /// races safely with a whole release and with other partial ones. Seats it refunded
    /// earlier are no error (`seats` leaves them out). Errors: exit 2 (a seat that was never
    /// the reservation's, naming its seats), 6.
    pub async fn release_seats(
        &self,
        res_id: Uuid,
        labels: &[String],
        actor: &Actor,
    ) -> Result<Released> {
        let outcome: std::result::Result<Result<Released>, sqlx::Error> =
            with_pool!(self, |pool, pg| {
                async {
                    let mut tx = pool.begin_with(begin_sql(pg)).await?;
                    let mut qb = QueryBuilder::new(
                        "SELECT hold_id, event_id, status FROM reservations WHERE id = ",
                    );
                    qb.push_bind(res_id);
                    if pg {
                        qb.push(" FOR UPDATE");
                    }
                    let Some((hold_id, event_id, status)): Option<(Uuid, Uuid, String)> =
                        qb.build_query_as().fetch_optional(&mut *tx).await?
                    else {
                        return Ok(Err(Error::not_found(format!("no reservation {res_id}"))));
                    };
                    let done = |seats: Vec<String>, kept: Vec<String>, already: bool| Released {
                        id: res_id,
                        kind: "reservation",
                        event_id,
                        reservation_id: Some(res_id),
                        seats,
                        already_released: already,
                        kept: Some(kept),
                        change_id: None,
                    };
                    // What it holds now, and everything ever sold under it.
                    let now: Vec<(i64, String)> = sqlx::query_as(
                        "SELECT id, label FROM seats WHERE reservation_id = $1 \
                         AND status = 'reserved' ORDER BY section_pos, row_pos, number",
                    )
                    .bind(res_id)
                    .fetch_all(&mut *tx)
                    .await?;
                    let ever: Vec<String> = sqlx::query_scalar(EVER_SOLD)
                        .bind(res_id)
                        .fetch_all(&mut *tx)
                        .await?;
                    let mut refund: Vec<(i64, String)> = Vec::new();
                    // Labels as the caller resolved them (exactly as stored; see
                    // `Session::release_seats`): checked again here, under the lock.
                    for typed in labels {
                        if let Some(seat) = now.iter().find(|(_, l)| l == typed) {
                            if !refund.contains(seat) {
                                refund.push(seat.clone());
                            }
                        } else if !ever.contains(typed) {
                            tx.rollback().await?;
                            return Ok(Err(Error::invalid(format!(
                                "seat {typed} is not one of reservation {res_id}'s seats ({}); \
                                 nothing was released",
                                if ever.is_empty() {
                                    "none".into()
                                } else {
                                    ever.join(", ")
                                }
                            ))));
                        }
                    }
                    let kept: Vec<String> = now
                        .iter()
                        .filter(|s| !refund.contains(s))
                        .map(|(_, l)| l.clone())
                        .collect();
                    if refund.is_empty() {
                        tx.rollback().await?;
                        return Ok(Ok(done(vec![], kept, status == "released")));
                    }
                    if kept.is_empty() {
                        // Its last seats: the reservation itself is released.
                        let mut qb = QueryBuilder::new(
                            "UPDATE reservations SET status = 'released', released_at = ",
                        );
                        qb.push(now_sql(pg))
                            .push(" WHERE status = 'active' AND id = ")
                            .push_bind(res_id);
                        qb.build().execute(&mut *tx).await?;
                    }
                    let mut qb = QueryBuilder::new(
                        "UPDATE seats SET status = 'available', hold_id = NULL, \
                         reservation_id = NULL, held_until = NULL, version = version + 1 \
                         WHERE status = 'reserved' AND reservation_id = ",
                    );
                    qb.push_bind(res_id).push(" AND id IN (");
                    let mut ids = qb.separated(", ");
                    for (id, _) in &refund {
                        ids.push_bind(*id);
                    }
                    qb.push(") RETURNING id, label");
                    let changed: Vec<(i64, String)> =
                        qb.build_query_as().fetch_all(&mut *tx).await?;
                    if changed.len() != refund.len() {
                        // Cannot happen under the reservation's lock; never half a refund.
                        tx.rollback().await?;
                        return Ok(Err(Error::Contended(format!(
                            "reservation {res_id}'s seats changed while being released; \
                             nothing was released: try again"
                        ))));
                    }
                    let (from, to) = ("reserved", "available");
                    let change_id = record_history!(
                        tx,
                        event_id,
                        changed,
                        from,
                        to,
                        Some(hold_id),
                        Some(res_id),
                        actor
                    );
                    super::commit(tx).await?;
                    let seats = refund.into_iter().map(|(_, l)| l).collect();
                    Ok(Ok(Released {
                        change_id,
                        ..done(seats, kept, false)
                    }))
                }
                .await
            });
        outcome.map_err(db_error)?
    }
}
