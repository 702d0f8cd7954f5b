//! `seatctl demo`: a newcomer's first minute. Creates the demo event from the example hall
//! (replacing an earlier demo event), sells and releases a few seats through the real paths,
//! shows the map and the sales report, then races simulated buyers for a small throw-away
//! event and audits it.

use clap::Args;
use serde::Serialize;

use super::Ctx;
use crate::app::actor;
use crate::app::{BestOrder, EventOrder, HoldOrder, LayoutSource, Session};
use crate::contract::SeatMap;
use crate::contract::{Created, EventReport};
use crate::domain::layout::{Format, Layout};
use crate::duration::HumanDuration;
use crate::error::{Error, Result};
use crate::output::{Render, Ui};
use crate::sim::notation::{Hot, Party};
use crate::sim::report::SimReport;
use crate::sim::{Source, Spec};

pub const DEMO_EVENT: &str = "seatctl demo";
const DEMO_LAYOUT: &str = include_str!("../../examples/hall.toml");

#[derive(Debug, Args)]
pub struct DemoArgs {}

#[derive(Debug, Serialize)]
pub struct Demo {
    pub database: String,
    pub event: Created,
    /// What the demo's box office did, in order.
    pub sold: Vec<String>,
    pub map: SeatMap,
    pub report: EventReport,
    /// A short contention simulation on a throw-away event, with its audit.
    pub simulation: SimReport,
}

impl Render for Demo {
    fn human(&self, ui: &Ui) -> String {
        let name = &self.event.event.name;
        let sold: String = self.sold.iter().map(|s| format!("  {s}\n")).collect();
        let sim = &self.simulation;
        let run = &sim.runs[0];
        let o = &run.outcomes;
        let verdict = if run.audit.ok {
            "audit passed: no seat sold twice, every buyer's answer matches the database"
        } else {
            "AUDIT FAILED"
        };
        // Every buy ends one way: the parts add up to the buys.
        let mut ends = vec![
            format!("{} booked", o.booked),
            format!("{} released by the buyer", o.released),
            format!("{} turned away (seat taken)", o.seat_taken),
        ];
        for (n, what) in [
            (o.done, "held"),
            (o.abandoned, "abandoned (left to lapse)"),
            (o.gave_up, "gave up after retries"),
            (o.hold_expired, "lapsed before the buyer paid"),
            (o.indeterminate, "with no answer"),
            (o.backend_error, "backend errors"),
        ] {
            if n > 0 {
                ends.push(format!("{n} {what}"));
            }
        }
        format!(
            "Using the database at {}.\n{}{sold}\n{}\n{}\nContention: {} buyers raced for {} seats \
             for {:.1} s ({} strategy, seed {}):\n  {} buys: {}; {} lost races retried;\n  \
             buy latency p50 {:.2} ms, p99 {:.2} ms;\n  {verdict}.\n\n\
             Next: `seatctl hold '{name}' --best 2`, `seatctl history '{name}'`, \
             `seatctl simulate --seats 1000 --buyers 64 --strategy all`.\n",
            self.database,
            self.event.human(ui),
            self.map.human(ui),
            self.report.human(ui),
            sim.scenario.buyers,
            sim.scenario.seats,
            run.measured_s,
            run.strategy,
            sim.seed,
            run.buys,
            ends.join(", "),
            o.retries,
            run.latency_ms.p50,
            run.latency_ms.p99,
        )
    }
}

/// A few sales through the real hold and reserve paths, so the map shows every state.
async fn sell_some(app: &Session, event_id: uuid::Uuid) -> Result<Vec<String>> {
    let by = actor("demo");
    let mut log = Vec::new();
    for (n, section, reserve) in [
        (4, "Stalls", true),
        (6, "Dress Circle", true),
        (2, "Stalls", false),
        (3, "Gallery", false),
    ] {
        let order = HoldOrder {
            event: event_id.to_string(),
            best: Some(BestOrder {
                n,
                section: Some(section.into()),
                ..BestOrder::default()
            }),
            ttl: Some(HumanDuration::secs(600)),
            holder: Some("demo".into()),
            ..HoldOrder::default()
        };
        let hold = app.hold(&order).await?.hold;
        let seats = hold.seats.join(", ");
        if reserve {
            app.reserve(hold.hold_id, Some("demo customer"), None, &by)
                .await?;
            log.push(format!(
                "held and reserved the best {n} in {section}: {seats}"
            ));
        } else {
            log.push(format!(
                "held the best {n} in {section} for 10 minutes: {seats}"
            ));
            if section == "Stalls" {
                // The customer changed their mind.
                app.release(hold.hold_id, &by, false).await?;
                log.push(format!("released those {n} in {section} again: {seats}"));
            }
        }
    }
    Ok(log)
}

impl DemoArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<Demo> {
        let layout =
            Layout::parse_bytes(DEMO_LAYOUT.as_bytes(), Format::Toml, "examples/hall.toml")
                .map_err(|e| Error::Internal(anyhow::anyhow!("built-in demo layout: {e}")))?;
        // The demo event is ours: start from a fresh copy on every run.
        match ctx.find_event(DEMO_EVENT).await {
            Ok(old) if old.name == DEMO_EVENT => {
                ctx.delete_event(old, true).await?;
            }
            Ok(_) | Err(Error::NotFound(_)) | Err(Error::Invalid(_)) => {}
            Err(e) => return Err(e),
        }
        let created = ctx
            .create_event(&EventOrder {
                name: DEMO_EVENT.into(),
                venue: Some("Example Hall".into()),
                starts_at: None,
                layout: LayoutSource::Parsed(layout),
                if_not_exists: false,
            })
            .await?;
        let event = created.event.clone();
        let sold = sell_some(ctx, event.id).await?;
        let (event, seats, _) = ctx.seat_map(&event.id.to_string(), None, &[]).await?;
        let report = ctx
            .report(&event.id.to_string(), HumanDuration::secs(600))
            .await?;
        // A short race for a small throw-away event: enough to show contention and the audit.
        let spec = Spec {
            buyers: 16,
            connections: 16,
            duration: Some(HumanDuration::secs(2)),
            party: Party { min: 1, max: 3 },
            hot: Some(Hot {
                share: 0.8,
                fraction: 0.2,
            }),
            reserve_ratio: 0.7,
            seed: 1,
            ..Spec::new(Source::Seats(300), ctx)
        };
        let simulation = spec.run(ctx).await?;
        Ok(Demo {
            database: ctx.settings.database.to_string(),
            event: created,
            sold,
            map: SeatMap::new(event, seats, None),
            report,
            simulation,
        })
    }
}
