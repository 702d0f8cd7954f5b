//! Redis access: a bounded PING (for `seatctl doctor`) and the `redis` strategy's seat locks,
//! over plain TCP or TLS (`rediss://`, rustls; `redis.ca_file`, client certificates).

use std::time::{Duration, Instant};

use crate::config::{RedisConfig, redact_url};
use crate::error::{Error, Result};

/// A client for `url` with the TLS files of `cfg`. Errors: exit 2 for a bad URL, TLS files
/// given for a plain `redis://` URL, a certificate or key file that cannot be read or holds no
/// PEM block of its kind (naming the key and the file, never its contents), or only one of
/// `client_cert_file` / `client_key_file`.
fn client(url: &str, cfg: &RedisConfig) -> Result<redis::Client> {
    let shown = redact_url(url);
    let bad_url = |e: redis::RedisError| Error::invalid(format!("bad Redis URL {shown}: {e}"));
    match tls_certificates(url, cfg)? {
        None => redis::Client::open(url).map_err(bad_url),
        Some(certs) => redis::Client::build_with_tls(url, certs).map_err(bad_url),
    }
}

/// The TLS files of `cfg`, read, for `url` (a node's URL); `None` when none is set. Errors: as
/// [`client`].
fn tls_certificates(url: &str, cfg: &RedisConfig) -> Result<Option<redis::TlsCertificates>> {
    let files = [&cfg.ca_file, &cfg.client_cert_file, &cfg.client_key_file];
    if files.iter().all(|f| f.is_none()) {
        return Ok(None);
    }
    if !url.starts_with("rediss://") {
        return Err(Error::invalid(format!(
            "redis.ca_file, redis.client_cert_file and redis.client_key_file need a TLS URL \
             (rediss://…), not {}",
            redact_url(url)
        )));
    }
    let root_cert = match &cfg.ca_file {
        Some(path) => Some(super::pem_file("redis.ca_file", path, "CERTIFICATE")?),
        None => None,
    };
    let client_tls = match (&cfg.client_cert_file, &cfg.client_key_file) {
        (Some(cert), Some(key)) => Some(redis::ClientTlsConfig {
            client_cert: super::pem_file("redis.client_cert_file", cert, "CERTIFICATE")?,
            client_key: super::pem_file("redis.client_key_file", key, "PRIVATE KEY")?,
        }),
        (None, None) => None,
        _ => {
            return Err(Error::invalid(
                "redis.client_cert_file and redis.client_key_file go together: set both or neither",
            ));
        }
    };
    Ok(Some(redis::TlsCertificates {
        client_tls,
        root_cert,
    }))
}

/// The nodes of a Redis Cluster URL, `redis+cluster://[user:password@]host:port,host:port`
/// (`rediss+cluster://` for TLS), each as a plain `redis://` (or `rediss://`) URL with the
/// credentials; `None` for a single server's URL. A few nodes are enough: the client learns
/// the rest from them. Errors: exit 2 for a cluster URL with no node.
pub fn cluster_nodes(url: &str) -> Result<Option<Vec<String>>> {
    let (scheme, rest) = if let Some(rest) = url.strip_prefix("redis+cluster://") {
        ("redis", rest)
    } else if let Some(rest) = url.strip_prefix("rediss+cluster://") {
        ("rediss", rest)
    } else {
        return Ok(None);
    };
    let rest = rest.trim_end_matches('/');
    if rest.contains(['/', '?', '#']) {
        return Err(Error::invalid(format!(
            "Redis cluster URL {}: a cluster has no database number, path or options; give \
             only host:port,host:port,…",
            redact_url(url)
        )));
    }
    let (auth, hosts) = match rest.rsplit_once('@') {
        Some((auth, hosts)) => (format!("{auth}@"), hosts),
        None => (String::new(), rest),
    };
    let nodes: Vec<String> = hosts
        .split(',')
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .map(|h| format!("{scheme}://{auth}{h}"))
        .collect();
    if nodes.is_empty() {
        return Err(Error::invalid(format!(
            "Redis cluster URL {} names no node: give host:port,host:port,…",
            redact_url(url)
        )));
    }
    Ok(Some(nodes))
}

/// A cluster client for `nodes` with `cfg`'s TLS files and timeouts. Errors: as [`client`].
fn cluster_client(
    url: &str,
    nodes: &[String],
    cfg: &RedisConfig,
) -> Result<redis::cluster::ClusterClient> {
    let shown = redact_url(url);
    // Each node's URL is checked as a single server's would be; the TLS files are read once.
    for node in nodes {
        redis::Client::open(node.as_str())
            .map_err(|e| Error::invalid(format!("bad Redis URL {shown}: {e}")))?;
    }
    let certs = tls_certificates(&nodes[0], cfg)?;
    let mut builder = redis::cluster::ClusterClient::builder(nodes.iter().map(String::as_str))
        .connection_timeout(cfg.timeout.0)
        .response_timeout(cfg.timeout.0)
        .retries(2)
        .min_retry_wait(10)
        .max_retry_wait(200);
    if let Some(certs) = certs {
        builder = builder.certs(certs);
    }
    builder
        .build()
        .map_err(|e| Error::invalid(format!("bad Redis URL {shown}: {e}")))
}

/// A connection to one Redis server (reconnecting by itself) or to a Redis Cluster (whose
/// client follows the slots from node to node).
#[derive(Clone)]
enum Conn {
    One(redis::aio::ConnectionManager),
    Cluster(redis::cluster_async::ClusterConnection),
}

impl redis::aio::ConnectionLike for Conn {
    fn req_packed_command<'a>(
        &'a mut self,
        cmd: &'a redis::Cmd,
    ) -> redis::RedisFuture<'a, redis::Value> {
        match self {
            Conn::One(c) => c.req_packed_command(cmd),
            Conn::Cluster(c) => c.req_packed_command(cmd),
        }
    }

    fn req_packed_commands<'a>(
        &'a mut self,
        pipeline: &'a redis::Pipeline,
        offset: usize,
        count: usize,
    ) -> redis::RedisFuture<'a, Vec<redis::Value>> {
        match self {
            Conn::One(c) => c.req_packed_commands(pipeline, offset, count),
            Conn::Cluster(c) => c.req_packed_commands(pipeline, offset, count),
        }
    }

    fn get_db(&self) -> i64 {
        match self {
            Conn::One(c) => c.get_db(),
            Conn::Cluster(c) => c.get_db(),
        }
    }
}

/// Connects and PINGs within `redis.timeout`; returns the round-trip time. A cluster URL
/// PINGs one node through the cluster client. Errors: exit 6 (unreachable, refused, a
/// certificate not trusted), 2 (see [`client`]).
pub async fn ping(url: &str, cfg: &RedisConfig) -> Result<Duration> {
    let shown = redact_url(url);
    let timeout = cfg.timeout.0;
    let started = Instant::now();
    if let Some(nodes) = cluster_nodes(url)? {
        let client = cluster_client(url, &nodes, cfg)?;
        let work = async {
            let mut con = client.get_async_connection().await?;
            redis::cmd("PING").query_async::<String>(&mut con).await
        };
        bounded(&shown, timeout, work).await?;
        return Ok(started.elapsed());
    }
    let client = client(url, cfg)?;
    let work = async {
        let mut con = client.get_multiplexed_async_connection().await?;
        redis::cmd("PING").query_async::<String>(&mut con).await
    };
    bounded(&shown, timeout, work).await?;
    Ok(started.elapsed())
}

/// All-or-nothing seat locks: every key is set with our token and TTL, or none is.
const LOCK_SCRIPT: &str = r"
for i, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 then return 0 end
end
for i, key in ipairs(KEYS) do
  redis.call('SET', key, ARGV[1], 'PX', ARGV[2])
end
return 1
";

/// Compare-and-delete: only keys still holding our token are removed (Redis 7 has no IFEQ).
const UNLOCK_SCRIPT: &str = r"
local n = 0
for i, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then
    redis.call('DEL', key)
    n = n + 1
  end
end
return n
";

/// Seat locks in Redis. A lock is a lease that can lapse: the database's version guard stays
/// the last word, these only keep terminals from wasting work on the same seats.
/// Cloning shares the one multiplexed connection (it pipelines many tasks' commands). The
/// connection reconnects by itself (the `redis` crate's `ConnectionManager`): a command that
/// meets a dropped connection fails (exit 6), and the connection is made again in the
/// background with jittered exponential backoff (50 ms up to 1 s), so a restarted Redis is in
/// use again as soon as it answers. On a Redis Cluster (`redis+cluster://` URL) an event's
/// seat keys share one hash slot (see [`Locks::seat_key`]), so each lock script runs on the
/// one master owning the event; a master that is down fails its events' locks (exit 6) while
/// the other masters' events go on.
#[derive(Clone)]
pub struct Locks {
    con: Conn,
    prefix: String,
    ttl: Duration,
    timeout: Duration,
    url: String,
    lock: redis::Script,
    unlock: redis::Script,
}

/// Locks taken by one operation; release them with [`Locks::unlock`].
pub struct Held {
    keys: Vec<String>,
    token: String,
}

impl Locks {
    /// Connects within `redis.timeout` (exit 6 when Redis cannot be reached or its certificate
    /// is not trusted; 2 for a bad URL or TLS file); locks live `redis.lock_ttl` under keys
    /// starting with `redis.key_prefix`.
    pub async fn connect(url: &str, cfg: &RedisConfig) -> Result<Locks> {
        let (prefix, ttl, timeout) = (&cfg.key_prefix, cfg.lock_ttl.0, cfg.timeout.0);
        let shown = redact_url(url);
        let locks = |con| Locks {
            con,
            prefix: prefix.to_string(),
            ttl,
            timeout,
            url: shown.clone(),
            lock: redis::Script::new(LOCK_SCRIPT),
            unlock: redis::Script::new(UNLOCK_SCRIPT),
        };
        if let Some(nodes) = cluster_nodes(url)? {
            let client = cluster_client(url, &nodes, cfg)?;
            let con = bounded(&shown, timeout, client.get_async_connection()).await?;
            return Ok(locks(Conn::Cluster(con)));
        }
        let client = client(url, cfg)?;
        // A first plain connection says why Redis cannot be used (refused, a certificate, a
        // bad URL) at once; the manager below would retry until the timeout and say only that.
        let probe = bounded(&shown, timeout, client.get_multiplexed_async_connection()).await;
        drop(probe?);
        let config = redis::aio::ConnectionManagerConfig::new()
            .set_connection_timeout(Some(timeout))
            .set_response_timeout(Some(timeout))
            .set_min_delay(Duration::from_millis(50))
            .set_max_delay(Duration::from_secs(1))
            .set_exponent_base(2.0)
            .set_number_of_retries(5);
        let con = bounded(
            &shown,
            timeout,
            redis::aio::ConnectionManager::new_with_config(client, config),
        )
        .await?;
        Ok(locks(Conn::One(con)))
    }

    /// How long a lock lasts unless its holder unlocks it first.
    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    /// The key of one seat; the event id is a hash tag so a cluster keeps an event's seats in
    /// one slot, as multi-key scripts require.
    pub fn seat_key(&self, event_id: uuid::Uuid, label: &str) -> String {
        format!("{}:seat:{{{event_id}}}:{label}", self.prefix)
    }

    /// Takes every lock or none. `None` means another terminal holds one of them.
    pub async fn try_lock(&self, keys: Vec<String>) -> Result<Option<Held>> {
        let token = uuid::Uuid::new_v4().to_string();
        let mut con = self.con.clone();
        let mut call = self.lock.prepare_invoke();
        for key in &keys {
            call.key(key);
        }
        call.arg(&token).arg(self.ttl.as_millis() as u64);
        let got: i64 = bounded(&self.url, self.timeout, call.invoke_async(&mut con)).await?;
        Ok((got == 1).then_some(Held { keys, token }))
    }

    /// Releases what is still ours; returns how many locks had lapsed or been taken over.
    pub async fn unlock(&self, held: Held) -> Result<usize> {
        let mut con = self.con.clone();
        let mut call = self.unlock.prepare_invoke();
        for key in &held.keys {
            call.key(key);
        }
        call.arg(&held.token);
        let released: i64 = bounded(&self.url, self.timeout, call.invoke_async(&mut con)).await?;
        Ok(held.keys.len().saturating_sub(released.max(0) as usize))
    }
}

async fn bounded<T>(
    shown: &str,
    timeout: Duration,
    fut: impl Future<Output = redis::RedisResult<T>>,
) -> Result<T> {
    match tokio::time::timeout(timeout, fut).await {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) if e.kind() == redis::ErrorKind::InvalidClientConfig => {
            Err(Error::invalid(format!("Redis URL {shown}: {e}")))
        }
        Ok(Err(e)) if e.to_string().contains("certificate") => Err(Error::Unavailable(format!(
            "Redis at {shown}: {e} (over rediss:// the server's certificate must be signed by \
             the CA in redis.ca_file, or by one the system trusts, and name the URL's host)"
        ))),
        Ok(Err(e)) => Err(Error::Unavailable(format!("Redis at {shown}: {e}"))),
        Err(_) => Err(Error::Unavailable(format!(
            "Redis at {shown}: no answer within {}s (redis.timeout)",
            timeout.as_secs_f64()
        ))),
    }
}
