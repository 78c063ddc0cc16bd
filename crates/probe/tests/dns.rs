//! The engine's DNS step against a scripted authoritative server on
//! loopback: NXDOMAIN, a name without addresses, a silent resolver, and
//! names that resolve to addresses the policy refuses.

mod common;

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use common::{codes, engine_with, probe, request};
use serde_json::json;
use tokio::net::{TcpListener, UdpSocket};

/// Answers A/AAAA queries from a fixed table.
fn answer(query: &[u8]) -> Option<Vec<u8>> {
    if query.len() < 12 {
        return None;
    }
    // The question: labels up to the root, then type and class.
    let mut i = 12;
    let mut labels = Vec::new();
    while i < query.len() && query[i] != 0 {
        let len = query[i] as usize;
        labels.push(String::from_utf8_lossy(query.get(i + 1..i + 1 + len)?).to_ascii_lowercase());
        i += 1 + len;
    }
    let qtype = u16::from_be_bytes([*query.get(i + 1)?, *query.get(i + 2)?]);
    let question_end = i + 5;
    let name = labels.join(".");
    let records: Vec<IpAddr> = match name.as_str() {
        "silent.test" => return None,
        "loopback.test" => vec!["127.0.0.1".parse().ok()?],
        "private.test" => vec!["10.1.2.3".parse().ok()?],
        "metadata.test" => vec!["169.254.169.254".parse().ok()?],
        "mixed.test" => vec!["127.0.0.1".parse().ok()?, "192.168.1.1".parse().ok()?],
        "six.test" => vec!["::1".parse().ok()?],
        "nodata.test" => vec![],
        _ => {
            let mut r = query[..question_end].to_vec();
            r[2] = 0x84 | (query[2] & 1);
            r[3] = 0x83; // RA, NXDOMAIN
            r[6..12].fill(0);
            return Some(r);
        }
    };
    let wanted: Vec<&IpAddr> = records
        .iter()
        .filter(|ip| (qtype == 1 && ip.is_ipv4()) || (qtype == 28 && ip.is_ipv6()))
        .collect();
    let mut r = query[..question_end].to_vec();
    r[2] = 0x84 | (query[2] & 1); // QR, AA, RD copied
    r[3] = 0x80; // RA, NOERROR
    r[6..8].copy_from_slice(&u16::try_from(wanted.len()).ok()?.to_be_bytes());
    r[8..12].fill(0);
    for ip in wanted {
        r.extend_from_slice(&[0xc0, 0x0c]);
        let (t, data) = match ip {
            IpAddr::V4(v4) => (1u16, v4.octets().to_vec()),
            IpAddr::V6(v6) => (28u16, v6.octets().to_vec()),
        };
        r.extend_from_slice(&t.to_be_bytes());
        r.extend_from_slice(&1u16.to_be_bytes());
        r.extend_from_slice(&60u32.to_be_bytes());
        r.extend_from_slice(&u16::try_from(data.len()).ok()?.to_be_bytes());
        r.extend_from_slice(&data);
    }
    Some(r)
}

async fn dns_server() -> SocketAddr {
    let socket = UdpSocket::bind("127.0.0.1:0").await.unwrap();
    let addr = socket.local_addr().unwrap();
    tokio::spawn(async move {
        let mut buf = [0u8; 512];
        while let Ok((n, peer)) = socket.recv_from(&mut buf).await {
            if let Some(reply) = answer(&buf[..n]) {
                let _ = socket.send_to(&reply, peer).await;
            }
        }
    });
    addr
}

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
    let dns = dns_server().await;
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
}
