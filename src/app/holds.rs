//! Holds and what follows them: hold (by label, range or best N), extend, reserve, release,
//! sweep, and the history they leave. Every change goes through the session's `Reserver`.

use uuid::Uuid;

use super::strategy::Effort;
use super::{Session, actor};
use crate::contract::{
    FoundReservation, Held, HistoryEntry, HoldInfo, Released, ReservationInfo, Swept,
};
use crate::domain::best::Want;
use crate::domain::{labels, names, pick};
use crate::duration::HumanDuration;
use crate::error::{Error, Result};
use crate::store::{Actor, Fault, HoldRequest};

/// `--best N`: the N best available seats, optionally within a section or category, with
/// `accessible` of them wheelchair spaces.
#[derive(Debug, Clone, Default)]
pub struct BestOrder {
    pub n: u32,
    pub section: Option<String>,
    pub category: Option<String>,
    pub accessible: u32,
}

/// `--area NAME --quantity N`: N places of a general-admission area.
#[derive(Debug, Clone, Default)]
pub struct AreaOrder {
    pub area: String,
    pub quantity: u32,
}

/// A hold as asked for: seats by label (ranges such as `A-12..A-15` allowed), the best N, or
/// places of a general-admission area.
#[derive(Debug, Clone, Default)]
pub struct HoldOrder {
    /// Event id, name, or unique name prefix.
    pub event: String,
    /// Seat labels; empty with `best`.
    pub seats: Vec<String>,
    pub best: Option<BestOrder>,
    pub area: Option<AreaOrder>,
    /// Default `reservation.hold_ttl`; at most `reservation.max_hold_ttl`.
    pub ttl: Option<HumanDuration>,
    pub holder: Option<String>,
    pub idempotency_key: Option<String>,
    /// Fault injection (hidden flags, tests).
    pub fault: Option<Fault>,
}

/// The request an idempotency key stands for, as canonical JSON: the event, the seats (or the
/// best-N request), the TTL in ms and the holder.
fn idempotency_request(
    event: &Uuid,
    labels: &[String],
    best: Option<&BestOrder>,
    area: Option<&AreaOrder>,
    ttl_ms: i64,
    holder: Option<&str>,
) -> String {
    let what = match (best, area) {
        (_, Some(a)) => serde_json::json!({ "area": a.area, "quantity": a.quantity }),
        (Some(b), None) => serde_json::json!({
            "best": b.n,
            "section": b.section,
            "category": b.category,
            "accessible": b.accessible,
        }),
        (None, None) => serde_json::json!({ "seats": labels }),
    };
    serde_json::json!({
        "event": event,
        "request": what,
        "ttl_ms": ttl_ms,
        "holder": holder,
    })
    .to_string()
}

impl Session {
    /// Holds every seat asked for or none, for `ttl`. Errors: exit 2 for a bad request (a
    /// seat listed twice, more than `reservation.max_seats_per_hold`, a bad TTL), 4 for an
    /// unknown event, section or seat (`UnknownSeats` with suggestions), 3 when seats are
    /// taken (`SeatsTaken`) or every try lost a race, 6 when a backend is down.
    pub async fn hold(&self, order: &HoldOrder) -> Result<Held> {
        let remembered = self.remembered_event(order.event.trim());
        let was_remembered = remembered.is_some();
        match self.hold_in(order, remembered).await {
            // The event was remembered, and the hold failed as if it had changed since (a
            // deleted event has no seats, a new layout other ones): ask again, afresh.
            Err(Error::UnknownSeats { .. } | Error::NotEnoughSeats { .. } | Error::NotFound(_))
                if was_remembered =>
            {
                self.forget_event(order.event.trim());
                self.hold_in(order, None).await
            }
            other => other,
        }
    }

    /// [`Session::hold`] of `event` when it was remembered, else of the event looked up.
    async fn hold_in(
        &self,
        order: &HoldOrder,
        event: Option<crate::domain::Event>,
    ) -> Result<Held> {
        // The area as it is looked up, so a retry that types it otherwise (spacing, Unicode
        // form) is the same request to its idempotency key.
        let area = order.area.as_ref().map(|a| AreaOrder {
            area: names::nfc(a.area.trim()),
            quantity: a.quantity,
        });
        // Who the hold is for, in one spelling, with nothing invisible in it.
        let holder = match order.holder.as_deref().map(str::trim) {
            Some(h) if h.chars().count() > 200 => {
                return Err(Error::invalid("--holder must be at most 200 characters"));
            }
            Some(h) => Some(names::normalize("holder", h).map_err(Error::Invalid)?),
            None => None,
        };
        let order = &HoldOrder {
            area,
            holder,
            ..order.clone()
        };
        let max = self.settings.config.reservation.max_seats_per_hold as usize;
        let mut labels: Vec<String> = Vec::with_capacity(order.seats.len());
        for label in &order.seats {
            let label = names::nfc(label.trim());
            if labels.contains(&label) {
                return Err(Error::invalid(format!("seat {label} is listed twice")));
            }
            labels.push(label);
        }
        let asked = match (&order.best, &order.area) {
            (Some(_), Some(_)) => {
                return Err(Error::invalid("give --best or --area, not both"));
            }
            (Some(b), None) => b.n as usize,
            (None, Some(a)) => a.quantity as usize,
            (None, None) => labels.len(),
        };
        if !labels.is_empty() && (order.best.is_some() || order.area.is_some()) {
            return Err(Error::invalid(
                "give seat labels, --best or --area, not more than one",
            ));
        }
        if asked == 0 {
            return Err(Error::invalid(if order.area.is_some() {
                "--quantity must be at least 1"
            } else {
                "--best must be at least 1"
            }));
        }
        pick::check_limit(asked, max)?;
        let ttl_ms = self.ttl_ms(order.ttl)?;
        let reserver = self.reserver().await?;
        let store = reserver.store();
        let event = match event {
            Some(event) => event,
            None => {
                let event = store.find_event(&order.event).await?;
                self.remember_event(order.event.trim(), &event);
                event
            }
        };
        if labels.iter().any(|l| l.contains("..")) {
            let seats = store.list_seats(event.id, None, None).await?;
            labels = labels::expand(&labels, &seats)?;
            pick::check_limit(labels.len(), max)?;
        }
        let actor = self.actor();
        // What the key stands for: a retry with the same key must ask for the same thing.
        let fingerprint = order.idempotency_key.as_ref().map(|_| {
            idempotency_request(
                &event.id,
                &labels,
                order.best.as_ref(),
                order.area.as_ref(),
                ttl_ms,
                order.holder.as_deref(),
            )
        });
        let req = HoldRequest {
            event_id: event.id,
            labels: &labels,
            ttl_ms,
            holder: order.holder.as_deref(),
            idempotency_key: order.idempotency_key.as_deref(),
            idempotency_request: fingerprint.as_deref(),
            key_is_new: false,
            actor: &actor,
            fault: order.fault,
        };
        let mut effort = Effort::default();
        if let Some(area) = &order.area {
            let (name, capacity) = self.area_capacity(event.id, &area.area).await?;
            let hold = reserver
                .hold_area(&req, &name, capacity, asked, &mut effort)
                .await?;
            let total = self
                .total_at(event.id, Some(event.currency.as_deref()), &hold.seats)
                .await;
            return Ok(Held {
                hold,
                strategy: reserver.strategy().to_string(),
                retries: effort.retries,
                together: None,
                orphans: None,
                access_spent: None,
                area: Some(name),
                total,
            });
        }
        let (hold, pick) = match &order.best {
            Some(best) => {
                let accessible = best.accessible as usize;
                if accessible > asked {
                    return Err(Error::invalid(format!(
                        "--accessible {accessible} is more than the {asked} seats asked for with --best"
                    )));
                }
                // Both as the event spells them (typed in any case, when that is unambiguous).
                let section = match best.section.as_deref().map(names::nfc) {
                    Some(typed) => {
                        let counts = self.check_section(event.id, &typed).await?;
                        if counts.area {
                            let section = counts.section;
                            return Err(Error::invalid(format!(
                                "`{section}` is a general-admission area, with places and no \
                                 seats: hold them with --area {section} --quantity {asked}"
                            )));
                        }
                        Some(counts.section)
                    }
                    None => None,
                };
                let category = match best.category.as_deref().map(names::nfc) {
                    Some(typed) => Some(self.check_category(event.id, &typed).await?),
                    None => None,
                };
                let want = Want {
                    n: best.n as usize,
                    accessible,
                };
                let (hold, pick) = reserver
                    .hold_best(
                        &req,
                        want,
                        section.as_deref(),
                        category.as_deref(),
                        &mut effort,
                    )
                    .await?;
                (hold, pick)
            }
            None => match reserver.hold(&req, &mut effort).await {
                Ok(hold) => (hold, None),
                Err(e @ Error::UnknownSeats { .. }) => {
                    // `b-5` for `B-5`: labels that each match one seat regardless of case are
                    // taken as that seat; anything else is unknown, with a "did you mean".
                    let fixed = self.labels_in_any_case(event.id, &labels, e).await?;
                    // `a-8 A-8` is one seat named twice.
                    let mut seen = std::collections::HashSet::new();
                    if let Some(twice) = fixed.iter().find(|l| !seen.insert(l.as_str())) {
                        return Err(Error::invalid(format!("seat {twice} is listed twice")));
                    }
                    let fixed_req = HoldRequest {
                        labels: &fixed,
                        ..req
                    };
                    match reserver.hold(&fixed_req, &mut effort).await {
                        Ok(hold) => (hold, None),
                        Err(e @ Error::UnknownSeats { .. }) => {
                            return Err(self.explain_unknown(event.id, &fixed, e).await);
                        }
                        Err(e) => return Err(e),
                    }
                }
                Err(e) => return Err(e),
            },
        };
        let total = self
            .total_at(event.id, Some(event.currency.as_deref()), &hold.seats)
            .await;
        Ok(Held {
            hold,
            strategy: reserver.strategy().to_string(),
            retries: effort.retries,
            together: pick.as_ref().map(|p| p.together),
            orphans: pick.as_ref().map(|p| p.orphans),
            access_spent: pick.map(|p| p.access_spent),
            area: None,
            total,
        })
    }

    /// Extends an active hold to `ttl` from now. Errors: exit 4 (no such hold), 3
    /// (`HoldClosed`: released or reserved), 5 (`HoldLapsed`), 2 (bad TTL).
    pub async fn extend(&self, hold_id: Uuid, ttl: Option<HumanDuration>) -> Result<HoldInfo> {
        let ttl_ms = self.ttl_ms(ttl)?;
        self.reserver()
            .await?
            .extend(hold_id, ttl_ms, &mut Effort::default())
            .await
    }

    /// Turns an active hold into a reservation, recorded in the history as done `by`;
    /// reserving it again returns the same one. Errors: exit 4, 3 (`HoldClosed`, or its
    /// reservation was released), 5 (`HoldLapsed`).
    pub async fn reserve(
        &self,
        hold_id: Uuid,
        customer: Option<&str>,
        reference: Option<&str>,
        by: &Actor,
    ) -> Result<ReservationInfo> {
        // Customer and reference in one spelling, with nothing invisible in them.
        let text = |kind: &str, v: Option<&str>| {
            v.map(|v| names::normalize(kind, v.trim()))
                .transpose()
                .map_err(Error::Invalid)
        };
        let (customer, reference) = (text("customer", customer)?, text("reference", reference)?);
        let (customer, reference) = (customer.as_deref(), reference.as_deref());
        let mut info = self
            .reserver()
            .await?
            .reserve(hold_id, customer, reference, by, &mut Effort::default())
            .await?;
        // A replay is the same sale asked for again; another customer or reference given for
        // a hold already sold is another sale, and this hold is not theirs (exit 3).
        let differs = |given: Option<&str>, sold: &Option<String>| {
            given.is_some_and(|g| Some(g) != sold.as_deref())
        };
        if info.replayed
            && (differs(customer, &info.customer) || differs(reference, &info.reference))
        {
            return Err(Error::conflict(format!(
                "hold {hold_id} is already sold as reservation {} (customer {}, reference {}): \
                 another customer or reference is another sale; nothing was changed",
                info.reservation_id,
                info.customer.as_deref().unwrap_or("none"),
                info.reference.as_deref().unwrap_or("none"),
            )));
        }
        info.total = self.charged(info.event_id, info.reservation_id).await;
        Ok(info)
    }

    /// Releases a hold or a reservation (either id), done `by`, and returns its seats to sale;
    /// releasing something already released changes nothing. Given a hold that has become a
    /// reservation, releases (refunds) the reservation only with `refund_reserved`. Errors:
    /// exit 3 (`HoldReserved`: the hold is a sale now), 4 (no such id).
    pub async fn release(&self, id: Uuid, by: &Actor, refund_reserved: bool) -> Result<Released> {
        self.reserver()
            .await?
            .release(id, by, refund_reserved, &mut Effort::default())
            .await
    }

    /// A partial refund: returns `seats` (labels or ranges, any case) of the reservation `id`
    /// names to sale, and keeps the rest sold (every seat: the whole reservation). `id` is the
    /// reservation's, or its hold's with `refund_reserved` (as for [`Session::release`]).
    /// Errors: exit 2 (a hold that is no sale: it is released whole; a seat not the
    /// reservation's), 3 (`HoldReserved`), 4 (no such id).
    pub async fn release_seats(
        &self,
        id: Uuid,
        seats: &[String],
        by: &Actor,
        refund_reserved: bool,
    ) -> Result<Released> {
        let store = self.store().await?;
        let Some((res_id, _hold, event_id, _)) = store.reservation_of(id).await? else {
            return Err(match store.release_kind(id).await? {
                true => Error::invalid(format!(
                    "{id} is a hold, not a sale: --seats returns part of a reservation; a hold \
                     is released whole"
                )),
                false => Error::not_found(format!("no hold or reservation {id}")),
            });
        };
        if res_id != id && !refund_reserved {
            return Err(store.hold_reserved(id, res_id).await?);
        }
        let mut typed: Vec<String> = seats.iter().map(|s| names::nfc(s.trim())).collect();
        if typed.iter().any(String::is_empty) {
            return Err(Error::invalid("--seats has an empty seat label"));
        }
        if typed.iter().any(|l| l.contains("..")) {
            let all = store.list_seats(event_id, None, None).await?;
            typed = labels::expand(&typed, &all)?;
        }
        let (now, ever) = store.reservation_seats(res_id).await?;
        // A label typed in another case is matched against the whole event: two seats alike
        // but for case are never guessed between, even when only one is this sale's.
        let event_labels: Vec<String> = if typed.iter().all(|t| now.contains(t) || ever.contains(t))
        {
            Vec::new()
        } else {
            let seats = store.list_seats(event_id, None, None).await?;
            seats.into_iter().map(|s| s.label).collect()
        };
        let labels = refund_labels(&typed, &now, &ever, &event_labels, res_id)?;
        self.reserver()
            .await?
            .release_seats(event_id, res_id, &labels, by, &mut Effort::default())
            .await
    }

    /// Active reservations of the event whose customer contains `query` or whose reference is
    /// `query` (both regardless of case), newest first, at most `limit`, with their seats.
    pub async fn find_reservations(
        &self,
        event_id: Uuid,
        query: &str,
        limit: i64,
    ) -> Result<Vec<FoundReservation>> {
        self.store()
            .await?
            .find_reservations(event_id, query, limit)
            .await
    }

    /// Marks lapsed holds expired (of one event, or all) and tidies their seats back to
    /// available. Optional: every read already treats a lapsed hold as available.
    pub async fn sweep(&self, event: Option<&str>) -> Result<Swept> {
        let store = self.store().await?;
        let event_id = match event {
            Some(e) => Some(store.find_event(e).await?.id),
            None => None,
        };
        let sweeper = actor("sweep");
        store.sweep(event_id, &sweeper).await
    }

    /// The event's seat changes, oldest first, optionally of one seat. Errors: exit 4 for an
    /// unknown event or seat (with a "did you mean").
    pub async fn history(&self, event: &str, seat: Option<&str>) -> Result<Vec<HistoryEntry>> {
        let store = self.store().await?;
        let event = store.find_event(event).await?;
        let seat = seat.map(|s| names::nfc(s.trim()));
        let seat = seat.as_deref();
        let history = store.history(event.id, seat).await?;
        if let Some(seat) = seat.filter(|_| history.is_empty()) {
            // No history, or no such seat? Only the second is an error; a label typed in
            // another case is the one seat it matches.
            let seats = store.list_seats(event.id, None, None).await?;
            let typed = [seat.to_string()];
            match labels::resolve_case(&typed, &seats) {
                Some(fixed) if fixed[0] != seat => {
                    return store.history(event.id, Some(&fixed[0])).await;
                }
                Some(_) => {}
                None => {
                    if let Some(e) = labels::unknown(&typed, &seats) {
                        return Err(e);
                    }
                }
            }
        }
        Ok(history)
    }

    /// After an `UnknownSeats` answer (`unknown`) for `typed`: the labels with each one typed
    /// in another case replaced by the one seat it matches (`b-5` for `B-5`), to try again.
    /// Errors: the `UnknownSeats` with a "did you mean" when some label matches no seat, or
    /// several, that way.
    pub(crate) async fn labels_in_any_case(
        &self,
        event_id: Uuid,
        typed: &[String],
        unknown: Error,
    ) -> Result<Vec<String>> {
        let seats = self.store().await?.list_seats(event_id, None, None).await?;
        labels::resolve_case(typed, &seats)
            .ok_or_else(|| labels::unknown(typed, &seats).unwrap_or(unknown))
    }

    /// `UnknownSeats` with a "did you mean" for each typed label that is no seat of the event
    /// (`fallback` if the seats cannot be read).
    pub(crate) async fn explain_unknown(
        &self,
        event_id: Uuid,
        typed: &[String],
        fallback: Error,
    ) -> Error {
        let Ok(store) = self.store().await else {
            return fallback;
        };
        let Ok(seats) = store.list_seats(event_id, None, None).await else {
            return fallback;
        };
        labels::unknown(typed, &seats).unwrap_or(fallback)
    }
}

/// The seats `typed` names among a reservation's (`now`: its seats; `ever`: every seat it
/// held, refunded ones too), exactly as stored: a label as typed, else the one seat of the
/// event (`event_labels`) it matches in another case. Errors: exit 2 for a seat listed twice, one that matches two seats alike
/// but for case, or one that was never the reservation's (naming its seats).
fn refund_labels(
    typed: &[String],
    now: &[String],
    ever: &[String],
    event_labels: &[String],
    res_id: Uuid,
) -> Result<Vec<String>> {
    let mut all: Vec<&str> = now.iter().map(String::as_str).collect();
    for l in ever {
        if !all.contains(&l.as_str()) {
            all.push(l);
        }
    }
    let mut out: Vec<String> = Vec::with_capacity(typed.len());
    for t in typed {
        let label = if all.contains(&t.as_str()) {
            t.clone()
        } else {
            let alike = names::folded_alike(t, event_labels.iter().map(String::as_str));
            match alike.as_slice() {
                [one] if all.contains(one) => one.to_string(),
                [_] | [] => {
                    let refunded: Vec<&str> = all
                        .iter()
                        .copied()
                        .filter(|l| !now.iter().any(|n| n == l))
                        .collect();
                    return Err(Error::invalid(format!(
                        "seat {t} is not one of reservation {res_id}'s seats (it holds {}{}); \
                         nothing was released",
                        if now.is_empty() {
                            "none".to_string()
                        } else {
                            now.join(", ")
                        },
                        if refunded.is_empty() {
                            String::new()
                        } else {
                            format!("; refunded before: {}", refunded.join(", "))
                        }
                    )));
                }
                several => return Err(names::ambiguous_case("seat", t, several)),
            }
        };
        if out.contains(&label) {
            return Err(Error::invalid(format!(
                "seat {label} is listed twice in --seats; nothing was released"
            )));
        }
        out.push(label);
    }
    Ok(out)
}
