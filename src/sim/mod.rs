//! The contention simulator: runs a typed `Spec` (simulated buyers racing through the real
//! hold/reserve/release paths), reports throughput and latency, audits the result, merges hosts'
//! runs. Its front ends are `commands::simulate` (flags) and `commands::demo`.

pub mod backend;
mod buyer;
mod collector;
pub mod compare;
pub mod engine;
mod hall;
pub mod history;
pub mod linear;
mod live;
pub mod merge;
pub mod notation;
pub mod plan;
pub mod plot;
pub mod report;
mod run;
pub mod spec;
pub mod stats;
pub mod workers;

pub use spec::{Faults, Pause, Source, Spec};
pub use workers::WorkerPlan;
