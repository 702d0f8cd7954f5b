//! `simulate --mix`: every operation a mixed run makes (hold, extend, reserve, release), as
//! called and as answered, and the history checker that decides afterwards whether every
//! answer could be true: for each hold, and for each seat, some order of the operations
//! (each taking effect between its call and its answer) must be one the sequential model of a
//! hold or of a seat accepts with exactly those answers (see `linear`).
//!
//! Holds and seats are checked one by one (projections of the whole history: an answer that
//! no order explains for one hold or one seat is wrong for the whole). Times are the machine's
//! wall clock in µs, which is also the database's clock on this machine; a hold may be taken
//! as lapsed from `SLACK_US` before its expiry, so clock granularity is no violation.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::linear::{self, Model, Verdict};
use crate::contract::Booked;
use crate::error::Error;

/// How near its expiry (µs) a hold may be seen as lapsed or not, besides the error of the
/// clock offset measured between this machine and the database.
const SLACK_US: i64 = 100_000;

/// States the search may explore per hold or seat before it reports "undecided".
const BUDGET: u64 = 2_000_000;

/// `--mix hold=W,extend=W,reserve=W,release=W`: the weights with which each buyer picks its
/// next operation. Extend, reserve and release act on a recent hold of the run, made by any
/// buyer of any process.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Mix {
    pub hold: f64,
    pub extend: f64,
    pub reserve: f64,
    pub release: f64,
}

impl Mix {
    /// The operation a uniform draw `u` in 0..1 picks.
    pub fn pick(&self, u: f64) -> OpKind {
        let total = self.hold + self.extend + self.reserve + self.release;
        let mut x = u * total;
        for (w, op) in [
            (self.hold, OpKind::Hold),
            (self.extend, OpKind::Extend),
            (self.reserve, OpKind::Reserve),
        ] {
            if x < w {
                return op;
            }
            x -= w;
        }
        OpKind::Release
    }
}

impl FromStr for Mix {
    type Err = String;

    fn from_str(s: &str) -> Result<Mix, String> {
        let mut mix = Mix {
            hold: 0.0,
            extend: 0.0,
            reserve: 0.0,
            release: 0.0,
        };
        let mut seen: Vec<&str> = Vec::new();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (name, w) = part.split_once('=').ok_or_else(|| {
                format!("`{part}` is not OP=WEIGHT (e.g. hold=50,extend=10,reserve=25,release=15)")
            })?;
            let w: f64 = w
                .trim()
                .parse()
                .ok()
                .filter(|w: &f64| (0.0..=1e6).contains(w))
                .ok_or_else(|| {
                    format!("`{w}` is not a weight (a number from 0 to 1000000) for {name}")
                })?;
            let slot = match name.trim() {
                "hold" => &mut mix.hold,
                "extend" => &mut mix.extend,
                "reserve" => &mut mix.reserve,
                "release" => &mut mix.release,
                other => {
                    return Err(format!(
                        "`{other}` is not an operation: use hold, extend, reserve, release"
                    ));
                }
            };
            if seen.contains(&name.trim()) {
                return Err(format!("`{}` is given twice", name.trim()));
            }
            seen.push(name.trim());
            *slot = w;
        }
        if mix.hold <= 0.0 {
            return Err("the mix needs hold=W with W > 0: other operations act on holds".into());
        }
        Ok(mix)
    }
}

impl fmt::Display for Mix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "hold={},extend={},reserve={},release={}",
            self.hold, self.extend, self.reserve, self.release
        )
    }
}

/// One of the four operations of a mixed run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpKind {
    Hold,
    Extend,
    Reserve,
    Release,
}

impl OpKind {
    pub fn name(self) -> &'static str {
        match self {
            OpKind::Hold => "hold",
            OpKind::Extend => "extend",
            OpKind::Reserve => "reserve",
            OpKind::Release => "release",
        }
    }
}

/// One operation: who called it, on what, when, and what they were told.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistOp {
    /// The buyer's holder name (`sim/<run>/<host>.<process>/<buyer>-<n>`).
    pub client: String,
    pub op: OpKind,
    /// The hold acted on (extend, reserve, release) or made (a hold that succeeded).
    pub hold: Option<Uuid>,
    /// A hold: the seats asked for, or held when it succeeded. Extend, reserve, release: the
    /// seats the answer named (those extended, reserved, returned to sale).
    pub seats: Vec<String>,
    /// Wall-clock µs since the Unix epoch when the call was made and when it was answered.
    pub call_us: i64,
    pub answer_us: i64,
    pub answer: Answer,
}

/// What the caller was told.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Answer {
    /// Held, or extended, until `expires_us`.
    Held { expires_us: i64 },
    /// Reserved as `reservation` (`replayed`: it already was).
    Reserved { reservation: Uuid, replayed: bool },
    /// Released: the hold (`reservation` none) or its reservation; `already`: nothing to do.
    Released {
        reservation: Option<Uuid>,
        already: bool,
    },
    /// A hold refused: these seats were taken (none named: not enough seats for best N).
    Taken { seats: Vec<String> },
    /// Exit 3: the hold was `released` or `reserved`.
    Closed { status: String },
    /// Exit 3: the hold's reservation was released.
    Refunded,
    /// Exit 5: the hold lapsed.
    Lapsed,
    /// Exit 3: the hold lived its whole lifetime.
    LifetimeReached,
    /// Exit 4.
    NotFound,
    /// Every try lost a race; nothing changed.
    Contended,
    /// A timeout or lost connection: it may or may not have happened.
    Unknown { error: String },
}

impl Answer {
    /// The answer an error gives to operation `op`.
    pub fn of(op: OpKind, err: &Error) -> Answer {
        match err {
            Error::SeatsTaken { seats } => Answer::Taken {
                seats: seats.clone(),
            },
            Error::NotEnoughSeats { .. } | Error::AreaFull { .. } => {
                Answer::Taken { seats: vec![] }
            }
            Error::Conflict(_) if op == OpKind::Hold => Answer::Taken { seats: vec![] },
            Error::Conflict(_) if op == OpKind::Reserve => Answer::Refunded,
            Error::HoldClosed { status, .. } => Answer::Closed {
                status: status.clone(),
            },
            Error::HoldLapsed { .. } => Answer::Lapsed,
            Error::HoldLifetimeReached { .. } => Answer::LifetimeReached,
            Error::NotFound(_) => Answer::NotFound,
            Error::Contended(_) => Answer::Contended,
            other => Answer::Unknown {
                error: format!("{other:#}"),
            },
        }
    }

    fn unknown(&self) -> bool {
        matches!(self, Answer::Unknown { .. })
    }

    fn short(&self) -> String {
        match self {
            Answer::Held { expires_us } => format!("held until {}", time(*expires_us)),
            Answer::Reserved {
                reservation,
                replayed,
            } => format!(
                "reserved as {reservation}{}",
                if *replayed { " (replayed)" } else { "" }
            ),
            Answer::Released {
                reservation,
                already,
            } => format!(
                "{}released{}",
                if *already { "already " } else { "" },
                match reservation {
                    Some(r) => format!(" reservation {r}"),
                    None => " hold".into(),
                }
            ),
            Answer::Taken { seats } => format!("taken: {}", seats.join(" ")),
            Answer::Closed { status } => format!("closed ({status})"),
            Answer::Refunded => "its reservation was released".into(),
            Answer::Lapsed => "lapsed".into(),
            Answer::LifetimeReached => "lifetime reached".into(),
            Answer::NotFound => "not found".into(),
            Answer::Contended => "gave up (contended)".into(),
            Answer::Unknown { error } => format!("unknown outcome: {error}"),
        }
    }
}

fn time(us: i64) -> String {
    chrono::DateTime::from_timestamp_micros(us)
        .map(|t| t.format("%H:%M:%S%.6f").to_string())
        .unwrap_or_else(|| us.to_string())
}

impl HistOp {
    /// When the answer came, or never for an unknown outcome.
    fn span(&self) -> (i64, i64) {
        (
            self.call_us,
            if self.answer.unknown() {
                i64::MAX
            } else {
                self.answer_us
            },
        )
    }

    fn line(&self) -> String {
        let mut what = vec![self.client.clone(), self.op.name().to_string()];
        what.extend(self.hold.map(|h| h.to_string()));
        if self.op == OpKind::Hold && !self.seats.is_empty() {
            what.push(format!("[{}]", self.seats.join(" ")));
        }
        let answered = if self.answer.unknown() {
            "?".to_string()
        } else {
            time(self.answer_us)
        };
        format!(
            "{} … {answered} {}: {}",
            time(self.call_us),
            what.join(" "),
            self.answer.short()
        )
    }

    /// It may have happened while the hold was active (before `expires`, µs).
    fn may_be_active(&self, expires: Option<i64>, slack: i64) -> bool {
        expires.is_none_or(|e| self.call_us - slack < e)
    }

    /// It may have happened after the hold lapsed.
    fn may_be_lapsed(&self, expires: Option<i64>, slack: i64) -> bool {
        expires.is_none_or(|e| self.span().1.saturating_add(slack) >= e)
    }
}

/// The history checker's report, one per strategy's run (exit 10 when not `ok`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct HistoryReport {
    /// Every hold and seat is linearizable.
    pub ok: bool,
    pub operations: u64,
    /// Operations by kind and answer (`reserve reserved`, `hold taken`, …).
    pub answers: BTreeMap<String, u64>,
    pub holds_checked: u64,
    pub seats_checked: u64,
    /// The database's clock minus this machine's, as measured before the run (ms); expiries
    /// were compared on this machine's clock.
    #[serde(default)]
    pub db_clock_offset_ms: f64,
    /// Holds or seats the search could not decide within its budget (not counted as ok).
    pub undecided: Vec<String>,
    pub violations: Vec<HistoryViolation>,
}

/// A hold or seat whose answers no order of its operations explains.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct HistoryViolation {
    /// `hold <id>` or `seat <label>`.
    pub object: String,
    /// The operation no order could place before its answer.
    pub stuck: String,
    /// The object's operations (at most 20, around the stuck one), oldest call first.
    pub operations: Vec<String>,
}

/// The sequential model of one hold: made, then active until reserved or released or lapsed.
struct HoldModel<'a> {
    ops: Vec<&'a HistOp>,
    /// µs either side of an expiry within which a hold may be seen as lapsed or not.
    slack: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum HoldState {
    Absent,
    /// Active until `expires` (µs; unknown after an operation with an unknown outcome).
    Active {
        expires: Option<i64>,
    },
    Reserved {
        reservation: Option<Uuid>,
    },
    /// Reserved, then the reservation released.
    Refunded,
    Released,
}

impl Model for HoldModel<'_> {
    type State = HoldState;

    fn init(&self) -> HoldState {
        HoldState::Absent
    }

    fn pure(&self, i: usize) -> bool {
        let op = self.ops[i];
        matches!(
            op.answer,
            Answer::Closed { .. }
                | Answer::Refunded
                | Answer::Lapsed
                | Answer::LifetimeReached
                | Answer::NotFound
                | Answer::Contended
                | Answer::Released { already: true, .. }
        )
    }

    fn step(&self, s: &HoldState, i: usize) -> Vec<HoldState> {
        use Answer as A;
        use HoldState as S;
        let op = self.ops[i];
        let same = || vec![s.clone()];
        let reservation_matches = |r: &Uuid| match s {
            S::Reserved { reservation } => reservation.is_none_or(|x| x == *r),
            _ => false,
        };
        match (op.op, &op.answer, s) {
            (OpKind::Hold, A::Held { expires_us }, S::Absent) => vec![S::Active {
                expires: Some(*expires_us),
            }],
            // A hold made by an operation whose answer was lost (see `check`).
            (OpKind::Hold, A::Unknown { .. }, S::Absent) => vec![S::Active { expires: None }],
            (_, A::NotFound, S::Absent) => same(),
            (_, _, S::Absent) | (OpKind::Hold, _, _) => vec![],
            (_, A::Contended, _) => same(),
            (OpKind::Extend, A::Held { expires_us }, S::Active { expires })
                if op.may_be_active(*expires, self.slack) =>
            {
                vec![S::Active {
                    expires: Some(*expires_us),
                }]
            }
            (OpKind::Extend, A::LifetimeReached, S::Active { expires })
                if op.may_be_active(*expires, self.slack) =>
            {
                same()
            }
            (OpKind::Extend | OpKind::Reserve, A::Lapsed, S::Active { expires })
                if op.may_be_lapsed(*expires, self.slack) =>
            {
                same()
            }
            (OpKind::Extend | OpKind::Reserve, A::Closed { status }, S::Released)
                if status == "released" =>
            {
                same()
            }
            (
                OpKind::Extend | OpKind::Reserve,
                A::Closed { status },
                S::Reserved { .. } | S::Refunded,
            ) if status == "reserved" => same(),
            (OpKind::Extend, A::Unknown { .. }, S::Active { .. }) => {
                vec![s.clone(), S::Active { expires: None }]
            }
            (
                OpKind::Reserve,
                A::Reserved {
                    reservation,
                    replayed: false,
                },
                S::Active { expires },
            ) if op.may_be_active(*expires, self.slack) => vec![S::Reserved {
                reservation: Some(*reservation),
            }],
            (
                OpKind::Reserve,
                A::Reserved {
                    reservation,
                    replayed: true,
                },
                S::Reserved { .. },
            ) if reservation_matches(reservation) => vec![S::Reserved {
                reservation: Some(*reservation),
            }],
            (OpKind::Reserve, A::Refunded, S::Refunded) => same(),
            (OpKind::Reserve, A::Unknown { .. }, S::Active { expires }) => {
                if op.may_be_active(*expires, self.slack) {
                    vec![s.clone(), S::Reserved { reservation: None }]
                } else {
                    same()
                }
            }
            (
                OpKind::Release,
                A::Released {
                    reservation: None,
                    already: false,
                },
                S::Active { .. },
            ) => vec![S::Released],
            (
                OpKind::Release,
                A::Released {
                    reservation: Some(r),
                    already: false,
                },
                S::Reserved { .. },
            ) if reservation_matches(r) => vec![S::Refunded],
            (
                OpKind::Release,
                A::Released {
                    reservation: None,
                    already: true,
                },
                S::Released,
            ) => same(),
            (
                OpKind::Release,
                A::Released {
                    reservation: Some(_),
                    already: true,
                },
                S::Refunded,
            ) => same(),
            (OpKind::Release, A::Unknown { .. }, S::Active { .. }) => {
                vec![s.clone(), S::Released]
            }
            (OpKind::Release, A::Unknown { .. }, S::Reserved { .. }) => {
                vec![s.clone(), S::Refunded]
            }
            (_, A::Unknown { .. }, _) => same(),
            _ => vec![],
        }
    }
}

/// The sequential model of one seat: free, held by a hold until it lapses, or sold.
struct SeatModel<'a> {
    ops: Vec<&'a HistOp>,
    slack: i64,
}

/// A hold nobody was told about (its call's outcome was unknown).
const SOMEONE: Uuid = Uuid::nil();

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum SeatState {
    Free,
    Held { hold: Uuid, expires: Option<i64> },
    Sold { hold: Uuid },
}

impl Model for SeatModel<'_> {
    type State = SeatState;

    fn init(&self) -> SeatState {
        SeatState::Free
    }

    fn pure(&self, i: usize) -> bool {
        let op = self.ops[i];
        matches!(
            (op.op, &op.answer),
            (OpKind::Hold, Answer::Taken { .. })
                | (OpKind::Reserve, Answer::Reserved { replayed: true, .. })
        )
    }

    fn step(&self, s: &SeatState, i: usize) -> Vec<SeatState> {
        use Answer as A;
        use SeatState as S;
        let op = self.ops[i];
        let same = || vec![s.clone()];
        let h = op.hold.unwrap_or(SOMEONE);
        let by = |hold: &Uuid| *hold == h || *hold == SOMEONE;
        // Free to take: free, or held by a hold that may have lapsed by then.
        let takeable = match s {
            S::Free => true,
            S::Held { expires, .. } => op.may_be_lapsed(*expires, self.slack),
            S::Sold { .. } => false,
        };
        match (op.op, &op.answer) {
            (OpKind::Hold, A::Held { expires_us }) => {
                if takeable {
                    vec![S::Held {
                        hold: h,
                        expires: Some(*expires_us),
                    }]
                } else {
                    vec![]
                }
            }
            (OpKind::Hold, A::Taken { .. }) => match s {
                S::Held { expires, .. } if op.may_be_active(*expires, self.slack) => same(),
                S::Sold { .. } => same(),
                _ => vec![],
            },
            (OpKind::Hold, A::Unknown { .. }) if takeable => vec![
                s.clone(),
                S::Held {
                    hold: h,
                    expires: None,
                },
            ],
            (OpKind::Extend, A::Held { expires_us }) => match s {
                S::Held { hold, .. } if by(hold) => vec![S::Held {
                    hold: h,
                    expires: Some(*expires_us),
                }],
                _ => vec![],
            },
            (OpKind::Extend, A::Unknown { .. }) => match s {
                S::Held { hold, .. } if by(hold) => vec![
                    s.clone(),
                    S::Held {
                        hold: h,
                        expires: None,
                    },
                ],
                _ => same(),
            },
            (
                OpKind::Reserve,
                A::Reserved {
                    replayed: false, ..
                },
            ) => match s {
                S::Held { hold, expires } if by(hold) && op.may_be_active(*expires, self.slack) => {
                    vec![S::Sold { hold: h }]
                }
                _ => vec![],
            },
            (OpKind::Reserve, A::Reserved { replayed: true, .. }) => match s {
                S::Sold { hold } if by(hold) => same(),
                _ => vec![],
            },
            (OpKind::Reserve, A::Unknown { .. }) => match s {
                S::Held { hold, .. } if by(hold) => vec![s.clone(), S::Sold { hold: h }],
                _ => same(),
            },
            (OpKind::Release, A::Released { reservation, .. }) => match (s, reservation) {
                (S::Held { hold, .. }, None) if by(hold) => vec![S::Free],
                (S::Sold { hold }, Some(_)) if by(hold) => vec![S::Free],
                _ => vec![],
            },
            (OpKind::Release, A::Unknown { .. }) => match s {
                S::Held { hold, .. } | S::Sold { hold } if by(hold) => vec![s.clone(), S::Free],
                _ => same(),
            },
            _ => same(),
        }
    }
}

/// What a mixed run's buyers were told, for the audit: the reservations made and not released
/// since (with the holder of their hold and the seats the reserve named), and the holders of
/// holds with an operation of unknown outcome (either answer is acceptable for them).
pub fn told(history: &[HistOp]) -> (Vec<Booked>, Vec<String>) {
    let creator: HashMap<Uuid, &str> = history
        .iter()
        .filter(|o| o.op == OpKind::Hold)
        .filter_map(|o| o.hold.map(|h| (h, o.client.as_str())))
        .collect();
    let holder = |o: &HistOp| {
        o.hold
            .and_then(|h| creator.get(&h).copied())
            .unwrap_or(&o.client)
            .to_string()
    };
    let refunded: std::collections::HashSet<Uuid> = history
        .iter()
        .filter_map(|o| match o.answer {
            Answer::Released {
                reservation: Some(r),
                ..
            } => Some(r),
            _ => None,
        })
        .collect();
    let booked = history
        .iter()
        .filter_map(|o| match o.answer {
            Answer::Reserved {
                reservation,
                replayed: false,
            } if !refunded.contains(&reservation) => Some(Booked {
                reservation_id: reservation,
                holder: holder(o),
                seats: o.seats.clone(),
            }),
            _ => None,
        })
        .collect();
    let mut unknown: Vec<String> = history
        .iter()
        .filter(|o| o.answer.unknown())
        .map(holder)
        .collect();
    unknown.sort();
    unknown.dedup();
    (booked, unknown)
}

/// How the database's clock (which sets expiries) stands to this machine's (which times the
/// calls): `offset_us` = database − here, measured to within `error_us`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Clock {
    pub offset_us: i64,
    pub error_us: i64,
}

/// Checks a mixed run's history: every hold and every seat it touched. Expiries are moved to
/// this machine's clock by `clock`, and its error widens the slack around them.
pub fn check(history: &[HistOp], clock: Clock) -> HistoryReport {
    let slack = SLACK_US + clock.error_us.max(0);
    let shifted: Vec<HistOp> = history
        .iter()
        .map(|o| {
            let mut o = o.clone();
            if let Answer::Held { expires_us } = &mut o.answer {
                *expires_us -= clock.offset_us;
            }
            o
        })
        .collect();
    let history = &shifted[..];
    let mut report = HistoryReport {
        operations: history.len() as u64,
        db_clock_offset_ms: (clock.offset_us as f64 / 100.0).round() / 10.0,
        ..HistoryReport::default()
    };
    for op in history {
        let answer = serde_json::to_value(&op.answer)
            .ok()
            .and_then(|v| v.get("kind").and_then(|k| k.as_str()).map(str::to_string))
            .unwrap_or_default();
        *report
            .answers
            .entry(format!("{} {answer}", op.op.name()))
            .or_default() += 1;
    }
    // Holds: every operation naming one, with the hold that made it.
    let mut by_hold: BTreeMap<Uuid, Vec<&HistOp>> = BTreeMap::new();
    let mut seats_of: HashMap<Uuid, Vec<String>> = HashMap::new();
    for op in history {
        if let Some(h) = op.hold {
            by_hold.entry(h).or_default().push(op);
            if op.op == OpKind::Hold {
                seats_of.insert(h, op.seats.clone());
            }
        }
    }
    // A hold found in the database whose making was never answered: it was made at some
    // point before anyone acted on it, by a call whose answer was lost.
    let lost: Vec<HistOp> = by_hold
        .iter()
        .filter(|(_, ops)| !ops.iter().any(|o| o.op == OpKind::Hold))
        .map(|(h, ops)| HistOp {
            client: "(a hold whose answer was lost)".into(),
            op: OpKind::Hold,
            hold: Some(*h),
            seats: {
                let mut seats: Vec<String> =
                    ops.iter().flat_map(|o| o.seats.iter().cloned()).collect();
                seats.sort_unstable();
                seats.dedup();
                seats
            },
            call_us: i64::MIN / 2,
            answer_us: i64::MAX,
            answer: Answer::Unknown {
                error: format!(
                    "made by a call with an unknown outcome before {}",
                    time(ops.iter().map(|o| o.call_us).min().unwrap_or_default())
                ),
            },
        })
        .collect();
    for op in &lost {
        by_hold.entry(op.hold.expect("set")).or_default().push(op);
        seats_of.insert(op.hold.expect("set"), op.seats.clone());
    }
    for (hold, ops) in &by_hold {
        report.holds_checked += 1;
        let model = HoldModel {
            ops: ops.clone(),
            slack,
        };
        judge(&mut report, format!("hold {hold}"), &model.ops, |spans| {
            linear::check(&model, spans, BUDGET)
        });
    }
    // Seats: every operation that took, kept, sold or returned it, or said it was taken.
    let mut by_seat: BTreeMap<&str, Vec<&HistOp>> = BTreeMap::new();
    for op in history.iter().chain(&lost) {
        let mut named: Vec<&str> = Vec::new();
        match (&op.answer, op.op) {
            (Answer::Taken { seats }, _) => named.extend(seats.iter().map(String::as_str)),
            (Answer::Unknown { .. }, OpKind::Hold) => {
                named.extend(op.seats.iter().map(String::as_str))
            }
            (Answer::Unknown { .. }, _) => {
                if let Some(seats) = op.hold.and_then(|h| seats_of.get(&h)) {
                    named.extend(seats.iter().map(String::as_str));
                }
            }
            (Answer::Held { .. } | Answer::Reserved { .. } | Answer::Released { .. }, _) => {
                named.extend(op.seats.iter().map(String::as_str))
            }
            _ => {}
        }
        named.sort_unstable();
        named.dedup();
        for seat in named {
            by_seat.entry(seat).or_default().push(op);
        }
    }
    for (label, ops) in &by_seat {
        report.seats_checked += 1;
        let model = SeatModel {
            ops: ops.clone(),
            slack,
        };
        judge(&mut report, format!("seat {label}"), &model.ops, |spans| {
            linear::check(&model, spans, BUDGET)
        });
    }
    report.ok = report.violations.is_empty() && report.undecided.is_empty();
    report
}

fn judge(
    report: &mut HistoryReport,
    object: String,
    ops: &[&HistOp],
    search: impl FnOnce(&[(i64, i64)]) -> Verdict,
) {
    let spans: Vec<(i64, i64)> = ops.iter().map(|o| o.span()).collect();
    match search(&spans) {
        Verdict::Linearizable => {}
        Verdict::Unknown => report.undecided.push(object),
        Verdict::Violation { stuck } => {
            let mut order: Vec<usize> = (0..ops.len()).collect();
            order.sort_by_key(|&i| (ops[i].call_us, i));
            let at = order.iter().position(|&i| i == stuck).unwrap_or(0);
            let from = at.saturating_sub(14);
            let shown = order[from..(from + 20).min(order.len())]
                .iter()
                .map(|&i| ops[i].line())
                .collect();
            report.violations.push(HistoryViolation {
                object,
                stuck: ops[stuck].line(),
                operations: shown,
            });
        }
    }
}

#[cfg(test)]
mod tests;
