//! The headers of a message that arrived: the receiver's own verdict in
//! `Authentication-Results` (RFC 8601) — what Gmail's "Show original" or
//! Outlook's "View message source" shows — read into the codes the live
//! arrival check gives for the same verdict (SPEC §7.7).
//!
//! The topmost `Authentication-Results` field is the last receiver's
//! (RFC 8601 §5: each receiver adds its own above the others), so it is
//! the one read; an `ARC-Authentication-Results` stands in where a
//! forwarder left only that. Nothing is verified again here: the words
//! are the receiver's, and the answer says whose (`recognised.receiver`).

use std::net::IpAddr;

use super::dsn::{field, fields};
use crate::{Code, Diagnostic};

/// At most this many `method=result` entries are read from one field.
const MAX_RESULTS: usize = 32;
/// At most this many failing DKIM signatures are named.
const MAX_SIGNATURES: usize = 5;

/// What the receiver concluded.
pub(crate) struct Verdict {
    /// Who wrote it: the field's `authserv-id` (`mx.google.com`).
    pub(crate) receiver: String,
    pub(crate) diagnostics: Vec<Diagnostic>,
}

/// One `method=result …` entry.
#[derive(Debug, Default)]
struct Entry {
    method: String,
    result: String,
    /// `ptype.property=value` and `reason=`, names lower-case.
    props: Vec<(String, String)>,
    /// The comments' text, joined (`(p=REJECT sp=REJECT dis=NONE)`).
    comment: String,
}

impl Entry {
    fn prop(&self, name: &str) -> Option<&str> {
        self.props
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }
}

/// The receiver's verdict in `text`, if it holds the headers of a
/// delivered message; `from_configured` is the From the settings send as.
pub(crate) fn read(text: &str, from_configured: Option<&str>) -> Option<Verdict> {
    let fields = fields(text);
    let get = |name: &str| field(&fields, name);
    let value = get("Authentication-Results").or_else(|| {
        // `i=1; mx.google.com; dkim=…`: the instance number first.
        get("ARC-Authentication-Results").map(|v| v.split_once(';').map_or(v, |(_, rest)| rest))
    })?;
    let (receiver, entries) = parse(value);
    if entries.is_empty() {
        return None;
    }
    // Microsoft 365 writes no `authserv-id`; the host that received the
    // message (the topmost `Received: … by`) is the receiver then.
    let receiver = if receiver.is_empty() {
        receiving_host(get("Received")).unwrap_or_default()
    } else {
        receiver
    };
    let from_seen = get("From").and_then(address);
    let mut out = Vec::new();
    if let (Some(configured), Some(seen)) = (from_configured, from_seen.as_deref())
        && !configured.trim().eq_ignore_ascii_case(seen)
    {
        out.push(
            Diagnostic::new(Code::ArrivalFromRewritten)
                .case("other")
                .param("configured", configured.trim())
                .param("seen", seen),
        );
    }
    // A whole header section (it has a From) shows whether the message
    // was signed, where a receiver's field leaves DKIM out.
    let unsigned = from_seen.is_some() && get("DKIM-Signature").is_none();
    dkim(&entries, get("DKIM-Signature"), unsigned, &mut out);
    spf(&entries, text, get("Received-SPF"), &mut out);
    let from_domain = by_method(&entries, "dmarc")
        .find_map(|e| e.prop("header.from"))
        .map(str::to_owned)
        .or_else(|| from_seen.as_deref().map(|f| domain_of(f).to_owned()))
        .map(|d| d.trim_end_matches('.').to_ascii_lowercase());
    if let Some(domain) = &from_domain {
        dmarc(&entries, domain, &mut out);
    }
    let passed = entries.iter().any(|e| e.result == "pass");
    if out.is_empty() && passed {
        out.push(
            Diagnostic::new(Code::ArrivalOk)
                .case("headers")
                .param("receiver", receiver.as_str())
                .param("domain", from_domain.as_deref().unwrap_or("?")),
        );
    }
    Some(Verdict {
        receiver,
        diagnostics: out,
    })
}

fn by_method<'a>(entries: &'a [Entry], method: &'a str) -> impl Iterator<Item = &'a Entry> {
    entries.iter().filter(move |e| e.method == method)
}

/// Each failing signature (unless the receiver says a key was
/// unreachable), or the lack of one.
fn dkim(entries: &[Entry], signature: Option<&str>, unsigned: bool, out: &mut Vec<Diagnostic>) {
    let all: Vec<&Entry> = by_method(entries, "dkim").collect();
    if all.is_empty() {
        if unsigned {
            out.push(Diagnostic::new(Code::ArrivalDkimMissing));
        }
        return;
    }
    if all.iter().all(|e| e.result == "none") {
        out.push(Diagnostic::new(Code::ArrivalDkimMissing));
        return;
    }
    for e in all
        .iter()
        .filter(|e| {
            matches!(
                e.result.as_str(),
                "fail" | "neutral" | "policy" | "permerror"
            )
        })
        .take(MAX_SIGNATURES)
    {
        let domain = e
            .prop("header.d")
            .or_else(|| e.prop("header.i").map(domain_of))
            .unwrap_or("?")
            .to_ascii_lowercase();
        let detail = e
            .prop("reason")
            .map(str::to_owned)
            .or_else(|| (!e.comment.is_empty()).then(|| e.comment.clone()))
            .unwrap_or_else(|| format!("dkim={}", e.result));
        let selector = e
            .prop("header.s")
            .map(str::to_owned)
            .or_else(|| signature.and_then(|s| selector_of(s, &domain)));
        let d = Diagnostic::new(Code::ArrivalDkimFail)
            .param("domain", domain.as_str())
            .param("detail", detail);
        out.push(match selector {
            Some(s) => d.case("fail").param("selector", s),
            None => d.case("unnamed"),
        });
    }
}

/// SPF's verdict for the envelope sender (or the HELO name).
fn spf(entries: &[Entry], text: &str, received_spf: Option<&str>, out: &mut Vec<Diagnostic>) {
    let Some(e) = by_method(entries, "spf").next() else {
        return;
    };
    let domain = e
        .prop("smtp.mailfrom")
        .or_else(|| e.prop("smtp.helo"))
        .map_or("?", domain_of)
        .trim_end_matches('.')
        .to_ascii_lowercase();
    match e.result.as_str() {
        "fail" | "softfail" | "permerror" => {
            let address = ip_in(&e.comment)
                .or_else(|| received_spf.and_then(client_ip))
                .or_else(|| delivering_address(text));
            let d = Diagnostic::new(Code::ArrivalSpfFail).param("domain", domain.as_str());
            out.push(match address {
                Some(ip) => d.param("address", ip.to_string()),
                None => d.case("no-address"),
            });
        }
        "none" => out.push(
            Diagnostic::new(Code::DomainSpfMissing)
                .case("other")
                .param("domain", domain.as_str()),
        ),
        _ => {}
    }
}

/// DMARC's verdict for the From domain, with the policy the receiver
/// names (Gmail's comment `p=REJECT`, Microsoft's `action=oreject`).
fn dmarc(entries: &[Entry], domain: &str, out: &mut Vec<Diagnostic>) {
    let Some(e) = by_method(entries, "dmarc").next() else {
        return;
    };
    match e.result.as_str() {
        "fail" => {
            let policy = policy_in(e);
            let d = Diagnostic::new(Code::ArrivalDmarcFail)
                .param("domain", domain)
                .param("at", format!("_dmarc.{domain}"));
            out.push(match policy {
                Some(p) => d.param("policy", p),
                None => d.case("no-policy"),
            });
        }
        "none" => out.push(
            Diagnostic::new(Code::DomainDmarcMissing)
                .case("none")
                .param("domain", domain)
                .param("name", format!("_dmarc.{domain}"))
                .param("record", "v=DMARC1; p=none"),
        ),
        _ => {}
    }
}

fn policy_in(e: &Entry) -> Option<&'static str> {
    let words = e
        .comment
        .split_whitespace()
        .filter_map(|w| w.strip_prefix("p=").or_else(|| w.strip_prefix("P=")))
        .chain(e.prop("action"))
        .chain(e.prop("policy.dmarc"));
    for w in words {
        let w = w.to_ascii_lowercase();
        // Microsoft: `oreject`, `pct.quarantine` — the policy, overridden.
        for p in ["reject", "quarantine", "none"] {
            if w.ends_with(p) {
                return Some(p);
            }
        }
    }
    None
}

/// `authserv-id` and the entries of one field's value.
fn parse(value: &str) -> (String, Vec<Entry>) {
    let mut parts = split_outside(value).into_iter().peekable();
    // `mx.google.com` or `mx.example.org 1` (a version after the id);
    // none at all where the first part is already a result.
    let receiver = match parts.peek() {
        Some((first, _)) if !first.contains('=') => {
            let id = first.split_whitespace().next().unwrap_or("").to_owned();
            parts.next();
            id
        }
        _ => String::new(),
    };
    let entries = parts
        .filter_map(|(text, comment)| entry(&text, comment))
        .take(MAX_RESULTS)
        .collect();
    (receiver, entries)
}

fn entry(text: &str, comment: String) -> Option<Entry> {
    let mut words = words(text).into_iter();
    let (method, result) = words.next()?.split_once('=').map(|(m, r)| {
        // `dkim/1=pass`: a method version.
        let m = m.split('/').next().unwrap_or(m);
        (m.trim().to_ascii_lowercase(), r.trim().to_ascii_lowercase())
    })?;
    if method.is_empty() || method == "none" {
        return None;
    }
    let props = words
        .filter_map(|w| {
            let (k, v) = w.split_once('=')?;
            Some((k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        })
        .collect();
    Some(Entry {
        method,
        result,
        props,
        comment,
    })
}

/// The `;`-separated parts of a value, each with its comments taken out
/// (and kept apart); quotes and nested comments respected, depth bounded.
fn split_outside(value: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let (mut text, mut comment) = (String::new(), String::new());
    let (mut depth, mut quoted, mut escaped) = (0u8, false, false);
    for c in value.chars() {
        if escaped {
            escaped = false;
            if depth > 0 { &mut comment } else { &mut text }.push(c);
            continue;
        }
        match c {
            '\\' if quoted || depth > 0 => escaped = true,
            '"' if depth == 0 => quoted = !quoted,
            '(' if !quoted => {
                depth = depth.saturating_add(1).min(8);
                if depth == 1 && !comment.is_empty() {
                    comment.push(' ');
                }
            }
            ')' if !quoted && depth > 0 => depth -= 1,
            ';' if !quoted && depth == 0 => {
                out.push((std::mem::take(&mut text), std::mem::take(&mut comment)));
            }
            c if depth > 0 => comment.push(c),
            // Inside quotes a space stays part of the word.
            ' ' | '\t' if quoted => text.push('\u{1f}'),
            c => text.push(c),
        }
    }
    out.push((text, comment));
    out
}

fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.replace('\u{1f}', " "))
        .collect()
}

/// The address in a `From:` value: `Name <a@b>` or a bare `a@b`.
fn address(value: &str) -> Option<String> {
    let inner = match (value.rfind('<'), value.rfind('>')) {
        (Some(start), Some(end)) if start < end => &value[start + 1..end],
        _ => value,
    };
    let a = inner.trim().to_ascii_lowercase();
    (a.contains('@') && !a.contains(char::is_whitespace)).then_some(a)
}

fn domain_of(address: &str) -> &str {
    address.rsplit_once('@').map_or(address, |(_, d)| d).trim()
}

/// `s=` of the `DKIM-Signature` whose `d=` is `domain`.
fn selector_of(signature: &str, domain: &str) -> Option<String> {
    let tags: Vec<(&str, &str)> = signature
        .split(';')
        .filter_map(|t| t.split_once('='))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect();
    let d = tags.iter().find(|(k, _)| *k == "d")?.1;
    if !d.eq_ignore_ascii_case(domain) {
        return None;
    }
    tags.iter()
        .find(|(k, _)| *k == "s")
        .map(|(_, s)| (*s).to_owned())
        .filter(|s| !s.is_empty())
}

/// The first IP address among `text`'s words (`designates 203.0.113.9
/// as permitted sender`, `sender IP is 203.0.113.9`).
fn ip_in(text: &str) -> Option<IpAddr> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '[' | ']' | '(' | ')' | ',' | ';'))
        .find_map(|w| w.trim_end_matches('.').parse().ok())
}

/// `client-ip=203.0.113.9;` of a `Received-SPF` field.
fn client_ip(value: &str) -> Option<IpAddr> {
    value
        .split([';', ' '])
        .find_map(|w| w.trim().strip_prefix("client-ip="))
        .and_then(|ip| ip.parse().ok())
}

/// `by` of a `Received` value: the host that took the message.
fn receiving_host(received: Option<&str>) -> Option<String> {
    let by = received?.split(" by ").nth(1)?;
    by.split_whitespace()
        .next()
        .map(|h| h.trim_end_matches([';', '.']).to_ascii_lowercase())
}

/// The address in the topmost `Received: from … [203.0.113.9]`: the one
/// that delivered the message to the receiver.
fn delivering_address(text: &str) -> Option<IpAddr> {
    let received = fields(text)
        .into_iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("Received"))?
        .1;
    let from = received.split(" by ").next()?;
    ip_in(from)
}
