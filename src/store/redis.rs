//! Redis access. For now a bounded PING (for `seatctl doctor`); the `redis` strategy's seat
//! locks will live here too.

use std::time::{Duration, Instant};

use crate::config::redact_url;
use crate::error::{Error, Result};

/// Connects and PINGs within `timeout`; returns the round-trip time. Exit code 6 otherwise.
pub async fn ping(url: &str, timeout: Duration) -> Result<Duration> {
    let shown = redact_url(url);
    let client = redis::Client::open(url)
        .map_err(|e| Error::invalid(format!("bad Redis URL {shown}: {e}")))?;
    let started = Instant::now();
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
/// use again as soon as it answers.
#[derive(Clone)]
pub struct Locks {
    con: redis::aio::ConnectionManager,
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
    /// Connects within `timeout` (exit 6 when Redis cannot be reached); locks live
    /// `lock_ttl` under keys starting with `prefix`.
    pub async fn connect(
        url: &str,
        prefix: &str,
        ttl: Duration,
        timeout: Duration,
    ) -> Result<Locks> {
        let shown = redact_url(url);
        let client = redis::Client::open(url)
            .map_err(|e| Error::invalid(format!("bad Redis URL {shown}: {e}")))?;
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
        Ok(Locks {
            con,
            prefix: prefix.to_string(),
            ttl,
            timeout,
            url: shown,
            lock: redis::Script::new(LOCK_SCRIPT),
            unlock: redis::Script::new(UNLOCK_SCRIPT),
        })
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
        Ok(Err(e)) => Err(Error::Unavailable(format!("Redis at {shown}: {e}"))),
        Err(_) => Err(Error::Unavailable(format!(
            "Redis at {shown}: no answer within {}s (redis.timeout)",
            timeout.as_secs_f64()
        ))),
    }
}
