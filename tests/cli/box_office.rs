//! The interactive box office, driven through a real pseudo-terminal: the binary sees a
//! terminal on stdin and stderr, reads keys in raw mode, and is answered keystroke by keystroke.

use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common::{Env, on_both};

const ENTER: &str = "\r";
const DOWN: &str = "\x1b[B";
pub(crate) const CTRL_C: &str = "\x03";

/// A `seatctl` process on the slave side of a pty; the test holds the master side.
pub(crate) struct Pty {
    master: std::fs::File,
    /// Kept open so the pty never hangs up: Linux may discard output the child wrote just
    /// before exiting once the last slave descriptor closes.
    _slave: OwnedFd,
    child: Child,
    output: mpsc::Receiver<Vec<u8>>,
    /// Everything shown so far, escape sequences removed.
    screen: String,
    /// How far `expect` has read.
    seen: usize,
}

impl Pty {
    pub(crate) fn spawn(env: &Env, args: &[&str]) -> Pty {
        Pty::spawn_sized(env, args, 60, 100)
    }

    /// On a terminal of `rows` × `cols`.
    pub(crate) fn spawn_sized(env: &Env, args: &[&str], rows: u16, cols: u16) -> Pty {
        let (mut master, mut slave) = (0, 0);
        let size = libc::winsize {
            ws_row: rows,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: openpty writes two new descriptors into the given ints; the null name and
        // termios pointers are allowed.
        let rc = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                &size,
            )
        };
        assert_eq!(rc, 0, "openpty: {}", std::io::Error::last_os_error());
        // SAFETY: both descriptors were just opened and are owned by nobody else.
        let (master, slave) =
            unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        let mut cmd = env.process();
        cmd.args(args)
            .env("TERM", "xterm")
            .env("NO_COLOR", "1")
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave.try_clone().unwrap()));
        // SAFETY: only async-signal-safe calls between fork and exec: a new session whose
        // controlling terminal is the pty, as a login shell's would be.
        unsafe {
            cmd.pre_exec(|| {
                libc::setsid();
                libc::ioctl(0, libc::TIOCSCTTY as _, 0);
                Ok(())
            });
        }
        let child = cmd.spawn().expect("spawn seatctl on a pty");
        drop(cmd); // closes the parent's copies of the slave side
        let master = std::fs::File::from(master);
        let mut reader = master.try_clone().unwrap();
        let (tx, output) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            // EIO once the child has exited and the slave side is closed.
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Pty {
            master,
            _slave: slave,
            child,
            output,
            screen: String::new(),
            seen: 0,
        }
    }

    /// Takes in what the child wrote; false when nothing came within `wait`.
    pub(crate) fn pump(&mut self, wait: Duration) -> bool {
        match self.output.recv_timeout(wait) {
            Ok(bytes) => {
                self.screen
                    .push_str(&strip_escapes(&String::from_utf8_lossy(&bytes)));
                true
            }
            Err(_) => false,
        }
    }

    /// Waits until `text` appears after what was already matched.
    pub(crate) fn expect(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(at) = self.screen[self.seen..].find(text) {
                self.seen += at + text.len();
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text:?}; the terminal shows:\n{}",
                &self.screen
            );
            self.pump(Duration::from_millis(100));
        }
    }

    pub(crate) fn send(&mut self, keys: &str) {
        // Keys typed faster than a person would can be read as one escape sequence.
        std::thread::sleep(Duration::from_millis(30));
        self.master.write_all(keys.as_bytes()).unwrap();
        self.master.flush().unwrap();
    }

    pub(crate) fn line(&mut self, text: &str) {
        self.send(text);
        self.send(ENTER);
    }

    pub(crate) fn wait(mut self) -> (Option<i32>, String) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Whatever is still in flight.
                while self.pump(Duration::from_millis(300)) {}
                return (status.code(), std::mem::take(&mut self.screen));
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("box office did not exit; screen:\n{}", self.screen);
            }
            self.pump(Duration::from_millis(50));
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Removes CSI sequences (colours, cursor moves, line clears) and carriage returns.
fn strip_escapes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => {
                if chars.peek() == Some(&'[') {
                    chars.next();
                    for c in chars.by_ref() {
                        if c.is_ascii_alphabetic() || c == '~' {
                            break;
                        }
                    }
                } else {
                    chars.next();
                }
            }
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

fn seats_of(env: &Env, event: &str) -> serde_json::Value {
    env.json(&["seats", event])
}

/// The status of seat `label` in a seat list (as `seats --json` or `GET …/seats` give it).
pub(crate) fn status(seats: &serde_json::Value, label: &str) -> String {
    seats
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["label"] == label)
        .unwrap_or_else(|| panic!("no seat {label}"))["status"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Chooses Quit, the menu's last entry (from its first), and waits for the box office to end:
/// its exit code and screen.
fn quit(mut t: Pty) -> (Option<i32>, String) {
    for _ in 0..4 {
        t.send(DOWN);
    }
    t.send(ENTER);
    t.wait()
}

#[test]
fn a_terminal_session_sells_two_seats_and_refunds_one() {
    on_both("box_office", |env| {
        env.create_small("Matinee");
        env.create_small("Evening");

        // `seatctl` alone on a terminal opens the box office; the event is fuzzy-selected.
        let mut t = Pty::spawn(env, &[]);
        t.expect("Event (type to filter)");
        t.send("Even");
        t.send(ENTER);
        t.expect("Evening · 11 of 11 seats available");
        t.send(ENTER); // Sell seats
        t.expect("[ STAGE ]");
        t.expect("Seats:");
        // A typo is explained and asked again; then a range along row A.
        t.line("A-2 a3");
        t.expect("did you mean `A-3`");
        t.line("A-2..A-3");
        t.expect("* selected");
        t.expect("Hold A-2, A-3 for 10m?");
        t.send("y");
        t.expect("Held A-2, A-3 until");
        t.expect("Then?");
        t.send(ENTER); // Reserve
        t.expect("Customer name");
        t.line("Ada Lovelace");
        t.expect("Reference");
        t.line("ORD-1");
        t.expect("Reserved A-2, A-3 for Ada Lovelace");

        // A second customer, by best available: B-3 B-4 (row A now strands, B-1/B-2 are for
        // a wheelchair user and companion).
        t.expect("Evening · 9 of 11 seats available");
        t.send(ENTER);
        t.expect("Seats:");
        t.line("best 2");
        t.expect("Hold B-3, B-4 for 10m?");
        t.send("y");
        t.expect("Then?");
        t.send(ENTER);
        t.expect("Customer name");
        t.line("Grace Hopper");
        t.expect("Reference");
        t.line("");
        t.expect("Reserved B-3, B-4 for Grace Hopper");

        // Refund Ada's by her reference: the confirmation names the seats.
        t.expect("Evening · 7 of 11 seats available");
        t.send(DOWN);
        t.send(ENTER); // Refund a reservation
        t.expect("Customer name or reference");
        t.line("ord-1");
        t.expect("Which reservation?");
        t.send(ENTER);
        t.expect("Refund Ada Lovelace: release seats A-2, A-3?");
        t.send("y");
        t.expect("Refunded: A-2, A-3 back on sale");
        t.expect("Evening · 9 of 11 seats available");
        let (code, screen) = quit(t);
        assert_eq!(code, Some(0), "{screen}");
        if std::env::var_os("SHOW_SCREEN").is_some() {
            eprintln!("{screen}");
        }
        assert!(
            screen.contains("2 held, 2 reserved, 1 refunded"),
            "{screen}"
        );

        // The database agrees: B-3 and B-4 sold to Grace, A-2 and A-3 back on sale, and the
        // other event untouched.
        let seats = seats_of(env, "Evening");
        for (label, want) in [
            ("A-2", "available"),
            ("A-3", "available"),
            ("B-3", "reserved"),
            ("B-4", "reserved"),
            ("B-1", "available"),
        ] {
            assert_eq!(status(&seats, label), want, "{label}");
        }
        let csv = env.ok(&["export", "Evening"]);
        assert!(csv.contains(",Grace Hopper,"), "{csv}");
        assert!(!csv.contains("Ada Lovelace"), "{csv}");
        let matinee = env.json(&["event", "show", "Matinee"]);
        assert_eq!(matinee["counts"]["available"], 11);
        assert_eq!(env.json(&["audit", "Evening"])["ok"], true);
    });
}

#[test]
fn ctrl_c_with_a_hold_open_releases_it() {
    let env = Env::sqlite();
    env.create_small("Gala");
    let mut t = Pty::spawn(&env, &["box-office", "Gala"]);
    t.expect("Gala · 11 of 11 seats available");
    t.send(ENTER);
    t.expect("Seats:");
    t.line("C-1 C-2");
    t.expect("Hold C-1, C-2");
    t.send("y");
    t.expect("Then?");
    // Customer walks away mid-sale and the clerk hits Ctrl-C.
    t.send(CTRL_C);
    let (code, screen) = t.wait();
    assert_eq!(code, Some(130), "{screen}");
    assert!(
        screen.contains("Released the open hold on C-1, C-2"),
        "{screen}"
    );
    let seats = seats_of(&env, "Gala");
    assert_eq!(status(&seats, "C-1"), "available");
    assert_eq!(status(&seats, "C-2"), "available");
}

#[test]
fn without_a_terminal_it_points_to_the_scriptable_commands() {
    let env = Env::sqlite();
    let err = env.fails(&["box-office"], 2);
    assert!(
        err.contains("needs a terminal") && err.contains("seatctl hold"),
        "{err}"
    );
    // `seatctl` alone, not on a terminal: the help, and a usage error.
    let err = env.fails(&[], 2);
    assert!(err.contains("a command is required"), "{err}");
}

/// Field report: `best N` in the box office held the previewed seats or failed; it now asks
/// for the best seats as `hold --best` does, so when another terminal takes the previewed ones
/// before the clerk confirms, the next best are held instead, and the clerk is told.
#[test]
fn best_n_picks_again_when_the_previewed_seats_are_taken_meanwhile() {
    let env = Env::sqlite();
    env.create_small("Gala");
    let mut t = Pty::spawn(&env, &["box-office", "Gala"]);
    t.expect("Gala · 11 of 11 seats available");
    t.send(ENTER); // Sell seats
    t.expect("Seats:");
    t.line("best 2");
    t.expect(" for 10m?");
    // The previewed seats, from the question "Hold X, Y for 10m?".
    let screen = t.screen.clone();
    let ask = &screen[screen.rfind("Hold ").unwrap() + 5..];
    let previewed: Vec<String> = ask[..ask.find(" for ").unwrap()]
        .split(", ")
        .map(str::to_string)
        .collect();
    assert_eq!(previewed.len(), 2, "{ask}");
    // Another terminal is quicker.
    let mut args = vec!["hold", "Gala"];
    args.extend(previewed.iter().map(String::as_str));
    env.ok(&args);
    t.send("y");
    t.expect("taken by another terminal meanwhile");
    t.expect("Then?");
    let seats = seats_of(&env, "Gala");
    let held: Vec<&str> = seats
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["status"] == "held")
        .map(|s| s["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        held.len(),
        4,
        "the other terminal's two and two more: {held:?}"
    );
}

/// Issue 11: the box office rides out a Redis that dies mid-sale (it used to exit on the next
/// sale). A reserve while Redis is down is said, the hold is kept and offered again; a hold
/// asked for while it is down is asked again with the same idempotency key once the clerk says
/// so; when Redis is back both go through, and the session ends normally.
#[test]
fn a_redis_restart_mid_sale_is_waited_out() {
    let env = Env::sqlite();
    let Some(mut redis) = crate::servers::PrivateRedis::start() else {
        return;
    };
    env.create_small("Gala");
    let prefix = format!("seatctl-test-{}", uuid::Uuid::new_v4().simple());
    let cfg = env.write(
        "bo.toml",
        format!("[redis]\nkey_prefix = \"{prefix}\"\ntimeout = \"1s\"\n"),
    );
    let url = redis.url();
    let mut t = Pty::spawn(
        &env,
        &[
            "--config",
            &cfg,
            "--strategy",
            "redis",
            "--redis-url",
            &url,
            "box-office",
            "Gala",
        ],
    );
    t.expect("Gala · 11 of 11 seats available");
    t.send(ENTER);
    t.expect("Seats:");
    t.line("C-1");
    t.expect("Hold C-1");
    t.send("y");
    t.expect("Then?");
    redis.kill();
    t.send(ENTER); // Reserve
    t.expect("Customer name");
    t.line("Ada");
    t.expect("Reference");
    t.line("");
    t.expect("is not answering. Try again?");
    redis.launch().unwrap();
    t.send("y");
    // The open hold is offered again, and now it goes through.
    t.expect("Then?");
    t.send(ENTER);
    t.expect("Customer name");
    t.line("Ada");
    t.expect("Reference");
    t.line("");
    t.expect("Reserved C-1 for Ada");

    // A new hold while Redis is down: asked again, same request, once it is back.
    t.expect("Gala · 10 of 11 seats available");
    redis.kill();
    t.send(ENTER);
    t.expect("Seats:");
    t.line("C-2");
    t.expect("Hold C-2");
    t.send("y");
    t.expect("a hold already made is not made twice)?");
    redis.launch().unwrap();
    t.send("y");
    t.expect("Then?");
    t.send(DOWN);
    t.send(ENTER); // Release
    t.expect("Released C-2");
    t.expect("Gala · 10 of 11 seats available");
    let (code, screen) = quit(t);
    assert_eq!(code, Some(0), "{screen}");
    assert!(screen.contains("1 reserved"), "{screen}");
    let seats = seats_of(&env, "Gala");
    assert_eq!(status(&seats, "C-1"), "reserved");
    assert_eq!(status(&seats, "C-2"), "available");
    assert_eq!(env.json(&["audit", "Gala"])["ok"], true);
}

/// Declining `event delete` at its prompt is an answer, not an error: exit 0, "Not deleted",
/// the event as it was.
#[test]
fn declining_a_delete_at_the_prompt_is_no_error() {
    let env = Env::sqlite();
    env.ok(&["event", "create", "--name", "Keep", "--seats", "3"]);
    let mut pty = Pty::spawn(&env, &["event", "delete", "Keep"]);
    pty.expect("Delete event `Keep`");
    // A `y` inside a word is no answer: Enter confirms what was typed.
    pty.line("n");
    let (code, screen) = pty.wait();
    assert_eq!(code, Some(0), "{screen}");
    assert!(screen.contains("Not deleted"), "{screen}");
    env.ok(&["event", "show", "Keep"]);
}

/// On an 80×24 terminal and a 2 000-seat hall, the pick, the rows around it and the prompt
/// share one screen (the whole hall would be 60 lines), and the hold's time left counts down
/// while the clerk decides.
#[test]
fn the_pick_and_the_prompt_fit_80_by_24_and_the_time_left_counts_down() {
    let env = Env::sqlite();
    let layout = crate::events::repo("examples/hall.toml");
    env.ok(&["event", "create", "--name", "Hall", "--layout", &layout]);
    let mut t = Pty::spawn_sized(&env, &["box-office", "Hall"], 24, 80);
    t.expect("Hall · 2000 of 2000 seats available");
    t.send(ENTER); // Sell seats
    t.expect("[ STAGE ]");
    // The overview: one line per section, no rows.
    t.expect("Gallery ·");
    t.expect("Seats:");
    t.line("M-40..M-42");
    t.expect("Hold M-40, M-41, M-42 for 10m?");
    let shown = {
        let end = t.screen.rfind("Hold M-40, M-41, M-42 for 10m?").unwrap();
        let start = t.screen[..end].rfind("[ STAGE ]").unwrap();
        t.screen[start..end].to_string()
    };
    if std::env::var_os("SHOW_SCREEN").is_some() {
        eprintln!("{shown}");
    }
    let lines = shown.lines().count();
    assert!(
        lines <= 22,
        "{lines} lines between the map and the prompt:\n{shown}"
    );
    assert!(
        shown.contains("Stalls ·") && shown.contains("840 seats"),
        "{shown}"
    );
    assert!(
        !shown.contains("Gallery"),
        "only the section in play:\n{shown}"
    );
    let row_m = shown
        .lines()
        .find(|l| l.starts_with("M "))
        .unwrap_or_else(|| panic!("row M is not shown:\n{shown}"));
    assert!(row_m.contains("***"), "{row_m}");
    assert!(
        shown.contains("rows ") && shown.contains(" of 14"),
        "{shown}"
    );
    t.send("y");
    t.expect("Held M-40, M-41, M-42 until");
    t.expect("Then?");
    // Nothing typed for a few seconds: the time left has gone down on its own.
    std::thread::sleep(Duration::from_millis(3200));
    while t.pump(Duration::from_millis(200)) {}
    let mut left: Vec<String> = t
        .screen
        .match_indices(" left)")
        .map(|(i, _)| t.screen[..i].rsplit('(').next().unwrap().to_string())
        .collect();
    left.dedup();
    assert!(
        left.len() >= 3,
        "the time left did not count down: {left:?}"
    );
    t.send(DOWN);
    t.send(ENTER); // Release
    t.expect("Then? · Release (the customer declines)");
    t.expect("Released M-40, M-41, M-42");
    t.expect("Hall · 2000 of 2000 seats available");
    let (code, screen) = quit(t);
    assert_eq!(code, Some(0), "{screen}");
    assert_eq!(env.json(&["audit", "Hall"])["ok"], true);
}

/// Tables make room on a narrow terminal: on 60 columns `event list` leaves the id out and
/// breaks no name or date mid-word, the report's hold ids are shortened, and the simulate
/// summary gives one row per latency figure; in a pipe the ids stay whole.
#[test]
fn tables_fit_a_narrow_terminal() {
    let env = Env::sqlite();
    env.ok(&[
        "event",
        "create",
        "--name",
        "Winter Gala",
        "--seats",
        "40",
        "--starts-at",
        "2027-01-02T20:00:00+01:00",
        "--venue",
        "Old Vic",
    ]);
    let hold = env.json(&["hold", "Winter Gala", "1", "2"]);
    let hold_id = hold["hold_id"].as_str().unwrap().to_string();
    let shown = |args: &[&str], cols: u16| {
        let t = Pty::spawn_sized(&env, args, 40, cols);
        let (code, screen) = t.wait();
        assert_eq!(code, Some(0), "{screen}");
        screen
    };
    let list = shown(&["event", "list"], 60);
    assert!(list.lines().all(|l| l.chars().count() <= 60), "{list}");
    assert!(list.contains("Winter Gala"), "{list}");
    assert!(
        list.contains("starts 2027-01-02 20:00 +01:00 · Old Vic"),
        "{list}"
    );
    assert!(
        list.contains("40 seats · 38 available · 2 held · 0 reserved"),
        "{list}"
    );
    let wide = shown(&["event", "list"], 200);
    assert!(
        wide.contains(
            &env.json(&["event", "show", "Winter Gala"])["id"]
                .as_str()
                .unwrap()
                .to_string()
        ),
        "{wide}"
    );
    let report = shown(&["report", "Winter Gala"], 80);
    assert!(
        report.contains(&hold_id[..8]) && !report.contains(&hold_id),
        "{report}"
    );
    let piped = env.ok(&["report", "Winter Gala"]);
    assert!(piped.contains(&hold_id), "{piped}");
    let sim = shown(
        &["simulate", "--seats", "50", "--buyers", "2", "--ops", "20"],
        70,
    );
    assert!(
        sim.contains("buy ms p99") && sim.contains("try ms max"),
        "{sim}"
    );
}

/// The box office's map is live: seats sold by another process (the CLI here; any terminal or
/// server alike) are redrawn as they change, and a key goes back to the menu.
#[test]
fn the_box_office_map_redraws_as_another_process_sells() {
    on_both("box_office_live", |env| {
        env.create_small("Evening");
        let mut t = Pty::spawn(env, &["box-office", "Evening"]);
        t.expect("Evening · 11 of 11 seats available");
        t.send(DOWN);
        t.send(DOWN);
        t.send(ENTER); // Show the map
        t.expect("live, any key to go back (0 changes told)");
        t.expect("no change yet");
        let hold = env.json(&["hold", "Evening", "A-1", "A-2"]);
        t.expect("(2 changes told)");
        t.expect("A hh.. A");
        t.expect("A-2 available → held by");
        env.ok(&["reserve", hold["hold_id"].as_str().unwrap()]);
        t.expect("(4 changes told)");
        t.expect("A XX.. A");
        t.send("q");
        // Back at the menu, which counts the sale.
        t.expect("Evening · 9 of 11 seats available");
        let (code, screen) = quit(t);
        assert_eq!(code, Some(0), "{screen}");
    });
}
