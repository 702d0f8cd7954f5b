//! `seatctl simulate` and `seatctl audit` through the real binary: short real runs for each
//! strategy on each backend, the 1 000-buyers-for-one-seat race (also over 4 processes), the
//! audit catching a deliberately broken strategy, merging, thresholds and bad input.

use serde_json::Value;

use crate::common::{Backend, Env, redis_url};

/// The global flags for each strategy this machine can run (redis needs a reachable Redis,
/// with a private key prefix).
pub(crate) fn strategies(env: &Env, name: &str) -> Vec<Vec<String>> {
    let mut out = vec![vec!["--strategy".to_string(), "occ".to_string()]];
    if let Some(url) = redis_url(name) {
        let prefix = format!("seatctl-test-{}", uuid::Uuid::new_v4().simple());
        let cfg = env.write(
            "redis.toml",
            format!("[redis]\nkey_prefix = \"{prefix}\"\n"),
        );
        out.push(
            ["--strategy", "redis", "--redis-url", &url, "--config", &cfg]
                .map(String::from)
                .to_vec(),
        );
    }
    out
}

fn simulate(env: &Env, flags: &[String], args: &[&str]) -> (Option<i32>, Value, String) {
    let mut all: Vec<String> = vec!["--json".into()];
    all.extend(flags.iter().cloned());
    all.push("simulate".into());
    all.extend(args.iter().map(|s| s.to_string()));
    let out = env.run(&all.iter().map(String::as_str).collect::<Vec<_>>());
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let report = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "simulate {args:?} printed no JSON report ({e}); exit {:?}; stderr:\n{stderr}",
            out.status.code()
        )
    });
    (out.status.code(), report, stderr)
}

fn n(v: &Value) -> u64 {
    v.as_u64().unwrap_or_else(|| panic!("not a count: {v}"))
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

/// The report is internally consistent: outcomes add up, percentiles are ordered.
fn check_run(run: &Value) {
    let o = &run["outcomes"];
    let sum: u64 = [
        "booked",
        "done",
        "released",
        "abandoned",
        "seat_taken",
        "gave_up",
        "hold_expired",
        "indeterminate",
        "backend_error",
    ]
    .iter()
    .map(|k| n(&o[*k]))
    .sum();
    assert_eq!(sum, n(&run["buys"]), "outcomes do not add up: {o}");
    for k in ["version_conflict", "lock_busy", "lock_lost", "retries"] {
        n(&o[k]);
    }
    let l = &run["latency_ms"];
    let p: Vec<f64> = ["p50", "p90", "p99", "p999", "max"]
        .iter()
        .map(|k| f(&l[*k]))
        .collect();
    assert!(
        p.windows(2).all(|w| w[0] <= w[1]),
        "percentiles out of order: {l}"
    );
    assert!(f(&l["mean"]) > 0.0 && f(&l["mean"]) <= p[4], "{l}");
    assert!(
        f(&run["throughput"]["holds_per_s"]) > 0.0,
        "{}",
        run["throughput"]
    );
    assert!(run["audit"]["ok"].as_bool().unwrap(), "{}", run["audit"]);
    assert_eq!(run["audit"]["violations"], Value::Array(vec![]));
}

#[test]
fn a_short_run_of_each_strategy_passes_its_audit() {
    let mut envs = vec![Env::sqlite()];
    envs.extend(Env::postgres("simulate_short"));
    for env in &envs {
        for flags in strategies(env, "simulate_short") {
            let (code, r, stderr) = simulate(
                env,
                &flags,
                &[
                    "--seats",
                    "300",
                    "--buyers",
                    "8",
                    "--duration",
                    "1s",
                    "--warmup",
                    "200ms",
                    "--party",
                    "1..3",
                    "--reserve-ratio",
                    "0.6",
                    "--abandon",
                    "0.3",
                    "--seed",
                    "5",
                    "--hot",
                    "0.8:0.2",
                ],
            );
            assert_eq!(code, Some(0), "{flags:?} on {:?}: {stderr}", env.backend);
            assert_eq!(r["schema_version"], 1);
            assert_eq!(r["seed"], 5);
            assert_eq!(r["verdict"], "ok");
            let run = &r["runs"][0];
            assert_eq!(run["strategy"], flags[1].as_str());
            check_run(run);
            let o = &run["outcomes"];
            assert!(n(&o["booked"]) > 0 && n(&o["released"]) > 0, "{o}");
            assert_eq!(run["event_removed"], true);
            // The throw-away event is gone afterwards.
            let events = env.json(&["event", "list"]);
            assert_eq!(events.as_array().unwrap().len(), 0, "{events}");
        }
    }
}

#[test]
fn a_thousand_buyers_for_one_seat_book_it_once() {
    let Some(env) = Env::postgres("simulate_one_seat") else {
        return;
    };
    for flags in strategies(&env, "simulate_one_seat") {
        for processes in ["1", "4"] {
            let (code, r, stderr) = simulate(
                &env,
                &flags,
                &[
                    "--seats",
                    "1",
                    "--buyers",
                    "1000",
                    "--ops",
                    "1000",
                    "--processes",
                    processes,
                ],
            );
            assert_eq!(code, Some(0), "{flags:?} × {processes}: {stderr}");
            let run = &r["runs"][0];
            let o = &run["outcomes"];
            assert_eq!(n(&run["buys"]), 1000, "{flags:?} × {processes}: {o}");
            assert_eq!(n(&o["booked"]), 1, "{flags:?} × {processes}: {o}");
            assert_eq!(n(&o["seat_taken"]), 999, "{flags:?} × {processes}: {o}");
            assert!(run["audit"]["ok"].as_bool().unwrap(), "{}", run["audit"]);
            assert_eq!(
                n(&r["scenario"]["processes"]),
                processes.parse::<u64>().unwrap()
            );
        }
    }
}

#[test]
fn the_audit_catches_a_strategy_without_the_version_guard() {
    let Some(env) = Env::postgres("simulate_broken") else {
        return;
    };
    let flags = ["--strategy".to_string(), "occ".to_string()];
    let (code, r, _) = simulate(
        &env,
        &flags,
        &[
            "--seats",
            "5",
            "--buyers",
            "32",
            "--ops",
            "400",
            "--fault-unguarded-writes",
        ],
    );
    assert_eq!(code, Some(10), "{r}");
    assert_eq!(r["verdict"], "audit_failed");
    let violations = r["runs"][0]["audit"]["violations"].as_array().unwrap();
    assert!(
        violations
            .iter()
            .any(|v| v["kind"] == "double_booked" && !v["seats"].as_array().unwrap().is_empty()),
        "{violations:?}"
    );
    // The same broken run in human form names the seats and says FAILED.
    let out = env
        .cmd()
        .args(["simulate", "--seats", "5", "--buyers", "32", "--ops", "400"])
        .arg("--fault-unguarded-writes")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(10));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("AUDIT FAILED") && text.contains("double_booked ["),
        "{text}"
    );
}

#[test]
fn audit_command_passes_clean_events_and_names_corrupted_seats() {
    crate::common::on_both("audit_command", |env| {
        env.ok(&["event", "create", "--name", "gala", "--seats", "10"]);
        let hold = env.json(&["hold", "gala", "3", "4"]);
        let hold_id = hold["hold_id"].as_str().unwrap().to_string();
        env.json(&["reserve", &hold_id]);
        env.json(&["hold", "gala", "5"]);
        let clean = env.json(&["audit", "gala"]);
        assert_eq!(clean["ok"], true, "{clean}");
        assert_eq!(clean["active_reservations"], 1);
        assert_eq!(clean["sections"][0]["booked"], 2);
        assert_eq!(clean["sections"][0]["held"], 1);
        assert_eq!(clean["sections"][0]["available"], 7);
        // Someone "fixes" seat 3 by hand, behind the reservation's back.
        env.sql(&[
            "UPDATE seats SET status = 'available', reservation_id = NULL, hold_id = NULL, \
                   held_until = NULL WHERE label = '3'",
        ]);
        let out = env.run(&["--json", "audit", "gala"]);
        assert_eq!(out.status.code(), Some(10), "{:?}", env.backend);
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        let kinds: Vec<&str> = report["violations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["kind"].as_str().unwrap())
            .collect();
        assert!(
            kinds.contains(&"owner_mismatch") && kinds.contains(&"history_mismatch"),
            "{kinds:?}"
        );
        assert!(
            report["violations"]
                .as_array()
                .unwrap()
                .iter()
                .all(|v| v["seats"] == serde_json::json!(["3"]))
        );
        let text = env.run(&["audit", "gala"]);
        assert!(String::from_utf8_lossy(&text.stdout).contains("owner_mismatch [3]"));
        env.fails(&["audit", "nope"], 4);
    });
}

#[test]
fn results_from_several_hosts_merge() {
    let env = Env::sqlite();
    env.ok(&["event", "create", "--name", "shared", "--seats", "500"]);
    let mut files = Vec::new();
    for (i, seed) in ["11", "12"].iter().enumerate() {
        let (code, r, stderr) = simulate(
            &env,
            &[],
            &[
                "--event",
                "shared",
                "--in-place",
                "--buyers",
                "4",
                "--ops",
                "50",
                "--seed",
                seed,
                "--run-id",
                "onsale-1",
            ],
        );
        assert_eq!(code, Some(0), "{stderr}");
        assert_eq!(r["run_id"], "onsale-1");
        files.push(env.write(&format!("host{i}.json"), r.to_string()));
    }
    let merged = env.json(&["simulate", "merge", &files[0], &files[1]]);
    let run = &merged["runs"][0];
    assert_eq!(n(&run["buys"]), 100, "{run}");
    assert_eq!(n(&merged["scenario"]["buyers"]), 8);
    assert_eq!(
        n(&run["raw"]["buy"]
            .as_array()
            .map(|b| b.iter().map(|p| n(&p[1])).sum::<u64>().into())
            .unwrap()),
        100
    );
    check_run(run);
    // Both hosts sold from one event: together they booked what the database holds.
    let audit = env.json(&["audit", "shared"]);
    assert_eq!(
        n(&audit["sections"][0]["booked"]),
        n(&run["outcomes"]["booked"])
    );
    // Results of different runs are not mixed.
    let (_, other, _) = simulate(
        &env,
        &[],
        &[
            "--event",
            "shared",
            "--in-place",
            "--ops",
            "5",
            "--run-id",
            "other",
        ],
    );
    let other = env.write("other.json", other.to_string());
    let err = env.fails(&["simulate", "merge", &files[0], &other], 2);
    assert!(err.contains("onsale-1") && err.contains("other"), "{err}");
    let junk = env.write("junk.json", "{\"hello\": 1}");
    let err = env.fails(&["simulate", "merge", &junk], 2);
    assert!(err.contains("junk.json"), "{err}");
}

#[test]
fn thresholds_csv_and_report() {
    let env = Env::sqlite();
    let csv = env.path("buys.csv");
    let svg = env.path("plot.svg");
    let html = env.path("plot.html");
    let (code, r, _) = simulate(
        &env,
        &[],
        &[
            "--seats",
            "100",
            "--buyers",
            "4",
            "--ops",
            "60",
            "--threshold",
            "p99<0.001ms",
            "--threshold",
            "booked>=1",
            "--csv",
            csv.to_str().unwrap(),
            "--report",
            svg.to_str().unwrap(),
        ],
    );
    assert_eq!(code, Some(11), "{r}");
    assert_eq!(r["verdict"], "threshold_failed");
    // It says where it wrote.
    assert_eq!(
        r["files"],
        serde_json::json!([csv.to_str().unwrap(), svg.to_str().unwrap()])
    );
    let th = r["thresholds"].as_array().unwrap();
    assert_eq!(th.len(), 2);
    assert_eq!(
        (th[0]["ok"].as_bool(), th[1]["ok"].as_bool()),
        (Some(false), Some(true))
    );
    let lines: Vec<String> = std::fs::read_to_string(&csv)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    assert_eq!(
        lines[0],
        "start_s,end_s,buyer,seats,strategy,outcome,tries,warmup"
    );
    assert_eq!(lines.len(), 61, "one line per buy");
    assert!(lines[1].contains(",occ,"), "{}", lines[1]);
    let plot = std::fs::read_to_string(&svg).unwrap();
    assert!(
        plot.starts_with("<svg") && plot.matches("<polyline").count() == 4,
        "{plot}"
    );
    // The scenario heads it; conflicts and errors have their plot; each legend sits in the
    // band above its plot (legend text at y0 + 24, the plot's frame from y0 + 40).
    assert!(
        plot.contains("100 seats · 4 buyers (closed loop) · 60 buys"),
        "{plot}"
    );
    assert!(plot.contains("Conflicts and errors per second"), "{plot}");
    assert!(
        plot.contains(">occ conflicts<") && plot.contains(">occ errors<"),
        "{plot}"
    );
    assert!(
        plot.contains(r#"y="44" font-size="11">occ<"#),
        "legend above the first plot: {plot}"
    );
    let (code, _, _) = simulate(
        &env,
        &[],
        &[
            "--seats",
            "50",
            "--ops",
            "10",
            "--report",
            html.to_str().unwrap(),
        ],
    );
    assert_eq!(code, Some(0));
    assert!(std::fs::read_to_string(&html).unwrap().contains("<svg"));
}

#[test]
fn bad_simulation_input_is_refused_before_anything_runs() {
    let env = Env::sqlite();
    let cases: &[(&[&str], &str)] = &[
        (&["simulate"], "--event EVENT"),
        (
            &["simulate", "--seats", "10", "--processes", "0"],
            "--processes",
        ),
        (
            &["simulate", "--seats", "10", "--party", "3..1"],
            "party range",
        ),
        (
            &["simulate", "--seats", "10", "--party", "20"],
            "max_seats_per_hold",
        ),
        (
            &["simulate", "--seats", "10", "--hot", "2:0.1"],
            "--hot share",
        ),
        (
            &["simulate", "--seats", "10", "--threshold", "p98<5ms"],
            "unknown metric `p98`",
        ),
        (
            &["simulate", "--seats", "10", "--reserve-ratio", "1.5"],
            "between 0 and 1",
        ),
        (
            &["simulate", "--seats", "10", "--kill-connection-prob", "0.1"],
            "PostgreSQL",
        ),
        (
            &["simulate", "--seats", "10", "--pause-prob", "0.5"],
            "--pause-after-lock",
        ),
        (
            &["simulate", "--seats", "10", "--report", "x.png"],
            ".svg or .html",
        ),
        (&["simulate", "--event", "nope"], "no event"),
        (
            &["--strategy", "all", "hold", "x", "1"],
            "only for `seatctl simulate`",
        ),
    ];
    for (args, want) in cases {
        let out = env.run(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            matches!(out.status.code(), Some(2) | Some(4)),
            "{args:?}: exit {:?}\n{err}",
            out.status.code()
        );
        assert!(err.contains(want), "{args:?}: want `{want}` in:\n{err}");
    }
    // Nothing was left behind by the refused runs.
    assert_eq!(env.json(&["event", "list"]).as_array().unwrap().len(), 0);
    let _ = Backend::Sqlite;
}

#[test]
fn faults_do_not_break_correctness() {
    let Some(env) = Env::postgres("simulate_faults") else {
        return;
    };
    // Connections killed mid-transaction roll back whole: errors, never a double booking.
    let occ = ["--strategy".to_string(), "occ".to_string()];
    let (code, r, stderr) = simulate(
        &env,
        &occ,
        &[
            "--seats",
            "40",
            "--buyers",
            "16",
            "--ops",
            "400",
            "--kill-connection-prob",
            "0.2",
            "--party",
            "1..2",
            "--reserve-ratio",
            "0.5",
            "--seed",
            "9",
        ],
    );
    assert_eq!(code, Some(0), "{stderr}\n{r}");
    let run = &r["runs"][0];
    assert!(
        n(&run["outcomes"]["backend_error"]) > 0,
        "{}",
        run["outcomes"]
    );
    assert!(run["audit"]["ok"].as_bool().unwrap(), "{}", run["audit"]);
    // Buyers stalling past their lock's TTL: the lease lapses, the version guard still holds.
    let Some(url) = redis_url("simulate_faults") else {
        return;
    };
    let prefix = format!("seatctl-test-{}", uuid::Uuid::new_v4().simple());
    let cfg = env.write(
        "redis.toml",
        format!("[redis]\nkey_prefix = \"{prefix}\"\nlock_ttl = \"100ms\"\n"),
    );
    let redis = ["--strategy", "redis", "--redis-url", &url, "--config", &cfg].map(String::from);
    let (code, r, stderr) = simulate(
        &env,
        &redis,
        &[
            "--seats",
            "10",
            "--buyers",
            "16",
            "--duration",
            "2s",
            "--pause-after-lock",
            "250ms",
            "--pause-prob",
            "0.3",
            // Most holds are released, so the 10 seats stay contested for the whole run (with
            // 0.5 they sold out in the first moments and lapsed leases were rare).
            "--reserve-ratio",
            "0.1",
            "--seed",
            "4",
        ],
    );
    assert_eq!(code, Some(0), "{stderr}\n{r}");
    let run = &r["runs"][0];
    assert!(n(&run["outcomes"]["lock_lost"]) > 0, "{}", run["outcomes"]);
    assert!(n(&run["outcomes"]["booked"]) > 0, "{}", run["outcomes"]);
    assert!(run["audit"]["ok"].as_bool().unwrap(), "{}", run["audit"]);
}

#[test]
fn open_loop_runs_at_the_given_rate() {
    let env = Env::sqlite();
    let open_loop = [
        "--seats",
        "2000",
        "--rate",
        "200",
        "--buyers",
        "8",
        "--duration",
        "2s",
        "--seed",
        "3",
        "--reserve-ratio",
        "0.5",
    ];
    let (code, r, stderr) = simulate(&env, &[], &open_loop);
    assert_eq!(code, Some(0), "{stderr}");
    let run = &r["runs"][0];
    check_run(run);
    // Every arrival was either served or dropped (all buyers busy, queue full).
    let buys = n(&run["buys"]) + n(&run["outcomes"]["dropped"]);
    // Poisson arrivals at 200/s for 2 s: about 400 (far outside 250..550 means a broken clock).
    assert!((250..550).contains(&buys), "{buys} arrivals");
    assert_eq!(r["scenario"]["rate"], 200.0);
    n(&run["outcomes"]["late"]);
    n(&run["outcomes"]["dropped"]);
    // The same seed draws the same arrivals and choices: same number of buys.
    let (_, again, _) = simulate(&env, &[], &open_loop);
    let again = n(&again["runs"][0]["buys"]) + n(&again["runs"][0]["outcomes"]["dropped"]);
    assert!(buys.abs_diff(again) <= 2, "{buys} vs {again} arrivals");
}

#[test]
fn ctrl_c_stops_the_buyers_then_audits_and_reports() {
    // Ctrl-C, and SIGTERM (a supervisor stopping it, `kill PID`) alike.
    for signal in ["-INT", "-TERM"] {
        stopped_by(signal);
    }
}

fn stopped_by(signal: &str) {
    let env = Env::sqlite();
    let child = env
        .process()
        .args([
            "--json",
            "simulate",
            "--seats",
            "5000",
            "--buyers",
            "4",
            "--duration",
            "60s",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Ready when its buyers are at work: the throw-away event has bookings.
    let ready = std::time::Instant::now();
    loop {
        let list = env.json(&["event", "list"]);
        let booked = list
            .as_array()
            .and_then(|l| l.first())
            .and_then(|e| e["counts"]["reserved"].as_u64())
            .unwrap_or(0);
        if booked > 0 {
            break;
        }
        assert!(
            ready.elapsed() < std::time::Duration::from_secs(60),
            "the run never started: {list}"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let status = std::process::Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let started = std::time::Instant::now();
    let out = child.wait_with_output().unwrap();
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "did not stop"
    );
    assert_eq!(
        out.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    let run = &r["runs"][0];
    assert_eq!(run["interrupted"], true);
    assert!(f(&run["measured_s"]) < 30.0, "{}", run["measured_s"]);
    check_run(run);
    assert_eq!(env.json(&["event", "list"]).as_array().unwrap().len(), 0);
}

#[test]
fn multi_seat_races_end_in_answers_not_errors() {
    let Some(env) = Env::postgres("simulate_multi") else {
        return;
    };
    // Overlapping parties of 2-4 seats, taken and released again and again. Before holds
    // skipped locked seats, this run saw deadlocks and statement timeouts (backend errors);
    // now every buy ends in an answer.
    let occ = ["--strategy".to_string(), "occ".to_string()];
    let (code, r, stderr) = simulate(
        &env,
        &occ,
        &[
            "--seats",
            "12",
            "--buyers",
            "32",
            "--duration",
            "3s",
            "--party",
            "2..4",
            "--reserve-ratio",
            "0",
            "--seed",
            "8",
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");
    let run = &r["runs"][0];
    let o = &run["outcomes"];
    assert_eq!(
        (n(&o["backend_error"]), n(&o["indeterminate"])),
        (0, 0),
        "{}",
        run["errors"]
    );
    assert!(run["audit"]["ok"].as_bool().unwrap());
}

/// Field report: `--processes 2 --csv FILE` wrote no file. Each worker writes a part and the
/// parent merges them: one header, one line per buy of every process, buyers numbered apart,
/// ordered by start time, and no part files left behind.
#[test]
fn csv_from_several_processes_has_every_buy() {
    let env = Env::sqlite();
    let csv = env.path("buys.csv");
    let (code, r, _) = simulate(
        &env,
        &[],
        &[
            "--seats",
            "200",
            "--buyers",
            "6",
            "--processes",
            "3",
            "--ops",
            "90",
            "--csv",
            csv.to_str().unwrap(),
        ],
    );
    assert_eq!(code, Some(0), "{r}");
    let text = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "start_s,end_s,buyer,seats,strategy,outcome,tries,warmup"
    );
    assert_eq!(
        lines.len() as u64,
        1 + n(&r["runs"][0]["buys"]),
        "one line per buy"
    );
    let field = |l: &str, i: usize| l.split(',').nth(i).unwrap().to_string();
    let mut buyers: Vec<u64> = lines[1..]
        .iter()
        .map(|l| field(l, 2).parse().unwrap())
        .collect();
    buyers.sort_unstable();
    buyers.dedup();
    assert_eq!(
        buyers,
        (0..6).collect::<Vec<u64>>(),
        "six buyers, numbered apart"
    );
    let starts: Vec<f64> = lines[1..]
        .iter()
        .map(|l| field(l, 0).parse().unwrap())
        .collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "ordered by start");
    let leftovers: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".part"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Issue 12: a million seats per event (the largest stadiums and racecourses hold about
/// 250 000). `simulate --seats 1000000` creates them, sells, and audits every one (SQLite,
/// the embedded default; about a minute in a debug build).
#[test]
fn a_million_seats_simulate_and_audit() {
    let env = Env::sqlite();
    let out = env
        .cmd()
        .args(["--json", "simulate", "--seats", "1000000", "--buyers", "4"])
        .args(["--duration", "1s"])
        .output()
        .unwrap();
    let r: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    assert_eq!(out.status.code(), Some(0), "{r}");
    let run = &r["runs"][0];
    assert_eq!(run["audit"]["ok"], true);
    assert_eq!(run["audit"]["seats"], 1_000_000);
    assert!(run["buys"].as_u64().unwrap() > 0);
    let err = env.fails(&["simulate", "--seats", "1000001"], 2);
    assert!(err.contains("between 1 and 1000000"), "{err}");
}

/// A buyer's own released best seats are best again at once: one buyer on a hall of two seats,
/// holding and releasing, holds them again and again (the process's claims on seats end with
/// their hold's answer; they once lasted 2 s, so every hold within them failed).
#[test]
fn released_best_seats_are_held_again_at_once() {
    let env = Env::sqlite();
    let layout = env.write(
        "two.toml",
        "[[section]]\nname = \"S\"\n[[section.row]]\nname = \"A\"\nseats = \"1-2\"\n",
    );
    let (code, v, stderr) = simulate(
        &env,
        &[],
        &[
            "--layout",
            &layout,
            "--best",
            "--party",
            "2",
            "--buyers",
            "1",
            "--duration",
            "2s",
            "--warmup",
            "0s",
            "--mix",
            "hold=1,release=1",
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");
    let holds = n(&v["runs"][0]["raw"]["holds"]);
    assert!(holds >= 10, "only {holds} holds in 2 s: {v}");
    assert_eq!(v["runs"][0]["audit"]["ok"], true);
}

/// A run that stops at `--ops` before `--duration` is up measures until it stopped, so its
/// rates are true (it once reported the whole duration: every rate ~20× too low).
#[test]
fn ops_before_duration_measures_the_real_time() {
    let env = Env::sqlite();
    let (code, v, stderr) = simulate(
        &env,
        &[],
        &[
            "--seats",
            "500",
            "--ops",
            "40",
            "--duration",
            "60s",
            "--warmup",
            "0s",
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");
    let run = &v["runs"][0];
    check_run(run);
    let measured = f(&run["measured_s"]);
    assert!(
        measured > 0.0 && measured < 30.0,
        "measured {measured} s: {run}"
    );
    let rate = n(&run["buys"]) as f64 / measured;
    let reported = f(&run["throughput"]["buys_per_s"]);
    assert!(
        (rate - reported).abs() <= 0.05 * rate + 0.1,
        "{rate} vs {reported}"
    );
}

/// An open loop that cannot reach its rate says so, in the JSON and in the summary: asked and
/// served per second, dropped and late arrivals. One that reaches it says nothing.
#[test]
fn an_open_loop_that_missed_its_rate_warns() {
    let env = Env::sqlite();
    let args = |rate: &'static str, buyers: &'static str| {
        [
            "--seats",
            "2000",
            "--rate",
            rate,
            "--buyers",
            buyers,
            "--duration",
            "3s",
            "--warmup",
            "0s",
        ]
    };
    let (code, v, stderr) = simulate(&env, &[], &args("20000", "2"));
    assert_eq!(code, Some(0), "{stderr}");
    let warnings = v["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{v}");
    let w = warnings[0].as_str().unwrap();
    assert!(w.contains("20000/s asked") && w.contains("dropped"), "{w}");
    let mut human = vec!["simulate"];
    human.extend(args("20000", "2"));
    let out = env.run(&human);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("warning: occ: the open loop missed its target"),
        "{text}"
    );
    assert!(text.contains("buys/s"), "{text}");
    // 100/s for 3 s with 20 buyers: about 300 arrivals, never every buyer busy at once.
    let (code, v, stderr) = simulate(&env, &[], &args("100", "20"));
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(v["warnings"], serde_json::json!([]), "{v}");
}

/// `simulate --event E` sells a throw-away copy of E's layout and leaves E's seats alone;
/// `--in-place` sells E itself, and is refused (exit 3, nothing sold) while E has holds or
/// reservations no simulation made, unless `--yes`.
#[test]
fn simulate_never_sells_a_real_event_unasked() {
    let env = Env::sqlite();
    env.ok(&["event", "create", "--name", "Gala", "--seats", "40"]);
    let hold = env.json(&["hold", "Gala", "1", "2", "--holder", "clerk"]);
    env.ok(&[
        "reserve",
        hold["hold_id"].as_str().unwrap(),
        "--customer",
        "Ann",
    ]);
    let before = env.json(&["audit", "Gala"]);
    let (code, v, stderr) = simulate(&env, &[], &["--event", "Gala", "--ops", "20"]);
    assert_eq!(code, Some(0), "{stderr}");
    let run = &v["runs"][0];
    assert_eq!(n(&run["buys"]), 20, "{run}");
    assert_ne!(run["event"], "Gala", "{run}");
    assert_eq!(run["event_removed"], true, "{run}");
    assert_eq!(v["scenario"]["event"], "Gala");
    // The real event is as it was: 2 reserved, the rest available, no new history.
    let seats = env.json(&["seats", "Gala", "--status", "reserved"]);
    assert_eq!(seats.as_array().unwrap().len(), 2, "{seats}");
    assert_eq!(env.json(&["audit", "Gala"]), before);
    // In place, with a real sale standing: refused, nothing sold.
    let err = env.fails(
        &["simulate", "--event", "Gala", "--in-place", "--ops", "20"],
        3,
    );
    assert!(
        err.contains("1 reservation(s)") && err.contains("--yes"),
        "{err}"
    );
    assert_eq!(env.json(&["audit", "Gala"]), before);
    // Asked for: sold in place.
    let (code, v, stderr) = simulate(
        &env,
        &[],
        &["--event", "Gala", "--in-place", "--yes", "--ops", "10"],
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(v["runs"][0]["event"], "Gala");
    assert_ne!(env.json(&["audit", "Gala"]), before);
    // --in-place needs --event; --yes needs --in-place; one event is no copy per strategy.
    env.fails(&["simulate", "--seats", "10", "--in-place"], 2);
    env.fails(&["simulate", "--event", "Gala", "--yes"], 2);
    let err = env.fails(
        &[
            "--strategy",
            "all",
            "simulate",
            "--event",
            "Gala",
            "--in-place",
            "--yes",
            "--ops",
            "5",
        ],
        2,
    );
    assert!(err.contains("--strategy all"), "{err}");
    // A run that fails after making its copy leaves no copy behind.
    env.fails(
        &[
            "simulate", "--event", "Gala", "--area", "Nosuch", "--ops", "5",
        ],
        4,
    );
    let events = env.json(&["event", "list"]);
    assert_eq!(events.as_array().unwrap().len(), 1, "{events}");
}

/// Buyers of one process asking for the best pair of a 10-seat row, holding and releasing:
/// there is always a free pair or free seats for the fourth, so no buyer gives up or is told
/// "taken" (buyers once gave up without asking the database: after the first try they picked
/// at random among blocks another buyer of the process was taking).
#[test]
fn best_buyers_of_one_process_never_give_up_while_seats_are_free() {
    let env = Env::sqlite();
    let mut csv = String::from("section,row,seat\n");
    for i in 1..=10 {
        csv.push_str(&format!("Main,A,{i}\n"));
    }
    let layout = env.write("tiny.csv", csv);
    let (code, v, stderr) = simulate(
        &env,
        &[],
        &[
            "--layout",
            &layout,
            "--best",
            "--party",
            "2",
            "--buyers",
            "4",
            "--duration",
            "2s",
            "--warmup",
            "0s",
            "--reserve-ratio",
            "0",
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");
    let run = &v["runs"][0];
    check_run(run);
    assert!(n(&run["buys"]) > 50, "{run}");
    assert_eq!(n(&run["outcomes"]["gave_up"]), 0, "{run}");
    assert_eq!(n(&run["outcomes"]["seat_taken"]), 0, "{run}");
}

/// `simulate compare BASE NEW`: the deltas of every metric, budgets judged (exit 11 when one is
/// exceeded), and bad input refused (exit 2). The regression is planted in NEW's JSON.
#[test]
fn compare_judges_a_run_against_its_baseline() {
    let env = Env::sqlite();
    let (code, base, stderr) = simulate(
        &env,
        &[],
        &[
            "--seats",
            "40",
            "--buyers",
            "4",
            "--duration",
            "1s",
            "--seed",
            "7",
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");
    let base_path = env.write("base.json", base.to_string());
    // The same run against itself: no change, within every budget.
    let out = env.run(&[
        "--json",
        "simulate",
        "compare",
        &base_path,
        &base_path,
        "--threshold",
        "p99+10%",
        "--threshold",
        "holds_per_s-5%",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["verdict"], "ok", "{v}");
    let d = v["deltas"].as_array().unwrap();
    assert!(
        d.iter()
            .any(|d| d["metric"] == "p99" && d["change_pct"] == 0.0),
        "{v}"
    );
    // Half the holds in the same time: holds_per_s fell by half.
    let mut slower = base.clone();
    let holds = n(&slower["runs"][0]["raw"]["holds"]);
    assert!(holds > 10, "{base}");
    slower["runs"][0]["raw"]["holds"] = Value::from(holds / 2);
    let new_path = env.write("new.json", slower.to_string());
    let out = env.run(&[
        "simulate",
        "compare",
        &base_path,
        &new_path,
        "--threshold",
        "holds_per_s-5%",
        "--threshold",
        "p99+10%",
    ]);
    assert_eq!(out.status.code(), Some(11));
    let text = String::from_utf8_lossy(&out.stdout);
    // Halving an odd count: a fall of about half, whatever the count.
    let fell = text
        .split("REGRESSION holds_per_s-5%: ")
        .nth(1)
        .and_then(|rest| rest.split('%').next())
        .and_then(|pct| pct.parse::<f64>().ok())
        .unwrap_or_else(|| panic!("no holds_per_s regression line: {text}"));
    assert!((-60.0..=-45.0).contains(&fell), "{fell}: {text}");
    assert!(text.contains("ok         p99+10%"), "{text}");
    assert!(text.contains("Verdict: regression"), "{text}");
    // Without budgets: the deltas, nothing judged.
    let text = env.ok(&["simulate", "compare", &base_path, &new_path]);
    assert!(
        text.contains("holds_per_s") && text.contains("nothing judged"),
        "{text}"
    );

    // Bad input: a budget without a sign or unit, an unknown metric, a file that is no
    // report, a missing file.
    let err = env.fails(
        &[
            "simulate",
            "compare",
            &base_path,
            &new_path,
            "--threshold",
            "p99<10ms",
        ],
        2,
    );
    assert!(err.contains("p99+10%"), "{err}");
    env.fails(
        &[
            "simulate",
            "compare",
            &base_path,
            &new_path,
            "--threshold",
            "p98+1%",
        ],
        2,
    );
    // A budget on the side that could never fail.
    let err = env.fails(
        &[
            "simulate",
            "compare",
            &base_path,
            &new_path,
            "--threshold",
            "holds_per_s+5%",
        ],
        2,
    );
    assert!(err.contains("holds_per_s-N%"), "{err}");
    let junk = env.write("junk.json", "{\"x\": 1}");
    let err = env.fails(&["simulate", "compare", &base_path, &junk], 2);
    assert!(
        err.contains("junk.json") && err.contains("not a `seatctl --json simulate` result"),
        "{err}"
    );
    env.fails(&["simulate", "compare", &base_path, "nosuch.json"], 2);
}

/// `--stages`: the open loop ramps up and down (k6's stages); the run lasts their total, the
/// arrivals follow the ramp, and contradictory flags are refused.
#[test]
fn stages_ramp_the_open_loop() {
    let env = Env::sqlite();
    let (code, v, stderr) = simulate(
        &env,
        &[],
        &[
            "--seats",
            "5000",
            "--stages",
            "1s:40,1s:200,1s:0",
            "--buyers",
            "32",
            "--party",
            "1",
            "--reserve-ratio",
            "0",
            "--seed",
            "3",
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        v["scenario"]["stages"], "1s:40,1s:200,1s:0",
        "{}",
        v["scenario"]
    );
    assert_eq!(v["scenario"]["duration_s"], 3.0);
    let run = &v["runs"][0];
    check_run(run);
    // Expected arrivals: 20 in the first second, 120 in the second, 100 in the third.
    let buys = n(&run["buys"]);
    assert!((150..=330).contains(&buys), "{buys} buys: {run}");
    let ticks: Vec<u64> = run["raw"]["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| n(&t["holds"]))
        .collect();
    assert!(ticks.len() >= 3 && ticks[1] > ticks[0] * 2, "{ticks:?}");
    let csv = env.path("ramp.csv");
    let text = env.ok(&[
        "simulate",
        "--seats",
        "100",
        "--stages",
        "1s:20",
        "--buyers",
        "4",
        "--csv",
        csv.to_str().unwrap(),
    ]);
    assert!(
        text.contains("open loop ramping through 1s:20 (duration:arrivals/s)"),
        "{text}"
    );
    assert!(text.contains(&format!("wrote {}", csv.display())), "{text}");

    // Files that cannot be written, or one file for two things: refused before the run.
    let started = std::time::Instant::now();
    let err = env.fails(
        &[
            "simulate",
            "--seats",
            "10",
            "--duration",
            "5s",
            "--csv",
            "/nonexistent/x.csv",
        ],
        2,
    );
    assert!(
        err.contains("--csv") && err.contains("/nonexistent/x.csv"),
        "{err}"
    );
    let same = env.path("same.html");
    let same = same.to_str().unwrap();
    let err = env.fails(
        &[
            "simulate",
            "--seats",
            "10",
            "--duration",
            "5s",
            "--csv",
            same,
            "--report",
            same,
        ],
        2,
    );
    assert!(err.contains("both name"), "{err}");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "a run was made first"
    );
    for bad in [
        vec!["--stages", "1s:20", "--rate", "5"],
        vec!["--stages", "1s:20", "--duration", "5s"],
        vec!["--stages", "1s:20", "--warmup", "1s"],
        vec!["--stages", "1s"],
        vec!["--stages", "1s:0"],
        vec!["--stages", "8d:5"],
    ] {
        let mut args = vec!["simulate", "--seats", "10"];
        args.extend(bad.iter().copied());
        let err = env.fails(&args, 2);
        assert!(
            err.contains("stages") || err.contains("--rate") || err.contains("--duration"),
            "{bad:?}: {err}"
        );
    }
}
