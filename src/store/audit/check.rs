//! The audit's checks, plain Rust over the snapshot so both backends are judged alike: one
//! function per kind of check, run by `check` in a fixed order, which also builds the report.

use std::collections::{BTreeMap, HashMap, HashSet};

use uuid::Uuid;

use super::snapshot::{HoldRow, ReservationRow, SeatRow, Snapshot};
use super::{AuditReport, AuditSection, Expected, Violation};

#[cfg(test)]
mod tests;

/// At most this many violations are listed (the count says how many there were).
const MAX_LISTED: usize = 200;

/// Runs every check in a fixed order, so the violations always come out in the same order.
pub(super) fn check(snap: &Snapshot, expected: Option<&Expected<'_>>) -> AuditReport {
    let ix = Index::new(snap);
    let mut v: Vec<Violation> = Vec::new();
    double_booking(&ix, &mut v);
    claims_shown_on_seats(&ix, &mut v);
    seat_owners(&ix, &mut v);
    records_agree(&ix, &mut v);
    let sections = section_counts(&ix, &mut v);
    area_capacity(&ix, &sections, &mut v);
    history_replay(&ix, &mut v);
    if let Some(exp) = expected {
        buyers_told(&ix, exp, &mut v);
    }

    let total = v.len();
    v.truncate(MAX_LISTED);
    if total > MAX_LISTED {
        v.push(Violation {
            kind: "truncated".into(),
            seats: Vec::new(),
            detail: format!("{} more violations not listed", total - MAX_LISTED),
        });
    }
    AuditReport {
        ok: total == 0,
        seats: snap.seats.len() as u64,
        history_rows: snap.history.len() as u64,
        active_holds: snap.holds.iter().filter(|h| ix.is_live(h)).count() as u64,
        active_reservations: ix.active_res.len() as u64,
        sections,
        violations: v,
        unavailable: None,
    }
}

fn flag(out: &mut Vec<Violation>, kind: &str, seats: Vec<String>, detail: String) {
    out.push(Violation {
        kind: kind.into(),
        seats,
        detail,
    });
}

/// The snapshot looked up by id, and the seats each hold took: what every check consults.
struct Index<'a> {
    snap: &'a Snapshot,
    label_of: HashMap<i64, &'a str>,
    seat_by_id: HashMap<i64, &'a SeatRow>,
    holds: HashMap<Uuid, &'a HoldRow>,
    /// The seats each hold took, from the history (the trail is the record of what it covered).
    hold_seats: HashMap<Uuid, Vec<i64>>,
    /// Active reservations: reservation id → the hold it was made from.
    active_res: HashMap<Uuid, Uuid>,
}

impl<'a> Index<'a> {
    fn new(snap: &'a Snapshot) -> Self {
        let mut hold_seats: HashMap<Uuid, Vec<i64>> = HashMap::new();
        for h in &snap.history {
            if h.to_status == "held"
                && h.from_status != "held"
                && let Some(id) = h.hold_id
            {
                hold_seats.entry(id).or_default().push(h.seat_id);
            }
        }
        let active_res: HashMap<Uuid, Uuid> = snap
            .reservations
            .iter()
            .filter(|r| r.status == "active")
            .map(|r| (r.id, r.hold_id))
            .collect();
        // A partial refund (`release --seats`) takes seats out of an active reservation: they
        // are no longer its claim. Only the history can say so, as it says what a hold took.
        for h in &snap.history {
            if h.from_status == "reserved"
                && h.to_status == "available"
                && let (Some(rid), Some(hid)) = (h.reservation_id, h.hold_id)
                && active_res.get(&rid) == Some(&hid)
                && let Some(seats) = hold_seats.get_mut(&hid)
            {
                seats.retain(|s| *s != h.seat_id);
            }
        }
        Index {
            snap,
            label_of: snap
                .seats
                .iter()
                .map(|s| (s.id, s.label.as_str()))
                .collect(),
            seat_by_id: snap.seats.iter().map(|s| (s.id, s)).collect(),
            holds: snap.holds.iter().map(|h| (h.id, h)).collect(),
            hold_seats,
            active_res,
        }
    }

    /// The seats' labels; `#id` for a seat the snapshot does not have.
    fn labels(&self, ids: &[i64]) -> Vec<String> {
        ids.iter()
            .map(|id| {
                self.label_of
                    .get(id)
                    .map_or(format!("#{id}"), |l| l.to_string())
            })
            .collect()
    }

    /// The seats hold `hold` took (none if the history shows none).
    fn seats_of(&self, hold: Uuid) -> &[i64] {
        self.hold_seats.get(&hold).map_or(&[], Vec::as_slice)
    }

    /// The seats of `hold` whose row is missing or does not show `shows`.
    fn not_showing(&self, hold: Uuid, shows: impl Fn(&SeatRow) -> bool) -> Vec<i64> {
        self.seats_of(hold)
            .iter()
            .copied()
            .filter(|id| self.seat_by_id.get(id).is_none_or(|s| !shows(s)))
            .collect()
    }

    fn covers(&self, hold: Uuid, seat: i64) -> bool {
        self.seats_of(hold).contains(&seat)
    }

    /// Active and not yet expired at the snapshot.
    fn is_live(&self, h: &HoldRow) -> bool {
        h.status == "active" && h.expires_at > self.snap.now
    }

    fn active_hold(&self, id: Uuid) -> bool {
        self.holds.get(&id).is_some_and(|h| self.is_live(h))
    }

    /// A held seat whose lease has run out counts as available.
    fn lapsed(&self, s: &SeatRow) -> bool {
        s.status == "held" && s.held_until.is_none_or(|t| t <= self.snap.now)
    }
}

/// Double booking: every live hold and every active reservation claims the seats its hold
/// took (per the history); a seat with more than one claim is `double_booked`.
fn double_booking(ix: &Index, out: &mut Vec<Violation>) {
    let mut claims: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    let holds = ix.snap.holds.iter().filter(|h| ix.is_live(h));
    let holds = holds.map(|h| (h.id, format!("hold {}", h.id)));
    let reservations = ix.active_res.iter();
    let reservations = reservations.map(|(rid, hid)| (*hid, format!("reservation {rid}")));
    for (hold, owner) in holds.chain(reservations) {
        for seat in ix.seats_of(hold) {
            claims.entry(*seat).or_default().push(owner.clone());
        }
    }
    for (seat, owners) in &claims {
        if owners.len() > 1 {
            flag(
                out,
                "double_booked",
                ix.labels(&[*seat]),
                format!("claimed by {}", owners.join(" and ")),
            );
        }
    }
}

/// Claims shown on their seats: each seat of an active reservation must be `reserved` by it,
/// and each seat of a live hold `held` by it; the seats that are not are `owner_mismatch`.
fn claims_shown_on_seats(ix: &Index, out: &mut Vec<Violation>) {
    for (rid, hid) in &ix.active_res {
        let off = ix.not_showing(*hid, |s| {
            s.status == "reserved" && s.reservation_id == Some(*rid)
        });
        if !off.is_empty() {
            flag(
                out,
                "owner_mismatch",
                ix.labels(&off),
                format!("reservation {rid} is active but these seats do not show it"),
            );
        }
    }
    for h in ix.snap.holds.iter().filter(|h| ix.is_live(h)) {
        let off = ix.not_showing(h.id, |s| s.status == "held" && s.hold_id == Some(h.id));
        if !off.is_empty() {
            flag(
                out,
                "owner_mismatch",
                ix.labels(&off),
                format!("hold {} is active but these seats do not show it", h.id),
            );
        }
    }
}

/// Seat owners: a held seat (lease not lapsed) must belong to a live hold covering it, and a
/// reserved seat to an active reservation covering it; otherwise `orphan_state`. A status
/// other than available, held, reserved or blocked is `unknown_status`. Seat by seat, in
/// layout order.
fn seat_owners(ix: &Index, out: &mut Vec<Violation>) {
    for s in &ix.snap.seats {
        let problem = match s.status.as_str() {
            "available" | "blocked" => None,
            "held" if ix.lapsed(s) => None,
            "held" => match s.hold_id {
                Some(h) if ix.active_hold(h) && ix.covers(h, s.id) => None,
                other => Some(format!(
                    "held by {other:?}, which is not an active hold covering it"
                )),
            },
            "reserved" => match s.reservation_id.and_then(|r| ix.active_res.get(&r)) {
                Some(&h) if ix.covers(h, s.id) => None,
                _ => Some(format!(
                    "reserved by {:?}, which is not an active reservation covering it",
                    s.reservation_id
                )),
            },
            other => {
                flag(
                    out,
                    "unknown_status",
                    vec![s.label.clone()],
                    format!("status `{other}`"),
                );
                None
            }
        };
        if let Some(detail) = problem {
            flag(out, "orphan_state", vec![s.label.clone()], detail);
        }
    }
}

/// Records agree with each other: an active reservation's hold must be `reserved` (a hold
/// marked released or expired under an active reservation is the lie of a release that lost
/// a race), and a `reserved` hold must have a reservation: else `record_mismatch`. A seat must
/// point only at what it is: an available or blocked seat at no hold or reservation, a
/// reserved seat at its reservation's own hold: else `stale_owner`.
fn records_agree(ix: &Index, out: &mut Vec<Violation>) {
    for r in ix.snap.reservations.iter().filter(|r| r.status == "active") {
        let hold_status = ix.holds.get(&r.hold_id).map(|h| h.status.as_str());
        if hold_status != Some("reserved") {
            flag(
                out,
                "record_mismatch",
                ix.labels(ix.seats_of(r.hold_id)),
                format!(
                    "reservation {} is active but its hold {} is {}",
                    r.id,
                    r.hold_id,
                    hold_status.unwrap_or("missing")
                ),
            );
        }
    }
    let reserved_holds: HashSet<Uuid> = ix.snap.reservations.iter().map(|r| r.hold_id).collect();
    for h in ix.snap.holds.iter().filter(|h| h.status == "reserved") {
        if !reserved_holds.contains(&h.id) {
            flag(
                out,
                "record_mismatch",
                ix.labels(ix.seats_of(h.id)),
                format!(
                    "hold {} is reserved but no reservation was made from it",
                    h.id
                ),
            );
        }
    }
    let hold_of_res: HashMap<Uuid, Uuid> = ix
        .snap
        .reservations
        .iter()
        .map(|r| (r.id, r.hold_id))
        .collect();
    for s in &ix.snap.seats {
        let detail = match s.status.as_str() {
            "available" | "blocked" if s.hold_id.is_some() || s.reservation_id.is_some() => {
                Some(format!(
                    "{} but still points at hold {:?} / reservation {:?}",
                    s.status, s.hold_id, s.reservation_id
                ))
            }
            "reserved" => match s.reservation_id.and_then(|r| hold_of_res.get(&r)) {
                Some(h) if s.hold_id != Some(*h) => Some(format!(
                    "reserved by {:?}, made from hold {h}, but points at hold {:?}",
                    s.reservation_id, s.hold_id
                )),
                _ => None,
            },
            _ => None,
        };
        if let Some(detail) = detail {
            flag(out, "stale_owner", vec![s.label.clone()], detail);
        }
    }
}

/// Section counts: per section, booked + held + available + blocked must equal its seats (a
/// lapsed hold counts as available); a section where they do not is `unknown_status`.
/// Returns the counts, in layout order, for the report.
fn section_counts(ix: &Index, out: &mut Vec<Violation>) -> Vec<AuditSection> {
    let mut sections: Vec<AuditSection> = Vec::new();
    for s in &ix.snap.seats {
        if sections.last().is_none_or(|x| x.section != s.section) {
            // An area's capacity, looked up once, when its first place is met.
            let capacity = ix
                .snap
                .areas
                .iter()
                .find(|a| s.area && a.name == s.section)
                .map(|a| a.capacity.max(0) as u64);
            sections.push(AuditSection {
                section: s.section.clone(),
                capacity,
                ..AuditSection::default()
            });
        }
        let sec = sections.last_mut().expect("pushed above");
        sec.total += 1;
        match s.status.as_str() {
            "reserved" => sec.booked += 1,
            "held" if !ix.lapsed(s) => sec.held += 1,
            "available" | "held" => sec.available += 1,
            "blocked" => sec.blocked += 1,
            _ => {}
        }
    }
    for sec in &sections {
        if sec.booked + sec.held + sec.available + sec.blocked != sec.total {
            flag(
                out,
                "unknown_status",
                Vec::new(),
                format!(
                    "section {}: {} booked + {} held + {} available + {} blocked ≠ {} seats",
                    sec.section, sec.booked, sec.held, sec.available, sec.blocked, sec.total
                ),
            );
        }
    }
    sections
}

/// General-admission areas: an area's places, and those held, sold or blocked, never exceed its
/// capacity (`area_oversold`); its places are exactly its capacity, and every place belongs to
/// an area of the layout (`area_mismatch`: a place added or lost behind the layout's back).
fn area_capacity(ix: &Index, sections: &[AuditSection], out: &mut Vec<Violation>) {
    fn places<'a>(ix: &'a Index, name: &'a str) -> impl Iterator<Item = &'a SeatRow> + 'a {
        ix.snap
            .seats
            .iter()
            .filter(move |s| s.area && s.section == name)
    }
    for area in &ix.snap.areas {
        let capacity = area.capacity.max(0) as u64;
        let count = places(ix, &area.name).count() as u64;
        let taken = sections
            .iter()
            .find(|s| s.section == area.name)
            .map_or(0, |s| s.booked + s.held + s.blocked);
        if taken > capacity {
            let seats = places(ix, &area.name)
                .filter(|s| s.status != "available")
                .map(|s| s.label.clone())
                .collect();
            flag(
                out,
                "area_oversold",
                seats,
                format!(
                    "area {}: {taken} places held, sold or blocked, capacity {capacity}",
                    area.name
                ),
            );
        }
        if count != capacity {
            flag(
                out,
                "area_mismatch",
                Vec::new(),
                format!(
                    "area {} has {count} places for a capacity of {capacity}",
                    area.name
                ),
            );
        }
    }
    let strays: Vec<String> = ix
        .snap
        .seats
        .iter()
        .filter(|s| s.area && !ix.snap.areas.iter().any(|a| a.name == s.section))
        .map(|s| s.label.clone())
        .collect();
    if !strays.is_empty() {
        flag(
            out,
            "area_mismatch",
            strays,
            "places of an area the layout does not have".into(),
        );
    }
}

/// A seat's state as replayed from its history.
#[derive(Clone, Copy)]
struct Replayed<'a> {
    status: &'a str,
    hold_id: Option<Uuid>,
    reservation_id: Option<Uuid>,
}

/// Every seat starts available.
const FRESH: Replayed<'static> = Replayed {
    status: "available",
    hold_id: None,
    reservation_id: None,
};

/// History replay: each row must start from the state the seat was in, and the trail must
/// end at the seat's current status and owner; else `history_mismatch` (first fault per seat).
/// A hold that lapsed may be taken over without a row of its own: it counts as available at once.
fn history_replay(ix: &Index, out: &mut Vec<Violation>) {
    let mut state: HashMap<i64, Replayed> = HashMap::new();
    let mut bad_replay: BTreeMap<i64, String> = BTreeMap::new();
    for h in &ix.snap.history {
        let cur = state.get(&h.seat_id).copied().unwrap_or(FRESH);
        let lapsed_then = cur.status == "held"
            && h.from_status == "available"
            && cur
                .hold_id
                .and_then(|id| ix.holds.get(&id))
                .is_some_and(|x| x.expires_at <= h.at);
        if h.from_status != cur.status && !lapsed_then {
            bad_replay.entry(h.seat_id).or_insert(format!(
                "history row says {} → {}, but the seat was {} then",
                h.from_status, h.to_status, cur.status
            ));
        }
        state.insert(
            h.seat_id,
            Replayed {
                status: h.to_status.as_str(),
                hold_id: h.hold_id,
                reservation_id: h.reservation_id,
            },
        );
    }
    for s in &ix.snap.seats {
        let end = state.get(&s.id).copied().unwrap_or(FRESH);
        let agrees = end.status == s.status
            && match end.status {
                "held" => end.hold_id == s.hold_id,
                "reserved" => end.reservation_id == s.reservation_id,
                _ => true,
            };
        if !agrees {
            bad_replay.entry(s.id).or_insert(format!(
                "history ends at {}, the seat is {}",
                end.status, s.status
            ));
        }
    }
    for (seat, detail) in bad_replay {
        flag(out, "history_mismatch", ix.labels(&[seat]), detail);
    }
}

/// What the buyers were told agrees with the reservations: a buyer told booked needs an active
/// reservation on exactly the seats told, else `booked_missing`; an active reservation of this
/// run's buyer nobody was told of (outcome not unknown) is `unreported_booking`.
fn buyers_told(ix: &Index, exp: &Expected<'_>, out: &mut Vec<Violation>) {
    let res_by_id: HashMap<Uuid, &ReservationRow> =
        ix.snap.reservations.iter().map(|r| (r.id, r)).collect();
    let told: HashSet<Uuid> = exp.booked.iter().map(|b| b.reservation_id).collect();
    let unknown: HashSet<&str> = exp.unknown.iter().map(String::as_str).collect();
    for b in exp.booked {
        match res_by_id.get(&b.reservation_id) {
            None => flag(
                out,
                "booked_missing",
                b.seats.clone(),
                format!(
                    "buyer {} was told booked, but reservation {} does not exist",
                    b.holder, b.reservation_id
                ),
            ),
            Some(r) => {
                let mut have = ix.labels(ix.seats_of(r.hold_id));
                let mut want = b.seats.clone();
                have.sort();
                want.sort();
                if r.status != "active" || have != want {
                    flag(
                        out,
                        "booked_missing",
                        b.seats.clone(),
                        format!(
                            "buyer {} was told booked, but reservation {} is {} on seats {}",
                            b.holder,
                            b.reservation_id,
                            r.status,
                            have.join(" ")
                        ),
                    );
                }
            }
        }
    }
    for (rid, hid) in &ix.active_res {
        let Some(holder) = ix.holds.get(hid).and_then(|h| h.holder.as_deref()) else {
            continue;
        };
        if holder.starts_with(exp.holder_prefix) && !told.contains(rid) && !unknown.contains(holder)
        {
            flag(
                out,
                "unreported_booking",
                ix.labels(ix.seats_of(*hid)),
                format!(
                    "reservation {rid} of buyer {holder} exists, but the buyer was not told booked"
                ),
            );
        }
    }
}
