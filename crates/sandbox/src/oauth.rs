//! The sandbox's sign-in: a stand-in for Microsoft's or Google's
//! authorization server, so the offline demo shows "Sign in" → an access
//! token → an OAuth2 login over SMTP, and what a refused token looks like.
//!
//! Tokens are JWTs (so the page's checks can read their audience, scope,
//! user and expiry, as they read Microsoft's), signed HS256 with a key made
//! at start and never shown. The sandbox's STARTTLS and TLS ports take
//! them as XOAUTH2 and OAUTHBEARER, and answer a bad one the way Google
//! does: a `334` with a JSON error, then `535` after the client's empty
//! reply. Real deployments use `smtp-doctor/oauth` (openid-client) against
//! the real providers; nothing here is a general OAuth server.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use ring::hmac;

/// The audience of the sandbox's tokens (what its SMTP server accepts).
pub const AUDIENCE: &str = "smtp://smtp.sandbox.test";
/// The one scope they carry, named like Microsoft's.
pub const SCOPE: &str = "SMTP.Send";
/// Who issues them.
pub const ISSUER: &str = "https://login.sandbox.test";
/// A token longer than this is not read (a real one is under 4 KB).
const MAX_TOKEN: usize = 8 * 1024;

/// Signs and checks the sandbox's access tokens.
pub struct Issuer {
    key: hmac::Key,
}

impl std::fmt::Debug for Issuer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Issuer { key: <secret> }")
    }
}

/// Why a token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Not one of ours: not a JWT, or another signature.
    Invalid,
    /// Ours, but its time is up.
    Expired,
    /// Ours, for another user than the one logging in.
    OtherUser,
}

impl Refusal {
    /// The JSON a `334` carries, as Google's servers word it.
    pub fn challenge(self) -> String {
        let status = match self {
            Self::Invalid | Self::OtherUser => "400",
            Self::Expired => "401",
        };
        let json = format!(r#"{{"status":"{status}","schemes":"Bearer","scope":"{SCOPE}"}}"#);
        STANDARD.encode(json)
    }
}

fn seconds(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

impl Issuer {
    /// A new key from the system's random source.
    pub fn new() -> Result<Self, ring::error::Unspecified> {
        let rng = ring::rand::SystemRandom::new();
        Ok(Self {
            key: hmac::Key::generate(hmac::HMAC_SHA256, &rng)?,
        })
    }

    /// An access token for `user`, valid for `ttl` from `now`.
    pub fn issue(&self, user: &str, ttl: Duration, now: SystemTime) -> String {
        let iat = seconds(now);
        let claims = serde_json::json!({
            "iss": ISSUER,
            "aud": AUDIENCE,
            "scp": SCOPE,
            "sub": user,
            "upn": user,
            "iat": iat,
            "nbf": iat,
            "exp": iat.saturating_add(ttl.as_secs()),
        });
        let signing = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#),
            URL_SAFE_NO_PAD.encode(claims.to_string())
        );
        let tag = hmac::sign(&self.key, signing.as_bytes());
        format!("{signing}.{}", URL_SAFE_NO_PAD.encode(tag.as_ref()))
    }

    /// The user a token of ours was issued to, if it is still valid and
    /// `user` (the login's name) is that user.
    pub fn check(&self, token: &str, user: &str, now: SystemTime) -> Result<String, Refusal> {
        if token.len() > MAX_TOKEN {
            return Err(Refusal::Invalid);
        }
        let mut parts = token.split('.');
        let (Some(head), Some(body), Some(sig), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(Refusal::Invalid);
        };
        let sig = URL_SAFE_NO_PAD.decode(sig).map_err(|_| Refusal::Invalid)?;
        hmac::verify(&self.key, format!("{head}.{body}").as_bytes(), &sig)
            .map_err(|_| Refusal::Invalid)?;
        let claims: serde_json::Value = URL_SAFE_NO_PAD
            .decode(body)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .ok_or(Refusal::Invalid)?;
        let exp = claims["exp"].as_u64().ok_or(Refusal::Invalid)?;
        if exp <= seconds(now) {
            return Err(Refusal::Expired);
        }
        let sub = claims["sub"].as_str().ok_or(Refusal::Invalid)?;
        if !sub.eq_ignore_ascii_case(user) {
            return Err(Refusal::OtherUser);
        }
        Ok(sub.to_owned())
    }
}

/// An OAuth2 SASL message, decoded: the user it names and its bearer token.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Bearer {
    pub(crate) user: String,
    pub(crate) token: String,
}

/// Reads `base64` as XOAUTH2 (`user=…^Aauth=Bearer …^A^A`) or, with
/// `oauthbearer`, as RFC 7628 (`n,a=…,^Aauth=Bearer …^A^A`).
pub(crate) fn bearer(base64: &[u8], oauthbearer: bool) -> Option<Bearer> {
    let raw = STANDARD.decode(base64.trim_ascii()).ok()?;
    let text = std::str::from_utf8(&raw).ok()?;
    let mut fields = text.split('\x01');
    let first = fields.next()?;
    let user = if oauthbearer {
        // gs2 header: `n,a=<user>,` with `=2C` and `=3D` escaped.
        let a = first.strip_prefix("n,")?.strip_suffix(',')?;
        a.strip_prefix("a=")?
            .replace("=2C", ",")
            .replace("=3D", "=")
    } else {
        first.strip_prefix("user=")?.to_owned()
    };
    let token = fields
        .find_map(|f| f.strip_prefix("auth=Bearer "))?
        .to_owned();
    (!user.is_empty() && !token.is_empty()).then_some(Bearer { user, token })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_checked_for_signature_expiry_and_user() {
        let issuer = Issuer::new().unwrap();
        let now = SystemTime::now();
        let token = issuer.issue("demo@sandbox.test", Duration::from_secs(60), now);
        assert_eq!(
            issuer.check(&token, "DEMO@sandbox.test", now),
            Ok("demo@sandbox.test".into())
        );
        assert_eq!(
            issuer.check(&token, "other@sandbox.test", now),
            Err(Refusal::OtherUser)
        );
        assert_eq!(
            issuer.check(&token, "demo@sandbox.test", now + Duration::from_secs(61)),
            Err(Refusal::Expired)
        );
        // Another sandbox's key, or a changed claim: not ours.
        let other = Issuer::new().unwrap();
        assert_eq!(
            other.check(&token, "demo@sandbox.test", now),
            Err(Refusal::Invalid)
        );
        let mut parts: Vec<&str> = token.split('.').collect();
        let forged = URL_SAFE_NO_PAD.encode(r#"{"sub":"demo@sandbox.test","exp":99999999999}"#);
        parts[1] = &forged;
        assert_eq!(
            issuer.check(&parts.join("."), "demo@sandbox.test", now),
            Err(Refusal::Invalid)
        );
        for junk in ["", "a.b", "a.b.c.d", "ya29.not-a-jwt"] {
            assert_eq!(
                issuer.check(junk, "demo@sandbox.test", now),
                Err(Refusal::Invalid)
            );
        }
    }

    #[test]
    fn sasl_messages_of_both_mechanisms() {
        let x = STANDARD.encode("user=me@x.test\x01auth=Bearer tok\x01\x01");
        assert_eq!(
            bearer(x.as_bytes(), false),
            Some(Bearer {
                user: "me@x.test".into(),
                token: "tok".into()
            })
        );
        let o =
            STANDARD.encode("n,a=me=2Cx@x.test,\x01host=h\x01port=587\x01auth=Bearer tok\x01\x01");
        assert_eq!(
            bearer(o.as_bytes(), true),
            Some(Bearer {
                user: "me,x@x.test".into(),
                token: "tok".into()
            })
        );
        for bad in [
            "",
            "!!",
            &STANDARD.encode("user=\x01auth=Bearer t\x01\x01"),
            &STANDARD.encode("user=a\x01\x01"),
        ] {
            assert_eq!(bearer(bad.as_bytes(), false), None, "{bad}");
        }
        assert_eq!(bearer(x.as_bytes(), true), None);
    }
}
