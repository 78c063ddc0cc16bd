//! SASL for SMTP AUTH (RFC 4954): PLAIN, LOGIN, CRAM-MD5, and with an
//! OAuth2 access token XOAUTH2 and OAUTHBEARER (RFC 7628).
//! Encoded credentials live in `Zeroizing` buffers and never reach the
//! transcript (the session logs `<redacted>` in their place).

use std::fmt::Write as _;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use hmac::{Hmac, Mac};
use md5::Md5;
use smtp_doctor_core::{AuthMechanism, Code, Diagnostic, Field, Fix};
use zeroize::Zeroizing;

/// A mechanism we can speak.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mechanism {
    Plain,
    Login,
    CramMd5,
    Xoauth2,
    Oauthbearer,
}

impl Mechanism {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Plain => "PLAIN",
            Self::Login => "LOGIN",
            Self::CramMd5 => "CRAM-MD5",
            Self::Xoauth2 => "XOAUTH2",
            Self::Oauthbearer => "OAUTHBEARER",
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
        AuthMechanism::Oauthbearer => pick(Mechanism::Oauthbearer),
        // XOAUTH2 first: the one Microsoft speaks; Google and Dovecot
        // offer both.
        AuthMechanism::Oauth2 => pick(Mechanism::Xoauth2).or_else(|| pick(Mechanism::Oauthbearer)),
        AuthMechanism::Auto | AuthMechanism::Password | AuthMechanism::None => {
            let order: &[Mechanism] = if encrypted {
                &[Mechanism::Plain, Mechanism::Login, Mechanism::CramMd5]
            } else {
                &[Mechanism::CramMd5, Mechanism::Plain, Mechanism::Login]
            };
            order.iter().copied().find(|m| has(*m))
        }
    }
}

/// `auth.mechanism-unsupported` when [`choose`] found nothing: a server
/// that only takes OAuth2 tokens is named as such (a password can never
/// work there), and a mechanism chosen by hand gets a one-click fix to
/// one the server offers.
pub(crate) fn no_common_mechanism(
    offered: &[String],
    wanted: AuthMechanism,
    encrypted: bool,
) -> Diagnostic {
    let list = offered.join(", ");
    let oauth_only = !offered.is_empty()
        && offered
            .iter()
            .all(|m| m.eq_ignore_ascii_case("XOAUTH2") || m.eq_ignore_ascii_case("OAUTHBEARER"));
    if oauth_only && !wanted.is_oauth() {
        return Diagnostic::new(Code::AuthMechanismUnsupported)
            .case("oauth-only")
            .param("offered", list.as_str())
            .fix(Fix::new("auth-oauth2").set(Field::Auth, AuthMechanism::Oauth2.as_str()));
    }
    // A token, and a server that takes only passwords: no sign-in helps.
    if wanted.is_oauth() && choose(offered, AuthMechanism::Password, encrypted).is_some() {
        return Diagnostic::new(Code::AuthMechanismUnsupported)
            .case("password-only")
            .param("offered", list.as_str())
            .fix(Fix::new("auth-password").set(Field::Auth, AuthMechanism::Password.as_str()));
    }
    let mut d = Diagnostic::new(Code::AuthMechanismUnsupported)
        .case(if wanted == AuthMechanism::Auto {
            "none-known"
        } else {
            "not-offered"
        })
        .param("offered", list.as_str())
        .param("wanted", wanted.as_str().to_ascii_uppercase());
    if wanted != AuthMechanism::Auto
        && let Some(m) = choose(offered, AuthMechanism::Auto, encrypted)
    {
        d = d
            .fix(Fix::new("auth-auto").set(Field::Auth, AuthMechanism::Auto.as_str()))
            .case("use-auto")
            .param("usable", m.name());
    }
    d
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

/// OAUTHBEARER initial response (RFC 7628 §3.1): the GS2 header with the
/// user as authorization identity (`,` and `=` escaped), then the token.
pub(crate) fn oauthbearer(user: &str, token: &str) -> Zeroizing<String> {
    let authzid = user.replace('=', "=3D").replace(',', "=2C");
    let raw = Zeroizing::new(format!("n,a={authzid},\x01auth=Bearer {token}\x01\x01"));
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
    fn oauth_encodings_and_choices() {
        let decoded =
            |s: Zeroizing<String>| String::from_utf8(B64.decode(s.as_str()).unwrap()).unwrap();
        assert_eq!(
            decoded(oauthbearer("a=b,c@example.com", "tok")),
            "n,a=a=3Db=2Cc@example.com,\x01auth=Bearer tok\x01\x01"
        );
        let offered = |m: &[&str]| m.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let both = offered(&["PLAIN", "OAUTHBEARER", "XOAUTH2"]);
        assert_eq!(
            choose(&both, AuthMechanism::Oauth2, true),
            Some(Mechanism::Xoauth2)
        );
        assert_eq!(
            choose(&offered(&["OAUTHBEARER"]), AuthMechanism::Oauth2, true),
            Some(Mechanism::Oauthbearer)
        );
        assert_eq!(
            choose(&offered(&["PLAIN"]), AuthMechanism::Oauth2, true),
            None
        );
        assert_eq!(
            choose(&both, AuthMechanism::Password, true),
            Some(Mechanism::Plain)
        );
    }

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

    #[test]
    fn no_common_mechanism_names_oauth_only_servers() {
        let offered = |l: &[&str]| l.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let en = |d: Diagnostic| {
            let mut all = [d];
            smtp_doctor_core::i18n::localize(&mut all, "en");
            let [d] = all;
            d
        };
        let d = en(no_common_mechanism(
            &offered(&["XOAUTH2", "OAUTHBEARER"]),
            AuthMechanism::Auto,
            true,
        ));
        assert_eq!(d.code, Code::AuthMechanismUnsupported);
        assert!(d.message.contains("only OAuth2"), "{}", d.message);
        assert_eq!(
            d.fix
                .as_ref()
                .and_then(|f| f.changes.get(&Field::Auth))
                .and_then(|v| v.as_str()),
            Some("oauth2")
        );
        // OAUTHBEARER alone: we speak it too, so the same fix.
        let d = no_common_mechanism(&offered(&["OAUTHBEARER"]), AuthMechanism::Auto, true);
        assert!(d.fix.is_some());
        // A token, and a server with passwords only.
        let d = en(no_common_mechanism(
            &offered(&["PLAIN", "LOGIN"]),
            AuthMechanism::Oauth2,
            true,
        ));
        assert!(d.message.contains("only password logins"), "{}", d.message);
        let d = en(no_common_mechanism(
            &offered(&["CRAM-MD5"]),
            AuthMechanism::Plain,
            true,
        ));
        assert!(d.message.contains("not PLAIN"), "{}", d.message);
        assert!(d.help.contains("CRAM-MD5"), "{}", d.help);
        assert!(d.fix.is_some());
        let d = en(no_common_mechanism(
            &offered(&["GSSAPI"]),
            AuthMechanism::Auto,
            true,
        ));
        assert!(
            d.message.contains("no login method this tool speaks"),
            "{}",
            d.message
        );
        assert!(d.fix.is_none());
    }
}
