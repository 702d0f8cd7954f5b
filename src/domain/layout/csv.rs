//! CSV layouts: one seat per record under a `section,row,seat` header, optionally with
//! `category`, `attributes`, `position` (along the row), `row_distance` (from the stage) and
//! `external_id`, in any column order; a record with a `capacity` (and no row or seat) is a
//! general-admission area named by its `section`. Every error names the line of the record it
//! came from.

use super::builder::Builder;
use super::ranges::{check_name, parse_seat_number};
use super::{Layout, LayoutError, Place};
use crate::domain::SeatAttrs;

pub(super) fn parse_csv(text: &str, file: &str) -> Result<Layout, LayoutError> {
    let err = |line: usize, message: String| LayoutError {
        file: file.to_string(),
        line: Some(line),
        message,
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| err(1, format!("cannot read CSV header: {e}")))?
        .clone();
    let (mut section, mut row, mut seat, mut category, mut attributes) =
        (None, None, None, None, None);
    let (mut position, mut row_distance, mut external_id, mut capacity) = (None, None, None, None);
    for (i, name) in headers.iter().enumerate() {
        let slot = match name.to_ascii_lowercase().as_str() {
            "section" => &mut section,
            "row" => &mut row,
            "seat" => &mut seat,
            "category" => &mut category,
            "attributes" => &mut attributes,
            "position" => &mut position,
            "row_distance" => &mut row_distance,
            "external_id" => &mut external_id,
            "capacity" => &mut capacity,
            "" => return Err(err(1, format!("column {} has an empty name", i + 1))),
            other => {
                return Err(err(
                    1,
                    format!(
                        "unknown column `{other}` (expected section,row,seat and optionally \
                         category,attributes,position,row_distance,external_id,capacity)"
                    ),
                ));
            }
        };
        if slot.replace(i).is_some() {
            return Err(err(1, format!("column `{name}` appears twice")));
        }
    }
    let (Some(section), Some(row), Some(seat)) = (section, row, seat) else {
        return Err(err(
            1,
            format!(
                "header must name the columns section,row,seat (and optionally category), found `{}`",
                headers.iter().collect::<Vec<_>>().join(",")
            ),
        ));
    };
    let mut b = Builder::new(file);
    let mut record = csv::StringRecord::new();
    let mut lines = Lines::new(text);
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.of(p.byte()));
                let message = match e.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => format!("expected {expected_len} fields like the header, found {len}"),
                    _ => format!("malformed CSV: {e}"),
                };
                return Err(err(line, message));
            }
        }
        let line = record.position().map_or(0, |p| lines.of(p.byte()));
        let get = |i: usize| record.get(i).unwrap_or("");
        let (sec, rw) = (get(section), get(row));
        // A general-admission area: its name under `section`, a `capacity`, no row or seat.
        if let Some(cap) = capacity.map(get).filter(|v| !v.is_empty()) {
            if !rw.is_empty() || !get(seat).is_empty() {
                return Err(err(
                    line,
                    "a record with a `capacity` is a general-admission area: leave its row and \
                     seat empty"
                        .into(),
                ));
            }
            let cap: u32 = cap.parse().map_err(|_| {
                err(
                    line,
                    format!("capacity `{cap}` is not a whole number of places"),
                )
            })?;
            b.push_area(sec, category.map(get), cap, line)?;
            continue;
        }
        check_name("section", sec).map_err(|m| err(line, m))?;
        check_name("row", rw).map_err(|m| err(line, m))?;
        let seat_pos_given = position.map(get).is_some_and(|v| !v.is_empty());
        // A seat named otherwise than by a number (`12 bis`, `101A`) needs its position.
        let (number, name) = match parse_seat_number(get(seat)) {
            Ok(n) => (n, None),
            Err(_) if seat_pos_given && !get(seat).is_empty() => (0, Some(get(seat).to_string())),
            Err(m) if position.is_some() => return Err(err(line, m)),
            Err(m) => {
                return Err(err(
                    line,
                    format!("{m} (a seat named otherwise needs a `position` column)"),
                ));
            }
        };
        let attrs = attributes
            .map_or(Ok(SeatAttrs::default()), |i| SeatAttrs::parse(get(i)))
            .map_err(|m| err(line, m))?;
        let whole = |column: &str, i: Option<usize>| -> Result<Option<u32>, LayoutError> {
            match i.map(get).filter(|v| !v.is_empty()) {
                None => Ok(None),
                Some(v) => v.parse::<u32>().map(Some).map_err(|_| {
                    err(
                        line,
                        format!("{column} `{v}` is not a whole number (0 or more)"),
                    )
                }),
            }
        };
        let place = Place {
            seat_pos: whole("position", position)?,
            row_distance: whole("row_distance", row_distance)?,
            external_id: external_id
                .map(get)
                .filter(|v| !v.is_empty())
                .map(str::to_string),
            name,
        };
        b.push_placed(sec, rw, number, category.map(get), attrs, place, line)?;
    }
    b.finish()
}

/// Lines of the records, counted as they come (records arrive in file order, so each count
/// starts where the last one stopped). With `\r\n` endings the csv crate starts a record at
/// the `\n` and counts lines one short, so line ends at a record's start are skipped first.
struct Lines<'t> {
    bytes: &'t [u8],
    at: usize,
    line: usize,
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Self {
        Lines {
            bytes: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    fn of(&mut self, byte: u64) -> usize {
        let mut to = (byte as usize).min(self.bytes.len());
        while to < self.bytes.len() && matches!(self.bytes[to], b'\r' | b'\n') {
            to += 1;
        }
        if to < self.at {
            // Not in order (an error position): count from the start.
            self.at = 0;
            self.line = 1;
        }
        self.line += self.bytes[self.at..to]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        self.at = to;
        self.line
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::layout::tests::{csv, labels};

    #[test]
    fn csv_accepts_bom_any_column_order_and_crlf() {
        let l = csv("\u{feff}Seat,Row,Section\r\n3,B,Main\r\n").unwrap();
        assert_eq!(labels(&l), ["B-3"]);
    }

    #[test]
    fn seats_named_by_text_need_a_position() {
        let l = csv("section,row,seat,position\nS,A,12,1\nS,A,12 bis,2\nS,A,13,3\n").unwrap();
        assert_eq!(labels(&l), ["A-12", "A-12 bis", "A-13"]);
        assert_eq!(l.seats[1].seat_pos, Some(2));
        let e = csv("section,row,seat\nS,A,12 bis\n").unwrap_err();
        assert!(e.message.contains("needs a `position` column"), "{e}");
        let e = csv("section,row,seat,position\nS,A,12 bis,2\nS,A,12 bis,3\n").unwrap_err();
        assert!(e.message.contains("duplicate"), "{e}");
    }

    #[test]
    fn crlf_errors_name_the_right_line() {
        for text in [
            "section,row,seat\r\nMain,A,1\r\nMain,A,x\r\n",
            "section,row,seat\nMain,A,1\nMain,A,x\n",
        ] {
            let e = csv(text).unwrap_err();
            assert_eq!(e.line, Some(3), "{text:?}: {e}");
        }
        let e = csv("section,row,seat\r\nMain,A,1\r\nMain,B,2,9\r\n").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
    }

    #[test]
    fn csv_errors_name_the_line() {
        let cases = [
            (
                "section,row,seat\nS,A,1\nS,A,1\n",
                3,
                "duplicate seat 1 of row `A`",
            ),
            ("section,row,seat\nS,,1\n", 2, "empty row name"),
            ("section,row,seat\nS,A,x\n", 2, "seat number `x`"),
            ("section,row,seat\nS,A,0\n", 2, "seat number `0`"),
            (
                "section,row,seat,price\nS,A,1,5\n",
                1,
                "unknown column `price`",
            ),
            ("section,row\nS,A\n", 1, "header must name"),
            ("section,row,seat\nS,A,1\nS,A\n", 3, "expected 3 fields"),
        ];
        for (text, line, message) in cases {
            let e = csv(text).unwrap_err();
            assert_eq!(e.line, Some(line), "{text:?}: {e}");
            assert!(e.message.contains(message), "{text:?}: {e}");
            assert!(e.to_string().starts_with(&format!("venue.csv:{line}: ")));
        }
        assert!(
            csv("section,row,seat\n")
                .unwrap_err()
                .message
                .contains("no seats")
        );
    }
}
