//! API errors: `{ "error": { "code", "message" } }` with the right status
//! (SPEC §4). A failed *check* is never an error: it is a 200 with
//! diagnostics. These are for requests the service cannot take.

use std::time::Duration;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::api::{ErrorBody, ErrorDetail};

/// A request the service refuses.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("the request body is not valid JSON: {0}")]
    BadJson(String),
    #[error("{0}")]
    BadRequest(String),
    #[error("the request body is larger than {limit} bytes")]
    TooLarge { limit: usize },
    #[error("send the body as application/json")]
    UnsupportedMediaType,
    #[error("a valid API key is required (Authorization: Bearer …)")]
    Unauthorized,
    #[error("too many requests; retry in {} s", retry_after.as_secs().max(1))]
    RateLimited { retry_after: Duration },
    #[error("{0}")]
    Forbidden(String),
    #[error("the probe is at capacity; retry shortly")]
    AtCapacity,
    #[error("no such route")]
    NotFound,
    #[error("no such report: the link is wrong, expired or deleted")]
    NoSuchReport,
    #[error("share links are unavailable: {0}")]
    StoreUnavailable(String),
    #[error("internal error")]
    Internal,
}

impl ApiError {
    fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            Self::BadJson(_) => (StatusCode::BAD_REQUEST, "bad-json"),
            Self::BadRequest(_) => (StatusCode::BAD_REQUEST, "bad-request"),
            Self::TooLarge { .. } => (StatusCode::PAYLOAD_TOO_LARGE, "too-large"),
            Self::UnsupportedMediaType => {
                (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type")
            }
            Self::Unauthorized => (StatusCode::UNAUTHORIZED, "unauthorized"),
            Self::RateLimited { .. } => (StatusCode::TOO_MANY_REQUESTS, "rate-limited"),
            Self::Forbidden(_) => (StatusCode::FORBIDDEN, "forbidden"),
            Self::AtCapacity => (StatusCode::SERVICE_UNAVAILABLE, "at-capacity"),
            Self::NotFound | Self::NoSuchReport => (StatusCode::NOT_FOUND, "not-found"),
            Self::StoreUnavailable(_) => (StatusCode::SERVICE_UNAVAILABLE, "store-unavailable"),
            Self::Internal => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        }
    }
}

impl ApiError {
    /// `{"error": {"code", "message"}}`: the body of the JSON answer, and of
    /// an event stream's `error` event.
    pub(crate) fn body(&self) -> ErrorBody {
        let (_, code) = self.status_and_code();
        ErrorBody {
            error: ErrorDetail {
                code,
                message: self.to_string(),
            },
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        if status.is_server_error() {
            tracing::error!(code, "request failed: {self}");
        }
        let mut response = (status, axum::Json(self.body())).into_response();
        if let Self::RateLimited { retry_after } = &self {
            let secs = retry_after.as_secs() + u64::from(retry_after.subsec_nanos() > 0);
            if let Ok(v) = HeaderValue::from_str(&secs.max(1).to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_streams_error_is_the_json_answers_body() {
        use http_body_util::BodyExt as _;
        let e = ApiError::BadRequest("give an email address or a domain".into());
        let body = serde_json::to_value(e.body()).unwrap();
        assert_eq!(body["error"]["code"], "bad-request");
        let answer =
            ApiError::BadRequest("give an email address or a domain".into()).into_response();
        let bytes = futures_util::FutureExt::now_or_never(answer.into_body().collect())
            .expect("a ready body")
            .unwrap()
            .to_bytes();
        assert_eq!(
            serde_json::from_slice::<serde_json::Value>(&bytes).unwrap(),
            body
        );
    }
}
