//! Limits shared by every replica through Redis (`serve --redis URL`,
//! SPEC §7.5): N replicas behind a load balancer allow what one would.
//!
//! Each limit is one Lua script, so a check and its update are atomic on
//! the Redis server and every replica reads the same clock (Redis's
//! `TIME`):
//! - per-client rates are GCRA (the generic cell rate algorithm, as
//!   `governor` runs in memory): one key per client and limit holding the
//!   theoretical arrival time, expiring when it no longer matters;
//! - slots (the service-wide probe cap, the per-target caps) are sorted
//!   sets of holders scored by their expiry, so a crashed replica's slots
//!   come back by themselves when it would have ended its probe anyway.
//!
//! Redis is reached with a short timeout per command (300 ms). When it
//! does not answer, the caller falls back to its in-memory limits (and
//! says `degraded`). Connecting happens in the background, never on a
//! request's path: while Redis is down at start a call falls back at
//! once, and a background ping notices when Redis is back.
//!
//! A command that timed out is not gone: a stalled Redis runs it when it
//! wakes. So taking a slot is idempotent with giving it back: a timed-out
//! take is compensated by a give in the background, and a give that finds
//! nothing to remove leaves a tombstone for its holder, which a late take
//! of that holder obeys. Without that, a short stall left phantom slots
//! until their expiry (the longest probe: minutes of 503s).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use redis::aio::ConnectionManager;
use redis::{Client, Script};

/// One Redis command may take this long before the caller falls back.
const COMMAND_TIMEOUT: Duration = Duration::from_millis(300);
/// How often Redis's health is checked in the background.
const PING_EVERY: Duration = Duration::from_secs(1);

/// GCRA per client and limit (the contract is at the script's top).
const RATE: &str = include_str!("rate.lua");

/// Slots in several sets at once, or none, unless the holder is tombstoned.
const TAKE: &str = include_str!("take.lua");

/// Gives a holder's slots back, or tombstones it when there were none.
const GIVE: &str = include_str!("give.lua");

/// Redis did not answer in time, or answered an error.
#[derive(Debug, thiserror::Error)]
#[error("Redis is unavailable: {0}")]
pub struct Unavailable(String);

/// The connection to Redis and what the replicas share there.
#[derive(Clone)]
pub struct Shared {
    inner: Arc<Inner>,
}

struct Inner {
    client: Client,
    config: redis::aio::ConnectionManagerConfig,
    /// Set once a first connection succeeded (then it reconnects itself).
    manager: tokio::sync::OnceCell<ConnectionManager>,
    /// Keys start with this (several services may share one Redis).
    prefix: String,
    /// This replica's id in slot holders.
    replica: String,
    next: AtomicU64,
    up: AtomicBool,
    errors: AtomicU64,
    rate: Script,
    take: Script,
    give: Script,
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shared")
            .field("prefix", &self.inner.prefix)
            .field("up", &self.is_up())
            .finish_non_exhaustive()
    }
}

/// `url` as a log line or an error may show it: without userinfo and
/// without a query (`redis+unix:///run/redis.sock?pass=…`).
pub fn redacted(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").map_or(("", url), |(s, r)| (s, r));
    let rest = rest.split(['?', '#']).next().unwrap_or_default();
    let rest = rest.rsplit_once('@').map_or(rest, |(_, host)| host);
    if scheme.is_empty() {
        rest.to_owned()
    } else {
        format!("{scheme}://{rest}")
    }
}

impl Shared {
    /// Connects to `url` (`redis://host:port/db`); fails only on a URL that
    /// cannot be used. An unreachable Redis is not an error here: the
    /// replica starts degraded and connects when Redis comes.
    pub async fn connect(url: &str, prefix: &str) -> Result<Self, String> {
        // The URL may carry a password: errors and logs show it redacted.
        let shown = redacted(url);
        let client = Client::open(url).map_err(|e| format!("--redis {shown}: {e}"))?;
        let config = redis::aio::ConnectionManagerConfig::new()
            .set_connection_timeout(Duration::from_secs(1))
            .set_response_timeout(COMMAND_TIMEOUT)
            .set_number_of_retries(1);
        let shared = Self {
            inner: Arc::new(Inner {
                client,
                config,
                manager: tokio::sync::OnceCell::new(),
                prefix: prefix.to_owned(),
                replica: crate::engine::arrival::inbox::random_hex(6).map_err(|e| e.to_string())?,
                next: AtomicU64::new(0),
                up: AtomicBool::new(false),
                errors: AtomicU64::new(0),
                rate: Script::new(RATE),
                take: Script::new(TAKE),
                give: Script::new(GIVE),
            }),
        };
        shared.ping().await;
        if !shared.is_up() {
            tracing::warn!(
                redis = %shown,
                "Redis unreachable at start: this replica enforces its own limits until it is reached"
            );
        }
        let watcher = shared.clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(PING_EVERY).await;
                watcher.ping().await;
            }
        });
        Ok(shared)
    }

    /// The connection, once the background has made one: a request never
    /// waits for a connection to be made.
    fn conn(&self) -> Option<ConnectionManager> {
        self.inner.manager.get().cloned()
    }

    /// Makes the connection if there is none yet (start, and the
    /// background ping; Redis may come up after us), bounded.
    async fn connect_once(&self) -> Option<ConnectionManager> {
        if let Some(m) = self.conn() {
            return Some(m);
        }
        let made = tokio::time::timeout(
            Duration::from_secs(2),
            ConnectionManager::new_with_config(
                self.inner.client.clone(),
                self.inner.config.clone(),
            ),
        )
        .await
        .ok()?
        .ok()?;
        let _ = self.inner.manager.set(made);
        self.conn()
    }

    /// Whether the last command (or ping) reached Redis.
    pub fn is_up(&self) -> bool {
        self.inner.up.load(Ordering::Relaxed)
    }

    /// Commands that failed since start (for `/metrics`).
    pub fn errors(&self) -> u64 {
        self.inner.errors.load(Ordering::Relaxed)
    }

    async fn ping(&self) {
        let up = match self.connect_once().await {
            Some(mut conn) => matches!(
                tokio::time::timeout(
                    COMMAND_TIMEOUT,
                    redis::cmd("PING").query_async::<String>(&mut conn),
                )
                .await,
                Ok(Ok(_))
            ),
            None => false,
        };
        let was = self.inner.up.swap(up, Ordering::Relaxed);
        if was != up {
            if up {
                tracing::info!("Redis reached: limits are shared by every replica");
            } else {
                tracing::warn!(
                    "Redis unreachable: this replica enforces its own limits until it is back"
                );
            }
        }
    }

    fn key(&self, parts: &[&str]) -> String {
        let mut key = self.inner.prefix.clone();
        for part in parts {
            key.push(':');
            key.push_str(part);
        }
        key
    }

    fn failed(&self, e: impl std::fmt::Display) -> Unavailable {
        self.inner.errors.fetch_add(1, Ordering::Relaxed);
        self.inner.up.store(false, Ordering::Relaxed);
        Unavailable(e.to_string())
    }

    /// One request of `weight` against the client's limit `name`
    /// (`burst` per `period`). `Ok(None)`: allowed; `Ok(Some(wait))`:
    /// refused for that long.
    pub async fn rate(
        &self,
        name: &str,
        client: &str,
        burst: u32,
        period: Duration,
        weight: u32,
    ) -> Result<Option<Duration>, Unavailable> {
        let burst = burst.max(1);
        let interval = (period.as_millis() / u128::from(burst)).max(1);
        let key = self.key(&["rate", name, client]);
        let mut conn = self.conn().ok_or_else(|| self.failed("not connected"))?;
        let mut call = self.inner.rate.key(key);
        call.arg(u64::try_from(interval).unwrap_or(u64::MAX))
            .arg(burst)
            .arg(weight.clamp(1, burst));
        let wait: u64 = tokio::time::timeout(COMMAND_TIMEOUT, call.invoke_async(&mut conn))
            .await
            .map_err(|_| self.failed("timed out"))?
            .map_err(|e| self.failed(e))?;
        self.inner.up.store(true, Ordering::Relaxed);
        Ok((wait > 0).then(|| Duration::from_millis(wait)))
    }
}

mod slots;

pub use slots::Held;

#[cfg(test)]
mod tests;
