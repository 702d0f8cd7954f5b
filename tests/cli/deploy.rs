//! The deployment examples in `deploy/` work as shipped: the systemd unit passes
//! `systemd-analyze verify` without a warning and its command line serves; the nginx site
//! passes `nginx -t` and carries holds and a change stream to two replicas, one of which stops.
//! Each test needs its tool on the machine (`.ci/run` installs nginx; CI fails without them).

use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;

use crate::changes::Stream;
use crate::common::Env;
use crate::events::repo;
use crate::http::{Server, api_key};
use crate::servers::free_port;

/// The tool's path, or `None` with a skip line (a failure under `CI`).
fn tool(name: &str, test: &str) -> Option<String> {
    let found = ["/usr/sbin", "/usr/bin", "/sbin", "/bin"]
        .iter()
        .map(|d| format!("{d}/{name}"))
        .find(|p| std::path::Path::new(p).exists());
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but {name} is not installed (.ci/run installs it)"
        );
        eprintln!("SKIP {test}: {name} is not installed");
    }
    found
}

/// The unit with the binary and config of this test, as `seatctl@PORT.service`.
fn unit_for(env: &Env, bin: &str, config: &str, name: &str, text: &str) -> String {
    let unit = text
        .replace("/usr/local/bin/seatctl", bin)
        .replace("/etc/seatctl/config.toml", config);
    env.write(name, unit)
}

#[test]
fn the_systemd_unit_verifies_and_its_command_serves() {
    let Some(analyze) = tool("systemd-analyze", "systemd unit") else {
        return;
    };
    let env = Env::sqlite();
    let bin = assert_cmd::cargo::cargo_bin!("seatctl")
        .display()
        .to_string();
    let config = env.write(
        "config.toml",
        format!("[database]\nurl = \"{}\"\n", env.db_url),
    );
    let shipped = std::fs::read_to_string(repo("deploy/seatctl@.service")).unwrap();
    let verify = |name: &str, text: &str| {
        let path = unit_for(&env, &bin, &config, name, text);
        let out = Command::new(&analyze)
            .args(["verify", &path])
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    };
    let (ok, warnings) = verify("seatctl@8081.service", &shipped);
    assert!(
        ok && warnings.trim().is_empty(),
        "systemd-analyze verify: {warnings}"
    );
    // The check can fail: a misspelt key is a warning, and a warning fails it.
    let (_, warnings) = verify(
        "bad@8081.service",
        &shipped.replace("KillSignal=", "KillSignl="),
    );
    assert!(warnings.contains("KillSignl"), "{warnings}");

    // Its ExecStart, as systemd would run it (%i is the port), serves and stops on SIGTERM.
    let exec = shipped
        .lines()
        .find_map(|l| l.strip_prefix("ExecStart="))
        .unwrap()
        .replace("/usr/local/bin/seatctl", &bin)
        .replace("/etc/seatctl/config.toml", &config)
        .replace("%i", "0");
    let mut words = exec.split_whitespace();
    assert_eq!(words.next(), Some(bin.as_str()), "{exec}");
    let mut child = env
        .process()
        .args(words)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let mut err = String::new();
    {
        use std::io::BufRead;
        let stderr = child.stderr.take().unwrap();
        let mut lines = std::io::BufReader::new(stderr).lines();
        while started.elapsed() < Duration::from_secs(30) {
            let Some(Ok(line)) = lines.next() else { break };
            err.push_str(&line);
            if line.starts_with("listening on http://") {
                break;
            }
        }
        // The rest of its log is read to the end (as a journal would), never left to block.
        std::thread::spawn(move || lines.for_each(drop));
    }
    assert!(err.contains("listening on http://127.0.0.1:"), "{err}");
    unsafe {
        libc::kill(child.id() as i32, libc::SIGTERM);
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// nginx in the foreground with the shipped site, in a private prefix; stopped on drop.
struct Nginx(std::process::Child);

impl Drop for Nginx {
    fn drop(&mut self) {
        // SIGTERM: the master stops its workers (SIGKILL would leave them running).
        unsafe {
            libc::kill(self.0.id() as i32, libc::SIGTERM);
        }
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn the_nginx_site_balances_replicas_and_passes_the_change_stream_on() {
    let Some(nginx) = tool("nginx", "nginx site") else {
        return;
    };
    let Some(env) = Env::postgres("deploy_nginx") else {
        return;
    };
    env.ok(&["event", "create", "--name", "E", "--seats", "50"]);
    let key = api_key(&env, "shop", "box-office");
    let one = Server::start(&env, &[], &[]);
    let two = Server::start(&env, &[], &[]);
    let addr = |s: &Server| s.base.trim_start_matches("http://").to_string();
    let port = free_port();
    let prefix = env.path("nginx");
    std::fs::create_dir_all(&prefix).unwrap();
    let site = std::fs::read_to_string(repo("deploy/nginx.conf"))
        .unwrap()
        .replace("127.0.0.1:8081", &addr(&one))
        .replace("127.0.0.1:8082", &addr(&two))
        .replace("127.0.0.1:8083", &addr(&two))
        .replace("listen 8080;", &format!("listen 127.0.0.1:{port};"));
    env.write("nginx/seatctl.conf", site);
    let main = format!(
        "daemon off;\nworker_processes 1;\npid {p}/nginx.pid;\nerror_log {p}/error.log;\n\
         events {{ worker_connections 256; }}\n\
         http {{ access_log {p}/access.log; include {p}/seatctl.conf; }}\n",
        p = prefix.display()
    );
    let conf = env.write("nginx/nginx.conf", main);
    let prefix_arg = format!("{}/", prefix.display());
    let checked = Command::new(&nginx)
        .args(["-t", "-p", &prefix_arg, "-c", &conf])
        .output()
        .unwrap();
    assert!(
        checked.status.success(),
        "nginx -t: {}",
        String::from_utf8_lossy(&checked.stderr)
    );
    let _nginx = Nginx(
        Command::new(&nginx)
            .args(["-p", &prefix_arg, "-c", &conf])
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "nginx did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let base = format!("http://127.0.0.1:{port}");

    // A change stream through nginx: events come through as they happen, unbuffered.
    let stream = Stream::open(&base, &key, "/v1/events/E/changes", None);
    assert_eq!(stream.status, 200, "{}", stream.head);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let http = reqwest::Client::new();
    let hold = |seat: u32| {
        rt.block_on(async {
            http.post(format!("{base}/v1/events/E/holds"))
                .bearer_auth(&key)
                .header("Idempotency-Key", format!("nginx-{seat}"))
                .json(&json!({"seats": [seat.to_string()]}))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        })
    };
    assert_eq!(hold(1), 201);
    let told = stream.changes(1, Duration::from_secs(10));
    assert_eq!(told[0]["seat"], "1", "{told:?}");

    // Holds spread over both replicas; then one stops and the other takes every request.
    for seat in 2..=10 {
        assert_eq!(hold(seat), 201, "hold {seat} through nginx");
    }
    let (code, _) = one.terminate();
    assert_eq!(code, Some(0));
    for seat in 11..=30 {
        assert_eq!(
            hold(seat),
            201,
            "hold {seat} through nginx with one replica stopped"
        );
    }
    // The stream may have been on the stopped replica (it then ended with `shutdown`);
    // whichever it was, a client that resumes through nginx misses nothing.
    let history = env.json(&["history", "E"]);
    let first = history[0]["id"].to_string();
    let resumed = Stream::open(&base, &key, "/v1/events/E/changes", Some(&first));
    let rest = resumed.changes(29, Duration::from_secs(20));
    let seats: Vec<u32> = rest
        .iter()
        .map(|c| c["seat"].as_str().unwrap().parse().unwrap())
        .collect();
    let mut sorted = seats.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, (2..=30).collect::<Vec<u32>>());
    let log = std::fs::read_to_string(prefix.join("access.log")).unwrap_or_default();
    assert!(
        !log.contains("\" 502 "),
        "no request failed at nginx: {log}"
    );
}
