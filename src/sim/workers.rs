//! `simulate --processes N`: N copies of this binary, each given its share of the `Spec` as
//! JSON and started together; their raw results are merged into one run.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use tokio::process::Child;
use uuid::Uuid;

use super::engine;
use super::plan::Plan;
use super::run::interrupt_flag;
use super::spec::{Source, Spec};
use super::stats::RunData;
use crate::app::Session;
use crate::config::Strategy;
use crate::error::{Error, Result};

/// What one worker process is given, as JSON in the hidden `simulate --worker-plan` flag: its
/// share of the run, the names its holds go by, and when to start.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkerPlan {
    /// One strategy on the parent's event (by id), with this worker's buyers, connections,
    /// rate, ops and seed.
    pub spec: Spec,
    /// Every holder name starts with it; the parent audits by the prefix all workers share.
    pub holder_prefix: String,
    /// Wall-clock start in Unix milliseconds, so that all workers begin together.
    pub start_at_ms: u64,
    /// This worker's buyers are numbered from here in its CSV lines (the buyers of the
    /// workers before it come first).
    #[serde(default)]
    pub buyer_offset: u64,
}

impl Spec {
    /// Worker `i`'s share of `processes`: buyers, connections and ops split as evenly as whole
    /// numbers allow, the rate divided, a seed of its own; one strategy on the parent's event.
    /// Output is the parent's: no progress, thresholds or plots of its own; with `--csv`, a
    /// part file (`<file>.part<i>`) that the parent merges into the file.
    fn share(&self, i: u32, strategy: Strategy, event_id: Uuid) -> Spec {
        let n = self.processes;
        let share = |total: u64| total / n as u64 + u64::from((i as u64) < total % n as u64);
        Spec {
            source: Source::Event(event_id.to_string()),
            // The parent has made the event (a copy) or been told to sell it in place.
            yes: true,
            strategies: vec![strategy],
            buyers: share(self.buyers as u64) as u32,
            connections: share(self.connections.max(n) as u64).max(1) as u32,
            rate: self.rate.map(|r| r / n as f64),
            stages: self.stages.as_ref().map(|s| s.scaled(1.0 / n as f64)),
            ops: self.ops.map(|ops| share(ops).max(1)),
            seed: self.seed.wrapping_add(i as u64),
            processes: 1,
            progress: None,
            thresholds: Vec::new(),
            csv: self
                .csv
                .as_ref()
                .map(|p| part_path(&super::run::csv_path(p, strategy, self.strategies.len()), i)),
            report: None,
            ..self.clone()
        }
    }
}

/// Starts `spec.processes` workers of this binary on `event_id` and merges their results.
/// Worker `i`'s holder names start with `{holder_prefix}{i}/`.
pub(super) async fn spawn(
    spec: &Spec,
    app: &Session,
    strategy: Strategy,
    holder_prefix: &str,
    event_id: Uuid,
    stop: Arc<AtomicBool>,
) -> Result<RunData> {
    let exe = std::env::current_exe()
        .map_err(|e| Error::Internal(anyhow::anyhow!("cannot find the seatctl binary: {e}")))?;
    let start_at_ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_millis() as u64
        + 1500;
    let mut children = Vec::new();
    let mut buyer_offset = 0;
    for i in 0..spec.processes {
        let share = spec.share(i, strategy, event_id);
        let buyers = share.buyers as u64;
        let plan = WorkerPlan {
            spec: share,
            holder_prefix: format!("{holder_prefix}{i}/"),
            start_at_ms,
            buyer_offset,
        };
        buyer_offset += buyers;
        let mut cmd = tokio::process::Command::new(&exe);
        cmd.args(worker_args(app, strategy, &plan)?)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .stdin(Stdio::null())
            .kill_on_drop(true);
        children.push(cmd.spawn().map_err(|e| {
            Error::Internal(anyhow::anyhow!("cannot start worker process {i}: {e}"))
        })?);
    }
    let data = gather(children, app, strategy, stop).await;
    if let Some(csv) = &spec.csv {
        let path = super::run::csv_path(csv, strategy, spec.strategies.len());
        let parts: Vec<PathBuf> = (0..spec.processes).map(|i| part_path(&path, i)).collect();
        let merged = merge_csv(&parts, &path);
        for part in &parts {
            let _ = std::fs::remove_file(part);
        }
        merged?;
    }
    data
}

/// Where worker `i` writes its CSV lines: `<file>.part<i>` beside the file.
fn part_path(path: &std::path::Path, i: u32) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".part{i}"));
    path.with_file_name(name)
}

/// The workers' CSV parts as one file: one header, every line, ordered by start time (the
/// workers start together, each counting from its own start).
fn merge_csv(parts: &[PathBuf], path: &std::path::Path) -> Result<()> {
    let fail = |e: &dyn std::fmt::Display| {
        Error::invalid(format!("cannot write --csv {}: {e}", path.display()))
    };
    let mut header = None;
    let mut rows: Vec<csv::StringRecord> = Vec::new();
    for part in parts {
        let mut r = csv::Reader::from_path(part).map_err(|e| fail(&e))?;
        header.get_or_insert(r.headers().map_err(|e| fail(&e))?.clone());
        for row in r.records() {
            rows.push(row.map_err(|e| fail(&e))?);
        }
    }
    let start = |r: &csv::StringRecord| r.get(0).and_then(|s| s.parse::<f64>().ok()).unwrap_or(0.0);
    rows.sort_by(|a, b| start(a).total_cmp(&start(b)));
    let file = std::fs::File::create(path).map_err(|e| fail(&e))?;
    let mut w = crate::output::csv_writer(file);
    if let Some(h) = header {
        w.write_record(&h).map_err(|e| fail(&e))?;
    }
    for row in &rows {
        w.write_record(row).map_err(|e| fail(&e))?;
    }
    w.flush().map_err(|e| fail(&e))
}

/// One worker's command line: the session as resolved here (database, Redis, configuration)
/// in global flags, and the whole run in the plan.
fn worker_args(app: &Session, strategy: Strategy, plan: &WorkerPlan) -> Result<Vec<OsString>> {
    let s = &app.settings;
    let json = serde_json::to_string(plan)
        .map_err(|e| Error::Internal(anyhow::anyhow!("worker plan: {e}")))?;
    let mut args: Vec<OsString> = vec![
        "--json".into(),
        "--strategy".into(),
        strategy.to_string().into(),
        "--database-url".into(),
        s.database.url().into(),
        "--redis-url".into(),
        s.redis_url.clone().into(),
    ];
    if let Some(path) = &s.config_path {
        args.extend(["--config".into(), path.into()]);
    }
    // Workers log as the parent does (their stderr is the parent's).
    args.extend((0..s.verbose).map(|_| OsString::from("-v")));
    args.extend(["simulate".into(), "--worker-plan".into(), json.into()]);
    Ok(args)
}

/// Waits for every worker and merges their raw results; one failed worker fails the run.
async fn gather(
    children: Vec<Child>,
    app: &Session,
    strategy: Strategy,
    stop: Arc<AtomicBool>,
) -> Result<RunData> {
    let n = children.len();
    let live =
        (!app.settings.json && std::io::IsTerminal::is_terminal(&std::io::stderr())).then(|| {
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
            if out.status.code() == Some(crate::error::ExitCode::PermissionDenied.code()) {
                return Err(Error::PermissionDenied(format!(
                    "worker process {i}: the database refused this login an operation (see its \
                     message above)"
                )));
            }
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

/// As one worker of `--processes`: runs the share given and returns its raw results.
pub async fn run_worker(plan: WorkerPlan, app: &Session) -> Result<RunData> {
    let spec = &plan.spec;
    spec.check(app)?;
    let (Source::Event(event), &[strategy]) = (&spec.source, spec.strategies.as_slice()) else {
        return Err(Error::invalid(
            "--worker-plan: a worker runs one strategy on an existing event",
        ));
    };
    let event = app.find_event(event).await?;
    let plan = Plan {
        start_at: Some(UNIX_EPOCH + Duration::from_millis(plan.start_at_ms)),
        buyer_offset: plan.buyer_offset,
        ..spec.plan(app, strategy, plan.holder_prefix.clone())?
    };
    let stop = interrupt_flag();
    let data = engine::run(&plan, app, event.id, stop).await?;
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::layout::Layout;
    use crate::duration::HumanDuration;
    use crate::sim::notation::Party;
    use crate::sim::spec::{test_session, test_session_at};
    use crate::store::{Expected, NewEvent};

    #[test]
    fn shares_add_up_to_the_whole_run() {
        let app = test_session(false);
        let spec = Spec {
            buyers: 10,
            connections: 5,
            processes: 4,
            ops: Some(102),
            rate: Some(200.0),
            seed: 40,
            party: Party { min: 1, max: 3 },
            warmup: HumanDuration::millis(200),
            ..Spec::new(Source::Seats(30), &app)
        };
        let event = Uuid::new_v4();
        let shares: Vec<Spec> = (0..4)
            .map(|i| spec.share(i, Strategy::Redis, event))
            .collect();
        let sum = |f: fn(&Spec) -> u64| shares.iter().map(f).sum::<u64>();
        assert_eq!(sum(|s| s.buyers as u64), 10);
        assert_eq!(sum(|s| s.ops.unwrap()), 102);
        // At least one connection per process, however few were asked for.
        assert_eq!(sum(|s| s.connections as u64), 5);
        assert!(shares.iter().all(|s| s.rate == Some(50.0)));
        let seeds: Vec<u64> = shares.iter().map(|s| s.seed).collect();
        assert_eq!(seeds, [40, 41, 42, 43]);
        for s in &shares {
            assert_eq!(s.source, Source::Event(event.to_string()));
            assert_eq!(s.strategies, [Strategy::Redis]);
            assert_eq!((s.processes, s.progress, &s.csv), (1, None, &None));
            // Everything else is the parent's.
            assert_eq!(
                (s.party, s.warmup, &s.run_id),
                (spec.party, spec.warmup, &spec.run_id)
            );
            s.check(&app).unwrap();
        }
    }

    #[test]
    fn a_worker_plan_survives_its_trip_through_json() {
        let app = test_session(false);
        let spec = Spec {
            processes: 2,
            ..Spec::new(Source::Seats(30), &app)
        };
        let plan = WorkerPlan {
            spec: spec.share(1, Strategy::Occ, Uuid::new_v4()),
            holder_prefix: "sim/r/host-1.1/".into(),
            start_at_ms: 1_700_000_000_000,
            buyer_offset: 0,
        };
        let json = serde_json::to_string(&plan).unwrap();
        assert_eq!(serde_json::from_str::<WorkerPlan>(&json).unwrap(), plan);
    }

    #[test]
    fn a_worker_command_line_parses_back_into_its_plan() {
        use clap::Parser;
        let mut app = test_session(true);
        app.settings.verbose = 2;
        let spec = Spec {
            processes: 2,
            buyers: 8,
            ..Spec::new(Source::Seats(30), &app)
        };
        let plan = WorkerPlan {
            spec: spec.share(0, Strategy::Redis, Uuid::new_v4()),
            holder_prefix: "sim/r/host-1.0/".into(),
            start_at_ms: 1_700_000_000_000,
            buyer_offset: 0,
        };
        let args = worker_args(&app, Strategy::Redis, &plan).unwrap();
        let cli =
            crate::Cli::try_parse_from(std::iter::once("seatctl".into()).chain(args)).unwrap();
        assert!(cli.global.json);
        assert_eq!(cli.global.verbose, 2, "workers log as the parent does");
        assert_eq!(
            cli.global.database_url.as_deref(),
            Some("postgres://seatctl@localhost/never")
        );
        let Some(crate::cli::Command::Simulate(cmd)) = cli.command else {
            panic!("not simulate")
        };
        let json = cmd.worker_plan.unwrap();
        assert_eq!(serde_json::from_str::<WorkerPlan>(&json).unwrap(), plan);
    }

    #[tokio::test]
    async fn a_worker_runs_one_strategy_on_an_existing_event() {
        let app = test_session(false);
        let spec = Spec::new(Source::Seats(30), &app);
        let plan = WorkerPlan {
            spec,
            holder_prefix: "sim/r/x.0/".into(),
            start_at_ms: 0,
            buyer_offset: 0,
        };
        let err = run_worker(plan, &app).await.err().unwrap();
        assert!(
            err.to_string()
                .contains("one strategy on an existing event"),
            "{err}"
        );
    }

    /// A worker, given its plan, runs its share on the parent's event; the parent's audit
    /// (here by the same prefix) finds every booking it reports.
    #[tokio::test]
    async fn a_worker_runs_its_plan_on_the_parents_event() {
        let dir = tempfile::tempdir().unwrap();
        let app = test_session_at(&format!("sqlite://{}", dir.path().join("sim.db").display()));
        let store = app.store().await.unwrap();
        let layout = Layout::general_admission(20).unwrap();
        let new = NewEvent {
            name: "shared".into(),
            venue: None,
            starts_at: None,
        };
        let event = store.create_event(&new, &layout).await.unwrap();
        let spec = Spec {
            buyers: 4,
            processes: 2,
            duration: Some(HumanDuration::secs(5)),
            ops: Some(30),
            ..Spec::new(Source::Seats(20), &app)
        };
        let plan = WorkerPlan {
            spec: spec.share(1, Strategy::Occ, event.id),
            holder_prefix: "sim/t/host.1/".into(),
            start_at_ms: 0,
            buyer_offset: 0,
        };
        let plan = serde_json::from_str(&serde_json::to_string(&plan).unwrap()).unwrap();
        let out = serde_json::to_value(run_worker(plan, &app).await.unwrap()).unwrap();
        let data: RunData = serde_json::from_value(out).unwrap();
        assert_eq!(data.outcomes.buys(), 15, "half of --ops");
        assert!(data.outcomes.booked > 0);
        let expected = Expected {
            holder_prefix: "sim/t/host.",
            booked: &data.booked,
            unknown: &data.unknown,
        };
        let audit = store.audit(event.id, Some(&expected)).await.unwrap();
        assert!(audit.ok, "{audit:?}");
    }
}
