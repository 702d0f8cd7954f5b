//! `seatctl audit EVENT`: the simulator's end-of-run audit on its own, for any event.

use clap::Args;
use serde::Serialize;

use super::Ctx;
use crate::error::{ExitCode, Result};
use crate::output::{Render, Ui, violations_text};
use crate::store::AuditReport;

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Event id, name, or unique name prefix
    pub event: String,
}

#[derive(Debug, Serialize)]
pub struct Audited {
    pub event_id: uuid::Uuid,
    pub event: String,
    #[serde(flatten)]
    pub audit: AuditReport,
}

impl AuditArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<Audited> {
        let store = ctx.store().await?;
        let event = store.find_event(&self.event).await?;
        let audit = store.audit(event.id, None).await?;
        Ok(Audited {
            event_id: event.id,
            event: event.name,
            audit,
        })
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
