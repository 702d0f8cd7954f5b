//! How a simulation reads: the pgbench/oha-like text report (one column per strategy), its
//! exit code (10 audit failed, 11 threshold missed), and a worker's raw JSON line.

use crate::error::ExitCode;
use crate::output::{Render, Ui, violations_text};
use crate::sim::history::HistoryReport;
use crate::sim::report::{RunReport, SimReport};
use crate::sim::stats::{Latency, RunData};

impl Render for SimReport {
    fn human(&self, ui: &Ui) -> String {
        let s = &self.scenario;
        let load = match (s.rate, &s.stages) {
            (Some(_), Some(st)) => {
                format!(
                    "open loop ramping through {st} (duration:arrivals/s), at most {} in flight",
                    s.buyers
                )
            }
            (Some(r), None) => format!("open loop {r}/s, at most {} in flight", s.buyers),
            (None, _) => format!("{} buyers (closed loop)", s.buyers),
        };
        let span = match (s.duration_s, s.ops) {
            (_, Some(ops)) => format!("{ops} buys"),
            (Some(d), None) => format!("{d}s"),
            _ => String::new(),
        };
        let mut out = format!(
            "seatctl simulate · run {} · seed {} · {} · {} seats · {load} · {} process(es), {} connection(s) · {span} after {}s warm-up · party {}{}{}\n",
            self.run_id,
            self.seed,
            s.backend,
            s.seats,
            s.processes,
            s.connections,
            s.warmup_s,
            s.party,
            match (&s.area, s.best) {
                (Some(area), _) => format!(" · places of {area}"),
                (None, true) => " · best available".to_string(),
                (None, false) => String::new(),
            },
            s.hot
                .as_ref()
                .map_or(String::new(), |h| format!(" · hot {h}")),
        );
        let mut header = vec![""];
        header.extend(self.runs.iter().map(|r| r.strategy.as_str()));
        let mut t = ui.table(&header);
        let row = |t: &mut comfy_table::Table, name: &str, f: &dyn Fn(&RunReport) -> String| {
            let mut cells = vec![name.to_string()];
            cells.extend(self.runs.iter().map(f));
            t.add_row(cells);
        };
        let pct = |n: u64, of: u64| {
            if of == 0 {
                "0".to_string()
            } else {
                format!("{n} ({:.1}%)", 100.0 * n as f64 / of as f64)
            }
        };
        row(&mut t, "measured", &|r| {
            format!(
                "{:.1}s{}",
                r.measured_s,
                if r.interrupted { " (interrupted)" } else { "" }
            )
        });
        let mixed = s.mix.is_some();
        if mixed {
            row(&mut t, "operations", &|r| r.buys.to_string());
            row(&mut t, "held or extended", &|r| {
                pct(r.outcomes.done, r.buys)
            });
            row(&mut t, "reserved", &|r| pct(r.outcomes.booked, r.buys));
        } else {
            row(&mut t, "buys", &|r| r.buys.to_string());
            row(&mut t, "booked", &|r| pct(r.outcomes.booked, r.buys));
        }
        row(&mut t, "released / abandoned", &|r| {
            format!("{} / {}", r.outcomes.released, r.outcomes.abandoned)
        });
        row(&mut t, "seat taken", &|r| {
            pct(r.outcomes.seat_taken, r.buys)
        });
        row(&mut t, "gave up (retries exhausted)", &|r| {
            r.outcomes.gave_up.to_string()
        });
        row(&mut t, "hold expired", &|r| {
            r.outcomes.hold_expired.to_string()
        });
        row(&mut t, "indeterminate / backend errors", &|r| {
            format!(
                "{} / {}",
                r.outcomes.indeterminate, r.outcomes.backend_error
            )
        });
        if self
            .runs
            .iter()
            .any(|r| r.recovery_s.is_some() || r.unrecovered)
        {
            row(
                &mut t,
                "recovered after fault",
                &|r| match (r.recovery_s, r.unrecovered) {
                    (_, true) => "NOT RECOVERED by the end".into(),
                    (Some(s), false) => format!("{s:.2}s"),
                    (None, false) => "-".into(),
                },
            );
        }
        if self.runs.iter().any(|r| r.outcomes.unknown_retried > 0) {
            row(&mut t, "unknown holds retried / found made", &|r| {
                format!(
                    "{} / {}",
                    r.outcomes.unknown_retried, r.outcomes.unknown_replayed
                )
            });
        }
        row(&mut t, "version conflicts", &|r| {
            r.outcomes.version_conflict.to_string()
        });
        row(&mut t, "lock busy / lock lost", &|r| {
            format!("{} / {}", r.outcomes.lock_busy, r.outcomes.lock_lost)
        });
        row(&mut t, "retries (per buy)", &|r| {
            format!(
                "{} ({:.2})",
                r.outcomes.retries,
                r.outcomes.retries as f64 / r.buys.max(1) as f64
            )
        });
        if s.rate.is_some() {
            row(&mut t, "late / dropped arrivals", &|r| {
                format!("{} / {}", r.outcomes.late, r.outcomes.dropped)
            });
        }
        row(&mut t, "buys/s", &|r| {
            format!("{:.1}", r.throughput.buys_per_s)
        });
        row(&mut t, "holds/s", &|r| {
            format!("{:.1}", r.throughput.holds_per_s)
        });
        row(&mut t, "reservations/s", &|r| {
            format!("{:.1}", r.throughput.reservations_per_s)
        });
        row(&mut t, "releases/s", &|r| {
            format!("{:.1}", r.throughput.releases_per_s)
        });
        let ms = |l: &Latency| {
            format!(
                "{:.2} / {:.2} / {:.2} / {:.2} / {:.2} / {:.2}",
                l.mean, l.p50, l.p90, l.p99, l.p999, l.max
            )
        };
        if ui.tty && ui.width < 100 {
            // Narrow: one row per figure, rather than six figures wrapped in one cell.
            type Pick = fn(&Latency) -> f64;
            let figures: [(&str, Pick); 6] = [
                ("mean", |l| l.mean),
                ("p50", |l| l.p50),
                ("p90", |l| l.p90),
                ("p99", |l| l.p99),
                ("p99.9", |l| l.p999),
                ("max", |l| l.max),
            ];
            for (what, of) in [("buy", true), ("try", false)] {
                for (name, figure) in figures {
                    row(&mut t, &format!("{what} ms {name}"), &|r| {
                        let l = if of { &r.latency_ms } else { &r.try_latency_ms };
                        format!("{:.2}", figure(l))
                    });
                }
            }
        } else {
            row(&mut t, "buy ms mean/p50/p90/p99/p99.9/max", &|r| {
                ms(&r.latency_ms)
            });
            row(&mut t, "try ms mean/p50/p90/p99/p99.9/max", &|r| {
                ms(&r.try_latency_ms)
            });
        }
        for outcome in ["booked", "seat_taken"] {
            row(&mut t, &format!("{outcome} ms p50/p99"), &|r| {
                r.latency_by_outcome_ms
                    .get(outcome)
                    .map_or("-".into(), |l| format!("{:.2} / {:.2}", l.p50, l.p99))
            });
        }
        row(&mut t, "audit", &|r| {
            if r.audit.ok {
                "passed".into()
            } else {
                format!("FAILED ({})", r.audit.violations.len())
            }
        });
        if mixed {
            row(&mut t, "history check", &|r| match &r.history {
                Some(h) if h.ok => format!(
                    "linearizable ({} holds, {} seats)",
                    h.holds_checked, h.seats_checked
                ),
                Some(h) => format!(
                    "FAILED ({} violations, {} undecided)",
                    h.violations.len(),
                    h.undecided.len()
                ),
                None => "-".into(),
            });
        }
        out.push_str(&format!("{t}\n"));
        for r in &self.runs {
            if !r.audit.ok {
                out.push_str(&format!("{}: {}", r.strategy, violations_text(&r.audit)));
            }
            if let Some(h) = r.history.as_ref().filter(|h| !h.ok) {
                out.push_str(&history_text(&r.strategy, h));
            }
            for (msg, n) in &r.errors {
                out.push_str(&format!("{}: {n}× {msg}\n", r.strategy));
            }
            if !r.event_removed {
                out.push_str(&format!(
                    "{}: event {} ({})\n",
                    r.strategy, r.event, r.event_id
                ));
            }
        }
        for w in &self.warnings {
            out.push_str(&format!("warning: {w}\n"));
        }
        for f in &self.files {
            out.push_str(&format!("wrote {f}\n"));
        }
        for th in &self.thresholds {
            out.push_str(&format!(
                "threshold {} ({}): {} → {}\n",
                th.threshold,
                th.strategy,
                th.value,
                if th.ok { "ok" } else { "FAILED" }
            ));
        }
        out.push_str(&match self.verdict.as_str() {
            "ok" if self.runs.iter().any(|r| r.interrupted) => {
                "Verdict: interrupted (exit 130); what ran sold no seat twice.\n".to_string()
            }
            "ok" => "Verdict: no seat sold twice; every buyer's answer matches the database.\n"
                .to_string(),
            "audit_failed" => "Verdict: AUDIT FAILED (exit 10).\n".to_string(),
            "audit_unavailable" => {
                let kept: Vec<&str> = self
                    .runs
                    .iter()
                    .filter(|r| r.audit.unavailable.is_some())
                    .map(|r| r.event.as_str())
                    .collect();
                format!(
                    "Verdict: AUDIT NOT RUN: the database did not answer (exit 6). The figures \
                     above stand; nothing was checked. Kept for `seatctl audit`: {}.\n",
                    kept.join(", ")
                )
            }
            "history_failed" => {
                "Verdict: HISTORY CHECK FAILED (exit 10): an answer no order of the operations explains.\n"
                    .to_string()
            }
            _ => "Verdict: audit passed, but a threshold was missed (exit 11).\n".to_string(),
        });
        out
    }

    fn exit_code(&self) -> ExitCode {
        match self.verdict.as_str() {
            "audit_failed" | "history_failed" => ExitCode::AuditFailed,
            "audit_unavailable" => ExitCode::Unavailable,
            "threshold_failed" => ExitCode::ThresholdFailed,
            _ if self.runs.iter().any(|r| r.interrupted) => ExitCode::Interrupted,
            _ => ExitCode::Success,
        }
    }
}

/// The history checker's violations: each hold or seat, the operation no order explains, and
/// the operations around it.
fn history_text(strategy: &str, h: &HistoryReport) -> String {
    let mut out = String::new();
    for v in h.violations.iter().take(3) {
        out.push_str(&format!(
            "{strategy}: history violation on {}: no order explains\n  {}\n",
            v.object, v.stuck
        ));
        for op in &v.operations {
            out.push_str(&format!("    {op}\n"));
        }
    }
    if h.violations.len() > 3 {
        out.push_str(&format!(
            "{strategy}: … and {} more history violations (all in --json)\n",
            h.violations.len() - 3
        ));
    }
    for u in &h.undecided {
        out.push_str(&format!(
            "{strategy}: history of {u} undecided (search budget reached)\n"
        ));
    }
    out
}

/// A worker's raw results, printed as one JSON line for the parent (with or without --json).
#[derive(serde::Serialize)]
#[serde(transparent)]
pub struct WorkerOutput(pub RunData);

impl Render for WorkerOutput {
    fn human(&self, _ui: &Ui) -> String {
        serde_json::to_string(&self.0).unwrap_or_default() + "\n"
    }
}

impl Render for crate::sim::compare::Comparison {
    fn human(&self, ui: &Ui) -> String {
        let mut out = format!("{} (base) against {} (new):\n", self.base, self.new);
        let strategies: Vec<&str> = {
            let mut s: Vec<&str> = self.deltas.iter().map(|d| d.strategy.as_str()).collect();
            s.dedup();
            s
        };
        // Up to three decimals, trailing zeros dropped: 72, 99.4, 0.125.
        let fmt = |v: f64| {
            let s = format!("{v:.3}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        };
        for strategy in strategies {
            let mut table = ui.table(&[strategy, "base", "new", "change"]);
            for d in self.deltas.iter().filter(|d| d.strategy == strategy) {
                let latency = matches!(
                    d.metric.as_str(),
                    "mean" | "p50" | "p90" | "p99" | "p999" | "max"
                );
                table.add_row(vec![
                    if latency {
                        format!("{} (ms)", d.metric)
                    } else {
                        d.metric.clone()
                    },
                    fmt(d.base),
                    fmt(d.new),
                    d.change_pct
                        .map(|p| format!("{p:+.1}%"))
                        .unwrap_or_else(|| "–".into()),
                ]);
            }
            out.push_str(&format!("{table}\n"));
        }
        for t in &self.thresholds {
            let change = t
                .change_pct
                .map(|p| format!("{p:+.1}%"))
                .unwrap_or_else(|| format!("{} → {}", fmt(t.base), fmt(t.new)));
            out.push_str(&format!(
                "{} {}: {change} ({})\n",
                if t.ok { "ok        " } else { "REGRESSION" },
                t.threshold,
                t.strategy
            ));
        }
        for w in self.unmatched.iter().chain(&self.warnings) {
            out.push_str(&format!("warning: {w}\n"));
        }
        out.push_str(match self.verdict.as_str() {
            "regression" => "Verdict: regression (a budget was exceeded).\n",
            _ if self.thresholds.is_empty() => "No --threshold given: nothing judged.\n",
            _ => "Verdict: within every budget.\n",
        });
        out
    }

    fn exit_code(&self) -> ExitCode {
        if self.verdict == "regression" {
            ExitCode::ThresholdFailed
        } else {
            ExitCode::Success
        }
    }
}
