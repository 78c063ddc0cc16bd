//! The `domain` check end to end (SPEC §7.2): a probe against a server on
//! loopback, with the relay's name and the From domain's records served
//! by the scripted DNS server. The step runs beside the session, sends
//! nothing, reports through the same report and events, and ends by the
//! deadline when DNS does not answer.

mod common;

use std::time::Duration;

use common::dns::{Record, serve_records};
use common::{engine_with, logging_peer, probe, request};
use serde_json::json;
use smtp_doctor_core::report::{Report, Step, StepKind, StepStatus};
use smtp_doctor_core::{Diagnostic, Param};

/// Records by owner name, as the scripted server serves them.
type Zone = Vec<(String, Vec<Record>)>;

fn txt(name: &str, text: &str) -> (String, Vec<Record>) {
    (name.to_owned(), vec![Record::Txt(text.to_owned())])
}

fn relay_a() -> (String, Vec<Record>) {
    (
        "mail.example.net".to_owned(),
        vec![Record::Ip([127, 0, 0, 1].into())],
    )
}

fn domain_step(report: &Report) -> &Step {
    report
        .steps
        .iter()
        .find(|s| s.step == StepKind::Domain)
        .expect("a domain step")
}

fn codes(step: &Step) -> Vec<&'static str> {
    step.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

fn param(d: &Diagnostic, name: &str) -> String {
    match d.params.get(name) {
        Some(Param::Text(t)) => t.clone(),
        other => panic!("{}: {name} is {other:?}", d.code),
    }
}

/// A probe of `mail.example.net` (the logging peer) from me@example.com
/// with these checks, resolving through `dns`.
async fn run(records: Zone, checks: &[&str]) -> (Report, logging_peer::Log) {
    let dns = serve_records(records).await;
    let (addr, log) = logging_peer::start(false).await;
    let engine = engine_with(|o| {
        o.dns_server = Some(dns);
        o.timeout = Duration::from_secs(3);
    });
    let mut req = request(addr, "none", json!({}), checks);
    req.config["host"] = json!("mail.example.net");
    (probe(&engine, &req).await, log)
}

#[tokio::test]
async fn records_that_authorize_the_relay_are_ok_and_nothing_is_sent() {
    let (report, log) = run(
        vec![
            relay_a(),
            txt("example.com", "v=spf1 a:mail.example.net -all"),
            txt("_dmarc.example.com", "v=DMARC1; p=reject"),
        ],
        &["connect", "domain"],
    )
    .await;
    let step = domain_step(&report);
    assert_eq!(codes(step), ["domain.ok"], "{step:?}");
    assert_eq!(step.status, StepStatus::Pass);
    assert!(
        step.diagnostics[0].message.contains("reject"),
        "{}",
        step.diagnostics[0].message
    );
    // After the session's steps, and nothing but EHLO and QUIT on the wire.
    assert_eq!(report.steps.last().map(|s| s.step), Some(StepKind::Domain));
    for verb in ["MAIL", "RCPT", "DATA", "AUTH"] {
        assert!(log.commands(verb).is_empty(), "{verb} was sent");
    }
}

#[tokio::test]
async fn an_unknown_relay_is_checked_by_the_address_the_session_connected_to() {
    let (report, _) = run(
        vec![
            relay_a(),
            txt("example.com", "v=spf1 ip4:192.0.2.0/24 -all"),
            txt("_dmarc.example.com", "v=DMARC1; p=none"),
        ],
        &["connect", "domain"],
    )
    .await;
    let step = domain_step(&report);
    assert_eq!(codes(step), ["domain.spf-excludes-relay"]);
    let d = &step.diagnostics[0];
    assert_eq!(param(d, "address"), "127.0.0.1");
    assert_eq!(
        param(d, "record"),
        "v=spf1 a:mail.example.net ip4:192.0.2.0/24 -all"
    );
    assert!(
        d.help
            .contains("v=spf1 a:mail.example.net ip4:192.0.2.0/24 -all")
    );
    assert_eq!(step.status, StepStatus::Warn);
}

#[tokio::test]
async fn a_known_provider_s_missing_dkim_under_reject_fails_the_report() {
    // The relay is SendGrid by name; the session itself goes to the peer
    // (the name resolves to loopback in this zone).
    let dns = serve_records(vec![
        (
            "smtp.sendgrid.net".to_owned(),
            vec![Record::Ip([127, 0, 0, 1].into())],
        ),
        txt("example.com", "v=spf1 -all"),
        txt("_dmarc.example.com", "v=DMARC1; p=reject"),
    ])
    .await;
    let (addr, _) = logging_peer::start(false).await;
    let engine = engine_with(|o| {
        o.dns_server = Some(dns);
        o.timeout = Duration::from_secs(3);
    });
    let mut req = request(addr, "none", json!({}), &["connect", "domain"]);
    req.config["host"] = json!("smtp.sendgrid.net");
    let report = probe(&engine, &req).await;
    let step = domain_step(&report);
    assert_eq!(
        codes(step),
        ["domain.dkim-missing", "domain.dmarc-unaligned"]
    );
    assert_eq!(step.status, StepStatus::Fail);
    assert!(!report.ok);
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.code.as_str() == "domain.dmarc-unaligned"),
        "in the flat list too"
    );
}

#[tokio::test]
async fn a_resolver_that_never_answers_ends_the_step_by_the_deadline() {
    // A UDP socket that reads nothing: every lookup times out. The relay
    // is given as an address so the session itself needs no DNS.
    let silent = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let dns = silent.local_addr().unwrap();
    let (addr, _) = logging_peer::start(false).await;
    let engine = engine_with(|o| {
        o.dns_server = Some(dns);
        o.timeout = Duration::from_secs(1);
        o.deadline = Duration::from_secs(3);
    });
    let mut req = request(addr, "none", json!({}), &["connect", "domain"]);
    req.config["host"] = json!("127.0.0.1");
    let started = std::time::Instant::now();
    let report = probe(&engine, &req).await;
    let elapsed = started.elapsed();
    let step = domain_step(&report);
    assert!(
        codes(step).iter().all(|c| *c == "domain.lookup-failed"),
        "a timeout is never a verdict on the records: {:?}",
        codes(step)
    );
    assert!(!codes(step).is_empty());
    // Bounded by the deadline (3 s) plus the backstop, not by DNS retries.
    assert!(elapsed < Duration::from_secs(10), "{elapsed:?}");
    drop(silent);
}

#[tokio::test]
async fn a_huge_txt_answer_comes_over_tcp_and_is_read() {
    // Thirty 250-byte TXT records beside the SPF record: about 7.5 KB in
    // one answer, truncated over UDP, asked again over TCP.
    let filler: Vec<Record> = (0..30)
        .map(|i| Record::Txt(format!("filler-{i}-{}", "x".repeat(240))))
        .chain([Record::Txt("v=spf1 a:mail.example.net -all".to_owned())])
        .collect();
    let (report, _) = run(
        vec![
            relay_a(),
            ("example.com".to_owned(), filler),
            txt("_dmarc.example.com", "v=DMARC1; p=none"),
        ],
        &["connect", "domain"],
    )
    .await;
    let step = domain_step(&report);
    // The record is found among the others: not "no SPF record", not
    // "several records".
    assert_eq!(codes(step), ["domain.ok"]);
}

#[tokio::test]
async fn domain_stands_beside_the_ladder() {
    let records = || {
        vec![
            relay_a(),
            txt("example.com", "v=spf1 a:mail.example.net -all"),
        ]
    };
    // `domain` alone: the session goes as far as connect (no login).
    let (report, log) = run(records(), &["domain"]).await;
    let kinds: Vec<_> = report.steps.iter().map(|s| s.step.as_str()).collect();
    assert!(
        kinds.contains(&"domain") && !kinds.contains(&"auth"),
        "{kinds:?}"
    );
    assert!(log.commands("AUTH").is_empty());
    // Without `domain`, no domain step (and `send` does not imply it).
    let (report, _) = run(records(), &["connect"]).await;
    assert!(report.steps.iter().all(|s| s.step != StepKind::Domain));
}

#[tokio::test]
async fn no_from_address_skips_the_step() {
    let dns = serve_records(vec![relay_a()]).await;
    let (addr, _) = logging_peer::start(false).await;
    let engine = engine_with(|o| {
        o.dns_server = Some(dns);
        o.timeout = Duration::from_secs(3);
    });
    let mut req = request(addr, "none", json!({}), &["connect", "domain"]);
    req.config["host"] = json!("mail.example.net");
    req.config["from"] = json!("");
    let report = probe(&engine, &req).await;
    let step = domain_step(&report);
    assert_eq!(step.status, StepStatus::Skipped);
    assert!(step.diagnostics.is_empty());
}

#[tokio::test]
async fn a_session_that_ends_early_does_not_keep_the_step_waiting() {
    // The relay's name does not resolve: the session ends at once, and
    // the domain step, which waited for the relay's address, goes on
    // without it instead of waiting for the deadline.
    let dns = serve_records(vec![txt("example.com", "v=spf1 -all")]).await;
    let engine = engine_with(|o| {
        o.dns_server = Some(dns);
        o.timeout = Duration::from_secs(3);
        o.deadline = Duration::from_secs(30);
    });
    let mut req = request(
        "127.0.0.1:2525".parse().unwrap(),
        "none",
        json!({}),
        &["connect", "domain"],
    );
    req.config["host"] = json!("nowhere.example.net");
    let started = std::time::Instant::now();
    let report = probe(&engine, &req).await;
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "ended with the session, not by the 30 s deadline"
    );
    assert!(common::has(&report, "dns.not-found"));
    // Without an address nothing is said about authorizing the relay.
    assert_eq!(codes(domain_step(&report)), ["domain.dmarc-missing"]);
}

/// A 1024-bit RSA key (SubjectPublicKeyInfo, base64), made with OpenSSL.
const RSA_1024: &str = include_str!("../../fuzz/corpus/dkim/rsa1024");

/// The domain step's codes for mail from `from` through `host` (one of
/// the names below, all at the logging peer `addr`), with `zone`.
async fn domain_codes(
    addr: std::net::SocketAddr,
    host: &str,
    from: &str,
    zone: Zone,
) -> Vec<String> {
    let at = |host: &str| (host.to_owned(), vec![Record::Ip([127, 0, 0, 1].into())]);
    let mut records = zone;
    records.extend([
        at("mail.example.net"),
        at("smtp.office365.com"),
        at("smtp.sendgrid.net"),
    ]);
    let dns = serve_records(records).await;
    let engine = engine_with(|o| {
        o.dns_server = Some(dns);
        o.timeout = Duration::from_secs(1);
        o.deadline = Duration::from_secs(8);
    });
    let mut req = request(addr, "none", json!({}), &["connect", "domain"]);
    req.config["host"] = json!(host);
    req.config["from"] = json!(from);
    let report = probe(&engine, &req).await;
    codes(domain_step(&report))
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// `(code, relay, from, zone)`: a zone that raises each code.
fn zones_by_code() -> Vec<(&'static str, &'static str, &'static str, Zone)> {
    let eleven: Zone = (0..11)
        .map(|i| txt(&format!("s{i}.example.org"), "v=spf1 ip4:192.0.2.1 -all"))
        .collect();
    let many = format!(
        "v=spf1 {} a:mail.example.net -all",
        (0..11)
            .map(|i| format!("include:s{i}.example.org"))
            .collect::<Vec<_>>()
            .join(" ")
    );
    vec![
        (
            "domain.spf-missing",
            "mail.example.net",
            "me@example.com",
            vec![],
        ),
        (
            "domain.spf-invalid",
            "mail.example.net",
            "me@example.com",
            [vec![txt("example.com", &many)], eleven].concat(),
        ),
        (
            "domain.spf-excludes-relay",
            "smtp.office365.com",
            "me@example.com",
            vec![txt("example.com", "v=spf1 mx -all")],
        ),
        (
            "domain.dmarc-missing",
            "mail.example.net",
            "me@example.com",
            vec![],
        ),
        (
            "domain.dmarc-unaligned",
            "smtp.sendgrid.net",
            "me@example.com",
            vec![
                txt("example.com", "v=spf1 -all"),
                txt("_dmarc.example.com", "v=DMARC1; p=quarantine"),
            ],
        ),
        (
            "domain.dkim-missing",
            "smtp.office365.com",
            "me@example.com",
            vec![
                txt(
                    "example.com",
                    "v=spf1 include:spf.protection.outlook.com -all",
                ),
                txt("spf.protection.outlook.com", "v=spf1 ip4:40.92.0.0/15 -all"),
            ],
        ),
        (
            "domain.dkim-weak-key",
            "smtp.sendgrid.net",
            "me@example.com",
            vec![txt("s2._domainkey.example.com", RSA_1024)],
        ),
        // The scripted server never answers for `silent.test`.
        (
            "domain.lookup-failed",
            "mail.example.net",
            "me@silent.test",
            vec![],
        ),
    ]
}

/// One zone per code, each through the scripted DNS server and a real
/// probe: the code is raised there, and the zone in order raises none of
/// the others.
#[tokio::test]
async fn each_code_is_raised_by_its_zone_and_not_by_a_zone_in_order() {
    let (addr, _) = logging_peer::start(false).await;
    for (code, host, from, zone) in zones_by_code() {
        let found = domain_codes(addr, host, from, zone).await;
        assert!(
            found.iter().any(|c| c == code),
            "{code} not raised: {found:?}"
        );
        assert!(!found.iter().any(|c| c == "domain.ok"), "{code} with ok");
    }
    let in_order = vec![
        txt("example.com", "v=spf1 a:mail.example.net -all"),
        txt("_dmarc.example.com", "v=DMARC1; p=reject"),
    ];
    let found = domain_codes(addr, "mail.example.net", "me@example.com", in_order).await;
    assert_eq!(found, ["domain.ok"]);
}

/// The attack: a From domain whose records fan out (thirty includes, each
/// with thirty more, an `mx` with thirty hosts, a name of twenty labels
/// for the DMARC walk) to make the probe's resolver a query amplifier.
/// The RFC 7208 limits and the walk's eight names bound what is asked.
#[tokio::test]
async fn a_hostile_domain_cannot_make_the_resolver_ask_without_bound() {
    let deep = "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.evil.example";
    let mut zone: Zone = vec![relay_a()];
    let includes = |prefix: &str| {
        (0..30)
            .map(|i| format!("include:{prefix}{i}.evil.example"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    zone.push(txt(deep, &format!("v=spf1 mx {} -all", includes("i"))));
    for i in 0..30 {
        zone.push(txt(
            &format!("i{i}.evil.example"),
            &format!("v=spf1 {} -all", includes(&format!("j{i}-"))),
        ));
    }
    zone.push((
        deep.to_owned(),
        (0..30)
            .map(|i| Record::Mx(10, format!("mx{i}.evil.example")))
            .collect(),
    ));
    let (dns, asked) = common::dns::serve_counting(zone).await;
    let (addr, _) = logging_peer::start(false).await;
    let engine = engine_with(|o| {
        o.dns_server = Some(dns);
        o.timeout = Duration::from_secs(2);
    });
    let mut req = request(addr, "none", json!({}), &["connect", "domain"]);
    req.config["host"] = json!("mail.example.net");
    req.config["from"] = json!(format!("me@{deep}"));
    let report = probe(&engine, &req).await;
    let step = domain_step(&report);
    assert!(
        codes(step).contains(&"domain.spf-invalid"),
        "over the limits: {:?}",
        codes(step)
    );
    // The relay's A and AAAA, at most 10 SPF terms (each an include's TXT,
    // or the mx's MX and at most 10 hosts' A and AAAA) plus the record
    // itself, and 8 DMARC names: under 50 questions, where the zone
    // offers over 900.
    let n = asked.load(std::sync::atomic::Ordering::SeqCst);
    eprintln!("questions asked: {n}");
    assert!(n < 50, "{n} questions");
}
