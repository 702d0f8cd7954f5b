//! Names in one Unicode spelling (NFC), with nothing invisible in them: two seats, events or
//! customers never print alike while being different.

use crate::common::on_both;

#[test]
fn names_that_look_alike_are_one_name_or_refused() {
    on_both("unicode", |env| {
        // Row `Ä` precomposed (line 2) and decomposed (line 3): the same seat twice.
        let twice = env.write(
            "twice.csv",
            "section,row,seat\nMain,\u{00C4},1\nMain,A\u{0308},1\n",
        );
        let err = env.fails(&["layout", "check", &twice], 2);
        assert!(err.contains(":3:") && err.contains("duplicate"), "{err}");
        // A zero-width space inside a row name: refused, naming the line and the character.
        let hidden = env.write("hidden.csv", "section,row,seat\nMain,B\u{200B},1\n");
        let err = env.fails(&["layout", "check", &hidden], 2);
        assert!(err.contains(":2:") && err.contains("U+200B"), "{err}");
        let toml = env.write(
            "hidden.toml",
            "[[section]]\nname = \"Main\"\n[[section.row]]\nname = \"C\\u202E\"\nseats = \"1-2\"\n",
        );
        let err = env.fails(&["layout", "check", &toml], 2);
        assert!(err.contains("U+202E"), "{err}");

        // Imported in NFC; typed in NFD, it is still found.
        let hall = env.write(
            "hall.csv",
            "section,row,seat\nMain,A\u{0308},1\nMain,A\u{0308},2\n",
        );
        env.ok(&[
            "event",
            "create",
            "--name",
            "Caf\u{00E9}",
            "--layout",
            &hall,
        ]);
        let seats = env.json(&["seats", "Cafe\u{0301}"]);
        assert_eq!(seats[0]["label"], "\u{00C4}-1", "{seats}");
        let hold = env.json(&["hold", "Cafe\u{0301}", "A\u{0308}-1"]);
        assert_eq!(hold["seats"], serde_json::json!(["\u{00C4}-1"]));
        // Invisible characters in an event name or a customer: exit 2.
        env.fails(
            &["event", "create", "--name", "Gala\u{200D}", "--seats", "2"],
            2,
        );
        let id = hold["hold_id"].as_str().unwrap();
        let err = env.fails(&["reserve", id, "--customer", "Ann\u{202E}"], 2);
        assert!(err.contains("customer") && err.contains("U+202E"), "{err}");
        env.ok(&["reserve", id, "--customer", "Zoe\u{0308}"]);
        let export = env.ok(&["export", "Caf\u{00E9}"]);
        assert!(export.contains("Zo\u{00EB}"), "{export}");
    });
}
