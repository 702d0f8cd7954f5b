//! `seatctl layout import|check`: load a venue file into an event, or just validate it.

use std::collections::HashSet;
use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde::Serialize;
use uuid::Uuid;

use super::Ctx;
use crate::domain::layout::Layout;
use crate::error::{Error, Result};
use crate::output::{Render, Report, Ui};

#[derive(Debug, Subcommand)]
pub enum LayoutCommand {
    /// Import a layout file into an event, in one transaction (all or nothing)
    Import(ImportArgs),
    /// Validate a layout file without touching the database
    Check(CheckArgs),
}

impl LayoutCommand {
    pub async fn run(self, ctx: &Ctx) -> anyhow::Result<Box<dyn Report>> {
        Ok(match self {
            LayoutCommand::Import(args) => Box::new(args.run(ctx).await?),
            LayoutCommand::Check(args) => Box::new(args.run()?),
        })
    }
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Event id, name, or unique name prefix
    pub event: String,
    /// Layout file: .csv (section,row,seat[,category]), .toml or .json
    pub file: PathBuf,
    /// Replace the event's existing layout (refused while any seat is held or reserved)
    #[arg(long)]
    pub replace: bool,
}

#[derive(Debug, Serialize)]
pub struct SectionSummary {
    pub section: String,
    pub rows: usize,
    pub seats: usize,
}

fn summarise(layout: &Layout) -> Vec<SectionSummary> {
    let mut out: Vec<SectionSummary> = Vec::new();
    let mut rows: HashSet<u32> = HashSet::new();
    for seat in &layout.seats {
        match out.last_mut() {
            Some(last) if last.section == seat.section => last.seats += 1,
            _ => out.push(SectionSummary {
                section: seat.section.clone(),
                rows: 0,
                seats: 1,
            }),
        }
        if rows.insert(seat.row_pos)
            && let Some(last) = out.last_mut()
        {
            last.rows += 1;
        }
    }
    out
}

#[derive(Debug, Serialize)]
pub struct Imported {
    pub event_id: Uuid,
    pub event: String,
    pub file: String,
    pub removed: i64,
    pub imported: i64,
    pub sections: Vec<SectionSummary>,
}

impl Render for Imported {
    fn human(&self, ui: &Ui) -> String {
        let mut out = format!(
            "Imported {} seats into `{}` from {}{}.\n",
            self.imported,
            self.event,
            self.file,
            if self.removed > 0 {
                format!(" (replacing {} seats)", self.removed)
            } else {
                String::new()
            }
        );
        out.push_str(&sections_table(ui, &self.sections));
        out
    }
}

fn sections_table(ui: &Ui, sections: &[SectionSummary]) -> String {
    let mut table = ui.table(&["Section", "Rows", "Seats"]);
    for s in sections {
        table.add_row(vec![
            s.section.clone(),
            s.rows.to_string(),
            s.seats.to_string(),
        ]);
    }
    format!("{table}\n")
}

impl ImportArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<Imported> {
        // Parse first: a bad file never reaches the database.
        let layout = Layout::from_file(&self.file).map_err(Error::invalid)?;
        let store = ctx.store().await?;
        let event = store.find_event(&self.event).await?;
        let report = store
            .import_layout(event.id, &layout, self.replace)
            .await
            .map_err(|e| match e {
                Error::Conflict(msg) => Error::Conflict(format!("event `{}`: {msg}", event.name)),
                other => other,
            })?;
        Ok(Imported {
            event_id: event.id,
            event: event.name,
            file: self.file.display().to_string(),
            removed: report.removed,
            imported: report.imported,
            sections: summarise(&layout),
        })
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Layout file: .csv, .toml or .json
    pub file: PathBuf,
}

#[derive(Debug, Serialize)]
pub struct Checked {
    pub file: String,
    pub seats: usize,
    pub sections: Vec<SectionSummary>,
    /// A few labels, to show which label scheme the file produces.
    pub sample_labels: Vec<String>,
}

impl Render for Checked {
    fn human(&self, ui: &Ui) -> String {
        let mut out = format!(
            "{} is a valid layout of {} seats (labels like {}).\n",
            self.file,
            self.seats,
            self.sample_labels.join(", ")
        );
        out.push_str(&sections_table(ui, &self.sections));
        out
    }
}

impl CheckArgs {
    pub fn run(self) -> Result<Checked> {
        let layout = Layout::from_file(&self.file).map_err(Error::invalid)?;
        Ok(Checked {
            file: self.file.display().to_string(),
            seats: layout.len(),
            sections: summarise(&layout),
            sample_labels: layout
                .seats
                .iter()
                .take(3)
                .map(|s| s.label.clone())
                .collect(),
        })
    }
}
