//! Test environments: each test gets its own temp dir (HOME, config and data dirs) and its own
//! database (a SQLite file, or a fresh PostgreSQL database dropped afterwards), so tests run in
//! parallel and never touch a developer's own data.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::Output;

use assert_cmd::Command;
use sqlx::Connection;
use tempfile::TempDir;

pub const DEFAULT_PG: &str = "postgres://postgres@127.0.0.1:5432/postgres";
pub const DEFAULT_REDIS: &str = "redis://127.0.0.1:6379";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct Env {
    pub dir: TempDir,
    pub backend: Backend,
    pub db_url: String,
    pg_db: Option<(String, String)>,
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
}

/// The admin URL for PostgreSQL tests, or `None` (with a skip line) when it is unreachable
/// and `CI` is not set. Under `CI` an unreachable server fails the test.
pub fn pg_admin_url(test: &str) -> Option<String> {
    let url = std::env::var("TEST_DATABASE_URL").unwrap_or_else(|_| DEFAULT_PG.to_string());
    let reachable = runtime().block_on(async {
        tokio::time::timeout(
            std::time::Duration::from_secs(5),
            sqlx::PgConnection::connect(&url),
        )
        .await
        .map_err(|_| "timed out".to_string())
        .and_then(|r| r.map_err(|e| e.to_string()))
        .map(|_| ())
    });
    match reachable {
        Ok(()) => Some(url),
        Err(e) if std::env::var_os("CI").is_some() => {
            panic!("CI is set but PostgreSQL at {url} is unreachable: {e}")
        }
        Err(e) => {
            // Straight to the stream, not eprintln!: libtest would hide a passing test's output.
            let _ = writeln!(
                std::io::stderr().lock(),
                "SKIP {test} on PostgreSQL: {url} is unreachable ({e}); set TEST_DATABASE_URL"
            );
            None
        }
    }
}

/// The Redis URL for tests (`TEST_REDIS_URL`, default local), or `None` with a skip line when
/// it is unreachable and `CI` is not set.
pub fn redis_url(test: &str) -> Option<String> {
    let url = std::env::var("TEST_REDIS_URL").unwrap_or_else(|_| DEFAULT_REDIS.to_string());
    let reachable = runtime().block_on(async {
        let client = redis::Client::open(url.as_str()).map_err(|e| e.to_string())?;
        let ping = async {
            let mut con = client.get_multiplexed_async_connection().await?;
            redis::cmd("PING").query_async::<String>(&mut con).await
        };
        match tokio::time::timeout(std::time::Duration::from_secs(5), ping).await {
            Ok(r) => r.map(|_| ()).map_err(|e| e.to_string()),
            Err(_) => Err("timed out".to_string()),
        }
    });
    match reachable {
        Ok(()) => Some(url),
        Err(e) if std::env::var_os("CI").is_some() => {
            panic!("CI is set but Redis at {url} is unreachable: {e}")
        }
        Err(e) => {
            let _ = writeln!(
                std::io::stderr().lock(),
                "SKIP {test}: Redis at {url} is unreachable ({e}); set TEST_REDIS_URL"
            );
            None
        }
    }
}

fn with_database(admin: &str, db: &str) -> String {
    match admin.rfind('/') {
        Some(i) if !admin[..i].ends_with('/') => format!("{}/{db}", &admin[..i]),
        _ => format!("{}/{db}", admin.trim_end_matches('/')),
    }
}

impl Env {
    pub fn sqlite() -> Env {
        let dir = TempDir::new().expect("temp dir");
        let db_url = format!("sqlite://{}", dir.path().join("test.db").display());
        Env {
            dir,
            backend: Backend::Sqlite,
            db_url,
            pg_db: None,
        }
    }

    /// A fresh, unmigrated PostgreSQL database, dropped when the `Env` is.
    pub fn postgres_unmigrated(test: &str) -> Option<Env> {
        let admin = pg_admin_url(test)?;
        let name = test_database_name();
        runtime().block_on(async {
            let mut conn = sqlx::PgConnection::connect(&admin).await.expect("connect");
            sweep_stale_databases(&mut conn).await;
            sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .execute(&mut conn)
                .await
                .expect("create test database");
        });
        Some(Env {
            dir: TempDir::new().expect("temp dir"),
            backend: Backend::Postgres,
            db_url: with_database(&admin, &name),
            pg_db: Some((admin, name)),
        })
    }

    /// A migrated database at `db_url` that the caller owns (a private cluster's): nothing is
    /// dropped here.
    pub fn on_database(db_url: String) -> Env {
        let env = Env {
            dir: TempDir::new().expect("temp dir"),
            backend: Backend::Postgres,
            db_url,
            pg_db: None,
        };
        env.ok(&["db", "migrate"]);
        env
    }

    pub fn postgres(test: &str) -> Option<Env> {
        let env = Env::postgres_unmigrated(test)?;
        env.ok(&["db", "migrate"]);
        Some(env)
    }

    /// The `seatctl` process with this environment's database and an isolated HOME and config.
    pub fn process(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("seatctl"));
        let home = self.dir.path();
        cmd.current_dir(home)
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("DATABASE_URL", &self.db_url)
            // Times on the terminal follow the machine's zone: the tests' is UTC.
            .env("TZ", "UTC")
            .env_remove("SEATCTL_CONFIG")
            .env_remove("SEATCTL_STRATEGY")
            .env_remove("REDIS_URL")
            .env_remove("NO_COLOR")
            .env_remove("RUST_BACKTRACE")
            .env_remove("RUST_LOG")
            .env_remove("COLUMNS");
        cmd
    }

    /// The same, with a time limit so a hung process fails its test instead of the run.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::from_std(self.process());
        cmd.timeout(std::time::Duration::from_secs(120));
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("run seatctl")
    }

    /// Runs and expects exit 0; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "seatctl {args:?} failed ({:?}):\n{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }

    /// Creates event `name` with the layout of `examples/small.csv` (three rows A-C).
    pub fn create_small(&self, name: &str) {
        self.ok(&[
            "event",
            "create",
            "--name",
            name,
            "--layout",
            &crate::events::repo("examples/small.csv"),
        ]);
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut full = vec!["--json"];
        full.extend_from_slice(args);
        let text = self.ok(&full);
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("not one JSON document ({e}): {text}"))
    }

    /// Runs and expects the given exit code; returns stderr.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.run(args);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(
            out.status.code(),
            Some(code),
            "seatctl {args:?}: expected exit {code}; stderr:\n{stderr}\nstdout:\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
        stderr
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> String {
        let path = self.path(name);
        std::fs::write(&path, contents).expect("write file");
        path.display().to_string()
    }

    /// Runs SQL against this environment's database (for setting up states no command makes yet).
    pub fn sql(&self, statements: &[&str]) {
        if let Err(e) = self.try_sql(statements) {
            panic!("{e}");
        }
    }

    /// As [`Env::sql`], but returns the first error instead of failing the test.
    pub fn try_sql(&self, statements: &[&str]) -> Result<(), String> {
        let url = self.db_url.clone();
        let backend = self.backend;
        let statements: Vec<String> = statements.iter().map(|s| s.to_string()).collect();
        runtime().block_on(async move {
            for s in statements {
                let done = match backend {
                    Backend::Postgres => {
                        let mut conn = sqlx::PgConnection::connect(&url).await.expect("connect");
                        sqlx::raw_sql(sqlx::AssertSqlSafe(s.clone()))
                            .execute(&mut conn)
                            .await
                            .map(|_| ())
                    }
                    Backend::Sqlite => {
                        let mut conn = sqlx::SqliteConnection::connect(&url)
                            .await
                            .expect("connect");
                        sqlx::raw_sql(sqlx::AssertSqlSafe(s.clone()))
                            .execute(&mut conn)
                            .await
                            .map(|_| ())
                    }
                };
                done.map_err(|e| format!("{s}: {e}"))?;
            }
            Ok(())
        })
    }

    /// The one integer a query returns (a count), on either backend.
    pub fn count(&self, sql: &str) -> i64 {
        let (url, sql) = (self.db_url.clone(), sql.to_string());
        let backend = self.backend;
        runtime().block_on(async move {
            let q = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql.clone()));
            match backend {
                Backend::Postgres => {
                    let mut conn = sqlx::PgConnection::connect(&url).await.expect("connect");
                    q.fetch_one(&mut conn).await
                }
                Backend::Sqlite => {
                    let mut conn = sqlx::SqliteConnection::connect(&url)
                        .await
                        .expect("connect");
                    sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql.clone()))
                        .fetch_one(&mut conn)
                        .await
                }
            }
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
        })
    }
}

impl Drop for Env {
    fn drop(&mut self) {
        if let Some((admin, name)) = self.pg_db.take() {
            runtime().block_on(async {
                if let Ok(mut conn) = sqlx::PgConnection::connect(&admin).await {
                    let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                    )))
                    .execute(&mut conn)
                    .await;
                }
            });
        }
    }
}

/// Test databases are named `seatctl_test_<unix seconds>_<random>`, so that a sweep can tell
/// the leftovers of killed runs by their age.
pub fn test_database_name() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs();
    format!("seatctl_test_{now}_{}", uuid::Uuid::new_v4().simple())
}

/// Once per test process: drops `seatctl_test_*` databases more than six hours old (a test
/// killed half-way cannot drop its own), never a younger one another run may be using.
async fn sweep_stale_databases(conn: &mut sqlx::PgConnection) {
    static SWEPT: std::sync::Once = std::sync::Once::new();
    let mut first = false;
    SWEPT.call_once(|| first = true);
    if !first {
        return;
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs();
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT datname FROM pg_database WHERE datname LIKE 'seatctl\\_test\\_%'",
    )
    .fetch_all(&mut *conn)
    .await
    .unwrap_or_default();
    for name in names {
        let born = name
            .strip_prefix("seatctl_test_")
            .and_then(|rest| rest.split('_').next())
            .and_then(|t| t.parse::<u64>().ok());
        // Names from before the age was in them (`seatctl_test_<uuid>`) are stale by now too.
        if born.is_none_or(|t| now.saturating_sub(t) > 6 * 3600) {
            let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
            )))
            .execute(&mut *conn)
            .await;
        }
    }
}

/// Runs `test` on SQLite, then on PostgreSQL (skipped with a line when unreachable outside CI).
pub fn on_both(name: &str, test: impl Fn(&Env)) {
    test(&Env::sqlite());
    if let Some(env) = Env::postgres(name) {
        test(&env);
    }
}
