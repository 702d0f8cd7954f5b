//! `seatctl demo`: a newcomer's first minute. Creates the demo event from the example hall
//! (replacing an earlier demo event) and shows its map.

use clap::Args;
use serde::Serialize;

use super::Ctx;
use super::event::Created;
use super::map::SeatMap;
use crate::commands::reservations::actor;
use crate::domain::layout::{Format, Layout};
use crate::domain::strategy::{Effort, Reserver};
use crate::error::{Error, Result};
use crate::output::{Render, Ui};
use crate::store::{HoldRequest, NewEvent};

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
}

impl Render for Demo {
    fn human(&self, ui: &Ui) -> String {
        let name = &self.event.event.name;
        let sold: String = self.sold.iter().map(|s| format!("  {s}\n")).collect();
        format!(
            "Using the database at {}.\n{}{sold}\n{}\nNext: `seatctl hold '{name}' --best 2`, \
             `seatctl history '{name}'`, `seatctl event show '{name}'`.\n",
            self.database,
            self.event.human(ui),
            self.map.human(ui),
        )
    }
}

/// A few sales through the real hold and reserve paths, so the map shows every state.
async fn sell_some(reserver: &Reserver, event_id: uuid::Uuid) -> Result<Vec<String>> {
    let actor = actor(Some("demo"));
    let mut log = Vec::new();
    for (n, section, reserve) in [
        (4, "Stalls", true),
        (6, "Dress Circle", true),
        (2, "Stalls", false),
        (3, "Gallery", false),
    ] {
        let template = HoldRequest {
            event_id,
            labels: &[],
            ttl_ms: 600_000,
            holder: Some("demo"),
            idempotency_key: None,
            actor: &actor,
            fault: None,
        };
        let mut effort = Effort::default();
        let (hold, _) = reserver
            .hold_best(&template, n, Some(section), None, &mut effort)
            .await?;
        let seats = hold.seats.join(", ");
        if reserve {
            reserver
                .reserve(
                    hold.hold_id,
                    Some("demo customer"),
                    None,
                    &actor,
                    &mut effort,
                )
                .await?;
            log.push(format!(
                "held and reserved the best {n} in {section}: {seats}"
            ));
        } else {
            log.push(format!(
                "held the best {n} in {section} for 10 minutes: {seats}"
            ));
        }
    }
    Ok(log)
}

impl DemoArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<Demo> {
        let layout =
            Layout::parse_bytes(DEMO_LAYOUT.as_bytes(), Format::Toml, "examples/hall.toml")
                .map_err(|e| Error::Internal(anyhow::anyhow!("built-in demo layout: {e}")))?;
        // One connection pool for everything the demo does.
        let reserver = ctx.reserver().await?;
        let store = reserver.store();
        // The demo event is ours: start from a fresh copy on every run.
        match store.find_event(DEMO_EVENT).await {
            Ok(old) if old.name == DEMO_EVENT => store.delete_event(old.id, true).await?,
            Ok(_) | Err(Error::NotFound(_)) | Err(Error::Invalid(_)) => {}
            Err(e) => return Err(e),
        }
        let new = NewEvent {
            name: DEMO_EVENT.into(),
            venue: Some("Example Hall".into()),
            starts_at: None,
        };
        let event = store.create_event(&new, &layout).await?;
        let sold = sell_some(&reserver, event.id).await?;
        let seats = store.list_seats(event.id, None, None).await?;
        Ok(Demo {
            database: ctx.settings.database.to_string(),
            event: Created::new(event.clone(), &layout),
            sold,
            map: SeatMap::new(event, seats, None),
        })
    }
}
