//! The `redis` strategy on a Redis Cluster (`redis+cluster://` URL): a private cluster of
//! three masters, holds raced through `seatctl serve` for two events whose seat keys live on
//! different masters, and one master killed mid-run: the other event's sales go on, the dead
//! master's event answers 503, and no seat is sold twice.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::common::Env;
use crate::http::{Server, api_key};
use crate::servers::RedisCluster;

#[test]
fn holds_through_a_redis_cluster_survive_a_dead_master_without_a_double_booking() {
    let Some(env) = Env::postgres("redis_cluster") else {
        return;
    };
    let Some(mut cluster) = RedisCluster::start() else {
        return;
    };
    // Two events whose seats hash to different masters.
    let mut events: Vec<(String, u16)> = Vec::new();
    for i in 0..30 {
        let name = format!("E{i}");
        let made = env.json(&["event", "create", "--name", &name, "--seats", "100"]);
        let id = made["event"]["id"]
            .as_str()
            .or_else(|| made["id"].as_str())
            .unwrap_or_else(|| panic!("{made}"))
            .to_string();
        let master = cluster.master_of(&format!("{{{id}}}"));
        if events.iter().all(|(_, m)| *m != master) {
            events.push((id, master));
        }
        if events.len() == 2 {
            break;
        }
    }
    assert_eq!(events.len(), 2, "two events on different masters");
    let (doomed, doomed_master) = events[0].clone();
    let (spared, _) = events[1].clone();

    let key = api_key(&env, "shop", "box-office");
    let url = cluster.url();
    let server = Server::start(&env, &["--strategy", "redis", "--redis-url", &url], &[]);
    // `/ready` checks the cluster too.
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let ready = rt.block_on(async {
        http.get(server.url("/ready"))
            .send()
            .await
            .unwrap()
            .json::<Value>()
            .await
            .unwrap()
    });
    assert_eq!(ready["redis"], "ok", "{ready}");

    // 16 buyers per event for 3 s, each holding one or two of seats 1..60 and releasing the
    // hold at once; the doomed event's master is killed after 1.2 s.
    let t0 = Instant::now();
    let killed_at = Duration::from_millis(1200);
    let answers = rt.block_on(async {
        let mut tasks = Vec::new();
        for (event, _) in &events {
            for _ in 0..16 {
                let (http, event, key) = (http.clone(), event.clone(), key.clone());
                let path = server.url(&format!("/v1/events/{event}/holds"));
                let base = server.base.clone();
                tasks.push(tokio::spawn(async move {
                    let mut mine = Vec::new();
                    while t0.elapsed() < Duration::from_secs(3) {
                        let first = fastrand::u32(1..=60);
                        let mut seats = vec![first.to_string()];
                        if fastrand::bool() {
                            seats.push((first + 1).to_string());
                        }
                        let sent = t0.elapsed();
                        let resp = http
                            .post(&path)
                            .bearer_auth(&key)
                            .json(&json!({"seats": seats}))
                            .send()
                            .await
                            .unwrap();
                        let status = resp.status().as_u16();
                        let body: Value = resp.json().await.unwrap_or(Value::Null);
                        // Seats go back at once, so that there is always something to hold
                        // (a taken seat is refused before any lock is asked for).
                        let mut released = None;
                        if status == 201 {
                            let hold = body["hold_id"].as_str().unwrap();
                            let gone = http
                                .delete(format!("{base}/v1/holds/{hold}"))
                                .bearer_auth(&key)
                                .send()
                                .await
                                .unwrap();
                            released = Some(gone.status().as_u16());
                        }
                        mine.push((
                            event.clone(),
                            seats,
                            sent,
                            t0.elapsed(),
                            status,
                            body,
                            released,
                        ));
                    }
                    mine
                }));
            }
        }
        tokio::time::sleep(killed_at).await;
        cluster.kill(doomed_master);
        let mut all = Vec::new();
        for t in tasks {
            all.extend(t.await.unwrap());
        }
        all
    });

    // Seats of holds made and not released: each held by one hold only, and the database's
    // held seats exactly.
    let mut kept: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let (mut spared_after, mut doomed_503) = (0, 0);
    for (event, seats, sent, answered, status, body, released) in &answers {
        match released {
            None | Some(200) => {}
            Some(503) if event == &doomed && *answered >= killed_at => {}
            Some(s) => panic!("{event}: releasing a hold answered {s}"),
        }
        let before = *answered < killed_at;
        let settled = *sent > killed_at + Duration::from_secs(1);
        match status {
            201 => {
                if *released != Some(200) {
                    let mine = kept.entry(event.as_str()).or_default();
                    for seat in seats {
                        assert!(mine.insert(seat.clone()), "{event}: seat {seat} held twice");
                    }
                }
                if event == &spared && settled {
                    spared_after += 1;
                }
            }
            409 => {}
            503 => {
                assert!(
                    event == &doomed && !before,
                    "503 for the {} event {}: {body}",
                    if event == &doomed { "doomed" } else { "spared" },
                    if before {
                        "before the kill"
                    } else {
                        "after it"
                    }
                );
                assert_eq!(body["code"], "backend_unavailable", "{body}");
                doomed_503 += 1;
            }
            s => panic!("{event}: {s} {body}"),
        }
        if event == &spared && settled {
            assert!(
                matches!(status, 201 | 409),
                "the spared event: {status} {body}"
            );
        }
    }
    assert!(doomed_503 > 0, "the dead master's event could not sell");
    assert!(spared_after > 0, "the other master's event went on selling");
    for (event, _) in &events {
        let held: BTreeSet<String> = env
            .json(&["seats", event, "--status", "held"])
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["label"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(
            Some(&held),
            kept.get(event.as_str()).or(Some(&BTreeSet::new())),
            "{event}: the database holds what was answered"
        );
        let audit = env.json(&["audit", event]);
        assert_eq!(audit["ok"], true, "{audit}");
    }
}

/// A cluster URL with a database number, a path or options is bad input (exit 2), not an
/// outage.
#[test]
fn a_cluster_url_names_only_nodes() {
    let env = Env::sqlite();
    env.ok(&["event", "create", "--name", "E", "--seats", "3"]);
    for url in [
        "redis+cluster://127.0.0.1:1/3",
        "redis+cluster://",
        "redis+cluster://a:1,b:2?x=1",
    ] {
        let err = env.fails(
            &["--strategy", "redis", "--redis-url", url, "hold", "E", "1"],
            2,
        );
        assert!(err.contains("cluster URL"), "{url}: {err}");
    }
}
