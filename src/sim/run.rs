//! Running a `Spec`: for each strategy a fresh event (or the existing one), the buyers in this
//! process or in `--processes` workers, then the audit and the report.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use uuid::Uuid;

use super::engine;
use super::history::{self, HistoryReport};
use super::plan::Plan;
use super::plot;
use super::report::{RunReport, Scenario, SimReport};
use super::spec::{Source, Spec};
use super::stats::RunData;
use super::workers;
use crate::app::Session;
use crate::app::{EventOrder, Expected, LayoutSource};
use crate::config::Strategy;
use crate::contract::AuditReport;
use crate::domain::layout::{Layout, LayoutArea, LayoutSeat};
use crate::domain::{Event, Seat};
use crate::error::{Error, Result};

impl Spec {
    /// Runs the simulation and reports it; Ctrl-C stops the buyers, and what ran is still
    /// audited and reported. Checks the spec first, whoever built it.
    pub async fn run(&self, app: &Session) -> Result<SimReport> {
        self.check(app)?;
        // Names this process's holds apart from other hosts' in a shared run.
        let tag = format!("{}-{}", crate::app::hostname(), std::process::id());
        let (existing, layout) = self.what_to_sell(app).await?;
        let stop = interrupt_flag();
        let mut runs = Vec::new();
        let mut seats = 0;
        for &strategy in &self.strategies {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            // Each strategy gets a fresh copy of the same scenario.
            let (event, throwaway) = match (&existing, &layout) {
                (Some(e), None) => (e.clone(), false),
                (_, Some(layout)) => {
                    let order = EventOrder {
                        name: format!("seatctl-sim-{}-{strategy}", self.run_id),
                        venue: Some("seatctl simulate".into()),
                        starts_at: None,
                        layout: LayoutSource::Parsed(layout.clone()),
                        if_not_exists: false,
                    };
                    (app.create_event(&order).await?.event, true)
                }
                (None, None) => unreachable!("one of them is set"),
            };
            let (event_id, event_name) = (event.id, event.name.clone());
            let outcome = self
                .run_one(app, strategy, &tag, event_id, stop.clone())
                .await;
            if outcome.is_err() && throwaway && !self.keep {
                // A run that failed (a bad --area, a refused login) leaves no copy behind.
                let _ = app.delete_event(event.clone(), true).await;
            }
            let audited = outcome
                .as_ref()
                .is_ok_and(|(_, audit, _)| audit.unavailable.is_none());
            // An event whose audit could not run is kept, to be audited later.
            let removed = throwaway && !self.keep && audited;
            if removed {
                // Best effort: a failed clean-up must not hide the run's own result.
                let _ = app.delete_event(event, true).await;
            }
            let (data, audit, history) = outcome?;
            seats = audit.seats;
            runs.push(RunReport::new(
                data, audit, history, event_id, event_name, removed,
            ));
        }
        let scenario = Scenario::new(self, app, seats);
        let mut report = SimReport::new(
            self.run_id.clone(),
            self.seed,
            scenario,
            runs,
            &self.thresholds,
        );
        if let Some(csv) = &self.csv {
            for &strategy in &self.strategies {
                let path = csv_path(csv, strategy, self.strategies.len());
                report.files.push(path.display().to_string());
            }
        }
        if let Some(path) = &self.report {
            plot::write(path, &report)?;
            report.files.push(path.display().to_string());
        }
        Ok(report)
    }

    /// An existing event sold in place (with its layout, to copy, when several strategies take
    /// turns), or a layout for throw-away events (a copy of an event's, by default). In place,
    /// an event with holds or reservations no simulation made is refused (exit 3) without
    /// `--yes`: simulated buyers would sell its real seats.
    async fn what_to_sell(&self, app: &Session) -> Result<(Option<Event>, Option<Layout>)> {
        Ok(match &self.source {
            Source::CopyOf(e) => {
                let event = app.find_event(e).await?;
                let seats = app.seats(&event.id.to_string(), None, None).await?;
                (None, Some(layout_of(seats)))
            }
            Source::Event(e) => {
                let event = app.find_event(e).await?;
                if !self.yes {
                    app.check_no_real_sales(&event).await?;
                }
                let layout = if self.strategies.len() > 1 {
                    Some(layout_of(
                        app.seats(&event.id.to_string(), None, None).await?,
                    ))
                } else {
                    None
                };
                (Some(event), layout)
            }
            Source::Seats(n) => (
                None,
                Some(Layout::general_admission(*n).map_err(Error::Invalid)?),
            ),
            Source::Layout(path) => (
                None,
                Some(Layout::from_file(path).map_err(|e| Error::invalid(e.to_string()))?),
            ),
        })
    }

    /// One strategy on one event: the buyers here or in worker processes, then the audit of
    /// the event against what the buyers were told.
    async fn run_one(
        &self,
        app: &Session,
        strategy: Strategy,
        tag: &str,
        event_id: Uuid,
        stop: Arc<AtomicBool>,
    ) -> Result<(RunData, AuditReport, Option<HistoryReport>)> {
        // Expiries come from the database's clock, call times from ours.
        let clock = match self.mix {
            Some(_) => app.clock_offset().await?,
            None => history::Clock::default(),
        };
        let (data, prefix) = if self.processes <= 1 {
            let prefix = format!("sim/{}/{tag}/", self.run_id);
            let plan = self.plan(app, strategy, prefix.clone())?;
            let data = engine::run(&plan, app, event_id, stop).await?;
            (data, prefix)
        } else {
            // Every worker's holder names start with this prefix (see `workers::spawn`).
            let prefix = format!("sim/{}/{tag}.", self.run_id);
            let data = workers::spawn(self, app, strategy, &prefix, event_id, stop).await?;
            (data, prefix)
        };
        // A mixed run's reservations come and go by other buyers' hands: what each buyer was
        // told is read from the history, which is checked first.
        let history = self.mix.map(|_| history::check(&data.history, clock));
        let (booked, unknown) = match self.mix {
            Some(_) => history::told(&data.history),
            None => (data.booked.clone(), data.unknown.clone()),
        };
        let expected = Expected {
            holder_prefix: &prefix,
            booked: &booked,
            unknown: &unknown,
        };
        // A database still down at the end must not cost the run's figures: the report says
        // the audit could not run (exit 6) and keeps the event for a later `seatctl audit`.
        let audit = match app.audit_run(event_id, &expected).await {
            Ok(audit) => audit,
            Err(e) if e.is_outage() => AuditReport::unavailable(e.to_string()),
            Err(e) => return Err(e),
        };
        Ok((data, audit, history))
    }

    /// One strategy's run as the engine needs it: durations, the TTL in ms, the live view only
    /// on a terminal without `--json`, the CSV file for this strategy.
    pub(super) fn plan(
        &self,
        app: &Session,
        strategy: Strategy,
        holder_prefix: String,
    ) -> Result<Plan> {
        Ok(Plan {
            strategy,
            buyers: self.buyers,
            connections: self.connections,
            rate: self.rate,
            stages: self.stages.clone(),
            warmup: self.warmup.0,
            duration: self.duration.map(|d| d.0),
            ops: self.ops,
            party: self.party,
            best: self.best,
            area: self.area.clone(),
            hot: self.hot,
            reserve_ratio: self.reserve_ratio,
            abandon: self.abandon,
            ttl_ms: self.ttl_ms(app)?,
            seed: self.seed,
            pause: self.faults.pause.map(|p| (p.after.0, p.prob)),
            kill_prob: self.faults.kill_connection_prob,
            unguarded: self.faults.unguarded_writes,
            unguarded_extend: self.faults.unguarded_extend,
            lost_answers: self.faults.lost_answers,
            mix: self.mix,
            run_prefix: format!("sim/{}/", self.run_id),
            holder_prefix,
            progress: self.progress.filter(|_| !app.settings.json).map(|d| d.0),
            csv: self
                .csv
                .as_ref()
                .map(|p| csv_path(p, strategy, self.strategies.len())),
            buyer_offset: 0,
            start_at: None,
        })
    }
}

/// With several strategies, `--csv out.csv` becomes `out-occ.csv`, `out-redis.csv`.
pub(super) fn csv_path(path: &std::path::Path, strategy: Strategy, strategies: usize) -> PathBuf {
    if strategies == 1 {
        return path.to_path_buf();
    }
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("sim");
    let ext = path.extension().and_then(|s| s.to_str()).unwrap_or("csv");
    path.with_file_name(format!("{stem}-{strategy}.{ext}"))
}

/// The layout of an existing event's seats, to give each strategy a fresh copy of it.
fn layout_of(seats: Vec<Seat>) -> Layout {
    let mut areas: Vec<LayoutArea> = Vec::new();
    for s in seats.iter().filter(|s| s.area) {
        match areas.last_mut() {
            Some(a) if a.name == s.section => a.capacity += 1,
            _ => areas.push(LayoutArea {
                name: s.section.clone(),
                category: s.category.clone(),
                capacity: 1,
            }),
        }
    }
    Layout {
        areas,
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
                seat_pos: s.seat_pos.map(|p| p as u32),
                external_id: s.external_id,
                area: s.area,
            })
            .collect(),
    }
}

/// Set on the first Ctrl-C or SIGTERM (a supervisor's stop, `kill PID`): buyers finish what
/// they started and stop; the run is audited, reported as interrupted (exit 130), and its
/// throw-away events deleted, as after a run that ended on time.
pub(super) fn interrupt_flag() -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    tokio::spawn(async move {
        let terminated = async {
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(mut term) => {
                    term.recv().await;
                }
                Err(_) => std::future::pending::<()>().await,
            }
        };
        tokio::select! {
            interrupted = tokio::signal::ctrl_c() => {
                if interrupted.is_err() {
                    return;
                }
            }
            () = terminated => {}
        }
        flag.store(true, Ordering::Relaxed);
        eprintln!("interrupted: finishing the buys in flight, then auditing");
    });
    stop
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::spec::test_session_at;

    fn sqlite_session(dir: &std::path::Path) -> Session {
        test_session_at(&format!("sqlite://{}", dir.join("sim.db").display()))
    }

    /// The whole path in this process on SQLite: throw-away event, buyers, CSV, audit, report.
    #[tokio::test]
    async fn a_spec_runs_end_to_end_on_sqlite() {
        let dir = tempfile::tempdir().unwrap();
        let app = sqlite_session(dir.path());
        let csv = dir.path().join("buys.csv");
        let spec = Spec {
            buyers: 4,
            connections: 4,
            duration: None,
            ops: Some(40),
            reserve_ratio: 0.5,
            seed: 3,
            csv: Some(csv.clone()),
            ..Spec::new(Source::Seats(100), &app)
        };
        let report = spec.run(&app).await.unwrap();
        assert_eq!(report.verdict, "ok");
        assert_eq!((report.seed, &report.run_id), (3, &spec.run_id));
        let run = &report.runs[0];
        assert_eq!(run.buys, 40);
        assert!(run.audit.ok && run.event_removed);
        assert_eq!(report.scenario.ops, Some(40));
        assert_eq!(report.scenario.duration_s, None);
        let lines = std::fs::read_to_string(&csv).unwrap().lines().count();
        assert_eq!(lines, 41, "a header and one line per buy");
    }
}
