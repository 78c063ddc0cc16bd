//! Rules for the `from` address.
//!
//! Servers decide at `MAIL FROM` (or, with Postfix, at `RCPT TO`) whether
//! this login may send as this address. The static check catches the
//! obvious: no sender, a malformed one, or one at another domain than the
//! login.

use crate::codes::Code;
use crate::diagnostic::{Diagnostic, Field, Fix};
use crate::hostname::{fold, is_within};
use crate::mailbox::MailboxError;
use crate::providers::UsernameRule;

use super::Context;

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    match &cx.from {
        None => from_missing(cx, out),
        Some(Err(e)) => from_invalid(cx, e, out),
        Some(Ok(_)) => from_domain_mismatch(cx, out),
    }
}

/// ## What it checks
/// No sender address.
///
/// ## Why is this bad?
/// Every message needs a `MAIL FROM` and a `From:` header.
///
/// ## Example
/// `{"username": "me@example.com"}`
///
/// ## Fix
/// The username, when it is an email address.
fn from_missing(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let mut d = Diagnostic::new(Code::FromMissing);
    if let Some(user) = cx.username_mailbox() {
        let addr = user.address();
        d = d.fix(Fix::new("use-from").set(Field::From, addr));
    }
    out.push(d);
}

/// ## What it checks
/// The sender is not one RFC 5322 mailbox (`a@b.c` or `Name <a@b.c>`).
///
/// ## Why is this bad?
/// Servers reject the `MAIL FROM` or the message.
///
/// ## Example
/// `"Doe, John <john@example.com>"` (the comma needs quotes)
///
/// ## Fix
/// For an unquoted comma, the name in quotes.
fn from_invalid(cx: &Context<'_>, err: &MailboxError, out: &mut Vec<Diagnostic>) {
    let raw = cx.config.from_field().unwrap_or_default().trim();
    let (reason, detail) = err.reason();
    let mut d = Diagnostic::new(Code::FromInvalid)
        .case("reason")
        .param("reason", reason)
        .param("detail", detail);
    if *err == MailboxError::UnquotedComma {
        if let Some((name, rest)) = raw.split_once('<') {
            let quoted = format!(
                "\"{}\" <{rest}",
                name.trim().replace('\\', "\\\\").replace('"', "\\\"")
            );
            if crate::mailbox::parse_mailbox(&quoted).is_ok() {
                d = d.fix(Fix::new("quote-name").set(Field::From, quoted));
            }
        }
    }
    out.push(d);
}

/// ## What it checks
/// The sender's domain differs from the login's (when the login is an
/// email address). Subdomains count as the same (Mailgun's
/// `postmaster@mg.example.com` may send as `news@example.com`).
///
/// ## Why is this bad?
/// Servers refuse to send as another address unless it is an alias
/// (Postfix `Sender address rejected: not owned by user`, Microsoft
/// `SendAsDenied`).
///
/// ## Example
/// `{"username": "me@example.com", "from": "noreply@other.com"}`
///
/// ## Fix
/// The login's address as sender.
fn from_domain_mismatch(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let (Some(from), Some(user)) = (cx.sender_mailbox(), cx.username_mailbox()) else {
        return;
    };
    if cx.provider.is_some_and(|p| {
        matches!(
            p.username,
            UsernameRule::Literal(_) | UsernameRule::Generated { .. } | UsernameRule::Any
        )
    }) {
        return;
    }
    let (f, u) = (fold(&from.domain), fold(&user.domain));
    if is_within(&f, &u) || is_within(&u, &f) {
        return;
    }
    let (f, u) = (
        from.domain.to_ascii_lowercase(),
        user.domain.to_ascii_lowercase(),
    );
    let addr = user.address();
    out.push(
        Diagnostic::new(Code::FromDomainMismatch)
            .case("domains")
            .param("from-domain", f)
            .param("login-domain", u)
            .fix(Fix::new("send-from").set(Field::From, addr)),
    );
}
