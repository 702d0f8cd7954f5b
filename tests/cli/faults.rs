//! Backend faults against servers the tests start (a private `redis-server` on a free port) or
//! against the test's own database only (its backends terminated): long-lived runs recover by
//! themselves, report how long that took, and the audit passes.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::Env;
use crate::servers::{PrivatePg, PrivateRedis};

/// Starts a command with its output captured, for [`report`].
trait SpawnPiped {
    fn spawn_piped(&mut self) -> Child;
}

impl SpawnPiped for Command {
    fn spawn_piped(&mut self) -> Child {
        self.stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn seatctl")
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
        .spawn_piped();
    wait_for_sales(&env);
    std::thread::sleep(Duration::from_millis(1500));
    redis.kill();
    let down = Instant::now();
    std::thread::sleep(Duration::from_secs(2));
    redis.launch().unwrap();
    let down_s = down.elapsed().as_secs_f64();
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
    // Recovered within 2 s of Redis answering again (`recovery_s` counts from the first
    // failure, which came at most when Redis went down).
    let recovery = run["recovery_s"].as_f64().expect("a recovery time");
    let after_restart = recovery - down_s;
    assert!(
        after_restart < 2.0,
        "sales resumed {after_restart:.2} s after the restart: {ticks:?}"
    );
    // And the last full seconds sell at the pace of the first ones.
    let last = ticks[ticks.len() - 2];
    assert!(last * 2 > before, "{ticks:?}");
    figure(format!(
        "f1 redis SIGKILL + restart: down {down_s:.1} s, sales resumed {:.2} s after the \
         restart; {} backend errors; holds/s before {before}, last second {last}; audit ok",
        after_restart.max(0.0),
        run["outcomes"]["backend_error"]
    ));
}

/// F4 (lite): every connection of the run's database terminated mid-run
/// (`pg_terminate_backend`, as a failover does). Before, the run aborted with exit 6 and no
/// report; now the pools replace the connections, the buyers back off while it fails, and the
/// run reports its errors and recovery time and passes its audit.
#[test]
fn f4_terminated_database_connections_are_replaced() {
    let Some(redis) = PrivateRedis::start() else {
        return;
    };
    for strategy in ["occ", "redis"] {
        let Some(env) = Env::postgres("f4_terminate") else {
            return;
        };
        terminated_mid_run(&env, strategy, &redis.url());
    }
}

fn terminated_mid_run(env: &Env, strategy: &str, redis_url: &str) {
    let prefix = format!("seatctl-test-{}", uuid::Uuid::new_v4().simple());
    let cfg = env.write("f4.toml", format!("[redis]\nkey_prefix = \"{prefix}\"\n"));
    let child = env
        .process()
        .args(["--json", "--config", &cfg, "--strategy", strategy])
        .args(["--redis-url", redis_url])
        .args(["simulate", "--seats", "20000", "--buyers", "8"])
        .args(["--duration", "6s", "--reserve-ratio", "0.5"])
        .spawn_piped();
    wait_for_sales(env);
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
    let o = &run["outcomes"];
    let errors = o["backend_error"].as_u64().unwrap() + o["indeterminate"].as_u64().unwrap();
    let mut recovery = 0.0;
    if errors > 0 {
        recovery = run["recovery_s"].as_f64().expect("a recovery time");
        assert!(recovery < 2.0, "{strategy}: recovered after {recovery} s");
    }
    let ticks = holds_per_second(run);
    assert!(ticks[ticks.len() - 2] > 0, "{strategy}: {ticks:?}");
    figure(format!(
        "f4 every connection terminated ({strategy}): {killed} connections, {} backend errors, \
         {} indeterminate, recovered {recovery:.2} s after the first failure; audit ok",
        o["backend_error"], o["indeterminate"]
    ));
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
        figure(format!(
            "f5 silent server, `{}`: exit 6 after {:.2} s (bound 1 s)",
            args.iter()
                .filter(|a| !a.starts_with("--") && !a.contains("://"))
                .cloned()
                .collect::<Vec<_>>()
                .join(" "),
            took.as_secs_f64()
        ));
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
        .spawn_piped();
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
    figure("f2 lock holder stopped past lock_ttl: the stale writer lost (exit 3)".into());
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
        .spawn_piped();
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
    figure(format!(
        "f3 lock keys deleted mid-run: {deleted} keys deleted, {} locks lost, {} booked; \
         audit ok",
        run["outcomes"]["lock_lost"], run["outcomes"]["booked"]
    ));
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
        .spawn_piped();
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

/// Prints a figure a test measured, for the README ("fault figures from the tests' own
/// output"): straight to the stream, so it shows even when libtest captures output.
fn figure(line: String) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "FIGURE {line}");
}

/// F4: the PostgreSQL server itself crash-stopped mid-run (`pg_ctl stop -m immediate`, every
/// backend killed, no checkpoint), down for a second, then started again (crash recovery), on
/// a private cluster. The run rides it out under each strategy: it reports its backend errors
/// and unknown outcomes and how long recovery took, unknown holds are asked again with their
/// idempotency keys (found made, never made twice), and the audit passes.
#[test]
fn f4_a_postgres_restart_mid_run_is_survived() {
    let Some(pg) = PrivatePg::start() else {
        return;
    };
    let Some(redis) = PrivateRedis::start() else {
        return;
    };
    // Whole buys under each strategy, then single operations of every kind (`--mix`), whose
    // answers the history checker judges, unknown outcomes included.
    let mix = "hold=40,extend=15,reserve=25,release=20";
    for (strategy, mixed) in [("occ", false), ("redis", false), ("occ", true)] {
        let name = format!("f4_{strategy}{}", if mixed { "_mix" } else { "" });
        let env = Env::on_database(pg.database(&name));
        let scenario: Vec<&str> = if mixed {
            vec!["--seats", "400", "--mix", mix, "--processes", "2"]
        } else {
            vec!["--seats", "20000", "--reserve-ratio", "0.5"]
        };
        let prefix = format!("seatctl-test-{}", uuid::Uuid::new_v4().simple());
        let cfg = env.write(
            "f4.toml",
            format!("[redis]\nkey_prefix = \"{prefix}\"\n[database]\nconnect_timeout = \"2s\"\n"),
        );
        let child = env
            .process()
            .args(["--json", "--config", &cfg, "--strategy", strategy])
            .args(["--redis-url", &redis.url()])
            .args(["simulate", "--buyers", "8", "--duration", "8s"])
            .args(&scenario)
            .spawn_piped();
        wait_for_sales(&env);
        std::thread::sleep(Duration::from_secs(1));
        pg.stop_immediate();
        let down = Instant::now();
        std::thread::sleep(Duration::from_secs(1));
        pg.start_again();
        let down_s = down.elapsed().as_secs_f64();
        let (code, r, stderr) = report(child);
        assert_eq!(code, Some(0), "{name}: {r}\n{stderr}");
        let run = &r["runs"][0];
        assert_eq!(run["audit"]["ok"], true, "{name}: {}", run["audit"]);
        if mixed {
            assert_eq!(run["history"]["ok"], true, "{name}: {:#}", run["history"]);
        }
        let o = &run["outcomes"];
        let failed = o["backend_error"].as_u64().unwrap() + o["indeterminate"].as_u64().unwrap();
        assert!(failed > 0, "{name}: nothing failed: {o}");
        // Back within two seconds of the server accepting connections again.
        let recovery = run["recovery_s"].as_f64().expect("a recovery time");
        assert!(
            recovery < down_s + 2.0,
            "{name}: recovered after {recovery} s"
        );
        assert_eq!(run["unrecovered"], false, "{name}");
        let ticks = holds_per_second(run);
        assert!(ticks[ticks.len() - 2] > 0, "{name}: {ticks:?}");
        // Every unknown hold asked again was found made or not, never made twice: each
        // idempotency key names at most one hold (and the audit above saw no stray booking).
        let dup = env.count(
            "SELECT count(*) FROM (SELECT idempotency_key FROM holds \
             WHERE idempotency_key IS NOT NULL GROUP BY 1 HAVING count(*) > 1) d",
        );
        assert_eq!(dup, 0, "{name}");
        figure(format!(
            "f4 postgres restart ({name}): down {down_s:.1} s, recovered {recovery:.2} s \
             after the first failure; {} backend errors, {} indeterminate, {} unknown holds \
             retried ({} found made); audit ok",
            o["backend_error"], o["indeterminate"], o["unknown_retried"], o["unknown_replayed"]
        ));
    }
}

/// Unknown outcomes, made certain: a share of holds commit and then lose their answer (as
/// when the connection breaks once COMMIT was sent). Each is reported `indeterminate`, never
/// as success or failure; a later buy asks again with the same idempotency key and gets the
/// hold that was made (a replay), never a second one: the database holds exactly one hold per
/// key, and (holds answered) − (replays) + (answers lost) holds in all.
#[test]
fn unknown_outcomes_are_retried_with_their_key_and_never_hold_twice() {
    crate::common::on_both("lost_answers", |env| {
        let out = env
            .cmd()
            .args(["--json", "simulate", "--seats", "5000", "--buyers", "6"])
            .args(["--ops", "600", "--reserve-ratio", "0.5"])
            .args(["--fault-lost-answers", "0.2", "--keep", "--warmup", "0s"])
            .output()
            .unwrap();
        let r: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
        assert_eq!(out.status.code(), Some(0), "{r}");
        let run = &r["runs"][0];
        assert_eq!(run["audit"]["ok"], true, "{}", run["audit"]);
        let o = &run["outcomes"];
        let lost = o["indeterminate"].as_u64().unwrap();
        let retried = o["unknown_retried"].as_u64().unwrap();
        let replayed = o["unknown_replayed"].as_u64().unwrap();
        assert!(lost > 20 && retried > 20, "{o}");
        // Every lost answer was a hold made: each retry found it (the TTL is a minute).
        assert_eq!(replayed, retried, "{o}");
        assert!(retried <= lost && lost - retried <= 6, "{o}");
        // The run keeps its event (`--keep`): count its holds.
        let holds = run["raw"]["holds"].as_u64().unwrap() as i64;
        let rows = env.count("SELECT count(*) FROM holds");
        assert_eq!(rows, holds - replayed as i64 + lost as i64, "{o}");
        let keys = env.count("SELECT count(DISTINCT idempotency_key) FROM holds");
        assert_eq!(keys, rows, "one hold per idempotency key");
        figure(format!(
            "lost answers ({:?}): {lost} holds answered indeterminate, {retried} asked again \
             with their key, {replayed} found made; {rows} holds in the database for {keys} keys",
            env.backend
        ));
    });
}

/// F5b: the server freezes (SIGSTOP on the whole private cluster) while connections are open,
/// as a hung host or a partition does. No server-side timeout can fire then: before, a hold
/// waited as long as the freeze (forever, for a partition) and a 3 s simulation ran 22 s. Now
/// each database round is bounded by statement_timeout + connect_timeout on the client: the
/// one-shot hold answers exit 6 with an unknown outcome within it, and the simulation ends on
/// time, counting the frozen operations as failed.
#[test]
fn f5b_a_server_frozen_mid_operation_costs_one_bound() {
    let Some(pg) = PrivatePg::start() else {
        return;
    };
    let env = Env::on_database(pg.database("f5b"));
    let cfg = env.write(
        "f5b.toml",
        "[database]\nconnect_timeout = \"1s\"\nstatement_timeout = \"1s\"\n",
    );
    env.ok(&["event", "create", "--name", "E", "--seats", "10"]);
    let hold = env
        .process()
        .args(["--json", "--config", &cfg, "hold", "E", "3"])
        .args(["--pause-after-lock", "1s", "--idempotency-key", "k1"])
        .spawn_piped();
    std::thread::sleep(Duration::from_millis(500));
    pg.signal_all("STOP");
    let started = Instant::now();
    let out = hold.wait_with_output().unwrap();
    let took = started.elapsed();
    pg.signal_all("CONT");
    assert_eq!(out.status.code(), Some(6), "{out:?}");
    let err: Value = serde_json::from_slice(&out.stderr)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    assert_eq!(err["error"]["outcome"], "unknown", "{err}");
    // The pause's remaining half second, then the 2 s bound.
    assert!(
        took < Duration::from_millis(4000),
        "answered after {took:?}"
    );
    figure(format!(
        "f5b frozen server, one-shot hold: exit 6 (outcome unknown) {:.2} s after the freeze (bound: 2 s from the attempt's start, 0.5 s before the freeze)",
        took.as_secs_f64()
    ));
    // Nothing was made: the frozen transaction never committed.
    assert_eq!(
        env.json(&["seats", "E", "--status", "held"])
            .as_array()
            .unwrap()
            .len(),
        0
    );

    // The run on a database of its own (its throw-away event the only one).
    let env = Env::on_database(pg.database("f5b_sim"));
    let cfg = env.write(
        "f5b.toml",
        "[database]\nconnect_timeout = \"1s\"\nstatement_timeout = \"1s\"\n",
    );
    let child = env
        .process()
        .args(["--json", "--config", &cfg, "simulate", "--seats", "2000"])
        .args([
            "--buyers",
            "8",
            "--duration",
            "3s",
            "--reserve-ratio",
            "0.5",
        ])
        .spawn_piped();
    wait_for_sales(&env);
    pg.signal_all("STOP");
    std::thread::sleep(Duration::from_secs(6));
    pg.signal_all("CONT");
    let (code, r, stderr) = report(child);
    assert_eq!(code, Some(0), "{r}\n{stderr}");
    let run = &r["runs"][0];
    assert_eq!(run["audit"]["ok"], true, "{}", run["audit"]);
    let measured = run["measured_s"].as_f64().unwrap();
    assert!(
        measured < 3.0 + 2.0 + 1.0,
        "a 3 s run measured {measured} s"
    );
    let o = &run["outcomes"];
    assert!(
        o["indeterminate"].as_u64().unwrap() + o["backend_error"].as_u64().unwrap() > 0,
        "{o}"
    );
    figure(format!(
        "f5b frozen server, simulate 3 s: measured {measured:.1} s, {} indeterminate, {} backend errors; audit ok after the thaw",
        o["indeterminate"], o["backend_error"]
    ));
}

/// The database goes down for good just before a run ends: the run's figures are still
/// reported, the verdict says the audit could not run (exit 6) within one connect_timeout,
/// and the throw-away event is kept so that `seatctl audit` can check it once the server is
/// back (before, the whole report was lost and the event left behind unmentioned).
#[test]
fn a_database_down_at_the_end_still_reports_the_run() {
    let Some(pg) = PrivatePg::start() else {
        return;
    };
    let env = Env::on_database(pg.database("down_at_end"));
    let cfg = env.write("end.toml", "[database]\nconnect_timeout = \"1s\"\n");
    let child = env
        .process()
        .args(["--json", "--config", &cfg, "simulate", "--seats", "500"])
        .args([
            "--buyers",
            "4",
            "--duration",
            "3s",
            "--reserve-ratio",
            "0.5",
        ])
        .spawn_piped();
    wait_for_sales(&env);
    std::thread::sleep(Duration::from_millis(1500));
    pg.stop_immediate();
    let stopped = Instant::now();
    let (code, r, stderr) = report(child);
    let took = stopped.elapsed();
    assert_eq!(code, Some(6), "{r}\n{stderr}");
    assert_eq!(r["verdict"], "audit_unavailable", "{r}");
    let run = &r["runs"][0];
    assert!(run["audit"]["unavailable"].is_string(), "{}", run["audit"]);
    assert_eq!(run["event_removed"], false);
    assert!(
        run["buys"].as_u64().unwrap() > 0,
        "the figures stand: {run}"
    );
    assert!(
        took < Duration::from_secs(5),
        "took {took:?} after the stop"
    );
    pg.start_again();
    let event = run["event"].as_str().unwrap().to_string();
    assert_eq!(env.json(&["audit", &event])["ok"], true);
}
