//! The registry: every diagnostic code, once, with its meaning.
//!
//! Codes are stable ids (`area.kebab-name`, SPEC §3). Each has one default
//! severity, the field it usually concerns, a default English message and
//! help, and a docs anchor. Rules may say more specific things, but never
//! use a code for another meaning; a code is never renamed, removed or
//! reused. `live` marks codes that only the probe can raise.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::diagnostic::{Field, Severity};

/// What the registry knows about one code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CodeInfo {
    pub code: &'static str,
    pub severity: Severity,
    pub field: Option<Field>,
    /// Raised only by a live probe (SPEC §3.2), never by `validate`.
    pub live: bool,
    pub message: &'static str,
    pub help: &'static str,
    /// Where the code is documented: `docs/codes.md#<code>` in the repository
    /// (generated from this registry by `crates/core/tests/codes_doc.rs`).
    pub docs: &'static str,
}

macro_rules! registry {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, $sev:ident, $field:expr, $live:literal,
        $message:literal, $help:literal; )*) => {
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
                message: $message,
                help: $help,
                docs: concat!("docs/codes.md#", $code),
            }, )*
        ];

        impl Code {
            /// Every code, in registry order.
            pub const ALL: &[Code] = &[ $( Code::$variant, )* ];

            /// The stable id, e.g. `tls.port-mismatch`.
            pub const fn as_str(self) -> &'static str {
                match self { $( Code::$variant => $code, )* }
            }

            /// Looks a code up by its id.
            pub fn from_id(id: &str) -> Option<Self> {
                match id { $( $code => Some(Code::$variant), )* _ => None }
            }
        }
    };
}

use Field::{Auth as FAuth, From as FFrom, Host as FHost, Password as FPassword, Port as FPort};
use Field::{Security as FSecurity, Username as FUsername};

const HOST: Option<Field> = Some(FHost);
const PORT: Option<Field> = Some(FPort);
const SECURITY: Option<Field> = Some(FSecurity);
const USERNAME: Option<Field> = Some(FUsername);
const PASSWORD: Option<Field> = Some(FPassword);
const FROM: Option<Field> = Some(FFrom);
const AUTH: Option<Field> = Some(FAuth);
const NONE: Option<Field> = None;

registry! {
    // ---- §3.1 static ----------------------------------------------------
    ConfigInvalid = "config.invalid", Error, NONE, false,
        "The settings are not a JSON object.",
        "Send the settings as one object with host, port, security, username, password and from.";
    HostMissing = "host.missing", Error, HOST, false,
        "No SMTP server is given.",
        "Enter the outgoing (SMTP) server name from your provider, e.g. smtp.example.com.";
    HostInvalid = "host.invalid", Error, HOST, false,
        "The SMTP server is not a valid host name or IP address.",
        "A host name is made of letters, digits and hyphens separated by dots, like smtp.example.com.";
    HostHasScheme = "host.has-scheme", Error, HOST, false,
        "The SMTP server contains a URL scheme.",
        "Enter only the server name, without smtp:// or https://.";
    HostHasPort = "host.has-port", Error, HOST, false,
        "The SMTP server contains a port number.",
        "Put the port in the Port field and only the name in the server field.";
    HostHasWhitespace = "host.has-whitespace", Warning, HOST, false,
        "The SMTP server contains spaces.",
        "Host names never contain spaces; remove them.";
    HostIsEmail = "host.is-email", Error, HOST, false,
        "An email address was entered as the SMTP server.",
        "The server is a host name such as smtp.example.com; your address belongs in Username or From.";
    HostIncomingServer = "host.incoming-server", Error, HOST, false,
        "This looks like an incoming (IMAP/POP) mail server.",
        "Sending mail needs the outgoing (SMTP) server, which usually starts with smtp.";
    HostIpLiteral = "host.ip-literal", Info, HOST, false,
        "The SMTP server is an IP address.",
        "Certificates are issued for names, so TLS verification usually fails against an IP address; prefer the server's host name.";
    HostPrivate = "host.private", Warning, HOST, false,
        "The SMTP server is a private or local address.",
        "It is not reachable from the internet, nor from our test service. Use the server's public name unless the sending service runs on the same network.";
    PortMissing = "port.missing", Error, PORT, false,
        "No port is given.",
        "Use 587 with STARTTLS or 465 with TLS/SSL, as your provider documents.";
    PortInvalid = "port.invalid", Error, PORT, false,
        "The port is not a number between 1 and 65535.",
        "SMTP ports are whole numbers: usually 587 (STARTTLS) or 465 (TLS/SSL).";
    PortIncoming = "port.incoming", Error, PORT, false,
        "This port is for receiving mail (IMAP/POP), not for sending.",
        "Sending uses SMTP: 587 with STARTTLS or 465 with TLS/SSL.";
    PortUnusual = "port.unusual", Info, PORT, false,
        "This is not a usual SMTP port.",
        "SMTP submission normally uses 587 (STARTTLS), 465 (TLS/SSL), 2525 or 25. Check the port your provider documents.";
    Port25Blocked = "port.25-blocked", Warning, PORT, false,
        "Port 25 is often blocked for sending.",
        "Many clouds and ISPs block outbound port 25. Prefer 587 with STARTTLS or 465 with TLS/SSL.";
    TlsPortMismatch = "tls.port-mismatch", Error, SECURITY, false,
        "The security mode does not match the port.",
        "Port 465 uses TLS/SSL (encrypted from the start); ports 587, 25 and 2525 use STARTTLS.";
    TlsConflictingModes = "tls.conflicting-modes", Error, SECURITY, false,
        "Two TLS settings disagree.",
        "Choose one security mode: TLS/SSL, STARTTLS or none.";
    TlsMissing = "tls.missing", Error, SECURITY, false,
        "No security mode is chosen.",
        "Choose TLS/SSL for port 465 or STARTTLS for port 587.";
    TlsInvalidMode = "tls.invalid-mode", Error, SECURITY, false,
        "The security mode is not one of tls, starttls or none.",
        "Choose TLS/SSL, STARTTLS or none.";
    TlsNone = "tls.none", Warning, SECURITY, false,
        "The connection is not encrypted.",
        "Without TLS, mail and login travel in clear text. Use STARTTLS or TLS/SSL.";
    AuthCleartext = "auth.cleartext", Warning, SECURITY, false,
        "The password would be sent without encryption.",
        "Credentials over an unencrypted connection can be read on the way, and most servers refuse them. Turn on STARTTLS or TLS/SSL.";
    AuthUsernameMissing = "auth.username-missing", Error, USERNAME, false,
        "A username is needed.",
        "Enter the login of your mail account, usually your full email address.";
    AuthPasswordMissing = "auth.password-missing", Error, PASSWORD, false,
        "A password is needed.",
        "Enter the password (or app password) for this login.";
    AuthPasswordWhitespace = "auth.password-whitespace", Warning, PASSWORD, false,
        "The password starts or ends with a space.",
        "Copying a password often brings a stray space or line break along; remove it unless it is really part of the password.";
    AuthMechanismUnknown = "auth.mechanism-unknown", Error, AUTH, false,
        "The authentication method is not one of auto, plain, login, cram-md5, xoauth2 or none.",
        "Leave it on auto unless your provider says otherwise.";
    AuthAppPassword = "auth.app-password", Info, PASSWORD, false,
        "This provider needs an app-specific password.",
        "Create an app password in your account's security settings and use it instead of your normal password.";
    AuthUsernameFormat = "auth.username-format", Error, USERNAME, false,
        "This provider expects a different kind of username.",
        "Use the username your provider documents for SMTP.";
    AuthCredentialType = "auth.credential-type", Error, PASSWORD, false,
        "The secret looks like the wrong kind of credential.",
        "Use the SMTP credential your provider issues for SMTP, not an API key or account password.";
    AuthOauthRequired = "auth.oauth-required", Error, AUTH, false,
        "This provider no longer accepts passwords for SMTP.",
        "Sign in with OAuth2 (XOAUTH2) instead of a password.";
    FromMissing = "from.missing", Error, FROM, false,
        "No sender address is given.",
        "Enter the address your mail is sent from, e.g. you@example.com.";
    FromInvalid = "from.invalid", Error, FROM, false,
        "The sender is not a valid email address.",
        "Use an address like you@example.com, optionally with a name: Your Name <you@example.com>.";
    FromDomainMismatch = "from.domain-mismatch", Warning, FROM, false,
        "The sender's domain differs from the login's.",
        "Many servers refuse to send as another address unless it is an alias of the account. Send from the login's address or add this one as an alias.";
    ProviderPortUnsupported = "provider.port-unsupported", Error, PORT, false,
        "This provider does not accept mail on this port.",
        "Use one of the ports the provider documents.";
    ProviderKnown = "provider.known", Info, HOST, false,
        "This is a known provider.",
        "Its documented settings are shown here.";

    // ---- §3.2 live -----------------------------------------------------
    DnsNotFound = "dns.not-found", Error, HOST, true,
        "The server name does not exist.",
        "Check the spelling of the SMTP server; the name is not in DNS.";
    DnsNoAddress = "dns.no-address", Error, HOST, true,
        "The server name exists but has no IP address.",
        "The name has no A or AAAA record. It may be a mail domain (MX) rather than a server name; use the SMTP host your provider documents.";
    DnsTimeout = "dns.timeout", Error, HOST, true,
        "The DNS lookup did not answer in time.",
        "The resolver did not answer. Try again; if it persists, the domain's name servers are unreachable.";
    DnsFailed = "dns.failed", Error, HOST, true,
        "The DNS lookup failed.",
        "The resolver answered with an error (SERVFAIL or REFUSED): the domain's name servers are broken or refuse to answer. Its DNS administrator must fix them; try again later.";
    ProbeDnsUnavailable = "probe.dns-unavailable", Error, NONE, true,
        "The test service cannot reach its DNS resolver.",
        "This is a problem of the test service, not of your settings: nothing needs to change on your side. Try again in a few minutes.";
    PolicyBlockedAddress = "policy.blocked-address", Error, HOST, true,
        "The server's name leads to an internal address, which our test service does not contact.",
        "For safety the test service connects only to public addresses. Use the server's public name.";
    PolicyBlockedPort = "policy.blocked-port", Error, PORT, true,
        "The test service does not connect to this port.",
        "It tests only the usual mail ports (25, 465, 587, 2525). Use the port your provider documents.";
    PolicyBlockedRecipient = "policy.blocked-recipient", Error, FROM, true,
        "The test sends only to your own From address.",
        "The sender and send checks use the From address as the recipient, so the test can never deliver mail to strangers. Leave the recipient empty, or ask the operator to allow its domain.";
    TcpRefused = "tcp.refused", Error, PORT, true,
        "The server refused the connection.",
        "Nothing listens on this port, or a firewall rejects it. Check the port.";
    TcpTimeout = "tcp.timeout", Error, PORT, true,
        "The connection timed out.",
        "No answer at all usually means a firewall drops the traffic, or the server only accepts allowlisted IP addresses.";
    TcpUnreachable = "tcp.unreachable", Error, HOST, true,
        "The server's network is unreachable.",
        "There is no route to this address from our test service.";
    TcpSomeAddressesFailed = "tcp.some-addresses-failed", Warning, HOST, true,
        "Some of the server's addresses did not answer.",
        "The host name has several addresses and not all of them work. Clients that pick a dead one fail or wait; the server's administrator should fix or remove those DNS records.";
    SmtpNoGreeting = "smtp.no-greeting", Error, SECURITY, true,
        "The server accepted the connection but sent no greeting.",
        "An SMTP server greets at once with 220. Silence usually means the port expects TLS from the first byte: choose TLS/SSL.";
    SmtpGreetingRejected = "smtp.greeting-rejected", Error, HOST, true,
        "The server refused this client in its greeting.",
        "The server rejects connections from our address (an allowlist or blocklist). Ask its administrator to allow the test service's addresses.";
    SmtpEhloRejected = "smtp.ehlo-rejected", Warning, NONE, true,
        "The server refused our greeting (EHLO).",
        "Without it a server offers no encryption upgrade and no login. The server is very old or misconfigured; ask its administrator.";
    SmtpHeloRejected = "smtp.helo-rejected", Error, NONE, true,
        "The server refused the name this test service introduced itself with.",
        "The server checks the EHLO/HELO name. This is the test service's setting, not yours: its operator sets a real, resolvable host name with --helo.";
    SmtpTemporaryFailure = "smtp.temporary-failure", Warning, NONE, true,
        "The server refused for now (4xx).",
        "A temporary refusal (greylisting, a full queue, a local problem) is not a settings error: mail clients retry and usually succeed later. Try the test again in a few minutes.";
    SmtpBusy = "smtp.busy", Error, NONE, true,
        "The server is busy or closing the connection (421).",
        "Try again later; if it persists, the server may be limiting connections from this address.";
    SmtpSlowGreeting = "smtp.slow-greeting", Warning, NONE, true,
        "The server took several seconds to greet.",
        "A slow greeting suggests a tarpit, an overloaded server or filtering; some clients give up before it arrives.";
    SmtpTimeout = "smtp.timeout", Error, NONE, true,
        "The server stopped answering.",
        "The server accepted a command but sent no reply in time. It may be overloaded, or a firewall in between drops the connection.";
    SmtpClosed = "smtp.closed", Error, NONE, true,
        "The server closed the connection.",
        "The server hung up in the middle of the session; its reply before that, if any, says why.";
    SmtpProtocolError = "smtp.protocol-error", Error, NONE, true,
        "The server's reply broke the SMTP protocol.",
        "The reply was too long, had too many lines or was not an SMTP reply; the test stopped reading to protect itself.";
    SmtpNotSmtp = "smtp.not-smtp", Error, PORT, true,
        "The server does not speak SMTP on this port.",
        "Something else (web, IMAP, …) answers here. Check the host and port.";
    TlsExpectedImplicit = "tls.expected-implicit", Error, SECURITY, true,
        "This port expects TLS from the first byte.",
        "Choose TLS/SSL for this port.";
    TlsExpectedStarttls = "tls.expected-starttls", Error, SECURITY, true,
        "This port speaks plain SMTP first and upgrades with STARTTLS.",
        "Choose STARTTLS for this port.";
    TlsStarttlsUnavailable = "tls.starttls-unavailable", Error, SECURITY, true,
        "The server does not offer STARTTLS.",
        "The server cannot upgrade this connection to TLS. Try port 465 with TLS/SSL.";
    TlsClientCertRequired = "tls.client-cert-required", Error, SECURITY, true,
        "The server requires a client certificate.",
        "This server only accepts clients that present a certificate it trusts (mutual TLS). Use the provider's submission service for applications, or ask its administrator.";
    TlsServerMisconfigured = "tls.server-misconfigured", Error, SECURITY, true,
        "The server's TLS is broken on its side.",
        "The server aborted the TLS setup because of its own problem (for example a certificate or key it cannot use). Nothing in your settings can fix it: tell the server's administrator.";
    TlsHandshakeFailed = "tls.handshake-failed", Error, SECURITY, true,
        "Setting up encryption (TLS) failed.",
        "The server and our test share no TLS version or cipher, or the server broke off. Try the other security mode, or ask the server's administrator.";
    TlsOldProtocol = "tls.old-protocol", Warning, SECURITY, true,
        "The server only speaks an old TLS version.",
        "TLS 1.0 and 1.1 are deprecated and refused by many clients.";
    TlsCertExpired = "tls.cert-expired", Error, HOST, true,
        "The server's certificate has expired.",
        "The server's administrator must renew the certificate.";
    TlsCertNotYetValid = "tls.cert-not-yet-valid", Error, HOST, true,
        "The server's certificate is not valid yet.",
        "The certificate's start date is in the future; the server's clock or certificate is wrong.";
    TlsCertNameMismatch = "tls.cert-name-mismatch", Error, HOST, true,
        "The server's certificate is for another name.",
        "Use a host name that the certificate covers.";
    TlsCertUntrusted = "tls.cert-untrusted", Error, HOST, true,
        "The server's certificate is not trusted.",
        "It is self-signed or issued by an unknown authority.";
    AuthNotOffered = "auth.not-offered", Error, AUTH, true,
        "Credentials were given, but the server offers no login.",
        "The server advertises no AUTH here; your credentials were not checked. It may only offer AUTH after STARTTLS, or it is a relay that needs no login.";
    AuthMechanismUnsupported = "auth.mechanism-unsupported", Error, AUTH, true,
        "The server offers no login method in common with the chosen one.",
        "Choose auto, or a mechanism the server advertises.";
    AuthRequiresTls = "auth.requires-tls", Error, SECURITY, true,
        "The server requires TLS before login.",
        "Choose STARTTLS or TLS/SSL.";
    AuthFailed = "auth.failed", Error, PASSWORD, true,
        "The username or password was rejected.",
        "Check the username and password; many providers need an app password for SMTP.";
    AuthAppPasswordRequired = "auth.app-password-required", Error, PASSWORD, true,
        "The provider requires an app-specific password.",
        "Create an app password in your account's security settings and use it here.";
    AuthDisabledByProvider = "auth.disabled-by-provider", Error, AUTH, true,
        "SMTP login is turned off for this account.",
        "The account or its organisation has disabled SMTP AUTH; an administrator must enable it, or use OAuth2.";
    AuthRateLimited = "auth.rate-limited", Error, NONE, true,
        "Too many login attempts.",
        "Wait a few minutes before trying again.";
    SenderRejected = "sender.rejected", Error, FROM, true,
        "This login may not send as this address.",
        "Send from the login's own address, or add this address as an alias the account may send as.";
    SenderSmtputf8Required = "sender.smtputf8-required", Error, FROM, true,
        "The address is not plain ASCII, and the server does not accept such addresses.",
        "The server does not offer SMTPUTF8, so it cannot take an address with non-ASCII characters. Use an ASCII address (an alias) for sending.";
    RecipientRejected = "recipient.rejected", Error, NONE, true,
        "The server refused the recipient.",
        "The server would not accept mail for this recipient.";
    SendRejected = "send.rejected", Error, NONE, true,
        "The server refused the message.",
        "The message was refused after it was sent; the server's reply says why.";
    SendSenderUnverified = "send.sender-unverified", Error, FROM, true,
        "The provider refused an unverified sender.",
        "Verify this sender address or domain in the provider's console, then try again.";
    SendTooLarge = "send.too-large", Error, NONE, true,
        "The message is larger than the server accepts.",
        "The server's size limit (SIZE) is below the message; even small messages are refused. Its administrator must raise the limit.";
    SendOk = "send.ok", Info, NONE, true,
        "The test message was accepted.",
        "The server queued the message for delivery.";
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
            assert!(info.message.ends_with('.'), "{}", info.code);
            assert!(!info.help.is_empty(), "{}", info.code);
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
