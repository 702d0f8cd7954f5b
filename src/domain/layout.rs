//! Seat layouts: parsing CSV, TOML and JSON venue files into a validated list of seats.
//! A file either parses whole or is rejected with its name, the line and what is wrong.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::domain::SeatAttrs;

/// Above this a layout is almost certainly a mistake (or an attack on memory).
pub const MAX_SEATS: usize = 200_000;
/// Seat numbers are printed and sorted as integers; this keeps them sane.
pub const MAX_SEAT_NUMBER: u32 = 99_999;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutSeat {
    pub section: String,
    pub row: String,
    pub number: u32,
    pub label: String,
    pub category: Option<String>,
    /// accessible / companion / restricted-view.
    pub attributes: SeatAttrs,
    /// Order of first appearance in the file: the map and "best seats" follow it.
    pub section_pos: u32,
    pub row_pos: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    pub seats: Vec<LayoutSeat>,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Toml,
    Json,
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
        let file = path.display().to_string();
        let format = Format::from_path(path)?;
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
            Format::Json => parse_json(text, file),
        }
    }

    /// `--seats N`: one section, one unnamed row, seats labelled `1`..`N`.
    pub fn general_admission(n: u32) -> Result<Layout, String> {
        if n == 0 || n as usize > MAX_SEATS || n > MAX_SEAT_NUMBER {
            return Err(format!(
                "--seats must be between 1 and {} (got {n})",
                MAX_SEATS.min(MAX_SEAT_NUMBER as usize)
            ));
        }
        let mut b = Builder::new("--seats");
        for number in 1..=n {
            b.push("Main", "", number, None, SeatAttrs::default(), 0)
                .expect("generated seats are unique and within limits");
        }
        b.finish().map_err(|e| e.to_string())
    }

    pub fn len(&self) -> usize {
        self.seats.len()
    }

    pub fn is_empty(&self) -> bool {
        self.seats.is_empty()
    }
}

/// Collects seats with their source line, rejecting duplicates and oversize layouts as it goes.
struct Builder<'a> {
    file: &'a str,
    seats: Vec<(LayoutSeat, usize)>,
    seen: HashMap<(String, String, u32), usize>,
    sections: HashMap<String, u32>,
    rows: HashMap<(String, String), u32>,
}

impl<'a> Builder<'a> {
    fn new(file: &'a str) -> Self {
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
    fn reserve(&self, extra: usize, line: usize) -> Result<(), LayoutError> {
        if self.seats.len() + extra > MAX_SEATS {
            return Err(self.err(
                line,
                format!("layout has more than {MAX_SEATS} seats, the most one event may have"),
            ));
        }
        Ok(())
    }

    fn push(
        &mut self,
        section: &str,
        row: &str,
        number: u32,
        category: Option<&str>,
        attributes: SeatAttrs,
        line: usize,
    ) -> Result<(), LayoutError> {
        self.reserve(1, line)?;
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
    fn finish(self) -> Result<Layout, LayoutError> {
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

fn check_name(kind: &str, value: &str) -> Result<(), String> {
    if value.is_empty() {
        return Err(format!("empty {kind} name"));
    }
    if value.chars().count() > 64 {
        return Err(format!(
            "{kind} name `{value}` is longer than 64 characters"
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(format!(
            "{kind} name {value:?} contains a control character"
        ));
    }
    Ok(())
}

fn parse_seat_number(text: &str) -> Result<u32, String> {
    match text.parse::<u32>() {
        Ok(n) if (1..=MAX_SEAT_NUMBER).contains(&n) => Ok(n),
        _ => Err(format!(
            "seat number `{text}` is not a whole number between 1 and {MAX_SEAT_NUMBER}"
        )),
    }
}

fn parse_csv(text: &str, file: &str) -> Result<Layout, LayoutError> {
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
    for (i, name) in headers.iter().enumerate() {
        let slot = match name.to_ascii_lowercase().as_str() {
            "section" => &mut section,
            "row" => &mut row,
            "seat" => &mut seat,
            "category" => &mut category,
            "attributes" => &mut attributes,
            "" => return Err(err(1, format!("column {} has an empty name", i + 1))),
            other => {
                return Err(err(
                    1,
                    format!(
                        "unknown column `{other}` (expected section,row,seat and optionally \
                         category,attributes)"
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
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                let message = match e.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => format!("expected {expected_len} fields like the header, found {len}"),
                    _ => format!("malformed CSV: {e}"),
                };
                return Err(err(line, message));
            }
        }
        let line = record.position().map_or(0, |p| p.line() as usize);
        let get = |i: usize| record.get(i).unwrap_or("");
        let (sec, rw) = (get(section), get(row));
        check_name("section", sec).map_err(|m| err(line, m))?;
        check_name("row", rw).map_err(|m| err(line, m))?;
        let number = parse_seat_number(get(seat)).map_err(|m| err(line, m))?;
        let attrs = attributes
            .map_or(Ok(SeatAttrs::default()), |i| SeatAttrs::parse(get(i)))
            .map_err(|m| err(line, m))?;
        b.push(sec, rw, number, category.map(get), attrs, line)?;
    }
    b.finish()
}

/// The TOML/JSON shape: sections → rows → seat ranges. See the README and `examples/`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "S: Deserialize<'de>"))]
struct FileLayout<S> {
    #[serde(rename = "section")]
    sections: Vec<FileSection<S>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "S: Deserialize<'de>"))]
struct FileSection<S> {
    name: S,
    category: Option<String>,
    #[serde(rename = "row", default)]
    rows: Vec<FileRow<S>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileRow<S> {
    /// One row name, e.g. `"A"`.
    name: Option<S>,
    /// Several rows with the same seats, e.g. `"A-H,J-P"` or `"1-20"`.
    names: Option<S>,
    /// Seat numbers with gaps, e.g. `"1-8,11-20"`.
    seats: S,
    category: Option<String>,
    /// Which of the row's seats are wheelchair spaces, e.g. `"1-2,61-62"`.
    accessible: Option<S>,
    /// Seats kept for the companions of wheelchair users.
    companion: Option<S>,
    /// Seats with a restricted view (a pillar, the edge of the stage).
    restricted_view: Option<S>,
}

/// A string field that may know where it stood in the file.
trait Located {
    fn text(&self) -> &str;
    fn offset(&self) -> Option<usize>;
}

impl Located for String {
    fn text(&self) -> &str {
        self
    }
    fn offset(&self) -> Option<usize> {
        None
    }
}

impl Located for Spanned<String> {
    fn text(&self) -> &str {
        self.get_ref()
    }
    fn offset(&self) -> Option<usize> {
        Some(self.span().start)
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    1 + text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

fn parse_toml(text: &str, file: &str) -> Result<Layout, LayoutError> {
    let parsed: FileLayout<Spanned<String>> = toml::from_str(text).map_err(|e| LayoutError {
        file: file.to_string(),
        line: e.span().map(|s| line_of(text, s.start)),
        message: e.message().trim_end().to_string(),
    })?;
    build_from_sections(parsed, text, file)
}

fn parse_json(text: &str, file: &str) -> Result<Layout, LayoutError> {
    let parsed: FileLayout<String> = serde_json::from_str(text).map_err(|e| LayoutError {
        file: file.to_string(),
        line: Some(e.line()),
        message: e.to_string(),
    })?;
    build_from_sections(parsed, text, file)
}

fn build_from_sections<S: Located>(
    parsed: FileLayout<S>,
    text: &str,
    file: &str,
) -> Result<Layout, LayoutError> {
    let mut b = Builder::new(file);
    let at = |field: &S| field.offset().map_or(0, |o| line_of(text, o));
    let err = |line: usize, message: String| LayoutError {
        file: file.to_string(),
        line: (line > 0).then_some(line),
        message,
    };
    if parsed.sections.is_empty() {
        return Err(err(0, "layout has no [[section]] tables".into()));
    }
    for (si, section) in parsed.sections.iter().enumerate() {
        let sec = section.name.text();
        let where_section = || format!("section {} (`{sec}`)", si + 1);
        check_name("section", sec).map_err(|m| err(at(&section.name), m))?;
        if section.rows.is_empty() {
            return Err(err(
                at(&section.name),
                format!("{} has no rows", where_section()),
            ));
        }
        for (ri, row) in section.rows.iter().enumerate() {
            let line = at(&row.seats);
            let where_row = || format!("{}, row entry {}", where_section(), ri + 1);
            let names = match (&row.name, &row.names) {
                (Some(name), None) => {
                    check_name("row", name.text()).map_err(|m| err(at(name), m))?;
                    vec![name.text().to_string()]
                }
                (None, Some(names)) => {
                    expand_row_names(names.text()).map_err(|m| err(at(names), m))?
                }
                _ => {
                    return Err(err(
                        line,
                        format!("{}: give exactly one of `name` or `names`", where_row()),
                    ));
                }
            };
            let ranges = parse_ranges(row.seats.text()).map_err(|m| {
                let m = if line == 0 {
                    format!("{}: {m}", where_row())
                } else {
                    m
                };
                err(line, m)
            })?;
            let per_row: usize = ranges.iter().map(|(a, z)| (z - a + 1) as usize).sum();
            b.reserve(per_row.saturating_mul(names.len()), line)?;
            let category = row.category.as_deref().or(section.category.as_deref());
            let mut marked: HashMap<u32, SeatAttrs> = HashMap::new();
            for (name, field) in
                SeatAttrs::NAMES
                    .iter()
                    .zip([&row.accessible, &row.companion, &row.restricted_view])
            {
                let Some(field) = field else { continue };
                let line = at(field);
                for (first, last) in parse_ranges(field.text()).map_err(|m| err(line, m))? {
                    for number in first..=last {
                        if !ranges.iter().any(|&(a, z)| (a..=z).contains(&number)) {
                            return Err(err(
                                line,
                                format!(
                                    "{}: `{}` names seat {number}, which is not in `seats`",
                                    where_row(),
                                    name.replace('-', "_")
                                ),
                            ));
                        }
                        let attrs = marked.entry(number).or_default();
                        *attrs = attrs.with(name).map_err(|m| {
                            err(line, format!("{}: seat {number}: {m}", where_row()))
                        })?;
                    }
                }
            }
            for name in &names {
                for &(first, last) in &ranges {
                    for number in first..=last {
                        let attrs = marked.get(&number).copied().unwrap_or_default();
                        b.push(sec, name, number, category, attrs, line)?;
                    }
                }
            }
        }
    }
    b.finish()
}

/// `"1-8,11-20"` → `[(1, 8), (11, 20)]`. Overlaps are caught later as duplicate seats.
pub fn parse_ranges(spec: &str) -> Result<Vec<(u32, u32)>, String> {
    if spec.trim().is_empty() {
        return Err("empty row: `seats` lists no seat numbers".into());
    }
    spec.split(',')
        .map(|part| {
            let part = part.trim();
            let (a, z) = match part.split_once('-') {
                Some((a, z)) => (a.trim(), z.trim()),
                None => (part, part),
            };
            let bad = |why: &str| format!("bad seat range `{part}` in `{spec}`: {why}");
            if a.is_empty() || z.is_empty() {
                return Err(bad("expected N or N-M"));
            }
            let first = parse_seat_number(a).map_err(|m| bad(&m))?;
            let last = parse_seat_number(z).map_err(|m| bad(&m))?;
            if first > last {
                return Err(bad("the range runs backwards"));
            }
            Ok((first, last))
        })
        .collect()
}

/// `"A-H,J-P"` → A..H and J..P; `"1-3"` → 1, 2, 3; anything else is taken as one name.
fn expand_row_names(spec: &str) -> Result<Vec<String>, String> {
    let mut names = Vec::new();
    for part in spec.split(',').map(str::trim) {
        check_name("row", part)?;
        let Some((a, z)) = part.split_once('-') else {
            names.push(part.to_string());
            continue;
        };
        let (a, z) = (a.trim(), z.trim());
        if let (Ok(first), Ok(last)) = (a.parse::<u32>(), z.parse::<u32>()) {
            if first > last || last - first >= 1000 {
                return Err(format!(
                    "bad row range `{part}`: must run forwards, at most 1000 rows"
                ));
            }
            names.extend((first..=last).map(|n| n.to_string()));
            continue;
        }
        let mut a_chars = a.chars();
        let mut z_chars = z.chars();
        match (
            a_chars.next(),
            a_chars.next(),
            z_chars.next(),
            z_chars.next(),
        ) {
            (Some(first), None, Some(last), None)
                if first.is_ascii_alphabetic()
                    && last.is_ascii_alphabetic()
                    && first.is_ascii_uppercase() == last.is_ascii_uppercase()
                    && first <= last =>
            {
                names.extend((first..=last).map(String::from));
            }
            _ => {
                return Err(format!(
                    "bad row range `{part}`: expected letters like `A-H` or numbers like `1-20`"
                ));
            }
        }
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(text: &str) -> Result<Layout, LayoutError> {
        Layout::parse_bytes(text.as_bytes(), Format::Csv, "venue.csv")
    }

    fn toml(text: &str) -> Result<Layout, LayoutError> {
        Layout::parse_bytes(text.as_bytes(), Format::Toml, "venue.toml")
    }

    fn labels(layout: &Layout) -> Vec<&str> {
        layout.seats.iter().map(|s| s.label.as_str()).collect()
    }

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
    fn csv_accepts_bom_any_column_order_and_crlf() {
        let l = csv("\u{feff}Seat,Row,Section\r\n3,B,Main\r\n").unwrap();
        assert_eq!(labels(&l), ["B-3"]);
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

    #[test]
    fn non_utf8_names_the_line() {
        let e = Layout::parse_bytes(b"section,row,seat\nS,A,1\nS,\xff,2\n", Format::Csv, "v.csv")
            .unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("UTF-8"));
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

    #[test]
    fn toml_rows_ranges_and_gaps() {
        let l = toml(
            r#"
[[section]]
name = "Stalls"
category = "standard"

[[section.row]]
name = "A"
seats = "1-3, 6"
category = "premium"

[[section.row]]
names = "B-C"
seats = "1-2"
"#,
        )
        .unwrap();
        assert_eq!(
            labels(&l),
            ["A-1", "A-2", "A-3", "A-6", "B-1", "B-2", "C-1", "C-2"]
        );
        assert_eq!(l.seats[0].category.as_deref(), Some("premium"));
        assert_eq!(l.seats[4].category.as_deref(), Some("standard"));
        assert_eq!(l.seats[6].row_pos, 2);
    }

    #[test]
    fn seat_attributes_from_csv_and_toml() {
        let l = csv(
            "section,row,seat,attributes\nS,A,1,accessible\nS,A,2,\"companion, restricted-view\"\nS,A,3,\n",
        )
        .unwrap();
        assert!(l.seats[0].attributes.accessible);
        assert_eq!(
            l.seats[1].attributes.names(),
            ["companion", "restricted-view"]
        );
        assert!(l.seats[2].attributes.is_empty());
        let e = csv("section,row,seat,attributes\nS,A,1,accesible\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("did you mean `accessible`"), "{e}");

        let l = toml(
            r#"
[[section]]
name = "S"
[[section.row]]
names = "A-B"
seats = "1-4,7-8"
accessible = "1,8"
companion = "2,7"
restricted_view = "7-8"
"#,
        )
        .unwrap();
        let get = |label: &str| {
            l.seats
                .iter()
                .find(|s| s.label == label)
                .unwrap()
                .attributes
        };
        assert!(get("A-1").accessible && get("B-1").accessible);
        assert!(get("B-2").companion && !get("B-2").restricted_view);
        assert_eq!(get("A-8").names(), ["accessible", "restricted-view"]);
        assert!(get("A-3").is_empty());

        let head = "[[section]]\nname = \"S\"\n[[section.row]]\nname = \"A\"\nseats = \"1-4\"\n";
        let cases = [
            (
                format!("{head}accessible = \"5\"\n"),
                "names seat 5, which is not in `seats`",
            ),
            (
                format!("{head}accessible = \"1\"\ncompanion = \"1-2\"\n"),
                "both",
            ),
            (format!("{head}companion = \"2-x\"\n"), "bad seat range"),
        ];
        for (text, message) in cases {
            let e = toml(&text).unwrap_err();
            assert!(e.message.contains(message), "{text:?}: {e}");
            assert!(e.line.is_some_and(|l| l >= 6), "{text:?}: {e}");
        }
    }

    #[test]
    fn toml_errors_name_the_line() {
        let head = "[[section]]\nname = \"S\"\n[[section.row]]\nname = \"A\"\n";
        let cases = [
            (format!("{head}seats = \"5-2\"\n"), 5, "runs backwards"),
            (format!("{head}seats = \"1-x\"\n"), 5, "bad seat range"),
            (format!("{head}seats = \"\"\n"), 5, "empty row"),
            (format!("{head}seats = \"1-4,3\"\n"), 5, "duplicate seat 3"),
            (
                format!("{head}seats = \"1\"\nprice = 3\n"),
                6,
                "unknown field `price`",
            ),
            ("[[section]]\nname = \"S\"\n".to_string(), 2, "has no rows"),
            (
                "[[section]]\nname = \"\"\n[[section.row]]\nname=\"A\"\nseats=\"1\"\n".into(),
                2,
                "empty section name",
            ),
        ];
        for (text, line, message) in cases {
            let e = toml(&text).unwrap_err();
            assert!(e.message.contains(message), "{text:?}: {e}");
            assert_eq!(e.line, Some(line), "{text:?}: {e}");
        }
    }

    #[test]
    fn json_uses_the_same_shape() {
        let l = Layout::parse_bytes(
            br#"{"section":[{"name":"S","row":[{"name":"A","seats":"1-2"}]}]}"#,
            Format::Json,
            "v.json",
        )
        .unwrap();
        assert_eq!(labels(&l), ["A-1", "A-2"]);
    }

    #[test]
    fn general_admission_labels_are_plain_numbers() {
        let l = Layout::general_admission(3).unwrap();
        assert_eq!(labels(&l), ["1", "2", "3"]);
        assert!(Layout::general_admission(0).is_err());
    }

    #[test]
    fn row_name_ranges() {
        assert_eq!(expand_row_names("A-C,E").unwrap(), ["A", "B", "C", "E"]);
        assert_eq!(expand_row_names("1-3").unwrap(), ["1", "2", "3"]);
        assert!(expand_row_names("A-3").is_err());
        assert!(expand_row_names("C-A").is_err());
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
