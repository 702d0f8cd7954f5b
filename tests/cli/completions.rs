//! The committed completion scripts must match what the binary generates.
//! Regenerate with: `for s in bash zsh fish powershell; do ...` (see README) or
//! `UPDATE_COMPLETIONS=1 cargo test completions`.

use crate::common::Env;

#[test]
fn committed_completions_are_fresh() {
    let env = Env::sqlite();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let update = std::env::var_os("UPDATE_COMPLETIONS").is_some();
    for (shell, file) in [
        ("bash", "seatctl.bash"),
        ("zsh", "_seatctl"),
        ("fish", "seatctl.fish"),
        ("powershell", "_seatctl.ps1"),
    ] {
        let generated = env.ok(&["completions", shell]);
        assert!(generated.contains("seatctl"), "{shell}: {generated}");
        let path = dir.join(file);
        if update {
            std::fs::write(&path, &generated).unwrap();
            continue;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "completions/{file} is stale: run `UPDATE_COMPLETIONS=1 cargo test completions` and commit it"
        );
    }
}

#[test]
fn man_pages_render_from_the_command_definitions() {
    let env = crate::common::Env::sqlite();
    let page = env.ok(&["man"]);
    assert!(
        page.starts_with(".ie \\n(.g") || page.contains(".TH seatctl"),
        "{}",
        &page[..200.min(page.len())]
    );
    assert!(
        page.contains("simulate") && page.contains("Exit codes"),
        "main page lists commands"
    );
    let sim = env.ok(&["man", "simulate"]);
    assert!(
        sim.contains(".TH seatctl-simulate") && sim.contains("kill\\-connection\\-prob"),
        "{sim}"
    );
    let err = env.fails(&["man", "simulat"], 2);
    assert!(err.contains("did you mean `simulate`"), "{err}");
    // Every command has its page, at any depth.
    let create = env.ok(&["man", "event", "create"]);
    assert!(
        create.contains(".TH seatctl-event-create") && create.contains("\\-\\-layout"),
        "{create}"
    );
    // NAME and SYNOPSIS say the whole command, the page has the version and the global
    // options the command accepts.
    assert!(
        create.contains(".SH NAME\nseatctl\\-event\\-create \\- Create"),
        "{create}"
    );
    assert!(create.contains("\\fBseatctl event create\\fR"), "{create}");
    assert!(create.contains(env!("CARGO_PKG_VERSION")), "{create}");
    assert!(
        create.contains("\\-\\-database\\-url") && create.contains("\\-\\-operator"),
        "{create}"
    );
    let err = env.fails(&["man", "event", "crate"], 2);
    assert!(err.contains("did you mean `create`"), "{err}");
    env.fails(&["man", "event", "create", "more"], 2);
}

/// Every command's help keeps the global options under their own heading, after the
/// command's own, and ends with every exit code (130 included); the environment variables are
/// named alike, their values never shown.
#[test]
fn every_help_has_global_options_apart_and_the_exit_codes() {
    let env = crate::common::Env::sqlite();
    for args in [
        &["--help"][..],
        &["hold", "--help"],
        &["event", "create", "--help"],
        &["layout", "import", "--help"],
        &["simulate", "merge", "--help"],
    ] {
        let help = env.ok(args);
        let (own, global) = help
            .split_once("Global options:")
            .unwrap_or_else(|| panic!("{args:?}: no Global options heading:\n{help}"));
        assert!(!own.contains("--database-url"), "{args:?}:\n{help}");
        assert!(
            global.contains("--database-url") && global.contains("--json"),
            "{help}"
        );
        assert!(
            global.contains("[env: SEATCTL_CONFIG]"),
            "{args:?}:\n{help}"
        );
        assert!(global.contains("130 interrupted"), "{args:?}:\n{help}");
    }
}

/// Options given through the environment are not shown as required in usage lines, every
/// environment variable is shown alike (never its value), and the shells complete status
/// values.
#[test]
fn env_options_are_not_required_and_status_values_complete() {
    let env = Env::sqlite();
    let cfg = env.write("c.toml", "");
    let out = env
        .cmd()
        .env("DATABASE_URL", "sqlite:///tmp/secret.db")
        .env("REDIS_URL", "redis://secret:6379")
        .env("SEATCTL_OPERATOR", "someone")
        .env("SEATCTL_CONFIG", &cfg)
        .args(["hold", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    let usage = help.lines().find(|l| l.starts_with("Usage:")).unwrap();
    assert!(
        !usage.contains("--database-url") && !usage.contains("--config"),
        "{usage}"
    );
    assert!(
        !help.contains("secret") && !help.contains("someone"),
        "{help}"
    );
    for var in [
        "DATABASE_URL",
        "REDIS_URL",
        "SEATCTL_OPERATOR",
        "SEATCTL_CONFIG",
    ] {
        assert!(help.contains(&format!("[env: {var}]")), "{var}: {help}");
    }
    let out = env
        .cmd()
        .env("DATABASE_URL", "sqlite:///tmp/secret.db")
        .args(["hold"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(!err.contains("--database-url"), "{err}");
    // Status values, from the committed scripts (kept current by the test above).
    let bash = std::fs::read_to_string(crate::events::repo("completions/seatctl.bash")).unwrap();
    assert!(
        bash.contains("available held reserved blocked"),
        "seats --status"
    );
    assert!(
        bash.contains("active expired reserved refunded released all"),
        "holds --status"
    );
    assert!(
        bash.contains("active released all"),
        "reservations --status"
    );
}
