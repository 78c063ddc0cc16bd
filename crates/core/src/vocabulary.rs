//! The words a diagnostic and the code registry both use: how bad a
//! finding is, and which settings field it is about. Their own module, so
//! `codes` (the registry) and `diagnostic` (the result type) both depend on
//! it instead of on each other.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Who must act on a finding (SPEC §3): the customer filling in the
/// settings, the administrator of their mail server or account (their IT
/// team: allowlists, SMTP AUTH, send-as rights, certificates), whoever
/// runs their domain's DNS (SPF, DKIM, DMARC), the mail provider itself
/// (its service is failing; nobody at the customer can fix it), or the
/// test service (`probe.*`: our problem, never the settings').
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Actor {
    Customer,
    ItAdmin,
    DnsAdmin,
    Provider,
    Service,
}

impl Actor {
    /// The id used in JSON and in the catalogs (`actor-<id>`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Customer => "customer",
            Self::ItAdmin => "it-admin",
            Self::DnsAdmin => "dns-admin",
            Self::Provider => "provider",
            Self::Service => "service",
        }
    }
}

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Severity {
    /// Worth knowing; nothing to change.
    Info,
    /// It may not work, or it is unsafe.
    Warning,
    /// It will not work.
    Error,
}

impl Severity {
    /// The lowercase name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A config field a settings page can highlight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Field {
    Host,
    Port,
    Security,
    Username,
    Password,
    From,
    Auth,
    /// An OAuth2 access token (`accessToken`), instead of the password.
    AccessToken,
}

impl Field {
    /// Every field, in the order a settings form shows them.
    pub const ALL: [Self; 8] = [
        Self::Host,
        Self::Port,
        Self::Security,
        Self::Username,
        Self::Password,
        Self::From,
        Self::Auth,
        Self::AccessToken,
    ];

    /// The field whose JSON key is `id`, if any.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == id)
    }

    /// The JSON key of the field.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Host => "host",
            Self::Port => "port",
            Self::Security => "security",
            Self::Username => "username",
            Self::Password => "password",
            Self::From => "from",
            Self::Auth => "auth",
            Self::AccessToken => "accessToken",
        }
    }

    /// The label a person reads.
    pub const fn label(self) -> &'static str {
        match self {
            Self::Host => "SMTP server",
            Self::Port => "Port",
            Self::Security => "Security",
            Self::Username => "Username",
            Self::Password => "Password",
            Self::From => "From address",
            Self::Auth => "Authentication",
            Self::AccessToken => "Access token",
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
