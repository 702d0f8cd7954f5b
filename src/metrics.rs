//! The names of what `seatctl serve` measures, served at `/metrics` in Prometheus' text format
//! (see the README's "Metrics" section for what to alert on). The core records through the
//! `metrics` facade: in a process with no recorder installed (every command but `serve`) each
//! record costs next to nothing and goes nowhere.

/// Counter: HTTP requests answered, by `method`, `route` (the path template, such as
/// `/v1/events/{event}/holds`) and `status`.
pub const HTTP_REQUESTS: &str = "seatctl_http_requests_total";
/// Histogram (seconds): time to answer a request (to the response's head; a change stream's
/// body is not counted), by `method` and `route`.
pub const HTTP_DURATION: &str = "seatctl_http_request_duration_seconds";
/// Counter: holds made (`outcome="made"`) or answered again for an Idempotency-Key
/// (`outcome="replayed"`).
pub const HOLDS: &str = "seatctl_holds_total";
/// Counter: sales made (`outcome="made"` or `"replayed"`).
pub const RESERVATIONS: &str = "seatctl_reservations_total";
/// Counter: releases of holds and reservations, and partial refunds, by `what` (`hold`,
/// `reservation`, `refund`).
pub const RELEASES: &str = "seatctl_releases_total";
/// Counter: requests refused because seats or places were taken, a race was lost or a hold
/// had lapsed (HTTP 409 and 410), by `operation`.
pub const CONFLICTS: &str = "seatctl_conflicts_total";
/// Counter: tries that found a seat's Redis lock held by another process (`redis` strategy).
pub const LOCK_BUSY: &str = "seatctl_lock_busy_total";
/// Counter: seat leases that had lapsed or been taken over by the time they were released
/// (the version guard still had the last word; many of these mean `redis.lock_ttl` is short).
pub const LOCK_LOST: &str = "seatctl_lock_lost_total";
/// Gauge: database connections of the pool, by `state` (`in_use`, `idle`), at scrape time.
pub const DB_CONNECTIONS: &str = "seatctl_db_connections";
/// Gauge: open change streams (`GET /v1/events/{event}/changes`).
pub const SSE_CLIENTS: &str = "seatctl_sse_clients";
/// Counter: change streams ended because their client read too slowly.
pub const SSE_DROPPED: &str = "seatctl_sse_dropped_total";
/// Counter: seat lists and maps served (`GET …/seats`, `GET …/map`), by where they were read
/// `from`: `memory` (the seat cache) or `database` (the cache off, filling, past its wait for
/// a change named with `after`, or unable to answer).
pub const SEAT_READS: &str = "seatctl_seat_reads_total";
/// Counter: changes read from the history by this process's change feed.
pub const CHANGES: &str = "seatctl_changes_total";
/// Histogram (seconds): from a change's transaction's time (`seat_history.at`, its start on
/// PostgreSQL) to this process reading it after the notification: the NOTIFY lag.
pub const CHANGE_LAG: &str = "seatctl_change_lag_seconds";
