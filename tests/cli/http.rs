//! `seatctl serve` through real HTTP on loopback: every endpoint, every kind of error as a
//! problem answer, idempotent replays, a race of 50 holds for one seat, permissions per role,
//! a Redis outage (503 with Retry-After), graceful shutdown, logs, and the committed OpenAPI
//! document.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{Env, on_both, redis_url};
use crate::servers::PrivateRedis;

/// A `seatctl serve` on a free loopback port, killed on drop; its stderr is kept.
pub struct Server {
    child: Child,
    pub base: String,
    log: Arc<Mutex<String>>,
}

impl Server {
    /// Starts `seatctl [global] serve [args]` in `env` and waits until it listens.
    pub fn start(env: &Env, global: &[&str], args: &[&str]) -> Server {
        let mut cmd = env.process();
        cmd.args(global)
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("spawn seatctl serve");
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        {
            let log = log.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stderr).lines() {
                    let Ok(line) = line else { break };
                    if let Some(addr) = line.strip_prefix("listening on ") {
                        let _ = tx.send(addr.to_string());
                    }
                    let mut l = log.lock().unwrap();
                    l.push_str(&line);
                    l.push('\n');
                }
            });
        }
        let base = match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(addr) => addr,
            Err(_) => {
                let _ = child.kill();
                panic!("seatctl serve did not start:\n{}", log.lock().unwrap());
            }
        };
        Server { child, base, log }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Sends SIGTERM and waits (at most 30 s) for the exit status and stdout.
    pub fn terminate(mut self) -> (Option<i32>, String) {
        unsafe {
            libc::kill(self.child.id() as i32, libc::SIGTERM);
        }
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                let mut out = String::new();
                if let Some(mut o) = self.child.stdout.take() {
                    let _ = o.read_to_string(&mut out);
                }
                return (status.code(), out);
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "serve did not stop on SIGTERM:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Makes an API key with `role` through the CLI; returns the key.
pub fn api_key(env: &Env, name: &str, role: &str) -> String {
    let made = env.json(&["apikey", "create", "--name", name, "--role", role]);
    made["key"].as_str().expect("key").to_string()
}

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// A client calling as one key.
#[derive(Clone)]
struct Client {
    http: reqwest::Client,
    base: String,
    key: Option<String>,
}

/// An answer: status, `Retry-After`, body as JSON (Null when empty).
#[derive(Debug)]
struct Answer {
    status: StatusCode,
    retry_after: Option<String>,
    body: Value,
}

impl Client {
    fn new(server: &Server, key: Option<&str>) -> Client {
        Client {
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(60))
                .build()
                .unwrap(),
            base: server.base.clone(),
            key: key.map(str::to_string),
        }
    }

    async fn send(&self, req: reqwest::RequestBuilder) -> Answer {
        let req = match &self.key {
            Some(k) => req.bearer_auth(k),
            None => req,
        };
        let resp = req.send().await.expect("HTTP request");
        let status = resp.status();
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .map(|v| v.to_str().unwrap().to_string())
        };
        let content_type = header("content-type").unwrap_or_default();
        let retry_after = header("retry-after");
        let text = resp.text().await.unwrap();
        let body = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
        };
        if !status.is_success() {
            assert_eq!(
                content_type, "application/problem+json",
                "an error is a problem answer: {status} {body}"
            );
            assert_eq!(body["status"], status.as_u16(), "{body}");
            assert!(
                body["code"].is_string() && body["detail"].is_string(),
                "{body}"
            );
        }
        Answer {
            status,
            retry_after,
            body,
        }
    }

    async fn get(&self, path: &str) -> Answer {
        self.send(self.http.get(format!("{}{path}", self.base)))
            .await
    }

    async fn delete(&self, path: &str) -> Answer {
        self.send(self.http.delete(format!("{}{path}", self.base)))
            .await
    }

    async fn post(&self, path: &str, body: Value) -> Answer {
        self.send(self.http.post(format!("{}{path}", self.base)).json(&body))
            .await
    }

    async fn post_keyed(&self, path: &str, key: &str, body: Value) -> Answer {
        self.send(
            self.http
                .post(format!("{}{path}", self.base))
                .header("Idempotency-Key", key)
                .json(&body),
        )
        .await
    }

    async fn put(&self, path: &str, content_type: &str, body: &str) -> Answer {
        self.send(
            self.http
                .put(format!("{}{path}", self.base))
                .header("content-type", content_type)
                .body(body.to_string()),
        )
        .await
    }
}

/// Asserts the status (and for an error, the problem's `code`).
#[track_caller]
fn expect(a: &Answer, status: u16, code: Option<&str>) {
    assert_eq!(a.status.as_u16(), status, "{a:?}");
    if let Some(code) = code {
        assert_eq!(a.body["code"], code, "{a:?}");
    }
}

const CSV: &str = "section,row,seat\nStalls,A,1\nStalls,A,2\nStalls,A,3\nStalls,A,4\n";

#[test]
fn every_endpoint_answers_as_the_cli_does() {
    on_both("http_every_endpoint", |env| {
        let op_key = api_key(env, "ops", "operator");
        let bo_key = api_key(env, "kiosk-3", "box-office");
        let server = Server::start(env, &[], &[]);
        rt().block_on(async {
            let op = Client::new(&server, Some(&op_key));
            let bo = Client::new(&server, Some(&bo_key));
            // Events: create (seats, then a layout), a taken name, if_not_exists, list, show.
            let made = op
                .post(
                    "/v1/events",
                    json!({"name": "Hamlet", "seats": 10, "venue": "Globe"}),
                )
                .await;
            expect(&made, 201, None);
            assert_eq!(made.body["seats"], 10);
            assert_eq!(made.body["created"], true);
            let cli = env.json(&["event", "show", "Hamlet"]);
            assert_eq!(made.body["id"], cli["id"]);
            expect(
                &op.post("/v1/events", json!({"name": "Hamlet", "seats": 10}))
                    .await,
                409,
                Some("conflict"),
            );
            let again = op
                .post(
                    "/v1/events",
                    json!({"name": "Hamlet", "seats": 10, "if_not_exists": true}),
                )
                .await;
            expect(&again, 200, None);
            assert_eq!(again.body["created"], false);
            let laid = op
                .post(
                    "/v1/events",
                    json!({"name": "Lear", "layout": {"format": "csv", "content": CSV}}),
                )
                .await;
            expect(&laid, 201, None);
            assert_eq!(laid.body["seats"], 4);
            let list = op.get("/v1/events").await;
            expect(&list, 200, None);
            assert_eq!(list.body.as_array().unwrap().len(), 2);
            let shown = bo.get("/v1/events/Ham").await;
            expect(&shown, 200, None);
            assert_eq!(shown.body["counts"]["available"], 10);

            // Layout: replace Lear's with one more seat, from CSV as the body.
            let csv5 = format!("{CSV}Stalls,A,5\n");
            let imported = op
                .put("/v1/events/Lear/layout?replace=true", "text/csv", &csv5)
                .await;
            expect(&imported, 200, None);
            assert_eq!(imported.body["imported"], 5);
            expect(
                &op.put("/v1/events/Lear/layout", "text/csv", &csv5).await,
                409,
                Some("conflict"),
            );
            let bad = op
                .put(
                    "/v1/events/Lear/layout?replace=true",
                    "text/csv",
                    "section,row\nA\n",
                )
                .await;
            expect(&bad, 400, Some("invalid_input"));

            // Seats and the map.
            let seats = bo.get("/v1/events/Lear/seats?status=available").await;
            expect(&seats, 200, None);
            assert_eq!(seats.body.as_array().unwrap().len(), 5);
            assert_eq!(
                seats.body,
                env.json(&["seats", "Lear", "--status", "available"])
            );
            let map = bo.get("/v1/events/Lear/map").await;
            expect(&map, 200, None);
            assert_eq!(map.body["counts"]["total"], 5);

            // Hold with an idempotency key; a replay is 200 and the same hold.
            let held = bo
                .post_keyed(
                    "/v1/events/Hamlet/holds",
                    "order-1",
                    json!({"seats": ["1", "2", "3"], "ttl": "5m", "holder": "web 1"}),
                )
                .await;
            expect(&held, 201, None);
            let hold_id = held.body["hold_id"].as_str().unwrap().to_string();
            assert_eq!(held.body["seats"], json!(["1", "2", "3"]));
            let replay = bo
                .post_keyed(
                    "/v1/events/Hamlet/holds",
                    "order-1",
                    json!({"seats": ["1", "2", "3"], "ttl": "5m", "holder": "web 1"}),
                )
                .await;
            expect(&replay, 200, None);
            assert_eq!(replay.body["hold_id"], hold_id.as_str());
            assert_eq!(replay.body["replayed"], true);
            // The same key for another request is refused.
            expect(
                &bo.post_keyed(
                    "/v1/events/Hamlet/holds",
                    "order-1",
                    json!({"seats": ["4"]}),
                )
                .await,
                400,
                Some("invalid_input"),
            );
            // Another API key's same Idempotency-Key is another request: never this hold.
            let other = op
                .post_keyed(
                    "/v1/events/Hamlet/holds",
                    "order-1",
                    json!({"seats": ["1", "2", "3"], "ttl": "5m", "holder": "web 1"}),
                )
                .await;
            expect(&other, 409, Some("conflict"));
            assert_eq!(other.body["seats"], json!(["1", "2", "3"]), "{other:?}");
            // Text the database cannot store, a window no database can add: 400, never 500.
            expect(
                &bo.post(
                    "/v1/events/Hamlet/holds",
                    json!({"seats": ["4"], "holder": "a\u{0}b"}),
                )
                .await,
                400,
                Some("invalid_input"),
            );
            expect(
                &bo.get("/v1/events/Hamlet/report?within=999999999999h")
                    .await,
                400,
                Some("invalid_input"),
            );
            // Best available.
            let best = bo.post("/v1/events/Hamlet/holds", json!({"best": 2})).await;
            expect(&best, 201, None);
            assert_eq!(best.body["together"], true);
            let best_id = best.body["hold_id"].as_str().unwrap().to_string();

            // The hold, extended, listed.
            let got = bo.get(&format!("/v1/holds/{hold_id}")).await;
            expect(&got, 200, None);
            assert_eq!(got.body["status"], "active");
            assert_eq!(got.body["seats"], json!(["1", "2", "3"]));
            let extended = bo
                .post(
                    &format!("/v1/holds/{hold_id}/extend"),
                    json!({"ttl": "10m"}),
                )
                .await;
            expect(&extended, 200, None);
            let holds = bo.get("/v1/events/Hamlet/holds?status=active").await;
            expect(&holds, 200, None);
            assert_eq!(holds.body.as_array().unwrap().len(), 2);

            // Reserve; again is the same sale (200); another customer is 409.
            let sold = bo
                .post(
                    &format!("/v1/holds/{hold_id}/reservation"),
                    json!({"customer": "Ann", "reference": "R-1"}),
                )
                .await;
            expect(&sold, 201, None);
            let res_id = sold.body["reservation_id"].as_str().unwrap().to_string();
            let resold = bo
                .post(
                    &format!("/v1/holds/{hold_id}/reservation"),
                    json!({"customer": "Ann", "reference": "R-1"}),
                )
                .await;
            expect(&resold, 200, None);
            assert_eq!(resold.body["reservation_id"], res_id.as_str());
            expect(
                &bo.post(
                    &format!("/v1/holds/{hold_id}/reservation"),
                    json!({"customer": "Bob"}),
                )
                .await,
                409,
                Some("conflict"),
            );
            // A sold hold cannot be extended: the problem's `status` stays the HTTP status.
            let closed = bo
                .post(&format!("/v1/holds/{hold_id}/extend"), json!({"ttl": "1m"}))
                .await;
            expect(&closed, 409, Some("conflict"));
            assert_eq!(closed.body["hold_status"], "reserved", "{closed:?}");
            // A sold hold is not released by its hold id.
            let refused = bo.delete(&format!("/v1/holds/{hold_id}")).await;
            expect(&refused, 409, Some("conflict"));
            assert_eq!(refused.body["reservation_id"], res_id.as_str());
            let detail = refused.body["detail"].as_str().unwrap();
            assert!(detail.contains("DELETE /v1/reservations/"), "{detail}");
            assert!(
                !detail.contains("--"),
                "no CLI flag in an HTTP answer: {detail}"
            );

            // Reservations: by reference, by id; a partial refund; the rest.
            let found = bo.get("/v1/events/Hamlet/reservations?reference=r-1").await;
            expect(&found, 200, None);
            assert_eq!(found.body.as_array().unwrap().len(), 1);
            let one = bo.get(&format!("/v1/reservations/{res_id}")).await;
            expect(&one, 200, None);
            assert_eq!(one.body["customer"], "Ann");
            let part = bo
                .post(
                    &format!("/v1/reservations/{res_id}/refund"),
                    json!({"seats": ["3"]}),
                )
                .await;
            expect(&part, 200, None);
            assert_eq!(part.body["seats"], json!(["3"]));
            assert_eq!(part.body["kept"], json!(["1", "2"]));
            let whole = bo.delete(&format!("/v1/reservations/{res_id}")).await;
            expect(&whole, 200, None);
            assert_eq!(whole.body["seats"], json!(["1", "2"]));
            let again = bo.delete(&format!("/v1/reservations/{res_id}")).await;
            expect(&again, 200, None);
            assert_eq!(again.body["already_released"], true);
            // A hold id is not a reservation's, and the other way round.
            expect(
                &bo.get(&format!("/v1/reservations/{hold_id}")).await,
                404,
                Some("not_found"),
            );
            expect(
                &bo.delete(&format!("/v1/holds/{res_id}")).await,
                404,
                Some("not_found"),
            );
            // Release the best-available hold.
            let released = bo.delete(&format!("/v1/holds/{best_id}")).await;
            expect(&released, 200, None);
            assert_eq!(released.body["kind"], "hold");

            // Block, unblock.
            let blocked = op
                .post(
                    "/v1/events/Hamlet/block",
                    json!({"seats": ["9..10"], "reason": "camera"}),
                )
                .await;
            expect(&blocked, 200, None);
            assert_eq!(blocked.body["changed"], json!(["9", "10"]));
            let unblocked = op
                .post("/v1/events/Hamlet/unblock", json!({"seats": ["9"]}))
                .await;
            expect(&unblocked, 200, None);

            // Report, export, history (by the key's name), audit.
            let report = bo.get("/v1/events/Hamlet/report?within=1h").await;
            expect(&report, 200, None);
            assert_eq!(report.body["overall"]["blocked"], 1);
            let export = bo.get("/v1/events/Hamlet/export").await;
            expect(&export, 200, None);
            assert_eq!(export.body.as_array().unwrap().len(), 10);
            let history = bo.get("/v1/events/Hamlet/history?seat=1").await;
            expect(&history, 200, None);
            let rows = history.body.as_array().unwrap();
            assert!(!rows.is_empty());
            assert!(rows.iter().all(|r| r["actor"] == "kiosk-3"), "{rows:?}");
            let blocks = env.json(&["history", "Hamlet", "10"]);
            assert_eq!(blocks[0]["actor"], "ops", "{blocks}");
            let audit = bo.get("/v1/events/Hamlet/audit").await;
            expect(&audit, 200, None);
            assert_eq!(audit.body["ok"], true, "{}", audit.body);

            // Delete: refused with seats blocked? No: blocked seats are no sales.
            let held = bo
                .post("/v1/events/Lear/holds", json!({"seats": ["A-1"]}))
                .await;
            expect(&held, 201, None);
            expect(&op.delete("/v1/events/Lear").await, 409, Some("conflict"));
            let gone = op.delete("/v1/events/Lear?force=true").await;
            expect(&gone, 204, None);
            assert_eq!(gone.body, Value::Null);
            expect(&op.get("/v1/events/Lear").await, 404, Some("not_found"));
        });
    });
}

#[test]
fn every_kind_of_error_is_a_problem_with_the_clis_code() {
    let env = Env::sqlite();
    env.write("seatctl.toml", "[server]\nmax_body_bytes = 1024\n");
    env.ok(&["event", "create", "--name", "E", "--seats", "5"]);
    let key = api_key(&env, "kiosk", "box-office");
    let server = Server::start(&env, &[], &[]);
    rt().block_on(async {
        let c = Client::new(&server, Some(&key));
        // 404: unknown event, unknown seat (with a suggestion), unknown path.
        let a = c.get("/v1/events/Nope").await;
        expect(&a, 404, Some("not_found"));
        let a = c.post("/v1/events/E/holds", json!({"seats": ["9"]})).await;
        expect(&a, 404, Some("not_found"));
        assert_eq!(a.body["labels"], json!(["9"]));
        expect(&c.get("/v1/nothing").await, 404, Some("not_found"));
        // 400: bad TTL, a TTL over the limit, an id that is no UUID, bad status filter.
        expect(
            &c.post("/v1/events/E/holds", json!({"seats": ["1"], "ttl": "soon"}))
                .await,
            400,
            Some("invalid_input"),
        );
        expect(
            &c.post("/v1/events/E/holds", json!({"seats": ["1"], "ttl": "2h"}))
                .await,
            400,
            Some("invalid_input"),
        );
        expect(&c.get("/v1/holds/xyz").await, 400, Some("invalid_input"));
        expect(
            &c.get("/v1/events/E/seats?status=sold").await,
            400,
            Some("invalid_input"),
        );
        // 400: nothing to hold.
        let a = c.post("/v1/events/E/holds", json!({})).await;
        expect(&a, 400, Some("invalid_input"));
        assert!(
            a.body["detail"].as_str().unwrap().contains("`seats`"),
            "{a:?}"
        );
        // 422: JSON of the wrong shape (an unknown field, a wrong type); 400: not JSON.
        expect(
            &c.post("/v1/events/E/holds", json!({"seat": ["1"]})).await,
            422,
            Some("invalid_input"),
        );
        expect(
            &c.post("/v1/events/E/holds", json!({"best": "two"})).await,
            422,
            Some("invalid_input"),
        );
        let a = c
            .send(
                c.http
                    .post(format!("{}/v1/events/E/holds", c.base))
                    .header("content-type", "application/json")
                    .body("{not json"),
            )
            .await;
        expect(&a, 400, Some("invalid_input"));
        // 415: not JSON at all; 405 with Allow.
        let a = c
            .send(
                c.http
                    .post(format!("{}/v1/events/E/holds", c.base))
                    .body("seats=1"),
            )
            .await;
        expect(&a, 415, Some("invalid_input"));
        let a = c.send(c.http.patch(format!("{}/v1/holds/x", c.base))).await;
        expect(&a, 405, Some("invalid_input"));
        // 409: seats taken, named.
        let held = c
            .post(
                "/v1/events/E/holds",
                json!({"seats": ["1", "2"], "ttl": "1s"}),
            )
            .await;
        expect(&held, 201, None);
        let a = c
            .post("/v1/events/E/holds", json!({"seats": ["2", "3"]}))
            .await;
        expect(&a, 409, Some("conflict"));
        assert_eq!(a.body["seats"], json!(["2"]));
        // 409: not enough seats for best N.
        let a = c.post("/v1/events/E/holds", json!({"best": 9})).await;
        expect(&a, 409, Some("conflict"));
        assert_eq!(a.body["asked"], 9);
        // 410: the hold lapsed before it was reserved.
        std::thread::sleep(Duration::from_millis(1300));
        let id = held.body["hold_id"].as_str().unwrap();
        let a = c
            .post(&format!("/v1/holds/{id}/reservation"), json!({}))
            .await;
        expect(&a, 410, Some("hold_expired"));
        assert_eq!(a.body["hold_id"], id);
        assert!(a.body["lapsed_at"].is_string(), "{a:?}");
        // 401: no key, a wrong key, a malformed header.
        let anon = Client::new(&server, None);
        expect(&anon.get("/v1/events").await, 401, Some("unauthorized"));
        let wrong = Client::new(&server, Some("seatctl_0000"));
        expect(&wrong.get("/v1/events").await, 401, Some("unauthorized"));
        let a = anon
            .send(
                anon.http
                    .get(format!("{}/v1/events", anon.base))
                    .header("authorization", format!("Basic {key}")),
            )
            .await;
        expect(&a, 401, Some("unauthorized"));
        // 413: a body over server.max_body_bytes.
        let big = "x".repeat(2048);
        let a = c.put("/v1/events/E/layout", "text/csv", &big).await;
        expect(&a, 413, Some("invalid_input"));
        // /health needs no key; /ready neither.
        let a = anon.get("/health").await;
        expect(&a, 200, None);
        let a = anon.get("/ready").await;
        expect(&a, 200, None);
        assert_eq!(a.body["database"], "ok");
    });
}

#[test]
fn each_role_may_do_what_its_database_role_may() {
    let env = Env::sqlite();
    env.ok(&["event", "create", "--name", "E", "--seats", "20"]);
    let keys = [
        ("operator", api_key(&env, "op", "operator")),
        ("box-office", api_key(&env, "bo", "box-office")),
        ("readonly", api_key(&env, "ro", "readonly")),
    ];
    let server = Server::start(&env, &[], &[]);
    rt().block_on(async {
        for (role, key) in &keys {
            let c = Client::new(&server, Some(key));
            let write = *role != "readonly";
            let operate = *role == "operator";
            // Reads: everyone.
            for path in [
                "/v1/events",
                "/v1/events/E",
                "/v1/events/E/seats",
                "/v1/events/E/map",
                "/v1/events/E/holds",
                "/v1/events/E/reservations",
                "/v1/events/E/report",
                "/v1/events/E/export",
                "/v1/events/E/history",
                "/v1/events/E/audit",
            ] {
                expect(&c.get(path).await, 200, None);
            }
            // Selling: operator and box office.
            let held = c.post("/v1/events/E/holds", json!({"best": 1})).await;
            if write {
                expect(&held, 201, None);
                let id = held.body["hold_id"].as_str().unwrap();
                let sold = c
                    .post(&format!("/v1/holds/{id}/reservation"), json!({}))
                    .await;
                expect(&sold, 201, None);
            } else {
                expect(&held, 403, Some("permission_denied"));
                assert!(
                    held.body["detail"].as_str().unwrap().contains("readonly"),
                    "{held:?}"
                );
            }
            // Setting up: operator only.
            let name = format!("New {role}");
            let made = c
                .post("/v1/events", json!({"name": name, "seats": 1}))
                .await;
            let blocked = c
                .post(
                    "/v1/events/E/block",
                    json!({"seats": ["20"], "reason": "x"}),
                )
                .await;
            let deleted = c.delete(&format!("/v1/events/{name}")).await;
            if operate {
                expect(&made, 201, None);
                expect(&blocked, 200, None);
                expect(&deleted, 204, None);
            } else {
                for a in [&made, &blocked, &deleted] {
                    expect(a, 403, Some("permission_denied"));
                }
            }
        }
    });
    // A revoked key is refused (the server remembers keys for server.api_key_cache: 2 s).
    env.ok(&["apikey", "revoke", "bo"]);
    std::thread::sleep(Duration::from_millis(2200));
    rt().block_on(async {
        let c = Client::new(&server, Some(&keys[1].1));
        expect(&c.get("/v1/events").await, 401, Some("unauthorized"));
    });
}

#[test]
fn fifty_concurrent_holds_for_one_seat_make_one_hold_and_49_conflicts() {
    on_both("http_race", |env| {
        env.ok(&["event", "create", "--name", "Hot", "--seats", "10"]);
        let key = api_key(env, "race", "box-office");
        let server = Server::start(env, &[], &[]);
        let statuses = rt().block_on(async {
            let c = Client::new(&server, Some(&key));
            let start = Arc::new(tokio::sync::Barrier::new(50));
            let mut tasks = Vec::new();
            for _ in 0..50 {
                let c = c.clone();
                let start = start.clone();
                tasks.push(tokio::spawn(async move {
                    start.wait().await;
                    c.post("/v1/events/Hot/holds", json!({"seats": ["5"]}))
                        .await
                }));
            }
            let mut answers = Vec::new();
            for t in tasks {
                answers.push(t.await.unwrap());
            }
            answers
        });
        let won: Vec<&Answer> = statuses.iter().filter(|a| a.status == 201).collect();
        let lost: Vec<&Answer> = statuses.iter().filter(|a| a.status == 409).collect();
        assert_eq!(won.len(), 1, "{statuses:?}");
        assert_eq!(lost.len(), 49, "{statuses:?}");
        for a in lost {
            assert_eq!(
                a.body["seats"],
                json!(["5"]),
                "a lost race names the seat: {a:?}"
            );
        }
        let audit = env.json(&["audit", "Hot"]);
        assert_eq!(audit["ok"], true, "{audit}");
        assert_eq!(
            env.json(&["seats", "Hot", "--status", "held"])
                .as_array()
                .unwrap()
                .len(),
            1
        );
    });
}

#[test]
fn a_redis_outage_is_503_with_retry_after_and_sales_resume() {
    let Some(_) = redis_url("http_redis_outage") else {
        return;
    };
    let Some(mut redis) = PrivateRedis::start() else {
        return;
    };
    let env = Env::sqlite();
    env.ok(&["event", "create", "--name", "E", "--seats", "10"]);
    let key = api_key(&env, "kiosk", "box-office");
    let url = redis.url();
    let global = ["--strategy", "redis", "--redis-url", url.as_str()];
    let server = Server::start(&env, &global, &[]);
    rt().block_on(async {
        let c = Client::new(&server, Some(&key));
        expect(
            &c.post("/v1/events/E/holds", json!({"seats": ["1"]})).await,
            201,
            None,
        );
        redis.kill();
        let a = c.post("/v1/events/E/holds", json!({"seats": ["2"]})).await;
        expect(&a, 503, Some("backend_unavailable"));
        assert_eq!(a.retry_after.as_deref(), Some("1"), "{a:?}");
        let anon = Client::new(&server, None);
        let ready = anon.get("/ready").await;
        expect(&ready, 503, Some("backend_unavailable"));
        expect(&anon.get("/health").await, 200, None);
        redis.launch().expect("restart redis");
        // The lock connection reconnects by itself: sales resume without a restart.
        let started = Instant::now();
        loop {
            let a = c.post("/v1/events/E/holds", json!({"seats": ["2"]})).await;
            if a.status == 201 {
                break;
            }
            expect(&a, 503, Some("backend_unavailable"));
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "sales did not resume"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        expect(&anon.get("/ready").await, 200, None);
    });
}

#[test]
fn sigterm_lets_a_request_in_flight_finish_then_stops() {
    let env = Env::sqlite();
    env.ok(&["event", "create", "--name", "E", "--seats", "2"]);
    let key = api_key(&env, "op", "operator");
    let server = Server::start(&env, &[], &["--log-format", "json"]);
    // A request whose body is still arriving when SIGTERM comes.
    let addr = server.base.trim_start_matches("http://").to_string();
    let mut conn = TcpStream::connect(&addr).unwrap();
    let body = "section,row,seat\nS,A,1\nS,A,2\nS,A,3\n";
    let (first, rest) = body.split_at(20);
    write!(
        conn,
        "PUT /v1/events/E/layout?replace=true HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {key}\r\n\
         Content-Type: text/csv\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{first}",
        body.len()
    )
    .unwrap();
    conn.flush().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let pid = server.child.id() as i32;
    unsafe {
        libc::kill(pid, libc::SIGTERM);
    }
    std::thread::sleep(Duration::from_millis(300));
    // New connections are refused meanwhile.
    assert!(
        TcpStream::connect(&addr).is_err(),
        "a stopping server accepts no new connection"
    );
    conn.write_all(rest.as_bytes()).unwrap();
    let mut answer = String::new();
    conn.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("\"imported\":3"), "{answer}");
    let log_of = server.log.clone();
    let (code, out) = server.terminate();
    assert_eq!(code, Some(0), "{}", log_of.lock().unwrap());
    assert!(out.contains("every request in flight finished"), "{out}");
    // Request logs are JSON lines, with the status (read to the end of stderr first).
    let started = Instant::now();
    let request_line = loop {
        let log = log_of.lock().unwrap().clone();
        let found = log
            .lines()
            .filter_map(|l| serde_json::from_str::<Value>(l).ok())
            .find(|v| v["fields"]["status"] == 200);
        match found {
            Some(line) => break line,
            None if started.elapsed() < Duration::from_secs(10) => {
                std::thread::sleep(Duration::from_millis(50))
            }
            None => panic!("no JSON request log line:\n{log}"),
        }
    };
    assert_eq!(
        request_line["fields"]["path"], "/v1/events/E/layout",
        "{request_line}"
    );
    assert_eq!(request_line["fields"]["method"], "PUT", "{request_line}");
    assert!(
        request_line["fields"]["latency_ms"].is_number(),
        "{request_line}"
    );
    assert_eq!(env.json(&["seats", "E"]).as_array().unwrap().len(), 3);
}

#[test]
fn the_committed_openapi_document_is_the_servers() {
    let served = seatctl::server::openapi_json();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/openapi.json");
    if std::env::var_os("UPDATE_OPENAPI").is_some() {
        std::fs::write(path, format!("{served}\n")).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed.trim_end() == served.trim_end(),
        "docs/openapi.json is stale: run `UPDATE_OPENAPI=1 cargo test --test cli openapi`"
    );
    // Every operation documents its errors, every schema has an example or is a part of one.
    let doc: Value = serde_json::from_str(&served).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let responses = op["responses"].as_object().unwrap();
            if path.starts_with("/v1") {
                for status in ["401", "503"] {
                    assert!(
                        responses.contains_key(status),
                        "{method} {path} does not document {status}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_served_openapi_document_and_swagger_ui_need_no_key_and_no_internet() {
    let env = Env::sqlite();
    let server = Server::start(&env, &[], &[]);
    rt().block_on(async {
        let http = reqwest::Client::new();
        let doc: Value = http
            .get(server.url("/openapi.json"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(
            doc,
            serde_json::from_str::<Value>(&seatctl::server::openapi_json()).unwrap()
        );
        let page = http.get(server.url("/api/")).send().await.unwrap();
        assert_eq!(page.status(), 200);
        let html = page.text().await.unwrap();
        assert!(html.contains("swagger-ui"), "{html}");
        assert!(
            !html.contains("https://"),
            "the page loads nothing from the internet"
        );
        let js = http
            .get(server.url("/api/swagger-ui-bundle.js"))
            .send()
            .await
            .unwrap();
        assert_eq!(js.status(), 200);
    });
}

#[test]
fn a_server_never_answers_for_an_event_from_memory_once_it_changed() {
    on_both("http_event_cache", |env| {
        env.ok(&["event", "create", "--name", "Cache", "--seats", "5"]);
        let key = api_key(env, "kiosk", "box-office");
        let server = Server::start(env, &[], &[]);
        let id_of = |name: &str| {
            env.json(&["event", "show", name])["id"]
                .as_str()
                .unwrap()
                .to_string()
        };
        rt().block_on(async {
            let c = Client::new(&server, Some(&key));
            let hold = |path: String, body: Value| {
                let c = c.clone();
                async move { c.post(&path, body).await }
            };
            // By name: renamed away and made anew, `Cache` is the new event at once.
            let first = hold("/v1/events/Cache/holds".into(), json!({"seats": ["1"]})).await;
            expect(&first, 201, None);
            env.ok(&["event", "update", "Cache", "--name", "Cache old"]);
            env.ok(&["event", "create", "--name", "Cache", "--seats", "3"]);
            let newest = id_of("Cache");
            let again = hold("/v1/events/Cache/holds".into(), json!({"seats": ["1"]})).await;
            expect(&again, 201, None);
            assert_eq!(again.body["event_id"], newest.as_str(), "{again:?}");
            // A prefix that has become ambiguous is refused at once.
            env.ok(&["event", "create", "--name", "Cachet", "--seats", "3"]);
            let ambiguous = hold("/v1/events/Cach/holds".into(), json!({"best": 1})).await;
            expect(&ambiguous, 400, Some("invalid_input"));
            // By id (remembered): deleted, it is gone at once all the same, for every kind of
            // hold.
            let path = format!("/v1/events/{newest}/holds");
            expect(
                &hold(path.clone(), json!({"seats": ["2"]})).await,
                201,
                None,
            );
            env.ok(&["event", "delete", &newest, "--force", "--yes"]);
            for body in [json!({"best": 1}), json!({"seats": ["3"]})] {
                let gone = hold(path.clone(), body).await;
                expect(&gone, 404, Some("not_found"));
                assert!(
                    gone.body["detail"].as_str().unwrap().contains("no event"),
                    "{gone:?}"
                );
            }
            // By id, given a new layout: the hold is on the new seats.
            let old = id_of("Cache old");
            let path = format!("/v1/events/{old}/holds");
            expect(
                &hold(path.clone(), json!({"seats": ["2"]})).await,
                201,
                None,
            );
            let csv = "section,row,seat\nS,A,1\nS,A,2\n";
            let op_key = api_key(env, "ops", "operator");
            let op = Client::new(&server, Some(&op_key));
            let hold_ids: Vec<String> = env
                .json(&["holds", "Cache old"])
                .as_array()
                .unwrap()
                .iter()
                .map(|h| h["hold_id"].as_str().unwrap().to_string())
                .collect();
            for id in hold_ids {
                env.ok(&["release", &id]);
            }
            expect(
                &op.put(
                    &format!("/v1/events/{old}/layout?replace=true"),
                    "text/csv",
                    csv,
                )
                .await,
                200,
                None,
            );
            let relaid = hold(path.clone(), json!({"seats": ["A-1"]})).await;
            expect(&relaid, 201, None);
            // Best available just after another new layout: the new seats.
            let before = hold(path.clone(), json!({"best": 1})).await;
            expect(&before, 201, None);
            for h in [&relaid, &before] {
                let id = h.body["hold_id"].as_str().unwrap();
                expect(&c.delete(&format!("/v1/holds/{id}")).await, 200, None);
            }
            expect(
                &op.put(
                    &format!("/v1/events/{old}/layout?replace=true"),
                    "text/csv",
                    "section,row,seat\nT,B,1\nT,B,2\n",
                )
                .await,
                200,
                None,
            );
            let best = hold(path.clone(), json!({"best": 1})).await;
            expect(&best, 201, None);
            assert!(
                best.body["seats"][0].as_str().unwrap().starts_with("B-"),
                "{best:?}"
            );
        });
        let audit = env.json(&["audit", "Cache old"]);
        assert_eq!(audit["ok"], true, "{audit}");
    });
}

#[test]
fn two_reserves_of_one_hold_at_once_are_one_sale() {
    on_both("http_reserve_twice", |env| {
        env.ok(&["event", "create", "--name", "Twice", "--seats", "40"]);
        let key = api_key(env, "kiosk", "box-office");
        let server = Server::start(env, &[], &[]);
        rt().block_on(async {
            let c = Client::new(&server, Some(&key));
            for round in 0..10 {
                let held = c.post("/v1/events/Twice/holds", json!({"best": 2})).await;
                expect(&held, 201, None);
                let path = format!(
                    "/v1/holds/{}/reservation",
                    held.body["hold_id"].as_str().unwrap()
                );
                let body = json!({"customer": "Ann"});
                let (a, b) = tokio::join!(c.post(&path, body.clone()), c.post(&path, body));
                let mut statuses = [a.status.as_u16(), b.status.as_u16()];
                statuses.sort();
                assert_eq!(statuses, [200, 201], "round {round}: {a:?} {b:?}");
                assert_eq!(a.body["reservation_id"], b.body["reservation_id"]);
            }
        });
        let audit = env.json(&["audit", "Twice"]);
        assert_eq!(audit["ok"], true, "{audit}");
    });
}
