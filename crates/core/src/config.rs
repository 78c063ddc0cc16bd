//! The SMTP settings a customer typed, read from loose JSON (SPEC §2).
//!
//! Forms send strings, checkboxes, extra fields and mistakes. Reading never
//! fails: whatever is odd is kept as it came so a rule can name it.
//! Unknown fields are ignored. `security` may also arrive as the boolean
//! aliases `secure` (nodemailer) or `tls` (one "TLS" checkbox): true means
//! implicit TLS, false means STARTTLS.

use std::fmt;
use zeroize::Zeroizing;

use serde::{Deserialize, Serialize};

use crate::json::{Json, Object};

/// How the connection is encrypted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Security {
    /// Implicit TLS from the first byte ("SSL", usually 465).
    Tls,
    /// Plain connect, then the STARTTLS upgrade (usually 587).
    Starttls,
    /// No encryption.
    None,
}

impl Security {
    pub const ALL: [Self; 3] = [Self::Tls, Self::Starttls, Self::None];

    /// The mode named exactly `id` (`tls`, `starttls`, `none`); see
    /// [`parse`](Self::parse) for the spellings people type.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == id)
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Tls => "tls",
            Self::Starttls => "starttls",
            Self::None => "none",
        }
    }

    /// The label settings pages use.
    pub const fn label(self) -> &'static str {
        match self {
            Self::Tls => "TLS/SSL",
            Self::Starttls => "STARTTLS",
            Self::None => "no encryption",
        }
    }

    /// Reads the spellings forms use: `SSL`, `ssl/tls`, `STARTTLS`, `off`….
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "tls" | "ssl" | "ssl/tls" | "tls/ssl" | "implicit" | "smtps" | "true" => {
                Some(Self::Tls)
            }
            "starttls" | "start_tls" | "start-tls" | "explicit" | "false" => Some(Self::Starttls),
            "none" | "off" | "plain" | "plaintext" | "insecure" => Some(Self::None),
            _ => None,
        }
    }
}

impl fmt::Display for Security {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The SASL mechanism to log in with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum AuthMechanism {
    /// The strongest mechanism both sides support.
    #[default]
    Auto,
    Plain,
    Login,
    CramMd5,
    /// XOAUTH2 with the access token (`accessToken`, or for settings
    /// written before it existed, the password field).
    Xoauth2,
    /// OAUTHBEARER (RFC 7628) with the access token.
    Oauthbearer,
    /// Any password mechanism the server offers (PLAIN, LOGIN, CRAM-MD5).
    Password,
    /// OAuth2 with the access token: XOAUTH2 or OAUTHBEARER, whichever the
    /// server offers.
    Oauth2,
    /// Do not log in.
    None,
}

impl AuthMechanism {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Plain => "plain",
            Self::Login => "login",
            Self::CramMd5 => "cram-md5",
            Self::Xoauth2 => "xoauth2",
            Self::Oauthbearer => "oauthbearer",
            Self::Password => "password",
            Self::Oauth2 => "oauth2",
            Self::None => "none",
        }
    }

    /// Logs in with an access token rather than a password.
    pub const fn is_oauth(self) -> bool {
        matches!(self, Self::Xoauth2 | Self::Oauthbearer | Self::Oauth2)
    }

    fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "" | "auto" => Some(Self::Auto),
            "plain" => Some(Self::Plain),
            "login" => Some(Self::Login),
            "cram-md5" | "cram_md5" | "crammd5" => Some(Self::CramMd5),
            "xoauth2" => Some(Self::Xoauth2),
            "oauthbearer" => Some(Self::Oauthbearer),
            "oauth2" | "oauth" => Some(Self::Oauth2),
            "password" => Some(Self::Password),
            "none" | "off" => Some(Self::None),
            _ => None,
        }
    }
}

/// A field as it arrived: absent, understood, or kept raw for a rule to name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Input<T> {
    #[default]
    Absent,
    Valid(T),
    /// Present but not understood; the raw text as typed.
    Invalid(String),
}

impl<T: Copy> Input<T> {
    pub fn valid(&self) -> Option<T> {
        match self {
            Self::Valid(v) => Some(*v),
            _ => None,
        }
    }
}

/// The parsed settings. Strings are kept as typed (not trimmed): trimming
/// is a rule's business, so it can tell the customer.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Config {
    pub host: Option<String>,
    pub port: Input<u16>,
    /// The `security` field itself.
    pub security: Input<Security>,
    /// The nodemailer-style `secure` boolean, if given.
    pub secure: Option<bool>,
    /// The `tls` boolean alias, if given.
    pub tls: Option<bool>,
    pub username: Option<String>,
    /// Wiped when the config is dropped.
    pub password: Option<Zeroizing<String>>,
    pub from: Option<String>,
    pub auth: Input<AuthMechanism>,
    /// An OAuth2 access token (`accessToken`); wiped like the password.
    pub access_token: Option<Zeroizing<String>>,
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("secure", &self.secure)
            .field("tls", &self.tls)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "<redacted>"))
            .field("from", &self.from)
            .field("auth", &self.auth)
            .field(
                "access_token",
                &self.access_token.as_ref().map(|_| "<redacted>"),
            )
            .finish()
    }
}

impl Config {
    /// Reads settings from any JSON value. Never fails; a non-object reads
    /// as empty settings (the caller reports `config.invalid`).
    pub fn from_json(value: &Json) -> Self {
        value.as_object().map(Self::from_object).unwrap_or_default()
    }

    /// Reads settings from a JSON object.
    pub fn from_object(map: &Object) -> Self {
        Self {
            host: text(map.get("host")),
            port: port(map.get("port")),
            security: match map.get("security") {
                None | Some(Json::Null) => Input::Absent,
                Some(Json::String(s)) if s.trim().is_empty() => Input::Absent,
                Some(Json::Bool(b)) => Input::Valid(if *b {
                    Security::Tls
                } else {
                    Security::Starttls
                }),
                Some(v) => {
                    let raw = text(Some(v)).unwrap_or_default();
                    Security::parse(&raw).map_or(Input::Invalid(raw), Input::Valid)
                }
            },
            secure: flag(map.get("secure")),
            tls: flag(map.get("tls")),
            username: text(map.get("username")).or_else(|| text(map.get("user"))),
            password: text(map.get("password"))
                .or_else(|| text(map.get("pass")))
                .map(Zeroizing::new),
            from: text(map.get("from")),
            auth: match map.get("auth") {
                None | Some(Json::Null) => Input::Absent,
                Some(v) => {
                    let raw = text(Some(v)).unwrap_or_default();
                    AuthMechanism::parse(&raw).map_or(Input::Invalid(raw), Input::Valid)
                }
            },
            access_token: text(map.get("accessToken"))
                .or_else(|| text(map.get("access_token")))
                .map(Zeroizing::new),
        }
    }

    /// The security mode the settings choose, alias or not. `security`
    /// wins over `secure`, which wins over `tls`.
    pub fn security_mode(&self) -> Option<Security> {
        self.security.valid().or_else(|| {
            self.secure
                .or(self.tls)
                .map(|b| if b { Security::Tls } else { Security::Starttls })
        })
    }

    /// The port, if it is a valid one.
    pub fn port_number(&self) -> Option<u16> {
        self.port.valid()
    }

    /// The login mechanism (auto when absent or not understood). `auto`
    /// with an access token and no password is OAuth2.
    pub fn auth_mechanism(&self) -> AuthMechanism {
        match self.auth.valid().unwrap_or_default() {
            AuthMechanism::Auto if self.access_token().is_some() && self.password().is_none() => {
                AuthMechanism::Oauth2
            }
            auth => auth,
        }
    }

    /// The access token, unless empty.
    pub fn access_token(&self) -> Option<&str> {
        self.access_token
            .as_ref()
            .map(|t| t.as_str().trim())
            .filter(|t| !t.is_empty())
    }

    /// The token an OAuth2 login sends: `accessToken`, or with `xoauth2`
    /// and none given, the password field (settings from before
    /// `accessToken`). `None` when the login is not OAuth2.
    pub fn oauth_token(&self) -> Option<&str> {
        let auth = self.auth_mechanism();
        if !auth.is_oauth() {
            return None;
        }
        self.access_token().or_else(|| {
            (auth == AuthMechanism::Xoauth2)
                .then(|| self.password())
                .flatten()
        })
    }

    /// The host as the probe will use it: trimmed.
    pub fn host_trimmed(&self) -> Option<&str> {
        self.host
            .as_deref()
            .map(str::trim)
            .filter(|h| !h.is_empty())
    }

    /// The username, unless empty.
    pub fn username(&self) -> Option<&str> {
        non_empty(self.username.as_deref())
    }

    /// The password, unless empty.
    pub fn password(&self) -> Option<&str> {
        self.password
            .as_ref()
            .map(|p| p.as_str())
            .filter(|p| !p.is_empty())
    }

    /// The from field, unless empty.
    pub fn from_field(&self) -> Option<&str> {
        non_empty(self.from.as_deref())
    }
}

fn non_empty(s: Option<&str>) -> Option<&str> {
    s.filter(|s| !s.trim().is_empty())
}

/// A string field; numbers and booleans are taken as their text.
fn text(value: Option<&Json>) -> Option<String> {
    value?.text()
}

fn flag(value: Option<&Json>) -> Option<bool> {
    match value? {
        Json::Bool(b) => Some(*b),
        Json::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "on" | "1" | "yes" => Some(true),
            "false" | "off" | "0" | "no" => Some(false),
            _ => None,
        },
        Json::Number(n) => whole(n).map(|n| n != 0),
        _ => None,
    }
}

/// A number as written, if it is a whole non-negative one: `587`, and
/// `587.0` from a JS number field too.
fn whole(n: &str) -> Option<u64> {
    let digits = match n.split_once('.') {
        Some((int, frac)) if frac.bytes().all(|b| b == b'0') => int,
        Some(_) => return None,
        None => n,
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn port(value: Option<&Json>) -> Input<u16> {
    match value {
        None | Some(Json::Null) => Input::Absent,
        Some(Json::Number(n)) => whole(n)
            .and_then(|n| u16::try_from(n).ok())
            .filter(|n| *n != 0)
            .map_or_else(|| Input::Invalid(n.clone()), Input::Valid),
        Some(Json::String(s)) => {
            let t = s.trim();
            if t.is_empty() {
                Input::Absent
            } else if t.bytes().all(|b| b.is_ascii_digit()) && t.len() <= 5 {
                t.parse::<u16>()
                    .ok()
                    .filter(|n| *n != 0)
                    .map_or_else(|| Input::Invalid(s.clone()), Input::Valid)
            } else {
                Input::Invalid(s.clone())
            }
        }
        Some(Json::Bool(b)) => Input::Invalid(b.to_string()),
        Some(Json::Array(items)) => Input::Invalid(list(items)),
        Some(Json::Object(_)) => Input::Invalid("{…}".to_owned()),
    }
}

/// A list as its customer would recognise it, `[587]`.
fn list(items: &[Json]) -> String {
    let items: Vec<String> = items
        .iter()
        .map(|v| match v {
            Json::String(s) => format!("\"{s}\""),
            Json::Array(inner) => list(inner),
            Json::Object(_) => "{…}".to_owned(),
            Json::Null => "null".to_owned(),
            other => other.text().unwrap_or_default(),
        })
        .collect();
    format!("[{}]", items.join(","))
}

/// The usual SMTP submission and relay ports, in the order people know
/// them: the one list the validator, the probe's default policy and the
/// help texts use.
pub const USUAL_PORTS: [u16; 4] = [25, 465, 587, 2525];

/// The mode the usual ports speak: implicit TLS on 465 (RFC 8314),
/// STARTTLS on the others.
pub const fn standard_mode(port: u16) -> Option<Security> {
    match port {
        465 => Some(Security::Tls),
        25 | 587 | 2525 => Some(Security::Starttls),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    /// `json!` as core's [`Json`](crate::json::Json).
    macro_rules! json {
        ($($t:tt)+) => {
            crate::json::Json::from(serde_json::json!($($t)+))
        };
    }

    use super::*;

    #[test]
    fn ports_from_numbers_and_strings() {
        let cases = [
            (json!(587), Input::Valid(587)),
            (json!("587"), Input::Valid(587)),
            (json!(" 465 "), Input::Valid(465)),
            (json!(587.0), Input::Valid(587)),
            (json!(""), Input::Absent),
            (json!(null), Input::Absent),
            (json!(0), Input::Invalid("0".into())),
            (json!(70000), Input::Invalid("70000".into())),
            (json!("65536"), Input::Invalid("65536".into())),
            (json!("58 7"), Input::Invalid("58 7".into())),
            (json!(-1), Input::Invalid("-1".into())),
            (json!(587.5), Input::Invalid("587.5".into())),
            (json!("smtp"), Input::Invalid("smtp".into())),
            (json!([587]), Input::Invalid("[587]".into())),
            (
                json!(["587", [1], {}, null]),
                Input::Invalid(r#"["587",[1],{…},null]"#.into()),
            ),
            (json!({"port": 587}), Input::Invalid("{…}".into())),
            (json!(true), Input::Invalid("true".into())),
        ];
        for (value, want) in cases {
            assert_eq!(port(Some(&value)), want, "{value}");
        }
    }

    #[test]
    fn security_and_aliases() {
        let cases = [
            (json!({"security": "tls"}), Some(Security::Tls)),
            (json!({"security": "SSL"}), Some(Security::Tls)),
            (json!({"security": "STARTTLS"}), Some(Security::Starttls)),
            (json!({"security": "none"}), Some(Security::None)),
            (json!({"secure": true}), Some(Security::Tls)),
            (json!({"secure": false}), Some(Security::Starttls)),
            (json!({"tls": "on"}), Some(Security::Tls)),
            (
                json!({"security": "starttls", "secure": true}),
                Some(Security::Starttls),
            ),
            (json!({"security": "bogus"}), None),
            (json!({}), None),
        ];
        for (value, want) in cases {
            assert_eq!(Config::from_json(&value).security_mode(), want, "{value}");
        }
    }

    #[test]
    fn unknown_fields_are_ignored_and_odd_input_kept() {
        let c = Config::from_json(&json!({"host": 12, "port": "x", "extra": [1], "auth": "magic"}));
        assert_eq!(c.host.as_deref(), Some("12"));
        assert_eq!(c.port, Input::Invalid("x".into()));
        assert_eq!(c.auth, Input::Invalid("magic".into()));
        assert_eq!(Config::from_json(&json!([1, 2])), Config::default());
    }

    #[test]
    fn debug_never_shows_the_password() {
        let c = Config::from_json(&json!({"password": "hunter2"}));
        assert!(!format!("{c:?}").contains("hunter2"));
    }
}
