//! `seatctl map EVENT`: the seat map, for box-office staff at a terminal.

use clap::Args;
use serde::Serialize;

use super::Ctx;
use crate::domain::labels;
use crate::domain::{Event, Seat, SeatStatus, StatusCounts};
use crate::error::Error;
use crate::error::Result;
use crate::output::{Render, Ui, time};
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

#[derive(Debug, Serialize)]
pub struct MapSeat {
    pub label: String,
    pub number: i64,
    pub status: SeatStatus,
}

#[derive(Debug, Serialize)]
pub struct MapRow {
    pub row: String,
    pub seats: Vec<MapSeat>,
}

#[derive(Debug, Serialize)]
pub struct MapSection {
    pub section: String,
    pub rows: Vec<MapRow>,
}

#[derive(Debug, Serialize)]
pub struct SeatMap {
    pub event: Event,
    pub counts: StatusCounts,
    pub sections: Vec<MapSection>,
    /// Highlighted seats.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub selected: Vec<String>,
    #[serde(skip)]
    raw: Vec<Seat>,
    #[serde(skip)]
    width: Option<usize>,
}

impl SeatMap {
    pub fn new(event: Event, seats: Vec<Seat>, width: Option<usize>) -> SeatMap {
        let mut counts = StatusCounts::default();
        let mut sections: Vec<MapSection> = Vec::new();
        for s in &seats {
            counts.add(s.status, 1);
            if sections.last().is_none_or(|x| x.section != s.section) {
                sections.push(MapSection {
                    section: s.section.clone(),
                    rows: Vec::new(),
                });
            }
            let section = sections.last_mut().expect("pushed above");
            if section.rows.last().is_none_or(|r| r.row != s.row) {
                section.rows.push(MapRow {
                    row: s.row.clone(),
                    seats: Vec::new(),
                });
            }
            let row = section.rows.last_mut().expect("pushed above");
            row.seats.push(MapSeat {
                label: s.label.clone(),
                number: s.number,
                status: s.status,
            });
        }
        SeatMap {
            event,
            counts,
            sections,
            selected: Vec::new(),
            raw: seats,
            width,
        }
    }
}

impl SeatMap {
    /// Highlights `labels` on the map.
    pub fn select(mut self, labels: Vec<String>) -> SeatMap {
        self.selected = labels;
        self
    }
}

impl Render for SeatMap {
    fn human(&self, ui: &Ui) -> String {
        let e = &self.event;
        let mut head = e.name.clone();
        if let Some(venue) = &e.venue {
            head.push_str(&format!(" — {venue}"));
        }
        if let Some(starts) = &e.starts_at {
            head.push_str(&format!(" — {}", time(starts)));
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
        let store = ctx.store().await?;
        let event = store.find_event(&self.event).await?;
        if let Some(section) = &self.section {
            ctx.check_section(event.id, section).await?;
        }
        let seats = store
            .list_seats(event.id, None, self.section.as_deref())
            .await?;
        let tokens: Vec<String> = self
            .highlight
            .iter()
            .flat_map(|t| labels::split(t))
            .collect();
        // Highlighted seats are checked against the whole event, not only the drawn section.
        let all = if self.section.is_some() && !tokens.is_empty() {
            store.list_seats(event.id, None, None).await?
        } else {
            Vec::new()
        };
        let known = if all.is_empty() { &seats } else { &all };
        let selected = labels::expand(&tokens, known).map_err(Error::invalid)?;
        if let Some(e) = labels::unknown(&selected, known) {
            return Err(e);
        }
        Ok(SeatMap::new(event, seats, self.width.map(usize::from)).select(selected))
    }
}
