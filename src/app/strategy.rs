//! The two concurrency strategies over the same guarded transactions.
//! `occ`: try, and on a lost race roll back and retry with jittered backoff.
//! `redis`: take every seat's lock first (all or none), then the same guarded transaction, so
//! a lock that lapsed mid-operation still cannot double-book: the database has the last word.

use std::collections::HashMap;
use std::time::Duration;

use tracing::{debug, instrument};

use uuid::Uuid;

use crate::config::{Config, Strategy};
use crate::contract::{BlockChange, HoldInfo, Released, ReservationInfo};
use crate::domain::best;
use crate::error::{Error, Result};
use crate::store::redis::Locks;
use crate::store::{Actor, Attempt, Fault, HoldRequest, Store};

/// What an operation cost, for callers that report it (the simulator).
#[derive(Debug, Clone, Default)]
pub struct Effort {
    /// Attempts after the first.
    pub retries: u32,
    /// Attempts that found a seat lock held by another terminal.
    pub lock_busy: u32,
    /// Attempts whose guarded write found a seat changed since it was read.
    pub version_conflicts: u32,
    /// Locks that had lapsed or been taken over by the time we released them.
    pub locks_lost: u32,
    /// How long each try took (lock, attempt, unlock), in order.
    pub tries: Vec<Duration>,
}

/// The one path of every seat-state change (hold, extend, reserve, release, block, unblock):
/// the configured strategy, its retries and, under `redis`, the seat locks.
#[derive(Clone)]
pub struct Reserver {
    store: Store,
    strategy: Strategy,
    max_retries: u32,
    /// `reservation.max_hold_lifetime` in ms: no hold outlives it, however it is extended.
    lifetime_ms: i64,
    locks: Option<Locks>,
    /// The longest any one database round of an operation may take before its answer is
    /// given up as unknown: `database.statement_timeout` (the server's own bound) plus
    /// `database.connect_timeout` (the network). A frozen server or a partition on an open
    /// connection is caught here, which no server-side timeout can do.
    op_bound: std::time::Duration,
    /// Seats this process's best-available holds are taking (shared by every clone and
    /// [`Reserver::with_store`]), so buyers choosing at once each take a different block.
    claims: std::sync::Arc<Claims>,
    /// Where best-available's row walk may start for a request like this one (shared too).
    skips: std::sync::Arc<Skips>,
    /// Row walk steps read lately, for buyers of this process walking the same rows (shared).
    steps: std::sync::Arc<Steps>,
    /// Tells the change stream's followers of this process's changes (shared).
    announcer: std::sync::Arc<crate::store::changes::Announcer>,
}

/// One step of a best-available row walk: the rows read, and the blocks found in them.
pub(crate) struct WalkStep {
    /// Seats of the rows read (of the category asked for; no places of areas), layout order.
    seats: Vec<crate::domain::Seat>,
    /// The blocks among them, best first ([`best::candidates`]).
    cands: Vec<best::Pick>,
    /// The last row read, `(section_pos, row_pos)`; `None` when no row was left to read.
    last: Option<(i64, i64)>,
    /// Taken before the read: holds of this process made since then may not show in it.
    ticket: Ticket,
}

/// A row walk step's request: the request's shape, the row it reads after, how many rows.
type StepKey = (SkipKey, (i64, i64), i64);

/// Row walk steps read lately. Under load many buyers of one process (a server's requests, a
/// simulation's buyers) walk the same rows within milliseconds; while other buyers of the
/// process are holding seats of the event, a step read less than [`STEP_SHARED_FOR`] ago is
/// used again instead of being read again, and buyers reaching a step while it is being read
/// wait for that read rather than sending their own. A buyer alone always reads afresh. That costs
/// nothing in truth: the seats this process has held since the read are claimed for it (its
/// ticket), a seat another process took meanwhile is a lost race that the version guard
/// catches (and a lost race forgets the event's steps, so the retry reads afresh), and a seat
/// freed meanwhile is only offered a little later.
#[derive(Default)]
pub(crate) struct Steps(std::sync::Mutex<HashMap<StepKey, (std::time::Instant, StepCell)>>);

/// A step, read once by whichever buyer needs it first.
type StepCell = std::sync::Arc<tokio::sync::OnceCell<std::sync::Arc<WalkStep>>>;

/// How long a row walk step is used again by other buyers of the process.
const STEP_SHARED_FOR: Duration = Duration::from_millis(200);

impl Steps {
    /// The step's cell: the one being read or read lately (when `shared`), or a new one to read.
    fn cell(&self, key: &StepKey, shared: bool) -> StepCell {
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((at, cell)) = map.get(key)
            && shared
            && at.elapsed() < STEP_SHARED_FOR
        {
            return cell.clone();
        }
        if map.len() > 256 {
            map.retain(|_, (at, _)| at.elapsed() < STEP_SHARED_FOR);
        }
        let cell = StepCell::default();
        map.insert(key.clone(), (std::time::Instant::now(), cell.clone()));
        cell
    }

    /// Forgets the event's steps (a lost race: they are out of date).
    fn forget(&self, event: Uuid) {
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        map.retain(|((e, ..), ..), _| *e != event);
    }
}

/// A best-available request's shape: event, section, category, party size.
type SkipKey = (Uuid, Option<String>, Option<String>, usize);

/// Under load, the front rows of a stadium fill up with leftovers where no party of N fits
/// without stranding a seat, and every buyer would read them again on every try. A process
/// remembers, for [`SKIP_FOR`], the row after which its last walk for a request of the same
/// shape found a perfect block, and while other buyers of the process are holding seats of the
/// event at that moment (claims; under load) starts the next walk there; a walk that finds none
/// past it walks again from the front, so a pick is never worse than "side by side, stranding
/// nothing" while one exists. A row before the mark that regained room (a release) within that
/// time is passed over then: under load, the next-best rows are taken instead. A buyer alone
/// (a `hold` process, a clerk) always walks from the front, so its pick is the very best.
#[derive(Default)]
pub(crate) struct Skips(std::sync::Mutex<HashMap<SkipKey, SkipMark>>);

/// The row a walk may start after, and until when that holds.
type SkipMark = ((i64, i64), std::time::Instant);

/// How long a row walk's starting mark is trusted.
const SKIP_FOR: Duration = Duration::from_secs(1);

impl Skips {
    fn get(&self, key: &SkipKey) -> Option<(i64, i64)> {
        let now = std::time::Instant::now();
        let map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        map.get(key).filter(|(_, t)| *t > now).map(|(at, _)| *at)
    }

    fn set(&self, key: SkipKey, at: Option<(i64, i64)>) {
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let now = std::time::Instant::now();
        if map.len() > 1024 {
            map.retain(|_, (_, t)| *t > now);
        }
        match at {
            Some(at) => {
                map.insert(key, (at, now + SKIP_FOR));
            }
            None => {
                map.remove(&key);
            }
        }
    }
}

/// The contention-aware pick: seats a best-available hold of this process is taking right
/// now, by event and label. Another buyer of the process skips blocks that share a seat with
/// them and takes the best block that shares none (beside them, around a row's centre) instead
/// of the same block, which all but one buyer would lose and retry. A claim lasts while its
/// hold is under way; once the hold is made, its seats stay claimed only for buyers whose read
/// of the rows began before that (their read may not show the hold: a ticket, taken before the
/// read, tells), so a buyer never reaches for seats this process has just taken, and a buyer
/// who reads afterwards sees them as the database says. The database stays the judge: claims
/// only steer choices, and buyers in other processes meet the version guard as before.
#[derive(Default)]
pub(crate) struct Claims(std::sync::Mutex<ClaimBook>, tokio::sync::Notify);

/// What [`Claims`] keeps: the seats being held now, and the seats of holds made lately with
/// the ticket number each was made at.
#[derive(Default)]
struct ClaimBook {
    /// The next ticket number.
    next: u64,
    /// Seats a hold of this process is taking, by event.
    taking: HashMap<Uuid, std::collections::HashSet<String>>,
    /// Seats of holds made lately: (ticket number when made, event, labels), oldest first.
    made: std::collections::VecDeque<(u64, Uuid, Vec<String>, std::time::Instant)>,
}

/// How long the seats of a hold just made are remembered for reads that began before it (a
/// read takes milliseconds; one older than this only risks a lost race, never a wrong sale).
const MADE_KEPT: Duration = Duration::from_secs(2);

/// A number taken before reading the rows: holds made at or after it may not show in the read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Ticket(u64);

impl ClaimBook {
    /// Whether `label` is being taken, or was taken by a hold the read of `ticket` may miss.
    fn claimed(&self, event: Uuid, ticket: Ticket, label: &str) -> bool {
        self.taking.get(&event).is_some_and(|s| s.contains(label))
            || self
                .made
                .iter()
                .rev()
                .take_while(|(at, ..)| *at >= ticket.0)
                .any(|(_, e, labels, _)| *e == event && labels.iter().any(|l| l == label))
    }

    fn free(&self, event: Uuid, ticket: Ticket, pick: &best::Pick) -> bool {
        !pick.labels.iter().any(|l| self.claimed(event, ticket, l))
    }
}

impl Claims {
    fn lock(&self) -> std::sync::MutexGuard<'_, ClaimBook> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A ticket for a read about to begin.
    fn ticket(&self) -> Ticket {
        Ticket(self.lock().next)
    }

    /// Claims one of `picks` (in rank order) none of whose seats is claimed for a read of
    /// `ticket`: at random among the first `spread` of those unclaimed ([`best::choose`]; the
    /// first with a spread of 1), if any is unclaimed.
    fn claim_among<'a>(
        &self,
        event: Uuid,
        ticket: Ticket,
        picks: impl IntoIterator<Item = &'a best::Pick>,
        spread: usize,
    ) -> Option<&'a best::Pick> {
        let mut book = self.lock();
        let pick = best::choose(
            picks.into_iter().filter(|p| book.free(event, ticket, p)),
            spread,
        )?;
        book.taking
            .entry(event)
            .or_default()
            .extend(pick.labels.iter().cloned());
        Some(pick)
    }

    /// Whether buyers of this process are holding seats of the event right now.
    fn busy(&self, event: Uuid) -> bool {
        self.lock()
            .taking
            .get(&event)
            .is_some_and(|s| !s.is_empty())
    }

    /// Whether one of `picks` has no seat claimed for a read of `ticket`.
    fn any_free<'a>(
        &self,
        event: Uuid,
        ticket: Ticket,
        picks: impl IntoIterator<Item = &'a best::Pick>,
    ) -> bool {
        let book = self.lock();
        picks.into_iter().any(|p| book.free(event, ticket, p))
    }

    /// Waits until a hold of this process is answered ([`Claims::settle`]), or `at_most`.
    async fn settled(&self, at_most: Duration) {
        let _ = tokio::time::timeout(at_most, self.1.notified()).await;
    }

    /// Ends the claims of a hold that has been answered; `made` when it was made, so reads
    /// that began before now still count its seats as taken. Wakes buyers waiting in
    /// [`Claims::settled`].
    fn settle(&self, event: Uuid, labels: &[String], made: bool) {
        let _wake = Wake(&self.1);
        let mut book = self.lock();
        if let Some(seats) = book.taking.get_mut(&event) {
            for l in labels {
                seats.remove(l);
            }
            if seats.is_empty() {
                book.taking.remove(&event);
            }
        }
        let now = std::time::Instant::now();
        while book
            .made
            .front()
            .is_some_and(|(.., at)| now.duration_since(*at) > MADE_KEPT)
        {
            book.made.pop_front();
        }
        if made {
            let at = book.next;
            book.next += 1;
            book.made.push_back((at, event, labels.to_vec(), now));
        }
    }
}

/// Wakes the buyers waiting for a hold to be answered when dropped (after the book is unlocked).
struct Wake<'a>(&'a tokio::sync::Notify);

impl Drop for Wake<'_> {
    fn drop(&mut self) {
        self.0.notify_waiters();
    }
}

/// How long a best-available buyer waits, in all, for other buyers of this process to finish
/// taking every block it could take, before answering `Contended` (exit 3). Their holds take
/// milliseconds; a loaded machine can stretch them to seconds, and a wait is not a lost race.
const CLAIMS_WAIT_MAX: Duration = Duration::from_secs(10);

impl Reserver {
    /// Connects to Redis when the strategy needs it; never falls back to the other strategy.
    pub async fn new(
        store: Store,
        strategy: Strategy,
        config: &Config,
        redis_url: &str,
    ) -> Result<Reserver> {
        let locks = match strategy {
            Strategy::Occ => None,
            Strategy::Redis => Some(Locks::connect(redis_url, &config.redis).await?),
        };
        Ok(Reserver {
            announcer: crate::store::changes::Announcer::new(store.clone()),
            store,
            strategy,
            max_retries: config.occ.max_retries,
            lifetime_ms: config.reservation.max_hold_lifetime.0.as_millis() as i64,
            locks,
            op_bound: config.database.statement_timeout.0 + config.database.connect_timeout.0,
            claims: Default::default(),
            skips: Default::default(),
            steps: Default::default(),
        })
    }

    /// Awaits one database round within `op_bound`. Errors: `Timeout` (exit 6, outcome
    /// unknown: a change may have been made) when the answer does not come in time.
    async fn bounded<T>(&self, round: impl Future<Output = Result<T>>) -> Result<T> {
        match tokio::time::timeout(self.op_bound, round).await {
            Ok(r) => r,
            Err(_) => Err(Error::Timeout(format!(
                "no answer from the database within {}s (database.statement_timeout + \
                 database.connect_timeout): whether the change took effect is unknown; look it \
                 up, or retry with the same --idempotency-key",
                self.op_bound.as_secs_f64()
            ))),
        }
    }

    /// The same strategy and Redis connection over another store: workers that each own a
    /// database connection can still share one multiplexed Redis connection.
    pub fn with_store(&self, store: Store) -> Reserver {
        Reserver {
            store,
            strategy: self.strategy,
            max_retries: self.max_retries,
            lifetime_ms: self.lifetime_ms,
            locks: self.locks.clone(),
            op_bound: self.op_bound,
            claims: self.claims.clone(),
            skips: self.skips.clone(),
            steps: self.steps.clone(),
            announcer: self.announcer.clone(),
        }
    }

    /// Closes the database connections this Reserver holds (its own pool; clones share it),
    /// once this process's announcements of its changes are sent (at most 1 s): a change made
    /// just before is told to followers at once, not at their next look.
    pub async fn close(&self) {
        crate::store::changes::settle_announcements(std::time::Duration::from_secs(1)).await;
        self.store.close().await;
    }

    /// The strategy this Reserver applies (`occ` or `redis`).
    pub fn strategy(&self) -> Strategy {
        self.strategy
    }

    /// The database it writes through (for reads that go with a change).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Holds every seat of `req` or none. Errors: exit 3 (`SeatsTaken`, or every try lost a
    /// race: `Contended`), 4 (`UnknownSeats`, without suggestions: the session adds them), 6.
    #[instrument(name = "hold", skip_all, fields(strategy = %self.strategy, event = %req.event_id, seats = ?req.labels))]
    pub async fn hold(&self, req: &HoldRequest<'_>, effort: &mut Effort) -> Result<HoldInfo> {
        // A retry with an idempotency key may find the seats taken by its own earlier hold:
        // only the attempt itself can tell.
        let taking = req.idempotency_key.is_none();
        // No hold outlives reservation.max_hold_lifetime: a longer TTL is cut to it, and said.
        let capped = req.ttl_ms > self.lifetime_ms;
        let req = &HoldRequest {
            ttl_ms: req.ttl_ms.min(self.lifetime_ms),
            ..*req
        };
        // The first try skips seats locked by others; later tries wait for them.
        let tries = std::sync::atomic::AtomicU32::new(0);
        let mut hold = self
            .run(req.event_id, req.labels, taking, effort, || {
                let n = tries.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                self.store.try_hold(req, n > 0)
            })
            .await?;
        hold.lifetime_capped |= capped && !hold.replayed;
        Ok(hold)
    }

    /// Holds the `n` best available seats (see `domain::best`), adjacent in one row when
    /// possible. Under contention it re-reads and re-picks rather than fighting over one block.
    /// Returns the hold and the pick it made (together? stranding a seat?); no pick for a
    /// retry answered with the hold its idempotency key made earlier.
    #[instrument(name = "hold_best", skip_all, fields(strategy = %self.strategy, event = %template.event_id, n = want.n))]
    pub async fn hold_best(
        &self,
        template: &HoldRequest<'_>,
        want: best::Want,
        section: Option<&str>,
        category: Option<&str>,
        effort: &mut Effort,
    ) -> Result<(HoldInfo, Option<best::Pick>)> {
        // A retry of a request already answered: its hold, though no seats may be left now.
        if let Some(hold) = self.replayed(template).await? {
            return Ok((hold, None));
        }
        let mut last = None;
        let waiting_until = std::time::Instant::now() + CLAIMS_WAIT_MAX;
        let (mut attempt, mut waited) = (0, false);
        while attempt <= self.max_retries {
            if attempt > 0 && !std::mem::take(&mut waited) {
                effort.retries += 1;
                debug!(
                    attempt,
                    "best seats taken by another terminal meanwhile: picking again"
                );
                // What was read is out of date (or this process's own holds since the read hide
                // seats freed again): the next try reads afresh.
                self.steps.forget(template.event_id);
                tokio::time::sleep(backoff(attempt)).await;
            }
            let step = self
                .candidates(template.event_id, section, category, want)
                .await?;
            let (cands, seats, ticket) = (&step.cands, &step.seats, step.ticket);
            if cands.is_empty() {
                let free = seats
                    .iter()
                    .filter(|s| s.status == crate::domain::SeatStatus::Available)
                    .count();
                let accessible_available = seats
                    .iter()
                    .filter(|s| {
                        s.status == crate::domain::SeatStatus::Available && s.attributes.accessible
                    })
                    .count();
                return Err(Error::NotEnoughSeats {
                    asked: want.n,
                    available: free,
                    accessible_asked: want.accessible,
                    accessible_available,
                    section: section.map(str::to_string),
                    category: category.map(str::to_string),
                });
            }
            // The first try: the best block sharing no seat with one another buyer of this
            // process is taking. After a collision (with another process), at random among
            // more of the best of those, so racing terminals stop reaching for the same block.
            let spread = if attempt == 0 {
                1
            } else {
                BEST_SPREAD * attempt as usize
            };
            let Some(pick) = self
                .claims
                .claim_among(template.event_id, ticket, cands, spread)
            else {
                // Other buyers of this process are taking every one of them: not a lost race,
                // so no try is spent. Wait for one of them to be answered, then read afresh
                // (what they made is then in the database; what they lost is free again).
                let now = std::time::Instant::now();
                if now >= waiting_until {
                    last = Some(Error::Contended(format!(
                        "other buyers of this process kept taking the best seats for {}s; \
                         try again",
                        CLAIMS_WAIT_MAX.as_secs()
                    )));
                    break;
                }
                self.claims
                    .settled((waiting_until - now).min(Duration::from_millis(50)))
                    .await;
                self.steps.forget(template.event_id);
                waited = true;
                continue;
            };
            let req = HoldRequest {
                labels: &pick.labels,
                ..*template
            };
            let held = self.hold(&req, effort).await;
            self.claims
                .settle(template.event_id, &pick.labels, held.is_ok());
            match held {
                Ok(hold) => return Ok((hold, Some(pick.clone()))),
                // Taken meanwhile; or, unknown, read before a new layout replaced them (the
                // walk's reads are shared for a while): the next try reads afresh.
                Err(
                    e
                    @ (Error::Conflict(_) | Error::SeatsTaken { .. } | Error::UnknownSeats { .. }),
                ) => last = Some(e),
                Err(e) => return Err(e),
            }
            attempt += 1;
        }
        // Every try lost a race: the seats a lost try names were never asked for by this
        // buyer, so the answer is "try again", not "taken".
        Err(match last {
            Some(e @ (Error::Contended(_) | Error::UnknownSeats { .. })) => e,
            _ => Error::Contended(format!(
                "other terminals took the best seats {} times in a row; try again",
                self.max_retries + 1
            )),
        })
    }

    /// Holds `quantity` places of the general-admission area `area` (of `capacity` places), all
    /// or none: reads that many free places starting at a random one (so racing buyers spread
    /// over the area instead of all reaching for place 1), holds them as seats are held (the
    /// version guard in the database; under redis, each place's lock), and on a lost race reads
    /// again. The area can never be oversold: each place has one owner. Errors: exit 3
    /// (`AreaFull` with what is left, or `Contended`), 6.
    #[instrument(name = "hold_area", skip_all, fields(strategy = %self.strategy, event = %template.event_id, area, quantity))]
    pub async fn hold_area(
        &self,
        template: &HoldRequest<'_>,
        area: &str,
        capacity: i64,
        quantity: usize,
        effort: &mut Effort,
    ) -> Result<HoldInfo> {
        // A retry of a request already answered: its hold, though the area may be full now.
        if let Some(hold) = self.replayed(template).await? {
            return Ok(hold);
        }
        let mut last = None;
        for attempt in 0..=self.max_retries {
            if attempt > 0 {
                effort.retries += 1;
                tokio::time::sleep(backoff(attempt)).await;
            }
            let from = fastrand::i64(1..=capacity.max(1));
            let places = self
                .bounded(
                    self.store
                        .free_places(template.event_id, area, from, quantity as i64),
                )
                .await?;
            if places.len() < quantity {
                return Err(Error::AreaFull {
                    area: area.to_string(),
                    asked: quantity,
                    available: places.len(),
                });
            }
            let req = HoldRequest {
                labels: &places,
                ..*template
            };
            match self.hold(&req, effort).await {
                Ok(hold) => return Ok(hold),
                Err(e @ (Error::Conflict(_) | Error::SeatsTaken { .. } | Error::Contended(_))) => {
                    last = Some(e)
                }
                // A layout replace renumbered or removed places since they were read: a lost
                // race too, never "no such seat" to a buyer who named none.
                Err(Error::UnknownSeats { .. }) => {
                    last = Some(Error::conflict(
                        "the area's places changed while holding them; try again",
                    ))
                }
                Err(e) => return Err(e),
            }
        }
        Err(last.unwrap_or_else(|| Error::conflict("could not hold the places; try again")))
    }

    /// The hold an earlier request with this idempotency key made (see [`Store::replay`]), for
    /// requests that choose their seats before holding them.
    async fn replayed(&self, req: &HoldRequest<'_>) -> Result<Option<HoldInfo>> {
        if req.idempotency_key.is_none() || req.key_is_new {
            return Ok(None);
        }
        self.bounded(self.store.replay(req)).await
    }

    /// Best-available candidates (see `domain::best`) and the seats they were judged on.
    /// For parties without wheelchair spaces the event (or section) is read a few rows at a
    /// time, in layout order, only rows with at least as many free seats as the party
    /// (`Store::seats_of_free_rows`): the first rows that hold a perfect block (side by side,
    /// stranding no seat, spending no accessible seat) hold the best pick of the whole event,
    /// as sections and rows rank in layout order after those, so a stadium is not read whole
    /// for one party and memory stays bounded by the rows read. Without a perfect block, every
    /// row where the party fits is judged together (the batches grow, so that costs few round
    /// trips); where it fits side by side nowhere, the event is read whole for seats apart.
    /// Parties with wheelchair spaces read the event (or section) whole. Errors: exit 6.
    async fn candidates(
        &self,
        event_id: Uuid,
        section: Option<&str>,
        category: Option<&str>,
        want: best::Want,
    ) -> Result<std::sync::Arc<WalkStep>> {
        let keep = |seats: &mut Vec<crate::domain::Seat>| {
            if let Some(cat) = category {
                best::only_category(seats, cat);
            }
            // Places of general-admission areas are no seats to pick.
            seats.retain(|s| !s.area);
        };
        // The whole event (or section) read at once, for a request no row walk serves.
        let whole = |ticket: Ticket| async move {
            let mut seats = self
                .bounded(self.store.list_seats(event_id, None, section))
                .await?;
            keep(&mut seats);
            Ok::<_, Error>(std::sync::Arc::new(WalkStep {
                cands: best::candidates(&seats, want),
                seats,
                last: None,
                ticket,
            }))
        };
        if want.accessible > 0 {
            return whole(self.claims.ticket()).await;
        }
        let key: SkipKey = (
            event_id,
            section.map(str::to_string),
            category.map(str::to_string),
            want.n,
        );
        // Other buyers of this process are holding seats of the event right now (under load):
        // the walk may start at the mark and use steps read lately. A buyer alone reads afresh.
        let busy = self.claims.busy(event_id);
        let mut starts = vec![(-1, -1)];
        if busy && let Some(mark) = self.skips.get(&key) {
            starts.insert(0, mark);
        }
        let mut walked: Vec<std::sync::Arc<WalkStep>> = Vec::new();
        for start in starts {
            walked.clear();
            let mut after = start;
            let mut rows = FIRST_ROWS_READ;
            loop {
                let from = after;
                let step_key: StepKey = (key.clone(), after, rows);
                let cell = self.steps.cell(&step_key, busy);
                let step = cell
                    .get_or_try_init(|| async {
                        // Taken before the read: holds made from now on may not show in it.
                        let ticket = self.claims.ticket();
                        debug!(?after, rows, n = want.n, "best available: reading rows");
                        let mut seats = self
                            .bounded(self.store.seats_of_free_rows(
                                event_id,
                                section,
                                category,
                                after,
                                rows,
                                want.n as i64,
                            ))
                            .await?;
                        let last = seats.last().map(|s| (s.section_pos, s.row_pos));
                        keep(&mut seats);
                        Ok::<_, Error>(std::sync::Arc::new(WalkStep {
                            cands: best::candidates(&seats, want),
                            seats,
                            last,
                            ticket,
                        }))
                    })
                    .await?
                    .clone();
                let Some(last) = step.last else { break };
                after = last;
                // A perfect block that no other buyer of this process is taking.
                if step
                    .cands
                    .first()
                    .is_some_and(|p| p.together && p.orphans == 0 && p.access_spent == 0)
                    && self.claims.any_free(
                        event_id,
                        step.ticket,
                        step.cands
                            .iter()
                            .take_while(|p| p.orphans == 0 && p.access_spent == 0),
                    )
                {
                    self.skips.set(key, Some(from));
                    return Ok(step);
                }
                walked.push(step);
                rows = (rows * 2).min(MAX_ROWS_READ);
            }
        }
        self.skips.set(key, None);
        // Every row where the party fits side by side has been read: the best block among
        // them is the event's. With none anywhere, seats apart, from the whole event.
        let oldest = walked
            .iter()
            .map(|s| s.ticket)
            .min()
            .unwrap_or_else(|| self.claims.ticket());
        let all: Vec<_> = walked
            .iter()
            .flat_map(|s| s.seats.iter().cloned())
            .collect();
        let cands = best::candidates(&all, want);
        if cands.first().is_some_and(|p| p.together) {
            return Ok(std::sync::Arc::new(WalkStep {
                cands,
                seats: all,
                last: None,
                ticket: oldest,
            }));
        }
        whole(oldest).await
    }

    /// Extends an active hold to `ttl_ms` from now. Errors: exit 3 (`HoldClosed`), 4, 5
    /// (`HoldLapsed`), 6.
    pub async fn extend(
        &self,
        hold_id: Uuid,
        ttl_ms: i64,
        effort: &mut Effort,
    ) -> Result<HoldInfo> {
        self.extend_with(hold_id, ttl_ms, None, effort).await
    }

    /// [`Reserver::extend`] with a fault injected (the simulator's sabotage for its tests).
    #[instrument(name = "extend", skip_all, fields(strategy = %self.strategy, hold = %hold_id))]
    pub async fn extend_with(
        &self,
        hold_id: Uuid,
        ttl_ms: i64,
        fault: Option<Fault>,
        effort: &mut Effort,
    ) -> Result<HoldInfo> {
        let (event_id, labels) = self.seats_of(hold_id).await?;
        let guarded = fault != Some(Fault::UnguardedExtend);
        self.run(event_id, &labels, false, effort, || {
            self.store
                .try_extend(hold_id, ttl_ms, self.lifetime_ms, guarded)
        })
        .await
    }

    /// Turns an active hold into a reservation (idempotent). Errors: exit 3 (`HoldClosed`), 4,
    /// 5 (`HoldLapsed`), 6.
    #[instrument(name = "reserve", skip_all, fields(strategy = %self.strategy, hold = %hold_id))]
    pub async fn reserve(
        &self,
        hold_id: Uuid,
        customer: Option<&str>,
        reference: Option<&str>,
        actor: &Actor,
        effort: &mut Effort,
    ) -> Result<ReservationInfo> {
        let (event_id, labels) = self.seats_of(hold_id).await?;
        self.run(event_id, &labels, false, effort, || {
            self.store.try_reserve(hold_id, customer, reference, actor)
        })
        .await
    }

    /// Releases a hold or a reservation (idempotent); a hold that has become a reservation
    /// only with `refund_reserved`. Errors: exit 3 (`HoldReserved`), 4 (no such id), 6.
    #[instrument(name = "release", skip_all, fields(strategy = %self.strategy, id = %id))]
    pub async fn release(
        &self,
        id: Uuid,
        actor: &Actor,
        refund_reserved: bool,
        effort: &mut Effort,
    ) -> Result<Released> {
        let (event_id, labels) = self.seats_of(id).await?;
        self.run(event_id, &labels, false, effort, || async {
            Ok(Attempt::Done(
                self.store.release(id, actor, refund_reserved).await?,
            ))
        })
        .await
    }

    /// A partial refund of reservation `res_id` (`labels` exactly as stored; see
    /// [`Store::release_seats`]) through the strategy: under `redis`, the seats' locks first,
    /// as for every seat change. Errors: as `Store::release_seats`, and 6 when Redis is down.
    pub async fn release_seats(
        &self,
        event_id: Uuid,
        res_id: Uuid,
        labels: &[String],
        actor: &Actor,
        effort: &mut Effort,
    ) -> Result<Released> {
        self.run(event_id, labels, false, effort, || async {
            Ok(Attempt::Done(
                self.store.release_seats(res_id, labels, actor).await?,
            ))
        })
        .await
    }

    /// Blocks (`reason` given) or unblocks the seats, all or none, through the same strategy,
    /// locks and retries as every other state change.
    #[instrument(name = "block", skip_all, fields(strategy = %self.strategy, event = %event_id, block = reason.is_some()))]
    pub async fn set_blocked(
        &self,
        event_id: Uuid,
        labels: &[String],
        reason: Option<&str>,
        actor: &Actor,
        effort: &mut Effort,
    ) -> Result<BlockChange> {
        self.run(event_id, labels, false, effort, || {
            self.store
                .try_set_blocked(event_id, labels, reason.is_some(), reason, actor)
        })
        .await
    }

    /// The event and seat labels an existing hold (or reservation) covers, for its locks.
    /// Only the redis strategy needs them: occ skips the round trip (the nil event; `run`
    /// announces the event its result names).
    async fn seats_of(&self, id: Uuid) -> Result<(Uuid, Vec<String>)> {
        if self.locks.is_none() {
            return Ok((Uuid::nil(), Vec::new()));
        }
        self.bounded(self.store.seats_of(id)).await
    }

    /// One operation under the strategy: lock (redis), attempt, unlock; retry lost races.
    /// `taking`: a hold (without idempotency key). Under redis it first checks the seats are
    /// free, and answers "taken" at once instead of queueing on locks for seats it cannot get.
    /// Announces the outcome's event to the change stream's followers in every process; when
    /// the outcome is unknown (`Indeterminate`), `event_id`, or every event if that is nil.
    async fn run<T: OfEvent, F, Fut>(
        &self,
        event_id: Uuid,
        labels: &[String],
        taking: bool,
        effort: &mut Effort,
        mut attempt: F,
    ) -> Result<T>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<Attempt<T>>>,
    {
        // A version conflict is a lost race: retried up to occ.max_retries times. A busy lock
        // is another terminal at work on these seats right now: its answer comes within the
        // lease, so wait for it (with backoff) up to redis.lock_ttl rather than give up while
        // the seats may still be free.
        let busy_until = self
            .locks
            .as_ref()
            .map(|l| std::time::Instant::now() + l.ttl());
        let mut conflicts = 0u32;
        let mut pause = 0u32;
        loop {
            if pause > 0 {
                effort.retries += 1;
                tokio::time::sleep(backoff(pause)).await;
            }
            pause += 1;
            let started = std::time::Instant::now();
            let held = match &self.locks {
                None => None,
                Some(locks) => {
                    if taking {
                        // Seats already taken need no lock to say so; losers that lock them
                        // anyway would only make their owner's reserve wait.
                        let check = self.store.explain_unavailable::<()>(event_id, labels);
                        if let Err(e) = self.bounded(check).await {
                            effort.tries.push(started.elapsed());
                            return Err(e);
                        }
                    }
                    let keys = labels.iter().map(|l| locks.seat_key(event_id, l)).collect();
                    match locks.try_lock(keys).await? {
                        Some(held) => Some(held),
                        None => {
                            // A hold's next try re-checks the seats before locking again.
                            effort.lock_busy += 1;
                            metrics::counter!(crate::metrics::LOCK_BUSY).increment(1);
                            debug!(try_no = pause, "seat lock busy: another terminal holds it");
                            effort.tries.push(started.elapsed());
                            if busy_until.is_some_and(|t| std::time::Instant::now() < t) {
                                continue;
                            }
                            return Err(Error::Contended(format!(
                                "these seats stayed locked by other terminals for longer than \
                                 redis.lock_ttl ({:?}); try again",
                                locks.ttl()
                            )));
                        }
                    }
                }
            };
            let result = self.bounded(attempt()).await;
            if let (Some(locks), Some(held)) = (&self.locks, held) {
                // A failed unlock only leaves a lease to lapse; the outcome stands.
                if let Ok(lost) = locks.unlock(held).await {
                    effort.locks_lost += lost as u32;
                    if lost > 0 {
                        metrics::counter!(crate::metrics::LOCK_LOST).increment(lost as u64);
                        debug!(
                            lost,
                            "seat locks had lapsed or been taken over before unlock"
                        );
                    }
                }
            }
            effort.tries.push(started.elapsed());
            let outcome = match result {
                Ok(outcome) => outcome,
                Err(e) => {
                    debug!(try_no = pause, error = %e, "attempt failed");
                    if matches!(e, Error::Indeterminate(_)) {
                        // It may have been committed: followers look (and find it, or not);
                        // every follower when the event was not looked up (nil).
                        self.announcer.announce(event_id);
                    }
                    return Err(e);
                }
            };
            match outcome {
                Attempt::Done(value) => {
                    debug!(try_no = pause, took = ?started.elapsed(), "done");
                    // The change stream's followers, in every process, hear of it.
                    self.announcer.announce(value.event_id());
                    return Ok(value);
                }
                Attempt::LostRace => {
                    effort.version_conflicts += 1;
                    debug!(
                        try_no = pause,
                        "version conflict: a seat changed since it was read; retrying"
                    );
                }
            }
            conflicts += 1;
            if conflicts > self.max_retries {
                debug!(
                    tries = conflicts,
                    "gave up: every try lost a race (occ.max_retries)"
                );
                return Err(Error::Contended(format!(
                    "these seats are being changed by other terminals: gave up after {} tries \
                     (occ.max_retries = {}); try again",
                    self.max_retries + 1,
                    self.max_retries
                )));
            }
        }
    }
}

/// An outcome of a seat change: the event whose followers are told of it.
trait OfEvent {
    fn event_id(&self) -> Uuid;
}

macro_rules! of_event {
    ($($t:ty),*) => {$(
        impl OfEvent for $t {
            fn event_id(&self) -> Uuid {
                self.event_id
            }
        }
    )*};
}
of_event!(HoldInfo, ReservationInfo, Released, BlockChange);

/// Best-available's first read: this many rows with a free seat (then twice as many, up to
/// [`MAX_ROWS_READ`], while no perfect block is found).
const FIRST_ROWS_READ: i64 = 1;
const MAX_ROWS_READ: i64 = 256;

/// How many more of the best candidate blocks a buyer picks among, at random, after each
/// collision (the first try takes the very best).
const BEST_SPREAD: usize = 4;

/// Exponential backoff from 2 ms, capped at 100 ms, with full jitter so racing terminals spread.
fn backoff(attempt: u32) -> Duration {
    let cap = (2u64 << attempt.min(6)).min(100);
    Duration::from_micros(fastrand::u64(500..=cap * 1000))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(labels: &[&str]) -> best::Pick {
        best::Pick {
            labels: labels.iter().map(|l| l.to_string()).collect(),
            together: true,
            orphans: 0,
            access_spent: 0,
        }
    }

    /// A buyer finding every block claimed waits for a hold to be answered, not for its bound.
    #[test]
    fn a_settled_hold_wakes_the_buyers_waiting_for_it() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        rt.block_on(async {
            let claims = std::sync::Arc::new(Claims::default());
            let event = Uuid::new_v4();
            let a = pick(&["A-1", "A-2"]);
            claims.claim_among(event, claims.ticket(), [&a], 1).unwrap();
            let waiter = {
                let claims = claims.clone();
                tokio::spawn(async move {
                    let started = tokio::time::Instant::now();
                    claims.settled(Duration::from_secs(600)).await;
                    started.elapsed()
                })
            };
            tokio::task::yield_now().await;
            claims.settle(event, &a.labels, true);
            let waited = tokio::time::timeout(Duration::from_secs(60), waiter)
                .await
                .expect("the waiting buyer was not woken")
                .unwrap();
            assert!(waited < Duration::from_secs(600), "{waited:?}");
        });
    }

    #[test]
    fn a_claim_lasts_while_its_hold_is_under_way() {
        let claims = Claims::default();
        let event = Uuid::new_v4();
        let (a, b) = (pick(&["A-1", "A-2"]), pick(&["A-2", "A-3"]));
        let t = claims.ticket();
        assert_eq!(claims.claim_among(event, t, [&a], 1), Some(&a));
        assert!(claims.busy(event));
        // Sharing a seat with a hold under way: not free, whatever the ticket.
        assert!(!claims.any_free(event, claims.ticket(), [&b]));
        assert_eq!(claims.claim_among(event, claims.ticket(), [&b], 1), None);
        // Another event's seats are not claimed.
        assert!(claims.any_free(Uuid::new_v4(), t, [&b]));
        // A hold not made: its seats are free again for every read.
        claims.settle(event, &a.labels, false);
        assert!(!claims.busy(event));
        assert!(claims.any_free(event, t, [&b]));
    }

    #[test]
    fn a_hold_made_is_claimed_only_for_reads_that_began_before_it() {
        let claims = Claims::default();
        let event = Uuid::new_v4();
        let (a, b) = (pick(&["A-1", "A-2"]), pick(&["A-2", "A-3"]));
        let before = claims.ticket();
        claims.claim_among(event, before, [&a], 1).unwrap();
        let during = claims.ticket();
        claims.settle(event, &a.labels, true);
        let after = claims.ticket();
        // A read begun before the hold was made may not show it: its seats stay claimed.
        assert!(!claims.any_free(event, before, [&b]));
        assert!(!claims.any_free(event, during, [&b]));
        // A read begun after it shows the seats as the database has them.
        assert!(claims.any_free(event, after, [&b]));
        assert_eq!(claims.claim_among(event, after, [&b], 1), Some(&b));
        // The first pick free for the read is taken, in rank order.
        let c = pick(&["B-1", "B-2"]);
        claims.settle(event, &b.labels, false);
        assert_eq!(claims.claim_among(event, before, [&b, &c], 4), Some(&c));
    }

    #[test]
    fn a_step_is_shared_only_under_load_and_only_while_fresh() {
        let steps = Steps::default();
        let event = Uuid::new_v4();
        let key: StepKey = ((event, None, None, 2), (-1, -1), 1);
        let first = steps.cell(&key, true);
        // Buyers under load reaching the same step share its read (one read, not one each).
        assert!(std::sync::Arc::ptr_eq(&first, &steps.cell(&key, true)));
        // A buyer alone reads afresh.
        let alone = steps.cell(&key, false);
        assert!(!std::sync::Arc::ptr_eq(&first, &alone));
        // A lost race forgets the event's steps.
        steps.forget(event);
        assert!(!std::sync::Arc::ptr_eq(&alone, &steps.cell(&key, true)));
    }

    #[test]
    fn backoff_grows_and_stays_bounded() {
        for attempt in 0..20 {
            let d = backoff(attempt);
            assert!(
                d >= Duration::from_micros(500) && d <= Duration::from_millis(100),
                "{d:?}"
            );
        }
    }
}
