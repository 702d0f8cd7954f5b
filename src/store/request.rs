//! What the store is asked to do: who acts, the hold wanted, the faults a test may inject,
//! and the outcome of one optimistic attempt.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::contract::HoldInfo;

/// Who made a change, for the history: the holder or OS user, and which terminal (host/pid).
#[derive(Debug, Clone)]
pub struct Actor {
    pub who: String,
    pub terminal: String,
}

/// The outcome of one optimistic attempt.
#[derive(Debug)]
pub enum Attempt<T> {
    Done(T),
    /// A concurrent writer changed a seat between our read and our guarded write; the
    /// transaction was rolled back and the caller may retry.
    LostRace,
}

/// One hold as the store is asked for it: the seats (labels), the lifetime in ms, who holds
/// them, an optional idempotency key, and an injected fault (tests only).
pub struct HoldRequest<'a> {
    pub event_id: Uuid,
    pub labels: &'a [String],
    pub ttl_ms: i64,
    pub holder: Option<&'a str>,
    pub idempotency_key: Option<&'a str>,
    /// With a key: the request it stands for (canonical JSON), stored with the key so that a
    /// retry asking for something else is refused rather than replayed.
    pub idempotency_request: Option<&'a str>,
    /// The key was made for this call and never sent before (the simulator's first tries):
    /// no earlier hold can carry it, so the replay lookup (a round trip) is skipped.
    pub key_is_new: bool,
    pub actor: &'a Actor,
    /// Fault injection (tests, the simulator). Takes the general read-then-write path.
    pub fault: Option<Fault>,
}

/// Faults the simulator (and tests) inject into a hold, to show correctness survives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Stall after reading the seats and before the guarded write, like a paused process
    /// whose Redis lease lapses meanwhile.
    PauseBeforeWrite(std::time::Duration),
    /// PostgreSQL: the server terminates this connection (`pg_terminate_backend`) after the
    /// writes and before the commit, as a crash or failover would.
    KillBeforeCommit,
    /// Test-only sabotage: write without the version guard after a short pause, the bug the
    /// audit exists to catch (`simulate --fault-unguarded-writes`, hidden).
    UnguardedWrite,
    /// Test-only sabotage: `extend` checks neither the hold's state nor its seats, so it
    /// "extends" released and reserved holds: the wrong answer the history checker exists to
    /// catch (`simulate --mix … --fault-unguarded-extend`, hidden).
    UnguardedExtend,
    /// Test-only: the hold commits, then its answer is lost, as when the connection breaks
    /// once COMMIT was sent: the caller gets `Indeterminate` for a hold that was made
    /// (`simulate --fault-lost-answers P`, hidden).
    LostAnswer,
}

impl HoldRequest<'_> {
    /// The hold this request made, as `hold_id`, lasting until `expires_at`.
    pub(super) fn made(&self, hold_id: Uuid, expires_at: DateTime<Utc>) -> HoldInfo {
        HoldInfo {
            hold_id,
            event_id: self.event_id,
            seats: self.labels.to_vec(),
            expires_at,
            holder: self.holder.map(str::to_string),
            replayed: false,
            reservation_id: None,
            lifetime_capped: false,
            change_id: None,
        }
    }
}
