//! Rules that compare the settings with what a known provider documents.

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
            .case("provider")
            .param("provider", p.name)
            .param("port", port)
            .param("endpoints", p.endpoints_text())
            .fix(
                Fix::new("use-endpoint")
                    .set(Field::Port, alt.port)
                    .set(Field::Security, alt.security.as_str()),
            ),
    );
}

fn provider_known(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(p) = cx.provider else { return };
    out.push(
        Diagnostic::new(Code::ProviderKnown)
            .case("provider")
            .param("provider", p.name)
            .param("endpoints", p.endpoints_text())
            .param("provider-notes", p.id)
            .param("source", p.source)
            .param("checked", p.checked),
    );
}
