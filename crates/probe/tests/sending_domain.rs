//! The sending domain's DNS gathered through the probe's own resolver,
//! from a scripted authoritative server on loopback: SPF through nested
//! includes, the DMARC tree walk, DKIM keys at known selectors, and a
//! resolver that stays silent ending by the deadline with `temperror`.

mod common;

use std::time::Duration;

use common::dns::{Record, serve_records};
use smtp_doctor_core::domain::dkim::{Key, KeyType};
use smtp_doctor_core::domain::dmarc::Policy;
use smtp_doctor_core::domain::spf::{Problem, Verdict};
use smtp_doctor_probe::engine::dns::Dns;
use smtp_doctor_probe::engine::domain;
use tokio::time::Instant;

/// A 1024-bit RSA key (SubjectPublicKeyInfo, base64), made with OpenSSL.
const RSA_1024: &str = include_str!("../../fuzz/corpus/dkim/rsa1024");

fn txt(name: &str, text: &str) -> (String, Vec<Record>) {
    (name.to_owned(), vec![Record::Txt(text.to_owned())])
}

async fn zone() -> Dns {
    let long_include = format!("v=spf1 {} -all", "ip4:198.51.100.1 ".repeat(20).trim_end());
    let addr = serve_records(vec![
        txt("example.com", "v=spf1 include:_spf.relay.example ~all"),
        // A long record arrives split into 255-byte strings: read as one.
        txt(
            "_spf.relay.example",
            "v=spf1 include:_long.relay.example ip4:192.0.2.0/24 -all",
        ),
        txt("_long.relay.example", &long_include),
        txt("_dmarc.example.com", "v=DMARC1; p=reject; sp=quarantine"),
        txt("s1._domainkey.example.com", RSA_1024),
        txt("loop.example", "v=spf1 include:loop2.example -all"),
        txt("loop2.example", "v=spf1 include:loop.example -all"),
    ])
    .await;
    Dns::new(Some(addr), Duration::from_secs(2)).unwrap()
}

fn soon() -> Instant {
    Instant::now() + Duration::from_secs(5)
}

#[tokio::test]
async fn spf_is_evaluated_through_the_probe_s_resolver() {
    let dns = zone().await;
    let pass = domain::spf(
        &dns,
        "example.com",
        "192.0.2.9".parse().unwrap(),
        "me@example.com",
        soon(),
    )
    .await;
    assert_eq!(pass.verdict, Verdict::Pass);
    assert!(pass.facts.includes_domain("_spf.relay.example"));
    assert_eq!(pass.facts.lookups, 2);
    let other = domain::spf(
        &dns,
        "example.com",
        "203.0.113.1".parse().unwrap(),
        "me@example.com",
        soon(),
    )
    .await;
    assert_eq!(other.verdict, Verdict::SoftFail);
    let looped = domain::spf(
        &dns,
        "loop.example",
        "203.0.113.1".parse().unwrap(),
        "me@loop.example",
        soon(),
    )
    .await;
    assert_eq!(
        looped.verdict,
        Verdict::PermError(Problem::Loop("loop.example".into()))
    );
    let none = domain::spf(
        &dns,
        "nothing.example",
        "203.0.113.1".parse().unwrap(),
        "me@nothing.example",
        soon(),
    )
    .await;
    assert_eq!(none.verdict, Verdict::None);
}

#[tokio::test]
async fn dmarc_is_found_at_the_organizational_domain_by_the_walk() {
    let dns = zone().await;
    let found = domain::dmarc(&dns, "news.mail.example.com", soon())
        .await
        .unwrap();
    assert_eq!(found.organizational.as_deref(), Some("example.com"));
    assert_eq!(
        found.policy("news.mail.example.com", true),
        Some(Policy::Quarantine)
    );
    let own = domain::dmarc(&dns, "example.com", soon()).await.unwrap();
    assert_eq!(own.policy("example.com", true), Some(Policy::Reject));
    let none = domain::dmarc(&dns, "other.example", soon()).await.unwrap();
    assert_eq!(none.record, None);
}

#[tokio::test]
async fn dkim_keys_are_read_at_the_selectors_asked() {
    let dns = zone().await;
    let keys = domain::dkim(&dns, "example.com", &["s1", "s2"], soon())
        .await
        .unwrap();
    assert_eq!(
        keys,
        [
            (
                "s1".to_owned(),
                Some(Key::Published {
                    kind: KeyType::Rsa,
                    bits: 1024
                })
            ),
            ("s2".to_owned(), None),
        ]
    );
}

#[tokio::test]
async fn a_silent_resolver_ends_by_the_deadline_as_a_temperror() {
    // Nothing answers on this socket: bound, never read.
    let silent = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let dns = Dns::new(Some(silent.local_addr().unwrap()), Duration::from_secs(10)).unwrap();
    let started = Instant::now();
    let deadline = started + Duration::from_millis(800);
    let outcome = domain::spf(
        &dns,
        "example.com",
        "192.0.2.9".parse().unwrap(),
        "me@example.com",
        deadline,
    )
    .await;
    assert_eq!(outcome.verdict, Verdict::TempError);
    assert!(domain::dmarc(&dns, "example.com", deadline).await.is_err());
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
}
