//! Where buyers send their operations: seatctl's real `Reserver`, one per database connection,
//! or a no-op backend that answers at once (the simulator's own benchmark).

use std::time::Duration;

use uuid::Uuid;

use crate::app::strategy::{Effort, Reserver};
use crate::config::{Config, DatabaseConfig, DatabaseTarget, Strategy};
use crate::error::Result;
use crate::store::{HoldRequest, Store};

/// Where buyers send their operations: seatctl's real `Reserver`, or nothing at all (to
/// measure the simulator's own overhead: `benches/simulator.rs`).
pub enum Client {
    Real(Box<Reserver>),
    Noop,
}

/// The no-op backend: every operation succeeds at once, with made-up ids.
pub(super) mod noop {
    use super::*;
    use crate::store::{HoldInfo, ReservationInfo};

    pub fn hold(req: &HoldRequest<'_>, effort: &mut Effort) -> HoldInfo {
        effort.tries.push(Duration::ZERO);
        HoldInfo {
            hold_id: Uuid::from_u128(fastrand::u128(..)),
            event_id: req.event_id,
            seats: req.labels.to_vec(),
            expires_at: chrono::DateTime::UNIX_EPOCH,
            holder: None,
            replayed: false,
        }
    }

    pub fn reserve(hold: &HoldInfo, effort: &mut Effort) -> ReservationInfo {
        effort.tries.push(Duration::ZERO);
        ReservationInfo {
            reservation_id: Uuid::from_u128(fastrand::u128(..)),
            hold_id: hold.hold_id,
            event_id: hold.event_id,
            seats: hold.seats.clone(),
            customer: None,
            reference: None,
            replayed: false,
        }
    }
}

/// Opens `n` connections (each a pool of one) and a Reserver over each; Redis is shared.
pub(super) async fn reservers(
    target: &DatabaseTarget,
    config: &Config,
    redis_url: &str,
    strategy: Strategy,
    n: u32,
) -> Result<Vec<Reserver>> {
    let one = DatabaseConfig {
        max_connections: if target.is_postgres() { 1 } else { n.max(1) },
        ..config.database.clone()
    };
    let store = Store::connect(target, &one).await?;
    let first = Reserver::new(store.clone(), strategy, config, redis_url).await?;
    let mut all = Vec::with_capacity(n as usize);
    for _ in 1..n {
        // SQLite is one file with one writer: its workers share one pool.
        let store = if target.is_postgres() {
            Store::connect(target, &one).await?
        } else {
            store.clone()
        };
        all.push(first.with_store(store));
    }
    all.push(first);
    Ok(all)
}
