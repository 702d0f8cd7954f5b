//! Reserve, release and extend on PostgreSQL, each in one statement and one round trip, as the
//! hold is (`hold_pg.rs`): the guarded hold update, the seats (locked in id order), the
//! reservation and the history rows in data-modifying CTEs. If fewer seats change than the
//! hold covers, the statement divides by zero on purpose, which aborts it whole: a lost race,
//! retried. When nothing matched (the hold is not in the state the statement expects) a
//! second read explains why; only that unhappy path costs a second round trip. SQLite and
//! fault injection use the general transaction path in `lifecycle.rs` and `release.rs`.
//!
//! Expiry guards read `clock_timestamp()`, not `now()`: `now()` is fixed when the statement
//! starts, so a reserve or extend that waited on a lock would judge the hold by a moment
//! already past, and could reserve a hold that lapsed while it waited (after another terminal
//! was told it had lapsed). A guard re-checked after a lock wait reads the clock again.
//!
//! The statements are public constants so that `benches/holds.sh` runs exactly these texts
//! under pgbench (`cargo bench --bench holds -- --print-sql reserve|release`); parameters in
//! select lists carry casts because pgbench sends untyped ones.

use chrono::{DateTime, Utc};
use sqlx::PgPool;
use uuid::Uuid;

use super::{Actor, Attempt, Store, db_error};
use crate::contract::{HoldInfo, Released, ReservationInfo};
use crate::error::Result;

/// Reserve hold `$1` as reservation `$2` (customer `$3`, reference `$4`; actor `$5` at
/// terminal `$6`). Returns the event, the seat labels, a check column and the last history
/// row's id (the change id); no row if the hold is not active.
/// Lock order: the hold, then its seats in id order.
pub const RESERVE_PG: &str = concat!(
    "\
WITH h AS (UPDATE holds SET status = 'reserved' \
WHERE id = $1 AND status = 'active' AND expires_at > clock_timestamp() \
RETURNING id, event_id, seat_count), \
r AS (INSERT INTO reservations (id, event_id, hold_id, customer, reference) \
SELECT $2::uuid, event_id, id, $3, $4 FROM h), \
lk AS (SELECT id FROM seats WHERE hold_id = $1 AND status = 'held' \
AND held_until > clock_timestamp() AND EXISTS (SELECT 1 FROM h) ORDER BY id FOR UPDATE), \
s AS (UPDATE seats SET status = 'reserved', held_until = NULL, version = version + 1, \
reservation_id = $2, ",
    super::prices::sold_price_sql!(),
    " WHERE id IN (SELECT id FROM lk) RETURNING id, label, event_id), \
hist AS (INSERT INTO seat_history (event_id, seat_id, seat_label, from_status, to_status, \
hold_id, reservation_id, actor, terminal) \
SELECT event_id, id, label, 'held', 'reserved', $1::uuid, $2::uuid, $5, $6 FROM s RETURNING id) \
SELECT h.event_id, (SELECT array_agg(label ORDER BY id) FROM s), \
1 / ((SELECT count(*) FROM s) = h.seat_count)::int, (SELECT max(id) FROM hist) FROM h"
);

/// Release `$1`, a reservation id, or a hold id (its reservation if it has one and `$4` allows
/// it, else the hold while active or lapsed); actor `$2` at terminal `$3`. Returns the reservation and hold it
/// released (if a reservation), the event, the labels returned to sale and the last history
/// row's id (the change id); all null if
/// nothing was in a state to release. Lock order: the reservation, the hold, then the seats in
/// id order.
pub const RELEASE_PG: &str = "\
WITH r AS (UPDATE reservations SET status = 'released', released_at = now() \
WHERE (id = $1 OR (hold_id = $1 AND $4)) AND status = 'active' RETURNING id, hold_id, event_id), \
h AS (UPDATE holds SET status = 'released' \
WHERE id = $1 AND status IN ('active', 'expired') RETURNING id, event_id), \
lk AS (SELECT id FROM seats WHERE hold_id = COALESCE((SELECT hold_id FROM r), (SELECT id FROM h)) \
AND ((status = 'reserved' AND reservation_id = (SELECT id FROM r)) \
OR (status = 'held' AND NOT EXISTS (SELECT 1 FROM r))) ORDER BY id FOR UPDATE), \
s AS (UPDATE seats SET status = 'available', hold_id = NULL, reservation_id = NULL, \
held_until = NULL, version = version + 1 WHERE id IN (SELECT id FROM lk) \
RETURNING id, label, event_id), \
hist AS (INSERT INTO seat_history (event_id, seat_id, seat_label, from_status, to_status, \
hold_id, reservation_id, actor, terminal) \
SELECT event_id, id, label, CASE WHEN EXISTS (SELECT 1 FROM r) THEN 'reserved' ELSE 'held' END, \
'available', COALESCE((SELECT hold_id FROM r), (SELECT id FROM h)), (SELECT id FROM r), $2, $3 \
FROM s RETURNING id) \
SELECT (SELECT id FROM r), (SELECT hold_id FROM r), \
COALESCE((SELECT event_id FROM r), (SELECT event_id FROM h)), \
(SELECT array_agg(label ORDER BY id) FROM s), (SELECT max(id) FROM hist)";

/// Extend active hold `$1` to `$2` ms from now, but never past `$3` ms from when it was made.
/// Returns the event, the new expiry, the holder, whether the lifetime cut it, and the seat
/// labels; no row if the hold is not active (or has lived its lifetime).
pub const EXTEND_PG: &str = "\
WITH h AS (UPDATE holds SET expires_at = LEAST(clock_timestamp() + $2 * interval '1 millisecond', \
created_at + $3 * interval '1 millisecond') \
WHERE id = $1 AND status = 'active' AND expires_at > clock_timestamp() \
AND created_at + $3 * interval '1 millisecond' > clock_timestamp() \
RETURNING event_id, expires_at, holder, seat_count, \
clock_timestamp() + $2 * interval '1 millisecond' > created_at + $3 * interval '1 millisecond' \
AS capped), \
lk AS (SELECT id FROM seats WHERE hold_id = $1 AND status = 'held' \
AND held_until > clock_timestamp() AND EXISTS (SELECT 1 FROM h) ORDER BY id FOR UPDATE), \
s AS (UPDATE seats SET version = version + 1, held_until = (SELECT expires_at FROM h) \
WHERE id IN (SELECT id FROM lk) RETURNING id, label) \
SELECT h.event_id, h.expires_at, h.holder, h.capped, \
(SELECT array_agg(label ORDER BY id) FROM s), \
1 / ((SELECT count(*) FROM s) = h.seat_count)::int FROM h";

/// A statement that aborted itself (22012: fewer seats changed than expected), met a deadlock
/// (40P01) or a second reservation of the hold (unique violation): nothing was written.
fn lost_race(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d)
        if matches!(d.code().as_deref(), Some("22012" | "40P01")) || d.is_unique_violation())
}

impl Store {
    /// [`Store::try_reserve`] on PostgreSQL in one round trip.
    pub(super) async fn try_reserve_pg(
        &self,
        pool: &PgPool,
        hold_id: Uuid,
        customer: Option<&str>,
        reference: Option<&str>,
        actor: &Actor,
    ) -> Result<Attempt<ReservationInfo>> {
        let reservation_id = Uuid::new_v4();
        type Row = (Uuid, Option<Vec<String>>, i32, Option<i64>);
        let row: std::result::Result<Option<Row>, _> = sqlx::query_as(RESERVE_PG)
            .bind(hold_id)
            .bind(reservation_id)
            .bind(customer)
            .bind(reference)
            .bind(&actor.who)
            .bind(&actor.terminal)
            .fetch_optional(pool)
            .await
            .map_err(super::sent);
        match row {
            Ok(Some((event_id, seats, _, change_id))) => Ok(Attempt::Done(ReservationInfo {
                reservation_id,
                hold_id,
                event_id,
                seats: seats.unwrap_or_default(),
                customer: customer.map(str::to_string),
                reference: reference.map(str::to_string),
                replayed: false,
                total: None,
                change_id,
            })),
            // Not active: reserved already (a replay), or released, lapsed, unknown.
            Ok(None) => match self.reservation_of_hold(hold_id).await? {
                Some(done) => Ok(Attempt::Done(done)),
                None => self.not_active(hold_id, None).await,
            },
            Err(e) if lost_race(&e) => Ok(Attempt::LostRace),
            Err(e) => Err(db_error(e)),
        }
    }

    /// [`Store::release`]'s attempt on PostgreSQL in one round trip.
    pub(super) async fn try_release_pg(
        &self,
        pool: &PgPool,
        id: Uuid,
        actor: &Actor,
        refund_reserved: bool,
    ) -> Result<Attempt<Released>> {
        type Row = (
            Option<Uuid>,
            Option<Uuid>,
            Option<Uuid>,
            Option<Vec<String>>,
            Option<i64>,
        );
        let row: std::result::Result<Row, _> = sqlx::query_as(RELEASE_PG)
            .bind(id)
            .bind(&actor.who)
            .bind(&actor.terminal)
            .bind(refund_reserved)
            .fetch_one(pool)
            .await
            .map_err(super::sent);
        match row {
            Ok((reservation_id, _, Some(event_id), seats, change_id)) => {
                Ok(Attempt::Done(Released {
                    id,
                    kind: if reservation_id == Some(id) {
                        "reservation"
                    } else {
                        "hold"
                    },
                    event_id,
                    reservation_id,
                    seats: seats.unwrap_or_default(),
                    already_released: false,
                    kept: None,
                    change_id,
                }))
            }
            Ok(_) => self.why_not_released(id, refund_reserved).await,
            Err(e) if lost_race(&e) => Ok(Attempt::LostRace),
            Err(e) => Err(db_error(e)),
        }
    }

    /// [`Store::try_extend`] on PostgreSQL in one round trip.
    pub(super) async fn try_extend_pg(
        &self,
        pool: &PgPool,
        hold_id: Uuid,
        ttl_ms: i64,
        lifetime_ms: i64,
    ) -> Result<Attempt<HoldInfo>> {
        type Row = (
            Uuid,
            DateTime<Utc>,
            Option<String>,
            bool,
            Option<Vec<String>>,
            i32,
        );
        let row: std::result::Result<Option<Row>, _> = sqlx::query_as(EXTEND_PG)
            .bind(hold_id)
            .bind(ttl_ms)
            .bind(lifetime_ms)
            .fetch_optional(pool)
            .await
            .map_err(super::sent);
        match row {
            Ok(Some((event_id, expires_at, holder, capped, seats, _))) => {
                Ok(Attempt::Done(HoldInfo {
                    hold_id,
                    event_id,
                    seats: seats.unwrap_or_default(),
                    expires_at,
                    holder,
                    replayed: false,
                    reservation_id: None,
                    lifetime_capped: capped,
                    change_id: None,
                }))
            }
            Ok(None) => self.not_active(hold_id, Some(lifetime_ms)).await,
            Err(e) if lost_race(&e) => Ok(Attempt::LostRace),
            Err(e) => Err(db_error(e)),
        }
    }
}
