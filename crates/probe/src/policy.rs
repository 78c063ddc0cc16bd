//! The probe's target policy (SPEC §5): which ports and addresses it will
//! connect to. A pure function of the policy and the address, so it can be
//! tested exhaustively without sockets.
//!
//! The probe connects to hosts that strangers choose: it refuses every
//! address that is not public unicast (loopback, private, link-local with
//! cloud metadata, CGNAT, multicast, documentation, reserved, and the
//! IPv4-mapped/compatible/NAT64 spellings of those), unless an operator
//! opened a range with `--allow-target`. Ports outside the allowlist are
//! refused before any DNS or TCP work, with the same answer for every
//! port, so the service is no port scanner.

use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::ops::RangeInclusive;
use std::str::FromStr;

use ipnet::IpNet;
use smtp_doctor_core::ip::{SpecialRange, canonical, special_range};

/// Ports allowed by default: SMTP relay and submission.
pub const DEFAULT_PORTS: [u16; 4] = smtp_doctor_core::config::USUAL_PORTS;

/// A port or an inclusive range, as `--allow-port 2465` or `2500-2599`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PortRange(pub RangeInclusive<u16>);

impl FromStr for PortRange {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let parse = |p: &str| p.trim().parse::<u16>().ok().filter(|n| *n != 0);
        let range = match s.split_once('-') {
            Some((a, b)) => parse(a)
                .zip(parse(b))
                .filter(|(a, b)| a <= b)
                .map(|(a, b)| a..=b),
            None => parse(s).map(|p| p..=p),
        };
        range
            .map(PortRange)
            .ok_or_else(|| format!("`{s}` is not a port (1-65535) or a range like 2500-2599"))
    }
}

impl fmt::Display for PortRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.start() == self.0.end() {
            write!(f, "{}", self.0.start())
        } else {
            write!(f, "{}-{}", self.0.start(), self.0.end())
        }
    }
}

/// A CIDR range opened with `--allow-target` (a bare address means /32 or /128).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TargetRange(pub IpNet);

impl FromStr for TargetRange {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse::<IpNet>()
            .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
            .map(TargetRange)
            .map_err(|_| format!("`{s}` is not an IP address or CIDR range like 127.0.0.0/8"))
    }
}

/// Why an address is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Blocked {
    pub address: IpAddr,
    pub range: SpecialRange,
}

impl fmt::Display for Blocked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} is {}", self.address, self.range)
    }
}

/// Why a connection is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    Address(Blocked),
    Port(u16),
}

/// Where the probe may connect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    pub ports: Vec<PortRange>,
    pub allow_targets: Vec<TargetRange>,
    /// Exact address-and-port pairs opened on their own (the sandbox's
    /// ports on loopback, SPEC §7.3): neither the port for other
    /// addresses nor the address for other ports.
    pub allow_endpoints: Vec<SocketAddr>,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            ports: DEFAULT_PORTS.iter().map(|p| PortRange(*p..=*p)).collect(),
            allow_targets: Vec::new(),
            allow_endpoints: Vec::new(),
        }
    }
}

impl Policy {
    /// The default ports plus `extra_ports`, and the opened ranges.
    pub fn new(extra_ports: Vec<PortRange>, allow_targets: Vec<TargetRange>) -> Self {
        let mut policy = Self {
            allow_targets,
            ..Self::default()
        };
        policy.ports.extend(extra_ports);
        policy
    }

    /// Whether a probe to `port` may start at all (before any DNS work):
    /// an allowed port, or the port of an opened endpoint.
    pub fn port_allowed(&self, port: u16) -> bool {
        self.ports.iter().any(|r| r.0.contains(&port))
            || self.allow_endpoints.iter().any(|e| e.port() == port)
    }

    /// `Ok` if the probe may connect to `ip` on `port`.
    pub fn check_target(&self, ip: IpAddr, port: u16) -> Result<(), Refused> {
        let wanted = canonical(ip);
        if self
            .allow_endpoints
            .iter()
            .any(|e| e.port() == port && canonical(e.ip()) == wanted)
        {
            return Ok(());
        }
        if !self.ports.iter().any(|r| r.0.contains(&port)) {
            return Err(Refused::Port(port));
        }
        self.check_address(ip).map_err(Refused::Address)
    }

    /// `Ok` if the probe may connect to `ip`.
    pub fn check_address(&self, ip: IpAddr) -> Result<(), Blocked> {
        let Some(range) = special_range(ip) else {
            return Ok(());
        };
        // An opened range admits the address in any spelling of it.
        let spelled = canonical(ip);
        if self
            .allow_targets
            .iter()
            .any(|t| t.0.contains(&ip) || t.0.contains(&spelled))
        {
            return Ok(());
        }
        Err(Blocked { address: ip, range })
    }

    /// The allowed ports as text, e.g. "25, 465, 587, 2525".
    pub fn ports_text(&self) -> String {
        self.ports
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocked(policy: &Policy, ip: &str) -> Option<SpecialRange> {
        policy
            .check_address(ip.parse().unwrap())
            .err()
            .map(|b| b.range)
    }

    #[test]
    fn default_policy_refuses_every_internal_address() {
        let p = Policy::default();
        let refused = [
            "127.0.0.1",
            "127.1.2.3",
            "0.0.0.0",
            "10.0.0.1",
            "172.16.5.4",
            "192.168.0.1",
            "169.254.169.254",
            "100.64.0.1",
            "224.0.0.251",
            "255.255.255.255",
            "192.0.2.1",
            "198.51.100.1",
            "203.0.113.1",
            "198.18.0.1",
            "240.0.0.1",
            "::1",
            "::",
            "fc00::1",
            "fd00::1",
            "fe80::1",
            "ff02::1",
            "2001:db8::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "::ffff:10.0.0.1",
            "::127.0.0.1",
            "64:ff9b::7f00:1",
            "64:ff9b::a9fe:a9fe",
            "64:ff9b:1::c0a8:1",
            // RFC 6052 /48 layout of 127.0.0.1, with a public-looking tail.
            "64:ff9b:1:7f00:0:100:808:808",
            "64:ff9b:1::808:808",
            "2002:7f00:1::1",
            "fec0::1",
            "100::1",
        ];
        for ip in refused {
            assert!(blocked(&p, ip).is_some(), "{ip} must be refused");
        }
        for ip in [
            "8.8.8.8",
            "1.1.1.1",
            "142.250.1.1",
            "2a00:1450:4001::1",
            "::ffff:8.8.8.8",
            "64:ff9b::808:808",
        ] {
            assert_eq!(blocked(&p, ip), None, "{ip} is public");
        }
    }

    #[test]
    fn allow_target_opens_exactly_its_range_in_every_spelling() {
        let p = Policy::new(
            vec![],
            vec!["127.0.0.0/8".parse().unwrap(), "::1".parse().unwrap()],
        );
        for ip in [
            "127.0.0.1",
            "127.0.0.2",
            "::ffff:127.0.0.1",
            "64:ff9b::7f00:1",
            "::1",
        ] {
            assert_eq!(blocked(&p, ip), None, "{ip} is opened");
        }
        for ip in ["10.0.0.1", "169.254.169.254", "::ffff:10.0.0.1", "fe80::1"] {
            assert!(blocked(&p, ip).is_some(), "{ip} stays refused");
        }
    }

    #[test]
    fn an_endpoint_opens_exactly_its_address_and_port() {
        let p = Policy {
            allow_endpoints: vec![
                "127.0.0.1:2587".parse().unwrap(),
                "[::1]:2587".parse().unwrap(),
            ],
            ..Policy::default()
        };
        let ok = |ip: &str, port| p.check_target(ip.parse().unwrap(), port).is_ok();
        assert!(ok("127.0.0.1", 2587));
        assert!(ok("::1", 2587));
        assert!(ok("::ffff:127.0.0.1", 2587));
        assert!(!ok("127.0.0.1", 25), "a local MTA stays out of reach");
        assert!(!ok("127.0.0.1", 587));
        assert!(!ok("127.0.0.2", 2587));
        assert!(
            matches!(
                p.check_target("8.8.8.8".parse().unwrap(), 2587),
                Err(Refused::Port(2587))
            ),
            "the endpoint's port is not opened for the internet"
        );
        assert!(ok("8.8.8.8", 587));
        assert!(p.port_allowed(2587));
    }

    #[test]
    fn ports() {
        let p = Policy::new(
            vec!["2465".parse().unwrap(), "2580-2590".parse().unwrap()],
            vec![],
        );
        for port in [25, 465, 587, 2525, 2465, 2580, 2587, 2590] {
            assert!(p.port_allowed(port), "{port}");
        }
        for port in [22, 80, 443, 993, 2579, 2591, 6379] {
            assert!(!p.port_allowed(port), "{port}");
        }
        assert_eq!(Policy::default().ports_text(), "25, 465, 587, 2525");
        for bad in ["0", "x", "70000", "10-5", "-5", ""] {
            assert!(bad.parse::<PortRange>().is_err(), "{bad}");
        }
        assert!("1.2.3.4".parse::<TargetRange>().is_ok());
        assert!("fd00::/8".parse::<TargetRange>().is_ok());
        assert!("nope".parse::<TargetRange>().is_err());
    }
}
