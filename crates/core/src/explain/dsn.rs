//! A bounce (RFC 3464 delivery status notification): its per-recipient
//! `Status:`, `Diagnostic-Code:` and `Final-Recipient:` fields, folded
//! lines joined. The remote server's reply is read with the same tables as
//! a live RCPT TO; a domain that does not exist, or whose server never
//! answered, is named as such.

use crate::replies;
use crate::reply::Reply;
use crate::{Code, Diagnostic};

pub(crate) struct Bounce {
    /// The remote server's reply, when the bounce quotes one.
    pub(crate) reply: Option<Reply>,
    pub(crate) diagnostic: Diagnostic,
}

/// The fields of `text`'s delivery status, if it is a bounce.
pub(crate) fn read(text: &str) -> Option<Bounce> {
    let fields = fields(text);
    let get = |name: &str| field(&fields, name);
    let status = get("Status")?.split_whitespace().next()?.to_owned();
    let action = get("Action").unwrap_or_default().to_ascii_lowercase();
    if !(status.starts_with("4.") || status.starts_with("5.")) {
        return None;
    }
    let recipient = get("Final-Recipient")
        .and_then(|v| v.split(';').nth(1))
        .map(str::trim)
        .unwrap_or_default();
    let diagnostic_code = get("Diagnostic-Code").unwrap_or_default();
    let (kind, words) = diagnostic_code
        .split_once(';')
        .unwrap_or(("", diagnostic_code));
    let words = words.trim();
    if kind.trim().eq_ignore_ascii_case("smtp") {
        if let Some(reply) = reply_of(words) {
            let d = if action == "delayed" {
                Diagnostic::new(Code::SmtpTemporaryFailure)
                    .case("deferred")
                    .param("command", "rcpt-to")
                    .param("reply-code", reply.code)
                    .reply(reply.raw())
            } else {
                replies::rcpt_failure(&reply, "")
            };
            return Some(Bounce {
                reply: Some(reply),
                diagnostic: d,
            });
        }
    }
    let lower = words.to_ascii_lowercase();
    let no_domain = status == "5.4.4"
        || status == "5.1.2"
        || lower.contains("host or domain name not found")
        || lower.contains("domain not found");
    // 4.4.1 no answer, 4.4.2 connection dropped (RFC 3463), or the
    // connection error in the MTA's own words.
    let unreachable = ["4.4.1", "4.4.2", "5.4.1", "5.4.2"].contains(&status.as_str())
        || [
            "connection refused",
            "connection timed out",
            "no route to host",
            "network is unreachable",
        ]
        .iter()
        .any(|w| lower.contains(w));
    let domain = recipient.rsplit_once('@').map_or("", |(_, d)| d);
    let d = Diagnostic::new(Code::RecipientRejected);
    let d = match (no_domain, unreachable, domain.is_empty()) {
        (_, _, true) | (false, false, _) => d,
        (true, _, false) => d.case("no-domain").param("domain", domain),
        (false, true, false) => d.case("unreachable").param("domain", domain),
    };
    Some(Bounce {
        reply: None,
        diagnostic: if words.is_empty() { d } else { d.reply(words) },
    })
}

/// `550 5.1.1 <x>: …` as a reply (one line).
fn reply_of(words: &str) -> Option<Reply> {
    let code: u16 = words.get(..3)?.parse().ok()?;
    ((400..600).contains(&code) && words.as_bytes().get(3).is_none_or(|b| *b == b' ')).then(|| {
        Reply {
            code,
            lines: vec![words.get(4..).unwrap_or_default().trim().to_owned()],
        }
    })
}

/// The first field called `name` (any case).
pub(crate) fn field<'f>(fields: &'f [(String, String)], name: &str) -> Option<&'f str> {
    fields
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// `Name: value` header-style fields, folded continuation lines joined.
pub(crate) fn fields(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some((_, v)) = out.last_mut() {
                v.push(' ');
                v.push_str(line.trim());
            }
            continue;
        }
        match line.split_once(':') {
            Some((k, v))
                if !k.is_empty() && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') =>
            {
                out.push((k.to_owned(), v.trim().to_owned()));
            }
            // A line that is no field ends the folding.
            _ => out.push((String::new(), String::new())),
        }
    }
    out
}
