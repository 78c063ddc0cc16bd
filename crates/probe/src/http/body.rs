//! Reading a JSON body that may hold a password.
//!
//! axum's `Json` keeps the raw bytes in a buffer nobody wipes, and a
//! serde error message quotes the value it choked on — a password sent as
//! a number came back in the 400. Here the bytes are copied into a buffer
//! that is zeroed when dropped, the chunks we are handed are zeroed where
//! we own them alone, and shape errors name the field and the expected
//! type, never the value. (Hyper's own socket buffer is reused for the
//! next bytes; what it keeps is outside our reach.) The parsed value is a
//! [`WipedJson`]: its strings are zeroed when it is dropped, and a typed
//! request is read from it by reference ([`SecretJson::parse`]), never
//! from a clone left behind.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header;
use http_body_util::BodyExt as _;
use serde_json::Value;
use zeroize::Zeroizing;

use super::{ApiError, MAX_BODY_BYTES};
use crate::secret::WipedJson;

/// A JSON body of at most `LIMIT` bytes, read as described in the module
/// docs.
#[derive(Debug)]
pub(crate) struct SecretJson<const LIMIT: usize = MAX_BODY_BYTES>(pub WipedJson);

impl<const LIMIT: usize> SecretJson<LIMIT> {
    /// The body as a typed request; `what` names it in a 400.
    pub(crate) fn parse<T: serde::de::DeserializeOwned>(&self, what: &str) -> Result<T, ApiError> {
        T::deserialize(&*self.0)
            .map_err(|e| ApiError::BadRequest(format!("not a {what}: {}", shape_error(&e))))
    }
}

impl<S: Send + Sync, const LIMIT: usize> FromRequest<S> for SecretJson<LIMIT> {
    type Rejection = ApiError;

    async fn from_request(request: Request, _: &S) -> Result<Self, ApiError> {
        let is_json = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|m| {
                let m = m.trim().to_ascii_lowercase();
                m == "application/json" || (m.starts_with("application/") && m.ends_with("+json"))
            });
        if !is_json {
            return Err(ApiError::UnsupportedMediaType);
        }
        let mut body = http_body_util::Limited::new(request.into_body(), LIMIT);
        let mut raw = Zeroizing::new(Vec::new());
        while let Some(frame) = body.frame().await {
            let frame = frame.map_err(|e| {
                if e.is::<http_body_util::LengthLimitError>() {
                    ApiError::TooLarge { limit: LIMIT }
                } else {
                    ApiError::BadJson("the body could not be read".into())
                }
            })?;
            if let Ok(data) = frame.into_data() {
                raw.extend_from_slice(&data);
                wipe(data);
            }
        }
        serde_json::from_slice::<Value>(&raw)
            .map(|v| SecretJson(WipedJson::new(v)))
            .map_err(|e| ApiError::BadJson(e.to_string()))
    }
}

/// Zeroes a chunk if no one else holds it.
fn wipe(data: Bytes) {
    if let Ok(mut owned) = data.try_into_mut() {
        owned.fill(0);
    }
}

/// A serde error about the request's shape, without the value it quotes
/// (`invalid type: integer `12345`, expected a string` names a password).
pub(crate) fn shape_error(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let expected = text
        .rsplit_once(", expected ")
        .map(|(_, exp)| exp.split(" at line ").next().unwrap_or(exp));
    for kind in ["invalid type", "invalid value", "invalid length"] {
        if text.starts_with(kind) {
            return match expected {
                Some(exp) => format!("{kind}: expected {exp}"),
                None => kind.to_owned(),
            };
        }
    }
    if text.starts_with("unknown variant") {
        return match expected {
            Some(exp) => format!("unknown value, expected {exp}"),
            None => "unknown value".to_owned(),
        };
    }
    // "missing field `x`", "unknown field `x`": names of fields, not values.
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_errors_never_quote_the_value() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct T {
            password: Option<String>,
            port: Option<u16>,
        }
        for (body, secret) in [
            (r#"{"password": 987654321}"#, "987654321"),
            (r#"{"password": ["hunter2"]}"#, "hunter2"),
            (r#"{"password": true}"#, "true"),
            (r#"{"port": "hunter2"}"#, "hunter2"),
            (r#"{"port": 99999999}"#, "99999999"),
        ] {
            let e = serde_json::from_str::<T>(body).unwrap_err();
            let text = shape_error(&e);
            assert!(!text.contains(secret), "{text}");
            assert!(text.contains("expected"), "{text}");
        }
    }
}
