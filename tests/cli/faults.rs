//! Backend faults against servers the tests start (a private `redis-server` on a free port) or
//! against the test's own database only (its backends terminated): long-lived runs recover by
//! themselves, report how long that took, and the audit passes.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::Env;

/// A private Redis on a free loopback port, stopped on drop.
struct PrivateRedis {
    port: u16,
    child: Option<Child>,
}

impl PrivateRedis {
    /// `None` (with a skip line) when `redis-server` is not installed and `CI` is not set.
    fn start() -> Option<PrivateRedis> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut r = PrivateRedis { port, child: None };
        if let Err(e) = r.launch() {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI is set but redis-server cannot start: {e}"
            );
            eprintln!("SKIP fault test: redis-server cannot start: {e}");
            return None;
        }
        Some(r)
    }

    fn launch(&mut self) -> std::io::Result<()> {
        let child = Command::new("redis-server")
            .args(["--bind", "127.0.0.1", "--port", &self.port.to_string()])
            .args(["--save", "", "--appendonly", "no"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        self.child = Some(child);
        // Ready when it accepts connections.
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            if Instant::now() > deadline {
                return Err(std::io::Error::other("redis-server did not start"));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Ok(())
    }

    fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill(); // SIGKILL: no goodbye, every lock gone.
            let _ = c.wait();
        }
    }

    fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }
}

impl Drop for PrivateRedis {
    fn drop(&mut self) {
        self.kill();
    }
}

fn report(child: Child) -> (Option<i32>, Value, String) {
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let r = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("no report ({e}); exit {:?}; {stderr}", out.status.code()));
    (out.status.code(), r, stderr)
}

/// Waits until the run's buyers are selling (its throw-away event has reservations).
fn wait_for_sales(env: &Env) {
    let ready = Instant::now();
    while env.json(&["event", "list"])[0]["counts"]["reserved"]
        .as_u64()
        .unwrap_or(0)
        == 0
    {
        assert!(
            ready.elapsed() < Duration::from_secs(30),
            "the run never started"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn holds_per_second(run: &Value) -> Vec<u64> {
    run["raw"]["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["holds"].as_u64().unwrap())
        .collect()
}

/// F1: Redis killed (SIGKILL) mid-run and started again empty three seconds later. Before, the
/// one connection never reconnected and holds stayed at zero for the rest of the run; now
/// sales resume at once, and the version guard keeps every seat single-sold while the locks
/// are gone.
#[test]
fn f1_a_redis_restart_mid_run_is_survived() {
    let env = Env::postgres("f1_redis_restart").unwrap_or_else(Env::sqlite);
    let Some(mut redis) = PrivateRedis::start() else {
        return;
    };
    let prefix = format!("seatctl-test-{}", uuid::Uuid::new_v4().simple());
    let cfg = env.write("f1.toml", format!("[redis]\nkey_prefix = \"{prefix}\"\n"));
    let child = env
        .process()
        .args(["--json", "--strategy", "redis", "--redis-url", &redis.url()])
        .args([
            "--config", &cfg, "simulate", "--seats", "20000", "--buyers", "8",
        ])
        .args(["--duration", "9s", "--reserve-ratio", "0.5"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for_sales(&env);
    std::thread::sleep(Duration::from_millis(1500));
    redis.kill();
    std::thread::sleep(Duration::from_secs(2));
    redis.launch().unwrap();
    let (code, r, stderr) = report(child);
    assert_eq!(code, Some(0), "{r}\n{stderr}");
    let run = &r["runs"][0];
    assert_eq!(run["audit"]["ok"], true, "{}", run["audit"]);
    let ticks = holds_per_second(run);
    let before = ticks[1];
    assert!(
        before > 0 && run["outcomes"]["backend_error"].as_u64().unwrap() > 0,
        "{ticks:?}"
    );
    // Redis was down for 2 s: recovered within 2 s of coming back (4 s from the failure).
    let recovery = run["recovery_s"].as_f64().expect("a recovery time");
    assert!(recovery < 4.0, "recovered after {recovery} s: {ticks:?}");
    // And the last full seconds sell at the pace of the first ones.
    let last = ticks[ticks.len() - 2];
    assert!(last * 2 > before, "{ticks:?}");
}

/// F4 (lite): every connection of the run's database terminated mid-run
/// (`pg_terminate_backend`, as a failover does). Before, the run aborted with exit 6 and no
/// report; now the pools replace the connections, the buyers back off while it fails, and the
/// run reports its errors and recovery time and passes its audit.
#[test]
fn f4_terminated_database_connections_are_replaced() {
    let Some(env) = Env::postgres("f4_terminate") else {
        return;
    };
    let child = env
        .process()
        .args(["--json", "simulate", "--seats", "20000", "--buyers", "8"])
        .args(["--duration", "6s", "--reserve-ratio", "0.5"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for_sales(&env);
    std::thread::sleep(Duration::from_secs(1));
    let db = env.db_url.rsplit('/').next().unwrap().to_string();
    let admin = crate::common::pg_admin_url("f4_terminate").unwrap();
    let out = Command::new("psql")
        .args([&admin, "-Atqc"])
        .arg(format!(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity \
             WHERE datname = '{db}' AND pid <> pg_backend_pid()"
        ))
        .output()
        .unwrap();
    let killed: u64 = String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .unwrap_or(0);
    let (code, r, stderr) = report(child);
    assert_eq!(code, Some(0), "{r}\n{stderr}");
    assert!(killed > 0, "nothing to terminate");
    let run = &r["runs"][0];
    assert_eq!(run["audit"]["ok"], true, "{}", run["audit"]);
    // Operations that met a terminated connection failed (or the pool noticed first and
    // none did); either way sales went on at once.
    let errors = run["outcomes"]["backend_error"].as_u64().unwrap()
        + run["outcomes"]["indeterminate"].as_u64().unwrap();
    if errors > 0 {
        let recovery = run["recovery_s"].as_f64().expect("a recovery time");
        assert!(recovery < 2.0, "recovered after {recovery} s");
    }
    let ticks = holds_per_second(run);
    assert!(ticks[ticks.len() - 2] > 0, "{ticks:?}");
}

/// F5: a server that accepts connections and never answers (a listener in this test). Every
/// command answers exit 6 within its configured bound: before, PostgreSQL cost twice
/// `database.connect_timeout` (the pool's attempt, then a probe with a budget of its own).
#[test]
fn f5_a_silent_server_costs_one_bound_then_exit_6() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    // Accepts and keeps every connection, saying nothing.
    std::thread::spawn(move || {
        let mut kept = Vec::new();
        for c in listener.incoming().flatten() {
            kept.push(c);
        }
    });
    let env = Env::sqlite();
    let cfg = env.write(
        "silent.toml",
        "[database]\nconnect_timeout = \"1s\"\n[redis]\ntimeout = \"1s\"\n",
    );
    let silent_pg = format!("postgres://u@127.0.0.1:{port}/x");
    let silent_redis = format!("redis://127.0.0.1:{port}");
    env.ok(&["event", "create", "--name", "E", "--seats", "3"]);
    let cases: Vec<Vec<String>> = vec![
        vec![
            "--database-url".into(),
            silent_pg.clone(),
            "event".into(),
            "list".into(),
        ],
        vec!["--database-url".into(), silent_pg, "doctor".into()],
        [
            "--strategy",
            "redis",
            "--redis-url",
            &silent_redis,
            "hold",
            "E",
            "1",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for args in cases {
        let started = Instant::now();
        let out = env
            .cmd()
            .args(["--config", &cfg])
            .args(&args)
            .output()
            .unwrap();
        let took = started.elapsed();
        assert_eq!(out.status.code(), Some(6), "{args:?}: {out:?}");
        assert!(
            took < Duration::from_millis(2500),
            "{args:?} took {took:?} against a 1 s bound"
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        let stdout = String::from_utf8_lossy(&out.stdout);
        let said = format!("{stderr}{stdout}");
        assert!(
            said.contains("no answer within 1s") || said.contains("timed out"),
            "{args:?}: {said}"
        );
    }
}

/// F2: a real `seatctl hold` stopped (SIGSTOP) while it holds its Redis lock, past the lock's
/// TTL; another process takes the seat meanwhile; resumed (SIGCONT), the stale writer loses to
/// the version guard (PostgreSQL, where the other process does not wait for it).
#[test]
fn f2_a_stopped_lock_holder_loses_when_it_resumes() {
    let Some(env) = Env::postgres("f2_sigstop") else {
        return;
    };
    let Some(mut redis) = PrivateRedis::start() else {
        return;
    };
    let prefix = format!("seatctl-test-{}", uuid::Uuid::new_v4().simple());
    let cfg = env.write(
        "f2.toml",
        format!("[redis]\nkey_prefix = \"{prefix}\"\nlock_ttl = \"150ms\"\n"),
    );
    let flags = [
        "--strategy",
        "redis",
        "--redis-url",
        &redis.url(),
        "--config",
        &cfg,
    ];
    env.ok(&["event", "create", "--name", "E", "--seats", "3"]);
    let stale = env
        .process()
        .args(flags)
        .args(["hold", "E", "2", "--pause-after-lock", "1s"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let pid = stale.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-STOP", &pid])
            .status()
            .unwrap()
            .success()
    );
    // The lease lapses; another terminal takes the seat.
    std::thread::sleep(Duration::from_millis(300));
    let mut args: Vec<&str> = flags.to_vec();
    args.extend(["hold", "E", "2"]);
    env.ok(&args);
    std::thread::sleep(Duration::from_millis(1200));
    assert!(
        Command::new("kill")
            .args(["-CONT", &pid])
            .status()
            .unwrap()
            .success()
    );
    let out = stale.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(3),
        "the stale writer must lose: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        env.json(&["history", "E", "2"]).as_array().unwrap().len(),
        1
    );
    assert_eq!(env.json(&["audit", "E"])["ok"], true);
    redis.kill();
}

/// F3: every lock key deleted from outside, again and again, mid-run (as an operator's
/// FLUSHDB or an eviction would): locks vanish under their holders (counted as lost), and the
/// version guard still sells every seat once.
#[test]
fn f3_lock_keys_deleted_mid_run_sell_nothing_twice() {
    let env = Env::postgres("f3_keys").unwrap_or_else(Env::sqlite);
    let Some(redis) = PrivateRedis::start() else {
        return;
    };
    let prefix = format!("seatctl-test-{}", uuid::Uuid::new_v4().simple());
    let cfg = env.write("f3.toml", format!("[redis]\nkey_prefix = \"{prefix}\"\n"));
    let child = env
        .process()
        .args(["--json", "--strategy", "redis", "--redis-url", &redis.url()])
        .args([
            "--config", &cfg, "simulate", "--seats", "30", "--buyers", "12",
        ])
        .args([
            "--duration",
            "4s",
            "--reserve-ratio",
            "0.5",
            "--hot",
            "0.9:0.2",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let url = redis.url();
    let pattern = format!("{prefix}*");
    let deleter = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let client = redis::Client::open(url.as_str()).unwrap();
            let mut con = client.get_multiplexed_async_connection().await.unwrap();
            let (mut deleted, end) = (0u64, Instant::now() + Duration::from_secs(5));
            while Instant::now() < end {
                let keys: Vec<String> = redis::cmd("KEYS")
                    .arg(&pattern)
                    .query_async(&mut con)
                    .await
                    .unwrap_or_default();
                if !keys.is_empty() {
                    let n: u64 = redis::cmd("DEL")
                        .arg(&keys)
                        .query_async(&mut con)
                        .await
                        .unwrap_or(0);
                    deleted += n;
                }
                tokio::time::sleep(Duration::from_millis(2)).await;
            }
            deleted
        })
    });
    let (code, r, stderr) = report(child);
    let deleted = deleter.join().unwrap();
    assert_eq!(code, Some(0), "{r}\n{stderr}");
    let run = &r["runs"][0];
    assert_eq!(run["audit"]["ok"], true, "{}", run["audit"]);
    assert!(deleted > 0, "no lock was ever deleted");
    assert!(
        run["outcomes"]["lock_lost"].as_u64().unwrap() > 0,
        "{}",
        run["outcomes"]
    );
}

/// A backend that dies and stays down is reported as not recovered, never as a recovery (a
/// "taken" answer the database gives alone does not count as the backend being back).
#[test]
fn f1b_a_redis_that_stays_down_is_not_reported_recovered() {
    let env = Env::sqlite();
    let Some(mut redis) = PrivateRedis::start() else {
        return;
    };
    let prefix = format!("seatctl-test-{}", uuid::Uuid::new_v4().simple());
    let cfg = env.write(
        "f1b.toml",
        format!("[redis]\nkey_prefix = \"{prefix}\"\ntimeout = \"500ms\"\n"),
    );
    let child = env
        .process()
        .args(["--json", "--strategy", "redis", "--redis-url", &redis.url()])
        .args([
            "--config", &cfg, "simulate", "--seats", "20", "--buyers", "4",
        ])
        .args(["--duration", "4s", "--reserve-ratio", "0.5"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for_sales(&env);
    redis.kill();
    let (_, r, stderr) = report(child);
    let run = &r["runs"][0];
    assert_eq!(run["unrecovered"], true, "{r}\n{stderr}");
    // Refused at once, and the reason is named (not a bare timeout).
    let err = env.fails(
        &[
            "--strategy",
            "redis",
            "--redis-url",
            &redis.url(),
            "--config",
            &cfg,
            "hold",
            "X",
            "1",
        ],
        6,
    );
    assert!(err.contains("refused"), "{err}");
}
