//! Rules that compare the settings with what a known provider documents.

use std::fmt::Write as _;

use crate::codes::Code;
use crate::diagnostic::{Diagnostic, Field, Fix};

use super::Context;

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    provider_port_unsupported(cx, out);
    provider_known(cx, out);
}

/// ## What it checks
/// The provider does not listen on this port (Microsoft 365 and Postmark
/// have no 465; Gmail has no 2525).
///
/// ## Why is this bad?
/// The connection is refused or hangs until a timeout.
///
/// ## Example
/// `{"host": "smtp.office365.com", "port": 465}`
///
/// ## Fix
/// The provider's best documented port, with its mode.
fn provider_port_unsupported(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let (Some(p), Some(port)) = (cx.provider, cx.port) else {
        return;
    };
    if p.mode_on(port).is_some() || super::port::is_incoming(port) {
        return;
    }
    let alt = p.alternative_to(port, cx.security);
    out.push(
        Diagnostic::new(Code::ProviderPortUnsupported)
            .message(format!("{} does not accept mail on port {port}.", p.name))
            .help(format!("{} listens on {}.", p.name, p.endpoints_text()))
            .fix(
                Fix::new(format!(
                    "Use port {} with {}",
                    alt.port,
                    alt.security.label()
                ))
                .set(Field::Port, alt.port)
                .set(Field::Security, alt.security.as_str()),
            ),
    );
}

/// ## What it checks
/// The host belongs to a provider we have documentation for.
///
/// ## Why is this bad?
/// It is not: this is information, the provider's documented settings and
/// quirks, with the source.
///
/// ## Example
/// `{"host": "smtp.gmail.com"}`
///
/// ## Fix
/// None.
fn provider_known(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(p) = cx.provider else { return };
    let mut help = format!("Documented settings: {}.", p.endpoints_text());
    for note in p.notes {
        help.push(' ');
        help.push_str(note);
    }
    let _ = write!(help, " Source: {} (checked {}).", p.source, p.checked);
    out.push(
        Diagnostic::new(Code::ProviderKnown)
            .message(format!("This is {}.", p.name))
            .help(help),
    );
}
