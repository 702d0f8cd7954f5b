//! Real venues' numbering schemes (issue 12): where a seat sits along its row comes from the
//! layout's `order` (or `position`), not from its number, so best-available holds seats that
//! are physically side by side, nearest the physical centre, never across an aisle; rows are
//! sold nearest the stage first whatever their order in the file. Fixtures in
//! `examples/venues/`, through the binary, on SQLite and PostgreSQL.

use std::collections::HashMap;

use crate::common::{Env, on_both};
use crate::events::repo;

/// Every seat's row and place along it (`position`, else its number), by label.
fn places(env: &Env, event: &str) -> HashMap<String, (String, i64)> {
    env.json(&["seats", event])
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["label"].as_str().unwrap().to_string(),
                (
                    s["row"].as_str().unwrap().to_string(),
                    // A row without positions sits in number order.
                    s["position"].as_i64().or(s["number"].as_i64()).unwrap(),
                ),
            )
        })
        .collect()
}

/// Holds the best `n` (with `extra` flags) and returns the labels, checking they sit side by
/// side: one row, consecutive places, no aisle between.
fn best(env: &Env, event: &str, n: usize, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["hold", event, "--best"];
    let n_text = n.to_string();
    args.push(&n_text);
    args.extend(extra);
    let held = env.json(&args);
    let labels: Vec<String> = held["seats"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap().to_string())
        .collect();
    assert_eq!(labels.len(), n, "{held}");
    let at = places(env, event);
    let mut spots: Vec<(String, i64)> = labels.iter().map(|l| at[l].clone()).collect();
    spots.sort_by_key(|s| s.1);
    for pair in spots.windows(2) {
        assert_eq!(pair[0].0, pair[1].0, "{event}: {labels:?} span rows");
        assert_eq!(
            pair[1].1 - pair[0].1,
            1,
            "{event}: {labels:?} are not side by side ({spots:?})"
        );
    }
    labels
}

fn create(env: &Env, name: &str, file: &str) {
    let layout = repo(&format!("examples/venues/{file}"));
    env.ok(&["event", "create", "--name", name, "--layout", &layout]);
}

fn has(labels: &[String], want: &[&str]) -> bool {
    want.iter().all(|w| labels.iter().any(|l| l == w))
}

#[test]
fn odd_and_even_sides_sell_pairs_on_one_side_of_the_aisle() {
    on_both("venues_french", |env| {
        create(env, "Tosca", "french-theatre.toml");
        // The middle of row A is the aisle between 1 and 2: the best pair is 3+1 or 2+4,
        // never 8+9 (numbers apart by one, eight seats apart) as numbers would have it.
        let pair = best(env, "Tosca", 2, &[]);
        assert!(
            has(&pair, &["A-1", "A-3"]) || has(&pair, &["A-2", "A-4"]),
            "{pair:?}"
        );
        best(env, "Tosca", 4, &[]);
        best(env, "Tosca", 6, &[]);
        // A wheelchair space and its companion seat, physically together: F-1 and F-3 (F-2
        // is across the aisle).
        let access = best(env, "Tosca", 2, &["--accessible", "1"]);
        assert!(has(&access, &["F-1", "F-3"]), "{access:?}");
        // A range along the row follows the seats as they sit: A-9..A-13 is 9, 11, 13.
        env.ok(&["hold", "Tosca", "B-9..B-13"]);
        let held = env.json(&["seats", "Tosca", "--status", "held"]);
        let b: Vec<&str> = held
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["label"].as_str().unwrap())
            .filter(|l| l.starts_with("B-"))
            .collect();
        assert_eq!(b, ["B-13", "B-11", "B-9"], "left to right");
        assert_eq!(env.json(&["audit", "Tosca"])["ok"], true);
    });
}

#[test]
fn broadway_houses_centre_block_and_sides() {
    on_both("venues_broadway", |env| {
        create(env, "Wicked", "broadway.toml");
        // The physical centre of a row is the middle of its centre block, 107-108.
        let pair = best(env, "Wicked", 2, &[]);
        assert!(has(&pair, &["A-107", "A-108"]), "{pair:?}");
        for n in [4, 6, 6, 4] {
            let got = best(env, "Wicked", n, &[]);
            // Never odd and even sides together (they are 22 places apart).
            let odd_side = got.iter().any(|l| {
                let n: u32 = l.rsplit('-').next().unwrap().parse().unwrap();
                n < 100 && n % 2 == 1
            });
            let even_side = got.iter().any(|l| {
                let n: u32 = l.rsplit('-').next().unwrap().parse().unwrap();
                n < 100 && n.is_multiple_of(2)
            });
            assert!(!(odd_side && even_side), "{got:?}");
        }
        assert_eq!(env.json(&["audit", "Wicked"])["ok"], true);
    });
}

#[test]
fn centre_outwards_numbering_starts_at_seats_1_and_2() {
    on_both("venues_centre_out", |env| {
        create(env, "Recital", "centre-out.toml");
        let pair = best(env, "Recital", 2, &[]);
        assert!(has(&pair, &["1-1", "1-2"]), "{pair:?}");
        let four = best(env, "Recital", 4, &[]);
        // Row 1 now has 10 8 6 4 [2 1] 3 5 7 9 taken in the middle: four together are on a
        // side (never straddling the taken pair) or in row 2's centre.
        assert!(!four.iter().any(|l| l == "1-1" || l == "1-2"), "{four:?}");
        best(env, "Recital", 6, &[]);
    });
}

#[test]
fn snake_numbering_and_rows_listed_back_to_front() {
    on_both("venues_snake", |env| {
        create(env, "Match", "snake.toml");
        // Row A is nearest the stage although the file lists it second.
        let pair = best(env, "Match", 2, &[]);
        assert!(has(&pair, &["A-5", "A-6"]), "{pair:?}");
        env.ok(&["hold", "Match", "A-1..A-4", "A-7..A-10"]);
        // Row B runs 20 down to 11, left to right: its centre is 16 and 15.
        let pair = best(env, "Match", 2, &[]);
        assert!(has(&pair, &["B-16", "B-15"]), "{pair:?}");
        let map = env.ok(&["map", "Match"]);
        let a = map
            .lines()
            .position(|l| l.trim_start().starts_with("A "))
            .unwrap();
        let b = map
            .lines()
            .position(|l| l.trim_start().starts_with("B "))
            .unwrap();
        assert!(a < b, "row A is drawn nearest the stage:\n{map}");
    });
}

#[test]
fn numbers_running_on_across_an_aisle_do_not_join() {
    on_both("venues_run_on", |env| {
        create(env, "Quartet", "run-on.toml");
        let six = best(env, "Quartet", 6, &[]);
        // 1-6 or 7-12, never 4-9 across the aisle.
        let all: Vec<u32> = six
            .iter()
            .map(|l| l.rsplit('-').next().unwrap().parse().unwrap())
            .collect();
        assert!(
            all.iter().all(|n| *n <= 6) || all.iter().all(|n| *n >= 7),
            "{six:?}"
        );
        // The map shows the aisle as a gap.
        let map = env.ok(&["map", "Quartet"]);
        assert!(
            map.lines().any(|l| l.contains(". .")) || map.contains("  "),
            "{map}"
        );
    });
}

/// A layout's order must place exactly its seats, each once; a position is one per row and
/// seat; mixed rows (some seats placed, some not) are refused, naming the line.
#[test]
fn bad_orders_and_positions_are_refused_naming_the_line() {
    let env = Env::sqlite();
    let cases = [
        (
            "o1.toml",
            "[[section]]\nname = \"S\"\n[[section.row]]\nname = \"A\"\nseats = \"1-4\"\norder = \"1 2 3\"\n",
            "does not place seat(s) 4",
        ),
        (
            "o2.toml",
            "[[section]]\nname = \"S\"\n[[section.row]]\nname = \"A\"\nseats = \"1-4\"\norder = \"1 2 3 4 5\"\n",
            "seat 5 is not in `seats`",
        ),
        (
            "o3.toml",
            "[[section]]\nname = \"S\"\n[[section.row]]\nname = \"A\"\nseats = \"1-4\"\norder = \"1 2 2 3 4\"\n",
            "seat 2 is named twice",
        ),
        (
            "o4.toml",
            "[[section]]\nname = \"S\"\n[[section.row]]\nname = \"A\"\nseats = \"1-4\"\norder = \"4-2/2 x\"\n",
            "`x` is not a seat number",
        ),
        (
            "p1.csv",
            "section,row,seat,position\nS,A,1,1\nS,A,2,\n",
            "give every seat of a row its position",
        ),
        (
            "p2.csv",
            "section,row,seat,position\nS,A,1,3\nS,A,2,3\n",
            "at position 3, where another seat already is (line 2)",
        ),
        (
            "p3.csv",
            "section,row,seat,row_distance\nS,A,1,1\nS,A,2,2\n",
            "one distance per row",
        ),
        (
            "p4.csv",
            "section,row,seat,external_id\nS,A,1,g1\nS,A,2,g1\n",
            "external id `g1` is given twice",
        ),
    ];
    for (file, text, said) in cases {
        let path = env.write(file, text);
        let err = env.fails(&["event", "create", "--name", file, "--layout", &path], 2);
        assert!(err.contains(said), "{file}: {err}");
        assert!(err.contains(file), "{file}: {err}");
    }
    assert_eq!(env.json(&["event", "list"]).as_array().unwrap().len(), 0);
}

/// CSV `position` and `external_id` columns: stored, shown by `seats --json`, and used.
#[test]
fn csv_positions_and_external_ids() {
    on_both("venues_csv", |env| {
        let path = env.write(
            "odd-even.csv",
            "section,row,seat,position,external_id\n\
             S,A,5,1,g5\nS,A,3,2,g3\nS,A,1,3,g1\nS,A,2,5,g2\nS,A,4,6,g4\nS,A,6,7,g6\n",
        );
        env.ok(&["event", "create", "--name", "C", "--layout", &path]);
        let seats = env.json(&["seats", "C"]);
        let order: Vec<&str> = seats
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["label"].as_str().unwrap())
            .collect();
        assert_eq!(order, ["A-5", "A-3", "A-1", "A-2", "A-4", "A-6"]);
        assert_eq!(seats[2]["external_id"], "g1");
        assert_eq!(seats[2]["position"], 3);
        let three = best(env, "C", 3, &[]);
        assert!(has(&three, &["A-5", "A-3", "A-1"]) || has(&three, &["A-2", "A-4", "A-6"]));
    });
}

/// The positions and areas migrations (0006, 0007) onto a database of version 5 that has sales:
/// the test sells, takes the schema back to version 5 (what 0006 and 0007 added, removed),
/// migrates again,
/// and finds every sale as it was and the audit clean; new layouts then take positions.
#[test]
fn positions_migrate_onto_a_database_with_sales() {
    on_both("venues_migrate", |env| {
        let pg = env.backend == crate::common::Backend::Postgres;
        let layout = repo("examples/small.csv");
        env.ok(&["event", "create", "--name", "Old", "--layout", &layout]);
        let hold = env.json(&["hold", "Old", "A-1", "A-2"]);
        let hold_id = hold["hold_id"].as_str().unwrap().to_string();
        env.ok(&["reserve", &hold_id, "--customer", "Ada"]);
        env.ok(&["hold", "Old", "B-3"]);
        let view = |now: &str| {
            format!(
                "CREATE VIEW seat_state AS SELECT id, event_id, section, row_name, number, label, \
                 category, section_pos, row_pos, \
                 CASE WHEN status = 'held' AND held_until <= {now} THEN 'available' ELSE status END AS status, \
                 CASE WHEN status = 'held' AND held_until <= {now} THEN NULL ELSE hold_id END AS hold_id, \
                 reservation_id, \
                 CASE WHEN status = 'held' AND held_until <= {now} THEN NULL ELSE held_until END AS held_until, \
                 version, block_reason, attributes FROM seats"
            )
        };
        let now = if pg {
            "now()"
        } else {
            "strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')"
        };
        if pg {
            // 0011: the change stream's column and index (SQLite's 0011 adds nothing).
            env.sql(&[
                "DROP INDEX seat_history_by_tx",
                "ALTER TABLE seat_history DROP COLUMN tx",
            ]);
        }
        env.sql(&[
            "DROP VIEW seat_state",
            &view(now),
            "DROP TABLE api_keys",
            "DROP TABLE category_prices",
            "ALTER TABLE events DROP COLUMN starts_at_offset_s",
            "ALTER TABLE events DROP COLUMN currency",
            "ALTER TABLE seats DROP COLUMN sold_price_minor",
            "DROP TABLE areas",
            "DROP INDEX seats_free_by_row",
            "ALTER TABLE seats DROP COLUMN area",
            "DROP INDEX seats_external_id",
            "ALTER TABLE seats DROP COLUMN seat_pos",
            "ALTER TABLE seats DROP COLUMN external_id",
            "DELETE FROM _sqlx_migrations WHERE version >= 6",
        ]);
        let migrated = env.json(&["db", "migrate"]);
        if pg {
            assert_eq!(
                migrated["newly_applied"],
                serde_json::json!([6, 7, 8, 9, 10, 11]),
                "{migrated}"
            );
        }
        let seats = env.json(&["seats", "Old"]);
        let status = |label: &str| {
            seats
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["label"] == label)
                .unwrap()["status"]
                .as_str()
                .unwrap()
                .to_string()
        };
        assert_eq!(status("A-1"), "reserved");
        assert_eq!(status("A-2"), "reserved");
        assert_eq!(status("B-3"), "held");
        assert!(
            seats
                .as_array()
                .unwrap()
                .iter()
                .all(|s| s["position"].is_null())
        );
        assert_eq!(env.json(&["audit", "Old"])["ok"], true);
        create(env, "New", "french-theatre.toml");
        let pair = best(env, "New", 2, &[]);
        assert!(
            has(&pair, &["A-1", "A-3"]) || has(&pair, &["A-2", "A-4"]),
            "{pair:?}"
        );
    });
}

/// A pretix seating plan (the editor's JSON export, here `examples/venues/pretix-hall.json`)
/// imports directly: zones become sections, seat numbers that are names (`4 bis`, `0-3`) keep
/// them, `seat_guid` is the external id, places come from x (a wide gap is an aisle) and rows
/// are ranked from the stage by y, though the plan lists them back to front.
#[test]
fn a_pretix_plan_imports_with_names_guids_and_positions() {
    on_both("venues_pretix", |env| {
        create(env, "Saal", "pretix-hall.json");
        let seats = env.json(&["seats", "Saal"]);
        let all = seats.as_array().unwrap();
        assert_eq!(all.len(), 30);
        let bis = all
            .iter()
            .find(|s| s["label"] == "2-4 bis")
            .expect("2-4 bis");
        assert_eq!(bis["external_id"], "park-2-4");
        assert_eq!(bis["section"], "Parkett");
        assert_eq!(bis["category"], "Parkett");
        // Row 1 (nearest the stage) is listed first, though the plan lists it last.
        assert_eq!(all[0]["row"], "1", "{seats}");
        let rang: Vec<&str> = all
            .iter()
            .filter(|s| s["section"] == "Rang")
            .map(|s| s["label"].as_str().unwrap())
            .collect();
        assert_eq!(rang, ["R-0-0", "R-0-1", "R-0-2", "R-0-3", "R-0-4", "R-0-5"]);
        let table = env.ok(&["seats", "Saal", "--section", "Parkett"]);
        assert!(table.contains("4 bis"), "{table}");
        // Best seats are physically together, in the front row; named seats sell by label.
        let pair = best(env, "Saal", 2, &[]);
        assert!(pair.iter().all(|l| l.starts_with("1-")), "{pair:?}");
        let four = best(env, "Saal", 4, &[]);
        assert!(four.iter().all(|l| l.starts_with("1-")), "{four:?}");
        env.ok(&["hold", "Saal", "2-4 bis", "R-0-3"]);
        assert_eq!(env.json(&["audit", "Saal"])["ok"], true);
    });
}

/// A pretix plan that contradicts itself is refused whole, saying where.
#[test]
fn a_bad_pretix_plan_is_refused_saying_where() {
    let env = Env::sqlite();
    let plan = |seats: &str| {
        format!(
            r#"{{"name":"x","categories":[{{"name":"A"}}],"zones":[{{"name":"Z","position":{{"x":0,"y":0}},"rows":[{{"row_number":"1","seats":[{seats}]}}]}}]}}"#
        )
    };
    let seat = |guid: &str, n: &str, x: i32, cat: &str| {
        format!(
            r#"{{"seat_guid":"{guid}","seat_number":"{n}","position":{{"x":{x},"y":0}},"category":"{cat}"}}"#
        )
    };
    let cases = [
        (
            plan(&seat("g1", "1", 0, "B")),
            "category `B` is not among the plan's categories",
        ),
        (
            plan(&format!(
                "{},{}",
                seat("g1", "1", 0, "A"),
                seat("g1", "2", 30, "A")
            )),
            "external id `g1` is given twice",
        ),
        (
            plan(&format!(
                "{},{}",
                seat("g1", "1", 0, "A"),
                seat("g2", "1", 30, "A")
            )),
            "duplicate seat 1 of row `1`",
        ),
        (
            plan(r#"{"seat_number":"1","position":{"x":0,"y":0},"category":"A"}"#),
            "missing field `seat_guid`",
        ),
    ];
    for (i, (text, said)) in cases.iter().enumerate() {
        let path = env.write(&format!("plan{i}.json"), text);
        let err = env.fails(&["event", "create", "--name", "X", "--layout", &path], 2);
        assert!(err.contains(said), "{i}: {err}");
        assert!(err.contains(&format!("plan{i}.json")), "{i}: {err}");
    }
    assert_eq!(env.json(&["event", "list"]).as_array().unwrap().len(), 0);
}

/// Importing a changed pretix plan again (`--replace`) keeps sold and held seats by their
/// `seat_guid`: renamed, moved to a renamed zone, they keep their sale and history; a seat
/// left out is removed if free; a plan that leaves out a sold seat is refused naming it.
#[test]
fn a_changed_pretix_plan_reimports_keeping_sold_seats_by_guid() {
    on_both("venues_pretix_replace", |env| {
        create(env, "Saal", "pretix-hall.json");
        let hold = env.json(&["hold", "Saal", "1-3", "1-4"]);
        let hold_id = hold["hold_id"].as_str().unwrap().to_string();
        let sold = env.json(&["reserve", &hold_id, "--customer", "Ada"]);
        env.ok(&["hold", "Saal", "R-0-2"]);
        let text = std::fs::read_to_string(repo("examples/venues/pretix-hall.json")).unwrap();
        let mut plan: serde_json::Value = serde_json::from_str(&text).unwrap();
        let zones = plan["zones"].as_array_mut().unwrap();
        zones[0]["name"] = "Stalls".into();
        for row in zones[0]["rows"].as_array_mut().unwrap() {
            let third = row["row_number"] == "3";
            let seats = row["seats"].as_array_mut().unwrap();
            seats.retain(|s| s["seat_guid"] != "park-3-8");
            for s in seats.iter_mut() {
                if s["seat_guid"] == "park-1-3" {
                    s["seat_number"] = "3a".into();
                }
            }
            if third {
                seats.push(serde_json::json!({
                    "seat_guid": "park-3-9", "seat_number": "9",
                    "position": {"x": 300, "y": 0}, "category": "Parkett"
                }));
            }
        }
        let changed = env.write("changed.json", plan.to_string());
        let report = env.json(&["layout", "import", "Saal", &changed, "--replace"]);
        // 29 seats by guid, and the 40 places of the standing area by label.
        assert_eq!(report["kept"], 29 + 40, "{report}");
        assert_eq!(report["imported"], 1, "{report}");
        assert_eq!(report["removed"], 1, "{report}");
        let seats = env.json(&["seats", "Saal"]);
        let find = |label: &str| {
            seats
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["label"] == label)
                .unwrap_or_else(|| panic!("no {label} in {seats}"))
                .clone()
        };
        let renamed = find("1-3a");
        assert_eq!(renamed["status"], "reserved");
        assert_eq!(renamed["section"], "Stalls");
        assert_eq!(renamed["reservation_id"], sold["reservation_id"]);
        assert_eq!(find("1-4")["status"], "reserved");
        assert_eq!(find("R-0-2")["status"], "held");
        assert_eq!(find("3-9")["status"], "available");
        assert!(
            seats
                .as_array()
                .unwrap()
                .iter()
                .all(|s| s["label"] != "3-8")
        );
        assert_eq!(
            env.json(&["history", "Saal", "1-3a"])
                .as_array()
                .unwrap()
                .len(),
            2
        );
        assert_eq!(env.json(&["audit", "Saal"])["ok"], true);
        // The sold seats' reservation still releases whole.
        let refund = env.json(&["release", sold["reservation_id"].as_str().unwrap()]);
        assert_eq!(refund["seats"].as_array().unwrap().len(), 2, "{refund}");

        // A plan that leaves out a held seat is refused, naming it; nothing changes.
        let zones = plan["zones"].as_array_mut().unwrap();
        zones[1]["rows"][0]["seats"]
            .as_array_mut()
            .unwrap()
            .retain(|s| s["seat_guid"] != "rang-2");
        let dropped = env.write("dropped.json", plan.to_string());
        let err = env.fails(&["layout", "import", "Saal", &dropped, "--replace"], 3);
        assert!(err.contains("R-0-2 (held)"), "{err}");
        let out = env.run(&["--json", "layout", "import", "Saal", &dropped, "--replace"]);
        let json: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
        assert_eq!(
            json["error"]["seats"],
            serde_json::json!(["R-0-2"]),
            "{json}"
        );
        assert_eq!(
            json["error"]["statuses"],
            serde_json::json!(["held"]),
            "{json}"
        );
        assert_eq!(env.json(&["seats", "Saal"]).as_array().unwrap().len(), 30);
        assert_eq!(env.json(&["audit", "Saal"])["ok"], true);
    });
}

/// `--format` reads a layout whatever its file is called (a pretix export saved as `.txt`);
/// without it the extension decides, and a `.json` with `zones` is a pretix plan.
#[test]
fn format_flag_reads_a_plan_whatever_its_name() {
    let env = Env::sqlite();
    let text = std::fs::read_to_string(repo("examples/venues/pretix-hall.json")).unwrap();
    let plan = env.write("saal-export.txt", &text);
    let err = env.fails(&["layout", "check", &plan], 2);
    assert!(err.contains("unknown layout format"), "{err}");
    let checked = env.json(&["layout", "check", &plan, "--format", "pretix"]);
    assert_eq!(checked["seats"], 30, "{checked}");
    env.ok(&[
        "event", "create", "--name", "S", "--layout", &plan, "--format", "pretix",
    ]);
    env.ok(&["event", "create", "--name", "T", "--seats", "2"]);
    env.ok(&[
        "layout",
        "import",
        "T",
        &plan,
        "--format",
        "pretix",
        "--replace",
    ]);
    assert_eq!(env.json(&["seats", "T"]).as_array().unwrap().len(), 30);
    // `--format` goes with a layout file.
    env.fails(
        &[
            "event", "create", "--name", "U", "--seats", "2", "--format", "csv",
        ],
        2,
    );
}

/// Review findings: a seat's history follows the seat, not the label (after a re-import that
/// swaps two labels, each label shows its own seat's trail only); a seat name with `..` (read
/// as a range when typed) is refused; a row with a huge gap is drawn without empty bands.
#[test]
fn history_follows_the_seat_names_with_dots_are_refused_and_gaps_stay_small() {
    on_both("venues_review", |env| {
        let v1 = env.write(
            "v1.csv",
            "section,row,seat,external_id\nS,A,1,a1\nS,A,2,a2\nS,A,3,a3\n",
        );
        env.ok(&["event", "create", "--name", "H", "--layout", &v1]);
        env.ok(&["hold", "H", "A-1"]);
        // a1 (held) now sits at seat 2, a2 at seat 1.
        let v2 = env.write(
            "v2.csv",
            "section,row,seat,external_id\nS,A,2,a1\nS,A,1,a2\nS,A,3,a3\n",
        );
        env.ok(&["layout", "import", "H", &v2, "--replace"]);
        assert_eq!(
            env.json(&["history", "H", "A-1"]).as_array().unwrap().len(),
            0
        );
        assert_eq!(
            env.json(&["history", "H", "A-2"]).as_array().unwrap().len(),
            1
        );
        let seats = env.json(&["seats", "H", "--status", "held"]);
        assert_eq!(seats[0]["label"], "A-2");
        assert_eq!(env.json(&["audit", "H"])["ok"], true);
    });
    let env = Env::sqlite();
    let dots = env.write("dots.csv", "section,row,seat,position\nS,A,1..2,2\n");
    let err = env.fails(&["event", "create", "--name", "D", "--layout", &dots], 2);
    assert!(err.contains("contains `..`"), "{err}");
    let gap = env.write(
        "gap.csv",
        "section,row,seat,position\nS,A,1,1\nS,A,2,999999\n",
    );
    env.ok(&["event", "create", "--name", "G", "--layout", &gap]);
    let map = env.ok(&["map", "G"]);
    assert!(map.lines().count() < 20, "{} lines", map.lines().count());
}
