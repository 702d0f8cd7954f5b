//! The simulation report: one versioned JSON shape for one strategy or `all` (documented in
//! the README), the human summary table, and the verdict (exit 10 audit, 11 threshold).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::history::HistoryReport;
use super::notation::Threshold;
use super::spec::{Source, Spec};
use super::stats::{Latency, Outcomes, RunData};
use crate::app::Session;
use crate::contract::AuditReport;
use crate::duration::HumanDuration;

/// Bumped on any change a reader of the JSON could notice.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SimReport {
    pub schema_version: u32,
    pub run_id: String,
    pub seed: u64,
    pub scenario: Scenario,
    pub runs: Vec<RunReport>,
    pub thresholds: Vec<ThresholdResult>,
    /// What the figures do not show by themselves, one sentence each: an open loop that did not
    /// reach its target rate (asked and served per second, dropped and late arrivals).
    #[serde(default)]
    pub warnings: Vec<String>,
    /// Files this run wrote (`--csv`, one per strategy; `--report`), as given.
    #[serde(default)]
    pub files: Vec<String>,
    /// `ok`, `audit_failed` or `history_failed` (exit 10), `audit_unavailable` (the database
    /// did not answer when the audit was due: exit 6, the event kept for `seatctl audit`), or
    /// `threshold_failed` (exit 11).
    pub verdict: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Scenario {
    pub backend: String,
    pub event: Option<String>,
    pub seats: u64,
    pub buyers: u64,
    pub processes: u64,
    pub connections: u64,
    /// Open loop arrivals per second (with `stages`, their peak); null for a closed loop.
    pub rate: Option<f64>,
    /// `--stages` as given (`10s:100,30s:1000`): the open loop's rate ramped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stages: Option<String>,
    pub warmup_s: f64,
    pub duration_s: Option<f64>,
    pub ops: Option<u64>,
    pub party: String,
    pub best: bool,
    /// `--area`: the general-admission area buyers took places of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    pub hot: Option<String>,
    pub reserve_ratio: f64,
    pub abandon: f64,
    /// `--mix` weights (`hold=…,extend=…,reserve=…,release=…`); null for whole buys.
    #[serde(default)]
    pub mix: Option<String>,
    pub hold_ttl_s: Option<f64>,
    pub pause_after_lock_s: Option<f64>,
    pub pause_prob: Option<f64>,
    pub kill_connection_prob: f64,
}

impl Scenario {
    pub fn new(spec: &Spec, app: &Session, seats: u64) -> Scenario {
        let secs = |d: HumanDuration| d.0.as_secs_f64();
        let pause = spec.faults.pause;
        Scenario {
            backend: if app.settings.database.is_postgres() {
                "postgres"
            } else {
                "sqlite"
            }
            .into(),
            event: match &spec.source {
                Source::Event(e) | Source::CopyOf(e) => Some(e.clone()),
                Source::Seats(_) | Source::Layout(_) => None,
            },
            seats,
            buyers: spec.buyers as u64,
            processes: spec.processes as u64,
            connections: spec.connections as u64,
            rate: spec.rate,
            stages: spec.stages.as_ref().map(|s| s.to_string()),
            warmup_s: secs(spec.warmup),
            duration_s: spec.duration.map(secs),
            ops: spec.ops,
            party: spec.party.to_string(),
            best: spec.best,
            area: spec.area.clone(),
            hot: spec.hot.map(|h| format!("{}:{}", h.share, h.fraction)),
            reserve_ratio: spec.reserve_ratio,
            abandon: spec.abandon,
            mix: spec.mix.map(|m| m.to_string()),
            hold_ttl_s: spec.hold_ttl.map(secs),
            pause_after_lock_s: pause.map(|p| secs(p.after)),
            pause_prob: pause.map(|p| p.prob),
            kill_connection_prob: spec.faults.kill_connection_prob,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Throughput {
    pub buys_per_s: f64,
    pub holds_per_s: f64,
    pub reservations_per_s: f64,
    pub releases_per_s: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RunReport {
    pub strategy: String,
    pub event_id: Uuid,
    pub event: String,
    /// The throw-away event was deleted after the audit.
    pub event_removed: bool,
    pub measured_s: f64,
    pub buys: u64,
    pub tries: u64,
    pub outcomes: Outcomes,
    pub throughput: Throughput,
    /// The whole buy (hold, then reserve or release), retries included; open loop: from the
    /// scheduled start.
    pub latency_ms: Latency,
    /// Single tries of one operation (lock, statement(s), unlock).
    pub try_latency_ms: Latency,
    pub latency_by_outcome_ms: BTreeMap<String, Latency>,
    pub audit: AuditReport,
    /// `--mix`: the history checker's verdict (linearizability of every hold and seat).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history: Option<HistoryReport>,
    /// Backend error messages and how often each was seen.
    pub errors: BTreeMap<String, u64>,
    pub interrupted: bool,
    /// After a backend fault, seconds from the first failure to the first operation answered
    /// again (see `RunData::recovery_s`); null when nothing failed.
    #[serde(default)]
    pub recovery_s: Option<f64>,
    /// The run ended while its backend was failing (no operation went through since).
    #[serde(default)]
    pub unrecovered: bool,
    /// Histograms (`[[µs, count], …]`) and the per-second timeline, for merging and plots.
    pub raw: RunData,
}

impl Scenario {
    /// One line saying what was run: seats, load, length, party, choices and backend (the
    /// plots' heading).
    pub fn summary(&self) -> String {
        let load = match (&self.stages, self.rate) {
            (Some(st), _) => format!("open loop ramping through {st} (duration:arrivals/s)"),
            (None, Some(r)) => format!("open loop {r}/s"),
            (None, None) => format!("{} buyers (closed loop)", self.buyers),
        };
        let span = match (self.duration_s, self.ops) {
            (_, Some(ops)) => format!("{ops} buys"),
            (Some(d), None) => format!("{d}s"),
            _ => String::new(),
        };
        let mut parts = vec![
            format!("{} seats", self.seats),
            load,
            format!("{span} after {}s warm-up", self.warmup_s),
            format!("party {}", self.party),
        ];
        if self.best {
            parts.push("best available".into());
        }
        if let Some(area) = &self.area {
            parts.push(format!("places of {area}"));
        }
        if let Some(hot) = &self.hot {
            parts.push(format!("hot {hot}"));
        }
        if let Some(mix) = &self.mix {
            parts.push(format!("mix {mix}"));
        }
        parts.push(self.backend.clone());
        parts.join(" · ")
    }
}

impl RunReport {
    pub fn new(
        mut data: RunData,
        audit: AuditReport,
        history: Option<HistoryReport>,
        event_id: Uuid,
        event: String,
        event_removed: bool,
    ) -> RunReport {
        // The audit has used them; the report keeps only what merging and plotting need.
        data.booked.clear();
        data.unknown.clear();
        data.history.clear();
        let mut r = RunReport {
            strategy: data.strategy.clone(),
            event_id,
            event,
            event_removed,
            measured_s: 0.0,
            buys: 0,
            tries: 0,
            outcomes: Outcomes::default(),
            throughput: Throughput {
                buys_per_s: 0.0,
                holds_per_s: 0.0,
                reservations_per_s: 0.0,
                releases_per_s: 0.0,
            },
            latency_ms: Latency::default(),
            try_latency_ms: Latency::default(),
            latency_by_outcome_ms: BTreeMap::new(),
            audit,
            history,
            errors: BTreeMap::new(),
            interrupted: false,
            recovery_s: None,
            unrecovered: false,
            raw: data,
        };
        r.refresh();
        r
    }

    /// Recomputes the summaries from `raw` (after building or merging).
    fn refresh(&mut self) {
        let d = &self.raw;
        self.measured_s = d.measured_s;
        self.buys = d.outcomes.buys();
        self.tries = d.tries;
        self.outcomes = d.outcomes;
        self.throughput = Throughput {
            buys_per_s: d.per_s(d.outcomes.buys()),
            holds_per_s: d.per_s(d.holds),
            reservations_per_s: d.per_s(d.reservations),
            releases_per_s: d.per_s(d.releases),
        };
        self.latency_ms = d.buy.summary();
        self.try_latency_ms = d.tries_hist.summary();
        self.latency_by_outcome_ms = d
            .by_outcome
            .iter()
            .map(|(k, h)| (k.clone(), h.summary()))
            .collect();
        self.errors = d.errors.clone();
        self.interrupted = d.interrupted;
        self.recovery_s = d.recovery_s;
        self.unrecovered = d.unrecovered;
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ThresholdResult {
    pub threshold: String,
    pub strategy: String,
    pub value: f64,
    pub ok: bool,
}

/// An open loop (`rate` arrivals per second) that dropped arrivals (no buyer free when one was
/// due) or, over at least 100 expected arrivals, served below 80% of its rate (outside the
/// Poisson schedule's own spread: fewer expected arrivals vary too much to tell): the run
/// measured a smaller load than asked for, which its latencies alone do not tell.
fn open_loop_missed(rate: Option<f64>, stages: Option<&str>, run: &RunReport) -> Option<String> {
    let rate = rate.filter(|r| *r > 0.0)?;
    if run.measured_s <= 0.0 {
        return None;
    }
    let served = run.buys as f64 / run.measured_s;
    let o = &run.outcomes;
    // Ramping stages ask for their mean rate over the time measured.
    let stages = stages.and_then(|s| s.parse::<super::notation::Stages>().ok());
    let expected = match &stages {
        Some(st) => st.arrivals(run.measured_s),
        None => rate * run.measured_s,
    };
    let rate = (expected / run.measured_s * 10.0).round() / 10.0;
    (o.dropped > 0 || (expected >= 100.0 && served < 0.8 * rate)).then(|| {
        format!(
            "{}: the open loop missed its target: {rate}/s asked, {served:.1}/s served; {} \
             arrivals dropped (every buyer busy), {} started late",
            run.strategy, o.dropped, o.late
        )
    })
}

impl SimReport {
    pub fn new(
        run_id: String,
        seed: u64,
        scenario: Scenario,
        runs: Vec<RunReport>,
        thresholds: &[Threshold],
    ) -> SimReport {
        let mut r = SimReport {
            schema_version: SCHEMA_VERSION,
            run_id,
            seed,
            scenario,
            runs,
            thresholds: Vec::new(),
            warnings: Vec::new(),
            files: Vec::new(),
            verdict: String::new(),
        };
        r.judge(thresholds);
        r
    }

    fn judge(&mut self, thresholds: &[Threshold]) {
        self.warnings = self
            .runs
            .iter()
            .filter_map(|run| {
                open_loop_missed(self.scenario.rate, self.scenario.stages.as_deref(), run)
            })
            .collect();
        self.thresholds = self
            .runs
            .iter()
            .flat_map(|run| {
                thresholds.iter().map(move |t| {
                    let value = run.raw.metric(&t.metric);
                    ThresholdResult {
                        threshold: t.to_string(),
                        strategy: run.strategy.clone(),
                        value: (value * 1000.0).round() / 1000.0,
                        ok: t.check(value),
                    }
                })
            })
            .collect();
        self.verdict = if self
            .runs
            .iter()
            .any(|r| !r.audit.ok && r.audit.unavailable.is_none())
        {
            "audit_failed"
        } else if self.runs.iter().any(|r| r.audit.unavailable.is_some()) {
            "audit_unavailable"
        } else if self
            .runs
            .iter()
            .any(|r| r.history.as_ref().is_some_and(|h| !h.ok))
        {
            "history_failed"
        } else if self.thresholds.iter().any(|t| !t.ok) {
            "threshold_failed"
        } else {
            "ok"
        }
        .into();
    }

    /// Several hosts' reports of one run id: runs of the same strategy add up, audits combine.
    pub fn merge(reports: Vec<SimReport>, thresholds: &[Threshold]) -> SimReport {
        let mut iter = reports.into_iter();
        let mut first = iter.next().expect("at least one report");
        for other in iter {
            first.scenario.buyers += other.scenario.buyers;
            first.scenario.processes += other.scenario.processes;
            first.scenario.connections += other.scenario.connections;
            for run in other.runs {
                match first.runs.iter_mut().find(|r| r.strategy == run.strategy) {
                    Some(mine) => {
                        mine.raw.merge(&run.raw);
                        let (a, b) = (&mut mine.audit, run.audit);
                        a.ok &= b.ok;
                        a.violations.extend(b.violations);
                        if a.unavailable.is_none() {
                            a.unavailable = b.unavailable;
                        }
                        if let (Some(a), Some(b)) = (&mut mine.history, run.history) {
                            a.ok &= b.ok;
                            a.operations += b.operations;
                            a.holds_checked += b.holds_checked;
                            a.seats_checked += b.seats_checked;
                            for (k, n) in b.answers {
                                *a.answers.entry(k).or_default() += n;
                            }
                            a.undecided.extend(b.undecided);
                            a.violations.extend(b.violations);
                        }
                        mine.refresh();
                    }
                    None => first.runs.push(run),
                }
            }
        }
        first.judge(thresholds);
        first
    }
}
