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
//! Redis is reached with a short timeout per command. When it does not
//! answer, the caller falls back to its in-memory limits (and says
//! `degraded`); the connection manager reconnects by itself, and a
//! background ping notices when Redis is back.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use redis::aio::ConnectionManager;
use redis::{Client, Script};

/// One Redis command may take this long before the caller falls back.
const COMMAND_TIMEOUT: Duration = Duration::from_millis(300);
/// How often Redis's health is checked in the background.
const PING_EVERY: Duration = Duration::from_secs(1);

/// GCRA. KEYS[1]: the client's key. ARGV: emission interval (ms), burst,
/// weight. Returns 0 when allowed, else the milliseconds to wait.
const RATE: &str = r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local limit = interval * tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1])) or now
if tat < now then tat = now end
local new = tat + interval * tonumber(ARGV[3])
if new - now > limit then
  return math.max(1, new - now - limit)
end
redis.call('SET', KEYS[1], new, 'PX', math.max(1, new - now))
return 0
";

/// Slots in every KEYS[i] at once, or none. ARGV: cap, holder, expiry
/// (ms), weight. Returns 1 when taken.
const TAKE: &str = r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local cap = tonumber(ARGV[1])
local weight = tonumber(ARGV[4])
for _, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
  if redis.call('ZCARD', key) + weight > cap then
    return 0
  end
end
local expiry = now + tonumber(ARGV[3])
for _, key in ipairs(KEYS) do
  for i = 1, weight do
    redis.call('ZADD', key, expiry, ARGV[2] .. ':' .. i)
  end
  redis.call('PEXPIRE', key, tonumber(ARGV[3]))
end
return 1
";

/// Gives back the slots of ARGV[1] (its weight ARGV[2]) in every KEYS[i].
const GIVE: &str = r"
for _, key in ipairs(KEYS) do
  for i = 1, tonumber(ARGV[2]) do
    redis.call('ZREM', key, ARGV[1] .. ':' .. i)
  end
end
return 1
";

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

/// A slot holder: released with [`Shared::give`].
#[derive(Debug, Clone)]
pub struct Held {
    keys: Vec<String>,
    holder: String,
    weight: u32,
}

impl Shared {
    /// Connects to `url` (`redis://host:port/db`); fails only on a URL that
    /// cannot be used. An unreachable Redis is not an error here: the
    /// replica starts degraded and connects when Redis comes.
    pub async fn connect(url: &str, prefix: &str) -> Result<Self, String> {
        // The URL may carry a password: errors name only where it points.
        let shown = url.rsplit_once('@').map_or(url, |(_, host)| host);
        let client = Client::open(url).map_err(|e| format!("--redis …{shown}: {e}"))?;
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
                replica: crate::inbox::random_hex(6).map_err(|e| e.to_string())?,
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
                redis = shown,
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

    /// The connection, made on first use (Redis may come up after us).
    async fn conn(&self) -> Option<ConnectionManager> {
        if let Some(m) = self.inner.manager.get() {
            return Some(m.clone());
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
        Some(
            self.inner
                .manager
                .get_or_init(|| async { made })
                .await
                .clone(),
        )
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
        let up = match self.conn().await {
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
        let mut conn = self
            .conn()
            .await
            .ok_or_else(|| self.failed("not connected"))?;
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

    /// `weight` slots in each of `slots` (`(name, cap)` pairs share one
    /// cap: the caller groups them), held until [`give`](Self::give) or
    /// `expiry`. `Ok(None)`: one of them is full.
    pub async fn take(
        &self,
        kind: &str,
        names: &[String],
        cap: usize,
        weight: u32,
        expiry: Duration,
    ) -> Result<Option<Held>, Unavailable> {
        let keys: Vec<String> = names
            .iter()
            .map(|n| self.key(&["slots", kind, n]))
            .collect();
        let holder = format!(
            "{}-{}",
            self.inner.replica,
            self.inner.next.fetch_add(1, Ordering::Relaxed)
        );
        let mut conn = self
            .conn()
            .await
            .ok_or_else(|| self.failed("not connected"))?;
        let mut call = self.inner.take.prepare_invoke();
        for key in &keys {
            call.key(key);
        }
        call.arg(cap)
            .arg(&holder)
            .arg(u64::try_from(expiry.as_millis()).unwrap_or(u64::MAX).max(1))
            .arg(weight.max(1));
        let taken: u8 = tokio::time::timeout(COMMAND_TIMEOUT, call.invoke_async(&mut conn))
            .await
            .map_err(|_| self.failed("timed out"))?
            .map_err(|e| self.failed(e))?;
        self.inner.up.store(true, Ordering::Relaxed);
        Ok((taken == 1).then_some(Held {
            keys,
            holder,
            weight: weight.max(1),
        }))
    }

    /// Gives slots back (in the background: a slot that cannot be given
    /// back now expires by itself).
    pub fn give(&self, held: Held) {
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let shared = self.clone();
        runtime.spawn(async move {
            let Some(mut conn) = shared.conn().await else {
                return;
            };
            let mut call = shared.inner.give.prepare_invoke();
            for key in &held.keys {
                call.key(key);
            }
            call.arg(&held.holder).arg(held.weight);
            let result: Result<Result<u8, _>, _> =
                tokio::time::timeout(COMMAND_TIMEOUT, call.invoke_async(&mut conn)).await;
            if !matches!(result, Ok(Ok(_))) {
                shared.inner.errors.fetch_add(1, Ordering::Relaxed);
            }
        });
    }
}
