//! `Spec`: one simulation, fully decided, built from `simulate`'s flags or by `demo` in Rust
//! and sent to `--processes` workers as JSON; `check` holds every builder to the same rules.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::history::Mix;
use super::notation::{Hot, Party, Threshold};
use super::plot;
use crate::app::Session;
use crate::config::Strategy;
use crate::duration::HumanDuration;
use crate::error::{Error, Result};

/// Everything a run needs besides the session (database, Redis, configuration). Every value is
/// resolved: no defaults are left to fill in, so a worker runs exactly what its parent decided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    /// What to sell.
    pub source: Source,
    /// Keep the throw-away event(s) afterwards.
    pub keep: bool,
    /// Sell an event in place although it has holds or reservations no simulation made.
    #[serde(default)]
    pub yes: bool,
    /// Run each in turn, each on its own copy of the event.
    pub strategies: Vec<Strategy>,
    /// Concurrent buyers (closed loop); with `rate`, the most buys in flight.
    pub buyers: u32,
    /// Database connections, one per worker.
    pub connections: u32,
    /// Open loop: arrivals per second (Poisson; with `stages`, the peak). `None`: closed loop.
    pub rate: Option<f64>,
    /// `--stages`: the open loop's rate ramps from stage to stage (`rate` is their peak,
    /// `duration` their total).
    #[serde(default)]
    pub stages: Option<super::notation::Stages>,
    /// How long to measure after the warm-up; `None` only when `ops` ends the run.
    pub duration: Option<HumanDuration>,
    /// Stop after this many measured buys.
    pub ops: Option<u64>,
    pub warmup: HumanDuration,
    /// Seats per buy.
    pub party: Party,
    /// Buyers ask for the best available seats instead of picking.
    pub best: bool,
    /// Buyers take places of this general-admission area instead (`--area`).
    #[serde(default)]
    pub area: Option<String>,
    pub hot: Option<Hot>,
    /// Share of holds turned into reservations.
    pub reserve_ratio: f64,
    /// Share of the holds not reserved that are left to lapse instead of released.
    pub abandon: f64,
    /// `None`: `reservation.hold_ttl` of the configuration.
    pub hold_ttl: Option<HumanDuration>,
    pub seed: u64,
    /// Spread the buyers over this many seatctl processes.
    pub processes: u32,
    pub run_id: String,
    /// A progress bar and line this often (on a terminal, without `--json`); `None`: never.
    pub progress: Option<HumanDuration>,
    pub thresholds: Vec<Threshold>,
    /// One line per buy (one file per strategy when there are several).
    pub csv: Option<PathBuf>,
    /// Plots, `.svg` or `.html`.
    pub report: Option<PathBuf>,
    pub faults: Faults,
    /// Single operations by weight on the run's holds instead of whole buys, every one
    /// recorded and the history checked for linearizability afterwards.
    #[serde(default)]
    pub mix: Option<Mix>,
}

/// What to sell: an existing event, or a throw-away event per strategy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// An existing event (id, name or unique prefix), sold in place: its real seats
    /// (`--event E --in-place`).
    Event(String),
    /// A throw-away copy of an existing event's layout (id, name or unique prefix), one per
    /// strategy: the event's own seats are not touched (`--event E`).
    CopyOf(String),
    /// N general-admission seats.
    Seats(u32),
    /// A layout file (CSV, TOML or JSON).
    Layout(PathBuf),
}

/// Faults injected on purpose, to show correctness survives them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Faults {
    /// A share of holds stall after taking their locks, before writing.
    pub pause: Option<Pause>,
    /// PostgreSQL: a share of holds' connections terminated mid-transaction.
    pub kill_connection_prob: f64,
    /// Test-only sabotage: holds skip the version guard, so the audit must fail.
    pub unguarded_writes: bool,
    /// Test-only sabotage: extends skip their state checks, so the history checker must fail.
    #[serde(default)]
    pub unguarded_extend: bool,
    /// Test-only: a share of holds commit and then answer "outcome unknown".
    #[serde(default)]
    pub lost_answers: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pause {
    pub after: HumanDuration,
    pub prob: f64,
}

impl Spec {
    /// The flags' defaults (32 buyers for 10 s, parties of one, every hold reserved) on
    /// `source`, with the session's strategy (each in turn for `--strategy all`), a random seed
    /// and a random run id. Callers change what they need with `Spec { .., ..Spec::new(..) }`
    /// (`connections` does not follow `buyers` there: set both).
    pub fn new(source: Source, app: &Session) -> Spec {
        Spec {
            source,
            keep: false,
            yes: false,
            strategies: strategies(app),
            buyers: 32,
            connections: 32,
            rate: None,
            stages: None,
            duration: Some(HumanDuration::secs(10)),
            ops: None,
            warmup: HumanDuration::secs(0),
            party: Party { min: 1, max: 1 },
            best: false,
            area: None,
            hot: None,
            reserve_ratio: 1.0,
            abandon: 0.0,
            hold_ttl: None,
            seed: random_seed(),
            processes: 1,
            run_id: random_run_id(),
            progress: Some(HumanDuration::secs(1)),
            thresholds: Vec::new(),
            csv: None,
            report: None,
            faults: Faults::default(),
            mix: None,
        }
    }

    /// Refuses a spec that cannot run, before anything runs, naming the flag to change
    /// (exit 2). The same rules whoever built it: flags, the demo, a worker's share.
    pub fn check(&self, app: &Session) -> Result<()> {
        if matches!(self.source, Source::Event(_)) && self.strategies.len() > 1 {
            return Err(Error::invalid(
                "--in-place sells one event, and --strategy all runs each strategy on its own \
                 copy: leave out one of them",
            ));
        }
        self.check_scale()?;
        self.check_choices(app)?;
        self.check_files()?;
        self.check_output()?;
        if self.faults.kill_connection_prob > 0.0 && !app.settings.database.is_postgres() {
            return Err(Error::invalid(
                "--kill-connection-prob needs PostgreSQL (it terminates the buyer's server connection)",
            ));
        }
        Ok(())
    }

    /// The files the run will write (`--csv`, one per strategy; `--report`): distinct, and
    /// writable now, so a run is not lost for a path found bad only at its end. A file tried
    /// here that did not exist is removed again. Errors: exit 2 naming the flag and the file.
    fn check_files(&self) -> Result<()> {
        let mut paths: Vec<(&str, PathBuf)> = Vec::new();
        if let Some(csv) = &self.csv {
            for &strategy in &self.strategies {
                paths.push((
                    "--csv",
                    super::run::csv_path(csv, strategy, self.strategies.len()),
                ));
            }
        }
        if let Some(report) = &self.report {
            paths.push(("--report", report.clone()));
        }
        for (i, (flag, path)) in paths.iter().enumerate() {
            if let Some((other, _)) = paths[..i].iter().find(|(_, p)| p == path) {
                return Err(Error::invalid(format!(
                    "{other} and {flag} both name {}: give each its own file",
                    path.display()
                )));
            }
            let existed = path.exists();
            let opened = std::fs::OpenOptions::new()
                .append(true)
                .create(true)
                .open(path);
            if let Err(e) = opened {
                return Err(Error::invalid(format!(
                    "{flag} {}: cannot write there ({e}); nothing was run",
                    path.display()
                )));
            }
            if !existed {
                let _ = std::fs::remove_file(path);
            }
        }
        Ok(())
    }

    /// Buyers, processes, connections, rate and length of the run.
    fn check_scale(&self) -> Result<()> {
        if self.strategies.is_empty() {
            return Err(Error::invalid("no strategy to simulate"));
        }
        if self.buyers == 0 {
            return Err(Error::invalid("--buyers must be at least 1"));
        }
        if self.processes == 0 || self.processes > self.buyers {
            return Err(Error::invalid(format!(
                "--processes must be between 1 and --buyers ({})",
                self.buyers
            )));
        }
        if self.connections == 0 {
            return Err(Error::invalid("--connections must be at least 1"));
        }
        if let Some(r) = self.rate
            && !(r.is_finite() && r > 0.0 && r <= 1_000_000.0)
        {
            return Err(Error::invalid(format!(
                "--rate must be between 0 and 1000000 arrivals per second (got {r})"
            )));
        }
        if self.duration.is_some_and(|d| d.0.is_zero()) || self.ops == Some(0) {
            return Err(Error::invalid("--duration and --ops must be above 0"));
        }
        // A simulation is a test that stops by itself: a week is far past any on-sale.
        if self
            .duration
            .is_some_and(|d| d.0 > std::time::Duration::from_secs(7 * 86_400))
        {
            return Err(Error::invalid(
                "--duration (or the --stages in all) is at most 7d",
            ));
        }
        if self.duration.is_none() && self.ops.is_none() {
            return Err(Error::invalid("say when to stop: --duration or --ops"));
        }
        Ok(())
    }

    /// What buyers do: parties, shares and the hold TTL, within the configured limits.
    fn check_choices(&self, app: &Session) -> Result<()> {
        let max = app.settings.config.reservation.max_seats_per_hold;
        if self.party.min == 0 || self.party.min > self.party.max {
            return Err(Error::invalid(format!(
                "--party {}: write N or LO..HI, at least 1",
                self.party
            )));
        }
        if self.party.max > max {
            return Err(Error::invalid(format!(
                "--party {} asks for more seats than reservation.max_seats_per_hold ({max})",
                self.party
            )));
        }
        let hot = self.hot.map_or((0.0, 1.0), |h| (h.share, h.fraction));
        let pause = self.faults.pause.map_or(0.0, |p| p.prob);
        for (flag, p) in [
            ("--reserve-ratio", self.reserve_ratio),
            ("--abandon", self.abandon),
            ("--hot share", hot.0),
            ("--hot fraction", hot.1),
            ("--pause-prob", pause),
            ("--kill-connection-prob", self.faults.kill_connection_prob),
        ] {
            if !(0.0..=1.0).contains(&p) {
                return Err(Error::invalid(format!(
                    "{flag} must be a number between 0 and 1 (got {p})"
                )));
            }
        }
        if hot.1 == 0.0 {
            return Err(Error::invalid("--hot fraction must be above 0"));
        }
        self.ttl_ms(app).map(|_| ())
    }

    /// Progress, run id and the files written.
    fn check_output(&self) -> Result<()> {
        if self
            .progress
            .is_some_and(|p| p.0 < std::time::Duration::from_millis(100))
        {
            return Err(Error::invalid("--progress must be at least 100ms"));
        }
        if let Some(path) = &self.report {
            plot::check_path(path)?;
        }
        let id = &self.run_id;
        if id.is_empty()
            || id.len() > 40
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Err(Error::invalid(format!(
                "--run-id `{id}` must be 1-40 letters, digits, - or _"
            )));
        }
        Ok(())
    }

    /// The hold TTL in ms: `hold_ttl`, else `reservation.hold_ttl`, at most
    /// `reservation.max_hold_ttl`.
    pub(super) fn ttl_ms(&self, app: &Session) -> Result<i64> {
        let r = &app.settings.config.reservation;
        let ttl = self.hold_ttl.unwrap_or(r.hold_ttl);
        if ttl.0.is_zero() || ttl > r.max_hold_ttl {
            return Err(Error::invalid(format!(
                "--hold-ttl must be above 0s and at most reservation.max_hold_ttl ({})",
                r.max_hold_ttl
            )));
        }
        Ok(ttl.0.as_millis() as i64)
    }
}

/// The session's strategy, or both in turn for `--strategy all`.
pub fn strategies(app: &Session) -> Vec<Strategy> {
    if app.settings.all_strategies {
        vec![Strategy::Occ, Strategy::Redis]
    } else {
        vec![app.settings.strategy]
    }
}

/// A seed for runs not given one (below 2^53: exact as a JSON number in any reader).
pub fn random_seed() -> u64 {
    fastrand::u64(..1 << 53)
}

/// A short random id for runs not given one.
pub fn random_run_id() -> String {
    Uuid::new_v4().simple().to_string()[..8].to_string()
}

/// A session on a database that is never opened, for tests of what runs before connecting.
#[cfg(test)]
pub(crate) fn test_session(postgres: bool) -> Session {
    test_session_at(if postgres {
        "postgres://seatctl@localhost/never"
    } else {
        "sqlite://never.db"
    })
}

/// A session on the database at `url`, with the default configuration and `--json`.
#[cfg(test)]
pub(super) fn test_session_at(url: &str) -> Session {
    use crate::config::{Config, DatabaseTarget, Settings};
    Session::new(Settings {
        config: Config::default(),
        config_path: None,
        database: DatabaseTarget::parse(url, "test").unwrap(),
        redis_url: "redis://127.0.0.1:6379".into(),
        strategy: Strategy::Occ,
        all_strategies: false,
        json: true,
        color: false,
        verbose: 0,
        operator: "test".into(),
        zone: crate::output::Zone::Local,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ExitCode;

    #[test]
    fn the_defaults_pass_and_survive_json() {
        let app = test_session(false);
        let spec = Spec::new(Source::Seats(100), &app);
        spec.check(&app).unwrap();
        let json = serde_json::to_string(&spec).unwrap();
        assert!(json.contains(r#""source":{"seats":100}"#), "{json}");
        assert!(json.contains(r#""duration":"10s""#), "{json}");
        assert_eq!(serde_json::from_str::<Spec>(&json).unwrap(), spec);
        let unknown = json.replacen('{', r#"{"surprise":1,"#, 1);
        assert!(serde_json::from_str::<Spec>(&unknown).is_err());
    }

    #[test]
    fn check_refuses_what_cannot_run_naming_the_flag() {
        let app = test_session(false);
        let base = Spec::new(Source::Seats(100), &app);
        type Change = fn(&mut Spec);
        let cases: &[(Change, &str)] = &[
            (|s| s.buyers = 0, "--buyers"),
            (|s| s.processes = 0, "--processes"),
            (|s| s.processes = 33, "--processes"),
            (|s| s.connections = 0, "--connections"),
            (|s| s.rate = Some(0.0), "--rate"),
            (|s| s.rate = Some(f64::NAN), "--rate"),
            (|s| s.ops = Some(0), "--ops"),
            (|s| s.duration = Some(HumanDuration::secs(0)), "--duration"),
            (
                |s| (s.duration, s.ops) = (None, None),
                "--duration or --ops",
            ),
            (
                |s| s.party = Party { min: 1, max: 11 },
                "max_seats_per_hold",
            ),
            (|s| s.party = Party { min: 3, max: 2 }, "--party"),
            (|s| s.reserve_ratio = 1.5, "--reserve-ratio"),
            (|s| s.abandon = -0.1, "--abandon"),
            (
                |s| {
                    s.hot = Some(Hot {
                        share: 0.5,
                        fraction: 0.0,
                    })
                },
                "--hot fraction",
            ),
            (|s| s.hold_ttl = Some(HumanDuration::secs(0)), "--hold-ttl"),
            (
                |s| s.hold_ttl = Some(HumanDuration::secs(86_400)),
                "max_hold_ttl",
            ),
            (
                |s| s.progress = Some(HumanDuration::millis(10)),
                "--progress",
            ),
            (|s| s.report = Some("plot.png".into()), ".svg or .html"),
            (|s| s.run_id = "a b".into(), "--run-id"),
            (|s| s.run_id = String::new(), "--run-id"),
            (|s| s.strategies.clear(), "no strategy"),
            (|s| s.faults.kill_connection_prob = 0.1, "PostgreSQL"),
            (
                |s| {
                    s.faults.pause = Some(Pause {
                        after: HumanDuration::millis(5),
                        prob: 2.0,
                    })
                },
                "--pause-prob",
            ),
        ];
        for (change, want) in cases {
            let mut spec = base.clone();
            change(&mut spec);
            let err = spec.check(&app).unwrap_err();
            assert_eq!(err.exit_code(), ExitCode::Usage, "{err}");
            assert!(err.to_string().contains(want), "want `{want}` in: {err}");
        }
        // The same faults are fine where they can run.
        let pg = test_session(true);
        let mut faulty = Spec::new(Source::Seats(100), &pg);
        faulty.faults.kill_connection_prob = 0.1;
        faulty.faults.pause = Some(Pause {
            after: HumanDuration::millis(5),
            prob: 0.5,
        });
        faulty.check(&pg).unwrap();
    }
}
