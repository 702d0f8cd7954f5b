//! Three `seatctl serve` replicas on one PostgreSQL and one Redis, behind a small load
//! balancer in the test: 1 000 holds spread round-robin, mixed with reserves and releases,
//! one replica stopped with SIGTERM mid-load; each seat sold once, the audit clean, no 5xx,
//! idempotency keys replayed across replicas, and a stream on replica 1 telling every change
//! made through all of them, in order and once.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use serde_json::{Value, json};

use crate::changes::Stream;
use crate::common::{Env, redis_url};
use crate::http::{Server, api_key};

/// The load balancer: replica `i % n` first; one that refuses the connection (stopped) or
/// breaks it before answering is skipped and the request goes to the next (every request is
/// safe to repeat: holds carry an Idempotency-Key, reserves and releases are idempotent).
#[derive(Clone)]
struct Balancer {
    http: reqwest::Client,
    bases: Vec<String>,
    key: String,
    down: Arc<Vec<AtomicBool>>,
    retried: Arc<AtomicUsize>,
}

impl Balancer {
    async fn send(
        &self,
        i: usize,
        method: reqwest::Method,
        path: &str,
        idem: Option<&str>,
        body: Option<&Value>,
    ) -> (u16, Value, usize) {
        let n = self.bases.len();
        for attempt in 0..(3 * n) {
            let r = (i + attempt) % n;
            if self.down[r].load(Ordering::Relaxed) {
                continue;
            }
            let mut req = self
                .http
                .request(method.clone(), format!("{}{path}", self.bases[r]))
                .bearer_auth(&self.key);
            if let Some(k) = idem {
                req = req.header("Idempotency-Key", k);
            }
            if let Some(b) = body {
                req = req.json(b);
            }
            match req.send().await {
                Ok(resp) => {
                    let status = resp.status().as_u16();
                    let text = resp.text().await.unwrap_or_default();
                    let body = serde_json::from_str(&text).unwrap_or(Value::Null);
                    return (status, body, r);
                }
                Err(_) => {
                    self.retried.fetch_add(1, Ordering::Relaxed);
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
            }
        }
        panic!("no replica answered {method} {path}");
    }
}

/// One buyer's hold: its number, seats, status and answer, and its follow-up's status.
type Outcome = (usize, Vec<String>, u16, Value, Vec<u16>);

#[test]
fn three_replicas_sell_each_seat_once_and_each_streams_every_change() {
    let Some(env) = Env::postgres("replicas") else {
        return;
    };
    let Some(redis) = redis_url("replicas") else {
        return;
    };
    env.ok(&["event", "create", "--name", "Hall", "--seats", "400"]);
    let shop = api_key(&env, "shop", "box-office");
    let watcher = api_key(&env, "watcher", "readonly");
    let global = ["--strategy", "redis", "--redis-url", redis.as_str()];
    let mut servers: Vec<Option<Server>> = (0..3)
        .map(|_| Some(Server::start(&env, &global, &[])))
        .collect();
    let bases: Vec<String> = servers
        .iter()
        .map(|s| s.as_ref().unwrap().base.clone())
        .collect();
    let stream = Stream::open(
        &servers[0].as_ref().unwrap().base,
        &watcher,
        "/v1/events/Hall/changes",
        None,
    );
    assert_eq!(stream.status, 200, "{}", stream.head);

    let lb = Balancer {
        http: reqwest::Client::builder()
            .timeout(Duration::from_secs(60))
            .build()
            .unwrap(),
        bases,
        key: shop,
        down: Arc::new((0..3).map(|_| AtomicBool::new(false)).collect()),
        retried: Arc::new(AtomicUsize::new(0)),
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();

    // An Idempotency-Key replays on another replica: the same hold, 200.
    rt.block_on(async {
        let body = json!({"seats": ["400"]});
        let (s1, first, r1) = lb
            .send(
                1,
                reqwest::Method::POST,
                "/v1/events/Hall/holds",
                Some("k-once"),
                Some(&body),
            )
            .await;
        let (s2, again, r2) = lb
            .send(
                2,
                reqwest::Method::POST,
                "/v1/events/Hall/holds",
                Some("k-once"),
                Some(&body),
            )
            .await;
        assert_eq!((s1, s2, r1, r2), (201, 200, 1, 2), "{first} {again}");
        assert_eq!(first["hold_id"], again["hold_id"], "{first} {again}");
    });

    // The load: 1 000 holds of one or two of seats 1..300, round-robin, 32 at a time; of the
    // holds made, a third are reserved and a third released (through the next replicas).
    // Replica 3 is stopped with SIGTERM halfway.
    let done = Arc::new(AtomicUsize::new(0));
    let stopper = {
        let done = done.clone();
        let down = lb.down.clone();
        let server = servers[2].take().unwrap();
        std::thread::spawn(move || {
            while done.load(Ordering::Relaxed) < 500 {
                std::thread::sleep(Duration::from_millis(5));
            }
            let (code, out) = server.terminate();
            down[2].store(true, Ordering::Relaxed);
            (code, out)
        })
    };
    let answers: Vec<Outcome> = rt.block_on(async {
        let next = Arc::new(AtomicUsize::new(0));
        let mut tasks = Vec::new();
        for _ in 0..32 {
            let (lb, next, done) = (lb.clone(), next.clone(), done.clone());
            tasks.push(tokio::spawn(async move {
                let mut mine = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= 1000 {
                        return mine;
                    }
                    let first = fastrand::u32(1..=300);
                    let mut seats = vec![first.to_string()];
                    if fastrand::bool() && first < 300 {
                        seats.push((first + 1).to_string());
                    }
                    let body = json!({"seats": seats});
                    let key = format!("load-{i}");
                    let (status, held, _) = lb
                        .send(
                            i,
                            reqwest::Method::POST,
                            "/v1/events/Hall/holds",
                            Some(&key),
                            Some(&body),
                        )
                        .await;
                    let mut then = Vec::new();
                    if status == 201 {
                        let hold = held["hold_id"].as_str().unwrap().to_string();
                        match i % 3 {
                            0 => {
                                let body = json!({"customer": format!("buyer {i}")});
                                let path = format!("/v1/holds/{hold}/reservation");
                                let (s, _, _) = lb
                                    .send(i + 1, reqwest::Method::POST, &path, None, Some(&body))
                                    .await;
                                then.push(s);
                            }
                            1 => {
                                let path = format!("/v1/holds/{hold}");
                                let (s, _, _) = lb
                                    .send(i + 2, reqwest::Method::DELETE, &path, None, None)
                                    .await;
                                then.push(s);
                            }
                            _ => {}
                        }
                    }
                    done.fetch_add(1, Ordering::Relaxed);
                    mine.push((i, seats, status, held, then));
                }
            }));
        }
        let mut all = Vec::new();
        for t in tasks {
            all.extend(t.await.unwrap());
        }
        all
    });
    let (code, out) = stopper.join().unwrap();
    assert_eq!(code, Some(0), "replica 3 stopped cleanly: {out}");
    assert!(out.contains("every request in flight finished"), "{out}");

    // No 5xx, no other answer than made/replayed/taken; every follow-up succeeded.
    let mut sold_or_kept: BTreeMap<String, usize> = BTreeMap::new();
    let (mut reserved_now, mut held_now) = (BTreeSet::new(), BTreeSet::new());
    for (i, seats, status, body, then) in &answers {
        assert!(
            matches!(status, 200 | 201 | 409),
            "hold {i}: {status} {body}"
        );
        for s in then {
            assert!(matches!(s, 200 | 201), "follow-up of hold {i}: {s}");
        }
        if *status == 201 && i % 3 != 1 {
            for seat in seats {
                *sold_or_kept.entry(seat.clone()).or_default() += 1;
                if i % 3 == 0 {
                    reserved_now.insert(seat.clone());
                } else {
                    held_now.insert(seat.clone());
                }
            }
        }
    }
    assert!(
        sold_or_kept.len() > 50,
        "enough seats were sold to mean something"
    );
    // A seat released may be held again by a later buyer, but a seat sold or held for good
    // was won by one buyer only, and the database agrees with the answers.
    let twice: Vec<_> = sold_or_kept.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "seats won twice: {twice:?}");
    let labels = |status: &str| -> BTreeSet<String> {
        env.json(&["seats", "Hall", "--status", status])
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["label"].as_str().unwrap().to_string())
            .filter(|l| l != "400")
            .collect()
    };
    assert_eq!(
        labels("held"),
        held_now,
        "held seats are those of the kept holds"
    );
    assert_eq!(
        labels("reserved"),
        reserved_now,
        "sold seats are those of the sales"
    );
    let audit = env.json(&["audit", "Hall"]);
    assert_eq!(audit["ok"], true, "{audit}");

    // The stream on replica 1 told every change, whichever replica made it, once, in order.
    let history: Vec<Value> = env.json(&["history", "Hall"]).as_array().unwrap().clone();
    let told = stream.changes(history.len(), Duration::from_secs(60));
    let by_id: BTreeMap<i64, &Value> = history
        .iter()
        .map(|h| (h["id"].as_i64().unwrap(), h))
        .collect();
    let mut seen = BTreeSet::new();
    let mut last_of_seat: BTreeMap<String, i64> = BTreeMap::new();
    for c in &told {
        let id = c["id"].as_i64().unwrap();
        assert!(seen.insert(id), "change {id} told twice");
        let h = by_id[&id];
        assert_eq!(
            (&c["seat"], &c["to_status"]),
            (&h["seat"], &h["to_status"]),
            "change {id}"
        );
        let seat = c["seat"].as_str().unwrap().to_string();
        if let Some(before) = last_of_seat.insert(seat.clone(), id) {
            assert!(before < id, "seat {seat}: change {id} told after {before}");
        }
    }
    assert_eq!(seen.len(), by_id.len(), "every change told");
    assert!(
        stream.next(Duration::from_millis(500)).is_none(),
        "nothing more"
    );
    // Each change names the process that made it: all three replicas are among them.
    let makers: BTreeSet<&str> = told.iter().filter_map(|c| c["terminal"].as_str()).collect();
    assert!(
        makers.len() >= 3,
        "changes made through every replica: {makers:?}"
    );
    drop(servers);
}
