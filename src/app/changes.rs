//! The change stream: every committed seat change of an event, told to whoever follows it
//! (`seatctl watch`, `GET /v1/events/{event}/changes`), in order, each once, whichever
//! process made it.
//!
//! A process keeps one [`ChangeFeed`]: one listener (PostgreSQL `LISTEN`, or a poll on
//! SQLite) and, per event someone follows, one reader that reads new changes once and passes
//! them to every follower through a bounded broadcast. A follower that joins with a cursor
//! (`Last-Event-ID`) first reads what it missed from the history table, page by page, up to
//! where the shared reader stood when it joined; then it takes the shared reader's pages,
//! skipping what it has. A follower too slow for the broadcast's 128 pages is told so
//! ([`Next::Lagged`]) and should resume with its last id: nothing is buffered for it without
//! bound.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock, Weak};
use std::time::Duration;

use bytes::Bytes;
use tokio::sync::{Notify, broadcast};
use uuid::Uuid;

use crate::contract::SeatChange;
use crate::error::{Error, Result};
use crate::store::Store;
use crate::store::changes::{ChangeRow, Cursor, Heard};

/// Changes read at once, by the shared reader or a follower catching up.
const PAGE: i64 = 1_000;
/// Pages a follower may fall behind the shared reader before it is dropped. The pages are
/// shared by every follower; this bounds what a follower that stops reading keeps alive (at
/// most this many pages of up to [`PAGE`] changes).
const BACKLOG: usize = 128;
/// Followers of one event in one process from which its changes are paced ([`pace`]).
const MANY_FOLLOWERS: usize = 100;

/// With [`MANY_FOLLOWERS`] or more, the shortest time between two pages: the changes of that
/// time go out together, since each page costs a write to every follower. 100 µs per follower,
/// from 10 ms up to 100 ms (1 000 followers: 100 ms): from 100 up to 1 000 followers, one
/// event's fan-out makes at most 10 000 socket writes a second, however many follow it, and
/// its changes reach them in larger, rarer writes (`benches/changes.sh` measures holds/s with
/// 1 000 followers against none). The price is latency (up to the pace more), which spreading
/// followers over more replicas lowers.
fn pace(followers: usize) -> Duration {
    (Duration::from_micros(100) * followers as u32)
        .clamp(Duration::from_millis(10), Duration::from_millis(100))
}
/// How often SQLite (no notifications) is asked for new changes.
pub const SQLITE_POLL: Duration = Duration::from_millis(100);

/// One process's view of the change stream. See the module's doc.
pub struct ChangeFeed {
    store: Store,
    topics: Mutex<HashMap<Uuid, Arc<Topic>>>,
    /// Tidy lapsed holds of followed events every [`SWEEP_EVERY`], so that a lapse becomes a
    /// change the stream tells (reads already count a lapsed hold as available; followers
    /// would otherwise never hear of it).
    sweep: bool,
}

/// How often a followed event's lapsed holds are swept.
pub const SWEEP_EVERY: Duration = Duration::from_secs(1);

/// The shared reader of one event's changes.
struct Topic {
    wake: Notify,
    state: Mutex<TopicState>,
    /// The event's layout version when the reader started (read before any follower read the
    /// seats): a newer one is told as [`Page::Relayout`].
    layout: Option<i64>,
}

struct TopicState {
    /// Where the shared reader stands: every change up to it has been sent.
    head: Cursor,
    pages: broadcast::Sender<Page>,
}

/// A change as the stream tells it: the change, and its JSON, serialised once for every
/// follower (cloning one is two reference counts).
#[derive(Debug, Clone)]
pub struct Told {
    pub change: Arc<SeatChange>,
    /// The change as one line of JSON (what an SSE `data:` and `watch --json` carry).
    pub json: Arc<str>,
}

impl Told {
    fn new(change: SeatChange) -> Told {
        let json = serde_json::to_string(&change).expect("a SeatChange serialises");
        Told {
            change: Arc::new(change),
            json: json.into(),
        }
    }
}

/// A page of told changes as the shared reader passes it to every follower of the event.
struct Batch {
    /// Each change's place in the stream (ascending).
    cursors: Box<[Cursor]>,
    told: Box<[Told]>,
    /// The page as a front end writes it ([`Changes::rendered`]), rendered by the first
    /// follower given it whole, for every other.
    rendered: OnceLock<Bytes>,
}

impl Batch {
    fn new(rows: Vec<ChangeRow>) -> Batch {
        let (cursors, told) = rows
            .into_iter()
            .map(|r| (r.cursor, Told::new(r.change)))
            .unzip::<_, _, Vec<_>, Vec<_>>();
        Batch {
            cursors: cursors.into(),
            told: told.into(),
            rendered: OnceLock::new(),
        }
    }
}

/// Changes given to a follower ([`Next::Changes`], [`Next::Missed`]): a slice of [`Told`]
/// (never empty), in stream order.
pub struct Changes(Given);

enum Given {
    /// A page of the shared reader, whole: the same for every follower that takes it.
    Whole(Arc<Batch>),
    /// The changes of a page a follower wanted (a section's, or those after its cursor), or
    /// read while catching up.
    Some(Vec<Told>),
}

impl std::ops::Deref for Changes {
    type Target = [Told];
    fn deref(&self) -> &[Told] {
        match &self.0 {
            Given::Whole(batch) => &batch.told,
            Given::Some(told) => told,
        }
    }
}

impl std::fmt::Debug for Changes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Changes {
    /// These changes as `render` writes them. A whole page is rendered once, by its first
    /// follower, and shared with every other (a clone of [`Bytes`] is a reference count):
    /// so every caller in a process must pass the same rendering (the server's SSE frames).
    pub fn rendered(&self, render: impl FnOnce(&[Told]) -> Bytes) -> Bytes {
        match &self.0 {
            Given::Whole(batch) => batch.rendered.get_or_init(|| render(&batch.told)).clone(),
            Given::Some(told) => render(told),
        }
    }
}

/// What the shared reader passes to followers.
#[derive(Clone)]
enum Page {
    /// Settled changes after the last page's, in stream order.
    Changes(Arc<Batch>),
    /// The event's layout was replaced (imported again): its seats are not the ones they were.
    Relayout(i64),
}

impl ChangeFeed {
    /// Starts a process's feed: its listener runs until the feed is dropped. With `sweep`,
    /// each followed event's lapsed holds are swept every second (as `seatctl sweep EVENT`
    /// does; left off for good if the database refuses it to this login). Errors: exit 6 when
    /// PostgreSQL cannot be reached to listen.
    pub async fn start(store: Store, sweep: bool) -> Result<Arc<ChangeFeed>> {
        let mut listener = store.change_listener(SQLITE_POLL).await?;
        let feed = Arc::new(ChangeFeed {
            store,
            topics: Mutex::new(HashMap::new()),
            sweep,
        });
        let weak: Weak<ChangeFeed> = Arc::downgrade(&feed);
        tokio::spawn(async move {
            let mut pause = Duration::from_millis(100);
            loop {
                let heard = listener.next().await;
                let Some(feed) = weak.upgrade() else { return };
                match heard {
                    Ok(heard) => {
                        pause = Duration::from_millis(100);
                        feed.wake(heard);
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "change stream: cannot listen; trying again");
                        drop(feed);
                        tokio::time::sleep(pause).await;
                        pause = (pause * 2).min(Duration::from_secs(5));
                    }
                }
            }
        });
        Ok(feed)
    }

    fn wake(&self, heard: Heard) {
        let topics = self.topics.lock().expect("change topics");
        match heard {
            Heard::Event(id) => {
                if let Some(topic) = topics.get(&id) {
                    topic.wake.notify_one();
                }
            }
            Heard::Any => topics.values().for_each(|t| t.wake.notify_one()),
        }
    }

    /// Follows the event's changes: after the change with history id `after`, or from now.
    /// Errors: exit 2 when `after` is not a change of this event, 6 when the database is down.
    pub async fn follow(self: &Arc<Self>, event_id: Uuid, after: Option<i64>) -> Result<Follower> {
        let from =
            match after {
                Some(id) => Some(self.store.change_cursor(event_id, id).await?.ok_or_else(
                    || {
                        Error::invalid(format!(
                            "{id} is not the id of a change of this event (resume after the \
                             last id the stream gave: an SSE id, or `id` in `watch --json`)"
                        ))
                    },
                )?),
                None => None,
            };
        // A new shared reader starts from now: where that is is read before the map is
        // locked, and read again if the reader was made and ended meanwhile.
        let mut head = None;
        let (pages, joined_at) = loop {
            {
                let mut topics = self.topics.lock().expect("change topics");
                let topic = match (topics.get(&event_id), head) {
                    (Some(t), _) => Some(t.clone()),
                    (None, Some((head, layout))) => {
                        let (pages, _) = broadcast::channel(BACKLOG);
                        let topic = Arc::new(Topic {
                            wake: Notify::new(),
                            state: Mutex::new(TopicState { head, pages }),
                            layout,
                        });
                        topics.insert(event_id, topic.clone());
                        tokio::spawn(read_changes(
                            Arc::downgrade(self),
                            self.store.clone(),
                            event_id,
                            topic.clone(),
                            self.sweep,
                        ));
                        Some(topic)
                    }
                    (None, None) => None,
                };
                // Subscribing under the map's lock: the reader only ends (for want of
                // followers) under it too, so it cannot end and leave this one unserved.
                if let Some(topic) = topic {
                    let state = topic.state.lock().expect("change topic");
                    break (state.pages.subscribe(), state.head);
                }
            }
            let layout = self
                .store
                .followed_event(event_id)
                .await?
                .map(|(layout, _)| layout);
            head = Some((self.store.change_head(event_id).await?, layout));
        };
        let cursor = from.unwrap_or(joined_at);
        Ok(Follower {
            store: self.store.clone(),
            event_id,
            cursor,
            catch_up_to: joined_at,
            pages,
            section: None,
        })
    }
}

/// An event's shared reader: waits to be woken (a notification, a poll), reads the changes
/// after its head a page at a time and sends those settled; when some are not settled yet
/// (an older transaction is still running), looks again shortly. With `sweep`, sweeps the
/// event's lapsed holds every [`SWEEP_EVERY`]. Ends when no one follows.
async fn read_changes(
    feed: Weak<ChangeFeed>,
    store: Store,
    event_id: Uuid,
    topic: Arc<Topic>,
    sweep: bool,
) {
    let sweep = Arc::new(AtomicBool::new(sweep));
    let mut last_page = tokio::time::Instant::now();
    let sweeping = Arc::new(AtomicBool::new(false));
    let mut head = topic.state.lock().expect("change topic").head;
    let mut recheck: Option<Duration> = None;
    let mut failing = Duration::from_millis(100);
    let mut withheld = Duration::ZERO;
    let (mut checked, mut gone) = (tokio::time::Instant::now(), false);
    let mut layout = topic.layout;
    let sweeper = super::actor("sweep");
    loop {
        // Also a tick every second: a change whose announcement was lost (its process died
        // between commit and NOTIFY, a change made by hand) is found within it, and the reader
        // notices when it has no followers left.
        let wait = recheck.unwrap_or(SWEEP_EVERY);
        let _ = tokio::time::timeout(wait, topic.wake.notified()).await;
        // Every second, one query: is the event still there, was its layout imported again,
        // has a hold of it run out of time (then, when allowed, its lapse is swept).
        let mut lapsed = false;
        if checked.elapsed() >= SWEEP_EVERY {
            checked = tokio::time::Instant::now();
            match store.followed_event(event_id).await {
                Ok(None) => gone = true,
                Ok(Some((now, due))) => {
                    if layout.is_some_and(|was| was != now) {
                        // A layout import: followers that keep the seats read them again.
                        let state = topic.state.lock().expect("change topic");
                        let _ = state.pages.send(Page::Relayout(now));
                    }
                    layout = Some(now);
                    lapsed = due;
                }
                Err(_) => {}
            }
        }
        if gone {
            // The event was deleted: its followers are told so (the pages end) and the reader
            // ends.
            if let Some(feed) = feed.upgrade() {
                feed.topics.lock().expect("change topics").remove(&event_id);
            }
            return;
        }
        // The sweep runs beside the reader (it may wait for seat locks), one at a time.
        if lapsed && sweep.load(Ordering::Relaxed) && !sweeping.swap(true, Ordering::AcqRel) {
            let (store, sweeper, sweep, sweeping) = (
                store.clone(),
                sweeper.clone(),
                sweep.clone(),
                sweeping.clone(),
            );
            tokio::spawn(async move {
                match store.sweep(Some(event_id), &sweeper).await {
                    Ok(_) => {}
                    Err(Error::PermissionDenied(why)) => {
                        tracing::info!(%why, "change stream: not allowed to sweep lapsed holds");
                        sweep.store(false, Ordering::Relaxed);
                    }
                    Err(e) => tracing::debug!(error = %e, "change stream: sweep failed"),
                }
                sweeping.store(false, Ordering::Release);
            });
        }
        let followers = {
            let Some(feed) = feed.upgrade() else { return };
            let mut topics = feed.topics.lock().expect("change topics");
            let state = topic.state.lock().expect("change topic");
            let n = state.pages.receiver_count();
            if n == 0 {
                topics.remove(&event_id);
                return;
            }
            n
        };
        // Many followers: a page at most every `pace`, so that changes go out in fewer,
        // larger writes (each page is one write per follower).
        if followers >= MANY_FOLLOWERS {
            tokio::time::sleep_until(last_page + pace(followers)).await;
        }
        recheck = None;
        loop {
            let rows = match store.changes_after(event_id, head, PAGE).await {
                Ok(rows) => {
                    failing = Duration::from_millis(100);
                    rows
                }
                Err(e) => {
                    tracing::warn!(error = %e, %event_id, "change stream: cannot read changes");
                    recheck = Some(failing);
                    failing = (failing * 2).min(Duration::from_secs(5));
                    break;
                }
            };
            let (read, full) = (rows.len(), rows.len() as i64 == PAGE);
            let settled: Vec<ChangeRow> = rows.into_iter().take_while(|r| r.settled).collect();
            let waiting = settled.len() < read;
            if let Some(last) = settled.last() {
                metrics::counter!(crate::metrics::CHANGES).increment(settled.len() as u64);
                let lag = chrono::Utc::now() - last.change.at;
                metrics::histogram!(crate::metrics::CHANGE_LAG)
                    .record(lag.to_std().unwrap_or_default().as_secs_f64());
                head = last.cursor;
                let batch = Arc::new(Batch::new(settled));
                let mut state = topic.state.lock().expect("change topic");
                state.head = head;
                let _ = state.pages.send(Page::Changes(batch));
                last_page = tokio::time::Instant::now();
            }
            if waiting {
                // Changes committed behind a transaction still running: look again soon, then
                // less and less often while it runs (up to every 50 ms: a transaction that
                // ends without announcing, of another event or an autovacuum's, is noticed
                // within that).
                withheld =
                    (withheld * 2).clamp(Duration::from_millis(2), Duration::from_millis(50));
                recheck = Some(withheld);
                break;
            }
            withheld = Duration::ZERO;
            if !full {
                break;
            }
        }
    }
}

/// What a [`Follower`] gets next.
#[derive(Debug)]
pub enum Next {
    /// Changes after the last ones given, in stream order (never empty).
    Changes(Changes),
    /// The same, read from the history while catching up: changes made before the follower
    /// joined, so already part of anything it read after joining.
    Missed(Changes),
    /// The follower fell too far behind and is dropped: it should follow again after the last
    /// id it was given.
    Lagged,
    /// The event's layout was imported again (the new layout version): what was read of its
    /// seats is out of date; the stream goes on. Told within a second of the import.
    Relayout(i64),
}

/// One follower of an event's changes. See [`ChangeFeed::follow`].
pub struct Follower {
    store: Store,
    event_id: Uuid,
    /// After the last change given.
    cursor: Cursor,
    /// Read from the table until here, then from the shared reader.
    catch_up_to: Cursor,
    pages: broadcast::Receiver<Page>,
    /// Only this section's changes (as the layout names it).
    section: Option<String>,
}

impl Follower {
    /// Where the follower stands: every change up to here has been given (or read before it
    /// joined).
    pub fn position(&self) -> Cursor {
        self.cursor
    }

    /// The id of the last change given (the one to resume after), if any was.
    pub fn last_id(&self) -> Option<i64> {
        (self.cursor.id > 0).then_some(self.cursor.id)
    }

    fn wants(&self, change: &SeatChange) -> bool {
        self.section
            .as_deref()
            .is_none_or(|s| change.section.as_deref() == Some(s))
    }

    /// Waits for the next changes. Errors: exit 6 when catching up and the database is down
    /// (the follower may be asked again).
    pub async fn next(&mut self) -> Result<Next> {
        while self.cursor < self.catch_up_to {
            let rows = self
                .store
                .changes_after(self.event_id, self.cursor, PAGE)
                .await?;
            let given: Vec<ChangeRow> = rows
                .into_iter()
                .take_while(|r| r.cursor <= self.catch_up_to)
                .collect();
            match given.last() {
                Some(last) => {
                    self.cursor = last.cursor;
                    let new: Vec<Told> = given
                        .into_iter()
                        .filter(|r| self.wants(&r.change))
                        .map(|r| Told::new(r.change))
                        .collect();
                    if !new.is_empty() {
                        return Ok(Next::Missed(Changes(Given::Some(new))));
                    }
                }
                // Nothing left before the join (the join's place was this follower's own).
                None => self.catch_up_to = self.cursor,
            }
        }
        loop {
            let page = match self.pages.recv().await {
                Ok(Page::Changes(p)) => p,
                Ok(Page::Relayout(version)) => return Ok(Next::Relayout(version)),
                Err(broadcast::error::RecvError::Lagged(_)) => return Ok(Next::Lagged),
                Err(broadcast::error::RecvError::Closed) => {
                    return Err(Error::not_found("the event was deleted"));
                }
            };
            let cursor = self.cursor;
            let Some(&last) = page.cursors.last().filter(|&&c| c > cursor) else {
                continue;
            };
            self.cursor = last;
            if self.section.is_none() && page.cursors[0] > cursor {
                // The whole page: shared, not copied.
                return Ok(Next::Changes(Changes(Given::Whole(page))));
            }
            let new: Vec<Told> = page
                .cursors
                .iter()
                .zip(page.told.iter())
                .filter(|(c, t)| **c > cursor && self.wants(&t.change))
                .map(|(_, t)| t.clone())
                .collect();
            if !new.is_empty() {
                return Ok(Next::Changes(Changes(Given::Some(new))));
            }
        }
    }
}

impl super::Session {
    /// This process's change feed over the session's database (one per process: a server
    /// keeps one for all its streams); `sweep`: see [`ChangeFeed::start`]. Errors: exit 6 when the database is down.
    pub async fn change_feed(&self, sweep: bool) -> Result<Arc<ChangeFeed>> {
        ChangeFeed::start(self.store().await?, sweep).await
    }

    /// Follows an event's committed seat changes (of one section with `section`, found in any
    /// case), after the change with history id `after` or from now. Returns the event and the
    /// section as the layout names it. Errors: exit 4 (no such event or section), 2 (`after`
    /// not a change of this event), 6 (the database is down).
    pub async fn follow_changes(
        &self,
        feed: &Arc<ChangeFeed>,
        event: &str,
        section: Option<&str>,
        after: Option<i64>,
    ) -> Result<(crate::domain::Event, Option<String>, Follower)> {
        let event = self.find_event(event).await?;
        let section = match section {
            Some(s) => Some(self.check_section(event.id, s).await?.section),
            None => None,
        };
        let mut follower = feed.follow(event.id, after).await?;
        follower.section = section.clone();
        Ok((event, section, follower))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pace_grows_with_followers_within_its_bounds() {
        assert_eq!(pace(MANY_FOLLOWERS), Duration::from_millis(10));
        assert_eq!(pace(500), Duration::from_millis(50));
        assert_eq!(pace(1_000), Duration::from_millis(100));
        assert_eq!(pace(100_000), Duration::from_millis(100));
    }
}
