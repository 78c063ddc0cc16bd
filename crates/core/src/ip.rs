//! Which IP addresses are not on the public internet, and why.
//!
//! One classification serves two masters: the static `host.private` rule
//! (a customer typed an address nobody outside can reach) and the probe's
//! SSRF policy (SPEC §5: never connect to such an address unless allowed).
//! IPv4-mapped, IPv4-compatible and NAT64 forms are unwrapped and judged
//! by the IPv4 address they carry.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use serde::Serialize;

/// Why an address is not a public unicast one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SpecialRange {
    Unspecified,
    Loopback,
    /// RFC 1918 (IPv4) or unique local fc00::/7 (IPv6).
    Private,
    /// 169.254/16 (incl. cloud metadata 169.254.169.254) or fe80::/10.
    LinkLocal,
    /// 100.64/10, RFC 6598.
    CarrierNat,
    Multicast,
    Broadcast,
    /// 192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32.
    Documentation,
    /// 198.18/15, 2001:2::/48.
    Benchmarking,
    /// 0/8, 192.0.0/24, 240/4, site-local fec0::/10, discard 100::/64 and
    /// other IETF-reserved space.
    Reserved,
}

impl SpecialRange {
    /// The catalog's name for this range (`$range` of `host.private`).
    pub const fn id(self) -> &'static str {
        match self {
            Self::Unspecified => "unspecified",
            Self::Loopback => "loopback",
            Self::Private => "private",
            Self::LinkLocal => "link-local",
            Self::CarrierNat => "cgnat",
            Self::Multicast => "multicast",
            Self::Broadcast => "broadcast",
            Self::Documentation => "documentation",
            Self::Benchmarking => "benchmarking",
            Self::Reserved => "reserved",
        }
    }

    pub const fn describe(self) -> &'static str {
        match self {
            Self::Unspecified => "an unspecified address",
            Self::Loopback => "a loopback address",
            Self::Private => "a private-network address",
            Self::LinkLocal => "a link-local address",
            Self::CarrierNat => "a carrier-grade NAT address",
            Self::Multicast => "a multicast address",
            Self::Broadcast => "the broadcast address",
            Self::Documentation => "a documentation address",
            Self::Benchmarking => "a benchmarking address",
            Self::Reserved => "a reserved address",
        }
    }
}

impl fmt::Display for SpecialRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

/// `None` for a public unicast address, else the range it belongs to.
pub fn special_range(ip: IpAddr) -> Option<SpecialRange> {
    match ip {
        IpAddr::V4(v4) => special_v4(v4),
        IpAddr::V6(v6) => special_v6(v6),
    }
}

fn special_v4(ip: Ipv4Addr) -> Option<SpecialRange> {
    let [a, b, c, _] = ip.octets();
    let range = if ip.is_unspecified() {
        SpecialRange::Unspecified
    } else if ip.is_broadcast() {
        SpecialRange::Broadcast
    } else if a == 127 {
        SpecialRange::Loopback
    } else if a == 10 || (a == 172 && (16..=31).contains(&b)) || (a == 192 && b == 168) {
        SpecialRange::Private
    } else if a == 169 && b == 254 {
        SpecialRange::LinkLocal
    } else if a == 100 && (64..=127).contains(&b) {
        SpecialRange::CarrierNat
    } else if (224..=239).contains(&a) {
        SpecialRange::Multicast
    } else if (a == 192 && b == 0 && c == 2)
        || (a == 198 && b == 51 && c == 100)
        || (a == 203 && b == 0 && c == 113)
    {
        SpecialRange::Documentation
    } else if a == 198 && (b == 18 || b == 19) {
        SpecialRange::Benchmarking
    } else if a == 0
        || a >= 240
        || (a == 192 && b == 0 && c == 0)
        || (a == 192 && b == 88 && c == 99)
    {
        SpecialRange::Reserved
    } else {
        return None;
    };
    Some(range)
}

fn special_v6(ip: Ipv6Addr) -> Option<SpecialRange> {
    if is_local_nat64(ip) {
        // RFC 8215 local-use NAT64: the operator chooses the prefix length
        // (/48 … /96), so where the IPv4 address sits (RFC 6052 §2.2) — and
        // whether it is an internal one — cannot be known from outside.
        return Some(SpecialRange::Reserved);
    }
    if let Some(v4) = embedded_v4(ip) {
        return special_v4(v4)
            .or(Some(SpecialRange::Reserved).filter(|_| is_deprecated_compat(ip)));
    }
    let s = ip.segments();
    let range = if ip.is_unspecified() {
        SpecialRange::Unspecified
    } else if ip.is_loopback() {
        SpecialRange::Loopback
    } else if s[0] & 0xfe00 == 0xfc00 {
        SpecialRange::Private
    } else if s[0] & 0xffc0 == 0xfe80 {
        SpecialRange::LinkLocal
    } else if s[0] & 0xffc0 == 0xfec0 {
        SpecialRange::Reserved
    } else if s[0] & 0xff00 == 0xff00 {
        SpecialRange::Multicast
    } else if s[0] == 0x2001 && s[1] == 0x0db8 || s[0] == 0x3fff && s[1] & 0xf000 == 0 {
        SpecialRange::Documentation
    } else if s[0] == 0x2001 && s[1] == 0x0002 && s[2] == 0 {
        SpecialRange::Benchmarking
    } else if (s[0] == 0x0100 && s[1] == 0 && s[2] == 0 && s[3] == 0)
        || (s[0] == 0x2001 && s[1] < 0x0200)
        || s[0] == 0x2002
        || s[0] & 0xe000 == 0
    {
        // Discard prefix, IETF protocol assignments (Teredo, ORCHIDs …),
        // 6to4 (which embeds any IPv4 address) and everything outside
        // 2000::/3 that is not one of the above.
        SpecialRange::Reserved
    } else {
        return None;
    };
    Some(range)
}

/// The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), deprecated
/// IPv4-compatible (::a.b.c.d) or well-known NAT64 (64:ff9b::/96)
/// address. The local-use NAT64 prefix 64:ff9b:1::/48 has no fixed place
/// for it and is refused whole (see `special_v6`).
pub fn embedded_v4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return Some(v4);
    }
    let s = ip.segments();
    let tail = Ipv4Addr::from((u32::from(s[6]) << 16) | u32::from(s[7]));
    if s[0] == 0x64 && s[1] == 0xff9b && s[2..6].iter().all(|x| *x == 0) {
        return Some(tail);
    }
    if is_deprecated_compat(ip) {
        return Some(tail);
    }
    None
}

/// 64:ff9b:1::/48 (RFC 8215).
fn is_local_nat64(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    s[0] == 0x64 && s[1] == 0xff9b && s[2] == 1
}

/// One spelling per address: the IPv4 address inside a mapped,
/// compatible or well-known NAT64 form, else the address itself.
pub fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => embedded_v4(v6).map_or(ip, IpAddr::V4),
        IpAddr::V4(_) => ip,
    }
}

fn is_deprecated_compat(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    s[..6].iter().all(|x| *x == 0) && !(s[6] == 0 && s[7] <= 1)
}

/// Reads an IPv4 address written the way `inet_aton` accepts it:
/// `127.1`, `2130706433`, `0x7f000001`, `0177.0.0.1`. Browsers, curl and
/// libc resolve these; a validator and a probe must see through them.
pub fn parse_legacy_ipv4(text: &str) -> Option<Ipv4Addr> {
    let parts: Vec<&str> = text.split('.').collect();
    if parts.is_empty() || parts.len() > 4 || parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    let nums: Vec<u64> = parts
        .iter()
        .map(|p| parse_c_number(p))
        .collect::<Option<_>>()?;
    let (last, head) = nums.split_last()?;
    if head.iter().any(|n| *n > 255) {
        return None;
    }
    // Each leading part is one byte; the last fills the remaining bytes.
    let tail_bits = 32 - 8 * head.len();
    if *last >= 1u64 << tail_bits {
        return None;
    }
    let mut value: u64 = 0;
    for (i, n) in head.iter().enumerate() {
        value |= n << (24 - 8 * i);
    }
    value |= last;
    u32::try_from(value).ok().map(Ipv4Addr::from)
}

fn parse_c_number(p: &str) -> Option<u64> {
    let (digits, radix) = if let Some(hex) = p.strip_prefix("0x").or_else(|| p.strip_prefix("0X")) {
        (hex, 16)
    } else if p.len() > 1 && p.starts_with('0') {
        (&p[1..], 8)
    } else {
        (p, 10)
    };
    if digits.is_empty() && radix == 16 {
        return None;
    }
    if digits.is_empty() {
        return Some(0);
    }
    if digits.len() > 11 {
        return None;
    }
    u64::from_str_radix(digits, radix).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(s: &str) -> Option<SpecialRange> {
        special_range(s.parse().unwrap())
    }

    #[test]
    fn classification_table() {
        use SpecialRange::*;
        let cases: &[(&str, Option<SpecialRange>)] = &[
            ("8.8.8.8", None),
            ("1.1.1.1", None),
            ("2a00:1450:4001:81b::200e", None),
            ("0.0.0.0", Some(Unspecified)),
            ("0.1.2.3", Some(Reserved)),
            ("127.0.0.1", Some(Loopback)),
            ("127.255.255.254", Some(Loopback)),
            ("10.1.2.3", Some(Private)),
            ("172.16.0.1", Some(Private)),
            ("172.31.255.255", Some(Private)),
            ("172.32.0.1", None),
            ("192.168.1.1", Some(Private)),
            ("169.254.169.254", Some(LinkLocal)),
            ("100.64.0.1", Some(CarrierNat)),
            ("100.128.0.1", None),
            ("224.0.0.1", Some(Multicast)),
            ("239.255.255.250", Some(Multicast)),
            ("255.255.255.255", Some(Broadcast)),
            ("192.0.2.10", Some(Documentation)),
            ("198.51.100.7", Some(Documentation)),
            ("203.0.113.9", Some(Documentation)),
            ("198.18.0.1", Some(Benchmarking)),
            ("240.0.0.1", Some(Reserved)),
            ("192.0.0.8", Some(Reserved)),
            ("::", Some(Unspecified)),
            ("::1", Some(Loopback)),
            ("fc00::1", Some(Private)),
            ("fd12:3456::1", Some(Private)),
            ("fe80::1", Some(LinkLocal)),
            ("fec0::1", Some(Reserved)),
            ("ff02::1", Some(Multicast)),
            ("2001:db8::1", Some(Documentation)),
            ("::ffff:127.0.0.1", Some(Loopback)),
            ("::ffff:10.0.0.1", Some(Private)),
            ("::ffff:8.8.8.8", None),
            ("::127.0.0.1", Some(Loopback)),
            ("64:ff9b::7f00:1", Some(Loopback)),
            ("64:ff9b::a9fe:a9fe", Some(LinkLocal)),
            ("64:ff9b:1::a00:1", Some(Reserved)),
            ("64:ff9b:1::808:808", Some(Reserved)),
            ("64:ff9b::808:808", None),
            ("100::1", Some(Reserved)),
            ("2002:7f00:1::", Some(Reserved)),
            ("2001::1", Some(Reserved)),
        ];
        for (ip, want) in cases {
            assert_eq!(range(ip), *want, "{ip}");
        }
    }

    #[test]
    fn legacy_ipv4_forms() {
        let cases: &[(&str, Option<[u8; 4]>)] = &[
            ("127.1", Some([127, 0, 0, 1])),
            ("2130706433", Some([127, 0, 0, 1])),
            ("0x7f000001", Some([127, 0, 0, 1])),
            ("0177.0.0.1", Some([127, 0, 0, 1])),
            ("10.1.258", Some([10, 1, 1, 2])),
            ("1.2.3.4", Some([1, 2, 3, 4])),
            ("256.1.1.1", None),
            ("1.2.3.4.5", None),
            ("08.1.1.1", None),
            ("0x", None),
            ("smtp", None),
            ("4294967296", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_legacy_ipv4(text), want.map(Ipv4Addr::from), "{text}");
        }
    }
}
