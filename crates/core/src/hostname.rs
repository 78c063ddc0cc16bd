//! Reading a host: DNS names (IDN included), IPv4 and IPv6 literals.
//!
//! SPEC §2: a host may be a DNS name, an IDN (`smtp.bücher.de`), an IPv4
//! or a bracketed IPv6 literal. IDNs are mapped with UTS #46 (the `idna`
//! crate, as browsers do) and then checked as ASCII names (RFC 1035 /
//! RFC 1123: labels of 1–63 letters, digits and hyphens, 253 in all).

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::ip::parse_legacy_ipv4;

/// A host that can be connected to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Host {
    /// An ASCII (A-label) DNS name, lowercase, without a trailing dot.
    Name(String),
    Ip(IpAddr),
}

impl Host {
    pub fn ip(&self) -> Option<IpAddr> {
        match self {
            Self::Ip(ip) => Some(*ip),
            Self::Name(_) => None,
        }
    }

    pub fn name(&self) -> Option<&str> {
        match self {
            Self::Name(n) => Some(n),
            Self::Ip(_) => None,
        }
    }
}

impl fmt::Display for Host {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Name(n) => f.write_str(n),
            Self::Ip(IpAddr::V6(v6)) => write!(f, "[{v6}]"),
            Self::Ip(IpAddr::V4(v4)) => write!(f, "{v4}"),
        }
    }
}

/// Why a host is not valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostError {
    Empty,
    TooLong,
    EmptyLabel,
    LabelTooLong(String),
    BadCharacter(char),
    Underscore(String),
    HyphenAtEdge(String),
    /// An IPv4 address in a legacy form (`127.1`, `0x7f000001`): the
    /// canonical address it means.
    LegacyIpv4(Ipv4Addr),
    NumericTld,
    BadIpv6,
    Idna,
}

impl HostError {
    /// The catalog's name for this reason (`$reason` of `host.invalid`)
    /// and its detail (`$detail`: the part, character or address).
    pub fn reason(&self) -> (&'static str, String) {
        match self {
            Self::Empty => ("empty", String::new()),
            Self::TooLong => ("too-long", String::new()),
            Self::EmptyLabel => ("empty-part", String::new()),
            Self::LabelTooLong(l) => ("part-too-long", l.clone()),
            Self::BadCharacter(c) => ("bad-character", c.escape_default().to_string()),
            Self::Underscore(l) => ("underscore", l.clone()),
            Self::HyphenAtEdge(l) => ("hyphen", l.clone()),
            Self::LegacyIpv4(ip) => ("legacy-ip", ip.to_string()),
            Self::NumericTld => ("numeric-end", String::new()),
            Self::BadIpv6 => ("bad-ipv6", String::new()),
            Self::Idna => ("idna", String::new()),
        }
    }
}

impl fmt::Display for HostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("the name is empty"),
            Self::TooLong => f.write_str("the name is longer than 253 characters"),
            Self::EmptyLabel => {
                f.write_str("the name has an empty part (two dots in a row, or a leading dot)")
            }
            Self::LabelTooLong(l) => write!(f, "the part `{l}` is longer than 63 characters"),
            Self::BadCharacter(c) => {
                write!(f, "`{}` is not allowed in a host name", c.escape_default())
            }
            Self::Underscore(l) => write!(
                f,
                "the part `{l}` contains `_`, which host names cannot have"
            ),
            Self::HyphenAtEdge(l) => write!(f, "the part `{l}` starts or ends with a hyphen"),
            Self::LegacyIpv4(ip) => write!(
                f,
                "it is an IP address in an unusual notation; it means {ip}"
            ),
            Self::NumericTld => {
                f.write_str("the last part is a number, so it is neither a name nor an IP address")
            }
            Self::BadIpv6 => f.write_str("it is not a valid IPv6 address"),
            Self::Idna => f.write_str("it is not a valid international domain name"),
        }
    }
}

/// Parses a host that has already been trimmed and stripped of scheme and
/// port. Accepts `[v6]` and bare IPv6 (`::1`) too.
pub fn parse_host(text: &str) -> Result<Host, HostError> {
    if text.is_empty() {
        return Err(HostError::Empty);
    }
    if let Some(inner) = text.strip_prefix('[') {
        let inner = inner.strip_suffix(']').ok_or(HostError::BadIpv6)?;
        return inner
            .parse::<Ipv6Addr>()
            .map(|ip| Host::Ip(IpAddr::V6(ip)))
            .map_err(|_| HostError::BadIpv6);
    }
    if text.contains(':') {
        return text
            .parse::<Ipv6Addr>()
            .map(|ip| Host::Ip(IpAddr::V6(ip)))
            .map_err(|_| HostError::BadIpv6);
    }
    if let Ok(v4) = text.parse::<Ipv4Addr>() {
        return Ok(Host::Ip(IpAddr::V4(v4)));
    }
    let name = text.strip_suffix('.').unwrap_or(text);
    if name.is_empty() {
        return Err(HostError::EmptyLabel);
    }
    // Report the first plain-ASCII problem before IDNA maps it away.
    if let Some(c) = name
        .chars()
        .find(|c| c.is_ascii() && !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_')))
    {
        return Err(HostError::BadCharacter(c));
    }
    if let Some(label) = name.split('.').find(|l| l.contains('_')) {
        return Err(HostError::Underscore(label.to_owned()));
    }
    let ascii = if name.is_ascii() {
        name.to_ascii_lowercase()
    } else {
        to_ascii(name).ok_or(HostError::Idna)?
    };
    check_ascii_name(&ascii)?;
    Ok(Host::Name(ascii))
}

fn check_ascii_name(name: &str) -> Result<(), HostError> {
    if name.len() > 253 {
        return Err(HostError::TooLong);
    }
    let labels: Vec<&str> = name.split('.').collect();
    for label in &labels {
        if label.is_empty() {
            return Err(HostError::EmptyLabel);
        }
        if label.len() > 63 {
            return Err(HostError::LabelTooLong((*label).to_owned()));
        }
        if let Some(c) = label
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-'))
        {
            return Err(HostError::BadCharacter(c));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(HostError::HyphenAtEdge((*label).to_owned()));
        }
    }
    let last = labels.last().copied().unwrap_or_default();
    if last.bytes().all(|b| b.is_ascii_digit()) || last.starts_with("0x") {
        if let Some(ip) = parse_legacy_ipv4(name) {
            return Err(HostError::LegacyIpv4(ip));
        }
        if last.bytes().all(|b| b.is_ascii_digit()) {
            return Err(HostError::NumericTld);
        }
    }
    Ok(())
}

/// A domain as a comparison key: ASCII names lowercased, international
/// ones mapped to their A-label form (UTS #46 folds their case too), or
/// kept as typed when they cannot be mapped. Not full Unicode lowercasing:
/// that would ship its case tables to every page for names the mapping
/// already folds.
pub fn fold(name: &str) -> String {
    let name = name.trim_end_matches('.');
    if name.is_ascii() {
        name.to_ascii_lowercase()
    } else {
        to_ascii(name).unwrap_or_else(|| name.to_owned())
    }
}

/// Maps an international name to its A-label form (UTS #46, as browsers
/// and the WHATWG URL standard do).
#[cfg(feature = "idna")]
fn to_ascii(name: &str) -> Option<String> {
    idna::domain_to_ascii(name).ok()
}

#[cfg(not(feature = "idna"))]
fn to_ascii(name: &str) -> Option<String> {
    IDNA_MAPPER.get().and_then(|map| map(name))
}

static IDNA_MAPPER: std::sync::OnceLock<fn(&str) -> Option<String>> = std::sync::OnceLock::new();

/// Supplies the UTS #46 mapping when core is built without the `idna`
/// feature (the browser package uses the browser's URL parser); with the
/// feature it is unused. Until one is set, such a build reports
/// international names as invalid. Returns false if one was already set.
pub fn set_idna_mapper(mapper: fn(&str) -> Option<String>) -> bool {
    IDNA_MAPPER.set(mapper).is_ok()
}

/// True for names that only resolve inside a network: `localhost`, and
/// the special-use or customary private suffixes.
pub fn is_private_name(name: &str) -> bool {
    const SUFFIXES: [&str; 6] = [
        "localhost",
        "local",
        "internal",
        "home.arpa",
        "lan",
        "localdomain",
    ];
    SUFFIXES
        .iter()
        .any(|s| name == *s || name.strip_suffix(s).is_some_and(|head| head.ends_with('.')))
}

/// `true` if `name` is `domain` or one of its subdomains.
pub fn is_within(name: &str, domain: &str) -> bool {
    name == domain
        || name
            .strip_suffix(domain)
            .is_some_and(|head| head.ends_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_table() {
        let ok: &[(&str, &str)] = &[
            ("smtp.gmail.com", "smtp.gmail.com"),
            ("SMTP.Gmail.COM", "smtp.gmail.com"),
            ("smtp.gmail.com.", "smtp.gmail.com"),
            ("smtp.bücher.de", "smtp.xn--bcher-kva.de"),
            ("xn--bcher-kva.de", "xn--bcher-kva.de"),
            ("mail", "mail"),
            ("a-b.c", "a-b.c"),
            ("192.0.2.1", "192.0.2.1"),
            ("[::1]", "[::1]"),
            ("::1", "[::1]"),
            ("[2001:db8::25]", "[2001:db8::25]"),
        ];
        for (input, want) in ok {
            assert_eq!(
                parse_host(input).map(|h| h.to_string()).as_deref(),
                Ok(*want),
                "{input}"
            );
        }
        let bad: &[(&str, HostError)] = &[
            ("", HostError::Empty),
            ("smtp..gmail.com", HostError::EmptyLabel),
            (".smtp.com", HostError::EmptyLabel),
            (
                "smtp_relay.x.com",
                HostError::Underscore("smtp_relay".into()),
            ),
            ("-smtp.x.com", HostError::HyphenAtEdge("-smtp".into())),
            ("smtp.x-.com", HostError::HyphenAtEdge("x-".into())),
            ("smtp,gmail.com", HostError::BadCharacter(',')),
            ("smtp/x", HostError::BadCharacter('/')),
            ("127.1", HostError::LegacyIpv4(Ipv4Addr::LOCALHOST)),
            ("2130706433", HostError::LegacyIpv4(Ipv4Addr::LOCALHOST)),
            ("0x7f000001", HostError::LegacyIpv4(Ipv4Addr::LOCALHOST)),
            ("1.2.3.999", HostError::NumericTld),
            ("[::1", HostError::BadIpv6),
            ("fe80::1%eth0", HostError::BadIpv6),
        ];
        for (input, want) in bad {
            assert_eq!(parse_host(input).as_ref(), Err(want), "{input}");
        }
        let long_label = format!("{}.com", "a".repeat(64));
        assert!(matches!(
            parse_host(&long_label),
            Err(HostError::LabelTooLong(_))
        ));
        let long_name = format!("{}com", "abcdefghi.".repeat(26));
        assert_eq!(parse_host(&long_name), Err(HostError::TooLong));
    }

    #[test]
    fn private_names() {
        for name in [
            "localhost",
            "mail.localhost",
            "nas.local",
            "smtp.corp.internal",
            "box.home.arpa",
        ] {
            assert!(is_private_name(name), "{name}");
        }
        for name in ["smtp.gmail.com", "notlocal", "local.example.com"] {
            assert!(!is_private_name(name), "{name}");
        }
    }
}
