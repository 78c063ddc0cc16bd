//! Monitors (SPEC §4, issue 30): `POST /v1/monitors` subscribes an
//! integrator's backend to a connection's changes, `GET /v1/monitors`
//! and `GET /v1/monitors/{id}` show them with their checks and deliveries,
//! `DELETE /v1/monitors/{id}` ends one. The scheduler is
//! [`crate::monitor`].
//!
//! Monitors call out on their own, for as long as they exist, so they are
//! for backends only: an API key (`--api-key`), never a browser token, and
//! each key sees only its own. A monitor never logs in: settings with a
//! password or token are refused rather than stored. The webhook URL is
//! checked against the probe's policy now and at each delivery; the
//! signing secret is shown once, in the answer that creates it.

use axum::Extension;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;
use serde_json::{Value, json};
use smtp_doctor_core::json::Json as CoreJson;
use smtp_doctor_core::{Field, Severity};

use crate::http::auth::KeyHolder;
use crate::http::body::SecretJson;
use crate::http::caller::Caller;
use crate::http::limits::Kind;
use crate::http::{ApiError, AppState};
use crate::monitor::{self, rfc3339_ms};
use crate::store::Store;
use crate::store::monitors::{MonitorRow, NewMonitor};
use crate::webhook::{WebhookSecret, WebhookUrl};

/// The longest label or reference taken.
const MAX_TEXT: usize = 200;
/// The longest interval a monitor may ask for: 30 days.
const MAX_INTERVAL_SECONDS: u64 = 30 * 86_400;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/v1/monitors", get(list).post(create))
        .route("/v1/monitors/{id}", get(show).delete(remove))
}

/// The API key the request carries (the key middleware says which), as
/// the monitors' owner: its SHA-256.
fn owner(state: &AppState, holder: Option<Extension<KeyHolder>>) -> Result<String, ApiError> {
    if state.settings().api_keys.is_empty() {
        return Err(ApiError::Forbidden(
            "monitors need an API key: start the service with --api-key".into(),
        ));
    }
    // The key middleware let the request in: without a key, a token.
    holder
        .map(|Extension(KeyHolder(owner))| owner)
        .ok_or_else(|| {
            ApiError::Forbidden(
                "monitors are for backends: use an API key, not a browser token".into(),
            )
        })
}

fn store(state: &AppState) -> Result<&Store, ApiError> {
    state.settings().store.as_ref().ok_or_else(|| {
        ApiError::StoreUnavailable("this service keeps no monitors (serve --store none)".into())
    })
}

/// `POST /v1/monitors` body.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct MonitorRequest {
    /// The settings, without a password or token.
    config: Value,
    #[serde(default)]
    label: String,
    /// The integrator's own id for it (a tenant, an account).
    #[serde(default)]
    reference: String,
    webhook_url: String,
    #[serde(default)]
    interval_seconds: Option<u64>,
    /// The language of the webhooks' texts (default: the request's).
    #[serde(default)]
    lang: Option<String>,
}

fn checked_text(what: &str, text: String) -> Result<String, ApiError> {
    if text.chars().count() > MAX_TEXT || text.chars().any(char::is_control) {
        return Err(ApiError::BadRequest(format!(
            "`{what}` is at most {MAX_TEXT} characters, without control characters"
        )));
    }
    Ok(text)
}

/// `POST /v1/monitors` → `201 {id, webhookSecret, …}`.
#[utoipa::path(post, path = "/v1/monitors", security(("apiKey" = [])),
    responses(
        (status = 201, description = "The monitor, with its webhook signing secret (shown only here)"),
        (status = 400, body = crate::http::api::ErrorBody), (status = 403, body = crate::http::api::ErrorBody),
        (status = 429, body = crate::http::api::ErrorBody), (status = 503, body = crate::http::api::ErrorBody),
    ))]
pub(crate) async fn create(
    State(state): State<AppState>,
    caller: Caller,
    holder: Option<Extension<KeyHolder>>,
    body: SecretJson,
) -> Result<Response, ApiError> {
    let owner = owner(&state, holder)?;
    let store = store(&state)?;
    // Creating one costs what creating a share link does.
    state.limits().rate(&caller.key, Kind::Share).await?;
    let request: MonitorRequest = body.parse("monitor")?;
    let Value::Object(config) = &request.config else {
        return Err(ApiError::BadRequest(
            "`config` is the settings object".into(),
        ));
    };
    for secret in ["password", "pass", "accessToken"] {
        if config
            .get(secret)
            .is_some_and(|v| !v.is_null() && v.as_str() != Some(""))
        {
            return Err(ApiError::BadRequest(format!(
                "a monitor never logs in: send the settings without `{secret}` (nothing secret is kept)"
            )));
        }
    }
    // The one pipeline decides whether the settings name a server.
    let core = CoreJson::from(request.config.clone());
    let blocking: Vec<String> = smtp_doctor_core::validate_json(&core)
        .into_iter()
        .filter(|d| {
            d.severity == Severity::Error
                && matches!(d.field, Some(Field::Host | Field::Port | Field::Security))
        })
        .map(|d| d.message)
        .collect();
    if !blocking.is_empty() {
        return Err(ApiError::BadRequest(format!(
            "these settings cannot be monitored: {}",
            blocking.join(" ")
        )));
    }
    let host = smtp_doctor_core::Config::from_json(&core)
        .host
        .map(|h| h.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let webhook = WebhookUrl::parse(&request.webhook_url, state.engine())
        .map_err(|e| ApiError::BadRequest(e.to_string()))?;
    let options = &state.settings().monitors;
    let interval = request
        .interval_seconds
        .map_or(options.default_interval, std::time::Duration::from_secs);
    if interval < options.min_interval || interval.as_secs() > MAX_INTERVAL_SECONDS {
        return Err(ApiError::BadRequest(format!(
            "`intervalSeconds` is between {} and {MAX_INTERVAL_SECONDS}",
            options.min_interval.as_secs_f64()
        )));
    }
    let lang = request
        .lang
        .as_deref()
        .map_or(caller.locale, smtp_doctor_core::i18n::negotiate);
    let (Some(id), Some(secret)) = (monitor::new_id(), WebhookSecret::new()) else {
        return Err(ApiError::Internal);
    };
    let now = crate::clock::now_ms();
    let interval_ms = i64::try_from(interval.as_millis()).unwrap_or(i64::MAX);
    let monitor = NewMonitor {
        id: id.clone(),
        owner,
        label: checked_text("label", request.label)?,
        reference: checked_text("reference", request.reference)?,
        host,
        settings: request.config.to_string(),
        lang: lang.to_owned(),
        webhook_url: webhook.as_str(),
        webhook_secret: secret.as_str().to_owned(),
        interval_ms,
        created_at: now,
        // The first check sets the baseline at once.
        next_due: now,
    };
    if !store.put_monitor(&monitor, options.max_per_owner).await? {
        return Err(ApiError::Forbidden(format!(
            "an API key may hold at most {} monitors",
            options.max_per_owner
        )));
    }
    let path = format!("/v1/monitors/{id}");
    let answer = json!({
        "id": id,
        "url": path,
        "webhookSecret": secret.as_str(),
        "label": monitor.label,
        "reference": monitor.reference,
        "intervalSeconds": interval.as_secs(),
        "nextCheckAt": rfc3339_ms(now),
    });
    let mut response = (StatusCode::CREATED, axum::Json(answer)).into_response();
    if let Ok(location) = HeaderValue::from_str(&path) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// JSON the store holds (written by us), as a value.
fn raw(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or(Value::Null)
}

/// A monitor as JSON; `detail` adds its checks and deliveries.
fn view(m: &MonitorRow, detail: Option<(Vec<Value>, Vec<Value>)>) -> Value {
    let last = m.observation.as_deref().map(raw);
    let status = match &last {
        None => "pending",
        Some(o) if o["works"] == Value::Bool(true) => "working",
        Some(_) => "failing",
    };
    let mut out = json!({
        "id": m.id,
        "label": m.label,
        "reference": m.reference,
        "config": raw(&m.settings),
        "lang": m.lang,
        "webhookUrl": m.webhook_url,
        "intervalSeconds": m.interval_ms / 1000,
        "createdAt": rfc3339_ms(m.created_at),
        "nextCheckAt": rfc3339_ms(m.next_due),
        "lastCheckedAt": m.checked_at.map(rfc3339_ms),
        "checksRun": m.checks,
        "status": status,
        "last": last,
    });
    if let Some((checks, deliveries)) = detail {
        out["checks"] = Value::Array(checks);
        out["deliveries"] = Value::Array(deliveries);
    }
    out
}

/// `GET /v1/monitors`: this key's monitors.
#[utoipa::path(get, path = "/v1/monitors", security(("apiKey" = [])),
    responses((status = 200, description = "`{monitors: [...]}`"), (status = 403, body = crate::http::api::ErrorBody)))]
pub(crate) async fn list(
    State(state): State<AppState>,
    holder: Option<Extension<KeyHolder>>,
) -> Result<axum::Json<Value>, ApiError> {
    let owner = owner(&state, holder)?;
    let rows = store(&state)?
        .monitors(&owner, state.settings().monitors.max_per_owner)
        .await?;
    let monitors: Vec<Value> = rows.iter().map(|m| view(m, None)).collect();
    Ok(axum::Json(json!({ "monitors": monitors })))
}

/// `GET /v1/monitors/{id}`: one monitor, its last checks and its
/// delivery log.
#[utoipa::path(get, path = "/v1/monitors/{id}", params(("id" = String, Path)), security(("apiKey" = [])),
    responses((status = 200, description = "The monitor with `checks` and `deliveries`, newest first"),
        (status = 404, body = crate::http::api::ErrorBody)))]
pub(crate) async fn show(
    State(state): State<AppState>,
    Path(id): Path<String>,
    holder: Option<Extension<KeyHolder>>,
) -> Result<Response, ApiError> {
    let owner = owner(&state, holder)?;
    let store = store(&state)?;
    if !monitor::is_id(&id) {
        return Err(ApiError::NotFound);
    }
    let Some(m) = store.monitor(&owner, &id).await? else {
        return Err(ApiError::NotFound);
    };
    let checks = store
        .monitor_checks(&id)
        .await?
        .into_iter()
        .map(|c| {
            json!({
                "dueAt": rfc3339_ms(c.due_at),
                "at": rfc3339_ms(c.at),
                "works": c.works,
                "codes": raw(&c.codes),
                "events": raw(&c.events),
                "replica": c.replica,
            })
        })
        .collect();
    let deliveries = store
        .monitor_deliveries(&id)
        .await?
        .into_iter()
        .map(|d| {
            json!({
                "id": d.id,
                "type": d.event_type,
                "createdAt": rfc3339_ms(d.created_at),
                "state": d.state,
                "attempts": raw(&d.attempts),
            })
        })
        .collect();
    let mut response = axum::Json(view(&m, Some((checks, deliveries)))).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// `DELETE /v1/monitors/{id}`: 204; its checks and pending webhooks go too.
#[utoipa::path(delete, path = "/v1/monitors/{id}", params(("id" = String, Path)), security(("apiKey" = [])),
    responses((status = 204), (status = 404, body = crate::http::api::ErrorBody)))]
pub(crate) async fn remove(
    State(state): State<AppState>,
    Path(id): Path<String>,
    holder: Option<Extension<KeyHolder>>,
) -> Result<StatusCode, ApiError> {
    let owner = owner(&state, holder)?;
    let store = store(&state)?;
    if monitor::is_id(&id) && store.delete_monitor(&owner, &id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound)
    }
}
