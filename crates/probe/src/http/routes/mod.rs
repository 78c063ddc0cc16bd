//! The routes, one file per group, each with its own `router()`: `meta`
//! (health, readiness, metrics, info, the OpenAPI document), `validate`, `explain`,
//! `probe`, `discover`, `reports` (share links), `monitors`, and with `--sandbox` its sign-in pages. Here they are joined under their keys: the API
//! needs an API key or token, the operator's routes an API key, health
//! and the document nothing.

pub(super) mod discover;
pub(super) mod explain;
pub(super) mod meta;
pub(super) mod monitors;
pub(super) mod probe;
pub(super) mod reports;
pub(super) mod sandbox;
pub(super) mod validate;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::middleware;
use axum::response::{IntoResponse, Response};

use super::{AppState, auth};

/// Every route of the service.
pub(super) fn router(state: &AppState) -> Router<AppState> {
    let api = Router::new()
        .merge(validate::router())
        .merge(explain::router())
        .merge(probe::router())
        .merge(discover::router())
        .merge(reports::api())
        .merge(monitors::router())
        .merge(meta::info())
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            auth::require_key,
        ));
    // What the operator watches: with API keys, only for them (a stranger
    // learns refusals, codes and load from it), unless --public-metrics.
    let operator = meta::operator().route_layer(middleware::from_fn_with_state(
        state.clone(),
        auth::require_operator_key,
    ));
    // A share link is opened by whoever was sent it: no key.
    let all = api
        .merge(operator)
        .merge(meta::public())
        .merge(reports::public());
    // The sandbox's stand-in provider: public, as a provider's pages are.
    if state.settings().sandbox_sign_in.is_some() {
        all.merge(sandbox::router())
    } else {
        all
    }
}

/// An answer whose texts are in `locale`: says so, and that caches must
/// key on `Accept-Language`.
fn in_language(answer: impl IntoResponse, locale: &'static str) -> Response {
    let mut response = answer.into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(locale));
    h.append(header::VARY, HeaderValue::from_static("accept-language"));
    response
}
