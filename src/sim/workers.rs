//! `simulate --processes N`: N copies of this binary, each running its share of the buyers,
//! started together; their raw results are merged into one run.

use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use uuid::Uuid;

use super::args::SimulateArgs;
use super::engine;
use super::run::interrupt_flag;
use super::stats::RunData;
use crate::app::Session;
use crate::config::Strategy;
use crate::error::{Error, Result};

impl SimulateArgs {
    /// As a worker of `--processes`: run the share of buyers given, print raw results.
    pub(super) async fn run_worker(self, app: &Session) -> Result<WorkerOutput> {
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

    /// `--processes N`: N copies of this binary, each with its share of buyers, connections,
    /// rate and ops, started together; their raw results are merged here.
    #[allow(clippy::too_many_arguments)]
    pub(super) async fn spawn_workers(
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

/// A worker's raw results, printed as one JSON line for the parent.
#[derive(serde::Serialize)]
#[serde(transparent)]
pub struct WorkerOutput(RunData);

impl crate::output::Render for WorkerOutput {
    fn human(&self, _ui: &crate::output::Ui) -> String {
        serde_json::to_string(&self.0).unwrap_or_default() + "\n"
    }
}
