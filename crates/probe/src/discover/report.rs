//! What a discovery answers: the candidates with their evidence and
//! verification, each source's outcome, the report (all serialized as the
//! API's JSON and documented in the OpenAPI document).

use serde::{Deserialize, Serialize};
use smtp_doctor_core::{Diagnostic, Security};

/// Where a candidate came from.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    PartialOrd,
    Ord,
    utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Provider,
    Mx,
    Autoconfig,
    Srv,
    Guess,
}

impl SourceKind {
    /// The name used in JSON and the CLI.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Provider => "provider",
            Self::Mx => "mx",
            Self::Autoconfig => "autoconfig",
            Self::Srv => "srv",
            Self::Guess => "guess",
        }
    }

    /// How much a source is worth when two verified candidates tie.
    pub(super) fn confidence(self) -> u8 {
        match self {
            Self::Provider => 5,
            Self::Mx | Self::Autoconfig => 4,
            Self::Srv => 3,
            Self::Guess => 1,
        }
    }
}

/// One piece of evidence: which source, and what exactly it said.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Evidence {
    pub source: SourceKind,
    pub detail: String,
}

/// What live verification found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum VerifyStatus {
    /// Connect, greeting, TLS (if any) and EHLO (and AUTH, if asked) passed.
    Verified,
    Failed,
    /// The overall deadline came first.
    NotTried,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Verification {
    pub status: VerifyStatus,
    pub duration_ms: u64,
    /// The steps that ran, e.g. "connect", "greeting", "tls", "ehlo".
    pub passed: Vec<String>,
    /// What failed and why (the probe's own diagnostics).
    pub diagnostics: Vec<Diagnostic>,
    pub greeting: Option<String>,
    pub tls_version: Option<String>,
    pub auth_mechanisms: Vec<String>,
}

impl Verification {
    pub(super) fn not_tried() -> Self {
        Self {
            status: VerifyStatus::NotTried,
            duration_ms: 0,
            passed: Vec::new(),
            diagnostics: Vec::new(),
            greeting: None,
            tls_version: None,
            auth_mechanisms: Vec::new(),
        }
    }
}

/// One set of settings to try.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Candidate {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub username: Option<String>,
    pub evidence: Vec<Evidence>,
    pub verification: Verification,
    /// Why it sits where it does.
    pub why: String,
}

/// What one source gave.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SourceOutcome {
    pub source: SourceKind,
    /// "found", "none", "skipped" or "error".
    pub status: String,
    pub detail: String,
}

/// The answer (always an answer: "nothing found" is not an error).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DiscoverReport {
    pub domain: String,
    pub email: Option<String>,
    /// At least one candidate was verified.
    pub found: bool,
    pub message: String,
    /// Findings about the discovery itself (not about a candidate): the
    /// probe's own outage, `probe.dns-unavailable`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
    /// Ranked, best first.
    pub candidates: Vec<Candidate>,
    pub sources: Vec<SourceOutcome>,
    pub duration_ms: u64,
}

/// Bad input.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DiscoverError {
    #[error("give an email address or a domain")]
    Missing,
    #[error("{0} is not an email address")]
    BadEmail(String),
    #[error("{0} is not a domain name")]
    BadDomain(String),
}
