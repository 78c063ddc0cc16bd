//! The HTTP service (SPEC §4): `app(state)` builds the router, `serve` runs
//! it until `shutdown` resolves. Tests bind `127.0.0.1:0` and pass a
//! oneshot, or call the router with `tower::ServiceExt::oneshot`.
//!
//! It connects to hosts strangers choose, so it is an abuse surface first:
//! the address and port policy lives in the engine; here are the
//! per-client rate limits (a separate, tighter one for `send`), a global
//! cap on concurrent probes, a per-target cap, the body limit and a request
//! timeout; keys and tokens are `auth`, the CORS allowlist `cors`, who is
//! asking `caller`.

mod auth;
mod body;
mod caller;
mod cors;
mod error;
mod metrics;
mod openapi;
mod routes;
pub mod server;
mod settings;
pub mod shared;
mod sse;
pub mod token;

use std::collections::HashMap;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::HeaderMap;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use governor::{DefaultKeyedRateLimiter, Quota};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower_http::services::ServeDir;
use tower_http::timeout::TimeoutLayer;

pub use cors::parse_origin;
pub use error::ApiError;
pub use settings::Settings;

use crate::clients::ClientNet;
use crate::engine::Engine;

/// Request bodies above this are refused with 413 (SPEC §5).
pub const MAX_BODY_BYTES: usize = 16 * 1024;

/// Whom a rate limit counts: the client (an IPv4 address, an IPv6
/// network), or the `sub` of the browser token it sent (one customer's
/// page, wherever it runs).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum RateKey {
    Address(ClientNet),
    Subject(String),
}

impl RateKey {
    pub(crate) fn new(client: ClientNet, subject: Option<&token::Subject>) -> Self {
        subject.map_or(Self::Address(client), |s| Self::Subject(s.0.clone()))
    }

    /// The key's name in Redis.
    fn shared_name(&self) -> String {
        match self {
            Self::Address(net) => format!("ip:{net}"),
            Self::Subject(sub) => format!("sub:{}", sub.chars().take(128).collect::<String>()),
        }
    }
}

/// What the handlers share.
#[derive(Clone, Debug)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    settings: Settings,
    engine: Engine,
    probes: Arc<Semaphore>,
    probe_limiter: DefaultKeyedRateLimiter<RateKey>,
    send_limiter: DefaultKeyedRateLimiter<RateKey>,
    targets: Mutex<HashMap<String, usize>>,
    metrics: metrics::Metrics,
}

impl std::fmt::Debug for Inner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inner")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

impl AppState {
    pub fn new(settings: Settings, engine: Engine) -> Self {
        let per = |n: u32| NonZeroU32::new(n.max(1)).unwrap_or(NonZeroU32::MIN);
        let probe_quota = Quota::per_minute(per(settings.probes_per_minute));
        let send_quota = Quota::per_hour(per(settings.sends_per_hour));
        Self {
            inner: Arc::new(Inner {
                probes: Arc::new(Semaphore::new(settings.max_probes.max(1))),
                probe_limiter: DefaultKeyedRateLimiter::keyed(probe_quota),
                send_limiter: DefaultKeyedRateLimiter::keyed(send_quota),
                targets: Mutex::new(HashMap::new()),
                metrics: metrics::Metrics::default(),
                settings,
                engine,
            }),
        }
    }

    pub(crate) fn settings(&self) -> &Settings {
        &self.inner.settings
    }

    pub(crate) fn engine(&self) -> &Engine {
        &self.inner.engine
    }

    pub(crate) fn metrics(&self) -> &metrics::Metrics {
        &self.inner.metrics
    }

    /// Whom the rate limits count for this request: the token's subject,
    /// else the client's network.
    pub(crate) fn rate_key(
        &self,
        peer: Option<SocketAddr>,
        headers: &HeaderMap,
        subject: Option<&token::Subject>,
    ) -> RateKey {
        let net = self
            .inner
            .settings
            .client_nets
            .of(self.client(peer, headers));
        RateKey::new(net, subject)
    }

    /// The client's address (SPEC §7.3): the peer; behind a trusted proxy,
    /// the rightmost `X-Forwarded-For` entry that is not a trusted proxy.
    /// Never the leftmost: the client writes that one itself.
    pub(crate) fn client(&self, peer: Option<SocketAddr>, headers: &HeaderMap) -> IpAddr {
        let peer = peer.map_or(IpAddr::from([0, 0, 0, 0]), |p| p.ip().to_canonical());
        let s = self.settings();
        if !s.trust_proxy && s.trusted_proxies.is_empty() {
            return peer;
        }
        let trusted = |ip: IpAddr| {
            if s.trusted_proxies.is_empty() {
                ip == peer
            } else {
                s.trusted_proxies.iter().any(|net| net.contains(&ip))
            }
        };
        if !trusted(peer) {
            return peer;
        }
        let hops: Vec<&str> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .filter(|h| !h.is_empty())
            .collect();
        let mut client = peer;
        for hop in hops.iter().rev() {
            let Some(ip) = forwarded_ip(hop) else {
                // Garbage where a proxy should have written an address:
                // the last hop we can vouch for is the client.
                return client;
            };
            // Without a list, only the entry the peer appended counts.
            if s.trusted_proxies.is_empty() || !trusted(ip) {
                return ip;
            }
            client = ip;
        }
        client
    }

    fn check_limit(
        limiter: &DefaultKeyedRateLimiter<RateKey>,
        client: &RateKey,
        weight: u32,
    ) -> Result<(), ApiError> {
        use governor::clock::{Clock, DefaultClock};
        if limiter.len() > 50_000 {
            limiter.retain_recent();
        }
        let weight = std::num::NonZeroU32::new(weight).unwrap_or(std::num::NonZeroU32::MIN);
        match limiter.check_key_n(client, weight) {
            Ok(Ok(())) => Ok(()),
            Ok(Err(not_until)) => Err(ApiError::RateLimited {
                retry_after: not_until.wait_time_from(DefaultClock::default().now()),
            }),
            // More than the whole burst: take what one request may.
            Err(_) => limiter
                .check_key(client)
                .map_err(|not_until| ApiError::RateLimited {
                    retry_after: not_until.wait_time_from(DefaultClock::default().now()),
                }),
        }
    }

    /// A limit of the client: shared through Redis when configured and
    /// reachable, else this replica's own.
    async fn check_rate(
        &self,
        name: &str,
        limiter: &DefaultKeyedRateLimiter<RateKey>,
        client: &RateKey,
        weight: u32,
    ) -> Result<(), ApiError> {
        let s = self.settings();
        if let Some(shared) = &s.shared {
            let (burst, period) = match name {
                "send" => (s.sends_per_hour, Duration::from_secs(3600)),
                _ => (s.probes_per_minute, Duration::from_secs(60)),
            };
            match shared
                .rate(name, &client.shared_name(), burst, period, weight)
                .await
            {
                Ok(None) => return Ok(()),
                Ok(Some(retry_after)) => return Err(ApiError::RateLimited { retry_after }),
                Err(e) => tracing::debug!(error = %e, "rate limit from memory"),
            }
        }
        Self::check_limit(limiter, client, weight)
    }

    pub(crate) async fn check_probe_rate(&self, client: &RateKey) -> Result<(), ApiError> {
        self.check_rate("probe", &self.inner.probe_limiter, client, 1)
            .await
    }

    /// A discovery verifies many candidates: it costs `DISCOVER_WEIGHT`
    /// probes of the client's rate and of the service-wide slots.
    pub(crate) async fn check_discover_rate(&self, client: &RateKey) -> Result<(), ApiError> {
        self.check_rate("probe", &self.inner.probe_limiter, client, DISCOVER_WEIGHT)
            .await
    }

    pub(crate) async fn check_send_rate(&self, client: &RateKey) -> Result<(), ApiError> {
        self.check_rate("send", &self.inner.send_limiter, client, 1)
            .await
    }

    /// How long a shared slot is held at most: a probe's whole time (and
    /// an arrival's wait) plus a margin. A replica that dies holding one
    /// gives it back by this expiry.
    fn slot_expiry(&self) -> Duration {
        self.engine().options().longest_probe() + Duration::from_secs(10)
    }

    /// One service-wide slot for a probe.
    pub(crate) async fn admit_probe(&self) -> Result<ProbeSlot, ApiError> {
        self.admit_weighted(1).await
    }

    /// `weight` service-wide slots (at most all of them).
    pub(crate) async fn admit_weighted(&self, weight: u32) -> Result<ProbeSlot, ApiError> {
        let all = u32::try_from(self.settings().max_probes)
            .unwrap_or(u32::MAX)
            .max(1);
        let weight = weight.clamp(1, all);
        if let Some(shared) = &self.settings().shared {
            let names = ["all".to_owned()];
            match shared
                .take("probes", &names, all as usize, weight, self.slot_expiry())
                .await
            {
                Ok(Some(held)) => {
                    self.metrics().in_flight(1);
                    return Ok(ProbeSlot {
                        state: self.clone(),
                        held: Held::Shared(held),
                    });
                }
                Ok(None) => return Err(ApiError::AtCapacity),
                Err(e) => tracing::debug!(error = %e, "probe cap from memory"),
            }
        }
        let permit = Arc::clone(&self.inner.probes)
            .try_acquire_many_owned(weight)
            .map_err(|_| ApiError::AtCapacity)?;
        self.metrics().in_flight(1);
        Ok(ProbeSlot {
            state: self.clone(),
            held: Held::Local(permit),
        })
    }

    /// A per-target slot for each of `keys` (SPEC §7.3: a probe counts
    /// against every resolved address it may connect to, so `h`, `h.`,
    /// the IP and its `::ffff:` form are one target); refused when any of
    /// them already has `per_target` probes running.
    pub(crate) async fn admit_targets(&self, keys: Vec<String>) -> Result<TargetSlot, ApiError> {
        let mut keys = keys;
        keys.sort();
        keys.dedup();
        let cap = self.settings().per_target.max(1);
        let busy = ApiError::RateLimited {
            retry_after: Duration::from_secs(5),
        };
        if let Some(shared) = &self.settings().shared {
            match shared
                .take("target", &keys, cap, 1, self.slot_expiry())
                .await
            {
                Ok(Some(held)) => {
                    return Ok(TargetSlot {
                        state: self.clone(),
                        keys: Vec::new(),
                        shared: Some(held),
                    });
                }
                Ok(None) => return Err(busy),
                Err(e) => tracing::debug!(error = %e, "per-target cap from memory"),
            }
        }
        let mut targets = self.inner.targets.lock().map_err(|_| ApiError::Internal)?;
        if keys
            .iter()
            .any(|k| targets.get(k).is_some_and(|n| *n >= cap))
        {
            return Err(busy);
        }
        for k in &keys {
            *targets.entry(k.clone()).or_insert(0) += 1;
        }
        Ok(TargetSlot {
            state: self.clone(),
            keys,
            shared: None,
        })
    }

    /// The per-target slots of a probe's checked addresses.
    pub(crate) async fn admit_addresses(
        &self,
        addresses: &[IpAddr],
    ) -> Result<TargetSlot, ApiError> {
        // One spelling per address: mapped and NAT64 forms count as the
        // IPv4 address they carry.
        self.admit_targets(
            addresses
                .iter()
                .map(|ip| smtp_doctor_core::ip::canonical(*ip).to_string())
                .collect(),
        )
        .await
    }
}

/// An `X-Forwarded-For` entry: an address, optionally with a port
/// (`203.0.113.7:4711`, `[2001:db8::1]:4711`).
fn forwarded_ip(hop: &str) -> Option<IpAddr> {
    hop.parse::<IpAddr>()
        .or_else(|_| hop.parse::<SocketAddr>().map(|s| s.ip()))
        .ok()
        .map(|ip| ip.to_canonical())
}

/// How many probes one `/v1/discover` counts as (it verifies up to 16
/// candidates, 100 ms apart).
pub(crate) const DISCOVER_WEIGHT: u32 = 4;

/// Service-wide slots: this replica's semaphore, or shared in Redis.
enum Held {
    /// Held for its `Drop`, which gives the slots back.
    Local(#[allow(dead_code)] tokio::sync::OwnedSemaphorePermit),
    Shared(shared::Held),
}

/// Held while a probe runs; frees its service-wide slots when dropped
/// (also when a client hangs up and the probe is cancelled).
pub(crate) struct ProbeSlot {
    state: AppState,
    held: Held,
}

impl Drop for ProbeSlot {
    fn drop(&mut self) {
        self.state.metrics().in_flight(-1);
        if let (Held::Shared(held), Some(shared)) = (&self.held, &self.state.settings().shared) {
            shared.give(held.clone());
        }
    }
}

/// Held while a probe runs; frees its per-target slots when dropped.
pub(crate) struct TargetSlot {
    state: AppState,
    /// This replica's counts, when they were taken here.
    keys: Vec<String>,
    /// The shared slots, when they were taken in Redis.
    shared: Option<shared::Held>,
}

impl Drop for TargetSlot {
    fn drop(&mut self) {
        if let (Some(held), Some(shared)) = (self.shared.take(), &self.state.settings().shared) {
            shared.give(held);
        }
        if let Ok(mut targets) = self.state.inner.targets.lock() {
            for key in &self.keys {
                if let Some(n) = targets.get_mut(key) {
                    *n -= 1;
                    if *n == 0 {
                        targets.remove(key);
                    }
                }
            }
        }
    }
}

/// Counts every response by route template and status.
async fn count(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map_or_else(|| "other".to_owned(), |p| p.as_str().to_owned());
    let response = next.run(request).await;
    state.metrics().request(&route, response.status().as_u16());
    response
}

/// The router with every route.
pub fn app(state: AppState) -> Router {
    let settings = state.settings().clone();
    // What the operator watches: with API keys, only for them (a stranger
    // learns refusals, codes and load from it), unless --public-metrics.
    let operator = Router::new()
        .route("/readyz", get(routes::readyz))
        .route("/metrics", get(routes::metrics))
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            auth::require_operator_key,
        ));
    let api = Router::new()
        .route("/v1/validate", post(routes::validate))
        .route("/v1/probe", post(routes::probe))
        .route("/v1/discover", post(routes::discover))
        .route("/v1/info", get(routes::info))
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            auth::require_key,
        ))
        .merge(operator)
        .route("/healthz", get(routes::healthz))
        .route("/v1/openapi.json", get(routes::openapi))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .route_layer(middleware::from_fn_with_state(state.clone(), count));
    let router = match &settings.web_dir {
        // The page's files go out compressed (brotli or gzip, as the
        // browser asks): the wasm is ~250 KB raw, ~110 KB gzip. API
        // answers are not compressed (they reflect what the client sent).
        Some(dir) => api.fallback_service(
            tower::ServiceBuilder::new()
                .layer(tower_http::compression::CompressionLayer::new())
                .service(ServeDir::new(dir).fallback(get(routes::not_found))),
        ),
        None => api.fallback(routes::not_found),
    };
    // Nothing may hold a connection longer than the longest probe (an
    // arrival's wait included) plus a margin (SSE included).
    let timeout = settings
        .request_timeout
        .max(state.engine().options().longest_probe() + Duration::from_secs(15));
    let mut router = router
        .with_state(state)
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            timeout,
        ));
    if let Some(cors) = cors::layer(&settings.cors_origins) {
        router = router.layer(cors);
    }
    router
}

/// Serves until `shutdown` resolves, then lets in-flight requests finish
/// (see [`server`] for the timeouts and connection caps).
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let settings = state.settings();
    let mut limits = settings.connections.clone();
    limits.max_connections = server::fit_to_file_limit(limits.max_connections, settings.max_probes);
    if settings.trust_proxy {
        // Every connection comes from the proxy: a per-address cap would
        // cap the whole service.
        limits.per_address = None;
    }
    tracing::info!(
        max_connections = limits.max_connections,
        per_address = ?limits.per_address,
        header_timeout = ?limits.header_timeout,
        "connection limits"
    );
    let nets = settings.client_nets;
    server::run(listener, app(state), limits, nets, shutdown).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clients::ClientNets;

    #[test]
    fn redis_keys_name_the_client_network() {
        let nets = ClientNets::default();
        let key = |ip: &str| RateKey::new(nets.of(ip.parse().unwrap()), None).shared_name();
        assert_eq!(key("203.0.113.7"), "ip:203.0.113.7");
        assert_eq!(key("::ffff:203.0.113.7"), "ip:203.0.113.7");
        assert_eq!(key("2001:db8:1:2::1"), "ip:2001:db8:1:2::/64");
        assert_eq!(key("2001:db8:1:2:aaaa::9"), key("2001:db8:1:2::1"));
        let sub = token::Subject("tenant-7".into());
        assert_eq!(
            RateKey::new(nets.of("2001:db8::1".parse().unwrap()), Some(&sub)).shared_name(),
            "sub:tenant-7"
        );
    }
}
