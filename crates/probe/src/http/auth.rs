//! Who may call what: `/v1/*` needs an API key or a browser token whose
//! scope covers the route (SPEC §7.6); `/metrics` and `/readyz` need an
//! API key when keys are set, unless `--public-metrics`. Keys are compared
//! in constant time; a refused token is logged at debug, never echoed.

use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;

use sha2::{Digest as _, Sha256};

use super::{ApiError, AppState, token};

/// The caller used one of the API keys (not a browser token): which one,
/// as the SHA-256 hex of the key — who owns what it creates (monitors).
#[derive(Clone, Debug)]
pub(super) struct KeyHolder(pub String);

/// Refuses `/v1/*` without a configured bearer key (constant-time compare).
pub(super) async fn require_key(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    let settings = state.settings();
    let (keys, tokens) = (&settings.api_keys, &settings.token_keys);
    if keys.is_empty() && tokens.is_empty() {
        return Ok(next.run(request).await);
    }
    let given = bearer(&request);
    if is_api_key(keys, given) {
        let holder = KeyHolder(crate::attestation::hex(&Sha256::digest(given.as_bytes())));
        request.extensions_mut().insert(holder);
        return Ok(next.run(request).await);
    }
    if tokens.is_empty() || given.is_empty() {
        return Err(ApiError::Unauthorized);
    }
    let scope = token::Scope::for_path(request.uri().path());
    match tokens.verify(given, scope, token::now()) {
        Ok(subject) => {
            if let Some(subject) = subject {
                request.extensions_mut().insert(subject);
            }
            Ok(next.run(request).await)
        }
        Err(e) => {
            tracing::debug!(error = %e, "token refused");
            Err(ApiError::Unauthorized)
        }
    }
}

/// Refuses `/metrics` and `/readyz` without an API key when API keys are
/// configured (browser tokens do not open them), unless the operator made
/// them public (`--public-metrics`, e.g. for a load balancer that cannot
/// send a header).
pub(super) async fn require_operator_key(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    let settings = state.settings();
    if settings.public_metrics || settings.api_keys.is_empty() {
        return Ok(next.run(request).await);
    }
    if is_api_key(&settings.api_keys, bearer(&request)) {
        Ok(next.run(request).await)
    } else {
        Err(ApiError::Unauthorized)
    }
}

/// The `Authorization: Bearer …` value, empty when there is none.
fn bearer(request: &Request) -> &str {
    request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default()
}

/// Whether `given` is one of `keys` (constant-time per key).
fn is_api_key(keys: &[String], given: &str) -> bool {
    keys.iter()
        .any(|k| constant_time_eq(k.as_bytes(), given.as_bytes()))
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
