//! Values that go onto the SMTP wire, as types that cannot hold a line
//! break (SPEC §7.3).
//!
//! The probe writes commands built from what a stranger typed: `MAIL
//! FROM:<…>`, `RCPT TO:<…>`, the EHLO name, the AUTH identity, the test
//! message's headers. One CR or LF in any of them and the stranger writes
//! their own commands (`RCPT`, `DATA`, a forged message) through our
//! connection: an open relay. So the engine never formats a command from
//! a `&str`; it takes these types, whose only constructors refuse CR, LF,
//! NUL and every other control character (and the Unicode line
//! separators). The connection itself refuses a line with CR or LF as a
//! second guard, but that guard should never be what stops an attack.

use std::fmt;

use crate::hostname::{Host, parse_host};
use crate::mailbox::{Mailbox, MailboxError, parse_mailbox};

/// Why a value cannot go onto the wire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WireError {
    /// A control character (CR, LF, NUL, …) or a Unicode line separator.
    Control(char),
    Empty,
    TooLong,
    Address(MailboxError),
    /// Not a DNS name or an address literal.
    Name,
}

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Control(c) => write!(
                f,
                "it contains the control character U+{:04X}, which is never allowed",
                u32::from(*c)
            ),
            Self::Empty => f.write_str("it is empty"),
            Self::TooLong => f.write_str("it is too long"),
            Self::Address(e) => write!(f, "it is not a valid address: {e}"),
            Self::Name => f.write_str("it is not a host name or an address literal"),
        }
    }
}

impl std::error::Error for WireError {}

/// Characters no wire value may hold: C0 and C1 controls, DEL, and the
/// Unicode line and paragraph separators.
pub fn is_forbidden(c: char) -> bool {
    c.is_control() || c == '\u{2028}' || c == '\u{2029}'
}

/// `Err` with the first forbidden character, if any.
pub fn check_line(text: &str) -> Result<(), WireError> {
    match text.chars().find(|c| is_forbidden(*c)) {
        Some(c) => Err(WireError::Control(c)),
        None => Ok(()),
    }
}

/// An envelope address (`local@domain`) for `MAIL FROM:<…>` and
/// `RCPT TO:<…>` (RFC 5321 §4.1.2): no display name, no angle brackets,
/// no control characters, at most 254 bytes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SmtpAddress(String);

impl SmtpAddress {
    /// Reads `a@b.c` or `Name <a@b.c>`; only the address is kept.
    pub fn parse(text: &str) -> Result<Self, WireError> {
        check_line(text)?;
        let mailbox = parse_mailbox(text).map_err(WireError::Address)?;
        Self::from_mailbox(&mailbox)
    }

    /// The address of a parsed mailbox, checked again here so that no
    /// path around the parser can build one with a line break.
    pub fn from_mailbox(mailbox: &Mailbox) -> Result<Self, WireError> {
        let address = mailbox.address();
        check_line(&address)?;
        if address.contains(['<', '>']) && !mailbox.local.starts_with('"') {
            return Err(WireError::Address(MailboxError::BadLocal('<')));
        }
        if address.len() > 254 {
            return Err(WireError::TooLong);
        }
        Ok(Self(address))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part after the last `@`, lowercase.
    pub fn domain_lower(&self) -> String {
        self.0
            .rsplit_once('@')
            .map_or_else(String::new, |(_, d)| d.to_lowercase())
    }

    /// Case-insensitive equality of domain, exact local part (RFC 5321
    /// leaves local-part case to the receiver; most ignore it, so do we).
    pub fn same_mailbox(&self, other: &Self) -> bool {
        self.0.to_lowercase() == other.0.to_lowercase()
    }
}

impl fmt::Display for SmtpAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The name the probe gives in `EHLO`/`HELO`: a DNS name or an address
/// literal (`[192.0.2.1]`), never free text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeloName(String);

impl HeloName {
    pub fn parse(text: &str) -> Result<Self, WireError> {
        check_line(text)?;
        let text = text.trim();
        if text.is_empty() {
            return Err(WireError::Empty);
        }
        if let Some(literal) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            let inner = literal.strip_prefix("IPv6:").unwrap_or(literal);
            return inner
                .parse::<std::net::IpAddr>()
                .map(|_| Self(text.to_owned()))
                .map_err(|_| WireError::Name);
        }
        match parse_host(text) {
            Ok(Host::Name(name)) => Ok(Self(name)),
            Ok(Host::Ip(_)) | Err(_) => Err(WireError::Name),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for HeloName {
    /// `smtp-doctor.invalid`: a syntactically valid name that says what
    /// it is (RFC 2606 reserves `.invalid`).
    fn default() -> Self {
        Self("smtp-doctor.invalid".to_owned())
    }
}

impl fmt::Display for HeloName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The login name given to AUTH. It is base64-encoded on the wire, but
/// SASL frames it with NUL (PLAIN) and `\x01` (XOAUTH2), so those and
/// every other control character are refused too; at most 255 bytes
/// (RFC 4616 §2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuthIdentity(String);

impl AuthIdentity {
    pub fn parse(text: &str) -> Result<Self, WireError> {
        check_line(text)?;
        let text = text.trim();
        if text.is_empty() {
            return Err(WireError::Empty);
        }
        if text.len() > 255 {
            return Err(WireError::TooLong);
        }
        Ok(Self(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for AuthIdentity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_refuse_every_line_break_spelling() {
        for bad in [
            "victim@victim.test>\r\nDATA\r\n",
            "a@b.c\n",
            "a@b.c\r",
            "\"a\r\nRCPT TO:<x@y.z>\"@b.c",
            "\"x\ny\"@b.c",
            "\"Evil\r\nDATA\" <a@b.c>",
            "a\0@b.c",
            "a@b.c\u{2028}",
            "a@b.c\u{85}",
        ] {
            assert!(SmtpAddress::parse(bad).is_err(), "{bad:?}");
        }
        let ok = SmtpAddress::parse("Support <me@example.com>").unwrap();
        assert_eq!(ok.as_str(), "me@example.com");
        assert_eq!(ok.domain_lower(), "example.com");
        assert!(SmtpAddress::parse("\"john doe\"@example.com").is_ok());
        assert!(SmtpAddress::parse("jörg@bücher.de").is_ok());
    }

    #[test]
    fn helo_names_are_names_or_literals() {
        assert_eq!(
            HeloName::parse("probe.example.com").unwrap().as_str(),
            "probe.example.com"
        );
        assert!(HeloName::parse("[192.0.2.1]").is_ok());
        assert!(HeloName::parse("[IPv6:2001:db8::1]").is_ok());
        for bad in [
            "",
            "a b",
            "x\r\nMAIL FROM:<a@b.c>",
            "[nope]",
            "bad_name!",
            "1.2.3.4",
        ] {
            assert!(HeloName::parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(HeloName::default().as_str(), "smtp-doctor.invalid");
    }

    #[test]
    fn auth_identities_refuse_sasl_separators() {
        assert!(AuthIdentity::parse("me@example.com").is_ok());
        for bad in [
            "",
            "a\0b",
            "a\u{1}auth=Bearer x",
            "a\r\nb",
            &"x".repeat(256),
        ] {
            assert!(AuthIdentity::parse(bad).is_err(), "{bad:?}");
        }
    }
}
