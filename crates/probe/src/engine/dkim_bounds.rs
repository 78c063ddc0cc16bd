//! How much DKIM work a received message may ask for, decided before
//! `mail-auth` sees it (SPEC §7.7). Whoever delivers to our inbox writes
//! the headers: unbounded, 1,500 signatures meant 1,508 DNS questions for
//! names a stranger chose, and one signature listing 33,000 header names
//! cost seconds of CPU inside one poll, which no timeout interrupts. So the
//! message is cut to size first: at most [`MAX_SIGNATURES`] signatures are
//! verified (the topmost, the newest hops'); a signature longer than
//! [`MAX_SIGNATURE_BYTES`] or signing more than [`MAX_SIGNED_FIELDS`]
//! header fields is set aside unverified, named in the report with why; a
//! message with more than [`MAX_HEADER_FIELDS`] header fields has none of
//! its signatures verified. Real signatures sign 10 to 30 fields in well
//! under 2 KB; real messages have dozens of header fields.
//!
//! This reads only the header block's field boundaries and the `d=`,
//! `s=` and `h=` tags; everything else stays `mail-auth`'s.

/// Signatures verified, at most.
pub const MAX_SIGNATURES: usize = 8;
/// Header fields one signature may sign (its `h=` names).
pub const MAX_SIGNED_FIELDS: usize = 64;
/// Bytes of one `DKIM-Signature` field.
pub const MAX_SIGNATURE_BYTES: usize = 8 * 1024;
/// Header fields of a message whose signatures are verified.
pub const MAX_HEADER_FIELDS: usize = 1000;

/// A signature that is not verified, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// Its `d=` (empty when unreadable).
    pub domain: String,
    /// Its `s=` (empty when unreadable).
    pub selector: String,
    pub why: String,
}

/// The message as `mail-auth` may see it.
#[derive(Debug)]
pub struct Bounded {
    /// The header fields within bounds, then the body, byte for byte.
    pub message: Vec<u8>,
    /// The signatures left in `message` (`d=`, `s=`), top first.
    pub kept: Vec<(String, String)>,
    /// Signatures taken out unverified (at most [`MAX_SIGNATURES`]);
    /// those past the first [`MAX_SIGNATURES`] are dropped unnamed.
    pub set_aside: Vec<SetAside>,
}

/// Cuts `message` to the DKIM work it may ask for.
pub fn bound(message: &[u8]) -> Bounded {
    let (fields, body) = split(message);
    // Counted as `mail-auth` would see them: signatures past the first
    // eight are dropped anyway.
    let signatures = fields.iter().filter(|f| is_signature(f)).count();
    let too_many_fields =
        fields.len() - signatures + signatures.min(MAX_SIGNATURES) > MAX_HEADER_FIELDS;
    let mut out = Bounded {
        message: Vec::with_capacity(message.len()),
        kept: Vec::new(),
        set_aside: Vec::new(),
    };
    let mut seen = 0;
    for field in fields {
        if !is_signature(field) {
            out.message.extend_from_slice(field);
            continue;
        }
        seen += 1;
        if seen > MAX_SIGNATURES {
            continue;
        }
        let tags = Tags::read(field);
        let why = if too_many_fields {
            Some(format!(
                "not verified: the message has more than {MAX_HEADER_FIELDS} header fields"
            ))
        } else if field.len() > MAX_SIGNATURE_BYTES {
            Some(format!(
                "not verified: the signature is {} bytes long (at most {MAX_SIGNATURE_BYTES} are read)",
                field.len()
            ))
        } else if tags.signed_fields > MAX_SIGNED_FIELDS {
            Some(format!(
                "not verified: it signs {} header fields (at most {MAX_SIGNED_FIELDS} are read)",
                tags.signed_fields
            ))
        } else {
            None
        };
        if let Some(why) = why {
            out.set_aside.push(SetAside {
                domain: tags.domain,
                selector: tags.selector,
                why,
            });
        } else {
            out.message.extend_from_slice(field);
            out.kept.push((tags.domain, tags.selector));
        }
    }
    out.message.extend_from_slice(body);
    out
}

/// The header fields (each with its line ends and continuation lines) and
/// what follows them (the empty line and the body).
fn split(message: &[u8]) -> (Vec<&[u8]>, &[u8]) {
    let mut fields = Vec::new();
    let mut start = 0;
    let mut at = 0;
    while at < message.len() {
        let line_end = message[at..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(message.len(), |i| at + i + 1);
        let line = &message[at..line_end];
        let blank = line == b"\r\n" || line == b"\n";
        let continues = at > start && matches!(line.first(), Some(b' ' | b'\t'));
        if !continues && at > start {
            fields.push(&message[start..at]);
            start = at;
        }
        if blank {
            return (fields, &message[at..]);
        }
        at = line_end;
    }
    if at > start {
        fields.push(&message[start..at]);
    }
    (fields, &message[message.len()..])
}

fn is_signature(field: &[u8]) -> bool {
    let name = field.split(|&b| b == b':').next().unwrap_or_default();
    name.trim_ascii().eq_ignore_ascii_case(b"DKIM-Signature") && name.len() < field.len()
}

/// The tags this module reads from a `DKIM-Signature` field.
struct Tags {
    domain: String,
    selector: String,
    signed_fields: usize,
}

impl Tags {
    fn read(field: &[u8]) -> Self {
        let value = field
            .iter()
            .position(|&b| b == b':')
            .map_or(&[][..], |i| &field[i + 1..]);
        let mut tags = Self {
            domain: String::new(),
            selector: String::new(),
            signed_fields: 0,
        };
        for tag in value.split(|&b| b == b';') {
            let Some(eq) = tag.iter().position(|&b| b == b'=') else {
                continue;
            };
            let (name, value) = (tag[..eq].trim_ascii(), &tag[eq + 1..]);
            match name {
                b"d" => tags.domain = dns_label_text(value, 253),
                b"s" => tags.selector = dns_label_text(value, 63),
                b"h" => tags.signed_fields = value.split(|&b| b == b':').count(),
                _ => {}
            }
        }
        tags
    }
}

/// `value` without folding whitespace if it reads as a DNS name of at most
/// `max` bytes; empty otherwise (it goes into a report a page shows).
fn dns_label_text(value: &[u8], max: usize) -> String {
    let name: Vec<u8> = value
        .iter()
        .copied()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    let fits = !name.is_empty()
        && name.len() <= max
        && name
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_'));
    if fits {
        String::from_utf8(name).unwrap_or_default()
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signature(d: &str, names: usize) -> String {
        let h = vec!["from"; names].join(":");
        format!("DKIM-Signature: v=1; a=rsa-sha256; d={d}; s=s1;\r\n\th={h}; bh=x; b=y\r\n")
    }

    #[test]
    fn a_message_within_bounds_is_kept_byte_for_byte() {
        let message = format!(
            "{}From: a@example.com\r\nSubject: hi\r\n\r\nbody\r\n",
            signature("example.com", 3)
        );
        let b = bound(message.as_bytes());
        assert_eq!(b.message, message.as_bytes());
        assert_eq!(b.kept, [("example.com".to_owned(), "s1".to_owned())]);
        assert!(b.set_aside.is_empty());
    }

    #[test]
    fn past_eight_signatures_the_rest_are_dropped() {
        let mut message = String::new();
        for i in 0..1500 {
            message += &signature(&format!("d{i}.example"), 3);
        }
        message += "From: a@example.com\r\n\r\nbody\r\n";
        let b = bound(message.as_bytes());
        assert_eq!(b.kept.len(), MAX_SIGNATURES);
        assert_eq!(b.kept[0].0, "d0.example");
        let text = String::from_utf8(b.message).unwrap();
        assert_eq!(text.matches("DKIM-Signature").count(), MAX_SIGNATURES);
        assert!(text.ends_with("From: a@example.com\r\n\r\nbody\r\n"));
    }

    #[test]
    fn a_signature_signing_33000_fields_is_set_aside_and_named() {
        let message = format!(
            "{}From: a@example.com\r\n\r\nbody\r\n",
            signature("example.com", 33_000)
        );
        let b = bound(message.as_bytes());
        assert!(b.kept.is_empty());
        let [aside] = b.set_aside.as_slice() else {
            panic!("{:?}", b.set_aside)
        };
        assert_eq!(
            (aside.domain.as_str(), aside.selector.as_str()),
            ("example.com", "s1")
        );
        assert!(aside.why.contains("bytes long"), "{}", aside.why);
        let short = format!("{}\r\n", signature("example.com", 65));
        assert!(
            bound(short.as_bytes()).set_aside[0]
                .why
                .contains("65 header fields")
        );
    }

    #[test]
    fn too_many_header_fields_verify_no_signature() {
        let mut message = signature("example.com", 3);
        message += &"X-A: b\r\n".repeat(MAX_HEADER_FIELDS);
        let b = bound(message.as_bytes());
        assert!(b.kept.is_empty());
        assert!(b.set_aside[0].why.contains("header fields"));
    }

    #[test]
    fn names_that_are_not_dns_names_are_not_repeated() {
        let message = "DKIM-Signature: d=<script>; s=a b; h=from\r\n\r\n";
        let b = bound(message.as_bytes());
        assert_eq!(b.kept, [(String::new(), "ab".to_owned())]);
    }

    #[test]
    fn no_header_block_end_and_bare_lf_are_read_too() {
        let b = bound(b"Subject: x\n\tmore\nDKIM-Signature: d=a.example; s=s\n");
        assert_eq!(b.kept.len(), 1);
        assert_eq!(
            b.message,
            b"Subject: x\n\tmore\nDKIM-Signature: d=a.example; s=s\n"
        );
        assert!(bound(b"").message.is_empty());
    }
}
