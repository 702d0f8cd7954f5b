//! `seatctl report` and `seatctl export` on both backends.

use serde_json::Value;

use crate::common::on_both;

#[test]
fn report_counts_sections_categories_lapsing_holds_and_sales() {
    on_both("report", |env| {
        let layout = env.write(
            "venue.csv",
            "section,row,seat,category\nStalls,A,1,premium\nStalls,A,2,premium\nStalls,B,1,\n\
             Circle,C,1,standard\nCircle,C,2,standard\n",
        );
        env.ok(&["event", "create", "--name", "Gala", "--layout", &layout]);
        let h = env.json(&["hold", "Gala", "A-1", "A-2", "--holder", "ann"]);
        env.json(&["reserve", h["hold_id"].as_str().unwrap()]);
        env.json(&["hold", "Gala", "C-1", "--ttl", "2m", "--holder", "bob"]);
        env.json(&["hold", "Gala", "C-2", "--ttl", "25m"]);

        let r = env.json(&["report", "Gala", "--within", "5m"]);
        assert_eq!(r["overall"]["total"], 5);
        assert_eq!(r["overall"]["reserved"], 2);
        assert_eq!(r["overall"]["held"], 2);
        assert_eq!(r["overall"]["sold_pct"], 40.0);
        assert_eq!(r["sections"][0]["name"], "Stalls");
        assert_eq!(r["sections"][0]["reserved"], 2);
        assert_eq!(r["sections"][1]["held"], 2);
        let premium = r["categories"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == "premium")
            .unwrap();
        assert_eq!(premium["sold_pct"], 100.0);
        // Only bob's hold lapses within 5 minutes.
        let lapsing = r["lapsing"].as_array().unwrap();
        assert_eq!(lapsing.len(), 1, "{lapsing:?}");
        assert_eq!(lapsing[0]["holder"], "bob");
        assert_eq!(r["sales_by_hour"][0]["seats"], 2);

        let csv = env.ok(&["report", "Gala", "--csv"]);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            "scope,name,total,available,held,reserved,blocked,sold_pct,revenue"
        );
        assert_eq!(lines[1], "event,Gala,5,1,2,2,0,40,");
        assert!(lines.contains(&"section,Stalls,3,1,0,2,0,66.7,"), "{csv}");
        let text = env.ok(&["report", "Gala"]);
        assert!(text.contains("Stalls") && text.contains("bob"), "{text}");
        env.fails(&["--json", "report", "Gala", "--csv"], 2);
        env.fails(&["report", "Nope"], 4);
    });
}

#[test]
fn export_writes_every_seat_with_holder_and_reference() {
    on_both("export", |env| {
        env.ok(&["event", "create", "--name", "Gala", "--seats", "4"]);
        let h = env.json(&["hold", "Gala", "1", "2", "--holder", "Smith, J"]);
        env.json(&[
            "reserve",
            h["hold_id"].as_str().unwrap(),
            "--customer",
            "J Smith",
            "--reference",
            "=ORDER-7",
        ]);
        env.json(&["hold", "Gala", "3", "--holder", "kim"]);
        let csv = env.ok(&["export", "Gala"]);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 5, "{csv}");
        assert!(lines[0].starts_with(
            "label,section,row,number,category,attributes,status,block_reason,hold_id"
        ));
        assert!(
            lines[1].starts_with("1,Main,,1,,,reserved,"),
            "{}",
            lines[1]
        );
        // Quoted, and a leading = cannot run as a spreadsheet formula.
        assert!(
            lines[1].contains(",\"Smith, J\",") && lines[1].ends_with(",J Smith,'=ORDER-7"),
            "{}",
            lines[1]
        );
        assert!(
            lines[3].contains(",held,") && lines[3].contains(",kim,"),
            "{}",
            lines[3]
        );
        assert!(
            lines[4].starts_with("4,Main,,4,,,available,"),
            "{}",
            lines[4]
        );

        let seats: Value = env.json(&["export", "Gala"]);
        assert_eq!(seats.as_array().unwrap().len(), 4);
        assert_eq!(seats[0]["customer"], "J Smith");
        assert_eq!(seats[2]["holder"], "kim");

        let out = env.path("seats.csv");
        let said = env.ok(&["export", "Gala", "--output", out.to_str().unwrap()]);
        assert!(said.contains("4 seats written"), "{said}");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), csv);
        let err = env.fails(&["export", "Gala", "--output", "/nonexistent/dir/x.csv"], 2);
        assert!(err.contains("/nonexistent/dir/x.csv"), "{err}");
    });
}
