//! The builder every layout parser feeds: it collects seats with their source line, refusing
//! duplicates and oversize layouts, then labels them (`ROW-SEAT`, or `SECTION-ROW-SEAT` if needed).

use std::collections::HashMap;

use super::{Layout, LayoutError, LayoutSeat, MAX_SEATS};
use crate::domain::SeatAttrs;
use crate::domain::names;

/// Collects seats with their source line, rejecting duplicates and oversize layouts as it goes.
pub(super) struct Builder<'a> {
    file: &'a str,
    seats: Vec<(LayoutSeat, usize)>,
    seen: HashMap<(String, String, u32), usize>,
    sections: HashMap<String, u32>,
    rows: HashMap<(String, String), u32>,
}

impl<'a> Builder<'a> {
    pub(super) fn new(file: &'a str) -> Self {
        Builder {
            file,
            seats: Vec::new(),
            seen: HashMap::new(),
            sections: HashMap::new(),
            rows: HashMap::new(),
        }
    }

    fn err(&self, line: usize, message: impl Into<String>) -> LayoutError {
        LayoutError {
            file: self.file.to_string(),
            line: (line > 0).then_some(line),
            message: message.into(),
        }
    }

    /// Fails early when `extra` more seats would pass the limit, before allocating them.
    pub(super) fn reserve(&self, extra: usize, line: usize) -> Result<(), LayoutError> {
        if self.seats.len() + extra > MAX_SEATS {
            return Err(self.err(
                line,
                format!("layout has more than {MAX_SEATS} seats, the most one event may have"),
            ));
        }
        Ok(())
    }

    pub(super) fn push(
        &mut self,
        section: &str,
        row: &str,
        number: u32,
        category: Option<&str>,
        attributes: SeatAttrs,
        line: usize,
    ) -> Result<(), LayoutError> {
        self.reserve(1, line)?;
        // One spelling per name (NFC): `Ä` typed precomposed or decomposed is one row, so a
        // seat given twice that way is a duplicate, not two seats that print alike.
        let norm =
            |kind: &str, v: &str| names::normalize(kind, v.trim()).map_err(|m| self.err(line, m));
        let (section, row) = (norm("section", section)?, norm("row", row)?);
        let category = category.map(|c| norm("category", c)).transpose()?;
        let (section, row, category) = (section.as_str(), row.as_str(), category.as_deref());
        let key = (section.to_string(), row.to_string(), number);
        if let Some(first) = self.seen.get(&key) {
            let place = if row.is_empty() {
                format!("seat {number} of section `{section}`")
            } else {
                format!("seat {number} of row `{row}` in section `{section}`")
            };
            let first = if *first > 0 {
                format!(" (first defined on line {first})")
            } else {
                String::new()
            };
            return Err(self.err(line, format!("duplicate {place}{first}")));
        }
        self.seen.insert(key, line);
        let next_section = self.sections.len() as u32;
        let section_pos = *self
            .sections
            .entry(section.to_string())
            .or_insert(next_section);
        let next_row = self.rows.len() as u32;
        let row_pos = *self
            .rows
            .entry((section.to_string(), row.to_string()))
            .or_insert(next_row);
        self.seats.push((
            LayoutSeat {
                section: section.to_string(),
                row: row.to_string(),
                number,
                label: String::new(),
                category: category.filter(|c| !c.is_empty()).map(str::to_string),
                attributes,
                section_pos,
                row_pos,
            },
            line,
        ));
        Ok(())
    }

    /// Labels are `ROW-SEAT`; when any row and seat number repeats across sections, every label
    /// of the layout becomes `SECTION-ROW-SEAT` so staff see one consistent scheme.
    pub(super) fn finish(self) -> Result<Layout, LayoutError> {
        if self.seats.is_empty() {
            return Err(self.err(0, "layout has no seats"));
        }
        let mut owner: HashMap<(&str, u32), &str> = HashMap::new();
        let mut qualify = false;
        for (seat, _) in &self.seats {
            let prev = owner
                .entry((seat.row.as_str(), seat.number))
                .or_insert(seat.section.as_str());
            if *prev != seat.section {
                qualify = true;
                break;
            }
        }
        let mut labels: HashMap<String, usize> = HashMap::with_capacity(self.seats.len());
        let mut seats = Vec::with_capacity(self.seats.len());
        for (mut seat, line) in self.seats {
            let mut parts = Vec::with_capacity(3);
            if qualify {
                parts.push(seat.section.as_str());
            }
            if !seat.row.is_empty() {
                parts.push(seat.row.as_str());
            }
            let number = seat.number.to_string();
            parts.push(&number);
            seat.label = parts.join("-");
            if let Some(first) = labels.insert(seat.label.clone(), line) {
                return Err(LayoutError {
                    file: self.file.to_string(),
                    line: (line > 0).then_some(line),
                    message: format!(
                        "seat label `{}` is ambiguous: line {first} makes the same label \
                         (avoid `-` at the ends of section and row names)",
                        seat.label
                    ),
                });
            }
            seats.push(seat);
        }
        Ok(Layout { seats })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::layout::tests::{csv, labels, toml};

    #[test]
    fn csv_labels_are_row_seat_unless_rows_repeat_across_sections() {
        let l = csv("section,row,seat\nStalls,A,1\nStalls,A,2\nCircle,B,1\n").unwrap();
        assert_eq!(labels(&l), ["A-1", "A-2", "B-1"]);
        let l = csv("section,row,seat,category\nStalls,A,1,vip\nCircle,A,1,\n").unwrap();
        assert_eq!(labels(&l), ["Stalls-A-1", "Circle-A-1"]);
        assert_eq!(l.seats[0].category.as_deref(), Some("vip"));
        assert_eq!(l.seats[1].category, None);
        assert_eq!((l.seats[1].section_pos, l.seats[1].row_pos), (1, 1));
    }

    #[test]
    fn too_many_seats_is_refused_before_allocating() {
        let e = toml(
            "[[section]]\nname = \"S\"\n[[section.row]]\nnames = \"1-999\"\nseats = \"1-99999\"\n",
        )
        .unwrap_err();
        assert!(e.message.contains("more than 200000 seats"), "{e}");
        assert_eq!(e.line, Some(5));
        let mut text = String::from("section,row,seat\n");
        for i in 0..=MAX_SEATS {
            text.push_str(&format!("S,{},{}\n", i / 1000 + 1, i % 1000 + 1));
        }
        let e = csv(&text).unwrap_err();
        assert_eq!(e.line, Some(MAX_SEATS + 2));
    }
}
