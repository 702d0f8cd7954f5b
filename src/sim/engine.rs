//! Runs one strategy's buyers: `run` opens one database connection per worker (hot loops must
//! not share a pool), `drive` schedules the buyers (closed or open loop) beside one collector.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::{Semaphore, mpsc};
use uuid::Uuid;

use super::backend::Backend;
use super::buyer::{Record, Shared};
use super::collector::collect;
use super::hall::{Hall, rng_for};
use super::plan::Plan;
use super::stats::RunData;
use crate::app::Session;
use crate::domain::Seat;
use crate::error::{Error, Result};

/// Runs one strategy's buyers against `event_id` until the time or `--ops` is up.
pub async fn run(
    plan: &Plan,
    app: &Session,
    event_id: Uuid,
    stop: Arc<AtomicBool>,
) -> Result<RunData> {
    let connections = plan.connections.clamp(1, plan.buyers.max(1));
    let pool = app.reservers(plan.strategy, connections).await?;
    let seats = pool[0].store().list_seats(event_id, None, None).await?;
    let closers = pool.clone();
    let data = drive(plan, pool, &seats, event_id, stop).await;
    for r in closers {
        r.close().await;
    }
    data
}

/// Runs the buyers over the given backends (one per worker) and collects their records.
pub async fn drive<B: Backend>(
    plan: &Plan,
    pool: Vec<B>,
    seats: &[Seat],
    event_id: Uuid,
    stop: Arc<AtomicBool>,
) -> Result<RunData> {
    // Buyers pick seats, or take places of the one area `--area` names; never both.
    let (places, seats): (Vec<&Seat>, Vec<&Seat>) = seats.iter().partition(|s| s.area);
    let area_capacity = match &plan.area {
        None => 0,
        Some(area) => {
            let capacity = places.iter().filter(|s| s.section == *area).count() as i64;
            if capacity == 0 {
                let mut areas: Vec<&str> = places.iter().map(|s| s.section.as_str()).collect();
                areas.dedup();
                return Err(Error::not_found(if areas.is_empty() {
                    format!("--area {area}: the event has no general-admission area")
                } else {
                    format!(
                        "--area {area}: no such general-admission area in the event (areas: {})",
                        areas.join(", ")
                    )
                }));
            }
            capacity
        }
    };
    if seats.is_empty() && plan.area.is_none() {
        return Err(Error::invalid(if places.is_empty() {
            "the event has no seats to sell"
        } else {
            "the event has no seats, only general-admission areas: sell their places with --area"
        }));
    }
    // Buyers who ask for the best seats or for places never pick from the hall.
    let hall = if plan.best || plan.area.is_some() {
        Hall::new([])
    } else {
        Hall::new(seats)
    };
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
        area_capacity,
        terminal: format!("{}/{}", crate::app::hostname(), std::process::id()),
        stop: stop.clone(),
        t0,
        warm_end,
        end: plan.duration.map(|d| warm_end + d),
        claimed: AtomicU64::new(0),
        permits: Semaphore::new(pool.len()),
        pool: Mutex::new(pool),
        targets: Mutex::new(Vec::new()),
        denied: Mutex::new(None),
        unknown: Mutex::new(Vec::new()),
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
                    let mut failing = 0u32;
                    loop {
                        let now = Instant::now();
                        if !sh.may_start(now) {
                            break;
                        }
                        let rec = sh.buy(buyer, seq, now, &mut rng).await;
                        seq += 1;
                        let failed = rec.backend_failed();
                        if tx.send(rec).await.is_err() {
                            break;
                        }
                        // A backend that is down is not hammered: back off, jittered.
                        failing = if failed { failing + 1 } else { 0 };
                        if failing > 0 {
                            tokio::time::sleep(backoff(failing, &mut rng)).await;
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
                // Ramping stages: arrivals at the peak rate, each kept with the share of the
                // peak the ramp asks for at that moment (thinning: still a Poisson process).
                let kept = sh.plan.stages.as_ref().is_none_or(|st| {
                    rng.f64() * rate < st.rate_at(at.duration_since(t0).as_secs_f64())
                });
                tokio::time::sleep_until(at.into()).await;
                if !sh.may_start(at) {
                    break;
                }
                if !kept {
                    continue;
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
    if let Some(why) = shared.denied.lock().expect("denied lock").take() {
        return Err(Error::PermissionDenied(why));
    }
    data.interrupted = stop.load(Ordering::Relaxed);
    Ok(data)
}

/// After `n` backend failures in a row: up to 10 ms × 2ⁿ⁻¹, at most 1 s, uniformly jittered.
fn backoff(n: u32, rng: &mut fastrand::Rng) -> Duration {
    let cap = (10u64 << (n - 1).min(7)).min(1000);
    Duration::from_millis(rng.u64(cap / 2..=cap))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Strategy;
    use crate::domain::layout::Layout;
    use crate::domain::{SeatStatus, seats_for_test};
    use crate::sim::backend::Noop;
    use crate::sim::notation::Party;

    fn plan(ops: u64) -> Plan {
        Plan {
            strategy: Strategy::Occ,
            buyers: 8,
            connections: 4,
            rate: None,
            stages: None,
            warmup: Duration::ZERO,
            duration: None,
            ops: Some(ops),
            party: Party { min: 1, max: 3 },
            best: false,
            area: None,
            hot: None,
            reserve_ratio: 0.5,
            abandon: 0.0,
            ttl_ms: 60_000,
            seed: 7,
            pause: None,
            kill_prob: 0.0,
            unguarded: false,
            unguarded_extend: false,
            lost_answers: 0.0,
            mix: None,
            run_prefix: "sim/test/".into(),
            holder_prefix: "sim/test/".into(),
            progress: None,
            csv: None,
            buyer_offset: 0,
            start_at: None,
        }
    }

    #[tokio::test]
    async fn drives_exactly_the_ops_asked_for_and_counts_every_buy() {
        let seats = seats_for_test(&Layout::general_admission(50).unwrap(), |_, _| {
            SeatStatus::Available
        });
        let stop = Arc::new(AtomicBool::new(false));
        let pool = vec![Noop; 4];
        let data = drive(&plan(500), pool, &seats, Uuid::nil(), stop)
            .await
            .unwrap();
        let o = &data.outcomes;
        assert_eq!(o.buys(), 500, "{o:?}");
        assert_eq!(
            o.booked + o.released,
            500,
            "the no-op backend never fails: {o:?}"
        );
        assert!(
            o.booked > 100 && o.released > 100,
            "reserve ratio 0.5: {o:?}"
        );
        assert_eq!(data.holds, 500);
        assert_eq!(data.booked.len() as u64, o.booked);
        assert!(
            data.booked
                .iter()
                .all(|b| b.holder.starts_with("sim/test/"))
        );
        assert!(!data.interrupted);
    }

    #[tokio::test]
    async fn an_event_without_seats_is_refused() {
        let stop = Arc::new(AtomicBool::new(false));
        let err = drive(&plan(1), vec![Noop], &[], Uuid::nil(), stop)
            .await
            .unwrap_err();
        assert!(err.to_string().contains("no seats"), "{err}");
    }
}
