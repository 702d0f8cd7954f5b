//! A hold's life after it is made: extend, reserve, and the reads that explain why a hold can
//! no longer change (released, reserved, lapsed) or which seats it covers.

use chrono::{DateTime, Utc};
use sqlx::QueryBuilder;
use uuid::Uuid;

use super::dialect::{Tried, begin_sql, hold_labels, now_sql, push_after, record_history};
use super::{Actor, Attempt, Store, db_error, with_pool};
use crate::contract::{HoldInfo, ReservationInfo};
use crate::error::{Error, Result};

/// The extended hold's event, new expiry, holder, seat count, and whether its lifetime cut it.
type Extended = (Uuid, DateTime<Utc>, Option<String>, i64, bool);

impl Store {
    /// Extends an active hold to `ttl_ms` from now, but never past `lifetime_ms` from when it
    /// was made (`reservation.max_hold_lifetime`; `lifetime_capped` says when that cut it).
    /// Exit 5 if it has lapsed, 3 if it was released or reserved or has reached its lifetime.
    /// `guarded: false` is sabotage for the history checker's test (`Fault::UnguardedExtend`):
    /// the hold's state and its seats go unchecked.
    pub async fn try_extend(
        &self,
        hold_id: Uuid,
        ttl_ms: i64,
        lifetime_ms: i64,
        guarded: bool,
    ) -> Result<Attempt<HoldInfo>> {
        if let (Store::Postgres(pool), true) = (self, guarded) {
            return self.try_extend_pg(pool, hold_id, ttl_ms, lifetime_ms).await;
        }
        let outcome: std::result::Result<Tried<Attempt<HoldInfo>>, sqlx::Error> =
            with_pool!(self, |pool, pg| {
                async {
                    let mut tx = pool.begin_with(begin_sql(pg)).await?;
                    // The new expiry: now + ttl, or the end of the hold's lifetime if sooner.
                    let now = if pg { "now()" } else { "'now'" };
                    let mut qb = QueryBuilder::new("UPDATE holds SET expires_at = ");
                    qb.push(if pg { "LEAST(" } else { "MIN(" });
                    push_after(&mut qb, pg, now, ttl_ms);
                    qb.push(", ");
                    push_after(&mut qb, pg, "created_at", lifetime_ms);
                    qb.push(") WHERE id = ").push_bind(hold_id);
                    if guarded {
                        qb.push(" AND status = 'active' AND expires_at > ")
                            .push(now_sql(pg))
                            .push(" AND ");
                        push_after(&mut qb, pg, "created_at", lifetime_ms);
                        qb.push(" > ").push(now_sql(pg));
                    }
                    qb.push(" RETURNING event_id, expires_at, holder, seat_count, ");
                    push_after(&mut qb, pg, now, ttl_ms);
                    qb.push(" > ");
                    push_after(&mut qb, pg, "created_at", lifetime_ms);
                    qb.push(" AS capped");
                    let row: Option<Extended> =
                        qb.build_query_as().fetch_optional(&mut *tx).await?;
                    let Some((event_id, expires_at, holder, count, capped)) = row else {
                        tx.rollback().await?;
                        return Ok(self.not_active(hold_id, Some(lifetime_ms)).await);
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
                    if guarded && seats.len() as i64 != count {
                        // The hold lapsed and a seat was taken between our two statements.
                        tx.rollback().await?;
                        return Ok(Ok(Attempt::LostRace));
                    }
                    super::commit(tx).await?;
                    Ok(Ok(Attempt::Done(HoldInfo {
                        hold_id,
                        event_id,
                        seats,
                        expires_at,
                        holder,
                        replayed: false,
                        reservation_id: None,
                        lifetime_capped: capped,
                        change_id: None,
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
        if let Store::Postgres(pool) = self {
            return self
                .try_reserve_pg(pool, hold_id, customer, reference, actor)
                .await;
        }
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
                        // Reserved by another terminal between the look above and this
                        // transaction: the same sale asked for twice at once is that sale.
                        return Ok(match self.reservation_of_hold(hold_id).await {
                            Ok(Some(done)) => Ok(Attempt::Done(done)),
                            Ok(None) => self.not_active(hold_id, None).await,
                            Err(e) => Err(e),
                        });
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
                    let mut qb = QueryBuilder::new(format!(
                        "UPDATE seats SET status = 'reserved', held_until = NULL, \
                         version = version + 1, {}, reservation_id = ",
                        super::prices::SOLD_PRICE
                    ));
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
                    let change_id = record_history!(
                        tx,
                        event_id,
                        changed,
                        from,
                        to,
                        Some(hold_id),
                        Some(reservation_id),
                        actor
                    );
                    super::commit(tx).await?;
                    Ok(Ok(Attempt::Done(ReservationInfo {
                        reservation_id,
                        hold_id,
                        event_id,
                        seats: changed.into_iter().map(|(_, l)| l).collect(),
                        customer: customer.map(str::to_string),
                        reference: reference.map(str::to_string),
                        replayed: false,
                        total: None,
                        change_id,
                    })))
                }
                .await
            });
        outcome.map_err(db_error)?
    }

    pub(super) async fn reservation_of_hold(
        &self,
        hold_id: Uuid,
    ) -> Result<Option<ReservationInfo>> {
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
        // Its seats now: a partial refund (`release --seats`) has given some back.
        let seats = self.reserved_labels(reservation_id).await?;
        Ok(Some(ReservationInfo {
            reservation_id,
            hold_id,
            event_id,
            seats,
            customer,
            reference,
            replayed: true,
            total: None,
            change_id: None,
        }))
    }

    /// After an outage: reads the clock until one connection answers, at most `tries` times.
    /// Idle connections the server closed meanwhile each fail once and are dropped, so the
    /// caller's next operation gets a live one instead of the next dead one.
    pub async fn revive(&self, tries: u32) {
        for _ in 0..tries.max(1) {
            if self.clock().await.is_ok() {
                return;
            }
        }
    }

    /// The database server's clock now (PostgreSQL `clock_timestamp()`; SQLite's, which is
    /// this machine's).
    pub async fn clock(&self) -> Result<DateTime<Utc>> {
        let text: String = with_pool!(self, |pool, pg| {
            sqlx::query_scalar(if pg {
                "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', \
                 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"+00:00\"')"
            } else {
                "SELECT strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')"
            })
            .fetch_one(pool)
            .await
        })
        .map_err(db_error)?;
        DateTime::parse_from_rfc3339(&text)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| Error::Internal(anyhow::anyhow!("database clock `{text}`: {e}")))
    }

    /// The latest `limit` holds on an event whose holder name starts with `holder_prefix`
    /// (`simulate --mix`: what other processes' buyers may act on), newest first.
    pub async fn recent_holds(
        &self,
        event_id: Uuid,
        holder_prefix: &str,
        limit: i64,
    ) -> Result<Vec<Uuid>> {
        with_pool!(self, |pool, _pg| {
            sqlx::query_scalar::<_, Uuid>(
                "SELECT id FROM holds WHERE event_id = $1 AND holder LIKE $2 ESCAPE '\\' \
                 ORDER BY created_at DESC LIMIT $3",
            )
            .bind(event_id)
            .bind(like_prefix(holder_prefix))
            .bind(limit)
            .fetch_all(pool)
            .await
        })
        .map_err(db_error)
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

    /// The seats reservation `res_id` holds now, in layout order.
    pub async fn reserved_labels(&self, res_id: Uuid) -> Result<Vec<String>> {
        with_pool!(self, |pool, _pg| {
            sqlx::query_scalar::<_, String>(
                "SELECT label FROM seats WHERE reservation_id = $1 AND status = 'reserved' \
                 ORDER BY section_pos, row_pos, number",
            )
            .bind(res_id)
            .fetch_all(pool)
            .await
        })
        .map_err(db_error)
    }

    /// The seat labels a hold took, in the order it took them (from the history).
    pub async fn labels_of_hold(&self, hold_id: Uuid) -> Result<Vec<String>> {
        let labels = with_pool!(self, |pool, _pg| {
            async { Ok::<_, sqlx::Error>(hold_labels!(pool, hold_id)) }.await
        });
        labels.map_err(db_error)
    }

    /// After a guarded write matched no hold: why not (as [`Store::why_not_active`]), or a
    /// lost race (retry) when the hold is active after all: another terminal's write (an
    /// extend) committed between our write and this read. With `lifetime_ms`, an active hold
    /// past its lifetime is `HoldLifetimeReached` (exit 3).
    pub(super) async fn not_active<T>(
        &self,
        hold_id: Uuid,
        lifetime_ms: Option<i64>,
    ) -> Result<Attempt<T>> {
        let row = with_pool!(self, |pool, pg| {
            let mut qb = QueryBuilder::new("SELECT status, expires_at, expires_at <= ");
            qb.push(now_sql(pg)).push(" AS lapsed, ");
            match lifetime_ms {
                Some(ms) => {
                    push_after(&mut qb, pg, "created_at", ms);
                    qb.push(" <= ").push(now_sql(pg));
                }
                None => {
                    qb.push("1 = 0");
                }
            }
            qb.push(" AS spent FROM holds WHERE id = ")
                .push_bind(hold_id);
            qb.build_query_as::<(String, DateTime<Utc>, bool, bool)>()
                .fetch_optional(pool)
                .await
        })
        .map_err(db_error)?;
        match row {
            Some((status, _, false, false)) if status == "active" => Ok(Attempt::LostRace),
            Some((status, expires_at, lapsed, _)) => {
                Err(self.explain(hold_id, status, expires_at, lapsed).await)
            }
            None => Err(Error::not_found(format!(
                "no hold or reservation {hold_id}"
            ))),
        }
    }

    /// Explains why a hold is not active: unknown (4), lapsed (5, naming seats since taken),
    /// or released / reserved (3).
    pub(super) async fn why_not_active(&self, hold_id: Uuid) -> Error {
        let row = with_pool!(self, |pool, pg| {
            let mut qb = QueryBuilder::new("SELECT status, expires_at, expires_at <= ");
            qb.push(now_sql(pg))
                .push(" AS lapsed FROM holds WHERE id = ")
                .push_bind(hold_id);
            qb.build_query_as::<(String, DateTime<Utc>, bool)>()
                .fetch_optional(pool)
                .await
        });
        match row {
            Err(e) => db_error(e),
            Ok(None) => Error::not_found(format!("no hold or reservation {hold_id}")),
            Ok(Some((status, expires_at, lapsed))) => {
                self.explain(hold_id, status, expires_at, lapsed).await
            }
        }
    }

    /// The error for a hold that is not active, given its row: closed (3), lapsed (5, naming
    /// seats since taken), or active but past its lifetime (3).
    async fn explain(
        &self,
        hold_id: Uuid,
        status: String,
        expires_at: DateTime<Utc>,
        lapsed: bool,
    ) -> Error {
        match status.as_str() {
            "released" | "reserved" => Error::HoldClosed { hold_id, status },
            _ if lapsed || status == "expired" => Error::HoldLapsed {
                hold_id,
                at: expires_at,
                taken_since: self.taken_from(hold_id).await.unwrap_or_default(),
            },
            // Active and not lapsed, yet not extended: it has lived its whole lifetime.
            "active" => Error::HoldLifetimeReached {
                hold_id,
                expires_at,
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
}

/// A LIKE pattern matching every text that starts with `prefix` (`%`, `_` and `\` escaped).
fn like_prefix(prefix: &str) -> String {
    let mut p = String::with_capacity(prefix.len() + 1);
    for c in prefix.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}
