//! seatctl: sell seats at events without ever selling one twice.
//! `main.rs` parses and calls [`run`]; everything else lives in this library.

pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod contract;
pub mod domain;
pub mod duration;
pub mod error;
pub mod metrics;
pub mod output;
pub mod server;
pub mod sim;
pub mod store;
pub mod ui;

pub use cli::Cli;
pub use error::{Error, ExitCode};

use std::io::IsTerminal;

use commands::Ctx;
use config::Terminal;
use output::Ui;

/// Exit code for a run cut short by Ctrl-C (128 + SIGINT), as shells expect.
pub const EXIT_INTERRUPTED: i32 = ExitCode::Interrupted as i32;

/// Sends `tracing` events to stderr (never stdout, so `--json` output stays one document):
/// off unless `-v` (seatctl at debug), `-vv` (seatctl at trace and every SQL statement sqlx
/// runs, with its time) or `RUST_LOG` (an `EnvFilter`) asks.
/// Called once by `main`; a second call (tests running in-process) changes nothing.
pub fn init_logging(verbose: u8) {
    use tracing_subscriber::EnvFilter;
    let filter = match std::env::var("RUST_LOG") {
        Ok(spec) if !spec.trim().is_empty() => EnvFilter::new(spec),
        _ => EnvFilter::new(match verbose {
            0 => "off",
            1 => "seatctl=debug",
            _ => "seatctl=trace,sqlx=debug",
        }),
    };
    let ansi = std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(ansi)
        .with_target(false)
        .try_init();
}

/// `seatctl serve`'s logs on stderr: a line per request (method, path, status, latency in
/// ms) at info, as text or one JSON object per line; `-v` adds seatctl's debug events,
/// `RUST_LOG` overrides. Replaces nothing when logging is already set up.
pub fn init_server_logging(format: config::LogFormat, verbose: u8) {
    use tracing_subscriber::EnvFilter;
    let filter = match std::env::var("RUST_LOG") {
        Ok(spec) if !spec.trim().is_empty() => EnvFilter::new(spec),
        _ => EnvFilter::new(match verbose {
            0 => "seatctl=info",
            1 => "seatctl=debug",
            _ => "seatctl=trace,sqlx=debug",
        }),
    };
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false);
    let _ = match format {
        config::LogFormat::Json => builder.json().try_init(),
        config::LogFormat::Text => builder.try_init(),
    };
}

/// Runs one command and prints its result or error. Returns the process exit code.
pub async fn run(cli: Cli) -> i32 {
    let json = cli.global.json;
    // `seatctl` alone: the box office on a terminal, else the help (and exit 2).
    let command = match cli.command {
        Some(command) => command,
        None if !json && std::io::stdin().is_terminal() && std::io::stderr().is_terminal() => {
            cli::Command::BoxOffice(commands::box_office::BoxOfficeArgs { event: None })
        }
        None if json => {
            let err = anyhow::Error::new(Error::invalid(
                "a command is needed (`seatctl --help` lists them)",
            ));
            return output::print_error(true, &err).code();
        }
        None => {
            eprintln!(
                "{}\nerror: a command is required (or run `seatctl` on a terminal for the box office)",
                cli::command().render_help()
            );
            return ExitCode::Usage.code();
        }
    };
    // The simulator stops its buyers on Ctrl-C itself, then audits and reports what ran; the
    // box office finishes the change in hand and lets go of any open hold.
    let handles_ctrl_c = matches!(
        command,
        cli::Command::Simulate(_)
            | cli::Command::BoxOffice(_)
            | cli::Command::Serve(_)
            | cli::Command::Watch(_)
    );
    let work = async {
        let settings = config::resolve(&cli.global, Terminal::detect())?;
        if settings.all_strategies && !handles_ctrl_c {
            return Err(Error::invalid(
                "`--strategy all` is only for `seatctl simulate`; choose occ or redis",
            )
            .into());
        }
        let ui = Ui::new(settings.json, settings.color, settings.zone);
        let ctx = Ctx {
            app: app::Session::new(settings),
            ui,
        };
        let report = commands::dispatch(command, &ctx).await?;
        output::print_report(&ctx.ui, report.as_ref())
    };
    // Changes made are announced to the change stream's followers before the process ends.
    let settle = || store::changes::settle_announcements(std::time::Duration::from_secs(1));
    if handles_ctrl_c {
        let code = match work.await {
            Ok(code) => code.code(),
            Err(err) => output::print_error(json, &err).code(),
        };
        settle().await;
        return code;
    }
    // Dropping the command's future on Ctrl-C rolls back any open transaction.
    let code = tokio::select! {
        result = work => match result {
            Ok(code) => code.code(),
            Err(err) => output::print_error(json, &err).code(),
        },
        _ = tokio::signal::ctrl_c() => {
            eprintln!("interrupted: nothing was changed by the unfinished operation");
            EXIT_INTERRUPTED
        }
    };
    settle().await;
    code
}

/// A usage line without the global options that the environment can give (`--config`,
/// `--database-url`, `--redis-url`, `--strategy`, `--operator`, each with its value).
fn without_env_options(line: &str) -> String {
    let mut out = line.to_string();
    for opt in [
        "--config <FILE>",
        "--database-url <URL>",
        "--redis-url <URL>",
        "--strategy <STRATEGY>",
        "--operator <NAME>",
    ] {
        out = out.replace(&format!(" {opt}"), "");
    }
    out
}

/// Reports a command-line parsing error: clap's own text, or one JSON object under `--json`.
/// Help and version requests print to stdout and exit 0.
pub fn report_parse_error(err: clap::Error) -> i32 {
    use clap::error::ErrorKind;
    let wants_json = std::env::args_os().any(|a| a == "--json");
    let benign = matches!(
        err.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if !benign && !wants_json {
        // clap counts an option given through the environment as given, and its usage line
        // would show `--database-url <URL>` as if it were required: those are taken out.
        let mut text = String::new();
        for line in err.render().to_string().lines() {
            if line.starts_with("Usage:") {
                text.push_str(&without_env_options(line));
            } else {
                text.push_str(line);
            }
            text.push('\n');
        }
        eprint!("{text}");
        return ExitCode::Usage.code();
    }
    if wants_json && err.kind() == ErrorKind::DisplayVersion {
        println!(
            "{}",
            serde_json::json!({"name": "seatctl", "version": env!("CARGO_PKG_VERSION")})
        );
        return 0;
    }
    if wants_json && err.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        let err = anyhow::Error::new(Error::invalid(
            "a command is needed (`seatctl --help` lists them)",
        ));
        return output::print_error(true, &err).code();
    }
    if benign || !wants_json {
        let _ = err.print();
        return if benign && err.kind() != ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
            0
        } else {
            ExitCode::Usage.code()
        };
    }
    // The whole message (a missing argument's name is on the lines after the first), without
    // the usage and the pointer to --help.
    let rendered = err.render().to_string();
    let message: Vec<&str> = rendered
        .lines()
        .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let message = match message.join(" ") {
        m if m.is_empty() => "invalid usage".to_string(),
        m => m.trim_start_matches("error: ").to_string(),
    };
    let err = anyhow::Error::new(Error::Invalid(message));
    output::print_error(true, &err).code()
}

/// Resolves on SIGTERM (a supervisor's stop, `kill PID`) or Ctrl-C: how `serve` and `watch`
/// are told to stop. The handlers are installed when this is called, not when the future is
/// first polled: a signal that comes in between is not the default action (an exit by signal).
pub fn stop_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let term = signal(SignalKind::terminate());
        let int = signal(SignalKind::interrupt());
        async move {
            match (term, int) {
                (Ok(mut term), Ok(mut int)) => {
                    tokio::select! {
                        _ = term.recv() => {}
                        _ = int.recv() => {}
                    }
                }
                _ => {
                    let _ = tokio::signal::ctrl_c().await;
                }
            }
        }
    }
    #[cfg(not(unix))]
    {
        async {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}
