//! General-admission areas (issue 12): an area has a capacity and a category, no seats. Its
//! places are held by quantity, reserved, released and audited like seats, under both
//! strategies on both backends; racing processes never sell more places than it has; the
//! audit catches an area sold past its capacity.

use serde_json::Value;

use crate::common::{Backend, Env, on_both};
use crate::concurrency::spawn_all;
use crate::events::repo;
use crate::reservations::{json_of, run, setups, with};

/// A balcony of 10 seats and a dance floor of 12 places.
const CLUB: &str = "[[section]]\nname = \"Balcony\"\n[[section.row]]\nname = \"A\"\nseats = \"1-10\"\n\n\
                    [[area]]\nname = \"Floor\"\ncapacity = 12\ncategory = \"Standing\"\n";

fn area_counts(env: &Env, event: &str, area: &str) -> Value {
    let shown = env.json(&["event", "show", event]);
    shown["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["section"] == area)
        .unwrap_or_else(|| panic!("no {area} in {shown}"))
        .clone()
}

#[test]
fn an_area_is_held_reserved_released_and_audited() {
    for (env, flags) in setups("areas_round_trip") {
        let file = env.write("club.toml", CLUB);
        let created = env.json(&["event", "create", "--name", "Club", "--layout", &file]);
        assert_eq!(
            (
                &created["seats"],
                &created["areas"],
                &created["places"],
                &created["sections"]
            ),
            (&10.into(), &1.into(), &12.into(), &1.into()),
            "{created}"
        );
        let held = json_of(
            &env,
            &flags,
            &["hold", "Club", "--area", "floor", "--quantity", "4"],
        );
        // Typed in another case, the one area it matches.
        assert_eq!(held["area"], "Floor", "{held}");
        let places = held["seats"].as_array().unwrap();
        assert_eq!(places.len(), 4);
        assert!(
            places
                .iter()
                .all(|p| p.as_str().unwrap().starts_with("Floor#"))
        );
        let floor = area_counts(&env, "Club", "Floor");
        assert_eq!(
            (&floor["area"], &floor["total"], &floor["held"]),
            (&true.into(), &12.into(), &4.into())
        );

        // More than is left: exit 3, nothing held, what is left said.
        let out = run(
            &env,
            &flags,
            &[
                "--json",
                "hold",
                "Club",
                "--area",
                "Floor",
                "--quantity",
                "9",
            ],
        );
        assert_eq!(out.status.code(), Some(3), "{out:?}");
        let err: Value = serde_json::from_slice(&out.stderr).unwrap();
        assert_eq!(
            (
                &err["error"]["area"],
                &err["error"]["asked"],
                &err["error"]["available"]
            ),
            (&"Floor".into(), &9.into(), &8.into()),
            "{err}"
        );
        assert_eq!(area_counts(&env, "Club", "Floor")["held"], 4);

        // Reserve, then a retry with an idempotency key answers with the same hold.
        let hold_id = held["hold_id"].as_str().unwrap();
        let reserved = json_of(&env, &flags, &["reserve", hold_id, "--customer", "Ann"]);
        let reservation = reserved["reservation_id"].as_str().unwrap().to_string();
        let keyed = [
            "hold",
            "Club",
            "--area",
            "Floor",
            "--quantity",
            "2",
            "--idempotency-key",
            "k1",
        ];
        let first = json_of(&env, &flags, &keyed);
        let again = json_of(&env, &flags, &keyed);
        assert_eq!(first["hold_id"], again["hold_id"]);
        assert_eq!(again["replayed"], true);
        let floor = area_counts(&env, "Club", "Floor");
        assert_eq!(
            (&floor["reserved"], &floor["held"], &floor["available"]),
            (&4.into(), &2.into(), &6.into())
        );

        // Seen in seats, the map, the report and the export.
        let seats = env.json(&["seats", "Club"]);
        assert_eq!(seats.as_array().unwrap().len(), 10, "places are no seats");
        let text = env.ok(&["seats", "Club"]);
        assert!(
            text.contains(
                "Floor (general-admission area): 6 of 12 places available, 2 held, 4 reserved"
            ),
            "{text}"
        );
        let map = env.ok(&["map", "Club"]);
        assert!(
            map.contains("Floor · general-admission area of 12 places · 6 available"),
            "{map}"
        );
        assert!(map.contains("[XXXXhh......]"), "{map}");
        let report = env.json(&["report", "Club"]);
        let standing = report["categories"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == "Standing")
            .unwrap();
        assert_eq!(
            (&standing["total"], &standing["reserved"]),
            (&12.into(), &4.into())
        );
        let export = env.ok(&["export", "Club"]);
        assert_eq!(
            export.lines().filter(|l| l.contains(",Ann,")).count(),
            4,
            "{export}"
        );

        // Best-available never hands out places; the area is no section for --best.
        let best = json_of(&env, &flags, &["hold", "Club", "--best", "10"]);
        assert!(
            best["seats"]
                .as_array()
                .unwrap()
                .iter()
                .all(|s| !s.as_str().unwrap().contains('#'))
        );
        let out = run(
            &env,
            &flags,
            &["hold", "Club", "--best", "2", "--section", "Floor"],
        );
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--area Floor --quantity 2"));
        let out = run(
            &env,
            &flags,
            &["hold", "Club", "--area", "Flor", "--quantity", "1"],
        );
        assert_eq!(out.status.code(), Some(4), "{out:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `Floor`"));

        // Releasing the sale gives its places back; the audit agrees throughout.
        json_of(&env, &flags, &["release", &reservation]);
        let floor = area_counts(&env, "Club", "Floor");
        assert_eq!(
            (&floor["reserved"], &floor["available"]),
            (&0.into(), &10.into())
        );
        let audit = env.json(&["audit", "Club"]);
        assert_eq!(audit["ok"], true, "{audit}");
        let section = audit["sections"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["section"] == "Floor")
            .unwrap();
        assert_eq!(section["capacity"], 12);
    }
}

/// 50 processes race for the last 3 places of an area, each asking for one: exactly 3 are
/// sold, the others are told the area is sold out (exit 3); the audit passes.
#[test]
fn fifty_processes_race_for_the_last_three_places() {
    for (env, flags) in setups("areas_race") {
        let file = env.write("club.toml", CLUB);
        env.ok(&["event", "create", "--name", "Club", "--layout", &file]);
        let first = json_of(
            &env,
            &flags,
            &[
                "hold",
                "Club",
                "--area",
                "Floor",
                "--quantity",
                "9",
                "--ttl",
                "10m",
            ],
        );
        assert_eq!(first["seats"].as_array().unwrap().len(), 9);
        let outs = spawn_all(&env, 50, |_| {
            with(
                &flags,
                &[
                    "--json",
                    "hold",
                    "Club",
                    "--area",
                    "Floor",
                    "--quantity",
                    "1",
                ],
            )
        });
        let codes: Vec<Option<i32>> = outs.iter().map(|o| o.status.code()).collect();
        let won: Vec<&std::process::Output> = outs.iter().filter(|o| o.status.success()).collect();
        assert_eq!(won.len(), 3, "{codes:?}");
        assert!(
            codes.iter().all(|c| *c == Some(0) || *c == Some(3)),
            "{codes:?} {outs:?}"
        );
        let mut sold: Vec<String> = won
            .iter()
            .map(|o| {
                let v: Value = serde_json::from_slice(&o.stdout).unwrap();
                v["seats"][0].as_str().unwrap().to_string()
            })
            .collect();
        sold.sort();
        sold.dedup();
        assert_eq!(sold.len(), 3, "one place, one buyer: {sold:?}");
        let floor = area_counts(&env, "Club", "Floor");
        assert_eq!(
            (&floor["held"], &floor["available"]),
            (&12.into(), &0.into())
        );
        let audit = env.json(&["audit", "Club"]);
        assert_eq!(audit["ok"], true, "{audit}");
    }
}

/// The audit proves it can fail: a place added behind the layout's back and sold is an area
/// sold past its capacity.
#[test]
fn the_audit_catches_an_area_sold_past_its_capacity() {
    on_both("areas_audit", |env| {
        let file = env.write("club.toml", CLUB);
        env.ok(&["event", "create", "--name", "Club", "--layout", &file]);
        for _ in 0..3 {
            env.ok(&["hold", "Club", "--area", "Floor", "--quantity", "4"]);
        }
        assert_eq!(env.json(&["audit", "Club"])["ok"], true);
        // The capacity cut below what is held, as a buggy import would leave it.
        env.sql(&["UPDATE areas SET capacity = 10"]);
        let out = env.run(&["--json", "audit", "Club"]);
        assert_eq!(out.status.code(), Some(10), "{out:?}");
        let audit: Value = serde_json::from_slice(&out.stdout).unwrap();
        let kinds: Vec<&str> = audit["violations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["kind"].as_str().unwrap())
            .collect();
        assert!(kinds.contains(&"area_oversold"), "{audit}");
        assert!(kinds.contains(&"area_mismatch"), "{audit}");
    });
}

/// Areas in every layout format: TOML/JSON `[[area]]`, a CSV record with a `capacity`, a
/// pretix area with a capacity; `layout check` names them; re-importing keeps sold places.
#[test]
fn areas_come_from_every_layout_format_and_survive_a_replace() {
    on_both("areas_formats", |env| {
        let csv = env.write(
            "club.csv",
            "section,row,seat,category,capacity\nBalcony,A,1,,\nBalcony,A,2,,\nFloor,,,Standing,30\n",
        );
        let checked = env.json(&["layout", "check", &csv]);
        assert_eq!(
            (&checked["seats"], &checked["places"]),
            (&2.into(), &30.into()),
            "{checked}"
        );
        let json = env.write(
            "club.json",
            r#"{"section": [{"name": "Balcony", "row": [{"name": "A", "seats": "1-2"}]}],
                "area": [{"name": "Floor", "capacity": 30}]}"#,
        );
        let checked = env.json(&["layout", "check", &json]);
        assert_eq!(checked["places"], 30, "{checked}");
        let text = env.ok(&["layout", "check", &repo("examples/venues/club.toml")]);
        assert!(text.contains("24 seats and 948 places"), "{text}");

        env.ok(&[
            "event",
            "create",
            "--name",
            "Saal",
            "--layout",
            &repo("examples/venues/pretix-hall.json"),
        ]);
        let steh = area_counts(env, "Saal", "Stehplätze");
        assert_eq!((&steh["total"], &steh["area"]), (&40.into(), &true.into()));
        let held = env.json(&["hold", "Saal", "--area", "Stehplätze", "--quantity", "3"]);
        env.ok(&[
            "reserve",
            held["hold_id"].as_str().unwrap(),
            "--customer",
            "Bea",
        ]);
        // The same plan again: sold places (and seats, by guid) stay sold.
        let again = env.json(&[
            "layout",
            "import",
            "Saal",
            &repo("examples/venues/pretix-hall.json"),
            "--replace",
        ]);
        assert!(again["kept"].as_i64().unwrap() >= 3, "{again}");
        assert_eq!(area_counts(env, "Saal", "Stehplätze")["reserved"], 3);
        // A plan whose area is too small for what was sold is refused, naming the places.
        let plan = std::fs::read_to_string(repo("examples/venues/pretix-hall.json")).unwrap();
        let smaller = env.write(
            "small.json",
            plan.replace("\"capacity\": 40", "\"capacity\": 2"),
        );
        let out = env.run(&["--json", "layout", "import", "Saal", &smaller, "--replace"]);
        assert_eq!(out.status.code(), Some(3), "{out:?}");
        let err: Value = serde_json::from_slice(&out.stderr).unwrap();
        let named = err["error"]["seats"].as_array().unwrap();
        assert!(
            !named.is_empty()
                && named
                    .iter()
                    .all(|s| s.as_str().unwrap().starts_with("Stehplätze#")),
            "{err}"
        );
        assert_eq!(env.json(&["audit", "Saal"])["ok"], true);
        if env.backend == Backend::Postgres {
            assert_eq!(env.count("SELECT COUNT(*) FROM areas"), 1);
        }
    });
}

/// An area shrinks while its capacity covers what is taken: places sold above the new
/// capacity move to free numbers, with their sales and history; below that it is refused.
#[test]
fn an_area_shrinks_while_its_capacity_covers_what_is_sold() {
    on_both("areas_shrink", |env| {
        let file = env.write("club.toml", CLUB);
        env.ok(&["event", "create", "--name", "Club", "--layout", &file]);
        let held = env.json(&["hold", "Club", "Floor#11", "Floor#12"]);
        env.ok(&[
            "reserve",
            held["hold_id"].as_str().unwrap(),
            "--customer",
            "Cy",
        ]);
        let smaller = env.write("small.toml", CLUB.replace("capacity = 12", "capacity = 4"));
        let report = env.json(&["layout", "import", "Club", &smaller, "--replace"]);
        // The balcony's seats (no external ids, all free) are replaced; the 4 places stay.
        assert_eq!(
            (&report["kept"], &report["imported"], &report["removed"]),
            (&4.into(), &10.into(), &(10 + 8).into()),
            "{report}"
        );
        let floor = area_counts(env, "Club", "Floor");
        assert_eq!(
            (&floor["total"], &floor["reserved"]),
            (&4.into(), &2.into())
        );
        let export = env.ok(&["export", "Club"]);
        let sold: Vec<&str> = export.lines().filter(|l| l.contains(",Cy,")).collect();
        assert_eq!(sold.len(), 2, "{export}");
        assert!(
            sold.iter()
                .all(|l| l.starts_with("Floor#1,") || l.starts_with("Floor#2,")),
            "{sold:?}"
        );
        // The history follows the moved places.
        let history = env.json(&["history", "Club", "Floor#1"]);
        assert_eq!(history.as_array().unwrap().len(), 2, "{history}");
        assert_eq!(env.json(&["audit", "Club"])["ok"], true);
        let tiny = env.write("tiny.toml", CLUB.replace("capacity = 12", "capacity = 1"));
        let out = env.run(&["layout", "import", "Club", &tiny, "--replace"]);
        assert_eq!(out.status.code(), Some(3), "{out:?}");
        assert_eq!(area_counts(env, "Club", "Floor")["total"], 4);
    });
}
