//! `seatctl event create|list|show|delete`.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use clap::{Args, Subcommand};
use serde::Serialize;

use super::Ctx;
use crate::app::{EventOrder, LayoutSource};
use crate::contract::{Created, Deleted, EventDetail, EventListItem};
use crate::domain::StatusCounts;
use crate::error::{Error, Result};
use crate::output::{Render, Report, Ui, opt};

#[derive(Debug, Subcommand)]
pub enum EventCommand {
    /// Create an event with its seats (a general-admission count or a layout file)
    Create(CreateArgs),
    /// List events with their seat counts
    List(ListArgs),
    /// Show an event with its seat counts by status and by section
    Show(ShowArgs),
    /// Rename an event, move its start or change its venue
    Update(UpdateArgs),
    /// Delete an event with its seats, holds, reservations and history
    Delete(DeleteArgs),
}

impl EventCommand {
    pub async fn run(self, ctx: &Ctx) -> anyhow::Result<Box<dyn Report>> {
        Ok(match self {
            EventCommand::Create(args) => {
                let quiet = args.quiet;
                if quiet {
                    crate::output::Quiet::allowed(&ctx.ui)?;
                }
                let created = args.run(ctx).await?;
                let id = created.event.id;
                crate::output::Quiet::or(&ctx.ui, quiet, created, id)?
            }
            EventCommand::List(args) => list(ctx, args).await?,
            EventCommand::Show(args) => Box::new(show(ctx, &args.event).await?),
            EventCommand::Update(args) => Box::new(args.run(ctx).await?),
            EventCommand::Delete(args) => Box::new(args.run(ctx).await?),
        })
    }
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Event name, unique; commands accept it (or a unique prefix) wherever an EVENT is asked
    #[arg(long)]
    pub name: String,
    /// Start time, RFC 3339 (e.g. 2026-12-31T20:00:00+01:00)
    #[arg(long, value_name = "RFC3339", value_parser = parse_rfc3339)]
    pub starts_at: Option<DateTime<FixedOffset>>,
    /// Venue name
    #[arg(long, value_name = "TEXT")]
    pub venue: Option<String>,
    #[command(flatten)]
    pub seats: SeatSource,
    /// The layout file's format [default: by its extension; a .json with `zones` is a
    /// pretix plan]
    #[arg(long, value_enum)]
    pub format: Option<super::layout::FormatArg>,
    /// If an event with this name exists, report it (exit 0) instead of failing with exit 3
    #[arg(long)]
    pub if_not_exists: bool,
    /// Print only the event's id
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct SeatSource {
    /// One section of N seats labelled 1..N
    #[arg(long, value_name = "N")]
    pub seats: Option<u32>,
    /// A layout file (.csv, .toml, .json, or a pretix plan); see the README for the formats
    #[arg(long, value_name = "FILE")]
    pub layout: Option<PathBuf>,
}

/// An RFC 3339 time, its offset kept (the event's start shows as the venue's clock says it).
fn parse_rfc3339(s: &str) -> std::result::Result<DateTime<FixedOffset>, String> {
    DateTime::parse_from_rfc3339(s.trim())
        .map_err(|e| format!("`{s}` is not an RFC 3339 time like 2026-12-31T20:00:00Z ({e})"))
}

impl Render for Created {
    fn human(&self, _ui: &Ui) -> String {
        let verb = if self.created {
            "Created"
        } else {
            "Already exists:"
        };
        let s = |n: usize| if n == 1 { "" } else { "s" };
        let areas = match self.areas {
            0 => String::new(),
            n => format!(
                " and {n} general-admission area{} ({} places)",
                s(n),
                self.places
            ),
        };
        format!(
            "{verb} event `{}` with {} seats in {} section{}{areas}.\nid: {}\n",
            self.event.name,
            self.seats,
            self.sections,
            s(self.sections),
            self.event.id
        )
    }
}

impl CreateArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<Created> {
        if self.format.is_some() && self.seats.layout.is_none() {
            return Err(Error::invalid(
                "--format says what a --layout FILE is: give the file too",
            ));
        }
        let source = match (self.seats.seats, self.seats.layout) {
            (Some(n), None) => LayoutSource::GeneralAdmission(n),
            (None, Some(path)) => {
                LayoutSource::File(path, self.format.map(crate::domain::layout::Format::from))
            }
            _ => return Err(Error::invalid("give exactly one of --seats or --layout")),
        };
        ctx.create_event(&EventOrder {
            name: self.name,
            venue: self.venue,
            starts_at: self.starts_at,
            layout: source,
            if_not_exists: self.if_not_exists,
        })
        .await
    }
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct EventList(pub Vec<EventListItem>);

impl Render for EventList {
    fn human(&self, ui: &Ui) -> String {
        if self.0.is_empty() {
            return "No events yet. Create one with `seatctl event create --name NAME --seats N`.\n"
                .into();
        }
        // A terminal too narrow for the table: one short block per event, nothing cut
        // mid-word (`event show NAME` has the id, `--json` and `--csv` everything).
        if ui.tty && ui.width < 80 {
            let fit = |s: String| console::truncate_str(&s, ui.width.max(20), "…").into_owned();
            let mut out = String::new();
            for item in &self.0 {
                let (e, c) = (&item.event, &item.counts);
                out.push_str(&fit(e.name.clone()));
                out.push('\n');
                let mut when: Vec<String> = Vec::new();
                if let Some(t) = &e.starts_at {
                    when.push(format!("starts {}", crate::output::starts(t)));
                }
                if let Some(v) = &e.venue {
                    when.push(v.clone());
                }
                if !when.is_empty() {
                    out.push_str(&fit(format!("  {}", when.join(" · "))));
                    out.push('\n');
                }
                let mut counts = format!(
                    "  {} seats · {} available · {} held · {} reserved",
                    c.total, c.available, c.held, c.reserved
                );
                if c.blocked > 0 {
                    counts.push_str(&format!(" · {} blocked", c.blocked));
                }
                out.push_str(&fit(counts));
                out.push('\n');
            }
            return out;
        }
        let table_header = vec![
            "Name",
            "Starts",
            "Venue",
            "Seats",
            "Available",
            "Held",
            "Reserved",
            "Blocked",
            "Id",
        ];
        let mut table = ui.table(&table_header);
        for item in &self.0 {
            let e = &item.event;
            let c = &item.counts;
            table.add_row(vec![
                e.name.clone(),
                e.starts_at
                    .as_ref()
                    .map(crate::output::starts)
                    .unwrap_or_default(),
                opt(&e.venue),
                c.total.to_string(),
                c.available.to_string(),
                c.held.to_string(),
                c.reserved.to_string(),
                c.blocked.to_string(),
                ui.id(&e.id),
            ]);
        }
        format!("{table}\n")
    }
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print CSV (a header row, then one row per event) instead of a table
    #[arg(long)]
    pub csv: bool,
}

async fn list(ctx: &Ctx, args: ListArgs) -> Result<Box<dyn Report>> {
    let events = ctx.list_events().await?;
    if args.csv {
        let header = [
            "id",
            "name",
            "venue",
            "starts_at",
            "created_at",
            "total",
            "available",
            "held",
            "reserved",
            "blocked",
        ];
        let rows = events.iter().map(|e| {
            let c = &e.counts;
            vec![
                e.event.id.to_string(),
                e.event.name.clone(),
                crate::output::opt(&e.event.venue),
                e.event
                    .starts_at
                    .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true))
                    .unwrap_or_default(),
                crate::output::rfc3339(&e.event.created_at),
                c.total.to_string(),
                c.available.to_string(),
                c.held.to_string(),
                c.reserved.to_string(),
                c.blocked.to_string(),
            ]
        });
        return Ok(Box::new(crate::output::Csv::new(&ctx.ui, &header, rows)?));
    }
    Ok(Box::new(EventList(events)))
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Event id, name, or unique name prefix
    pub event: String,
}

impl Render for EventDetail {
    fn human(&self, ui: &Ui) -> String {
        let e = &self.event;
        let mut out = format!("{}\n", e.name);
        out.push_str(&format!("  id:       {}\n", e.id));
        if let Some(venue) = &e.venue {
            out.push_str(&format!("  venue:    {venue}\n"));
        }
        if let Some(starts) = &e.starts_at {
            out.push_str(&format!("  starts:   {}\n", crate::output::starts(starts)));
        }
        out.push_str(&format!("  created:  {}\n\n", ui.time(&e.created_at)));
        let areas = self.sections.iter().any(|s| s.area);
        let mut table = ui.table(&[
            "Section",
            if areas { "Seats/places" } else { "Seats" },
            "Available",
            "Held",
            "Reserved",
            "Blocked",
        ]);
        let mut add = |name: &str, c: &StatusCounts| {
            table.add_row(vec![
                name.to_string(),
                c.total.to_string(),
                c.available.to_string(),
                c.held.to_string(),
                c.reserved.to_string(),
                c.blocked.to_string(),
            ]);
        };
        for s in &self.sections {
            if s.area {
                add(&format!("{} (area)", s.section), &s.counts);
            } else {
                add(&s.section, &s.counts);
            }
        }
        add("Total", &self.counts);
        out.push_str(&format!("{table}\n"));
        out
    }
}

pub async fn show(ctx: &Ctx, reference: &str) -> Result<EventDetail> {
    ctx.show_event(reference).await
}

#[derive(Debug, Args)]
pub struct UpdateArgs {
    /// Event id, name, or unique name prefix
    pub event: String,
    /// The new name (unique)
    #[arg(long)]
    pub name: Option<String>,
    /// The new start time, RFC 3339 (e.g. 2026-12-31T20:00:00+01:00)
    #[arg(long, value_name = "RFC3339", value_parser = parse_rfc3339, conflicts_with = "no_starts_at")]
    pub starts_at: Option<DateTime<FixedOffset>>,
    /// Clear the start time
    #[arg(long)]
    pub no_starts_at: bool,
    /// The new venue name
    #[arg(long, value_name = "TEXT", conflicts_with = "no_venue")]
    pub venue: Option<String>,
    /// Clear the venue
    #[arg(long)]
    pub no_venue: bool,
}

/// What `event update` prints: the event as it is now (`--json`: as `event create` prints
/// its `event`).
#[derive(Debug, serde::Serialize)]
#[serde(transparent)]
pub struct Updated(pub crate::domain::Event);

impl Render for Updated {
    fn human(&self, _ui: &Ui) -> String {
        let e = &self.0;
        format!(
            "Updated event `{}` ({}): venue {}, starts {}.\n",
            e.name,
            e.id,
            e.venue.as_deref().unwrap_or("(none)"),
            e.starts_at
                .as_ref()
                .map(crate::output::starts)
                .unwrap_or_else(|| "(not set)".into())
        )
    }
}

impl UpdateArgs {
    /// Errors: exit 2 (nothing to change, a bad name or time), 3 (the name is taken), 4, 7.
    pub async fn run(self, ctx: &Ctx) -> Result<Updated> {
        let order = crate::app::EventUpdate {
            name: self.name,
            venue: match (self.venue, self.no_venue) {
                (Some(v), _) => Some(Some(v)),
                (None, true) => Some(None),
                (None, false) => None,
            },
            starts_at: match (self.starts_at, self.no_starts_at) {
                (Some(t), _) => Some(Some(t)),
                (None, true) => Some(None),
                (None, false) => None,
            },
        };
        Ok(Updated(ctx.update_event(&self.event, &order).await?))
    }
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// Event id, name, or unique name prefix
    pub event: String,
    /// Delete even if seats are held, reserved or blocked
    #[arg(long)]
    pub force: bool,
    /// Do not ask for confirmation (required when not on a terminal)
    #[arg(long, short = 'y')]
    pub yes: bool,
}

impl Render for Deleted {
    fn human(&self, _ui: &Ui) -> String {
        if self.deleted {
            format!("Deleted event `{}` ({}).\n", self.name, self.id)
        } else {
            format!(
                "Not deleted: event `{}` ({}) is as it was.\n",
                self.name, self.id
            )
        }
    }
}

impl DeleteArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<Deleted> {
        let (event, counts) = ctx.event_with_counts(&self.event).await?;
        let question = format!(
            "Delete event `{}` and its {} seats ({} held, {} reserved)?",
            event.name, counts.total, counts.held, counts.reserved
        );
        // Declining is an answer, not an error (exit 0, "deleted": false).
        if !ctx.confirm(&question, self.yes, "--yes")? {
            return Ok(Deleted {
                id: event.id,
                name: event.name,
                deleted: false,
            });
        }
        ctx.delete_event(event, self.force).await
    }
}
