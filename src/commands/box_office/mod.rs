//! `seatctl box-office [EVENT]`: selling at a terminal with a queue in front of it. Choose the
//! event, pick seats on the hall's map, hold them, reserve or release them; refund reservations.

mod flows;
mod prompt;

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::Args;
use console::Term;
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use serde::Serialize;

use super::Ctx;
use crate::app::Actor;
use crate::contract::HoldInfo;
use crate::domain::Event;
use crate::error::{Error, Result};
use crate::output::{Render, Ui};

#[derive(Debug, Args)]
pub struct BoxOfficeArgs {
    /// Event id, name, or unique name prefix [default: choose from a list]
    pub event: Option<String>,
}

/// What a session leaves behind (printed when it ends).
#[derive(Debug, Serialize)]
pub struct Closed {
    pub holds: u32,
    pub reservations: u32,
    pub refunds: u32,
}

impl Render for Closed {
    fn human(&self, _ui: &Ui) -> String {
        format!(
            "Box office closed: {} held, {} reserved, {} refunded this session.\n",
            self.holds, self.reservations, self.refunds
        )
    }
}

impl BoxOfficeArgs {
    pub async fn run(self, ctx: &Ctx) -> Result<Closed> {
        if ctx.ui.json || !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
            return Err(Error::invalid(
                "box-office is interactive and needs a terminal (and no --json); in scripts use \
                 `seatctl hold`, `reserve`, `release`, `map` and `report` (see `seatctl --help`)",
            ));
        }
        // Registering the handler keeps Ctrl-C from killing the process mid-write: it is noted
        // here and acted on once the change in hand is done.
        let interrupted = Arc::new(AtomicBool::new(false));
        let flag = interrupted.clone();
        tokio::spawn(async move {
            while tokio::signal::ctrl_c().await.is_ok() {
                flag.store(true, Ordering::SeqCst);
            }
        });
        let theme: Box<dyn Theme + Send + Sync> = if ctx.ui.color {
            Box::new(ColorfulTheme::default())
        } else {
            Box::new(SimpleTheme)
        };
        let mut desk = Desk {
            ctx,
            event: None,
            term: Term::stderr(),
            theme,
            interrupted,
            held: None,
            actor: ctx.actor(),
            closed: Closed {
                holds: 0,
                reservations: 0,
                refunds: 0,
            },
            feed: None,
        };
        let result = match &self.event {
            Some(e) => match ctx.find_event(e).await {
                Ok(event) => {
                    desk.event = Some(event);
                    desk.serve().await
                }
                Err(e) => Err(e),
            },
            None => desk.serve().await,
        };
        match result {
            Ok(()) => Ok(desk.closed),
            Err(e) => {
                desk.let_go().await;
                Err(e)
            }
        }
    }
}

/// One terminal's session. Every change goes through the same session operations as `hold`,
/// `reserve` and `release`. Nothing is left half-done: a hold made here is reserved, released, or (when the
/// terminal is interrupted or the database fails) released on the way out, and if even that
/// fails its id and expiry are printed. Ctrl-C inside a prompt, or while a change is being
/// written, ends the session after the change in hand is finished; the exit code is 130.
struct Desk<'a> {
    ctx: &'a Ctx,
    event: Option<Event>,
    term: Term,
    theme: Box<dyn Theme + Send + Sync>,
    interrupted: Arc<AtomicBool>,
    /// The hold this terminal made and has not yet reserved or released.
    held: Option<HoldInfo>,
    actor: Actor,
    closed: Closed,
    /// The change feed the live map follows, started by the first map shown.
    feed: Option<Arc<crate::app::changes::ChangeFeed>>,
}
