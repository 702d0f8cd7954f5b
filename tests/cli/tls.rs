//! TLS to PostgreSQL (rustls): `sslmode=require` encrypts (and `doctor` says so), `verify-ca`
//! trusts the CA given in `sslrootcert`, a wrong CA is refused with exit 6 and why; `rediss://`
//! is understood. Uses the local server's own certificate (`SHOW ssl_cert_file`).

use crate::common::{Env, pg_admin_url};

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
