//! Prices per category: `price set|clear|list`, the totals `hold` and `reserve` show, and the
//! revenue `report` adds up, on both backends; bad amounts and unknown categories refused.

use crate::common::on_both;

#[test]
fn prices_totals_and_revenue() {
    on_both("prices", |env| {
        env.create_small("E");
        // No prices yet: no totals at all (not a total of 0).
        let v = env.json(&["hold", "E", "A-1"]);
        assert!(v.get("total").is_none(), "{v}");
        env.ok(&["release", v["hold_id"].as_str().unwrap()]);
        let out = env.ok(&["price", "list", "E"]);
        assert!(out.contains("has no prices"), "{out}");

        // A category (any case) and the default.
        let cats = env.json(&["price", "list", "E"])["unpriced_categories"].clone();
        let cat = cats[0].as_str().unwrap().to_string();
        let v = env.json(&[
            "price",
            "set",
            "E",
            "--category",
            &cat.to_uppercase(),
            "45.5",
        ]);
        assert_eq!(v["prices"][0]["category"], cat.as_str(), "{v}");
        assert_eq!(v["prices"][0]["price"]["amount"], "45.50");
        assert_eq!(v["currency"], "EUR");
        env.ok(&["price", "set", "E", "--default", "20"]);
        env.ok(&["price", "set", "E", "--default", "25,00"]);

        // The seats of that category and the others.
        let seats = env.json(&["seats", "E"]);
        let of = |want: bool| -> Vec<String> {
            seats
                .as_array()
                .unwrap()
                .iter()
                .filter(|s| (s["category"].as_str() == Some(cat.as_str())) == want)
                .filter(|s| s["attributes"].is_null())
                .map(|s| s["label"].as_str().unwrap().to_string())
                .take(2)
                .collect()
        };
        let (priced, other) = (of(true), of(false));
        let hold = env.json(&["hold", "E", &priced[0], &other[0]]);
        assert_eq!(hold["total"]["price"]["amount"], "70.50", "{hold}");
        assert_eq!(hold["total"]["price"]["minor"], 7050);
        assert_eq!(hold["total"]["unpriced_seats"], 0);
        let text = env.ok(&["hold", "E", &priced[1]]);
        assert!(text.contains("Total: 45.50 EUR"), "{text}");
        let res = env.json(&[
            "reserve",
            hold["hold_id"].as_str().unwrap(),
            "--customer",
            "Ann",
        ]);
        assert_eq!(res["total"]["price"]["amount"], "70.50", "{res}");

        // Revenue: what the reserved seats cost, by section and category, and overall.
        let report = env.json(&["report", "E"]);
        assert_eq!(report["overall"]["revenue"]["amount"], "70.50", "{report}");
        let by_cat = report["categories"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["name"] == cat.as_str())
            .unwrap();
        assert_eq!(by_cat["revenue"]["amount"], "45.50");
        // A price changed after the sale changes neither what it was charged nor the revenue.
        env.ok(&["price", "set", "E", "--category", &cat, "1000"]);
        let again = env.json(&["reserve", hold["hold_id"].as_str().unwrap()]);
        assert_eq!(again["total"]["price"]["amount"], "70.50", "{again}");
        let report = env.json(&["report", "E"]);
        assert_eq!(report["overall"]["revenue"]["amount"], "70.50", "{report}");
        env.ok(&["price", "set", "E", "--category", &cat, "45.5"]);
        let table = env.ok(&["report", "E"]);
        assert!(
            table.contains("Revenue (EUR)") && table.contains("70.50"),
            "{table}"
        );
        let csv = env.ok(&["report", "E", "--csv"]);
        assert!(
            csv.lines().next().unwrap().ends_with(",sold_pct,revenue"),
            "{csv}"
        );
        assert!(csv.lines().nth(1).unwrap().ends_with(",70.50"), "{csv}");
        // Without a default, a seat of another category has no price, and says so.
        env.ok(&["price", "clear", "E", "--default"]);
        let v = env.json(&["hold", "E", &other[1]]);
        assert_eq!(v["total"]["unpriced_seats"], 1, "{v}");
        assert_eq!(v["total"]["price"]["amount"], "0.00");

        // Bad input: an amount that is not one, an unknown category, neither or both of
        // --category and --default; nothing changes.
        for bad in ["-1", "4.555", "abc", "1e3", ""] {
            let err = env.fails(&["price", "set", "E", "--category", &cat, bad], 2);
            assert!(err.contains("price"), "{bad}: {err}");
        }
        let err = env.fails(&["price", "set", "E", "--category", "Nosuch", "1"], 4);
        assert!(err.contains("Nosuch"), "{err}");
        env.fails(&["price", "set", "E", "1"], 2);
        env.fails(
            &["price", "set", "E", "--default", "--category", &cat, "1"],
            2,
        );
        env.fails(&["price", "list", "Nosuch"], 4);
        let v = env.json(&["price", "list", "E"]);
        assert_eq!(v["prices"].as_array().unwrap().len(), 1, "{v}");
        assert_eq!(env.json(&["audit", "E"])["ok"], true);
    });
}

/// The configured currency is used, and a currency that is not an ISO 4217 code is refused
/// naming the key.
#[test]
fn the_currency_comes_from_the_config() {
    let env = crate::common::Env::sqlite();
    env.ok(&["event", "create", "--name", "E", "--seats", "3"]);
    let cfg = env.write("gbp.toml", "[sales]\ncurrency = \"GBP\"\n");
    env.ok(&["--config", &cfg, "price", "set", "E", "--default", "12"]);
    let v = env.json(&["--config", &cfg, "hold", "E", "1"]);
    assert_eq!(v["total"]["price"]["currency"], "GBP", "{v}");
    // The event's prices are in GBP now: a terminal configured for EUR may not add to them
    // (amounts are never converted), and its totals still say GBP.
    let err = env.fails(&["price", "set", "E", "--default", "10"], 2);
    assert!(err.contains("GBP") && err.contains("EUR"), "{err}");
    let v = env.json(&["hold", "E", "2"]);
    assert_eq!(v["total"]["price"]["currency"], "GBP", "{v}");
    // Seats without a category are named among those without a price until a default.
    let list = env.json(&["price", "list", "E"]);
    assert_eq!(list["unpriced_categories"], serde_json::json!([]), "{list}");
    let bad = env.write("bad.toml", "# money\n[sales]\ncurrency = \"euro\"\n");
    let err = env.fails(&["--config", &bad, "price", "list", "E"], 2);
    // The file, the line and the key.
    assert!(err.contains("bad.toml:3: `sales.currency`"), "{err}");
}

/// A category of seats and an area's that differ only in case are never guessed between; a
/// `--seats` event's seats (no category) are named as having no price until a default.
#[test]
fn price_categories_alike_but_for_case_are_refused() {
    let env = crate::common::Env::sqlite();
    let layout = env.write(
        "mix.toml",
        "[[section]]\nname = \"Main\"\ncategory = \"vip\"\n\n[[section.row]]\nname = \"A\"\n\
         seats = \"1-4\"\n\n[[area]]\nname = \"Floor\"\ncapacity = 10\ncategory = \"VIP\"\n",
    );
    env.ok(&["event", "create", "--name", "Mix", "--layout", &layout]);
    let err = env.fails(&["price", "set", "Mix", "--category", "Vip", "9"], 2);
    assert!(err.contains("differ only in case"), "{err}");
    // A near miss is named among every category, areas' too.
    let err = env.fails(&["price", "set", "Mix", "--category", "VIx", "9"], 4);
    assert!(err.contains("VIP") && err.contains("vip"), "{err}");
    env.ok(&["price", "set", "Mix", "--category", "VIP", "9"]);
    let v = env.json(&["price", "list", "Mix"]);
    assert_eq!(v["prices"][0]["category"], "VIP", "{v}");
    assert_eq!(v["unpriced_categories"], serde_json::json!(["vip"]), "{v}");
    env.ok(&["event", "create", "--name", "Plain", "--seats", "3"]);
    env.fails(&["price", "set", "Plain", "--category", "nosuch", "1"], 4);
    let v = env.json(&["price", "list", "Plain"]);
    assert_eq!(
        v["unpriced_categories"],
        serde_json::json!(["(no category)"]),
        "{v}"
    );
}
