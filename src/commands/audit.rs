//! `seatctl audit EVENT`: the simulator's end-of-run audit on its own, for any event.

use clap::Args;

use super::Ctx;
use crate::contract::Audited;
use crate::error::{ExitCode, Result};
use crate::output::{Render, Ui, violations_text};

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Event id, name, or unique name prefix
    pub event: String,
}

impl AuditArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<Audited> {
        ctx.audit(&self.event).await
    }
}

impl Render for Audited {
    fn human(&self, ui: &Ui) -> String {
        let mut out = format!(
            "Audit of {}: {} seats, {} history rows, {} active holds, {} active reservations\n",
            self.event,
            self.audit.seats,
            self.audit.history_rows,
            self.audit.active_holds,
            self.audit.active_reservations
        );
        let mut t = ui.table(&["Section", "Seats", "Booked", "Held", "Available", "Blocked"]);
        for s in &self.audit.sections {
            t.add_row(vec![
                s.section.clone(),
                s.total.to_string(),
                s.booked.to_string(),
                s.held.to_string(),
                s.available.to_string(),
                s.blocked.to_string(),
            ]);
        }
        out.push_str(&format!("{t}\n"));
        out.push_str(&violations_text(&self.audit));
        out
    }

    fn exit_code(&self) -> ExitCode {
        if self.audit.ok {
            ExitCode::Success
        } else {
            ExitCode::AuditFailed
        }
    }
}
