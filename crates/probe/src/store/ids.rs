//! A share link's id and its delete token: random, unguessable, shown to
//! their creator once and stored only as hashes.
//!
//! An id is 128 random bits, a delete token 256, each from the system's
//! CSPRNG, written as unpadded base64url. The store keeps SHA-256 of each
//! (hex), so neither a database copy nor its backups open or delete a
//! report. An id is read back only in exactly its own shape: anything
//! else is "no such report", the same answer as an expired one.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::rand::{SecureRandom as _, SystemRandom};
use sha2::{Digest as _, Sha256};
use zeroize::Zeroizing;

/// The system had no random numbers for an id.
#[derive(Debug, thiserror::Error)]
#[error("no random numbers for a share link")]
pub struct NoRandom;

fn random<const N: usize>() -> Result<String, NoRandom> {
    let mut bytes = Zeroizing::new([0u8; N]);
    SystemRandom::new()
        .fill(bytes.as_mut())
        .map_err(|_| NoRandom)?;
    Ok(URL_SAFE_NO_PAD.encode(bytes.as_ref()))
}

/// `text` if it is exactly `N` bytes in unpadded base64url.
fn parse<const N: usize>(text: &str) -> Option<String> {
    let chars = (N * 4).div_ceil(3);
    let alphabet = |c: u8| c.is_ascii_alphanumeric() || c == b'-' || c == b'_';
    (text.len() == chars && text.bytes().all(alphabet))
        .then(|| URL_SAFE_NO_PAD.decode(text).ok())
        .flatten()
        .filter(|b| b.len() == N)
        .map(|_| text.to_owned())
}

fn sha256_hex(text: &str) -> String {
    crate::attestation::hex(&Sha256::digest(text.as_bytes()))
}

/// A share link's id (`/r/{id}`).
#[derive(Clone, PartialEq, Eq)]
pub struct ReportId(String);

impl ReportId {
    pub fn new() -> Result<Self, NoRandom> {
        random::<16>().map(Self)
    }

    /// The id in a link, if `text` is one.
    pub fn parse(text: &str) -> Option<Self> {
        parse::<16>(text).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What the store keys the report by.
    pub(crate) fn hash(&self) -> String {
        sha256_hex(&self.0)
    }
}

impl std::fmt::Debug for ReportId {
    /// A link opens its report: logs get only its start.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ReportId({}…)", &self.0[..4.min(self.0.len())])
    }
}

/// What deletes a report: given to its creator once.
#[derive(Clone)]
pub struct DeleteToken(Zeroizing<String>);

impl DeleteToken {
    pub fn new() -> Result<Self, NoRandom> {
        random::<32>().map(|t| Self(Zeroizing::new(t)))
    }

    /// The token a caller sent, if `text` is one.
    pub fn parse(text: &str) -> Option<Self> {
        parse::<32>(text).map(|t| Self(Zeroizing::new(t)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub(crate) fn hash(&self) -> String {
        sha256_hex(&self.0)
    }
}

impl std::fmt::Debug for DeleteToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DeleteToken(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_128_random_bits_and_read_back_only_in_their_shape() {
        let a = ReportId::new().unwrap();
        assert_eq!(a.as_str().len(), 22);
        assert_ne!(a, ReportId::new().unwrap());
        assert_eq!(ReportId::parse(a.as_str()), Some(a.clone()));
        for bad in [
            "",
            "short",
            "../../etc/passwd",
            "AAAAAAAAAAAAAAAAAAAAAA=",
            "AAAAAAAAAAAAAAAAAAAA%2",
            "AAAAAAAAAAAAAAAAAAAAA\u{e9}",
        ] {
            assert!(ReportId::parse(bad).is_none(), "{bad}");
        }
        // 22 characters whose last carries bits beyond 128: not an id.
        assert!(ReportId::parse("AAAAAAAAAAAAAAAAAAAAA_").is_none());
        let t = DeleteToken::new().unwrap();
        assert_eq!(t.as_str().len(), 43);
        assert!(DeleteToken::parse(t.as_str()).is_some());
        assert!(DeleteToken::parse(a.as_str()).is_none());
        assert!(!format!("{t:?}").contains(t.as_str()));
        assert_eq!(a.hash().len(), 64);
    }
}
