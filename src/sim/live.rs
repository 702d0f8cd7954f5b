//! The live view on a terminal: an indicatif progress bar, and a pgbench-style line every
//! `--progress` with what happened since the last one.

use std::sync::Mutex;
use std::time::Instant;

use super::buyer::Shared;
use super::collector::Window;
use super::plan::Plan;
use super::stats::RunData;

/// The live view: an indicatif bar, and a pgbench-style line every `--progress`.
pub(super) struct Live {
    pub(super) bar: indicatif::ProgressBar,
    last: Mutex<Instant>,
}

impl Live {
    pub(super) fn new(plan: &Plan, t0: Instant) -> Live {
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

    pub(super) fn position<B>(&self, sh: &Shared<B>, data: &RunData) -> u64 {
        match sh.plan.ops {
            Some(_) => data.outcomes.buys(),
            None => sh.t0.elapsed().as_millis() as u64,
        }
    }

    pub(super) fn line<B>(&self, sh: &Shared<B>, w: &mut Window) {
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
