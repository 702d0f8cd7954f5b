//! TLS (rustls) to PostgreSQL and Redis: `sslmode=require` encrypts (and `doctor` says so),
//! `verify-ca`/`verify-full` trust the CA given in `sslrootcert` (Redis: `redis.ca_file`), a
//! wrong CA or host name is refused with exit 6 and why, client certificates are sent. The
//! shared server's own certificate for `require`/`verify-ca`; private servers with a CA the
//! test makes for `verify-full` and client certificates.

use crate::common::{Env, pg_admin_url};
use crate::servers::{Certs, PrivatePg, PrivateRedis};

fn with_params(url: &str, params: &str) -> String {
    format!("{url}?{params}")
}

#[test]
fn postgres_over_tls_is_encrypted_verified_or_refused() {
    let Some(env) = Env::postgres("tls") else {
        return;
    };
    let admin = pg_admin_url("tls").unwrap();
    let show = |what: &str| {
        let out = std::process::Command::new("psql")
            .args([&admin, "-Atqc", &format!("SHOW {what}")])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    if show("ssl") != "on" {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI's PostgreSQL has ssl = on"
        );
        eprintln!("SKIP tls: the server has ssl off");
        return;
    }
    let require = with_params(&env.db_url, "sslmode=require");
    let doctor = env.json(&["--database-url", &require, "doctor"]);
    assert_eq!(doctor["database"]["encrypted"], true, "{doctor}");
    assert!(
        doctor["database"]["detail"]
            .as_str()
            .unwrap()
            .contains("TLS"),
        "{doctor}"
    );
    env.ok(&[
        "--database-url",
        &require,
        "event",
        "create",
        "--name",
        "T",
        "--seats",
        "2",
    ]);
    let plain = with_params(&env.db_url, "sslmode=disable");
    let doctor = env.json(&["--database-url", &plain, "doctor"]);
    assert_eq!(doctor["database"]["encrypted"], false, "{doctor}");

    // The server's own (self-signed) certificate as the CA: verified.
    let cert = show("ssl_cert_file");
    if std::fs::metadata(&cert).is_ok() {
        let ca = with_params(
            &env.db_url,
            &format!("sslmode=verify-ca&sslrootcert={cert}"),
        );
        env.ok(&["--database-url", &ca, "event", "list"]);
    }
    // A CA that did not sign it: refused, saying why.
    let other = env.write("other-ca.pem", OTHER_CA);
    let wrong = with_params(
        &env.db_url,
        &format!("sslmode=verify-ca&sslrootcert={other}"),
    );
    let err = env.fails(&["--database-url", &wrong, "event", "list"], 6);
    assert!(err.contains("certificate"), "{err}");
    assert!(err.contains("sslrootcert"), "{err}");
}

#[test]
fn rediss_urls_are_understood() {
    let env = Env::sqlite();
    env.ok(&["event", "create", "--name", "R", "--seats", "2"]);
    // A TLS URL to a port that speaks no TLS: exit 6 (unreachable), not 2 (bad URL).
    let err = env.fails(
        &[
            "--strategy",
            "redis",
            "--redis-url",
            "rediss://127.0.0.1:1",
            "hold",
            "R",
            "1",
        ],
        6,
    );
    assert!(err.contains("rediss://127.0.0.1:1"), "{err}");
}

/// A private cluster serving a certificate this test's own CA signed for `localhost` only:
/// `verify-full` passes to `localhost` and is refused to `127.0.0.1` (the name), `verify-ca`
/// passes to either, a CA that did not sign it is refused (also under `require`, which checks
/// against a given `sslrootcert` as libpq does), and a login that needs a client certificate
/// gets in with `sslcert`/`sslkey` and is turned away without.
#[test]
fn postgres_verify_full_and_client_certificates_on_a_private_cluster() {
    let dir = tempfile::TempDir::new().unwrap();
    let Some(certs) = Certs::make(&dir.path().join("certs")) else {
        return;
    };
    let Some(pg) = PrivatePg::start_tls(&certs) else {
        return;
    };
    let env = Env::on_database(pg.database("tls"));
    let (ca, port) = (certs.ca.display().to_string(), pg.port);
    let url = |user: &str, host: &str, params: &str| {
        format!("postgres://{user}@{host}:{port}/tls?{params}")
    };
    let full = url(
        "postgres",
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={ca}"),
    );
    let doctor = env.json(&["--database-url", &full, "doctor"]);
    assert_eq!(doctor["database"]["encrypted"], true, "{doctor}");
    env.ok(&[
        "--database-url",
        &full,
        "event",
        "create",
        "--name",
        "T",
        "--seats",
        "2",
    ]);

    let by_ip = url(
        "postgres",
        "127.0.0.1",
        &format!("sslmode=verify-full&sslrootcert={ca}"),
    );
    let err = env.fails(&["--database-url", &by_ip, "event", "list"], 6);
    assert!(
        err.contains("NotValidForName") || err.contains("name"),
        "{err}"
    );
    assert!(err.contains("host name"), "{err}");
    let ca_only = url(
        "postgres",
        "127.0.0.1",
        &format!("sslmode=verify-ca&sslrootcert={ca}"),
    );
    env.ok(&["--database-url", &ca_only, "event", "list"]);

    let other = env.write("other-ca.pem", OTHER_CA);
    for mode in ["verify-full", "verify-ca", "require"] {
        let wrong = url(
            "postgres",
            "localhost",
            &format!("sslmode={mode}&sslrootcert={other}"),
        );
        let err = env.fails(&["--database-url", &wrong, "event", "list"], 6);
        assert!(err.contains("UnknownIssuer"), "{mode}: {err}");
        assert!(err.contains("sslrootcert"), "{mode}: {err}");
    }

    // `certuser` may log in only with a certificate the CA signed.
    let (cert, key) = (certs.client_cert.display(), certs.client_key.display());
    let with_cert = url(
        "certuser",
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={ca}&sslcert={cert}&sslkey={key}"),
    );
    env.ok(&["--database-url", &with_cert, "event", "list"]);
    let without = url(
        "certuser",
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={ca}"),
    );
    let err = env.fails(&["--database-url", &without, "event", "list"], 6);
    assert!(
        err.contains("certificate") || err.contains("certuser"),
        "{err}"
    );
    // A key file that is not one: named, exit 2, nothing tried.
    let not_key = url(
        "certuser",
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={ca}&sslcert={cert}&sslkey={cert}"),
    );
    let err = env.fails(&["--database-url", &not_key, "event", "list"], 2);
    assert!(
        err.contains("sslkey") && err.contains("PRIVATE KEY"),
        "{err}"
    );
    let half = url(
        "certuser",
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={ca}&sslcert={cert}"),
    );
    let err = env.fails(&["--database-url", &half, "event", "list"], 2);
    assert!(err.contains("both sslcert and sslkey"), "{err}");
}

/// A TLS-only private Redis with this test's CA: `redis.ca_file` makes `rediss://localhost`
/// work (and `doctor` says encrypted); without it (the system's roots), with another CA, or to
/// `127.0.0.1` (not the certificate's name) it is refused with exit 6 and why; a server that
/// wants client certificates gets one from `redis.client_cert_file` / `client_key_file`.
#[test]
fn redis_over_tls_with_a_ca_file_and_client_certificates() {
    let dir = tempfile::TempDir::new().unwrap();
    let Some(certs) = Certs::make(&dir.path().join("certs")) else {
        return;
    };
    let Some(redis) = PrivateRedis::start_tls(&certs, false) else {
        return;
    };
    let env = Env::sqlite();
    env.ok(&["event", "create", "--name", "R", "--seats", "4"]);
    let prefix = format!("seatctl-test-{}", uuid::Uuid::new_v4().simple());
    let written = std::cell::Cell::new(0);
    let config = |extra: &str| {
        written.set(written.get() + 1);
        env.write(
            &format!("redis{}.toml", written.get()),
            format!("[redis]\nkey_prefix = \"{prefix}\"\n{extra}"),
        )
    };
    let ca = format!("ca_file = \"{}\"\n", certs.ca.display());
    let hold = |url: &str, cfg: &str| -> Vec<String> {
        [
            "--config",
            cfg,
            "--strategy",
            "redis",
            "--redis-url",
            url,
            "hold",
            "R",
            "1",
        ]
        .map(String::from)
        .to_vec()
    };
    let run = |args: Vec<String>, code: i32| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        if code == 0 {
            env.ok(&args)
        } else {
            env.fails(&args, code)
        }
    };
    let cfg = config(&ca);
    let doctor = env.json(&["--config", &cfg, "--redis-url", &redis.url(), "doctor"]);
    assert_eq!(doctor["redis"]["ok"], true, "{doctor}");
    assert_eq!(doctor["redis"]["encrypted"], true, "{doctor}");
    run(hold(&redis.url(), &cfg), 0);

    let system_roots = config("");
    let err = run(hold(&redis.url(), &system_roots), 6);
    assert!(
        err.contains("UnknownIssuer") && err.contains("redis.ca_file"),
        "{err}"
    );
    let other = env.write("other-ca.pem", OTHER_CA);
    let wrong = config(&format!("ca_file = \"{other}\"\n"));
    let err = run(hold(&redis.url(), &wrong), 6);
    assert!(err.contains("UnknownIssuer"), "{err}");
    let by_ip = format!("rediss://127.0.0.1:{}", redis.port);
    let err = run(hold(&by_ip, &cfg), 6);
    assert!(err.contains("invalid peer certificate"), "{err}");
    // `#insecure` (as sslmode=require): encrypted, the certificate not checked, and said so.
    let insecure = format!("{by_ip}/#insecure");
    let mut third = hold(&insecure, &system_roots);
    *third.last_mut().unwrap() = "3".into();
    run(third, 0);
    let doctor = env.json(&[
        "--config",
        &system_roots,
        "--redis-url",
        &insecure,
        "doctor",
    ]);
    assert_eq!(doctor["redis"]["encrypted"], true, "{doctor}");
    assert!(
        doctor["redis"]["detail"]
            .as_str()
            .unwrap()
            .contains("NOT verified"),
        "{doctor}"
    );
    // TLS files for a plain URL, a CA file that is not one, half a client certificate: exit 2.
    let err = run(hold(&format!("redis://127.0.0.1:{}", redis.port), &cfg), 2);
    assert!(err.contains("rediss://"), "{err}");
    let garbage = env.write("garbage.pem", "not a certificate\n");
    let err = run(
        hold(&redis.url(), &config(&format!("ca_file = \"{garbage}\"\n"))),
        2,
    );
    assert!(
        err.contains("redis.ca_file") && err.contains(&garbage),
        "{err}"
    );
    let half = format!(
        "{ca}client_cert_file = \"{}\"\n",
        certs.client_cert.display()
    );
    let err = run(hold(&redis.url(), &config(&half)), 2);
    assert!(err.contains("client_key_file"), "{err}");

    // A server that wants a client certificate.
    let Some(strict) = PrivateRedis::start_tls(&certs, true) else {
        return;
    };
    let err = run(hold(&strict.url(), &cfg), 6);
    assert!(err.contains(&strict.url()), "{err}");
    let mtls = config(&format!(
        "{ca}client_cert_file = \"{}\"\nclient_key_file = \"{}\"\n",
        certs.client_cert.display(),
        certs.client_key.display()
    ));
    let mut second = hold(&strict.url(), &mtls);
    *second.last_mut().unwrap() = "2".into();
    run(second, 0);
}

/// ISRG Root X1 (Let's Encrypt's root), standing for "some CA that did not sign the server's
/// certificate".
const OTHER_CA: &str = "-----BEGIN CERTIFICATE-----
MIIFazCCA1OgAwIBAgIRAIIQz7DSQONZRGPgu2OCiwAwDQYJKoZIhvcNAQELBQAw
TzELMAkGA1UEBhMCVVMxKTAnBgNVBAoTIEludGVybmV0IFNlY3VyaXR5IFJlc2Vh
cmNoIEdyb3VwMRUwEwYDVQQDEwxJU1JHIFJvb3QgWDEwHhcNMTUwNjA0MTEwNDM4
WhcNMzUwNjA0MTEwNDM4WjBPMQswCQYDVQQGEwJVUzEpMCcGA1UEChMgSW50ZXJu
ZXQgU2VjdXJpdHkgUmVzZWFyY2ggR3JvdXAxFTATBgNVBAMTDElTUkcgUm9vdCBY
MTCCAiIwDQYJKoZIhvcNAQEBBQADggIPADCCAgoCggIBAK3oJHP0FDfzm54rVygc
h77ct984kIxuPOZXoHj3dcKi/vVqbvYATyjb3miGbESTtrFj/RQSa78f0uoxmyF+
0TM8ukj13Xnfs7j/EvEhmkvBioZxaUpmZmyPfjxwv60pIgbz5MDmgK7iS4+3mX6U
A5/TR5d8mUgjU+g4rk8Kb4Mu0UlXjIB0ttov0DiNewNwIRt18jA8+o+u3dpjq+sW
T8KOEUt+zwvo/7V3LvSye0rgTBIlDHCNAymg4VMk7BPZ7hm/ELNKjD+Jo2FR3qyH
B5T0Y3HsLuJvW5iB4YlcNHlsdu87kGJ55tukmi8mxdAQ4Q7e2RCOFvu396j3x+UC
B5iPNgiV5+I3lg02dZ77DnKxHZu8A/lJBdiB3QW0KtZB6awBdpUKD9jf1b0SHzUv
KBds0pjBqAlkd25HN7rOrFleaJ1/ctaJxQZBKT5ZPt0m9STJEadao0xAH0ahmbWn
OlFuhjuefXKnEgV4We0+UXgVCwOPjdAvBbI+e0ocS3MFEvzG6uBQE3xDk3SzynTn
jh8BCNAw1FtxNrQHusEwMFxIt4I7mKZ9YIqioymCzLq9gwQbooMDQaHWBfEbwrbw
qHyGO0aoSCqI3Haadr8faqU9GY/rOPNk3sgrDQoo//fb4hVC1CLQJ13hef4Y53CI
rU7m2Ys6xt0nUW7/vGT1M0NPAgMBAAGjQjBAMA4GA1UdDwEB/wQEAwIBBjAPBgNV
HRMBAf8EBTADAQH/MB0GA1UdDgQWBBR5tFnme7bl5AFzgAiIyBpY9umbbjANBgkq
hkiG9w0BAQsFAAOCAgEAVR9YqbyyqFDQDLHYGmkgJykIrGF1XIpu+ILlaS/V9lZL
ubhzEFnTIZd+50xx+7LSYK05qAvqFyFWhfFQDlnrzuBZ6brJFe+GnY+EgPbk6ZGQ
3BebYhtF8GaV0nxvwuo77x/Py9auJ/GpsMiu/X1+mvoiBOv/2X/qkSsisRcOj/KK
NFtY2PwByVS5uCbMiogziUwthDyC3+6WVwW6LLv3xLfHTjuCvjHIInNzktHCgKQ5
ORAzI4JMPJ+GslWYHb4phowim57iaztXOoJwTdwJx4nLCgdNbOhdjsnvzqvHu7Ur
TkXWStAmzOVyyghqpZXjFaH3pO3JLF+l+/+sKAIuvtd7u+Nxe5AW0wdeRlN8NwdC
jNPElpzVmbUq4JUagEiuTDkHzsxHpFKVK7q4+63SM1N95R1NbdWhscdCb+ZAJzVc
oyi3B43njTOQ5yOf+1CceWxG1bQVs5ZufpsMljq4Ui0/1lvh+wjChP4kqKOJ2qxq
4RgqsahDYVvTH9w7jXbyLeiNdd8XM2w9U/t7y0Ff/9yi0GE44Za4rF2LN9d11TPA
mRGunUHBcnWEvgJBQl9nJEiU0Zsnvgc/ubhPgXRR4Xq37Z0j4r7g1SgEEzwxA57d
emyPxgcYxn/eR44/KJ4EBs+lVDR3veyJm+kXQ99b21/+jh5Xos1AnX5iItreGCc=
-----END CERTIFICATE-----
";
