//! Reading an event's seats: the list in layout order, filtered by state or section.

use uuid::Uuid;

use super::Session;
use crate::domain::{Seat, SeatStatus, no_section};
use crate::error::Result;

impl Session {
    /// The event's seats in layout order (section, row, number), optionally only those in one
    /// state (a lapsed hold counts as available) or one section. Errors: exit 4 for an unknown
    /// event or section (naming the sections, with a "did you mean").
    pub async fn seats(
        &self,
        event: &str,
        status: Option<SeatStatus>,
        section: Option<&str>,
    ) -> Result<Vec<Seat>> {
        let store = self.store().await?;
        let event = store.find_event(event).await?;
        if let Some(section) = section {
            self.check_section(event.id, section).await?;
        }
        store.list_seats(event.id, status, section).await
    }

    /// Fails with the known sections (and a "did you mean") when `section` is not one of them.
    pub async fn check_section(&self, event_id: Uuid, section: &str) -> Result<()> {
        let (_, sections) = self.store().await?.seat_counts(event_id).await?;
        if sections.iter().any(|s| s.section == section) {
            return Ok(());
        }
        let names: Vec<&str> = sections.iter().map(|s| s.section.as_str()).collect();
        Err(no_section(section, &names))
    }
}
