//! `seatctl db roles`: three least-privilege PostgreSQL roles, each logged in as (trust auth on
//! the local server) and tried: what it may do works, what it may not is exit 7. The roles
//! carry a prefix of this test's own and are dropped afterwards.

use crate::common::{Env, pg_admin_url};

/// Drops the test's roles (and what was granted to them) however the test ends.
struct Roles {
    admin: String,
    db_url: String,
    names: Vec<String>,
}

impl Drop for Roles {
    fn drop(&mut self) {
        let list = self.names.join(", ");
        let run = |url: &str, sql: &str| {
            let _ = std::process::Command::new("psql")
                .args([url, "-qc", sql])
                .output();
        };
        run(&self.db_url, &format!("DROP OWNED BY {list}"));
        run(&self.admin, &format!("DROP ROLE IF EXISTS {list}"));
    }
}

fn login(env: &Env, user: &str) -> String {
    // postgres://postgres@host:port/db → postgres://USER@host:port/db
    let rest = env.db_url.split_once('@').unwrap().1;
    format!("postgres://{user}@{rest}")
}

#[test]
fn each_role_may_do_its_work_and_nothing_more() {
    let Some(env) = Env::postgres("roles") else {
        return;
    };
    let admin = pg_admin_url("roles").unwrap();
    let prefix = format!(
        "seatctl_t{}_",
        &uuid::Uuid::new_v4().simple().to_string()[..8]
    );
    let mut guard = Roles {
        admin,
        db_url: env.db_url.clone(),
        names: Vec::new(),
    };
    // Printed first, then applied.
    let sql = env.ok(&["db", "roles", "--prefix", &prefix]);
    assert!(
        sql.contains(&format!("CREATE ROLE {prefix}box_office NOLOGIN")),
        "{sql}"
    );
    let applied = env.json(&["db", "roles", "--prefix", &prefix, "--apply"]);
    assert_eq!(applied["applied"], true);
    guard.names = ["operator", "box_office", "readonly"]
        .iter()
        .map(|r| format!("{prefix}{r}"))
        .collect();
    let users: Vec<String> = ["op", "bo", "ro"]
        .iter()
        .map(|u| format!("{prefix}u_{u}"))
        .collect();
    for (user, role) in users.iter().zip(&guard.names.clone()) {
        env.sql(&[&format!("CREATE ROLE {user} LOGIN IN ROLE {role}")]);
        guard.names.push(user.clone());
    }
    let as_user = |user: &str, args: &[&str]| {
        let url = login(&env, user);
        let mut all = vec!["--database-url", url.as_str()];
        all.extend(args);
        env.run(&all)
    };
    let code = |user: &str, args: &[&str]| as_user(user, args).status.code();
    let (op, bo, ro) = (&users[0], &users[1], &users[2]);

    // Operator: sets up the event, blocks a seat.
    assert_eq!(
        code(op, &["event", "create", "--name", "G", "--seats", "10"]),
        Some(0)
    );
    assert_eq!(
        code(op, &["block", "G", "10", "--reason", "camera"]),
        Some(0)
    );
    assert_eq!(code(op, &["price", "set", "G", "--default", "30"]), Some(0));
    // Box office: sells.
    let out = as_user(bo, &["--json", "hold", "G", "1", "2"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let hold: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let id = hold["hold_id"].as_str().unwrap();
    assert_eq!(code(bo, &["extend", id]), Some(0));
    assert_eq!(code(bo, &["reserve", id, "--customer", "Ada"]), Some(0));
    assert_eq!(code(bo, &["hold", "G", "3"]), Some(0));
    assert_eq!(code(bo, &["sweep"]), Some(0));
    // ... and nothing more: exit 7, naming why.
    for args in [
        &["event", "create", "--name", "H", "--seats", "2"][..],
        &["block", "G", "5", "--reason", "x"],
        &["event", "delete", "G", "--force", "--yes"],
        &["price", "set", "G", "--default", "1"],
    ] {
        let out = as_user(bo, args);
        assert_eq!(out.status.code(), Some(7), "box office {args:?}: {out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("db roles"), "{out:?}");
        // The command and the login it was refused to.
        assert!(
            err.contains(&format!("`seatctl {}` as `{bo}`", args[0])),
            "{err}"
        );
    }
    // Nobody but the schema's owner touches the record of migrations.
    for user in [op, bo] {
        let url = login(&env, user);
        let out = std::process::Command::new("psql")
            .args([
                &url,
                "-Atqc",
                "UPDATE _sqlx_migrations SET checksum = checksum WHERE version = 1",
            ])
            .output()
            .unwrap();
        assert!(!out.status.success(), "{user} changed _sqlx_migrations");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("permission denied"),
            "{out:?}"
        );
    }
    // Read-only: reads, and only reads.
    for args in [
        &["seats", "G"][..],
        &["report", "G"],
        &["audit", "G"],
        &["export", "G"],
        &["price", "list", "G"],
        &["reservations", "G"],
        &["holds", "G"],
    ] {
        assert_eq!(code(ro, args), Some(0), "readonly {args:?}");
    }
    assert_eq!(code(ro, &["hold", "G", "4"]), Some(7));
    assert_eq!(code(ro, &["release", id]), Some(7));
    // A simulation by a login that may not sell stops at the first refusal: exit 7, not a
    // run of "backend errors" that passes.
    let sim = as_user(
        ro,
        &[
            "simulate",
            "--event",
            "G",
            "--duration",
            "2s",
            "--buyers",
            "2",
        ],
    );
    assert_eq!(sim.status.code(), Some(7), "{sim:?}");
    // Only the schema's owner (or a superuser) may apply the roles: a granted-nothing
    // "success" would be a lie.
    let out = as_user(bo, &["db", "roles", "--apply", "--prefix", &prefix]);
    assert_eq!(out.status.code(), Some(7), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("does not own"),
        "{out:?}"
    );
    // Column grants: the box office cannot rename a customer, even with SQL of its own.
    let psql = std::process::Command::new("psql")
        .args([
            &login(&env, bo),
            "-qc",
            "UPDATE reservations SET customer = 'mallory'",
        ])
        .output()
        .unwrap();
    assert!(!psql.status.success(), "{psql:?}");
    // The operator also releases (a sale, by its hold's id: with --reservation) and deletes.
    assert_eq!(code(op, &["release", id, "--reservation"]), Some(0));
    assert_eq!(
        code(op, &["event", "delete", "G", "--force", "--yes"]),
        Some(0)
    );
    // SQLite has no roles.
    let lite = Env::sqlite();
    let err = lite.fails(&["db", "roles"], 2);
    assert!(err.contains("PostgreSQL"), "{err}");
}
