//! The domain: events, seats and their states, and seat layouts. No SQL and no terminal here.

pub mod best;
pub mod labels;
pub mod layout;
pub mod money;
pub mod names;
pub mod pick;

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::Serialize;
use uuid::Uuid;

/// What a seat is, apart from its state, as the layout says: a wheelchair space, the seat kept
/// for a wheelchair user's companion, a seat with a restricted view. Stored as a comma list
/// (`accessible,restricted-view`), shown on the map and in `seats`/`export`, and honoured by
/// best-available: accessible and companion seats go to parties that ask for them
/// (`--accessible N`) and to others only when nothing else is left.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct SeatAttrs {
    pub accessible: bool,
    pub companion: bool,
    pub restricted_view: bool,
}

impl SeatAttrs {
    pub const NAMES: [&'static str; 3] = ["accessible", "companion", "restricted-view"];

    pub fn is_empty(&self) -> bool {
        *self == SeatAttrs::default()
    }

    /// Kept for wheelchair users and their companions.
    pub fn for_access(self) -> bool {
        self.accessible || self.companion
    }

    pub fn names(self) -> Vec<&'static str> {
        let flags = [self.accessible, self.companion, self.restricted_view];
        SeatAttrs::NAMES
            .iter()
            .zip(flags)
            .filter(|(_, on)| *on)
            .map(|(n, _)| *n)
            .collect()
    }

    /// The stored form: `None` when the seat has no attribute.
    pub fn to_db(self) -> Option<String> {
        (!self.is_empty()).then(|| self.names().join(","))
    }

    fn set(&mut self, name: &str) -> Result<(), String> {
        match name.to_ascii_lowercase().replace('_', "-").as_str() {
            "accessible" => self.accessible = true,
            "companion" => self.companion = true,
            "restricted-view" => self.restricted_view = true,
            _ => {
                let hint = suggest(name, SeatAttrs::NAMES)
                    .map(|s| format!("did you mean `{s}`? "))
                    .unwrap_or_default();
                return Err(format!(
                    "unknown seat attribute `{name}` ({hint}expected accessible, companion or \
                     restricted-view)"
                ));
            }
        }
        if self.accessible && self.companion {
            return Err("a seat cannot be both `accessible` and `companion`".into());
        }
        Ok(())
    }

    /// Parses `accessible`, `companion`, `restricted-view`, separated by commas, semicolons,
    /// `|` or spaces; empty text is no attribute.
    pub fn parse(text: &str) -> Result<SeatAttrs, String> {
        let mut attrs = SeatAttrs::default();
        for name in text
            .split([',', ';', '|', ' '])
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            attrs.set(name)?;
        }
        Ok(attrs)
    }

    /// Adds one attribute by name (for layouts that list seats per attribute).
    pub fn with(mut self, name: &str) -> Result<SeatAttrs, String> {
        self.set(name)?;
        Ok(self)
    }
}

impl TryFrom<Option<String>> for SeatAttrs {
    type Error = String;

    fn try_from(s: Option<String>) -> Result<Self, Self::Error> {
        s.map_or(Ok(SeatAttrs::default()), |s| SeatAttrs::parse(&s))
    }
}

impl Serialize for SeatAttrs {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.names().serialize(serializer)
    }
}

impl fmt::Display for SeatAttrs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.names().join(","))
    }
}

/// A seat's state. `held` seats whose hold has lapsed are reported as `available` by every read
/// (the storage layer's `seat_state` view does this), so a crashed terminal never strands a seat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum SeatStatus {
    Available,
    Held,
    Reserved,
    /// Set aside (house seats, broken seats, camera positions): not for sale until unblocked.
    Blocked,
}

impl SeatStatus {
    pub const ALL: [SeatStatus; 4] = [
        SeatStatus::Available,
        SeatStatus::Held,
        SeatStatus::Reserved,
        SeatStatus::Blocked,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SeatStatus::Available => "available",
            SeatStatus::Held => "held",
            SeatStatus::Reserved => "reserved",
            SeatStatus::Blocked => "blocked",
        }
    }
}

impl fmt::Display for SeatStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for SeatStatus {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "available" => Ok(SeatStatus::Available),
            "held" => Ok(SeatStatus::Held),
            "reserved" => Ok(SeatStatus::Reserved),
            "blocked" => Ok(SeatStatus::Blocked),
            other => Err(format!(
                "unknown seat status `{other}` (expected available, held, reserved or blocked)"
            )),
        }
    }
}

impl TryFrom<String> for SeatStatus {
    type Error = String;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

/// An event: a show on a date, with its own copy of a venue layout.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Event {
    pub id: Uuid,
    pub name: String,
    pub venue: Option<String>,
    /// When it starts, in the offset it was given (the venue's clock); JSON: RFC 3339 with
    /// that offset.
    pub starts_at: Option<DateTime<chrono::FixedOffset>>,
    pub created_at: DateTime<Utc>,
    /// The currency of its prices, fixed by its first price (`seatctl price`); `None` while it
    /// has never had one. Not serialised (`price list` shows it).
    #[serde(skip)]
    pub currency: Option<String>,
}

/// One seat of an event and its current state (as `seat_state` reads it: a lapsed hold is
/// available). `id`, `section_pos` and `row_pos` are internal and not serialised.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Seat {
    #[serde(skip)]
    pub id: i64,
    pub label: String,
    pub section: String,
    pub row: String,
    pub number: i64,
    pub category: Option<String>,
    pub status: SeatStatus,
    pub hold_id: Option<Uuid>,
    pub reservation_id: Option<Uuid>,
    pub held_until: Option<DateTime<Utc>>,
    pub version: i64,
    /// Why a blocked seat is out of sale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_reason: Option<String>,
    /// From the layout: accessible, companion, restricted-view.
    #[serde(skip_serializing_if = "SeatAttrs::is_empty")]
    #[schema(value_type = Vec<String>, required = false)]
    pub attributes: SeatAttrs,
    #[serde(skip)]
    pub section_pos: i64,
    #[serde(skip)]
    pub row_pos: i64,
    /// Where the seat is along its row, from the layout (see [`Seat::pos`]).
    #[serde(rename = "position", skip_serializing_if = "Option::is_none")]
    pub seat_pos: Option<i64>,
    /// The layout's own id for the seat (a pretix `seat_guid`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// A place of a general-admission area (`section` is the area), not a seat: never picked
    /// by best-available, listed, or drawn one by one; counted with its area.
    #[serde(skip)]
    pub area: bool,
}

impl Seat {
    /// The seat's place along its row, counted from the left as the audience faces the stage:
    /// its position when the layout gives one, else its number. Seats of a row whose places
    /// differ by one are side by side; a larger gap is an aisle (or missing seats).
    pub fn pos(&self) -> i64 {
        self.seat_pos.unwrap_or(self.number)
    }

    /// The seat as people say it: its number, or for a seat named by text (`12 bis`; its
    /// number is then [`layout::NAMED_SEAT_BASE`] + position) that name, from its label.
    pub fn seat_name(&self) -> String {
        if self.number < i64::from(layout::NAMED_SEAT_BASE) {
            return self.number.to_string();
        }
        let mut rest = self.label.as_str();
        if let Some(r) = rest.strip_prefix(&format!("{}-", self.section)) {
            rest = r;
        }
        if !self.row.is_empty()
            && let Some(r) = rest.strip_prefix(&format!("{}-", self.row))
        {
            rest = r;
        }
        rest.to_string()
    }
}

/// Seat counts of one event, overall and per section, in layout order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, utoipa::ToSchema)]
pub struct StatusCounts {
    pub total: i64,
    pub available: i64,
    pub held: i64,
    pub reserved: i64,
    pub blocked: i64,
}

impl StatusCounts {
    pub fn add(&mut self, status: SeatStatus, n: i64) {
        self.total += n;
        match status {
            SeatStatus::Available => self.available += n,
            SeatStatus::Held => self.held += n,
            SeatStatus::Reserved => self.reserved += n,
            SeatStatus::Blocked => self.blocked += n,
        }
    }
}

/// A section's counts; for a general-admission area (`area`), of its places.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct SectionCounts {
    pub section: String,
    #[serde(flatten)]
    pub counts: StatusCounts,
    /// A general-admission area: `total` is its capacity in places.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub area: bool,
}

/// Seats of a parsed layout as a read would return them, each status chosen by `status`
/// (for tests of code that works on seats without a database).
#[cfg(test)]
pub(crate) fn seats_for_test(
    layout: &layout::Layout,
    status: impl Fn(usize, &str) -> SeatStatus,
) -> Vec<Seat> {
    let mut seats: Vec<Seat> = layout
        .seats
        .iter()
        .enumerate()
        .map(|(i, s)| Seat {
            id: i as i64,
            label: s.label.clone(),
            section: s.section.clone(),
            row: s.row.clone(),
            number: i64::from(s.number),
            category: s.category.clone(),
            status: status(i, &s.label),
            hold_id: None,
            reservation_id: None,
            held_until: None,
            version: 0,
            block_reason: None,
            attributes: s.attributes,
            section_pos: i64::from(s.section_pos),
            row_pos: i64::from(s.row_pos),
            seat_pos: s.seat_pos.map(i64::from),
            external_id: s.external_id.clone(),
            area: s.area,
        })
        .collect();
    // In the order the store lists them: section, row, place along the row.
    seats.sort_by_key(|s| (s.section_pos, s.row_pos, s.pos()));
    seats
}

/// The closest candidate to a mistyped name, if one is close enough to be a likely typo.
pub fn suggest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let typed_lower = typed.to_lowercase();
    let limit = (typed.chars().count() / 3).clamp(1, 3);
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(&typed_lower, &c.to_lowercase()), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// "no section `X`; did you mean `Y`?", listing the event's sections.
pub fn no_section(section: &str, names: &[&str]) -> crate::error::Error {
    let hint = suggest(section, names.iter().copied())
        .map(|s| format!("did you mean `{s}`? "))
        .unwrap_or_default();
    crate::error::Error::not_found(format!(
        "no section `{section}` in this event; {hint}sections: {}",
        names.join(", ")
    ))
}

/// "no category `X`; did you mean `Y`?", listing the event's categories.
pub fn no_category(category: &str, names: &[String]) -> crate::error::Error {
    if names.is_empty() {
        return crate::error::Error::not_found(format!(
            "no category `{category}`: this event's seats have no categories"
        ));
    }
    let hint = suggest(category, names.iter().map(String::as_str))
        .map(|s| format!("did you mean `{s}`? "))
        .unwrap_or_default();
    crate::error::Error::not_found(format!(
        "no category `{category}` in this event; {hint}categories: {}",
        names.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let names = ["Hamlet", "Macbeth", "Othello"];
        assert_eq!(suggest("Hamlte", names), Some("Hamlet"));
        assert_eq!(suggest("macbeth", names), Some("Macbeth"));
        assert_eq!(suggest("Tempest", names), None);
    }

    #[test]
    fn status_round_trips() {
        for s in SeatStatus::ALL {
            assert_eq!(s.as_str().parse::<SeatStatus>().unwrap(), s);
        }
        assert!("sold".parse::<SeatStatus>().is_err());
    }

    #[test]
    fn seat_attributes_parse_and_round_trip() {
        let a = SeatAttrs::parse("Accessible; restricted_view").unwrap();
        assert!(a.accessible && a.restricted_view && !a.companion);
        assert_eq!(a.to_db().as_deref(), Some("accessible,restricted-view"));
        assert_eq!(SeatAttrs::try_from(a.to_db()).unwrap(), a);
        assert_eq!(SeatAttrs::try_from(None).unwrap(), SeatAttrs::default());
        assert_eq!(SeatAttrs::parse(" ").unwrap().to_db(), None);
        let e = SeatAttrs::parse("acessible").unwrap_err();
        assert!(e.contains("did you mean `accessible`"), "{e}");
        let e = SeatAttrs::parse("accessible companion").unwrap_err();
        assert!(e.contains("both"), "{e}");
    }
}
