//! The README is a test: its shell examples run top to bottom, as written, on a fresh SQLite
//! in a temp dir (PostgreSQL examples on a private test database), and the demo's output shown
//! in it is compared with a real run, ids, times, paths and figures redacted.
//!
//! The rules, so a reader can tell what "as written" means here:
//! - every ` ```sh ` block runs, in order, in its own `bash -euo pipefail` (files and the
//!   database carry over from block to block, shell variables do not), in a directory holding
//!   the repository's `examples/`, with `seatctl` on `PATH` and a private `HOME`;
//! - `cargo run --release -- ARGS` runs as `seatctl ARGS` (the binary under test); the lines
//!   `cargo test`, `cargo build` and `cargo install` are not run (this is `cargo test`);
//! - the PostgreSQL URL the README gives is replaced by a private database's, and the address
//!   `seatctl serve` listens on (`127.0.0.1:8080`) by a free port's, so runs side by side never
//!   meet;
//! - a ` ```text ` block that starts with `$ seatctl …` runs that command and must print what
//!   the block shows (see [`same_output`]); other text blocks are output or file contents, and
//!   ` ```powershell ` blocks are not run.

use std::path::Path;
use std::process::Command;

use crate::common::{self, DEFAULT_PG, Env};

/// A fenced block of the README: where it starts (1-based line of the fence), its language
/// and its text.
#[derive(Debug)]
struct Block {
    line: usize,
    lang: String,
    text: String,
}

fn blocks(md: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut open: Option<Block> = None;
    for (i, line) in md.lines().enumerate() {
        let fence = line.trim_start().strip_prefix("```");
        match (&mut open, fence) {
            (None, Some(lang)) => {
                open = Some(Block {
                    line: i + 1,
                    lang: lang.trim().to_string(),
                    text: String::new(),
                })
            }
            (Some(_), Some(_)) => out.push(open.take().unwrap()),
            (Some(b), None) => {
                b.text.push_str(line);
                b.text.push('\n');
            }
            (None, None) => {}
        }
    }
    assert!(open.is_none(), "README.md: a code block is never closed");
    out
}

/// The shell text to run for a ` ```sh ` block (see the module's rules).
fn as_run(text: &str, pg_url: &str, port: u16) -> String {
    text.lines()
        .filter(|l| {
            let l = l.trim_start();
            !["cargo test", "cargo build", "cargo install"]
                .iter()
                .any(|c| l.starts_with(c))
        })
        .map(|l| l.replace("cargo run --release -- ", "seatctl "))
        .map(|l| l.replace(DEFAULT_PG, pg_url))
        .map(|l| l.replace("127.0.0.1:8080", &format!("127.0.0.1:{port}")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Where the README's examples run: a temp dir with `examples/`, a private `HOME` and
/// `seatctl` on `PATH`.
struct Stage {
    env: Env,
    path: String,
    pg_url: String,
}

impl Stage {
    fn new(pg: &Env) -> Stage {
        let env = Env::sqlite();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::os::unix::fs::symlink(root.join("examples"), env.path("examples")).unwrap();
        let bin = env.path("bin");
        std::fs::create_dir(&bin).unwrap();
        std::os::unix::fs::symlink(
            assert_cmd::cargo::cargo_bin!("seatctl"),
            bin.join("seatctl"),
        )
        .unwrap();
        let path = format!(
            "{}:{}",
            bin.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        Stage {
            env,
            path,
            pg_url: pg.db_url.clone(),
        }
    }

    fn command(&self, program: &str) -> Command {
        let home = self.env.dir.path();
        let mut cmd = Command::new(program);
        cmd.current_dir(home)
            .env("HOME", home)
            .env("PATH", &self.path)
            .env("NO_COLOR", "1")
            // The times the README shows are UTC's.
            .env("TZ", "UTC")
            .env("COLUMNS", "120");
        for var in [
            "DATABASE_URL",
            "SEATCTL_CONFIG",
            "SEATCTL_STRATEGY",
            "SEATCTL_OPERATOR",
            "XDG_CONFIG_HOME",
            "XDG_DATA_HOME",
            "RUST_LOG",
            "RUST_BACKTRACE",
        ] {
            cmd.env_remove(var);
        }
        if let Ok(url) = std::env::var("TEST_REDIS_URL") {
            cmd.env("REDIS_URL", url);
        }
        cmd
    }

    /// Runs one block; `Err` names the README line and says what went wrong.
    fn run(&self, block: &Block) -> Result<(), String> {
        let where_ = format!("README.md:{} (```{} block)", block.line, block.lang);
        if block.lang == "sh" {
            let script = as_run(&block.text, &self.pg_url, crate::servers::free_port());
            let out = self
                .command("bash")
                .args(["-euo", "pipefail", "-c", &script])
                .output()
                .map_err(|e| format!("{where_}: bash: {e}"))?;
            if !out.status.success() {
                return Err(format!(
                    "{where_} failed ({:?}):\n{script}\n--- stdout\n{}--- stderr\n{}",
                    out.status.code(),
                    String::from_utf8_lossy(&out.stdout),
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
        } else if let Some(command) = block
            .text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("$ "))
            .filter(|c| c.starts_with("seatctl "))
        {
            let out = self
                .command("bash")
                .args(["-euo", "pipefail", "-c", command])
                .output()
                .map_err(|e| format!("{where_}: bash: {e}"))?;
            let printed = String::from_utf8_lossy(&out.stdout);
            let shown: String = block
                .text
                .lines()
                .skip(1)
                .map(|l| format!("{l}\n"))
                .collect();
            let home = self.env.dir.path().display().to_string();
            if !out.status.success() {
                return Err(format!(
                    "{where_}: `{command}` failed ({:?}):\n{}",
                    out.status.code(),
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
            same_output(&shown, &printed.replace(&home, "/home/you")).map_err(|e| {
                format!("{where_}: `{command}` printed other than the README shows: {e}")
            })?;
        }
        Ok(())
    }
}

/// Runs every example of `readme` in order; the first failure is the error.
fn run_readme(readme: &str, pg: &Env) -> Result<usize, String> {
    let stage = Stage::new(pg);
    let mut ran = 0;
    for block in blocks(readme) {
        stage.run(&block)?;
        ran += usize::from(block.lang == "sh");
    }
    Ok(ran)
}

/// A line as compared: UUIDs, digits and runs of spaces and table padding do not count (ids,
/// times and figures differ from run to run; column widths follow them).
fn redact(line: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_hexdigit() && is_uuid(&chars[i..]) {
            out.push_str("<id>");
            i += 36;
        } else if c.is_ascii_digit() {
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            if !out.ends_with('N') {
                out.push('N');
            }
        } else if c == ' ' || c == '─' || c == '═' {
            while i < chars.len() && chars[i] == c {
                i += 1;
            }
            out.push(c);
        } else {
            out.push(c);
            i += 1;
        }
    }
    out.trim_end().to_string()
}

fn is_uuid(s: &[char]) -> bool {
    s.len() >= 36
        && s[..36].iter().enumerate().all(|(i, c)| {
            if [8, 13, 18, 23].contains(&i) {
                *c == '-'
            } else {
                c.is_ascii_hexdigit()
            }
        })
}

/// Whether `printed` is what the README `shown`: line by line after [`redact`]; a line `…` in
/// the README stands for any number of lines left out.
fn same_output(shown: &str, printed: &str) -> Result<(), String> {
    let printed: Vec<String> = printed.lines().map(redact).collect();
    let mut at = 0;
    let mut skipping = false;
    for want in shown.lines() {
        if want.trim() == "…" {
            skipping = true;
            continue;
        }
        let want = redact(want);
        let found = if skipping {
            printed[at..]
                .iter()
                .position(|l| *l == want)
                .map(|p| at + p)
        } else {
            (printed.get(at) == Some(&want)).then_some(at)
        };
        match found {
            Some(i) => at = i + 1,
            None => {
                return Err(format!(
                    "expected the line\n  {want}\nbut {} (redacted; printed:\n{})",
                    match printed.get(at) {
                        Some(l) if !skipping => format!("line {} is\n  {l}", at + 1),
                        _ => "no later line is".to_string(),
                    },
                    printed.join("\n")
                ));
            }
        }
        skipping = false;
    }
    if at < printed.len() && !skipping {
        return Err(format!(
            "it printed more than the README shows, from\n  {}",
            printed[at]
        ));
    }
    Ok(())
}

/// Every example of the README runs as written, in order, and the demo prints what it shows.
#[test]
fn the_readme_runs_as_written() {
    let Some(pg) = Env::postgres("readme") else {
        return;
    };
    if common::redis_url("readme").is_none() {
        return;
    }
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let ran = run_readme(&readme, &pg).unwrap_or_else(|e| panic!("{e}"));
    assert!(ran >= 8, "only {ran} sh blocks ran: is the README parsed?");
}

/// The README test can fail: a README whose example is broken (a TTL seatctl cannot read), or
/// whose shown output differs from what the demo prints, is refused naming the line.
#[test]
fn a_broken_readme_example_fails_the_test() {
    let Some(pg) = Env::postgres("readme_broken") else {
        return;
    };
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    // Only up to the Holds section, so the planted fault is what fails.
    let upto = readme.find("### General-admission areas").unwrap();
    let head = &readme[..upto];
    assert!(head.contains("--ttl 10m"));
    let broken = head.replace("--ttl 10m", "--ttl ten-minutes");
    let e = run_readme(&broken, &pg).unwrap_err();
    assert!(e.contains("README.md:") && e.contains("ten-minutes"), "{e}");

    let shown = "seatctl demo";
    assert!(head.contains(&format!("$ {shown}")));
    let wrong = head.replace("held the best 2 in Stalls", "held the worst 2 in Stalls");
    let e = run_readme(&wrong, &pg).unwrap_err();
    assert!(e.contains("held the worst N in Stalls"), "{e}");

    // The comparison itself: redacted figures match, other words do not; `…` skips lines.
    assert!(same_output("a 12 b\n…\nz\n", "a 345 b\nx\ny\nz\n").is_ok());
    assert!(same_output("a 12 b\nz\n", "a 345 b\nx\nz\n").is_err());
    assert!(same_output("a b\n", "a c\n").is_err());
    assert!(same_output("a\n", "a\nmore\n").is_err());
}
