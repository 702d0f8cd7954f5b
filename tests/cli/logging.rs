//! `-v` logs what seatctl does on stderr, never on stdout: `--json` output stays one document.

use crate::common::Env;

#[test]
fn verbose_logs_go_to_stderr_only() {
    let env = Env::sqlite();
    env.ok(&["event", "create", "--name", "E", "--seats", "4"]);

    let quiet = env.run(&["--json", "hold", "E", "1"]);
    assert!(quiet.status.success(), "{quiet:?}");
    assert!(
        quiet.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&quiet.stderr)
    );

    let loud = env.run(&["--json", "-v", "hold", "E", "2"]);
    assert!(loud.status.success(), "{loud:?}");
    let held: serde_json::Value =
        serde_json::from_slice(&loud.stdout).expect("stdout is still one JSON document");
    assert_eq!(held["seats"], serde_json::json!(["2"]));
    let log = String::from_utf8_lossy(&loud.stderr);
    assert!(log.contains("hold") && log.contains("done"), "{log}");
    assert!(log.contains("strategy=occ"), "{log}");

    // A lost race is named: seat 1 is taken, so this hold fails and says why.
    let taken = env.run(&["-v", "hold", "E", "1"]);
    assert_eq!(taken.status.code(), Some(3));
    let log = String::from_utf8_lossy(&taken.stderr);
    assert!(log.contains("attempt failed"), "{log}");
}
