//! Cross-origin calls from the integrator's settings pages
//! (`--cors-origin`): the origins are checked when read, the layer allows
//! GET and POST with the headers a page sends, and exposes `Retry-After`.

use std::time::Duration;

use axum::http::{HeaderValue, Method, header};
use tower_http::cors::{AllowOrigin, CorsLayer};

/// Reads a `--cors-origin`: `*`, or `scheme://host[:port]` as a browser
/// sends it in `Origin` (no path, no trailing slash).
pub fn parse_origin(text: &str) -> Result<String, String> {
    let text = text.trim();
    if text == "*" {
        return Ok(text.to_owned());
    }
    let bad = || {
        format!(
            "`{}` is not an origin like https://app.example.com (or `*` for any)",
            text.escape_default()
        )
    };
    let (scheme, rest) = text.split_once("://").ok_or_else(bad)?;
    let host_ok = !rest.is_empty()
        && !rest.contains(['/', '?', '#', '@', ' '])
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-.:[]".contains(c));
    if !matches!(scheme, "http" | "https") || !host_ok || HeaderValue::from_str(text).is_err() {
        return Err(bad());
    }
    Ok(text.to_ascii_lowercase())
}

/// The CORS layer for `origins`, none when there are none.
pub(super) fn layer(origins: &[String]) -> Option<CorsLayer> {
    if origins.is_empty() {
        return None;
    }
    // `*` is "any origin" (tower-http panics on it inside a list); the
    // others are checked by `parse_origin` before they get here.
    let allow = if origins.iter().any(|o| o.trim() == "*") {
        AllowOrigin::any()
    } else {
        AllowOrigin::list(
            origins
                .iter()
                .filter_map(|o| HeaderValue::from_str(o.trim()).ok()),
        )
    };
    Some(
        CorsLayer::new()
            .allow_origin(allow)
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([header::CONTENT_TYPE, header::AUTHORIZATION, header::ACCEPT])
            .expose_headers([header::RETRY_AFTER])
            .max_age(Duration::from_mins(10)),
    )
}
