//! RFC 5322 mailboxes: `a@b.c` or `Display Name <a@b.c>`.
//!
//! Our own small parser, on purpose: the crates that fit (mailparse,
//! mail-parser) read whole messages leniently, pull charset tables into the
//! browser package and cannot say *what* is wrong. This one accepts what
//! SMTP submission accepts — dot-atom or quoted local parts, UTF-8 local
//! parts and names (RFC 6532 / SMTPUTF8), quoted display names with commas,
//! IDN and IP-literal domains — and names the first problem it meets.

use std::fmt;

use crate::hostname::{HostError, parse_host};

/// A parsed sender.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mailbox {
    pub display_name: Option<String>,
    pub local: String,
    /// The domain as written (not IDNA-mapped).
    pub domain: String,
}

impl Mailbox {
    /// `local@domain`.
    pub fn address(&self) -> String {
        format!("{}@{}", self.local, self.domain)
    }

    /// The domain, lowercase, for comparisons.
    pub fn domain_lower(&self) -> String {
        self.domain.to_lowercase()
    }
}

/// What is wrong with an address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MailboxError {
    Empty,
    NoAt,
    EmptyLocal,
    EmptyDomain,
    LocalTooLong,
    BadLocal(char),
    DotPlacement,
    BadDomain(HostError),
    DomainWithoutDot,
    UnclosedAngle,
    TrailingText(String),
    UnquotedComma,
    UnclosedQuote,
    SeveralAddresses,
    /// A control character (a line break, NUL, …) in the display name.
    ControlInName(char),
}

impl MailboxError {
    /// The catalog's name for this reason (`$reason` of `from.invalid`)
    /// and its detail (`$detail`: the character or text).
    pub fn reason(&self) -> (&'static str, String) {
        match self {
            Self::Empty => ("empty", String::new()),
            Self::NoAt => ("no-at", String::new()),
            Self::EmptyLocal => ("empty-local", String::new()),
            Self::EmptyDomain => ("empty-domain", String::new()),
            Self::LocalTooLong => ("local-too-long", String::new()),
            Self::BadLocal(c) => ("bad-local", c.escape_default().to_string()),
            Self::DotPlacement => ("dots", String::new()),
            Self::BadDomain(_) => ("bad-domain", String::new()),
            Self::DomainWithoutDot => ("domain-without-dot", String::new()),
            Self::UnclosedAngle => ("unclosed-angle", String::new()),
            Self::TrailingText(t) => ("trailing-text", t.clone()),
            Self::UnquotedComma => ("unquoted-comma", String::new()),
            Self::UnclosedQuote => ("unclosed-quote", String::new()),
            Self::SeveralAddresses => ("several", String::new()),
            Self::ControlInName(c) => ("control", c.escape_default().to_string()),
        }
    }
}

impl fmt::Display for MailboxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("it is empty"),
            Self::NoAt => f.write_str("it has no @"),
            Self::EmptyLocal => f.write_str("nothing comes before the @"),
            Self::EmptyDomain => f.write_str("nothing comes after the @"),
            Self::LocalTooLong => f.write_str("the part before the @ is longer than 64 bytes"),
            Self::BadLocal(c) => write!(
                f,
                "`{}` is not allowed before the @ unless quoted",
                c.escape_default()
            ),
            Self::DotPlacement => f.write_str(
                "the part before the @ starts or ends with a dot, or has two dots in a row",
            ),
            Self::BadDomain(e) => write!(f, "the domain is not valid: {e}"),
            Self::DomainWithoutDot => f.write_str("the domain has no dot"),
            Self::UnclosedAngle => f.write_str("the < has no matching >"),
            Self::TrailingText(t) => write!(f, "`{t}` follows the address"),
            Self::UnquotedComma => {
                f.write_str("the name contains a comma, which must be inside double quotes")
            }
            Self::UnclosedQuote => f.write_str("a double quote is not closed"),
            Self::SeveralAddresses => f.write_str("it holds more than one address"),
            Self::ControlInName(c) => write!(
                f,
                "the name contains the control character `{}`",
                c.escape_default()
            ),
        }
    }
}

/// Parses one mailbox.
pub fn parse_mailbox(text: &str) -> Result<Mailbox, MailboxError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(MailboxError::Empty);
    }
    let Some(open) = find_unquoted(text, '<')? else {
        if text.contains(',') && text.matches('@').count() > 1 {
            return Err(MailboxError::SeveralAddresses);
        }
        let (local, domain) = parse_addr_spec(text)?;
        return Ok(Mailbox {
            display_name: None,
            local,
            domain,
        });
    };
    let name = text[..open].trim();
    let rest = &text[open + 1..];
    let close = rest.find('>').ok_or(MailboxError::UnclosedAngle)?;
    let trailing = rest[close + 1..].trim();
    if !trailing.is_empty() {
        return Err(if trailing.starts_with(',') {
            MailboxError::SeveralAddresses
        } else {
            MailboxError::TrailingText(trailing.to_owned())
        });
    }
    let display_name = parse_display_name(name)?;
    let (local, domain) = parse_addr_spec(rest[..close].trim())?;
    Ok(Mailbox {
        display_name,
        local,
        domain,
    })
}

/// The byte index of `needle` outside double quotes.
fn find_unquoted(text: &str, needle: char) -> Result<Option<usize>, MailboxError> {
    let mut quoted = false;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            c if c == needle && !quoted => return Ok(Some(i)),
            _ => {}
        }
    }
    if quoted {
        Err(MailboxError::UnclosedQuote)
    } else {
        Ok(None)
    }
}

fn parse_display_name(name: &str) -> Result<Option<String>, MailboxError> {
    if name.is_empty() {
        return Ok(None);
    }
    if let Some(c) = name.chars().find(|c| c.is_control()) {
        return Err(MailboxError::ControlInName(c));
    }
    if let Some(inner) = name.strip_prefix('"') {
        let inner = inner.strip_suffix('"').ok_or(MailboxError::UnclosedQuote)?;
        return Ok(Some(unescape(inner)));
    }
    if name.contains(',') {
        return Err(MailboxError::UnquotedComma);
    }
    if name.contains('"') {
        return Err(MailboxError::UnclosedQuote);
    }
    Ok(Some(name.to_owned()))
}

fn unescape(quoted: &str) -> String {
    let mut out = String::with_capacity(quoted.len());
    let mut chars = quoted.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(next) = chars.next() {
                out.push(next);
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn parse_addr_spec(text: &str) -> Result<(String, String), MailboxError> {
    let at = text.rfind('@').ok_or(MailboxError::NoAt)?;
    let (local, domain) = (&text[..at], &text[at + 1..]);
    if local.is_empty() {
        return Err(MailboxError::EmptyLocal);
    }
    if domain.is_empty() {
        return Err(MailboxError::EmptyDomain);
    }
    check_local(local)?;
    check_domain(domain)?;
    Ok((local.to_owned(), domain.to_owned()))
}

fn check_local(local: &str) -> Result<(), MailboxError> {
    if local.len() > 64 {
        return Err(MailboxError::LocalTooLong);
    }
    if let Some(inner) = local.strip_prefix('"') {
        return match inner.strip_suffix('"') {
            // qtext and quoted-pair (RFC 5322 §3.2.4) never hold controls.
            Some(body) if !body.is_empty() => match body.chars().find(|c| c.is_control()) {
                Some(c) => Err(MailboxError::BadLocal(c)),
                None => Ok(()),
            },
            _ => Err(MailboxError::UnclosedQuote),
        };
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(MailboxError::DotPlacement);
    }
    // atext (RFC 5322 §3.2.3) plus any non-ASCII (RFC 6532).
    match local.chars().find(|c| {
        !(c.is_ascii_alphanumeric() || !c.is_ascii() || "!#$%&'*+-/=?^_`{|}~.".contains(*c))
    }) {
        Some(c) => Err(MailboxError::BadLocal(c)),
        None => Ok(()),
    }
}

fn check_domain(domain: &str) -> Result<(), MailboxError> {
    if let Some(literal) = domain.strip_prefix('[') {
        let inner = literal
            .strip_suffix(']')
            .ok_or(MailboxError::BadDomain(HostError::BadIpv6))?;
        let inner = inner.strip_prefix("IPv6:").unwrap_or(inner);
        return inner
            .parse::<std::net::IpAddr>()
            .map(|_| ())
            .map_err(|_| MailboxError::BadDomain(HostError::BadIpv6));
    }
    if domain.contains(':') {
        return Err(MailboxError::BadDomain(HostError::BadCharacter(':')));
    }
    parse_host(domain).map_err(MailboxError::BadDomain)?;
    if !domain.trim_end_matches('.').contains('.') {
        return Err(MailboxError::DomainWithoutDot);
    }
    Ok(())
}

/// `true` if the text looks like an email address (`x@y`), for "is this an
/// email typed into the host field?".
pub fn looks_like_address(text: &str) -> bool {
    text.split_once('@')
        .is_some_and(|(l, d)| !l.is_empty() && !d.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts() {
        let cases: &[(&str, Option<&str>, &str, &str)] = &[
            ("me@example.com", None, "me", "example.com"),
            ("  me@example.com ", None, "me", "example.com"),
            (
                "Support <me@example.com>",
                Some("Support"),
                "me",
                "example.com",
            ),
            (
                "\"Doe, John\" <john@example.com>",
                Some("Doe, John"),
                "john",
                "example.com",
            ),
            (
                "\"Say \\\"hi\\\"\" <a@b.co>",
                Some("Say \"hi\""),
                "a",
                "b.co",
            ),
            ("<me@example.com>", None, "me", "example.com"),
            (
                "Jörg Müller <jörg@bücher.de>",
                Some("Jörg Müller"),
                "jörg",
                "bücher.de",
            ),
            ("用户@例子.广告", None, "用户", "例子.广告"),
            (
                "first.last+tag@sub.example.co.uk",
                None,
                "first.last+tag",
                "sub.example.co.uk",
            ),
            (
                "\"john doe\"@example.com",
                None,
                "\"john doe\"",
                "example.com",
            ),
            ("postmaster@[192.0.2.1]", None, "postmaster", "[192.0.2.1]"),
        ];
        for (input, name, local, domain) in cases {
            let m = parse_mailbox(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(m.display_name.as_deref(), *name, "{input}");
            assert_eq!(
                (m.local.as_str(), m.domain.as_str()),
                (*local, *domain),
                "{input}"
            );
        }
    }

    #[test]
    fn rejects() {
        let cases: &[(&str, MailboxError)] = &[
            ("", MailboxError::Empty),
            ("me", MailboxError::NoAt),
            ("@example.com", MailboxError::EmptyLocal),
            ("me@", MailboxError::EmptyDomain),
            ("me@localhost", MailboxError::DomainWithoutDot),
            (".me@example.com", MailboxError::DotPlacement),
            ("a..b@example.com", MailboxError::DotPlacement),
            ("a b@example.com", MailboxError::BadLocal(' ')),
            ("Support <me@example.com", MailboxError::UnclosedAngle),
            ("Doe, John <john@example.com>", MailboxError::UnquotedComma),
            ("a@x.com, b@y.com", MailboxError::SeveralAddresses),
            ("A <a@x.com>, B <b@y.com>", MailboxError::SeveralAddresses),
            ("<a@x.com> junk", MailboxError::TrailingText("junk".into())),
            ("\"Unclosed <a@x.com>", MailboxError::UnclosedQuote),
            ("\"a\r\nDATA\"@x.com", MailboxError::BadLocal('\r')),
            ("\"A\nB\" <a@x.com>", MailboxError::ControlInName('\n')),
            (
                "me@exa_mple.com",
                MailboxError::BadDomain(HostError::Underscore("exa_mple".into())),
            ),
        ];
        for (input, want) in cases {
            assert_eq!(parse_mailbox(input).as_ref(), Err(want), "{input}");
        }
        assert_eq!(
            parse_mailbox(&format!("{}@x.com", "a".repeat(65))),
            Err(MailboxError::LocalTooLong)
        );
    }
}
