//! Pure diagnosis of the network steps: a DNS failure or the TCP connect
//! attempts, turned into the diagnostic that names the cause. No I/O here,
//! so every branch is a table test (the SMTP replies live in `replies`,
//! TLS failures in `tls`).

use std::net::{IpAddr, SocketAddr};

use smtp_doctor_core::{Code, Diagnostic, Severity};

use super::connect::ConnectFailure;
use super::dns::DnsFailure;

/// The DNS step's failure. The probe's own outage is `probe.` and says
/// that nothing in the settings needs to change.
pub(crate) fn dns_failure(host: &str, failure: &DnsFailure) -> Diagnostic {
    let d = match failure {
        DnsFailure::NotFound => Diagnostic::new(Code::DnsNotFound).case("host"),
        DnsFailure::NoAddress => Diagnostic::new(Code::DnsNoAddress).case("host"),
        DnsFailure::ServerError(rcode) => Diagnostic::new(Code::DnsFailed)
            .case("rcode")
            .param("rcode", rcode.as_str()),
        DnsFailure::Timeout => Diagnostic::new(Code::DnsTimeout).case("host"),
        DnsFailure::Unavailable => Diagnostic::new(Code::ProbeDnsUnavailable).case("host"),
        DnsFailure::Other(e) => Diagnostic::new(Code::DnsFailed)
            .case("error")
            .param("error", e.as_str()),
    };
    d.param("host", host)
}

fn join(addrs: impl Iterator<Item = SocketAddr>) -> String {
    addrs.map(|a| a.to_string()).collect::<Vec<_>>().join(", ")
}

fn failure_words(f: &ConnectFailure) -> String {
    match f {
        ConnectFailure::Refused => "refused".to_owned(),
        ConnectFailure::Timeout => "no answer".to_owned(),
        ConnectFailure::Unreachable => "unreachable (no route from the probe)".to_owned(),
        ConnectFailure::Other(e) => e.to_string(),
    }
}

/// Every attempt failed: the cause all of them share, or the worst.
pub(crate) fn connect_failed(
    port: u16,
    failures: &[(SocketAddr, ConnectFailure)],
    egress: &[IpAddr],
) -> Diagnostic {
    let tried = join(failures.iter().map(|(a, _)| *a));
    let all = |p: fn(&ConnectFailure) -> bool| failures.iter().all(|(_, f)| p(f));
    let any = |p: fn(&ConnectFailure) -> bool| failures.iter().any(|(_, f)| p(f));
    if any(|f| matches!(f, ConnectFailure::Timeout)) {
        timeout_params(Diagnostic::new(Code::TcpTimeout), port, egress)
            .case("addresses")
            .param("addresses", tried)
    } else if all(|f| matches!(f, ConnectFailure::Refused)) {
        Diagnostic::new(Code::TcpRefused)
            .case("addresses")
            .param("addresses", tried)
            .param("port", port)
    } else if any(|f| matches!(f, ConnectFailure::Unreachable)) {
        Diagnostic::new(Code::TcpUnreachable)
            .case("addresses")
            .param("addresses", tried)
    } else {
        let why = failures
            .iter()
            .map(|(a, f)| format!("{a}: {}", failure_words(f)))
            .collect::<Vec<_>>()
            .join("; ");
        Diagnostic::new(Code::TcpUnreachable)
            .case("mixed")
            .param("failures", why)
    }
}

/// Some addresses failed before one worked: a warning naming them, so a
/// client that picks a dead one is explained (`None` if none failed).
pub(crate) fn some_addresses_failed(
    failures: &[(SocketAddr, ConnectFailure)],
    connected: SocketAddr,
) -> Option<Diagnostic> {
    if failures.is_empty() {
        return None;
    }
    let which = failures
        .iter()
        .map(|(a, f)| format!("{a} ({})", failure_words(f)))
        .collect::<Vec<_>>()
        .join(", ");
    let v6_unreachable = failures
        .iter()
        .all(|(a, f)| a.is_ipv6() && matches!(f, ConnectFailure::Unreachable))
        && connected.is_ipv4();
    let mut d = Diagnostic::new(Code::TcpSomeAddressesFailed)
        .case("addresses")
        .param("failed", which)
        .param("connected", connected.to_string());
    if v6_unreachable {
        // The probe's own network lacks IPv6: information, not a fault.
        d = d.severity(Severity::Info).case("no-ipv6-route");
    }
    Some(d)
}

/// The params of a connect timeout's help (catalog `tcp-timeout`): the
/// probe's egress addresses for an allowlist, and the hosting platforms
/// that block this port.
pub(crate) fn timeout_params(d: Diagnostic, port: u16, egress: &[IpAddr]) -> Diagnostic {
    let allowlist = if egress.is_empty() { "no" } else { "yes" };
    let egress = if egress.is_empty() {
        String::new()
    } else {
        egress
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (blockers, alternatives) = smtp_doctor_core::providers::port_blocking_hosts(port)
        .map_or((String::new(), String::new()), |b| {
            (b.blockers, b.alternatives)
        });
    let blocked = if blockers.is_empty() { "no" } else { "yes" };
    d.param("port", port)
        .param("allowlist", allowlist)
        .param("blocked", blocked)
        .param("egress", egress)
        .param("blockers", blockers)
        .param("alternatives", alternatives)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The diagnostic with its English texts, as a report carries it.
    fn en(d: Diagnostic) -> Diagnostic {
        let mut all = [d];
        smtp_doctor_core::i18n::localize(&mut all, "en");
        let [d] = all;
        d
    }

    fn a(s: &str) -> SocketAddr {
        s.parse().unwrap()
    }

    #[test]
    fn dns_failures_name_whose_problem_it_is() {
        let cases = [
            (DnsFailure::NotFound, "dns.not-found"),
            (DnsFailure::NoAddress, "dns.no-address"),
            (DnsFailure::ServerError("SERVFAIL".into()), "dns.failed"),
            (DnsFailure::ServerError("REFUSED".into()), "dns.failed"),
            (DnsFailure::Timeout, "dns.timeout"),
            (DnsFailure::Unavailable, "probe.dns-unavailable"),
            (DnsFailure::Other("odd".into()), "dns.failed"),
        ];
        for (failure, want) in cases {
            let d = en(dns_failure("smtp.example.com", &failure));
            assert_eq!(d.code.as_str(), want, "{failure:?}");
            assert!(d.message.contains("smtp.example.com"), "{}", d.message);
        }
        let ours = en(dns_failure("smtp.example.com", &DnsFailure::Unavailable));
        assert!(ours.help.contains("not of your settings"), "{}", ours.help);
        assert_eq!(ours.field, None, "no setting is blamed");
    }

    #[test]
    fn connect_failures() {
        let refused = [(a("192.0.2.1:587"), ConnectFailure::Refused)];
        assert_eq!(
            connect_failed(587, &refused, &[]).code.as_str(),
            "tcp.refused"
        );
        let mixed = [
            (a("192.0.2.1:587"), ConnectFailure::Refused),
            (a("192.0.2.2:587"), ConnectFailure::Timeout),
        ];
        let d = en(connect_failed(
            587,
            &mixed,
            &["203.0.113.9".parse().unwrap()],
        ));
        assert_eq!(d.code.as_str(), "tcp.timeout");
        assert!(d.help.contains("203.0.113.9"), "{}", d.help);
        assert!(d.help.contains("DigitalOcean"), "{}", d.help);
        let unreachable = [(a("[2001:db8::1]:587"), ConnectFailure::Unreachable)];
        assert_eq!(
            connect_failed(587, &unreachable, &[]).code.as_str(),
            "tcp.unreachable"
        );
    }

    #[test]
    fn some_addresses_failed_names_them() {
        assert!(some_addresses_failed(&[], a("192.0.2.1:587")).is_none());
        let d = en(some_addresses_failed(
            &[(a("192.0.2.7:587"), ConnectFailure::Refused)],
            a("192.0.2.1:587"),
        )
        .unwrap());
        assert_eq!(d.code.as_str(), "tcp.some-addresses-failed");
        assert!(
            d.message.contains("192.0.2.7:587 (refused)"),
            "{}",
            d.message
        );
        assert!(
            d.help.contains("not all of them"),
            "registry help: {}",
            d.help
        );
        let v6 = en(some_addresses_failed(
            &[(a("[2001:db8::1]:587"), ConnectFailure::Unreachable)],
            a("192.0.2.1:587"),
        )
        .unwrap());
        assert!(v6.help.contains("no IPv6 route"), "{}", v6.help);
        assert_eq!(
            v6.severity,
            Severity::Info,
            "the probe's network, not a fault"
        );
    }
}
