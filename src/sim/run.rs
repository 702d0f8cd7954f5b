//! Running `simulate`: for each strategy a fresh event (or the existing one), the buyers in
//! this process or in `--processes` workers, then the audit and the report.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use uuid::Uuid;

use super::args::SimulateArgs;
use super::engine;
use super::plot;
use super::report::{RunReport, Scenario, SimReport};
use super::stats::RunData;
use crate::app::Session;
use crate::config::Strategy;
use crate::domain::layout::{Layout, LayoutSeat};
use crate::error::{Error, Result};
use crate::store::{Expected, NewEvent, Store};

/// A random id for runs that were not given one.
fn short_id() -> String {
    Uuid::new_v4().simple().to_string()[..8].to_string()
}

impl SimulateArgs {
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
pub(super) fn interrupt_flag() -> Arc<AtomicBool> {
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
