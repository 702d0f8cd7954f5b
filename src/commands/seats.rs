//! `seatctl seats EVENT [--status S] [--section S]`: the seats of an event, in layout order.

use clap::Args;
use serde::Serialize;

use super::Ctx;
use crate::domain::{Seat, SeatStatus, SectionCounts};
use crate::error::Result;
use crate::output::{Render, Ui, opt};

#[derive(Debug, Args)]
pub struct SeatsArgs {
    /// Event id, name, or unique name prefix
    pub event: String,
    /// Only seats in this state (a lapsed hold counts as available)
    #[arg(long, value_parser = status_parser())]
    pub status: Option<SeatStatus>,
    /// Only seats in this section
    #[arg(long)]
    pub section: Option<String>,
    /// Print CSV (a header row, then one row per seat) instead of a table
    #[arg(long)]
    pub csv: bool,
}

/// The four states, offered to the shell's completion and listed in the usage error.
fn status_parser() -> impl clap::builder::TypedValueParser<Value = SeatStatus> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(["available", "held", "reserved", "blocked"])
        .map(|s| s.parse::<SeatStatus>().expect("one of the four states"))
}

/// The seats (JSON: an array of them, places of general-admission areas left out) and, for
/// people, the areas' counts after them.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct SeatList(
    pub Vec<Seat>,
    #[serde(skip)] pub Vec<SectionCounts>,
    #[serde(skip)] pub Option<SeatStatus>,
);

impl Render for SeatList {
    fn human(&self, ui: &Ui) -> String {
        let areas: String = self
            .1
            .iter()
            .map(|a| {
                let c = &a.counts;
                if let Some(status) = self.2 {
                    let n = match status {
                        SeatStatus::Available => c.available,
                        SeatStatus::Held => c.held,
                        SeatStatus::Reserved => c.reserved,
                        SeatStatus::Blocked => c.blocked,
                    };
                    return format!(
                        "{} (general-admission area): {n} of {} places {status}\n",
                        a.section, c.total
                    );
                }
                format!(
                    "{} (general-admission area): {} of {} places available, {} held, {} reserved{}\n",
                    a.section,
                    c.available,
                    c.total,
                    c.held,
                    c.reserved,
                    if c.blocked > 0 {
                        format!(", {} blocked", c.blocked)
                    } else {
                        String::new()
                    }
                )
            })
            .collect();
        if self.0.is_empty() {
            if !areas.is_empty() {
                return areas;
            }
            return "No seats match.\n".into();
        }
        let attributes = self.0.iter().any(|s| !s.attributes.is_empty());
        let mut header = vec!["Label", "Section", "Row", "Seat", "Category"];
        if attributes {
            header.push("Attributes");
        }
        header.extend(["Status", "Held until"]);
        let mut table = ui.table(&header);
        for s in &self.0 {
            let mut cells = vec![
                s.label.clone(),
                s.section.clone(),
                s.row.clone(),
                s.seat_name(),
                opt(&s.category),
            ];
            if attributes {
                cells.push(s.attributes.names().join(", "));
            }
            cells.extend([
                s.status.to_string(),
                s.held_until.map(|t| ui.clock(&t)).unwrap_or_default(),
            ]);
            table.add_row(cells);
        }
        format!("{table}\n{} seats\n{areas}", self.0.len())
    }
}

impl SeatsArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<Box<dyn crate::output::Report>> {
        let (seats, areas) = ctx
            .seats_and_areas(&self.event, self.status, self.section.as_deref())
            .await?;
        if self.csv {
            // The JSON fields, one column each; attributes as their names.
            let header = [
                "label",
                "section",
                "row",
                "number",
                "category",
                "status",
                "hold_id",
                "reservation_id",
                "held_until",
                "version",
                "block_reason",
                "attributes",
            ];
            let rows = seats.iter().map(|s| {
                vec![
                    s.label.clone(),
                    s.section.clone(),
                    s.row.clone(),
                    s.number.to_string(),
                    opt(&s.category),
                    s.status.to_string(),
                    opt(&s.hold_id),
                    opt(&s.reservation_id),
                    s.held_until
                        .map(|t| crate::output::rfc3339(&t))
                        .unwrap_or_default(),
                    s.version.to_string(),
                    opt(&s.block_reason),
                    s.attributes.names().join(" "),
                ]
            });
            return Ok(Box::new(crate::output::Csv::new(&ctx.ui, &header, rows)?));
        }
        Ok(Box::new(SeatList(seats, areas, self.status)))
    }
}
