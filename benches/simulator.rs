//! The simulator's own speed: buyers, bookkeeping, histograms and the collector over a no-op
//! backend (every operation succeeds at once), so that nothing but the simulator is measured.
//! Target: at least 200 000 simulated operations (holds + reservations + releases) per second.
//! Run: `cargo bench --bench simulator [-- SECONDS BUYERS]`. Prints one JSON line.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use seatctl::config::Strategy;
use seatctl::domain::{Seat, SeatStatus};
use seatctl::sim::backend::Noop;
use seatctl::sim::engine::drive;
use seatctl::sim::notation::Party;
use seatctl::sim::plan::Plan;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let secs: u64 = args.first().and_then(|a| a.parse().ok()).unwrap_or(5);
    let buyers: u32 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(64);
    let seats: Vec<Seat> = (1..=10_000)
        .map(|n| Seat {
            id: n,
            label: format!("{}-{}", n / 100, n % 100),
            section: "Main".into(),
            row: (n / 100).to_string(),
            number: n % 100,
            category: None,
            status: SeatStatus::Available,
            hold_id: None,
            reservation_id: None,
            held_until: None,
            version: 0,
            block_reason: None,
            attributes: Default::default(),
            section_pos: 0,
            row_pos: n / 100,
            seat_pos: None,
            external_id: None,
            area: false,
        })
        .collect();
    let plan = Plan {
        strategy: Strategy::Occ,
        buyers,
        connections: buyers,
        rate: None,
        stages: None,
        warmup: Duration::from_secs(1),
        duration: Some(Duration::from_secs(secs)),
        ops: None,
        party: Party { min: 1, max: 4 },
        best: false,
        area: None,
        hot: None,
        reserve_ratio: 0.7,
        abandon: 0.0,
        ttl_ms: 600_000,
        seed: 1,
        pause: None,
        kill_prob: 0.0,
        unguarded: false,
        unguarded_extend: false,
        lost_answers: 0.0,
        mix: None,
        run_prefix: "sim/bench/".into(),
        holder_prefix: "sim/bench/".into(),
        progress: None,
        csv: None,
        buyer_offset: 0,
        start_at: None,
    };
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let data = rt
        .block_on(drive(
            &plan,
            (0..buyers).map(|_| Noop).collect(),
            &seats,
            uuid::Uuid::nil(),
            Arc::new(AtomicBool::new(false)),
        ))
        .expect("run");
    let ops = data.holds + data.reservations + data.releases;
    println!(
        "{{\"buyers\":{buyers},\"secs\":{:.2},\"buys_per_s\":{:.0},\"ops_per_s\":{:.0},\"p99_ms\":{:.3}}}",
        data.measured_s,
        data.outcomes.buys() as f64 / data.measured_s,
        ops as f64 / data.measured_s,
        data.buy.ms_at(0.99)
    );
}
