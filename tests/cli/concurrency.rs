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
