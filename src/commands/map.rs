//! `seatctl map EVENT`: the seat map, for box-office staff at a terminal.

use clap::Args;

use super::Ctx;
use crate::contract::SeatMap;
use crate::error::Result;
use crate::output::{Render, Ui};
use crate::ui::map::{MapStyle, render_selected};

#[derive(Debug, Args)]
pub struct MapArgs {
    /// Event id, name, or unique name prefix
    pub event: String,
    /// Draw only this section
    #[arg(long)]
    pub section: Option<String>,
    /// Width to draw for [default: the terminal's width, else $COLUMNS, else 80]
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(24..))]
    pub width: Option<u16>,
    /// Highlight these seats (labels or ranges along a row, e.g. A-12..A-15)
    #[arg(long, num_args = 1.., value_name = "SEAT")]
    pub highlight: Vec<String>,
}

impl Render for SeatMap {
    fn human(&self, ui: &Ui) -> String {
        let e = &self.event;
        let mut head = e.name.clone();
        if let Some(venue) = &e.venue {
            head.push_str(&format!(" — {venue}"));
        }
        if let Some(starts) = &e.starts_at {
            head.push_str(&format!(" — {}", crate::output::starts(starts)));
        }
        let style = MapStyle {
            color: ui.color,
            width: self.width.unwrap_or(ui.width),
        };
        format!(
            "{head}\n{}",
            render_selected(&self.raw, style, &self.selected)
        )
    }
}

impl MapArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<SeatMap> {
        let (event, seats, selected) = ctx
            .seat_map(&self.event, self.section.as_deref(), &self.highlight)
            .await?;
        Ok(SeatMap::new(event, seats, self.width.map(usize::from)).select(selected))
    }
}
