//! The simulator's small flag languages: party sizes (`2`, `1..4`), skew (`0.8:0.1`) and
//! thresholds (`p99<50ms`, `conflict_rate<0.2`). Each parses with an error naming what is wrong.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Seats per buyer: fixed or an inclusive range, each buyer drawing uniformly from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    pub min: u32,
    pub max: u32,
}

impl FromStr for Party {
    type Err = String;

    fn from_str(s: &str) -> Result<Party, String> {
        let num = |t: &str| {
            t.trim()
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=100).contains(n))
                .ok_or_else(|| format!("`{t}` is not a party size between 1 and 100"))
        };
        let (min, max) = match s.split_once("..") {
            Some((a, b)) => (num(a)?, num(b.trim_start_matches('='))?),
            None => (num(s)?, num(s)?),
        };
        if min > max {
            return Err(format!("party range `{s}` is empty: write it low..high"));
        }
        Ok(Party { min, max })
    }
}

impl fmt::Display for Party {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.min == self.max {
            write!(f, "{}", self.min)
        } else {
            write!(f, "{}..{}", self.min, self.max)
        }
    }
}

/// `--hot SHARE:FRACTION`: SHARE of buyers want seats from the best FRACTION of the hall.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Hot {
    pub share: f64,
    pub fraction: f64,
}

impl FromStr for Hot {
    type Err = String;

    fn from_str(s: &str) -> Result<Hot, String> {
        let (a, b) = s.split_once(':').ok_or_else(|| {
            format!("`{s}` is not SHARE:FRACTION (e.g. 0.8:0.1, 80% of buyers want the best 10%)")
        })?;
        let share = probability(a, "--hot share")?;
        let fraction = probability(b, "--hot fraction")?;
        if fraction == 0.0 {
            return Err("--hot fraction must be above 0".into());
        }
        Ok(Hot { share, fraction })
    }
}

/// A number in [0, 1], with a message naming the flag.
pub fn probability(s: &str, what: &str) -> Result<f64, String> {
    s.trim()
        .parse::<f64>()
        .ok()
        .filter(|p| (0.0..=1.0).contains(p))
        .ok_or_else(|| format!("{what} must be a number between 0 and 1 (got `{s}`)"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = ">=")]
    Ge,
}

impl Op {
    fn holds(self, value: f64, limit: f64) -> bool {
        match self {
            Op::Lt => value < limit,
            Op::Le => value <= limit,
            Op::Gt => value > limit,
            Op::Ge => value >= limit,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
        }
    }
}

/// One stage of `--stages`: over `duration`, the arrival rate moves linearly from the previous
/// stage's target (0 before the first) to `target` arrivals per second (k6's
/// ramping-arrival-rate stages).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    pub duration: crate::duration::HumanDuration,
    pub target: f64,
}

/// `--stages 10s:100,30s:1000,10s:0`: an open loop whose rate ramps from stage to stage; the
/// run lasts the stages' total.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Stages(pub Vec<Stage>);

impl FromStr for Stages {
    type Err = String;

    fn from_str(s: &str) -> Result<Stages, String> {
        let mut stages = Vec::new();
        for part in s.split(',') {
            let part = part.trim();
            let (d, t) = part.split_once(':').ok_or_else(|| {
                format!(
                    "stage `{part}` of `{s}`: write DURATION:RATE, e.g. `30s:1000` (ramp to 1000 \
                     arrivals per second over 30 s)"
                )
            })?;
            let duration: crate::duration::HumanDuration = d
                .trim()
                .parse()
                .map_err(|e| format!("stage `{part}`: {e}"))?;
            if duration.0.is_zero() {
                return Err(format!("stage `{part}`: a stage lasts more than 0s"));
            }
            let target = t
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|r| r.is_finite() && (0.0..=1_000_000.0).contains(r))
                .ok_or_else(|| {
                    format!("stage `{part}`: `{t}` is not a rate between 0 and 1000000 per second")
                })?;
            stages.push(Stage { duration, target });
        }
        let stages = Stages(stages);
        if stages.peak() <= 0.0 {
            return Err(format!(
                "--stages `{s}`: every stage's rate is 0; nothing would arrive"
            ));
        }
        Ok(stages)
    }
}

impl fmt::Display for Stages {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, st) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            write!(f, "{}:{}", st.duration, st.target)?;
        }
        Ok(())
    }
}

impl Stages {
    /// How long the stages last in all.
    pub fn total(&self) -> std::time::Duration {
        self.0.iter().map(|s| s.duration.0).sum()
    }

    /// The highest rate asked for (arrivals per second).
    pub fn peak(&self) -> f64 {
        self.0.iter().map(|s| s.target).fold(0.0, f64::max)
    }

    /// The rate `t` seconds into the run; 0 after the last stage.
    pub fn rate_at(&self, t: f64) -> f64 {
        let (mut from, mut start) = (0.0, 0.0);
        for st in &self.0 {
            let len = st.duration.0.as_secs_f64();
            if t < start + len {
                return from + (st.target - from) * ((t - start).max(0.0) / len);
            }
            (from, start) = (st.target, start + len);
        }
        0.0
    }

    /// Arrivals expected over the first `t` seconds (the area under the rate).
    pub fn arrivals(&self, t: f64) -> f64 {
        let (mut from, mut start, mut sum) = (0.0, 0.0, 0.0);
        for st in &self.0 {
            let len = st.duration.0.as_secs_f64();
            let upto = (t - start).clamp(0.0, len);
            let at_upto = from + (st.target - from) * (upto / len);
            sum += (from + at_upto) / 2.0 * upto;
            (from, start) = (st.target, start + len);
        }
        sum
    }

    /// The same stages at `factor` times the rate (one process's share).
    pub fn scaled(&self, factor: f64) -> Stages {
        Stages(
            self.0
                .iter()
                .map(|s| Stage {
                    duration: s.duration,
                    target: s.target * factor,
                })
                .collect(),
        )
    }
}

/// The metrics a threshold may name. Latencies are in milliseconds (of the whole buy).
pub const METRICS: &[(&str, &str)] = &[
    ("mean", "mean buy latency"),
    ("p50", "median buy latency"),
    ("p90", "90th percentile buy latency"),
    ("p99", "99th percentile buy latency"),
    ("p999", "99.9th percentile buy latency"),
    ("max", "slowest buy"),
    (
        "conflict_rate",
        "tries that lost a race or found a lock busy, per try",
    ),
    (
        "error_rate",
        "buys ending in a backend error or unknown outcome, per buy",
    ),
    (
        "taken_rate",
        "buys turned away because the seats were taken, per buy",
    ),
    ("retries_per_buy", "retries per buy"),
    ("holds_per_s", "successful holds per second"),
    ("reservations_per_s", "reservations per second"),
    ("booked", "buys that ended with a reservation"),
];

/// `--threshold 'p99<50ms'`: checked against every strategy's run; a miss exits 11.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Threshold {
    pub metric: String,
    pub op: Op,
    pub value: f64,
}

impl FromStr for Threshold {
    type Err = String;

    fn from_str(s: &str) -> Result<Threshold, String> {
        let text: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        let at = text.find(['<', '>']).ok_or_else(|| {
            format!(
                "threshold `{s}` has no comparison: write it like `p99<50ms` or `conflict_rate<0.2`"
            )
        })?;
        let (metric, rest) = text.split_at(at);
        let (op, rest) = match rest.strip_prefix("<=") {
            Some(r) => (Op::Le, r),
            None => match rest.strip_prefix(">=") {
                Some(r) => (Op::Ge, r),
                None => match rest.strip_prefix('<') {
                    Some(r) => (Op::Lt, r),
                    None => (Op::Gt, &rest[1..]),
                },
            },
        };
        if !METRICS.iter().any(|(m, _)| *m == metric) {
            let names: Vec<&str> = METRICS.iter().map(|(m, _)| *m).collect();
            return Err(format!(
                "threshold `{s}`: unknown metric `{metric}` (known: {})",
                names.join(", ")
            ));
        }
        let latency = matches!(metric, "mean" | "p50" | "p90" | "p99" | "p999" | "max");
        let (number, scale) = if latency {
            if let Some(n) = rest.strip_suffix("ms") {
                (n, 1.0)
            } else if let Some(n) = rest.strip_suffix("us") {
                (n, 0.001)
            } else if let Some(n) = rest.strip_suffix('s') {
                (n, 1000.0)
            } else {
                (rest, 1.0)
            }
        } else {
            (rest, 1.0)
        };
        let value = number
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite() && *v >= 0.0)
            .ok_or_else(|| format!("threshold `{s}`: `{rest}` is not a number"))?;
        Ok(Threshold {
            metric: metric.to_string(),
            op,
            value: value * scale,
        })
    }
}

impl fmt::Display for Threshold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = if matches!(
            self.metric.as_str(),
            "mean" | "p50" | "p90" | "p99" | "p999" | "max"
        ) {
            "ms"
        } else {
            ""
        };
        write!(f, "{}{}{}{unit}", self.metric, self.op.as_str(), self.value)
    }
}

impl Threshold {
    pub fn check(&self, value: f64) -> bool {
        self.op.holds(value, self.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_ramp_and_add_up() {
        let st: Stages = "10s:100, 30s:1000,10s:0".parse().unwrap();
        assert_eq!(st.total(), std::time::Duration::from_secs(50));
        assert_eq!(st.peak(), 1000.0);
        assert_eq!(st.rate_at(0.0), 0.0);
        assert_eq!(st.rate_at(5.0), 50.0);
        assert_eq!(st.rate_at(25.0), 550.0);
        assert_eq!(st.rate_at(45.0), 500.0);
        assert_eq!(st.rate_at(60.0), 0.0);
        // 10 s to 100/s, 30 s from 100 to 1000, 10 s down to 0.
        assert_eq!(st.arrivals(50.0), 500.0 + 16_500.0 + 5_000.0);
        assert_eq!(st.arrivals(10.0), 500.0);
        assert_eq!(st.scaled(0.5).peak(), 500.0);
        assert_eq!(st.to_string(), "10s:100,30s:1000,10s:0");
        for bad in ["10s", "10s:x", "0s:5", "10s:-1", "1s:0,2s:0", "ten:5"] {
            assert!(bad.parse::<Stages>().is_err(), "{bad}");
        }
    }

    #[test]
    fn parties() {
        assert_eq!("2".parse::<Party>(), Ok(Party { min: 2, max: 2 }));
        assert_eq!("1..4".parse::<Party>(), Ok(Party { min: 1, max: 4 }));
        assert_eq!("1..=4".parse::<Party>(), Ok(Party { min: 1, max: 4 }));
        assert!("4..1".parse::<Party>().unwrap_err().contains("empty"));
        assert!("0".parse::<Party>().is_err());
        assert!("x".parse::<Party>().unwrap_err().contains("`x`"));
    }

    #[test]
    fn hot() {
        let h: Hot = "0.8:0.1".parse().unwrap();
        assert_eq!((h.share, h.fraction), (0.8, 0.1));
        assert!("0.8".parse::<Hot>().unwrap_err().contains("SHARE:FRACTION"));
        assert!("1.5:0.1".parse::<Hot>().unwrap_err().contains("share"));
        assert!("0.5:0".parse::<Hot>().is_err());
    }

    #[test]
    fn thresholds() {
        let t: Threshold = "p99<50ms".parse().unwrap();
        assert_eq!((t.metric.as_str(), t.op, t.value), ("p99", Op::Lt, 50.0));
        assert!(t.check(49.9) && !t.check(50.0));
        let t: Threshold = "p99 <= 1s".parse().unwrap();
        assert_eq!((t.op, t.value), (Op::Le, 1000.0));
        let t: Threshold = "conflict_rate<0.2".parse().unwrap();
        assert_eq!(t.value, 0.2);
        let t: Threshold = "holds_per_s>=100".parse().unwrap();
        assert!(t.check(100.0) && !t.check(99.0));
        assert!(
            "p98<5"
                .parse::<Threshold>()
                .unwrap_err()
                .contains("unknown metric `p98`")
        );
        assert!(
            "p99"
                .parse::<Threshold>()
                .unwrap_err()
                .contains("no comparison")
        );
        assert!(
            "p99<fast"
                .parse::<Threshold>()
                .unwrap_err()
                .contains("not a number")
        );
    }
}
