//! Listing an event's reservations and holds, with the clerk's filters (`seatctl reservations`,
//! `seatctl holds`).

use uuid::Uuid;

use super::Session;
use crate::contract::{HoldRow, ReservationRow};
use crate::domain::names;
use crate::error::{Error, Result};

/// A filter's text: trimmed; empty is refused (exit 2) rather than matching everything.
fn check_filter(flag: &str, value: &Option<String>) -> Result<()> {
    match value {
        Some(v) if v.trim().is_empty() => Err(Error::invalid(format!(
            "{flag} needs some text to look for (leave it out to list them all)"
        ))),
        _ => Ok(()),
    }
}

/// Which reservations to list. Text is compared as people type it: Unicode-normalised and
/// without regard to case.
#[derive(Debug, Clone, Default)]
pub struct ReservationFilter {
    /// Only those whose customer contains this.
    pub customer: Option<String>,
    /// Only the one(s) with this reference (the whole reference).
    pub reference: Option<String>,
    /// `active` or `released`; `None`: both.
    pub status: Option<&'static str>,
}

/// Which holds to list.
#[derive(Debug, Clone, Default)]
pub struct HoldFilter {
    /// Only those whose holder contains this.
    pub holder: Option<String>,
    /// `active`, `expired`, `reserved`, `refunded` or `released`; `None`: all.
    pub status: Option<&'static str>,
}

fn contains(value: &Option<String>, wanted: &Option<String>) -> bool {
    match wanted {
        None => true,
        Some(w) => value
            .as_deref()
            .is_some_and(|v| names::fold(v).contains(&names::fold(w.trim()))),
    }
}

impl Session {
    /// The event's reservations matching `filter`, oldest first. Errors: exit 4 (no such
    /// event, with a "did you mean"), 6.
    pub async fn reservations(
        &self,
        event: &str,
        filter: &ReservationFilter,
    ) -> Result<Vec<ReservationRow>> {
        check_filter("--customer", &filter.customer)?;
        check_filter("--reference", &filter.reference)?;
        let store = self.store().await?;
        let event = store.find_event(event).await?;
        let mut rows = store
            .list_reservations(event.id, filter.status, None)
            .await?;
        rows.retain(|r| {
            contains(&r.customer, &filter.customer)
                && filter.reference.as_ref().is_none_or(|want| {
                    r.reference
                        .as_deref()
                        .is_some_and(|have| names::fold(have) == names::fold(want.trim()))
                })
        });
        Ok(rows)
    }

    /// The event's holds matching `filter`, oldest first. Errors: exit 4 (no such event), 6.
    pub async fn holds(&self, event: &str, filter: &HoldFilter) -> Result<Vec<HoldRow>> {
        check_filter("--holder", &filter.holder)?;
        let store = self.store().await?;
        let event = store.find_event(event).await?;
        let mut rows = store.list_holds(event.id, filter.status, None).await?;
        rows.retain(|h| contains(&h.holder, &filter.holder));
        Ok(rows)
    }

    /// One hold by its id, as `holds` lists it, and its event's id. Errors: exit 4 (no such
    /// hold), 6.
    pub async fn hold_by_id(&self, id: Uuid) -> Result<(Uuid, HoldRow)> {
        let store = self.store().await?;
        let missing = || Error::not_found(format!("no hold {id}"));
        let event_id = store.event_of_hold(id).await?.ok_or_else(missing)?;
        let row = store.list_holds(event_id, None, Some(id)).await?.pop();
        Ok((event_id, row.ok_or_else(missing)?))
    }

    /// One reservation by its id, as `reservations` lists it, and its event's id. Errors:
    /// exit 4 (no such reservation: a hold's id is not one), 6.
    pub async fn reservation_by_id(&self, id: Uuid) -> Result<(Uuid, ReservationRow)> {
        let event_id = self.event_of_reservation(id).await?;
        let store = self.store().await?;
        let row = store
            .list_reservations(event_id, None, Some(id))
            .await?
            .pop();
        Ok((event_id, row.ok_or_else(|| no_reservation(id))?))
    }

    /// The event of reservation `id`, in one query (a hold's id is not a reservation's):
    /// enough to check a reservation exists before changing it. Errors: exit 4, 6.
    pub async fn event_of_reservation(&self, id: Uuid) -> Result<Uuid> {
        match self.store().await?.reservation_of(id).await? {
            Some((res_id, _, event_id, _)) if res_id == id => Ok(event_id),
            _ => Err(no_reservation(id)),
        }
    }
}

fn no_reservation(id: Uuid) -> Error {
    Error::not_found(format!("no reservation {id}"))
}
