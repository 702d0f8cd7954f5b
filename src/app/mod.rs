//! The application layer: one session (settings, database, Redis locks) and every operation
//! seatctl offers, returning typed results and typed errors. Front ends only parse, call, render.
//!
//! Layers, arrows only downwards: front ends (`commands/`, the box office, `sim/`) → `app` →
//! `store` (SQL) and the Redis locks → `domain` (pure) → `config`, `error`.

mod admin;
mod apikeys;
mod blocking;
pub mod changes;
mod events;
mod holds;
mod layouts;
mod listing;
mod prices;
mod reports;
pub mod seat_cache;
mod seats;
pub mod strategy;

/// Inputs the store defines: who acts (for the history), a hold request, the faults tests
/// inject, and what a simulation's buyers were told (for its audit).
pub use crate::store::{Actor, Expected, Fault, HoldRequest};
pub use apikeys::{ApiRole, Caller};
pub use events::{EventOrder, EventUpdate, LayoutSource};
pub use holds::{AreaOrder, BestOrder, HoldOrder};
pub use layouts::check_layout;
pub use listing::{HoldFilter, ReservationFilter};
pub use prices::{PriceItem, PriceList};

use tokio::sync::OnceCell;

use crate::config::{DatabaseConfig, Settings, Strategy};
use crate::duration::HumanDuration;
use crate::error::{Error, Result};
use crate::store::Store;
use strategy::Reserver;

/// What every operation runs with: the resolved settings, and from them the database and the
/// strategy's locks, opened once on first use and shared by every operation of the session.
/// Cheap to create: nothing connects until an operation asks.
pub struct Session {
    pub settings: Settings,
    store: OnceCell<Store>,
    reserver: OnceCell<Reserver>,
    /// Events a hold looked up lately (the server's: see [`Session::with_event_cache`]).
    events: Option<std::sync::Arc<EventCache>>,
}

/// Events a hold named by id, each kept for `ttl` after it was read, so that a server
/// answering many holds for one event does not look it up for every one. Only ids: an id
/// never comes to mean another event, where a name can (renamed, or made anew) and a prefix
/// can become ambiguous. A hold that fails as if its event had changed (no such seats, not
/// enough seats, no such area: it was deleted, or given a new layout) looks it up afresh and
/// tries once more. A hold's price quote may miss an event's first price for up to `ttl`.
pub struct EventCache {
    ttl: std::time::Duration,
    known: std::sync::Mutex<
        std::collections::HashMap<String, (crate::domain::Event, std::time::Instant)>,
    >,
}

impl EventCache {
    fn get(&self, reference: &str) -> Option<crate::domain::Event> {
        let known = self.known.lock().expect("event cache");
        let (event, at) = known.get(reference)?;
        (at.elapsed() < self.ttl).then(|| event.clone())
    }

    fn put(&self, reference: &str, event: &crate::domain::Event) {
        if uuid::Uuid::parse_str(reference).is_err() {
            return;
        }
        let mut known = self.known.lock().expect("event cache");
        // Bounded: references nobody repeats cannot grow it without end.
        if known.len() >= 1000 {
            known.clear();
        }
        known.insert(
            reference.to_string(),
            (event.clone(), std::time::Instant::now()),
        );
    }

    fn forget(&self, reference: &str) {
        self.known.lock().expect("event cache").remove(reference);
    }
}

impl Session {
    /// A session over resolved settings; nothing connects yet.
    pub fn new(settings: Settings) -> Session {
        Session {
            settings,
            store: OnceCell::new(),
            reserver: OnceCell::new(),
            events: None,
        }
    }

    /// The same session remembering the events holds name by id for `ttl` (see
    /// [`EventCache`]): for a server, whose requests name the same few events thousands of
    /// times a second.
    pub fn with_event_cache(mut self, ttl: std::time::Duration) -> Session {
        self.events = Some(std::sync::Arc::new(EventCache {
            ttl,
            known: std::sync::Mutex::new(std::collections::HashMap::new()),
        }));
        self
    }

    /// The event `reference` named, when the session keeps an event cache and read it lately.
    pub(crate) fn remembered_event(&self, reference: &str) -> Option<crate::domain::Event> {
        self.events.as_ref().and_then(|c| c.get(reference))
    }

    /// Remembers the event `reference` named, when the session keeps an event cache.
    pub(crate) fn remember_event(&self, reference: &str, event: &crate::domain::Event) {
        if let Some(cache) = &self.events {
            cache.put(reference, event);
        }
    }

    /// Forgets the event `reference` named (its hold failed as if it had changed).
    pub(crate) fn forget_event(&self, reference: &str) {
        if let Some(cache) = &self.events {
            cache.forget(reference);
        }
    }

    /// The session's database (a handle on its one connection pool), connected on first use;
    /// on PostgreSQL the schema is checked to be current. Errors: exit 6 when the database
    /// cannot be reached within `database.connect_timeout`, exit 2 when its schema needs
    /// `seatctl db migrate`.
    pub async fn store(&self) -> Result<Store> {
        let store = self
            .store
            .get_or_try_init(|| async {
                let store = self.connect().await?;
                if self.settings.database.is_postgres() {
                    store.check_schema().await?;
                }
                Ok::<_, Error>(store)
            })
            .await?;
        Ok(store.clone())
    }

    /// Connects without the schema check (for `db migrate` and `db status`).
    pub async fn connect(&self) -> Result<Store> {
        Store::connect(&self.settings.database, &self.settings.config.database).await
    }

    /// The database and, under the redis strategy, a Redis connection for the seat locks.
    /// Errors: as [`Session::store`], and exit 6 when Redis is needed but unreachable.
    pub async fn reserver(&self) -> Result<Reserver> {
        let reserver = self
            .reserver
            .get_or_try_init(|| async {
                Reserver::new(
                    self.store().await?,
                    self.settings.strategy,
                    &self.settings.config,
                    &self.settings.redis_url,
                )
                .await
            })
            .await?;
        Ok(reserver.clone())
    }

    /// `n` Reservers under `strategy`, each over a database connection of its own (on
    /// SQLite, one file with one writer, they share one pool), all sharing one Redis
    /// connection: for the simulator's workers, which each drive one. Close them with
    /// [`Reserver::close`]. Errors: exit 6 when a backend is down.
    pub async fn reservers(&self, strategy: Strategy, n: u32) -> Result<Vec<Reserver>> {
        let s = &self.settings;
        let postgres = s.database.is_postgres();
        let one = DatabaseConfig {
            max_connections: if postgres { 1 } else { n.max(1) },
            ..s.config.database.clone()
        };
        let store = Store::connect(&s.database, &one).await?;
        let first = Reserver::new(store.clone(), strategy, &s.config, &s.redis_url).await?;
        let mut all = Vec::with_capacity(n as usize);
        for _ in 1..n {
            let store = if postgres {
                Store::connect(&s.database, &one).await?
            } else {
                store.clone()
            };
            all.push(first.with_store(store));
        }
        all.push(first);
        Ok(all)
    }

    /// A hold's lifetime in ms: `ttl` (default `reservation.hold_ttl`), which must be within
    /// `(0, reservation.max_hold_ttl]`. Errors: exit 2 naming the limit.
    pub fn ttl_ms(&self, ttl: Option<HumanDuration>) -> Result<i64> {
        let r = &self.settings.config.reservation;
        let ttl = ttl.unwrap_or(r.hold_ttl);
        if ttl.0.is_zero() {
            return Err(Error::invalid("--ttl must be longer than 0s"));
        }
        if ttl > r.max_hold_ttl {
            return Err(Error::invalid(format!(
                "--ttl {ttl} is longer than reservation.max_hold_ttl ({})",
                r.max_hold_ttl
            )));
        }
        Ok(ttl.0.as_millis() as i64)
    }
}

/// Who is acting, for the history: `who` (an operator, or a process such as `sweep`), at this
/// terminal (`host/pid`).
pub fn actor(who: &str) -> Actor {
    Actor {
        who: who.to_string(),
        terminal: format!("{}/{}", hostname(), std::process::id()),
    }
}

impl Session {
    /// The same session (settings, database pool, locks) acting for `who`: the server's
    /// per-request session, whose changes the history records as done by the API key's name.
    pub fn acting_as(&self, who: &str) -> Session {
        let mut settings = self.settings.clone();
        settings.operator = who.to_string();
        Session {
            settings,
            store: self.store.clone(),
            reserver: self.reserver.clone(),
            events: self.events.clone(),
        }
    }

    /// The session's operator acting at this terminal ([`crate::config::Settings::operator`]):
    /// the history's "by" for every change it makes.
    pub fn actor(&self) -> Actor {
        actor(&self.settings.operator)
    }
}

/// This machine's name, for the history's terminal column and the simulator's holder tags.
pub fn hostname() -> String {
    gethostname::gethostname()
        .into_string()
        .ok()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "localhost".into())
}
