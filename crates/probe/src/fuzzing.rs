//! The bodies of the fuzz targets (`crates/fuzz`, `cargo xtask fuzz`):
//! every parser of untrusted input, each with the property it must keep
//! besides "never panics". They live here so that `cargo test` also runs
//! them over the checked-in corpus on stable Rust.

use smtp_doctor_core::wire::{AuthIdentity, HeloName, SmtpAddress, is_forbidden};

use crate::engine::ehlo::parse_ehlo;
use crate::engine::io::{MAX_LINES, MAX_REPLY, Parsed, parse_reply};

/// A server's reply: bounded, and never more than was given.
pub fn reply(data: &[u8]) {
    if let Parsed::Reply(reply, used) = parse_reply(data) {
        assert!(used <= data.len() && used <= MAX_REPLY);
        assert!(!reply.lines.is_empty() && reply.lines.len() <= MAX_LINES);
        assert!((100..600).contains(&reply.code));
    }
}

/// An EHLO reply: every mechanism is one word.
pub fn ehlo(data: &[u8]) {
    if let Parsed::Reply(reply, _) = parse_reply(data) {
        let e = parse_ehlo(&reply);
        assert_eq!(e.keywords.len(), e.extensions.len());
        assert!(
            e.auth_mechanisms
                .iter()
                .all(|m| !m.contains(char::is_whitespace))
        );
    }
}

/// Addresses and the other wire values: whatever parses is one line.
pub fn wire(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = smtp_doctor_core::mailbox::parse_mailbox(&text);
    for value in [
        SmtpAddress::parse(&text).map(|a| format!("RCPT TO:<{a}>")),
        HeloName::parse(&text).map(|h| format!("EHLO {h}")),
        AuthIdentity::parse(&text).map(|u| u.to_string()),
    ]
    .into_iter()
    .flatten()
    {
        assert!(!value.chars().any(is_forbidden), "{value:?}");
        assert!(crate::engine::io::check_command(&value).is_ok());
    }
}

/// A settings form as JSON: validation reads anything.
pub fn config(data: &[u8]) {
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) {
        let diagnostics = smtp_doctor_core::validate_json(&value.into());
        for d in diagnostics {
            assert!(!d.code.as_str().is_empty());
        }
    }
}

/// Settings as JSON text, read by core's own parser (the browser's way in):
/// it agrees with serde_json on every text serde_json accepts, and what it
/// reads it writes back as text that reads the same.
pub fn json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ours = smtp_doctor_core::json::Json::parse(text);
    if let Ok(theirs) = serde_json::from_str::<serde_json::Value>(text) {
        let ours = ours.as_ref().expect("serde_json accepts it, so must core");
        assert!(*ours == theirs, "{text:?}");
    }
    if let Some(value) = ours {
        let again = smtp_doctor_core::json::Json::parse(&value.to_string());
        assert_eq!(again.as_ref(), Some(&value), "{text:?}");
    }
}

/// An SPF record from a domain anyone controls: the evaluation ends
/// within its rounds and limits, whatever the record says (every name it
/// asks about has a copy of the same record, or nothing).
pub fn spf(data: &[u8]) {
    use smtp_doctor_core::domain::spf::{Answer, MAX_LOOKUPS, MAX_ROUNDS, Query, Spf};
    let record = String::from_utf8_lossy(data);
    let record = format!("v=spf1 {record}");
    let ip = std::net::IpAddr::from([192, 0, 2, 1]);
    let mut check = Spf::new("example.com", ip, "me@example.com");
    let mut done = false;
    for round in 0..MAX_ROUNDS * 4 {
        let missing = check.missing();
        if missing.is_empty() {
            done = true;
            break;
        }
        for q in missing {
            let answer = match &q {
                Query::Txt(_) if round % 2 == 0 => Answer::Txt(vec![record.clone()]),
                Query::Addresses(_) => Answer::Addresses(vec![ip]),
                Query::Mx(name) => Answer::Mx(vec![format!("mx.{name}")]),
                Query::Txt(_) => Answer::Nothing,
            };
            check.supply(q, answer);
        }
    }
    assert!(done, "no conclusion: {record:?}");
    let outcome = check.evaluate();
    assert!(outcome.facts.lookups <= MAX_LOOKUPS + 1, "{record:?}");
}

/// DMARC records from domains anyone controls, and a From domain as typed:
/// the walk asks at most 8 names, and only a `v=DMARC1` record applies.
pub fn dmarc(data: &[u8]) {
    use smtp_doctor_core::domain::dmarc::{MAX_QUERIES, discover, is_dmarc, walk};
    let text = String::from_utf8_lossy(data);
    let (domain, record) = text.split_once('\n').unwrap_or(("mail.example.com", &text));
    let names = walk(domain);
    assert!(
        !names.is_empty() && names.len() <= MAX_QUERIES,
        "{domain:?}"
    );
    let zone = names
        .iter()
        .map(|n| (n.clone(), vec![record.to_owned()]))
        .collect::<std::collections::HashMap<_, _>>();
    let found = discover(domain, &zone);
    if let Some((at, r)) = &found.record {
        assert!(is_dmarc(&r.text) && names.contains(at));
        let _ = found.policy(domain, true);
    }
}

/// A DKIM key record from a domain anyone controls: a length is only
/// ever one the key's bytes hold.
pub fn dkim(data: &[u8]) {
    use smtp_doctor_core::domain::dkim::{Key, parse};
    let text = String::from_utf8_lossy(data);
    if let Some(Key::Published { bits, .. }) = parse(&text) {
        assert!(bits > 0 && bits as usize <= data.len() * 6, "{text:?}");
    }
}

/// A message our inbox received from anyone: the DKIM work it may ask
/// for, the nonce check and what the report keeps of it are bounded, and a nonce is never found where it
/// is not.
pub fn inbox_message(data: &[u8]) {
    let bounded = crate::engine::dkim_bounds::bound(data);
    let max = crate::engine::dkim_bounds::MAX_SIGNATURES;
    assert!(bounded.message.len() <= data.len());
    assert!(bounded.kept.len() + bounded.set_aside.len() <= max);
    let (from, received) = crate::engine::arrival::read(data);
    assert!(from.is_none_or(|f| f.contains('@')));
    assert!(received.len() <= crate::engine::arrival::MAX_RECEIVED);
    assert!(received.iter().all(|l| !l.contains(['\r', '\n'])));
    let nonce = "0123456789abcdef";
    if crate::engine::arrival::inbox::carries_nonce(data, nonce) {
        assert!(data.windows(nonce.len()).any(|w| w == nonce.as_bytes()));
    }
}

/// OAuth2 text anyone controls: a pasted access token read by core (its
/// claims, unverified) and the error a server sends in its `334`. A token
/// that is not bearer syntax is never read as one (it would go into the
/// SASL message), and a server's status reaches a report without control
/// characters.
pub fn oauth_token(data: &[u8]) {
    use smtp_doctor_core::token::{Token, WrongKind, is_bearer_syntax, read};
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match read(text) {
        Token::Jwt(_) | Token::Opaque { issuer: Some(_) } => {
            assert!(is_bearer_syntax(text.trim()), "{text:?}");
        }
        Token::WrongKind(WrongKind::Malformed) => assert!(!is_bearer_syntax(text.trim())),
        Token::Opaque { issuer: None } | Token::WrongKind(_) => {}
    }
    if let Some(error) = smtp_doctor_core::reply::TokenChallenge::decode(text) {
        assert!(!error.status.chars().any(char::is_control), "{error:?}");
        assert!(error.scope.iter().all(|s| !s.chars().any(char::is_control)));
    }
}

/// Text pasted from anywhere into `explain` (a log, a reply, a bounce),
/// alone and with settings whose password appears in it: never a panic,
/// the password never in the answer, every code from the registry, and
/// nothing read past the 64 KiB bound.
pub fn explain(data: &[u8]) {
    use smtp_doctor_core::explain::{MAX_TEXT, explain};
    let text = String::from_utf8_lossy(data);
    let plain = explain(&text, None);
    assert!(!plain.diagnostics.is_empty());
    assert_eq!(plain.recognised.truncated, text.len() > MAX_TEXT);
    let secret = "Fz-s3cret-Pass!";
    let mut settings = smtp_doctor_core::json::Object::new();
    settings.insert(
        "host",
        smtp_doctor_core::json::Json::String("smtp.gmail.com".into()),
    );
    settings.insert(
        "password",
        smtp_doctor_core::json::Json::String(secret.into()),
    );
    let config =
        smtp_doctor_core::Config::from_json(&smtp_doctor_core::json::Json::Object(settings));
    let pasted = format!("{text}\n535 5.7.8 login failed for {secret}");
    let with = explain(&pasted, Some(&config));
    let answer = serde_json::to_string(&with).unwrap_or_default();
    assert!(!answer.contains(secret), "{answer}");
    for d in plain.diagnostics.iter().chain(&with.diagnostics) {
        assert!(smtp_doctor_core::Code::from_id(d.code.as_str()).is_some());
    }
}

/// A report posted for a share link (`POST /v1/reports`, anyone's JSON):
/// read as the route reads it, made shareable, rendered as the page in
/// two languages — never a panic; nothing of a transcript kept; the page
/// has exactly its own one script and one style, whatever the report's
/// texts hold.
pub fn shared_report(data: &[u8]) {
    use smtp_doctor_core::handoff::{Page, SCRIPT, STYLE, html, shareable};
    let Ok(report) = serde_json::from_slice::<smtp_doctor_core::report::Report>(data) else {
        return;
    };
    let shared = shareable(report);
    assert!(shared.transcript.is_empty());
    for locale in ["en", "ja"] {
        let page = html(
            &shared,
            locale,
            &Page {
                expires: "2026-12-14 20:31 UTC",
            },
        );
        assert_eq!(page.matches("<script").count(), 1, "{page}");
        assert!(page.contains(&format!("<script>{SCRIPT}</script>")));
        assert_eq!(page.matches("<style").count(), 1, "{page}");
        assert!(page.contains(&format!("<style>{STYLE}</style>")));
    }
}

/// A webhook URL an API caller gave: whatever is taken is https to a
/// host, without credentials, whitespace or control characters, on 443
/// or an allowed port, within the length bound — and reads back the same.
pub fn webhook_url(data: &[u8]) {
    use crate::webhook::{MAX_URL, WebhookUrl};
    let text = String::from_utf8_lossy(data);
    let policy = crate::policy::Policy::default();
    let Ok(url) = WebhookUrl::parse_with(&text, &policy) else {
        return;
    };
    let shown = url.as_str();
    assert!(shown.starts_with("https://"), "{shown}");
    assert!(shown.len() <= MAX_URL + 1, "{shown}");
    assert!(
        !shown.chars().any(|c| c.is_control() || c.is_whitespace()),
        "{shown:?}"
    );
    let uri: hyper::Uri = shown.parse().expect("it reads back");
    let authority = uri.authority().expect("a host");
    assert!(!authority.as_str().contains('@'), "{shown}");
    assert!(!uri.host().unwrap_or_default().is_empty(), "{shown}");
    let port = uri.port_u16().unwrap_or(443);
    assert!(port == 443 || policy.port_allowed(port), "{shown}");
    let host = uri.host().unwrap_or_default();
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if let Ok(ip) = host.parse::<std::net::IpAddr>() {
        assert!(policy.check_address(ip).is_ok(), "{shown}");
    }
    assert_eq!(WebhookUrl::parse_with(&shown, &policy), Ok(url));
}

/// An autoconfig file from a domain anyone controls.
pub fn autoconfig(data: &[u8]) {
    if let Ok(servers) = crate::discover::autoconfig::parse(data, "me", "example.com") {
        for s in servers {
            assert!(s.port > 0);
            assert!(!s.host.is_empty() && !s.host.contains(['/', ' ']));
        }
    }
}

/// A server's first TLS bytes (what it sent instead of, or before, a
/// completed handshake): the version is read only from a ServerHello,
/// and classifying the bytes never panics.
pub fn server_hello(data: &[u8]) {
    if let Some(v) = crate::engine::tls::server_hello_version(data) {
        assert!(data.len() >= 11 && data[0] == 22 && data[5] == 2);
        assert_eq!(u16::from(v), u16::from_be_bytes([data[9], data[10]]));
    }
    let _ = crate::engine::tls::is_tls_record(data);
}

/// One target's body.
pub type Target = fn(&[u8]);

/// Every target by name, for the corpus runner.
pub const TARGETS: &[(&str, Target)] = &[
    ("reply", reply),
    ("ehlo", ehlo),
    ("wire", wire),
    ("config", config),
    ("autoconfig", autoconfig),
    ("server_hello", server_hello),
    ("json", json),
    ("spf", spf),
    ("dmarc", dmarc),
    ("dkim", dkim),
    ("inbox_message", inbox_message),
    ("oauth_token", oauth_token),
    ("explain", explain),
    ("shared_report", shared_report),
    ("webhook_url", webhook_url),
];

#[cfg(test)]
mod tests {
    /// The shared-report seed is a report the route takes (else the
    /// target would stop at the parse and test nothing of the page).
    #[test]
    fn the_hostile_shared_report_seed_parses_as_a_report() {
        let seed = std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../fuzz/corpus/shared_report/hostile.json"),
        )
        .unwrap();
        let report: smtp_doctor_core::report::Report = serde_json::from_slice(&seed).unwrap();
        assert_eq!(report.diagnostics.len(), 2);
        super::shared_report(&seed);
    }
}
