//! Configuration layering (flags > env > file > defaults) and strict config files.

use crate::common::Env;

#[test]
fn config_file_errors_name_the_key() {
    let env = Env::sqlite();
    let cfg = env.write("bad.toml", "[database]\nconect_timeout = \"5s\"\n");
    let err = env.fails(&["--config", &cfg, "event", "list"], 2);
    assert!(
        err.contains("conect_timeout") && err.contains("bad.toml"),
        "{err}"
    );

    let cfg = env.write("bad2.toml", "[reservation]\nstrategy = \"pessimistic\"\n");
    let err = env.fails(&["--config", &cfg, "event", "list"], 2);
    assert!(
        err.contains("strategy") && err.contains("pessimistic"),
        "{err}"
    );

    let err = env.fails(
        &["--config", "/nonexistent/seatctl.toml", "event", "list"],
        2,
    );
    assert!(err.contains("does not exist"), "{err}");
}

#[test]
fn database_url_precedence_is_flag_then_env_then_file() {
    let env = Env::sqlite();
    let db = |name: &str| format!("sqlite://{}", env.path(name).display());
    let cfg = env.write(
        "seatctl.toml",
        format!("[database]\nurl = \"{}\"\n", db("file.db")),
    );
    let names = |out: serde_json::Value| -> Vec<String> {
        out.as_array()
            .unwrap()
            .iter()
            .map(|e| e["name"].as_str().unwrap().into())
            .collect()
    };

    // ./seatctl.toml is found without --config; the environment variable overrides it.
    let mut cmd = env.cmd();
    cmd.env_remove("DATABASE_URL")
        .args(["event", "create", "--name", "in-file", "--seats", "1"]);
    assert!(cmd.output().unwrap().status.success());
    env.cmd()
        .env("DATABASE_URL", db("env.db"))
        .args(["event", "create", "--name", "in-env", "--seats", "1"])
        .assert()
        .success();
    env.cmd()
        .env("DATABASE_URL", db("env.db"))
        .args([
            "--database-url",
            &db("flag.db"),
            "event",
            "create",
            "--name",
            "in-flag",
            "--seats",
            "1",
        ])
        .assert()
        .success();

    let list = |url: &str| {
        let out = env
            .cmd()
            .args(["--database-url", url, "--json", "event", "list"])
            .output()
            .unwrap();
        names(serde_json::from_slice(&out.stdout).unwrap())
    };
    assert_eq!(list(&db("file.db")), ["in-file"]);
    assert_eq!(list(&db("env.db")), ["in-env"]);
    assert_eq!(list(&db("flag.db")), ["in-flag"]);

    // SEATCTL_CONFIG points elsewhere and wins over ./seatctl.toml.
    let other = env.write(
        "other.toml",
        format!("[database]\nurl = \"{}\"\n", db("other.db")),
    );
    let out = env
        .cmd()
        .env_remove("DATABASE_URL")
        .env("SEATCTL_CONFIG", &other)
        .args(["--json", "event", "list"])
        .output()
        .unwrap();
    assert_eq!(
        names(serde_json::from_slice(&out.stdout).unwrap()),
        Vec::<String>::new()
    );
    drop(cfg);
}

#[test]
fn unsupported_scheme_is_a_usage_error() {
    let env = Env::sqlite();
    let out = env
        .cmd()
        .env("DATABASE_URL", "mysql://x/y")
        .args(["event", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("mysql"));
}

#[test]
fn help_and_version_exit_0() {
    let env = Env::sqlite();
    let help = env.ok(&["--help"]);
    assert!(
        help.contains("Exit codes") && help.contains("--database-url"),
        "{help}"
    );
    let version = env.ok(&["--version"]);
    assert!(version.starts_with("seatctl "), "{version}");
    env.fails(&["no-such-command"], 2);
}

/// Secrets: a password in `database.password_file` is used and never shown; a missing one is
/// exit 2 naming the key; a config file whose URL holds a password and that others can read
/// gets a warning (without the password).
#[test]
fn passwords_stay_secret() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::sqlite();
    // Missing file: a usage error naming the key, before any connection is tried.
    let missing = env.write(
        "missing.toml",
        format!(
            "[database]\nurl = \"postgres://u@127.0.0.1:1/x\"\npassword_file = \"{}\"\n",
            env.path("nope").display()
        ),
    );
    let pg_url = "postgres://u@127.0.0.1:1/x";
    let err = env.fails(
        &[
            "--config",
            &missing,
            "--database-url",
            pg_url,
            "event",
            "list",
        ],
        2,
    );
    assert!(err.contains("database.password_file"), "{err}");

    // A readable config with a password in its URL: warned, the password never printed.
    let exposed = env.write(
        "exposed.toml",
        "[database]\nurl = \"postgres://u:pw-SECRET-42@127.0.0.1:1/x\"\n",
    );
    std::fs::set_permissions(&exposed, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = env.run(&["--config", &exposed, "-vv", "event", "list"]);
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(all.contains("readable by others"), "{all}");
    assert!(!all.contains("pw-SECRET-42"), "{all}");
    std::fs::set_permissions(&exposed, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = env.run(&["--config", &exposed, "event", "list"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("readable by others"));

    // The password file's secret is used on PostgreSQL and never appears in any output.
    let Some(pg) = Env::postgres("password_file") else {
        return;
    };
    let secret = pg.write("pw", "pw-FILE-SECRET-7\n");
    let cfg = pg.write(
        "pw.toml",
        format!("[database]\npassword_file = \"{secret}\"\n"),
    );
    for args in [
        &["-vv", "event", "list"][..],
        &["--json", "doctor"],
        &["event", "show", "nosuch"],
        &["-vv", "hold", "nosuch", "1"],
    ] {
        let mut all_args = vec!["--config", cfg.as_str()];
        all_args.extend(args);
        let out = pg.run(&all_args);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!text.contains("pw-FILE-SECRET-7"), "{args:?}: {text}");
    }
    pg.ok(&[
        "--config", &cfg, "event", "create", "--name", "P", "--seats", "1",
    ]);
}

/// Passwords that are really checked: on a private cluster `pwuser` must give its password
/// (scram-sha-256). From `database.password_file` and from `database.password_command` it gets
/// in; a wrong one is exit 6 saying so; a command that fails, prints nothing or hangs is exit 2
/// naming the key (never its output); both keys at once is exit 2; and the password is in no
/// output of any of these runs.
#[test]
fn passwords_from_a_file_or_a_command_log_in_and_never_show() {
    let Some(pg) = crate::servers::PrivatePg::start() else {
        return;
    };
    let env = Env::on_database(pg.database("pw"));
    let url = format!("postgres://pwuser@127.0.0.1:{}/pw", pg.port);
    let secret = crate::servers::PrivatePg::PASSWORD;
    let file = env.write("pw", format!("{secret}\n"));
    let wrong = env.write("wrong", "not-the-password\n");
    let configs = [
        (format!("password_file = \"{file}\""), 0, ""),
        (format!("password_command = \"cat {file}\""), 0, ""),
        (
            format!("password_command = \"printf '%s\\\\n' {secret}\""),
            0,
            "",
        ),
        (
            format!("password_file = \"{wrong}\""),
            6,
            "password authentication failed",
        ),
        (
            format!("password_command = \"echo {secret} >&2; exit 3\""),
            2,
            "database.password_command failed",
        ),
        (
            "password_command = \"true\"".to_string(),
            2,
            "printed no password",
        ),
        (
            format!("password_command = \"cat {file}; sleep 30\""),
            2,
            "did not finish within",
        ),
        (
            format!("password_file = \"{file}\"\npassword_command = \"cat {file}\""),
            2,
            "both set",
        ),
    ];
    for (i, (keys, code, said)) in configs.iter().enumerate() {
        let cfg = env.write(
            &format!("pw{i}.toml"),
            format!("[database]\nconnect_timeout = \"1s\"\n{keys}\n"),
        );
        for (kind, args) in [
            ("list", &["-vv", "event", "list"][..]),
            ("doctor", &["--json", "doctor"]),
            (
                "create",
                &["--json", "event", "create", "--name", "P", "--seats", "1"],
            ),
        ] {
            let mut all = vec!["--config", cfg.as_str(), "--database-url", url.as_str()];
            all.extend(args);
            let out = env.run(&all);
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(!text.contains(secret), "{keys}: {args:?}: {text}");
            if kind == "doctor" {
                continue; // a report of each check, not one exit code: read for leaks only
            }
            // The event exists once the first config made it.
            let expect = if *code == 0 && kind == "create" && i > 0 {
                3
            } else {
                *code
            };
            assert_eq!(out.status.code(), Some(expect), "{keys}: {args:?}: {text}");
            assert!(text.contains(said), "{keys}: {args:?}: {text}");
        }
    }
}
