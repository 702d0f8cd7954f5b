//! The history checker on planted histories: each kind of untrue answer must be caught, and
//! every true one (however the calls overlapped) must pass.

use super::*;

const FAR: i64 = 1_000_000_000;

fn h(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn op(
    op: OpKind,
    hold: Option<u128>,
    seats: &[&str],
    call: i64,
    answer_at: i64,
    answer: Answer,
) -> HistOp {
    HistOp {
        client: format!("c{call}"),
        op,
        hold: hold.map(h),
        seats: seats.iter().map(|s| s.to_string()).collect(),
        call_us: call,
        answer_us: answer_at,
        answer,
    }
}

fn held(hold: u128, seats: &[&str], call: i64, at: i64, expires: i64) -> HistOp {
    op(
        OpKind::Hold,
        Some(hold),
        seats,
        call,
        at,
        Answer::Held {
            expires_us: expires,
        },
    )
}

fn reserved(hold: u128, seats: &[&str], call: i64, at: i64, replayed: bool) -> HistOp {
    op(
        OpKind::Reserve,
        Some(hold),
        seats,
        call,
        at,
        Answer::Reserved {
            reservation: h(hold + 1000),
            replayed,
        },
    )
}

fn released(hold: u128, seats: &[&str], call: i64, at: i64, reservation: bool) -> HistOp {
    op(
        OpKind::Release,
        Some(hold),
        seats,
        call,
        at,
        Answer::Released {
            reservation: reservation.then(|| h(hold + 1000)),
            already: false,
        },
    )
}

fn taken(seats: &[&str], call: i64, at: i64) -> HistOp {
    op(
        OpKind::Hold,
        None,
        seats,
        call,
        at,
        Answer::Taken {
            seats: seats.iter().map(|s| s.to_string()).collect(),
        },
    )
}

fn unknown(kind: OpKind, hold: Option<u128>, seats: &[&str], call: i64) -> HistOp {
    op(
        kind,
        hold,
        seats,
        call,
        call + 5,
        Answer::Unknown {
            error: "timed out".into(),
        },
    )
}

fn verdict(ops: &[HistOp]) -> HistoryReport {
    check(ops, Clock::default())
}

fn caught(ops: &[HistOp], object: &str) -> HistoryReport {
    let r = verdict(ops);
    assert!(!r.ok, "expected a violation on {object}: {r:#?}");
    assert!(
        r.violations.iter().any(|v| v.object.starts_with(object)),
        "expected a violation on {object}: {r:#?}"
    );
    r
}

#[test]
fn a_sequential_buy_refund_and_resale_passes() {
    let r = verdict(&[
        held(1, &["A-1", "A-2"], 0, 10, FAR),
        reserved(1, &["A-1", "A-2"], 20, 30, false),
        reserved(1, &["A-1", "A-2"], 40, 50, true),
        released(1, &["A-1", "A-2"], 60, 70, true),
        taken(&["A-1"], 15, 25),
        held(2, &["A-1"], 80, 90, FAR),
        released(2, &["A-1"], 100, 110, false),
    ]);
    assert!(r.ok, "{r:#?}");
    assert_eq!((r.holds_checked, r.seats_checked), (2, 2));
    assert_eq!(r.answers["reserve reserved"], 2);
    assert_eq!(r.operations, 7);
}

/// The cancel that lies (issue 10): reserve and release of one hold both succeed, release
/// saying it released the hold while it stayed sold.
#[test]
fn a_release_that_says_released_while_the_hold_was_reserved_is_caught() {
    let base = held(1, &["A-1"], 0, 10, FAR);
    // Overlapping: either order must explain both answers, and neither does.
    let r = caught(
        &[
            base.clone(),
            reserved(1, &["A-1"], 20, 40, false),
            released(1, &["A-1"], 25, 45, false),
        ],
        "hold",
    );
    assert_eq!(r.violations[0].operations.len(), 3, "{r:#?}");
    // The true answer to the same race: release met the reservation and said so.
    let r = verdict(&[
        base.clone(),
        reserved(1, &["A-1"], 20, 40, false),
        released(1, &["A-1"], 25, 45, true),
    ]);
    assert!(r.ok, "{r:#?}");
    // Or release first, and reserve told the hold was released.
    let r = verdict(&[
        base,
        op(
            OpKind::Reserve,
            Some(1),
            &[],
            20,
            40,
            Answer::Closed {
                status: "released".into(),
            },
        ),
        released(1, &["A-1"], 25, 35, false),
    ]);
    assert!(r.ok, "{r:#?}");
}

#[test]
fn a_seat_held_twice_is_caught_unless_released_or_lapsed_between() {
    caught(
        &[
            held(1, &["A-1"], 0, 10, FAR),
            held(2, &["A-1", "A-2"], 20, 30, FAR),
        ],
        "seat A-1",
    );
    let r = verdict(&[
        held(1, &["A-1"], 0, 10, FAR),
        released(1, &["A-1"], 12, 15, false),
        held(2, &["A-1", "A-2"], 20, 30, FAR),
    ]);
    assert!(r.ok, "{r:#?}");
    // Lapsed at 1 s: a hold at 2 s may take it; one at 0.5 s may not.
    let lapses = held(1, &["A-1"], 0, 10, 1_000_000);
    assert!(verdict(&[lapses.clone(), held(2, &["A-1"], 2_000_000, 2_000_010, FAR)]).ok);
    caught(
        &[lapses, held(2, &["A-1"], 500_000, 500_010, FAR)],
        "seat A-1",
    );
}

#[test]
fn taken_for_a_free_seat_is_caught() {
    caught(
        &[
            held(1, &["A-1"], 0, 10, FAR),
            released(1, &["A-1"], 20, 30, false),
            taken(&["A-1"], 40, 50),
        ],
        "seat A-1",
    );
    // Overlapping the release, the seat may still have been held.
    assert!(
        verdict(&[
            held(1, &["A-1"], 0, 10, FAR),
            released(1, &["A-1"], 20, 30, false),
            taken(&["A-1"], 25, 50),
        ])
        .ok
    );
}

#[test]
fn an_extend_that_succeeds_on_a_released_hold_is_caught() {
    caught(
        &[
            held(1, &["A-1"], 0, 10, FAR),
            released(1, &["A-1"], 20, 30, false),
            op(
                OpKind::Extend,
                Some(1),
                &[],
                40,
                50,
                Answer::Held { expires_us: FAR },
            ),
        ],
        "hold",
    );
    // Told "lapsed" long before its expiry: untrue too.
    caught(
        &[
            held(1, &["A-1"], 0, 10, FAR),
            op(OpKind::Reserve, Some(1), &[], 40, 50, Answer::Lapsed),
        ],
        "hold",
    );
}

#[test]
fn a_replay_naming_another_reservation_is_caught() {
    let mut replay = reserved(1, &["A-1"], 40, 50, true);
    replay.answer = Answer::Reserved {
        reservation: h(77),
        replayed: true,
    };
    caught(
        &[
            held(1, &["A-1"], 0, 10, FAR),
            reserved(1, &["A-1"], 20, 30, false),
            replay,
        ],
        "hold",
    );
}

#[test]
fn unknown_outcomes_are_either_way() {
    // A release with a lost answer: the seat may be free afterwards, or not.
    let base = [
        held(1, &["A-1"], 0, 10, FAR),
        unknown(OpKind::Release, Some(1), &[], 20),
    ];
    let mut free = base.to_vec();
    free.push(held(2, &["A-1"], 40, 50, FAR));
    assert!(verdict(&free).ok, "{:#?}", verdict(&free));
    let mut kept = base.to_vec();
    kept.push(reserved(1, &["A-1"], 40, 50, false));
    assert!(verdict(&kept).ok, "{:#?}", verdict(&kept));
    // A hold with a lost answer may have taken the seat.
    let r = verdict(&[
        unknown(OpKind::Hold, None, &["B-1"], 0),
        taken(&["B-1"], 20, 30),
    ]);
    assert!(r.ok, "{r:#?}");
    // A hold found in the database whose making was never answered is checked from its
    // first known operation on.
    let r = verdict(&[
        released(9, &["C-1"], 20, 30, false),
        held(3, &["C-1"], 40, 50, FAR),
    ]);
    assert!(r.ok, "{r:#?}");
    caught(
        &[
            released(9, &["C-1"], 20, 30, false),
            op(
                OpKind::Extend,
                Some(9),
                &["C-1"],
                40,
                50,
                Answer::Held { expires_us: FAR },
            ),
        ],
        "hold",
    );
}

#[test]
fn mixes_parse_with_errors_naming_the_part() {
    let m: Mix = "hold=50, extend=10,reserve=25,release=15".parse().unwrap();
    assert_eq!(
        (m.hold, m.extend, m.reserve, m.release),
        (50.0, 10.0, 25.0, 15.0)
    );
    assert_eq!(m.to_string().parse::<Mix>().unwrap(), m);
    assert_eq!(m.pick(0.0), OpKind::Hold);
    assert_eq!(m.pick(0.55), OpKind::Extend);
    assert_eq!(m.pick(0.7), OpKind::Reserve);
    assert_eq!(m.pick(0.99), OpKind::Release);
    for (bad, says) in [
        ("hold", "OP=WEIGHT"),
        ("hold=x", "`x` is not a weight"),
        ("hold=-1", "not a weight"),
        ("buy=3", "`buy` is not an operation"),
        ("reserve=1", "needs hold=W"),
        ("hold=1e308,release=1", "not a weight"),
        ("hold=1,hold=2", "given twice"),
    ] {
        let err = bad.parse::<Mix>().unwrap_err();
        assert!(err.contains(says), "{bad}: {err}");
    }
}

#[test]
fn expiries_are_read_on_the_database_clock() {
    // The database's clock runs 2 s ahead: a hold "until 1 s" (ours) reads "until 3 s".
    let clock = Clock {
        offset_us: 2_000_000,
        error_us: 1_000,
    };
    let ahead = |e: i64| e + clock.offset_us;
    let ops = [
        held(1, &["A-1"], 0, 10, ahead(1_000_000)),
        held(2, &["A-1"], 1_500_000, 1_500_010, ahead(9_000_000)),
    ];
    assert!(check(&ops, clock).ok, "{:#?}", check(&ops, clock));
    // Read on our clock instead, the second hold took a seat still held.
    assert!(!check(&ops, Clock::default()).ok);
    assert_eq!(check(&ops, clock).db_clock_offset_ms, 2000.0);
}
