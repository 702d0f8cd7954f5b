//! Unit tests of the audit's checks: a small consistent snapshot, then in each test a planted
//! fault the audit must report (or a lapsed hold taken over, which it must accept).

use super::*;
use crate::store::audit::Booked;
use crate::store::audit::snapshot::{AreaRow, HistoryRow};
use chrono::{Duration, Utc};

/// Three seats; hold H1 reserved as R1 on seat 1; hold H2 active on seat 2; seat 3 free.
fn base() -> (Snapshot, Uuid, Uuid, Uuid) {
    let now = Utc::now();
    let (h1, r1, h2) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
    let later = now + Duration::minutes(5);
    let hist = |seat: i64, from: &str, to: &str, hold: Uuid, res: Option<Uuid>| HistoryRow {
        seat_id: seat,
        seat_label: format!("A-{seat}"),
        from_status: from.to_string(),
        to_status: to.to_string(),
        hold_id: Some(hold),
        reservation_id: res,
        at: now,
    };
    let snap = Snapshot {
        now,
        seats: vec![
            SeatRow {
                id: 1,
                label: "A-1".into(),
                section: "A".into(),
                status: "reserved".into(),
                hold_id: Some(h1),
                reservation_id: Some(r1),
                held_until: None,
                area: false,
            },
            SeatRow {
                id: 2,
                label: "A-2".into(),
                section: "A".into(),
                status: "held".into(),
                hold_id: Some(h2),
                reservation_id: None,
                held_until: Some(later),
                area: false,
            },
            SeatRow {
                id: 3,
                label: "A-3".into(),
                section: "A".into(),
                status: "available".into(),
                hold_id: None,
                reservation_id: None,
                held_until: None,
                area: false,
            },
        ],
        holds: vec![
            HoldRow {
                id: h1,
                status: "reserved".into(),
                expires_at: later,
                holder: Some("sim/r/t/1-0".into()),
            },
            HoldRow {
                id: h2,
                status: "active".into(),
                expires_at: later,
                holder: Some("sim/r/t/2-0".into()),
            },
        ],
        areas: Vec::new(),
        reservations: vec![ReservationRow {
            id: r1,
            hold_id: h1,
            status: "active".into(),
        }],
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
    snap.holds.push(HoldRow {
        id: h3,
        status: "active".into(),
        expires_at: snap.now + Duration::minutes(1),
        holder: None,
    });
    snap.history.push(HistoryRow {
        seat_id: 1,
        seat_label: "A-1".into(),
        from_status: "available".into(),
        to_status: "held".into(),
        hold_id: Some(h3),
        reservation_id: None,
        at: snap.now,
    });
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
    snap.seats[0] = SeatRow {
        id: 1,
        label: "A-1".into(),
        section: "A".into(),
        status: "available".into(),
        hold_id: None,
        reservation_id: None,
        held_until: None,
        area: false,
    };
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
    snap.holds[1].status = "released".into();
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
    snap.seats[2].status = "sold-ish".into();
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
    snap.holds[1].expires_at = snap.now - Duration::minutes(1);
    let h4 = Uuid::new_v4();
    snap.holds.push(HoldRow {
        id: h4,
        status: "active".into(),
        expires_at: snap.now + Duration::minutes(9),
        holder: None,
    });
    snap.history.push(HistoryRow {
        seat_id: 2,
        seat_label: "A-2".into(),
        from_status: "available".into(),
        to_status: "held".into(),
        hold_id: Some(h4),
        reservation_id: None,
        at: snap.now,
    });
    snap.seats[1].hold_id = Some(h4);
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

#[test]
fn a_hold_released_under_its_active_reservation_is_caught() {
    // The lie of a release that lost a race with a reserve: the hold says released, its
    // reservation is active and its seat reserved.
    let (mut snap, h1, r1, _) = base();
    snap.holds[0].status = "released".into();
    let report = check(&snap, None);
    assert_eq!(kinds(&report), ["record_mismatch"]);
    let d = &report.violations[0].detail;
    assert!(
        d.contains(&r1.to_string()) && d.contains(&h1.to_string()),
        "{d}"
    );
    assert_eq!(report.violations[0].seats, ["A-1"]);
}

#[test]
fn a_reserved_hold_without_a_reservation_is_caught() {
    let (mut snap, _, _, h2) = base();
    snap.holds[1].status = "reserved".into();
    // Seat 2 still shows the hold as held; the hold itself claims a reservation it lacks.
    let report = check(&snap, None);
    assert!(
        kinds(&report).contains(&"record_mismatch"),
        "{:?}",
        report.violations
    );
    assert!(
        report.violations.iter().any(|v| v
            .detail
            .contains(&format!("hold {h2} is reserved but no reservation"))),
        "{:?}",
        report.violations
    );
}

#[test]
fn seats_pointing_at_the_wrong_owner_are_caught() {
    let (mut snap, _, _, h2) = base();
    snap.seats[2].hold_id = Some(h2);
    let report = check(&snap, None);
    assert_eq!(kinds(&report), ["stale_owner"]);
    assert_eq!(report.violations[0].seats, ["A-3"]);
    let (mut snap, _, _, h2) = base();
    snap.seats[0].hold_id = Some(h2);
    let report = check(&snap, None);
    assert!(
        kinds(&report).contains(&"stale_owner"),
        "{:?}",
        report.violations
    );
}

/// Seats 2 (held) and 3 (free) as the two places of area `Floor`.
fn with_area(capacity: i64) -> Snapshot {
    let (mut snap, _, _, _) = base();
    for s in snap.seats.iter_mut().skip(1) {
        s.area = true;
        s.section = "Floor".into();
    }
    snap.areas.push(AreaRow {
        name: "Floor".into(),
        capacity,
    });
    snap
}

#[test]
fn an_area_within_its_capacity_passes() {
    let report = check(&with_area(2), None);
    assert!(report.ok, "{:?}", report.violations);
    let floor = &report.sections[1];
    assert_eq!((floor.total, floor.held, floor.capacity), (2, 1, Some(2)));
}

#[test]
fn an_area_sold_past_its_capacity_is_oversold() {
    // The layout said one place; two are there and one is held: mismatch, not yet oversold.
    let report = check(&with_area(1), None);
    assert_eq!(kinds(&report), ["area_mismatch"]);
    // Both places taken against a capacity of one: oversold, naming the places.
    let mut snap = with_area(1);
    let h2 = snap.seats[1].hold_id;
    snap.seats[2].status = "held".into();
    snap.seats[2].hold_id = h2;
    snap.seats[2].held_until = snap.seats[1].held_until;
    let report = check(&snap, None);
    let v = report
        .violations
        .iter()
        .find(|v| v.kind == "area_oversold")
        .expect("oversold");
    assert_eq!(v.seats, ["A-2", "A-3"]);
    // Places of an area the layout does not have.
    let mut snap = with_area(2);
    snap.areas.clear();
    let report = check(&snap, None);
    let v = report.violations.iter().find(|v| v.kind == "area_mismatch");
    assert_eq!(v.expect("stray places").seats, ["A-2", "A-3"]);
}
