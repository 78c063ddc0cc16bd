//! The `arrival` check end to end (SPEC §7.7): the probe sends through
//! Debian's Postfix (a relay we did not write), which signs with OpenDKIM
//! or does not, rewrites From or does not, and delivers to our inbox on
//! loopback through a transport map; the report says what the receiver
//! saw. DNS (SPF, DMARC, the DKIM key) comes from the scripted server.

mod common;
#[path = "servers/postfix.rs"]
mod postfix_server;

use std::time::Duration;

use common::dns::{Record, serve_records};
use common::{engine_with, loopback, probe, request};
use postfix_server::{PASSWORD, Relay, USER};
use serde_json::json;
use smtp_doctor_core::report::{Report, StepKind, StepStatus};
use smtp_doctor_probe::inbox::{Inbox, InboxLimits, InboxTls};

fn txt(name: &str, text: &str) -> (String, Vec<Record>) {
    (name.to_owned(), vec![Record::Txt(text.to_owned())])
}

fn arrival_codes(report: &Report) -> Vec<String> {
    report
        .steps
        .iter()
        .filter(|s| s.step == StepKind::Arrival)
        .flat_map(|s| &s.diagnostics)
        .map(|d| d.code.to_string())
        .collect()
}

/// The arrival check through the relay's listener on `port`, from `from`.
async fn send(engine: &smtp_doctor_probe::engine::Engine, port: u16, from: &str) -> Report {
    let creds = json!({"username": USER, "password": PASSWORD, "from": from});
    probe(
        engine,
        &request(loopback(port), "starttls", creds, &["arrival"]),
    )
    .await
}

/// Our inbox for `domain` on loopback, with its made-up certificate.
async fn inbox_for(domain: &str) -> Inbox {
    Inbox::bind(
        domain,
        "127.0.0.1:0".parse().unwrap(),
        &InboxTls::SelfSigned,
        InboxLimits::default(),
    )
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[allow(clippy::too_many_lines)] // one relay, every case in order
async fn through_postfix_to_our_inbox() {
    let inbox = inbox_for("check.test").await;
    let port = inbox.local_addr().port();
    // An inbox with one place, which a stranger holds.
    let busy = Inbox::bind(
        "busy.test",
        "127.0.0.1:0".parse().unwrap(),
        &InboxTls::SelfSigned,
        InboxLimits {
            connections: 1,
            ..InboxLimits::default()
        },
    )
    .await
    .unwrap();
    let busy_port = busy.local_addr().port();
    let relay = tokio::task::spawn_blocking(move || Relay::start(port, busy_port))
        .await
        .unwrap()
        .unwrap_or_else(|e| panic!("{e}"));
    let dns = serve_records(vec![
        txt("example.com", "v=spf1 ip4:127.0.0.1 -all"),
        txt("_dmarc.example.com", "v=DMARC1; p=reject"),
        txt("s1._domainkey.example.com", &relay.dkim_record),
        txt("_dmarc.other.org", "v=DMARC1; p=quarantine"),
    ])
    .await;
    let engine = engine_with(|o| {
        o.dns_server = Some(dns);
        o.inbox = Some(inbox.clone());
        o.arrival_wait = Duration::from_secs(20);
    });
    let mut failures = Vec::new();

    // Signed by OpenDKIM, From kept: everything passes and aligns.
    let r = send(&engine, relay.signed, "me@example.com").await;
    let info = r.arrival.clone().unwrap_or_default();
    let signed_ok = arrival_codes(&r) == ["arrival.ok"]
        && info.dkim.iter().any(|s| {
            s.domain == "example.com"
                && s.selector == "s1"
                && s.result == "pass"
                && s.bits == Some(2048)
        })
        && info.spf == "pass"
        && info.sender_address == "127.0.0.1"
        && info.received.iter().any(|l| l.contains("relay.test.local"))
        // The relay insists on TLS (`smtp_tls_security_level = encrypt`):
        // our inbox's STARTTLS is what lets the message arrive at all.
        && info.tls.as_deref().is_some_and(|v| v.starts_with("TLSv1."));
    if !signed_ok {
        failures.push(format!(
            "signed: {:?} {info:#?}\n{:#?}",
            arrival_codes(&r),
            r.transcript
        ));
    }
    // The message text is not in the report: only the verdict.
    let json = serde_json::to_string(&r).unwrap();
    if json.contains("This message was sent by smtp-doctor") {
        failures.push("the message body is in the report".into());
    }

    // Not signed: DKIM missing, yet SPF passes and aligns (no DMARC failure).
    let r = send(&engine, relay.unsigned, "me@example.com").await;
    if arrival_codes(&r) != ["arrival.dkim-missing"] {
        failures.push(format!("unsigned: {:?}", arrival_codes(&r)));
    }

    // From rewritten to the login, as Gmail does.
    let r = send(&engine, relay.rewriting, "sales@example.com").await;
    let rewritten = r
        .steps
        .iter()
        .flat_map(|s| &s.diagnostics)
        .find(|d| d.code.as_str() == "arrival.from-rewritten");
    if !rewritten.is_some_and(|d| {
        d.message.contains("me@example.com") && d.message.contains("sales@example.com")
    }) {
        failures.push(format!("rewritten: {:?}", arrival_codes(&r)));
    }

    // Another From domain, unsigned, with no SPF of its own: DMARC fails.
    let r = send(&engine, relay.unsigned, "news@other.org").await;
    let codes = arrival_codes(&r);
    let step = r.steps.iter().find(|s| s.step == StepKind::Arrival);
    if !codes.contains(&"arrival.dmarc-fail".to_owned())
        || step.map(|s| s.status) != Some(StepStatus::Fail)
        || r.ok
    {
        failures.push(format!("dmarc: {codes:?}"));
    }

    // Accepted, never delivered (the relay discards mail for lost.test).
    let lost = inbox_for("lost.test").await;
    let dns2 = serve_records(vec![txt("example.com", "v=spf1 ip4:127.0.0.1 -all")]).await;
    let impatient = engine_with(|o| {
        o.dns_server = Some(dns2);
        o.inbox = Some(lost.clone());
        o.arrival_wait = Duration::from_secs(3);
    });
    let r = send(&impatient, relay.signed, "me@example.com").await;
    let not_arrived = r
        .steps
        .iter()
        .flat_map(|s| &s.diagnostics)
        .find(|d| d.code.as_str() == "arrival.not-arrived");
    if !not_arrived.is_some_and(|d| d.message.contains("3 seconds")) || lost.reserved() != 0 {
        failures.push(format!(
            "lost: {:?}, {} reserved",
            arrival_codes(&r),
            lost.reserved()
        ));
    }

    // Our inbox turned the relay away (a stranger holds its only place):
    // the report blames us, not the customer's relay.
    let mut squatter = tokio::net::TcpStream::connect(busy.local_addr())
        .await
        .unwrap();
    let mut greeting = [0u8; 3];
    tokio::io::AsyncReadExt::read_exact(&mut squatter, &mut greeting)
        .await
        .unwrap();
    assert_eq!(&greeting, b"220", "the stranger holds the place");
    let dns3 = serve_records(vec![txt("example.com", "v=spf1 ip4:127.0.0.1 -all")]).await;
    let crowded = engine_with(|o| {
        o.dns_server = Some(dns3);
        o.inbox = Some(busy.clone());
        o.arrival_wait = Duration::from_secs(4);
    });
    let r = send(&crowded, relay.signed, "me@example.com").await;
    if arrival_codes(&r) != ["probe.inbox-busy"] || busy.refused() == 0 {
        failures.push(format!(
            "busy: {:?}, {} refused",
            arrival_codes(&r),
            busy.refused()
        ));
    }
    drop(squatter);

    assert!(
        failures.is_empty(),
        "{}\n--- relay log ---\n{}",
        failures.join("\n\n"),
        relay.log()
    );
}
