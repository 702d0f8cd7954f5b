//! What one strategy's run is to do, fixed before it starts (`Plan`), and how each buy can
//! end (`Outcome`).

use std::path::PathBuf;
use std::time::Duration;

use super::history::Mix;
use super::notation::{Hot, Party};
use crate::config::Strategy;
use crate::error::Error;

/// Everything a run needs to know, fixed before it starts.
#[derive(Debug, Clone)]
pub struct Plan {
    pub strategy: Strategy,
    pub buyers: u32,
    pub connections: u32,
    /// Open loop: arrivals per second (Poisson). `None`: closed loop, `buyers` always busy.
    pub rate: Option<f64>,
    /// `--stages`: arrivals follow these ramps (thinned from `rate`, their peak), from the
    /// run's start.
    pub stages: Option<super::notation::Stages>,
    pub warmup: Duration,
    pub duration: Option<Duration>,
    pub ops: Option<u64>,
    pub party: Party,
    pub best: bool,
    /// `--area`: buyers take places of this general-admission area.
    pub area: Option<String>,
    pub hot: Option<Hot>,
    pub reserve_ratio: f64,
    pub abandon: f64,
    pub ttl_ms: i64,
    pub seed: u64,
    pub pause: Option<(Duration, f64)>,
    pub kill_prob: f64,
    /// Test-only: every hold skips the version guard (see `Fault::UnguardedWrite`).
    pub unguarded: bool,
    /// Test-only: every extend skips its state checks (see `Fault::UnguardedExtend`).
    pub unguarded_extend: bool,
    /// Test-only: the share of holds whose answer is lost after commit (`Fault::LostAnswer`).
    pub lost_answers: f64,
    /// `--mix`: single operations drawn by weight instead of whole buys, each recorded for
    /// the history checker.
    pub mix: Option<Mix>,
    /// What every holder name of the whole run (all processes) starts with: `--mix`
    /// operations act on any hold of the run.
    pub run_prefix: String,
    /// Every buyer's holder name starts with it (the audit finds this run's holds by it).
    pub holder_prefix: String,
    /// Draw a progress bar and a line every this often (only on a terminal).
    pub progress: Option<Duration>,
    pub csv: Option<PathBuf>,
    /// Added to buyer numbers in the CSV: a worker's first buyer follows the previous
    /// workers' last.
    pub buyer_offset: u64,
    /// Wall-clock start, so that child processes begin together.
    pub start_at: Option<std::time::SystemTime>,
}

/// How one buy ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Booked,
    /// `--mix`: a hold made or extended as asked.
    Done,
    Released,
    Abandoned,
    SeatTaken,
    GaveUp,
    HoldExpired,
    Indeterminate,
    BackendError,
}

impl Outcome {
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Booked => "booked",
            Outcome::Done => "done",
            Outcome::Released => "released",
            Outcome::Abandoned => "abandoned",
            Outcome::SeatTaken => "seat_taken",
            Outcome::GaveUp => "gave_up",
            Outcome::HoldExpired => "hold_expired",
            Outcome::Indeterminate => "indeterminate",
            Outcome::BackendError => "backend_error",
        }
    }

    pub(super) fn of(err: &Error) -> Outcome {
        match err {
            Error::Conflict(_)
            | Error::SeatsTaken { .. }
            | Error::NotEnoughSeats { .. }
            | Error::AreaFull { .. }
            | Error::HoldClosed { .. } => Outcome::SeatTaken,
            Error::Contended(_) => Outcome::GaveUp,
            Error::HoldLapsed { .. } => Outcome::HoldExpired,
            Error::Timeout(_) | Error::Indeterminate(_) => Outcome::Indeterminate,
            _ => Outcome::BackendError,
        }
    }
}
