//! `seatctl hold|extend|reserve|release|sweep|history`: seat state changes and their trail.

use clap::Args;
use serde::Serialize;
use uuid::Uuid;

use super::Ctx;
use crate::app::Fault;
use crate::app::{AreaOrder, BestOrder, HoldOrder};
use crate::contract::{Held, HistoryEntry, HoldInfo, Released, ReservationInfo, Swept};
use crate::duration::HumanDuration;
use crate::error::Result;
use crate::output::{Render, Ui, opt};

#[derive(Debug, Args)]
pub struct HoldArgs {
    /// Event id, name, or unique name prefix
    pub event: String,
    /// Seat labels (e.g. A-12 A-13, or a range along a row: A-12..A-15): all are held or none
    #[arg(
        required_unless_present_any = ["best", "area"],
        conflicts_with_all = ["best", "area"],
        value_name = "SEAT"
    )]
    pub seats: Vec<String>,
    /// Hold the N best available seats instead: side by side in one row when possible,
    /// front rows and row centres first, sections in layout order
    #[arg(long, value_name = "N")]
    pub best: Option<u32>,
    /// With --best: only this section
    #[arg(long, requires = "best", value_name = "S")]
    pub section: Option<String>,
    /// With --best: only this category
    #[arg(long, requires = "best", value_name = "C")]
    pub category: Option<String>,
    /// With --best: N of the party's seats must be accessible (wheelchair spaces); the rest
    /// sit beside them, on companion seats where the layout has them
    #[arg(long, requires = "best", value_name = "N")]
    pub accessible: Option<u32>,
    /// Hold places of this general-admission area instead (a standing area, a dance floor):
    /// any free ones, --quantity of them, all or none
    #[arg(
        long,
        value_name = "AREA",
        conflicts_with = "best",
        requires = "quantity"
    )]
    pub area: Option<String>,
    /// With --area: how many places
    #[arg(long, value_name = "N", requires = "area")]
    pub quantity: Option<u32>,
    /// How long the hold lasts [default: reservation.hold_ttl, 10m]
    #[arg(long)]
    pub ttl: Option<HumanDuration>,
    /// Who holds the seats (shown in the history)
    #[arg(long, value_name = "TEXT")]
    pub holder: Option<String>,
    /// Retrying with the same key returns the same hold instead of holding twice
    #[arg(long, value_name = "KEY")]
    pub idempotency_key: Option<String>,
    /// Print only the hold's id (for `id=$(seatctl hold … -q)`)
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Fault injection: stall after taking the locks and reading the seats, before the
    /// guarded write, as a paused process would
    #[arg(long, hide = true)]
    pub pause_after_lock: Option<HumanDuration>,
}

/// `\nTotal: 90.00 EUR` (and the seats without a price), or nothing when the event has no
/// prices.
pub(crate) fn total_line(total: Option<&crate::contract::Total>) -> String {
    match total {
        None => String::new(),
        Some(t) if t.unpriced_seats == 0 => format!("\nTotal: {}", t.price),
        Some(t) if t.price.minor == 0 => format!(
            "\nTotal: none of these seats has a price ({} without one)",
            t.unpriced_seats
        ),
        Some(t) => format!(
            "\nTotal: {} ({} seat{} without a price)",
            t.price,
            t.unpriced_seats,
            if t.unpriced_seats == 1 { "" } else { "s" }
        ),
    }
}

impl Render for Held {
    fn human(&self, ui: &Ui) -> String {
        let h = &self.hold;
        let remarks: String = crate::domain::best::remarks(
            self.together.unwrap_or(true),
            self.orphans.unwrap_or(0),
            self.access_spent.unwrap_or(0),
        )
        .iter()
        .map(|r| format!("\n{r}"))
        .collect();
        if let Some(res) = h.reservation_id {
            return format!(
                "Already reserved: {} (this key's hold {} became reservation {res}).\n",
                h.seats.join(", "),
                h.hold_id
            );
        }
        let remarks = if h.lifetime_capped {
            format!("{remarks}\n{LIFETIME_CAPPED}")
        } else {
            remarks
        };
        let what = match &self.area {
            Some(area) => format!(
                "{} place{} in {area}",
                h.seats.len(),
                if h.seats.len() == 1 { "" } else { "s" }
            ),
            None => h.seats.join(", "),
        };
        format!(
            "{} {what} until {}.{remarks}{}\nhold id: {}\n",
            if h.replayed { "Already held:" } else { "Held" },
            ui.clock(&h.expires_at),
            total_line(self.total.as_ref()),
            h.hold_id
        )
    }
}

impl HoldArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<Held> {
        let order = HoldOrder {
            event: self.event,
            seats: self.seats,
            best: self.best.map(|n| BestOrder {
                n,
                section: self.section,
                category: self.category,
                accessible: self.accessible.unwrap_or(0),
            }),
            area: self.area.map(|area| AreaOrder {
                area,
                quantity: self.quantity.unwrap_or(0),
            }),
            ttl: self.ttl,
            holder: self.holder,
            idempotency_key: self.idempotency_key,
            fault: self.pause_after_lock.map(|d| Fault::PauseBeforeWrite(d.0)),
        };
        ctx.hold(&order).await
    }
}

#[derive(Debug, Args)]
pub struct ExtendArgs {
    /// Hold id (or its first 8 or more characters, as `history` prints it)
    pub hold: String,
    /// New lifetime, counted from now [default: reservation.hold_ttl]
    #[arg(long)]
    pub ttl: Option<HumanDuration>,
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Extended(pub HoldInfo);

impl Render for Extended {
    fn human(&self, ui: &Ui) -> String {
        format!(
            "Extended hold {} ({}) until {}.{}\n",
            self.0.hold_id,
            self.0.seats.join(", "),
            ui.clock(&self.0.expires_at),
            if self.0.lifetime_capped {
                format!("\n{LIFETIME_CAPPED}")
            } else {
                String::new()
            }
        )
    }
}

/// Said when a TTL was cut to the end of the hold's lifetime.
const LIFETIME_CAPPED: &str = "Cut to the end of the hold's lifetime: no hold lives longer than \
    reservation.max_hold_lifetime from when it was made.";

impl ExtendArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<Extended> {
        let hold_id = ctx.resolve_id(&self.hold, false).await?;
        Ok(Extended(ctx.extend(hold_id, self.ttl).await?))
    }
}

#[derive(Debug, Args)]
pub struct ReserveArgs {
    /// Hold id (or its first 8 or more characters, as `history` prints it)
    pub hold: String,
    /// Customer name or id
    #[arg(long, value_name = "TEXT")]
    pub customer: Option<String>,
    /// Your reference (order number, payment id)
    #[arg(long, value_name = "TEXT")]
    pub reference: Option<String>,
    /// Print only the reservation's id
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Reserved(pub ReservationInfo);

impl Render for Reserved {
    fn human(&self, _ui: &Ui) -> String {
        let r = &self.0;
        format!(
            "{} {}.{}\nreservation id: {}\n",
            if r.replayed {
                "Already reserved:"
            } else {
                "Reserved"
            },
            r.seats.join(", "),
            total_line(r.total.as_ref()),
            r.reservation_id
        )
    }
}

impl ReserveArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<Reserved> {
        let hold_id = ctx.resolve_id(&self.hold, false).await?;
        let by = ctx.actor();
        let info = ctx
            .reserve(
                hold_id,
                self.customer.as_deref(),
                self.reference.as_deref(),
                &by,
            )
            .await?;
        Ok(Reserved(info))
    }
}

#[derive(Debug, Args)]
pub struct ReleaseArgs {
    /// Hold id or reservation id (or its first 8 or more characters)
    pub id: String,
    /// Given a hold that has become a reservation, release (refund) that reservation; without
    /// it such a hold is refused (exit 3), so an old hold id cannot refund a sale by accident
    #[arg(long)]
    pub reservation: bool,
    /// Refund only these seats of a reservation (labels or ranges like A-12..A-14); the rest
    /// stays sold
    #[arg(long, value_name = "SEAT", num_args = 1..)]
    pub seats: Vec<String>,
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct ReleasedOut(pub Released);

impl Render for ReleasedOut {
    fn human(&self, _ui: &Ui) -> String {
        let r = &self.0;
        // Given a hold's id, say when what was released is the reservation it had become.
        let what = match r.reservation_id.filter(|_| r.kind == "hold") {
            Some(res) => format!("hold {}'s reservation {res}", r.id),
            None => format!("{} {}", r.kind, r.id),
        };
        if let Some(kept) = &r.kept {
            return match (r.seats.is_empty(), kept.is_empty()) {
                (true, true) => format!("{what} was already released.\n"),
                (true, false) => format!(
                    "Nothing to refund: those seats of {what} were refunded before; {} {} sold.\n",
                    kept.join(", "),
                    if kept.len() == 1 { "stays" } else { "stay" }
                ),
                (false, true) => format!(
                    "Refunded {} of {what}: back on sale; it has no seats left and is released.\n",
                    r.seats.join(", ")
                ),
                (false, false) => format!(
                    "Refunded {} of {what}: back on sale; {} {} sold.\n",
                    r.seats.join(", "),
                    kept.join(", "),
                    if kept.len() == 1 { "stays" } else { "stay" }
                ),
            };
        }
        if r.already_released {
            format!("{what} was already released.\n")
        } else if r.seats.is_empty() {
            format!("Released {what} (none of its seats were still its own).\n")
        } else {
            format!("Released {what}: {} back on sale.\n", r.seats.join(", "))
        }
    }
}

impl ReleaseArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<ReleasedOut> {
        let id = ctx.resolve_id(&self.id, true).await?;
        if !self.seats.is_empty() {
            return Ok(ReleasedOut(
                ctx.release_seats(id, &self.seats, &ctx.actor(), self.reservation)
                    .await?,
            ));
        }
        Ok(ReleasedOut(
            ctx.release(id, &ctx.actor(), self.reservation).await?,
        ))
    }
}

#[derive(Debug, Args)]
pub struct SweepArgs {
    /// Only this event (id, name, or unique name prefix) [default: every event]
    pub event: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct SweptOut(pub Swept);

impl Render for SweptOut {
    fn human(&self, _ui: &Ui) -> String {
        format!(
            "Expired {} lapsed hold{}; {} seat{} tidied back to available.\n",
            self.0.holds_expired,
            if self.0.holds_expired == 1 { "" } else { "s" },
            self.0.seats.len(),
            if self.0.seats.len() == 1 { "" } else { "s" },
        )
    }
}

impl SweepArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<SweptOut> {
        Ok(SweptOut(ctx.sweep(self.event.as_deref()).await?))
    }
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Event id, name, or unique name prefix
    pub event: String,
    /// Only this seat
    pub seat: Option<String>,
    /// Print CSV (a header row, then one row per change, ids whole) instead of a table
    #[arg(long)]
    pub csv: bool,
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct History(pub Vec<HistoryEntry>);

impl Render for History {
    fn human(&self, ui: &Ui) -> String {
        if self.0.is_empty() {
            return "No seat changes yet.\n".into();
        }
        // Ids are shortened to their first 8 characters (as git does): enough to tell holds
        // apart by eye; `--json` has them whole. A column nobody filled is left out.
        let short =
            |id: &Option<Uuid>| id.as_ref().map(crate::output::short_id).unwrap_or_default();
        let notes = self.0.iter().any(|h| h.note.is_some());
        let mut header = vec![
            "When",
            "Seat",
            "From",
            "To",
            "Hold",
            "Reservation",
            "By",
            "Terminal",
        ];
        if notes {
            header.push("Note");
        }
        let mut table = ui.table(&header);
        for h in &self.0 {
            let mut row = vec![
                ui.when(&h.at),
                h.seat.clone(),
                h.from_status.clone(),
                h.to_status.clone(),
                short(&h.hold_id),
                short(&h.reservation_id),
                opt(&h.actor),
                opt(&h.terminal),
            ];
            if notes {
                row.push(opt(&h.note));
            }
            table.add_row(row);
        }
        format!("{table}\n")
    }
}

impl HistoryArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<Box<dyn crate::output::Report>> {
        let changes = ctx.history(&self.event, self.seat.as_deref()).await?;
        if self.csv {
            let header = [
                "id",
                "seat",
                "from_status",
                "to_status",
                "hold_id",
                "reservation_id",
                "actor",
                "terminal",
                "at",
            ];
            let rows = changes.iter().map(|h| {
                vec![
                    h.id.to_string(),
                    h.seat.clone(),
                    h.from_status.clone(),
                    h.to_status.clone(),
                    crate::output::opt(&h.hold_id),
                    crate::output::opt(&h.reservation_id),
                    crate::output::opt(&h.actor),
                    crate::output::opt(&h.terminal),
                    crate::output::rfc3339(&h.at),
                ]
            });
            return Ok(Box::new(crate::output::Csv::new(&ctx.ui, &header, rows)?));
        }
        Ok(Box::new(History(changes)))
    }
}
