//! Reading an event's seats: the list in layout order, filtered by state or section.

use uuid::Uuid;

use super::Session;
use crate::domain::{Event, Seat, SeatStatus, SectionCounts, labels, names, no_section, suggest};
use crate::error::{Error, Result};

impl Session {
    /// The event's seats in layout order (section, row, number), optionally only those in one
    /// state (a lapsed hold counts as available) or one section. Errors: exit 4 for an unknown
    /// event or section (naming the sections, with a "did you mean").
    pub async fn seats(
        &self,
        event: &str,
        status: Option<SeatStatus>,
        section: Option<&str>,
    ) -> Result<Vec<Seat>> {
        Ok(self.event_seats(event, status, section).await?.1)
    }

    /// [`Session::seats`] without the places of general-admission areas, and the counts of the
    /// areas (of the one asked for with `section`, or all).
    pub async fn seats_and_areas(
        &self,
        event: &str,
        status: Option<SeatStatus>,
        section: Option<&str>,
    ) -> Result<(Vec<Seat>, Vec<SectionCounts>)> {
        let (event, mut seats) = self.event_seats(event, status, section).await?;
        seats.retain(|s| !s.area);
        let (_, sections) = self.store().await?.seat_counts(event.id).await?;
        let section = section.map(names::nfc);
        let areas = sections
            .into_iter()
            .filter(|s| s.area && section.as_ref().is_none_or(|n| *n == s.section))
            .collect();
        Ok((seats, areas))
    }

    /// The event and its seats, as [`Session::seats`] reads them.
    async fn event_seats(
        &self,
        event: &str,
        status: Option<SeatStatus>,
        section: Option<&str>,
    ) -> Result<(Event, Vec<Seat>)> {
        let store = self.store().await?;
        let event = store.find_event(event).await?;
        let section = match section {
            Some(s) => Some(self.check_section(event.id, &names::nfc(s)).await?.section),
            None => None,
        };
        let section = section.as_deref();
        let seats = store.list_seats(event.id, status, section).await?;
        Ok((event, seats))
    }

    /// What a map draws: the event, its seats (of one section, or all), and the seats to
    /// highlight (labels or ranges, checked against the whole event). Errors: exit 4 for an
    /// unknown event, section or seat; 2 for a bad range.
    pub async fn seat_map(
        &self,
        event: &str,
        section: Option<&str>,
        highlight: &[String],
    ) -> Result<(Event, Vec<Seat>, Vec<String>)> {
        let (event, seats) = self.event_seats(event, None, section).await?;
        // Highlighted seats are checked against the whole event, not only the drawn section.
        let all = if section.is_some() && !highlight.is_empty() {
            self.store().await?.list_seats(event.id, None, None).await?
        } else {
            Vec::new()
        };
        let known = if all.is_empty() { &seats } else { &all };
        // Each value is one label when it is one (`--highlight "12 bis"`), else split.
        let tokens: Vec<String> = highlight
            .iter()
            .map(|t| names::nfc(t))
            .flat_map(|t| {
                if known.iter().any(|s| s.label == t) {
                    vec![t]
                } else {
                    labels::split_known(&t, known)
                }
            })
            .collect();
        let selected = labels::expand(&tokens, known)?;
        // Labels typed in another case, each the one seat it matches.
        let Some(selected) = labels::resolve_case(&selected, known) else {
            return Err(labels::unknown(&selected, known)
                .unwrap_or_else(|| Error::invalid("unknown seats to highlight")));
        };
        Ok((event, seats, selected))
    }

    /// The name as stored and the capacity (places) of the event's general-admission area
    /// `area` (typed in any case when that is unambiguous). Errors: exit 2 (two areas alike but
    /// for case), exit 4
    /// naming the event's areas (with a "did you mean"), or saying it has none.
    pub async fn area_capacity(&self, event_id: Uuid, area: &str) -> Result<(String, i64)> {
        let (_, sections) = self.store().await?.seat_counts(event_id).await?;
        let areas: Vec<&SectionCounts> = sections.iter().filter(|s| s.area).collect();
        if let Some(a) = areas.iter().find(|s| s.section == area) {
            return Ok((a.section.clone(), a.counts.total));
        }
        // Typed in another case: the one area it matches; two alike but for case: neither.
        let names: Vec<&str> = areas.iter().map(|s| s.section.as_str()).collect();
        match crate::domain::names::folded_alike(area, names.iter().copied()).as_slice() {
            [one] => {
                let a = areas.iter().find(|s| s.section == *one).expect("listed");
                return Ok((a.section.clone(), a.counts.total));
            }
            [] => {}
            several => return Err(crate::domain::names::ambiguous_case("area", area, several)),
        }
        if sections.iter().any(|s| s.section == area) {
            return Err(Error::invalid(format!(
                "`{area}` is a section of seats, not a general-admission area: hold its seats \
                 by label or with --best N --section {area}"
            )));
        }
        if areas.is_empty() {
            return Err(Error::not_found(format!(
                "this event has no general-admission area (no `{area}`)"
            )));
        }
        let names: Vec<&str> = areas.iter().map(|s| s.section.as_str()).collect();
        let hint = suggest(area, names.iter().copied())
            .map(|s| format!("did you mean `{s}`? "))
            .unwrap_or_default();
        Err(Error::not_found(format!(
            "no area `{area}` in this event; {hint}areas: {}",
            names.join(", ")
        )))
    }

    /// A hold's (or, with `reservations`, a hold's or a reservation's) id from what was typed:
    /// a whole UUID, or its first 8 or more hex digits (dashes allowed), as `history` prints
    /// them. Errors: exit 2 (not an id, or a prefix several ids start with: they are listed),
    /// 4 (no id starts with it).
    pub async fn resolve_id(&self, typed: &str, reservations: bool) -> Result<Uuid> {
        let what = if reservations {
            "hold or reservation"
        } else {
            "hold"
        };
        let text = typed.trim();
        if let Ok(id) = Uuid::parse_str(text) {
            return Ok(id);
        }
        let hex: String = text.chars().filter(|c| *c != '-').collect();
        if hex.len() < 8 || hex.len() >= 32 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(Error::invalid(format!(
                "`{typed}` is not a {what} id (a UUID, or its first 8 or more characters)"
            )));
        }
        let pad = |fill: char| {
            let mut s = hex.to_ascii_lowercase();
            s.extend(std::iter::repeat_n(fill, 32 - hex.len()));
            Uuid::parse_str(&s).expect("32 hex digits")
        };
        let found: Vec<(Uuid, String)> = self
            .store()
            .await?
            .ids_between(pad('0'), pad('f'), 11)
            .await?
            .into_iter()
            .filter(|(_, kind)| reservations || kind == "hold")
            .collect();
        match found.as_slice() {
            [] => Err(Error::not_found(format!(
                "no {what} id starts with `{typed}`"
            ))),
            [(id, _)] => Ok(*id),
            many => Err(Error::invalid(format!(
                "`{typed}` is ambiguous: {} ids start with it ({}{}); give more of the id",
                if many.len() > 10 {
                    "more than 10".to_string()
                } else {
                    many.len().to_string()
                },
                many.iter()
                    .take(10)
                    .map(|(id, kind)| format!("{kind} {id}"))
                    .collect::<Vec<_>>()
                    .join(", "),
                if many.len() > 10 { ", …" } else { "" }
            ))),
        }
    }

    /// That no hold or reservation in the event is a real one (made by no simulation): else
    /// exit 3, naming how many, for `simulate --event E --in-place` without `--yes`.
    pub async fn check_no_real_sales(&self, event: &crate::domain::Event) -> Result<()> {
        let (holds, reservations) = self.store().await?.real_sales(event.id).await?;
        if holds == 0 && reservations == 0 {
            return Ok(());
        }
        Err(Error::conflict(format!(
            "event `{}` has {holds} active hold(s) and {reservations} reservation(s) that no \
             simulation made: --in-place would sell its real seats to simulated buyers, beside \
             real ones, with no undo. Leave out --in-place to run on a throw-away copy of its \
             layout, or pass --yes to sell it in place anyway",
            event.name
        )))
    }

    /// That the event has seats of `category` (exit 4 otherwise, with a "did you mean" and the
    /// event's categories: an unknown category is a typo, not a sell-out).
    /// Returns the category as the event spells it (`Premium` for `premium`, when only one
    /// category matches regardless of case).
    pub async fn check_category(&self, event_id: Uuid, category: &str) -> Result<String> {
        let store = self.store().await?;
        let names = store.categories(event_id, false).await?;
        if names.iter().any(|c| c == category) {
            return Ok(category.to_string());
        }
        match names::folded_alike(category, names.iter().map(String::as_str)).as_slice() {
            [one] => return Ok(one.to_string()),
            [] => {}
            many => return Err(names::ambiguous_case("categorie", category, many)),
        }
        // A category only general-admission areas have: their places are held by area.
        let of_areas = store.categories(event_id, true).await?;
        if let Some(found) = of_areas
            .iter()
            .find(|c| **c == category || names::fold(c) == names::fold(category))
        {
            return Err(Error::invalid(format!(
                "category `{found}` has no seats, only places of general-admission areas: hold \
                 them with --area AREA --quantity N (`seatctl event show` lists the areas)"
            )));
        }
        Err(crate::domain::no_category(category, &names))
    }

    /// The counts of the event's section `section` (`area` set for a general-admission area;
    /// `section` as the event spells it: `stalls` finds `Stalls` when only one section matches
    /// regardless of case); fails with the known sections (and a "did you mean") when it is
    /// not one of them.
    pub async fn check_section(&self, event_id: Uuid, section: &str) -> Result<SectionCounts> {
        let (_, sections) = self.store().await?.seat_counts(event_id).await?;
        if let Some(found) = sections.iter().find(|s| s.section == section) {
            return Ok(found.clone());
        }
        match names::folded_alike(section, sections.iter().map(|s| s.section.as_str())).as_slice() {
            [one] => {
                if let Some(found) = sections.iter().find(|s| s.section == *one) {
                    return Ok(found.clone());
                }
            }
            [] => {}
            many => return Err(names::ambiguous_case("section", section, many)),
        }
        let names: Vec<&str> = sections.iter().map(|s| s.section.as_str()).collect();
        Err(no_section(section, &names))
    }
}
