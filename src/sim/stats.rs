//! What a run measured, in a form that merges exactly (counters add, HDR histograms add bucket
//! by bucket, timelines second by second): worker processes and other hosts send it as JSON.

use std::collections::BTreeMap;
use std::time::Duration;

use hdrhistogram::Histogram;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::history::HistOp;
pub use crate::contract::Booked;

/// Latencies in microseconds, 3 significant figures, from 1 µs to about an hour.
#[derive(Debug, Clone)]
pub struct Hist(Histogram<u64>);

impl Default for Hist {
    fn default() -> Self {
        Hist(Histogram::new_with_bounds(1, 3_600_000_000, 3).expect("valid histogram bounds"))
    }
}

impl Hist {
    pub fn record(&mut self, d: Duration) {
        let us = (d.as_micros() as u64).clamp(1, 3_600_000_000);
        self.0.record(us).expect("value within bounds");
    }

    pub fn add(&mut self, other: &Hist) {
        self.0.add(&other.0).expect("same bounds");
    }

    pub fn len(&self) -> u64 {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The value at a quantile (0..=1), in milliseconds.
    pub fn ms_at(&self, q: f64) -> f64 {
        if self.0.is_empty() {
            return 0.0;
        }
        self.0.value_at_quantile(q) as f64 / 1000.0
    }

    pub fn summary(&self) -> Latency {
        let ms = |v: f64| (v * 1000.0).round() / 1000.0;
        Latency {
            count: self.0.len(),
            mean: ms(if self.0.is_empty() {
                0.0
            } else {
                self.0.mean() / 1000.0
            }),
            p50: ms(self.ms_at(0.5)),
            p90: ms(self.ms_at(0.9)),
            p99: ms(self.ms_at(0.99)),
            p999: ms(self.ms_at(0.999)),
            max: ms(if self.0.is_empty() {
                0.0
            } else {
                self.0.max() as f64 / 1000.0
            }),
        }
    }
}

/// Stored as `[[microseconds, count], …]` for the recorded buckets: exact to merge, readable.
impl Serialize for Hist {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let pairs: Vec<(u64, u64)> = self
            .0
            .iter_recorded()
            .map(|v| (v.value_iterated_to(), v.count_at_value()))
            .collect();
        pairs.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Hist {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let pairs = Vec::<(u64, u64)>::deserialize(d)?;
        let mut h = Hist::default();
        for (v, n) in pairs {
            h.0.record_n(v.clamp(1, 3_600_000_000), n)
                .map_err(serde::de::Error::custom)?;
        }
        Ok(h)
    }
}

/// A latency summary in milliseconds.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq)]
pub struct Latency {
    pub count: u64,
    pub mean: f64,
    pub p50: f64,
    pub p90: f64,
    pub p99: f64,
    pub p999: f64,
    pub max: f64,
}

/// How each buy ended (the first group sums to `buys`), and what the tries ran into.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct Outcomes {
    /// Held, then reserved: the buyer was told "booked" (`--mix`: a reserve that succeeded).
    pub booked: u64,
    /// `--mix`: holds made and holds extended.
    pub done: u64,
    /// Held, then released by the buyer (changed their mind).
    pub released: u64,
    /// Held, then left to lapse (`--abandon`).
    pub abandoned: u64,
    /// Turned away: the seats were taken (a business answer, exit 3).
    pub seat_taken: u64,
    /// Every try lost a race (`occ.max_retries` exhausted).
    pub gave_up: u64,
    /// The hold lapsed before the buyer reserved it (exit 5).
    pub hold_expired: u64,
    /// A timeout, or a connection lost once a change was sent: unknown whether it took effect.
    pub indeterminate: u64,
    /// The database or Redis failed (connection lost, unavailable).
    pub backend_error: u64,
    /// Tries whose guarded write found a seat changed since it was read.
    pub version_conflict: u64,
    /// Tries that found a seat lock held by another buyer (redis).
    pub lock_busy: u64,
    /// Locks found lapsed or taken over at unlock, plus guarded writes rejected while
    /// holding the lock (redis): leases that did not protect, caught by the database.
    pub lock_lost: u64,
    /// Tries after the first, summed over all operations.
    pub retries: u64,
    /// Open loop: arrivals that started more than 10 ms after their scheduled time.
    pub late: u64,
    /// Open loop: arrivals never started because every buyer was busy and the queue full.
    pub dropped: u64,
    /// Holds whose outcome was unknown (`indeterminate`), asked again with the same
    /// idempotency key by a later buy.
    pub unknown_retried: u64,
    /// Of those, holds the database had made after all: the retry got them back (a replay),
    /// never a second hold.
    pub unknown_replayed: u64,
}

impl Outcomes {
    pub fn buys(&self) -> u64 {
        self.booked
            + self.done
            + self.released
            + self.abandoned
            + self.seat_taken
            + self.gave_up
            + self.hold_expired
            + self.indeterminate
            + self.backend_error
    }

    pub fn add(&mut self, o: &Outcomes) {
        self.booked += o.booked;
        self.done += o.done;
        self.released += o.released;
        self.abandoned += o.abandoned;
        self.seat_taken += o.seat_taken;
        self.gave_up += o.gave_up;
        self.hold_expired += o.hold_expired;
        self.indeterminate += o.indeterminate;
        self.backend_error += o.backend_error;
        self.version_conflict += o.version_conflict;
        self.lock_busy += o.lock_busy;
        self.lock_lost += o.lock_lost;
        self.retries += o.retries;
        self.late += o.late;
        self.dropped += o.dropped;
        self.unknown_retried += o.unknown_retried;
        self.unknown_replayed += o.unknown_replayed;
    }
}

/// One second of the measured window.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Tick {
    pub holds: u64,
    pub reservations: u64,
    pub releases: u64,
    pub conflicts: u64,
    pub errors: u64,
}

impl Tick {
    fn add(&mut self, t: &Tick) {
        self.holds += t.holds;
        self.reservations += t.reservations;
        self.releases += t.releases;
        self.conflicts += t.conflicts;
        self.errors += t.errors;
    }
}

/// Everything one run of one strategy measured, mergeable across processes and hosts.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RunData {
    pub strategy: String,
    pub buyers: u64,
    pub processes: u64,
    /// Length of the measured window (after warm-up), in seconds; the longest when merged.
    pub measured_s: f64,
    pub outcomes: Outcomes,
    pub tries: u64,
    pub holds: u64,
    pub reservations: u64,
    pub releases: u64,
    /// Whole buys (hold, then reserve or release), retries included.
    pub buy: Hist,
    /// Single tries of one operation.
    pub tries_hist: Hist,
    pub by_outcome: BTreeMap<String, Hist>,
    pub timeline: Vec<Tick>,
    /// Every reservation a buyer was told about, warm-up included (the audit needs all).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub booked: Vec<Booked>,
    /// Holders whose last operation had an unknown outcome: the audit accepts either answer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unknown: Vec<String>,
    /// `--mix`: every operation as called and answered, for the history checker.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<HistOp>,
    /// Backend error messages seen, with how often: numbers say little without the why.
    pub errors: BTreeMap<String, u64>,
    /// Set when the run stopped early (Ctrl-C).
    pub interrupted: bool,
    /// After a backend fault: seconds from a failed operation (backend error or unknown
    /// outcome) to the end of the first operation started after it that went through every
    /// backend (a hold, reservation or release made); the longest such outage, over processes
    /// too. `None`: nothing failed, or nothing recovered.
    #[serde(default)]
    pub recovery_s: Option<f64>,
    /// The run ended in an outage: operations failed and none went through since.
    #[serde(default)]
    pub unrecovered: bool,
    /// The first failure, in seconds from this process's start (internal to the collector).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_failure_s: Option<f64>,
}

impl RunData {
    pub fn merge(&mut self, o: &RunData) {
        self.buyers += o.buyers;
        self.processes += o.processes;
        self.measured_s = self.measured_s.max(o.measured_s);
        self.outcomes.add(&o.outcomes);
        self.tries += o.tries;
        self.holds += o.holds;
        self.reservations += o.reservations;
        self.releases += o.releases;
        self.buy.add(&o.buy);
        self.tries_hist.add(&o.tries_hist);
        for (k, h) in &o.by_outcome {
            self.by_outcome.entry(k.clone()).or_default().add(h);
        }
        if self.timeline.len() < o.timeline.len() {
            self.timeline.resize(o.timeline.len(), Tick::default());
        }
        for (mine, theirs) in self.timeline.iter_mut().zip(&o.timeline) {
            mine.add(theirs);
        }
        self.booked.extend(o.booked.iter().cloned());
        self.unknown.extend(o.unknown.iter().cloned());
        self.history.extend(o.history.iter().cloned());
        for (k, n) in &o.errors {
            *self.errors.entry(k.clone()).or_default() += n;
        }
        self.interrupted |= o.interrupted;
        self.unrecovered |= o.unrecovered;
        self.recovery_s = match (self.recovery_s, o.recovery_s) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
    }

    pub fn per_s(&self, n: u64) -> f64 {
        if self.measured_s > 0.0 {
            (n as f64 / self.measured_s * 10.0).round() / 10.0
        } else {
            0.0
        }
    }

    /// The value of a threshold metric (see `notation::METRICS`).
    pub fn metric(&self, name: &str) -> f64 {
        let o = &self.outcomes;
        let buys = o.buys().max(1) as f64;
        let l = self.buy.summary();
        match name {
            "mean" => l.mean,
            "p50" => l.p50,
            "p90" => l.p90,
            "p99" => l.p99,
            "p999" => l.p999,
            "max" => l.max,
            "conflict_rate" => (o.version_conflict + o.lock_busy) as f64 / self.tries.max(1) as f64,
            "error_rate" => (o.backend_error + o.indeterminate) as f64 / buys,
            "taken_rate" => o.seat_taken as f64 / buys,
            "retries_per_buy" => o.retries as f64 / buys,
            "holds_per_s" => self.per_s(self.holds),
            "reservations_per_s" => self.per_s(self.reservations),
            "booked" => o.booked as f64,
            _ => f64::NAN,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histograms_merge_exactly_through_json() {
        let (mut a, mut b) = (Hist::default(), Hist::default());
        for ms in 1..=100u64 {
            a.record(Duration::from_millis(ms));
        }
        b.record(Duration::from_secs(2));
        let json = serde_json::to_string(&a).unwrap();
        let mut back: Hist = serde_json::from_str(&json).unwrap();
        assert_eq!(back.summary(), a.summary());
        back.add(&b);
        assert_eq!(back.len(), 101);
        assert!((back.summary().max - 2000.0).abs() < 2.0);
        assert!((back.ms_at(0.5) - 51.0).abs() < 0.1, "{}", back.ms_at(0.5));
    }

    #[test]
    fn run_data_merges_counts_and_timelines() {
        let mut a = RunData {
            timeline: vec![Tick {
                holds: 1,
                ..Tick::default()
            }],
            measured_s: 2.0,
            holds: 4,
            ..RunData::default()
        };
        a.outcomes.booked = 3;
        let mut b = a.clone();
        b.timeline.push(Tick {
            holds: 5,
            ..Tick::default()
        });
        b.measured_s = 3.0;
        a.merge(&b);
        assert_eq!(a.outcomes.booked, 6);
        assert_eq!(
            a.timeline.iter().map(|t| t.holds).collect::<Vec<_>>(),
            [2, 5]
        );
        assert_eq!(a.measured_s, 3.0);
        assert_eq!(a.per_s(a.holds), 2.7);
        assert_eq!(a.metric("booked"), 6.0);
    }
}

#[cfg(test)]
mod percentiles {
    use super::*;

    #[test]
    fn percentiles_of_known_inputs() {
        // 1..=1000 ms: the q-quantile is q × 1000 ms, within HDR's 3 significant figures.
        let mut h = Hist::default();
        for ms in 1..=1000u64 {
            h.record(Duration::from_millis(ms));
        }
        let s = h.summary();
        let near = |got: f64, want: f64| (got - want).abs() <= want * 0.001 + 0.001;
        assert!(near(s.p50, 500.0), "{s:?}");
        assert!(near(s.p90, 900.0), "{s:?}");
        assert!(near(s.p99, 990.0), "{s:?}");
        assert!(near(s.p999, 999.0), "{s:?}");
        assert!(near(s.max, 1000.0), "{s:?}");
        assert!(near(s.mean, 500.5), "{s:?}");
        assert_eq!(s.count, 1000);
        // One slow outlier among fast buys moves max and p99.9, not the median.
        let mut h = Hist::default();
        for _ in 0..999 {
            h.record(Duration::from_micros(200));
        }
        h.record(Duration::from_secs(3));
        let s = h.summary();
        assert!(near(s.p50, 0.2) && near(s.p99, 0.2), "{s:?}");
        assert!(near(s.max, 3000.0) && near(s.p999, 0.2), "{s:?}");
        assert_eq!(Hist::default().summary(), Latency::default());
    }
}
