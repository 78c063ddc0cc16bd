//! `explain`: what failed in production, from the text the customer or
//! the app has — an SMTP reply, a client library's error as it prints it,
//! a bounce (RFC 3464), or the headers of a message that arrived (the
//! receiver's `Authentication-Results`, RFC 8601). It answers with the
//! registry's codes through the same reply tables the probe's sessions
//! use ([`crate::replies`]), so a pasted `535 5.7.8` reads exactly as a
//! live one, and a receiver's `dmarc=fail` as the arrival check's.
//!
//! It is honest about what it does not know: text it cannot place gets
//! `explain.not-recognised` with what it did recognise (a library, a
//! reply), never a guessed cause; words that fit several causes list them,
//! most likely first, with `explain.several-causes`. With the settings
//! used (`context`) the static rules take part: their related findings,
//! with their one-click fixes, come first.
//!
//! Pasted text is untrusted: only its first [`MAX_TEXT`] bytes are read,
//! nothing here touches the network, and every server word echoed back
//! passes [`secrets::redact`] (passwords, tokens, AUTH blobs).

mod dsn;
mod headers;
mod libraries;
mod replies_in_text;
pub(crate) mod secrets;

use serde::Serialize;

use crate::providers::{self, Provider};
use crate::replies::{self, Sent};
use crate::reply::Reply;
use crate::{Code, Config, Diagnostic, Field, Fix, Severity};

use libraries::Stage;
pub use libraries::{LIBRARIES, Library};

/// The longest text read (64 KiB); the rest is ignored, and said so.
pub const MAX_TEXT: usize = 64 * 1024;

/// What `explain` found: the causes, most likely first, and what it
/// recognised in the text.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Explanation {
    pub diagnostics: Vec<Diagnostic>,
    pub recognised: Recognised,
}

/// What the text was, as far as `explain` could tell.
#[derive(Clone, Debug, Default, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Recognised {
    /// `reply` (an SMTP reply), `bounce` (a delivery status
    /// notification), `headers` (a delivered message's, with the
    /// receiver's `Authentication-Results`), `failure` (a connection or
    /// TLS failure a library named), or `unknown`.
    pub kind: &'static str,
    /// The client library whose wording it has (`nodemailer`, `smtplib`, …).
    pub library: Option<&'static str>,
    /// That library's name as people write it (`Nodemailer`, `Python smtplib`).
    pub library_name: Option<&'static str>,
    /// The provider whose server answered (from the settings or its words).
    pub provider: Option<&'static str>,
    /// The SMTP reply found, secrets redacted.
    pub reply: Option<String>,
    /// The command that reply answered, where the text says or the reply
    /// shows it: `greeting`, `starttls`, `auth`, `mail-from`, `rcpt-to`, `data`.
    pub command: Option<&'static str>,
    /// Whose verdict the headers hold: the receiver's `authserv-id`
    /// (`mx.google.com`).
    pub receiver: Option<String>,
    /// The text was longer than [`MAX_TEXT`]; only its start was read.
    pub truncated: bool,
}

/// Explains `text`, with the settings it happened with if known.
pub fn explain(text: &str, context: Option<&Config>) -> Explanation {
    let (text, truncated) = bounded(text);
    let known: Vec<&str> = context
        .map(|c| {
            [c.password(), c.oauth_token()]
                .into_iter()
                .flatten()
                .collect()
        })
        .unwrap_or_default();
    let clean = secrets::redact(text, &known);
    let library = libraries::library(&clean);
    let mut recognised = Recognised {
        kind: "unknown",
        library: library.map(|l| l.id),
        library_name: library.map(|l| l.name),
        truncated,
        ..Recognised::default()
    };
    let provider = context
        .and_then(Config::host_trimmed)
        .and_then(providers::provider_by_host)
        .or_else(|| provider_in(&clean));
    recognised.provider = provider.map(|p| p.id);

    let mut causes = if let Some(bounce) = dsn::read(&clean) {
        recognised.kind = "bounce";
        recognised.reply = bounce.reply.as_ref().map(Reply::raw);
        recognised.command = Some("rcpt-to");
        vec![bounce.diagnostic]
    } else if let Some(verdict) = headers::read(&clean, context.and_then(Config::from_field)) {
        recognised.kind = "headers";
        recognised.receiver = Some(verdict.receiver).filter(|r| !r.is_empty());
        verdict.diagnostics
    } else if let Some(reply) = replies_in_text::failing(&clean) {
        recognised.kind = "reply";
        let stage = stage_of(&clean, &reply);
        recognised.reply = Some(reply.raw());
        recognised.command = stage.map(stage_name);
        meaning(&reply, stage, provider, context, &clean)
    } else if let Some(failure) = libraries::failure(&clean) {
        recognised.kind = "failure";
        let mut causes = vec![from_failure(failure.code, context)];
        causes.extend(failure.also.iter().map(|c| from_failure(*c, context)));
        causes
    } else {
        Vec::new()
    };

    if causes.is_empty() {
        let mut d = Diagnostic::new(Code::ExplainNotRecognised);
        if let Some(l) = library {
            d = d.case("library").param("library", l.name);
        }
        causes.push(d);
    } else if causes
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
        > 1
    {
        let count = causes.len().to_string();
        causes.push(Diagnostic::new(Code::ExplainSeveralCauses).param("count", count));
    }
    if let Some(config) = context {
        with_settings(&mut causes, config);
    }
    Explanation {
        diagnostics: causes,
        recognised,
    }
}

/// The first [`MAX_TEXT`] bytes (at a character boundary), and whether
/// there was more.
fn bounded(text: &str) -> (&str, bool) {
    if text.len() <= MAX_TEXT {
        return (text, false);
    }
    let mut end = MAX_TEXT;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (&text[..end], true)
}

/// A provider named by its servers' own words in a reply.
fn provider_in(text: &str) -> Option<&'static Provider> {
    let lower = text.to_ascii_lowercase();
    let id = [
        ("gsmtp", "gmail"),
        ("support.google.com", "gmail"),
        ("outlook.com", "microsoft365"),
        ("aka.ms/smtp", "microsoft365"),
        ("office365", "microsoft365"),
    ]
    .iter()
    .find(|(word, _)| lower.contains(word))?
    .1;
    providers::PROVIDERS.iter().find(|p| p.id == id)
}

fn stage_name(stage: Stage) -> &'static str {
    match stage {
        Stage::Greeting => "greeting",
        Stage::Starttls => "starttls",
        Stage::Auth => "auth",
        Stage::MailFrom => "mail-from",
        Stage::RcptTo => "rcpt-to",
        Stage::Data => "data",
    }
}

/// The command a failing reply answered: the library's words, else what
/// the reply itself shows.
fn stage_of(text: &str, reply: &Reply) -> Option<Stage> {
    let sent = replies_in_text::last_command(text).and_then(|c| match c.as_str() {
        "AUTH" => Some(Stage::Auth),
        "MAIL" => Some(Stage::MailFrom),
        "RCPT" => Some(Stage::RcptTo),
        "DATA" | "." => Some(Stage::Data),
        "STARTTLS" => Some(Stage::Starttls),
        _ => None,
    });
    // The library's own words, never the server's (a reply may say
    // "STARTTLS" or "sender" about another command).
    let words: Vec<&str> = text
        .lines()
        .filter(|l| !replies_in_text::is_reply(l))
        .collect();
    let named = || {
        libraries::STAGES
            .iter()
            .find(|(_, names)| names.iter().any(|n| words.iter().any(|l| l.contains(n))))
            .map(|(stage, _)| *stage)
    };
    sent.or_else(named).or_else(|| {
        let status = reply.enhanced().unwrap_or_default();
        let lower = reply.text().to_ascii_lowercase();
        match reply.code {
            534 | 535 | 538 => Some(Stage::Auth),
            454 if lower.contains("auth") => Some(Stage::Auth),
            552 => Some(Stage::Data),
            _ if status.starts_with("5.1.") || status.starts_with("4.1.") => {
                if status.ends_with(".7") || status.ends_with(".8") {
                    Some(Stage::MailFrom)
                } else {
                    Some(Stage::RcptTo)
                }
            }
            // Refused for who the client is, before any command.
            421 | 550 | 554
                if [
                    "your ip",
                    "ip address",
                    "allowlist",
                    "blocklist",
                    "blacklist",
                    "access denied",
                ]
                .iter()
                .any(|w| lower.contains(w)) =>
            {
                Some(Stage::Greeting)
            }
            _ if lower.contains("recipient") || lower.contains("relay") => Some(Stage::RcptTo),
            _ if lower.contains("sender") || status == "5.7.60" => Some(Stage::MailFrom),
            _ => None,
        }
    })
}

/// A failing reply's meaning at `stage` (unknown: the tables that can
/// tell from the words alone, in order).
fn meaning(
    reply: &Reply,
    stage: Option<Stage>,
    provider: Option<&Provider>,
    context: Option<&Config>,
    text: &str,
) -> Vec<Diagnostic> {
    let sent = if context.is_some_and(|c| c.auth_mechanism().is_oauth()) {
        Sent::Token(None)
    } else {
        Sent::Password
    };
    match stage {
        Some(Stage::Auth) => vec![replies::auth_failure(reply, provider, sent)],
        Some(Stage::RcptTo) => vec![replies::rcpt_failure(reply, "")],
        Some(Stage::Data) => vec![replies::data_failure(reply)],
        Some(Stage::Starttls) => vec![replies::starttls_refused(reply)],
        Some(Stage::Greeting) => replies::greeting(reply).into_iter().collect(),
        // .NET's SmtpClient: "requires a secure connection or the client
        // was not authenticated" — its own words say it cannot tell.
        None if text
            .contains("requires a secure connection or the client was not authenticated") =>
        {
            vec![
                Diagnostic::new(Code::AuthRequiresTls).reply(reply.raw()),
                replies::mail_from_failure(reply, ""),
            ]
        }
        // Unknown: the MAIL FROM table, which also reads a login refusal
        // (`530 … authentication required`) and TLS refusals.
        Some(Stage::MailFrom) | None => vec![replies::mail_from_failure(reply, "")],
    }
}

/// A failure without a reply, with the settings' port where it helps.
fn from_failure(code: Code, context: Option<&Config>) -> Diagnostic {
    let port = context.and_then(Config::port_number);
    let d = Diagnostic::new(code);
    match (code, port) {
        (Code::TlsExpectedStarttls, Some(port)) => d
            .case("plain-answer")
            .param("port", port)
            .fix(Fix::new("use-security").set(Field::Security, "starttls")),
        (Code::TlsExpectedStarttls, None) => {
            d.fix(Fix::new("use-security").set(Field::Security, "starttls"))
        }
        (Code::TlsExpectedImplicit, _) => {
            d.fix(Fix::new("use-security").set(Field::Security, "tls"))
        }
        _ => d,
    }
}

/// The fields a cause's settings live in.
fn related(field: Option<Field>) -> &'static [Field] {
    match field {
        Some(Field::Security | Field::Port) => &[Field::Security, Field::Port],
        Some(Field::Password | Field::Username | Field::Auth | Field::AccessToken) => &[
            Field::Password,
            Field::Username,
            Field::Auth,
            Field::AccessToken,
        ],
        Some(Field::Host) => &[Field::Host, Field::Port],
        Some(Field::From) => &[Field::From],
        _ => &[],
    }
}

/// The static rules on the settings used: their errors in the same fields
/// as the causes come first (they carry the fix), the rest after.
fn with_settings(causes: &mut Vec<Diagnostic>, config: &Config) {
    let fields: Vec<Field> = causes
        .iter()
        .flat_map(|d| related(d.field).iter().copied())
        .collect();
    // The settings given are partial by nature (no password, often no
    // From): what they lack is not news, only what they get wrong.
    let (first, rest): (Vec<Diagnostic>, Vec<Diagnostic>) = crate::validate(config)
        .into_iter()
        .filter(|d| d.severity == Severity::Error && !d.code.as_str().ends_with("missing"))
        .partition(|d| d.field.is_some_and(|f| fields.contains(&f)));
    let mut all = first;
    all.append(causes);
    all.extend(rest);
    *causes = all;
}

#[cfg(test)]
mod tests;
