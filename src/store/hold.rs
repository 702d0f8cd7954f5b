//! The general hold: read the seats, then one guarded write, all or nothing. Used on SQLite
//! and with fault injection; PostgreSQL's hot path is `hold_pg.rs`.

use chrono::{DateTime, Utc};
use sqlx::QueryBuilder;
use uuid::Uuid;

use super::dialect::{
    begin_sql, now_sql, push_expiry, push_hold_values, push_labels, record_history,
};
use super::{Attempt, Fault, HoldRequest, Store, db_error, with_pool};
use crate::contract::HoldInfo;
use crate::domain::SeatStatus;
use crate::error::{Error, Result};

impl Store {
    /// One optimistic attempt to hold every listed seat, all or nothing.
    /// `wait`: on PostgreSQL, wait for seats another transaction has locked instead of
    /// skipping them (a retry after such a skip, to get a definite answer).
    ///
    /// With an idempotency key, a hold made earlier under that key is replayed as it stands
    /// now (see [`Store::replay`]) instead; seats that look taken may be that hold's own, made a
    /// moment ago by a concurrent call with the same key, so the key is looked up again then.
    pub async fn try_hold(&self, req: &HoldRequest<'_>, wait: bool) -> Result<Attempt<HoldInfo>> {
        if !req.key_is_new
            && let Some(hold) = self.replay(req).await?
        {
            return Ok(Attempt::Done(hold));
        }
        let attempt = match self {
            Store::Postgres(pool) if req.fault.is_none() => self.try_hold_pg(pool, req, wait).await,
            _ => self.try_hold_general(req).await,
        };
        match attempt {
            Err(Error::SeatsTaken { .. }) if req.idempotency_key.is_some() && !req.key_is_new => {
                match self.replay(req).await? {
                    Some(hold) => Ok(Attempt::Done(hold)),
                    None => attempt,
                }
            }
            other => other,
        }
    }

    /// The hold an earlier request with `req`'s idempotency key made, as it stands now: still
    /// active, the hold (`replayed`); reserved since, the hold with its `reservation_id`.
    /// `None` when the key is new. Errors: exit 2 when the key was used for another request
    /// (naming it), 3 when that hold was released (or its reservation refunded), 5 when it
    /// lapsed.
    pub async fn replay(&self, req: &HoldRequest<'_>) -> Result<Option<HoldInfo>> {
        let Some(key) = req.idempotency_key else {
            return Ok(None);
        };
        type Row = (
            Uuid,
            DateTime<Utc>,
            Option<String>,
            String,
            Option<String>,
            bool,
        );
        let row: Option<Row> = with_pool!(self, |pool, pg| {
            let mut qb = QueryBuilder::new(
                "SELECT id, expires_at, holder, status, idempotency_request, expires_at <= ",
            );
            qb.push(now_sql(pg))
                .push(" AS lapsed FROM holds WHERE event_id = ")
                .push_bind(req.event_id)
                .push(" AND idempotency_key = ")
                .push_bind(key);
            qb.build_query_as().fetch_optional(pool).await
        })
        .map_err(db_error)?;
        let Some((hold_id, expires_at, holder, status, asked, lapsed)) = row else {
            return Ok(None);
        };
        if let Some(asked) = asked.filter(|a| Some(a.as_str()) != req.idempotency_request) {
            return Err(Error::invalid(format!(
                "idempotency key `{key}` was already used for another request ({asked}); \
                 a retry must ask for the same thing, a new request needs a new key"
            )));
        }
        let hold = HoldInfo {
            hold_id,
            event_id: req.event_id,
            seats: self.labels_of_hold(hold_id).await?,
            expires_at,
            holder,
            replayed: true,
            reservation_id: None,
            lifetime_capped: false,
            change_id: None,
        };
        match status.as_str() {
            "active" if !lapsed => Ok(Some(hold)),
            "reserved" => match self.reservation_of_hold(hold_id).await? {
                Some(r) => Ok(Some(HoldInfo {
                    reservation_id: Some(r.reservation_id),
                    seats: r.seats,
                    ..hold
                })),
                None => Err(self.why_not_active(hold_id).await),
            },
            _ => Err(self.why_not_active(hold_id).await),
        }
    }

    /// The read-then-guarded-write hold (SQLite, and PostgreSQL under fault injection).
    async fn try_hold_general(&self, req: &HoldRequest<'_>) -> Result<Attempt<HoldInfo>> {
        let n = req.labels.len();
        let outcome = with_pool!(self, |pool, pg| {
            async {
                let mut tx = pool.begin_with(begin_sql(pg)).await?;
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
                     idempotency_request, seat_count, expires_at) VALUES (",
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
                let change_id = record_history!(
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
                super::commit(tx).await?;
                if req.fault == Some(Fault::LostAnswer) {
                    return Err(super::sent(sqlx::Error::Io(std::io::Error::other(
                        "the answer to COMMIT was lost (injected fault)",
                    ))));
                }
                Ok(Ok(Attempt::Done(HoldInfo {
                    change_id,
                    ..req.made(hold_id, expires_at)
                })))
            }
            .await
        });
        outcome.map_err(db_error)?
    }
}
