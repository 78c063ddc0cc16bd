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

/// Slots in every KEYS[i] (i ≥ 2) at once, or none; KEYS[1] is the
/// holder's tombstone (a give that came first). ARGV: cap, holder, expiry
/// (ms), weight. Returns 1 when taken.
const TAKE: &str = r"
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local cap = tonumber(ARGV[1])
local weight = tonumber(ARGV[4])
for k = 2, #KEYS do
  redis.call('ZREMRANGEBYSCORE', KEYS[k], '-inf', now)
  if redis.call('ZCARD', KEYS[k]) + weight > cap then
    return 0
  end
end
local expiry = now + tonumber(ARGV[3])
for k = 2, #KEYS do
  for i = 1, weight do
    redis.call('ZADD', KEYS[k], expiry, ARGV[2] .. ':' .. i)
  end
  redis.call('PEXPIRE', KEYS[k], tonumber(ARGV[3]))
end
return 1
";

/// Gives back the slots of ARGV[1] (its weight ARGV[2]) in every KEYS[i]
/// (i ≥ 2); when there was nothing to give (the take has not run yet, or
/// never will), tombstones the holder at KEYS[1] for ARGV[3] ms.
const GIVE: &str = r"
local removed = 0
for k = 2, #KEYS do
  for i = 1, tonumber(ARGV[2]) do
    removed = removed + redis.call('ZREM', KEYS[k], ARGV[1] .. ':' .. i)
  end
end
if removed == 0 then
  redis.call('SET', KEYS[1], 1, 'PX', tonumber(ARGV[3]))
end
return removed
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
    /// The holder's tombstone, then its slot sets.
    keys: Vec<String>,
    holder: String,
    weight: u32,
    /// Milliseconds until the slots expire by themselves.
    expiry_ms: u64,
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
        let held = self.holder(kind, names, weight, expiry);
        match self.invoke_take(&held, cap).await {
            Ok(Ok(taken)) => {
                self.inner.up.store(true, Ordering::Relaxed);
                Ok((taken == 1).then_some(held))
            }
            // It may still run when Redis wakes: give it back then.
            Ok(Err(e)) => {
                self.give(held);
                Err(e)
            }
            Err(e) => Err(e),
        }
    }

    /// A new holder of `weight` slots in each of `names`.
    fn holder(&self, kind: &str, names: &[String], weight: u32, expiry: Duration) -> Held {
        let holder = format!(
            "{}-{}",
            self.inner.replica,
            self.inner.next.fetch_add(1, Ordering::Relaxed)
        );
        let mut keys = vec![self.key(&["gone", &holder])];
        keys.extend(names.iter().map(|n| self.key(&["slots", kind, n])));
        Held {
            keys,
            holder,
            weight: weight.max(1),
            expiry_ms: u64::try_from(expiry.as_millis()).unwrap_or(u64::MAX).max(1),
        }
    }

    /// TAKE for `held`. `Err`: not sent (no connection); `Ok(Err)`: sent
    /// but unanswered or refused, so it may have run or may still run.
    async fn invoke_take(
        &self,
        held: &Held,
        cap: usize,
    ) -> Result<Result<u8, Unavailable>, Unavailable> {
        let mut conn = self.conn().ok_or_else(|| self.failed("not connected"))?;
        let mut call = self.inner.take.prepare_invoke();
        for key in &held.keys {
            call.key(key);
        }
        call.arg(cap)
            .arg(&held.holder)
            .arg(held.expiry_ms)
            .arg(held.weight);
        let taken = tokio::time::timeout(COMMAND_TIMEOUT, call.invoke_async::<u8>(&mut conn)).await;
        Ok(match taken {
            Ok(Ok(taken)) => Ok(taken),
            Ok(Err(e)) => Err(self.failed(e)),
            Err(_) => Err(self.failed("timed out")),
        })
    }

    /// Gives slots back, in the background, trying again (backing off to
    /// 5 s) until it is done or the slots would have expired anyway.
    pub fn give(&self, held: Held) {
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let shared = self.clone();
        runtime.spawn(async move {
            let until = tokio::time::Instant::now() + Duration::from_millis(held.expiry_ms);
            let mut pause = Duration::from_millis(250);
            while tokio::time::Instant::now() < until {
                if shared.give_once(&held).await {
                    return;
                }
                shared.inner.errors.fetch_add(1, Ordering::Relaxed);
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(Duration::from_secs(5));
            }
        });
    }

    async fn give_once(&self, held: &Held) -> bool {
        let Some(mut conn) = self.conn() else {
            return false;
        };
        let mut call = self.inner.give.prepare_invoke();
        for key in &held.keys {
            call.key(key);
        }
        call.arg(&held.holder).arg(held.weight).arg(held.expiry_ms);
        let result = tokio::time::timeout(COMMAND_TIMEOUT, call.invoke_async::<u64>(&mut conn));
        matches!(result.await, Ok(Ok(_)))
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::{Shared, redacted};

    #[test]
    fn urls_lose_their_secrets_in_logs() {
        for (url, shown) in [
            ("redis://127.0.0.1:6379/0", "redis://127.0.0.1:6379/0"),
            (
                "redis://:hunter2@redis.internal:6379/2",
                "redis://redis.internal:6379/2",
            ),
            ("rediss://user:p@ss@host/0", "rediss://host/0"),
            (
                "redis+unix:///run/redis.sock?db=1&pass=hunter2",
                "redis+unix:///run/redis.sock",
            ),
            (
                "unix:///run/redis.sock?pass=hunter2#x",
                "unix:///run/redis.sock",
            ),
            ("host?pass=hunter2", "host"),
        ] {
            assert_eq!(redacted(url), shown);
        }
    }

    /// `redis-server` on a free loopback port, nothing on disk.
    struct Redis(std::process::Child, u16);

    impl Redis {
        fn start() -> Self {
            let port = std::net::TcpListener::bind("127.0.0.1:0")
                .unwrap()
                .local_addr()
                .unwrap()
                .port();
            let mut child = std::process::Command::new("/usr/bin/redis-server")
                .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
                .args(["--save", "", "--appendonly", "no"])
                .arg("--dir")
                .arg(std::env::temp_dir())
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("redis-server (installed by `cargo xtask test`)");
            for _ in 0..300 {
                if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                    return Self(child, port);
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = child.kill();
            let _ = child.wait();
            panic!("redis-server did not listen on {port}");
        }
    }

    impl Drop for Redis {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }

    #[tokio::test]
    async fn a_give_that_overtakes_its_take_wins() {
        let redis = Redis::start();
        let shared = Shared::connect(&format!("redis://127.0.0.1:{}/0", redis.1), "order")
            .await
            .unwrap();
        let target = ["smtp.example.com".to_owned()];
        let expiry = Duration::from_secs(120);
        // The give of a holder runs before its take (the take was stuck on
        // a connection that Redis read late): the take then takes nothing.
        let held = shared.holder("target", &target, 1, expiry);
        assert!(shared.give_once(&held).await);
        assert_eq!(shared.invoke_take(&held, 1).await.unwrap().unwrap(), 0);
        // The slot is free for everyone else, once.
        let other = shared.take("target", &target, 1, 1, expiry).await.unwrap();
        assert!(other.is_some());
        assert!(
            shared
                .take("target", &target, 1, 1, expiry)
                .await
                .unwrap()
                .is_none()
        );
        // A give repeated (a retry after a timeout) changes nothing else.
        let other = other.unwrap();
        assert!(shared.give_once(&other).await);
        assert!(shared.give_once(&other).await);
        let next = shared.take("target", &target, 1, 1, expiry).await.unwrap();
        assert!(next.is_some(), "a repeated give broke the slot");
    }
}
