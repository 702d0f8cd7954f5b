//! The change stream's reads: an event's committed seat changes after a cursor, in the order
//! no later read can contradict; the announcement a writer sends after its commit, and the
//! listener that hears it (PostgreSQL `NOTIFY`/`LISTEN seatctl_changes`; SQLite has no
//! notifications: its listener wakes every reader at a fixed interval).

use std::time::Duration;

use chrono::{DateTime, Utc};
use sqlx::postgres::{PgListener, PgPoolOptions};
use uuid::Uuid;

use super::{Store, db_error, with_pool};
use crate::contract::SeatChange;
use crate::error::{Error, Result};

/// The PostgreSQL channel changes are announced on ([`Store::announce`]), with the event's id
/// as the payload.
pub const CHANNEL: &str = "seatctl_changes";

/// The payload on [`CHANNEL`] that wakes the followers of every event (any other payload is
/// one event's id).
pub const ANY_EVENT: &str = "*";

/// A place in an event's change stream: after the change with history id `id`, written by
/// transaction `tx` (0 on SQLite, whose ids follow commit order). Ordered by `(tx, id)`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Cursor {
    pub tx: i64,
    pub id: i64,
}

/// A change as read, with its place in the stream. `settled`: every transaction that could
/// still commit a change before it has ended, so it may be passed on (PostgreSQL; always true
/// on SQLite).
#[derive(Debug, Clone)]
pub struct ChangeRow {
    pub cursor: Cursor,
    pub settled: bool,
    pub change: SeatChange,
}

#[derive(sqlx::FromRow)]
struct Row {
    tx: i64,
    settled: bool,
    id: i64,
    event_id: Uuid,
    seat_label: String,
    section: Option<String>,
    from_status: String,
    to_status: String,
    hold_id: Option<Uuid>,
    reservation_id: Option<Uuid>,
    actor: Option<String>,
    terminal: Option<String>,
    at: DateTime<Utc>,
    note: Option<String>,
}

impl From<Row> for ChangeRow {
    fn from(r: Row) -> ChangeRow {
        ChangeRow {
            cursor: Cursor { tx: r.tx, id: r.id },
            settled: r.settled,
            change: SeatChange {
                id: r.id,
                event_id: r.event_id,
                seat: r.seat_label,
                section: r.section,
                from_status: r.from_status,
                to_status: r.to_status,
                hold_id: r.hold_id,
                reservation_id: r.reservation_id,
                actor: r.actor,
                terminal: r.terminal,
                at: r.at,
                note: r.note,
            },
        }
    }
}

/// The columns every read of changes selects after `tx, settled`.
macro_rules! change_columns {
    () => {
        "h.id, h.event_id, h.seat_label, s.section, h.from_status, h.to_status, h.hold_id, \
         h.reservation_id, h.actor, h.terminal, h.at, h.note \
         FROM seat_history h LEFT JOIN seats s ON s.id = h.seat_id "
    };
}

/// `pg_snapshot_xmin` as a bigint: every transaction with a smaller id has ended.
macro_rules! xmin {
    () => {
        "pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
    };
}

const AFTER_PG: &str = concat!(
    "SELECT h.tx, h.tx < ",
    xmin!(),
    " AS settled, ",
    change_columns!(),
    "WHERE h.event_id = $1 AND (h.tx, h.id) > ($2, $3) ORDER BY h.tx, h.id LIMIT $4"
);
const AFTER_SQLITE: &str = concat!(
    "SELECT 0 AS tx, TRUE AS settled, ",
    change_columns!(),
    "WHERE h.event_id = $1 AND $2 = $2 AND h.id > $3 ORDER BY h.id LIMIT $4"
);

impl Store {
    /// Tells every listening process that the event has new changes (PostgreSQL: `NOTIFY`
    /// after the change's commit, on its own; nothing on SQLite, whose readers poll). Called by
    /// whoever changed seats; a failure is only logged: followers also look every second.
    pub async fn announce(&self, event_id: Uuid) {
        if let Store::Postgres(pool) = self {
            let sent = sqlx::query("SELECT pg_notify('seatctl_changes', $1)")
                .bind(event_id.to_string())
                .execute(pool)
                .await;
            if let Err(e) = sent {
                tracing::debug!(error = %e, %event_id, "could not announce a change");
            }
        }
    }

    /// Up to `limit` of the event's changes after `after`, in stream order (`(tx, id)`). On
    /// PostgreSQL the rows of transactions that may still have company (see [`ChangeRow`])
    /// come last, with `settled: false`. Errors: exit 6 when the database is down.
    pub async fn changes_after(
        &self,
        event_id: Uuid,
        after: Cursor,
        limit: i64,
    ) -> Result<Vec<ChangeRow>> {
        let rows = with_pool!(self, |pool, pg| {
            sqlx::query_as::<_, Row>(if pg { AFTER_PG } else { AFTER_SQLITE })
                .bind(event_id)
                .bind(after.tx)
                .bind(after.id)
                .bind(limit)
                .fetch_all(pool)
                .await
        })
        .map_err(db_error)?;
        Ok(rows.into_iter().map(ChangeRow::from).collect())
    }

    /// What a change feed checks of a followed event when it starts following it and then
    /// every second: its layout version (bumped by every layout import), and
    /// whether an active hold of it has run out of time (a sweep would tell its lapse); `None`
    /// when the event no longer exists. One indexed query.
    pub async fn followed_event(&self, event_id: Uuid) -> Result<Option<(i64, bool)>> {
        with_pool!(self, |pool, pg| {
            sqlx::query_as(if pg {
                "SELECT layout_version, EXISTS (SELECT 1 FROM holds WHERE event_id = $1 \
                 AND status = 'active' AND expires_at <= now()) FROM events WHERE id = $1"
            } else {
                "SELECT layout_version, EXISTS (SELECT 1 FROM holds WHERE event_id = $1 \
                 AND status = 'active' AND expires_at <= strftime('%Y-%m-%dT%H:%M:%f+00:00', \
                 'now')) FROM events WHERE id = $1"
            })
            .bind(event_id)
            .fetch_optional(pool)
            .await
        })
        .map_err(db_error)
    }

    /// Where the change with history id `id` stands in the event's stream; `None` when the
    /// event has no such change.
    pub async fn change_cursor(&self, event_id: Uuid, id: i64) -> Result<Option<Cursor>> {
        let tx: Option<i64> = with_pool!(self, |pool, pg| {
            sqlx::query_scalar(if pg {
                "SELECT tx FROM seat_history WHERE event_id = $1 AND id = $2"
            } else {
                "SELECT 0 FROM seat_history WHERE event_id = $1 AND id = $2"
            })
            .bind(event_id)
            .bind(id)
            .fetch_optional(pool)
            .await
        })
        .map_err(db_error)?;
        Ok(tx.map(|tx| Cursor { tx, id }))
    }

    /// The id of the last change hold `id` made, or the hold reservation `id` was made from
    /// (what a write tells for read-your-writes); `None` when it made none.
    pub async fn last_change_of(&self, event_id: Uuid, id: Uuid) -> Result<Option<i64>> {
        with_pool!(self, |pool, _pg| {
            sqlx::query_scalar(
                "SELECT max(id) FROM seat_history WHERE event_id = $1 AND hold_id = \
                 COALESCE((SELECT hold_id FROM reservations WHERE id = $2), $2)",
            )
            .bind(event_id)
            .bind(id)
            .fetch_one(pool)
            .await
        })
        .map_err(db_error)
    }

    /// The cursor after the event's last settled change: "from now on". Changes committed
    /// but not yet settled come after it.
    pub async fn change_head(&self, event_id: Uuid) -> Result<Cursor> {
        let head: Option<(i64, i64)> = with_pool!(self, |pool, pg| {
            sqlx::query_as(if pg {
                concat!(
                    "SELECT tx, id FROM seat_history WHERE event_id = $1 AND tx < ",
                    xmin!(),
                    " ORDER BY tx DESC, id DESC LIMIT 1"
                )
            } else {
                "SELECT 0, id FROM seat_history WHERE event_id = $1 ORDER BY id DESC LIMIT 1"
            })
            .bind(event_id)
            .fetch_optional(pool)
            .await
        })
        .map_err(db_error)?;
        Ok(head.map(|(tx, id)| Cursor { tx, id }).unwrap_or_default())
    }

    /// A listener for "there may be new changes": on PostgreSQL its own connection (not one of
    /// the pool's) listening on [`CHANNEL`]; on SQLite a clock ticking every `poll`.
    /// Errors: exit 6 when PostgreSQL cannot be reached.
    pub async fn change_listener(&self, poll: Duration) -> Result<ChangeListener> {
        match self {
            Store::Postgres(pool) => {
                let own = PgPoolOptions::new()
                    .max_connections(1)
                    .max_lifetime(None)
                    .idle_timeout(None)
                    .acquire_timeout(pool.options().get_acquire_timeout())
                    .connect_lazy_with((*pool.connect_options()).clone());
                let listener = listen(&own).await?;
                Ok(ChangeListener::Postgres {
                    pool: own,
                    listener: Some(listener),
                })
            }
            Store::Sqlite(_) => Ok(ChangeListener::Poll(poll)),
        }
    }
}

/// Announcements of one process's changes ([`Store::announce`]), sent in the background and
/// coalesced: while one `NOTIFY` statement is on its way, the events changed meanwhile wait
/// and go in the next, one notification per event. A writer never waits for it. Sent on an
/// idle connection of the pool, or, when every one is busy (a server under load), on a
/// connection of its own, opened then and kept: an announcement never queues behind requests.
/// Every process calls [`settle_announcements`] before it exits.
pub struct Announcer {
    store: Store,
    state: std::sync::Mutex<(std::collections::HashSet<Uuid>, bool)>,
    own: tokio::sync::Mutex<Option<sqlx::PgConnection>>,
}

/// Announcements being sent in this process (see [`settle_announcements`]).
static SENDING: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

impl Announcer {
    pub fn new(store: Store) -> std::sync::Arc<Announcer> {
        std::sync::Arc::new(Announcer {
            store,
            state: Default::default(),
            own: tokio::sync::Mutex::new(None),
        })
    }

    /// Announces the event's new changes soon (at once when nothing is being sent). The nil
    /// id (an outcome whose event is unknown: an indeterminate reserve or release under occ,
    /// which does not look its event up) is announced as [`ANY_EVENT`].
    pub fn announce(self: &std::sync::Arc<Self>, event_id: Uuid) {
        if !matches!(self.store, Store::Postgres(_)) {
            return;
        }
        let mut state = self.state.lock().expect("announcer");
        state.0.insert(event_id);
        if state.1 {
            return;
        }
        state.1 = true;
        SENDING.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let me = self.clone();
        tokio::spawn(async move {
            loop {
                let events: Vec<String> = {
                    let mut state = me.state.lock().expect("announcer");
                    if state.0.is_empty() {
                        state.1 = false;
                        break;
                    }
                    state
                        .0
                        .drain()
                        .map(|e| {
                            if e.is_nil() {
                                ANY_EVENT.to_string()
                            } else {
                                e.to_string()
                            }
                        })
                        .collect()
                };
                if let Store::Postgres(pool) = &me.store
                    && let Err(e) = me.send(pool, &events).await
                {
                    tracing::debug!(error = %e, "could not announce changes");
                }
            }
            SENDING.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
        });
    }
}

impl Announcer {
    /// One `NOTIFY` per event, in one statement: on an idle pooled connection, else on the
    /// announcer's own (dropped after an error, opened again next time).
    async fn send(
        &self,
        pool: &sqlx::PgPool,
        events: &[String],
    ) -> std::result::Result<(), sqlx::Error> {
        use sqlx::Connection;
        let notify = || {
            sqlx::query("SELECT pg_notify('seatctl_changes', e) FROM unnest($1::text[]) AS e")
                .bind(events)
        };
        if let Some(mut conn) = pool.try_acquire() {
            return notify().execute(&mut *conn).await.map(drop);
        }
        let mut own = self.own.lock().await;
        if own.is_none() {
            *own = Some(sqlx::PgConnection::connect_with(&pool.connect_options()).await?);
        }
        let conn = own.as_mut().expect("connected just now");
        let sent = notify().execute(&mut *conn).await.map(drop);
        if sent.is_err() {
            *own = None;
        }
        sent
    }
}

/// Waits (at most `bound`) until this process's announcements are sent: a command that
/// changed seats calls it before exiting, so followers hear of its change at once rather than
/// at their next look.
pub async fn settle_announcements(bound: Duration) {
    let started = std::time::Instant::now();
    while SENDING.load(std::sync::atomic::Ordering::SeqCst) > 0 && started.elapsed() < bound {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}

/// What a [`ChangeListener`] heard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heard {
    /// This event has new changes.
    Event(Uuid),
    /// Any event may have: a poll's tick, or notifications may have been lost while the
    /// connection was down (it is back now).
    Any,
}

async fn listen(pool: &sqlx::PgPool) -> Result<Box<PgListener>> {
    let mut listener = PgListener::connect_with(pool).await.map_err(unavailable)?;
    listener.listen(CHANNEL).await.map_err(unavailable)?;
    Ok(Box::new(listener))
}

fn unavailable(e: sqlx::Error) -> Error {
    match db_error(e) {
        e @ Error::Unavailable(_) => e,
        other => Error::Unavailable(format!("listening for changes: {other}")),
    }
}

/// See [`Store::change_listener`].
pub enum ChangeListener {
    Postgres {
        /// The listener's own pool of one connection.
        pool: sqlx::PgPool,
        /// `None` after the connection failed: the next wait listens afresh.
        listener: Option<Box<PgListener>>,
    },
    Poll(Duration),
}

impl ChangeListener {
    /// Waits for the next thing heard. Errors: exit 6 while PostgreSQL is unreachable (the
    /// next call connects again and, once it has, answers [`Heard::Any`]: notifications sent
    /// meanwhile are lost, the changes are not).
    pub async fn next(&mut self) -> Result<Heard> {
        match self {
            ChangeListener::Poll(every) => {
                tokio::time::sleep(*every).await;
                Ok(Heard::Any)
            }
            ChangeListener::Postgres { pool, listener } => {
                let Some(l) = listener else {
                    *listener = Some(listen(pool).await?);
                    return Ok(Heard::Any);
                };
                match l.try_recv().await {
                    // `ANY_EVENT`, or anything else that is not an event id, wakes them all.
                    Ok(Some(n)) => Ok(match n.payload() {
                        ANY_EVENT => Heard::Any,
                        id => Uuid::parse_str(id).map_or(Heard::Any, Heard::Event),
                    }),
                    Ok(None) => Ok(Heard::Any),
                    Err(e) => {
                        *listener = None;
                        Err(unavailable(e))
                    }
                }
            }
        }
    }
}
