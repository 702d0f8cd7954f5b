//! Hold throughput and latency through seatctl's own code path (the `Reserver`, as the `hold`
//! command uses it): W workers each holding one seat at a time, distinct seats (in layout
//! order, or with `SEATCTL_BENCH_ORDER=random` in a random one), for S seconds;
//! with MODE `reserve` or `release`, each hold is then reserved or released (a whole buy, the
//! latency counting both). Driven by `benches/holds.sh`, which compares it with pgbench; run
//! alone with `cargo bench --bench holds -- URL EVENT WORKERS SECONDS STRATEGY [REDIS_URL]
//! [hold|reserve|release]`. Prints one JSON line.
//!
//! `cargo bench --bench holds -- --print-sql reserve|release` prints the statement seatctl
//! sends for it on PostgreSQL with pgbench variables in place of its parameters (`:hid` the
//! hold, `:rid` the new reservation id), so pgbench runs exactly seatctl's text.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use seatctl::app::strategy::{Effort, Reserver};
use seatctl::config::{Config, DatabaseConfig, DatabaseTarget, Strategy};
use seatctl::store::{Actor, HoldRequest, Store};

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if args.first().map(String::as_str) == Some("--print-sql") {
        print_sql(args.get(1).map_or("", String::as_str));
        return;
    }
    if args.len() < 5 {
        eprintln!("usage: holds URL EVENT WORKERS SECONDS occ|redis [REDIS_URL]");
        std::process::exit(2);
    }
    let (url, event, workers, secs, strategy) = (
        args[0].clone(),
        args[1].clone(),
        args[2].parse::<usize>().expect("WORKERS"),
        args[3].parse::<u64>().expect("SECONDS"),
        match args[4].as_str() {
            "redis" => Strategy::Redis,
            _ => Strategy::Occ,
        },
    );
    let redis_url = args
        .get(5)
        .cloned()
        .unwrap_or_else(|| "redis://127.0.0.1:6379".into());
    let mode = args.get(6).cloned().unwrap_or_else(|| "hold".into());
    // One client thread, as lean as pgbench's: on 2 cores every cycle the client spends is one
    // PostgreSQL does not get.
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async move {
        let target = DatabaseTarget::parse(&url, "bench").expect("url");
        let mut config = Config::default();
        config.redis.key_prefix = format!("seatctl-bench-{}", std::process::id());
        // Each worker owns its connection (a pool of one), as a terminal does: no worker waits
        // on another for a connection, and nobody pays for a shared pool's bookkeeping.
        let one = DatabaseConfig {
            max_connections: 1,
            ..DatabaseConfig::default()
        };
        let store = Store::connect(&target, &one).await.expect("connect");
        let first = Reserver::new(store, strategy, &config, &redis_url)
            .await
            .expect("reserver");
        let mut reservers = Vec::with_capacity(workers);
        for _ in 1..workers {
            let store = Store::connect(&target, &one).await.expect("connect");
            reservers.push(first.with_store(store));
        }
        reservers.insert(0, first);
        let event = reservers[0].store().find_event(&event).await.expect("event");
        let mut all: Vec<String> = reservers[0]
            .store()
            .list_seats(event.id, None, None)
            .await
            .expect("seats")
            .into_iter()
            .map(|s| s.label)
            .collect();
        // `SEATCTL_BENCH_ORDER=random`: the seats in a random order (each still held once), as
        // a web shop's buyers pick them (benches/http.sh compares with that); else in layout
        // order, each worker's next seat beside its last.
        if std::env::var("SEATCTL_BENCH_ORDER").as_deref() == Ok("random") {
            fastrand::Rng::with_seed(1).shuffle(&mut all);
        }
        let labels: Arc<Vec<String>> = Arc::new(all);
        let next = Arc::new(AtomicUsize::new(0));
        let deadline = Instant::now() + Duration::from_secs(secs);
        let started = Instant::now();
        let mut tasks = Vec::new();
        for (w, reserver) in reservers.into_iter().enumerate() {
            let (labels, next, mode) = (labels.clone(), next.clone(), mode.clone());
            tasks.push(tokio::spawn(async move {
                let actor = Actor {
                    who: format!("bench-{w}"),
                    terminal: "bench".into(),
                };
                let mut lat = Vec::with_capacity(100_000);
                let (mut retries, mut failed) = (0u32, 0u32);
                while Instant::now() < deadline {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(label) = labels.get(i) else { break };
                    let seat = std::slice::from_ref(label);
                    let req = HoldRequest {
                        event_id: event.id,
                        labels: seat,
                        ttl_ms: 600_000,
                        holder: None,
                        idempotency_key: None,
                        idempotency_request: None,
                        key_is_new: false,
                        actor: &actor,
                        fault: None,
                    };
                    let mut effort = Effort::default();
                    let t = Instant::now();
                    let done = match reserver.hold(&req, &mut effort).await {
                        Ok(h) => match mode.as_str() {
                            "reserve" => reserver
                                .reserve(h.hold_id, Some("bench"), None, &actor, &mut effort)
                                .await
                                .is_ok(),
                            "release" => reserver
                                .release(h.hold_id, &actor, false, &mut effort)
                                .await
                                .is_ok(),
                            _ => true,
                        },
                        Err(_) => false,
                    };
                    if done {
                        lat.push(t.elapsed().as_micros() as u64);
                    } else {
                        failed += 1;
                    }
                    retries += effort.retries;
                }
                (lat, retries, failed)
            }));
        }
        let mut lat = Vec::new();
        let (mut retries, mut failed) = (0, 0);
        for t in tasks {
            let (l, r, f) = t.await.expect("worker");
            lat.extend(l);
            retries += r;
            failed += f;
        }
        let elapsed = started.elapsed().as_secs_f64();
        lat.sort_unstable();
        let pct = |p: f64| {
            lat.get(((lat.len() as f64 * p) as usize).min(lat.len().saturating_sub(1)))
                .map_or(0.0, |us| *us as f64 / 1000.0)
        };
        println!(
            "{{\"mode\":\"{mode}\",\"strategy\":\"{strategy}\",\"workers\":{workers},\"holds\":{},\"failed\":{failed},\"retries\":{retries},\"secs\":{elapsed:.2},\"per_s\":{:.0},\"p50_ms\":{:.2},\"p99_ms\":{:.2}}}",
            lat.len(),
            lat.len() as f64 / elapsed,
            pct(0.5),
            pct(0.99)
        );
    });
}

/// Prints seatctl's PostgreSQL statement for `what` with pgbench variables for its parameters.
fn print_sql(what: &str) {
    use seatctl::store::lifecycle_pg::{RELEASE_PG, RESERVE_PG};
    let (sql, params): (&str, &[&str]) = match what {
        "reserve" => (
            RESERVE_PG,
            &[":hid", ":rid", "'bench'", "NULL", "'pgbench'", "'pgbench'"],
        ),
        "release" => (RELEASE_PG, &[":hid", "'pgbench'", "'pgbench'"]),
        other => {
            eprintln!("--print-sql reserve|release, not `{other}`");
            std::process::exit(2);
        }
    };
    let mut out = sql.to_string();
    // $6 before $1 would not matter (no $1x), but go from the highest anyway.
    for (i, p) in params.iter().enumerate().rev() {
        out = out.replace(&format!("${}", i + 1), p);
    }
    println!("{out};");
}
