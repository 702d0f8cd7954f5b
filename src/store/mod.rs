//! Storage: one `Store` over PostgreSQL (production) and embedded SQLite, with the same SQL
//! text on both wherever the dialects agree. Database errors are mapped to `Error` here, once.

mod apikeys;
mod audit;
mod blocking;
pub mod changes;
mod dialect;
mod events;
mod history;
mod hold;
mod hold_pg;
mod lifecycle;
pub mod lifecycle_pg;
mod listing;
mod prices;
pub mod redis;
mod release;
mod reports;
mod request;
mod rows;
mod schema;

use std::str::FromStr;
use std::time::Duration;

use sqlx::Connection;
use sqlx::postgres::{PgConnectOptions, PgConnection, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use crate::config::{DatabaseConfig, DatabaseTarget, redact_url};
use crate::error::{Error, Result};

pub use apikeys::ApiKeyRow;
pub use audit::{AuditReport, AuditSection, Booked, Expected, Violation};
pub use events::{EventChange, NewEvent};
pub use prices::RevenueRow;
pub use request::{Actor, Attempt, Fault, HoldRequest};

#[derive(Clone)]
pub enum Store {
    Postgres(PgPool),
    Sqlite(SqlitePool),
}

/// Runs `$body` with `$pool` bound to the backend's pool, so one block of code (and one SQL
/// text) serves both. `$pg` is `true` on PostgreSQL, for the rare statement whose dialects differ.
macro_rules! with_pool {
    ($store:expr, |$pool:ident, $pg:ident| $body:expr) => {
        match $store {
            $crate::store::Store::Postgres($pool) => {
                #[allow(unused_variables)]
                let $pg = true;
                $body
            }
            $crate::store::Store::Sqlite($pool) => {
                #[allow(unused_variables)]
                let $pg = false;
                $body
            }
        }
    };
}
pub(crate) use with_pool;

impl Store {
    /// The pool's connections now: (open, of which idle).
    pub fn pool_stats(&self) -> (u32, usize) {
        with_pool!(self, |pool, _pg| (pool.size(), pool.num_idle()))
    }

    /// Connects within `database.connect_timeout`. SQLite is embedded: it is created and
    /// migrated on first use. PostgreSQL must already be migrated (`seatctl db migrate`).
    pub async fn connect(target: &DatabaseTarget, cfg: &DatabaseConfig) -> Result<Store> {
        let timeout = cfg.connect_timeout.0;
        match target {
            DatabaseTarget::Postgres { url } => {
                let options = PgConnectOptions::from_str(url)
                    .map_err(|e| bad_url(url, &e))?
                    .application_name("seatctl")
                    .options([(
                        "statement_timeout",
                        cfg.statement_timeout.0.as_millis().to_string(),
                    )]);
                let options = check_tls_files(options)?;
                let options = match (&cfg.password_file, &cfg.password_command) {
                    (Some(_), Some(_)) => {
                        return Err(Error::invalid(
                            "database.password_file and database.password_command are both set: \
                             keep one",
                        ));
                    }
                    (Some(path), None) => options.password(&read_password(path)?),
                    (None, Some(cmd)) => {
                        options.password(&password_from_command(cmd, timeout).await?)
                    }
                    (None, None) => options,
                };
                let pool = PgPoolOptions::new()
                    .max_connections(cfg.max_connections)
                    .acquire_timeout(timeout)
                    // Each command is short; a ping before every acquire costs ~20% for nothing.
                    .test_before_acquire(false);
                // A pool retries a refused connection until the timeout and then reports only
                // "timed out": a plain TCP connect first (far cheaper than a PostgreSQL
                // session) says at once that nothing listens there.
                if options.get_socket().is_none() && !options.get_host().starts_with('/') {
                    let addr = (options.get_host().to_string(), options.get_port());
                    bounded(timeout, target, async {
                        tokio::net::TcpStream::connect(addr)
                            .await
                            .map(drop)
                            .map_err(sqlx::Error::Io)
                    })
                    .await?;
                }
                // The pool opens its first connection now and the command goes on with it: one
                // session per command.
                // One budget for both attempts below: a server that accepts connections but
                // never answers costs `connect_timeout`, not twice that.
                let started = std::time::Instant::now();
                let first = timeout.mul_f64(0.75);
                match bounded_as(first, timeout, target, pool.connect_with(options.clone())).await {
                    Ok(pool) => Ok(Store::Postgres(pool)),
                    // The pool also waits out what it deems transient ("too many clients",
                    // "starting up"): one direct attempt tells the reason.
                    Err(slow) => {
                        let left = timeout.saturating_sub(started.elapsed());
                        if left.is_zero() {
                            return Err(slow);
                        }
                        let probe = PgConnection::connect_with(&options);
                        match bounded_as(left, timeout, target, probe).await {
                            Ok(probe) => {
                                let _ = probe.close().await;
                                Err(slow)
                            }
                            Err(reason) => Err(reason),
                        }
                    }
                }
            }
            DatabaseTarget::Sqlite { url, .. } => {
                let options = SqliteConnectOptions::from_str(url)
                    .map_err(|e| bad_url(url, &e))?
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .busy_timeout(Duration::from_secs(5))
                    .foreign_keys(true);
                let file = options.get_filename();
                if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).map_err(|e| {
                        Error::Unavailable(format!(
                            "cannot create the directory {} for the SQLite database: {e}",
                            dir.display()
                        ))
                    })?;
                }
                let pool = SqlitePoolOptions::new()
                    .max_connections(cfg.max_connections)
                    .acquire_timeout(timeout);
                // Opening a new file switches it to WAL, which needs the file to itself: a
                // terminal racing another one's first open can get SQLITE_BUSY without the busy
                // handler being asked. That is a lost race, not an outage: try again until the
                // connect timeout.
                let deadline = tokio::time::Instant::now() + timeout;
                let pool = bounded(timeout, target, async {
                    let mut pause = Duration::from_millis(10);
                    loop {
                        match pool.clone().connect_with(options.clone()).await {
                            Err(sqlx::Error::Database(db))
                                if matches!(
                                    db.code().as_deref(),
                                    Some("5" | "6" | "261" | "517")
                                ) && tokio::time::Instant::now() + pause < deadline =>
                            {
                                tokio::time::sleep(pause).await;
                                pause = (pause * 2).min(Duration::from_millis(200));
                            }
                            other => return other,
                        }
                    }
                })
                .await?;
                let store = Store::Sqlite(pool);
                store.migrate_embedded().await?;
                Ok(store)
            }
        }
    }

    /// Whether this session's connection to PostgreSQL is encrypted (`pg_stat_ssl`); `None`
    /// for SQLite, or when it cannot be read.
    pub async fn encrypted(&self) -> Option<bool> {
        match self {
            Store::Postgres(pool) => {
                sqlx::query_scalar("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                    .fetch_optional(pool)
                    .await
                    .ok()
                    .flatten()
            }
            Store::Sqlite(_) => None,
        }
    }

    /// Whether this login may grant on seatctl's tables: a superuser, or a member of the role
    /// that owns `seats`. Errors: exit 7 naming both, 6.
    pub async fn owns_schema(&self) -> Result<()> {
        let Store::Postgres(pool) = self else {
            return Ok(());
        };
        let (user, owner, ok): (String, String, bool) = sqlx::query_as(
            "SELECT current_user::text, t.tableowner::text, \
             (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) \
             OR pg_has_role(current_user, t.tableowner, 'MEMBER') \
             FROM pg_tables t WHERE t.tablename = 'seats' AND t.schemaname = current_schema()",
        )
        .fetch_one(pool)
        .await
        .map_err(db_error)?;
        if ok {
            return Ok(());
        }
        Err(Error::PermissionDenied(format!(
            "`{user}` does not own seatctl's schema (its owner is `{owner}`): run \
             `seatctl db roles --apply` as `{owner}` or a superuser"
        )))
    }

    /// Runs a script of statements in one transaction (`db roles --apply`).
    pub async fn run_script(&self, sql: &str) -> Result<()> {
        let sql = sql.to_string();
        with_pool!(self, |pool, _pg| {
            async {
                let mut tx = pool.begin().await?;
                sqlx::raw_sql(sqlx::AssertSqlSafe(sql.clone()))
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await
            }
            .await
        })
        .map_err(db_error)
    }

    /// `postgres` or `sqlite`.
    pub fn backend(&self) -> &'static str {
        match self {
            Store::Postgres(_) => "postgres",
            Store::Sqlite(_) => "sqlite",
        }
    }

    /// One round trip (`SELECT 1`), for `/ready`. Errors: exit 6.
    pub async fn ping(&self) -> Result<()> {
        with_pool!(self, |pool, _pg| {
            sqlx::query("SELECT 1").execute(pool).await.map(|_| ())
        })
        .map_err(db_error)
    }

    /// Closes the pool (every clone of this `Store` shares it).
    pub async fn close(&self) {
        with_pool!(self, |pool, _pg| pool.close().await)
    }
}

/// The contents of a PEM file that must hold a `-----BEGIN …{kind}-----` block. Errors: exit 2
/// naming `key` and the file (never its contents).
pub(crate) fn pem_file(key: &str, path: &std::path::Path, kind: &str) -> Result<Vec<u8>> {
    let bytes = std::fs::read(path)
        .map_err(|e| Error::invalid(format!("{key} {}: cannot read it: {e}", path.display())))?;
    let text = String::from_utf8_lossy(&bytes);
    let has_block = text
        .lines()
        .any(|l| l.starts_with("-----BEGIN ") && l.trim_end().ends_with(&format!("{kind}-----")));
    if !has_block {
        return Err(Error::invalid(format!(
            "{key} {}: not a PEM file with a {kind} in it (expected a line \
             `-----BEGIN {kind}-----`)",
            path.display()
        )));
    }
    Ok(bytes)
}

/// A database URL the driver cannot parse (exit 2), said once (the driver nests its
/// "error with configuration" prefix) and, for `sslmode`, with the values it takes.
fn bad_url(url: &str, e: &sqlx::Error) -> Error {
    let text = e.to_string();
    let mut why = text.as_str();
    while let Some(rest) = why.strip_prefix("error with configuration: ") {
        why = rest;
    }
    let hint = if why.contains("ssl_mode") {
        " (sslmode takes disable, allow, prefer, require, verify-ca or verify-full)"
    } else {
        ""
    };
    Error::invalid(format!("bad database URL {}: {why}{hint}", redact_url(url)))
}

/// `sslrootcert`, `sslcert` and `sslkey` (from the URL, or `PGSSLROOTCERT`, `PGSSLCERT`,
/// `PGSSLKEY`) must be readable PEM files of their kind: a bad one is exit 2 naming it, not a
/// failed handshake later. As libpq does, `sslmode=require` with a root certificate verifies
/// the server against it (`verify-ca`); see
/// <https://www.postgresql.org/docs/current/libpq-ssl.html>.
fn check_tls_files(options: PgConnectOptions) -> Result<PgConnectOptions> {
    use sqlx::ConnectOptions;
    let (mut root, mut cert, mut key_file) = (false, false, false);
    for (key, value) in options.to_url_lossy().query_pairs() {
        let (kind, env) = match &*key {
            "sslrootcert" => ("CERTIFICATE", "PGSSLROOTCERT"),
            "sslcert" => ("CERTIFICATE", "PGSSLCERT"),
            "sslkey" => ("PRIVATE KEY", "PGSSLKEY"),
            _ => continue,
        };
        if let Some(path) = value.strip_prefix("file: ") {
            pem_file(
                &format!("{key} (from the database URL or {env})"),
                std::path::Path::new(path),
                kind,
            )?;
        }
        root |= key == "sslrootcert";
        cert |= key == "sslcert";
        key_file |= key == "sslkey";
    }
    if cert != key_file {
        return Err(Error::invalid(
            "a client certificate needs both sslcert and sslkey (in the database URL, or \
             PGSSLCERT and PGSSLKEY)",
        ));
    }
    Ok(
        if root && matches!(options.get_ssl_mode(), sqlx::postgres::PgSslMode::Require) {
            options.ssl_mode(sqlx::postgres::PgSslMode::VerifyCa)
        } else {
            options
        },
    )
}

/// The first line `database.password_command` prints, within `timeout`. Errors: exit 2 when
/// it cannot run, fails (its exit status), runs past `timeout` (it is killed) or prints
/// nothing; its output, standard or error, is never shown.
async fn password_from_command(cmd: &str, timeout: Duration) -> Result<String> {
    let child = tokio::process::Command::new("sh")
        .arg("-c")
        .arg(cmd)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| Error::invalid(format!("database.password_command: cannot run it: {e}")))?;
    let out = match tokio::time::timeout(timeout, child.wait_with_output()).await {
        Ok(out) => out.map_err(|e| Error::invalid(format!("database.password_command: {e}")))?,
        Err(_) => {
            return Err(Error::invalid(format!(
                "database.password_command did not finish within {}s (database.connect_timeout)",
                timeout.as_secs_f64()
            )));
        }
    };
    if !out.status.success() {
        // Its error output is not shown: a secrets tool (or `set -x`) may print the secret.
        return Err(Error::invalid(format!(
            "database.password_command failed ({}); its output is not shown, as it may hold \
             the password: run the command yourself to see why",
            out.status
        )));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text.lines().next().unwrap_or("").trim_end_matches('\r');
    if line.is_empty() {
        return Err(Error::invalid(
            "database.password_command printed no password (its first line is empty)",
        ));
    }
    Ok(line.to_string())
}

/// The first line of `database.password_file`. Errors: exit 2 naming the file (never its
/// contents).
fn read_password(path: &std::path::Path) -> Result<String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Error::invalid(format!(
            "database.password_file {}: cannot read it: {e}",
            path.display()
        ))
    })?;
    let line = text.lines().next().unwrap_or("").trim_end_matches('\r');
    if line.is_empty() {
        return Err(Error::invalid(format!(
            "database.password_file {} is empty",
            path.display()
        )));
    }
    Ok(line.to_string())
}

/// Runs a connection attempt within `timeout`, turning every failure into exit code 6 with
/// the (redacted) target and the reason.
async fn bounded<T>(
    timeout: Duration,
    target: &DatabaseTarget,
    fut: impl Future<Output = Result<T, sqlx::Error>>,
) -> Result<T> {
    bounded_as(timeout, timeout, target, fut).await
}

/// [`bounded`] with `timeout` as this attempt's share of the whole budget `shown` (what a
/// timeout message names).
async fn bounded_as<T>(
    timeout: Duration,
    shown: Duration,
    target: &DatabaseTarget,
    fut: impl Future<Output = Result<T, sqlx::Error>>,
) -> Result<T> {
    let reason = match tokio::time::timeout(timeout, fut).await {
        Ok(Ok(v)) => return Ok(v),
        Ok(Err(sqlx::Error::Database(db))) => db.message().to_string(),
        Ok(Err(sqlx::Error::Io(io))) => io.to_string(),
        Ok(Err(sqlx::Error::PoolTimedOut)) | Err(_) => format!(
            "no answer within {}s (database.connect_timeout)",
            shown.as_secs_f64()
        ),

        Ok(Err(e)) => e.to_string(),
    };
    // A server certificate the client refused: say what verify-ca / verify-full expect.
    let reason = if reason.contains("invalid peer certificate") {
        format!(
            "{reason} (with sslmode=verify-ca or verify-full the server's certificate must be \
             signed by the CA in sslrootcert, or by a public CA; verify-full also checks the \
             host name)"
        )
    } else {
        reason
    };
    Err(Error::Unavailable(format!(
        "cannot connect to the database at {target}: {reason}"
    )))
}

/// The PostgreSQL login a target connects as (from the URL, else `PGUSER`, else the system
/// user, as the driver decides); `None` for SQLite.
pub fn login_of(target: &DatabaseTarget) -> Option<String> {
    match target {
        DatabaseTarget::Postgres { url } => PgConnectOptions::from_str(url)
            .ok()
            .map(|o| o.get_username().to_string()),
        DatabaseTarget::Sqlite { .. } => None,
    }
}

/// The mark of an error met once a change was on its way to the server (see [`sent`]).
#[derive(Debug)]
struct OutcomeUnknown(String);

impl std::fmt::Display for OutcomeUnknown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for OutcomeUnknown {}

/// For the answer to a change already sent (a COMMIT, or a one-statement write): a connection
/// lost (an I/O error) or a server going down (SQLSTATE class 57P, 08) leaves the change done
/// or not, so the error is marked for [`db_error`] to answer [`Error::Indeterminate`]. Any
/// other error is the server's definite "no".
pub(crate) fn sent(e: sqlx::Error) -> sqlx::Error {
    let lost = match &e {
        sqlx::Error::Io(_) => true,
        sqlx::Error::Database(db) => {
            let code = db.code().unwrap_or_default();
            code.starts_with("57P") || code.starts_with("08")
        }
        _ => false,
    };
    if lost {
        sqlx::Error::Io(std::io::Error::other(OutcomeUnknown(e.to_string())))
    } else {
        e
    }
}

/// Commits a transaction that changed something: see [`sent`].
pub(crate) async fn commit<DB: sqlx::Database>(tx: sqlx::Transaction<'_, DB>) -> sqlx::Result<()> {
    tx.commit().await.map_err(sent)
}

/// The one place database errors become `Error`s with exit codes.
pub(crate) fn db_error(e: sqlx::Error) -> Error {
    if let sqlx::Error::Io(io) = &e
        && let Some(OutcomeUnknown(why)) = io.get_ref().and_then(|i| i.downcast_ref())
    {
        return Error::Indeterminate(format!(
            "the connection to the database broke after the change was sent ({why}): whether \
             it took effect is unknown; look it up (`seatctl history EVENT SEAT`) or retry \
             with the same --idempotency-key"
        ));
    }
    match &e {
        sqlx::Error::RowNotFound => Error::not_found("not found"),
        sqlx::Error::PoolTimedOut => Error::Unavailable(
            "timed out waiting for a database connection (database.connect_timeout)".into(),
        ),
        sqlx::Error::Io(io) => Error::Unavailable(format!("database connection failed: {io}")),
        sqlx::Error::Tls(_) | sqlx::Error::PoolClosed | sqlx::Error::WorkerCrashed => {
            Error::Unavailable(format!("database connection failed: {e}"))
        }
        sqlx::Error::Database(db) => {
            let code = db.code().unwrap_or_default();
            if code == "42501" {
                Error::PermissionDenied(format!(
                    "the database refused this to the current login: {} (the roles of \
                     `seatctl db roles`: box office holds, reserves and releases; operators \
                     also create, import, block and delete; readonly reads)",
                    db.message()
                ))
            } else if db.is_unique_violation() {
                Error::Conflict(db.message().to_string())
            } else if code == "40P01" || code == "40001" {
                Error::Contended(format!(
                    "another terminal was changing the same seats at the same moment ({}); \
                     nothing was changed: try again",
                    db.message()
                ))
            } else if code == "57014" {
                Error::Timeout(
                    "the database cancelled a statement that ran past database.statement_timeout"
                        .into(),
                )
            } else if code.starts_with("57P") || code.starts_with("08") || code == "53300" {
                Error::Unavailable(format!(
                    "the database is not accepting work: {}",
                    db.message()
                ))
            } else if code == "5" || code == "6" || code == "517" || code == "261" {
                Error::Unavailable(format!("the SQLite database is busy: {}", db.message()))
            } else if code == "22021" || code == "22P05" {
                // Text PostgreSQL cannot store (a NUL character): bad input, not a bug.
                Error::Invalid(format!(
                    "text the database cannot store (a NUL character?): {}",
                    db.message()
                ))
            } else if code == "22008" || code == "22015" {
                Error::Invalid(format!("a time or duration out of range: {}", db.message()))
            } else if code == "42P01" || code == "42703" {
                Error::Schema(format!(
                    "the database schema is missing or outdated ({}); run `seatctl db migrate`",
                    db.message()
                ))
            } else {
                Error::Internal(anyhow::Error::new(e))
            }
        }
        _ => Error::Internal(anyhow::Error::new(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A connection lost once a change was sent is an unknown outcome (exit 6, `"outcome":
    /// "unknown"`), never a plain failure; lost before (or a definite answer) it is not.
    #[test]
    fn a_connection_lost_after_sending_is_an_unknown_outcome() {
        let lost = || sqlx::Error::Io(std::io::Error::from(std::io::ErrorKind::UnexpectedEof));
        let after = db_error(sent(lost()));
        assert!(matches!(after, Error::Indeterminate(_)), "{after:?}");
        assert_eq!(after.exit_code(), crate::error::ExitCode::Unavailable);
        assert_eq!(after.details()["outcome"], "unknown");
        assert!(after.to_string().contains("--idempotency-key"), "{after}");
        let before = db_error(lost());
        assert!(matches!(before, Error::Unavailable(_)), "{before:?}");
        assert!(before.details().get("outcome").is_none());
        let no = db_error(sent(sqlx::Error::RowNotFound));
        assert!(matches!(no, Error::NotFound(_)), "{no:?}");
    }
}
