//! Rules for the `host` field: what customers paste into "SMTP server".
//!
//! The raw text is read once into [`HostFacts`]: whitespace, a pasted URL
//! scheme, a pasted `:port`, an email address, and the cleaned host that
//! remains. Structural rules report what was pasted and offer the cleaned
//! value as their fix; the remaining rules judge the cleaned host, so one
//! paste with three problems gets three findings, and any one fix cleans it.

use std::net::IpAddr;

use crate::codes::Code;
use crate::config::Security;
use crate::diagnostic::{Diagnostic, Field, Fix, Severity};
use crate::hostname::{Host, HostError, is_private_name, parse_host};
use crate::ip::special_range;
use crate::providers::{provider_by_email_domain, provider_by_host, provider_by_incoming_host};

use super::Context;

/// What the host field holds, taken apart.
#[derive(Debug)]
pub(crate) struct HostFacts {
    /// Whitespace before or after.
    pub(crate) outer_whitespace: bool,
    /// Whitespace inside.
    pub(crate) inner_whitespace: bool,
    /// A pasted URL scheme (`smtps`), lowercase.
    pub(crate) scheme: Option<String>,
    /// A pasted `:587`.
    pub(crate) pasted_port: Option<u16>,
    /// `local@domain` typed as host.
    pub(crate) email: Option<(String, String)>,
    /// The host with all of the above removed.
    pub(crate) cleaned: String,
    /// The cleaned host, parsed (not for email addresses).
    pub(crate) parsed: Option<Result<Host, HostError>>,
}

impl HostFacts {
    /// `None` when the field is empty or blank.
    pub(crate) fn analyze(raw: &str) -> Option<Self> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return None;
        }
        let inner_whitespace = trimmed.contains(char::is_whitespace);
        let mut s: String = trimmed.chars().filter(|c| !c.is_whitespace()).collect();
        let mut scheme = None;
        if let Some(idx) = s.find("://") {
            let name = &s[..idx];
            if !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
            {
                scheme = Some(name.to_ascii_lowercase());
                s = s[idx + 3..].to_owned();
            }
        }
        if let Some(cut) = s.find(['/', '?', '#']) {
            if scheme.is_some() || cut > 0 {
                s.truncate(cut);
            }
        }
        let mut email = None;
        if let Some(at) = s.rfind('@') {
            if scheme.is_some() {
                // smtp://user@host: drop the userinfo.
                s = s[at + 1..].to_owned();
            } else if at > 0 && at + 1 < s.len() {
                email = Some((s[..at].to_owned(), s[at + 1..].to_owned()));
            }
        }
        let mut pasted_port = None;
        if email.is_none() {
            let split = if s.starts_with('[') {
                s.find("]:").map(|i| i + 1)
            } else if s.matches(':').count() == 1 {
                s.find(':')
            } else {
                None
            };
            if let Some(i) = split {
                let port = &s[i + 1..];
                if port.is_empty() || port.bytes().all(|b| b.is_ascii_digit()) {
                    pasted_port = port.parse::<u16>().ok().filter(|p| *p != 0);
                    if port.is_empty() || pasted_port.is_some() {
                        s.truncate(i);
                    }
                }
            }
        }
        let parsed = email.is_none().then(|| parse_host(&s));
        Some(Self {
            outer_whitespace: trimmed.len() != raw.len(),
            inner_whitespace,
            scheme,
            pasted_port,
            email,
            cleaned: s,
            parsed,
        })
    }

    /// The cleaned host, if it is a valid one.
    pub(crate) fn host(&self) -> Option<&Host> {
        self.parsed.as_ref().and_then(|r| r.as_ref().ok())
    }

    /// The cleaned host's DNS name, if it is one.
    pub(crate) fn name(&self) -> Option<&str> {
        self.host().and_then(Host::name)
    }
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(facts) = &cx.host else {
        host_missing(out);
        return;
    };
    host_has_whitespace(cx, facts, out);
    host_has_scheme(cx, facts, out);
    host_is_email(cx, facts, out);
    host_has_port(cx, facts, out);
    host_invalid(facts, out);
    host_incoming_server(cx, facts, out);
    host_ip_literal(facts, out);
    host_private(facts, out);
}

/// The fix shared by the structural rules: the cleaned host, the pasted
/// port moved to the port field, and the mode a `smtps://` scheme implies
/// when it agrees with that port. `None` if the cleaned host is not valid.
fn cleaned_fix(cx: &Context<'_>, facts: &HostFacts) -> Option<Fix> {
    let host = facts.host()?;
    let mut fix = Fix::new("use-host").set(Field::Host, host.to_string());
    // Move the pasted port only where it cannot create a port error.
    let port = facts.pasted_port.filter(|p| {
        !super::port::is_incoming(*p) && cx.provider.is_none_or(|pr| pr.mode_on(*p).is_some())
    });
    if let Some(p) = port.filter(|p| Some(*p) != cx.port) {
        fix = Fix::new("use-host-port")
            .set(Field::Host, host.to_string())
            .set(Field::Port, p);
    }
    let scheme_mode = match facts.scheme.as_deref() {
        Some("smtps" | "submissions") => Some(Security::Tls),
        Some("submission") => Some(Security::Starttls),
        _ => None,
    };
    let final_port = port.or(cx.port);
    if let Some(mode) = scheme_mode {
        let expected = final_port.and_then(|p| {
            cx.provider
                .and_then(|pr| pr.mode_on(p))
                .or_else(|| super::standard_mode(p))
        });
        if expected.is_none_or(|e| e == mode) && cx.security != Some(mode) {
            fix = fix.set(Field::Security, mode.as_str());
            fix.key.push_str("-security");
        }
    }
    Some(fix)
}

/// ## What it checks
/// The SMTP server field is empty.
///
/// ## Why is this bad?
/// Nothing can be sent without a server to send through.
///
/// ## Example
/// `{"host": "  "}`
///
/// ## Fix
/// None: the customer must enter their provider's SMTP server.
fn host_missing(out: &mut Vec<Diagnostic>) {
    out.push(Diagnostic::new(Code::HostMissing));
}

/// ## What it checks
/// Spaces or line breaks around or inside the host.
///
/// ## Why is this bad?
/// Copying from a web page brings invisible whitespace along; inside a
/// name it makes the name invalid. Leading and trailing whitespace is
/// ignored by the probe, so that case is only a warning.
///
/// ## Example
/// `" smtp.gmail.com"`, `"smtp.gmail .com"`
///
/// ## Fix
/// The host without whitespace.
fn host_has_whitespace(cx: &Context<'_>, facts: &HostFacts, out: &mut Vec<Diagnostic>) {
    if !facts.outer_whitespace && !facts.inner_whitespace {
        return;
    }
    let mut d = Diagnostic::new(Code::HostHasWhitespace);
    if facts.inner_whitespace {
        d = d.severity(Severity::Error).case("inner");
    } else {
        d = d.case("outer");
    }
    if let Some(fix) = cleaned_fix(cx, facts) {
        d = d.fix(fix);
    }
    out.push(d);
}

/// ## What it checks
/// A URL scheme pasted into the host: `smtp://`, `smtps://`, `https://`.
///
/// ## Why is this bad?
/// The field takes a host name, not a URL; the scheme makes it invalid.
/// `smtps://` does say something useful: implicit TLS.
///
/// ## Example
/// `"smtps://smtp.gmail.com:465"`
///
/// ## Fix
/// The bare host; the port moved to the port field; TLS/SSL for `smtps`.
fn host_has_scheme(cx: &Context<'_>, facts: &HostFacts, out: &mut Vec<Diagnostic>) {
    let Some(scheme) = &facts.scheme else { return };
    let web = matches!(scheme.as_str(), "http" | "https");
    let mut d = Diagnostic::new(Code::HostHasScheme)
        .case(if web { "web" } else { "scheme" })
        .param("scheme", scheme.as_str());
    if let Some(fix) = cleaned_fix(cx, facts) {
        d = d.fix(fix);
    }
    out.push(d);
}

/// ## What it checks
/// An email address in the host field.
///
/// ## Why is this bad?
/// A mailbox is not a server. Customers often type their address
/// everywhere a form asks about email.
///
/// ## Example
/// `"me@gmail.com"`
///
/// ## Fix
/// For a known provider, its SMTP host (and its preferred port and mode
/// when the current port is not one it documents); in any case the address
/// moves into Username and From where those are empty.
fn host_is_email(cx: &Context<'_>, facts: &HostFacts, out: &mut Vec<Diagnostic>) {
    let Some((_, domain)) = &facts.email else {
        return;
    };
    // The address itself belongs in the empty Username and From.
    let address = facts.cleaned.as_str();
    let valid = crate::mailbox::parse_mailbox(address).is_ok();
    let move_address = |mut fix: Fix| {
        if valid && cx.config.username().is_none() {
            fix = fix.set(Field::Username, address);
        }
        if valid && cx.config.from_field().is_none() {
            fix = fix.set(Field::From, address);
        }
        fix
    };
    let domain = domain.to_ascii_lowercase();
    let mut d = Diagnostic::new(Code::HostIsEmail)
        .param("address", facts.cleaned.as_str())
        .param("domain", domain.as_str());
    if let Some(p) = provider_by_email_domain(&domain) {
        let mut fix = Fix::new("use-host").set(Field::Host, p.default_host);
        if cx.port.is_none_or(|port| p.mode_on(port).is_none()) {
            let e = p.preferred();
            fix = fix
                .set(Field::Port, e.port)
                .set(Field::Security, e.security.as_str());
        }
        d = d
            .case("provider")
            .param("provider", p.name)
            .param("host", p.default_host)
            .fix(move_address(fix));
    } else {
        d = d.case("address");
        if valid && (cx.config.username().is_none() || cx.config.from_field().is_none()) {
            // The server name is the customer's to find; the move is sure.
            d = d.fix(move_address(Fix::new("move-address")));
        }
    }
    out.push(d);
}

/// ## What it checks
/// A port pasted after the host: `smtp.example.com:587`, `[2001:db8::1]:465`.
///
/// ## Why is this bad?
/// Most software reads the whole text as a name, which does not resolve.
///
/// ## Example
/// `"smtp.office365.com:587"`
///
/// ## Fix
/// The host alone, and the port moved to the port field.
fn host_has_port(cx: &Context<'_>, facts: &HostFacts, out: &mut Vec<Diagnostic>) {
    let Some(port) = facts.pasted_port else {
        return;
    };
    if facts.scheme.is_some() {
        return; // host.has-scheme already moves the port
    }
    let mut d = Diagnostic::new(Code::HostHasPort)
        .case("port")
        .param("port", port);
    if let Some(fix) = cleaned_fix(cx, facts) {
        d = d.fix(fix);
    }
    out.push(d);
}

/// ## What it checks
/// The cleaned host is neither a valid DNS name (RFC 1123 labels, IDN
/// allowed) nor an IP literal.
///
/// ## Why is this bad?
/// It cannot be resolved. Typical causes: an underscore, a comma for a
/// dot, two dots, a shortened IP address such as `127.1`.
///
/// ## Example
/// `"smtp,gmail.com"`, `"smtp_relay.example.com"`
///
/// ## Fix
/// For a legacy IPv4 form, the usual dotted form; otherwise none.
fn host_invalid(facts: &HostFacts, out: &mut Vec<Diagnostic>) {
    let Some(Err(err)) = &facts.parsed else {
        return;
    };
    if facts.cleaned.is_empty() {
        return; // nothing left once the scheme and port are gone: reported there
    }
    let (reason, detail) = err.reason();
    let mut d = Diagnostic::new(Code::HostInvalid)
        .case("reason")
        .param("host", facts.cleaned.as_str())
        .param("reason", reason)
        .param("detail", detail);
    if let HostError::LegacyIpv4(ip) = err {
        d = d.fix(Fix::new("use-host").set(Field::Host, ip.to_string()));
    }
    out.push(d);
}

/// ## What it checks
/// The host is an incoming-mail (IMAP/POP) server: a provider's known
/// incoming host, or a name starting with `imap.`, `pop.` or `pop3.`.
///
/// ## Why is this bad?
/// Those servers receive mail; sending needs the SMTP server. Known
/// incoming hosts are an error; a generic prefix only a warning, as a few
/// small providers run both on one name.
///
/// ## Example
/// `"imap.gmail.com"`, `"outlook.office365.com"`
///
/// ## Fix
/// The provider's SMTP host, or the name with `smtp.` instead of `imap.`.
fn host_incoming_server(cx: &Context<'_>, facts: &HostFacts, out: &mut Vec<Diagnostic>) {
    const PREFIXES: [&str; 5] = ["imap.", "pop.", "pop3.", "imap-mail.", "pop-mail."];
    let Some(name) = facts.name() else { return };
    if let Some(p) = provider_by_incoming_host(name) {
        let mut fix = Fix::new("use-host").set(Field::Host, p.default_host);
        if cx.port.is_none_or(|port| p.mode_on(port).is_none()) {
            let e = p.preferred();
            fix = fix
                .set(Field::Port, e.port)
                .set(Field::Security, e.security.as_str());
        }
        out.push(
            Diagnostic::new(Code::HostIncomingServer)
                .case("provider")
                .param("host", name)
                .param("provider", p.name)
                .param("smtp-host", p.default_host)
                .param("endpoints", p.endpoints_text())
                .fix(fix),
        );
        return;
    }
    let Some(rest) = PREFIXES.iter().find_map(|p| name.strip_prefix(p)) else {
        return;
    };
    if !rest.contains('.') || provider_by_host(name).is_some() {
        return;
    }
    let smtp = format!("smtp.{rest}");
    out.push(
        Diagnostic::new(Code::HostIncomingServer)
            .severity(Severity::Warning)
            .case("guess")
            .param("host", name)
            .param("smtp-host", smtp.as_str())
            .fix(Fix::new("use-host").set(Field::Host, smtp)),
    );
}

/// ## What it checks
/// The host is an IP address rather than a name.
///
/// ## Why is this bad?
/// It may work, but certificates name hosts, so TLS verification against
/// an IP usually fails, and the address may change.
///
/// ## Example
/// `"203.0.113.25"`
///
/// ## Fix
/// None: only the customer knows the server's name.
fn host_ip_literal(facts: &HostFacts, out: &mut Vec<Diagnostic>) {
    let Some(Host::Ip(ip)) = facts.host() else {
        return;
    };
    out.push(
        Diagnostic::new(Code::HostIpLiteral)
            .case("ip")
            .param("ip", display_ip(*ip)),
    );
}

/// ## What it checks
/// A loopback, private, link-local (or otherwise non-public) address, or a
/// name such as `localhost` or `*.local`.
///
/// ## Why is this bad?
/// Nobody outside that network can reach it, including a hosted probe
/// with the default policy. A warning only: on-premises setups exist.
///
/// ## Example
/// `"192.168.1.10"`, `"localhost"`, `"mail.corp.internal"`
///
/// ## Fix
/// None.
fn host_private(facts: &HostFacts, out: &mut Vec<Diagnostic>) {
    let what = match facts.host() {
        Some(Host::Ip(ip)) => special_range(*ip).map(|r| (display_ip(*ip), r.id())),
        Some(Host::Name(name)) if is_private_name(name) => Some((name.clone(), "local-name")),
        _ => match &facts.parsed {
            Some(Err(HostError::LegacyIpv4(ip))) => {
                special_range(IpAddr::V4(*ip)).map(|r| (ip.to_string(), r.id()))
            }
            _ => None,
        },
    };
    if let Some((host, range)) = what {
        out.push(
            Diagnostic::new(Code::HostPrivate)
                .case("range")
                .param("host", host)
                .param("range", range),
        );
    }
}

fn display_ip(ip: IpAddr) -> String {
    Host::Ip(ip).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analyze_table() {
        // (raw, cleaned, scheme, pasted port, is email)
        type Case<'a> = (&'a str, &'a str, Option<&'a str>, Option<u16>, bool);
        let cases: &[Case<'_>] = &[
            ("smtp.gmail.com", "smtp.gmail.com", None, None, false),
            ("  smtp.gmail.com\n", "smtp.gmail.com", None, None, false),
            ("smtp.gmail .com", "smtp.gmail.com", None, None, false),
            (
                "smtps://smtp.gmail.com:465",
                "smtp.gmail.com",
                Some("smtps"),
                Some(465),
                false,
            ),
            (
                "https://mail.example.com/login?x=1",
                "mail.example.com",
                Some("https"),
                None,
                false,
            ),
            (
                "smtp://user@mail.example.com:587/",
                "mail.example.com",
                Some("smtp"),
                Some(587),
                false,
            ),
            (
                "smtp.office365.com:587",
                "smtp.office365.com",
                None,
                Some(587),
                false,
            ),
            (
                "smtp.office365.com:",
                "smtp.office365.com",
                None,
                None,
                false,
            ),
            ("[2001:db8::1]:465", "[2001:db8::1]", None, Some(465), false),
            ("2001:db8::1", "2001:db8::1", None, None, false),
            ("me@gmail.com", "me@gmail.com", None, None, true),
            ("host:abc", "host:abc", None, None, false),
        ];
        for (raw, cleaned, scheme, port, email) in cases {
            let f = HostFacts::analyze(raw).unwrap();
            assert_eq!(f.cleaned, *cleaned, "{raw}");
            assert_eq!(f.scheme.as_deref(), *scheme, "{raw}");
            assert_eq!(f.pasted_port, *port, "{raw}");
            assert_eq!(f.email.is_some(), *email, "{raw}");
        }
        assert!(HostFacts::analyze("  ").is_none());
    }
}
