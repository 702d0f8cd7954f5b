//! Results of `layout import` and `layout check`: what a layout file holds, section by section.

use std::collections::HashSet;

use serde::Serialize;
use uuid::Uuid;

use crate::domain::layout::Layout;

/// One section of a layout: how many rows and seats; or a general-admission area (`area`,
/// no rows, `seats` = its places).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SectionSummary {
    pub section: String,
    pub rows: usize,
    pub seats: usize,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub area: bool,
}

impl SectionSummary {
    /// The sections of a layout, in its order, each once (a file may come back to a section
    /// after another).
    pub fn of(layout: &Layout) -> Vec<SectionSummary> {
        let mut out: Vec<SectionSummary> = Vec::new();
        let mut at: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
        let mut rows: HashSet<u32> = HashSet::new();
        for seat in &layout.seats {
            let i = *at.entry(seat.section_pos).or_insert_with(|| {
                out.push(SectionSummary {
                    section: seat.section.clone(),
                    rows: 0,
                    seats: 0,
                    area: seat.area,
                });
                out.len() - 1
            });
            out[i].seats += 1;
            if !seat.area && rows.insert(seat.row_pos) {
                out[i].rows += 1;
            }
        }
        out
    }
}

/// `layout import`: seats removed (a replaced layout) and imported.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
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
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Checked {
    pub file: String,
    /// Seats, not counting the places of general-admission areas.
    pub seats: usize,
    /// Places of general-admission areas, in all.
    #[serde(skip_serializing_if = "is_zero")]
    pub places: usize,
    pub sections: Vec<SectionSummary>,
    /// A few labels, to show which label scheme the file produces.
    pub sample_labels: Vec<String>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::layout::Format;

    #[test]
    fn a_section_the_file_comes_back_to_is_listed_once() {
        let l = Layout::parse_bytes(
            b"section,row,seat\nS,A,1\nT,A,1\nS,B,1\nS,B,2\n",
            Format::Csv,
            "t.csv",
        )
        .unwrap();
        let s = SectionSummary::of(&l);
        let got: Vec<(&str, usize, usize)> = s
            .iter()
            .map(|s| (s.section.as_str(), s.rows, s.seats))
            .collect();
        assert_eq!(got, [("S", 2, 3), ("T", 1, 1)]);
    }
}
