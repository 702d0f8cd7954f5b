//! Seat state changes: hold, extend, reserve, release, sweep. Each is one transaction with a
//! small fixed number of statements (never a round trip per seat), and every write is guarded
//! by the seat's version or state, so a lost race is detected here and never double-books.
//! Time is the database's clock: `now()` on PostgreSQL, SQLite's own on the embedded file.

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::QueryBuilder;
use uuid::Uuid;

use super::{Store, db_error, with_pool};
use crate::domain::SeatStatus;
use crate::error::{Error, Result};

/// Who made a change, for the history: the holder or OS user, and which terminal (host/pid).
#[derive(Debug, Clone)]
pub struct Actor {
    pub who: String,
    pub terminal: String,
}

/// The outcome of one optimistic attempt.
#[derive(Debug)]
pub enum Attempt<T> {
    Done(T),
    /// A concurrent writer changed a seat between our read and our guarded write; the
    /// transaction was rolled back and the caller may retry.
    LostRace,
}

#[derive(Debug, Clone, Serialize)]
pub struct HoldInfo {
    pub hold_id: Uuid,
    pub event_id: Uuid,
    pub seats: Vec<String>,
    pub expires_at: DateTime<Utc>,
    pub holder: Option<String>,
    /// True when an `--idempotency-key` retry returned the hold made earlier.
    pub replayed: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReservationInfo {
    pub reservation_id: Uuid,
    pub hold_id: Uuid,
    pub event_id: Uuid,
    pub seats: Vec<String>,
    pub customer: Option<String>,
    pub reference: Option<String>,
    /// True when the hold had already been reserved (reserve is idempotent).
    pub replayed: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Released {
    pub id: Uuid,
    /// `hold` or `reservation`.
    pub kind: &'static str,
    pub event_id: Uuid,
    /// Seats this call returned to sale (empty when it was already released).
    pub seats: Vec<String>,
    pub already_released: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Swept {
    pub seats: Vec<String>,
    pub holds_expired: u64,
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
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

pub struct HoldRequest<'a> {
    pub event_id: Uuid,
    pub labels: &'a [String],
    pub ttl_ms: i64,
    pub holder: Option<&'a str>,
    pub idempotency_key: Option<&'a str>,
    pub actor: &'a Actor,
    /// Fault injection (tests, the simulator). Takes the general read-then-write path.
    pub fault: Option<Fault>,
}

/// Faults the simulator (and tests) inject into a hold, to show correctness survives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Stall after reading the seats and before the guarded write, like a paused process
    /// whose Redis lease lapses meanwhile.
    PauseBeforeWrite(std::time::Duration),
    /// PostgreSQL: the server terminates this connection (`pg_terminate_backend`) after the
    /// writes and before the commit, as a crash or failover would.
    KillBeforeCommit,
    /// Test-only sabotage: write without the version guard after a short pause, the bug the
    /// audit exists to catch (`simulate --fault-unguarded-writes`, hidden).
    UnguardedWrite,
}

fn now_sql(pg: bool) -> &'static str {
    if pg {
        "now()"
    } else {
        "strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')"
    }
}

/// SQLite takes the write lock up front so that read-then-write transactions queue behind
/// `busy_timeout` instead of failing with a stale snapshot; PostgreSQL needs nothing special.
pub(super) fn begin_sql(pg: bool) -> &'static str {
    if pg { "BEGIN" } else { "BEGIN IMMEDIATE" }
}

/// Pushes "now + ttl" in the backend's dialect, with the TTL bound, not formatted.
fn push_expiry<DB: sqlx::Database>(qb: &mut QueryBuilder<DB>, pg: bool, ttl_ms: i64)
where
    i64: for<'e> sqlx::Encode<'e, DB> + sqlx::Type<DB>,
    String: for<'e> sqlx::Encode<'e, DB> + sqlx::Type<DB>,
{
    if pg {
        qb.push("now() + ")
            .push_bind(ttl_ms)
            .push(" * interval '1 millisecond'");
    } else {
        qb.push("strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now', ")
            .push_bind(format!("{:+.3} seconds", ttl_ms as f64 / 1000.0))
            .push(")");
    }
}

/// Pushes ` AND label IN ($a, $b, …)`, one bind per label.
pub(super) fn push_labels<DB: sqlx::Database>(qb: &mut QueryBuilder<DB>, labels: &[String])
where
    String: for<'e> sqlx::Encode<'e, DB> + sqlx::Type<DB>,
{
    qb.push(" AND label IN (");
    let mut list = qb.separated(", ");
    for label in labels {
        list.push_bind(label.clone());
    }
    qb.push(")");
}

/// Pushes the bound values of a new hold row, in the column order
/// `id, event_id, holder, terminal, idempotency_key, seat_count`, followed by `, `.
pub(super) fn push_hold_values<DB: sqlx::Database>(
    qb: &mut QueryBuilder<DB>,
    hold_id: Uuid,
    req: &HoldRequest<'_>,
) where
    Uuid: for<'e> sqlx::Encode<'e, DB> + sqlx::Type<DB>,
    i64: for<'e> sqlx::Encode<'e, DB> + sqlx::Type<DB>,
    String: for<'e> sqlx::Encode<'e, DB> + sqlx::Type<DB>,
    Option<String>: for<'e> sqlx::Encode<'e, DB> + sqlx::Type<DB>,
{
    qb.push_bind(hold_id)
        .push(", ")
        .push_bind(req.event_id)
        .push(", ")
        .push_bind(req.holder.map(str::to_string))
        .push(", ")
        .push_bind(req.actor.terminal.clone())
        .push(", ")
        .push_bind(req.idempotency_key.map(str::to_string))
        .push(", ")
        .push_bind(req.labels.len() as i64)
        .push(", ");
}

/// Appends one history row per changed seat, in one statement, inside the caller's transaction.
macro_rules! record_history {
    ($tx:ident, $event_id:expr, $seats:expr, $from:expr, $to:expr, $hold:expr, $res:expr, $actor:expr) => {
        if !$seats.is_empty() {
            let mut qb = QueryBuilder::new(
                "INSERT INTO seat_history (event_id, seat_id, seat_label, from_status, to_status, \
                 hold_id, reservation_id, actor, terminal) ",
            );
            qb.push_values($seats.iter(), |mut b, (id, label): &(i64, String)| {
                b.push_bind($event_id)
                    .push_bind(*id)
                    .push_bind(label.clone())
                    .push_bind($from)
                    .push_bind($to)
                    .push_bind($hold)
                    .push_bind($res)
                    .push_bind($actor.who.clone())
                    .push_bind($actor.terminal.clone());
            });
            qb.build().execute(&mut *$tx).await?;
        }
    };
}

/// Labels of the seats a hold took, in the order it took them (from the history).
macro_rules! hold_labels {
    ($exec:expr, $hold_id:expr) => {
        sqlx::query_scalar::<_, String>(
            "SELECT seat_label FROM seat_history WHERE hold_id = $1 AND to_status = 'held' \
             AND from_status <> 'held' ORDER BY id",
        )
        .bind($hold_id)
        .fetch_all($exec)
        .await?
    };
}

type Tried<T> = std::result::Result<T, Error>;
/// An event and the hold a seat lapsed from.
type EventHold = (Uuid, Option<Uuid>);

impl Store {
    /// One optimistic attempt to hold every listed seat, all or nothing.
    /// `wait`: on PostgreSQL, wait for seats another transaction has locked instead of
    /// skipping them (a retry after such a skip, to get a definite answer).
    pub async fn try_hold(&self, req: &HoldRequest<'_>, wait: bool) -> Result<Attempt<HoldInfo>> {
        if let Store::Postgres(pool) = self
            && req.fault.is_none()
        {
            return self.try_hold_pg(pool, req, wait).await;
        }
        let n = req.labels.len();
        let outcome = with_pool!(self, |pool, pg| {
            async {
                let mut tx = pool.begin_with(begin_sql(pg)).await?;
                if let Some(key) = req.idempotency_key {
                    let earlier = sqlx::query_as::<_, (Uuid, DateTime<Utc>, Option<String>)>(
                        "SELECT id, expires_at, holder FROM holds \
                         WHERE event_id = $1 AND idempotency_key = $2",
                    )
                    .bind(req.event_id)
                    .bind(key)
                    .fetch_optional(&mut *tx)
                    .await?;
                    if let Some((hold_id, expires_at, holder)) = earlier {
                        let seats = hold_labels!(&mut *tx, hold_id);
                        return Ok::<_, sqlx::Error>(Ok(Attempt::Done(HoldInfo {
                            hold_id,
                            event_id: req.event_id,
                            seats,
                            expires_at,
                            holder,
                            replayed: true,
                        })));
                    }
                }

                let mut qb = QueryBuilder::new(
                    "SELECT id, label, status, version FROM seat_state WHERE event_id = ",
                );
                qb.push_bind(req.event_id);
                push_labels(&mut qb, req.labels);
                let found: Vec<(i64, String, String, i64)> =
                    qb.build_query_as().fetch_all(&mut *tx).await?;
                if found.len() != n
                    && let Some(e) =
                        Error::unknown_seats(req.labels, found.iter().map(|f| f.1.as_str()))
                {
                    return Ok(Err(e));
                }
                let taken: Vec<&str> = req
                    .labels
                    .iter()
                    .filter(|l| {
                        found
                            .iter()
                            .any(|f| &f.1 == *l && f.2 != SeatStatus::Available.as_str())
                    })
                    .map(String::as_str)
                    .collect();
                if !taken.is_empty() {
                    return Ok(Err(Error::seats_taken(taken)));
                }

                match req.fault {
                    Some(Fault::PauseBeforeWrite(pause)) => tokio::time::sleep(pause).await,
                    Some(Fault::UnguardedWrite) => {
                        tokio::time::sleep(std::time::Duration::from_millis(2)).await
                    }
                    _ => {}
                }
                let guarded = req.fault != Some(Fault::UnguardedWrite);
                let hold_id = Uuid::new_v4();
                let mut qb = QueryBuilder::new(
                    "INSERT INTO holds (id, event_id, holder, terminal, idempotency_key, \
                     seat_count, expires_at) VALUES (",
                );
                push_hold_values(&mut qb, hold_id, req);
                push_expiry(&mut qb, pg, req.ttl_ms);
                qb.push(") RETURNING expires_at");
                let expires_at: DateTime<Utc> =
                    match qb.build_query_scalar().fetch_one(&mut *tx).await {
                        Ok(t) => t,
                        // Another terminal used the same idempotency key a moment ago:
                        // retrying finds its hold.
                        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                            return Ok(Ok(Attempt::LostRace));
                        }
                        Err(e) => return Err(e),
                    };

                // The guard: each seat must still have the version we read.
                let mut qb = QueryBuilder::new(
                    "UPDATE seats SET status = 'held', reservation_id = NULL, version = version + 1, hold_id = ",
                );
                qb.push_bind(hold_id)
                    .push(", held_until = ")
                    .push_bind(expires_at)
                    .push(" WHERE event_id = ")
                    .push_bind(req.event_id)
                    .push(" AND (");
                for (i, (id, _, _, version)) in found.iter().enumerate() {
                    if i > 0 {
                        qb.push(" OR ");
                    }
                    qb.push("(id = ").push_bind(*id);
                    if guarded {
                        qb.push(" AND version = ").push_bind(*version);
                    }
                    qb.push(")");
                }
                qb.push(") RETURNING id, label");
                let changed: Vec<(i64, String)> = qb.build_query_as().fetch_all(&mut *tx).await?;
                if changed.len() != n {
                    tx.rollback().await?;
                    return Ok(Ok(Attempt::LostRace));
                }
                let (from, to) = ("available", "held");
                record_history!(
                    tx,
                    req.event_id,
                    changed,
                    from,
                    to,
                    Some(hold_id),
                    None::<Uuid>,
                    req.actor
                );
                if pg && req.fault == Some(Fault::KillBeforeCommit) {
                    sqlx::query("SELECT pg_terminate_backend(pg_backend_pid())")
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok(Ok(Attempt::Done(HoldInfo {
                    hold_id,
                    event_id: req.event_id,
                    seats: req.labels.to_vec(),
                    expires_at,
                    holder: req.holder.map(str::to_string),
                    replayed: false,
                })))
            }
            .await
        });
        outcome.map_err(db_error)?
    }

    /// Extends an active hold. Exit 5 if it has lapsed, 3 if it was released or reserved.
    pub async fn try_extend(&self, hold_id: Uuid, ttl_ms: i64) -> Result<Attempt<HoldInfo>> {
        let outcome: std::result::Result<Tried<Attempt<HoldInfo>>, sqlx::Error> =
            with_pool!(self, |pool, pg| {
                async {
                    let mut tx = pool.begin_with(begin_sql(pg)).await?;
                    let mut qb = QueryBuilder::new("UPDATE holds SET expires_at = ");
                    push_expiry(&mut qb, pg, ttl_ms);
                    qb.push(" WHERE id = ")
                        .push_bind(hold_id)
                        .push(" AND status = 'active' AND expires_at > ")
                        .push(now_sql(pg))
                        .push(" RETURNING event_id, expires_at, holder, seat_count");
                    let row: Option<(Uuid, DateTime<Utc>, Option<String>, i64)> =
                        qb.build_query_as().fetch_optional(&mut *tx).await?;
                    let Some((event_id, expires_at, holder, count)) = row else {
                        tx.rollback().await?;
                        return Ok(Err(self.why_not_active(hold_id).await));
                    };
                    let mut qb =
                        QueryBuilder::new("UPDATE seats SET version = version + 1, held_until = ");
                    qb.push_bind(expires_at)
                        .push(" WHERE hold_id = ")
                        .push_bind(hold_id)
                        .push(" AND status = 'held' AND held_until > ")
                        .push(now_sql(pg))
                        .push(" RETURNING label");
                    let seats: Vec<String> = qb.build_query_scalar().fetch_all(&mut *tx).await?;
                    if seats.len() as i64 != count {
                        // The hold lapsed and a seat was taken between our two statements.
                        tx.rollback().await?;
                        return Ok(Ok(Attempt::LostRace));
                    }
                    tx.commit().await?;
                    Ok(Ok(Attempt::Done(HoldInfo {
                        hold_id,
                        event_id,
                        seats,
                        expires_at,
                        holder,
                        replayed: false,
                    })))
                }
                .await
            });
        outcome.map_err(db_error)?
    }

    /// Turns every seat of an active hold into a reservation, atomically. Reserving the same
    /// hold again returns the same reservation.
    pub async fn try_reserve(
        &self,
        hold_id: Uuid,
        customer: Option<&str>,
        reference: Option<&str>,
        actor: &Actor,
    ) -> Result<Attempt<ReservationInfo>> {
        if let Some(done) = self.reservation_of_hold(hold_id).await? {
            return Ok(Attempt::Done(done));
        }
        let outcome: std::result::Result<Tried<Attempt<ReservationInfo>>, sqlx::Error> =
            with_pool!(self, |pool, pg| {
                async {
                    let mut tx = pool.begin_with(begin_sql(pg)).await?;
                    let mut qb = QueryBuilder::new(
                        "UPDATE holds SET status = 'reserved' WHERE status = 'active' AND id = ",
                    );
                    qb.push_bind(hold_id)
                        .push(" AND expires_at > ")
                        .push(now_sql(pg))
                        .push(" RETURNING event_id, seat_count");
                    let row: Option<(Uuid, i64)> =
                        qb.build_query_as().fetch_optional(&mut *tx).await?;
                    let Some((event_id, count)) = row else {
                        tx.rollback().await?;
                        return Ok(Err(self.why_not_active(hold_id).await));
                    };
                    let reservation_id = Uuid::new_v4();
                    let inserted = sqlx::query(
                        "INSERT INTO reservations (id, event_id, hold_id, customer, reference) \
                         VALUES ($1, $2, $3, $4, $5)",
                    )
                    .bind(reservation_id)
                    .bind(event_id)
                    .bind(hold_id)
                    .bind(customer)
                    .bind(reference)
                    .execute(&mut *tx)
                    .await;
                    match inserted {
                        Ok(_) => {}
                        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                            return Ok(Ok(Attempt::LostRace));
                        }
                        Err(e) => return Err(e),
                    }
                    let mut qb = QueryBuilder::new(
                        "UPDATE seats SET status = 'reserved', held_until = NULL, \
                         version = version + 1, reservation_id = ",
                    );
                    qb.push_bind(reservation_id)
                        .push(" WHERE hold_id = ")
                        .push_bind(hold_id)
                        .push(" AND status = 'held' AND held_until > ")
                        .push(now_sql(pg))
                        .push(" RETURNING id, label");
                    let changed: Vec<(i64, String)> =
                        qb.build_query_as().fetch_all(&mut *tx).await?;
                    if changed.len() as i64 != count {
                        tx.rollback().await?;
                        return Ok(Ok(Attempt::LostRace));
                    }
                    let (from, to) = ("held", "reserved");
                    record_history!(
                        tx,
                        event_id,
                        changed,
                        from,
                        to,
                        Some(hold_id),
                        Some(reservation_id),
                        actor
                    );
                    tx.commit().await?;
                    Ok(Ok(Attempt::Done(ReservationInfo {
                        reservation_id,
                        hold_id,
                        event_id,
                        seats: changed.into_iter().map(|(_, l)| l).collect(),
                        customer: customer.map(str::to_string),
                        reference: reference.map(str::to_string),
                        replayed: false,
                    })))
                }
                .await
            });
        outcome.map_err(db_error)?
    }

    async fn reservation_of_hold(&self, hold_id: Uuid) -> Result<Option<ReservationInfo>> {
        let row = with_pool!(self, |pool, _pg| {
            sqlx::query_as::<_, (Uuid, Uuid, Option<String>, Option<String>, String)>(
                "SELECT id, event_id, customer, reference, status FROM reservations WHERE hold_id = $1",
            )
            .bind(hold_id)
            .fetch_optional(pool)
            .await
        })
        .map_err(db_error)?;
        let Some((reservation_id, event_id, customer, reference, status)) = row else {
            return Ok(None);
        };
        if status == "released" {
            return Err(Error::conflict(format!(
                "hold {hold_id} was reserved as {reservation_id}, which has since been released"
            )));
        }
        let seats = self.labels_of_hold(hold_id).await?;
        Ok(Some(ReservationInfo {
            reservation_id,
            hold_id,
            event_id,
            seats,
            customer,
            reference,
            replayed: true,
        }))
    }

    /// The event and seat labels of a hold, or of a reservation's hold.
    pub async fn seats_of(&self, id: Uuid) -> Result<(Uuid, Vec<String>)> {
        let row = with_pool!(self, |pool, _pg| {
            sqlx::query_as::<_, (Uuid, Uuid)>(
                "SELECT event_id, id FROM holds WHERE id = $1 \
                 UNION ALL SELECT event_id, hold_id FROM reservations WHERE id = $1",
            )
            .bind(id)
            .fetch_optional(pool)
            .await
        })
        .map_err(db_error)?;
        let (event_id, hold_id) =
            row.ok_or_else(|| Error::not_found(format!("no hold or reservation {id}")))?;
        Ok((event_id, self.labels_of_hold(hold_id).await?))
    }

    pub async fn labels_of_hold(&self, hold_id: Uuid) -> Result<Vec<String>> {
        let labels = with_pool!(self, |pool, _pg| {
            async { Ok::<_, sqlx::Error>(hold_labels!(pool, hold_id)) }.await
        });
        labels.map_err(db_error)
    }

    /// Explains why a hold is not active: unknown (4), lapsed (5, naming seats since taken),
    /// or released / reserved (3).
    async fn why_not_active(&self, hold_id: Uuid) -> Error {
        let row = with_pool!(self, |pool, pg| {
            let mut qb = QueryBuilder::new("SELECT status, expires_at, expires_at <= ");
            qb.push(now_sql(pg))
                .push(" AS lapsed FROM holds WHERE id = ")
                .push_bind(hold_id);
            qb.build_query_as::<(String, DateTime<Utc>, bool)>()
                .fetch_optional(pool)
                .await
        });
        let (status, expires_at, lapsed) = match row {
            Err(e) => return db_error(e),
            Ok(None) => return Error::not_found(format!("no hold or reservation {hold_id}")),
            Ok(Some(row)) => row,
        };
        match status.as_str() {
            "released" | "reserved" => Error::HoldClosed { hold_id, status },
            _ if lapsed || status == "expired" => Error::HoldLapsed {
                hold_id,
                at: expires_at,
                taken_since: self.taken_from(hold_id).await.unwrap_or_default(),
            },
            other => Error::Internal(anyhow::anyhow!(
                "hold {hold_id} in unexpected state {other}"
            )),
        }
    }

    /// Seats of a hold that now belong to someone else.
    async fn taken_from(&self, hold_id: Uuid) -> Result<Vec<String>> {
        with_pool!(self, |pool, _pg| {
            sqlx::query_scalar::<_, String>(
                "SELECT s.label FROM seat_state s JOIN seat_history h ON h.seat_id = s.id \
                 WHERE h.hold_id = $1 AND h.to_status = 'held' AND h.from_status <> 'held' \
                 AND s.status <> 'available' AND (s.hold_id IS NULL OR s.hold_id <> $1) \
                 ORDER BY h.id",
            )
            .bind(hold_id)
            .fetch_all(pool)
            .await
        })
        .map_err(db_error)
    }

    /// Releases a hold or a reservation (given either id) and returns its seats to sale.
    /// Releasing something already released succeeds and changes nothing.
    pub async fn release(&self, id: Uuid, actor: &Actor) -> Result<Released> {
        let outcome: std::result::Result<Tried<Released>, sqlx::Error> = with_pool!(
            self,
            |pool, pg| {
                async {
                    let mut tx = pool.begin_with(begin_sql(pg)).await?;
                    // A reservation id, or a hold that became one: release the reservation.
                    let reservation = sqlx::query_as::<_, (Uuid, Uuid, Uuid, String)>(
                        "SELECT id, hold_id, event_id, status FROM reservations \
                         WHERE id = $1 OR hold_id = $1",
                    )
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    if let Some((res_id, hold_id, event_id, status)) = reservation {
                        let kind = if res_id == id { "reservation" } else { "hold" };
                        if status == "released" {
                            return Ok(Ok(Released {
                                id,
                                kind,
                                event_id,
                                seats: vec![],
                                already_released: true,
                            }));
                        }
                        let mut qb =
                            QueryBuilder::new("UPDATE reservations SET status = 'released', released_at = ");
                        qb.push(now_sql(pg)).push(" WHERE id = ").push_bind(res_id);
                        qb.build().execute(&mut *tx).await?;
                        let changed: Vec<(i64, String)> = sqlx::query_as(
                            "UPDATE seats SET status = 'available', hold_id = NULL, \
                             reservation_id = NULL, held_until = NULL, version = version + 1 \
                             WHERE reservation_id = $1 AND status = 'reserved' RETURNING id, label",
                        )
                        .bind(res_id)
                        .fetch_all(&mut *tx)
                        .await?;
                        let (from, to) = ("reserved", "available");
                        record_history!(tx, event_id, changed, from, to, Some(hold_id), Some(res_id), actor);
                        tx.commit().await?;
                        return Ok(Ok(Released {
                            id,
                            kind,
                            event_id,
                            seats: changed.into_iter().map(|(_, l)| l).collect(),
                            already_released: false,
                        }));
                    }
                    let hold = sqlx::query_as::<_, (Uuid, String)>(
                        "SELECT event_id, status FROM holds WHERE id = $1",
                    )
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let Some((event_id, status)) = hold else {
                        return Ok(Err(Error::not_found(format!("no hold or reservation {id}"))));
                    };
                    if status == "released" {
                        return Ok(Ok(Released {
                            id,
                            kind: "hold",
                            event_id,
                            seats: vec![],
                            already_released: true,
                        }));
                    }
                    sqlx::query("UPDATE holds SET status = 'released' WHERE id = $1")
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                    // Only seats this hold still owns: a lapsed hold's seats may be someone else's.
                    let changed: Vec<(i64, String)> = sqlx::query_as(
                        "UPDATE seats SET status = 'available', hold_id = NULL, held_until = NULL, \
                         version = version + 1 WHERE hold_id = $1 AND status = 'held' RETURNING id, label",
                    )
                    .bind(id)
                    .fetch_all(&mut *tx)
                    .await?;
                    let (from, to) = ("held", "available");
                    record_history!(tx, event_id, changed, from, to, Some(id), None::<Uuid>, actor);
                    tx.commit().await?;
                    Ok(Ok(Released {
                        id,
                        kind: "hold",
                        event_id,
                        seats: changed.into_iter().map(|(_, l)| l).collect(),
                        already_released: false,
                    }))
                }
                .await
            }
        );
        outcome.map_err(db_error)?
    }

    /// Marks lapsed holds expired and returns their seats to `available` in the table (reads
    /// already treat them so). Optional: correctness never depends on it.
    pub async fn sweep(&self, event_id: Option<Uuid>, actor: &Actor) -> Result<Swept> {
        let outcome: std::result::Result<Swept, sqlx::Error> = with_pool!(self, |pool, pg| {
            async {
                let mut tx = pool.begin_with(begin_sql(pg)).await?;
                // Read the lapsed seats first (locking them on PostgreSQL; SQLite's write lock
                // is already ours) so the history can name the hold each one lapsed from.
                let mut qb = QueryBuilder::new(
                    "SELECT id, label, event_id, hold_id FROM seats WHERE status = 'held' AND held_until <= ",
                );
                qb.push(now_sql(pg));
                if let Some(e) = event_id {
                    qb.push(" AND event_id = ").push_bind(e);
                }
                if pg {
                    qb.push(" FOR UPDATE");
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
                tx.commit().await?;
                Ok(Swept {
                    seats: changed.into_iter().map(|(_, l, _, _)| l).collect(),
                    holds_expired,
                })
            }
            .await
        });
        outcome.map_err(db_error)
    }

    pub async fn history(&self, event_id: Uuid, seat: Option<&str>) -> Result<Vec<HistoryEntry>> {
        with_pool!(self, |pool, _pg| {
            sqlx::query_as::<_, HistoryEntry>(
                "SELECT id, seat_label AS seat, from_status, to_status, hold_id, reservation_id, \
                 actor, terminal, at, note FROM seat_history \
                 WHERE event_id = $1 AND ($2 IS NULL OR seat_label = $2) ORDER BY id",
            )
            .bind(event_id)
            .bind(seat)
            .fetch_all(pool)
            .await
        })
        .map_err(db_error)
    }
}
