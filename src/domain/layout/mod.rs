//! Seat layouts: parsing CSV, TOML and JSON venue files into a validated list of seats.
//! A file either parses whole or is rejected with its name, the line and what is wrong.

use std::fmt;
use std::path::Path;

use crate::domain::SeatAttrs;

mod builder;
mod csv;
mod pretix;
mod ranges;
mod sections;

use self::builder::Builder;
use self::csv::parse_csv;
use self::sections::{parse_json, parse_toml};

pub use self::ranges::parse_ranges;

/// Above this a layout is almost certainly a mistake (or an attack on memory): the largest
/// stadiums and racecourses hold about 250 000.
pub const MAX_SEATS: usize = 1_000_000;
/// Seat numbers are printed and sorted as integers; this keeps them sane.
pub const MAX_SEAT_NUMBER: u32 = 99_999;
/// Positions along a row: a seat and an aisle each take one, so this is ample.
pub const MAX_SEAT_POS: u32 = 999_999;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutSeat {
    pub section: String,
    pub row: String,
    pub number: u32,
    pub label: String,
    pub category: Option<String>,
    /// accessible / companion / restricted-view.
    pub attributes: SeatAttrs,
    /// Order of first appearance in the file: the map and "best seats" follow it. Within a
    /// section, rows given a distance from the stage are ranked by it (nearest first).
    pub section_pos: u32,
    pub row_pos: u32,
    /// Where the seat is along its row, counted from the left as the audience faces the stage
    /// (a gap of more than one is an aisle); `None`: the seat number stands for it.
    pub seat_pos: Option<u32>,
    /// The layout's own id for the seat (a pretix `seat_guid`), unique within the layout.
    pub external_id: Option<String>,
    /// A place of a general-admission area (`section` is the area, `row` empty, `number`
    /// 1..capacity, label `AREA#N`), not a seat.
    pub area: bool,
}

/// A general-admission area (a dance floor, a standing terrace): a capacity and a category, no
/// seats. Stored as `capacity` places (see [`LayoutSeat::area`]), which the layout's `seats`
/// carry after its seats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutArea {
    pub name: String,
    pub category: Option<String>,
    /// Places, 1..=[`MAX_AREA_CAPACITY`].
    pub capacity: u32,
}

/// The most places one general-admission area may have (place numbers are seat numbers).
pub const MAX_AREA_CAPACITY: u32 = MAX_SEAT_NUMBER;

/// Seats named by text rather than a number (`12 bis`, `101A`, `S`) get a number of their own
/// above every real seat number: `NAMED_SEAT_BASE` + their position along the row.
pub const NAMED_SEAT_BASE: u32 = 1_000_000;

/// What a layout may say about a seat besides its section, row and number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    /// See [`LayoutSeat::seat_pos`].
    pub seat_pos: Option<u32>,
    /// See [`LayoutSeat::external_id`].
    pub external_id: Option<String>,
    /// The row's distance from the stage (any unit, smaller is nearer): rows of a section
    /// are ranked by it, those without one after, in file order.
    pub row_distance: Option<u32>,
    /// The seat's name when it is not a number (`12 bis`, `101A`, pretix's `0-0`): it is the
    /// seat part of the label. Needs a position.
    pub name: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// The seats, then the places of the areas.
    pub seats: Vec<LayoutSeat>,
    /// General-admission areas, in file order.
    pub areas: Vec<LayoutArea>,
}

/// A layout file problem: which file, which line (when known), and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for LayoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for LayoutError {}

/// A layout file's format: by extension, or as `--format` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Toml,
    /// seatctl's JSON, or a pretix plan (told apart by its `zones`).
    Json,
    /// A pretix seating plan, whatever the file is called.
    Pretix,
}

impl Format {
    pub fn from_path(path: &Path) -> Result<Format, LayoutError> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase());
        match ext.as_deref() {
            Some("csv") => Ok(Format::Csv),
            Some("toml") => Ok(Format::Toml),
            Some("json") => Ok(Format::Json),
            other => Err(LayoutError {
                file: path.display().to_string(),
                line: None,
                message: format!(
                    "unknown layout format {} (expected a .csv, .toml or .json file)",
                    other.map_or("without extension".to_string(), |e| format!("`.{e}`"))
                ),
            }),
        }
    }
}

impl Layout {
    /// Reads and parses a layout file, choosing the format by its extension.
    pub fn from_file(path: &Path) -> Result<Layout, LayoutError> {
        Layout::from_file_as(path, None)
    }

    /// Reads and parses a layout file in `format`, or by its extension when `None`.
    pub fn from_file_as(path: &Path, format: Option<Format>) -> Result<Layout, LayoutError> {
        let file = path.display().to_string();
        let format = match format {
            Some(f) => f,
            None => Format::from_path(path)?,
        };
        let bytes = std::fs::read(path).map_err(|e| LayoutError {
            file: file.clone(),
            line: None,
            message: format!("cannot read file: {e}"),
        })?;
        Layout::parse_bytes(&bytes, format, &file)
    }

    pub fn parse_bytes(bytes: &[u8], format: Format, file: &str) -> Result<Layout, LayoutError> {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let line = 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            LayoutError {
                file: file.to_string(),
                line: Some(line),
                message: format!(
                    "file is not valid UTF-8 (bad byte at offset {}); save it as UTF-8",
                    e.valid_up_to()
                ),
            }
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        match format {
            Format::Csv => parse_csv(text, file),
            Format::Toml => parse_toml(text, file),
            // A pretix seating plan is JSON too: told apart by its `zones`.
            Format::Json if pretix::is_pretix(text) => pretix::parse_pretix(text, file),
            Format::Json => parse_json(text, file),
            Format::Pretix => pretix::parse_pretix(text, file),
        }
    }

    /// `--seats N`: one section, one unnamed row, seats labelled `1`..`N`.
    pub fn general_admission(n: u32) -> Result<Layout, String> {
        if n == 0 || n as usize > MAX_SEATS {
            return Err(format!(
                "--seats must be between 1 and {MAX_SEATS} (got {n})"
            ));
        }
        let mut b = Builder::new("--seats");
        for number in 1..=n {
            b.push("Main", "", number, None, SeatAttrs::default(), 0)
                .expect("generated seats are unique and within limits");
        }
        b.finish().map_err(|e| e.to_string())
    }

    /// Seats and places.
    pub fn len(&self) -> usize {
        self.seats.len()
    }

    /// Seats only (not the places of areas).
    pub fn seat_count(&self) -> usize {
        self.seats.iter().filter(|s| !s.area).count()
    }

    pub fn is_empty(&self) -> bool {
        self.seats.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // These helpers are shared with the tests of the submodules.
    pub(super) fn csv(text: &str) -> Result<Layout, LayoutError> {
        Layout::parse_bytes(text.as_bytes(), Format::Csv, "venue.csv")
    }

    pub(super) fn toml(text: &str) -> Result<Layout, LayoutError> {
        Layout::parse_bytes(text.as_bytes(), Format::Toml, "venue.toml")
    }

    pub(super) fn labels(layout: &Layout) -> Vec<&str> {
        layout.seats.iter().map(|s| s.label.as_str()).collect()
    }

    #[test]
    fn non_utf8_names_the_line() {
        let e = Layout::parse_bytes(b"section,row,seat\nS,A,1\nS,\xff,2\n", Format::Csv, "v.csv")
            .unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("UTF-8"));
    }

    #[test]
    fn general_admission_labels_are_plain_numbers() {
        let l = Layout::general_admission(3).unwrap();
        assert_eq!(labels(&l), ["1", "2", "3"]);
        assert!(Layout::general_admission(0).is_err());
    }

    #[test]
    fn format_follows_extension() {
        assert_eq!(Format::from_path(Path::new("x.CSV")).unwrap(), Format::Csv);
        assert!(
            Format::from_path(Path::new("x.txt"))
                .unwrap_err()
                .message
                .contains(".txt")
        );
    }
}
