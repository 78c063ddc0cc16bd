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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[allow(clippy::too_many_lines)] // one relay, every case in order
async fn through_postfix_to_our_inbox() {
    let inbox = common::loopback_inbox("check.test").await;
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
    let lost = common::loopback_inbox("lost.test").await;
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

/// The headers of the messages the arrival check judges, as a receiver
/// reports them: Postfix (signing with OpenDKIM, or not) delivers to
/// aiosmtpd's Maildir; `mail-auth` (Stalwart's) verifies each stored
/// message as a receiver would and writes its `Authentication-Results`.
/// `explain` of those headers names the arrival codes the live check gives
/// for the same message.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn explain_reads_a_receivers_verdict_as_the_arrival_check() {
    use smtp_doctor_core::domain::arrival::{Wait, findings};
    use smtp_doctor_probe::engine::{Dns, arrival, dns::message_authenticator};

    let mailbox = common::mailbox::Mailbox::start();
    let mailbox_port = mailbox.port;
    let relay = tokio::task::spawn_blocking(move || {
        Relay::start_routed(
            common::free_port(),
            common::free_port(),
            &[("mail.test", mailbox_port)],
            &format!("smtp_tls_policy_maps = inline:{{ [127.0.0.1]:{mailbox_port}=may }}\n"),
        )
    })
    .await
    .unwrap()
    .unwrap_or_else(|e| panic!("{e}"));
    let server = serve_records(vec![
        txt("example.com", "v=spf1 ip4:127.0.0.1 -all"),
        txt("_dmarc.example.com", "v=DMARC1; p=reject"),
        txt("s1._domainkey.example.com", &relay.dkim_record),
        txt("_dmarc.other.org", "v=DMARC1; p=quarantine"),
    ])
    .await;
    let dns = Dns::new(Some(server), Duration::from_secs(5)).unwrap();
    let verifier =
        std::sync::Arc::new(message_authenticator(Some(server), Duration::from_secs(5)).unwrap());

    let mut failures = Vec::new();
    for (port, from) in [
        (relay.signed, "me@example.com"),
        (relay.unsigned, "me@example.com"),
        (relay.unsigned, "news@other.org"),
        (relay.rewriting, "sales@example.com"),
    ] {
        let seen = mailbox.stored().len();
        relay.submit(port, from, "someone@mail.test");
        let stored = mailbox
            .next_after(seen, Duration::from_secs(30))
            .await
            .unwrap_or_else(|| panic!("nothing arrived from {from}\n{}", relay.log()));
        // aiosmtpd's Maildir keeps LF line ends; the wire had CRLF.
        let message = stored
            .replace("\r\n", "\n")
            .replace('\n', "\r\n")
            .into_bytes();

        // What the live arrival check concludes about this message.
        let received = smtp_doctor_probe::inbox::Received {
            peer: "127.0.0.1".parse().unwrap(),
            helo: "relay.test.local".into(),
            mail_from: from.into(),
            message: message.clone(),
            at: tokio::time::Instant::now().into_std(),
            tls: None,
        };
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        let delivery = arrival::judge(&dns, &verifier, &received, from, 0, deadline).await;
        let live: Vec<&str> = findings(Some(&delivery), Wait::default())
            .iter()
            .map(|d| d.code.as_str())
            .collect();

        // What a receiver writes about it, and what explain reads there.
        let header = receivers_verdict(&verifier, &message, received.peer, from).await;
        let text = format!(
            "Authentication-Results: {header}\r\n{}",
            String::from_utf8_lossy(&message)
        );
        let config = smtp_doctor_core::Config::from_json(
            &serde_json::from_value(json!({"host": "relay.test.local", "from": from})).unwrap(),
        );
        let explained = smtp_doctor_core::explain::explain(&text, Some(&config));
        let read: Vec<&str> = explained
            .diagnostics
            .iter()
            .map(|d| d.code.as_str())
            .filter(|c| c.starts_with("arrival."))
            .collect();
        println!("{from} on {port}: live {live:?}, explain {read:?}\n  {header}");
        if read != live || explained.recognised.kind != "headers" {
            failures.push(format!(
                "{from} on {port}: live {live:?}, explain {read:?} ({})\n{header}",
                explained.recognised.kind
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The `Authentication-Results` value `mail-auth` writes for `message`
/// from `ip`, after verifying DKIM, SPF and DMARC as a receiver does.
async fn receivers_verdict(
    verifier: &mail_auth::MessageAuthenticator,
    message: &[u8],
    ip: std::net::IpAddr,
    from: &str,
) -> String {
    use mail_auth::dmarc::verify::DmarcParameters;
    use mail_auth::spf::verify::SpfParameters;
    use mail_auth::{AuthenticatedMessage, AuthenticationResults};
    let parsed = AuthenticatedMessage::parse(message).unwrap();
    let dkim = verifier.verify_dkim(&parsed).await;
    let spf = verifier
        .verify_spf(SpfParameters::verify_mail_from(
            ip,
            "relay.test.local",
            "mx.mail.test",
            from,
        ))
        .await;
    let mail_from_domain = from.rsplit_once('@').unwrap().1;
    let dmarc = verifier
        .verify_dmarc(DmarcParameters {
            message: &parsed,
            dkim_output: &dkim,
            dkim2_output: None,
            rfc5321_mail_from_domain: mail_from_domain,
            spf_output: &spf,
        })
        .await;
    AuthenticationResults::new("mx.mail.test")
        .with_dkim_results(&dkim, mail_from_domain)
        .with_spf_mailfrom_result(&spf, ip, from, "relay.test.local")
        .with_dmarc_result(&dmarc)
        .to_string()
}
