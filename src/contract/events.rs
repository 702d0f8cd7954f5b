//! Results about events and their layouts: the event list with seat counts, layout imports.

use serde::Serialize;
use uuid::Uuid;

use crate::domain::{Event, StatusCounts};

/// One event of `event list`: the event's fields, then its seat counts by status.
#[derive(Debug, Clone, Serialize)]
pub struct EventListItem {
    #[serde(flatten)]
    pub event: Event,
    pub counts: StatusCounts,
}

/// What `layout import` did: seats removed (the old layout) and imported.
#[derive(Debug, Clone, Serialize)]
pub struct ImportReport {
    pub event_id: Uuid,
    pub removed: i64,
    pub imported: i64,
}
