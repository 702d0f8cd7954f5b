//! `seatctl doctor` against real Redis and databases.

use crate::common::{Env, redis_url};

#[test]
fn doctor_reports_database_and_redis() {
    let env = Env::sqlite();
    let Some(redis) = redis_url("doctor") else {
        return;
    };
    let report = env.json(&["doctor", "--redis-url", &redis, "--strategy", "redis"]);
    assert_eq!(report["ok"], true);
    assert_eq!(report["database"]["ok"], true);
    assert_eq!(report["redis"]["ok"], true);
    assert_eq!(report["redis_required"], true);
}

#[test]
fn unreachable_redis_fails_doctor_only_when_the_strategy_needs_it() {
    let env = Env::sqlite();
    let dead = "redis://:secret@127.0.0.1:1";
    let out = env.run(&[
        "--json",
        "doctor",
        "--redis-url",
        dead,
        "--strategy",
        "redis",
    ]);
    assert_eq!(out.status.code(), Some(6));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["redis"]["ok"], false);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("secret"));

    let report = env.json(&["doctor", "--redis-url", dead, "--strategy", "occ"]);
    assert_eq!(report["ok"], true);
    assert_eq!(report["redis"]["ok"], false);
}

#[test]
fn doctor_flags_an_unmigrated_postgres() {
    let Some(env) = Env::postgres_unmigrated("doctor_unmigrated") else {
        return;
    };
    let out = env.run(&["--json", "doctor"]);
    assert_eq!(out.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        report["database"]["detail"]
            .as_str()
            .unwrap()
            .contains("seatctl db migrate")
    );
}
