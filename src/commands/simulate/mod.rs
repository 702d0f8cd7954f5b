//! `seatctl simulate` and `simulate merge`: the flags, turned into the simulator's typed `Spec`
//! (`SimulateArgs::into_spec`), run by `crate::sim`, and its report rendered.

mod render;

pub use render::WorkerOutput;

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::app::Session;
use crate::duration::HumanDuration;
use crate::error::{Error, Result};
use crate::output::Report;
use crate::sim::history::Mix;
use crate::sim::notation::{self, Hot, Party, Threshold};
use crate::sim::spec::{self, Faults, Pause, Source, Spec};
use crate::sim::workers::{self, WorkerPlan};

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct SimulateCommand {
    #[command(subcommand)]
    pub sub: Option<SimulateSub>,
    #[command(flatten)]
    pub args: SimulateArgs,
    /// Internal: run as one worker process of --processes, with this share of the run (JSON),
    /// and print raw results
    #[arg(
        long,
        hide = true,
        value_name = "JSON",
        conflicts_with = "SimulateArgs"
    )]
    pub worker_plan: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum SimulateSub {
    /// Merge `simulate --json` results from several hosts (same --run-id) into one report
    Merge(MergeArgs),
    /// Compare a run with a baseline, metric by metric; exit 11 when a --threshold budget is
    /// exceeded
    Compare(CompareArgs),
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The baseline: a file written by `seatctl --json simulate … > FILE` (or `simulate merge`)
    #[arg(value_name = "BASE")]
    pub base: PathBuf,
    /// The run to judge against it
    #[arg(value_name = "NEW")]
    pub new: PathBuf,
    /// How far a metric may move: 'p99+10%' (grow by at most 10%), 'holds_per_s-5%' (fall by
    /// at most 5%); repeatable; exceeded: exit 11
    #[arg(long = "threshold", value_name = "BUDGET")]
    pub thresholds: Vec<crate::sim::compare::Budget>,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// JSON files written by `seatctl --json simulate --run-id ID … > FILE`
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Check a metric of every strategy's merged run, e.g. 'p99<50ms' (repeatable; exit 11)
    #[arg(long = "threshold", value_name = "EXPR")]
    pub thresholds: Vec<Threshold>,
    /// Write plots of latency percentiles and throughput over time (.svg or .html)
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct SimulateArgs {
    /// Run on a throw-away copy of this event's layout (id, name or unique prefix); its own
    /// seats are not touched unless --in-place
    #[arg(long, value_name = "EVENT", conflicts_with_all = ["seats", "layout"], help_heading = "Scenario")]
    pub event: Option<String>,
    /// With --event: sell the event's own seats (real holds and reservations, left in place);
    /// refused when the event has holds or reservations no simulation made, unless --yes
    #[arg(long, requires = "event", help_heading = "Scenario")]
    pub in_place: bool,
    /// With --in-place: sell the event's seats even though it has real holds or reservations
    #[arg(long, requires = "in_place", help_heading = "Scenario")]
    pub yes: bool,
    /// Create a throw-away event with N general-admission seats
    #[arg(
        long,
        value_name = "N",
        conflicts_with = "layout",
        help_heading = "Scenario"
    )]
    pub seats: Option<u32>,
    /// Create a throw-away event from this layout file (CSV, TOML or JSON)
    #[arg(long, value_name = "FILE", help_heading = "Scenario")]
    pub layout: Option<PathBuf>,
    /// Keep the throw-away event(s) afterwards, for inspection
    #[arg(long, help_heading = "Scenario")]
    pub keep: bool,
    /// Concurrent buyers (closed loop); with --rate, the most buys in flight at once
    #[arg(
        long,
        default_value_t = 32,
        value_name = "N",
        help_heading = "Scenario"
    )]
    pub buyers: u32,
    /// Database connections, one per worker [default: min(buyers, 32)]
    #[arg(long, value_name = "N", help_heading = "Scenario")]
    pub connections: Option<u32>,
    /// Open loop: R arrivals per second (Poisson); latency counts from each scheduled start
    #[arg(long, value_name = "R", help_heading = "Scenario")]
    pub rate: Option<f64>,
    /// Open loop ramping from stage to stage: DURATION:RATE,… (k6's stages), e.g.
    /// 10s:100,30s:1000,10s:0 (to 100/s over 10 s, to 1000/s over 30 s, down to 0 over 10 s);
    /// the run lasts their total
    #[arg(
        long,
        value_name = "STAGES",
        help_heading = "Scenario",
        conflicts_with_all = ["rate", "duration", "ops"]
    )]
    pub stages: Option<notation::Stages>,
    /// How long to measure, after the warm-up [default: 10s unless --ops]
    #[arg(long, value_name = "DURATION", help_heading = "Scenario")]
    pub duration: Option<HumanDuration>,
    /// Stop after N measured buys instead
    #[arg(long, value_name = "N", help_heading = "Scenario")]
    pub ops: Option<u64>,
    /// Run this long first without counting it
    #[arg(
        long,
        default_value = "0s",
        value_name = "DURATION",
        help_heading = "Scenario"
    )]
    pub warmup: HumanDuration,
    /// Seats per buyer: fixed (2) or a range (1..4)
    #[arg(
        long,
        default_value = "1",
        value_name = "N|LO..HI",
        help_heading = "Scenario"
    )]
    pub party: Party,
    /// Buyers ask for the best available seats instead of picking seats
    #[arg(long, help_heading = "Scenario")]
    pub best: bool,
    /// Buyers take --party places of this general-admission area instead of seats
    #[arg(
        long,
        value_name = "AREA",
        conflicts_with = "best",
        help_heading = "Scenario"
    )]
    pub area: Option<String>,
    /// Skew, SHARE:FRACTION: e.g. 0.8:0.1, 80% of buyers want seats in the best 10%
    #[arg(long, value_name = "SHARE:FRACTION", help_heading = "Scenario")]
    pub hot: Option<Hot>,
    /// Share of holds turned into reservations; the rest are released (or abandoned)
    #[arg(long, default_value_t = 1.0, value_parser = ratio, value_name = "P", help_heading = "Scenario")]
    pub reserve_ratio: f64,
    /// Share of the holds not reserved that are left to lapse instead of released
    #[arg(long, default_value_t = 0.0, value_parser = ratio, value_name = "P", help_heading = "Scenario")]
    pub abandon: f64,
    /// Single operations by weight instead of whole buys: extend, reserve and release act on
    /// any recent hold of the run, from any process; every answer is then checked (history
    /// checker, exit 10); --reserve-ratio and --abandon do not apply. E.g.
    /// hold=50,extend=10,reserve=25,release=15
    #[arg(long, value_name = "OP=W,…", help_heading = "Scenario")]
    pub mix: Option<Mix>,
    /// Hold TTL [default: reservation.hold_ttl]
    #[arg(long, value_name = "DURATION", help_heading = "Scenario")]
    pub hold_ttl: Option<HumanDuration>,
    /// Seed for seat choice, skew and decisions [default: random, printed in the report]
    #[arg(long, value_name = "N", help_heading = "Scenario")]
    pub seed: Option<u64>,
    /// Spread the buyers over N seatctl processes (as many terminals would)
    #[arg(
        long,
        default_value_t = 1,
        value_name = "N",
        help_heading = "Scale-out"
    )]
    pub processes: u32,
    /// Name this run, so that results from several hosts can be merged
    #[arg(long, value_name = "ID", help_heading = "Scale-out")]
    pub run_id: Option<String>,
    /// A progress line this often (on a terminal only; never with --json)
    #[arg(
        long,
        default_value = "1s",
        value_name = "DURATION",
        help_heading = "Output"
    )]
    pub progress: HumanDuration,
    /// Fail (exit 11) unless a metric holds, e.g. 'p99<50ms', 'conflict_rate<0.2' (repeatable)
    #[arg(long = "threshold", value_name = "EXPR", help_heading = "Output")]
    pub thresholds: Vec<Threshold>,
    /// Write one CSV line per buy (start, end, buyer, seats, strategy, outcome, tries)
    #[arg(long, value_name = "FILE", help_heading = "Output")]
    pub csv: Option<PathBuf>,
    /// Write plots of latency percentiles and throughput over time (.svg or .html)
    #[arg(long, value_name = "FILE", help_heading = "Output")]
    pub report: Option<PathBuf>,
    /// Fault: a buyer stalls this long after taking its locks, before writing
    #[arg(long, value_name = "DURATION", help_heading = "Faults")]
    pub pause_after_lock: Option<HumanDuration>,
    /// Fault: share of holds that stall (with --pause-after-lock) [default: 0.1]
    #[arg(long, value_parser = ratio, value_name = "P", help_heading = "Faults")]
    pub pause_prob: Option<f64>,
    /// Fault (PostgreSQL): share of holds whose connection the server terminates mid-transaction
    #[arg(long, default_value_t = 0.0, value_parser = ratio, value_name = "P", help_heading = "Faults")]
    pub kill_connection_prob: f64,
    /// Test-only sabotage: hold without the version guard, to show the audit catches it
    #[arg(long, hide = true)]
    pub fault_unguarded_writes: bool,
    /// Test-only sabotage (with --mix): extend without checking the hold's state, to show the
    /// history checker catches it
    #[arg(long, hide = true)]
    pub fault_unguarded_extend: bool,
    /// Test-only: share of holds whose answer is lost after they commit (as when a connection
    /// breaks once COMMIT was sent), so the buyer must retry with its idempotency key
    #[arg(long, default_value_t = 0.0, value_parser = ratio, hide = true)]
    pub fault_lost_answers: f64,
}

fn ratio(s: &str) -> std::result::Result<f64, String> {
    notation::probability(s, "the value")
}

impl SimulateCommand {
    pub async fn run(self, app: &Session) -> anyhow::Result<Box<dyn Report>> {
        match (self.sub, self.worker_plan) {
            (Some(SimulateSub::Compare(c)), _) => Ok(Box::new(crate::sim::compare::compare(
                &c.base,
                &c.new,
                &c.thresholds,
            )?)),
            (Some(SimulateSub::Merge(m)), _) => Ok(Box::new(crate::sim::merge::merge(
                &m.files,
                &m.thresholds,
                m.report.as_deref(),
            )?)),
            (None, Some(json)) => {
                let plan: WorkerPlan = serde_json::from_str(&json).map_err(|e| {
                    Error::invalid(format!("--worker-plan is not a worker plan: {e}"))
                })?;
                Ok(Box::new(WorkerOutput(
                    workers::run_worker(plan, app).await?,
                )))
            }
            (None, None) => Ok(Box::new(self.args.into_spec(app)?.run(app).await?)),
        }
    }
}

impl SimulateArgs {
    /// The run these flags ask for, with every default resolved (connections, duration, seed,
    /// run id, strategies), refused with exit 2 if it cannot run (see [`Spec::check`]).
    pub fn into_spec(self, app: &Session) -> Result<Spec> {
        if self.in_place && self.event.is_none() {
            return Err(Error::invalid(
                "--in-place sells an existing event's own seats: it needs --event EVENT",
            ));
        }
        if self.yes && !self.in_place {
            return Err(Error::invalid(
                "--yes confirms selling an event in place: it needs --event EVENT --in-place",
            ));
        }
        let source = match (self.event, self.seats, self.layout) {
            (Some(event), _, _) if self.in_place => Source::Event(event),
            (Some(event), _, _) => Source::CopyOf(event),
            (None, Some(n), _) => Source::Seats(n),
            (None, None, Some(path)) => Source::Layout(path),
            (None, None, None) => {
                return Err(Error::invalid(
                    "say what to sell: --event EVENT (an existing event), --seats N or --layout FILE",
                ));
            }
        };
        if self.mix.is_some() && matches!(source, Source::Event(_)) {
            return Err(Error::invalid(
                "--mix needs a throw-away event (--seats N, --layout FILE, or --event E without \
                 --in-place): its history checker must see every change to the seats, and others \
                 may sell from an event in place",
            ));
        }
        if self.fault_unguarded_extend && self.mix.is_none_or(|m| m.extend <= 0.0) {
            return Err(Error::invalid(
                "--fault-unguarded-extend needs --mix with an extend weight above 0",
            ));
        }
        if self.pause_prob.is_some() && self.pause_after_lock.is_none() {
            return Err(Error::invalid(
                "--pause-prob needs --pause-after-lock DURATION",
            ));
        }
        if self.stages.is_some() && !self.warmup.0.is_zero() {
            return Err(Error::invalid(
                "--stages ramps up by itself: drop --warmup (the whole ramp is measured)",
            ));
        }
        let spec = Spec {
            source,
            keep: self.keep,
            yes: self.yes,
            strategies: spec::strategies(app),
            buyers: self.buyers,
            connections: self.connections.unwrap_or(self.buyers.min(32)).max(1),
            rate: self.stages.as_ref().map(|s| s.peak()).or(self.rate),
            stages: self.stages.clone(),
            duration: match (self.duration, self.ops) {
                _ if self.stages.is_some() => {
                    self.stages.as_ref().map(|s| HumanDuration(s.total()))
                }
                (Some(d), _) => Some(d),
                (None, Some(_)) => None,
                (None, None) => Some(HumanDuration::secs(10)),
            },
            ops: self.ops,
            warmup: self.warmup,
            party: self.party,
            best: self.best,
            area: self.area,
            hot: self.hot,
            reserve_ratio: self.reserve_ratio,
            abandon: self.abandon,
            hold_ttl: self.hold_ttl,
            seed: self.seed.unwrap_or_else(spec::random_seed),
            processes: self.processes,
            run_id: self.run_id.unwrap_or_else(spec::random_run_id),
            progress: Some(self.progress),
            thresholds: self.thresholds,
            csv: self.csv,
            report: self.report,
            faults: Faults {
                pause: self.pause_after_lock.map(|after| Pause {
                    after,
                    prob: self.pause_prob.unwrap_or(0.1),
                }),
                kill_connection_prob: self.kill_connection_prob,
                unguarded_writes: self.fault_unguarded_writes,
                unguarded_extend: self.fault_unguarded_extend,
                lost_answers: self.fault_lost_answers,
            },
            mix: self.mix,
        };
        spec.check(app)?;
        Ok(spec)
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;
    use crate::cli::{Cli, Command};
    use crate::sim::spec::test_session;

    fn parse(args: &[&str]) -> std::result::Result<SimulateCommand, clap::Error> {
        let cli = Cli::try_parse_from(["seatctl", "simulate"].iter().chain(args))?;
        match cli.command {
            Some(Command::Simulate(cmd)) => Ok(*cmd),
            other => panic!("not simulate: {other:?}"),
        }
    }

    #[test]
    fn flag_defaults_are_the_spec_defaults() {
        let app = test_session(false);
        let spec = parse(&["--seats", "50"])
            .unwrap()
            .args
            .into_spec(&app)
            .unwrap();
        let new = Spec::new(Source::Seats(50), &app);
        assert_eq!(
            spec,
            Spec {
                seed: spec.seed,
                run_id: spec.run_id.clone(),
                ..new
            }
        );
    }

    #[test]
    fn flags_are_resolved_into_the_spec() {
        let app = test_session(false);
        let spec = parse(&[
            "--event",
            "gala",
            "--buyers",
            "40",
            "--ops",
            "100",
            "--seed",
            "9",
            "--run-id",
            "r-1",
            "--pause-after-lock",
            "20ms",
            "--party",
            "1..3",
        ])
        .unwrap()
        .args
        .into_spec(&app)
        .unwrap();
        assert_eq!(spec.source, Source::CopyOf("gala".into()));
        assert_eq!(
            (spec.connections, spec.duration, spec.ops),
            (32, None, Some(100))
        );
        assert_eq!((spec.seed, spec.run_id.as_str()), (9, "r-1"));
        assert_eq!(spec.party, Party { min: 1, max: 3 });
        assert_eq!(
            spec.faults.pause,
            Some(Pause {
                after: HumanDuration::millis(20),
                prob: 0.1
            })
        );
    }

    #[test]
    fn flags_only_a_command_line_can_get_wrong_are_refused() {
        let app = test_session(false);
        for (args, want) in [
            (&[][..], "say what to sell"),
            (
                &["--seats", "5", "--pause-prob", "0.5"][..],
                "--pause-after-lock",
            ),
            (&["--seats", "5", "--buyers", "0"][..], "--buyers"),
        ] {
            let err = parse(args).unwrap().args.into_spec(&app).unwrap_err();
            assert_eq!(
                err.exit_code(),
                crate::error::ExitCode::Usage,
                "{args:?}: {err}"
            );
            assert!(err.to_string().contains(want), "{args:?}: {err}");
        }
    }

    #[test]
    fn the_worker_plan_flag_is_hidden_and_stands_alone() {
        let cmd = parse(&["--worker-plan", "{}"]).unwrap();
        assert_eq!(cmd.worker_plan.as_deref(), Some("{}"));
        let err = parse(&["--worker-plan", "{}", "--seats", "5"]).unwrap_err();
        assert_eq!(
            err.kind(),
            clap::error::ErrorKind::ArgumentConflict,
            "{err}"
        );
        let help = <Cli as clap::CommandFactory>::command()
            .find_subcommand_mut("simulate")
            .unwrap()
            .render_long_help()
            .to_string();
        assert!(
            help.contains("--processes") && !help.contains("--worker"),
            "{help}"
        );
    }
}
