//! What people read, pinned: `--help` texts and tables, as insta snapshots in
//! `tests/cli/snapshots/` (ids and times redacted). Review a deliberate change with
//! `cargo insta review`, or `INSTA_UPDATE=always cargo test --test cli snapshots` and the diff.

use crate::common::Env;

fn stdout(env: &Env, args: &[&str]) -> String {
    let out = env.run(args);
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn help_texts() {
    let env = Env::sqlite();
    insta::assert_snapshot!("help", stdout(&env, &["--help"]));
    insta::assert_snapshot!("hold-help", stdout(&env, &["hold", "--help"]));
    insta::assert_snapshot!("simulate-help", stdout(&env, &["simulate", "--help"]));
}

#[test]
fn tables() {
    let env = Env::sqlite();
    let layout = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/small.csv");
    env.ok(&["event", "create", "--name", "Small", "--layout", layout]);
    let hold = env.json(&["hold", "Small", "A-2", "A-3", "--holder", "ann"]);
    let hold_id = hold["hold_id"].as_str().unwrap();
    env.ok(&["reserve", hold_id, "--customer", "Ann"]);
    env.ok(&["block", "Small", "B-1", "--reason", "camera"]);
    insta::assert_snapshot!("seats-table", stdout(&env, &["seats", "Small"]));
    insta::assert_snapshot!(
        "map-small",
        stdout(&env, &["map", "Small", "--width", "60"])
    );
}
