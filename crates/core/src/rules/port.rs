//! Rules for the `port` field.
//!
//! SMTP submission lives on 587 (STARTTLS) and 465 (implicit TLS, RFC
//! 8314); 25 is the relay port that clouds block; 2525 is the common
//! alternative. IMAP and POP ports are the classic confusion.

use crate::codes::Code;
use crate::config::USUAL_PORTS as USUAL;
use crate::config::{Input, Security};
use crate::diagnostic::{Diagnostic, Field, Fix};

use super::Context;

/// IMAP (143, 993) and POP3 (110, 995).
pub(crate) fn is_incoming(port: u16) -> bool {
    matches!(port, 143 | 993 | 110 | 995)
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    match &cx.config.port {
        Input::Absent => port_missing(cx, out),
        Input::Invalid(raw) => port_invalid(raw, out),
        Input::Valid(port) => {
            port_incoming(cx, *port, out);
            port_unusual(cx, *port, out);
            port_25_blocked(cx, *port, out);
        }
    }
}

/// The endpoint to offer instead of `port`: the provider's best other one,
/// or 587/STARTTLS (465/TLS when TLS is chosen).
fn alternative(cx: &Context<'_>, port: u16) -> (u16, Security) {
    if let Some(p) = cx.provider {
        let e = p.alternative_to(port, cx.security);
        return (e.port, e.security);
    }
    if cx.security == Some(Security::Tls) {
        (465, Security::Tls)
    } else {
        (587, Security::Starttls)
    }
}

fn endpoint_fix(port: u16, security: Security) -> Fix {
    Fix::new("use-endpoint")
        .set(Field::Port, port)
        .set(Field::Security, security.as_str())
}

/// ## What it checks
/// No port given.
///
/// ## Why is this bad?
/// Libraries guess differently (25, 465 or 587) when none is set.
///
/// ## Example
/// `{"host": "smtp.gmail.com"}`
///
/// ## Fix
/// The port that fits the chosen mode: the provider's, or 465 for TLS/SSL
/// and 587 otherwise.
fn port_missing(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let mut d = Diagnostic::new(Code::PortMissing);
    if let Some(p) = cx.provider {
        let e = p
            .endpoints
            .iter()
            .find(|e| cx.security == Some(e.security))
            .copied()
            .unwrap_or_else(|| p.preferred());
        d = d.fix(if cx.security == Some(e.security) {
            Fix::new("use-port").set(Field::Port, e.port)
        } else {
            endpoint_fix(e.port, e.security)
        });
    } else if let Some(port) = match cx.security {
        Some(Security::Tls) => Some(465),
        Some(Security::Starttls) => Some(587),
        _ => None,
    } {
        d = d.fix(Fix::new("use-port").set(Field::Port, port));
    }
    out.push(d);
}

/// ## What it checks
/// The port is not a whole number from 1 to 65535.
///
/// ## Why is this bad?
/// No connection can be made.
///
/// ## Example
/// `"port": "587a"`, `"port": 0`, `"port": 70000`
///
/// ## Fix
/// None.
fn port_invalid(raw: &str, out: &mut Vec<Diagnostic>) {
    out.push(
        Diagnostic::new(Code::PortInvalid)
            .case("raw")
            .param("raw", raw),
    );
}

/// ## What it checks
/// An IMAP or POP port (993, 143, 995, 110).
///
/// ## Why is this bad?
/// Those ports receive mail; an SMTP client gets no SMTP greeting there.
///
/// ## Example
/// `"port": 993`
///
/// ## Fix
/// 465 with TLS/SSL (for the TLS ports) or 587 with STARTTLS, or the
/// provider's documented port.
fn port_incoming(cx: &Context<'_>, port: u16, out: &mut Vec<Diagnostic>) {
    if !is_incoming(port) {
        return;
    }
    let proto = if matches!(port, 143 | 993) {
        "IMAP"
    } else {
        "POP3"
    };
    let (p, s) = if cx.provider.is_some() {
        alternative(cx, port)
    } else if matches!(port, 993 | 995) {
        (465, Security::Tls)
    } else {
        (587, Security::Starttls)
    };
    out.push(
        Diagnostic::new(Code::PortIncoming)
            .case("port")
            .param("port", port)
            .param("protocol", proto)
            .fix(endpoint_fix(p, s)),
    );
}

/// ## What it checks
/// A port that is neither a usual SMTP port (25, 465, 587, 2525) nor one
/// the provider documents.
///
/// ## Why is this bad?
/// It may be right (some hosts use custom ports) but is often a typo.
///
/// ## Example
/// `"port": 5877`
///
/// ## Fix
/// None (info only).
fn port_unusual(cx: &Context<'_>, port: u16, out: &mut Vec<Diagnostic>) {
    if USUAL.contains(&port) || is_incoming(port) || cx.provider.is_some() {
        return; // known providers: provider.port-unsupported speaks instead
    }
    out.push(
        Diagnostic::new(Code::PortUnusual)
            .case("port")
            .param("port", port),
    );
}

/// ## What it checks
/// Port 25.
///
/// ## Why is this bad?
/// Many clouds (Google Compute Engine, DigitalOcean) and ISPs block
/// outbound 25 to fight spam; the symptom is a connect timeout.
///
/// ## Example
/// `"port": 25`
///
/// ## Fix
/// 587 with STARTTLS, or the provider's preferred submission port.
fn port_25_blocked(cx: &Context<'_>, port: u16, out: &mut Vec<Diagnostic>) {
    if port != 25 || cx.provider.is_some_and(|p| p.mode_on(25).is_none()) {
        return;
    }
    let (p, s) = alternative(cx, port);
    let mut d = Diagnostic::new(Code::Port25Blocked)
        .param("port", p)
        .param("security", s.as_str());
    if let Some(blocking) = crate::providers::port_blocking_hosts(25) {
        d = d
            .case("platforms")
            .param("blockers", blocking.blockers)
            .param("alternatives", blocking.alternatives);
    }
    out.push(d.fix(endpoint_fix(p, s)));
}
