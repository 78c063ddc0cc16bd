//! Short-lived browser tokens (SPEC §7.6): the integrator's backend mints
//! an HS256 JWT with one of our `--token-key`s, and the settings page
//! sends it instead of a long-lived API key. Verified with `jsonwebtoken`
//! (HS256 only, so no algorithm confusion); `exp` is required and may be
//! at most ten minutes ahead, so a leaked token dies soon; `scope` names
//! the routes it may call; `sub`, if given, keys the rate limits, so one
//! customer's page cannot spend another's.

use jsonwebtoken::{Algorithm, DecodingKey, Validation, decode};
use serde::Deserialize;

/// The furthest a token's `exp` may lie ahead.
pub const MAX_LIFETIME_SECS: u64 = 600;

/// Longest `sub` accepted (it becomes a rate-limit key).
const MAX_SUBJECT: usize = 128;

/// The route families a token may open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Probe,
    Discover,
    Validate,
    /// Share links: `POST /v1/reports`, `DELETE /v1/reports/{id}`.
    Share,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Probe => "probe",
            Self::Discover => "discover",
            Self::Validate => "validate",
            Self::Share => "share",
        }
    }

    /// The scope a `/v1` path needs; `None` for routes any valid token
    /// may read (`/v1/info`).
    pub fn for_path(path: &str) -> Option<Self> {
        match path {
            "/v1/probe" => Some(Self::Probe),
            "/v1/discover" => Some(Self::Discover),
            "/v1/validate" => Some(Self::Validate),
            p if p == "/v1/reports" || p.starts_with("/v1/reports/") => Some(Self::Share),
            _ => None,
        }
    }
}

/// The rate-limit key a token carries (its `sub`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Subject(pub String);

#[derive(Deserialize)]
struct Claims {
    exp: u64,
    scope: String,
    #[serde(default)]
    sub: Option<String>,
}

/// Why a token was refused (logged at debug level; the client only sees 401).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TokenError {
    #[error("not a valid HS256 token for any configured key")]
    Invalid,
    #[error("exp lies more than {MAX_LIFETIME_SECS} s ahead")]
    TooLong,
    #[error("the token's scope does not include {0}")]
    Scope(&'static str),
    #[error("sub is empty or too long")]
    Subject,
}

/// The configured keys, ready to verify with.
#[derive(Clone, Default)]
pub struct TokenKeys(Vec<DecodingKey>);

impl std::fmt::Debug for TokenKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TokenKeys({} keys)", self.0.len())
    }
}

impl TokenKeys {
    /// The keys from their secrets; an empty secret is refused.
    pub fn new(secrets: &[String]) -> Result<Self, String> {
        secrets
            .iter()
            .map(|s| {
                if s.len() < 16 {
                    return Err("a --token-key must be at least 16 bytes".to_owned());
                }
                DecodingKey::from_secret(s.as_bytes())
                    .map_err(|e| format!("cannot use a --token-key: {e}"))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Self)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Verifies `token` for `scope` (any scope when `None`) at `now`
    /// (seconds since the epoch); the subject, if the token names one.
    pub fn verify(
        &self,
        token: &str,
        scope: Option<Scope>,
        now: u64,
    ) -> Result<Option<Subject>, TokenError> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 5;
        validation.set_required_spec_claims(&["exp"]);
        validation.validate_exp = true;
        // A token minted to open later (`nbf` ahead of now) is not valid yet.
        validation.validate_nbf = true;
        let claims = self
            .0
            .iter()
            .find_map(|key| decode::<Claims>(token, key, &validation).ok())
            .ok_or(TokenError::Invalid)?
            .claims;
        if claims.exp > now + MAX_LIFETIME_SECS + validation.leeway {
            return Err(TokenError::TooLong);
        }
        let scopes: Vec<&str> = claims.scope.split_whitespace().collect();
        match scope {
            Some(s) if !scopes.contains(&s.as_str()) => return Err(TokenError::Scope(s.as_str())),
            None if scopes.is_empty() => return Err(TokenError::Scope("any route")),
            _ => {}
        }
        match claims.sub {
            None => Ok(None),
            Some(sub) if sub.is_empty() || sub.len() > MAX_SUBJECT => Err(TokenError::Subject),
            Some(sub) => Ok(Some(Subject(sub))),
        }
    }
}

pub use crate::clock::now;

#[cfg(test)]
mod tests {
    use super::*;
    use jsonwebtoken::{EncodingKey, Header, encode};
    use serde_json::json;

    fn mint(key: &str, alg: Algorithm, claims: &serde_json::Value) -> String {
        encode(
            &Header::new(alg),
            claims,
            &EncodingKey::from_secret(key.as_bytes()).unwrap(),
        )
        .unwrap()
    }

    type Verdict = Result<Option<Subject>, TokenError>;

    #[test]
    #[allow(clippy::too_many_lines)] // one table
    fn tokens_are_checked_for_key_lifetime_scope_and_subject() {
        // `exp` is checked against the real clock by jsonwebtoken, so the
        // table uses times around the real now.
        let now = now();
        let keys =
            TokenKeys::new(&["old-key-0123456789".into(), "new-key-0123456789".into()]).unwrap();
        let ok = json!({"exp": now + 300, "scope": "probe validate", "sub": "tenant-7"});
        let cases: Vec<(String, Option<Scope>, Verdict)> = vec![
            (
                mint("new-key-0123456789", Algorithm::HS256, &ok),
                Some(Scope::Probe),
                Ok(Some(Subject("tenant-7".into()))),
            ),
            (
                mint("old-key-0123456789", Algorithm::HS256, &ok),
                Some(Scope::Validate),
                Ok(Some(Subject("tenant-7".into()))),
            ),
            (
                mint("old-key-0123456789", Algorithm::HS256, &ok),
                None,
                Ok(Some(Subject("tenant-7".into()))),
            ),
            (
                mint("new-key-0123456789", Algorithm::HS256, &ok),
                Some(Scope::Discover),
                Err(TokenError::Scope("discover")),
            ),
            (
                mint("other-key-0123456789", Algorithm::HS256, &ok),
                Some(Scope::Probe),
                Err(TokenError::Invalid),
            ),
            (
                mint("new-key-0123456789", Algorithm::HS512, &ok),
                Some(Scope::Probe),
                Err(TokenError::Invalid),
            ),
            (
                mint(
                    "new-key-0123456789",
                    Algorithm::HS256,
                    &json!({"exp": now - 60, "scope": "probe"}),
                ),
                Some(Scope::Probe),
                Err(TokenError::Invalid),
            ),
            (
                mint(
                    "new-key-0123456789",
                    Algorithm::HS256,
                    &json!({"exp": now + 3600, "scope": "probe"}),
                ),
                Some(Scope::Probe),
                Err(TokenError::TooLong),
            ),
            (
                mint(
                    "new-key-0123456789",
                    Algorithm::HS256,
                    &json!({"scope": "probe"}),
                ),
                Some(Scope::Probe),
                Err(TokenError::Invalid),
            ),
            (
                mint(
                    "new-key-0123456789",
                    Algorithm::HS256,
                    &json!({"exp": now + 60, "scope": "probe", "sub": ""}),
                ),
                Some(Scope::Probe),
                Err(TokenError::Subject),
            ),
            (
                mint(
                    "new-key-0123456789",
                    Algorithm::HS256,
                    &json!({"exp": now + 60, "scope": "probe"}),
                ),
                Some(Scope::Probe),
                Ok(None),
            ),
            // Not valid before two minutes from now: refused today.
            (
                mint(
                    "new-key-0123456789",
                    Algorithm::HS256,
                    &json!({"exp": now + 300, "nbf": now + 120, "scope": "probe"}),
                ),
                Some(Scope::Probe),
                Err(TokenError::Invalid),
            ),
            // Valid since a minute ago: accepted.
            (
                mint(
                    "new-key-0123456789",
                    Algorithm::HS256,
                    &json!({"exp": now + 300, "nbf": now - 60, "scope": "probe"}),
                ),
                Some(Scope::Probe),
                Ok(None),
            ),
            (
                "not.a.token".into(),
                Some(Scope::Probe),
                Err(TokenError::Invalid),
            ),
        ];
        for (i, (token, scope, want)) in cases.into_iter().enumerate() {
            assert_eq!(keys.verify(&token, scope, now), want, "case {i}");
        }
        // The unsigned "none" algorithm is refused.
        let none = format!(
            "{}.{}.",
            base64::Engine::encode(
                &base64::engine::general_purpose::URL_SAFE_NO_PAD,
                r#"{"alg":"none","typ":"JWT"}"#
            ),
            base64::Engine::encode(
                &base64::engine::general_purpose::URL_SAFE_NO_PAD,
                ok.to_string()
            )
        );
        assert_eq!(
            keys.verify(&none, Some(Scope::Probe), now),
            Err(TokenError::Invalid)
        );
    }
}
