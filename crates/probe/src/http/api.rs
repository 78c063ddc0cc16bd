//! The answers the service sends, as types: handlers return them, the
//! OpenAPI document is generated from them, so a body and its schema
//! cannot drift. (The report and discovery types live in core and the
//! engine; requests are read by the engine's own types, see `openapi`.)

use serde::Serialize;
use smtp_doctor_core::Diagnostic;
use utoipa::ToSchema;

/// `GET /healthz`.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Health {
    /// `ok`, or `degraded` while the shared limits' Redis is away.
    pub status: &'static str,
    pub version: &'static str,
}

/// `GET /readyz`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Ready {
    pub status: &'static str,
    pub version: &'static str,
    /// `null` without `--redis`; else whether Redis answers.
    pub shared_limits: Option<bool>,
    /// `null` without a store (`--store none`); else whether the share
    /// links' store answers.
    pub store: Option<bool>,
}

/// `POST /v1/reports`: a share link, shown to its creator once.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct SharedLink {
    /// 128 random bits, base64url.
    pub id: String,
    /// The link (`--public-url` + `/r/{id}`; without it the path alone).
    pub url: String,
    /// Deletes the report (`DELETE /v1/reports/{id}`, header
    /// `X-Delete-Token`); stored only as a hash.
    pub delete_token: String,
    /// RFC 3339, UTC.
    pub expires_at: String,
}

/// `GET /r/{id}` with `Accept: application/json`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct SharedReport {
    /// The report as stored: redacted, without its transcript.
    #[schema(value_type = smtp_doctor_core::report::Report)]
    pub report: Box<serde_json::value::RawValue>,
    pub created_at: String,
    pub expires_at: String,
}

/// `POST /v1/validate`.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ValidateResponse {
    pub diagnostics: Vec<Diagnostic>,
}

/// `GET /v1/info`: what a page needs to explain the probe to a customer.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct InfoResponse {
    pub version: &'static str,
    /// Addresses the probe connects from: what a server's allowlist needs.
    #[schema(value_type = Vec<String>)]
    pub egress_ips: Vec<std::net::IpAddr>,
    /// Ports or ranges, e.g. "587", "2500-2599".
    pub allowed_ports: Vec<String>,
    pub limits: InfoLimits,
    pub api_key_required: bool,
    /// The checks this service runs: `arrival` only with an inbox.
    pub checks: Vec<&'static str>,
    /// How long `arrival` waits for its message.
    pub arrival_wait_seconds: f64,
    /// `serve --sandbox`: the sandbox's sign-in page, for a
    /// `<smtp-doctor-connect start=…>` (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sandbox_sign_in: Option<&'static str>,
    /// Whether `POST /v1/reports` keeps share links here (a store is set).
    pub share_links: bool,
    /// Whether `POST /v1/monitors` takes monitors here (a store and API
    /// keys are set).
    pub monitors: bool,
}

/// The limits in `GET /v1/info`.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Limits)]
#[serde(rename_all = "camelCase")]
pub(crate) struct InfoLimits {
    pub probes_per_minute: u32,
    pub sends_per_hour: u32,
    pub concurrent_probes: usize,
    pub per_target: usize,
    pub step_timeout_seconds: f64,
    pub deadline_seconds: f64,
    pub max_body_bytes: usize,
}

/// Every error answer, and an event stream's `error` event:
/// `{ "error": { "code", "message" } }`.
#[derive(Debug, Serialize, ToSchema, PartialEq, Eq)]
pub(crate) struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Serialize, ToSchema, PartialEq, Eq)]
pub(crate) struct ErrorDetail {
    /// bad-json, bad-request, unauthorized, forbidden, too-large,
    /// unsupported-media-type, rate-limited, at-capacity, not-found,
    /// store-unavailable, internal.
    pub code: &'static str,
    pub message: String,
}
