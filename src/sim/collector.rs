//! The one reporter of a run: receives every buy, keeps the statistics, writes the `--csv`
//! lines and feeds the live view. Buyers never print.

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use tokio::sync::mpsc;

use super::backend::Backend;
use super::buyer::{Record, Shared};
use super::live::Live;
use super::plan::Outcome;
use super::stats::{Hist, RunData, Tick};
use crate::config::Strategy;
use crate::error::{Error, Result};

/// Receives every buy, keeps the statistics, writes the CSV and draws the live view.
pub(super) async fn collect<B: Backend>(
    sh: Arc<Shared<B>>,
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
            let mut w = crate::output::csv_writer(file);
            w.write_record([
                "start_s", "end_s", "buyer", "seats", "strategy", "outcome", "tries", "warmup",
            ])
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
                    w.write_record([
                        format!("{:.6}", at(rec.start)),
                        format!("{:.6}", at(rec.end)),
                        (rec.buyer + plan.buyer_offset).to_string(),
                        crate::output::csv_defuse(&rec.seats.join(" ")).into_owned(),
                        strategy.to_string(),
                        rec.outcome.name().to_string(),
                        rec.effort.tries.len().to_string(),
                        (!measured).to_string(),
                    ])
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
    // A run that stopped at its --ops count before --duration was up measured only until then.
    let ops_reached = plan
        .ops
        .is_some_and(|ops| sh.claimed.load(Ordering::Relaxed) >= ops);
    if let Some(d) = plan.duration
        && !sh.stop.load(Ordering::Relaxed)
        && !ops_reached
    {
        data.measured_s = data.measured_s.max(d.as_secs_f64());
    }
    data.measured_s = (data.measured_s * 1000.0).round() / 1000.0;
    Ok(data)
}

fn absorb<B>(
    data: &mut RunData,
    window: &mut Window,
    sh: &Shared<B>,
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
    // Recovery: from a failure to the end of the first operation started after it that went
    // through every backend (a hold made, a reservation, a release: not a "taken" read, which
    // the database answers alone); the longest such outage. One still open at the end is
    // `unrecovered`.
    let at = |t: Instant| t.saturating_duration_since(sh.t0).as_secs_f64();
    let through = matches!(
        rec.outcome,
        Outcome::Booked | Outcome::Released | Outcome::Abandoned | Outcome::Done
    );
    match data.first_failure_s {
        None if errors > 0 => {
            data.first_failure_s = Some(at(rec.end));
            data.unrecovered = true;
        }
        Some(failed) if through && at(rec.start) > failed => {
            let took = ((at(rec.end) - failed) * 1000.0).round() / 1000.0;
            data.recovery_s = Some(data.recovery_s.map_or(took, |r| r.max(took)));
            data.first_failure_s = None;
            data.unrecovered = false;
        }
        _ => {}
    }
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
    if let Some(op) = rec.op {
        data.history.push(op);
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
        Outcome::Done => o.done += 1,
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
    if rec.unknown_retried {
        o.unknown_retried += 1;
        o.unknown_replayed += u64::from(rec.replayed);
    }
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
pub(super) struct Window {
    pub(super) buys: u64,
    pub(super) conflicts: u64,
    pub(super) retries: u64,
    pub(super) errors: u64,
    pub(super) hist: Hist,
}
