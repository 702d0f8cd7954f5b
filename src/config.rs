//! Configuration: the TOML file's shape, its defaults, and the one function that layers
//! flags > environment > file > defaults into the `Settings` every command runs with.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::cli::GlobalOpts;
use crate::duration::HumanDuration;
use crate::error::{Error, Result};

/// The documented example; a test checks it parses strictly and matches the defaults below.
pub const EXAMPLE_CONFIG: &str = include_str!("../config.example.toml");

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub database: DatabaseConfig,
    pub redis: RedisConfig,
    pub reservation: ReservationConfig,
    pub occ: OccConfig,
    pub terminal: TerminalConfig,
    pub sales: SalesConfig,
    pub output: OutputConfig,
    pub server: ServerConfig,
}

/// `[server]`: `seatctl serve`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServerConfig {
    /// The address to listen on (`--listen` overrides it).
    pub listen: String,
    /// The longest a request may take before it is answered 503 (the work it started is
    /// bounded by `database.statement_timeout` too).
    pub request_timeout: HumanDuration,
    /// The largest request body accepted, in bytes (a layout file is the largest); larger is
    /// answered 413.
    pub max_body_bytes: u64,
    /// On SIGTERM or Ctrl-C: how long requests in flight may take to finish before the
    /// server stops anyway.
    pub shutdown_timeout: HumanDuration,
    /// Request logs on stderr: "text" or "json" (one JSON object per line); `--log-format`
    /// overrides it.
    pub log_format: LogFormat,
    /// How long a server remembers an API key it has checked ("0s": it looks every request's
    /// key up): a revoked key is refused within this time.
    pub api_key_cache: HumanDuration,
    /// How often an open change stream (`GET /v1/events/{event}/changes`) with nothing to
    /// tell sends a keep-alive comment, so that proxies keep it open.
    pub keep_alive: HumanDuration,
    /// Answer `GET /v1/events/{event}/seats` and the map from memory: each event's seats,
    /// read once and kept fresh by the change stream (see `app::seat_cache`). `false`: every
    /// read goes to the database.
    pub seat_cache: bool,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            listen: "127.0.0.1:8080".into(),
            request_timeout: HumanDuration::secs(30),
            max_body_bytes: 4 * 1024 * 1024,
            shutdown_timeout: HumanDuration::secs(10),
            log_format: LogFormat::Text,
            api_key_cache: HumanDuration::secs(2),
            keep_alive: HumanDuration::secs(15),
            seat_cache: true,
        }
    }
}

/// How `seatctl serve` writes its logs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    #[default]
    Text,
    /// One JSON object per line.
    Json,
}

/// `[sales]`: money.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SalesConfig {
    /// The currency prices are in (`seatctl price`): an ISO 4217 code, three capital letters.
    /// Amounts are kept in hundredths of it.
    pub currency: String,
}

impl Default for SalesConfig {
    fn default() -> Self {
        SalesConfig {
            currency: "EUR".into(),
        }
    }
}

/// `[terminal]`: who works at this terminal.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TerminalConfig {
    /// The operator recorded in the history as "by" (see [`Settings::operator`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DatabaseConfig {
    /// `postgres://…` or `sqlite://PATH`; unset means the embedded SQLite file in the data dir.
    pub url: Option<String>,
    /// PostgreSQL: a file holding the password (its first line), so that it need not be in
    /// the URL or this file; `PGPASSWORD` and `~/.pgpass` are read by the driver as well.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password_file: Option<PathBuf>,
    /// PostgreSQL: a command (run with `sh -c`) whose output's first line is the password, e.g.
    /// a secrets manager's client; not with `password_file`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password_command: Option<String>,
    pub connect_timeout: HumanDuration,
    pub statement_timeout: HumanDuration,
    pub max_connections: u32,
}

impl Default for DatabaseConfig {
    fn default() -> Self {
        DatabaseConfig {
            url: None,
            password_file: None,
            password_command: None,
            connect_timeout: HumanDuration::secs(5),
            statement_timeout: HumanDuration::secs(10),
            max_connections: 5,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RedisConfig {
    pub url: String,
    pub timeout: HumanDuration,
    pub lock_ttl: HumanDuration,
    pub key_prefix: String,
    /// `rediss://`: a PEM file of the CA(s) to trust instead of the system's roots.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ca_file: Option<PathBuf>,
    /// `rediss://`: a client certificate (PEM), for servers that ask for one; with
    /// `client_key_file`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_cert_file: Option<PathBuf>,
    /// `rediss://`: the client certificate's private key (PEM).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_key_file: Option<PathBuf>,
}

impl Default for RedisConfig {
    fn default() -> Self {
        RedisConfig {
            url: "redis://127.0.0.1:6379".into(),
            timeout: HumanDuration::secs(2),
            lock_ttl: HumanDuration::secs(5),
            key_prefix: "seatctl".into(),
            ca_file: None,
            client_cert_file: None,
            client_key_file: None,
        }
    }
}

/// What `--strategy` / `SEATCTL_STRATEGY` may say: a strategy, or `all` (only `simulate`
/// runs every strategy in turn).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StrategyChoice {
    /// Optimistic concurrency: every write is guarded by the seat's version.
    Occ,
    /// Redis locks on every seat of an operation, with the version guard as the last word.
    Redis,
    /// `simulate` only: run each strategy in turn and compare them.
    All,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Strategy {
    /// Optimistic concurrency: every write is guarded by the seat's version.
    #[default]
    Occ,
    /// Redis locks on every seat of an operation, with the version guard as the last word.
    Redis,
}

impl fmt::Display for Strategy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Strategy::Occ => "occ",
            Strategy::Redis => "redis",
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ReservationConfig {
    pub strategy: Strategy,
    pub hold_ttl: HumanDuration,
    pub max_hold_ttl: HumanDuration,
    /// The longest a hold may live from when it was made, however often it is extended.
    pub max_hold_lifetime: HumanDuration,
    pub max_seats_per_hold: u32,
}

impl Default for ReservationConfig {
    fn default() -> Self {
        ReservationConfig {
            strategy: Strategy::Occ,
            hold_ttl: HumanDuration::secs(600),
            max_hold_ttl: HumanDuration::secs(1800),
            max_hold_lifetime: HumanDuration::secs(1800),
            max_seats_per_hold: 10,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OccConfig {
    pub max_retries: u32,
}

impl Default for OccConfig {
    fn default() -> Self {
        OccConfig { max_retries: 5 }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OutputConfig {
    pub color: ColorChoice,
    /// The zone times are shown in on the terminal: `local` (the machine's, `TZ` honoured),
    /// `UTC`, or a fixed offset like `+01:00`. `--json` and CSV always carry RFC 3339 in UTC.
    pub timezone: String,
}

impl Default for OutputConfig {
    fn default() -> Self {
        OutputConfig {
            color: ColorChoice::default(),
            timezone: "local".into(),
        }
    }
}

impl Config {
    /// Parses a config file's text strictly: unknown keys and bad values name the key and line.
    pub fn parse(text: &str, path: &Path) -> Result<Config> {
        let config: Config = toml::from_str(text)
            .map_err(|e| Error::invalid(format!("config file {}: {e}", path.display())))?;
        config.validate(path, text)?;
        Ok(config)
    }

    fn validate(&self, path: &Path, text: &str) -> Result<()> {
        // The line the key is on (its `[section]`, then its name), when the file sets it.
        let line_of = |key: &str| {
            let (section, name) = key.split_once('.')?;
            let mut inside = false;
            text.lines().enumerate().find_map(|(i, l)| {
                let l = l.trim();
                if l.starts_with('[') {
                    inside = l.trim_matches(|c| c == '[' || c == ']').trim() == section;
                    return None;
                }
                let after = l.strip_prefix(name)?.trim_start();
                (inside && after.starts_with('=')).then_some(i + 1)
            })
        };
        let bad = |key: &str, why: &str| {
            let at = line_of(key).map(|n| format!(":{n}")).unwrap_or_default();
            Err(Error::invalid(format!(
                "config file {}{at}: `{key}` {why}",
                path.display()
            )))
        };
        if let Err(e) = crate::output::Zone::parse(&self.output.timezone) {
            return bad("output.timezone", &e);
        }
        let c = &self.sales.currency;
        if c.len() != 3 || !c.chars().all(|ch| ch.is_ascii_uppercase()) {
            return bad(
                "sales.currency",
                "must be an ISO 4217 code: three capital letters, like EUR, GBP or USD",
            );
        }
        if self.database.max_connections == 0 {
            return bad("database.max_connections", "must be at least 1");
        }
        if self.database.connect_timeout.0.is_zero() {
            return bad("database.connect_timeout", "must be greater than 0s");
        }
        // Seven days is longer than any sale needs and far inside every timestamp range.
        let week = HumanDuration::secs(7 * 24 * 3600);
        let r = &self.reservation;
        for (key, value) in [
            ("reservation.hold_ttl", r.hold_ttl),
            ("reservation.max_hold_ttl", r.max_hold_ttl),
            ("reservation.max_hold_lifetime", r.max_hold_lifetime),
        ] {
            if value.0.is_zero() || value > week {
                return bad(key, "must be longer than 0s and at most 7 days");
            }
        }
        if r.max_hold_lifetime < r.hold_ttl {
            return bad(
                "reservation.max_hold_lifetime",
                "must not be shorter than reservation.hold_ttl",
            );
        }
        if self.reservation.hold_ttl > self.reservation.max_hold_ttl {
            return bad(
                "reservation.hold_ttl",
                "must not exceed reservation.max_hold_ttl",
            );
        }
        if self.reservation.max_seats_per_hold == 0 {
            return bad("reservation.max_seats_per_hold", "must be at least 1");
        }
        if self.redis.lock_ttl.0.is_zero() {
            return bad("redis.lock_ttl", "must be greater than 0s");
        }
        let server = &self.server;
        if server.listen.parse::<std::net::SocketAddr>().is_err() {
            return bad(
                "server.listen",
                "must be an IP address and port, like 127.0.0.1:8080 or [::]:8080",
            );
        }
        for (key, value) in [
            ("server.request_timeout", server.request_timeout),
            ("server.shutdown_timeout", server.shutdown_timeout),
            ("server.keep_alive", server.keep_alive),
        ] {
            if value.0.is_zero() {
                return bad(key, "must be greater than 0s");
            }
        }
        if server.max_body_bytes < 1024 {
            return bad("server.max_body_bytes", "must be at least 1024");
        }
        Ok(())
    }
}

/// Where the data lives, with the place the choice came from (for error messages).
#[derive(Clone, PartialEq)]
pub enum DatabaseTarget {
    Postgres { url: String },
    Sqlite { url: String, embedded_default: bool },
}

impl DatabaseTarget {
    pub fn parse(url: &str, source: &str) -> Result<DatabaseTarget> {
        let url = url.trim();
        let scheme = url.split_once(':').map(|(s, _)| s).unwrap_or("");
        match scheme {
            "postgres" | "postgresql" => Ok(DatabaseTarget::Postgres { url: url.into() }),
            "sqlite" => Ok(DatabaseTarget::Sqlite {
                url: url.into(),
                embedded_default: false,
            }),
            "" => Err(Error::invalid(format!(
                "{source}: `{}` is not a database URL (expected postgres://… or sqlite://PATH)",
                redact_url(url)
            ))),
            other => Err(Error::invalid(format!(
                "{source}: unsupported database scheme `{other}` (expected postgres://… or sqlite://PATH)"
            ))),
        }
    }

    /// The zero-setup default: a SQLite file in the user's data directory.
    pub fn embedded_default() -> Result<DatabaseTarget> {
        let dir = dirs::data_dir().ok_or_else(|| {
            Error::invalid(
                "no database configured and no user data directory found; pass --database-url",
            )
        })?;
        let path = dir.join("seatctl").join("seatctl.db");
        Ok(DatabaseTarget::Sqlite {
            url: format!("sqlite://{}", path.display()),
            embedded_default: true,
        })
    }

    /// The URL itself (not redacted): for child processes, never for printing.
    pub fn url(&self) -> &str {
        match self {
            DatabaseTarget::Postgres { url } | DatabaseTarget::Sqlite { url, .. } => url,
        }
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self, DatabaseTarget::Postgres { .. })
    }
}

impl fmt::Debug for DatabaseTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self}")
    }
}

impl fmt::Display for DatabaseTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DatabaseTarget::Postgres { url } | DatabaseTarget::Sqlite { url, .. } => {
                f.write_str(&redact_url(url))
            }
        }
    }
}

/// Replaces the password of `scheme://user:password@host` with `***`, for every message we print.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let authority = match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _password)) => format!("{user}:***@{host}"),
            None => authority.to_string(),
        },
        None => authority.to_string(),
    };
    format!("{scheme}://{authority}{}", redact_query(tail))
}

/// `?password=…` (libpq's URL parameter) as `password=***`, whatever else the query holds.
fn redact_query(tail: &str) -> String {
    let Some((path, query)) = tail.split_once('?') else {
        return tail.to_string();
    };
    let (query, fragment) = match query.split_once('#') {
        Some((q, f)) => (q, Some(f)),
        None => (query, None),
    };
    let query: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((key, _)) if is_password_key(key) => format!("{key}=***"),
            _ => pair.to_string(),
        })
        .collect();
    let mut out = format!("{path}?{}", query.join("&"));
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// Keys whose values are secrets (`password`, `sslpassword`; `%xx` escapes decoded first, as
/// the driver does).
fn is_password_key(key: &str) -> bool {
    let mut decoded = String::with_capacity(key.len());
    let bytes = key.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let hex = key
            .get(i + 1..i + 3)
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                decoded.push(char::from(b));
                i += 3;
            }
            (b, _) => {
                decoded.push(char::from(b));
                i += 1;
            }
        }
    }
    let key = decoded.to_ascii_lowercase();
    matches!(key.as_str(), "password" | "pass" | "sslpassword")
}

/// Whether a URL carries a password (in its user info or a `password=` parameter).
fn url_has_password(url: &str) -> bool {
    redact_url(url) != url
}

/// What every command runs with, after layering.
#[derive(Debug, Clone)]
pub struct Settings {
    pub config: Config,
    pub config_path: Option<PathBuf>,
    pub database: DatabaseTarget,
    pub redis_url: String,
    pub strategy: Strategy,
    /// `--strategy all`: accepted by `simulate` only.
    pub all_strategies: bool,
    pub json: bool,
    pub color: bool,
    /// `-v` count: how much to log on stderr (passed on to `simulate`'s worker processes).
    pub verbose: u8,
    /// Who works at this terminal, recorded in the history as "by": `--operator` /
    /// `SEATCTL_OPERATOR`, else the config's `terminal.operator`, else the login (`$USER`),
    /// else `unknown`. NFC, 1-100 characters, nothing invisible (else exit 2).
    pub operator: String,
    /// Where the terminal shows times (`output.timezone`, checked when the file was read).
    pub zone: crate::output::Zone,
}

/// Facts about the process environment that decide colour; passed in so tests can vary them.
#[derive(Debug, Clone, Copy, Default)]
pub struct Terminal {
    pub no_color_env: bool,
    pub term_dumb: bool,
    pub stdout_is_tty: bool,
}

impl Terminal {
    pub fn detect() -> Terminal {
        use std::io::IsTerminal;
        Terminal {
            no_color_env: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            term_dumb: std::env::var("TERM").is_ok_and(|t| t == "dumb"),
            stdout_is_tty: std::io::stdout().is_terminal(),
        }
    }
}

/// Finds the config file: `--config`/`SEATCTL_CONFIG` (must exist), else `./seatctl.toml`,
/// else `<config dir>/seatctl/config.toml`, else none.
fn find_config_file(explicit: Option<&Path>) -> Result<Option<PathBuf>> {
    if let Some(path) = explicit {
        if !path.is_file() {
            return Err(Error::invalid(format!(
                "config file {} (from --config or SEATCTL_CONFIG) does not exist",
                path.display()
            )));
        }
        return Ok(Some(path.to_path_buf()));
    }
    let local = PathBuf::from("seatctl.toml");
    if local.is_file() {
        return Ok(Some(local));
    }
    Ok(dirs::config_dir()
        .map(|d| d.join("seatctl").join("config.toml"))
        .filter(|p| p.is_file()))
}

/// Warns (stderr) when a configuration file whose `database.url` or `redis.url` carries a
/// password (user info or a `password=` parameter) can be read by other users, as `ssh` does
/// for keys. Unix only.
fn warn_if_exposed(path: &Path, config: &Config) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let db = config.database.url.as_deref().is_some_and(url_has_password);
        let redis = url_has_password(&config.redis.url);
        let mode = std::fs::metadata(path).map_or(0, |m| m.permissions().mode());
        if (db || redis) && mode & 0o077 != 0 {
            let what = match (db, redis) {
                (true, true) => "database and Redis passwords",
                (true, false) => "a database password",
                _ => "a Redis password",
            };
            eprintln!(
                "warning: config file {} holds {what} and is readable by others (mode {:o}); \
                 run `chmod 600 {}`, or use database.password_file or \
                 database.password_command",
                path.display(),
                mode & 0o777,
                path.display()
            );
        }
    }
    #[cfg(not(unix))]
    let _ = (path, config);
}

/// Layers flags and environment (both already merged by clap) over the file over defaults.
pub fn resolve(opts: &GlobalOpts, term: Terminal) -> Result<Settings> {
    let config_path = find_config_file(opts.config.as_deref())?;
    let config = match &config_path {
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| {
                Error::invalid(format!("cannot read config file {}: {e}", path.display()))
            })?;
            let text = String::from_utf8(bytes).map_err(|_| {
                Error::invalid(format!("config file {} is not UTF-8", path.display()))
            })?;
            let config = Config::parse(&text, path)?;
            warn_if_exposed(path, &config);
            config
        }
        None => Config::default(),
    };

    // An empty variable (`DATABASE_URL=`) means unset, as shells and CI files often leave it.
    let flag_url = opts.database_url.as_ref().filter(|u| !u.trim().is_empty());
    let database = match (flag_url, &config.database.url) {
        (Some(url), _) => DatabaseTarget::parse(url, "--database-url / DATABASE_URL")?,
        (None, Some(url)) => DatabaseTarget::parse(
            url,
            &format!(
                "config file {} key `database.url`",
                config_path.as_deref().unwrap_or(Path::new("?")).display()
            ),
        )?,
        (None, None) => DatabaseTarget::embedded_default()?,
    };
    let redis_url = opts
        .redis_url
        .clone()
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| config.redis.url.clone());
    let (strategy, all_strategies) = match opts.strategy {
        Some(StrategyChoice::Occ) => (Strategy::Occ, false),
        Some(StrategyChoice::Redis) => (Strategy::Redis, false),
        Some(StrategyChoice::All) => (config.reservation.strategy, true),
        None => (config.reservation.strategy, false),
    };
    let color = !opts.no_color
        && match config.output.color {
            ColorChoice::Never => false,
            ColorChoice::Always => !term.no_color_env,
            ColorChoice::Auto => !term.no_color_env && !term.term_dumb && term.stdout_is_tty,
        };
    let operator = match (
        opts.operator.as_deref().filter(|o| !o.trim().is_empty()),
        &config.terminal.operator,
    ) {
        (Some(o), _) => check_operator(o, "--operator / SEATCTL_OPERATOR")?,
        (None, Some(o)) => check_operator(o, "config key `terminal.operator`")?,
        (None, None) => match ["USER", "LOGNAME"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|u| !u.trim().is_empty()))
        {
            Some(login) => check_operator(&login, "the login name ($USER; give --operator)")?,
            None => "unknown".into(),
        },
    };
    let zone = crate::output::Zone::parse(&config.output.timezone).map_err(Error::Invalid)?;
    Ok(Settings {
        zone,
        operator,
        config,
        config_path,
        database,
        redis_url,
        strategy,
        all_strategies,
        json: opts.json,
        color: color && !opts.json,
        verbose: opts.verbose,
    })
}

/// An operator's name as given: trimmed, NFC, 1-100 characters, no control or invisible
/// characters. Errors: exit 2 naming `from`.
fn check_operator(name: &str, from: &str) -> Result<String> {
    let name = crate::domain::names::normalize("operator", name.trim())
        .map_err(|e| Error::invalid(format!("{from}: {e}")))?;
    if name.is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
        return Err(Error::invalid(format!(
            "{from}: an operator's name is 1 to 100 characters, without control characters"
        )));
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_config_parses_strictly_and_documents_the_defaults() {
        let parsed = Config::parse(EXAMPLE_CONFIG, Path::new("config.example.toml")).unwrap();
        assert_eq!(parsed, Config::default());
    }

    #[test]
    fn example_config_mentions_every_key() {
        let value = toml::Value::try_from(Config::default()).unwrap();
        for (section, table) in value.as_table().unwrap() {
            assert!(
                EXAMPLE_CONFIG.contains(&format!("[{section}]")),
                "config.example.toml lacks [{section}]"
            );
            for key in table.as_table().unwrap().keys() {
                assert!(
                    EXAMPLE_CONFIG.contains(&format!("{key} =")),
                    "config.example.toml lacks {section}.{key}"
                );
            }
        }
        // `database.url` has no default value, so it is serialised as absent: check by hand.
        assert!(EXAMPLE_CONFIG.contains("# url ="));
    }

    #[test]
    fn unknown_key_is_named() {
        let err = Config::parse("[database]\nconect_timeout = \"5s\"\n", Path::new("x.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("x.toml"), "{err}");
        assert!(err.contains("conect_timeout"), "{err}");
    }

    #[test]
    fn bad_value_is_named() {
        let err = Config::parse("[reservation]\nhold_ttl = \"ten\"\n", Path::new("x.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("hold_ttl"), "{err}");
        assert!(err.contains("invalid duration"), "{err}");
        let err = Config::parse("[reservation]\nstrategy = \"magic\"\n", Path::new("x.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("strategy") && err.contains("magic"), "{err}");
        let err = Config::parse(
            "[reservation]\nhold_ttl = \"3h\"\nmax_hold_ttl = \"2h\"\n",
            Path::new("x.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("reservation.hold_ttl"), "{err}");
        for (text, key) in [
            ("max_hold_ttl = \"8d\"", "reservation.max_hold_ttl"),
            (
                "max_hold_lifetime = \"100000000d\"",
                "reservation.max_hold_lifetime",
            ),
            (
                "max_hold_lifetime = \"5m\"",
                "reservation.max_hold_lifetime",
            ),
            ("hold_ttl = \"0s\"", "reservation.hold_ttl"),
        ] {
            let err = Config::parse(&format!("[reservation]\n{text}\n"), Path::new("x.toml"))
                .unwrap_err()
                .to_string();
            assert!(err.contains(key), "{text}: {err}");
        }
    }

    #[test]
    fn urls_are_redacted() {
        assert_eq!(
            redact_url("postgres://app:s3cret@db:5432/seats?sslmode=require"),
            "postgres://app:***@db:5432/seats?sslmode=require"
        );
        assert_eq!(
            redact_url("postgres://db/x?user=app&password=s3cret&sslmode=require"),
            "postgres://db/x?user=app&password=***&sslmode=require"
        );
        assert_eq!(
            redact_url("postgres://a:one@db/x?Password=two#f"),
            "postgres://a:***@db/x?Password=***#f"
        );
        assert!(url_has_password("postgres://db/x?password=p"));
        assert_eq!(
            redact_url("postgres://db/x?sslpassword=k&pass%77ord=p"),
            "postgres://db/x?sslpassword=***&pass%77ord=***"
        );
        assert!(url_has_password("redis://:p@h:6379"));
        assert!(!url_has_password("postgres://u@db/x?sslmode=require"));
        assert_eq!(redact_url("sqlite:///tmp/x.db"), "sqlite:///tmp/x.db");
        assert_eq!(
            redact_url("postgres://app@db/seats"),
            "postgres://app@db/seats"
        );
        assert_eq!(redact_url("sqlite:///tmp/x.db"), "sqlite:///tmp/x.db");
        let target = DatabaseTarget::parse("postgres://u:pw@h/d", "test").unwrap();
        assert!(!format!("{target:?}").contains("pw"));
    }

    #[test]
    fn database_scheme_is_checked() {
        assert!(
            DatabaseTarget::parse("postgresql://h/d", "t")
                .unwrap()
                .is_postgres()
        );
        assert!(
            !DatabaseTarget::parse("sqlite://x.db", "t")
                .unwrap()
                .is_postgres()
        );
        let err = DatabaseTarget::parse("mysql://h/d", "--database-url").unwrap_err();
        assert!(err.to_string().contains("mysql"), "{err}");
    }

    #[test]
    fn colour_follows_flags_env_and_tty() {
        let tty = Terminal {
            stdout_is_tty: true,
            ..Terminal::default()
        };
        let opts = GlobalOpts {
            database_url: Some("sqlite://x.db".into()),
            config: Some(PathBuf::from("/nonexistent/seatctl.toml")),
            ..GlobalOpts::default()
        };
        // An explicit config path that does not exist is an error, not a silent default.
        assert!(resolve(&opts, tty).is_err());
        // An empty configuration of the test's own: never the developer's `./seatctl.toml` or
        // `~/.config/seatctl/config.toml`.
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("seatctl.toml");
        std::fs::write(&empty, "").unwrap();
        let opts = GlobalOpts {
            config: Some(empty),
            ..opts
        };
        let colour = |opts: &GlobalOpts, term| resolve(opts, term).unwrap().color;
        assert!(colour(&opts, tty));
        assert!(!colour(&opts, Terminal::default()));
        let no_color_env = Terminal {
            no_color_env: true,
            ..tty
        };
        assert!(!colour(&opts, no_color_env));
        let flag = GlobalOpts {
            no_color: true,
            ..opts.clone()
        };
        assert!(!colour(&flag, tty));
        let json = GlobalOpts { json: true, ..opts };
        assert!(!colour(&json, tty));
    }
}
