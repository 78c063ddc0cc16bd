//! The DKIM work a stranger's message can cause in our inbox (SPEC §7.7),
//! written as the attacks: 1,500 signatures whose body hashes match (so
//! each would cost a key lookup), one signature listing 33,000 header
//! names, and a key whose zone never answers. The scripted DNS server
//! counts what the probe's resolvers were made to ask.

mod common;

use std::sync::Arc;
use std::time::Duration;

use base64::Engine as _;
use common::dns::{Record, serve_counting};
use sha2::Digest as _;
use smtp_doctor_core::domain::arrival::{Delivery, DkimResult};
use smtp_doctor_probe::engine::arrival::judge;
use smtp_doctor_probe::engine::dkim_bounds::MAX_SIGNATURES;
use smtp_doctor_probe::engine::{Dns, dns};
use smtp_doctor_probe::inbox::Received;

const BODY: &str = "Hello\r\n";

/// A signature whose body hash is right (simple/simple), so that only
/// the key lookup and the header hash are left to decide it.
fn signature(domain: &str, signed: &str) -> String {
    let bh = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(BODY));
    format!(
        "DKIM-Signature: v=1; a=rsa-sha256; c=simple/simple; d={domain}; s=s1;\r\n\
         \th={signed}; bh={bh}; b=AAAA\r\n"
    )
}

fn message(signatures: &str) -> Received {
    Received {
        peer: "127.0.0.1".parse().unwrap(),
        helo: "relay.example.com".into(),
        mail_from: "me@example.com".into(),
        message: format!("{signatures}From: me@example.com\r\nSubject: hi\r\n\r\n{BODY}")
            .into_bytes(),
        at: std::time::Instant::now(),
        tls: None,
    }
}

/// Judges `received` against the DNS server at `server`, by `within`.
async fn judged(server: std::net::SocketAddr, received: &Received, within: Duration) -> Delivery {
    let timeout = Duration::from_secs(2);
    let dns = Dns::new(Some(server), timeout).unwrap();
    let verifier = Arc::new(dns::message_authenticator(Some(server), timeout).unwrap());
    let deadline = tokio::time::Instant::now() + within;
    judge(&dns, &verifier, received, "me@example.com", 10, deadline).await
}

#[tokio::test]
async fn fifteen_hundred_signatures_cost_the_lookups_of_eight() {
    let (server, asked) = serve_counting(vec![(
        "example.com".to_owned(),
        vec![Record::Txt("v=spf1 ip4:127.0.0.1 -all".to_owned())],
    )])
    .await;
    let signatures: String = (0..1500)
        .map(|i| signature(&format!("d{i}.attacker.example"), "from:subject"))
        .collect();
    let received = message(&signatures);
    let delivery = judged(server, &received, Duration::from_secs(20)).await;
    assert_eq!(delivery.dkim.len(), MAX_SIGNATURES, "{:?}", delivery.dkim);
    assert_eq!(delivery.dkim[0].domain, "d0.attacker.example");
    // Eight key lookups by mail-auth, eight for the key's length, with
    // AAAA/A and TCP retries at most doubling them, plus SPF and DMARC.
    let questions = asked.load(std::sync::atomic::Ordering::SeqCst);
    assert!(questions <= 48, "{questions} DNS questions");
}

#[tokio::test]
async fn a_signature_listing_33000_header_names_is_not_verified_and_asks_nothing() {
    let (server, asked) = serve_counting(Vec::new()).await;
    let names = vec!["subject"; 33_000].join(":");
    let received = message(&signature("example.com", &names));
    let delivery = judged(server, &received, Duration::from_secs(20)).await;
    let [seen] = delivery.dkim.as_slice() else {
        panic!("{:?}", delivery.dkim)
    };
    assert_eq!(seen.domain, "example.com");
    assert!(
        matches!(&seen.result, DkimResult::Fail(why) if why.starts_with("not verified")),
        "{:?}",
        seen.result
    );
    assert_eq!(seen.rsa_bits, None);
    // Only SPF (example.com) and DMARC (_dmarc.example.com, then the
    // organisational domain is the same) were asked: no key lookup.
    let questions = asked.load(std::sync::atomic::Ordering::SeqCst);
    assert!(questions <= 4, "{questions} DNS questions");

    // The same signature with 64 names is verified (and fails on its
    // made-up `b=` once the key is missing): the bound is the only cause.
    let names = vec!["subject"; 64].join(":");
    let received = message(&signature("example.com", &names));
    let delivery = judged(server, &received, Duration::from_secs(20)).await;
    assert!(
        delivery.dkim.iter().all(
            |s| !matches!(&s.result, DkimResult::Fail(why) if why.starts_with("not verified"))
        ),
        "{:?}",
        delivery.dkim
    );
}

#[tokio::test]
async fn a_key_zone_that_never_answers_ends_at_the_deadline_as_a_temporary_error() {
    // A resolver that reads nothing and answers nothing.
    let mute = tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap();
    let server = mute.local_addr().unwrap();
    let received = message(&signature("example.com", "from:subject"));
    let started = std::time::Instant::now();
    let delivery = judged(server, &received, Duration::from_secs(1)).await;
    let waited = started.elapsed();
    assert!(waited < Duration::from_secs(4), "judged after {waited:?}");
    let [seen] = delivery.dkim.as_slice() else {
        panic!("{:?}", delivery.dkim)
    };
    assert_eq!(seen.result, DkimResult::TempError);
    drop(mute);
}
