//! The PostgreSQL hold: the hot path of an on-sale, in one statement and one round trip.
//! SQLite (and fault injection) use the general read-then-write path in `reservations.rs`.

use chrono::{DateTime, Utc};
use sqlx::QueryBuilder;
use uuid::Uuid;

use super::dialect::{push_expiry, push_hold_values, push_labels, seat_is_free};
use super::{Attempt, HoldRequest, Store, db_error, with_pool};
use crate::contract::HoldInfo;
use crate::error::{Error, Result};

impl Store {
    /// The PostgreSQL hold in one statement and one round trip (the hot path of an on-sale):
    /// read the seats, insert the hold, guarded update, history, all in data-modifying CTEs.
    /// Every seat must still be free, and unchanged since the statement's snapshot, when its
    /// row is updated (PostgreSQL re-checks the guard on rows a concurrent writer changed). If
    /// fewer than all seats are updated the statement divides by zero on purpose, which aborts
    /// it whole; a follow-up read then tells "taken" (exit 3) from "lost a race" (retry).
    pub(super) async fn try_hold_pg(
        &self,
        pool: &sqlx::PgPool,
        req: &HoldRequest<'_>,
        wait: bool,
    ) -> Result<Attempt<HoldInfo>> {
        let n = req.labels.len() as i64;
        let hold_id = Uuid::new_v4();
        // `here`: the seats asked for, as every read sees them (a lapsed hold is available).
        let mut qb = QueryBuilder::new(
            "WITH here AS (SELECT id, label, status, version FROM seat_state WHERE event_id = ",
        );
        qb.push_bind(req.event_id);
        push_labels(&mut qb, req.labels);
        // `want`: those free seats, locked in id order. On a first try a seat another
        // transaction has locked (a hold, reserve or release under way) is skipped rather than
        // waited for, so holds do not queue behind each other: the hold comes back as a lost
        // race. The retry waits for the lock (in id order, so holds cannot deadlock with each
        // other) and then sees the seat as that transaction left it: a definite answer.
        qb.push(
            "), want AS (SELECT id, version FROM seats WHERE id IN \
             (SELECT id FROM here WHERE status = 'available') AND ",
        )
        .push(seat_is_free(true, ""))
        .push(" ORDER BY id FOR UPDATE");
        if !wait {
            qb.push(" SKIP LOCKED");
        }
        qb.push(
            "), h AS (INSERT INTO holds (id, event_id, holder, terminal, idempotency_key, \
             idempotency_request, seat_count, expires_at) SELECT ",
        );
        push_hold_values(&mut qb, hold_id, req);
        push_expiry(&mut qb, true, req.ttl_ms);
        qb.push(" WHERE (SELECT count(*) FROM want) = ")
            .push_bind(n)
            .push(
                " RETURNING id, expires_at), \
                 u AS (UPDATE seats s SET status = 'held', reservation_id = NULL, \
                 version = s.version + 1, hold_id = h.id, held_until = h.expires_at \
                 FROM h, want w WHERE s.id = w.id AND s.version = w.version AND ",
            )
            .push(seat_is_free(true, "s."))
            .push(
                " RETURNING s.id, s.label, h.expires_at, h.id AS hold_id), \
                 hist AS (INSERT INTO seat_history (event_id, seat_id, seat_label, from_status, \
                 to_status, hold_id, actor, terminal) SELECT ",
            )
            .push_bind(req.event_id)
            .push(", u.id, u.label, 'available', 'held', u.hold_id, ")
            .push_bind(req.actor.who.clone())
            .push(", ")
            .push_bind(req.actor.terminal.clone())
            // Seats not free in the snapshot: answer 0 and say how each seat stands, in this
            // same round trip (most buys in a hot on-sale end here). Free in the snapshot but
            // changed before our update (a lost race): divide by zero, aborting it whole.
            .push(
                " FROM u RETURNING id) SELECT max(expires_at), \
                 CASE WHEN (SELECT count(*) FROM want) < ",
            )
            .push_bind(n)
            .push(" THEN 0 ELSE 1 / (count(*) = ")
            .push_bind(n)
            .push(")::int END, CASE WHEN (SELECT count(*) FROM want) < ")
            .push_bind(n)
            .push(" THEN (SELECT array_agg(label || '=' || status) FROM here) END, ")
            .push("(SELECT max(id) FROM hist) FROM u");
        type Row = (Option<DateTime<Utc>>, i32, Option<Vec<String>>, Option<i64>);
        // Autocommit: a connection lost from here on leaves the hold made or not (`sent`).
        let row: std::result::Result<Row, sqlx::Error> = qb
            .build_query_as()
            .fetch_one(pool)
            .await
            .map_err(super::sent);
        match row {
            Ok((Some(expires_at), _, _, change)) => Ok(Attempt::Done(HoldInfo {
                change_id: change,
                ..req.made(hold_id, expires_at)
            })),
            Ok((None, 0, states, _)) => {
                let rows: Vec<(String, String)> = states
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|s| {
                        s.rsplit_once('=')
                            .map(|(l, st)| (l.to_string(), st.to_string()))
                    })
                    .collect();
                judge(req.labels, &rows)
            }
            Ok((None, _, _, _)) => Err(Error::Internal(anyhow::anyhow!(
                "hold statement returned no expiry"
            ))),
            // 22012: fewer seats updated than were free (our deliberate division by zero).
            // 40P01: two multi-seat holds met on the same seats in opposite order and the
            // server aborted one. Either way nothing was written: say which seats are taken,
            // or retry a lost race.
            Err(sqlx::Error::Database(e))
                if matches!(e.code().as_deref(), Some("22012" | "40P01"))
                    || e.is_unique_violation() =>
            {
                self.explain_unavailable(req.event_id, req.labels).await
            }
            Err(e) => Err(db_error(e)),
        }
    }

    /// After a failed hold: not found (4), taken (3), or all free again (a lost race: retry).
    pub(crate) async fn explain_unavailable<T>(
        &self,
        event_id: Uuid,
        labels: &[String],
    ) -> Result<Attempt<T>> {
        let rows = with_pool!(self, |pool, _pg| {
            let mut qb =
                QueryBuilder::new("SELECT label, status FROM seat_state WHERE event_id = ");
            qb.push_bind(event_id);
            push_labels(&mut qb, labels);
            qb.build_query_as::<(String, String)>()
                .fetch_all(pool)
                .await
        })
        .map_err(db_error)?;
        judge(labels, &rows)
    }
}

/// Given how each asked-for seat stands: not found (4), taken (3), or all free (a lost race).
fn judge<T>(labels: &[String], rows: &[(String, String)]) -> Result<Attempt<T>> {
    if let Some(e) = Error::unknown_seats(labels, rows.iter().map(|r| r.0.as_str())) {
        return Err(e);
    }
    let taken: Vec<&str> = labels
        .iter()
        .filter(|l| rows.iter().any(|r| &r.0 == *l && r.1 != "available"))
        .map(String::as_str)
        .collect();
    if taken.is_empty() {
        return Ok(Attempt::LostRace);
    }
    Err(Error::seats_taken(taken))
}
