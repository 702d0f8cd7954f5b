//! `seatctl watch EVENT [--section S]`: the event's seat changes as they are committed, by any
//! process. On a terminal, a live seat map redrawn on every change; in a pipe or with
//! `--json`, one JSON object per change and line (a `SeatChange`, as the HTTP change stream
//! sends). Runs until Ctrl-C or SIGTERM (exit 0).

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::sync::Arc;

use clap::Args;

use super::Ctx;
use crate::app::changes::{Next, Told};
use crate::contract::SeatChange;
use crate::domain::{Seat, SeatStatus};
use crate::error::{Error, Result};
use crate::output::{Report, Ui};
use crate::ui::map::{MapStyle, render};

#[derive(Debug, Args)]
pub struct WatchArgs {
    /// Event id, name, or unique name prefix
    pub event: String,
    /// Only this section's seats and changes
    #[arg(long)]
    pub section: Option<String>,
    /// First tell the changes made after the one with this id (the last `id` an earlier
    /// `watch --json` or change stream told), then go on: nothing missed in between
    #[arg(long, value_name = "ID", value_parser = clap::value_parser!(i64).range(1..))]
    pub after: Option<i64>,
    /// Width to draw the map for [default: the terminal's width, else $COLUMNS, else 80]
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(24..))]
    pub width: Option<u16>,
}

/// What a watch saw, said on stderr when it stops (stdout holds only the map or the changes).
pub struct Watched;

impl Report for Watched {
    fn to_json(&self) -> serde_json::Result<String> {
        Ok(String::new())
    }

    fn to_human(&self, _ui: &Ui) -> String {
        String::new()
    }

    fn exit_code(&self) -> crate::error::ExitCode {
        crate::error::ExitCode::Success
    }
}

impl WatchArgs {
    /// Watches until Ctrl-C or SIGTERM. Errors: exit 4 (no such event or section), 2 (`--after`
    /// is not a change of this event), 6 (the database is down).
    pub async fn run(self, ctx: &Ctx) -> Result<Watched> {
        let stop = crate::stop_signal();
        tokio::pin!(stop);
        // Lapsed holds of the event are swept every second (when this login may), so a lapse
        // is a change like any other.
        let feed = ctx.change_feed(true).await?;
        let (event, section, mut follower) = ctx
            .follow_changes(&feed, &self.event, self.section.as_deref(), self.after)
            .await?;
        let live = !ctx.ui.json && std::io::stdout().is_terminal();
        // Read after following: nothing committed between the two is missed, and what the
        // map already shows (changes told while catching up) is not applied again.
        let mut map = if live {
            let (_, seats, _) = ctx
                .seat_map(&event.id.to_string(), section.as_deref(), &[])
                .await?;
            Some(LiveMap::new(
                &event.name,
                seats,
                &ctx.ui,
                self.width.map(usize::from),
            ))
        } else {
            None
        };
        if let Some(map) = &map {
            map.draw(ctx)?;
        }
        let mut told = 0u64;
        let mut last_told: Option<i64> = None;
        // After falling behind and following again, the changes read to catch up are newer
        // than the map: they are applied, not skipped.
        let mut rejoined = false;
        let mut out = tokio::io::stdout();
        loop {
            let next = tokio::select! {
                () = &mut stop => break,
                next = follower.next() => next?,
            };
            let (changes, missed) = match next {
                Next::Changes(c) => (c, false),
                Next::Missed(c) => (c, !rejoined),
                Next::Lagged => {
                    // This process read too slowly for its own feed: follow again from the
                    // last change told, so nothing is missed.
                    let after = follower.last_id();
                    follower = ctx
                        .follow_changes(&feed, &event.id.to_string(), section.as_deref(), after)
                        .await?
                        .2;
                    rejoined = true;
                    continue;
                }
                Next::Relayout(_) => {
                    // The layout was imported again: the map is read anew (JSON lines go on:
                    // they tell changes, and there were none).
                    if let Some(map) = &mut map {
                        let (_, seats, _) = ctx
                            .seat_map(&event.id.to_string(), section.as_deref(), &[])
                            .await?;
                        map.relayout(seats);
                        map.draw(ctx)?;
                    }
                    continue;
                }
            };
            match &mut map {
                Some(map) => {
                    map.apply(&changes, missed);
                    map.draw(ctx)?;
                }
                None => {
                    // A reader that stopped reading (a full pipe) must not keep a stop signal
                    // from being heard.
                    let text = json_lines(&changes);
                    let written = tokio::select! {
                        () = &mut stop => break,
                        w = async {
                            use tokio::io::AsyncWriteExt;
                            out.write_all(text.as_bytes()).await?;
                            out.flush().await
                        } => w,
                    };
                    match written {
                        Ok(()) => {}
                        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => break,
                        Err(e) => return Err(Error::Internal(e.into())),
                    }
                }
            }
            told += changes.len() as u64;
            last_told = changes.last().map(|c| c.change.id).or(last_told);
        }
        let resume = last_told
            .map(|id| format!("; the last change was {id} (resume with --after {id})"))
            .unwrap_or_default();
        eprintln!(
            "stopped watching {}: {told} changes told{resume}",
            event.name
        );
        Ok(Watched)
    }
}

/// One JSON object per change and line.
fn json_lines(changes: &[Told]) -> String {
    let mut text = String::new();
    for c in changes {
        text.push_str(&c.json);
        text.push('\n');
    }
    text
}

/// The seats as the stream has them, drawn whole on every change (by `watch`, and by the box
/// office's map).
pub(crate) struct LiveMap {
    title: String,
    seats: Vec<Seat>,
    by_label: HashMap<String, usize>,
    width: usize,
    color: bool,
    last: Option<Arc<SeatChange>>,
    told: u64,
}

impl LiveMap {
    pub(crate) fn new(event: &str, seats: Vec<Seat>, ui: &Ui, width: Option<usize>) -> LiveMap {
        let mut map = LiveMap {
            title: event.to_string(),
            seats: Vec::new(),
            by_label: HashMap::new(),
            width: width.unwrap_or(ui.width),
            color: ui.color,
            last: None,
            told: 0,
        };
        map.relayout(seats);
        map
    }

    /// Takes a new layout's seats.
    pub(crate) fn relayout(&mut self, seats: Vec<Seat>) {
        self.by_label = seats
            .iter()
            .enumerate()
            .map(|(i, s)| (s.label.clone(), i))
            .collect();
        self.seats = seats;
    }

    /// Applies changes; `missed` ones (made before the map was read) are counted, not
    /// applied: the map already shows them.
    pub(crate) fn apply(&mut self, changes: &[Told], missed: bool) {
        self.told += changes.len() as u64;
        self.last = changes.last().map(|c| c.change.clone());
        if missed {
            return;
        }
        for c in changes.iter().map(|c| &*c.change) {
            let (Some(&i), Ok(status)) = (self.by_label.get(&c.seat), c.to_status.parse()) else {
                continue;
            };
            let seat = &mut self.seats[i];
            seat.status = status;
            seat.hold_id = c.hold_id.filter(|_| status == SeatStatus::Held);
            seat.reservation_id = c.reservation_id.filter(|_| status == SeatStatus::Reserved);
        }
    }

    /// Clears the screen and draws the title, the map and the last change on stdout.
    fn draw(&self, ctx: &Ctx) -> Result<()> {
        let text = self.frame(&ctx.ui, "watching, Ctrl-C to stop");
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())
            .and_then(|()| out.flush())
            .map_err(|e| Error::Internal(e.into()))
    }

    /// The screen: cleared, then the title with `doing` and the count told, the map and the
    /// last change.
    pub(crate) fn frame(&self, ui: &Ui, doing: &str) -> String {
        let style = MapStyle {
            color: self.color,
            width: self.width,
        };
        let last = match &self.last {
            Some(c) => format!(
                "last change {}: {} {} → {}{} at {}",
                c.id,
                c.seat,
                c.from_status,
                c.to_status,
                c.actor
                    .as_deref()
                    .map(|a| format!(" by {a}"))
                    .unwrap_or_default(),
                ui.clock(&c.at)
            ),
            None => "no change yet".to_string(),
        };
        format!(
            "\x1b[H\x1b[2J{} — {doing} ({} changes told)\n{}\n{}\n",
            self.title,
            self.told,
            render(&self.seats, style),
            last
        )
    }
}
