//! `seatctl layout import|check`: load a venue file into an event, or just validate it.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::Ctx;
use crate::contract::{Checked, Imported, SectionSummary};
use crate::domain::layout::Format;
use crate::error::Result;
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

/// `--format`: a layout file's format when its extension does not say (or says otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    Csv,
    Toml,
    /// seatctl's JSON (a pretix plan is recognised by its `zones`)
    Json,
    /// A pretix seating plan (the seating editor's JSON export)
    Pretix,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Csv => Format::Csv,
            FormatArg::Toml => Format::Toml,
            FormatArg::Json => Format::Json,
            FormatArg::Pretix => Format::Pretix,
        }
    }
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Event id, name, or unique name prefix
    pub event: String,
    /// Layout file: .csv (section,row,seat[,category]), .toml, .json, or a pretix plan
    pub file: PathBuf,
    /// The file's format [default: by its extension; a .json with `zones` is a pretix plan]
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Replace the event's existing layout (refused while any seat is held, reserved or
    /// blocked, unless the new layout gives external ids: then seats it names by theirs are
    /// kept with their holds and sales, and only seats left out must be free)
    #[arg(long)]
    pub replace: bool,
}

impl Render for Imported {
    fn human(&self, ui: &Ui) -> String {
        let mut out = if self.kept > 0 {
            format!(
                "Imported {} into `{}`: kept {} seats and places (seats by external id, an \
                 area's places by number; with their holds and sales), added {}, removed {}.\n",
                self.file, self.event, self.kept, self.imported, self.removed
            )
        } else {
            format!(
                "Imported {} seats into `{}` from {}{}.\n",
                self.imported,
                self.event,
                self.file,
                if self.removed > 0 {
                    format!(" (replacing {} seats)", self.removed)
                } else {
                    String::new()
                }
            )
        };
        out.push_str(&sections_table(ui, &self.sections));
        out
    }
}

fn sections_table(ui: &Ui, sections: &[SectionSummary]) -> String {
    let areas = sections.iter().any(|s| s.area);
    let mut table = ui.table(&[
        "Section",
        "Rows",
        if areas { "Seats/places" } else { "Seats" },
    ]);
    for s in sections {
        table.add_row(vec![
            if s.area {
                format!("{} (area)", s.section)
            } else {
                s.section.clone()
            },
            if s.area {
                "-".into()
            } else {
                s.rows.to_string()
            },
            s.seats.to_string(),
        ]);
    }
    format!("{table}\n")
}

impl ImportArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<Imported> {
        ctx.import_layout(
            &self.event,
            &self.file,
            self.format.map(Format::from),
            self.replace,
        )
        .await
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Layout file: .csv, .toml, .json, or a pretix plan
    pub file: PathBuf,
    /// The file's format [default: by its extension; a .json with `zones` is a pretix plan]
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
}

impl Render for Checked {
    fn human(&self, ui: &Ui) -> String {
        let places = if self.places > 0 {
            format!(" and {} places of general-admission areas", self.places)
        } else {
            String::new()
        };
        let mut out = format!(
            "{} is a valid layout of {} seats{places} (labels like {}).\n",
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
        crate::app::check_layout(&self.file, self.format.map(Format::from))
    }
}
