//! `POST /v1/explain`: what an error pasted from production means (core's
//! `explain`), in the caller's language. The body may carry the settings
//! used and the text may carry secrets: both are read into buffers wiped
//! with the request, and the answer echoes no secret (core redacts).

use axum::extract::DefaultBodyLimit;
use axum::response::Response;
use axum::routing::post;
use axum::{Json, Router};
use smtp_doctor_core::explain::{Explanation, MAX_TEXT};

use super::in_language;
use crate::http::api::ErrorBody;
use crate::http::body::SecretJson;
use crate::http::caller::Caller;
use crate::http::{ApiError, AppState};

/// The text's bound, plus room for the settings and the JSON around them.
pub(crate) const EXPLAIN_BODY_BYTES: usize = MAX_TEXT + 16 * 1024;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/v1/explain", post(explain))
        .layer(DefaultBodyLimit::max(EXPLAIN_BODY_BYTES))
}

/// `POST /v1/explain`: `{ "text", "config"? }` → `{ "diagnostics", "recognised" }`.
#[utoipa::path(post, path = "/v1/explain", request_body = crate::http::openapi::ExplainRequestBody,
    security((), ("apiKey" = [])),
    responses(
        (status = 200, body = Explanation),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 413, body = ErrorBody), (status = 415, body = ErrorBody),
    ))]
pub(crate) async fn explain(
    Caller { locale, .. }: Caller,
    SecretJson(body): SecretJson<EXPLAIN_BODY_BYTES>,
) -> Result<Response, ApiError> {
    let text = body
        .get("text")
        .and_then(serde_json::Value::as_str)
        .ok_or_else(|| {
            ApiError::BadRequest("`text` (the error, as a string) is required".into())
        })?;
    let config = match body.get("config") {
        None | Some(serde_json::Value::Null) => None,
        Some(value) if value.is_object() => Some(crate::secret::WipedJson::settings_of(value)),
        Some(_) => return Err(ApiError::BadRequest("`config` must be an object".into())),
    };
    let settings = config
        .as_ref()
        .map(|c| smtp_doctor_core::Config::from_json(c));
    let mut explained = smtp_doctor_core::explain(text, settings.as_ref());
    smtp_doctor_core::i18n::localize(&mut explained.diagnostics, locale);
    Ok(in_language(Json(explained), locale))
}
