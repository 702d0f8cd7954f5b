//! `--report FILE.svg|.html`: a latency-percentile plot (log-scaled percentiles), a
//! throughput-over-time plot and a conflicts-and-errors-over-time plot, one line per strategy
//! (two in the last), the scenario in the heading and each legend above its plot, clear of
//! the lines; plain SVG written by hand.

use std::fmt::Write as _;
use std::path::Path;

use super::report::SimReport;
use crate::error::{Error, Result};

const W: f64 = 860.0;
const H: f64 = 340.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 40.0;
const BOTTOM: f64 = 50.0;
/// Colour-blind-safe (Okabe-Ito) and distinguishable by dash pattern too.
const COLOURS: &[(&str, &str)] = &[("#0072B2", ""), ("#D55E00", "6 3"), ("#009E73", "2 3")];
/// Percentiles on the x axis: 0, 90, 99, 99.9, 99.99 are evenly spaced (log of 1/(1-q)).
const QUANTILES: &[f64] = &[
    0.0, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.995, 0.999, 0.9995, 0.9999,
];

/// Whether the report goes to HTML (else SVG); anything else is refused before a run.
pub fn check_path(path: &Path) -> Result<bool> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("svg") => Ok(false),
        Some("html") | Some("htm") => Ok(true),
        _ => Err(Error::invalid(format!(
            "--report {}: write a .svg or .html file",
            path.display()
        ))),
    }
}

/// Writes the report's plots to `path` (.svg or .html), whole or not at all. Errors: exit 2
/// when the file cannot be written.
pub fn write(path: &Path, report: &SimReport) -> Result<()> {
    let svg = svg(report);
    let text = if check_path(path)? {
        html(report, &svg)
    } else {
        svg
    };
    std::fs::write(path, text)
        .map_err(|e| Error::invalid(format!("cannot write --report {}: {e}", path.display())))
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A round step for about `ticks` divisions of `max`.
fn nice_step(max: f64, ticks: f64) -> f64 {
    let raw = (max / ticks).max(1e-9);
    let mag = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag)
}

struct Chart {
    out: String,
    y0: f64,
    x_max: f64,
    y_max: f64,
}

impl Chart {
    fn new(out: String, y0: f64, title: &str, x_max: f64, y_max: f64) -> Chart {
        let mut c = Chart {
            out,
            y0,
            x_max: x_max.max(1e-9),
            y_max: y_max.max(1e-9) * 1.1,
        };
        let _ = write!(
            c.out,
            r#"<text x="{LEFT}" y="{}" font-size="16" font-weight="bold">{}</text>"#,
            y0 + 24.0,
            esc(title)
        );
        let _ = write!(
            c.out,
            r##"<rect x="{LEFT}" y="{}" width="{}" height="{}" fill="none" stroke="#888"/>"##,
            y0 + TOP,
            W - LEFT - RIGHT,
            H - TOP - BOTTOM
        );
        let step = nice_step(c.y_max, 5.0);
        let mut v = 0.0;
        while v <= c.y_max {
            let y = c.y(v);
            let _ = write!(
                c.out,
                r##"<line x1="{LEFT}" x2="{}" y1="{y:.1}" y2="{y:.1}" stroke="#ddd"/><text x="{}" y="{:.1}" font-size="11" text-anchor="end">{}</text>"##,
                W - RIGHT,
                LEFT - 6.0,
                y + 4.0,
                trim(v)
            );
            v += step;
        }
        c
    }

    fn x(&self, v: f64) -> f64 {
        LEFT + v / self.x_max * (W - LEFT - RIGHT)
    }

    fn y(&self, v: f64) -> f64 {
        self.y0 + H - BOTTOM - v / self.y_max * (H - TOP - BOTTOM)
    }

    fn x_label(&mut self, v: f64, text: &str) {
        let x = self.x(v);
        let _ = write!(
            self.out,
            r##"<line x1="{x:.1}" x2="{x:.1}" y1="{}" y2="{}" stroke="#ddd"/><text x="{x:.1}" y="{}" font-size="11" text-anchor="middle">{}</text>"##,
            self.y0 + TOP,
            self.y0 + H - BOTTOM,
            self.y0 + H - BOTTOM + 16.0,
            esc(text)
        );
    }

    fn axis_titles(&mut self, x: &str, y: &str) {
        let _ = write!(
            self.out,
            r#"<text x="{}" y="{}" font-size="12" text-anchor="middle">{}</text><text x="16" y="{}" font-size="12" transform="rotate(-90 16 {})" text-anchor="middle">{}</text>"#,
            (LEFT + W - RIGHT) / 2.0,
            self.y0 + H - 10.0,
            esc(x),
            self.y0 + H / 2.0,
            self.y0 + H / 2.0,
            esc(y)
        );
    }

    /// Draws line `i` of `n` in the style of strategy `style` (its dash replaced by `dash`
    /// when given), with its legend entry in the band above the plot, right-aligned.
    fn line(
        &mut self,
        points: &[(f64, f64)],
        (i, n): (usize, usize),
        style: usize,
        dash: Option<&str>,
        name: &str,
    ) {
        let (colour, own_dash) = COLOURS[style % COLOURS.len()];
        let dash = dash.unwrap_or(own_dash);
        let d: Vec<String> = points
            .iter()
            .map(|(x, y)| format!("{:.1},{:.1}", self.x(*x), self.y(*y)))
            .collect();
        let _ = write!(
            self.out,
            r#"<polyline fill="none" stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}" points="{}"/>"#,
            d.join(" ")
        );
        // Above the plot, beside the title: never over a line.
        const ENTRY: f64 = 125.0;
        let lx = W - RIGHT - ENTRY * (n - i) as f64;
        let ly = self.y0 + 20.0;
        let _ = write!(
            self.out,
            r#"<line x1="{lx}" x2="{}" y1="{ly}" y2="{ly}" stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}"/><text x="{}" y="{}" font-size="11">{}</text>"#,
            lx + 22.0,
            lx + 27.0,
            ly + 4.0,
            esc(name)
        );
    }
}

fn trim(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn svg(report: &SimReport) -> String {
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{}" viewBox="0 0 {W} {}" font-family="sans-serif"><rect width="100%" height="100%" fill="white"/>"#,
        3.0 * H + 30.0,
        3.0 * H + 30.0
    );
    let _ = write!(
        out,
        r##"<text x="{LEFT}" y="18" font-size="12" fill="#444">seatctl simulate · run {} · seed {} · {}</text>"##,
        esc(&report.run_id),
        report.seed,
        esc(&report.scenario.summary())
    );
    let n = report.runs.len();
    // 1. Latency by percentile.
    let xq = |q: f64| (1.0 / (1.0 - q)).log10();
    let x_max = xq(*QUANTILES.last().expect("not empty"));
    let y_max = report
        .runs
        .iter()
        .map(|r| r.latency_ms.max.max(r.latency_ms.p999))
        .fold(0.0, f64::max);
    let mut c = Chart::new(out, 20.0, "Buy latency by percentile (ms)", x_max, y_max);
    for (q, label) in [
        (0.0, "0%"),
        (0.9, "90%"),
        (0.99, "99%"),
        (0.999, "99.9%"),
        (0.9999, "99.99%"),
    ] {
        c.x_label(xq(q), label);
    }
    c.axis_titles("percentile", "ms");
    for (i, r) in report.runs.iter().enumerate() {
        let mut pts: Vec<(f64, f64)> = QUANTILES
            .iter()
            .map(|q| (xq(*q), r.raw.buy.ms_at(*q)))
            .collect();
        pts.push((x_max, r.latency_ms.max));
        c.line(&pts, (i, n), i, None, &r.strategy);
    }
    // 2. Throughput over time.
    let secs = report
        .runs
        .iter()
        .map(|r| r.raw.timeline.len())
        .max()
        .unwrap_or(0)
        .max(1);
    let y_max = report
        .runs
        .iter()
        .flat_map(|r| r.raw.timeline.iter().map(|t| t.holds as f64))
        .fold(0.0, f64::max);
    let mut c = Chart::new(
        c.out,
        20.0 + H,
        "Holds per second over time",
        secs as f64,
        y_max,
    );
    let step = nice_step(secs as f64, 8.0).max(1.0);
    let mut s = 0.0;
    while s <= secs as f64 {
        c.x_label(s, &format!("{}s", trim(s)));
        s += step;
    }
    c.axis_titles("seconds after warm-up", "holds/s");
    for (i, r) in report.runs.iter().enumerate() {
        let pts = per_second(r, |t| t.holds);
        c.line(&pts, (i, n), i, None, &r.strategy);
    }
    // 3. Lost races and errors over time, beside the throughput they cost.
    let y_max = report
        .runs
        .iter()
        .flat_map(|r| per_second(r, |t| t.conflicts.max(t.errors)))
        .map(|(_, v)| v)
        .fold(0.0, f64::max);
    let mut c = Chart::new(
        c.out,
        20.0 + 2.0 * H,
        "Conflicts and errors per second",
        secs as f64,
        y_max.max(1.0),
    );
    let mut s = 0.0;
    while s <= secs as f64 {
        c.x_label(s, &format!("{}s", trim(s)));
        s += step;
    }
    c.axis_titles("seconds after warm-up", "per second");
    for (i, r) in report.runs.iter().enumerate() {
        let conflicts = per_second(r, |t| t.conflicts);
        c.line(
            &conflicts,
            (2 * i, 2 * n),
            i,
            None,
            &format!("{} conflicts", r.strategy),
        );
        let errors = per_second(r, |t| t.errors);
        c.line(
            &errors,
            (2 * i + 1, 2 * n),
            i,
            Some("1 3"),
            &format!("{} errors", r.strategy),
        );
    }
    let mut out = c.out;
    out.push_str("</svg>\n");
    out
}

/// A run's per-second counts (`of` each tick) as points at mid-second. The last second is
/// usually cut short by the end of the run: it is scaled to a rate over the part that ran, or
/// left out when that part is under a fifth of a second (too little to be a rate), so the end
/// of a run is not drawn as a collapse.
fn per_second(
    r: &super::report::RunReport,
    of: impl Fn(&super::stats::Tick) -> u64,
) -> Vec<(f64, f64)> {
    let counts: Vec<u64> = r.raw.timeline.iter().map(of).collect();
    rates(&counts, r.measured_s)
}

/// Counts per second over `measured_s` seconds as (mid-second, per second) points, the last,
/// partial second scaled to a rate (or left out under 0.2 s).
fn rates(counts: &[u64], measured_s: f64) -> Vec<(f64, f64)> {
    let mut pts: Vec<(f64, f64)> = counts
        .iter()
        .enumerate()
        .map(|(s, n)| (s as f64 + 0.5, *n as f64))
        .collect();
    let part = measured_s - counts.len().saturating_sub(1) as f64;
    if let Some(last) = pts.last_mut()
        && part > 0.0
        && part < 1.0
    {
        if part < 0.2 {
            pts.pop();
        } else {
            last.1 /= part;
        }
    }
    pts
}

fn html(report: &SimReport, svg: &str) -> String {
    let mut rows = String::new();
    for r in &report.runs {
        let l = &r.latency_ms;
        let _ = write!(
            rows,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{:.1}</td><td>{:.1}</td><td>{:.2}</td><td>{:.2}</td><td>{:.2}</td><td>{}</td></tr>",
            esc(&r.strategy),
            r.buys,
            r.outcomes.booked,
            r.outcomes.seat_taken,
            r.throughput.holds_per_s,
            r.throughput.reservations_per_s,
            l.p50,
            l.p99,
            l.max,
            if r.audit.ok { "passed" } else { "FAILED" }
        );
    }
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>seatctl simulate {run}</title>\
         <style>body{{font-family:sans-serif;margin:2em}}td,th{{padding:4px 10px;text-align:right;border-bottom:1px solid #ddd}}</style>\
         </head><body><h1>seatctl simulate · run {run}</h1><p>seed {seed} · verdict: <b>{verdict}</b></p>\
         <table><tr><th>strategy</th><th>buys</th><th>booked</th><th>seat taken</th><th>holds/s</th>\
         <th>reservations/s</th><th>p50 ms</th><th>p99 ms</th><th>max ms</th><th>audit</th></tr>{rows}</table>\
         {svg}</body></html>\n",
        run = esc(&report.run_id),
        seed = report.seed,
        verdict = esc(&report.verdict),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_partial_second_is_a_rate_not_a_collapse() {
        // 2.5 s at 100/s: the last half second's 50 is a rate of 100.
        assert_eq!(
            rates(&[100, 100, 50], 2.5),
            vec![(0.5, 100.0), (1.5, 100.0), (2.5, 100.0)]
        );
        // 2.1 s: a tenth of a second is too little to be a rate; it is left out.
        assert_eq!(
            rates(&[100, 100, 10], 2.1),
            vec![(0.5, 100.0), (1.5, 100.0)]
        );
        // Whole seconds stay as they are.
        assert_eq!(rates(&[7, 9], 2.0), vec![(0.5, 7.0), (1.5, 9.0)]);
        assert!(rates(&[], 0.0).is_empty());
    }
}
