//! Share links (SPEC §4): `POST /v1/reports` stores a probe report for
//! the people who must act on it, `GET /r/{id}` shows it to them — a
//! printable page in their language, or JSON — and `DELETE
//! /v1/reports/{id}` takes it back.
//!
//! What is stored is core's [`shareable`] report: no transcript, secrets
//! redacted from every text, the registry's words. The link is the only
//! key to it, so every way of missing — a malformed id, an unknown one, an
//! expired or deleted one — is one and the same answer. The page runs
//! nothing but its print button, allowed by hash.

use std::sync::LazyLock;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{delete, get, post};
use base64::Engine as _;
use sha2::{Digest as _, Sha256};
use smtp_doctor_core::handoff::{self, MAX_SHARED_BYTES, Page, shareable};
use smtp_doctor_core::report::Report;

use super::in_language;
use crate::http::api::{ErrorBody, SharedLink, SharedReport};
use crate::http::body::SecretJson;
use crate::http::caller::{Caller, locale};
use crate::http::limits::Kind;
use crate::http::{ApiError, AppState};
use crate::store::{DeleteToken, ReportId, Store, StoreError};

/// A report as `/v1/probe` answers it may carry its transcript: room for
/// it, though it is dropped before storing.
pub(crate) const REPORT_BODY_BYTES: usize = 256 * 1024;

/// `POST /v1/reports` and `DELETE /v1/reports/{id}`: for the API's callers.
pub(super) fn api() -> Router<AppState> {
    Router::new()
        .route(
            "/v1/reports",
            post(create).layer(DefaultBodyLimit::max(REPORT_BODY_BYTES)),
        )
        .route("/v1/reports/{id}", delete(remove))
}

/// `GET /r/{id}`: for whoever has the link.
pub(super) fn public() -> Router<AppState> {
    Router::new().route("/r/{id}", get(show))
}

fn store(state: &AppState) -> Result<&Store, ApiError> {
    state.settings().store.as_ref().ok_or_else(|| {
        ApiError::StoreUnavailable("this service keeps no reports (serve --store none)".into())
    })
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        tracing::warn!(error = %e, "report store call failed");
        Self::StoreUnavailable(e.to_string())
    }
}

fn now() -> i64 {
    i64::try_from(crate::clock::now()).unwrap_or(i64::MAX)
}

/// RFC 3339 in UTC, for JSON.
fn rfc3339(secs: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(secs)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

/// `2026-12-14 20:31 UTC`, for people.
fn readable(secs: i64) -> String {
    const FORMAT: &[time::format_description::FormatItem<'_>] =
        time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    time::OffsetDateTime::from_unix_timestamp(secs)
        .ok()
        .and_then(|t| t.format(FORMAT).ok())
        .unwrap_or_default()
}

/// `POST /v1/reports`: a report → `201 {id, url, deleteToken, expiresAt}`.
#[utoipa::path(post, path = "/v1/reports", request_body = Report,
    security((), ("apiKey" = [])),
    responses(
        (status = 201, body = SharedLink),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 413, body = ErrorBody), (status = 415, body = ErrorBody),
        (status = 429, body = ErrorBody), (status = 503, body = ErrorBody),
    ))]
pub(crate) async fn create(
    State(state): State<AppState>,
    caller: Caller,
    body: SecretJson<REPORT_BODY_BYTES>,
) -> Result<Response, ApiError> {
    let store = store(&state)?;
    state.limits().rate(&caller.key, Kind::Share).await?;
    let report: Report = body.parse("probe report (as /v1/probe answers it)")?;
    drop(body);
    let text = serde_json::to_string(&shareable(report)).map_err(|_| ApiError::Internal)?;
    if text.len() > MAX_SHARED_BYTES {
        return Err(ApiError::TooLarge {
            limit: MAX_SHARED_BYTES,
        });
    }
    let (Ok(id), Ok(token)) = (ReportId::new(), DeleteToken::new()) else {
        return Err(ApiError::Internal);
    };
    let created = now();
    let ttl = i64::try_from(state.settings().report_ttl.as_secs()).unwrap_or(i64::MAX);
    let expires = created.saturating_add(ttl);
    store.put(&id, &token, &text, created, expires).await?;
    let path = format!("/r/{}", id.as_str());
    let link = SharedLink {
        url: state
            .settings()
            .public_url
            .as_ref()
            .map_or_else(|| path.clone(), |base| format!("{base}{path}")),
        id: id.as_str().to_owned(),
        delete_token: token.as_str().to_owned(),
        expires_at: rfc3339(expires),
    };
    let mut response = (StatusCode::CREATED, axum::Json(link)).into_response();
    if let Ok(location) = HeaderValue::from_str(&path) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    no_store(response.headers_mut());
    Ok(response)
}

/// `DELETE /v1/reports/{id}` with `X-Delete-Token`: 204, or 404 for a
/// wrong token as for an unknown id.
#[utoipa::path(delete, path = "/v1/reports/{id}",
    params(("id" = String, Path), ("X-Delete-Token" = String, Header)),
    security((), ("apiKey" = [])),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 503, body = ErrorBody)))]
pub(crate) async fn remove(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    let store = store(&state)?;
    let token = headers
        .get("x-delete-token")
        .and_then(|v| v.to_str().ok())
        .and_then(DeleteToken::parse);
    let (Some(id), Some(token)) = (ReportId::parse(&id), token) else {
        return Err(ApiError::NoSuchReport);
    };
    if store.delete(&id, &token).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NoSuchReport)
    }
}

/// `GET /r/{id}`: the hand-off page in the reader's language, or
/// `{report, createdAt, expiresAt}` with `Accept: application/json`.
#[utoipa::path(get, path = "/r/{id}", params(("id" = String, Path)),
    responses(
        (status = 200, body = SharedReport, description = "HTML unless Accept asks for JSON"),
        (status = 404, body = ErrorBody), (status = 503, body = ErrorBody)))]
pub(crate) async fn show(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let json = wants_json(&headers);
    let reader = locale(&headers);
    let found = match (store(&state), ReportId::parse(&id)) {
        (Err(e), _) => Err(e),
        (Ok(_), None) => Err(ApiError::NoSuchReport),
        (Ok(store), Some(id)) => match store.get(&id, now()).await {
            Ok(Some(stored)) => Ok(stored),
            Ok(None) => Err(ApiError::NoSuchReport),
            Err(e) => Err(e.into()),
        },
    };
    let mut response = match (found, json) {
        (Err(e), true) => e.into_response(),
        (Err(e), false) => {
            let status = e.into_response().status();
            let id = if status == StatusCode::NOT_FOUND {
                "ui-share-gone"
            } else {
                "ui-share-unavailable"
            };
            let mut page = page(&gone_page(reader, id));
            *page.status_mut() = status;
            page
        }
        (Ok(stored), true) => match serde_json::value::RawValue::from_string(stored.report) {
            Ok(report) => axum::Json(SharedReport {
                report,
                created_at: rfc3339(stored.created_at),
                expires_at: rfc3339(stored.expires_at),
            })
            .into_response(),
            Err(_) => ApiError::Internal.into_response(),
        },
        (Ok(stored), false) => match serde_json::from_str::<Report>(&stored.report) {
            Ok(report) => {
                let expires = readable(stored.expires_at);
                page(&handoff::html(&report, reader, &Page { expires: &expires }))
            }
            Err(_) => ApiError::Internal.into_response(),
        },
    };
    let h = response.headers_mut();
    no_store(h);
    h.append(header::VARY, HeaderValue::from_static("accept"));
    in_language(response, reader)
}

/// Whether `Accept` prefers JSON to HTML (a browser's never does).
fn wants_json(headers: &HeaderMap) -> bool {
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    accept.contains("application/json") && !accept.contains("text/html")
}

/// The page for a link that opens nothing.
fn gone_page(locale: &str, id: &str) -> String {
    let catalog = smtp_doctor_core::i18n::catalog(locale);
    let text = catalog
        .text(id, None, &[])
        .replace('&', "&amp;")
        .replace('<', "&lt;");
    format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\">\
         <title>{text}</title><style>{}</style></head><body><p>{text}</p></body></html>",
        catalog.locale(),
        handoff::STYLE,
    )
}

/// The page's policy: nothing loads, nothing frames it, only our own
/// style and script run.
static POLICY: LazyLock<HeaderValue> = LazyLock::new(|| {
    let hash = |text: &str| base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text));
    let policy = format!(
        "default-src 'none'; style-src 'sha256-{}'; script-src 'sha256-{}'; img-src 'none'; \
         base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        hash(handoff::STYLE),
        hash(handoff::SCRIPT),
    );
    HeaderValue::from_str(&policy).expect("the policy is ASCII")
});

fn page(html: &str) -> Response {
    let mut response = Html(html.to_owned()).into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, POLICY.clone());
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert("x-robots-tag", HeaderValue::from_static("noindex"));
    response
}

/// A link's answers are never cached: a deleted report must be gone.
fn no_store(h: &mut HeaderMap) {
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
}
