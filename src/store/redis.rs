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
    match tokio::time::timeout(timeout, work).await {
        Ok(Ok(_)) => Ok(started.elapsed()),
        Ok(Err(e)) => Err(Error::Unavailable(format!(
            "cannot reach Redis at {shown}: {e}"
        ))),
        Err(_) => Err(Error::Unavailable(format!(
            "cannot reach Redis at {shown}: no answer within {}s (redis.timeout)",
            timeout.as_secs_f64()
        ))),
    }
}
