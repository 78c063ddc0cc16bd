//! DKIM key records (RFC 6376 §3.6.1): is a key published at a selector,
//! and how strong is it?
//!
//! Selectors cannot be listed from DNS, so the domain check looks up the
//! ones a known provider signs with (`selector1._domainkey` for Microsoft
//! 365, `google._domainkey` for Google Workspace, …) and reads the key's
//! type and length: 1024-bit RSA still verifies but is weak, 2048 is what
//! providers issue now. The record comes from a domain anyone controls, so
//! reading it never trusts a length it did not count.

/// The DNS name of a selector's key: `selector._domainkey.domain`.
pub fn key_name(selector: &str, domain: &str) -> String {
    format!("{selector}._domainkey.{}", domain.trim_end_matches('.'))
}

/// The key's algorithm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyType {
    Rsa,
    Ed25519,
}

/// What a key record says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Key {
    /// A usable key of this type and length in bits.
    Published { kind: KeyType, bits: u32 },
    /// `p=` empty: the key was revoked (RFC 6376 §3.6.1).
    Revoked,
    /// A DKIM record whose key cannot be read.
    Unreadable,
}

/// Reads a DKIM key record (`v=DKIM1; k=rsa; p=…`); `None` when the text
/// is not one (no `p=` tag, or another `v=`).
pub fn parse(text: &str) -> Option<Key> {
    let mut kind = KeyType::Rsa;
    let mut key = None;
    for (i, tag) in text.split(';').enumerate() {
        let Some((name, value)) = tag.split_once('=') else {
            continue;
        };
        let value: String = value.chars().filter(|c| !c.is_ascii_whitespace()).collect();
        match name.trim() {
            "v" if i > 0 || value != "DKIM1" => return None,
            "k" => {
                kind = match value.as_str() {
                    "rsa" => KeyType::Rsa,
                    "ed25519" => KeyType::Ed25519,
                    _ => return Some(Key::Unreadable),
                }
            }
            "p" => key = Some(value),
            _ => {}
        }
    }
    let key = key?;
    if key.is_empty() {
        return Some(Key::Revoked);
    }
    let Some(der) = base64(&key) else {
        return Some(Key::Unreadable);
    };
    let bits = match kind {
        KeyType::Ed25519 => (der.len() == 32).then_some(256),
        KeyType::Rsa => rsa_modulus_bits(&der),
    };
    Some(bits.map_or(Key::Unreadable, |bits| Key::Published { kind, bits }))
}

/// Standard base64 with padding optional; `None` on anything else.
fn base64(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut n) = (0u32, 0u32);
    for b in text.bytes() {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push(u8::try_from((acc >> n) & 0xff).ok()?);
        }
    }
    Some(out)
}

/// One DER element: its tag, and its contents with what follows.
fn element(der: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = der.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let count = usize::from(first & 0x7f);
        if count == 0 || count > 4 || rest.len() < count {
            return None;
        }
        let len = rest[..count]
            .iter()
            .fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
        (len, &rest[count..])
    };
    if rest.len() < len {
        return None;
    }
    Some((tag, &rest[..len], &rest[len..]))
}

/// The bit length of the modulus of an RSA key, as a SubjectPublicKeyInfo
/// (what DKIM publishes) or a bare RSAPublicKey.
fn rsa_modulus_bits(der: &[u8]) -> Option<u32> {
    const SEQUENCE: u8 = 0x30;
    const INTEGER: u8 = 0x02;
    const BIT_STRING: u8 = 0x03;
    let (tag, body, _) = element(der)?;
    if tag != SEQUENCE {
        return None;
    }
    let (first_tag, first, rest) = element(body)?;
    let rsa_key = match first_tag {
        // SubjectPublicKeyInfo: algorithm, then the key as a BIT STRING.
        SEQUENCE => {
            let _ = first;
            let (tag, bits, _) = element(rest)?;
            if tag != BIT_STRING || bits.first() != Some(&0) {
                return None;
            }
            let (tag, key, _) = element(&bits[1..])?;
            (tag == SEQUENCE).then_some(key)?
        }
        // RSAPublicKey itself.
        INTEGER => body,
        _ => return None,
    };
    let (tag, modulus, _) = element(rsa_key)?;
    if tag != INTEGER {
        return None;
    }
    let modulus: Vec<u8> = modulus.iter().copied().skip_while(|b| *b == 0).collect();
    let (&top, _) = modulus.split_first()?;
    let bytes = u32::try_from(modulus.len()).ok()?;
    Some((bytes - 1) * 8 + (8 - top.leading_zeros()))
}
