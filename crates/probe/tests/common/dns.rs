//! A scripted authoritative DNS server on loopback (UDP), for the engine's
//! DNS step, the SSRF matrix and discovery (A, AAAA, MX, SRV).

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};

use std::sync::Arc;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, UdpSocket};

/// One resource record.
#[derive(Clone, Debug)]
pub enum Record {
    Ip(IpAddr),
    /// Preference, exchange.
    Mx(u16, String),
    /// Priority, weight, port, target ("." for "not offered").
    Srv(u16, u16, u16, String),
    /// One TXT record, split into character-strings of at most 255 bytes.
    Txt(String),
}

impl Record {
    fn matches(&self, qtype: u16) -> bool {
        match self {
            Self::Ip(ip) => (qtype == 1 && ip.is_ipv4()) || (qtype == 28 && ip.is_ipv6()),
            Self::Mx(..) => qtype == 15,
            Self::Srv(..) => qtype == 33,
            Self::Txt(_) => qtype == 16,
        }
    }

    fn rdata(&self) -> (u16, Vec<u8>) {
        match self {
            Self::Ip(IpAddr::V4(v4)) => (1, v4.octets().to_vec()),
            Self::Ip(IpAddr::V6(v6)) => (28, v6.octets().to_vec()),
            Self::Mx(pref, host) => {
                let mut d = pref.to_be_bytes().to_vec();
                d.extend(encode_name(host));
                (15, d)
            }
            Self::Srv(prio, weight, port, target) => {
                let mut d = Vec::new();
                for v in [prio, weight, port] {
                    d.extend_from_slice(&v.to_be_bytes());
                }
                d.extend(encode_name(target));
                (33, d)
            }
            Self::Txt(text) => {
                let mut d = Vec::new();
                for chunk in text.as_bytes().chunks(255) {
                    d.push(u8::try_from(chunk.len()).unwrap());
                    d.extend_from_slice(chunk);
                }
                (16, d)
            }
        }
    }
}

fn encode_name(name: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for label in name
        .trim_end_matches('.')
        .split('.')
        .filter(|l| !l.is_empty())
    {
        out.push(u8::try_from(label.len()).unwrap());
        out.extend_from_slice(label.as_bytes());
    }
    out.push(0);
    out
}

/// Answers queries from `table`; unknown names get NXDOMAIN, a name
/// without records of the type NOERROR without data, `silent.test`
/// nothing at all, `servfail.test` and `refused.test` those error codes.
fn answer(query: &[u8], table: &HashMap<String, Vec<Record>>) -> Option<Vec<u8>> {
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
    // A resolver's error answers: SERVFAIL (2) and REFUSED (5).
    let rcode = match name.as_str() {
        "servfail.test" => Some(2),
        "refused.test" => Some(5),
        _ => None,
    };
    if let Some(rcode) = rcode {
        let mut r = query[..question_end].to_vec();
        r[2] = 0x80 | (query[2] & 1);
        r[3] = 0x80 | rcode;
        r[6..12].fill(0);
        return Some(r);
    }
    let Some(records) = table.get(&name) else {
        let mut r = query[..question_end].to_vec();
        r[2] = 0x84 | (query[2] & 1);
        r[3] = 0x83; // RA, NXDOMAIN
        r[6..12].fill(0);
        return Some(r);
    };
    let wanted: Vec<&Record> = records.iter().filter(|r| r.matches(qtype)).collect();
    let mut r = query[..question_end].to_vec();
    r[2] = 0x84 | (query[2] & 1); // QR, AA, RD copied
    r[3] = 0x80; // RA, NOERROR
    r[6..8].copy_from_slice(&u16::try_from(wanted.len()).ok()?.to_be_bytes());
    r[8..12].fill(0);
    for record in wanted {
        r.extend_from_slice(&[0xc0, 0x0c]);
        let (t, data) = record.rdata();
        r.extend_from_slice(&t.to_be_bytes());
        r.extend_from_slice(&1u16.to_be_bytes());
        r.extend_from_slice(&60u32.to_be_bytes());
        r.extend_from_slice(&u16::try_from(data.len()).ok()?.to_be_bytes());
        r.extend_from_slice(&data);
    }
    Some(r)
}

pub async fn server(records: &[(&str, &[&str])]) -> SocketAddr {
    serve_records(
        records
            .iter()
            .map(|(name, ips)| {
                (
                    (*name).to_owned(),
                    ips.iter()
                        .map(|ip| Record::Ip(ip.parse().unwrap()))
                        .collect(),
                )
            })
            .collect(),
    )
    .await
}

/// Serves any records; a name with no records of the asked type answers
/// NOERROR without data.
pub async fn serve_records(records: Vec<(String, Vec<Record>)>) -> SocketAddr {
    serve_counting(records).await.0
}

/// Like [`serve_records`], and counts the questions received (UDP and
/// TCP): what a hostile zone made the probe's resolver ask.
pub async fn serve_counting(
    records: Vec<(String, Vec<Record>)>,
) -> (SocketAddr, Arc<std::sync::atomic::AtomicUsize>) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let asked = Arc::new(AtomicUsize::new(0));
    let udp_asked = Arc::clone(&asked);
    let tcp_asked = Arc::clone(&asked);
    let mut table: HashMap<String, Vec<Record>> = HashMap::new();
    for (name, list) in records {
        table
            .entry(name.to_ascii_lowercase())
            .or_default()
            .extend(list);
    }
    // UDP and TCP on the same port, as a real server: an answer over 512
    // bytes goes over UDP truncated (TC set, no records), and the
    // resolver asks again over TCP (RFC 1035 §4.2, RFC 7766).
    let (socket, tcp) = loop {
        let socket = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let port = socket.local_addr().unwrap().port();
        if let Ok(tcp) = TcpListener::bind(("127.0.0.1", port)).await {
            break (socket, tcp);
        }
    };
    let addr = socket.local_addr().unwrap();
    let table = Arc::new(table);
    let udp_table = Arc::clone(&table);
    tokio::spawn(async move {
        let mut buf = [0u8; 512];
        while let Ok((n, peer)) = socket.recv_from(&mut buf).await {
            udp_asked.fetch_add(1, Ordering::SeqCst);
            if let Some(mut reply) = answer(&buf[..n], &udp_table) {
                if reply.len() > 512 {
                    reply = truncated(&buf[..n], &reply);
                }
                let _ = socket.send_to(&reply, peer).await;
            }
        }
    });
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = tcp.accept().await {
            let table = Arc::clone(&table);
            let asked = Arc::clone(&tcp_asked);
            tokio::spawn(async move {
                // Each message is preceded by its length (two bytes).
                let mut len = [0u8; 2];
                while stream.read_exact(&mut len).await.is_ok() {
                    let mut query = vec![0u8; usize::from(u16::from_be_bytes(len))];
                    if stream.read_exact(&mut query).await.is_err() {
                        return;
                    }
                    asked.fetch_add(1, Ordering::SeqCst);
                    let Some(reply) = answer(&query, &table) else {
                        continue;
                    };
                    let Ok(n) = u16::try_from(reply.len()) else {
                        return;
                    };
                    let mut framed = n.to_be_bytes().to_vec();
                    framed.extend_from_slice(&reply);
                    if stream.write_all(&framed).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    (addr, asked)
}

/// The header and question of `reply` with TC set and no records.
fn truncated(query: &[u8], reply: &[u8]) -> Vec<u8> {
    // The question ends where the query ends (the resolver sent one
    // question; an EDNS record after it is not echoed).
    let question_end = reply.len().min(question_len(query));
    let mut r = reply[..question_end].to_vec();
    r[2] |= 0x02;
    r[6..12].fill(0);
    r
}

/// The length of the header and first question of a message.
fn question_len(message: &[u8]) -> usize {
    let mut i = 12;
    while i < message.len() && message[i] != 0 {
        i += 1 + usize::from(message[i]);
    }
    i + 5
}
