//! The HTTP service: `app(state)` builds the router, `serve` runs it until
//! `shutdown` resolves. Tests bind `127.0.0.1:0` and pass a oneshot.

mod error;
mod routes;

use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use tokio::net::TcpListener;
use tower_http::services::ServeDir;

pub use error::ApiError;

/// Request bodies above this are refused with 413 (SPEC §5).
pub const MAX_BODY_BYTES: usize = 16 * 1024;

/// What the handlers share.
#[derive(Clone, Debug, Default)]
pub struct AppState {
    inner: Arc<Settings>,
}

/// Service settings.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// The settings page to serve at `/`, if any.
    pub web_dir: Option<PathBuf>,
}

impl AppState {
    pub fn new(settings: Settings) -> Self {
        Self {
            inner: Arc::new(settings),
        }
    }
}

/// The router with every route.
pub fn app(state: AppState) -> Router {
    let api = Router::new()
        .route("/healthz", get(routes::healthz))
        .route("/v1/validate", post(routes::validate))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES));
    let router = match &state.inner.web_dir {
        Some(dir) => api.fallback_service(ServeDir::new(dir).fallback(get(routes::not_found))),
        None => api.fallback(routes::not_found),
    };
    router.with_state(state)
}

/// Serves until `shutdown` resolves, then lets in-flight requests finish.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown)
        .await
}
