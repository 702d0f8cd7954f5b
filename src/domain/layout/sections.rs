//! TOML and JSON layouts: the sections → rows → seat ranges shape both formats share, read
//! with serde and expanded into seats (TOML fields know their line, so its errors name it).

use std::collections::HashMap;

use serde::Deserialize;
use toml::Spanned;

use super::builder::Builder;
use super::ranges::{check_name, expand_row_names, parse_ranges};
use super::{Layout, LayoutError, Place};
use crate::domain::SeatAttrs;

/// The TOML/JSON shape: sections → rows → seat ranges. See the README and `examples/`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "S: Deserialize<'de>"))]
struct FileLayout<S> {
    #[serde(rename = "section", default)]
    sections: Vec<FileSection<S>>,
    /// General-admission areas: `[[area]]` with `name`, `capacity`, optional `category`.
    #[serde(rename = "area", default)]
    areas: Vec<FileArea<S>>,
}

/// A general-admission area: a capacity in places and a category, no seats.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileArea<S> {
    name: S,
    capacity: u32,
    category: Option<String>,
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
    /// The row's seat numbers in the order they sit, left to right as the audience faces the
    /// stage, `|` for an aisle: e.g. `"15-1/2 | 2-14/2"` (odd on the left, even on the right),
    /// `"6 4 2 1 3 5"`, `"20-11"` (a snake's return row). Without it seats sit in number order.
    order: Option<S>,
    /// The row's distance from the stage (smaller is nearer; `name` rows only): rows are sold
    /// nearest first whatever their order in the file.
    distance: Option<u32>,
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

pub(super) fn parse_toml(text: &str, file: &str) -> Result<Layout, LayoutError> {
    let parsed: FileLayout<Spanned<String>> = toml::from_str(text).map_err(|e| LayoutError {
        file: file.to_string(),
        line: e.span().map(|s| line_of(text, s.start)),
        message: e.message().trim_end().to_string(),
    })?;
    build_from_sections(parsed, text, file)
}

pub(super) fn parse_json(text: &str, file: &str) -> Result<Layout, LayoutError> {
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
    if parsed.sections.is_empty() && parsed.areas.is_empty() {
        return Err(err(
            0,
            "layout has no [[section]] (or [[area]]) tables".into(),
        ));
    }
    for area in &parsed.areas {
        b.push_area(
            area.name.text(),
            area.category.as_deref(),
            area.capacity,
            at(&area.name),
        )?;
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
            let positions = match &row.order {
                None => None,
                Some(order) => {
                    let line = at(order);
                    let found = parse_order(order.text())
                        .and_then(|o| match_order(&o, &ranges))
                        .map_err(|m| err(line, format!("{}: `order`: {m}", where_row())))?;
                    Some(found)
                }
            };
            if row.distance.is_some() && names.len() > 1 {
                return Err(err(
                    line,
                    format!(
                        "{}: `distance` is for one row (`name`), not several (`names`)",
                        where_row()
                    ),
                ));
            }
            for name in &names {
                for &(first, last) in &ranges {
                    for number in first..=last {
                        let attrs = marked.get(&number).copied().unwrap_or_default();
                        let place = Place {
                            seat_pos: positions.as_ref().map(|p| p[&number]),
                            external_id: None,
                            row_distance: row.distance,
                            name: None,
                        };
                        b.push_placed(sec, name, number, category, attrs, place, line)?;
                    }
                }
            }
        }
    }
    b.finish()
}

/// Parses a row's `order`: seat numbers (`7`), runs (`1-9`, `9-1`, with a step: `15-1/2`) and
/// aisles (`|`), separated by spaces or commas; `None` stands for an aisle.
fn parse_order(text: &str) -> Result<Vec<Option<u32>>, String> {
    let mut out = Vec::new();
    let spaced = text.replace('|', " | ");
    for token in spaced
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
    {
        if token == "|" {
            out.push(None);
            continue;
        }
        let (run, step) = match token.split_once('/') {
            Some((run, step)) => (run, step),
            None => (token, "1"),
        };
        let number = |t: &str| {
            t.trim()
                .parse::<u32>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| {
                    format!("`{token}` is not a seat number, a run like `1-9` or `15-1/2`, or `|`")
                })
        };
        let step = step.parse::<u32>().ok().filter(|s| *s > 0).ok_or_else(|| {
            format!("`{token}`: the step after `/` must be a whole number above 0")
        })?;
        let (a, z) = match run.split_once('-') {
            Some((a, z)) => (number(a)?, number(z)?),
            None => {
                let n = number(run)?;
                (n, n)
            }
        };
        if (a.abs_diff(z)) % step != 0 {
            return Err(format!(
                "`{token}`: {a} to {z} is not a whole number of steps of {step}"
            ));
        }
        let mut n = a;
        loop {
            out.push(Some(n));
            if out.len() > super::MAX_SEAT_POS as usize {
                return Err("too long".into());
            }
            if n == z {
                break;
            }
            n = if a < z { n + step } else { n - step };
        }
    }
    if out.iter().all(Option::is_none) {
        return Err("names no seats".into());
    }
    Ok(out)
}

/// Positions (1 = leftmost; an aisle takes one) of the row's seats from its `order`, which
/// must name every seat of `seats` exactly once and no other.
fn match_order(order: &[Option<u32>], ranges: &[(u32, u32)]) -> Result<HashMap<u32, u32>, String> {
    let mut positions = HashMap::new();
    for (i, seat) in order.iter().enumerate() {
        let Some(n) = seat else { continue };
        if !ranges.iter().any(|&(a, z)| (a..=z).contains(n)) {
            return Err(format!("seat {n} is not in `seats`"));
        }
        if positions.insert(*n, i as u32 + 1).is_some() {
            return Err(format!("seat {n} is named twice"));
        }
    }
    let missing: Vec<String> = ranges
        .iter()
        .flat_map(|&(a, z)| a..=z)
        .filter(|n| !positions.contains_key(n))
        .take(5)
        .map(|n| n.to_string())
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "does not place seat(s) {} of `seats`",
            missing.join(", ")
        ));
    }
    Ok(positions)
}

#[cfg(test)]
mod tests {
    use crate::domain::layout::tests::{csv, labels, toml};
    use crate::domain::layout::{Format, Layout};

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
            // Blank is empty, as in CSV (which trims its fields).
            (
                "[[section]]\nname = \"S\"\n[[section.row]]\nname=\" \"\nseats=\"1\"\n".into(),
                4,
                "empty row name",
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
}
