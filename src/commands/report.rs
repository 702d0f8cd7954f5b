//! `seatctl report EVENT`: sales by section, category and status, holds about to lapse, and
//! reservations over time. `seatctl export EVENT`: every seat with its status, holder and
//! reservation reference, as CSV for spreadsheets (or JSON).

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::Ctx;
use crate::contract::{EventReport, ExportSeat, Tally};
use crate::duration::HumanDuration;
use crate::error::{Error, Result};
use crate::output::{Render, Ui, csv_text, opt};

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Event id, name, or unique name prefix
    pub event: String,
    /// List holds lapsing within this time
    #[arg(long, default_value = "10m", value_name = "DURATION")]
    pub within: HumanDuration,
    /// Print the counts as CSV (scope,name,total,available,held,reserved,blocked,sold_pct,revenue)
    #[arg(long)]
    pub csv: bool,
}

/// Seat counts of one group (the event, a section, a category).
impl ReportArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<ReportOut> {
        if self.csv && ctx.ui.json {
            return Err(Error::invalid(
                "--csv and --json are alternatives: choose one",
            ));
        }
        Ok(ReportOut {
            report: ctx.report(&self.event, self.within).await?,
            csv: self.csv,
        })
    }
}

/// `report`'s output: the report, as tables or (`--csv`) as CSV; `--json` prints the report.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct ReportOut {
    pub report: EventReport,
    #[serde(skip)]
    pub csv: bool,
}

impl Render for ReportOut {
    fn human(&self, ui: &Ui) -> String {
        if !self.csv {
            return self.report.human(ui);
        }
        let r = &self.report;
        let header = [
            "scope",
            "name",
            "total",
            "available",
            "held",
            "reserved",
            "blocked",
            "sold_pct",
            "revenue",
        ]
        .map(String::from)
        .to_vec();
        let groups = std::iter::once(("event", &r.overall))
            .chain(r.sections.iter().map(|t| ("section", t)))
            .chain(r.categories.iter().map(|t| ("category", t)))
            .map(|(scope, t)| {
                vec![
                    scope.to_string(),
                    t.name.clone(),
                    t.total.to_string(),
                    t.available.to_string(),
                    t.held.to_string(),
                    t.reserved.to_string(),
                    t.blocked.to_string(),
                    t.sold_pct.to_string(),
                    t.revenue
                        .as_ref()
                        .map(|m| m.amount.clone())
                        .unwrap_or_default(),
                ]
            });
        csv_text(std::iter::once(header).chain(groups))
    }
}

impl Render for EventReport {
    fn human(&self, ui: &Ui) -> String {
        let priced = self.overall.revenue.as_ref().map(|m| m.currency.clone());
        let tally = |title: &str, rows: &[&Tally]| {
            let mut header = vec![
                title.to_string(),
                "Seats".into(),
                "Available".into(),
                "Held".into(),
                "Reserved".into(),
                "Blocked".into(),
                "Sold".into(),
            ];
            if let Some(currency) = &priced {
                header.push(format!("Revenue ({currency})"));
            }
            let header: Vec<&str> = header.iter().map(String::as_str).collect();
            let mut t = ui.table(&header);
            for r in rows {
                let mut row = vec![
                    r.name.clone(),
                    r.total.to_string(),
                    r.available.to_string(),
                    r.held.to_string(),
                    r.reserved.to_string(),
                    r.blocked.to_string(),
                    format!("{:.1}%", r.sold_pct),
                ];
                if priced.is_some() {
                    let amount = r
                        .revenue
                        .as_ref()
                        .map(|m| m.amount.clone())
                        .unwrap_or_default();
                    row.push(match r.unpriced_sold {
                        Some(n) if n > 0 => format!("{amount} (+{n} unpriced)"),
                        _ => amount,
                    });
                }
                t.add_row(row);
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
                    ui.id(&h.hold_id),
                    opt(&h.holder),
                    h.seats.to_string(),
                    ui.clock(&h.expires_at),
                ]);
            }
            out.push_str(&format!(
                "Holds lapsing within {}:\n{t}\n",
                self.lapsing_within
            ));
        }
        if !self.sales_by_hour.is_empty() {
            // Hours are cut in UTC: in a zone off the hour (+05:30) one starts at :30.
            let mut t = ui.table(&["Hour starting", "Reservations", "Seats"]);
            for h in &self.sales_by_hour {
                t.add_row(vec![
                    crate::output::zoned(&ui.zone.at(&h.hour), "%Y-%m-%d %H:%M"),
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
    let header = EXPORT_HEADER
        .split(',')
        .map(String::from)
        .collect::<Vec<_>>();
    let rows = seats.iter().map(|s| {
        vec![
            s.label.clone(),
            s.section.clone(),
            s.row.clone(),
            s.number.to_string(),
            opt(&s.category),
            s.attributes.names().join(";"),
            s.status.clone(),
            opt(&s.block_reason),
            opt(&s.hold_id),
            s.held_until
                .map(|t| crate::output::rfc3339(&t))
                .unwrap_or_default(),
            opt(&s.holder),
            opt(&s.reservation_id),
            opt(&s.customer),
            opt(&s.reference),
        ]
    });
    csv_text(std::iter::once(header).chain(rows))
}

impl ExportArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<Exported> {
        if self.csv && ctx.ui.json {
            return Err(Error::invalid(
                "--csv and --json are alternatives: choose one",
            ));
        }
        let seats = ctx.export(&self.event).await?;
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
