//! What a clerk does at the box office: choose the event, sell (pick, hold, then reserve,
//! release or extend), refund; and, on the way out, let go of a hold still open.

use chrono::Utc;
use dialoguer::FuzzySelect;

use super::Desk;
use crate::app::changes::Next;
use crate::app::{BestOrder, HoldOrder};
use crate::commands::watch::LiveMap;
use crate::contract::HoldInfo;
use crate::domain::pick::{HOW_TO_PICK, check_limit, pick};
use crate::domain::{Event, Seat};
use crate::error::{Error, Result};
use crate::ui::map::{MapStyle, render_in_play};

impl Desk<'_> {
    fn event(&self) -> &Event {
        self.event
            .as_ref()
            .expect("an event is chosen before selling")
    }

    pub(super) async fn serve(&mut self) -> Result<()> {
        if self.event.is_none() && !self.choose_event().await? {
            return Ok(());
        }
        loop {
            // A backend that stopped answering is waited out, never the end of the session:
            // what was in hand (an open hold) is kept and taken up again.
            let counts = self
                .ctx
                .event_with_counts(&self.event().id.to_string())
                .await;
            let counts = match counts {
                Ok((_, counts)) => counts,
                Err(e) => {
                    self.ride_out(e).await?;
                    continue;
                }
            };
            if self.held.is_some() {
                if let Err(e) = self.settle().await {
                    self.ride_out(e).await?;
                }
                continue;
            }
            let title = format!(
                "{} · {} of {} seats available",
                self.event().name,
                counts.available,
                counts.total
            );
            let items = [
                "Sell seats",
                "Refund a reservation",
                "Show the map",
                "Switch event",
                "Quit",
            ]
            .map(String::from);
            let done = match self.select(&title, &items)? {
                Some(0) => self.sell().await,
                Some(1) => self.refund().await,
                Some(2) => self.live_map().await,
                Some(3) => self.choose_event().await.map(drop),
                _ => return Ok(()),
            };
            if let Err(e) = done {
                self.ride_out(e).await?;
            }
        }
    }

    /// After an error: the database or Redis not answering (or an answer lost) is said, and the
    /// clerk chooses to try again (the session goes on where it was) or to leave (exit 6).
    /// Any other error ends the session as before.
    async fn ride_out(&mut self, e: Error) -> Result<()> {
        if !e.is_outage() {
            return Err(e);
        }
        self.warn(&e);
        let question = "The database or Redis is not answering. Try again?";
        if self.confirm(question, true)? {
            self.revive().await;
            Ok(())
        } else {
            Err(e)
        }
    }

    /// Before trying again after an outage: connections the server dropped meanwhile are
    /// used up here, not by the clerk's next try.
    async fn revive(&self) {
        if let Ok(store) = self.ctx.store().await {
            store
                .revive(self.ctx.settings.config.database.max_connections + 1)
                .await;
        }
    }

    /// Fuzzy-selects an event; false when the user backs out.
    async fn choose_event(&mut self) -> Result<bool> {
        let events = self.ctx.list_events().await?;
        if events.is_empty() {
            return Err(Error::not_found(
                "there are no events yet: create one with `seatctl event create` (or run \
                 `seatctl demo`)",
            ));
        }
        let items: Vec<String> = events
            .iter()
            .map(|e| {
                let venue = e
                    .event
                    .venue
                    .as_deref()
                    .map(|v| format!(" · {v}"))
                    .unwrap_or_default();
                format!(
                    "{}{venue} · {} of {} available",
                    e.event.name, e.counts.available, e.counts.total
                )
            })
            .collect();
        let chosen = self.ask(|theme| {
            FuzzySelect::with_theme(theme)
                .with_prompt("Event (type to filter)")
                .items(&items)
                .default(0)
                .interact_on_opt(&self.term)
        })?;
        let Some(i) = chosen else { return Ok(false) };
        self.event = Some(self.ctx.find_event(&events[i].event.id.to_string()).await?);
        Ok(true)
    }

    /// The map, redrawn as seats change (sold here, at another terminal or over HTTP: the
    /// change stream tells it) until a key is pressed. Ctrl-C ends the session.
    async fn live_map(&mut self) -> Result<()> {
        use crossterm::event::{self, Event as Key, KeyCode, KeyEventKind, KeyModifiers};
        /// Leaves raw mode however the map ends.
        struct Cooked;
        impl Drop for Cooked {
            fn drop(&mut self) {
                let _ = crossterm::terminal::disable_raw_mode();
            }
        }
        let feed = match &self.feed {
            Some(feed) => feed.clone(),
            None => self.feed.insert(self.ctx.change_feed(true).await?).clone(),
        };
        let id = self.event().id.to_string();
        // Following first, reading after: no change falls between the two.
        let (event, _, mut follower) = self.ctx.follow_changes(&feed, &id, None, None).await?;
        let mut map = LiveMap::new(&event.name, self.seats().await?, &self.ctx.ui, None);
        let term_error =
            |e: std::io::Error| Error::Unavailable(format!("cannot use the terminal: {e}"));
        let draw = |map: &LiveMap| {
            // Raw mode: every line ends in \r\n.
            let frame = map.frame(&self.ctx.ui, "live, any key to go back");
            self.term.write_str(&frame.replace('\n', "\r\n"))
        };
        crossterm::terminal::enable_raw_mode().map_err(term_error)?;
        let _cooked = Cooked;
        draw(&map).map_err(term_error)?;
        loop {
            if self.interrupted.load(std::sync::atomic::Ordering::SeqCst) {
                return Err(super::prompt::interrupted());
            }
            if event::poll(std::time::Duration::ZERO).map_err(term_error)?
                && let Key::Key(key) = event::read().map_err(term_error)?
                && key.kind != KeyEventKind::Release
            {
                if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
                    return Err(super::prompt::interrupted());
                }
                return Ok(());
            }
            let wait = std::time::Duration::from_millis(100);
            let Ok(next) = tokio::time::timeout(wait, follower.next()).await else {
                continue;
            };
            match next? {
                Next::Changes(changes) => map.apply(&changes, false),
                Next::Missed(changes) => map.apply(&changes, true),
                // Too slow for its own feed, or a new layout: follow again from now and read
                // the seats again.
                Next::Lagged | Next::Relayout(_) => {
                    follower = self.ctx.follow_changes(&feed, &id, None, None).await?.2;
                    map.relayout(self.seats().await?);
                }
            }
            draw(&map).map_err(term_error)?;
        }
    }

    async fn seats(&self) -> Result<Vec<Seat>> {
        self.ctx
            .seats(&self.event().id.to_string(), None, None)
            .await
    }

    /// The sections at a glance, or the section in play around `selected`, sized to leave the
    /// pick's remarks and the prompt on the screen.
    fn show_in_play(&self, seats: &[Seat], selected: &[String]) {
        let style = MapStyle {
            color: self.ctx.ui.color,
            width: self.ctx.ui.width,
        };
        let (rows, _) = self.term.size();
        let max_lines = (rows as usize).saturating_sub(8).max(8);
        let _ = self
            .term
            .write_str(&render_in_play(seats, style, selected, max_lines));
    }

    async fn sell(&mut self) -> Result<()> {
        let seats = self.seats().await?;
        self.show_in_play(&seats, &[]);
        // Wrapped at word boundaries to the terminal, not cut mid-word by it.
        let cols = (self.term.size().1 as usize).clamp(20, 100);
        self.say(&crate::output::wrap(HOW_TO_PICK, cols - 1));
        let max = self.ctx.settings.config.reservation.max_seats_per_hold as usize;
        loop {
            let text = self.input("Seats")?;
            if text.is_empty() {
                return Ok(());
            }
            // A read lost to an outage is asked again, the pick kept.
            let seats = loop {
                match self.seats().await {
                    Ok(seats) => break seats,
                    Err(e) => self.ride_out(e).await?,
                }
            };
            // The same limit as `hold`, on the seats the text comes to (ranges expanded).
            let picked =
                pick(&text, &seats).and_then(|p| check_limit(p.labels.len(), max).map(|()| p));
            let picked = match picked {
                Ok(p) => p,
                Err(e) => {
                    self.warn(&e);
                    continue;
                }
            };
            self.show_in_play(&seats, &picked.labels);
            for remark in &picked.remarks {
                self.say(remark);
            }
            let ttl_ms = self.ctx.ttl_ms(None)?;
            let question = format!(
                "Hold {} for {}?",
                picked.labels.join(", "),
                crate::duration::HumanDuration(std::time::Duration::from_millis(ttl_ms as u64))
            );
            if !self.confirm(&question, true)? {
                continue;
            }
            // `best N`: the same request as `hold --best` (which picks again if another
            // terminal takes the previewed seats first); labels: exactly those seats. Its
            // idempotency key makes asking again after a lost answer safe: a hold that was
            // made is answered, never made twice.
            let order = HoldOrder {
                event: self.event().id.to_string(),
                seats: if picked.best.is_some() {
                    Vec::new()
                } else {
                    picked.labels.clone()
                },
                best: picked.best.as_ref().map(|b| BestOrder {
                    n: b.n as u32,
                    section: b.section.clone(),
                    category: b.category.clone(),
                    accessible: b.accessible as u32,
                }),
                holder: Some(self.actor.who.clone()),
                idempotency_key: Some(uuid::Uuid::new_v4().to_string()),
                ..HoldOrder::default()
            };
            let held = loop {
                match self.ctx.hold(&order).await {
                    Err(e) if e.is_outage() => {
                        self.warn(&e);
                        let again = "The database or Redis is not answering. Try again (the \
                                     same request: a hold already made is not made twice)?";
                        if !self.confirm(again, true)? {
                            self.say("If the hold was made, it lapses by itself.");
                            return Ok(());
                        }
                        self.revive().await;
                    }
                    other => break other,
                }
            };
            match held.map(|held| held.hold) {
                Ok(hold) => {
                    let (mut got, mut shown) = (hold.seats.clone(), picked.labels.clone());
                    got.sort();
                    shown.sort();
                    if got != shown {
                        self.say(&format!(
                            "{} taken by another terminal meanwhile: held the next best instead.",
                            picked.labels.join(", ")
                        ));
                    }
                    self.closed.holds += 1;
                    self.held = Some(hold);
                    return self.settle().await;
                }
                // Someone was quicker: say so and let the customer choose again.
                Err(
                    e @ (Error::Conflict(_)
                    | Error::Contended(_)
                    | Error::NotFound(_)
                    | Error::SeatsTaken { .. }
                    | Error::UnknownSeats { .. }),
                ) => {
                    self.warn(&e);
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// The customer decides: reserve, release or more time.
    async fn settle(&mut self) -> Result<()> {
        while let Some(hold) = self.held.clone() {
            // What the customer is to pay, when the event has prices.
            let to_pay = self
                .ctx
                .total_of(hold.event_id, &hold.seats)
                .await
                .map(|t| {
                    format!(
                        " · {}",
                        crate::commands::reservations::total_line(Some(&t))
                            .trim_start_matches("\nTotal: ")
                    )
                })
                .unwrap_or_default();
            self.say(&format!("hold id: {}", hold.hold_id));
            // The time left counts down while the clerk and the customer decide.
            let status = || {
                let left = (hold.expires_at - Utc::now()).num_seconds().max(0);
                format!(
                    "Held {} until {} ({}:{:02} left){to_pay}",
                    hold.seats.join(", "),
                    self.ctx.ui.clock(&hold.expires_at),
                    left / 60,
                    left % 60,
                )
            };
            let items = [
                "Reserve (the customer pays)",
                "Release (the customer declines)",
                "Extend the hold",
            ]
            .map(String::from);
            match self.select_counting(&status, "Then?", &items)? {
                Some(0) => {
                    let customer = self.input("Customer name")?;
                    if customer.is_empty() {
                        self.warn(&Error::invalid("a reservation needs the customer's name"));
                        continue;
                    }
                    let reference = self.input("Reference (order or payment id; optional)")?;
                    let reference = Some(reference).filter(|r| !r.is_empty());
                    let done = self
                        .ctx
                        .reserve(
                            hold.hold_id,
                            Some(&customer),
                            reference.as_deref(),
                            &self.actor,
                        )
                        .await;
                    match done {
                        Ok(r) => {
                            self.held = None;
                            self.closed.reservations += 1;
                            let to_pay = r
                                .total
                                .as_ref()
                                .map(|t| format!(" · to pay: {}", t.price))
                                .unwrap_or_default();
                            self.say(&format!(
                                "Reserved {} for {customer}{to_pay}. reservation id: {}",
                                r.seats.join(", "),
                                r.reservation_id
                            ));
                        }
                        Err(e @ Error::HoldLapsed { .. }) => {
                            self.held = None;
                            self.warn(&e);
                        }
                        Err(e) => return Err(e),
                    }
                }
                Some(1) => {
                    self.release_hold(&hold).await?;
                }
                Some(2) => match self.ctx.extend(hold.hold_id, None).await {
                    Ok(h) => self.held = Some(h),
                    Err(e @ Error::HoldLapsed { .. }) => {
                        self.held = None;
                        self.warn(&e);
                    }
                    Err(e) => return Err(e),
                },
                // Esc: a hold is never left behind by accident.
                _ => {
                    let q = format!("Release the hold on {}?", hold.seats.join(", "));
                    if self.confirm(&q, true)? {
                        self.release_hold(&hold).await?;
                    }
                }
            }
        }
        Ok(())
    }

    async fn release_hold(&mut self, hold: &HoldInfo) -> Result<()> {
        let r = self.ctx.release(hold.hold_id, &self.actor, false).await?;
        self.held = None;
        self.say(&format!(
            "Released {}: back on sale.",
            if r.seats.is_empty() {
                hold.seats.join(", ")
            } else {
                r.seats.join(", ")
            }
        ));
        Ok(())
    }

    async fn refund(&mut self) -> Result<()> {
        let query = self.input("Customer name or reference (empty: back)")?;
        if query.is_empty() {
            return Ok(());
        }
        let found = self
            .ctx
            .find_reservations(self.event().id, &query, 20)
            .await?;
        if found.is_empty() {
            self.say(&format!(
                "No active reservation for {} matches `{query}`.",
                self.event().name
            ));
            return Ok(());
        }
        let mut items: Vec<String> = found
            .iter()
            .map(|r| {
                format!(
                    "{} · {} · {} · {}",
                    r.customer.as_deref().unwrap_or("(no name)"),
                    r.reference.as_deref().unwrap_or("(no reference)"),
                    r.seats.join(" "),
                    self.ctx.ui.time(&r.created_at)
                )
            })
            .collect();
        items.push("Back".into());
        let Some(i) = self
            .select("Which reservation?", &items)?
            .filter(|i| *i < found.len())
        else {
            return Ok(());
        };
        let r = &found[i];
        let question = format!(
            "Refund {}: release seats {}? They go back on sale",
            r.customer.as_deref().unwrap_or("this reservation"),
            r.seats.join(", ")
        );
        if !self.confirm(&question, false)? {
            self.say("Nothing was released.");
            return Ok(());
        }
        let released = self
            .ctx
            .release(r.reservation_id, &self.actor, true)
            .await?;
        if released.already_released {
            self.say("Another terminal had already released this reservation.");
        } else {
            self.closed.refunds += 1;
            self.say(&format!(
                "Refunded: {} back on sale. reservation id: {}",
                released.seats.join(", "),
                r.reservation_id
            ));
        }
        Ok(())
    }

    /// On the way out with a hold still open: release it, or say how to.
    pub(super) async fn let_go(&mut self) {
        let Some(hold) = self.held.take() else {
            return;
        };
        match self
            .ctx
            .release(hold.hold_id, &self.actor, false)
            .await
        {
            Ok(_) => self.say(&format!(
                "Released the open hold on {} before leaving.",
                hold.seats.join(", ")
            )),
            Err(e) => self.say(&format!(
                "Could not release hold {} ({}): {e}. It lapses at {}, or run `seatctl release {}`.",
                hold.hold_id,
                hold.seats.join(", "),
                self.ctx.ui.clock(&hold.expires_at),
                hold.hold_id
            )),
        }
    }
}
