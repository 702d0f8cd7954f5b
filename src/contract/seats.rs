//! The seat map as data: sections, rows and seats in layout order, with the event's counts.

use serde::Serialize;

use crate::domain::{Event, Seat, SeatStatus, StatusCounts};

/// A seat on the map: its label, number and state.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MapSeat {
    pub label: String,
    pub number: i64,
    pub status: SeatStatus,
}

/// A row of the map, seats in layout order.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MapRow {
    pub row: String,
    pub seats: Vec<MapSeat>,
}

/// A section of the map, rows in layout order.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MapSection {
    pub section: String,
    pub rows: Vec<MapRow>,
}

/// `map`: the event, its counts, its seats by section and row, and the highlighted seats.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SeatMap {
    pub event: Event,
    pub counts: StatusCounts,
    pub sections: Vec<MapSection>,
    /// Highlighted seats.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub selected: Vec<String>,
    /// The seats as read, for drawing (not serialised).
    #[serde(skip)]
    pub raw: Vec<Seat>,
    /// Columns to draw in, if fixed (not serialised).
    #[serde(skip)]
    pub width: Option<usize>,
}

impl SeatMap {
    /// The map of `seats` (in layout order) of `event`, drawn `width` columns wide if given.
    pub fn new(event: Event, seats: Vec<Seat>, width: Option<usize>) -> SeatMap {
        let mut counts = StatusCounts::default();
        let mut sections: Vec<MapSection> = Vec::new();
        for s in &seats {
            counts.add(s.status, 1);
            if sections.last().is_none_or(|x| x.section != s.section) {
                sections.push(MapSection {
                    section: s.section.clone(),
                    rows: Vec::new(),
                });
            }
            let section = sections.last_mut().expect("pushed above");
            if section.rows.last().is_none_or(|r| r.row != s.row) {
                section.rows.push(MapRow {
                    row: s.row.clone(),
                    seats: Vec::new(),
                });
            }
            let row = section.rows.last_mut().expect("pushed above");
            row.seats.push(MapSeat {
                label: s.label.clone(),
                number: s.number,
                status: s.status,
            });
        }
        SeatMap {
            event,
            counts,
            sections,
            selected: Vec::new(),
            raw: seats,
            width,
        }
    }
}

impl SeatMap {
    /// Highlights `labels` on the map.
    pub fn select(mut self, labels: Vec<String>) -> SeatMap {
        self.selected = labels;
        self
    }
}
