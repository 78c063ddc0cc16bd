//! `POST /v1/validate`: the static rules of core, in the caller's language.

use axum::response::Response;
use axum::routing::post;
use axum::{Json, Router};

use super::in_language;
use crate::http::api::{ErrorBody, ValidateResponse};
use crate::http::body::SecretJson;
use crate::http::caller::Caller;
use crate::http::{ApiError, AppState};

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/v1/validate", post(validate))
}

/// `POST /v1/validate`: config → `{ "diagnostics": [...] }`.
#[utoipa::path(post, path = "/v1/validate", request_body = crate::http::openapi::ConfigInput,
    security((), ("apiKey" = [])),
    responses(
        (status = 200, body = ValidateResponse),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 413, body = ErrorBody), (status = 415, body = ErrorBody),
    ))]
pub(crate) async fn validate(
    Caller { locale, .. }: Caller,
    SecretJson(config): SecretJson,
) -> Result<Response, ApiError> {
    let mut diagnostics =
        smtp_doctor_core::validate_json_at(&config.settings(), Some(crate::clock::now()));
    smtp_doctor_core::i18n::localize(&mut diagnostics, locale);
    Ok(in_language(Json(ValidateResponse { diagnostics }), locale))
}
