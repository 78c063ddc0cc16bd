//! Route handlers: each reads its input, calls core or the engine, and
//! answers JSON.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use serde_json::{Value, json};

use super::ApiError;

/// `GET /healthz`.
pub(super) async fn healthz() -> Json<Value> {
    Json(json!({ "status": "ok", "version": smtp_doctor_core::VERSION }))
}

/// `POST /v1/validate`: config → `{ "diagnostics": [...] }`.
pub(super) async fn validate(
    body: Result<Json<Value>, JsonRejection>,
) -> Result<Json<Value>, ApiError> {
    let Json(config) = body?;
    Ok(Json(
        json!({ "diagnostics": smtp_doctor_core::validate_json(&config) }),
    ))
}

pub(super) async fn not_found() -> ApiError {
    ApiError::NotFound
}
