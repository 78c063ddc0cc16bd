//! What an OAuth2 access token says about itself, read before any network
//! so the page, the CLI and the service agree on it.
//!
//! A Microsoft identity platform access token for a work or school account
//! is a JWT whose claims name the API it is for (`aud`), what it may do
//! (`scp` for a signed-in user, `roles` for an app), whom it was issued to
//! (`upn`, `preferred_username`) and until when (`exp`). Google's access
//! tokens (`ya29.…`) and personal Microsoft accounts' (`EwA…`) are opaque:
//! only the server can read them. Other strings people paste where the
//! access token belongs have recognisable shapes: an ID token (a JWT
//! without scopes, for the app itself), a refresh token, an authorization
//! code, a client secret.
//!
//! Nothing here is verified: the signature is the server's to check, and
//! the help of every finding says so. A claim read here only explains a
//! refusal before it happens.

use crate::json::Json;

/// The resource an SMTP token must be issued for (Exchange Online), in the
/// spellings Microsoft issues: the URI and Exchange Online's app id.
const OUTLOOK_AUDIENCES: [&str; 3] = [
    "https://outlook.office.com",
    "https://outlook.office365.com",
    "00000002-0000-0ff1-ce00-000000000000",
];

/// Microsoft Graph, the audience people get by default.
const GRAPH_AUDIENCES: [&str; 2] = [
    "https://graph.microsoft.com",
    "00000003-0000-0000-c000-000000000000",
];

/// The tenant of personal Microsoft accounts (Outlook.com, Hotmail).
pub const CONSUMER_TENANT: &str = "9188040d-6c67-4c5b-b112-36a304b66dad";

/// The longest token read (real ones are 1–3 KB).
const MAX_TOKEN: usize = 16 * 1024;

/// What a pasted access token is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    /// A JWT access token, its claims read (not verified).
    Jwt(Claims),
    /// An opaque access token only its server can read: Google's `ya29.`,
    /// a personal Microsoft account's `EwA…`/`EwB…`, or any other.
    Opaque { issuer: Option<&'static str> },
    /// Something else pasted where the access token belongs.
    WrongKind(WrongKind),
}

/// A credential that is not an access token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WrongKind {
    /// An OpenID Connect ID token: it says who signed in, to the app only.
    IdToken,
    /// A refresh token: the backend trades it for access tokens.
    RefreshToken,
    /// The one-time code of the redirect, before it is redeemed.
    AuthorizationCode,
    /// The app's own secret from the provider's console.
    ClientSecret,
    /// Not a bearer token's characters at all (RFC 6750 `b64token`):
    /// spaces, line breaks, control characters. Never sent.
    Malformed,
}

impl WrongKind {
    /// The catalog's `$kind`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::IdToken => "id-token",
            Self::RefreshToken => "refresh-token",
            Self::AuthorizationCode => "authorization-code",
            Self::ClientSecret => "client-secret",
            Self::Malformed => "malformed",
        }
    }
}

/// The claims of a JWT access token that matter for SMTP.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Claims {
    /// `aud` (one or several).
    pub audience: Vec<String>,
    /// Delegated scopes (`scp`, space-separated) and app roles (`roles`).
    pub scopes: Vec<String>,
    /// Expiry and not-before, in Unix seconds.
    pub expires: Option<u64>,
    pub not_before: Option<u64>,
    /// Whom it was issued to: `upn`, `preferred_username`, `unique_name`
    /// or `email`, the first present.
    pub user: Option<String>,
    /// The Microsoft tenant (`tid`).
    pub tenant: Option<String>,
}

impl Claims {
    /// Issued for Exchange Online (SMTP), by `aud` or by the scopes' prefix.
    pub fn for_outlook(&self) -> bool {
        self.audience
            .iter()
            .any(|a| OUTLOOK_AUDIENCES.contains(&a.trim_end_matches('/')))
    }

    /// Issued for Microsoft Graph (which cannot log in to SMTP).
    pub fn for_graph(&self) -> bool {
        self.audience
            .iter()
            .any(|a| GRAPH_AUDIENCES.contains(&a.trim_end_matches('/')))
    }

    /// May send mail over SMTP: `SMTP.Send` (a user) or `SMTP.SendAsApp`
    /// (an app), with or without the resource prefix.
    pub fn may_send(&self) -> bool {
        self.scopes.iter().any(|s| {
            let bare = s.rsplit('/').next().unwrap_or(s);
            bare.eq_ignore_ascii_case("SMTP.Send") || bare.eq_ignore_ascii_case("SMTP.SendAsApp")
        })
    }
}

/// RFC 6750 §2.1 `b64token`: `[A-Za-z0-9-._~+/]+ "="*`. What may follow
/// `Bearer ` in XOAUTH2 and OAUTHBEARER, whose fields are separated by
/// `\x01`: anything else could end the token and start another field.
pub fn is_bearer_syntax(token: &str) -> bool {
    let body = token.trim_end_matches('=');
    !body.is_empty()
        && body.bytes().all(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'+' | b'/')
        })
}

/// Reads `text` as what it most likely is.
pub fn read(text: &str) -> Token {
    let t = text.trim();
    if t.len() > MAX_TOKEN {
        return Token::Opaque { issuer: None };
    }
    if let Some(kind) = wrong_kind_by_shape(t) {
        return Token::WrongKind(kind);
    }
    if !is_bearer_syntax(t) {
        return Token::WrongKind(WrongKind::Malformed);
    }
    if t.starts_with("ya29.") {
        return Token::Opaque {
            issuer: Some("google"),
        };
    }
    if t.starts_with("EwA") || t.starts_with("EwB") || t.starts_with("EwC") {
        return Token::Opaque {
            issuer: Some("microsoft"),
        };
    }
    match jwt(t) {
        Some(payload) => classify_jwt(&payload),
        None => Token::Opaque { issuer: None },
    }
}

/// Refresh tokens, codes and secrets by their documented or stable shapes.
fn wrong_kind_by_shape(t: &str) -> Option<WrongKind> {
    // Google: refresh tokens `1//…`, authorization codes `4/…`, client
    // secrets `GOCSPX-…`.
    if t.starts_with("1//") {
        return Some(WrongKind::RefreshToken);
    }
    if t.starts_with("4/") {
        return Some(WrongKind::AuthorizationCode);
    }
    if t.starts_with("GOCSPX-") {
        return Some(WrongKind::ClientSecret);
    }
    // Microsoft Entra client secrets: 40 characters with `Q~` at 4..6
    // (e.g. `abc8Q~…`), no dots (a JWT has two).
    let b = t.as_bytes();
    if b.len() == 40 && b[4] == b'Q' && b[5] == b'~' && !t.contains('.') {
        return Some(WrongKind::ClientSecret);
    }
    // Microsoft refresh tokens and authorization codes for work accounts
    // start `0.A` and are not JWTs; personal accounts' `M.C…`/`M.R3_…`.
    if (t.starts_with("0.A") || t.starts_with("M.C") || t.starts_with("M.R3_"))
        && t.matches('.').count() != 2
    {
        return Some(WrongKind::RefreshToken);
    }
    None
}

/// The payload of a compact JWS (`header.payload.signature`), parsed.
fn jwt(t: &str) -> Option<Json> {
    let mut parts = t.split('.');
    let (header, payload, _sig) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || !header.starts_with("eyJ") {
        return None;
    }
    let header = Json::parse(&String::from_utf8(base64url(header)?).ok()?)?;
    header.get("alg")?;
    Json::parse(&String::from_utf8(base64url(payload)?).ok()?)
}

fn classify_jwt(payload: &Json) -> Token {
    let text = |key: &str| payload.get(key).and_then(Json::as_str).map(str::to_owned);
    let number = |key: &str| {
        payload.get(key).and_then(|v| match v {
            Json::Number(n) => n.split('.').next().and_then(|n| n.parse().ok()),
            _ => None,
        })
    };
    let audience = match payload.get("aud") {
        Some(Json::String(a)) => vec![a.clone()],
        Some(Json::Array(items)) => items
            .iter()
            .filter_map(Json::as_str)
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    };
    let mut scopes: Vec<String> = text("scp")
        .map(|s| s.split_whitespace().map(str::to_owned).collect())
        .unwrap_or_default();
    if let Some(Json::Array(roles)) = payload.get("roles") {
        scopes.extend(roles.iter().filter_map(Json::as_str).map(str::to_owned));
    }
    // OAuth 2.0 access tokens in JWT form (RFC 9068) use `scope`.
    if let Some(s) = text("scope") {
        scopes.extend(s.split_whitespace().map(str::to_owned));
    }
    let claims = Claims {
        audience,
        scopes,
        expires: number("exp"),
        not_before: number("nbf"),
        user: ["upn", "preferred_username", "unique_name", "email"]
            .into_iter()
            .find_map(text),
        tenant: text("tid"),
    };
    // An ID token is for the app itself: no scopes, issued to the app's
    // client id (a GUID or a Google client id), often with a `nonce`.
    let to_app = claims.audience.iter().any(|a| {
        a.ends_with(".apps.googleusercontent.com")
            || is_guid(a) && !OUTLOOK_AUDIENCES.contains(&a.as_str())
    });
    if claims.scopes.is_empty() && (payload.get("nonce").is_some() || to_app) {
        return Token::WrongKind(WrongKind::IdToken);
    }
    Token::Jwt(claims)
}

fn is_guid(s: &str) -> bool {
    s.len() == 36
        && s.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

/// Base64url without padding (RFC 4648 §5), padding tolerated; the
/// standard alphabet's `+` and `/` too.
pub(crate) fn base64url(s: &str) -> Option<Vec<u8>> {
    let s = s.trim_end_matches('=');
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u8);
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((acc >> bits) & 0xff).ok()?);
        }
    }
    Some(out)
}

/// The UTC date of `unix` seconds, `YYYY-MM-DD` (Howard Hinnant's
/// `civil_from_days`), for rules that compare with a dated change.
pub fn date_of(unix: u64) -> String {
    let days = i64::try_from(unix / 86_400).unwrap_or(i64::MAX / 2) + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn b64(bytes: &[u8]) -> String {
        const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let n = chunk.iter().fold(0u32, |acc, b| acc << 8 | u32::from(*b))
                << (8 * (3 - chunk.len()));
            for i in 0..=chunk.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            }
        }
        out
    }

    pub(crate) fn jwt_of(claims: &str) -> String {
        format!(
            "{}.{}.c2ln",
            b64(br#"{"alg":"RS256","typ":"JWT"}"#),
            b64(claims.as_bytes())
        )
    }

    #[test]
    fn an_outlook_token_is_read() {
        let t = jwt_of(
            r#"{"aud":"https://outlook.office.com","scp":"SMTP.Send offline_access","exp":1798761600,"upn":"Me@Contoso.com","tid":"72f988bf-86f1-41af-91ab-2d7cd011db47"}"#,
        );
        let Token::Jwt(c) = read(&t) else {
            panic!("{:?}", read(&t))
        };
        assert!(c.for_outlook() && !c.for_graph() && c.may_send());
        assert_eq!(c.expires, Some(1_798_761_600));
        assert_eq!(c.user.as_deref(), Some("Me@Contoso.com"));
        assert_eq!(
            c.tenant.as_deref(),
            Some("72f988bf-86f1-41af-91ab-2d7cd011db47")
        );
    }

    #[test]
    fn the_wrong_things_are_named() {
        let graph =
            jwt_of(r#"{"aud":"00000003-0000-0000-c000-000000000000","scp":"Mail.Send User.Read"}"#);
        let Token::Jwt(c) = read(&graph) else {
            panic!()
        };
        assert!(c.for_graph() && !c.may_send());
        let id = jwt_of(
            r#"{"aud":"6731de76-14a6-49ae-97bc-6eba6914391e","nonce":"n","preferred_username":"a@b.c"}"#,
        );
        assert_eq!(read(&id), Token::WrongKind(WrongKind::IdToken));
        let google_id =
            jwt_of(r#"{"aud":"123-abc.apps.googleusercontent.com","email":"a@gmail.com"}"#);
        assert_eq!(read(&google_id), Token::WrongKind(WrongKind::IdToken));
        for (text, kind) in [
            ("1//0gLk3…refresh", WrongKind::RefreshToken),
            ("4/0AbCD-code", WrongKind::AuthorizationCode),
            (
                "GOCSPX-abcdefghijklmnopqrstuvwxyz12",
                WrongKind::ClientSecret,
            ),
            (
                "abc8Q~defghijklmnopqrstuvwxyz0123456789A",
                WrongKind::ClientSecret,
            ),
            (
                "0.AXoA1234567890abcdef_ghijkl-mnop",
                WrongKind::RefreshToken,
            ),
            ("M.C507_BAY.0.U.-Cnq", WrongKind::RefreshToken),
        ] {
            assert_eq!(read(text), Token::WrongKind(kind), "{text}");
        }
        assert_eq!(
            read("ya29.a0AfB_byC"),
            Token::Opaque {
                issuer: Some("google")
            }
        );
        assert_eq!(
            read("EwBwA8l6BAAU"),
            Token::Opaque {
                issuer: Some("microsoft")
            }
        );
        // Not a JWT after all: opaque, nothing claimed.
        assert_eq!(
            read("eyJhbGciOi.broken.sig"),
            Token::Opaque { issuer: None }
        );
        assert_eq!(read(&"x".repeat(20_000)), Token::Opaque { issuer: None });
        for bad in [
            "tok\x01auth=Bearer other",
            "tok\r\nMAIL FROM:<x@y>",
            "two words",
            "tök",
        ] {
            assert_eq!(read(bad), Token::WrongKind(WrongKind::Malformed), "{bad:?}");
            assert!(!is_bearer_syntax(bad));
        }
        assert!(is_bearer_syntax("ya29.a0-_~+/x=="));
    }

    #[test]
    fn dates_are_civil_utc() {
        assert_eq!(date_of(0), "1970-01-01");
        assert_eq!(date_of(951_782_400), "2000-02-29");
        assert_eq!(date_of(1_798_675_199), "2026-12-30");
        assert_eq!(date_of(1_798_675_200), "2026-12-31");
        assert_eq!(date_of(1_798_761_600), "2027-01-01");
    }

    #[test]
    fn base64url_round_trips() {
        for n in 0..40u8 {
            let bytes: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37)).collect();
            assert_eq!(base64url(&b64(&bytes)), Some(bytes));
        }
        assert_eq!(base64url("a$b"), None);
    }
}
