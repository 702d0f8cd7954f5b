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
