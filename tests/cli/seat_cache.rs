//! The seat cache (`server.seat_cache`): `GET …/seats` and `GET …/map` answered from memory
//! agree with the database after every kind of change made by other processes and replicas
//! (holds, reserves, releases, blocks, lapses, extends, a layout import), and a read naming a
//! write's `Seatctl-Change-Id` includes that write, on another replica too.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::box_office::status as status_of;
use crate::common::on_both;
use crate::events::repo;
use crate::http::{Server, api_key};

/// A blocking client calling as one key.
struct Client {
    rt: tokio::runtime::Runtime,
    http: reqwest::Client,
    key: String,
}

impl Client {
    fn new(key: &str) -> Client {
        Client {
            rt: tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap(),
            http: reqwest::Client::new(),
            key: key.to_string(),
        }
    }

    /// Status, the `Seatctl-Change-Id` header, and the body as JSON.
    fn send(&self, method: &str, url: &str, body: Option<Value>) -> (u16, Option<i64>, Value) {
        self.rt.block_on(async {
            let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
            let mut req = self.http.request(method, url).bearer_auth(&self.key);
            if let Some(b) = body {
                req = req.json(&b);
            }
            let resp = req.send().await.expect("the server answers");
            let status = resp.status().as_u16();
            let change = resp
                .headers()
                .get("seatctl-change-id")
                .map(|v| v.to_str().unwrap().parse().unwrap());
            let text = resp.text().await.unwrap();
            (
                status,
                change,
                serde_json::from_str(&text).unwrap_or(Value::Null),
            )
        })
    }

    fn get(&self, server: &Server, path: &str) -> Value {
        let (status, _, body) = self.send("GET", &server.url(path), None);
        assert_eq!(status, 200, "GET {path}: {body}");
        body
    }
}

/// Every read the cache answers, from `cached`, equals the same read from `direct` (no
/// cache): waited for until they agree (the stream is quick, not instant), at most 10 s.
fn agree(client: &Client, cached: &Server, direct: &Server, event: &str, section: &str) {
    let paths: Vec<String> = [
        "seats",
        "seats?status=available",
        "seats?status=held",
        "seats?status=reserved",
        "seats?status=blocked",
        &format!("seats?section={section}"),
        "map",
        &format!("map?section={section}"),
    ]
    .iter()
    .map(|p| format!("/v1/events/{event}/{p}"))
    .collect();
    let started = Instant::now();
    loop {
        let differ: Vec<&String> = paths
            .iter()
            .filter(|p| client.get(cached, p) != client.get(direct, p))
            .collect();
        if differ.is_empty() {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the cache still differs from the database on {differ:?}: {} vs {}",
            client.get(cached, differ[0]),
            client.get(direct, differ[0])
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn cached_seat_reads_follow_every_change_and_read_your_writes_across_replicas() {
    on_both("seat_cache", |env| {
        env.create_small("E");
        let key = api_key(env, "shop", "box-office");
        let client = Client::new(&key);
        let off = env.write("direct.toml", "[server]\nseat_cache = false\n");
        let (a, b) = (Server::start(env, &[], &[]), Server::start(env, &[], &[]));
        let direct = Server::start(env, &["--config", &off], &[]);
        agree(&client, &a, &direct, "E", "Balcony");

        // Changes by another process (the CLI) reach the cache through the stream.
        let held = env.json(&["hold", "E", "A-1", "A-2"]);
        let hold_id = held["hold_id"].as_str().unwrap().to_string();
        env.ok(&["reserve", &hold_id, "--customer", "Ada"]);
        env.ok(&["block", "E", "C-1", "--reason", "camera"]);
        agree(&client, &a, &direct, "E", "Balcony");

        // Read-your-writes: a write through replica B names its change; replica A's answer
        // with ?after= includes it at once (no waiting in the test).
        let (status, change, body) = client.send(
            "POST",
            &b.url("/v1/events/E/holds"),
            Some(json!({"seats": ["A-3"]})),
        );
        assert_eq!(status, 201, "{body}");
        let change = change.expect("a hold answers Seatctl-Change-Id");
        let hold = body["hold_id"].as_str().unwrap().to_string();
        let seats = client.get(&a, &format!("/v1/events/E/seats?after={change}"));
        assert_eq!(status_of(&seats, "A-3"), "held");
        let (status, change, body) = client.send(
            "POST",
            &b.url(&format!("/v1/holds/{hold}/reservation")),
            Some(json!({"customer": "Bo"})),
        );
        assert_eq!(status, 201, "{body}");
        let map = client.get(&a, &format!("/v1/events/E/map?after={}", change.unwrap()));
        assert!(map.to_string().contains("reserved"), "{map}");
        let seats = client.get(
            &a,
            &format!(
                "/v1/events/E/seats?status=reserved&after={}",
                change.unwrap()
            ),
        );
        assert!(seats.to_string().contains("\"A-3\""), "{seats}");
        let res = body["reservation_id"].as_str().unwrap().to_string();
        let (status, change, body) =
            client.send("DELETE", &b.url(&format!("/v1/reservations/{res}")), None);
        assert_eq!(status, 200, "{body}");
        let seats = client.get(&a, &format!("/v1/events/E/seats?after={}", change.unwrap()));
        assert_eq!(status_of(&seats, "A-3"), "available");

        // An extended hold stays held past the time it was first given (an extend is no
        // change the stream tells: the cache reads past-due holds again).
        let short = env.json(&["hold", "E", "B-1", "--ttl", "2s"]);
        let short_id = short["hold_id"].as_str().unwrap().to_string();
        agree(&client, &a, &direct, "E", "Balcony");
        env.ok(&["extend", &short_id, "--ttl", "2m"]);
        // And a hold that lapses reads as available.
        env.ok(&["hold", "E", "B-2", "--ttl", "1s"]);
        std::thread::sleep(Duration::from_millis(2_500));
        let seats = client.get(&a, "/v1/events/E/seats");
        assert_eq!(status_of(&seats, "B-1"), "held", "extended");
        assert_eq!(status_of(&seats, "B-2"), "available", "lapsed");
        agree(&client, &a, &direct, "E", "Balcony");

        // An `after` that is no change of this event is a problem.
        let (status, _, body) =
            client.send("GET", &a.url("/v1/events/E/seats?after=99999999"), None);
        assert_eq!(status, 400, "{body}");
        // A section spelled in another case is found (by the database).
        let upper = client.get(&a, "/v1/events/E/seats?section=STALLS");
        assert_eq!(
            upper,
            client.get(&direct, "/v1/events/E/seats?section=Stalls")
        );

        // A layout import reaches the cache (within a second or so).
        env.ok(&["event", "create", "--name", "L", "--seats", "3"]);
        agree(&client, &a, &direct, "L", "Main");
        env.ok(&[
            "layout",
            "import",
            "L",
            &repo("examples/small.csv"),
            "--replace",
        ]);
        agree(&client, &a, &direct, "L", "Stalls");

        // A write right after an import, read with ?after= at once: the answer has it, though
        // the change comes before the import is told (the cache sees seats it never had).
        for round in 0..3 {
            let layout = env.write(
                &format!("wider{round}.csv"),
                format!(
                    "section,row,seat\nStalls,A,1\nStalls,A,2\nGallery,G{round},1\nGallery,G{round},2\n"
                ),
            );
            client.get(&b, "/v1/events/L/seats");
            env.ok(&["layout", "import", "L", &layout, "--replace"]);
            let seat = format!("G{round}-1");
            let (status, change, body) = client.send(
                "POST",
                &b.url("/v1/events/L/holds"),
                Some(json!({ "seats": [seat] })),
            );
            assert_eq!(status, 201, "{body}");
            let seats = client.get(&b, &format!("/v1/events/L/seats?after={}", change.unwrap()));
            assert_eq!(status_of(&seats, &seat), "held", "round {round}: {seats}");
            let (status, _, body) = client.send(
                "DELETE",
                &b.url(&format!("/v1/holds/{}", body["hold_id"].as_str().unwrap())),
                None,
            );
            assert_eq!(status, 200, "{body}");
        }
        env.ok(&[
            "layout",
            "import",
            "L",
            &repo("examples/small.csv"),
            "--replace",
        ]);
        agree(&client, &a, &direct, "L", "Stalls");

        // Renamed: the map says so.
        env.ok(&["event", "update", "L", "--venue", "The Old Vic"]);
        let id = env.json(&["event", "show", "L"])["id"]
            .as_str()
            .unwrap()
            .to_string();
        let started = Instant::now();
        while !client
            .get(&a, &format!("/v1/events/{id}/map"))
            .to_string()
            .contains("The Old Vic")
        {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "the map kept the old venue"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        assert_eq!(
            client.get(&a, &format!("/v1/events/{id}/map")),
            client.get(&direct, &format!("/v1/events/{id}/map"))
        );
    });
}
