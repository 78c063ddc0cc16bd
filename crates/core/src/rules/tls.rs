//! Rules for the security mode: implicit TLS, STARTTLS or none.
//!
//! The classic failure is a mode that does not match the port: STARTTLS
//! on 465 waits for a greeting that never comes; TLS on 587 yields OpenSSL's
//! `wrong version number`. These rules catch it before any connection.

use crate::codes::Code;
use crate::config::{Input, Security};
use crate::diagnostic::{Diagnostic, Field, Fix, Severity};

use super::{Context, standard_mode};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    tls_invalid_mode(cx, out);
    tls_conflicting_modes(cx, out);
    tls_missing(cx, out);
    tls_port_mismatch(cx, out);
    tls_none(cx, out);
    auth_cleartext(cx, out);
}

fn security_fix(mode: Security) -> Fix {
    Fix::new("use-security").set(Field::Security, mode.as_str())
}

/// The encrypted mode to propose for the current port.
fn encrypted_mode_for(cx: &Context<'_>) -> Security {
    cx.port
        .and_then(|p| cx.expected_mode(p))
        .filter(|m| *m != Security::None)
        .unwrap_or(Security::Starttls)
}

/// ## What it checks
/// A `security` value that is not `tls`, `starttls` or `none` (common
/// spellings such as `SSL` or `STARTTLS` are accepted).
///
/// ## Why is this bad?
/// The mode decides how the connection starts; a guess would be wrong half
/// the time.
///
/// ## Example
/// `"security": "auto"`
///
/// ## Fix
/// The mode the port expects.
fn tls_invalid_mode(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Input::Invalid(raw) = &cx.config.security else {
        return;
    };
    let mut d = Diagnostic::new(Code::TlsInvalidMode)
        .case("raw")
        .param("raw", raw.as_str());
    if let Some(mode) = cx.port.and_then(|p| cx.expected_mode(p)) {
        d = d.fix(security_fix(mode));
    }
    out.push(d);
}

/// ## What it checks
/// Two TLS settings that disagree: `security` and the `secure`/`tls`
/// booleans.
///
/// ## Why is this bad?
/// Different libraries read different fields; the result depends on who
/// reads the config.
///
/// ## Example
/// `{"security": "starttls", "secure": true}`
///
/// ## Fix
/// One mode (the one the port expects); applying it removes the aliases.
fn tls_conflicting_modes(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let c = cx.config;
    let as_mode = |b: bool| if b { Security::Tls } else { Security::Starttls };
    let mut modes: Vec<(&str, Security)> = Vec::new();
    if let Some(m) = c.security.valid() {
        modes.push(("security", m));
    }
    if let Some(b) = c.secure {
        modes.push(("secure", as_mode(b)));
    }
    if let Some(b) = c.tls {
        modes.push(("tls", as_mode(b)));
    }
    let Some((first_name, first)) = modes.first().copied() else {
        return;
    };
    let Some((other_name, other)) = modes.iter().copied().find(|(_, m)| *m != first) else {
        return;
    };
    let pick = cx.port.and_then(|p| cx.expected_mode(p)).unwrap_or(first);
    out.push(
        Diagnostic::new(Code::TlsConflictingModes)
            .case("settings")
            .param("setting", first_name)
            .param("security", first.as_str())
            .param("other-setting", other_name)
            .param("other-security", other.as_str())
            .fix(security_fix(pick)),
    );
}

/// ## What it checks
/// No security mode at all: no `security`, `secure` or `tls`.
///
/// ## Why is this bad?
/// Libraries default differently (nodemailer: STARTTLS if offered; others:
/// none), so the same form behaves differently per backend.
///
/// ## Example
/// `{"host": "smtp.gmail.com", "port": 465}`
///
/// ## Fix
/// The mode the port expects.
fn tls_missing(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let c = cx.config;
    if c.security != Input::Absent || c.secure.is_some() || c.tls.is_some() {
        return;
    }
    let mut d = Diagnostic::new(Code::TlsMissing);
    if let Some(mode) = cx.port.and_then(|p| cx.expected_mode(p)) {
        d = d.fix(security_fix(mode));
    }
    out.push(d);
}

/// ## What it checks
/// The mode disagrees with the port: 465 with STARTTLS or none; 587, 25
/// or 2525 with implicit TLS. A provider's documented exception wins.
///
/// ## Why is this bad?
/// STARTTLS on an implicit-TLS port waits for a greeting that never comes
/// (a timeout); implicit TLS on a STARTTLS port fails at once with
/// `wrong version number`.
///
/// ## Example
/// `{"port": 465, "security": "starttls"}`
///
/// ## Fix
/// The mode the port expects.
fn tls_port_mismatch(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let (Some(port), Some(mode)) = (cx.port, cx.security) else {
        return;
    };
    if cx.provider.is_some_and(|p| p.mode_on(port).is_none()) {
        return; // provider.port-unsupported names the real problem
    }
    let Some(expected) = cx.expected_mode(port) else {
        return;
    };
    if mode == expected || (mode == Security::None && expected == Security::Starttls) {
        return;
    }
    let standard = standard_mode(port);
    // Where a provider documents a non-standard mode on a standard port,
    // the standard choice is only a warning.
    let severity = if standard.is_some_and(|s| s != expected && s == mode) {
        Severity::Warning
    } else {
        Severity::Error
    };
    out.push(
        Diagnostic::new(Code::TlsPortMismatch)
            .severity(severity)
            .case("port")
            .param("port", port)
            .param("security", mode.as_str())
            .param("expected", expected.as_str())
            .fix(security_fix(expected)),
    );
}

/// ## What it checks
/// `security: none`.
///
/// ## Why is this bad?
/// Mail and commands cross the network in clear text.
///
/// ## Example
/// `{"port": 587, "security": "none"}`
///
/// ## Fix
/// The encrypted mode the port expects (STARTTLS by default).
fn tls_none(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if cx.security != Some(Security::None)
        || cx.port.and_then(|p| cx.expected_mode(p)) == Some(Security::Tls)
    {
        return; // on 465, tls.port-mismatch already says it
    }
    out.push(Diagnostic::new(Code::TlsNone).fix(security_fix(encrypted_mode_for(cx))));
}

/// ## What it checks
/// A password together with `security: none`.
///
/// ## Why is this bad?
/// The password crosses the network readable by anyone on the path, and
/// most servers refuse AUTH before TLS anyway (`530 Must issue a STARTTLS
/// command first`).
///
/// ## Example
/// `{"security": "none", "username": "me", "password": "…"}`
///
/// ## Fix
/// The encrypted mode the port expects.
fn auth_cleartext(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if cx.security != Some(Security::None) || cx.config.password().is_none() || !cx.wants_auth() {
        return;
    }
    out.push(Diagnostic::new(Code::AuthCleartext).fix(security_fix(encrypted_mode_for(cx))));
}
