//! `seatctl simulate compare BASE.json NEW.json`: a run beside a baseline (last week's, the
//! previous release's), metric by metric and strategy by strategy, with budgets on how much a
//! metric may move (`--threshold 'p99+10%'`); a budget exceeded is a regression (exit 11).
//! The idea is k6's thresholds and benchmark tools' baselines; the metrics are the simulator's
//! own ([`super::notation::METRICS`]).

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::notation::METRICS;
use super::report;
use crate::error::{Error, Result};

/// `--threshold 'p99+10%'`: `METRIC+N%` lets the metric grow by at most N% over the baseline
/// (latencies, rates of conflicts and errors), `METRIC-N%` lets it fall by at most N%
/// (throughput, bookings).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Budget {
    pub metric: String,
    /// `true`: the metric may grow by at most `percent`; `false`: fall by at most `percent`.
    pub up: bool,
    pub percent: f64,
}

impl FromStr for Budget {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Budget, String> {
        let text: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        let form = || {
            format!(
                "threshold `{s}`: write a budget like `p99+10%` (may grow by at most 10%) or \
                 `holds_per_s-5%` (may fall by at most 5%)"
            )
        };
        let at = text.find(['+', '-']).ok_or_else(form)?;
        let (metric, rest) = text.split_at(at);
        if !METRICS.iter().any(|(m, _)| *m == metric) {
            let names: Vec<&str> = METRICS.iter().map(|(m, _)| *m).collect();
            return Err(format!(
                "threshold `{s}`: unknown metric `{metric}` (known: {})",
                names.join(", ")
            ));
        }
        let up = rest.starts_with('+');
        // A budget bounds the change that makes things worse: latencies and rates of trouble
        // grow, throughput and bookings fall. The other sign would never fail.
        let worse_up = !matches!(metric, "holds_per_s" | "reservations_per_s" | "booked");
        if up != worse_up {
            let (sign, verb) = if worse_up {
                ('+', "grows")
            } else {
                ('-', "falls")
            };
            return Err(format!(
                "threshold `{s}`: {metric} {verb} when a run gets worse, so its budget is \
                 `{metric}{sign}N%`"
            ));
        }
        let percent = rest[1..]
            .strip_suffix('%')
            .ok_or_else(form)?
            .parse::<f64>()
            .ok()
            .filter(|p| p.is_finite() && *p >= 0.0)
            .ok_or_else(form)?;
        Ok(Budget {
            metric: metric.to_string(),
            up,
            percent,
        })
    }
}

impl fmt::Display for Budget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.up { '+' } else { '-' };
        write!(f, "{}{sign}{}%", self.metric, self.percent)
    }
}

/// One metric of one strategy in both runs. `change_pct` is `(new - base) / base` in %; null
/// when the baseline is 0 (a change from nothing has no percentage).
#[derive(Debug, Clone, Serialize)]
pub struct Delta {
    pub strategy: String,
    pub metric: String,
    pub base: f64,
    pub new: f64,
    pub change_pct: Option<f64>,
}

/// A budget checked against one strategy's delta.
#[derive(Debug, Clone, Serialize)]
pub struct BudgetResult {
    pub threshold: String,
    pub strategy: String,
    pub base: f64,
    pub new: f64,
    pub change_pct: Option<f64>,
    pub ok: bool,
}

/// What `simulate compare` prints (`--json`: this object). `verdict` is `ok` or
/// `regression` (exit 11).
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub base: String,
    pub new: String,
    /// Strategies in both runs, in the new run's order; the others are named in `unmatched`.
    pub deltas: Vec<Delta>,
    pub thresholds: Vec<BudgetResult>,
    /// Strategies only one of the runs has (`"occ: only in BASE"`).
    pub unmatched: Vec<String>,
    /// The scenarios differ (seats, buyers, rate, …): the comparison may not be fair.
    pub warnings: Vec<String>,
    pub verdict: String,
}

fn round(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

fn change(base: f64, new: f64) -> Option<f64> {
    (base != 0.0 && base.is_finite() && new.is_finite())
        .then(|| round((new - base) / base.abs() * 100.0))
}

/// Whether `new` stays within `budget` of `base`. From a baseline of 0, any growth breaks a
/// `+` budget and nothing breaks a `-` one.
fn within(budget: &Budget, base: f64, new: f64) -> bool {
    match change(base, new) {
        Some(pct) if budget.up => pct <= budget.percent,
        Some(pct) => -pct <= budget.percent,
        None => !budget.up || new <= base,
    }
}

/// Compares the runs in `base` and `new` (files written by `seatctl --json simulate`, or
/// `simulate merge`) and checks `budgets`. Errors: exit 2 for an unreadable file, another
/// schema version, or runs with no strategy in common.
pub fn compare(base_path: &Path, new_path: &Path, budgets: &[Budget]) -> Result<Comparison> {
    let (base, new) = (
        super::merge::read(base_path)?,
        super::merge::read(new_path)?,
    );
    let mut deltas = Vec::new();
    let mut results = Vec::new();
    let mut unmatched = Vec::new();
    for run in &new.runs {
        let Some(old) = base.runs.iter().find(|b| b.strategy == run.strategy) else {
            unmatched.push(format!("{}: only in {}", run.strategy, new_path.display()));
            continue;
        };
        for (metric, _) in METRICS {
            let (b, n) = (old.raw.metric(metric), run.raw.metric(metric));
            deltas.push(Delta {
                strategy: run.strategy.clone(),
                metric: metric.to_string(),
                base: round(b),
                new: round(n),
                change_pct: change(b, n),
            });
        }
        for budget in budgets {
            let (b, n) = (
                old.raw.metric(&budget.metric),
                run.raw.metric(&budget.metric),
            );
            results.push(BudgetResult {
                threshold: budget.to_string(),
                strategy: run.strategy.clone(),
                base: round(b),
                new: round(n),
                change_pct: change(b, n),
                ok: within(budget, b, n),
            });
        }
    }
    for run in &base.runs {
        if !new.runs.iter().any(|n| n.strategy == run.strategy) {
            unmatched.push(format!("{}: only in {}", run.strategy, base_path.display()));
        }
    }
    if deltas.is_empty() {
        return Err(Error::invalid(format!(
            "{} and {} have no strategy in common ({}): nothing to compare",
            base_path.display(),
            new_path.display(),
            unmatched.join("; ")
        )));
    }
    let mut warnings = Vec::new();
    let (a, b) = (&base.scenario, &new.scenario);
    let differs = |what: &str, x: String, y: String| {
        (x != y).then(|| format!("the runs differ in {what}: {x} against {y}"))
    };
    let load = |s: &report::Scenario| match (&s.stages, s.rate) {
        (Some(st), _) => format!("open loop ramping {st}"),
        (None, Some(r)) => format!("open loop {r}/s"),
        (None, None) => format!("closed loop of {} buyers", s.buyers),
    };
    warnings.extend(differs("seats", a.seats.to_string(), b.seats.to_string()));
    warnings.extend(differs(
        "buyers",
        a.buyers.to_string(),
        b.buyers.to_string(),
    ));
    warnings.extend(differs("load", load(a), load(b)));
    warnings.extend(differs("backend", a.backend.clone(), b.backend.clone()));
    for (which, r) in [(base_path, &base), (new_path, &new)] {
        if r.verdict != "ok" && r.verdict != "threshold_failed" {
            warnings.push(format!(
                "{} is a run whose verdict was {}: its figures are of a run that went wrong",
                which.display(),
                r.verdict
            ));
        }
        if r.runs.iter().any(|run| run.interrupted) {
            warnings.push(format!(
                "{} was interrupted: it measured less than it was asked to",
                which.display()
            ));
        }
    }
    let verdict = if results.iter().any(|r| !r.ok) {
        "regression"
    } else {
        "ok"
    };
    Ok(Comparison {
        base: base_path.display().to_string(),
        new: new_path.display().to_string(),
        deltas,
        thresholds: results,
        unmatched,
        warnings,
        verdict: verdict.into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budgets_parse_and_are_refused_naming_what_is_wrong() {
        let b: Budget = "p99+10%".parse().unwrap();
        assert_eq!((b.metric.as_str(), b.up, b.percent), ("p99", true, 10.0));
        let b: Budget = " holds_per_s - 5 % ".parse().unwrap();
        assert_eq!(
            (b.metric.as_str(), b.up, b.percent),
            ("holds_per_s", false, 5.0)
        );
        assert_eq!(b.to_string(), "holds_per_s-5%");
        assert!(
            "p98+10%"
                .parse::<Budget>()
                .unwrap_err()
                .contains("unknown metric")
        );
        assert!(
            "p99<10ms"
                .parse::<Budget>()
                .unwrap_err()
                .contains("p99+10%")
        );
        assert!("p99+10".parse::<Budget>().unwrap_err().contains("p99+10%"));
        assert!("p99+x%".parse::<Budget>().is_err());
        // The sign that could never fail is refused, saying which one bounds the metric.
        let e = "holds_per_s+10%".parse::<Budget>().unwrap_err();
        assert!(e.contains("holds_per_s-N%"), "{e}");
        let e = "p50-10%".parse::<Budget>().unwrap_err();
        assert!(e.contains("p50+N%"), "{e}");
    }

    #[test]
    fn a_budget_holds_or_is_exceeded() {
        let up: Budget = "p99+10%".parse().unwrap();
        assert!(within(&up, 10.0, 11.0));
        assert!(!within(&up, 10.0, 11.5));
        assert!(within(&up, 10.0, 2.0), "faster is no regression");
        let down: Budget = "holds_per_s-5%".parse().unwrap();
        assert!(within(&down, 100.0, 96.0));
        assert!(!within(&down, 100.0, 94.0));
        assert!(within(&down, 100.0, 300.0));
        // From nothing: any growth breaks a + budget.
        assert!(!within(&up, 0.0, 1.0) && within(&up, 0.0, 0.0) && within(&down, 0.0, 5.0));
        assert_eq!(change(200.0, 150.0), Some(-25.0));
        assert_eq!(change(0.0, 1.0), None);
    }
}
