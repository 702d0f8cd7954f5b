//! The `simulate` command line: clap structs for `simulate` and `simulate merge`, their
//! validation, and the per-strategy `Plan` built from them.

use std::path::PathBuf;
use std::time::{Duration, UNIX_EPOCH};

use clap::{Args, Subcommand};

use super::plan::Plan;
use super::plot;
use super::spec::{self, Hot, Party, Threshold};
use crate::app::Session;
use crate::config::Strategy;
use crate::duration::HumanDuration;
use crate::error::{Error, Result};
use crate::output::Report;

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct SimulateCommand {
    #[command(subcommand)]
    pub sub: Option<SimulateSub>,
    #[command(flatten)]
    pub args: SimulateArgs,
}

#[derive(Debug, Subcommand)]
pub enum SimulateSub {
    /// Merge `simulate --json` results from several hosts (same --run-id) into one report
    Merge(MergeArgs),
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
    /// Run against this existing event (id, name or unique prefix)
    #[arg(long, value_name = "EVENT", conflicts_with_all = ["seats", "layout"], help_heading = "Scenario")]
    pub event: Option<String>,
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
    /// Skew, SHARE:FRACTION: e.g. 0.8:0.1, 80% of buyers want seats in the best 10%
    #[arg(long, value_name = "SHARE:FRACTION", help_heading = "Scenario")]
    pub hot: Option<Hot>,
    /// Share of holds turned into reservations; the rest are released (or abandoned)
    #[arg(long, default_value_t = 1.0, value_parser = ratio, value_name = "P", help_heading = "Scenario")]
    pub reserve_ratio: f64,
    /// Share of the holds not reserved that are left to lapse instead of released
    #[arg(long, default_value_t = 0.0, value_parser = ratio, value_name = "P", help_heading = "Scenario")]
    pub abandon: f64,
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
    /// Internal: run as a worker process of --processes and print raw results
    #[arg(long, hide = true)]
    pub worker: Option<String>,
    /// Internal: wall-clock start for worker processes (Unix milliseconds)
    #[arg(long, hide = true)]
    pub start_at: Option<u64>,
}

/// For callers that build a simulation from flags (the demo).
#[derive(Debug, clap::Parser)]
#[command(name = "simulate")]
pub(crate) struct SimulateFlags {
    #[command(flatten)]
    pub args: SimulateArgs,
}

fn ratio(s: &str) -> std::result::Result<f64, String> {
    spec::probability(s, "the value")
}

impl SimulateCommand {
    pub async fn run(self, app: &Session) -> anyhow::Result<Box<dyn Report>> {
        match self.sub {
            Some(SimulateSub::Merge(m)) => Ok(Box::new(m.run()?)),
            None if self.args.worker.is_some() => Ok(Box::new(self.args.run_worker(app).await?)),
            None => Ok(Box::new(self.args.run(app).await?)),
        }
    }
}

impl SimulateArgs {
    pub(super) fn validate(&self, app: &Session) -> Result<()> {
        if self.event.is_none() && self.seats.is_none() && self.layout.is_none() {
            return Err(Error::invalid(
                "say what to sell: --event EVENT (an existing event), --seats N or --layout FILE",
            ));
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
        if self.progress.0 < Duration::from_millis(100) {
            return Err(Error::invalid("--progress must be at least 100ms"));
        }
        if self.pause_prob.is_some() && self.pause_after_lock.is_none() {
            return Err(Error::invalid(
                "--pause-prob needs --pause-after-lock DURATION",
            ));
        }
        if let Some(path) = &self.report {
            plot::check_path(path)?;
        }
        if self.kill_connection_prob > 0.0 && !app.settings.database.is_postgres() {
            return Err(Error::invalid(
                "--kill-connection-prob needs PostgreSQL (it terminates the buyer's server connection)",
            ));
        }
        if let Some(id) = &self.run_id
            && (id.is_empty()
                || id.len() > 40
                || !id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        {
            return Err(Error::invalid(format!(
                "--run-id `{id}` must be 1-40 letters, digits, - or _"
            )));
        }
        Ok(())
    }

    /// `--connections`, defaulting to one per buyer up to 32.
    pub(crate) fn connections(&self) -> u32 {
        self.connections.unwrap_or(self.buyers.min(32)).max(1)
    }

    pub(super) fn strategies(&self, app: &Session) -> Vec<Strategy> {
        if app.settings.all_strategies {
            vec![Strategy::Occ, Strategy::Redis]
        } else {
            vec![app.settings.strategy]
        }
    }

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

    pub(super) fn plan(
        &self,
        app: &Session,
        strategy: Strategy,
        seed: u64,
        prefix: String,
    ) -> Result<Plan> {
        let max = app.settings.config.reservation.max_seats_per_hold;
        if self.party.max > max {
            return Err(Error::invalid(format!(
                "--party {} asks for more seats than reservation.max_seats_per_hold ({max})",
                self.party
            )));
        }
        let interactive = !app.settings.json && self.worker.is_none();
        Ok(Plan {
            strategy,
            buyers: self.buyers,
            connections: self.connections(),
            rate: self.rate,
            warmup: self.warmup.0,
            duration: match (self.duration, self.ops) {
                (Some(d), _) => Some(d.0),
                (None, Some(_)) => None,
                (None, None) => Some(Duration::from_secs(10)),
            },
            ops: self.ops,
            party: self.party,
            best: self.best,
            hot: self.hot,
            reserve_ratio: self.reserve_ratio,
            abandon: self.abandon,
            ttl_ms: self.ttl_ms(app)?,
            seed,
            pause: self
                .pause_after_lock
                .map(|d| (d.0, self.pause_prob.unwrap_or(0.1))),
            kill_prob: self.kill_connection_prob,
            unguarded: self.fault_unguarded_writes,
            holder_prefix: prefix,
            progress: interactive.then_some(self.progress.0),
            csv: None,
            start_at: self
                .start_at
                .map(|ms| UNIX_EPOCH + Duration::from_millis(ms)),
        })
    }
}
