//! Commands run concurrently with themselves, as real processes racing on one database.

use std::process::Child;

use crate::common::{Env, on_both};
use crate::events::repo;

pub fn spawn_all(
    env: &Env,
    n: usize,
    args: impl Fn(usize) -> Vec<String>,
) -> Vec<std::process::Output> {
    let children: Vec<Child> = (0..n)
        .map(|i| {
            let mut cmd = env.process();
            cmd.args(args(i))
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped());
            cmd.spawn().expect("spawn seatctl")
        })
        .collect();
    children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect()
}

#[test]
fn racing_creates_of_one_name_make_one_event() {
    on_both("racing_creates", |env| {
        let outs = spawn_all(env, 6, |_| {
            ["event", "create", "--name", "Race", "--seats", "300"]
                .map(String::from)
                .to_vec()
        });
        let codes: Vec<_> = outs.iter().map(|o| o.status.code()).collect();
        assert_eq!(
            codes.iter().filter(|c| **c == Some(0)).count(),
            1,
            "{codes:?} {outs:?}"
        );
        assert!(
            codes.iter().all(|c| *c == Some(0) || *c == Some(3)),
            "{codes:?} {outs:?}"
        );
        let list = env.json(&["event", "list"]);
        assert_eq!(list.as_array().unwrap().len(), 1);
        assert_eq!(list[0]["counts"]["total"], 300);
    });
}

#[test]
fn racing_layout_replacements_leave_exactly_one_layout() {
    on_both("racing_imports", |env| {
        env.ok(&["event", "create", "--name", "E", "--seats", "10"]);
        let hall = repo("examples/hall.toml");
        let small = repo("examples/small.csv");
        let outs = spawn_all(env, 6, |i| {
            let file = if i % 2 == 0 { &hall } else { &small };
            ["layout", "import", "E", file, "--replace"]
                .map(String::from)
                .to_vec()
        });
        for o in &outs {
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        }
        let total = env.json(&["event", "show", "E"])["counts"]["total"]
            .as_i64()
            .unwrap();
        assert!(
            total == 2000 || total == 11,
            "a mix of layouts: {total} seats"
        );
    });
}

#[test]
fn racing_migrations_all_succeed() {
    let Some(env) = Env::postgres_unmigrated("racing_migrations") else {
        return;
    };
    let outs = spawn_all(&env, 4, |_| vec!["db".into(), "migrate".into()]);
    for o in &outs {
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    env.ok(&["event", "list"]);
}

/// The lock order (holds before seats, each in id order): sweeps racing releases of the holds
/// they sweep, and blocks racing holds of the same seats, never deadlock (a deadlock aborts one
/// side with an error after `deadlock_timeout`); every command answers, the audit is clean.
#[test]
fn sweeps_releases_blocks_and_holds_race_without_deadlock() {
    let Some(env) = Env::postgres("lock_order") else {
        return;
    };
    env.ok(&["event", "create", "--name", "L", "--seats", "200"]);
    for round in 0..2 {
        let mut holds = Vec::new();
        for i in 0..30 {
            let (a, b) = (2 * i + 1, 2 * i + 2);
            let h = env.json(&["hold", "L", &b.to_string(), &a.to_string(), "--ttl", "1s"]);
            holds.push(h["hold_id"].as_str().unwrap().to_string());
        }
        std::thread::sleep(std::time::Duration::from_millis(1300));
        let outs = spawn_all(&env, holds.len() + 4, |i| match holds.get(i) {
            Some(h) => vec!["release".into(), h.clone()],
            None => vec!["sweep".into(), "L".into()],
        });
        for o in &outs {
            assert_eq!(o.status.code(), Some(0), "round {round}: {o:?}");
        }
    }
    // Blocks and holds of overlapping seat sets, named in opposite orders.
    let outs = spawn_all(&env, 16, |i| {
        let seats: Vec<String> = (0..6)
            .map(|k| (100 + (i % 4) * 3 + k).to_string())
            .collect();
        let mut args: Vec<String> = if i % 2 == 0 {
            vec!["block".into(), "L".into()]
        } else {
            vec!["hold".into(), "L".into()]
        };
        if i % 4 < 2 {
            args.extend(seats.into_iter().rev());
        } else {
            args.extend(seats);
        }
        if i % 2 == 0 {
            args.extend(["--reason".to_string(), "race".to_string()]);
        }
        args
    });
    for o in &outs {
        assert!(
            matches!(o.status.code(), Some(0 | 3)),
            "only won or taken: {o:?}"
        );
    }
    let audit = env.json(&["audit", "L"]);
    assert_eq!(audit["ok"], true, "{audit}");
}
