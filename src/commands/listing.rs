//! `seatctl reservations EVENT` and `seatctl holds EVENT`: the clerk's and the operator's
//! lists, searchable by customer, reference, holder and status (table, `--json`, `--csv`).

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::Ctx;
use crate::app::{HoldFilter, ReservationFilter};
use crate::contract::{HoldRow, ReservationRow};
use crate::error::Result;
use crate::output::{Csv, Render, Report, Ui, opt, short_id as short};

/// Which reservations `reservations --status` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReservationStatus {
    /// Sold and not refunded
    Active,
    /// Refunded (`release`)
    Released,
    /// Both
    All,
}

/// Which holds `holds --status` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HoldStatus {
    /// Holding seats now
    Active,
    /// Lapsed (swept or not)
    Expired,
    /// Turned into a reservation that stands
    Reserved,
    /// Turned into a reservation that was refunded since
    Refunded,
    /// Released
    Released,
    /// Every hold
    All,
}

#[derive(Debug, Args)]
pub struct ReservationsArgs {
    /// Event id, name, or unique name prefix
    pub event: String,
    /// Only reservations whose customer contains this (any case)
    #[arg(long, value_name = "TEXT")]
    pub customer: Option<String>,
    /// Only the reservation with this reference (any case)
    #[arg(long, value_name = "REF")]
    pub reference: Option<String>,
    /// Which reservations: active (sold), released (refunded) or all
    #[arg(long, value_enum, default_value = "active")]
    pub status: ReservationStatus,
    /// Print CSV (a header row, then one row per reservation, seats separated by spaces)
    #[arg(long)]
    pub csv: bool,
}

#[derive(Debug, Args)]
pub struct HoldsArgs {
    /// Event id, name, or unique name prefix
    pub event: String,
    /// Only holds whose holder contains this (any case)
    #[arg(long, value_name = "TEXT")]
    pub holder: Option<String>,
    /// Which holds, as the database's clock has them now
    #[arg(long, value_enum, default_value = "active")]
    pub status: HoldStatus,
    /// Print CSV (a header row, then one row per hold, seats separated by spaces)
    #[arg(long)]
    pub csv: bool,
}

/// What `reservations` prints: `--json` an array of reservations, oldest first.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Reservations(pub Vec<ReservationRow>);

/// What `holds` prints: `--json` an array of holds, oldest first.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Holds(pub Vec<HoldRow>);

impl Render for Reservations {
    fn human(&self, ui: &Ui) -> String {
        if self.0.is_empty() {
            return "No reservations match.\n".into();
        }
        let mut table = ui.table(&[
            "Reservation",
            "Customer",
            "Reference",
            "Seats",
            "Status",
            "Made",
        ]);
        for r in &self.0 {
            table.add_row(vec![
                short(&r.reservation_id),
                opt(&r.customer),
                opt(&r.reference),
                r.seats.join(" "),
                r.status.clone(),
                ui.time(&r.created_at),
            ]);
        }
        let seats: usize = self.0.iter().map(|r| r.seats.len()).sum();
        format!(
            "{table}\n{} reservation(s), {seats} seat(s).\n",
            self.0.len()
        )
    }
}

impl Render for Holds {
    fn human(&self, ui: &Ui) -> String {
        if self.0.is_empty() {
            return "No holds match.\n".into();
        }
        let mut table = ui.table(&["Hold", "Holder", "Seats", "Status", "Lapses at"]);
        for h in &self.0 {
            let status = match h.reservation_id {
                Some(r) => format!("{} ({})", h.status, short(&r)),
                None => h.status.clone(),
            };
            table.add_row(vec![
                short(&h.hold_id),
                opt(&h.holder),
                h.seats.join(" "),
                status,
                // Only a hold still holding lapses; a lapsed one says when it did.
                match h.status.as_str() {
                    "active" | "expired" => ui.time(&h.expires_at),
                    _ => "–".into(),
                },
            ]);
        }
        let seats: usize = self.0.iter().map(|h| h.seats.len()).sum();
        format!("{table}\n{} hold(s), {seats} seat(s).\n", self.0.len())
    }
}

impl ReservationsArgs {
    /// Errors: exit 2 (`--csv` with `--json`), 4 (no such event), 6.
    pub async fn run(self, ctx: &Ctx) -> Result<Box<dyn Report>> {
        let filter = ReservationFilter {
            customer: self.customer,
            reference: self.reference,
            status: match self.status {
                ReservationStatus::Active => Some("active"),
                ReservationStatus::Released => Some("released"),
                ReservationStatus::All => None,
            },
        };
        let rows = ctx.reservations(&self.event, &filter).await?;
        if self.csv {
            let header = [
                "reservation_id",
                "hold_id",
                "status",
                "customer",
                "reference",
                "holder",
                "seats",
                "created_at",
                "released_at",
            ];
            let rows = rows.iter().map(|r| {
                vec![
                    r.reservation_id.to_string(),
                    r.hold_id.to_string(),
                    r.status.clone(),
                    opt(&r.customer),
                    opt(&r.reference),
                    opt(&r.holder),
                    r.seats.join(" "),
                    crate::output::rfc3339(&r.created_at),
                    r.released_at
                        .map(|t| crate::output::rfc3339(&t))
                        .unwrap_or_default(),
                ]
            });
            return Ok(Box::new(Csv::new(&ctx.ui, &header, rows)?));
        }
        Ok(Box::new(Reservations(rows)))
    }
}

impl HoldsArgs {
    /// Errors: exit 2 (`--csv` with `--json`), 4 (no such event), 6.
    pub async fn run(self, ctx: &Ctx) -> Result<Box<dyn Report>> {
        let filter = HoldFilter {
            holder: self.holder,
            status: match self.status {
                HoldStatus::Active => Some("active"),
                HoldStatus::Expired => Some("expired"),
                HoldStatus::Reserved => Some("reserved"),
                HoldStatus::Refunded => Some("refunded"),
                HoldStatus::Released => Some("released"),
                HoldStatus::All => None,
            },
        };
        let rows = ctx.holds(&self.event, &filter).await?;
        if self.csv {
            let header = [
                "hold_id",
                "status",
                "holder",
                "seats",
                "created_at",
                "expires_at",
                "reservation_id",
            ];
            let rows = rows.iter().map(|h| {
                vec![
                    h.hold_id.to_string(),
                    h.status.clone(),
                    opt(&h.holder),
                    h.seats.join(" "),
                    crate::output::rfc3339(&h.created_at),
                    crate::output::rfc3339(&h.expires_at),
                    opt(&h.reservation_id),
                ]
            });
            return Ok(Box::new(Csv::new(&ctx.ui, &header, rows)?));
        }
        Ok(Box::new(Holds(rows)))
    }
}
