//! `serve --sandbox` only: the sandbox's sign-in pages, so the offline
//! demo shows "Sign in" end to end. `/sandbox/sign-in` stands in for both
//! halves an integrator has: the provider's consent page (Microsoft's,
//! Google's) and the backend's callback page that hands the page a
//! short-lived access token (`smtp-doctor/oauth`'s `callbackPage`). The
//! token is for the sandbox's demo account and works only on its ports.
//!
//! Nothing the caller sends reaches a page unchecked: `request` (the
//! popup's one-time id) must be 16–64 hex digits, `ttl` one of two words.

use std::time::{Duration, SystemTime};

use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Router};
use serde::Deserialize;

use crate::http::AppState;
use crate::http::settings::SandboxSignIn;

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/sandbox/sign-in", get(consent).post(signed_in))
}

#[derive(Deserialize)]
pub(super) struct Start {
    request: String,
}

#[derive(Deserialize)]
pub(super) struct Consent {
    request: String,
    ttl: String,
}

/// The popup's one-time id, as `connect()` makes it (hex), or nothing.
fn request_id(text: &str) -> Option<&str> {
    ((16..=64).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_hexdigit())).then_some(text)
}

/// A page that must not be cached, framed or leak its address onward.
fn page(status: StatusCode, html: String) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
            (header::REFERRER_POLICY, "no-referrer"),
            (header::X_FRAME_OPTIONS, "DENY"),
        ],
        html,
    )
        .into_response()
}

fn refused(why: &str) -> Response {
    page(
        StatusCode::BAD_REQUEST,
        format!(
            "<!doctype html><meta charset=\"utf-8\"><title>Sandbox sign-in</title><p>{why}</p>"
        ),
    )
}

fn sign_in(state: &AppState) -> Option<&SandboxSignIn> {
    state.settings().sandbox_sign_in.as_ref()
}

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;max-width:26rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}\
h1{font-size:1.25rem}.who{padding:.75rem;border:1px solid #c9d1d9;border-radius:6px}\
button{font:inherit;padding:.5rem 1rem;margin:.25rem .25rem 0 0;border-radius:6px;border:1px solid #0b5cad;background:#0b5cad;color:#fff;cursor:pointer}\
button.secondary{background:#fff;color:#0b5cad}.hint{color:#57606a;font-size:.875rem}";

/// `GET /sandbox/sign-in?request=…`: the stand-in provider's consent page.
async fn consent(State(state): State<AppState>, Query(start): Query<Start>) -> Response {
    let Some(sign_in) = sign_in(&state) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Some(request) = request_id(&start.request) else {
        return refused("This sign-in was not started by the settings page.");
    };
    let user = html_text(&sign_in.username);
    page(
        StatusCode::OK,
        format!(
            "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
<title>Sandbox sign-in</title><style>{STYLE}</style>\
<h1>Sign in to the sandbox</h1>\
<p class=\"who\"><strong>{user}</strong><br>The settings page asks to send email as you (scope SMTP.Send).</p>\
<form method=\"post\" action=\"sign-in\">\
<input type=\"hidden\" name=\"request\" value=\"{request}\">\
<button name=\"ttl\" value=\"hour\">Allow</button>\
<button name=\"ttl\" value=\"minute\" class=\"secondary\">Allow for one minute</button>\
</form>\
<p class=\"hint\">This page stands in for Microsoft's or Google's sign-in. \
“Allow for one minute” gives a token that soon expires, to see what the page says then.</p>"
        ),
    )
}

/// `POST /sandbox/sign-in`: a token for the demo account, handed to the
/// window that opened this one (same origin only), as an integrator's
/// callback page does.
async fn signed_in(State(state): State<AppState>, Form(consent): Form<Consent>) -> Response {
    let Some(sign_in) = sign_in(&state) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Some(request) = request_id(&consent.request) else {
        return refused("This sign-in was not started by the settings page.");
    };
    let ttl = match consent.ttl.as_str() {
        "hour" => Duration::from_hours(1),
        "minute" => Duration::from_mins(1),
        _ => return refused("Choose Allow or Allow for one minute."),
    };
    let now = SystemTime::now();
    let token = sign_in.issuer.issue(&sign_in.username, ttl, now);
    let expires_ms = now
        .checked_add(ttl)
        .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX));
    let message = serde_json::json!({
        "type": "smtp-doctor:connected",
        "request": request,
        "username": sign_in.username,
        "accessToken": token,
        "expiresAt": expires_ms,
        "settings": {
            "host": "localhost",
            "port": sign_in.port,
            "security": "starttls",
            "auth": "oauth2",
        },
    });
    // JSON inside <script>: `<` escaped, so no text can end the element.
    let json = message.to_string().replace('<', "\\u003c");
    page(
        StatusCode::OK,
        format!(
            "<!doctype html><meta charset=\"utf-8\"><title>Signed in</title>\
<p>Signed in. You can close this window.</p>\
<script>window.opener && window.opener.postMessage({json}, location.origin); window.close();</script>"
        ),
    )
}

/// `text` for HTML element content and attribute values.
fn html_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::request_id;

    #[test]
    fn only_a_hex_request_id_reaches_the_page() {
        assert_eq!(request_id("0123456789abcdef"), Some("0123456789abcdef"));
        for bad in [
            "",
            "abc",
            "0123456789abcdeg",
            "\"><script>alert(1)</script>",
            &"a".repeat(65),
        ] {
            assert_eq!(request_id(bad), None, "{bad}");
        }
    }
}
