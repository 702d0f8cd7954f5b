//! The library's one error type and the exit-code table every command shares.
//! Storage maps database errors into it once; commands add context with `anyhow` only in glue.

use std::fmt;

/// Exit codes, the same for every command. Documented in the README; change both together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    Success = 0,
    Internal = 1,
    Usage = 2,
    Conflict = 3,
    NotFound = 4,
    HoldExpired = 5,
    Unavailable = 6,
    /// `simulate` / `audit`: the database shows a seat sold twice or a trail that disagrees.
    AuditFailed = 10,
    /// `simulate`: a `--threshold` was not met.
    ThresholdFailed = 11,
    /// Ctrl-C (128 + SIGINT), as shells expect.
    Interrupted = 130,
}

impl ExitCode {
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
            ExitCode::AuditFailed => "audit_failed",
            ExitCode::ThresholdFailed => "threshold_failed",
            ExitCode::Interrupted => "interrupted",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad flags, bad config, a malformed file: the user can fix it and retry.
    #[error("{0}")]
    Invalid(String),
    /// The request collides with the current state (a seat is taken, a name exists).
    #[error("{0}")]
    Conflict(String),
    /// Every try lost a race to other terminals (`occ.max_retries` exhausted): a conflict too,
    /// but not a verdict on the seats.
    #[error("{0}")]
    Contended(String),
    #[error("{0}")]
    NotFound(String),
    /// Seat labels that are not seats of the event (exit code 4, like `NotFound`); commands
    /// turn it into a message with a "did you mean".
    #[error("no seat {} in this event", .0.join(", "))]
    UnknownSeats(Vec<String>),
    #[error("{0}")]
    HoldExpired(String),
    /// The database or Redis could not be reached or did not answer in time.
    #[error("{0}")]
    Unavailable(String),
    /// A statement ran past its time limit: whether it took effect is unknown to the caller.
    #[error("{0}")]
    Timeout(String),
    /// The database schema does not match this binary's migrations.
    #[error("{0}")]
    Schema(String),
    /// Ctrl-C: the work in hand was finished or undone first.
    #[error("{0}")]
    Interrupted(String),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl Error {
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Error::Invalid(_) | Error::Schema(_) => ExitCode::Usage,
            Error::Conflict(_) | Error::Contended(_) => ExitCode::Conflict,
            Error::NotFound(_) | Error::UnknownSeats(_) => ExitCode::NotFound,
            Error::HoldExpired(_) => ExitCode::HoldExpired,
            Error::Unavailable(_) | Error::Timeout(_) => ExitCode::Unavailable,
            Error::Interrupted(_) => ExitCode::Interrupted,
            Error::Internal(_) => ExitCode::Internal,
        }
    }

    pub fn invalid(msg: impl fmt::Display) -> Self {
        Error::Invalid(msg.to_string())
    }

    pub fn not_found(msg: impl fmt::Display) -> Self {
        Error::NotFound(msg.to_string())
    }

    pub fn conflict(msg: impl fmt::Display) -> Self {
        Error::Conflict(msg.to_string())
    }

    /// `UnknownSeats` naming the labels in `wanted` that a read did not `find`; `None` when it
    /// found them all.
    pub fn unknown_seats<'a>(
        wanted: &[String],
        found: impl Iterator<Item = &'a str> + Clone,
    ) -> Option<Error> {
        let missing: Vec<String> = wanted
            .iter()
            .filter(|l| !found.clone().any(|f| f == l.as_str()))
            .cloned()
            .collect();
        (!missing.is_empty()).then_some(Error::UnknownSeats(missing))
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
        let table = [
            (ExitCode::Success, 0),
            (ExitCode::Internal, 1),
            (ExitCode::Usage, 2),
            (ExitCode::Conflict, 3),
            (ExitCode::NotFound, 4),
            (ExitCode::HoldExpired, 5),
            (ExitCode::Unavailable, 6),
            (ExitCode::AuditFailed, 10),
            (ExitCode::ThresholdFailed, 11),
            (ExitCode::Interrupted, 130),
        ];
        for (code, n) in table {
            assert_eq!(code.code(), n);
        }
        assert_eq!(Error::Schema("x".into()).exit_code(), ExitCode::Usage);
    }
}
