//! `GET /v1/openapi.json`: the OpenAPI document, generated from the Rust
//! types (utoipa) so it cannot drift from what the service sends.
//!
//! Answers are documented by the types handlers return (`api`, core's
//! report, the discovery report). Requests are read by the engine's own
//! types, which accept more spellings than a schema should advertise and
//! wipe their secrets: the request-side types here only document them.

use serde::Serialize;
use smtp_doctor_core::report::{
    Certificate, Report, ServerInfo, Step, StepKind, StepStatus, Suggestion, Target, TlsInfo,
};
use smtp_doctor_core::{AuthMechanism, Code, Diagnostic, Field, Fix, Security, Severity};
use utoipa::{OpenApi, ToSchema};

use super::api::{
    ErrorBody, ErrorDetail, Health, InfoLimits, InfoResponse, Ready, ValidateResponse,
};
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

/// `POST /v1/explain` body: the pasted text, and the settings it happened with.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub(crate) struct ExplainRequestBody {
    /// The error, reply, bounce or log (at most 64 KiB are read).
    text: String,
    /// The settings used, if known (a password here only helps redaction).
    config: Option<ConfigInput>,
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

#[derive(OpenApi)]
#[openapi(
    info(title = "smtp-doctor", description = "Diagnose SMTP settings: static validation and a live probe."),
    paths(
        super::routes::meta::healthz,
        super::routes::meta::readyz,
        super::routes::meta::metrics,
        super::routes::validate::validate,
        super::routes::explain::explain,
        super::routes::probe::probe,
        super::routes::discover::discover,
        super::routes::reports::create,
        super::routes::reports::show,
        super::routes::reports::remove,
        super::routes::monitors::create,
        super::routes::monitors::list,
        super::routes::monitors::show,
        super::routes::monitors::remove,
        super::routes::meta::info_handler,
        super::routes::meta::openapi,
    ),
    components(schemas(
        ConfigInput, ProbeRequestBody, ValidateResponse, ErrorBody, ErrorDetail, InfoResponse, InfoLimits, Health, Ready, Check,
        super::api::SharedLink, super::api::SharedReport,
        Diagnostic, Code, Severity, Field, Fix, Security, AuthMechanism, Report, Target, Step, StepKind, StepStatus,
        ServerInfo, TlsInfo, Certificate, Suggestion, DiscoverRequestBody, ExplainRequestBody,
        smtp_doctor_core::explain::Explanation, smtp_doctor_core::explain::Recognised,
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
                        "An API key (--api-key), or a short-lived HS256 JWT signed with a --token-key: exp at most 10 minutes ahead, scope probe/discover/validate/share, optional sub (keys the rate limits).",
                    ))
                    .build(),
            ),
        );
    }
}
