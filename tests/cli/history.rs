//! `simulate --mix` and its history checker through the real binary: three processes whose
//! buyers hold, extend, reserve and release the same holds, on both backends with both
//! strategies, are linearizable; an extend stripped of its guard is caught (exit 10).

use serde_json::Value;

use crate::common::{Env, on_both};
use crate::simulate::strategies;

const MIX: &str = "hold=40,extend=15,reserve=25,release=20";

/// `--json simulate` with the strategy's flags; exit code and report.
fn mixed(env: &Env, strategy: &[String], extra: &[&str]) -> (Option<i32>, Value) {
    let mut args: Vec<String> = vec!["--json".into()];
    args.extend(strategy.iter().cloned());
    args.extend(
        [
            "simulate",
            "--seats",
            "30",
            "--mix",
            MIX,
            "--buyers",
            "9",
            "--processes",
            "3",
            "--duration",
            "3s",
            "--party",
            "1..2",
            // Short holds: some lapse mid-run, and the checker must agree when.
            "--hold-ttl",
            "1s",
        ]
        .map(String::from),
    );
    args.extend(extra.iter().map(|s| s.to_string()));
    let out = env.run(&args.iter().map(String::as_str).collect::<Vec<_>>());
    let report = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "no JSON report ({e}); exit {:?}; stderr:\n{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code(), report)
}

fn count(answers: &Value, key: &str) -> u64 {
    answers[key].as_u64().unwrap_or(0)
}

#[test]
fn mixed_runs_over_three_processes_are_linearizable() {
    on_both("history_mixed", |env| {
        for strategy in strategies(env, "history_mixed") {
            let (code, r) = mixed(env, &strategy, &[]);
            let run = &r["runs"][0];
            let h = &run["history"];
            assert_eq!(code, Some(0), "{:?} {strategy:?}: {h:#}", env.backend);
            assert_eq!(r["verdict"], "ok");
            assert_eq!(run["audit"]["ok"], true, "{:#}", run["audit"]);
            assert_eq!(h["ok"], true, "{h:#}");
            assert_eq!(h["undecided"].as_array().unwrap().len(), 0);
            assert_eq!(r["scenario"]["processes"], 3);
            assert_eq!(
                r["scenario"]["mix"],
                "hold=40,extend=15,reserve=25,release=20"
            );
            // Every kind of operation ran and succeeded somewhere, and races were lost.
            let a = &h["answers"];
            for key in [
                "hold held",
                "hold taken",
                "extend held",
                "reserve reserved",
                "release released",
            ] {
                assert!(count(a, key) > 0, "no `{key}` in {a:#}");
            }
            let refusals = count(a, "reserve closed")
                + count(a, "release released")
                + count(a, "reserve refunded")
                + count(a, "extend closed");
            assert!(refusals > 0, "{a:#}");
            assert!(h["operations"].as_u64().unwrap() > 100, "{h:#}");
            assert!(h["holds_checked"].as_u64().unwrap() > 20, "{h:#}");
            assert!(h["seats_checked"].as_u64().unwrap() > 10, "{h:#}");
            // The report counts every operation once.
            assert_eq!(run["buys"], h["operations"]);
        }
    });
}

/// The checker can fail: extends that skip the hold's state check "extend" released and
/// reserved holds, and the history shows it.
#[test]
fn the_history_checker_catches_an_extend_without_its_guard() {
    on_both("history_fault", |env| {
        for strategy in strategies(env, "history_fault") {
            let (code, r) = mixed(env, &strategy, &["--fault-unguarded-extend"]);
            let h = &r["runs"][0]["history"];
            assert_eq!(code, Some(10), "{:?} {strategy:?}: {h:#}", env.backend);
            // The sabotage can also leave records the audit catches first (an "extended"
            // lapsed hold whose seats stayed lapsed): either verdict, but the history must
            // show the wrong answers.
            let verdict = r["verdict"].as_str().unwrap();
            assert!(
                matches!(verdict, "history_failed" | "audit_failed"),
                "{verdict}"
            );
            assert_eq!(h["ok"], false, "{h:#}");
            let violations = h["violations"].as_array().unwrap();
            assert!(
                violations
                    .iter()
                    .any(|v| v["object"].as_str().unwrap().starts_with("hold ")
                        && v["stuck"].as_str().unwrap().contains(" extend ")),
                "{h:#}"
            );
        }
        // In words: the verdict, the hold and the operations around the wrong answer.
        let out = env
            .cmd()
            .args(["simulate", "--seats", "30", "--mix", MIX, "--buyers", "4"])
            .args(["--duration", "2s", "--fault-unguarded-extend"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(10));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            (text.contains("HISTORY CHECK FAILED") || text.contains("AUDIT FAILED"))
                && text.contains("history violation on hold "),
            "{text}"
        );
    });
}

#[test]
fn mix_is_refused_where_it_cannot_be_checked() {
    let env = Env::sqlite();
    env.ok(&["event", "create", "--name", "gala", "--seats", "10"]);
    let err = env.fails(
        &["simulate", "--event", "gala", "--in-place", "--mix", MIX],
        2,
    );
    assert!(err.contains("--mix needs a throw-away event"), "{err}");
    let err = env.fails(&["simulate", "--seats", "10", "--mix", "reserve=1"], 2);
    assert!(err.contains("needs hold=W"), "{err}");
    let err = env.fails(
        &["simulate", "--seats", "10", "--fault-unguarded-extend"],
        2,
    );
    assert!(err.contains("needs --mix with an extend weight"), "{err}");
}
