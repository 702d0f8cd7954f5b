//! The change stream through real HTTP: `GET /v1/events/{event}/changes` (Server-Sent Events)
//! tells every committed change once, in order, whichever process made it; `Last-Event-ID`
//! resumes with nothing lost or repeated; a transaction still running holds back what was
//! committed after it began, and what it rolls back is never told; keep-alives, sections,
//! bad ids, and shutdown with streams open.

use std::collections::{BTreeMap, HashSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::common::{Env, on_both};
use crate::http::{Server, api_key};

/// One Server-Sent Event (or a comment, as `kind` ":").
#[derive(Debug, Clone)]
pub struct SseEvent {
    pub kind: String,
    pub id: Option<String>,
    pub data: String,
}

impl SseEvent {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.data).unwrap_or_else(|e| panic!("{e}: {}", self.data))
    }
}

/// A blocking SSE client on its own thread: the status line, then events as they come.
pub struct Stream {
    pub status: u16,
    pub head: String,
    events: Receiver<SseEvent>,
    conn: TcpStream,
}

impl Stream {
    /// `GET path` with the key and, when given, `Last-Event-ID`.
    pub fn open(base: &str, key: &str, path: &str, last_id: Option<&str>) -> Stream {
        let addr = base.trim_start_matches("http://").to_string();
        let mut conn = TcpStream::connect(&addr).expect("connect");
        let last = last_id
            .map(|id| format!("Last-Event-ID: {id}\r\n"))
            .unwrap_or_default();
        write!(
            conn,
            "GET {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {key}\r\n\
             Accept: text/event-stream\r\n{last}\r\n"
        )
        .unwrap();
        let mut reader = BufReader::new(conn.try_clone().unwrap());
        let mut head = String::new();
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap() == 0 || line == "\r\n" {
                break;
            }
            head.push_str(&line);
        }
        let status: u16 = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap();
        let chunked = head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked");
        let (tx, events) = channel();
        std::thread::spawn(move || {
            // The body, de-chunked, split into events at blank lines.
            let mut body: Box<dyn BufRead + Send> = if chunked {
                Box::new(BufReader::new(Dechunk {
                    inner: reader,
                    left: 0,
                }))
            } else {
                Box::new(reader)
            };
            let mut event = SseEvent {
                kind: "message".into(),
                id: None,
                data: String::new(),
            };
            let mut line = String::new();
            loop {
                line.clear();
                match body.read_line(&mut line) {
                    Ok(0) | Err(_) => return,
                    Ok(_) => {}
                }
                let l = line.trim_end_matches(['\r', '\n']);
                if l.is_empty() {
                    if (!event.data.is_empty() || event.kind != "message")
                        && tx.send(event.clone()).is_err()
                    {
                        return;
                    }
                    event = SseEvent {
                        kind: "message".into(),
                        id: None,
                        data: String::new(),
                    };
                } else if l.starts_with(':') {
                    let _ = tx.send(SseEvent {
                        kind: ":".into(),
                        id: None,
                        data: l.to_string(),
                    });
                } else if let Some(v) = l.strip_prefix("event:") {
                    event.kind = v.trim().to_string();
                } else if let Some(v) = l.strip_prefix("id:") {
                    event.id = Some(v.trim().to_string());
                } else if let Some(v) = l.strip_prefix("data:") {
                    event.data.push_str(v.trim_start());
                }
            }
        });
        Stream {
            status,
            head,
            events,
            conn,
        }
    }

    /// The next event that is not a comment, within `wait`.
    pub fn next(&self, wait: Duration) -> Option<SseEvent> {
        let until = Instant::now() + wait;
        loop {
            let left = until.saturating_duration_since(Instant::now());
            match self.events.recv_timeout(left) {
                Ok(e) if e.kind == ":" => continue,
                Ok(e) => return Some(e),
                Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => {
                    return None;
                }
            }
        }
    }

    /// The next event or comment, within `wait`.
    pub fn next_any(&self, wait: Duration) -> Option<SseEvent> {
        self.events.recv_timeout(wait).ok()
    }

    /// `n` change events (panics naming what came instead).
    pub fn changes(&self, n: usize, wait: Duration) -> Vec<Value> {
        let mut got = Vec::new();
        let until = Instant::now() + wait;
        while got.len() < n {
            let left = until.saturating_duration_since(Instant::now());
            match self.next(left) {
                Some(e) if e.kind == "change" => {
                    let v = e.json();
                    assert_eq!(e.id.as_deref(), Some(v["id"].to_string().as_str()), "{e:?}");
                    got.push(v);
                }
                Some(e) => panic!("expected a change, got {e:?} after {} changes", got.len()),
                None => panic!(
                    "only {} of {n} changes came within {wait:?}: {got:?}",
                    got.len()
                ),
            }
        }
        got
    }

    /// Closes the connection (the server then drops this follower).
    pub fn close(self) {
        let _ = self.conn.shutdown(std::net::Shutdown::Both);
    }
}

/// HTTP/1.1 chunked transfer coding, read as a plain body.
struct Dechunk<R> {
    inner: R,
    left: usize,
}

impl<R: BufRead> Read for Dechunk<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            let mut size = String::new();
            if self.inner.read_line(&mut size)? == 0 {
                return Ok(0);
            }
            if size.trim().is_empty() {
                // The CRLF after the previous chunk.
                size.clear();
                if self.inner.read_line(&mut size)? == 0 {
                    return Ok(0);
                }
            }
            self.left = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
            if self.left == 0 {
                return Ok(0);
            }
        }
        let n = self.left.min(buf.len());
        let read = self.inner.read(&mut buf[..n])?;
        self.left -= read;
        Ok(read)
    }
}

/// A config file with a short keep-alive; returns the `--config` arguments.
fn config(env: &Env, keep_alive: &str) -> Vec<String> {
    let path = env.write(
        "serve.toml",
        format!("[server]\nkeep_alive = \"{keep_alive}\"\nshutdown_timeout = \"5s\"\n"),
    );
    vec!["--config".into(), path]
}

/// Every change of the event per the CLI's history, by id.
fn history(env: &Env, event: &str) -> BTreeMap<i64, Value> {
    env.json(&["history", event])
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["id"].as_i64().unwrap(), h.clone()))
        .collect()
}

/// What a stream told agrees with the history: each change once, the same seats and
/// statuses, and each seat's changes in the order of their ids.
fn check_told(told: &[Value], history: &BTreeMap<i64, Value>) {
    let mut seen = HashSet::new();
    let mut last_of_seat: BTreeMap<String, i64> = BTreeMap::new();
    for c in told {
        let id = c["id"].as_i64().unwrap();
        assert!(seen.insert(id), "change {id} told twice: {told:?}");
        let h = history
            .get(&id)
            .unwrap_or_else(|| panic!("change {id} is not in the history"));
        for field in [
            "seat",
            "from_status",
            "to_status",
            "hold_id",
            "reservation_id",
            "actor",
        ] {
            assert_eq!(c[field], h[field], "{field} of change {id}: {c} vs {h}");
        }
        let seat = c["seat"].as_str().unwrap().to_string();
        if let Some(before) = last_of_seat.insert(seat.clone(), id) {
            assert!(before < id, "seat {seat}: change {id} told after {before}");
        }
    }
}

#[test]
fn a_stream_tells_every_change_once_and_resumes_after_the_last_event_id() {
    on_both("changes_resume", |env| {
        env.create_small("E");
        let key = api_key(env, "watcher", "readonly");
        let server = Server::start(
            env,
            &config(env, "1s")
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
            &[],
        );
        let stream = Stream::open(&server.base, &key, "/v1/events/E/changes", None);
        assert_eq!(stream.status, 200, "{}", stream.head);
        assert!(stream.head.contains("text/event-stream"), "{}", stream.head);
        // A keep-alive comment while nothing happens.
        let idle = stream
            .next_any(Duration::from_secs(5))
            .expect("a keep-alive");
        assert_eq!(idle.kind, ":", "{idle:?}");

        // Every kind of change, by other processes (the CLI).
        let hold = env.json(&["hold", "E", "A-1", "A-2"]);
        let hold_id = hold["hold_id"].as_str().unwrap().to_string();
        let sale = env.json(&["reserve", &hold_id, "--customer", "Ada"]);
        let sale_id = sale["reservation_id"].as_str().unwrap().to_string();
        env.ok(&["block", "E", "B-1", "--reason", "camera"]);
        let first = stream.changes(5, Duration::from_secs(20));
        assert_eq!(first[0]["to_status"], "held", "{first:?}");
        assert_eq!(first[0]["section"], "Stalls", "{first:?}");
        assert_eq!(first[4]["to_status"], "blocked", "{first:?}");
        assert_eq!(first[4]["note"], "camera", "{first:?}");
        let last = first.last().unwrap()["id"].to_string();
        stream.close();

        // Changes while no one follows, then a resume after the last id seen.
        env.ok(&["release", &sale_id]);
        env.ok(&["unblock", "E", "B-1"]);
        let resumed = Stream::open(&server.base, &key, "/v1/events/E/changes", Some(&last));
        assert_eq!(resumed.status, 200);
        let missed = resumed.changes(3, Duration::from_secs(20));
        // And new ones after the catch-up, on the same stream.
        env.ok(&["hold", "E", "A-3"]);
        let later = resumed.changes(1, Duration::from_secs(20));
        let told: Vec<Value> = first.iter().chain(&missed).chain(&later).cloned().collect();
        let history = history(env, "E");
        check_told(&told, &history);
        assert_eq!(told.len(), history.len(), "every change told: {told:?}");
        assert!(
            resumed.next(Duration::from_millis(500)).is_none(),
            "nothing more"
        );

        // ?after= does what Last-Event-ID does; ?section= keeps one section's changes.
        let after = Stream::open(
            &server.base,
            &key,
            &format!("/v1/events/E/changes?after={last}"),
            None,
        );
        assert_eq!(
            after.changes(4, Duration::from_secs(20)),
            [missed.clone(), later.clone()].concat()
        );
        let balcony = Stream::open(
            &server.base,
            &key,
            "/v1/events/E/changes?section=balcony&after=1",
            None,
        );
        env.ok(&["hold", "E", "C-1"]);
        let only = balcony.changes(1, Duration::from_secs(20));
        assert_eq!(only[0]["section"], "Balcony", "{only:?}");
        assert_eq!(only[0]["seat"], "C-1", "{only:?}");

        // Bad ids and sections are problems, before any stream starts.
        for (path, last, status) in [
            ("/v1/events/E/changes", Some("abc"), 400),
            ("/v1/events/E/changes", Some("999999"), 400),
            ("/v1/events/E/changes?section=Nowhere", None, 404),
            ("/v1/events/Nope/changes", None, 404),
        ] {
            let s = Stream::open(&server.base, &key, path, last);
            assert_eq!(s.status, status, "{path} {last:?}: {}", s.head);
            assert!(s.head.contains("application/problem+json"), "{}", s.head);
        }

        // A deleted event's streams end, saying so.
        env.ok(&["event", "create", "--name", "Gone", "--seats", "3"]);
        let doomed = Stream::open(&server.base, &key, "/v1/events/Gone/changes", None);
        assert_eq!(doomed.status, 200);
        env.ok(&["event", "delete", "Gone", "--yes", "--force"]);
        let end = doomed.next(Duration::from_secs(10)).expect("a last event");
        assert_eq!(end.kind, "error", "{end:?}");
        assert!(end.data.contains("the event was deleted"), "{end:?}");

        // A shutdown ends open streams with a last event, and does not wait for them.
        let started = Instant::now();
        let (code, _) = server.terminate();
        assert_eq!(code, Some(0));
        let end = std::iter::from_fn(|| after.next(Duration::from_secs(5)))
            .find(|e| e.kind != "change")
            .expect("a last event");
        assert_eq!(end.kind, "shutdown", "{end:?}");
        assert!(end.json()["last_id"].is_i64(), "{end:?}");
        assert!(
            started.elapsed() < Duration::from_secs(4),
            "a stream held the shutdown up"
        );
    });
}

/// PostgreSQL hands out history ids when rows are written, not when they commit: a change
/// committed while an older transaction still runs is held back until that one ends (told
/// after it when it commits, alone when it rolls back), so no change can turn up before one
/// already told, and nothing rolled back is ever told.
#[test]
fn a_running_transaction_holds_later_changes_back_and_a_rollback_is_never_told() {
    use sqlx::Connection;
    let Some(env) = Env::postgres("changes_xmin") else {
        return;
    };
    env.ok(&["event", "create", "--name", "E", "--seats", "10"]);
    let key = api_key(&env, "watcher", "readonly");
    let server = Server::start(&env, &[], &[]);
    let stream = Stream::open(&server.base, &key, "/v1/events/E/changes", None);
    assert_eq!(stream.status, 200);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut conn = rt
        .block_on(sqlx::PgConnection::connect(&env.db_url))
        .unwrap();
    let plant = |conn: &mut sqlx::PgConnection| {
        rt.block_on(async {
            sqlx::raw_sql(
                "BEGIN; INSERT INTO seat_history (event_id, seat_id, seat_label, from_status, \
                 to_status, actor) SELECT event_id, id, label, 'available', 'blocked', 'planted' \
                 FROM seats WHERE label = '9'",
            )
            .execute(&mut *conn)
            .await
            .unwrap();
        })
    };
    let end = |conn: &mut sqlx::PgConnection, how: &'static str| {
        rt.block_on(async {
            sqlx::raw_sql(sqlx::AssertSqlSafe(how))
                .execute(&mut *conn)
                .await
                .unwrap();
        })
    };

    // Rolled back: the hold made meanwhile is told once the planted row's transaction ends.
    plant(&mut conn);
    env.ok(&["hold", "E", "1"]);
    assert!(
        stream.next(Duration::from_millis(1500)).is_none(),
        "a change committed behind a running transaction is held back"
    );
    end(&mut conn, "ROLLBACK");
    let told = stream.changes(1, Duration::from_secs(10));
    assert_eq!(told[0]["seat"], "1", "{told:?}");
    assert!(
        stream.next(Duration::from_millis(500)).is_none(),
        "the rollback is never told"
    );

    // Committed: the planted row (the smaller id) first, then the hold.
    plant(&mut conn);
    env.ok(&["hold", "E", "2"]);
    assert!(stream.next(Duration::from_millis(1000)).is_none());
    end(&mut conn, "COMMIT");
    let told = stream.changes(2, Duration::from_secs(10));
    assert_eq!(told[0]["actor"], "planted", "{told:?}");
    assert_eq!(told[1]["seat"], "2", "{told:?}");
    assert!(told[0]["id"].as_i64() < told[1]["id"].as_i64(), "{told:?}");
    let history = history(&env, "E");
    check_told(&told, &history);
}

/// `seatctl watch` on a terminal: a map redrawn when another process changes a seat, the last
/// change named, and a clean exit (0) on Ctrl-C.
#[test]
fn watch_redraws_the_map_on_changes_made_by_another_process() {
    use crate::box_office::{CTRL_C, Pty};
    on_both("watch_pty", |env| {
        env.create_small("E");
        let mut pty = Pty::spawn(env, &["watch", "E"]);
        pty.expect("watching, Ctrl-C to stop (0 changes told)");
        pty.expect("no change yet");
        let hold = env.json(&["hold", "E", "A-1", "A-2"]);
        pty.expect("(2 changes told)");
        pty.expect("A hh.. A");
        pty.expect("A-2 available → held by");
        env.ok(&[
            "reserve",
            hold["hold_id"].as_str().unwrap(),
            "--customer",
            "Ada",
        ]);
        pty.expect("(4 changes told)");
        // The map shows the two sold seats, counted and drawn.
        pty.expect("0 held · 2 reserved");
        pty.expect("A XX.. A");
        pty.expect("A-2 held → reserved");
        pty.send(CTRL_C);
        let (code, screen) = pty.wait();
        assert_eq!(code, Some(0), "{screen}");
        assert!(
            screen.contains("stopped watching E: 4 changes told"),
            "{screen}"
        );
    });
}

/// A child process killed if the test ends (or fails) before it is taken.
struct Reaped(Option<std::process::Child>);

impl Reaped {
    fn child(&mut self) -> &mut std::process::Child {
        self.0.as_mut().expect("not taken")
    }

    fn take(mut self) -> std::process::Child {
        self.0.take().expect("not taken")
    }
}

impl Drop for Reaped {
    fn drop(&mut self) {
        if let Some(child) = &mut self.0 {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// `seatctl watch --json` (or in a pipe): one JSON object per change and line, every change
/// once, `--after` telling the missed ones first; SIGTERM stops it with exit 0.
#[test]
fn watch_json_prints_one_line_per_change_and_resumes_after_an_id() {
    on_both("watch_json", |env| {
        env.create_small("E");
        let first = env.json(&["hold", "E", "C-1"]);
        let first_id = env.json(&["history", "E"])[0]["id"].to_string();
        let mut child = Reaped(Some(
            env.process()
                .args(["watch", "E", "--json", "--after", &first_id])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap(),
        ));
        let (tx, lines) = channel();
        let stdout = child.child().stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let next = || {
            let line = lines.recv_timeout(Duration::from_secs(20)).expect("a line");
            serde_json::from_str::<Value>(&line).unwrap_or_else(|e| panic!("{e}: {line}"))
        };
        env.ok(&["release", first["hold_id"].as_str().unwrap()]);
        env.ok(&["block", "E", "B-4", "--reason", "desk"]);
        let told = vec![next(), next()];
        assert_eq!(told[0]["seat"], "C-1", "{told:?}");
        assert_eq!(told[0]["to_status"], "available", "{told:?}");
        assert_eq!(told[1]["seat"], "B-4", "{told:?}");
        check_told(&told, &history(env, "E"));
        assert!(
            lines.recv_timeout(Duration::from_millis(300)).is_err(),
            "nothing else"
        );
        unsafe {
            libc::kill(child.child().id() as i32, libc::SIGTERM);
        }
        let out = child.take().wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("2 changes told"), "{err}");
        assert!(err.contains("--after"), "{err}");
        // A bad --after names the problem.
        let err = env.fails(&["watch", "E", "--after", "999999"], 2);
        assert!(
            err.contains("not the id of a change of this event"),
            "{err}"
        );
        env.fails(&["watch", "Nope"], 4);
    });
}

/// The value of the series `name{labels}` (labels as Prometheus prints them, `""` for none)
/// in a `/metrics` text, if present.
fn series(text: &str, name: &str, labels: &str) -> Option<f64> {
    let key = if labels.is_empty() {
        name.to_string()
    } else {
        format!("{name}{{{labels}}}")
    };
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .find_map(|l| l.strip_prefix(&key)?.strip_prefix(' ')?.trim().parse().ok())
}

/// `/metrics` is scraped (with a key) and every named series is there with the values the
/// requests made: requests by route and status, latencies, holds, sales, releases, conflicts,
/// Redis lock contention, pool connections, open streams, changes read and their lag.
#[test]
fn metrics_are_scraped_with_every_named_series() {
    let Some(env) = Env::postgres("metrics") else {
        return;
    };
    let Some(redis) = crate::common::redis_url("metrics") else {
        return;
    };
    env.ok(&["event", "create", "--name", "E", "--seats", "10"]);
    let key = api_key(&env, "shop", "operator");
    let server = Server::start(&env, &["--strategy", "redis", "--redis-url", &redis], &[]);
    let stream = Stream::open(&server.base, &key, "/v1/events/E/changes", None);
    assert_eq!(stream.status, 200);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let http = reqwest::Client::new();
    let url = |p: &str| server.url(p);
    let (made, lost, text, unauthorized) = rt.block_on(async {
        // 20 buyers at once for one seat: one hold, 19 conflicts.
        let mut tasks = Vec::new();
        for _ in 0..20 {
            let req = http
                .post(url("/v1/events/E/holds"))
                .bearer_auth(&key)
                .json(&serde_json::json!({"seats": ["5"]}));
            tasks.push(tokio::spawn(async move { req.send().await.unwrap() }));
        }
        let mut hold = None;
        let (mut made, mut lost) = (0, 0);
        for t in tasks {
            let r = t.await.unwrap();
            match r.status().as_u16() {
                201 => {
                    made += 1;
                    hold = Some(
                        r.json::<Value>().await.unwrap()["hold_id"]
                            .as_str()
                            .unwrap()
                            .to_string(),
                    );
                }
                409 => lost += 1,
                s => panic!("{s}"),
            }
        }
        let hold = hold.unwrap();
        let sale = http
            .post(url(&format!("/v1/holds/{hold}/reservation")))
            .bearer_auth(&key)
            .json(&serde_json::json!({"customer": "Ada"}))
            .send()
            .await
            .unwrap();
        assert_eq!(sale.status(), 201);
        let sale: Value = sale.json().await.unwrap();
        let released = http
            .delete(url(&format!(
                "/v1/reservations/{}",
                sale["reservation_id"].as_str().unwrap()
            )))
            .bearer_auth(&key)
            .send()
            .await
            .unwrap();
        assert_eq!(released.status(), 200);
        // Seat reads: from the seat cache once it has the release.
        let change = released.headers()["seatctl-change-id"]
            .to_str()
            .unwrap()
            .to_string();
        for path in [
            "/v1/events/E/seats".to_string(),
            format!("/v1/events/E/map?after={change}"),
        ] {
            let read = http.get(url(&path)).bearer_auth(&key).send().await.unwrap();
            assert_eq!(read.status(), 200);
        }
        // The stream has read the changes (hold, sale, release of seat 5) before the scrape.
        tokio::time::sleep(Duration::from_millis(500)).await;
        let text = http
            .get(url("/metrics"))
            .bearer_auth(&key)
            .send()
            .await
            .unwrap();
        assert_eq!(text.status(), 200);
        assert!(
            text.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/plain"),
            "{:?}",
            text.headers()
        );
        drop(text);
        let unauthorized = http
            .get(url("/metrics"))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16();
        // Made-up methods are counted under one label, not one series each.
        for m in ["FOO", "BAR"] {
            let m = reqwest::Method::from_bytes(m.as_bytes()).unwrap();
            http.request(m, url("/nowhere")).send().await.unwrap();
        }
        let text = http
            .get(url("/metrics"))
            .bearer_auth(&key)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        (made, lost, text, unauthorized)
    });
    assert_eq!((made, lost), (1, 19));
    assert_eq!(unauthorized, 401);
    let get = |name: &str, labels: &str| {
        series(&text, name, labels).unwrap_or_else(|| panic!("no {name}{{{labels}}} in\n{text}"))
    };
    let holds = r#"method="POST",route="/v1/events/{event}/holds""#;
    assert_eq!(
        get(
            "seatctl_http_requests_total",
            &format!("{holds},status=\"201\"")
        ),
        1.0
    );
    assert_eq!(
        get(
            "seatctl_http_requests_total",
            &format!("{holds},status=\"409\"")
        ),
        19.0
    );
    assert_eq!(
        get("seatctl_http_request_duration_seconds_count", holds),
        20.0
    );
    assert!(get("seatctl_http_request_duration_seconds_sum", holds) > 0.0);
    assert_eq!(
        get(
            "seatctl_http_request_duration_seconds_bucket",
            &format!("{holds},le=\"+Inf\"")
        ),
        20.0
    );
    assert_eq!(get("seatctl_holds_total", r#"outcome="made""#), 1.0);
    assert_eq!(get("seatctl_reservations_total", r#"outcome="made""#), 1.0);
    assert_eq!(get("seatctl_releases_total", r#"what="reservation""#), 1.0);
    assert_eq!(
        get(
            "seatctl_conflicts_total",
            r#"operation="POST /v1/events/{event}/holds""#
        ),
        19.0
    );
    assert!(get("seatctl_lock_busy_total", "") >= 0.0);
    assert_eq!(get("seatctl_lock_lost_total", ""), 0.0);
    let pool = get("seatctl_db_connections", r#"state="idle""#)
        + get("seatctl_db_connections", r#"state="in_use""#);
    assert!(pool >= 1.0, "{text}");
    assert_eq!(get("seatctl_sse_clients", ""), 1.0);
    assert_eq!(get("seatctl_sse_dropped_total", ""), 0.0);
    assert_eq!(
        get("seatctl_changes_total", ""),
        3.0,
        "hold, sale, release of seat 5"
    );
    assert!(get("seatctl_change_lag_seconds_count", "") >= 1.0);
    let (memory, database) = (
        get("seatctl_seat_reads_total", r#"from="memory""#),
        get("seatctl_seat_reads_total", r#"from="database""#),
    );
    assert_eq!(memory + database, 2.0, "{text}");
    assert!(memory >= 1.0, "{text}");
    assert!(text.contains("# HELP seatctl_holds_total"), "{text}");
    assert_eq!(
        get(
            "seatctl_http_requests_total",
            r#"method="other",route="unmatched",status="404""#
        ),
        2.0
    );
    assert!(!text.contains("FOO") && !text.contains("BAR"), "{text}");
    drop(stream);
}

/// A hold that lapses changes no row by itself; while the event is followed, the server sweeps
/// it (its feed checks every second) and the stream tells the lapse like any change.
#[test]
fn a_lapse_is_told_once_the_server_sweeps_it() {
    on_both("changes_lapse", |env| {
        env.create_small("E");
        let key = api_key(env, "watcher", "readonly");
        let server = Server::start(env, &[], &[]);
        let stream = Stream::open(&server.base, &key, "/v1/events/E/changes", None);
        assert_eq!(stream.status, 200);
        env.ok(&["hold", "E", "A-4", "--ttl", "1s"]);
        let told = stream.changes(2, Duration::from_secs(10));
        assert_eq!(told[0]["to_status"], "held", "{told:?}");
        assert_eq!(
            (
                &told[1]["seat"],
                &told[1]["from_status"],
                &told[1]["to_status"]
            ),
            (&json!("A-4"), &json!("held"), &json!("available")),
            "{told:?}"
        );
        assert_eq!(env.json(&["audit", "E"])["ok"], true);
    });
}

/// Every change is announced with its event's id, so that followers hear of it at once rather
/// than at their once-a-second look: a reserve and a release too, whose event the `occ`
/// strategy does not look up before the change (they once announced the nil id).
#[test]
fn reserves_and_releases_announce_their_event() {
    let Some(env) = Env::postgres("changes_announce") else {
        return;
    };
    env.ok(&["event", "create", "--name", "E", "--seats", "10"]);
    let event = env.json(&["event", "show", "E"])["id"]
        .as_str()
        .unwrap()
        .to_string();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    // The listener's timers and its drop need the runtime's context.
    let _context = rt.enter();
    let mut listener = rt.block_on(async {
        let mut l = sqlx::postgres::PgListener::connect(&env.db_url)
            .await
            .unwrap();
        l.listen("seatctl_changes").await.unwrap();
        l
    });
    let mut heard = |what: &str| {
        let n = rt
            .block_on(tokio::time::timeout(
                Duration::from_secs(10),
                listener.recv(),
            ))
            .unwrap_or_else(|_| panic!("no announcement of the {what}"))
            .unwrap();
        assert_eq!(n.payload(), event, "the {what}'s announcement");
    };
    let hold = env.json(&["hold", "E", "1", "2"]);
    heard("hold");
    let sale = env.json(&["reserve", hold["hold_id"].as_str().unwrap()]);
    heard("reserve");
    env.ok(&["release", sale["reservation_id"].as_str().unwrap()]);
    heard("release");
}
