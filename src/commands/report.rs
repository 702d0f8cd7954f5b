//! `seatctl report EVENT`: sales by section, category and status, holds about to lapse, and
//! reservations over time. `seatctl export EVENT`: every seat with its status, holder and
//! reservation reference, as CSV for spreadsheets (or JSON).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use chrono::{DateTime, DurationRound, TimeDelta, Utc};
use clap::Args;
use serde::Serialize;

use super::Ctx;
use crate::contract::{ExportSeat, Lapsing};
use crate::duration::HumanDuration;
use crate::error::{Error, Result};
use crate::output::{Render, Ui, csv_field, opt};

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Event id, name, or unique name prefix
    pub event: String,
    /// List holds lapsing within this time
    #[arg(long, default_value = "10m", value_name = "DURATION")]
    pub within: HumanDuration,
    /// Print the counts as CSV (scope,name,total,available,held,reserved,blocked,sold_pct)
    #[arg(long)]
    pub csv: bool,
}

/// Seat counts of one group (the event, a section, a category).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Tally {
    pub name: String,
    pub total: u64,
    pub available: u64,
    pub held: u64,
    pub reserved: u64,
    pub blocked: u64,
    /// Reserved seats as a share of all, in percent (one decimal).
    pub sold_pct: f64,
}

impl Tally {
    fn add(&mut self, status: &str) {
        self.total += 1;
        match status {
            "held" => self.held += 1,
            "reserved" => self.reserved += 1,
            "blocked" => self.blocked += 1,
            _ => self.available += 1,
        }
        self.sold_pct = (1000.0 * self.reserved as f64 / self.total as f64).round() / 10.0;
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SalesHour {
    pub hour: DateTime<Utc>,
    pub reservations: u64,
    pub seats: u64,
}

#[derive(Debug, Serialize)]
pub struct EventReport {
    pub event_id: uuid::Uuid,
    pub event: String,
    pub overall: Tally,
    pub sections: Vec<Tally>,
    pub categories: Vec<Tally>,
    pub lapsing_within: HumanDuration,
    pub lapsing: Vec<Lapsing>,
    pub sales_by_hour: Vec<SalesHour>,
    #[serde(skip)]
    csv: bool,
}

impl ReportArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<EventReport> {
        if self.csv && ctx.ui.json {
            return Err(Error::invalid(
                "--csv and --json are alternatives: choose one",
            ));
        }
        let store = ctx.store().await?;
        let event = store.find_event(&self.event).await?;
        let seats = store.list_seats(event.id, None, None).await?;
        let mut overall = Tally {
            name: event.name.clone(),
            ..Tally::default()
        };
        let mut sections: Vec<Tally> = Vec::new();
        let mut categories: BTreeMap<String, Tally> = BTreeMap::new();
        for s in &seats {
            let status = s.status.as_str();
            overall.add(status);
            if sections.last().is_none_or(|t| t.name != s.section) {
                sections.push(Tally {
                    name: s.section.clone(),
                    ..Tally::default()
                });
            }
            sections.last_mut().expect("pushed above").add(status);
            let cat = s.category.clone().unwrap_or_else(|| "(none)".into());
            categories
                .entry(cat.clone())
                .or_insert_with(|| Tally {
                    name: cat,
                    ..Tally::default()
                })
                .add(status);
        }
        let lapsing = store
            .lapsing_holds(event.id, self.within.0.as_millis() as i64)
            .await?;
        let mut hours: BTreeMap<DateTime<Utc>, SalesHour> = BTreeMap::new();
        for (at, n) in store.reservation_times(event.id).await? {
            let hour = at.duration_trunc(TimeDelta::hours(1)).unwrap_or(at);
            let h = hours.entry(hour).or_insert(SalesHour {
                hour,
                reservations: 0,
                seats: 0,
            });
            h.reservations += 1;
            h.seats += n as u64;
        }
        Ok(EventReport {
            event_id: event.id,
            event: event.name,
            overall,
            sections,
            categories: categories.into_values().collect(),
            lapsing_within: self.within,
            lapsing,
            sales_by_hour: hours.into_values().collect(),
            csv: self.csv,
        })
    }
}

impl Render for EventReport {
    fn human(&self, ui: &Ui) -> String {
        if self.csv {
            let mut out =
                String::from("scope,name,total,available,held,reserved,blocked,sold_pct\n");
            let groups = std::iter::once(("event", &self.overall))
                .chain(self.sections.iter().map(|t| ("section", t)))
                .chain(self.categories.iter().map(|t| ("category", t)));
            for (scope, t) in groups {
                out.push_str(&format!(
                    "{scope},{},{},{},{},{},{},{}\n",
                    csv_field(&t.name),
                    t.total,
                    t.available,
                    t.held,
                    t.reserved,
                    t.blocked,
                    t.sold_pct
                ));
            }
            return out;
        }
        let tally = |title: &str, rows: &[&Tally]| {
            let mut t = ui.table(&[
                title,
                "Seats",
                "Available",
                "Held",
                "Reserved",
                "Blocked",
                "Sold",
            ]);
            for r in rows {
                t.add_row(vec![
                    r.name.clone(),
                    r.total.to_string(),
                    r.available.to_string(),
                    r.held.to_string(),
                    r.reserved.to_string(),
                    r.blocked.to_string(),
                    format!("{:.1}%", r.sold_pct),
                ]);
            }
            format!("{t}\n")
        };
        let mut out = format!("Report for {}\n", self.event);
        let mut rows: Vec<&Tally> = self.sections.iter().collect();
        rows.push(&self.overall);
        out.push_str(&tally("Section", &rows));
        out.push_str(&tally(
            "Category",
            &self.categories.iter().collect::<Vec<_>>(),
        ));
        if self.lapsing.is_empty() {
            out.push_str(&format!("No hold lapses within {}.\n", self.lapsing_within));
        } else {
            let mut t = ui.table(&["Hold", "Holder", "Seats", "Lapses at"]);
            for h in &self.lapsing {
                t.add_row(vec![
                    h.hold_id.to_string(),
                    opt(&h.holder),
                    h.seats.to_string(),
                    h.expires_at.format("%H:%M:%S UTC").to_string(),
                ]);
            }
            out.push_str(&format!(
                "Holds lapsing within {}:\n{t}\n",
                self.lapsing_within
            ));
        }
        if !self.sales_by_hour.is_empty() {
            let mut t = ui.table(&["Hour", "Reservations", "Seats"]);
            for h in &self.sales_by_hour {
                t.add_row(vec![
                    h.hour.format("%Y-%m-%d %H:00 UTC").to_string(),
                    h.reservations.to_string(),
                    h.seats.to_string(),
                ]);
            }
            out.push_str(&format!(
                "Reservations still active, by the hour they were made:\n{t}\n"
            ));
        }
        out
    }
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Event id, name, or unique name prefix
    pub event: String,
    /// Write to this file instead of stdout (replaced whole, never half-written)
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// CSV (the default without --json)
    #[arg(long)]
    pub csv: bool,
}

pub const EXPORT_HEADER: &str = "label,section,row,number,category,attributes,status,block_reason,hold_id,held_until,holder,reservation_id,customer,reference";

/// The seats themselves, or (with `--output`) where they went.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Exported {
    Seats(Vec<ExportSeat>),
    Written { written_to: PathBuf, seats: usize },
}

fn export_csv(seats: &[ExportSeat]) -> String {
    let mut out = format!("{EXPORT_HEADER}\n");
    for s in seats {
        let o = |v: &Option<String>| csv_field(v.as_deref().unwrap_or(""));
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
            csv_field(&s.label),
            csv_field(&s.section),
            csv_field(&s.row),
            s.number,
            o(&s.category),
            s.attributes.names().join(";"),
            s.status,
            o(&s.block_reason),
            opt(&s.hold_id),
            s.held_until.map(|t| t.to_rfc3339()).unwrap_or_default(),
            o(&s.holder),
            opt(&s.reservation_id),
            o(&s.customer),
            o(&s.reference),
        ));
    }
    out
}

impl ExportArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<Exported> {
        if self.csv && ctx.ui.json {
            return Err(Error::invalid(
                "--csv and --json are alternatives: choose one",
            ));
        }
        let store = ctx.store().await?;
        let event = store.find_event(&self.event).await?;
        let seats = store.export_seats(event.id).await?;
        if let Some(path) = &self.output {
            let text = if ctx.ui.json {
                serde_json::to_string_pretty(&seats)
                    .map_err(|e| Error::Internal(anyhow::anyhow!(e)))?
            } else {
                export_csv(&seats)
            };
            // Write beside the target and rename: a reader never sees half a file.
            let tmp = path.with_extension("seatctl-tmp");
            let written = std::fs::File::create(&tmp)
                .and_then(|mut f| f.write_all(text.as_bytes()).and_then(|_| f.sync_all()))
                .and_then(|_| std::fs::rename(&tmp, path));
            if let Err(e) = written {
                let _ = std::fs::remove_file(&tmp);
                return Err(Error::invalid(format!(
                    "cannot write {}: {e}",
                    path.display()
                )));
            }
        }
        Ok(match self.output {
            Some(written_to) => Exported::Written {
                written_to,
                seats: seats.len(),
            },
            None => Exported::Seats(seats),
        })
    }
}

impl Render for Exported {
    fn human(&self, _ui: &Ui) -> String {
        match self {
            Exported::Written { written_to, seats } => {
                format!("{seats} seats written to {}\n", written_to.display())
            }
            Exported::Seats(seats) => export_csv(seats),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tallies_count_and_round() {
        let mut t = Tally::default();
        for s in ["available", "held", "reserved"] {
            t.add(s);
        }
        assert_eq!((t.total, t.available, t.held, t.reserved), (3, 1, 1, 1));
        assert_eq!(t.sold_pct, 33.3);
    }
}
