//! Servers the fault and TLS tests start for themselves, never the shared ones: a private
//! `redis-server` (plain or TLS-only) and a private PostgreSQL cluster (`initdb` + `pg_ctl` in a
//! temp dir, on a free loopback port), each stopped and removed on drop; and a throw-away
//! certificate authority made with the machine's `openssl`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A free loopback port (free when asked; the server binds it a moment later).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `None` with a skip line outside CI; a failure under `CI` (which installs everything).
fn unavailable<T>(what: &str, e: impl std::fmt::Display) -> Option<T> {
    assert!(
        std::env::var_os("CI").is_none(),
        "CI is set but {what} cannot start: {e}"
    );
    eprintln!("SKIP: {what} cannot start: {e}");
    None
}

fn wait_for_port(port: u16, what: &str) -> std::io::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(15);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > deadline {
            return Err(std::io::Error::other(format!("{what} did not start")));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Ok(())
}

/// A private Redis on a free loopback port (TLS-only when given certificates), stopped on drop.
pub struct PrivateRedis {
    pub port: u16,
    tls: Option<(PathBuf, PathBuf, PathBuf)>,
    /// TLS: whether clients must present a certificate signed by the CA.
    client_certs: bool,
    child: Option<Child>,
}

impl PrivateRedis {
    /// `None` (with a skip line) when `redis-server` is not installed and `CI` is not set.
    pub fn start() -> Option<PrivateRedis> {
        Self::start_with(None, false)
    }

    /// TLS only (`--port 0 --tls-port P`), serving `certs`' server certificate; with
    /// `client_certs`, clients must present one signed by `certs`' CA.
    pub fn start_tls(certs: &Certs, client_certs: bool) -> Option<PrivateRedis> {
        Self::start_with(
            Some((
                certs.server_cert.clone(),
                certs.server_key.clone(),
                certs.ca.clone(),
            )),
            client_certs,
        )
    }

    fn start_with(
        tls: Option<(PathBuf, PathBuf, PathBuf)>,
        client_certs: bool,
    ) -> Option<PrivateRedis> {
        let mut r = PrivateRedis {
            port: free_port(),
            tls,
            client_certs,
            child: None,
        };
        match r.launch() {
            Ok(()) => Some(r),
            Err(e) => unavailable("redis-server", e),
        }
    }

    /// Starts (again) on the same port, empty.
    pub fn launch(&mut self) -> std::io::Result<()> {
        let mut cmd = Command::new("redis-server");
        cmd.args(["--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]);
        match &self.tls {
            None => {
                cmd.args(["--port", &self.port.to_string()]);
            }
            Some((cert, key, ca)) => {
                cmd.args(["--port", "0", "--tls-port", &self.port.to_string()])
                    .arg("--tls-cert-file")
                    .arg(cert)
                    .arg("--tls-key-file")
                    .arg(key)
                    .arg("--tls-ca-cert-file")
                    .arg(ca)
                    .arg("--tls-auth-clients")
                    .arg(if self.client_certs { "yes" } else { "no" });
            }
        }
        let child = cmd.stdout(Stdio::null()).stderr(Stdio::null()).spawn()?;
        self.child = Some(child);
        wait_for_port(self.port, "redis-server")
    }

    /// SIGKILL: no goodbye, every lock gone.
    pub fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    pub fn url(&self) -> String {
        match self.tls {
            None => format!("redis://127.0.0.1:{}", self.port),
            Some(_) => format!("rediss://localhost:{}", self.port),
        }
    }
}

impl Drop for PrivateRedis {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A private Redis Cluster of three masters (no replicas) on free loopback ports, with
/// `cluster-require-full-coverage no` so that the masters left keep serving their slots when
/// one dies; every node stopped on drop.
pub struct RedisCluster {
    pub ports: Vec<u16>,
    children: Vec<Option<Child>>,
    _dir: tempfile::TempDir,
}

impl RedisCluster {
    /// `None` (with a skip line) outside CI when `redis-server` or `redis-cli` cannot run.
    pub fn start() -> Option<RedisCluster> {
        match Self::try_start() {
            Ok(c) => Some(c),
            Err(e) => unavailable("a Redis Cluster", e),
        }
    }

    fn try_start() -> std::io::Result<RedisCluster> {
        let dir = tempfile::TempDir::new()?;
        let mut cluster = RedisCluster {
            ports: Vec::new(),
            children: Vec::new(),
            _dir: dir,
        };
        for i in 0..3 {
            let port = free_port();
            let node_dir = cluster._dir.path().join(format!("node{i}"));
            std::fs::create_dir_all(&node_dir)?;
            let child = Command::new("redis-server")
                .args(["--bind", "127.0.0.1", "--port", &port.to_string()])
                .args(["--save", "", "--appendonly", "no"])
                .args(["--cluster-enabled", "yes", "--cluster-node-timeout", "1000"])
                .args(["--cluster-require-full-coverage", "no"])
                .arg("--dir")
                .arg(&node_dir)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()?;
            cluster.ports.push(port);
            cluster.children.push(Some(child));
            wait_for_port(port, "redis-server (cluster node)")?;
        }
        let nodes: Vec<String> = cluster
            .ports
            .iter()
            .map(|p| format!("127.0.0.1:{p}"))
            .collect();
        let out = Command::new("redis-cli")
            .args(["--cluster", "create"])
            .args(&nodes)
            .args(["--cluster-replicas", "0", "--cluster-yes"])
            .output()?;
        if !out.status.success() {
            return Err(std::io::Error::other(format!(
                "redis-cli --cluster create: {}",
                String::from_utf8_lossy(&out.stdout)
            )));
        }
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let ok = cluster.ports.iter().all(|p| {
                cluster
                    .cli(*p, &["cluster", "info"])
                    .contains("cluster_state:ok")
            });
            if ok {
                return Ok(cluster);
            }
            if Instant::now() > deadline {
                return Err(std::io::Error::other("the cluster did not become ok"));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// `redis-cli -p PORT ARGS`' output.
    pub fn cli(&self, port: u16, args: &[&str]) -> String {
        Command::new("redis-cli")
            .args(["-p", &port.to_string()])
            .args(args)
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).to_string())
            .unwrap_or_default()
    }

    /// The `redis+cluster://` URL naming every node.
    pub fn url(&self) -> String {
        let nodes: Vec<String> = self
            .ports
            .iter()
            .map(|p| format!("127.0.0.1:{p}"))
            .collect();
        format!("redis+cluster://{}", nodes.join(","))
    }

    /// The port of the master serving `key`'s hash slot.
    pub fn master_of(&self, key: &str) -> u16 {
        let slot: u32 = self
            .cli(self.ports[0], &["cluster", "keyslot", key])
            .trim()
            .parse()
            .expect("a slot");
        let nodes = self.cli(self.ports[0], &["cluster", "nodes"]);
        for line in nodes.lines() {
            let f: Vec<&str> = line.split_whitespace().collect();
            if f.len() < 9 || !f[2].contains("master") {
                continue;
            }
            let port: u16 = f[1]
                .split(['@', ':'])
                .nth(1)
                .and_then(|p| p.parse().ok())
                .expect("a port");
            for range in &f[8..] {
                let (a, b) = range.split_once('-').unwrap_or((range, range));
                if let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>())
                    && (a..=b).contains(&slot)
                {
                    return port;
                }
            }
        }
        panic!("no master serves slot {slot}:\n{nodes}");
    }

    /// SIGKILL to the node on `port`.
    pub fn kill(&mut self, port: u16) {
        let i = self.ports.iter().position(|p| *p == port).unwrap();
        if let Some(mut c) = self.children[i].take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

impl Drop for RedisCluster {
    fn drop(&mut self) {
        for c in self.children.iter_mut().filter_map(Option::take) {
            let mut c = c;
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

/// A throw-away CA and, signed by it, a server certificate for `localhost` only (so that
/// `verify-full` to `127.0.0.1` fails on the host name while `verify-ca` passes) and a client
/// certificate for the PostgreSQL user `certuser`. Made with `openssl` (EC P-256, two days).
pub struct Certs {
    pub dir: PathBuf,
    pub ca: PathBuf,
    pub server_cert: PathBuf,
    pub server_key: PathBuf,
    pub client_cert: PathBuf,
    pub client_key: PathBuf,
}

impl Certs {
    pub fn make(dir: &Path) -> Option<Certs> {
        match Self::try_make(dir) {
            Ok(c) => Some(c),
            Err(e) => unavailable("openssl", e),
        }
    }

    fn try_make(dir: &Path) -> std::io::Result<Certs> {
        std::fs::create_dir_all(dir)?;
        let p = |n: &str| dir.join(n);
        let openssl = |args: &[&str]| -> std::io::Result<()> {
            let out = Command::new("openssl")
                .current_dir(dir)
                .args(args)
                .output()?;
            if out.status.success() {
                Ok(())
            } else {
                Err(std::io::Error::other(format!(
                    "openssl {args:?}: {}",
                    String::from_utf8_lossy(&out.stderr)
                )))
            }
        };
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"];
        let mut ca = vec!["req", "-x509", "-nodes", "-days", "2"];
        ca.extend(ec);
        ca.extend(["-keyout", "ca.key", "-out", "ca.pem"]);
        ca.extend(["-subj", "/CN=seatctl test CA"]);
        ca.extend(["-addext", "basicConstraints=critical,CA:TRUE"]);
        ca.extend(["-addext", "keyUsage=critical,keyCertSign,cRLSign"]);
        openssl(&ca)?;
        for (name, cn, ext) in [
            (
                "server",
                "localhost",
                "subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n",
            ),
            ("client", "certuser", "extendedKeyUsage=clientAuth\n"),
        ] {
            let mut req = vec!["req", "-nodes"];
            req.extend(ec);
            let (key, csr, pem) = (
                format!("{name}.key"),
                format!("{name}.csr"),
                format!("{name}.pem"),
            );
            let subj = format!("/CN={cn}");
            req.extend(["-keyout", &key, "-out", &csr, "-subj", &subj]);
            openssl(&req)?;
            std::fs::write(p(&format!("{name}.ext")), ext)?;
            let ext_file = format!("{name}.ext");
            openssl(&[
                "x509",
                "-req",
                "-in",
                &csr,
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-days",
                "2",
                "-out",
                &pem,
                "-extfile",
                &ext_file,
            ])?;
        }
        Ok(Certs {
            dir: dir.to_path_buf(),
            ca: p("ca.pem"),
            server_cert: p("server.pem"),
            server_key: p("server.key"),
            client_cert: p("client.pem"),
            client_key: p("client.key"),
        })
    }
}

/// The PostgreSQL server programs (`initdb`, `pg_ctl`): `PG_BINDIR`, else Debian's
/// `/usr/lib/postgresql/<newest>/bin`, else `PATH`.
fn pg_bindir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("PG_BINDIR") {
        return Some(PathBuf::from(d));
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .filter_map(|e| {
            let v = e.file_name().to_str()?.parse().ok()?;
            Some((v, e.path().join("bin")))
        })
        .filter(|(_, p)| p.join("initdb").exists())
        .collect();
    versions.sort();
    versions.pop().map(|(_, p)| p)
}

/// A private PostgreSQL cluster in a temp dir on a free loopback port, trust auth for
/// `postgres` over TCP, a password for `pwuser` (and, with certificates, `certuser` only with
/// a client certificate),
/// stopped (`-m immediate`) and removed on drop. As root the server runs as the `postgres`
/// user (`initdb` refuses root).
pub struct PrivatePg {
    pub port: u16,
    root: PathBuf,
    data: PathBuf,
    bindir: PathBuf,
    as_postgres: bool,
}

impl PrivatePg {
    /// The password of `pwuser`, the one login that must give one (scram-sha-256).
    pub const PASSWORD: &str = "pw-PRIVATE-SECRET-9";

    pub fn start() -> Option<PrivatePg> {
        Self::start_with(None)
    }

    /// With `ssl = on` serving `certs`' server certificate and trusting its CA for client
    /// certificates.
    pub fn start_tls(certs: &Certs) -> Option<PrivatePg> {
        Self::start_with(Some(certs))
    }

    fn start_with(certs: Option<&Certs>) -> Option<PrivatePg> {
        let Some(bindir) = pg_bindir() else {
            return unavailable(
                "initdb",
                "no PostgreSQL server programs found (set PG_BINDIR)",
            );
        };
        match Self::try_start(bindir, certs) {
            Ok(pg) => Some(pg),
            Err(e) => unavailable("a private PostgreSQL cluster", e),
        }
    }

    fn try_start(bindir: PathBuf, certs: Option<&Certs>) -> std::io::Result<PrivatePg> {
        let as_postgres = unsafe { libc::geteuid() } == 0;
        let root =
            std::env::temp_dir().join(format!("seatctl-test-pg-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir(&root)?;
        let pg = PrivatePg {
            port: free_port(),
            data: root.join("data"),
            root,
            bindir,
            as_postgres,
        };
        if as_postgres {
            pg.run(
                "chown",
                &["postgres:postgres", &pg.root.display().to_string()],
                false,
            )?;
        }
        let data = pg.data.display().to_string();
        pg.run(
            "initdb",
            &[
                "-D",
                &data,
                "-A",
                "trust",
                "-U",
                "postgres",
                "--no-sync",
                "-E",
                "UTF8",
            ],
            true,
        )?;
        // `fsync = off` still survives a server crash (the kernel keeps what was written);
        // `synchronous_commit` stays on: off, a crash would lose acknowledged commits and the
        // audit would rightly fail.
        let mut conf = format!(
            "listen_addresses = '127.0.0.1'\nport = {}\nunix_socket_directories = '{}'\n\
             fsync = off\nfull_page_writes = off\n\
             max_connections = 60\nshared_buffers = 32MB\n",
            pg.port,
            pg.root.display()
        );
        let mut hba = String::from("local all all trust\n");
        if let Some(c) = certs {
            // The server's key must belong to the server's user and be private to it.
            for (from, to) in [
                (&c.server_cert, "server.crt"),
                (&c.server_key, "server.key"),
                (&c.ca, "root.crt"),
            ] {
                let dest = pg.data.join(to);
                std::fs::copy(from, &dest)?;
                std::fs::set_permissions(
                    &dest,
                    std::os::unix::fs::PermissionsExt::from_mode(0o600),
                )?;
                if as_postgres {
                    pg.run(
                        "chown",
                        &["postgres:postgres", &dest.display().to_string()],
                        false,
                    )?;
                }
            }
            conf.push_str("ssl = on\nssl_ca_file = 'root.crt'\n");
            hba.push_str("hostssl all certuser 127.0.0.1/32 cert\n");
            hba.push_str("host all certuser 127.0.0.1/32 reject\n");
        }
        hba.push_str("host all pwuser 127.0.0.1/32 scram-sha-256\n");
        hba.push_str("host all all 127.0.0.1/32 trust\n");
        let append = |file: &str, text: &str| -> std::io::Result<()> {
            use std::io::Write;
            std::fs::OpenOptions::new()
                .append(true)
                .open(pg.data.join(file))?
                .write_all(text.as_bytes())
        };
        append("postgresql.conf", &conf)?;
        std::fs::write(pg.data.join("pg_hba.conf"), hba)?;
        pg.ctl(&["start"])?;
        pg.psql(&format!(
            "CREATE ROLE pwuser LOGIN SUPERUSER PASSWORD '{}'",
            PrivatePg::PASSWORD
        ))?;
        if certs.is_some() {
            pg.psql("CREATE ROLE certuser LOGIN SUPERUSER")?;
        }
        Ok(pg)
    }

    /// Runs a program (a server program from `bindir` when `server`), as `postgres` if root.
    fn run(&self, program: &str, args: &[&str], server: bool) -> std::io::Result<()> {
        let path = if server {
            self.bindir.join(program).display().to_string()
        } else {
            program.to_string()
        };
        let mut cmd = if self.as_postgres && server {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--", &path]);
            c
        } else {
            Command::new(&path)
        };
        let out = cmd.args(args).stdin(Stdio::null()).output()?;
        if out.status.success() {
            Ok(())
        } else {
            Err(std::io::Error::other(format!(
                "{program} {args:?}: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )))
        }
    }

    /// `pg_ctl -D data -w ARGS` (the log in the cluster's dir).
    pub fn ctl(&self, args: &[&str]) -> std::io::Result<()> {
        let data = self.data.display().to_string();
        let log = self.root.join("log").display().to_string();
        let mut all = vec!["-D", &data, "-l", &log, "-w", "-t", "30"];
        all.extend(args);
        self.run("pg_ctl", &all, true)
    }

    /// Crash-stops the server (`pg_ctl stop -m immediate`: no checkpoint, every backend killed).
    pub fn stop_immediate(&self) {
        self.ctl(&["stop", "-m", "immediate"]).unwrap();
    }

    pub fn start_again(&self) {
        self.ctl(&["start"]).unwrap();
    }

    /// Freezes (`STOP`) or thaws (`CONT`) the server and every backend, as a hung host or a
    /// network partition looks from the client: connections stay open, nothing answers.
    pub fn signal_all(&self, signal: &str) {
        let pid = std::fs::read_to_string(self.data.join("postmaster.pid")).unwrap();
        let pid = pid.lines().next().unwrap().trim().to_string();
        let children = Command::new("pgrep").args(["-P", &pid]).output().unwrap();
        let mut pids = vec![pid];
        pids.extend(
            String::from_utf8_lossy(&children.stdout)
                .lines()
                .map(str::to_string),
        );
        // One at a time: a backend may have exited since it was listed (its connection
        // closed), which is no failure; the postmaster itself must take the signal.
        for (i, pid) in pids.iter().enumerate() {
            let status = Command::new("kill")
                .arg(format!("-{signal}"))
                .arg(pid)
                .stderr(std::process::Stdio::null())
                .status()
                .unwrap();
            assert!(
                status.success() || i > 0,
                "kill -{signal} {pid} (the postmaster)"
            );
        }
    }

    /// Runs SQL as `postgres` on the `postgres` database.
    pub fn psql(&self, sql: &str) -> std::io::Result<()> {
        let out = Command::new("psql")
            .args([&self.url("postgres"), "-Atqc", sql])
            .output()?;
        if out.status.success() {
            Ok(())
        } else {
            Err(std::io::Error::other(
                String::from_utf8_lossy(&out.stderr).into_owned(),
            ))
        }
    }

    /// `postgres://postgres@127.0.0.1:PORT/DB`.
    pub fn url(&self, db: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{db}", self.port)
    }

    /// A new database in this cluster; its URL.
    pub fn database(&self, name: &str) -> String {
        self.psql(&format!("CREATE DATABASE {name}")).unwrap();
        self.url(name)
    }
}

impl Drop for PrivatePg {
    fn drop(&mut self) {
        let _ = self.ctl(&["stop", "-m", "immediate"]);
        let _ = std::fs::remove_dir_all(&self.root);
    }
}
