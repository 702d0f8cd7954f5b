//! Change-stream followers for `benches/changes.sh`: CLIENTS Server-Sent Event clients of
//! `GET /v1/events/{event}/changes` on one server, on one thread (so that the followers take
//! as little of the machine as they can from the server they measure). The first MEASURED
//! clients parse every event and record, per change, the time from its transaction's time
//! (`at`) to its arrival; the others only read. Runs until SIGTERM or DURATION seconds, then
//! prints one JSON line: clients connected, changes measured, latency p50/p99/max in ms,
//! streams that ended early (a `dropped` or `shutdown` event, or a closed connection).
//!
//! With `FOLLOW_ARRIVALS=PATH`, each measured arrival is also written there as a line `ID µs`
//! (the change's history id, its arrival in µs since the epoch), for latencies from commit.
//!
//! `cargo bench --bench follow -- BASE KEY EVENT_ID CLIENTS MEASURED DURATION`

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

#[derive(Default)]
struct Tally {
    latencies: Vec<f64>,
    /// Each measured change's id and arrival, in µs since the epoch.
    arrivals: Vec<(i64, i64)>,
    connected: usize,
    ended: usize,
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    assert!(
        args.len() == 6,
        "usage: follow BASE KEY EVENT_ID CLIENTS MEASURED DURATION"
    );
    let base = args[0].trim_start_matches("http://").to_string();
    let (key, event) = (args[1].clone(), args[2].clone());
    let clients: usize = args[3].parse().expect("CLIENTS");
    let measured: usize = args[4].parse().expect("MEASURED");
    let duration = Duration::from_secs_f64(args[5].parse().expect("DURATION"));
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let local = tokio::task::LocalSet::new();
    let tally = Rc::new(RefCell::new(Tally::default()));
    local.block_on(&rt, async {
        let mut tasks = Vec::new();
        for i in 0..clients {
            let (base, key, event, tally) =
                (base.clone(), key.clone(), event.clone(), tally.clone());
            tasks.push(tokio::task::spawn_local(async move {
                follow(&base, &key, &event, i < measured, &tally).await;
            }));
            if i % 50 == 49 {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
        // Connected (or given up) before saying so.
        while tally.borrow().connected < clients && tasks.iter().any(|t| !t.is_finished()) {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        eprintln!("connected");
        let mut term =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).unwrap();
        tokio::select! {
            _ = term.recv() => {}
            () = tokio::time::sleep(duration) => {}
        }
        for t in &tasks {
            t.abort();
        }
    });
    let t = tally.borrow();
    if let Ok(path) = std::env::var("FOLLOW_ARRIVALS") {
        let text: String = t
            .arrivals
            .iter()
            .map(|(id, us)| format!("{id} {us}\n"))
            .collect();
        std::fs::write(&path, text).expect("write the arrivals");
    }
    let mut lat = t.latencies.clone();
    lat.sort_by(f64::total_cmp);
    let q = |p: f64| {
        lat.get(((p * lat.len() as f64) as usize).min(lat.len().saturating_sub(1)))
            .map_or("null".to_string(), |v| format!("{:.1}", v))
    };
    println!(
        "{{\"clients\": {}, \"measured_changes\": {}, \"p50_ms\": {}, \"p99_ms\": {}, \"max_ms\": {}, \"ended_early\": {}}}",
        t.connected,
        lat.len(),
        q(0.5),
        q(0.99),
        lat.last().map_or("null".to_string(), |v| format!("{v:.1}")),
        t.ended
    );
}

async fn follow(base: &str, key: &str, event: &str, measuring: bool, tally: &RefCell<Tally>) {
    let mut conn = TcpStream::connect(base).await.expect("connect");
    let request = format!(
        "GET /v1/events/{event}/changes HTTP/1.1\r\nHost: {base}\r\nAuthorization: Bearer {key}\r\n\
         Accept: text/event-stream\r\n\r\n"
    );
    conn.write_all(request.as_bytes()).await.expect("send");
    let mut reader = BufReader::new(conn);
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).await.unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        head.push_str(&line);
    }
    assert!(head.contains(" 200 "), "stream: {head}");
    tally.borrow_mut().connected += 1;
    if !measuring {
        let mut buf = vec![0u8; 65536];
        while reader.read(&mut buf).await.unwrap_or(0) > 0 {}
        tally.borrow_mut().ended += 1;
        return;
    }
    // Chunked: size lines and data lines alike end in \r\n or \n; only `data:` lines matter.
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).await.unwrap_or(0) == 0 {
            break;
        }
        if line.starts_with("event: dropped") || line.starts_with("event: shutdown") {
            break;
        }
        let Some(data) = line.strip_prefix("data: {\"id\"") else {
            continue;
        };
        let now = chrono::Utc::now();
        let data = format!("{{\"id\"{}", data.trim_end());
        let Ok(change) = serde_json::from_str::<serde_json::Value>(&data) else {
            continue;
        };
        let at = change["at"]
            .as_str()
            .and_then(|at| chrono::DateTime::parse_from_rfc3339(at).ok());
        if let (Some(at), Some(id)) = (at, change["id"].as_i64()) {
            let us = (now - at.with_timezone(&chrono::Utc))
                .num_microseconds()
                .unwrap_or(0);
            let mut t = tally.borrow_mut();
            t.latencies.push(us as f64 / 1000.0);
            t.arrivals.push((id, now.timestamp_micros()));
        }
    }
    tally.borrow_mut().ended += 1;
}
