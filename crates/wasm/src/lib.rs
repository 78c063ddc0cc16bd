//! smtp-doctor in the browser: the core validator behind a thin
//! wasm-bindgen binding, plus `attachForm`, which gives an ordinary HTML
//! form instant per-field feedback with one call.
//!
//! Every export is deserialize → call core → serialize; no rule lives here.

mod form;

use serde::Serialize;
use serde_json::Value;
use smtp_doctor_core::Fix;
use wasm_bindgen::prelude::*;

pub use form::{FormHandle, attach_form};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot convert result: {e}")))
}

fn from_js<T: serde::de::DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("{what}: {e}")))
}

/// Reads any JS value as JSON; `undefined` and functions read as null.
fn json_of(value: JsValue) -> Value {
    serde_wasm_bindgen::from_value(value).unwrap_or(Value::Null)
}

/// Runs every static rule on the settings and returns the diagnostics.
#[wasm_bindgen(unchecked_return_type = "Diagnostic[]")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "Config")] config: JsValue,
) -> Result<JsValue, JsError> {
    to_js(&smtp_doctor_core::validate_json(&json_of(config)))
}

/// Returns the settings with the fix applied (other fields kept).
#[wasm_bindgen(js_name = applyFix, unchecked_return_type = "Config")]
pub fn apply_fix(
    #[wasm_bindgen(unchecked_param_type = "Config")] config: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Fix")] fix: JsValue,
) -> Result<JsValue, JsError> {
    let fix: Fix = from_js(fix, "not a fix")?;
    to_js(&smtp_doctor_core::apply_fix(&json_of(config), &fix))
}

/// Suggested settings for an email address or a host, or `null`.
#[wasm_bindgen(js_name = providerFor, unchecked_return_type = "ProviderSuggestion | null")]
pub fn provider_for(host_or_email: &str) -> Result<JsValue, JsError> {
    to_js(&smtp_doctor_core::provider_for(host_or_email))
}

/// Every diagnostic code with its default severity, texts and docs anchor.
#[wasm_bindgen(unchecked_return_type = "CodeInfo[]")]
pub fn codes() -> Result<JsValue, JsError> {
    to_js(smtp_doctor_core::codes())
}

/// The package version.
#[wasm_bindgen]
pub fn version() -> String {
    smtp_doctor_core::VERSION.to_owned()
}
