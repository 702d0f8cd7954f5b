//! The command line: global flags shared by every command and the subcommand tree.
//! Each subcommand's own flags live in its module under `commands/`.

use std::path::PathBuf;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::commands;
use crate::config::StrategyChoice;

#[derive(Debug, Parser)]
#[command(
    name = "seatctl",
    version,
    about = "Sell seats at events without ever selling one twice",
    long_about = "Sell seats at events without ever selling one twice.\n\n\
        seatctl manages events, seat layouts and reservations on PostgreSQL (production) or an \
        embedded SQLite file (the default, no services needed).",
    after_help = EXIT_CODES
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalOpts,
    /// Without a command, on a terminal: the interactive box office
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The footer of every command's help and manual page (the README's "Exit codes" table; a
/// unit test keeps them in step).
pub const EXIT_CODES: &str = "Exit codes: 0 ok, 1 internal error, 2 invalid usage or input, \
    3 conflict, 4 not found, 5 hold expired, 6 backend unavailable, 7 permission denied, \
    10 audit found a violation, 11 a simulation threshold was missed, 130 interrupted.";

/// The command tree as users meet it: every command at every depth ends its help with
/// [`EXIT_CODES`]. Parse with [`Cli::parse_args`]; `man` and completions render from it.
pub fn command() -> clap::Command {
    fn footer(cmd: clap::Command) -> clap::Command {
        cmd.after_help(EXIT_CODES).mut_subcommands(footer)
    }
    footer(Cli::command())
}

impl Cli {
    /// The command line of this process, parsed against [`command`]. Errors: clap's (help,
    /// version, usage), to be reported by `report_parse_error`.
    pub fn parse_args() -> Result<Cli, clap::Error> {
        Cli::from_arg_matches(&command().try_get_matches()?)
    }
}

/// Flags every subcommand accepts. Precedence: flag > environment > config file > default.
/// Shown under their own heading in every command's help.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalOpts {
    /// Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]
    #[arg(
        long,
        global = true,
        env = "SEATCTL_CONFIG",
        value_name = "FILE",
        hide_env_values = true
    )]
    pub config: Option<PathBuf>,

    /// Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]
    #[arg(
        long,
        global = true,
        env = "DATABASE_URL",
        value_name = "URL",
        hide_env_values = true
    )]
    pub database_url: Option<String>,

    /// Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]
    #[arg(
        long,
        global = true,
        env = "REDIS_URL",
        value_name = "URL",
        hide_env_values = true
    )]
    pub redis_url: Option<String>,

    /// Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`
    #[arg(
        long,
        global = true,
        env = "SEATCTL_STRATEGY",
        value_enum,
        hide_env_values = true
    )]
    pub strategy: Option<StrategyChoice>,

    /// Who works at this terminal, recorded in the history as "by" [default: config
    /// terminal.operator, else the login name]
    #[arg(
        long,
        global = true,
        env = "SEATCTL_OPERATOR",
        value_name = "NAME",
        hide_env_values = true
    )]
    pub operator: Option<String>,

    /// Print exactly one JSON document on stdout (errors as JSON on stderr)
    #[arg(long, global = true)]
    pub json: bool,

    /// Never use colour (also honoured: NO_COLOR, TERM=dumb)
    #[arg(long, global = true)]
    pub no_color: bool,

    /// Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also
    /// every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create, list, show, update and delete events
    #[command(subcommand)]
    Event(commands::event::EventCommand),
    /// Import seat layouts (CSV, TOML or JSON)
    #[command(subcommand)]
    Layout(commands::layout::LayoutCommand),
    /// List an event's seats, optionally filtered by status or section
    Seats(commands::seats::SeatsArgs),
    /// Sell at a terminal: pick seats on the map, hold, reserve, refund (interactive)
    BoxOffice(commands::box_office::BoxOfficeArgs),
    /// Draw an event's seat map
    Map(commands::map::MapArgs),
    /// Watch an event's seats change live: a map redrawn on every change, or JSON lines
    Watch(commands::watch::WatchArgs),
    /// Hold seats for a limited time, all or nothing
    Hold(commands::reservations::HoldArgs),
    /// Extend an active hold
    Extend(commands::reservations::ExtendArgs),
    /// Turn every seat of an active hold into a reservation
    Reserve(commands::reservations::ReserveArgs),
    /// Release a hold or a reservation, returning its seats to sale
    Release(commands::reservations::ReleaseArgs),
    /// Mark lapsed holds expired and tidy their seats (reads never depend on it)
    Sweep(commands::reservations::SweepArgs),
    /// Take seats out of sale (house seats, broken seats, camera positions)
    Block(commands::block::BlockArgs),
    /// Put blocked seats back on sale
    Unblock(commands::block::UnblockArgs),
    /// Show the audit trail of seat changes
    History(commands::reservations::HistoryArgs),
    /// List an event's reservations, by customer, reference or status
    Reservations(commands::listing::ReservationsArgs),
    /// List an event's holds, by holder or status
    Holds(commands::listing::HoldsArgs),
    /// Prices per seat category, in the configured currency: set, clear, list
    #[command(subcommand)]
    Price(commands::price::PriceCommand),
    /// Database schema: migrate and status
    #[command(subcommand)]
    Db(commands::db::DbCommand),
    /// Create a demo event from the example layout and show its map
    Demo(commands::demo::DemoArgs),
    /// Check the config, database and Redis this terminal would use
    Doctor(commands::doctor::DoctorArgs),
    /// Sales by section, category and status; holds about to lapse; sales over time
    Report(commands::report::ReportArgs),
    /// Every seat with its status, holder and reservation reference (CSV or JSON)
    Export(commands::report::ExportArgs),
    /// Race simulated buyers for seats, report throughput and latency, audit the result
    Simulate(Box<crate::commands::simulate::SimulateCommand>),
    /// Serve the HTTP API (JSON under /v1, OpenAPI at /openapi.json, Swagger UI at /api)
    Serve(commands::serve::ServeArgs),
    /// API keys for `seatctl serve`: create, list, revoke
    #[command(subcommand)]
    Apikey(commands::apikey::ApiKeyCommand),
    /// Check an event for double bookings and records that disagree (exit 10 if any)
    Audit(commands::audit::AuditArgs),
    /// Print a shell completion script
    Completions(commands::completions::CompletionsArgs),
    /// Print the manual page (roff): `seatctl man | man -l -`
    Man(commands::man::ManArgs),
}
