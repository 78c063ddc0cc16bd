//! What the service says about itself: liveness and readiness, the
//! Prometheus text, what a page needs to explain the probe (`/v1/info`),
//! the OpenAPI document, and the 404.

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};

use crate::engine::Check;
use crate::http::api::{Health, InfoLimits, InfoResponse, Ready};
use crate::http::{ApiError, AppState, MAX_BODY_BYTES};

/// `/healthz` and `/v1/openapi.json`: for anyone.
pub(super) fn public() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/v1/openapi.json", get(openapi))
}

/// `/readyz` and `/metrics`: for the operator.
pub(super) fn operator() -> Router<AppState> {
    Router::new()
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
}

/// `/v1/info`: for the API's callers.
pub(super) fn info() -> Router<AppState> {
    Router::new().route("/v1/info", get(info_handler))
}

/// `ok`, or `degraded` while the shared limits' Redis is away (this
/// replica then enforces its own limits).
fn status(state: &AppState) -> &'static str {
    match state.limits().shared_up() {
        Some(false) => "degraded",
        _ => "ok",
    }
}

/// `GET /healthz`: liveness, 200 even when degraded.
#[utoipa::path(get, path = "/healthz", responses((status = 200, body = Health)))]
pub(crate) async fn healthz(State(state): State<AppState>) -> Json<Health> {
    Json(Health {
        status: status(&state),
        version: smtp_doctor_core::VERSION,
    })
}

/// `GET /readyz`: for a load balancer. Ready whenever this replica can
/// take probes, degraded included: taking every replica out when Redis or
/// the report store is away would turn a weaker limit, or missing share
/// links, into an outage.
#[utoipa::path(get, path = "/readyz", responses((status = 200, body = Ready)))]
pub(crate) async fn readyz(State(state): State<AppState>) -> Json<Ready> {
    let store = match &state.settings().store {
        Some(store) => Some(store.ping().await),
        None => None,
    };
    // Probes go on without the store: degraded, not out.
    let status = match store {
        Some(false) => "degraded",
        _ => status(&state),
    };
    Json(Ready {
        status,
        version: smtp_doctor_core::VERSION,
        shared_limits: state.limits().shared_up(),
        store,
    })
}

/// `GET /metrics`: Prometheus text.
#[utoipa::path(get, path = "/metrics", responses((status = 200, description = "Prometheus text exposition", content_type = "text/plain")))]
pub(crate) async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    let mut text = state.metrics().render();
    state.limits().render(&mut text);
    if let Some(store) = &state.settings().store {
        store.render(&mut text);
    }
    state.settings().monitors.gauges.render(&mut text);
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], text)
}

/// `GET /v1/info`: what a page needs to explain the probe to a customer.
#[utoipa::path(get, path = "/v1/info", security((), ("apiKey" = [])),
    responses((status = 200, body = InfoResponse), (status = 401, body = crate::http::api::ErrorBody)))]
pub(crate) async fn info_handler(State(state): State<AppState>) -> Json<InfoResponse> {
    let opts = state.engine().options();
    let s = state.settings();
    Json(InfoResponse {
        version: smtp_doctor_core::VERSION,
        egress_ips: opts.egress_ips.clone(),
        allowed_ports: opts.policy.ports.iter().map(ToString::to_string).collect(),
        limits: InfoLimits {
            probes_per_minute: s.probes_per_minute,
            sends_per_hour: s.sends_per_hour,
            concurrent_probes: s.max_probes,
            per_target: s.per_target,
            step_timeout_seconds: opts.timeout.as_secs_f64(),
            deadline_seconds: opts.deadline.as_secs_f64(),
            max_body_bytes: MAX_BODY_BYTES,
        },
        api_key_required: !s.api_keys.is_empty(),
        checks: Check::ALL
            .iter()
            .filter(|c| **c != Check::Arrival || state.engine().inbox().is_some())
            .map(|c| c.as_str())
            .collect(),
        arrival_wait_seconds: opts.arrival_wait.as_secs_f64(),
        sandbox_sign_in: s.sandbox_sign_in.as_ref().map(|_| "/sandbox/sign-in"),
        share_links: s.store.is_some(),
        monitors: s.store.is_some() && !s.api_keys.is_empty(),
    })
}

/// `GET /v1/openapi.json`: this document.
#[utoipa::path(get, path = "/v1/openapi.json", responses((status = 200, description = "The OpenAPI document", content_type = "application/json")))]
pub(crate) async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    use utoipa::OpenApi as _;
    Json(crate::http::openapi::ApiDoc::openapi())
}

pub(crate) async fn not_found() -> ApiError {
    ApiError::NotFound
}
