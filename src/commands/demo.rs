//! `seatctl demo`: a newcomer's first minute. Creates the demo event from the example hall
//! (replacing an earlier demo event) and shows its map.

use clap::Args;
use serde::Serialize;

use super::Ctx;
use super::event::Created;
use super::map::SeatMap;
use crate::domain::layout::{Format, Layout};
use crate::error::{Error, Result};
use crate::output::{Render, Ui};
use crate::store::NewEvent;

pub const DEMO_EVENT: &str = "seatctl demo";
const DEMO_LAYOUT: &str = include_str!("../../examples/hall.toml");

#[derive(Debug, Args)]
pub struct DemoArgs {}

#[derive(Debug, Serialize)]
pub struct Demo {
    pub database: String,
    pub event: Created,
    pub map: SeatMap,
}

impl Render for Demo {
    fn human(&self, ui: &Ui) -> String {
        let name = &self.event.event.name;
        format!(
            "Using the database at {}.\n{}\n{}\nNext: `seatctl event show '{name}'`, \
             `seatctl seats '{name}' --section Gallery`, `seatctl event list`.\n",
            self.database,
            self.event.human(ui),
            self.map.human(ui),
        )
    }
}

impl DemoArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<Demo> {
        let layout =
            Layout::parse_bytes(DEMO_LAYOUT.as_bytes(), Format::Toml, "examples/hall.toml")
                .map_err(|e| Error::Internal(anyhow::anyhow!("built-in demo layout: {e}")))?;
        let store = ctx.store().await?;
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
        let seats = store.list_seats(event.id, None, None).await?;
        Ok(Demo {
            database: ctx.settings.database.to_string(),
            event: Created {
                event: event.clone(),
                seats: layout.len() as i64,
                sections: layout
                    .seats
                    .last()
                    .map_or(0, |s| s.section_pos as usize + 1),
                created: true,
            },
            map: SeatMap::new(event, seats, None),
        })
    }
}
