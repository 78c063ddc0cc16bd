//! `GET /v1/openapi.json`: the OpenAPI document, generated from the Rust
//! types (utoipa) so it cannot drift from what the service sends.

use serde::Serialize;
use smtp_doctor_core::report::{
    Certificate, Report, ServerInfo, Step, StepKind, StepStatus, Suggestion, Target, TlsInfo,
};
use smtp_doctor_core::{AuthMechanism, Code, Diagnostic, Field, Fix, Security, Severity};
use utoipa::{OpenApi, ToSchema};

use crate::engine::Check;

/// SMTP settings as a form sends them (SPEC §2). Unknown fields are ignored.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub(crate) struct ConfigInput {
    /// DNS name, IDN, IPv4 or bracketed IPv6.
    host: String,
    /// A number or a numeric string (form fields send strings).
    #[schema(value_type = Object, example = 587)]
    port: serde_json::Value,
    /// Also accepted: the `secure` or `tls` booleans.
    security: Option<Security>,
    /// nodemailer style: true = implicit TLS, false = STARTTLS.
    secure: Option<bool>,
    /// One "TLS" checkbox: true = implicit TLS, false = STARTTLS.
    tls: Option<bool>,
    username: Option<String>,
    /// Never logged, echoed, stored or put in a transcript.
    password: Option<String>,
    /// `a@b.c` or `Name <a@b.c>`.
    from: Option<String>,
    auth: Option<AuthMechanism>,
}

/// `POST /v1/probe` body.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub(crate) struct ProbeRequestBody {
    config: ConfigInput,
    /// Default: connect, tls, auth.
    checks: Option<Vec<Check>>,
    /// For `send`: the sender's own address unless the operator allows more.
    recipient: Option<String>,
}

/// `POST /v1/discover` body: an address, or a domain.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub(crate) struct DiscoverRequestBody {
    email: Option<String>,
    host: Option<String>,
    /// With a password, verification also logs in (never kept or logged).
    password: Option<String>,
}

pub(crate) use crate::discover::DiscoverReport as DiscoverReportBody;

#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub(crate) struct ValidateResponse {
    diagnostics: Vec<Diagnostic>,
}

#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub(crate) struct ErrorDetail {
    /// bad-json, bad-request, unauthorized, forbidden, too-large,
    /// unsupported-media-type, rate-limited, at-capacity, not-found, internal.
    code: String,
    message: String,
}

/// Every error answer: `{ "error": { "code", "message" } }`.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub(crate) struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub(crate) struct Limits {
    probes_per_minute: u32,
    sends_per_hour: u32,
    concurrent_probes: usize,
    per_target: usize,
    step_timeout_seconds: f64,
    deadline_seconds: f64,
    max_body_bytes: usize,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub(crate) struct InfoResponse {
    version: String,
    /// Addresses the probe connects from: what a server's allowlist needs.
    egress_ips: Vec<String>,
    /// Ports or ranges, e.g. "587", "2500-2599".
    allowed_ports: Vec<String>,
    limits: Limits,
    api_key_required: bool,
    /// The checks this service runs: `arrival` only with an inbox.
    checks: Vec<String>,
    /// How long `arrival` waits for its message.
    arrival_wait_seconds: f64,
}

#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub(crate) struct Health {
    status: String,
    version: String,
}

#[derive(OpenApi)]
#[openapi(
    info(title = "smtp-doctor", description = "Diagnose SMTP settings: static validation and a live probe."),
    paths(
        super::routes::healthz,
        super::routes::readyz,
        super::routes::metrics,
        super::routes::validate,
        super::routes::probe,
        super::routes::discover,
        super::routes::info,
        super::routes::openapi,
    ),
    components(schemas(
        ConfigInput, ProbeRequestBody, ValidateResponse, ErrorBody, ErrorDetail, InfoResponse, Limits, Health, Check,
        Diagnostic, Code, Severity, Field, Fix, Security, AuthMechanism, Report, Target, Step, StepKind, StepStatus,
        ServerInfo, TlsInfo, Certificate, Suggestion, DiscoverRequestBody,
        crate::discover::DiscoverReport, crate::discover::Candidate, crate::discover::Evidence,
        crate::discover::SourceKind, crate::discover::Verification, crate::discover::VerifyStatus,
        crate::discover::SourceOutcome,
    )),
    modifiers(&BearerKey)
)]
pub(crate) struct ApiDoc;

/// Declares the optional bearer API key.
struct BearerKey;

impl utoipa::Modify for BearerKey {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "apiKey",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "An API key (--api-key), or a short-lived HS256 JWT signed with a --token-key: exp at most 10 minutes ahead, scope probe/discover/validate, optional sub (keys the rate limits).",
                    ))
                    .build(),
            ),
        );
    }
}
