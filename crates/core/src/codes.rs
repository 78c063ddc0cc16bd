//! The registry: every diagnostic code, once, with its meaning.
//!
//! Codes are stable ids (`area.kebab-name`, SPEC §3). Each has one default
//! severity, the field it usually concerns and a docs anchor; its message
//! and help live in the catalogs (`crates/core/locales/*.ftl`, keyed by
//! the code with `-` for `.`). Rules may say more specific things, but never
//! use a code for another meaning; a code is never renamed, removed or
//! reused. `live` marks codes that only the probe can raise.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::vocabulary::{Actor, Field, Severity};

/// What the registry knows about one code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodeInfo {
    pub code: &'static str,
    pub severity: Severity,
    pub field: Option<Field>,
    /// Raised only by a live probe (SPEC §3.2), never by `validate`.
    pub live: bool,
}

impl CodeInfo {
    /// Where the code is documented: `docs/codes.md#<code>` in the
    /// repository (generated from this registry by
    /// `crates/core/tests/codes_doc.rs`). Made, not stored: a hundred
    /// stored copies of the prefix were a download of their own.
    pub fn docs(&self) -> String {
        format!("docs/codes.md#{}", self.code)
    }
}

/// `{code, severity, field, actor, live, docs}`.
impl Serialize for CodeInfo {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("CodeInfo", 6)?;
        out.serialize_field("code", self.code)?;
        out.serialize_field("severity", &self.severity)?;
        out.serialize_field("field", &self.field)?;
        out.serialize_field("actor", &Code::from_id(self.code).map(Code::actor))?;
        out.serialize_field("live", &self.live)?;
        out.serialize_field("docs", &self.docs())?;
        out.end()
    }
}

macro_rules! registry {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, $sev:ident, $field:expr, $live:literal; )*) => {
        /// A diagnostic code (see the module docs).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[$doc])* $variant, )*
        }

        /// Every code, in registry order.
        pub static CODES: &[CodeInfo] = &[
            $( CodeInfo {
                code: $code,
                severity: Severity::$sev,
                field: $field,
                live: $live,
            }, )*
        ];

        impl Code {
            /// Every code, in registry order.
            pub const ALL: &[Code] = &[ $( Code::$variant, )* ];

            /// The stable id, e.g. `tls.port-mismatch`.
            pub const fn as_str(self) -> &'static str {
                CODES[self as usize].code
            }

            /// Looks a code up by its id (a scan of the registry: a
            /// hundred short comparisons, and no second table of ids in
            /// the browser's download).
            pub fn from_id(id: &str) -> Option<Self> {
                CODES
                    .iter()
                    .position(|info| info.code == id)
                    .map(|i| Self::ALL[i])
            }
        }
    };
}

use Field::{AccessToken as FAccessToken, Security as FSecurity, Username as FUsername};
use Field::{Auth as FAuth, From as FFrom, Host as FHost, Password as FPassword, Port as FPort};

const HOST: Option<Field> = Some(FHost);
const PORT: Option<Field> = Some(FPort);
const SECURITY: Option<Field> = Some(FSecurity);
const USERNAME: Option<Field> = Some(FUsername);
const PASSWORD: Option<Field> = Some(FPassword);
const FROM: Option<Field> = Some(FFrom);
const AUTH: Option<Field> = Some(FAuth);
const ACCESS_TOKEN: Option<Field> = Some(FAccessToken);
const NONE: Option<Field> = None;

registry! {
    // ---- §3.1 static ----------------------------------------------------
    ConfigInvalid = "config.invalid", Error, NONE, false;
    HostMissing = "host.missing", Error, HOST, false;
    HostInvalid = "host.invalid", Error, HOST, false;
    HostHasScheme = "host.has-scheme", Error, HOST, false;
    HostHasPort = "host.has-port", Error, HOST, false;
    HostHasWhitespace = "host.has-whitespace", Warning, HOST, false;
    HostIsEmail = "host.is-email", Error, HOST, false;
    HostIncomingServer = "host.incoming-server", Error, HOST, false;
    HostIpLiteral = "host.ip-literal", Info, HOST, false;
    HostPrivate = "host.private", Warning, HOST, false;
    PortMissing = "port.missing", Error, PORT, false;
    PortInvalid = "port.invalid", Error, PORT, false;
    PortIncoming = "port.incoming", Error, PORT, false;
    PortUnusual = "port.unusual", Info, PORT, false;
    Port25Blocked = "port.25-blocked", Warning, PORT, false;
    TlsPortMismatch = "tls.port-mismatch", Error, SECURITY, false;
    TlsConflictingModes = "tls.conflicting-modes", Error, SECURITY, false;
    TlsMissing = "tls.missing", Error, SECURITY, false;
    TlsInvalidMode = "tls.invalid-mode", Error, SECURITY, false;
    TlsNone = "tls.none", Warning, SECURITY, false;
    AuthCleartext = "auth.cleartext", Warning, SECURITY, false;
    AuthUsernameMissing = "auth.username-missing", Error, USERNAME, false;
    AuthPasswordMissing = "auth.password-missing", Error, PASSWORD, false;
    AuthPasswordWhitespace = "auth.password-whitespace", Warning, PASSWORD, false;
    AuthMechanismUnknown = "auth.mechanism-unknown", Error, AUTH, false;
    AuthAppPassword = "auth.app-password", Info, PASSWORD, false;
    AuthUsernameFormat = "auth.username-format", Error, USERNAME, false;
    AuthCredentialType = "auth.credential-type", Error, PASSWORD, false;
    AuthOauthRequired = "auth.oauth-required", Error, AUTH, false;
    /// OAuth2 chosen, no access token given.
    AuthTokenMissing = "auth.token-missing", Error, ACCESS_TOKEN, false;
    /// An ID token, refresh token, authorization code or client secret
    /// where the access token belongs.
    AuthTokenKind = "auth.token-kind", Error, ACCESS_TOKEN, false;
    AuthTokenExpired = "auth.token-expired", Error, ACCESS_TOKEN, false;
    /// Expires before a test could finish.
    AuthTokenExpiring = "auth.token-expiring", Warning, ACCESS_TOKEN, false;
    /// Issued for another API (Microsoft Graph) or by another provider.
    AuthTokenAudience = "auth.token-audience", Error, ACCESS_TOKEN, false;
    /// No `SMTP.Send` (or `SMTP.SendAsApp`) permission.
    AuthTokenScope = "auth.token-scope", Error, ACCESS_TOKEN, false;
    /// Issued to another account than the username.
    AuthTokenUser = "auth.token-user", Error, USERNAME, false;
    /// A personal Microsoft account's token for Microsoft 365, or the reverse.
    AuthTokenTenant = "auth.token-tenant", Warning, ACCESS_TOKEN, false;
    FromMissing = "from.missing", Error, FROM, false;
    FromInvalid = "from.invalid", Error, FROM, false;
    FromDomainMismatch = "from.domain-mismatch", Warning, FROM, false;
    ProviderPortUnsupported = "provider.port-unsupported", Error, PORT, false;
    ProviderKnown = "provider.known", Info, HOST, false;

    // ---- §3.2 live -----------------------------------------------------
    DnsNotFound = "dns.not-found", Error, HOST, true;
    DnsNoAddress = "dns.no-address", Error, HOST, true;
    DnsTimeout = "dns.timeout", Error, HOST, true;
    DnsFailed = "dns.failed", Error, HOST, true;
    /// A monitor saw the server's name resolve to other addresses than
    /// at its last check (a move, or a record edited).
    DnsAddressChanged = "dns.address-changed", Info, HOST, true;
    ProbeDnsUnavailable = "probe.dns-unavailable", Error, NONE, true;
    PolicyBlockedAddress = "policy.blocked-address", Error, HOST, true;
    PolicyBlockedPort = "policy.blocked-port", Error, PORT, true;
    PolicyBlockedRecipient = "policy.blocked-recipient", Error, FROM, true;
    TcpRefused = "tcp.refused", Error, PORT, true;
    TcpTimeout = "tcp.timeout", Error, PORT, true;
    TcpUnreachable = "tcp.unreachable", Error, HOST, true;
    TcpSomeAddressesFailed = "tcp.some-addresses-failed", Warning, HOST, true;
    SmtpNoGreeting = "smtp.no-greeting", Error, SECURITY, true;
    SmtpGreetingRejected = "smtp.greeting-rejected", Error, HOST, true;
    SmtpEhloRejected = "smtp.ehlo-rejected", Warning, NONE, true;
    SmtpHeloRejected = "smtp.helo-rejected", Error, NONE, true;
    SmtpTemporaryFailure = "smtp.temporary-failure", Warning, NONE, true;
    SmtpBusy = "smtp.busy", Error, NONE, true;
    SmtpSlowGreeting = "smtp.slow-greeting", Warning, NONE, true;
    SmtpTimeout = "smtp.timeout", Error, NONE, true;
    SmtpClosed = "smtp.closed", Error, NONE, true;
    SmtpProtocolError = "smtp.protocol-error", Error, NONE, true;
    SmtpNotSmtp = "smtp.not-smtp", Error, PORT, true;
    TlsExpectedImplicit = "tls.expected-implicit", Error, SECURITY, true;
    TlsExpectedStarttls = "tls.expected-starttls", Error, SECURITY, true;
    TlsStarttlsUnavailable = "tls.starttls-unavailable", Error, SECURITY, true;
    TlsClientCertRequired = "tls.client-cert-required", Error, SECURITY, true;
    TlsServerMisconfigured = "tls.server-misconfigured", Error, SECURITY, true;
    TlsHandshakeFailed = "tls.handshake-failed", Error, SECURITY, true;
    TlsOldProtocol = "tls.old-protocol", Warning, SECURITY, true;
    TlsCertExpired = "tls.cert-expired", Error, HOST, true;
    TlsCertNotYetValid = "tls.cert-not-yet-valid", Error, HOST, true;
    TlsCertNameMismatch = "tls.cert-name-mismatch", Error, HOST, true;
    TlsCertUntrusted = "tls.cert-untrusted", Error, HOST, true;
    /// The certificate is valid but expires within 14 days (the live
    /// TLS step, and a monitor's warnings at 14, 7 and 1 days).
    TlsCertExpiring = "tls.cert-expiring", Warning, HOST, true;
    /// A monitor saw another certificate than at its last check.
    TlsCertReplaced = "tls.cert-replaced", Info, HOST, true;
    AuthNotOffered = "auth.not-offered", Error, AUTH, true;
    AuthMechanismUnsupported = "auth.mechanism-unsupported", Error, AUTH, true;
    AuthRequiresTls = "auth.requires-tls", Error, SECURITY, true;
    AuthFailed = "auth.failed", Error, PASSWORD, true;
    AuthAppPasswordRequired = "auth.app-password-required", Error, PASSWORD, true;
    AuthDisabledByProvider = "auth.disabled-by-provider", Error, AUTH, true;
    AuthRateLimited = "auth.rate-limited", Error, NONE, true;
    /// The server refused the access token (its `334` error, or a `535`
    /// after an OAuth2 login).
    AuthTokenRejected = "auth.token-rejected", Error, ACCESS_TOKEN, true;
    /// A monitor saw the server stop offering AUTH mechanisms it offered
    /// before (PLAIN and LOGIN gone: password logins switched off).
    AuthMechanismWithdrawn = "auth.mechanism-withdrawn", Warning, AUTH, true;
    SenderRejected = "sender.rejected", Error, FROM, true;
    SenderSmtputf8Required = "sender.smtputf8-required", Error, FROM, true;
    RecipientRejected = "recipient.rejected", Error, NONE, true;
    SendRejected = "send.rejected", Error, NONE, true;
    SendSenderUnverified = "send.sender-unverified", Error, FROM, true;
    SendTooLarge = "send.too-large", Error, NONE, true;
    SendOk = "send.ok", Info, NONE, true;
    // ---- §7.2 the sending domain (DNS only) ------------------------------
    DomainSpfMissing = "domain.spf-missing", Warning, NONE, true;
    DomainSpfInvalid = "domain.spf-invalid", Warning, NONE, true;
    DomainSpfExcludesRelay = "domain.spf-excludes-relay", Warning, NONE, true;
    DomainDmarcMissing = "domain.dmarc-missing", Info, NONE, true;
    DomainDmarcUnaligned = "domain.dmarc-unaligned", Error, NONE, true;
    DomainDkimMissing = "domain.dkim-missing", Warning, NONE, true;
    /// A published DKIM key shorter than 2048 bits.
    DomainDkimWeakKey = "domain.dkim-weak-key", Warning, NONE, true;
    /// The resolver failed: the records could not be checked (our side or
    /// the domain's DNS servers, never a verdict on the records).
    DomainLookupFailed = "domain.lookup-failed", Warning, NONE, true;
    DomainOk = "domain.ok", Info, NONE, true;
    // ---- §7.7 the end-to-end test email --------------------------------
    ArrivalOk = "arrival.ok", Info, NONE, true;
    ArrivalNotArrived = "arrival.not-arrived", Error, NONE, true;
    /// Nothing arrived, and our own inbox turned connections away while
    /// the probe waited: the fault may be ours, not the relay's.
    ProbeInboxBusy = "probe.inbox-busy", Error, NONE, true;
    ArrivalFromRewritten = "arrival.from-rewritten", Warning, FROM, true;
    ArrivalDkimMissing = "arrival.dkim-missing", Warning, NONE, true;
    ArrivalDkimFail = "arrival.dkim-fail", Error, NONE, true;
    ArrivalSpfFail = "arrival.spf-fail", Warning, NONE, true;
    ArrivalDmarcFail = "arrival.dmarc-fail", Error, NONE, true;
    // ---- explain: an error pasted from production ----------------------
    /// Nothing in the pasted text names a cause we know; what was
    /// recognised (a library) is in its params. Raised by `explain` only.
    ExplainNotRecognised = "explain.not-recognised", Info, NONE, true;
    /// The pasted text fits more than one cause: they are listed before
    /// it, most likely first. Raised by `explain` only.
    ExplainSeveralCauses = "explain.several-causes", Info, NONE, true;
}

impl Code {
    /// Whether letting the probe's addresses in (an IP allowlist on the
    /// server) is a likely fix: the page then shows the egress IPs.
    pub const fn allowlist_may_fix(self) -> bool {
        matches!(
            self,
            Self::TcpTimeout
                | Self::TcpRefused
                | Self::TcpUnreachable
                | Self::SmtpGreetingRejected
                | Self::SmtpNoGreeting
        )
    }

    /// Who must act on it (SPEC §3). One list, matched without a
    /// wildcard: a new code does not compile until it names its actor.
    // One table, grouped by area as the registry is.
    #[allow(clippy::match_same_arms, clippy::too_many_lines)]
    pub const fn actor(self) -> Actor {
        use Actor::{Customer, DnsAdmin, ItAdmin, Provider, Service};
        match self {
            // The settings typed: the customer changes them.
            Self::ConfigInvalid
            | Self::HostMissing
            | Self::HostInvalid
            | Self::HostHasScheme
            | Self::HostHasPort
            | Self::HostHasWhitespace
            | Self::HostIsEmail
            | Self::HostIncomingServer
            | Self::HostIpLiteral
            | Self::HostPrivate
            | Self::PortMissing
            | Self::PortInvalid
            | Self::PortIncoming
            | Self::PortUnusual
            | Self::Port25Blocked
            | Self::TlsPortMismatch
            | Self::TlsConflictingModes
            | Self::TlsMissing
            | Self::TlsInvalidMode
            | Self::TlsNone
            | Self::AuthCleartext
            | Self::AuthUsernameMissing
            | Self::AuthPasswordMissing
            | Self::AuthPasswordWhitespace
            | Self::AuthMechanismUnknown
            | Self::AuthAppPassword
            | Self::AuthUsernameFormat
            | Self::AuthCredentialType
            | Self::AuthOauthRequired
            | Self::AuthTokenMissing
            | Self::AuthTokenKind
            | Self::AuthTokenExpired
            | Self::AuthTokenExpiring
            | Self::AuthTokenAudience
            | Self::AuthTokenScope
            | Self::AuthTokenUser
            | Self::AuthTokenTenant
            | Self::FromMissing
            | Self::FromInvalid
            | Self::FromDomainMismatch
            | Self::ProviderPortUnsupported
            | Self::ProviderKnown => Customer,
            // A name that does not resolve is a typo; a resolver that
            // fails is the host's DNS (the provider's).
            Self::DnsNotFound | Self::DnsNoAddress => Customer,
            Self::DnsTimeout | Self::DnsFailed | Self::DnsAddressChanged => Provider,
            Self::ProbeDnsUnavailable | Self::ProbeInboxBusy => Service,
            // The service's own rules refuse the target: pick another.
            Self::PolicyBlockedAddress | Self::PolicyBlockedPort | Self::PolicyBlockedRecipient => {
                Customer
            }
            // A closed port is usually the wrong one; silence and refusals
            // before any word are a firewall or an IP allowlist.
            Self::TcpRefused => Customer,
            Self::TcpTimeout | Self::TcpUnreachable | Self::SmtpGreetingRejected => ItAdmin,
            Self::TcpSomeAddressesFailed => Provider,
            Self::SmtpNoGreeting | Self::SmtpNotSmtp => Customer,
            Self::SmtpEhloRejected
            | Self::SmtpHeloRejected
            | Self::SmtpTemporaryFailure
            | Self::SmtpBusy
            | Self::SmtpSlowGreeting
            | Self::SmtpTimeout
            | Self::SmtpClosed
            | Self::SmtpProtocolError => Provider,
            Self::TlsExpectedImplicit
            | Self::TlsExpectedStarttls
            | Self::TlsStarttlsUnavailable => Customer,
            // The server's TLS set-up: whoever runs the server.
            Self::TlsClientCertRequired
            | Self::TlsServerMisconfigured
            | Self::TlsHandshakeFailed
            | Self::TlsOldProtocol
            | Self::TlsCertExpired
            | Self::TlsCertNotYetValid
            | Self::TlsCertUntrusted
            | Self::TlsCertExpiring
            | Self::TlsCertReplaced => ItAdmin,
            // Usually an alias typed where the certificate names another.
            Self::TlsCertNameMismatch => Customer,
            Self::AuthNotOffered
            | Self::AuthMechanismUnsupported
            | Self::AuthRequiresTls
            | Self::AuthFailed
            | Self::AuthAppPasswordRequired
            | Self::AuthTokenRejected => Customer,
            // SMTP AUTH switched off for the tenant or mailbox; send-as
            // rights: the account's administrator grants them.
            Self::AuthDisabledByProvider | Self::AuthMechanismWithdrawn | Self::SenderRejected => {
                ItAdmin
            }
            Self::AuthRateLimited => Provider,
            Self::SenderSmtputf8Required
            | Self::RecipientRejected
            | Self::SendSenderUnverified
            | Self::SendTooLarge
            | Self::SendOk => Customer,
            Self::SendRejected => Provider,
            // The sending domain's records.
            Self::DomainSpfMissing
            | Self::DomainSpfInvalid
            | Self::DomainSpfExcludesRelay
            | Self::DomainDmarcMissing
            | Self::DomainDmarcUnaligned
            | Self::DomainDkimMissing
            | Self::DomainDkimWeakKey
            | Self::DomainLookupFailed
            | Self::DomainOk
            | Self::ArrivalOk
            | Self::ArrivalDkimMissing
            | Self::ArrivalDkimFail
            | Self::ArrivalSpfFail
            | Self::ArrivalDmarcFail => DnsAdmin,
            // Held by the relay after it took the message; a From the
            // login may not use: the account's administrator.
            Self::ArrivalNotArrived | Self::ArrivalFromRewritten => ItAdmin,
            Self::ExplainNotRecognised | Self::ExplainSeveralCauses => Customer,
        }
    }

    /// The registry entry of this code.
    pub fn info(self) -> &'static CodeInfo {
        // The enum and the table are generated from one list in one order.
        &CODES[self as usize]
    }
}

/// Every registered code (for docs, the wasm `codes()` and tests).
pub fn codes() -> &'static [CodeInfo] {
    CODES
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let id = String::deserialize(deserializer)?;
        Code::from_id(&id)
            .ok_or_else(|| serde::de::Error::custom(format_args!("unknown diagnostic code `{id}`")))
    }
}

/// In OpenAPI, a code is a string from the registry.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Code {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};
        ObjectBuilder::new()
            .schema_type(SchemaType::new(Type::String))
            .description(Some("A diagnostic code from the registry (SPEC §3)."))
            .enum_values(Some(CODES.iter().map(|c| c.code)))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Code {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_and_enum_agree() {
        assert_eq!(Code::ALL.len(), CODES.len());
        for (i, code) in Code::ALL.iter().enumerate() {
            assert_eq!(code.info().code, code.as_str());
            assert_eq!(*code as usize, i);
            assert_eq!(Code::from_id(code.as_str()), Some(*code));
        }
    }

    /// The areas whose actor is fixed by what they are about; the rest
    /// are chosen code by code in `Code::actor`.
    #[test]
    fn who_acts_follows_the_area() {
        for code in Code::ALL {
            let id = code.as_str();
            let want = match id.split_once('.').unwrap().0 {
                "probe" => Some(Actor::Service),
                "domain" => Some(Actor::DnsAdmin),
                "config" | "host" | "port" | "from" | "provider" | "explain" | "policy" => {
                    Some(Actor::Customer)
                }
                _ => None,
            };
            if let Some(want) = want {
                assert_eq!(code.actor(), want, "{id}");
            }
            // Only `probe.*` is ever the service's problem.
            assert_eq!(
                code.actor() == Actor::Service,
                id.starts_with("probe."),
                "{id}"
            );
        }
        // Where an allowlist may fix it, the customer's IT acts, unless the
        // usual cause is the port typed.
        for code in Code::ALL.iter().filter(|c| c.allowlist_may_fix()) {
            assert!(
                matches!(code.actor(), Actor::ItAdmin | Actor::Customer),
                "{code:?}"
            );
        }
    }

    /// A report read back (a share link, an attestation) cannot say that
    /// someone else must act: the registry decides.
    #[test]
    fn the_actor_read_back_is_the_registrys() {
        let json = r#"{"code": "tcp.timeout", "severity": "error", "field": "port", "actor": "customer",
            "message": "m", "help": "h", "fix": null, "reply": null}"#;
        let d: crate::Diagnostic = serde_json::from_str(json).unwrap();
        assert_eq!(d.actor, Actor::ItAdmin);
        let out = serde_json::to_value(&d).unwrap();
        assert_eq!(out["actor"], "it-admin");
        let info = serde_json::to_value(Code::AuthDisabledByProvider.info()).unwrap();
        assert_eq!(info["actor"], "it-admin");
    }

    #[test]
    fn ids_are_area_dot_kebab_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for info in CODES {
            assert!(seen.insert(info.code), "duplicate {}", info.code);
            let (area, name) = info.code.split_once('.').expect("area.name");
            assert!(
                area.chars().all(|c| c.is_ascii_lowercase()),
                "{}",
                info.code
            );
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{}",
                info.code
            );
        }
    }

    #[test]
    fn spec_codes_are_all_registered() {
        let spec = include_str!("../../../docs/spec-codes.txt");
        for id in spec.lines().filter(|l| !l.trim().is_empty()) {
            assert!(
                Code::from_id(id.trim()).is_some(),
                "SPEC code {id} is not registered"
            );
        }
    }

    #[test]
    fn serde_round_trip() {
        let json = serde_json::to_string(&Code::TlsPortMismatch).unwrap();
        assert_eq!(json, "\"tls.port-mismatch\"");
        let back: Code = serde_json::from_str(&json).unwrap();
        assert_eq!(back, Code::TlsPortMismatch);
        assert!(serde_json::from_str::<Code>("\"nope.nope\"").is_err());
    }
}
