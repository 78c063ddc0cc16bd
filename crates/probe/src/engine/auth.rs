//! SASL for SMTP AUTH (RFC 4954): PLAIN, LOGIN, CRAM-MD5 and XOAUTH2.
//! Encoded credentials live in `Zeroizing` buffers and never reach the
//! transcript (the session logs `<redacted>` in their place).

use std::fmt::Write as _;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use hmac::{Hmac, Mac};
use md5::Md5;
use smtp_doctor_core::AuthMechanism;
use zeroize::Zeroizing;

/// A mechanism we can speak.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mechanism {
    Plain,
    Login,
    CramMd5,
    Xoauth2,
}

impl Mechanism {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Plain => "PLAIN",
            Self::Login => "LOGIN",
            Self::CramMd5 => "CRAM-MD5",
            Self::Xoauth2 => "XOAUTH2",
        }
    }
}

/// Picks the mechanism: the one asked for if offered; for `auto`, PLAIN
/// over TLS, and CRAM-MD5 first without TLS (it does not reveal the
/// password), then LOGIN.
pub(crate) fn choose(
    offered: &[String],
    wanted: AuthMechanism,
    encrypted: bool,
) -> Option<Mechanism> {
    let has = |m: Mechanism| offered.iter().any(|o| o.eq_ignore_ascii_case(m.name()));
    let pick = |m: Mechanism| has(m).then_some(m);
    match wanted {
        AuthMechanism::Plain => pick(Mechanism::Plain),
        AuthMechanism::Login => pick(Mechanism::Login),
        AuthMechanism::CramMd5 => pick(Mechanism::CramMd5),
        AuthMechanism::Xoauth2 => pick(Mechanism::Xoauth2),
        AuthMechanism::Auto | AuthMechanism::None => {
            let order: &[Mechanism] = if encrypted {
                &[Mechanism::Plain, Mechanism::Login, Mechanism::CramMd5]
            } else {
                &[Mechanism::CramMd5, Mechanism::Plain, Mechanism::Login]
            };
            order.iter().copied().find(|m| has(*m))
        }
    }
}

pub(crate) fn b64(bytes: &[u8]) -> Zeroizing<String> {
    Zeroizing::new(B64.encode(bytes))
}

/// `\0user\0password`, base64.
pub(crate) fn plain(user: &str, password: &str) -> Zeroizing<String> {
    let mut raw = Zeroizing::new(Vec::with_capacity(user.len() + password.len() + 2));
    raw.push(0);
    raw.extend_from_slice(user.as_bytes());
    raw.push(0);
    raw.extend_from_slice(password.as_bytes());
    b64(&raw)
}

/// XOAUTH2 initial response.
pub(crate) fn xoauth2(user: &str, token: &str) -> Zeroizing<String> {
    let raw = Zeroizing::new(format!("user={user}\x01auth=Bearer {token}\x01\x01"));
    b64(raw.as_bytes())
}

/// The CRAM-MD5 answer to a base64 challenge.
pub(crate) fn cram_md5(
    user: &str,
    password: &str,
    challenge_b64: &str,
) -> Option<Zeroizing<String>> {
    let challenge = B64.decode(challenge_b64.trim()).ok()?;
    let mut mac = Hmac::<Md5>::new_from_slice(password.as_bytes()).ok()?;
    mac.update(&challenge);
    let digest = mac.finalize().into_bytes();
    let hex = digest.iter().fold(String::with_capacity(32), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    });
    let answer = Zeroizing::new(format!("{user} {hex}"));
    Some(b64(answer.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        assert_eq!(plain("user", "pass").as_str(), "AHVzZXIAcGFzcw==");
        // RFC 2195's example.
        let challenge = B64.encode("<1896.697170952@postoffice.reston.mci.net>");
        let answer = cram_md5("tim", "tanstaaftanstaaf", &challenge).unwrap();
        assert_eq!(
            B64.decode(answer.as_str()).unwrap(),
            b"tim b913a602c7eda7a495b4e6e7334d3890"
        );
        assert_eq!(
            B64.decode(xoauth2("me@example.com", "tok").as_str())
                .unwrap(),
            b"user=me@example.com\x01auth=Bearer tok\x01\x01"
        );
    }

    #[test]
    fn choosing() {
        let offered: Vec<String> = ["LOGIN", "PLAIN", "CRAM-MD5"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        assert_eq!(
            choose(&offered, AuthMechanism::Auto, true),
            Some(Mechanism::Plain)
        );
        assert_eq!(
            choose(&offered, AuthMechanism::Auto, false),
            Some(Mechanism::CramMd5)
        );
        assert_eq!(
            choose(&offered, AuthMechanism::Login, true),
            Some(Mechanism::Login)
        );
        assert_eq!(choose(&offered, AuthMechanism::Xoauth2, true), None);
        assert_eq!(choose(&[], AuthMechanism::Auto, true), None);
    }
}
