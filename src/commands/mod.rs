//! One module per subcommand: each owns its `Args` and an `async fn run(self, &Ctx)` that
//! returns a printable result. This module holds what they share.

pub mod apikey;
pub mod audit;
pub mod block;
pub mod box_office;
pub mod completions;
pub mod db;
pub mod demo;
pub mod doctor;
pub mod event;
pub mod layout;
pub mod listing;
pub mod man;
pub mod map;
pub mod price;
pub mod report;
pub mod reservations;
pub mod seats;
pub mod serve;
pub mod simulate;
pub mod watch;

use std::io::IsTerminal;

use crate::app::Session;
use crate::cli::Command;
use crate::error::{Error, Result};
use crate::output::{Report, Ui};

/// What a command runs with: the application session and the output decisions. Commands reach
/// the session's settings and operations through `Deref` (`ctx.store()`, `ctx.settings`).
pub struct Ctx {
    pub app: Session,
    pub ui: Ui,
}

impl std::ops::Deref for Ctx {
    type Target = Session;

    fn deref(&self) -> &Session {
        &self.app
    }
}

impl Ctx {
    /// Asks a yes/no question on the terminal; without one, `--yes` is required instead.
    pub fn confirm(&self, question: &str, yes: bool, flag_hint: &str) -> Result<bool> {
        if yes {
            return Ok(true);
        }
        if self.ui.json || !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
            return Err(Error::invalid(format!(
                "{question} Not asking without a terminal: pass {flag_hint} to confirm"
            )));
        }
        // Enter confirms the answer typed: a `y` inside another word never deletes anything.
        // Ctrl-C is an interruption (exit 130), not a bad answer.
        let answer = dialoguer::Confirm::new()
            .with_prompt(question)
            .default(false)
            .wait_for_newline(true)
            .interact();
        match answer {
            Ok(yes) => Ok(yes),
            Err(dialoguer::Error::IO(e)) if e.kind() == std::io::ErrorKind::Interrupted => {
                // The prompt hid the cursor; show it again.
                eprint!("\x1b[?25h");
                Err(Error::Interrupted(
                    "interrupted at the prompt: nothing done".into(),
                ))
            }
            Err(e) => Err(Error::invalid(format!("could not read the answer: {e}"))),
        }
    }
}

/// Runs one command. A refusal by the database (exit 7) is said with the command and the login
/// it was refused to, which the database's own message ("permission denied for table seats")
/// does not name.
pub async fn dispatch(command: Command, ctx: &Ctx) -> anyhow::Result<Box<dyn Report>> {
    let action = action(&command);
    run_command(command, ctx)
        .await
        .map_err(|e| match e.downcast::<Error>() {
            Ok(Error::PermissionDenied(why)) => {
                let login = crate::store::login_of(&ctx.settings.database)
                    .map(|l| format!(" as `{l}`"))
                    .unwrap_or_default();
                anyhow::Error::new(Error::PermissionDenied(format!(
                    "`seatctl {action}`{login}: {why}"
                )))
            }
            Ok(other) => anyhow::Error::new(other),
            Err(e) => e,
        })
}

/// The command's name as typed (`event create`, `hold`), for messages.
fn action(command: &Command) -> &'static str {
    match command {
        Command::Event(_) => "event",
        Command::Layout(_) => "layout",
        Command::Seats(_) => "seats",
        Command::Map(_) => "map",
        Command::Watch(_) => "watch",
        Command::Db(_) => "db",
        Command::Hold(_) => "hold",
        Command::Extend(_) => "extend",
        Command::Reserve(_) => "reserve",
        Command::Release(_) => "release",
        Command::Sweep(_) => "sweep",
        Command::Block(_) => "block",
        Command::Unblock(_) => "unblock",
        Command::History(_) => "history",
        Command::Reservations(_) => "reservations",
        Command::Holds(_) => "holds",
        Command::Price(_) => "price",
        Command::Demo(_) => "demo",
        Command::Doctor(_) => "doctor",
        Command::Simulate(_) => "simulate",
        Command::Report(_) => "report",
        Command::Export(_) => "export",
        Command::Audit(_) => "audit",
        Command::Completions(_) => "completions",
        Command::Man(_) => "man",
        Command::Apikey(_) => "apikey",
        Command::Serve(_) => "serve",
        Command::BoxOffice(_) => "box-office",
    }
}

async fn run_command(command: Command, ctx: &Ctx) -> anyhow::Result<Box<dyn Report>> {
    Ok(match command {
        Command::Event(cmd) => cmd.run(ctx).await?,
        Command::Layout(cmd) => cmd.run(ctx).await?,
        Command::Seats(args) => args.run(ctx).await?,
        Command::Map(args) => Box::new(args.run(ctx).await?),
        Command::Watch(args) => Box::new(args.run(ctx).await?),
        Command::Db(cmd) => cmd.run(ctx).await?,
        Command::Hold(args) => {
            let quiet = args.quiet;
            if quiet {
                crate::output::Quiet::allowed(&ctx.ui)?;
            }
            let held = args.run(ctx).await?;
            let id = held.hold.hold_id;
            crate::output::Quiet::or(&ctx.ui, quiet, held, id)?
        }
        Command::Extend(args) => Box::new(args.run(ctx).await?),
        Command::Reserve(args) => {
            let quiet = args.quiet;
            if quiet {
                crate::output::Quiet::allowed(&ctx.ui)?;
            }
            let reserved = args.run(ctx).await?;
            let id = reserved.0.reservation_id;
            crate::output::Quiet::or(&ctx.ui, quiet, reserved, id)?
        }
        Command::Release(args) => Box::new(args.run(ctx).await?),
        Command::Sweep(args) => Box::new(args.run(ctx).await?),
        Command::Block(args) => Box::new(args.run(ctx).await?),
        Command::Unblock(args) => Box::new(args.run(ctx).await?),
        Command::History(args) => args.run(ctx).await?,
        Command::Reservations(args) => args.run(ctx).await?,
        Command::Holds(args) => args.run(ctx).await?,
        Command::Price(cmd) => Box::new(cmd.run(ctx).await?),
        Command::Demo(args) => Box::new(args.run(ctx).await?),
        Command::Doctor(args) => Box::new(args.run(ctx).await),
        Command::Simulate(cmd) => cmd.run(ctx).await?,
        Command::Report(args) => Box::new(args.run(ctx).await?),
        Command::Export(args) => Box::new(args.run(ctx).await?),
        Command::Audit(args) => Box::new(args.run(ctx).await?),
        Command::Completions(args) => Box::new(args.run()),
        Command::Man(args) => Box::new(args.run()?),
        Command::Apikey(cmd) => Box::new(cmd.run(ctx).await?),
        Command::Serve(args) => Box::new(args.run(ctx).await?),
        Command::BoxOffice(args) => Box::new(args.run(ctx).await?),
    })
}
