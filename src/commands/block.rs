//! `seatctl block EVENT SEAT... --reason TEXT` and `seatctl unblock EVENT SEAT...`: take seats
//! out of sale (house seats, broken seats, camera positions) and put them back.

use clap::Args;

use super::Ctx;
use crate::contract::BlockChange;
use crate::error::Result;
use crate::output::{Render, Ui};

#[derive(Debug, Args)]
pub struct BlockArgs {
    /// Event id, name, or unique name prefix
    pub event: String,
    /// Seat labels or ranges along a row (A-1..A-4): all are blocked or none (a held or
    /// reserved seat is a conflict)
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
    /// Seat labels or ranges to put back on sale
    #[arg(required = true, value_name = "SEAT")]
    pub seats: Vec<String>,
}

impl BlockArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<BlockChange> {
        ctx.block(&self.event, &self.seats, &self.reason).await
    }
}

impl UnblockArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<BlockChange> {
        ctx.unblock(&self.event, &self.seats).await
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
