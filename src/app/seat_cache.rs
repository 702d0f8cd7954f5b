//! Seat reads that scale: a server keeps the seats of the events it is asked about in memory,
//! filled once from the database and kept fresh by the change stream, and answers
//! `GET /v1/events/{event}/seats` and the map from them.
//!
//! How it stays true:
//! - **Filled after following.** An event's entry follows the change stream from "now" before
//!   it reads the seats, so every change is either in what it read or comes down the stream.
//! - **Changes re-read the seats they touch.** For each page of changes the entry reads those
//!   seats again (one query), and keeps a seat's newer row only (`version` never goes down), so
//!   a page that arrives after a newer read cannot turn a seat back.
//! - **Lapses on read.** A held seat whose hold's time has passed reads as available, as the
//!   database's `seat_state` view says. Since a hold may have been extended (which is not a
//!   change), such seats are read again before an answer counts them as available.
//! - **Read-your-writes.** A read may name a change id (`after`): it is answered from memory
//!   once the entry has applied that change, else (after [`RYW_WAIT`]) from the database.
//! - **Anything else goes to the database**: an entry still filling after [`FILL_WAIT`], one
//!   whose stream broke (the entry is dropped and filled afresh on the next read), a section
//!   not spelled as the layout spells it (the database's answer names the sections).
//!
//! An event's layout import reaches its entry within a second (the change feed checks the
//! layout version every second) and the entry is filled afresh. An entry nobody read for
//! [`IDLE`] is dropped, and with it its follower.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

use bytes::Bytes;
use chrono::{DateTime, Utc};
use tokio::sync::watch;
use uuid::Uuid;

use super::changes::{ChangeFeed, Next};
use crate::contract::SeatMap;
use crate::domain::{Event, Seat, SeatStatus};
use crate::error::{Error, Result};
use crate::store::Store;
use crate::store::changes::Cursor;

/// How long a first read waits for its event to be filled before it reads the database.
pub const FILL_WAIT: Duration = Duration::from_secs(5);
/// How long a read that names a change (`after`) waits for the entry to apply it before it
/// reads the database instead.
pub const RYW_WAIT: Duration = Duration::from_secs(1);
/// An entry nobody read for this long is dropped.
pub const IDLE: Duration = Duration::from_secs(60);

/// One process's seat cache. See the module's doc.
pub struct SeatCache {
    feed: Arc<ChangeFeed>,
    store: Store,
    entries: Mutex<HashMap<Uuid, Arc<Entry>>>,
}

/// What a read asks for: the body of `GET …/seats` or of `GET …/map`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum View {
    /// The seats (not the places of general-admission areas), of one state and one section.
    Seats {
        status: Option<SeatStatus>,
        section: Option<String>,
    },
    /// The seat map (of one section).
    Map { section: Option<String> },
}

/// Where an entry stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fill {
    Filling,
    /// Filled, with every change up to this place applied.
    At(Cursor),
    /// The entry ended (its stream broke, the event was deleted, nobody read it).
    Ended,
}

struct Entry {
    event_id: Uuid,
    /// Told when a read found the seats are not the event's any more: fill afresh.
    refill: tokio::sync::Notify,
    seats: Mutex<Option<Loaded>>,
    fill: watch::Sender<Fill>,
    last_read: Mutex<Instant>,
}

/// An event's seats as last read, and the bodies served from them.
struct Loaded {
    /// The event as last looked up (its name and venue are in the map).
    event: Event,
    /// In layout order, with the places of general-admission areas.
    seats: Vec<Seat>,
    by_label: HashMap<String, usize>,
    sections: HashSet<String>,
    /// Bodies already serialised, good while nothing changes and no hold lapses.
    bodies: HashMap<View, Bytes>,
    /// The earliest time a held seat's hold runs out, if any seat is held.
    next_lapse: Option<DateTime<Utc>>,
}

impl Loaded {
    fn new(event: Event, seats: Vec<Seat>) -> Loaded {
        let by_label = seats
            .iter()
            .enumerate()
            .map(|(i, s)| (s.label.clone(), i))
            .collect();
        let sections = seats.iter().map(|s| s.section.clone()).collect();
        let mut loaded = Loaded {
            event,
            seats,
            by_label,
            sections,
            bodies: HashMap::new(),
            next_lapse: None,
        };
        loaded.next_lapse = loaded.first_lapse();
        loaded
    }

    fn first_lapse(&self) -> Option<DateTime<Utc>> {
        self.seats
            .iter()
            .filter(|s| s.status == SeatStatus::Held)
            .filter_map(|s| s.held_until)
            .min()
    }

    /// Takes the rows of seats `asked` read again, each only if no older than the one kept.
    /// `false` (and nothing taken) when they are not the seats kept: a seat asked for is gone,
    /// or a label is new or names another seat (the layout was imported again): the entry must
    /// be filled afresh.
    #[must_use]
    fn apply(&mut self, asked: &[String], fresh: Vec<Seat>) -> bool {
        let same = fresh.len() == asked.len()
            && fresh.iter().all(|seat| {
                self.by_label
                    .get(&seat.label)
                    .is_some_and(|&i| self.seats[i].id == seat.id)
            });
        if !same {
            return false;
        }
        for seat in fresh {
            let i = self.by_label[&seat.label];
            if seat.version >= self.seats[i].version {
                self.seats[i] = seat;
            }
        }
        self.bodies.clear();
        self.next_lapse = self.first_lapse();
        true
    }

    /// Held seats whose hold's time has passed (lapsed, or extended since they were read).
    fn past_due(&self, now: DateTime<Utc>) -> Vec<String> {
        self.seats
            .iter()
            .filter(|s| s.status == SeatStatus::Held && s.held_until.is_none_or(|t| t <= now))
            .map(|s| s.label.clone())
            .collect()
    }

    fn render(&mut self, event: &Event, view: &View) -> Bytes {
        if *event != self.event {
            // Updated (`event update`): the maps drawn are out of date.
            self.event = event.clone();
            self.bodies.clear();
        }
        if let Some(body) = self.bodies.get(view) {
            return body.clone();
        }
        let in_section =
            |s: &&Seat, section: &Option<String>| section.as_ref().is_none_or(|n| s.section == *n);
        let body = match view {
            View::Seats { status, section } => {
                let seats: Vec<&Seat> = self
                    .seats
                    .iter()
                    .filter(|s| !s.area && in_section(s, section))
                    .filter(|s| status.is_none_or(|st| s.status == st))
                    .collect();
                serde_json::to_vec(&seats)
            }
            View::Map { section } => {
                let seats = self
                    .seats
                    .iter()
                    .filter(|s| in_section(s, section))
                    .cloned()
                    .collect();
                serde_json::to_vec(&SeatMap::new(self.event.clone(), seats, None))
            }
        };
        let body = Bytes::from(body.expect("seats serialise"));
        self.bodies.insert(view.clone(), body.clone());
        body
    }
}

impl SeatCache {
    /// A cache over `store`, kept fresh by `feed` (the process's change feed).
    pub fn new(feed: Arc<ChangeFeed>, store: Store) -> Arc<SeatCache> {
        Arc::new(SeatCache {
            feed,
            store,
            entries: Mutex::new(HashMap::new()),
        })
    }

    /// The body of `view` for `event` (its section, if any, spelled as the layout spells it),
    /// with the change at `after` (if given) applied; `None` when the cache cannot answer now
    /// (the caller reads the database). Errors: none of its own; a database error while
    /// reading past-due holds again is returned (exit 6 / 503).
    pub async fn read(
        self: &Arc<Self>,
        event: &Event,
        view: &View,
        after: Option<Cursor>,
    ) -> Result<Option<Bytes>> {
        let entry = self.entry(event);
        *entry.last_read.lock().expect("seat cache entry") = Instant::now();
        let mut fill = entry.fill.subscribe();
        // Filled (with the change `after` applied, if given), or ended: then the database.
        let ready = |f: &Fill| match (f, after) {
            (Fill::Filling, _) => false,
            (Fill::At(at), Some(want)) => *at >= want,
            _ => true,
        };
        let wait = if after.is_some() { RYW_WAIT } else { FILL_WAIT };
        let ready = match tokio::time::timeout(wait, fill.wait_for(ready)).await {
            Ok(Ok(f)) => matches!(*f, Fill::At(_)),
            _ => false,
        };
        if !ready {
            return Ok(None);
        }
        let section = match view {
            View::Seats { section, .. } | View::Map { section } => section.as_ref(),
        };
        // Past-due holds are read again (outside the lock) before anything is rendered: lapsed
        // ones come back available (as the database's view reads them; their version is
        // unchanged), extended ones with their new time. (One still held with a past time:
        // this clock is ahead of the database's, whose answer stands.)
        let due = {
            let seats = entry.seats.lock().expect("seat cache entry");
            let Some(loaded) = seats.as_ref() else {
                return Ok(None);
            };
            if section.is_some_and(|s| !loaded.sections.contains(s)) {
                return Ok(None);
            }
            let now = Utc::now();
            match loaded.next_lapse {
                Some(t) if t <= now => loaded.past_due(now),
                _ => Vec::new(),
            }
        };
        if !due.is_empty() {
            let fresh = self.store.seats_by_label(event.id, &due).await?;
            let mut seats = entry.seats.lock().expect("seat cache entry");
            if !seats.as_mut().is_some_and(|l| l.apply(&due, fresh)) {
                // A new layout, not yet told: the database answers, the entry fills afresh.
                entry.refill.notify_one();
                return Ok(None);
            }
        }
        let mut seats = entry.seats.lock().expect("seat cache entry");
        Ok(seats.as_mut().map(|loaded| loaded.render(event, view)))
    }

    /// The event's entry, made (and its filling started) if there is none.
    fn entry(self: &Arc<Self>, event: &Event) -> Arc<Entry> {
        let mut entries = self.entries.lock().expect("seat cache");
        if let Some(e) = entries.get(&event.id) {
            return e.clone();
        }
        let entry = Arc::new(Entry {
            event_id: event.id,
            refill: tokio::sync::Notify::new(),
            seats: Mutex::new(None),
            fill: watch::Sender::new(Fill::Filling),
            last_read: Mutex::new(Instant::now()),
        });
        entries.insert(event.id, entry.clone());
        tokio::spawn(keep(Arc::downgrade(self), entry.clone(), event.clone()));
        entry
    }

    fn drop_entry(&self, entry: &Arc<Entry>) {
        let mut entries = self.entries.lock().expect("seat cache");
        if entries
            .get(&entry.event_id)
            .is_some_and(|e| Arc::ptr_eq(e, entry))
        {
            entries.remove(&entry.event_id);
        }
        *entry.seats.lock().expect("seat cache entry") = None;
        entry.fill.send_replace(Fill::Ended);
    }
}

/// Fills an entry and keeps it fresh until the stream breaks, the event goes, or nobody reads
/// it for [`IDLE`]; fills it afresh after a lag or a layout import.
async fn keep(cache: Weak<SeatCache>, entry: Arc<Entry>, event: Event) {
    let event_id = event.id;
    let ended = |why: &str, error: Option<&Error>| {
        match error {
            Some(e) => tracing::info!(%event_id, error = %e, "seat cache: {why}"),
            None => tracing::debug!(%event_id, "seat cache: {why}"),
        }
        if let Some(cache) = cache.upgrade() {
            cache.drop_entry(&entry);
        }
    };
    'fill: loop {
        let Some((feed, store)) = cache.upgrade().map(|c| (c.feed.clone(), c.store.clone())) else {
            return;
        };
        entry.fill.send_replace(Fill::Filling);
        let mut follower = match feed.follow(event_id, None).await {
            Ok(f) => f,
            Err(e) => return ended("cannot follow the event", Some(&e)),
        };
        drop(feed);
        let seats = match store.list_seats(event_id, None, None).await {
            Ok(s) => s,
            Err(e) => return ended("cannot read the seats", Some(&e)),
        };
        *entry.seats.lock().expect("seat cache entry") = Some(Loaded::new(event.clone(), seats));
        entry.fill.send_replace(Fill::At(follower.position()));
        loop {
            let idle = entry.last_read.lock().expect("seat cache entry").elapsed();
            let Some(left) = IDLE.checked_sub(idle).filter(|d| !d.is_zero()) else {
                return ended("not read lately", None);
            };
            let next = tokio::select! {
                next = follower.next() => next,
                () = entry.refill.notified() => continue 'fill,
                () = tokio::time::sleep(left) => continue,
            };
            let changes = match next {
                Ok(Next::Changes(c) | Next::Missed(c)) => c,
                Ok(Next::Lagged | Next::Relayout(_)) => continue 'fill,
                Err(e) => return ended("the stream ended", Some(&e)),
            };
            let mut labels: Vec<String> = changes.iter().map(|c| c.change.seat.clone()).collect();
            labels.sort_unstable();
            labels.dedup();
            let fresh = match store.seats_by_label(event_id, &labels).await {
                Ok(s) => s,
                Err(e) => return ended("cannot read changed seats", Some(&e)),
            };
            let applied = entry
                .seats
                .lock()
                .expect("seat cache entry")
                .as_mut()
                .is_some_and(|l| l.apply(&labels, fresh));
            if !applied {
                // The changes name seats this layout does not have: it was imported again
                // (a change can come before the layout check tells it). Filled afresh after
                // following again, so the fill has these changes.
                continue 'fill;
            }
            entry.fill.send_replace(Fill::At(follower.position()));
        }
    }
}

impl super::Session {
    /// The id of the last change hold (or reservation) `id` of `event_id` made: what a write
    /// answers as `Seatctl-Change-Id`, for a read that must include it (`after`). Errors: exit
    /// 6 when the database is down.
    pub async fn last_change_of(&self, event_id: Uuid, id: Uuid) -> Result<Option<i64>> {
        self.store().await?.last_change_of(event_id, id).await
    }

    /// A seat cache over the session's database, kept fresh by `feed`. Errors: exit 6 when
    /// the database is down.
    pub async fn seat_cache(&self, feed: Arc<ChangeFeed>) -> Result<Arc<SeatCache>> {
        Ok(SeatCache::new(feed, self.store().await?))
    }

    /// The JSON of `GET /v1/events/{event}/seats` (`status`, `section`) or of the map (see
    /// [`View`]): from `cache` when it can answer, else from the database. `after`: a change
    /// id (from the change stream, or a write's answer) that the answer must include
    /// (read-your-writes). Errors: exit 4 / 404 (no such event or section), 2 / 400 (`after`
    /// not a change of this event), 6 / 503 (the database is down).
    pub async fn seats_json(
        &self,
        cache: Option<&Arc<SeatCache>>,
        event: &str,
        view: View,
        after: Option<i64>,
    ) -> Result<Bytes> {
        let store = self.store().await?;
        let event = match self.remembered_event(event) {
            Some(e) => e,
            None => {
                let found = store.find_event(event).await?;
                self.remember_event(event, &found);
                found
            }
        };
        let after = match after {
            Some(id) => Some(store.change_cursor(event.id, id).await?.ok_or_else(|| {
                Error::invalid(format!(
                    "{id} is not the id of a change of this event (`after` takes a change \
                     stream id, or a write's Seatctl-Change-Id)"
                ))
            })?),
            None => None,
        };
        if let Some(cache) = cache
            && let Some(body) = cache.read(&event, &view, after).await?
        {
            metrics::counter!(crate::metrics::SEAT_READS, "from" => "memory").increment(1);
            return Ok(body);
        }
        metrics::counter!(crate::metrics::SEAT_READS, "from" => "database").increment(1);
        let id = event.id.to_string();
        let body = match view {
            View::Seats { status, section } => {
                let (seats, _) = self
                    .seats_and_areas(&id, status, section.as_deref())
                    .await?;
                serde_json::to_vec(&seats)
            }
            View::Map { section } => {
                let (event, seats, _) = self.seat_map(&id, section.as_deref(), &[]).await?;
                serde_json::to_vec(&SeatMap::new(event, seats, None))
            }
        };
        Ok(Bytes::from(body.expect("seats serialise")))
    }
}
