//! TCP connect to each checked address in turn, each attempt under its own
//! timeout and all of them under one deadline (a host with 30 silent
//! addresses must not make a 30-attempt step). Refused, timed out and
//! unreachable are told apart by the OS error kind.

use std::io;
use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

use tokio::net::TcpStream;

/// How one attempt ended.
#[derive(Debug)]
pub(crate) enum ConnectFailure {
    Refused,
    Timeout,
    Unreachable,
    Other(io::Error),
}

/// Tries the addresses in the order given until `deadline`; returns the
/// first connection and every failure before it. Addresses not reached
/// by the deadline are not attempted.
pub(crate) async fn connect(
    addresses: &[IpAddr],
    port: u16,
    per_attempt: Duration,
    deadline: Instant,
) -> (
    Option<(TcpStream, SocketAddr)>,
    Vec<(SocketAddr, ConnectFailure)>,
) {
    let mut failures = Vec::new();
    for ip in addresses.iter().copied() {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        let addr = SocketAddr::new(ip, port);
        match tokio::time::timeout(per_attempt.min(left), TcpStream::connect(addr)).await {
            Ok(Ok(stream)) => {
                let _ = stream.set_nodelay(true);
                return (Some((stream, addr)), failures);
            }
            Ok(Err(e)) => failures.push((addr, classify(e))),
            Err(_) => failures.push((addr, ConnectFailure::Timeout)),
        }
    }
    (None, failures)
}

fn classify(e: io::Error) -> ConnectFailure {
    match e.kind() {
        io::ErrorKind::ConnectionRefused => ConnectFailure::Refused,
        io::ErrorKind::TimedOut => ConnectFailure::Timeout,
        io::ErrorKind::NetworkUnreachable
        | io::ErrorKind::HostUnreachable
        | io::ErrorKind::AddrNotAvailable => ConnectFailure::Unreachable,
        _ => ConnectFailure::Other(e),
    }
}

/// IPv6 and IPv4 interleaved, IPv6 first (RFC 8305 §4), the resolver's
/// order kept within each family. An IPv6 address that fails (no route
/// from the probe fails at once) costs nothing before the IPv4 one, and
/// is reported (`tcp.some-addresses-failed`).
pub(crate) fn interleave(addresses: &[IpAddr]) -> Vec<IpAddr> {
    let v6: Vec<IpAddr> = addresses.iter().copied().filter(IpAddr::is_ipv6).collect();
    let v4: Vec<IpAddr> = addresses.iter().copied().filter(IpAddr::is_ipv4).collect();
    let mut out = Vec::with_capacity(addresses.len());
    for i in 0..v6.len().max(v4.len()) {
        out.extend(v6.get(i));
        out.extend(v4.get(i));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interleaves_families_keeping_order() {
        let a: Vec<IpAddr> = ["1.1.1.1", "1.0.0.1", "2606:4700::1111"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        let got: Vec<String> = interleave(&a).iter().map(ToString::to_string).collect();
        assert_eq!(got, ["2606:4700::1111", "1.1.1.1", "1.0.0.1"]);
    }
}
