//! Events: create (from a layout file or N general-admission seats), list, show, delete.

use std::path::PathBuf;

use super::Session;
use crate::contract::{Created, Deleted, EventDetail, EventListItem};
use crate::domain::layout::{Format, Layout};
use crate::domain::names;
use crate::domain::{Event, StatusCounts};
use crate::error::{Error, Result};
use crate::store::NewEvent;
use chrono::DateTime;
use uuid::Uuid;

/// Where an event's seats come from.
#[derive(Debug, Clone)]
pub enum LayoutSource {
    /// One section of N seats labelled 1..N.
    GeneralAdmission(u32),
    /// A layout file (.csv, .toml or .json; a pretix plan), in the given format or by its
    /// extension.
    File(PathBuf, Option<Format>),
    /// A layout already parsed.
    Parsed(Layout),
}

impl LayoutSource {
    /// Parses the layout. Errors: exit 2 naming the file and line of what is wrong.
    pub fn load(&self) -> Result<Layout> {
        match self {
            LayoutSource::GeneralAdmission(n) => {
                Layout::general_admission(*n).map_err(Error::Invalid)
            }
            LayoutSource::File(path, format) => {
                Layout::from_file_as(path, *format).map_err(Error::invalid)
            }
            LayoutSource::Parsed(layout) => Ok(layout.clone()),
        }
    }
}

/// An event to create.
#[derive(Debug, Clone)]
pub struct EventOrder {
    /// 1-200 characters, no control characters, not a UUID.
    pub name: String,
    pub venue: Option<String>,
    pub starts_at: Option<DateTime<chrono::FixedOffset>>,
    pub layout: LayoutSource,
    /// An event of that name already there is success (`created: false`), not exit 3.
    pub if_not_exists: bool,
}

/// What `event update` changes: `None` leaves a field as it is; `Some(None)` clears a venue
/// or a start.
#[derive(Debug, Clone, Default)]
pub struct EventUpdate {
    /// The new name, checked as a new event's is.
    pub name: Option<String>,
    pub venue: Option<Option<String>>,
    pub starts_at: Option<Option<DateTime<chrono::FixedOffset>>>,
}

fn check_event_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::invalid("--name must not be empty"));
    }
    if name.chars().count() > 200 {
        return Err(Error::invalid("--name must be at most 200 characters"));
    }
    if name.chars().any(char::is_control) {
        return Err(Error::invalid("--name must not contain control characters"));
    }
    // One spelling (NFC) and nothing invisible: two events must not print alike.
    let name = names::normalize("event", name).map_err(Error::Invalid)?;
    let name = name.as_str();
    if Uuid::parse_str(name).is_ok() {
        return Err(Error::invalid(
            "--name must not look like an event id (a UUID); events are found by id or name",
        ));
    }
    Ok(name.to_string())
}

impl Session {
    /// Creates the event and its seats in one transaction. The layout is parsed before the
    /// database is touched: a bad file creates nothing. Errors: exit 2 (bad name or layout),
    /// 3 (the name exists, without `if_not_exists`).
    pub async fn create_event(&self, order: &EventOrder) -> Result<Created> {
        let name = check_event_name(&order.name)?;
        // The schema keeps every time within years 1 to 9999 (UTC), as every reader can read.
        if let Some(t) = order.starts_at
            && !(1..=9999).contains(&chrono::Datelike::year(&t.with_timezone(&chrono::Utc)))
        {
            return Err(Error::invalid(format!(
                "--starts-at {}: give a time between the years 1 and 9999 (UTC)",
                t.to_rfc3339()
            )));
        }
        let layout = order.layout.load()?;
        let store = self.store().await?;
        let new = NewEvent {
            name: name.clone(),
            venue: order
                .venue
                .as_ref()
                .map(|v| names::normalize("venue", v.trim()))
                .transpose()
                .map_err(Error::Invalid)?
                .filter(|v| !v.is_empty()),
            starts_at: order.starts_at,
        };
        match store.create_event(&new, &layout).await {
            Ok(event) => Ok(Created::new(event, &layout)),
            Err(Error::Conflict(_)) if order.if_not_exists => {
                let event = store.find_event(&name).await?;
                let (_, sections) = store.seat_counts(event.id).await?;
                Ok(Created::existing(event, &sections))
            }
            Err(e) => Err(e),
        }
    }

    /// Renames an event, moves its start or changes its venue (`order`), checked as
    /// `create_event` checks them; returns the event as it is now. Errors: exit 2 (nothing to
    /// change, a bad name or time), 3 (the name is taken), 4 (no such event), 7.
    pub async fn update_event(&self, reference: &str, order: &EventUpdate) -> Result<Event> {
        if order.name.is_none() && order.venue.is_none() && order.starts_at.is_none() {
            return Err(Error::invalid(
                "nothing to change: give --name, --venue/--no-venue or --starts-at/--no-starts-at",
            ));
        }
        let name = order.name.as_deref().map(check_event_name).transpose()?;
        if let Some(Some(t)) = order.starts_at
            && !(1..=9999).contains(&chrono::Datelike::year(&t.with_timezone(&chrono::Utc)))
        {
            return Err(Error::invalid(format!(
                "--starts-at {}: give a time between the years 1 and 9999 (UTC)",
                t.to_rfc3339()
            )));
        }
        let venue = match &order.venue {
            Some(Some(v)) if v.trim().is_empty() => {
                return Err(Error::invalid(
                    "--venue needs a name; --no-venue clears the venue",
                ));
            }
            Some(Some(v)) => Some(Some(
                names::normalize("venue", v.trim()).map_err(Error::Invalid)?,
            )),
            other => other.clone(),
        };
        let store = self.store().await?;
        let event = store.find_event(reference).await?;
        // What is asked for and already so: with nothing else, nothing to do (exit 2).
        let same_name = name.as_ref().is_none_or(|n| *n == event.name);
        let same_venue = venue.as_ref().is_none_or(|v| *v == event.venue);
        let same_start = order.starts_at.is_none_or(|t| {
            t.map(|t| (t, t.offset().local_minus_utc()))
                == event.starts_at.map(|t| (t, t.offset().local_minus_utc()))
        });
        if same_name && same_venue && same_start {
            return Err(Error::invalid(format!(
                "nothing to change: `{}` already has that {}",
                event.name,
                [
                    name.as_ref().map(|_| "name"),
                    venue.as_ref().map(|_| "venue"),
                    order.starts_at.as_ref().map(|_| "start"),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ")
            )));
        }
        let change = crate::store::EventChange {
            name,
            venue,
            starts_at: order.starts_at,
        };
        store.update_event(event.id, &change).await
    }

    /// Every event with its seat counts (lapsed holds count as available), oldest first.
    pub async fn list_events(&self) -> Result<Vec<EventListItem>> {
        self.store().await?.list_events().await
    }

    /// One event (id, name or unique prefix) with counts overall and per section. Errors:
    /// exit 4 (with a "did you mean"), 2 (an ambiguous prefix).
    pub async fn show_event(&self, reference: &str) -> Result<EventDetail> {
        let store = self.store().await?;
        let event = store.find_event(reference).await?;
        let (counts, sections) = store.seat_counts(event.id).await?;
        Ok(EventDetail {
            event,
            counts,
            sections,
        })
    }

    /// An event by id, exact name or unique name prefix. Errors: exit 4 (with a "did you
    /// mean"), 2 (an ambiguous prefix).
    pub async fn find_event(&self, reference: &str) -> Result<Event> {
        self.store().await?.find_event(reference).await
    }

    /// The event and its seat counts (for a question before deleting it).
    pub async fn event_with_counts(&self, reference: &str) -> Result<(Event, StatusCounts)> {
        let store = self.store().await?;
        let event = store.find_event(reference).await?;
        let (counts, _) = store.seat_counts(event.id).await?;
        Ok((event, counts))
    }

    /// Deletes the event with its seats, holds, reservations and history. Errors: exit 3 when
    /// seats are held or reserved and `force` is not given.
    pub async fn delete_event(&self, event: Event, force: bool) -> Result<Deleted> {
        self.store().await?.delete_event(event.id, force).await?;
        Ok(Deleted {
            id: event.id,
            name: event.name,
            deleted: true,
        })
    }
}
