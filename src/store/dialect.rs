//! What differs between PostgreSQL and SQLite, said once: "now", "now + ttl", how a
//! read-then-write transaction begins; plus the SQL fragments every state change shares.

use sqlx::QueryBuilder;
use uuid::Uuid;

use super::HoldRequest;
use crate::error::Error;

/// An operation's own verdict (`Err`: taken, lapsed...) inside a transaction's `sqlx` result.
pub(super) type Tried<T> = std::result::Result<T, Error>;

/// "now" on the database clock: `now()` on PostgreSQL; on SQLite the same RFC 3339 text that
/// sqlx stores timestamps as, so comparisons with stored times are right.
pub(super) fn now_sql(pg: bool) -> &'static str {
    if pg {
        "now()"
    } else {
        "strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')"
    }
}

/// "A lapsed hold counts as available", as a condition on the seat row `alias` (e.g. `s.`,
/// or empty): free to take. The `seat_state` view (migrations) says the same for reads.
pub(super) fn seat_is_free(pg: bool, alias: &str) -> String {
    format!(
        "({alias}status = 'available' OR ({alias}status = 'held' AND {alias}held_until <= {}))",
        now_sql(pg)
    )
}

/// SQLite takes the write lock up front so that read-then-write transactions queue behind
/// `busy_timeout` instead of failing with a stale snapshot; PostgreSQL needs nothing special.
pub(super) fn begin_sql(pg: bool) -> &'static str {
    if pg { "BEGIN" } else { "BEGIN IMMEDIATE" }
}

/// Pushes "`base` + ms" in the backend's dialect: `base` is a timestamp column (or `now()` /
/// SQLite's `'now'`), the milliseconds are bound, never formatted.
pub(super) fn push_after<DB: sqlx::Database>(
    qb: &mut QueryBuilder<DB>,
    pg: bool,
    base: &str,
    ms: i64,
) where
    i64: for<'e> sqlx::Encode<'e, DB> + sqlx::Type<DB>,
    String: for<'e> sqlx::Encode<'e, DB> + sqlx::Type<DB>,
{
    if pg {
        qb.push(base)
            .push(" + ")
            .push_bind(ms)
            .push(" * interval '1 millisecond'");
    } else {
        qb.push("strftime('%Y-%m-%dT%H:%M:%f+00:00', ")
            .push(base)
            .push(", ")
            .push_bind(format!("{:+.3} seconds", ms as f64 / 1000.0))
            .push(")");
    }
}

/// Pushes "now + ttl" in the backend's dialect, with the TTL bound, not formatted.
pub(super) fn push_expiry<DB: sqlx::Database>(qb: &mut QueryBuilder<DB>, pg: bool, ttl_ms: i64)
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
/// `id, event_id, holder, terminal, idempotency_key, idempotency_request, seat_count`,
/// followed by `, `.
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
        .push_bind(req.idempotency_request.map(str::to_string))
        .push(", ")
        .push_bind(req.labels.len() as i64)
        .push(", ");
}

/// Appends one history row per changed seat, in one statement, inside the caller's transaction.
/// Evaluates to the id of the last row (`None` when no seat changed): the write's change id.
macro_rules! record_history {
    ($tx:ident, $event_id:expr, $seats:expr, $from:expr, $to:expr, $hold:expr, $res:expr, $actor:expr) => {
        if $seats.is_empty() {
            None::<i64>
        } else {
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
            qb.push(" RETURNING id");
            let ids: Vec<i64> = qb.build_query_scalar().fetch_all(&mut *$tx).await?;
            ids.into_iter().max()
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

pub(super) use {hold_labels, record_history};
