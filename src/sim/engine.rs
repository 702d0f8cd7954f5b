//! The simulation engine: buyers racing for seats through the same `Reserver` the `hold`,
//! `reserve` and `release` commands use, one database connection per worker (hot loops must
//! not share a pool), a collector that turns their records into `RunData`, and the live view.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::{Semaphore, mpsc};
use uuid::Uuid;

use super::spec::{Hot, Party};
use super::stats::{Booked, Hist, RunData, Tick};
use crate::app::strategy::{Effort, Reserver};
use crate::config::{Config, DatabaseConfig, DatabaseTarget, Strategy};
use crate::domain::Seat;
use crate::error::{Error, Result};
use crate::store::{Actor, Fault, HoldRequest, Store};

/// Everything a run needs to know, fixed before it starts.
#[derive(Debug, Clone)]
pub struct Plan {
    pub strategy: Strategy,
    pub buyers: u32,
    pub connections: u32,
    /// Open loop: arrivals per second (Poisson). `None`: closed loop, `buyers` always busy.
    pub rate: Option<f64>,
    pub warmup: Duration,
    pub duration: Option<Duration>,
    pub ops: Option<u64>,
    pub party: Party,
    pub best: bool,
    pub hot: Option<Hot>,
    pub reserve_ratio: f64,
    pub abandon: f64,
    pub ttl_ms: i64,
    pub seed: u64,
    pub pause: Option<(Duration, f64)>,
    pub kill_prob: f64,
    /// Test-only: every hold skips the version guard (see `Fault::UnguardedWrite`).
    pub unguarded: bool,
    /// Every buyer's holder name starts with it (the audit finds this run's holds by it).
    pub holder_prefix: String,
    /// Draw a progress bar and a line every this often (only on a terminal).
    pub progress: Option<Duration>,
    pub csv: Option<PathBuf>,
    /// Wall-clock start, so that child processes begin together.
    pub start_at: Option<std::time::SystemTime>,
}

/// How one buy ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Booked,
    Released,
    Abandoned,
    SeatTaken,
    GaveUp,
    HoldExpired,
    Indeterminate,
    BackendError,
}

impl Outcome {
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Booked => "booked",
            Outcome::Released => "released",
            Outcome::Abandoned => "abandoned",
            Outcome::SeatTaken => "seat_taken",
            Outcome::GaveUp => "gave_up",
            Outcome::HoldExpired => "hold_expired",
            Outcome::Indeterminate => "indeterminate",
            Outcome::BackendError => "backend_error",
        }
    }

    fn of(err: &Error) -> Outcome {
        match err {
            Error::Conflict(_) | Error::SeatsTaken { .. } | Error::HoldClosed { .. } => {
                Outcome::SeatTaken
            }
            Error::Contended(_) => Outcome::GaveUp,
            Error::HoldLapsed { .. } => Outcome::HoldExpired,
            Error::Timeout(_) => Outcome::Indeterminate,
            _ => Outcome::BackendError,
        }
    }
}

/// One buy, as the collector receives it.
struct Record {
    buyer: u64,
    intended: Instant,
    start: Instant,
    end: Instant,
    seats: Vec<String>,
    outcome: Outcome,
    effort: Effort,
    holds: u64,
    reservations: u64,
    releases: u64,
    booked: Option<Booked>,
    holder: String,
    error: Option<String>,
}

/// The event's seats, row by row in layout order (front first), for picking.
struct Hall {
    rows: Vec<Vec<String>>,
    /// Every seat as (row, index in row), in layout order: the "hot" seats are the first ones.
    flat: Vec<(u32, u32)>,
}

impl Hall {
    fn new(seats: &[Seat]) -> Hall {
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut flat = Vec::with_capacity(seats.len());
        let mut last: Option<(&str, &str)> = None;
        for s in seats {
            if last != Some((&s.section, &s.row)) {
                rows.push(Vec::new());
                last = Some((&s.section, &s.row));
            }
            let r = rows.len() - 1;
            let row = &mut rows[r];
            flat.push((r as u32, row.len() as u32));
            row.push(s.label.clone());
        }
        Hall { rows, flat }
    }

    /// `n` side-by-side seats around a seat drawn with the skew: the hot share of buyers pick
    /// among the first (best) fraction of the hall, the rest anywhere.
    fn pick(&self, rng: &mut fastrand::Rng, n: usize, hot: Option<Hot>) -> Vec<String> {
        let len = self.flat.len();
        let i = match hot {
            Some(h) if rng.f64() < h.share => {
                rng.usize(..((len as f64 * h.fraction).ceil() as usize).clamp(1, len))
            }
            _ => rng.usize(..len),
        };
        let (r, p) = self.flat[i];
        let row = &self.rows[r as usize];
        let n = n.min(row.len());
        let start = (p as usize).min(row.len() - n);
        row[start..start + n].to_vec()
    }
}

/// A seeded generator per buyer (closed loop) or per arrival (open loop): the same seed gives
/// the same seat choices, skew and decisions whatever the interleaving.
fn rng_for(seed: u64, stream: u64) -> fastrand::Rng {
    fastrand::Rng::with_seed(seed ^ stream.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

struct Shared {
    plan: Plan,
    event_id: Uuid,
    hall: Hall,
    terminal: String,
    stop: Arc<AtomicBool>,
    t0: Instant,
    warm_end: Instant,
    end: Option<Instant>,
    claimed: AtomicU64,
    pool: Mutex<Vec<Client>>,
    permits: Semaphore,
}

impl Shared {
    /// Whether a buy may start now (time and `--ops` limits, Ctrl-C).
    fn may_start(&self, now: Instant) -> bool {
        if self.stop.load(Ordering::Relaxed) || self.end.is_some_and(|e| now >= e) {
            return false;
        }
        match self.plan.ops {
            Some(ops) if now >= self.warm_end => self.claimed.fetch_add(1, Ordering::Relaxed) < ops,
            _ => true,
        }
    }

    async fn buy(
        &self,
        buyer: u64,
        seq: u64,
        intended: Instant,
        rng: &mut fastrand::Rng,
    ) -> Record {
        let _permit = self.permits.acquire().await.expect("never closed");
        let reserver = self
            .pool
            .lock()
            .expect("pool lock")
            .pop()
            .expect("a permit means a reserver");
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
        self.attempt(&reserver, rng, &mut rec).await;
        rec.end = Instant::now();
        self.pool.lock().expect("pool lock").push(reserver);
        rec
    }

    async fn attempt(&self, reserver: &Client, rng: &mut fastrand::Rng, rec: &mut Record) {
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
            actor: &actor,
            fault,
        };
        let effort = &mut rec.effort;
        let held = match reserver {
            Client::Noop => Ok(noop::hold(&req, effort)),
            Client::Real(r) if p.best => r
                .hold_best(
                    &req,
                    crate::domain::best::Want::seats(n),
                    None,
                    None,
                    effort,
                )
                .await
                .map(|(h, _)| h),
            Client::Real(r) => r.hold(&req, effort).await,
        };
        let hold = match held {
            Ok(hold) => hold,
            Err(e) => return fail(rec, &e, &labels),
        };
        rec.holds = 1;
        rec.seats = hold.seats.clone();
        let (reserve, abandon) = (rng.f64() < p.reserve_ratio, rng.f64() < p.abandon);
        if reserve {
            let reserved = match reserver {
                Client::Noop => Ok(noop::reserve(&hold, &mut rec.effort)),
                Client::Real(r) => {
                    r.reserve(
                        hold.hold_id,
                        Some(&rec.holder),
                        None,
                        &actor,
                        &mut rec.effort,
                    )
                    .await
                }
            };
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
            let released = match reserver {
                Client::Noop => {
                    rec.effort.tries.push(Duration::ZERO);
                    Ok(())
                }
                Client::Real(r) => r
                    .release(hold.hold_id, &actor, &mut rec.effort)
                    .await
                    .map(|_| ()),
            };
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

/// The no-op backend: every operation succeeds at once, with made-up ids.
mod noop {
    use super::*;
    use crate::contract::{HoldInfo, ReservationInfo};

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

/// Opens `n` connections (each a pool of one) and a Reserver over each; Redis is shared.
async fn reservers(
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

/// Runs one strategy's buyers against `event_id` until the time or `--ops` is up.
pub async fn run(
    plan: &Plan,
    target: &DatabaseTarget,
    config: &Config,
    redis_url: &str,
    event_id: Uuid,
    stop: Arc<AtomicBool>,
) -> Result<RunData> {
    let connections = plan.connections.clamp(1, plan.buyers.max(1));
    let pool = reservers(target, config, redis_url, plan.strategy, connections).await?;
    let seats = pool[0].store().list_seats(event_id, None, None).await?;
    let stores: Vec<Store> = pool.iter().map(|r| r.store().clone()).collect();
    let data = drive(
        plan,
        pool.into_iter()
            .map(|r| Client::Real(Box::new(r)))
            .collect(),
        &seats,
        event_id,
        stop,
    )
    .await;
    for s in stores {
        s.close().await;
    }
    data
}

/// Where buyers send their operations: seatctl's real `Reserver`, or nothing at all (to
/// measure the simulator's own overhead: `benches/simulator.rs`).
pub enum Client {
    Real(Box<Reserver>),
    Noop,
}

/// Runs the buyers over the given clients (one per worker) and collects their records.
pub async fn drive(
    plan: &Plan,
    pool: Vec<Client>,
    seats: &[Seat],
    event_id: Uuid,
    stop: Arc<AtomicBool>,
) -> Result<RunData> {
    if seats.is_empty() {
        return Err(Error::invalid("the event has no seats to sell"));
    }
    let hall = Hall::new(seats);
    if let Some(at) = plan.start_at
        && let Ok(wait) = at.duration_since(std::time::SystemTime::now())
    {
        tokio::time::sleep(wait).await;
    }
    let t0 = Instant::now();
    let warm_end = t0 + plan.warmup;
    let shared = Arc::new(Shared {
        plan: plan.clone(),
        event_id,
        hall,
        terminal: format!("{}/{}", crate::app::hostname(), std::process::id()),
        stop: stop.clone(),
        t0,
        warm_end,
        end: plan.duration.map(|d| warm_end + d),
        claimed: AtomicU64::new(0),
        permits: Semaphore::new(pool.len()),
        pool: Mutex::new(pool),
    });
    let (tx, rx) = mpsc::channel::<Record>(8192);
    let dropped = Arc::new(AtomicU64::new(0));
    let collector = tokio::spawn(collect(shared.clone(), rx, dropped.clone()));

    let mut workers = Vec::new();
    match plan.rate {
        None => {
            for buyer in 0..plan.buyers as u64 {
                let (sh, tx) = (shared.clone(), tx.clone());
                workers.push(tokio::spawn(async move {
                    let mut rng = rng_for(sh.plan.seed, buyer);
                    let mut seq = 0;
                    loop {
                        let now = Instant::now();
                        if !sh.may_start(now) {
                            break;
                        }
                        let rec = sh.buy(buyer, seq, now, &mut rng).await;
                        seq += 1;
                        if tx.send(rec).await.is_err() {
                            break;
                        }
                    }
                }));
            }
        }
        Some(rate) => {
            // Open loop: arrivals on a Poisson schedule; latency counts from the scheduled
            // start, so a slow system cannot hide its queueing (as wrk2 measures).
            let (atx, arx) = mpsc::channel::<(u64, Instant)>(plan.buyers.max(1) as usize);
            let arx = Arc::new(tokio::sync::Mutex::new(arx));
            for buyer in 0..plan.buyers as u64 {
                let (sh, tx, arx) = (shared.clone(), tx.clone(), arx.clone());
                workers.push(tokio::spawn(async move {
                    loop {
                        let next = arx.lock().await.recv().await;
                        let Some((k, intended)) = next else { break };
                        let mut rng = rng_for(sh.plan.seed, k);
                        let rec = sh.buy(buyer, k, intended, &mut rng).await;
                        if tx.send(rec).await.is_err() {
                            break;
                        }
                    }
                }));
            }
            let sh = shared.clone();
            let mut rng = rng_for(plan.seed, u64::MAX);
            let mut at = t0;
            let mut k = 0u64;
            loop {
                let gap = -(1.0 - rng.f64()).ln() / rate;
                at += Duration::from_secs_f64(gap.min(3600.0));
                tokio::time::sleep_until(at.into()).await;
                if !sh.may_start(at) {
                    break;
                }
                if atx.try_send((k, at)).is_err() && at >= warm_end {
                    dropped.fetch_add(1, Ordering::Relaxed);
                }
                k += 1;
            }
            drop(atx);
        }
    }
    drop(tx);
    for w in workers {
        w.await
            .map_err(|e| Error::Internal(anyhow::anyhow!("a simulated buyer failed: {e}")))?;
    }
    let mut data = collector
        .await
        .map_err(|e| Error::Internal(anyhow::anyhow!("the collector failed: {e}")))??;
    data.interrupted = stop.load(Ordering::Relaxed);
    Ok(data)
}

/// Receives every buy, keeps the statistics, writes the CSV and draws the live view.
async fn collect(
    sh: Arc<Shared>,
    mut rx: mpsc::Receiver<Record>,
    dropped: Arc<AtomicU64>,
) -> Result<RunData> {
    let plan = &sh.plan;
    let strategy = plan.strategy.to_string();
    let mut data = RunData {
        strategy: strategy.clone(),
        buyers: plan.buyers as u64,
        processes: 1,
        ..RunData::default()
    };
    let mut csv = match &plan.csv {
        Some(path) => {
            let file = std::fs::File::create(path).map_err(|e| {
                Error::invalid(format!("cannot write --csv {}: {e}", path.display()))
            })?;
            let mut w = std::io::BufWriter::new(file);
            writeln!(w, "start_s,end_s,buyer,seats,strategy,outcome,tries,warmup")
                .map_err(|e| Error::invalid(format!("cannot write --csv: {e}")))?;
            Some(w)
        }
        None => None,
    };
    let live = plan
        .progress
        .filter(|_| std::io::stderr().is_terminal())
        .map(|every| (Live::new(plan, sh.t0), every));
    let mut tick = tokio::time::interval(live.as_ref().map_or(Duration::from_secs(3600), |l| l.1));
    tick.tick().await;
    let mut window = Window::default();
    let mut last_end = sh.warm_end;
    loop {
        tokio::select! {
            rec = rx.recv() => {
                let Some(rec) = rec else { break };
                let measured = rec.intended >= sh.warm_end;
                if let Some(w) = csv.as_mut() {
                    let at = |t: Instant| t.duration_since(sh.t0).as_secs_f64();
                    writeln!(
                        w,
                        "{:.6},{:.6},{},{},{},{},{},{}",
                        at(rec.start),
                        at(rec.end),
                        rec.buyer,
                        crate::output::csv_field(&rec.seats.join(" ")),
                        strategy,
                        rec.outcome.name(),
                        rec.effort.tries.len(),
                        !measured
                    )
                    .map_err(|e| Error::invalid(format!("cannot write --csv: {e}")))?;
                }
                absorb(&mut data, &mut window, &sh, rec, measured, &mut last_end);
                if let Some((live, _)) = &live {
                    live.bar.set_position(live.position(&sh, &data));
                }
            }
            _ = tick.tick() => {
                if let Some((live, _)) = &live {
                    live.line(&sh, &mut window);
                }
            }
        }
    }
    if let Some(mut w) = csv {
        w.flush()
            .map_err(|e| Error::invalid(format!("cannot write --csv: {e}")))?;
    }
    if let Some((live, _)) = live {
        live.bar.finish_and_clear();
    }
    data.outcomes.dropped = dropped.load(Ordering::Relaxed);
    data.measured_s = last_end
        .saturating_duration_since(sh.warm_end)
        .as_secs_f64();
    if let Some(d) = plan.duration
        && !sh.stop.load(Ordering::Relaxed)
    {
        data.measured_s = data.measured_s.max(d.as_secs_f64());
    }
    data.measured_s = (data.measured_s * 1000.0).round() / 1000.0;
    Ok(data)
}

fn absorb(
    data: &mut RunData,
    window: &mut Window,
    sh: &Shared,
    rec: Record,
    measured: bool,
    last_end: &mut Instant,
) {
    let e = &rec.effort;
    let redis = sh.plan.strategy == Strategy::Redis;
    // Under redis a lost race means a lock busy; a guard rejecting a locked write, a lost lock.
    let conflicts = if redis {
        e.lock_busy
    } else {
        e.version_conflicts
    } as u64;
    let errors = matches!(rec.outcome, Outcome::BackendError | Outcome::Indeterminate) as u64;
    let took = rec.end.duration_since(rec.intended);
    // The live view shows the warm-up too; the statistics do not.
    window.buys += 1;
    window.conflicts += conflicts;
    window.retries += e.retries as u64;
    window.errors += errors;
    window.hist.record(took);
    if let Some(b) = rec.booked {
        data.booked.push(b);
    }
    if rec.outcome == Outcome::Indeterminate {
        data.unknown.push(rec.holder);
    }
    if !measured {
        return;
    }
    *last_end = (*last_end).max(rec.end);
    let o = &mut data.outcomes;
    match rec.outcome {
        Outcome::Booked => o.booked += 1,
        Outcome::Released => o.released += 1,
        Outcome::Abandoned => o.abandoned += 1,
        Outcome::SeatTaken => o.seat_taken += 1,
        Outcome::GaveUp => o.gave_up += 1,
        Outcome::HoldExpired => o.hold_expired += 1,
        Outcome::Indeterminate => o.indeterminate += 1,
        Outcome::BackendError => o.backend_error += 1,
    }
    if redis {
        o.lock_lost += (e.locks_lost + e.version_conflicts) as u64;
    } else {
        o.version_conflict += e.version_conflicts as u64;
    }
    o.lock_busy += e.lock_busy as u64;
    o.retries += e.retries as u64;
    if rec.start.duration_since(rec.intended) > Duration::from_millis(10) {
        o.late += 1;
    }
    data.tries += e.tries.len() as u64;
    data.holds += rec.holds;
    data.reservations += rec.reservations;
    data.releases += rec.releases;
    data.buy.record(took);
    data.by_outcome
        .entry(rec.outcome.name().to_string())
        .or_default()
        .record(took);
    for t in &e.tries {
        data.tries_hist.record(*t);
    }
    let second = rec.end.saturating_duration_since(sh.warm_end).as_secs() as usize;
    if data.timeline.len() <= second {
        data.timeline.resize(second + 1, Tick::default());
    }
    let t = &mut data.timeline[second];
    t.holds += rec.holds;
    t.reservations += rec.reservations;
    t.releases += rec.releases;
    t.conflicts += conflicts;
    t.errors += errors;
    if let Some(msg) = rec.error
        && (data.errors.len() < 20 || data.errors.contains_key(&msg))
    {
        *data.errors.entry(msg).or_default() += 1;
    }
}

/// What happened since the last progress line.
#[derive(Default)]
struct Window {
    buys: u64,
    conflicts: u64,
    retries: u64,
    errors: u64,
    hist: Hist,
}

/// The live view: an indicatif bar, and a pgbench-style line every `--progress`.
struct Live {
    bar: indicatif::ProgressBar,
    last: Mutex<Instant>,
}

impl Live {
    fn new(plan: &Plan, t0: Instant) -> Live {
        let (len, unit) = match (plan.ops, plan.duration) {
            (Some(ops), _) => (ops, "buys"),
            (None, Some(d)) => ((plan.warmup + d).as_millis() as u64, "ms"),
            _ => (0, "buys"),
        };
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(len),
            indicatif::ProgressDrawTarget::stderr(),
        );
        let template = format!(
            "{} {{bar:30}} {{elapsed_precise}} {{pos}}/{{len}} {unit} {{msg}}",
            plan.strategy
        );
        if let Ok(style) = indicatif::ProgressStyle::with_template(&template) {
            bar.set_style(style);
        }
        Live {
            bar,
            last: Mutex::new(t0),
        }
    }

    fn position(&self, sh: &Shared, data: &RunData) -> u64 {
        match sh.plan.ops {
            Some(_) => data.outcomes.buys(),
            None => sh.t0.elapsed().as_millis() as u64,
        }
    }

    fn line(&self, sh: &Shared, w: &mut Window) {
        let mut last = self.last.lock().expect("live lock");
        let secs = last.elapsed().as_secs_f64().max(1e-3);
        *last = Instant::now();
        let phase = if Instant::now() < sh.warm_end {
            " (warm-up)"
        } else {
            ""
        };
        self.bar.println(format!(
            "progress: {:.1} s, {:.1} buys/s, p99 {:.3} ms, {} conflicts, {} retries, {} errors{phase}",
            sh.t0.elapsed().as_secs_f64(),
            w.buys as f64 / secs,
            w.hist.ms_at(0.99),
            w.conflicts,
            w.retries,
            w.errors
        ));
        self.bar.set_position(match sh.plan.ops {
            Some(_) => self.bar.position(),
            None => sh.t0.elapsed().as_millis() as u64,
        });
        *w = Window::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::layout::{Format, Layout};
    use crate::domain::{SeatStatus, seats_for_test};

    fn seats(csv: &str) -> Vec<Seat> {
        let layout = Layout::parse_bytes(csv.as_bytes(), Format::Csv, "t.csv").unwrap();
        seats_for_test(&layout, |_, _| SeatStatus::Available)
    }

    #[test]
    fn picks_side_by_side_within_one_row() {
        let seats = seats("section,row,seat\nA,1,1\nA,1,2\nA,1,3\nA,2,1\nA,2,2\n");
        let hall = Hall::new(&seats);
        assert_eq!(hall.rows.len(), 2);
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..200 {
            let got = hall.pick(&mut rng, 2, None);
            assert_eq!(got.len(), 2);
            let row = &hall.rows[if got[0].starts_with("1-") { 0 } else { 1 }];
            let at = row.iter().position(|l| *l == got[0]).unwrap();
            assert_eq!(row[at + 1], got[1], "{got:?} not adjacent");
        }
        // A party larger than a row gets the whole row rather than spilling over.
        for _ in 0..20 {
            let whole = hall.pick(&mut rng, 5, None);
            assert!(whole == hall.rows[0] || whole == hall.rows[1], "{whole:?}");
        }
    }

    #[test]
    fn hot_buyers_want_the_front() {
        let seats = seats(
            &std::iter::once("section,row,seat".to_string())
                .chain((1..=10).flat_map(|r| (1..=10).map(move |n| format!("A,{r},{n}"))))
                .collect::<Vec<_>>()
                .join("\n"),
        );
        let hall = Hall::new(&seats);
        let mut rng = fastrand::Rng::with_seed(1);
        let hot = Some(Hot {
            share: 1.0,
            fraction: 0.1,
        });
        for _ in 0..100 {
            assert!(hall.pick(&mut rng, 1, hot)[0].starts_with("1-"));
        }
        let a: Vec<_> = (0..20)
            .map(|_| hall.pick(&mut rng_for(42, 3), 2, None))
            .collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]), "same seed, same choice");
    }
}
