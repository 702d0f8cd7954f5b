//! `seatctl reservations` and `seatctl holds`: the clerk's lists, filtered by customer,
//! reference, holder and status, as a table, `--json` and `--csv`, on both backends.

use serde_json::Value;

use crate::common::{Env, on_both};

fn ids(v: &Value, key: &str) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| r[key].as_str().unwrap().to_string())
        .collect()
}

fn hold(env: &Env, args: &[&str]) -> String {
    let mut all = vec!["hold", "E"];
    all.extend_from_slice(args);
    env.json(&all)["hold_id"].as_str().unwrap().to_string()
}

fn reserve(env: &Env, hold: &str, customer: &str, reference: &str) -> String {
    env.json(&[
        "reserve",
        hold,
        "--customer",
        customer,
        "--reference",
        reference,
    ])["reservation_id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn reservations_and_holds_are_listed_and_searched() {
    on_both("listing", |env| {
        env.ok(&["event", "create", "--name", "E", "--seats", "12"]);
        let h1 = hold(env, &["1", "2", "--holder", "Box Office 2"]);
        let r1 = reserve(env, &h1, "Émile Zola", "PO-17");
        let h2 = hold(env, &["3", "--holder", "kiosk"]);
        let r2 = reserve(env, &h2, "Ann Lee", "po-18");
        let h3 = hold(env, &["4", "5", "--holder", "box office 1"]);
        let h4 = hold(env, &["6", "--holder", "kiosk", "--ttl", "1s"]);
        let h5 = hold(env, &["7", "--holder", "kiosk"]);
        env.ok(&["release", &h5]);
        env.ok(&["release", &r2]);

        // Active reservations by default, oldest first, with their seats.
        let v = env.json(&["reservations", "E"]);
        assert_eq!(ids(&v, "reservation_id"), [r1.as_str()], "{v}");
        assert_eq!(v[0]["seats"], serde_json::json!(["1", "2"]));
        assert_eq!(v[0]["hold_id"], h1.as_str());
        assert_eq!(v[0]["holder"], "Box Office 2");
        assert_eq!(v[0]["status"], "active");
        let all = env.json(&["reservations", "E", "--status", "all"]);
        assert_eq!(ids(&all, "reservation_id"), [r1.as_str(), r2.as_str()]);
        let refunded = env.json(&["reservations", "E", "--status", "released"]);
        assert_eq!(ids(&refunded, "reservation_id"), [r2.as_str()]);
        assert_eq!(refunded[0]["seats"], serde_json::json!(["3"]), "{refunded}");
        assert!(refunded[0]["released_at"].is_string());
        // Customer: a part, in any case and either Unicode form; reference: whole, any case.
        let v = env.json(&["reservations", "E", "--customer", "e\u{301}mile"]);
        assert_eq!(ids(&v, "reservation_id"), [r1.as_str()], "{v}");
        let v = env.json(&[
            "reservations",
            "E",
            "--reference",
            "PO-18",
            "--status",
            "all",
        ]);
        assert_eq!(ids(&v, "reservation_id"), [r2.as_str()], "{v}");
        let v = env.json(&["reservations", "E", "--reference", "PO-1"]);
        assert_eq!(v, serde_json::json!([]));

        // Holds: active by default; lapsed ones are expired at once, on the database's clock.
        std::thread::sleep(std::time::Duration::from_millis(1500));
        let v = env.json(&["holds", "E"]);
        assert_eq!(ids(&v, "hold_id"), [h3.as_str()], "{v}");
        assert_eq!(v[0]["seats"], serde_json::json!(["4", "5"]));
        let v = env.json(&["holds", "E", "--status", "expired"]);
        assert_eq!(ids(&v, "hold_id"), [h4.as_str()], "{v}");
        // A sale refunded since is not "reserved": its hold says refunded.
        let v = env.json(&["holds", "E", "--status", "reserved"]);
        assert_eq!(ids(&v, "hold_id"), [h1.as_str()], "{v}");
        let v = env.json(&["holds", "E", "--status", "refunded"]);
        assert_eq!(ids(&v, "hold_id"), [h2.as_str()], "{v}");
        let v = env.json(&["holds", "E", "--status", "all"]);
        assert_eq!(v[0]["status"], "reserved");
        assert_eq!(v[1]["status"], "refunded", "{v}");
        assert_eq!(v[0]["reservation_id"], r1.as_str());
        let v = env.json(&["holds", "E", "--status", "released"]);
        assert_eq!(ids(&v, "hold_id"), [h5.as_str()], "{v}");
        let v = env.json(&["holds", "E", "--status", "all", "--holder", "BOX OFFICE"]);
        assert_eq!(ids(&v, "hold_id"), [h1.as_str(), h3.as_str()], "{v}");

        // The table: short ids (as reserve and release take them), seats, a count.
        let out = env.ok(&["reservations", "E", "--status", "all"]);
        assert!(
            out.contains(&r1[..8]) && out.contains("Émile Zola"),
            "{out}"
        );
        assert!(out.contains("1 2") && out.contains("released"), "{out}");
        assert!(out.contains("2 reservation(s), 3 seat(s)."), "{out}");
        let out = env.ok(&["holds", "E", "--holder", "nobody"]);
        assert_eq!(out, "No holds match.\n");
        // CSV: a header, one row per reservation, ids whole.
        let csv = env.ok(&["reservations", "E", "--csv"]);
        let mut lines = csv.lines();
        assert!(
            lines
                .next()
                .unwrap()
                .starts_with("reservation_id,hold_id,status,customer")
        );
        let row = lines.next().unwrap();
        assert!(
            row.starts_with(&format!("{r1},{h1},active,Émile Zola,PO-17,")),
            "{row}"
        );
        assert!(lines.next().is_none(), "{csv}");
        let csv = env.ok(&["holds", "E", "--csv", "--status", "all"]);
        assert_eq!(csv.lines().count(), 6, "{csv}");

        // Bad input: an unknown event is exit 4, a status that is not one is exit 2 naming
        // the values, --csv with --json exit 2.
        let err = env.fails(&["reservations", "Nosuch"], 4);
        assert!(err.contains("Nosuch"), "{err}");
        // Folding beyond lower case: STRASSE finds Straße.
        let h6 = hold(env, &["8"]);
        reserve(env, &h6, "Straße AG", "PO-19");
        let v = env.json(&["reservations", "E", "--customer", "STRASSE"]);
        assert_eq!(v[0]["customer"], "Straße AG", "{v}");
        // An empty filter is refused, not a match for everything.
        env.fails(&["reservations", "E", "--customer", " "], 2);
        env.fails(&["holds", "E", "--holder", ""], 2);
        let err = env.fails(&["holds", "E", "--status", "lapsed"], 2);
        assert!(err.contains("expired"), "{err}");
        env.fails(&["--json", "holds", "E", "--csv"], 2);
    });
}

/// The history's "by" is the operator at the terminal (`--operator`, `SEATCTL_OPERATOR`, the
/// config's `terminal.operator`, else the login), never a hold's holder or a reservation's
/// customer, which stay on the hold and the reservation.
#[test]
fn the_operator_is_recorded_apart_from_holder_and_customer() {
    on_both("operator", |env| {
        env.ok(&["event", "create", "--name", "E", "--seats", "8"]);
        let by = |seat: &str| -> Vec<String> {
            env.json(&["history", "E", seat])
                .as_array()
                .unwrap()
                .iter()
                .map(|h| h["actor"].as_str().unwrap().to_string())
                .collect()
        };
        let hold = env.json(&[
            "--operator",
            "Ann at window 2",
            "hold",
            "E",
            "1",
            "--holder",
            "kiosk",
        ]);
        let hold_id = hold["hold_id"].as_str().unwrap();
        let out = env
            .cmd()
            .env("SEATCTL_OPERATOR", "Bo")
            .args(["reserve", hold_id, "--customer", "Cy Customer"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(by("1"), ["Ann at window 2", "Bo"]);
        assert_eq!(
            env.json(&["holds", "E", "--status", "all"])[0]["holder"],
            "kiosk"
        );
        assert_eq!(
            env.json(&["reservations", "E"])[0]["customer"],
            "Cy Customer"
        );

        // From the config; the flag wins over it; by default the login.
        let config = env.write("dee.toml", "[terminal]\noperator = \"Dee\"\n");
        env.ok(&["--config", &config, "hold", "E", "2"]);
        env.ok(&["--config", &config, "--operator", "Eve", "hold", "E", "3"]);
        let out = env
            .cmd()
            .env("USER", "frank")
            .args(["hold", "E", "4"])
            .output()
            .unwrap();
        assert!(out.status.success());
        assert_eq!(by("2"), ["Dee"]);
        assert_eq!(by("3"), ["Eve"]);
        assert_eq!(by("4"), ["frank"]);
        // The table's By column shows it.
        let table = env.ok(&["history", "E", "1"]);
        assert!(
            table.contains("Ann at window 2") && !table.contains("kiosk"),
            "{table}"
        );

        // A name with a control character, or too long: exit 2 naming where it came from.
        let err = env.fails(&["--operator", "a\u{7}b", "hold", "E", "5"], 2);
        assert!(err.contains("--operator"), "{err}");
        // The login name is checked as well: no terminal escapes in the history.
        let out = env
            .cmd()
            .env("USER", "evil\u{1b}[31mred")
            .args(["hold", "E", "5"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("$USER"));
        let long = "x".repeat(101);
        env.fails(&["--operator", &long, "hold", "E", "5"], 2);
        let bad = env.write("bad.toml", "[terminal]\noperator = \"a\\u200Bb\"\n");
        let err = env.fails(&["--config", &bad, "hold", "E", "5"], 2);
        assert!(err.contains("terminal.operator"), "{err}");
        assert_eq!(
            env.json(&["seats", "E", "--status", "held"])
                .as_array()
                .unwrap()
                .len(),
            3
        );
    });
}
