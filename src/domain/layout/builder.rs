//! The builder every layout parser feeds: it collects seats with their source line, refusing
//! duplicates and oversize layouts, then labels them (`ROW-SEAT`, or `SECTION-ROW-SEAT` if needed).

use std::collections::HashMap;

use super::{Layout, LayoutError, LayoutSeat, MAX_SEATS, Place};
use crate::domain::SeatAttrs;
use crate::domain::names;

/// Collects seats with their source line, rejecting duplicates and oversize layouts as it goes.
pub(super) struct Builder<'a> {
    file: &'a str,
    seats: Vec<(LayoutSeat, usize)>,
    seen: HashMap<(String, String, u32), usize>,
    sections: HashMap<String, u32>,
    rows: HashMap<(String, String), u32>,
    /// Per row (by `row_pos`): its distance from the stage, and the line that first gave it.
    distances: HashMap<u32, (u32, usize)>,
    /// Per row: whether its seats have positions (as the first seat said), and which are taken.
    placed: HashMap<u32, (bool, HashMap<u32, usize>)>,
    external_ids: HashMap<String, usize>,
    /// Seats named by text: their label's seat part, by index in `seats`.
    names: HashMap<usize, String>,
    /// General-admission areas, with the line that gave each.
    areas: Vec<(super::LayoutArea, usize)>,
    /// The same, by section, row and name, with the line that gave it.
    named: HashMap<(String, String, String), usize>,
}

impl<'a> Builder<'a> {
    pub(super) fn new(file: &'a str) -> Self {
        Builder {
            file,
            seats: Vec::new(),
            seen: HashMap::new(),
            sections: HashMap::new(),
            rows: HashMap::new(),
            distances: HashMap::new(),
            placed: HashMap::new(),
            external_ids: HashMap::new(),
            names: HashMap::new(),
            named: HashMap::new(),
            areas: Vec::new(),
        }
    }

    /// A general-admission area of `capacity` places (1..=[`super::MAX_AREA_CAPACITY`]); its
    /// name is a section name no seat may use. The places follow the seats in the layout.
    pub(super) fn push_area(
        &mut self,
        name: &str,
        category: Option<&str>,
        capacity: u32,
        line: usize,
    ) -> Result<(), LayoutError> {
        let norm =
            |kind: &str, v: &str| names::normalize(kind, v.trim()).map_err(|m| self.err(line, m));
        let name = norm("area", name)?;
        super::ranges::check_name("area", &name).map_err(|m| self.err(line, m))?;
        let category = category
            .map(|c| norm("category", c))
            .transpose()?
            .filter(|c| !c.is_empty());
        if capacity == 0 || capacity > super::MAX_AREA_CAPACITY {
            return Err(self.err(
                line,
                format!(
                    "area `{name}` has capacity {capacity}: an area holds 1 to {} places",
                    super::MAX_AREA_CAPACITY
                ),
            ));
        }
        if let Some((_, at)) = self.areas.iter().find(|(a, _)| a.name == name) {
            let at = if *at > 0 {
                format!(" (first defined on line {at})")
            } else {
                String::new()
            };
            return Err(self.err(line, format!("duplicate area `{name}`{at}")));
        }
        self.reserve(capacity as usize, line)?;
        self.areas.push((
            super::LayoutArea {
                name,
                category,
                capacity,
            },
            line,
        ));
        Ok(())
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
        self.push_placed(
            section,
            row,
            number,
            category,
            attributes,
            Place::default(),
            line,
        )
    }

    /// [`Builder::push`] with where the seat is: its position along the row (every seat of a
    /// row has one or none does; no two share one), its external id (unique in the layout),
    /// its row's distance from the stage (one per row).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn push_placed(
        &mut self,
        section: &str,
        row: &str,
        number: u32,
        category: Option<&str>,
        attributes: SeatAttrs,
        place: Place,
        line: usize,
    ) -> Result<(), LayoutError> {
        self.reserve(1, line)?;
        // A seat named by text sits where its position says; its number is its own, above any
        // real seat number, so it collides with no other seat of the row.
        let mut number = number;
        let name = match place.name.as_deref().map(str::trim) {
            None => None,
            Some(n) => {
                let n = names::normalize("seat", n).map_err(|m| self.err(line, m))?;
                // `12 bis` and `12  bis` are one name, as they look.
                let n = n.split_whitespace().collect::<Vec<_>>().join(" ");
                if n.is_empty() {
                    return Err(self.err(line, "empty seat name"));
                }
                if n.contains("..") {
                    return Err(self.err(
                        line,
                        format!("seat name `{n}` contains `..`, which labels use for ranges"),
                    ));
                }
                let Some(p) = place.seat_pos else {
                    return Err(self.err(
                        line,
                        format!(
                            "seat `{n}` is not a number: give its position along the row \
                             (a `position` column)"
                        ),
                    ));
                };
                number = super::NAMED_SEAT_BASE + p;
                Some(n)
            }
        };
        // One spelling per name (NFC): `Ä` typed precomposed or decomposed is one row, so a
        // seat given twice that way is a duplicate, not two seats that print alike.
        let norm =
            |kind: &str, v: &str| names::normalize(kind, v.trim()).map_err(|m| self.err(line, m));
        let (section, row) = (norm("section", section)?, norm("row", row)?);
        let category = category.map(|c| norm("category", c)).transpose()?;
        let (section, row, category) = (section.as_str(), row.as_str(), category.as_deref());
        let key = (section.to_string(), row.to_string(), number);
        let seat_text = name.clone().unwrap_or_else(|| number.to_string());
        let first_named = name.as_ref().and_then(|n| {
            self.named
                .insert((section.to_string(), row.to_string(), n.clone()), line)
        });
        if let Some(first) = first_named.as_ref().or(self.seen.get(&key)) {
            let place = if row.is_empty() {
                format!("seat {seat_text} of section `{section}`")
            } else {
                format!("seat {seat_text} of row `{row}` in section `{section}`")
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
        let row_name = || {
            if row.is_empty() {
                format!("section `{section}`")
            } else {
                format!("row `{row}` of section `{section}`")
            }
        };
        let first_line = |l: usize| {
            if l > 0 {
                format!(" (line {l})")
            } else {
                String::new()
            }
        };
        if let Some(d) = place.row_distance {
            match self.distances.get(&row_pos) {
                Some((had, at)) if *had != d => {
                    return Err(self.err(
                        line,
                        format!(
                            "{} is {had} from the stage{} and {d} here: one distance per row",
                            row_name(),
                            first_line(*at)
                        ),
                    ));
                }
                Some(_) => {}
                None => {
                    self.distances.insert(row_pos, (d, line));
                }
            }
        }
        let file = self.file;
        let mk_err = |line: usize, message: String| LayoutError {
            file: file.to_string(),
            line: (line > 0).then_some(line),
            message,
        };
        let (has_pos, taken) = self
            .placed
            .entry(row_pos)
            .or_insert_with(|| (place.seat_pos.is_some(), HashMap::new()));
        if *has_pos != place.seat_pos.is_some() {
            return Err(mk_err(
                line,
                format!(
                    "seat {number} of {} {} but others of the row {}: give every seat of a \
                     row its position, or none",
                    row_name(),
                    if place.seat_pos.is_some() {
                        "has a position"
                    } else {
                        "has no position"
                    },
                    if *has_pos { "do" } else { "do not" }
                ),
            ));
        }
        if let Some(p) = place.seat_pos {
            if p == 0 || p > super::MAX_SEAT_POS {
                return Err(mk_err(
                    line,
                    format!(
                        "position {p} of seat {number}: positions run from 1 to {}",
                        super::MAX_SEAT_POS
                    ),
                ));
            }
            if let Some(at) = taken.insert(p, line) {
                return Err(mk_err(
                    line,
                    format!(
                        "seat {number} of {} is at position {p}, where another seat already \
                         is{}",
                        row_name(),
                        first_line(at)
                    ),
                ));
            }
        }
        if let Some(id) = &place.external_id
            && let Some(at) = self.external_ids.insert(id.clone(), line)
        {
            return Err(self.err(
                line,
                format!("external id `{id}` is given twice{}", first_line(at)),
            ));
        }
        if let Some(name) = name {
            self.names.insert(self.seats.len(), name);
        }
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
                seat_pos: place.seat_pos,
                external_id: place.external_id,
                area: false,
            },
            line,
        ));
        Ok(())
    }

    /// The areas' places, after the seats: section = the area, no row, numbers 1..capacity.
    /// An area may not share its name with a section of seats.
    fn push_places(&mut self) -> Result<(), LayoutError> {
        let areas = std::mem::take(&mut self.areas);
        for (area, line) in &areas {
            if self.sections.contains_key(&area.name) {
                return Err(self.err(
                    *line,
                    format!(
                        "area `{}` has the name of a section of seats: give it another",
                        area.name
                    ),
                ));
            }
            let section_pos = self.sections.len() as u32;
            self.sections.insert(area.name.clone(), section_pos);
            let row_pos = self.rows.len() as u32;
            self.rows
                .insert((area.name.clone(), String::new()), row_pos);
            self.seats.reserve(area.capacity as usize);
            for number in 1..=area.capacity {
                self.seats.push((
                    LayoutSeat {
                        section: area.name.clone(),
                        row: String::new(),
                        number,
                        label: format!("{}#{number}", area.name),
                        category: area.category.clone(),
                        attributes: SeatAttrs::default(),
                        section_pos,
                        row_pos,
                        seat_pos: None,
                        external_id: None,
                        area: true,
                    },
                    *line,
                ));
            }
        }
        self.areas = areas;
        Ok(())
    }

    /// Labels are `ROW-SEAT`; when any row and seat number repeats across sections, every label
    /// of the layout becomes `SECTION-ROW-SEAT` so staff see one consistent scheme.
    pub(super) fn finish(mut self) -> Result<Layout, LayoutError> {
        if self.seats.is_empty() && self.areas.is_empty() {
            return Err(self.err(0, "layout has no seats"));
        }
        self.push_places()?;
        let seat_text = |i: usize, seat: &LayoutSeat| {
            self.names
                .get(&i)
                .cloned()
                .unwrap_or_else(|| seat.number.to_string())
        };
        let mut owner: HashMap<(&str, String), &str> = HashMap::new();
        let mut qualify = false;
        for (i, (seat, _)) in self.seats.iter().enumerate().filter(|(_, (s, _))| !s.area) {
            let prev = owner
                .entry((seat.row.as_str(), seat_text(i, seat)))
                .or_insert(seat.section.as_str());
            if *prev != seat.section {
                qualify = true;
                break;
            }
        }
        // Rows with a distance from the stage come first in their section, nearest first;
        // the others keep their file order after them.
        let rank = if self.distances.is_empty() {
            None
        } else {
            let mut rows: Vec<(u32, u32)> = self
                .rows
                .iter()
                .map(|((section, _), &row)| (self.sections[section], row))
                .collect();
            rows.sort_by_key(|&(section, row)| {
                let d = self.distances.get(&row).map(|d| d.0);
                (section, d.is_none(), d, row)
            });
            let rank: HashMap<u32, u32> = rows
                .iter()
                .enumerate()
                .map(|(i, &(_, row))| (row, i as u32))
                .collect();
            Some(rank)
        };
        let mut labels: HashMap<String, usize> = HashMap::with_capacity(self.seats.len());
        let mut seats = Vec::with_capacity(self.seats.len());
        let texts: Vec<String> = self
            .seats
            .iter()
            .enumerate()
            .map(|(i, (seat, _))| seat_text(i, seat))
            .collect();
        for ((mut seat, line), number) in self.seats.into_iter().zip(texts) {
            if let Some(rank) = &rank {
                seat.row_pos = rank[&seat.row_pos];
            }
            if seat.area {
                if let Some(first) = labels.insert(seat.label.clone(), line) {
                    return Err(LayoutError {
                        file: self.file.to_string(),
                        line: (line > 0).then_some(line),
                        message: format!(
                            "the label `{}` of a place of area `{}` is also a seat's (line \
                             {first}); rename the area",
                            seat.label, seat.section
                        ),
                    });
                }
                seats.push(seat);
                continue;
            }
            let mut parts = Vec::with_capacity(3);
            if qualify {
                parts.push(seat.section.as_str());
            }
            if !seat.row.is_empty() {
                parts.push(seat.row.as_str());
            }
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
        let areas = self.areas.into_iter().map(|(a, _)| a).collect();
        Ok(Layout { seats, areas })
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
        assert!(e.message.contains("more than 1000000 seats"), "{e}");
        assert_eq!(e.line, Some(5));
        let mut text = String::from("section,row,seat\n");
        for i in 0..=MAX_SEATS {
            text.push_str(&format!("S,{},{}\n", i / 1000 + 1, i % 1000 + 1));
        }
        let e = csv(&text).unwrap_err();
        assert_eq!(e.line, Some(MAX_SEATS + 2));
    }

    #[test]
    fn areas_become_places_after_the_seats() {
        let l = toml(
            "[[section]]\nname = \"S\"\n[[section.row]]\nname = \"A\"\nseats = \"1-2\"\n\
             [[area]]\nname = \"Floor\"\ncapacity = 3\ncategory = \"GA\"\n",
        )
        .unwrap();
        assert_eq!(labels(&l), ["A-1", "A-2", "Floor#1", "Floor#2", "Floor#3"]);
        assert_eq!(l.seat_count(), 2);
        assert_eq!(l.areas.len(), 1);
        let place = &l.seats[4];
        assert!(place.area && place.row.is_empty() && place.number == 3);
        assert_eq!(place.category.as_deref(), Some("GA"));
        assert_eq!(place.section_pos, 1);
        // An area alone is a layout too.
        let l = toml("[[area]]\nname = \"Floor\"\ncapacity = 2\n").unwrap();
        assert_eq!(labels(&l), ["Floor#1", "Floor#2"]);
        let l = csv("section,row,seat,capacity\nS,A,1,\nFloor,,,5\n").unwrap();
        assert_eq!(l.len(), 6);
    }

    #[test]
    fn bad_areas_are_refused_with_their_line() {
        let cases = [
            (
                toml("[[area]]\nname = \"Floor\"\ncapacity = 0\n"),
                "capacity 0",
            ),
            (
                toml(
                    "[[area]]\nname = \"F\"\ncapacity = 2\n[[area]]\nname = \"F\"\ncapacity = 3\n",
                ),
                "duplicate area `F` (first defined on line 2)",
            ),
            (
                csv("section,row,seat,capacity\nS,A,1,\nS,,,5\n"),
                "area `S` has the name of a section",
            ),
            (
                csv("section,row,seat,capacity\nFloor,A,,5\n"),
                "leave its row and seat empty",
            ),
            (csv("section,row,seat,capacity\nFloor,,,lots\n"), "`lots`"),
            (
                toml("[[area]]\nname = \"F\"\ncapacity = 100000\n"),
                "1 to 99999 places",
            ),
        ];
        for (got, want) in cases {
            let e = got.unwrap_err();
            assert!(e.message.contains(want), "{e} (wanted {want})");
            assert!(e.line.is_some(), "{e}");
        }
    }
}
