//! One simulated buyer's buy: hold (picked or best seats), then reserve, release or abandon,
//! through the backend, ending in one `Record` for the collector.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use tokio::sync::Semaphore;
use uuid::Uuid;

use super::backend::Backend;
use super::hall::Hall;
use super::plan::{Outcome, Plan};
use super::stats::Booked;
use crate::app::strategy::Effort;
use crate::app::{Actor, Fault, HoldRequest};
use crate::error::Error;

/// One buy, as the collector receives it.
pub(super) struct Record {
    pub(super) buyer: u64,
    pub(super) intended: Instant,
    pub(super) start: Instant,
    pub(super) end: Instant,
    pub(super) seats: Vec<String>,
    pub(super) outcome: Outcome,
    pub(super) effort: Effort,
    pub(super) holds: u64,
    pub(super) reservations: u64,
    pub(super) releases: u64,
    pub(super) booked: Option<Booked>,
    pub(super) holder: String,
    pub(super) error: Option<String>,
}

/// What the buyers of one run share: the plan, the hall, the clock, and the pool of backends
/// (one per connection; a buyer waits for a permit to take one).
pub(super) struct Shared<B> {
    pub(super) plan: Plan,
    pub(super) event_id: Uuid,
    pub(super) hall: Hall,
    pub(super) terminal: String,
    pub(super) stop: Arc<AtomicBool>,
    pub(super) t0: Instant,
    pub(super) warm_end: Instant,
    pub(super) end: Option<Instant>,
    pub(super) claimed: AtomicU64,
    pub(super) pool: Mutex<Vec<B>>,
    pub(super) permits: Semaphore,
}

impl<B: Backend> Shared<B> {
    /// Whether a buy may start now (time and `--ops` limits, Ctrl-C).
    pub(super) fn may_start(&self, now: Instant) -> bool {
        if self.stop.load(Ordering::Relaxed) || self.end.is_some_and(|e| now >= e) {
            return false;
        }
        match self.plan.ops {
            Some(ops) if now >= self.warm_end => self.claimed.fetch_add(1, Ordering::Relaxed) < ops,
            _ => true,
        }
    }

    pub(super) async fn buy(
        &self,
        buyer: u64,
        seq: u64,
        intended: Instant,
        rng: &mut fastrand::Rng,
    ) -> Record {
        let _permit = self.permits.acquire().await.expect("never closed");
        let backend = self
            .pool
            .lock()
            .expect("pool lock")
            .pop()
            .expect("a permit means a free backend");
        let start = Instant::now();
        let holder = format!("{}{buyer}-{seq}", self.plan.holder_prefix);
        let mut rec = Record {
            buyer,
            intended,
            start,
            end: start,
            seats: Vec::new(),
            outcome: Outcome::BackendError,
            effort: Effort::default(),
            holds: 0,
            reservations: 0,
            releases: 0,
            booked: None,
            holder: holder.clone(),
            error: None,
        };
        self.attempt(&backend, rng, &mut rec).await;
        rec.end = Instant::now();
        self.pool.lock().expect("pool lock").push(backend);
        rec
    }

    async fn attempt(&self, backend: &B, rng: &mut fastrand::Rng, rec: &mut Record) {
        let p = &self.plan;
        let n = rng.u32(p.party.min..=p.party.max) as usize;
        let labels = if p.best {
            Vec::new()
        } else {
            self.hall.pick(rng, n, p.hot)
        };
        let fault = match p.pause {
            _ if p.unguarded => Some(Fault::UnguardedWrite),
            Some((pause, prob)) if rng.f64() < prob => Some(Fault::PauseBeforeWrite(pause)),
            _ if p.kill_prob > 0.0 && rng.f64() < p.kill_prob => Some(Fault::KillBeforeCommit),
            _ => None,
        };
        let actor = Actor {
            who: rec.holder.clone(),
            terminal: self.terminal.clone(),
        };
        let req = HoldRequest {
            event_id: self.event_id,
            labels: &labels,
            ttl_ms: p.ttl_ms,
            holder: Some(&rec.holder),
            idempotency_key: None,
            idempotency_request: None,
            actor: &actor,
            fault,
        };
        let best = p.best.then_some(n);
        let held = backend.hold(&req, best, &mut rec.effort).await;
        let hold = match held {
            Ok(hold) => hold,
            Err(e) => return fail(rec, &e, &labels),
        };
        rec.holds = 1;
        rec.seats = hold.seats.clone();
        let (reserve, abandon) = (rng.f64() < p.reserve_ratio, rng.f64() < p.abandon);
        if reserve {
            let reserved = backend
                .reserve(&hold, &rec.holder, &actor, &mut rec.effort)
                .await;
            match reserved {
                Ok(r) => {
                    rec.reservations = 1;
                    rec.outcome = Outcome::Booked;
                    rec.booked = Some(Booked {
                        reservation_id: r.reservation_id,
                        holder: rec.holder.clone(),
                        seats: r.seats,
                    });
                }
                Err(e) => fail(rec, &e, &hold.seats),
            }
        } else if abandon {
            rec.outcome = Outcome::Abandoned;
        } else {
            let released = backend.release(&hold, &actor, &mut rec.effort).await;
            match released {
                Ok(()) => {
                    rec.releases = 1;
                    rec.outcome = Outcome::Released;
                }
                Err(e) => fail(rec, &e, &hold.seats),
            }
        }
    }
}

fn fail(rec: &mut Record, err: &Error, seats: &[String]) {
    rec.outcome = Outcome::of(err);
    if rec.seats.is_empty() {
        rec.seats = seats.to_vec();
    }
    if matches!(rec.outcome, Outcome::BackendError | Outcome::Indeterminate) {
        let mut msg = format!("{err:#}");
        if let Some((cut, _)) = msg.char_indices().nth(120) {
            msg.truncate(cut);
        }
        rec.error = Some(msg);
    }
}
