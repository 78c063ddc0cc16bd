//! smtp-doctor in the browser: the core validator behind a thin
//! wasm-bindgen binding, plus `attachForm`, which gives an ordinary HTML
//! form instant per-field feedback with one call.
//!
//! Every export is deserialize → call core → serialize; no rule lives here.
//! Values cross the boundary as JSON text (`JSON.stringify`/`JSON.parse`
//! are native and fast), which keeps a serde↔JsValue bridge out of the
//! package. International host names are mapped with the browser's own
//! URL parser (WHATWG/UTS #46) instead of shipping Unicode tables.

mod form;
mod state;

use serde::Serialize;
use serde_json::Value;
use smtp_doctor_core::Fix;
use smtp_doctor_core::form::Show;
use smtp_doctor_core::options::Options;
use wasm_bindgen::prelude::*;

pub use form::{FormHandle, attach_form};
pub use state::FormState;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// Hands core the browser's IDNA mapping and the page's texts (cheap after
/// the first call; not a `start` function, so hosts that skip start
/// functions work too).
pub(crate) fn ready() {
    smtp_doctor_core::hostname::set_idna_mapper(browser_idna);
    smtp_doctor_core::i18n::set_texts(page_text);
}

thread_local! {
    /// The page's `(id, attribute, args) → text` (Fluent over the catalog
    /// of the page's language), set by `setTexts`.
    static TEXTS: std::cell::RefCell<Option<js_sys::Function>> =
        const { std::cell::RefCell::new(None) };
}

/// Gives the validator its texts: `texts(id, attribute, args)` returns
/// the catalog text (the package passes Fluent's `formatPattern` over the
/// catalog of the page's language). The wasm itself holds no prose.
#[wasm_bindgen(js_name = setTexts)]
pub fn set_texts(
    #[wasm_bindgen(
        unchecked_param_type = "(id: string, attribute: string | undefined, args: Record<string, string | number>) => string"
    )]
    texts: js_sys::Function,
) {
    ready();
    TEXTS.with(|t| *t.borrow_mut() = Some(texts));
}

/// One text through the page's function; the id when there is none.
fn page_text(id: &str, attr: Option<&str>, args: &[(&str, smtp_doctor_core::Param)]) -> String {
    TEXTS.with(|t| {
        let Some(f) = &*t.borrow() else {
            return id.to_owned();
        };
        let object = js_sys::Object::new();
        for (name, value) in args {
            let value = match value {
                smtp_doctor_core::Param::Text(s) => JsValue::from_str(s),
                #[allow(clippy::cast_precision_loss)]
                smtp_doctor_core::Param::Count(n) => JsValue::from_f64(*n as f64),
            };
            let _ = js_sys::Reflect::set(&object, &JsValue::from_str(name), &value);
        }
        let attr = attr.map_or(JsValue::UNDEFINED, JsValue::from_str);
        f.call3(&JsValue::NULL, &JsValue::from_str(id), &attr, &object)
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| id.to_owned())
    })
}

/// `new URL("http://name/").hostname`: the browser's UTS #46 mapping.
fn browser_idna(name: &str) -> Option<String> {
    let url = web_sys::Url::new(&format!("http://{name}/")).ok()?;
    Some(url.hostname())
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value)
        .map_err(|e| JsError::new(&format!("cannot convert result: {e}")))?;
    js_sys::JSON::parse(&text).map_err(|_| JsError::new("cannot convert result"))
}

/// Reads a JS value as JSON; `undefined`, functions and values JSON cannot
/// hold read as null (and so as `config.invalid`).
fn json_of(value: &JsValue) -> Value {
    if value.is_undefined() {
        return Value::Null;
    }
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(Value::Null)
}

/// The integration options (`fields`, `values`, `rules`) in a JS options
/// object; other keys (callbacks, `show`) belong to the caller.
pub(crate) fn options_of(options: &JsValue) -> Result<Options, JsError> {
    let Value::Object(mut all) = json_of(options) else {
        return Ok(Options::default());
    };
    let ours: serde_json::Map<String, Value> = ["fields", "values", "rules"]
        .into_iter()
        .filter_map(|k| Some((k.to_owned(), all.remove(k)?)))
        .collect();
    serde_json::from_value(Value::Object(ours))
        .map_err(|e| JsError::new(&format!("smtp-doctor options: {e}")))
}

/// The `show` policy in a JS options object (default: calm until touched).
pub(crate) fn show_of(options: &JsValue) -> Result<Show, JsError> {
    let show = if options.is_object() {
        js_sys::Reflect::get(options, &JsValue::from_str("show")).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    };
    if show.is_undefined() {
        return Ok(Show::default());
    }
    serde_json::from_value(json_of(&show))
        .map_err(|_| JsError::new("smtp-doctor options: show is always, touched, blur or submit"))
}

/// Runs every static rule on the settings and returns the diagnostics;
/// with options, the app's field names, its own values and its rule
/// choices apply (core's `Options`).
#[wasm_bindgen(unchecked_return_type = "Diagnostic[]")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "Config")] config: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: &JsValue,
) -> Result<JsValue, JsError> {
    ready();
    let options = options_of(options)?;
    to_js(&options.validate(&json_of(config)))
}

/// The settings (SPEC §2 names) an app's values stand for under these
/// options: what "Test connection" sends.
#[wasm_bindgen(js_name = configFor, unchecked_return_type = "Config")]
pub fn config_for(
    values: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: &JsValue,
) -> Result<JsValue, JsError> {
    to_js(&options_of(options)?.read(&json_of(values)))
}

/// A fix's changes under the app's field names: what a controlled form
/// sets in its own state.
#[wasm_bindgen(js_name = changesFor, unchecked_return_type = "Record<string, string | number>")]
pub fn changes_for(
    #[wasm_bindgen(unchecked_param_type = "Fix")] fix: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: &JsValue,
) -> Result<JsValue, JsError> {
    let fix: Fix = serde_json::from_value(json_of(fix))
        .map_err(|e| JsError::new(&format!("not a fix: {e}")))?;
    to_js(&options_of(options)?.changes(&fix))
}

/// Returns the settings with the fix applied (other fields kept).
#[wasm_bindgen(js_name = applyFix, unchecked_return_type = "Config")]
pub fn apply_fix(
    #[wasm_bindgen(unchecked_param_type = "Config")] config: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Fix")] fix: &JsValue,
) -> Result<JsValue, JsError> {
    let fix: Fix = serde_json::from_value(json_of(fix))
        .map_err(|e| JsError::new(&format!("not a fix: {e}")))?;
    ready();
    to_js(&smtp_doctor_core::apply_fix(&json_of(config), &fix))
}

/// Suggested settings for an email address or a host, or `null`.
#[wasm_bindgen(js_name = providerFor, unchecked_return_type = "ProviderSuggestion | null")]
pub fn provider_for(host_or_email: &str) -> Result<JsValue, JsError> {
    ready();
    to_js(&smtp_doctor_core::provider_for(host_or_email))
}

/// Every diagnostic code with its default severity, field and docs anchor.
#[wasm_bindgen(unchecked_return_type = "CodeInfo[]")]
pub fn codes() -> Result<JsValue, JsError> {
    to_js(smtp_doctor_core::codes())
}

/// The steps a probe usually runs for this mode and these checks, in
/// order (core's `step_plan`): what a page shows as "in progress" next.
#[wasm_bindgen(js_name = stepPlan, unchecked_return_type = "StepKind[]")]
pub fn step_plan(
    #[wasm_bindgen(unchecked_param_type = "SecurityMode")] security: &str,
    #[wasm_bindgen(unchecked_param_type = "Check[]")] checks: &JsValue,
) -> Result<JsValue, JsError> {
    let security: smtp_doctor_core::Security =
        serde_json::from_value(Value::String(security.to_owned()))
            .map_err(|_| JsError::new("security is tls, starttls or none"))?;
    let checks: Vec<smtp_doctor_core::report::Check> = serde_json::from_value(json_of(checks))
        .map_err(|_| JsError::new("checks are connect, tls, auth, sender or send"))?;
    to_js(&smtp_doctor_core::report::step_plan(security, &checks))
}

/// What a probe step does, as a list of steps shows it ("Log in").
#[wasm_bindgen(js_name = stepLabel)]
pub fn step_label(
    #[wasm_bindgen(unchecked_param_type = "StepKind")] step: &str,
) -> Result<String, JsError> {
    let step: smtp_doctor_core::report::StepKind =
        serde_json::from_value(Value::String(step.to_owned()))
            .map_err(|_| JsError::new("not a probe step"))?;
    ready();
    Ok(smtp_doctor_core::i18n::text(
        &format!("step-{}", step.as_str()),
        &[],
    ))
}

/// How people write a security mode: `TLS/SSL`, `STARTTLS`, `no encryption`.
#[wasm_bindgen(js_name = securityLabel)]
pub fn security_label(
    #[wasm_bindgen(unchecked_param_type = "SecurityMode")] security: &str,
) -> Result<String, JsError> {
    let security: smtp_doctor_core::Security =
        serde_json::from_value(Value::String(security.to_owned()))
            .map_err(|_| JsError::new("security is tls, starttls or none"))?;
    ready();
    Ok(smtp_doctor_core::i18n::text(
        &format!("security-{}", security.as_str()),
        &[],
    ))
}

/// Whether an IP allowlist on the server is a likely fix for this code
/// (the page then shows the service's egress addresses).
#[wasm_bindgen(js_name = allowlistMayFix)]
pub fn allowlist_may_fix(code: &str) -> bool {
    smtp_doctor_core::Code::from_id(code).is_some_and(smtp_doctor_core::Code::allowlist_may_fix)
}

/// The package version.
#[wasm_bindgen]
pub fn version() -> String {
    smtp_doctor_core::VERSION.to_owned()
}
