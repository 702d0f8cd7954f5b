//! `seatctl block` / `unblock`: seats out of sale and back, guarded, recorded, shown.

use crate::common::on_both;

#[test]
fn blocked_seats_leave_sale_and_come_back() {
    on_both("block", |env| {
        env.ok(&["event", "create", "--name", "E", "--seats", "6"]);
        let b = env.json(&["block", "E", "2", "3", "--reason", "camera position"]);
        assert_eq!(b["status"], "blocked");
        assert_eq!(b["changed"], serde_json::json!(["2", "3"]));
        // Idempotent: blocking again changes nothing.
        let again = env.json(&["block", "E", "2", "--reason", "camera position"]);
        assert_eq!(again["unchanged"], serde_json::json!(["2"]));
        assert_eq!(again["changed"], serde_json::json!([]));
        // Not for sale: neither by label nor as a best seat.
        let err = env.fails(&["hold", "E", "2"], 3);
        assert!(err.contains("2"), "{err}");
        for _ in 0..2 {
            let h = env.json(&["hold", "E", "--best", "1"]);
            let seat = h["seats"][0].as_str().unwrap().to_string();
            assert!(seat != "2" && seat != "3", "{seat}");
        }
        // Blocking a held or reserved seat is a conflict, and all or nothing.
        env.ok(&["hold", "E", "5"]);
        let err = env.fails(&["block", "E", "4", "5", "--reason", "broken"], 3);
        assert!(
            err.contains("5 (held)") && err.contains("release them first"),
            "{err}"
        );
        let seats = env.json(&["seats", "E", "--status", "blocked"]);
        let labels: Vec<&str> = seats
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["label"].as_str().unwrap())
            .collect();
        assert_eq!(labels, ["2", "3"], "4 was not blocked either");
        assert_eq!(seats[0]["block_reason"], "camera position");
        // Counts, map, report, export and audit all know the state.
        let show = env.json(&["event", "show", "E"]);
        assert_eq!(show["counts"]["blocked"], 2);
        let map = env.ok(&["--no-color", "map", "E"]);
        assert!(
            map.contains("2 blocked") && map.contains("# blocked"),
            "{map}"
        );
        let report = env.json(&["report", "E"]);
        assert_eq!(report["overall"]["blocked"], 2);
        let csv = env.ok(&["export", "E"]);
        assert!(
            csv.contains("2,Main,,2,,,blocked,camera position,"),
            "{csv}"
        );
        assert_eq!(env.json(&["audit", "E"])["ok"], true);
        // The history has both changes, with the reason.
        let history = env.json(&["history", "E", "2"]);
        let rows = history.as_array().unwrap();
        assert!(
            rows.iter().any(|r| r["to_status"] == "blocked"),
            "{history}"
        );
        // Unblock: back on sale, idempotent, and a held seat is not "unblocked".
        let u = env.json(&["unblock", "E", "2", "3", "6"]);
        assert_eq!(u["changed"], serde_json::json!(["2", "3"]));
        assert_eq!(u["unchanged"], serde_json::json!(["6"]));
        env.json(&["hold", "E", "2"]);
        let err = env.fails(&["unblock", "E", "5"], 3);
        assert!(err.contains("not blocked"), "{err}");
        let err = env.fails(&["block", "E", "99", "--reason", "x"], 4);
        assert!(
            err.contains("`99`") && err.contains("labels here run from `1` to `6`"),
            "{err}"
        );
        env.fails(&["block", "E", "4", "--reason", "  "], 2);
        env.fails(&["block", "E", "4"], 2);
        assert_eq!(env.json(&["audit", "E"])["ok"], true);
    });
}

/// A SQLite file made by a seatctl from before blocked seats (schema version 1), with a seat
/// sold and one held, upgrades in place: the table rebuild keeps every row and state.
#[test]
fn a_version_1_sqlite_database_upgrades_with_its_data() {
    let env = crate::common::Env::sqlite();
    let url = env.db_url.clone();
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(async move {
            use sqlx::ConnectOptions;
            let mut conn = url
                .parse::<sqlx::sqlite::SqliteConnectOptions>()
                .unwrap()
                .create_if_missing(true)
                .connect()
                .await
                .unwrap();
            sqlx::migrate!("./migrations/sqlite")
                .run_to(1, &mut conn)
                .await
                .unwrap();
            let ev = uuid::Uuid::new_v4();
            let (hold, sold, res) = (
                uuid::Uuid::new_v4(),
                uuid::Uuid::new_v4(),
                uuid::Uuid::new_v4(),
            );
            let far = "2999-01-01T00:00:00.000+00:00";
            sqlx::query("INSERT INTO events (id, name) VALUES ($1, 'Old')")
                .bind(ev)
                .execute(&mut conn)
                .await
                .unwrap();
            for (id, status) in [(hold, "active"), (sold, "reserved")] {
                sqlx::query(
                    "INSERT INTO holds (id, event_id, status, seat_count, expires_at) \
                     VALUES ($1, $2, $3, 1, $4)",
                )
                .bind(id)
                .bind(ev)
                .bind(status)
                .bind(far)
                .execute(&mut conn)
                .await
                .unwrap();
            }
            sqlx::query("INSERT INTO reservations (id, event_id, hold_id) VALUES ($1, $2, $3)")
                .bind(res)
                .bind(ev)
                .bind(sold)
                .execute(&mut conn)
                .await
                .unwrap();
            for n in 1..=3i64 {
                let (status, h, r, until) = match n {
                    1 => ("reserved", Some(sold), Some(res), None),
                    2 => ("held", Some(hold), None, Some(far)),
                    _ => ("available", None, None, None),
                };
                sqlx::query(
                    "INSERT INTO seats (event_id, section, row_name, number, label, section_pos, \
                     row_pos, status, hold_id, reservation_id, held_until, version) \
                     VALUES ($1, 'Main', '', $2, $3, 0, 0, $4, $5, $6, $7, $8)",
                )
                .bind(ev)
                .bind(n)
                .bind(n.to_string())
                .bind(status)
                .bind(h)
                .bind(r)
                .bind(until)
                .bind(if n == 3 { 0i64 } else { 2 })
                .execute(&mut conn)
                .await
                .unwrap();
            }
            for (n, from, to, h, r) in [
                (1i64, "available", "held", sold, None),
                (1, "held", "reserved", sold, Some(res)),
                (2, "available", "held", hold, None),
            ] {
                sqlx::query(
                    "INSERT INTO seat_history (event_id, seat_id, seat_label, from_status, \
                     to_status, hold_id, reservation_id) \
                     VALUES ($1, (SELECT id FROM seats WHERE label = $2), $2, $3, $4, $5, $6)",
                )
                .bind(ev)
                .bind(n.to_string())
                .bind(from)
                .bind(to)
                .bind(h)
                .bind(r)
                .execute(&mut conn)
                .await
                .unwrap();
            }
        });
    // The new binary migrates the file on first use and finds everything where it was.
    let seats = env.json(&["seats", "Old"]);
    let states: Vec<(&str, &str)> = seats
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["label"].as_str().unwrap(), s["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        states,
        [("1", "reserved"), ("2", "held"), ("3", "available")]
    );
    assert_eq!(seats[1]["version"], 2);
    let status = env.json(&["db", "status"]);
    assert_eq!(status["up_to_date"], true);
    assert_eq!(env.json(&["audit", "Old"])["ok"], true);
    env.json(&["block", "Old", "3", "--reason", "sound desk"]);
    env.fails(&["block", "Old", "1", "--reason", "x"], 3);
    assert_eq!(env.json(&["audit", "Old"])["ok"], true);
}

/// A refused block names the seats and their states as fields; ranges are accepted, a seat in
/// two of them counts once, and an unknown range end is an unknown seat (exit 4).
#[test]
fn block_errors_carry_their_seats_and_ranges_work() {
    on_both("block_json", |env| {
        env.ok(&["event", "create", "--name", "E", "--seats", "8"]);
        env.ok(&["hold", "E", "5"]);
        let out = env.run(&["--json", "block", "E", "4", "5", "--reason", "broken"]);
        assert_eq!(out.status.code(), Some(3));
        let err: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
        assert_eq!(err["error"]["seats"], serde_json::json!(["5"]), "{err}");
        assert_eq!(
            err["error"]["statuses"],
            serde_json::json!(["held"]),
            "{err}"
        );

        // `changed` comes in the database's order: compare as sets.
        let sorted = |v: &serde_json::Value| {
            let mut labels: Vec<String> = v["changed"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l.as_str().unwrap().to_string())
                .collect();
            labels.sort();
            labels
        };
        let b = env.json(&["block", "E", "1..3", "2..4", "--reason", "desk"]);
        assert_eq!(sorted(&b), ["1", "2", "3", "4"]);
        let u = env.json(&["unblock", "E", "3..1"]);
        assert_eq!(sorted(&u), ["1", "2", "3"]);

        let out = env.run(&["--json", "block", "E", "6..77", "--reason", "x"]);
        assert_eq!(out.status.code(), Some(4));
        let err: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
        assert_eq!(err["error"]["labels"], serde_json::json!(["77"]), "{err}");

        // Labels in another case, each one seat's: those seats.
        let hall = crate::events::repo("examples/hall.toml");
        env.ok(&["event", "create", "--name", "Hall", "--layout", &hall]);
        let b = env.json(&["block", "Hall", "a-1", "A-2", "--reason", "desk"]);
        assert_eq!(sorted(&b), ["A-1", "A-2"]);
        let u = env.json(&["unblock", "Hall", "A-1", "a-2"]);
        assert_eq!(sorted(&u), ["A-1", "A-2"]);
    });
}

/// Blocked seats are named as blocked, never as "held or reserved": when a layout replace or an
/// event delete is refused for them, and in the event tables.
#[test]
fn blocked_seats_are_called_blocked() {
    on_both("blocked_named", |env| {
        env.ok(&["event", "create", "--name", "E", "--seats", "4"]);
        env.ok(&["block", "E", "1", "2", "--reason", "desk"]);
        let layout = env.write("l.csv", "section,row,seat\nMain,A,1\n");
        let err = env.fails(&["layout", "import", "E", &layout, "--replace"], 3);
        assert!(
            err.contains("(2 blocked)") && !err.contains("held or reserved"),
            "{err}"
        );
        let err = env.fails(&["event", "delete", "E", "--yes"], 3);
        assert!(err.contains("(2 blocked)"), "{err}");
        let list = env.ok(&["event", "list"]);
        assert!(list.contains("Blocked"), "{list}");
        let show = env.ok(&["event", "show", "E"]);
        assert!(show.contains("Blocked"), "{show}");
    });
}

/// A thousand seats blocked and unblocked in one command, on both backends (SQLite refused the
/// single statement: an expression of more than 1 000 terms).
#[test]
fn a_thousand_seats_block_and_unblock_at_once() {
    on_both("block_many", |env| {
        env.ok(&["event", "create", "--name", "Big", "--seats", "1200"]);
        let out = env.json(&["block", "Big", "1..1000", "--reason", "rigging"]);
        assert_eq!(out["changed"].as_array().unwrap().len(), 1000, "{out}");
        let blocked = env.json(&["seats", "Big", "--status", "blocked"]);
        assert_eq!(blocked.as_array().unwrap().len(), 1000);
        let out = env.json(&["unblock", "Big", "1..1000"]);
        assert_eq!(out["changed"].as_array().unwrap().len(), 1000, "{out}");
        assert_eq!(
            env.json(&["history", "Big"]).as_array().unwrap().len(),
            2000
        );
        assert_eq!(env.json(&["audit", "Big"])["ok"], true);
    });
}
