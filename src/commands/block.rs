//! `seatctl block EVENT SEAT... --reason TEXT` and `seatctl unblock EVENT SEAT...`: take seats
//! out of sale (house seats, broken seats, camera positions) and put them back.

use clap::Args;

use super::Ctx;
use crate::app::actor;
use crate::contract::BlockChange;
use crate::error::{Error, Result};
use crate::output::{Render, Ui};
use crate::store::Attempt;

#[derive(Debug, Args)]
pub struct BlockArgs {
    /// Event id, name, or unique name prefix
    pub event: String,
    /// Seat labels: all are blocked or none (a held or reserved seat is a conflict)
    #[arg(required = true, value_name = "SEAT")]
    pub seats: Vec<String>,
    /// Why, for the map, the export and the history (e.g. "camera position")
    #[arg(long, value_name = "TEXT")]
    pub reason: String,
}

#[derive(Debug, Args)]
pub struct UnblockArgs {
    /// Event id, name, or unique name prefix
    pub event: String,
    /// Seat labels to put back on sale
    #[arg(required = true, value_name = "SEAT")]
    pub seats: Vec<String>,
}

async fn set(
    ctx: &Ctx,
    event: &str,
    seats: &[String],
    reason: Option<&str>,
) -> Result<BlockChange> {
    let mut labels: Vec<String> = Vec::with_capacity(seats.len());
    for s in seats {
        let s = s.trim().to_string();
        if s.is_empty() {
            return Err(Error::invalid("an empty seat label was given"));
        }
        if !labels.contains(&s) {
            labels.push(s);
        }
    }
    let store = ctx.store().await?;
    let event = store.find_event(event).await?;
    let who = actor(None);
    let tries = ctx.settings.config.occ.max_retries + 1;
    for attempt in 0..tries {
        if attempt > 0 {
            tokio::time::sleep(std::time::Duration::from_millis(fastrand::u64(1..=20))).await;
        }
        match store
            .try_set_blocked(event.id, &labels, reason.is_some(), reason, &who)
            .await
        {
            Ok(Attempt::Done(change)) => return Ok(change),
            Ok(Attempt::LostRace) => continue,
            Err(e @ Error::UnknownSeats { .. }) => {
                return Err(super::reservations::unknown_seats(&store, event.id, &labels, e).await);
            }
            Err(e) => return Err(e),
        }
    }
    Err(Error::Contended(format!(
        "these seats are being changed by other terminals: gave up after {tries} tries; try again"
    )))
}

impl BlockArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<BlockChange> {
        let reason = self.reason.trim();
        if reason.is_empty() {
            return Err(Error::invalid(
                "--reason must say why the seats are blocked",
            ));
        }
        set(ctx, &self.event, &self.seats, Some(reason)).await
    }
}

impl UnblockArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<BlockChange> {
        set(ctx, &self.event, &self.seats, None).await
    }
}

impl Render for BlockChange {
    fn human(&self, _ui: &Ui) -> String {
        let verb = if self.status == "blocked" {
            "Blocked"
        } else {
            "Back on sale"
        };
        let mut out = String::new();
        if !self.changed.is_empty() {
            out.push_str(&format!("{verb}: {}", self.changed.join(", ")));
            if let Some(r) = &self.reason {
                out.push_str(&format!(" ({r})"));
            }
            out.push('\n');
        }
        if !self.unchanged.is_empty() {
            out.push_str(&format!(
                "Already {}: {}\n",
                self.status,
                self.unchanged.join(", ")
            ));
        }
        out
    }
}
