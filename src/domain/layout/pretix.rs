//! pretix seating plans (the JSON its seating editor exports, schema
//! `pretix/static/seating/seating-plan.schema.json`): zones become sections, rows keep their
//! `row_number`, seats their `seat_number` (a number, or a name such as `12 bis`) and
//! `category`; `seat_guid` is kept as the external id. A seat's place along its row comes from
//! its x coordinate (the row's smallest step between seats is one place, a wider gap leaves
//! places empty: an aisle); rows are ranked from the stage by their y coordinate (the stage at
//! the top of the plan, as pretix draws it). An area (a drawn shape) that carries a `capacity`
//! is a general-admission area named by its text; keys seatctl does not use (sizes, colours,
//! other areas) are ignored, so plans from newer pretix versions import too.

use serde::Deserialize;

use super::builder::Builder;
use super::ranges::parse_seat_number;
use super::{Layout, LayoutError, MAX_SEAT_POS, Place};
use crate::domain::SeatAttrs;

#[derive(Debug, Deserialize)]
struct Plan {
    zones: Vec<Zone>,
    #[serde(default)]
    categories: Vec<Category>,
}

#[derive(Debug, Deserialize)]
struct Category {
    name: String,
}

#[derive(Debug, Deserialize)]
struct Zone {
    name: Option<String>,
    position: Option<Pos>,
    #[serde(default)]
    rows: Vec<Row>,
    #[serde(default)]
    areas: Vec<Area>,
}

/// A shape drawn on the plan (the stage, a bar, a standing area). pretix gives an area no
/// capacity: one that carries a `capacity` (added to the export by hand or by a tool) is a
/// general-admission area, named by its `text`; the others are decoration and ignored.
#[derive(Debug, Deserialize)]
struct Area {
    capacity: Option<u32>,
    category: Option<String>,
    text: Option<AreaText>,
}

/// pretix writes `{"text": "…", "position": …, "color": …}`; a bare string is read too.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum AreaText {
    Drawn { text: Option<String> },
    Plain(String),
}

#[derive(Debug, Deserialize)]
struct Row {
    row_number: String,
    position: Option<Pos>,
    #[serde(default)]
    seats: Vec<Seat>,
}

#[derive(Debug, Deserialize)]
struct Seat {
    seat_guid: String,
    seat_number: String,
    position: Pos,
    category: Option<String>,
}

/// A seat at its absolute x and y on the plan.
type Spot<'a> = (f64, f64, &'a Seat);

#[derive(Debug, Default, Clone, Copy, Deserialize)]
struct Pos {
    x: f64,
    y: f64,
}

/// Whether a JSON layout is a pretix plan (it has `zones`) rather than seatctl's own shape.
pub(super) fn is_pretix(text: &str) -> bool {
    text.contains("\"zones\"")
        && serde_json::from_str::<serde_json::Value>(text)
            .is_ok_and(|v| v.get("zones").is_some() && v.get("section").is_none())
}

pub(super) fn parse_pretix(text: &str, file: &str) -> Result<Layout, LayoutError> {
    let err = |line: Option<usize>, message: String| LayoutError {
        file: file.to_string(),
        line,
        message,
    };
    let plan: Plan = serde_json::from_str(text)
        .map_err(|e| err(Some(e.line()), format!("not a pretix seating plan: {e}")))?;
    let categories: Vec<&str> = plan.categories.iter().map(|c| c.name.as_str()).collect();
    let mut b = Builder::new(file);
    for (zi, zone) in plan.zones.iter().enumerate() {
        let section = zone
            .name
            .clone()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| format!("Zone {}", zi + 1));
        let zpos = zone.position.unwrap_or_default();
        // Entries with one row_number are one row (an editor may draw a row in pieces, around
        // an aisle): their seats, at absolute coordinates, in order of first appearance.
        let mut rows: Vec<(&str, Vec<Spot>)> = Vec::new();
        for r in &zone.rows {
            let rpos = r.position.unwrap_or_default();
            let seats = r.seats.iter().map(|s| {
                (
                    zpos.x + rpos.x + s.position.x,
                    zpos.y + rpos.y + s.position.y,
                    s,
                )
            });
            match rows.iter_mut().find(|(n, _)| *n == r.row_number.as_str()) {
                Some((_, all)) => all.extend(seats),
                None => rows.push((r.row_number.as_str(), seats.collect())),
            }
        }
        rows.retain(|(_, seats)| !seats.is_empty());
        // Rows nearest the top of the plan (the stage) first.
        let mean_y = |seats: &[Spot]| seats.iter().map(|s| s.1).sum::<f64>() / seats.len() as f64;
        let mut order: Vec<(f64, usize)> = rows
            .iter()
            .enumerate()
            .map(|(i, (_, seats))| (mean_y(seats), i))
            .collect();
        order.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        for (distance, &(_, ri)) in order.iter().enumerate() {
            let (row_number, row_seats) = &rows[ri];
            let where_row = format!("zone `{section}`, row `{row_number}`");
            let mut seats: Vec<(f64, &Seat)> = row_seats.iter().map(|s| (s.0, s.2)).collect();
            seats.sort_by(|a, b| a.0.total_cmp(&b.0));
            let places = places_along(&seats.iter().map(|s| s.0).collect::<Vec<_>>());
            for ((_, seat), place) in seats.iter().zip(places) {
                if place > MAX_SEAT_POS {
                    return Err(err(
                        None,
                        format!("{where_row}: the row is too long ({place} places)"),
                    ));
                }
                if let Some(c) = &seat.category
                    && !categories.is_empty()
                    && !categories.contains(&c.as_str())
                {
                    return Err(err(
                        None,
                        format!(
                            "{where_row}, seat `{}`: category `{c}` is not among the plan's \
                             categories ({})",
                            seat.seat_number,
                            categories.join(", ")
                        ),
                    ));
                }
                let (number, name) = match parse_seat_number(seat.seat_number.trim()) {
                    Ok(n) => (n, None),
                    Err(_) => (0, Some(seat.seat_number.clone())),
                };
                let guid = seat.seat_guid.trim();
                if guid.is_empty() {
                    return Err(err(
                        None,
                        format!("{where_row}, seat `{}`: empty seat_guid", seat.seat_number),
                    ));
                }
                let place = Place {
                    seat_pos: Some(place),
                    external_id: Some(guid.to_string()),
                    row_distance: Some(distance as u32),
                    name,
                };
                b.push_placed(
                    &section,
                    row_number,
                    number,
                    seat.category.as_deref(),
                    SeatAttrs::default(),
                    place,
                    0,
                )
                .map_err(|e| LayoutError {
                    message: format!("{where_row}: {}", e.message),
                    ..e
                })?;
            }
        }
        for (ai, area) in zone.areas.iter().enumerate() {
            let Some(capacity) = area.capacity else {
                continue;
            };
            let name = area
                .text
                .as_ref()
                .and_then(|t| match t {
                    AreaText::Drawn { text } => text.clone(),
                    AreaText::Plain(text) => Some(text.clone()),
                })
                .filter(|n| !n.trim().is_empty())
                .ok_or_else(|| {
                    err(
                        None,
                        format!(
                            "zone `{section}`, area {}: an area with a capacity needs a name \
                             (its `text`)",
                            ai + 1
                        ),
                    )
                })?;
            if let Some(c) = &area.category
                && !categories.is_empty()
                && !categories.contains(&c.as_str())
            {
                return Err(err(
                    None,
                    format!(
                        "area `{name}`: category `{c}` is not among the plan's categories ({})",
                        categories.join(", ")
                    ),
                ));
            }
            b.push_area(&name, area.category.as_deref(), capacity, 0)?;
        }
    }
    b.finish()
}

/// Places along a row (1 = leftmost) from sorted x coordinates: a step up to 1.5× the median
/// step between neighbours is one place; a wider gap skips places (an aisle, as many places as
/// it is wide); two seats at one spot still get places of their own.
fn places_along(xs: &[f64]) -> Vec<u32> {
    // The usual spacing: the median step, so a few uneven steps (a plan drawn by hand) neither
    // set it nor, added up along the row, turn into an aisle.
    let mut steps: Vec<f64> = xs
        .windows(2)
        .map(|w| w[1] - w[0])
        .filter(|d| *d > 1e-6)
        .collect();
    steps.sort_by(f64::total_cmp);
    let pitch = steps.get(steps.len() / 2).copied();
    let mut out: Vec<u32> = Vec::with_capacity(xs.len());
    for (i, x) in xs.iter().enumerate() {
        let at = match (out.last(), pitch) {
            (None, _) => 1,
            // A gap clearly wider than the usual spacing is an aisle of that many places.
            (Some(prev), Some(pitch)) if x - xs[i - 1] > 1.5 * pitch => prev.saturating_add(
                ((x - xs[i - 1]) / pitch)
                    .round()
                    .clamp(2.0, f64::from(u16::MAX)) as u32,
            ),
            (Some(prev), _) => prev.saturating_add(1),
        };
        out.push(at);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Seats drawn a little unevenly (29 or 30 apart) are side by side all along the row; a
    /// gap of about two and a half seats is an aisle.
    #[test]
    fn uneven_spacing_is_no_aisle() {
        let mut xs = vec![0.0];
        for i in 1..20 {
            xs.push(29.0 + 30.0 * f64::from(i - 1));
        }
        assert_eq!(places_along(&xs), (1..=20).collect::<Vec<u32>>());
        let xs = [0.0, 30.0, 60.0, 135.0, 165.0];
        assert_eq!(places_along(&xs), [1, 2, 3, 6, 7]);
        assert_eq!(places_along(&[5.0]), [1]);
        assert_eq!(places_along(&[5.0, 5.0]), [1, 2]);
    }

    /// A row drawn in two pieces (around an aisle) is one row, the gap an aisle.
    #[test]
    fn a_row_in_pieces_is_one_row() {
        let seat = |g: &str, n: &str, x: i32| {
            format!(
                r#"{{"seat_guid":"{g}","seat_number":"{n}","position":{{"x":{x},"y":0}},"category":"A"}}"#
            )
        };
        let plan = format!(
            r#"{{"name":"p","categories":[{{"name":"A"}}],"zones":[{{"name":"Z","position":{{"x":0,"y":0}},"rows":[
            {{"row_number":"1","seats":[{},{}]}},{{"row_number":"1","position":{{"x":120,"y":0}},"seats":[{},{}]}}]}}]}}"#,
            seat("a", "1", 0),
            seat("b", "2", 30),
            seat("c", "3", 0),
            seat("d", "4", 30)
        );
        let l = parse_pretix(&plan, "p.json").unwrap();
        let places: Vec<Option<u32>> = l.seats.iter().map(|s| s.seat_pos).collect();
        assert_eq!(places, [Some(1), Some(2), Some(5), Some(6)]);
        assert!(l.seats.iter().all(|s| s.row == "1"));
    }

    #[test]
    fn places_follow_x_and_gaps_become_aisles() {
        assert_eq!(
            places_along(&[0.0, 30.0, 60.0, 150.0, 180.0]),
            [1, 2, 3, 6, 7]
        );
        assert_eq!(places_along(&[5.0]), [1]);
        // Slightly uneven spacing still counts as side by side.
        assert_eq!(places_along(&[0.0, 30.0, 61.0, 89.0]), [1, 2, 3, 4]);
        assert_eq!(places_along(&[0.0, 0.0, 30.0]), [1, 2, 3]);
    }
}
