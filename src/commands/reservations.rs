//! `seatctl hold|extend|reserve|release|sweep|history`: seat state changes and their trail.

use clap::Args;
use serde::Serialize;
use uuid::Uuid;

use super::Ctx;
use crate::app::actor;
use crate::app::strategy::Effort;
use crate::contract::{HistoryEntry, HoldInfo, Released, ReservationInfo, Swept};
use crate::domain::best::Want;
use crate::domain::{labels, pick};
use crate::duration::HumanDuration;
use crate::error::{Error, Result};
use crate::output::{Render, Ui, opt};
use crate::store::{Fault, HoldRequest};

/// "No seat A-99": names the seats that do not exist, with a "did you mean" for each where one
/// is close, else an example of what the labels look like.
pub(crate) async fn unknown_seats(
    store: &crate::store::Store,
    event_id: Uuid,
    typed: &[String],
    fallback: Error,
) -> Error {
    let Ok(seats) = store.list_seats(event_id, None, None).await else {
        return fallback;
    };
    labels::unknown(typed, &seats).unwrap_or(fallback)
}

fn parse_id(text: &str, what: &str) -> Result<Uuid> {
    Uuid::parse_str(text.trim())
        .map_err(|_| Error::invalid(format!("`{text}` is not a {what} id (a UUID)")))
}

#[derive(Debug, Args)]
pub struct HoldArgs {
    /// Event id, name, or unique name prefix
    pub event: String,
    /// Seat labels (e.g. A-12 A-13, or a range along a row: A-12..A-15): all are held or none
    #[arg(
        required_unless_present = "best",
        conflicts_with = "best",
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
    /// How long the hold lasts [default: reservation.hold_ttl, 10m]
    #[arg(long)]
    pub ttl: Option<HumanDuration>,
    /// Who holds the seats (shown in the history)
    #[arg(long, value_name = "TEXT")]
    pub holder: Option<String>,
    /// Retrying with the same key returns the same hold instead of holding twice
    #[arg(long, value_name = "KEY")]
    pub idempotency_key: Option<String>,
    /// Fault injection: stall after taking the locks and reading the seats, before the
    /// guarded write, as a paused process would
    #[arg(long, hide = true)]
    pub pause_after_lock: Option<HumanDuration>,
}

#[derive(Debug, Serialize)]
pub struct Held {
    #[serde(flatten)]
    pub hold: HoldInfo,
    pub strategy: String,
    pub retries: u32,
    /// With --best: whether the seats sit side by side in one row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub together: Option<bool>,
    /// With --best: single empty seats the pick leaves stranded (only when nothing avoided it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub orphans: Option<usize>,
    /// With --best: accessible or companion seats given to a party that did not ask for them
    /// (only when nothing else was left).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_spent: Option<usize>,
}

impl Render for Held {
    fn human(&self, _ui: &Ui) -> String {
        let h = &self.hold;
        let remarks: String = crate::domain::best::remarks(
            self.together.unwrap_or(true),
            self.orphans.unwrap_or(0),
            self.access_spent.unwrap_or(0),
        )
        .iter()
        .map(|r| format!("\n{r}"))
        .collect();
        format!(
            "{} {} until {}.{remarks}\nhold id: {}\n",
            if h.replayed { "Already held:" } else { "Held" },
            h.seats.join(", "),
            h.expires_at.format("%H:%M:%S UTC"),
            h.hold_id
        )
    }
}

impl HoldArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<Held> {
        let max = ctx.settings.config.reservation.max_seats_per_hold as usize;
        let mut labels: Vec<String> = Vec::with_capacity(self.seats.len());
        for label in &self.seats {
            let label = label.trim().to_string();
            if labels.contains(&label) {
                return Err(Error::invalid(format!("seat {label} is listed twice")));
            }
            labels.push(label);
        }
        let asked = self.best.map_or(labels.len(), |n| n as usize);
        if asked == 0 {
            return Err(Error::invalid("--best must be at least 1"));
        }
        pick::check_limit(asked, max)?;
        let ttl_ms = ctx.ttl_ms(self.ttl)?;
        let reserver = ctx.reserver().await?;
        let event = reserver.store().find_event(&self.event).await?;
        if labels.iter().any(|l| l.contains("..")) {
            let seats = reserver.store().list_seats(event.id, None, None).await?;
            labels = labels::expand(&labels, &seats).map_err(Error::invalid)?;
            pick::check_limit(labels.len(), max)?;
        }
        let actor = actor(self.holder.as_deref());
        let req = HoldRequest {
            event_id: event.id,
            labels: &labels,
            ttl_ms,
            holder: self.holder.as_deref(),
            idempotency_key: self.idempotency_key.as_deref(),
            actor: &actor,
            fault: self.pause_after_lock.map(|d| Fault::PauseBeforeWrite(d.0)),
        };
        let mut effort = Effort::default();
        let accessible = self.accessible.unwrap_or(0) as usize;
        if accessible > asked {
            return Err(Error::invalid(format!(
                "--accessible {accessible} is more than the {asked} seats asked for with --best"
            )));
        }
        let (hold, pick) = match self.best {
            Some(n) => {
                if let Some(section) = &self.section {
                    super::seats::check_section(reserver.store(), event.id, section).await?;
                }
                let (hold, pick) = reserver
                    .hold_best(
                        &req,
                        Want {
                            n: n as usize,
                            accessible,
                        },
                        self.section.as_deref(),
                        self.category.as_deref(),
                        &mut effort,
                    )
                    .await?;
                (hold, Some(pick))
            }
            None => match reserver.hold(&req, &mut effort).await {
                Ok(hold) => (hold, None),
                Err(e @ Error::UnknownSeats { .. }) => {
                    return Err(unknown_seats(reserver.store(), event.id, &labels, e).await);
                }
                Err(e) => return Err(e),
            },
        };
        Ok(Held {
            hold,
            strategy: reserver.strategy().to_string(),
            retries: effort.retries,
            together: pick.as_ref().map(|p| p.together),
            orphans: pick.as_ref().map(|p| p.orphans),
            access_spent: pick.map(|p| p.access_spent),
        })
    }
}

#[derive(Debug, Args)]
pub struct ExtendArgs {
    /// Hold id
    pub hold: String,
    /// New lifetime, counted from now [default: reservation.hold_ttl]
    #[arg(long)]
    pub ttl: Option<HumanDuration>,
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Extended(pub HoldInfo);

impl Render for Extended {
    fn human(&self, _ui: &Ui) -> String {
        format!(
            "Extended hold {} ({}) until {}.\n",
            self.0.hold_id,
            self.0.seats.join(", "),
            self.0.expires_at.format("%H:%M:%S UTC")
        )
    }
}

impl ExtendArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<Extended> {
        let hold_id = parse_id(&self.hold, "hold")?;
        let ttl_ms = ctx.ttl_ms(self.ttl)?;
        let reserver = ctx.reserver().await?;
        let hold = reserver
            .extend(hold_id, ttl_ms, &mut Effort::default())
            .await?;
        Ok(Extended(hold))
    }
}

#[derive(Debug, Args)]
pub struct ReserveArgs {
    /// Hold id
    pub hold: String,
    /// Customer name or id
    #[arg(long, value_name = "TEXT")]
    pub customer: Option<String>,
    /// Your reference (order number, payment id)
    #[arg(long, value_name = "TEXT")]
    pub reference: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Reserved(pub ReservationInfo);

impl Render for Reserved {
    fn human(&self, _ui: &Ui) -> String {
        let r = &self.0;
        format!(
            "{} {}.\nreservation id: {}\n",
            if r.replayed {
                "Already reserved:"
            } else {
                "Reserved"
            },
            r.seats.join(", "),
            r.reservation_id
        )
    }
}

impl ReserveArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<Reserved> {
        let hold_id = parse_id(&self.hold, "hold")?;
        let reserver = ctx.reserver().await?;
        let actor = actor(self.customer.as_deref());
        let info = reserver
            .reserve(
                hold_id,
                self.customer.as_deref(),
                self.reference.as_deref(),
                &actor,
                &mut Effort::default(),
            )
            .await?;
        Ok(Reserved(info))
    }
}

#[derive(Debug, Args)]
pub struct ReleaseArgs {
    /// Hold id or reservation id
    pub id: String,
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct ReleasedOut(pub Released);

impl Render for ReleasedOut {
    fn human(&self, _ui: &Ui) -> String {
        let r = &self.0;
        if r.already_released {
            format!("{} {} was already released.\n", r.kind, r.id)
        } else if r.seats.is_empty() {
            format!(
                "Released {} {} (none of its seats were still its own).\n",
                r.kind, r.id
            )
        } else {
            format!(
                "Released {} {}: {} back on sale.\n",
                r.kind,
                r.id,
                r.seats.join(", ")
            )
        }
    }
}

impl ReleaseArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<ReleasedOut> {
        let id = parse_id(&self.id, "hold or reservation")?;
        let reserver = ctx.reserver().await?;
        let released = reserver
            .release(id, &actor(None), &mut Effort::default())
            .await?;
        Ok(ReleasedOut(released))
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
        let store = ctx.store().await?;
        let event_id = match &self.event {
            Some(e) => Some(store.find_event(e).await?.id),
            None => None,
        };
        let mut sweeper = actor(None);
        sweeper.who = "sweep".into();
        Ok(SweptOut(store.sweep(event_id, &sweeper).await?))
    }
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Event id, name, or unique name prefix
    pub event: String,
    /// Only this seat
    pub seat: Option<String>,
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
        let short = |id: &Option<Uuid>| {
            id.map(|u| u.simple().to_string()[..8].to_string())
                .unwrap_or_default()
        };
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
                h.at.format("%Y-%m-%d %H:%M:%S").to_string(),
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
    pub async fn run(self, ctx: &Ctx) -> Result<History> {
        let store = ctx.store().await?;
        let event = store.find_event(&self.event).await?;
        let history = store.history(event.id, self.seat.as_deref()).await?;
        if let Some(seat) = self.seat.filter(|_| history.is_empty()) {
            // No history, or no such seat? Only the second is an error.
            let seats = store.list_seats(event.id, None, None).await?;
            if let Some(e) = labels::unknown(&[seat], &seats) {
                return Err(e);
            }
        }
        Ok(History(history))
    }
}
