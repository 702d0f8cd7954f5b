//! `seatctl simulate`: races simulated buyers for seats through the real hold/reserve/release
//! paths, reports throughput and latency, audits the result; `simulate merge` joins hosts' runs.

mod args;
pub mod backend;
mod buyer;
mod collector;
pub mod engine;
mod hall;
mod live;
mod merge;
pub mod notation;
pub mod plan;
pub mod plot;
pub mod report;
mod run;
mod spec;
pub mod stats;
mod workers;

pub use args::{MergeArgs, SimulateArgs, SimulateCommand, SimulateSub};
pub use spec::{Faults, Pause, Source, Spec};
pub use workers::{WorkerOutput, WorkerPlan};
