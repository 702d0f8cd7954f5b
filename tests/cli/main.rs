//! End-to-end tests: the real `seatctl` binary against real SQLite and PostgreSQL.

mod common;

mod areas;
mod block;
mod box_office;
mod changes;
mod cluster;
mod completions;
mod concurrency;
mod config;
mod deploy;
mod doctor;
mod events;
mod faults;
mod history;
mod http;
mod layout;
mod listing;
mod logging;
mod prices;
mod readme;
mod replicas;
mod report;
mod reservations;
mod roles;
mod seat_cache;
mod servers;
mod simulate;
mod snapshots;
mod tls;
mod unicode;
mod venues;
