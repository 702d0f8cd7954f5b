//! `seatctl simulate`: races simulated buyers for seats through the same code paths as the
//! `hold`, `reserve` and `release` commands, reports throughput and latency as pgbench, oha
//! and k6 do, and audits the database afterwards. `seatctl simulate merge` combines the JSON
//! results of runs on several hosts.

pub mod engine;
pub mod plot;
pub mod report;
pub mod spec;
pub mod stats;

use std::path::PathBuf;
use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use clap::{Args, Subcommand};
use uuid::Uuid;

use crate::app::Session;
use crate::config::Strategy;
use crate::domain::layout::{Layout, LayoutSeat};
use crate::duration::HumanDuration;
use crate::error::{Error, Result};
use crate::output::Report;
use crate::store::{Expected, NewEvent, Store};
use engine::Plan;
use report::{RunReport, Scenario, SimReport};
use spec::{Hot, Party, Threshold};
use stats::RunData;

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

/// A random id for runs that were not given one.
fn short_id() -> String {
    Uuid::new_v4().simple().to_string()[..8].to_string()
}

impl SimulateArgs {
    fn validate(&self, app: &Session) -> Result<()> {
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

    fn strategies(&self, app: &Session) -> Vec<Strategy> {
        if app.settings.all_strategies {
            vec![Strategy::Occ, Strategy::Redis]
        } else {
            vec![app.settings.strategy]
        }
    }

    fn ttl_ms(&self, app: &Session) -> Result<i64> {
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

    fn plan(&self, app: &Session, strategy: Strategy, seed: u64, prefix: String) -> Result<Plan> {
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

    /// As a worker of `--processes`: run the share of buyers given, print raw results.
    async fn run_worker(self, app: &Session) -> Result<WorkerOutput> {
        let tag = self.worker.clone().unwrap_or_default();
        let run_id = self.run_id.clone().unwrap_or_default();
        let event = self
            .event
            .clone()
            .ok_or_else(|| Error::invalid("a worker needs --event"))?;
        let store = app.store().await?;
        let event = store.find_event(&event).await?;
        store.close().await;
        let seed = self.seed.unwrap_or(0);
        let plan = self.plan(
            app,
            app.settings.strategy,
            seed,
            format!("sim/{run_id}/{tag}/"),
        )?;
        let stop = interrupt_flag();
        let data = engine::run(
            &plan,
            &app.settings.database,
            &app.settings.config,
            &app.settings.redis_url,
            event.id,
            stop,
        )
        .await?;
        Ok(WorkerOutput(data))
    }

    pub(crate) async fn run(self, app: &Session) -> Result<SimReport> {
        self.validate(app)?;
        let seed = self.seed.unwrap_or_else(|| fastrand::u64(..1 << 53));
        let run_id = self.run_id.clone().unwrap_or_else(short_id);
        let tag = format!("{}-{}", crate::app::hostname(), std::process::id());
        let strategies = self.strategies(app);
        for s in &strategies {
            self.plan(app, *s, seed, String::new())?;
        }
        let store = app.store().await?;
        // What to sell: an existing event, or a layout for throw-away events.
        let (existing, layout) = match (&self.event, self.seats, &self.layout) {
            (Some(e), _, _) => {
                let event = store.find_event(e).await?;
                let layout = if strategies.len() > 1 {
                    Some(layout_of(&store, event.id).await?)
                } else {
                    None
                };
                (Some(event), layout)
            }
            (None, Some(n), _) => (
                None,
                Some(Layout::general_admission(n).map_err(Error::Invalid)?),
            ),
            (None, None, Some(path)) => (
                None,
                Some(Layout::from_file(path).map_err(|e| Error::invalid(e.to_string()))?),
            ),
            _ => unreachable!("validated above"),
        };
        let stop = interrupt_flag();
        let mut runs = Vec::new();
        let mut seats = 0;
        for strategy in &strategies {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            // Each strategy gets a fresh copy of the same scenario.
            let (event_id, event_name, throwaway) = match (&existing, &layout) {
                (Some(e), None) => (e.id, e.name.clone(), false),
                (_, Some(layout)) => {
                    let name = format!("seatctl-sim-{run_id}-{strategy}");
                    let new = NewEvent {
                        name: name.clone(),
                        venue: Some("seatctl simulate".into()),
                        starts_at: None,
                    };
                    let event = store.create_event(&new, layout).await?;
                    (event.id, name, true)
                }
                (None, None) => unreachable!("one of them is set"),
            };
            let outcome = self
                .run_one(
                    app,
                    &store,
                    *strategy,
                    seed,
                    &run_id,
                    &tag,
                    event_id,
                    stop.clone(),
                )
                .await;
            if throwaway && !self.keep {
                // Best effort: a failed clean-up must not hide the run's own result.
                let _ = store.delete_event(event_id, true).await;
            }
            let (data, audit) = outcome?;
            seats = audit.seats;
            runs.push(RunReport::new(
                data,
                audit,
                event_id,
                event_name,
                throwaway && !self.keep,
            ));
        }
        store.close().await;
        let scenario = Scenario::new(&self, app, seats);
        let report = SimReport::new(run_id, seed, scenario, runs, &self.thresholds);
        if let Some(path) = &self.report {
            plot::write(path, &report)?;
        }
        Ok(report)
    }

    #[allow(clippy::too_many_arguments)]
    async fn run_one(
        &self,
        app: &Session,
        store: &Store,
        strategy: Strategy,
        seed: u64,
        run_id: &str,
        tag: &str,
        event_id: Uuid,
        stop: Arc<AtomicBool>,
    ) -> Result<(RunData, crate::store::AuditReport)> {
        let s = &app.settings;
        let (data, prefix) = if self.processes <= 1 {
            let prefix = format!("sim/{run_id}/{tag}/");
            let mut plan = self.plan(app, strategy, seed, prefix.clone())?;
            plan.csv = self
                .csv
                .as_ref()
                .map(|p| csv_path(p, strategy, self.strategies(app).len()));
            let data =
                engine::run(&plan, &s.database, &s.config, &s.redis_url, event_id, stop).await?;
            (data, prefix)
        } else {
            (
                self.spawn_workers(app, strategy, seed, run_id, tag, event_id, stop)
                    .await?,
                format!("sim/{run_id}/{tag}."),
            )
        };
        let expected = Expected {
            holder_prefix: &prefix,
            booked: &data.booked,
            unknown: &data.unknown,
        };
        let audit = store.audit(event_id, Some(&expected)).await?;
        Ok((data, audit))
    }

    /// `--processes N`: N copies of this binary, each with its share of buyers, connections,
    /// rate and ops, started together; their raw results are merged here.
    #[allow(clippy::too_many_arguments)]
    async fn spawn_workers(
        &self,
        app: &Session,
        strategy: Strategy,
        seed: u64,
        run_id: &str,
        tag: &str,
        event_id: Uuid,
        stop: Arc<AtomicBool>,
    ) -> Result<RunData> {
        let exe = std::env::current_exe()
            .map_err(|e| Error::Internal(anyhow::anyhow!("cannot find the seatctl binary: {e}")))?;
        let n = self.processes;
        let share =
            |total: u64, i: u32| total / n as u64 + u64::from((i as u64) < total % n as u64);
        let connections = self.connections().max(n) as u64;
        let start_at = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_millis() as u64
            + 1500;
        let s = &app.settings;
        let mut children = Vec::new();
        for i in 0..n {
            let mut cmd = tokio::process::Command::new(&exe);
            cmd.arg("--json")
                .arg("--strategy")
                .arg(strategy.to_string())
                .arg("--database-url")
                .arg(s.database.url())
                .arg("--redis-url")
                .arg(&s.redis_url);
            if let Some(path) = &s.config_path {
                cmd.arg("--config").arg(path);
            }
            cmd.arg("simulate")
                .args(["--worker", &format!("{tag}.{i}")])
                .args(["--run-id", run_id])
                .args(["--event", &event_id.to_string()])
                .args(["--buyers", &share(self.buyers as u64, i).to_string()])
                .args(["--connections", &share(connections, i).max(1).to_string()])
                .args(["--seed", &seed.wrapping_add(i as u64).to_string()])
                .args(["--start-at", &start_at.to_string()])
                .args(["--warmup", &self.warmup.to_string()])
                .args(["--party", &self.party.to_string()])
                .args(["--reserve-ratio", &self.reserve_ratio.to_string()])
                .args(["--abandon", &self.abandon.to_string()])
                .args([
                    "--kill-connection-prob",
                    &self.kill_connection_prob.to_string(),
                ]);
            if let Some(r) = self.rate {
                cmd.args(["--rate", &(r / n as f64).to_string()]);
            }
            if let Some(d) = self.duration {
                cmd.args(["--duration", &d.to_string()]);
            }
            if let Some(ops) = self.ops {
                cmd.args(["--ops", &share(ops, i).max(1).to_string()]);
            }
            if self.best {
                cmd.arg("--best");
            }
            if self.fault_unguarded_writes {
                cmd.arg("--fault-unguarded-writes");
            }
            if let Some(h) = self.hot {
                cmd.args(["--hot", &format!("{}:{}", h.share, h.fraction)]);
            }
            if let Some(t) = self.hold_ttl {
                cmd.args(["--hold-ttl", &t.to_string()]);
            }
            if let Some(p) = self.pause_after_lock {
                cmd.args(["--pause-after-lock", &p.to_string()]);
                cmd.args(["--pause-prob", &self.pause_prob.unwrap_or(0.1).to_string()]);
            }
            cmd.stdout(Stdio::piped())
                .stderr(Stdio::inherit())
                .stdin(Stdio::null())
                .kill_on_drop(true);
            children.push(cmd.spawn().map_err(|e| {
                Error::Internal(anyhow::anyhow!("cannot start worker process {i}: {e}"))
            })?);
        }
        let live = (!app.settings.json && std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .then(|| {
                let bar = indicatif::ProgressBar::new_spinner();
                bar.set_message(format!("{strategy}: {n} worker processes running"));
                bar.enable_steady_tick(Duration::from_millis(200));
                bar
            });
        let mut merged = RunData {
            strategy: strategy.to_string(),
            ..RunData::default()
        };
        let mut failures = Vec::new();
        for (i, child) in children.into_iter().enumerate() {
            let out = child
                .wait_with_output()
                .await
                .map_err(|e| Error::Internal(anyhow::anyhow!("worker process {i} failed: {e}")))?;
            if !out.status.success() {
                failures.push(format!("worker {i} exited with {}", out.status));
                continue;
            }
            match serde_json::from_slice::<RunData>(&out.stdout) {
                Ok(data) => merged.merge(&data),
                Err(e) => failures.push(format!("worker {i} printed no results: {e}")),
            }
        }
        if let Some(bar) = live {
            bar.finish_and_clear();
        }
        merged.interrupted |= stop.load(Ordering::Relaxed);
        if !failures.is_empty() {
            return Err(Error::Unavailable(format!(
                "{} of {n} worker processes failed: {}",
                failures.len(),
                failures.join("; ")
            )));
        }
        Ok(merged)
    }
}

/// With several strategies, `--csv out.csv` becomes `out-occ.csv`, `out-redis.csv`.
fn csv_path(path: &std::path::Path, strategy: Strategy, strategies: usize) -> PathBuf {
    if strategies == 1 {
        return path.to_path_buf();
    }
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("sim");
    let ext = path.extension().and_then(|s| s.to_str()).unwrap_or("csv");
    path.with_file_name(format!("{stem}-{strategy}.{ext}"))
}

/// The layout of an existing event, to give each strategy a fresh copy of it.
async fn layout_of(store: &Store, event_id: Uuid) -> Result<Layout> {
    let seats = store.list_seats(event_id, None, None).await?;
    Ok(Layout {
        seats: seats
            .into_iter()
            .map(|s| LayoutSeat {
                section: s.section,
                row: s.row,
                number: s.number as u32,
                label: s.label,
                category: s.category,
                attributes: s.attributes,
                section_pos: s.section_pos as u32,
                row_pos: s.row_pos as u32,
            })
            .collect(),
    })
}

/// Set on the first Ctrl-C: buyers finish what they started and stop; the run is audited and
/// reported as interrupted.
fn interrupt_flag() -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            flag.store(true, Ordering::Relaxed);
            eprintln!("interrupted: finishing the buys in flight, then auditing");
        }
    });
    stop
}

/// A worker's raw results, printed as one JSON line for the parent.
#[derive(serde::Serialize)]
#[serde(transparent)]
pub struct WorkerOutput(RunData);

impl crate::output::Render for WorkerOutput {
    fn human(&self, _ui: &crate::output::Ui) -> String {
        serde_json::to_string(&self.0).unwrap_or_default() + "\n"
    }
}

impl MergeArgs {
    fn run(self) -> Result<SimReport> {
        let mut reports = Vec::new();
        for path in &self.files {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Error::invalid(format!("cannot read {}: {e}", path.display())))?;
            let report: SimReport = serde_json::from_str(&text).map_err(|e| {
                Error::invalid(format!(
                    "{} is not a `seatctl --json simulate` result: {e}",
                    path.display()
                ))
            })?;
            if report.schema_version != report::SCHEMA_VERSION {
                return Err(Error::invalid(format!(
                    "{} has schema_version {}; this seatctl reads {}",
                    path.display(),
                    report.schema_version,
                    report::SCHEMA_VERSION
                )));
            }
            reports.push((path, report));
        }
        let (first_path, first) = &reports[0];
        for (path, r) in &reports[1..] {
            if r.run_id != first.run_id {
                return Err(Error::invalid(format!(
                    "{} is run `{}` but {} is run `{}`: merge results of one --run-id",
                    path.display(),
                    r.run_id,
                    first_path.display(),
                    first.run_id
                )));
            }
        }
        let merged = SimReport::merge(
            reports.into_iter().map(|(_, r)| r).collect(),
            &self.thresholds,
        );
        if let Some(path) = &self.report {
            plot::write(path, &merged)?;
        }
        Ok(merged)
    }
}
