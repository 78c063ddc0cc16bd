//! The HTTP service (SPEC §4): `app(state)` builds the router, `serve` runs
//! it until `shutdown` resolves. Tests bind `127.0.0.1:0` and pass a
//! oneshot, or call the router with `tower::ServiceExt::oneshot`.
//!
//! It connects to hosts strangers choose, so it is an abuse surface first:
//! the address and port policy lives in the engine; the rates and slots
//! are `limits`; keys and tokens `auth` and `token`; the CORS allowlist
//! `cors`; who is asking `caller`. Here: the body limit, the request
//! timeout and the layers around the routes (`routes`, one file per group).

mod api;
mod auth;
mod body;
mod caller;
mod cors;
mod error;
mod limits;
mod metrics;
mod openapi;
mod routes;
pub mod server;
mod settings;
mod sse;
mod state;
pub mod token;

use std::future::Future;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::get;
use tokio::net::TcpListener;
use tower_http::services::ServeDir;
use tower_http::timeout::TimeoutLayer;

pub use cors::parse_origin;
pub use error::ApiError;
pub use limits::shared;
pub use settings::{SandboxSignIn, Settings};
pub use state::AppState;

/// Request bodies above this are refused with 413 (SPEC §5).
pub const MAX_BODY_BYTES: usize = 16 * 1024;

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
    let api = routes::router(&state)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .route_layer(middleware::from_fn_with_state(state.clone(), count));
    let router = match &settings.web_dir {
        // The page's files go out compressed (brotli or gzip, as the
        // browser asks): the wasm is ~250 KB raw, ~110 KB gzip. API
        // answers are not compressed (they reflect what the client sent).
        Some(dir) => api.fallback_service(
            tower::ServiceBuilder::new()
                .layer(tower_http::compression::CompressionLayer::new())
                .service(ServeDir::new(dir).fallback(get(routes::meta::not_found))),
        ),
        None => api.fallback(routes::meta::not_found),
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
