//! A scripted authoritative DNS server on loopback (UDP), for the engine's
//! DNS step and the SSRF matrix.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};

use tokio::net::UdpSocket;

/// Answers A/AAAA queries from `table`; unknown names get NXDOMAIN, an
/// empty entry NOERROR without data, `silent.test` nothing at all.
fn answer(query: &[u8], table: &HashMap<String, Vec<IpAddr>>) -> Option<Vec<u8>> {
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
    if name == "silent.test" {
        return None;
    }
    let Some(records) = table.get(&name) else {
        let mut r = query[..question_end].to_vec();
        r[2] = 0x84 | (query[2] & 1);
        r[3] = 0x83; // RA, NXDOMAIN
        r[6..12].fill(0);
        return Some(r);
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

pub async fn server(records: &[(&str, &[&str])]) -> SocketAddr {
    let table: HashMap<String, Vec<IpAddr>> = records
        .iter()
        .map(|(n, ips)| {
            (
                (*n).to_owned(),
                ips.iter().map(|ip| ip.parse().unwrap()).collect(),
            )
        })
        .collect();
    let socket = UdpSocket::bind("127.0.0.1:0").await.unwrap();
    let addr = socket.local_addr().unwrap();
    tokio::spawn(async move {
        let mut buf = [0u8; 512];
        while let Ok((n, peer)) = socket.recv_from(&mut buf).await {
            if let Some(reply) = answer(&buf[..n], &table) {
                let _ = socket.send_to(&reply, peer).await;
            }
        }
    });
    addr
}
