//! Layouts: import a venue file into an event (all or nothing), or only check it.

use std::path::Path;

use super::Session;
use crate::contract::{Checked, Imported, SectionSummary};
use crate::domain::layout::{Format, Layout};
use crate::error::{Error, Result};

impl Session {
    /// Imports the layout file into the event in one transaction; `replace` swaps out an
    /// existing layout. The file is parsed before the database is touched. Errors: exit 2 (a
    /// malformed file, naming file and line), 4 (unknown event), 3 (the event has a layout
    /// and `replace` was not given, or seats are held or reserved).
    pub async fn import_layout(
        &self,
        event: &str,
        file: &Path,
        format: Option<Format>,
        replace: bool,
    ) -> Result<Imported> {
        let layout = Layout::from_file_as(file, format).map_err(Error::invalid)?;
        self.import_parsed_layout(event, &layout, &file.display().to_string(), replace)
            .await
    }

    /// [`Session::import_layout`] of a layout already parsed (an HTTP request's body);
    /// `source` names where it came from in the report.
    pub async fn import_parsed_layout(
        &self,
        event: &str,
        layout: &Layout,
        source: &str,
        replace: bool,
    ) -> Result<Imported> {
        let store = self.store().await?;
        let event = store.find_event(event).await?;
        let report = store
            .import_layout(event.id, layout, replace)
            .await
            .map_err(|e| match e {
                Error::Conflict(msg) => Error::Conflict(format!("event `{}`: {msg}", event.name)),
                other => other,
            })?;
        Ok(Imported {
            event_id: event.id,
            event: event.name,
            file: source.to_string(),
            removed: report.removed,
            imported: report.imported,
            kept: report.kept,
            sections: SectionSummary::of(layout),
        })
    }
}

/// Validates a layout file (in `format`, or by its extension) without touching the database.
/// Errors: exit 2 naming file and line.
pub fn check_layout(file: &Path, format: Option<Format>) -> Result<Checked> {
    let layout = Layout::from_file_as(file, format).map_err(Error::invalid)?;
    Ok(Checked {
        file: file.display().to_string(),
        seats: layout.seat_count(),
        places: layout.len() - layout.seat_count(),
        sections: SectionSummary::of(&layout),
        sample_labels: layout
            .seats
            .iter()
            .filter(|s| !s.area)
            .take(3)
            .map(|s| s.label.clone())
            .collect(),
    })
}
