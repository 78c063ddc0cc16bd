//! The engine's DNS step against a scripted authoritative server on
//! loopback: NXDOMAIN, a name without addresses, a silent resolver, and
//! names that resolve to addresses the policy refuses.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use common::{codes, engine_with, probe, request};
use serde_json::json;
use tokio::net::TcpListener;

/// A listener on 127.0.0.1 that greets and counts connections.
async fn counting_smtp() -> (u16, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let count = Arc::new(AtomicUsize::new(0));
    let c = Arc::clone(&count);
    tokio::spawn(async move {
        while let Ok((mut tcp, _)) = listener.accept().await {
            c.fetch_add(1, Ordering::SeqCst);
            let _ =
                tokio::io::AsyncWriteExt::write_all(&mut tcp, b"220 counted.test ESMTP\r\n").await;
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    });
    (port, count)
}

fn req(host: &str, port: u16) -> smtp_doctor_probe::engine::ProbeRequest {
    let mut r = request(
        ([127, 0, 0, 1], port).into(),
        "none",
        json!({}),
        &["connect"],
    );
    r.config["host"] = json!(host);
    r
}

#[tokio::test]
async fn lookups_are_told_apart_and_checked_by_the_policy() {
    let dns = common::dns::server(&[
        ("loopback.test", &["127.0.0.1"]),
        ("private.test", &["10.1.2.3"]),
        ("metadata.test", &["169.254.169.254"]),
        ("mixed.test", &["127.0.0.1", "192.168.1.1"]),
        ("six.test", &["::1"]),
        ("nodata.test", &[]),
    ])
    .await;
    let (port, count) = counting_smtp().await;
    // The default address policy, any high port, our DNS server.
    let strict = engine_with(|o| {
        o.dns_server = Some(dns);
        o.timeout = Duration::from_secs(2);
        o.policy =
            smtp_doctor_probe::policy::Policy::new(vec!["1024-65535".parse().unwrap()], vec![]);
    });
    let cases = [
        ("nowhere.test", "dns.not-found"),
        ("nodata.test", "dns.no-address"),
        ("silent.test", "dns.timeout"),
        ("servfail.test", "dns.failed"),
        ("refused.test", "dns.failed"),
        ("loopback.test", "policy.blocked-address"),
        ("private.test", "policy.blocked-address"),
        ("metadata.test", "policy.blocked-address"),
        ("mixed.test", "policy.blocked-address"),
        ("six.test", "policy.blocked-address"),
    ];
    for (host, code) in cases {
        let report = probe(&strict, &req(host, port)).await;
        assert_eq!(codes(&report), [code], "{host}");
    }
    assert_eq!(
        count.load(Ordering::SeqCst),
        0,
        "no connection was made to a refused address"
    );

    // With loopback opened, the checked address is the one connected to.
    let open = engine_with(|o| {
        o.dns_server = Some(dns);
        o.timeout = Duration::from_secs(2);
    });
    let report = probe(&open, &req("loopback.test", port)).await;
    assert_eq!(report.target.addresses, ["127.0.0.1"]);
    assert!(
        report
            .steps
            .iter()
            .any(|s| serde_json::to_value(s.step).unwrap() == "greeting")
    );
    assert_eq!(count.load(Ordering::SeqCst), 1);

    // Several addresses, the first dead: named, and the probe goes on.
    let dns = common::dns::server(&[("several.test", &["127.0.0.2", "127.0.0.1"])]).await;
    let several = engine_with(|o| {
        o.dns_server = Some(dns);
        o.timeout = Duration::from_secs(2);
    });
    let report = probe(&several, &req("several.test", port)).await;
    // (The counting peer hangs up after its greeting: later steps fail.)
    let connect = report
        .steps
        .iter()
        .find(|s| s.step == smtp_doctor_core::report::StepKind::Connect)
        .unwrap();
    assert_eq!(connect.status, smtp_doctor_core::report::StepStatus::Warn);
    let d = &connect.diagnostics[0];
    assert_eq!(d.code.as_str(), "tcp.some-addresses-failed");
    assert!(
        d.message.contains(&format!("127.0.0.2:{port} (refused)"))
            && d.message.contains(&format!("127.0.0.1:{port} worked")),
        "{}",
        d.message
    );
    assert_eq!(count.load(Ordering::SeqCst), 2, "the live address greeted");
}

/// The probe's own resolver is down (nothing listens, or it never
/// answers): `probe.dns-unavailable`, never a verdict on the customer's
/// host; a resolver that answers errors is `dns.failed`.
#[tokio::test]
async fn our_resolver_outage_is_ours() {
    let closed = {
        let s = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
        s.local_addr().unwrap()
    };
    let black_hole = tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap();
    for resolver in [closed, black_hole.local_addr().unwrap()] {
        let engine = engine_with(|o| {
            o.dns_server = Some(resolver);
            o.timeout = Duration::from_secs(2);
        });
        let report = probe(&engine, &req("smtp.example.com", 587)).await;
        assert_eq!(codes(&report), ["probe.dns-unavailable"], "{resolver}");
        let d = &report.diagnostics[report.diagnostics.len() - 1];
        assert_eq!(d.field, None, "no setting is blamed");
        assert!(
            d.message.contains("Your settings were not tested"),
            "{}",
            d.message
        );
    }
}
