//! One simulated buyer's buy: hold (picked or best seats), then reserve, release or abandon,
//! through the backend, ending in one `Record` for the collector.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use tokio::sync::Semaphore;
use uuid::Uuid;

use super::backend::{Backend, Choice};
use super::hall::Hall;
use super::history::{Answer, HistOp, Mix, OpKind};
use super::plan::{Outcome, Plan};
use super::stats::Booked;
use crate::app::strategy::Effort;
use crate::app::{Actor, Fault, HoldRequest};
use crate::contract::HoldInfo;
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
    /// The database refused this login the operation (exit 7): the run stops.
    pub(super) denied: Option<String>,
    /// `--mix`: the operation as called and answered.
    pub(super) op: Option<HistOp>,
    /// This buy asked again for a hold whose outcome was unknown (same idempotency key).
    pub(super) unknown_retried: bool,
    /// The hold came back as made earlier under the same key (a replay).
    pub(super) replayed: bool,
}

impl Record {
    /// The backend failed (an error or an unknown outcome): the buyer backs off.
    pub(super) fn backend_failed(&self) -> bool {
        matches!(self.outcome, Outcome::BackendError | Outcome::Indeterminate)
    }
}

/// What the buyers of one run share: the plan, the hall, the clock, and the pool of backends
/// (one per connection; a buyer waits for a permit to take one).
pub(super) struct Shared<B> {
    pub(super) plan: Plan,
    pub(super) event_id: Uuid,
    pub(super) hall: Hall,
    /// `--area`: the capacity of the area buyers take places of.
    pub(super) area_capacity: i64,
    pub(super) terminal: String,
    pub(super) stop: Arc<AtomicBool>,
    pub(super) t0: Instant,
    pub(super) warm_end: Instant,
    pub(super) end: Option<Instant>,
    pub(super) claimed: AtomicU64,
    pub(super) pool: Mutex<Vec<B>>,
    pub(super) permits: Semaphore,
    /// `--mix`: recent holds of the run (this process's and, read from the database, other
    /// processes'), newest last, for extend, reserve and release to act on.
    pub(super) targets: Mutex<Vec<Uuid>>,
    /// Set when the database refused an operation to this login: not a fault to ride out.
    pub(super) denied: Mutex<Option<String>>,
    /// Holds whose outcome was unknown (the connection broke once they were sent), to be asked
    /// again with the same idempotency key by the next buyer free, as a kiosk retries: a hold
    /// that was made is replayed, never made twice. At most [`UNKNOWN_KEPT`].
    pub(super) unknown: Mutex<Vec<UnknownHold>>,
}

/// A hold whose outcome was unknown: its request, to be sent again as it was.
pub(super) struct UnknownHold {
    labels: Vec<String>,
    n: usize,
    key: String,
}

/// How many unknown holds a process keeps for retrying (beyond that, the oldest is dropped).
const UNKNOWN_KEPT: usize = 1024;

impl<B: Backend> Shared<B> {
    /// How a buyer of `n` seats (or places) chooses them, as the plan says.
    fn choice(&self, n: usize) -> Choice<'_> {
        match &self.plan.area {
            Some(area) => Choice::Area {
                area,
                capacity: self.area_capacity,
                quantity: n,
            },
            None if self.plan.best => Choice::Best(n),
            None => Choice::Labels,
        }
    }

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
            denied: None,
            op: None,
            unknown_retried: false,
            replayed: false,
        };
        match self.plan.mix {
            Some(mix) => self.mixed(&backend, mix, rng, &mut rec).await,
            None => self.attempt(&backend, rng, &mut rec).await,
        }
        rec.end = Instant::now();
        if let Some(why) = &rec.denied {
            self.stop.store(true, Ordering::Relaxed);
            self.denied
                .lock()
                .expect("denied lock")
                .get_or_insert_with(|| why.clone());
        }
        self.pool.lock().expect("pool lock").push(backend);
        rec
    }

    async fn attempt(&self, backend: &B, rng: &mut fastrand::Rng, rec: &mut Record) {
        let p = &self.plan;
        // A hold whose outcome was unknown goes first, asked again exactly as it was.
        let retry = self.unknown.lock().expect("unknown lock").pop();
        rec.unknown_retried = retry.is_some();
        let (labels, n, key, fault) = match retry {
            Some(u) => (u.labels, u.n, u.key, None),
            None => {
                let n = rng.u32(p.party.min..=p.party.max) as usize;
                let labels = if p.best || p.area.is_some() {
                    Vec::new()
                } else {
                    self.hall.pick(rng, n, p.hot)
                };
                let key = Uuid::new_v4().simple().to_string();
                (labels, n, key, self.hold_fault(rng))
            }
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
            idempotency_key: Some(&key),
            idempotency_request: None,
            key_is_new: !rec.unknown_retried,
            actor: &actor,
            fault,
        };
        let held = backend.hold(&req, self.choice(n), &mut rec.effort).await;
        let hold = match held {
            Ok(hold) => hold,
            Err(e) => {
                if Outcome::of(&e) == Outcome::Indeterminate {
                    let mut unknown = self.unknown.lock().expect("unknown lock");
                    if unknown.len() >= UNKNOWN_KEPT {
                        unknown.remove(0);
                    }
                    unknown.push(UnknownHold {
                        labels: labels.clone(),
                        n,
                        key: key.clone(),
                    });
                }
                return fail(rec, &e, &labels);
            }
        };
        rec.replayed = hold.replayed;
        rec.holds = 1;
        rec.seats = hold.seats.clone();
        let (reserve, abandon) = (rng.f64() < p.reserve_ratio, rng.f64() < p.abandon);
        if reserve {
            let reserved = backend
                .reserve(hold.hold_id, &rec.holder, &actor, &mut rec.effort)
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
            let released = backend.release(hold.hold_id, &actor, &mut rec.effort).await;
            match released {
                Ok(_) => {
                    rec.releases = 1;
                    rec.outcome = Outcome::Released;
                }
                Err(e) => fail(rec, &e, &hold.seats),
            }
        }
    }
}

impl<B: Backend> Shared<B> {
    /// `--mix`: one operation drawn by weight, on new seats (hold) or on a recent hold of the
    /// run (extend, reserve, release), recorded as called and answered.
    async fn mixed(&self, backend: &B, mix: Mix, rng: &mut fastrand::Rng, rec: &mut Record) {
        let p = &self.plan;
        let mut kind = mix.pick(rng.f64());
        let mut target = None;
        if kind != OpKind::Hold {
            target = self.target(backend, rng).await;
            if target.is_none() {
                kind = OpKind::Hold;
            }
        }
        let actor = Actor {
            who: rec.holder.clone(),
            terminal: self.terminal.clone(),
        };
        let n = rng.u32(p.party.min..=p.party.max) as usize;
        let labels = if kind == OpKind::Hold && !p.best && p.area.is_none() {
            self.hall.pick(rng, n, p.hot)
        } else {
            Vec::new()
        };
        let call_us = now_us();
        let effort = &mut rec.effort;
        // (answer, hold made or acted on, seats the answer named)
        let (answer, seats): (Result<Answer, Error>, Vec<String>) = match (kind, target) {
            (OpKind::Hold, _) => {
                let req = HoldRequest {
                    event_id: self.event_id,
                    labels: &labels,
                    ttl_ms: p.ttl_ms,
                    holder: Some(&rec.holder),
                    idempotency_key: None,
                    idempotency_request: None,
                    key_is_new: false,
                    actor: &actor,
                    fault: self.hold_fault(rng),
                };
                match backend.hold(&req, self.choice(n), effort).await {
                    Ok(h) => {
                        target = Some(h.hold_id);
                        rec.holds = 1;
                        (Ok(held(&h)), h.seats)
                    }
                    Err(e) => (Err(e), labels.clone()),
                }
            }
            (OpKind::Extend, Some(id)) => {
                let fault = p.unguarded_extend.then_some(Fault::UnguardedExtend);
                match backend.extend(id, p.ttl_ms, fault, effort).await {
                    Ok(h) => (Ok(held(&h)), h.seats),
                    Err(e) => (Err(e), vec![]),
                }
            }
            (OpKind::Reserve, Some(id)) => {
                match backend.reserve(id, &rec.holder, &actor, effort).await {
                    Ok(r) => {
                        rec.reservations = u64::from(!r.replayed);
                        let answer = Answer::Reserved {
                            reservation: r.reservation_id,
                            replayed: r.replayed,
                        };
                        (Ok(answer), r.seats)
                    }
                    Err(e) => (Err(e), vec![]),
                }
            }
            (_, Some(id)) => match backend.release(id, &actor, effort).await {
                Ok(r) => {
                    rec.releases = u64::from(!r.already_released);
                    let answer = Answer::Released {
                        reservation: r.reservation_id,
                        already: r.already_released,
                    };
                    (Ok(answer), r.seats)
                }
                Err(e) => (Err(e), vec![]),
            },
            (_, None) => unreachable!("only a hold goes without a target"),
        };
        let answer_us = now_us();
        let answer = match answer {
            Ok(a) => {
                rec.outcome = match kind {
                    OpKind::Reserve => Outcome::Booked,
                    OpKind::Release => Outcome::Released,
                    OpKind::Hold | OpKind::Extend => Outcome::Done,
                };
                a
            }
            Err(e) => {
                fail(rec, &e, &seats);
                Answer::of(kind, &e)
            }
        };
        if kind == OpKind::Hold
            && let (Some(id), Answer::Held { .. }) = (target, &answer)
        {
            let mut t = self.targets.lock().expect("targets lock");
            t.push(id);
            if t.len() > 256 {
                t.drain(..128);
            }
        }
        rec.seats = seats.clone();
        rec.op = Some(HistOp {
            client: rec.holder.clone(),
            op: kind,
            hold: target.filter(|_| kind != OpKind::Hold || matches!(answer, Answer::Held { .. })),
            seats,
            call_us,
            answer_us,
            answer,
        });
    }

    /// The fault this hold is to suffer, if the plan injects any.
    fn hold_fault(&self, rng: &mut fastrand::Rng) -> Option<Fault> {
        let p = &self.plan;
        match p.pause {
            _ if p.unguarded => Some(Fault::UnguardedWrite),
            Some((pause, prob)) if rng.f64() < prob => Some(Fault::PauseBeforeWrite(pause)),
            _ if p.kill_prob > 0.0 && rng.f64() < p.kill_prob => Some(Fault::KillBeforeCommit),
            _ if p.lost_answers > 0.0 && rng.f64() < p.lost_answers => Some(Fault::LostAnswer),
            _ => None,
        }
    }

    /// A recent hold of the run: mostly this process's, sometimes (and whenever it knows
    /// none) the latest ones any process made, read from the database.
    async fn target(&self, backend: &B, rng: &mut fastrand::Rng) -> Option<Uuid> {
        let known = self.targets.lock().expect("targets lock").len();
        if known == 0 || rng.f64() < 0.2 {
            let recent = backend
                .recent_holds(self.event_id, &self.plan.run_prefix)
                .await
                .unwrap_or_default();
            let mut t = self.targets.lock().expect("targets lock");
            let new: Vec<Uuid> = recent
                .into_iter()
                .rev()
                .filter(|id| !t.contains(id))
                .collect();
            t.extend(new);
            if t.len() > 256 {
                let cut = t.len() - 256;
                t.drain(..cut);
            }
        }
        let t = self.targets.lock().expect("targets lock");
        // The 32 newest: fresh holds are where reserve and release race.
        let from = t.len().saturating_sub(32);
        (from < t.len()).then(|| t[rng.usize(from..t.len())])
    }
}

fn held(h: &HoldInfo) -> Answer {
    Answer::Held {
        expires_us: h.expires_at.timestamp_micros(),
    }
}

fn now_us() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_micros() as i64)
}

fn fail(rec: &mut Record, err: &Error, seats: &[String]) {
    rec.outcome = Outcome::of(err);
    if let Error::PermissionDenied(why) = err {
        rec.denied = Some(why.clone());
    }
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
