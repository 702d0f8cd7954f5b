//! The library's one error type and the exit-code table every command shares.
//! Storage maps database errors into it once; commands add context with `anyhow` only in glue.

use std::fmt;

use chrono::{DateTime, Utc};
use uuid::Uuid;

/// Exit codes, the same for every command. The README's "Exit codes" table lists them with
/// their JSON `code` names; a test reads that table and checks it against [`ExitCode::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    /// 0: the command did what was asked (or found it already done).
    Success = 0,
    /// 1 `internal`: an unexpected error, a bug.
    Internal = 1,
    /// 2 `invalid_input`: bad flags, config, file or schema; nothing was changed.
    Usage = 2,
    /// 3 `conflict`: seats taken, a name that exists, a hold no longer open, lost races.
    Conflict = 3,
    /// 4 `not_found`: no such event, section, seat, hold or reservation.
    NotFound = 4,
    /// 5 `hold_expired`: the hold lapsed before the change.
    HoldExpired = 5,
    /// 6 `backend_unavailable`: the database or Redis is unreachable or timed out.
    Unavailable = 6,
    /// 7 `permission_denied`: the database refused the action to this login (see
    /// `seatctl db roles`).
    PermissionDenied = 7,
    /// 10 `audit_failed`: `simulate` / `audit`: the database shows a seat sold twice or a
    /// trail that disagrees.
    AuditFailed = 10,
    /// 11 `threshold_failed`: `simulate`: a `--threshold` was not met.
    ThresholdFailed = 11,
    /// 130 `interrupted`: Ctrl-C (128 + SIGINT), as shells expect.
    Interrupted = 130,
}

impl ExitCode {
    /// Every exit code, in the README table's order.
    pub const ALL: [ExitCode; 11] = [
        ExitCode::Success,
        ExitCode::Internal,
        ExitCode::Usage,
        ExitCode::Conflict,
        ExitCode::NotFound,
        ExitCode::HoldExpired,
        ExitCode::Unavailable,
        ExitCode::PermissionDenied,
        ExitCode::AuditFailed,
        ExitCode::ThresholdFailed,
        ExitCode::Interrupted,
    ];

    /// The process exit status.
    pub fn code(self) -> i32 {
        self as i32
    }

    /// The stable machine-readable name used in `--json` error objects.
    pub fn name(self) -> &'static str {
        match self {
            ExitCode::Success => "ok",
            ExitCode::Internal => "internal",
            ExitCode::Usage => "invalid_input",
            ExitCode::Conflict => "conflict",
            ExitCode::NotFound => "not_found",
            ExitCode::HoldExpired => "hold_expired",
            ExitCode::Unavailable => "backend_unavailable",
            ExitCode::PermissionDenied => "permission_denied",
            ExitCode::AuditFailed => "audit_failed",
            ExitCode::ThresholdFailed => "threshold_failed",
            ExitCode::Interrupted => "interrupted",
        }
    }
}

/// The one error type of the library. Variants with fields carry the data a script or an HTTP
/// client needs (which seats, which hold, since when); [`Error::details`] gives those fields
/// for the JSON error object, beside `code` and `message`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad flags, bad config, a malformed file: the user can fix it and retry (exit 2).
    #[error("{0}")]
    Invalid(String),
    /// The request collides with the current state (a name exists, an event has sales) (exit 3).
    #[error("{0}")]
    Conflict(String),
    /// Seats asked for are held, reserved or blocked: nothing was changed (exit 3).
    /// JSON: `"seats": ["A-1", "A-2"]`.
    #[error("seat{} not available: {}", plural(.seats.len()), .seats.join(", "))]
    SeatsTaken { seats: Vec<String> },
    /// `--best N` found no N seats to hold (side by side with the accessible ones asked for),
    /// within the section or category if given (exit 3). JSON: `"asked"`, `"available"`,
    /// `"accessible_asked"`, `"accessible_available"`, `"section"`, `"category"`.
    #[error("{}", not_enough_message(*.asked, *.available, *.accessible_asked, *.accessible_available, .section.as_deref(), .category.as_deref()))]
    NotEnoughSeats {
        asked: usize,
        available: usize,
        accessible_asked: usize,
        accessible_available: usize,
        section: Option<String>,
        category: Option<String>,
    },
    /// `release` was given a hold's id, and the hold has become a reservation (exit 3): nothing
    /// released. A sale is refunded only when asked for by the reservation's id or with
    /// `--reservation`, never by an old hold id in the scrollback. JSON: `"hold_id"`,
    /// `"reservation_id"`, `"customer"`, `"seats"`.
    #[error("hold {hold_id} has become reservation {reservation_id} ({}seats {}): nothing released; to release (refund) the reservation, give its id or pass --reservation", .customer.as_deref().map(|c| format!("customer {c}; ")).unwrap_or_default(), .seats.join(", "))]
    HoldReserved {
        hold_id: Uuid,
        reservation_id: Uuid,
        customer: Option<String>,
        seats: Vec<String>,
    },
    /// A general-admission area has fewer places left than asked for (exit 3): nothing held.
    /// JSON: `"area"`, `"asked"`, `"available"`.
    #[error("{}", if *.available == 0 { format!("no place of area {area} is available ({asked} asked for)") } else { format!("only {available} place{} of area {area} available, {asked} asked for", plural(*.available)) })]
    AreaFull {
        area: String,
        asked: usize,
        available: usize,
    },
    /// Seats not in the state a change needs (`block`: available; `unblock`: blocked), so
    /// nothing was changed (exit 3). JSON: `"seats"` and their `"statuses"`, in one order.
    #[error("cannot {action} {}: {hint}", seat_states(.seats, .statuses))]
    WrongState {
        action: &'static str,
        seats: Vec<String>,
        statuses: Vec<String>,
        hint: &'static str,
    },
    /// The hold was released or turned into a reservation, so it cannot change (exit 3).
    /// JSON: `"hold_id"`, `"status"` (`released` or `reserved`).
    #[error("hold {hold_id} {}", if .status == "reserved" { "is already reserved" } else { "was released" })]
    HoldClosed { hold_id: Uuid, status: String },
    /// Every try lost a race to other terminals (`occ.max_retries` exhausted): a conflict too,
    /// but not a verdict on the seats (exit 3).
    #[error("{0}")]
    Contended(String),
    /// An event, hold or reservation that does not exist (exit 4).
    #[error("{0}")]
    NotFound(String),
    /// Seat labels that are not seats of the event (exit 4). `suggestions` pairs a typed label
    /// with the seat it most likely meant; `first`/`last` show what the event's labels look
    /// like. JSON: `"labels"`, `"suggestions": {"a12": "A-12"}`.
    #[error("{}", unknown_seats_message(.labels, .suggestions, .first_last.as_ref()))]
    UnknownSeats {
        labels: Vec<String>,
        suggestions: Vec<(String, String)>,
        first_last: Option<(String, String)>,
    },
    /// The hold has lived `reservation.max_hold_lifetime` since it was made and cannot be
    /// extended (exit 3); it lapses at `expires_at` unless reserved or released first. JSON:
    /// `"hold_id"`, `"expires_at"`.
    #[error("hold {hold_id} has reached reservation.max_hold_lifetime and cannot be extended; it lapses at {} unless it is reserved or released", .expires_at.format("%Y-%m-%d %H:%M:%S UTC"))]
    HoldLifetimeReached {
        hold_id: Uuid,
        expires_at: DateTime<Utc>,
    },
    /// The hold lapsed (its TTL passed on the database clock) before this change (exit 5).
    /// `taken_since`: its seats that other terminals have taken since. JSON: `"hold_id"`,
    /// `"lapsed_at"` (RFC 3339), `"taken_since"`.
    #[error("hold {hold_id} lapsed at {}{}", .at.format("%Y-%m-%d %H:%M:%S UTC"), taken_since_text(.taken_since))]
    HoldLapsed {
        hold_id: Uuid,
        at: DateTime<Utc>,
        taken_since: Vec<String>,
    },
    /// The database or Redis could not be reached or did not answer in time (exit 6).
    #[error("{0}")]
    Unavailable(String),
    /// The database refused the action to the login in use (exit 7).
    #[error("{0}")]
    PermissionDenied(String),
    /// A statement ran past its time limit: whether it took effect is unknown to the caller
    /// (exit 6). JSON: `"outcome": "unknown"`.
    #[error("{0}")]
    Timeout(String),
    /// The connection broke after a change was sent (a COMMIT, or a one-statement write), so
    /// whether it took effect is unknown: neither success nor failure may be claimed (exit 6).
    /// Retrying with the same idempotency key, or looking the change up, tells. JSON:
    /// `"outcome": "unknown"`.
    #[error("{0}")]
    Indeterminate(String),
    /// The database schema does not match this binary's migrations (exit 2).
    #[error("{0}")]
    Schema(String),
    /// Ctrl-C: the work in hand was finished or undone first (exit 130).
    #[error("{0}")]
    Interrupted(String),
    /// A bug or an unexpected backend answer (exit 1).
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn not_enough_message(
    asked: usize,
    available: usize,
    accessible_asked: usize,
    accessible_available: usize,
    section: Option<&str>,
    category: Option<&str>,
) -> String {
    let place = match (section, category) {
        (Some(s), _) => format!(" in section {s}"),
        (None, Some(c)) => format!(" in category {c}"),
        _ => String::new(),
    };
    if accessible_asked > 0 {
        format!(
            "no {asked} seats side by side with {accessible_asked} accessible among them are \
             available{place} ({accessible_available} accessible seats available)"
        )
    } else {
        format!("not enough seats available: {asked} asked for, {available} available{place}")
    }
}

fn seat_states(seats: &[String], statuses: &[String]) -> String {
    seats
        .iter()
        .zip(statuses)
        .map(|(l, s)| format!("{l} ({s})"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn taken_since_text(taken: &[String]) -> String {
    if taken.is_empty() {
        String::new()
    } else {
        format!("; taken by others since: {}", taken.join(", "))
    }
}

fn unknown_seats_message(
    labels: &[String],
    suggestions: &[(String, String)],
    first_last: Option<&(String, String)>,
) -> String {
    let parts: Vec<String> = labels
        .iter()
        .map(|l| match suggestions.iter().find(|(t, _)| t == l) {
            Some((_, s)) => format!("`{l}` (did you mean `{s}`?)"),
            None => format!("`{l}`"),
        })
        .collect();
    let example = first_last
        .map(|(a, b)| format!("; labels here run from `{a}` to `{b}`"))
        .unwrap_or_default();
    format!("no seat {} in this event{example}", parts.join(", "))
}

impl Error {
    /// The exit code this error ends a command with (the README's table).
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Error::Invalid(_) | Error::Schema(_) => ExitCode::Usage,
            Error::Conflict(_)
            | Error::SeatsTaken { .. }
            | Error::NotEnoughSeats { .. }
            | Error::AreaFull { .. }
            | Error::HoldReserved { .. }
            | Error::WrongState { .. }
            | Error::HoldClosed { .. }
            | Error::HoldLifetimeReached { .. }
            | Error::Contended(_) => ExitCode::Conflict,
            Error::NotFound(_) | Error::UnknownSeats { .. } => ExitCode::NotFound,
            Error::HoldLapsed { .. } => ExitCode::HoldExpired,
            Error::Unavailable(_) | Error::Timeout(_) | Error::Indeterminate(_) => {
                ExitCode::Unavailable
            }
            Error::PermissionDenied(_) => ExitCode::PermissionDenied,
            Error::Interrupted(_) => ExitCode::Interrupted,
            Error::Internal(_) => ExitCode::Internal,
        }
    }

    /// The variant's data as JSON fields for the error object (`{}` for message-only errors).
    pub fn details(&self) -> serde_json::Map<String, serde_json::Value> {
        use serde_json::json;
        let value = match self {
            Error::SeatsTaken { seats } => json!({ "seats": seats }),
            Error::WrongState {
                seats, statuses, ..
            } => json!({ "seats": seats, "statuses": statuses }),
            Error::NotEnoughSeats {
                asked,
                available,
                accessible_asked,
                accessible_available,
                section,
                category,
            } => json!({
                "asked": asked,
                "available": available,
                "accessible_asked": accessible_asked,
                "accessible_available": accessible_available,
                "section": section,
                "category": category,
            }),
            Error::HoldClosed { hold_id, status } => {
                json!({ "hold_id": hold_id, "status": status })
            }
            Error::AreaFull {
                area,
                asked,
                available,
            } => json!({ "area": area, "asked": asked, "available": available }),
            Error::HoldReserved {
                hold_id,
                reservation_id,
                customer,
                seats,
            } => json!({
                "hold_id": hold_id,
                "reservation_id": reservation_id,
                "customer": customer,
                "seats": seats,
            }),
            Error::UnknownSeats {
                labels,
                suggestions,
                ..
            } => {
                let suggestions: serde_json::Map<String, serde_json::Value> = suggestions
                    .iter()
                    .map(|(t, s)| (t.clone(), json!(s)))
                    .collect();
                json!({ "labels": labels, "suggestions": suggestions })
            }
            Error::HoldLifetimeReached {
                hold_id,
                expires_at,
            } => json!({ "hold_id": hold_id, "expires_at": expires_at }),
            Error::HoldLapsed {
                hold_id,
                at,
                taken_since,
            } => json!({ "hold_id": hold_id, "lapsed_at": at, "taken_since": taken_since }),
            Error::Timeout(_) | Error::Indeterminate(_) => json!({ "outcome": "unknown" }),
            _ => json!({}),
        };
        match value {
            serde_json::Value::Object(map) => map,
            _ => serde_json::Map::new(),
        }
    }

    /// The backend did not answer, or its answer was lost (exit 6: `Unavailable`, `Timeout`,
    /// `Indeterminate`): an outage to ride out or report, not a verdict on the request.
    pub fn is_outage(&self) -> bool {
        self.exit_code() == ExitCode::Unavailable
    }

    /// Seats are taken by someone else (exit 3); the variant, not the text, is what callers
    /// match.
    pub fn is_seats_taken(&self) -> bool {
        matches!(self, Error::SeatsTaken { .. })
    }

    /// `Invalid` (exit 2) with this message.
    pub fn invalid(msg: impl fmt::Display) -> Self {
        Error::Invalid(msg.to_string())
    }

    /// `NotFound` (exit 4) with this message.
    pub fn not_found(msg: impl fmt::Display) -> Self {
        Error::NotFound(msg.to_string())
    }

    /// `Conflict` (exit 3) with this message.
    pub fn conflict(msg: impl fmt::Display) -> Self {
        Error::Conflict(msg.to_string())
    }

    /// `SeatsTaken` for these labels.
    pub fn seats_taken<S: ToString>(seats: impl IntoIterator<Item = S>) -> Self {
        Error::SeatsTaken {
            seats: seats.into_iter().map(|s| s.to_string()).collect(),
        }
    }

    /// `UnknownSeats` naming the labels in `wanted` that a read did not `find`; `None` when it
    /// found them all. Without suggestions: the application layer adds them.
    pub fn unknown_seats<'a>(
        wanted: &[String],
        found: impl Iterator<Item = &'a str> + Clone,
    ) -> Option<Error> {
        let missing: Vec<String> = wanted
            .iter()
            .filter(|l| !found.clone().any(|f| f == l.as_str()))
            .cloned()
            .collect();
        (!missing.is_empty()).then_some(Error::UnknownSeats {
            labels: missing,
            suggestions: Vec::new(),
            first_last: None,
        })
    }
}

/// Commands use `anyhow` for context; the exit code survives because we look for our own
/// error anywhere in the chain.
pub fn exit_code_of(err: &anyhow::Error) -> ExitCode {
    for cause in err.chain() {
        if let Some(e) = cause.downcast_ref::<Error>() {
            return e.exit_code();
        }
        if let Some(e) = cause.downcast_ref::<std::io::Error>()
            && e.kind() == std::io::ErrorKind::BrokenPipe
        {
            return ExitCode::Success;
        }
    }
    ExitCode::Internal
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_code_survives_context() {
        let err = anyhow::Error::new(Error::conflict("seat A-1 is taken")).context("holding seats");
        assert_eq!(exit_code_of(&err), ExitCode::Conflict);
        let plain = anyhow::anyhow!("boom");
        assert_eq!(exit_code_of(&plain), ExitCode::Internal);
    }

    #[test]
    fn codes_match_readme_table() {
        // The README's "Exit codes" table: | code | `name` | meaning |.
        let readme = include_str!("../README.md");
        let table = readme
            .split("### Exit codes")
            .nth(1)
            .expect("README has an Exit codes section");
        let rows: Vec<(i32, String)> = table
            .lines()
            .skip_while(|l| !l.starts_with('|'))
            .take_while(|l| l.starts_with('|'))
            .filter_map(|l| {
                let cells: Vec<&str> = l.split('|').map(str::trim).collect();
                let code = cells.get(1)?.parse().ok()?;
                Some((code, cells.get(2)?.trim_matches('`').to_string()))
            })
            .collect();
        let ours: Vec<(i32, String)> = ExitCode::ALL
            .iter()
            .map(|c| {
                let name = if *c == ExitCode::Success {
                    ""
                } else {
                    c.name()
                };
                (c.code(), name.to_string())
            })
            .collect();
        assert_eq!(
            rows, ours,
            "README exit-code table and ExitCode::ALL differ"
        );
        assert_eq!(Error::Schema("x".into()).exit_code(), ExitCode::Usage);
        // Every command's help footer names every code, 130 included.
        for (code, _) in &ours {
            assert!(
                crate::cli::EXIT_CODES.contains(&format!(" {code} ")),
                "exit code {code} missing from the help footer"
            );
        }
    }

    #[test]
    fn seats_taken_carries_the_seats() {
        let e = Error::seats_taken(["A-1", "A-2"]);
        assert_eq!(e.exit_code(), ExitCode::Conflict);
        assert_eq!(e.to_string(), "seats not available: A-1, A-2");
        assert_eq!(e.details()["seats"], serde_json::json!(["A-1", "A-2"]));
        assert_eq!(
            Error::seats_taken(["B-3"]).to_string(),
            "seat not available: B-3"
        );
    }

    #[test]
    fn unknown_seats_carries_labels_and_suggestions() {
        let e = Error::UnknownSeats {
            labels: vec!["a12".into(), "Z-9".into()],
            suggestions: vec![("a12".into(), "A-12".into())],
            first_last: Some(("A-1".into(), "N-20".into())),
        };
        assert_eq!(e.exit_code(), ExitCode::NotFound);
        assert_eq!(
            e.to_string(),
            "no seat `a12` (did you mean `A-12`?), `Z-9` in this event; labels here run from \
             `A-1` to `N-20`"
        );
        let d = e.details();
        assert_eq!(d["labels"], serde_json::json!(["a12", "Z-9"]));
        assert_eq!(d["suggestions"], serde_json::json!({"a12": "A-12"}));
        let plain = Error::unknown_seats(&["A-1".into(), "A-9".into()], ["A-1"].into_iter())
            .expect("A-9 is missing");
        assert_eq!(plain.details()["labels"], serde_json::json!(["A-9"]));
    }

    #[test]
    fn hold_lapsed_carries_hold_time_and_seats() {
        let hold_id = Uuid::nil();
        let at = DateTime::parse_from_rfc3339("2026-11-30T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let e = Error::HoldLapsed {
            hold_id,
            at,
            taken_since: vec!["C-4".into()],
        };
        assert_eq!(e.exit_code(), ExitCode::HoldExpired);
        assert_eq!(
            e.to_string(),
            format!("hold {hold_id} lapsed at 2026-11-30 10:00:00 UTC; taken by others since: C-4")
        );
        let d = e.details();
        assert_eq!(d["hold_id"], serde_json::json!(hold_id));
        assert_eq!(d["lapsed_at"], serde_json::json!("2026-11-30T10:00:00Z"));
        assert_eq!(d["taken_since"], serde_json::json!(["C-4"]));
    }

    #[test]
    fn wrong_state_carries_seats_and_their_states() {
        let e = Error::WrongState {
            action: "block",
            seats: vec!["B-3".into(), "B-4".into()],
            statuses: vec!["held".into(), "reserved".into()],
            hint: "release them first",
        };
        assert_eq!(e.exit_code(), ExitCode::Conflict);
        assert_eq!(
            e.to_string(),
            "cannot block B-3 (held), B-4 (reserved): release them first"
        );
        assert_eq!(e.details()["seats"], serde_json::json!(["B-3", "B-4"]));
        assert_eq!(
            e.details()["statuses"],
            serde_json::json!(["held", "reserved"])
        );
    }

    #[test]
    fn not_enough_seats_carries_the_counts() {
        let e = Error::NotEnoughSeats {
            asked: 4,
            available: 3,
            accessible_asked: 0,
            accessible_available: 1,
            section: Some("Stalls".into()),
            category: None,
        };
        assert_eq!(e.exit_code(), ExitCode::Conflict);
        assert_eq!(
            e.to_string(),
            "not enough seats available: 4 asked for, 3 available in section Stalls"
        );
        let d = e.details();
        assert_eq!(
            (d["asked"].clone(), d["available"].clone()),
            (4.into(), 3.into())
        );
        assert_eq!(d["section"], "Stalls");
        assert!(d["category"].is_null());
        let e = Error::NotEnoughSeats {
            asked: 2,
            available: 9,
            accessible_asked: 1,
            accessible_available: 0,
            section: None,
            category: Some("premium".into()),
        };
        assert_eq!(
            e.to_string(),
            "no 2 seats side by side with 1 accessible among them are available in category \
             premium (0 accessible seats available)"
        );
        assert_eq!(e.details()["accessible_asked"], 1);
    }

    #[test]
    fn hold_lifetime_reached_carries_hold_and_expiry() {
        let at = DateTime::parse_from_rfc3339("2026-11-30T10:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let e = Error::HoldLifetimeReached {
            hold_id: Uuid::nil(),
            expires_at: at,
        };
        assert_eq!(e.exit_code(), ExitCode::Conflict);
        assert!(e.to_string().contains("max_hold_lifetime"), "{e}");
        assert_eq!(e.details()["expires_at"], "2026-11-30T10:30:00Z");
        assert_eq!(e.details()["hold_id"], serde_json::json!(Uuid::nil()));
    }

    #[test]
    fn hold_closed_carries_hold_and_status() {
        let hold_id = Uuid::nil();
        let e = Error::HoldClosed {
            hold_id,
            status: "released".into(),
        };
        assert_eq!(e.exit_code(), ExitCode::Conflict);
        assert_eq!(e.to_string(), format!("hold {hold_id} was released"));
        assert_eq!(e.details()["status"], serde_json::json!("released"));
        assert_eq!(e.details()["hold_id"], serde_json::json!(hold_id));
        let reserved = Error::HoldClosed {
            hold_id,
            status: "reserved".into(),
        };
        assert_eq!(
            reserved.to_string(),
            format!("hold {hold_id} is already reserved")
        );
    }

    #[test]
    fn message_only_errors_have_no_details() {
        assert!(Error::conflict("x").details().is_empty());
        assert!(Error::invalid("x").details().is_empty());
    }
}
