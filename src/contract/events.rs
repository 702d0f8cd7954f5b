//! Results about events and their layouts: the event list with seat counts, layout imports.

use serde::Serialize;
use uuid::Uuid;

use crate::domain::layout::Layout;
use crate::domain::{Event, SectionCounts, StatusCounts};

/// One event of `event list`: the event's fields, then its seat counts by status.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct EventListItem {
    #[serde(flatten)]
    pub event: Event,
    pub counts: StatusCounts,
}

/// What `layout import` did: seats removed (the old layout) and imported.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ImportReport {
    pub event_id: Uuid,
    /// Seats of the old layout deleted.
    pub removed: i64,
    /// Seats added.
    pub imported: i64,
    /// Seats of the old layout kept by their external id (with their holds and sales), moved
    /// to their place in the new layout.
    pub kept: i64,
}

/// `event create`: the event, its seat and section counts.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Created {
    #[serde(flatten)]
    pub event: Event,
    /// Number of seats (not counting the places of general-admission areas).
    pub seats: i64,
    /// Sections of seats.
    pub sections: usize,
    /// General-admission areas, and their places in all.
    #[serde(skip_serializing_if = "is_zero")]
    pub areas: usize,
    #[serde(skip_serializing_if = "is_zero")]
    pub places: usize,
    /// False when `--if-not-exists` found the event already there.
    pub created: bool,
}

impl Created {
    /// A newly created event with the seat and section counts of its layout.
    pub fn new(event: Event, layout: &Layout) -> Created {
        let seats = layout.seat_count();
        let sections: std::collections::HashSet<u32> = layout
            .seats
            .iter()
            .filter(|s| !s.area)
            .map(|s| s.section_pos)
            .collect();
        Created {
            event,
            seats: seats as i64,
            sections: sections.len(),
            areas: layout.areas.len(),
            places: layout.len() - seats,
            created: true,
        }
    }

    /// An event that was already there, from its section counts.
    pub fn existing(event: Event, sections: &[SectionCounts]) -> Created {
        let count = |area: bool| sections.iter().filter(move |s| s.area == area);
        Created {
            event,
            seats: count(false).map(|s| s.counts.total).sum(),
            sections: count(false).count(),
            areas: count(true).count(),
            places: count(true).map(|s| s.counts.total as usize).sum(),
            created: false,
        }
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// `event show`: the event with its seat counts overall and per section (layout order).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct EventDetail {
    #[serde(flatten)]
    pub event: Event,
    pub counts: StatusCounts,
    pub sections: Vec<SectionCounts>,
}

/// `event delete`.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Deleted {
    pub id: Uuid,
    pub name: String,
    pub deleted: bool,
}
