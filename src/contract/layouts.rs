//! Results of `layout import` and `layout check`: what a layout file holds, section by section.

use std::collections::HashSet;

use serde::Serialize;
use uuid::Uuid;

use crate::domain::layout::Layout;

/// One section of a layout: how many rows and seats.
#[derive(Debug, Clone, Serialize)]
pub struct SectionSummary {
    pub section: String,
    pub rows: usize,
    pub seats: usize,
}

impl SectionSummary {
    /// The sections of a layout, in its order.
    pub fn of(layout: &Layout) -> Vec<SectionSummary> {
        let mut out: Vec<SectionSummary> = Vec::new();
        let mut rows: HashSet<u32> = HashSet::new();
        for seat in &layout.seats {
            match out.last_mut() {
                Some(last) if last.section == seat.section => last.seats += 1,
                _ => out.push(SectionSummary {
                    section: seat.section.clone(),
                    rows: 0,
                    seats: 1,
                }),
            }
            if rows.insert(seat.row_pos)
                && let Some(last) = out.last_mut()
            {
                last.rows += 1;
            }
        }
        out
    }
}

/// `layout import`: seats removed (a replaced layout) and imported.
#[derive(Debug, Clone, Serialize)]
pub struct Imported {
    pub event_id: Uuid,
    pub event: String,
    pub file: String,
    pub removed: i64,
    pub imported: i64,
    /// Seats kept by their external id (with their holds and sales) when a layout that gives
    /// external ids replaces one: see `layout import --replace`.
    pub kept: i64,
    pub sections: Vec<SectionSummary>,
}

/// `layout check`: the file is valid; its size, sections and a few labels.
#[derive(Debug, Clone, Serialize)]
pub struct Checked {
    pub file: String,
    pub seats: usize,
    pub sections: Vec<SectionSummary>,
    /// A few labels, to show which label scheme the file produces.
    pub sample_labels: Vec<String>,
}
