//! The audit: reads an event's seats, holds, reservations and history in one consistent
//! snapshot and checks that no seat is sold twice and that every record agrees with the others.
//! Used by `seatctl audit` and at the end of every simulation (which adds what its buyers were
//! told). The checks run in Rust over plain reads, so they are the same on both backends.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Store, db_error, with_pool};
use crate::error::Result;

/// One thing the audit found wrong, with the seats involved.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Violation {
    /// `double_booked`, `owner_mismatch`, `orphan_state`, `unknown_status`, `history_mismatch`,
    /// `booked_missing`, `unreported_booking`.
    pub kind: String,
    pub seats: Vec<String>,
    pub detail: String,
}

/// Seat counts of one section as the audit saw them.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct AuditSection {
    pub section: String,
    pub total: u64,
    pub booked: u64,
    pub held: u64,
    pub available: u64,
    /// Out of sale (`seatctl block`).
    pub blocked: u64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AuditReport {
    pub ok: bool,
    pub seats: u64,
    pub history_rows: u64,
    pub active_holds: u64,
    pub active_reservations: u64,
    pub sections: Vec<AuditSection>,
    pub violations: Vec<Violation>,
}

/// A reservation a buyer was told about.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Booked {
    pub reservation_id: Uuid,
    pub holder: String,
    pub seats: Vec<String>,
}

/// What a simulation's buyers were told, for the "told booked ⇔ reservation row" check.
pub struct Expected<'a> {
    /// Holders of this run's buyers start with it.
    pub holder_prefix: &'a str,
    pub booked: &'a [Booked],
    /// Holders whose last operation timed out: either answer is acceptable.
    pub unknown: &'a [String],
}

type SeatRow = (
    i64,
    String,
    String,
    String,
    Option<Uuid>,
    Option<Uuid>,
    Option<DateTime<Utc>>,
);
type HoldRow = (Uuid, String, DateTime<Utc>, Option<String>);
type ReservationRow = (Uuid, Uuid, String);
type HistoryRow = (
    i64,
    String,
    String,
    String,
    Option<Uuid>,
    Option<Uuid>,
    DateTime<Utc>,
);

struct Snapshot {
    now: DateTime<Utc>,
    seats: Vec<SeatRow>,
    holds: Vec<HoldRow>,
    reservations: Vec<ReservationRow>,
    history: Vec<HistoryRow>,
}

impl Store {
    pub async fn audit(
        &self,
        event_id: Uuid,
        expected: Option<&Expected<'_>>,
    ) -> Result<AuditReport> {
        let snap = self.audit_snapshot(event_id).await?;
        Ok(check(&snap, expected))
    }

    async fn audit_snapshot(&self, event_id: Uuid) -> Result<Snapshot> {
        with_pool!(self, |pool, pg| {
            async {
                // One snapshot for every read, so a live on-sale cannot look inconsistent.
                let mut tx = pool
                    .begin_with(if pg {
                        "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
                    } else {
                        "BEGIN"
                    })
                    .await?;
                let now: DateTime<Utc> = sqlx::query_scalar(if pg {
                    "SELECT now()"
                } else {
                    "SELECT strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')"
                })
                .fetch_one(&mut *tx)
                .await?;
                let seats = sqlx::query_as::<_, SeatRow>(
                    "SELECT id, label, section, status, hold_id, reservation_id, held_until \
                     FROM seats WHERE event_id = $1 ORDER BY section_pos, row_pos, number",
                )
                .bind(event_id)
                .fetch_all(&mut *tx)
                .await?;
                let holds = sqlx::query_as::<_, HoldRow>(
                    "SELECT id, status, expires_at, holder FROM holds WHERE event_id = $1",
                )
                .bind(event_id)
                .fetch_all(&mut *tx)
                .await?;
                let reservations = sqlx::query_as::<_, ReservationRow>(
                    "SELECT id, hold_id, status FROM reservations WHERE event_id = $1",
                )
                .bind(event_id)
                .fetch_all(&mut *tx)
                .await?;
                let history = sqlx::query_as::<_, HistoryRow>(
                    "SELECT seat_id, seat_label, from_status, to_status, hold_id, reservation_id, at \
                     FROM seat_history WHERE event_id = $1 ORDER BY id",
                )
                .bind(event_id)
                .fetch_all(&mut *tx)
                .await?;
                tx.rollback().await?;
                Ok::<_, sqlx::Error>(Snapshot {
                    now,
                    seats,
                    holds,
                    reservations,
                    history,
                })
            }
            .await
        })
        .map_err(db_error)
    }
}

/// At most this many violations are listed (the count says how many there were).
const MAX_LISTED: usize = 200;

fn check(snap: &Snapshot, expected: Option<&Expected<'_>>) -> AuditReport {
    let now = snap.now;
    let mut v: Vec<Violation> = Vec::new();
    let mut flag = |kind: &str, seats: Vec<String>, detail: String| {
        v.push(Violation {
            kind: kind.into(),
            seats,
            detail,
        })
    };
    let label_of: HashMap<i64, &str> = snap.seats.iter().map(|s| (s.0, s.1.as_str())).collect();
    let holds: HashMap<Uuid, &HoldRow> = snap.holds.iter().map(|h| (h.0, h)).collect();
    // The seats each hold took, from the history (the trail is the record of what it covered).
    let mut hold_seats: HashMap<Uuid, Vec<i64>> = HashMap::new();
    for h in &snap.history {
        if h.3 == "held"
            && h.2 != "held"
            && let Some(id) = h.4
        {
            hold_seats.entry(id).or_default().push(h.0);
        }
    }
    let labels = |ids: &[i64]| -> Vec<String> {
        ids.iter()
            .map(|id| label_of.get(id).map_or(format!("#{id}"), |l| l.to_string()))
            .collect()
    };
    let active_hold = |id: Uuid| holds.get(&id).is_some_and(|h| h.1 == "active" && h.2 > now);
    let active_res: HashMap<Uuid, Uuid> = snap
        .reservations
        .iter()
        .filter(|r| r.2 == "active")
        .map(|r| (r.0, r.1))
        .collect();

    // 1. Claims: every active hold and active reservation, on the seats it covers.
    let mut claims: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    let mut active_holds = 0;
    for h in &snap.holds {
        if h.1 == "active" && h.2 > now {
            active_holds += 1;
            for seat in hold_seats.get(&h.0).into_iter().flatten() {
                claims
                    .entry(*seat)
                    .or_default()
                    .push(format!("hold {}", h.0));
            }
        }
    }
    for (rid, hid) in &active_res {
        for seat in hold_seats.get(hid).into_iter().flatten() {
            claims
                .entry(*seat)
                .or_default()
                .push(format!("reservation {rid}"));
        }
    }
    for (seat, owners) in &claims {
        if owners.len() > 1 {
            flag(
                "double_booked",
                labels(&[*seat]),
                format!("claimed by {}", owners.join(" and ")),
            );
        }
    }

    // 2. Each claim is on its seats' rows, and each seat row's owner is an active claim.
    let seat_by_id: HashMap<i64, &SeatRow> = snap.seats.iter().map(|s| (s.0, s)).collect();
    for (rid, hid) in &active_res {
        let off: Vec<i64> = hold_seats
            .get(hid)
            .into_iter()
            .flatten()
            .copied()
            .filter(|id| {
                seat_by_id
                    .get(id)
                    .is_none_or(|s| s.3 != "reserved" || s.5 != Some(*rid))
            })
            .collect();
        if !off.is_empty() {
            flag(
                "owner_mismatch",
                labels(&off),
                format!("reservation {rid} is active but these seats do not show it"),
            );
        }
    }
    for h in snap.holds.iter().filter(|h| h.1 == "active" && h.2 > now) {
        let off: Vec<i64> = hold_seats
            .get(&h.0)
            .into_iter()
            .flatten()
            .copied()
            .filter(|id| {
                seat_by_id
                    .get(id)
                    .is_none_or(|s| s.3 != "held" || s.4 != Some(h.0))
            })
            .collect();
        if !off.is_empty() {
            flag(
                "owner_mismatch",
                labels(&off),
                format!("hold {} is active but these seats do not show it", h.0),
            );
        }
    }
    let mut sections: Vec<AuditSection> = Vec::new();
    for s in &snap.seats {
        let lapsed = s.3 == "held" && s.6.is_none_or(|t| t <= now);
        let covered = |hold: Uuid| hold_seats.get(&hold).is_some_and(|v| v.contains(&s.0));
        let problem = match s.3.as_str() {
            "available" | "blocked" => None,
            "held" if lapsed => None,
            "held" => match s.4 {
                Some(h) if active_hold(h) && covered(h) => None,
                other => Some(format!(
                    "held by {other:?}, which is not an active hold covering it"
                )),
            },
            "reserved" => match s.5.and_then(|r| active_res.get(&r).map(|h| (r, *h))) {
                Some((_, h)) if covered(h) => None,
                _ => Some(format!(
                    "reserved by {:?}, which is not an active reservation covering it",
                    s.5
                )),
            },
            other => {
                flag(
                    "unknown_status",
                    vec![s.1.clone()],
                    format!("status `{other}`"),
                );
                None
            }
        };
        if let Some(detail) = problem {
            flag("orphan_state", vec![s.1.clone()], detail);
        }
        // 3. booked + held + available = total, per section.
        if sections.last().is_none_or(|x| x.section != s.2) {
            sections.push(AuditSection {
                section: s.2.clone(),
                ..AuditSection::default()
            });
        }
        let sec = sections.last_mut().expect("pushed above");
        sec.total += 1;
        match s.3.as_str() {
            "reserved" => sec.booked += 1,
            "held" if !lapsed => sec.held += 1,
            "available" | "held" => sec.available += 1,
            "blocked" => sec.blocked += 1,
            _ => {}
        }
    }
    for sec in &sections {
        if sec.booked + sec.held + sec.available + sec.blocked != sec.total {
            flag(
                "unknown_status",
                Vec::new(),
                format!(
                    "section {}: {} booked + {} held + {} available + {} blocked ≠ {} seats",
                    sec.section, sec.booked, sec.held, sec.available, sec.blocked, sec.total
                ),
            );
        }
    }

    // 4. The history replays to the final state. A seat starts available; a hold that lapsed
    // may be taken over without a row of its own (lapsed holds count as available at once).
    let mut state: HashMap<i64, (&str, Option<Uuid>, Option<Uuid>)> = HashMap::new();
    let mut bad_replay: BTreeMap<i64, String> = BTreeMap::new();
    for h in &snap.history {
        let cur = state
            .get(&h.0)
            .copied()
            .unwrap_or(("available", None, None));
        let lapsed_then = cur.0 == "held"
            && h.2 == "available"
            && cur
                .1
                .and_then(|id| holds.get(&id))
                .is_some_and(|x| x.2 <= h.6);
        if h.2 != cur.0 && !lapsed_then {
            bad_replay.entry(h.0).or_insert(format!(
                "history row says {} → {}, but the seat was {} then",
                h.2, h.3, cur.0
            ));
        }
        state.insert(h.0, (h.3.as_str(), h.4, h.5));
    }
    for s in &snap.seats {
        let (st, hold, res) = state
            .get(&s.0)
            .copied()
            .unwrap_or(("available", None, None));
        let agrees = st == s.3
            && match st {
                "held" => hold == s.4,
                "reserved" => res == s.5,
                _ => true,
            };
        if !agrees {
            bad_replay
                .entry(s.0)
                .or_insert(format!("history ends at {st}, the seat is {}", s.3));
        }
    }
    for (seat, detail) in bad_replay {
        flag("history_mismatch", labels(&[seat]), detail);
    }

    // 5. What the buyers were told agrees with the reservations.
    if let Some(exp) = expected {
        let res_by_id: HashMap<Uuid, &ReservationRow> =
            snap.reservations.iter().map(|r| (r.0, r)).collect();
        let told: HashSet<Uuid> = exp.booked.iter().map(|b| b.reservation_id).collect();
        let unknown: HashSet<&str> = exp.unknown.iter().map(String::as_str).collect();
        for b in exp.booked {
            match res_by_id.get(&b.reservation_id) {
                None => flag(
                    "booked_missing",
                    b.seats.clone(),
                    format!(
                        "buyer {} was told booked, but reservation {} does not exist",
                        b.holder, b.reservation_id
                    ),
                ),
                Some(r) => {
                    let mut have = labels(hold_seats.get(&r.1).map_or(&[][..], |v| v));
                    let mut want = b.seats.clone();
                    have.sort();
                    want.sort();
                    if r.2 != "active" || have != want {
                        flag(
                            "booked_missing",
                            b.seats.clone(),
                            format!(
                                "buyer {} was told booked, but reservation {} is {} on seats {}",
                                b.holder,
                                b.reservation_id,
                                r.2,
                                have.join(" ")
                            ),
                        );
                    }
                }
            }
        }
        for (rid, hid) in &active_res {
            let Some(holder) = holds.get(hid).and_then(|h| h.3.as_deref()) else {
                continue;
            };
            if holder.starts_with(exp.holder_prefix)
                && !told.contains(rid)
                && !unknown.contains(holder)
            {
                flag(
                    "unreported_booking",
                    labels(hold_seats.get(hid).map_or(&[][..], |v| v)),
                    format!(
                        "reservation {rid} of buyer {holder} exists, but the buyer was not told booked"
                    ),
                );
            }
        }
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
        active_holds,
        active_reservations: active_res.len() as u64,
        sections,
        violations: v,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    /// Three seats; hold H1 reserved as R1 on seat 1; hold H2 active on seat 2; seat 3 free.
    fn base() -> (Snapshot, Uuid, Uuid, Uuid) {
        let now = Utc::now();
        let (h1, r1, h2) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
        let later = now + Duration::minutes(5);
        let hist = |seat: i64, from: &str, to: &str, hold: Uuid, res: Option<Uuid>| {
            (
                seat,
                format!("A-{seat}"),
                from.to_string(),
                to.to_string(),
                Some(hold),
                res,
                now,
            )
        };
        let snap = Snapshot {
            now,
            seats: vec![
                (
                    1,
                    "A-1".into(),
                    "A".into(),
                    "reserved".into(),
                    Some(h1),
                    Some(r1),
                    None,
                ),
                (
                    2,
                    "A-2".into(),
                    "A".into(),
                    "held".into(),
                    Some(h2),
                    None,
                    Some(later),
                ),
                (
                    3,
                    "A-3".into(),
                    "A".into(),
                    "available".into(),
                    None,
                    None,
                    None,
                ),
            ],
            holds: vec![
                (h1, "reserved".into(), later, Some("sim/r/t/1-0".into())),
                (h2, "active".into(), later, Some("sim/r/t/2-0".into())),
            ],
            reservations: vec![(r1, h1, "active".into())],
            history: vec![
                hist(1, "available", "held", h1, None),
                hist(1, "held", "reserved", h1, Some(r1)),
                hist(2, "available", "held", h2, None),
            ],
        };
        (snap, h1, r1, h2)
    }

    fn kinds(report: &AuditReport) -> Vec<&str> {
        report.violations.iter().map(|v| v.kind.as_str()).collect()
    }

    #[test]
    fn a_consistent_event_passes() {
        let (snap, _, r1, _) = base();
        let booked = [Booked {
            reservation_id: r1,
            holder: "sim/r/t/1-0".into(),
            seats: vec!["A-1".into()],
        }];
        let exp = Expected {
            holder_prefix: "sim/r/t/",
            booked: &booked,
            unknown: &[],
        };
        let report = check(&snap, Some(&exp));
        assert!(report.ok, "{:?}", report.violations);
        assert_eq!(report.sections[0].booked + report.sections[0].held, 2);
        assert_eq!((report.active_holds, report.active_reservations), (1, 1));
    }

    #[test]
    fn a_seat_claimed_twice_is_double_booked() {
        let (mut snap, _, _, _) = base();
        let h3 = Uuid::new_v4();
        snap.holds
            .push((h3, "active".into(), snap.now + Duration::minutes(1), None));
        snap.history.push((
            1,
            "A-1".into(),
            "available".into(),
            "held".into(),
            Some(h3),
            None,
            snap.now,
        ));
        let report = check(&snap, None);
        assert!(!report.ok);
        let v = report
            .violations
            .iter()
            .find(|v| v.kind == "double_booked")
            .unwrap();
        assert_eq!(v.seats, ["A-1"]);
        // The trail also shows the seat taken from a live reservation.
        assert!(kinds(&report).contains(&"history_mismatch"));
    }

    #[test]
    fn a_reservation_its_seat_does_not_show_is_caught() {
        let (mut snap, _, _, _) = base();
        snap.seats[0] = (
            1,
            "A-1".into(),
            "A".into(),
            "available".into(),
            None,
            None,
            None,
        );
        let report = check(&snap, None);
        assert!(
            kinds(&report).contains(&"owner_mismatch"),
            "{:?}",
            report.violations
        );
        assert!(kinds(&report).contains(&"history_mismatch"));
    }

    #[test]
    fn a_seat_owned_by_a_dead_hold_is_orphaned() {
        let (mut snap, _, _, h2) = base();
        snap.holds[1].1 = "released".into();
        let report = check(&snap, None);
        let v = report
            .violations
            .iter()
            .find(|v| v.kind == "orphan_state")
            .unwrap();
        assert_eq!(v.seats, ["A-2"]);
        let _ = h2;
    }

    #[test]
    fn an_unknown_status_breaks_the_section_sum() {
        let (mut snap, _, _, _) = base();
        snap.seats[2].3 = "sold-ish".into();
        let report = check(&snap, None);
        assert!(kinds(&report).contains(&"unknown_status"));
        assert!(
            report
                .violations
                .iter()
                .any(|v| v.detail.contains("≠ 3 seats"))
        );
    }

    #[test]
    fn a_lapsed_hold_taken_over_replays_cleanly() {
        let (mut snap, _, _, h2) = base();
        // H2 lapsed a minute ago; H4 took seat 2 without a sweep in between.
        snap.holds[1].2 = snap.now - Duration::minutes(1);
        let h4 = Uuid::new_v4();
        snap.holds
            .push((h4, "active".into(), snap.now + Duration::minutes(9), None));
        snap.history.push((
            2,
            "A-2".into(),
            "available".into(),
            "held".into(),
            Some(h4),
            None,
            snap.now,
        ));
        snap.seats[1].4 = Some(h4);
        let report = check(&snap, None);
        assert!(report.ok, "{:?}", report.violations);
        let _ = h2;
    }

    #[test]
    fn buyers_answers_must_match_reservations() {
        let (snap, _, r1, _) = base();
        // Told booked, but no such reservation; and R1 exists but nobody was told.
        let booked = [Booked {
            reservation_id: Uuid::new_v4(),
            holder: "sim/r/t/9-0".into(),
            seats: vec!["A-3".into()],
        }];
        let exp = Expected {
            holder_prefix: "sim/r/t/",
            booked: &booked,
            unknown: &[],
        };
        let report = check(&snap, Some(&exp));
        assert_eq!(kinds(&report), ["booked_missing", "unreported_booking"]);
        assert!(report.violations[1].detail.contains(&r1.to_string()));
        // An unknown outcome (timeout) may have booked: not a violation.
        let unknown = ["sim/r/t/1-0".to_string()];
        let exp = Expected {
            holder_prefix: "sim/r/t/",
            booked: &[],
            unknown: &unknown,
        };
        assert!(check(&snap, Some(&exp)).ok);
        // Another run's reservations are not this run's business.
        let exp = Expected {
            holder_prefix: "sim/other/",
            booked: &[],
            unknown: &[],
        };
        assert!(check(&snap, Some(&exp)).ok);
    }
}
