//! smtp-doctor in the browser: the core validator behind a thin
//! wasm-bindgen binding, and core's form state (`FormState`) behind the
//! package's `createForm` and `attachForm`. The DOM work of `attachForm`
//! is the package's JS (`web/smtp-doctor/lib/attach.js`): here it cost a
//! fifth of the download, and every decision it shows is still core's.
//!
//! Every export is read → call core → write; no rule lives here. Values
//! are read and written as plain JS objects by hand (`js`), without JSON
//! text or serde in the package. International host names are mapped with
//! the browser's own URL parser (WHATWG/UTS #46) instead of shipping
//! Unicode tables.

mod js;
mod state;

use smtp_doctor_core::form::Show;
use smtp_doctor_core::options::Options;
use smtp_doctor_core::report::{Check, StepKind};
use smtp_doctor_core::{Fix, Security};
use wasm_bindgen::prelude::*;

pub use state::FormState;

/// A free-list allocator of a few hundred bytes instead of dlmalloc's 7 KB:
/// the validator allocates little and briefly. (The lock is uncontended:
/// the page has one JS thread.)
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// Hands core the browser's IDNA mapping (cheap after the first call; not
/// a `start` function, so hosts that skip start functions work too).
pub(crate) fn ready() {
    smtp_doctor_core::hostname::set_idna_mapper(browser_idna);
}

/// `new URL("http://name/").hostname`: the browser's UTS #46 mapping.
fn browser_idna(name: &str) -> Option<String> {
    let url = web_sys::Url::new(&format!("http://{name}/")).ok()?;
    Some(url.hostname())
}

/// The integration options (`fields`, `values`, `rules`) in a JS options
/// object; other keys (callbacks, `show`) belong to the caller.
pub(crate) fn options_of(options: &JsValue) -> Result<Options, JsError> {
    let mut ours = smtp_doctor_core::json::Object::new();
    if options.is_object() {
        for key in ["fields", "values", "rules", "now"] {
            let value = js_sys::Reflect::get(options, &JsValue::from_str(key)).unwrap_or_default();
            if !value.is_undefined() {
                ours.insert(key, js::read(&value));
            }
        }
    }
    let mut options = Options::from_json(&smtp_doctor_core::json::Json::Object(ours))
        .map_err(|e| JsError::new(&format!("smtp-doctor options: {e}")))?;
    // Core has no clock: the browser's, unless the caller gave one.
    if options.now.is_none() {
        let ms = js_sys::Date::now();
        // Whole seconds since 1970, as the rules read them.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let seconds = (ms / 1000.0).floor().max(0.0) as u64;
        options.now = Some(seconds);
    }
    Ok(options)
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
    show.as_string()
        .as_deref()
        .and_then(Show::from_id)
        .ok_or_else(|| JsError::new("smtp-doctor options: show is always, touched, blur or submit"))
}

/// A fix passed back by the page.
pub(crate) fn fix_of(fix: &JsValue) -> Result<Fix, JsError> {
    js::read_fix(fix).ok_or_else(|| JsError::new("not a fix: expected {changes: {field: value}}"))
}

fn security_of(security: &str) -> Result<Security, JsError> {
    Security::from_id(security).ok_or_else(|| JsError::new("security is tls, starttls or none"))
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
    Ok(js::diagnostics(&options.validate(&js::read(config))))
}

/// The settings (SPEC §2 names) an app's values stand for under these
/// options: what "Test connection" sends.
#[wasm_bindgen(js_name = configFor, unchecked_return_type = "Config")]
pub fn config_for(
    values: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: &JsValue,
) -> Result<JsValue, JsError> {
    Ok(js::write(&options_of(options)?.read(&js::read(values))))
}

/// A fix's changes under the app's field names: what a controlled form
/// sets in its own state.
#[wasm_bindgen(js_name = changesFor, unchecked_return_type = "Record<string, string | number>")]
pub fn changes_for(
    #[wasm_bindgen(unchecked_param_type = "Fix")] fix: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: &JsValue,
) -> Result<JsValue, JsError> {
    let fix = fix_of(fix)?;
    Ok(js::changes(options_of(options)?.changes(&fix)))
}

/// Returns the settings with the fix applied (other fields kept).
#[wasm_bindgen(js_name = applyFix, unchecked_return_type = "Config")]
pub fn apply_fix(
    #[wasm_bindgen(unchecked_param_type = "Config")] config: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Fix")] fix: &JsValue,
) -> Result<JsValue, JsError> {
    let fix = fix_of(fix)?;
    ready();
    Ok(js::write(&smtp_doctor_core::apply_fix(
        &js::read(config),
        &fix,
    )))
}

/// Suggested settings for an email address or a host, or `null`.
#[wasm_bindgen(js_name = providerFor, unchecked_return_type = "ProviderSuggestion | null")]
pub fn provider_for(host_or_email: &str) -> JsValue {
    ready();
    smtp_doctor_core::provider_for(host_or_email).map_or(JsValue::NULL, |s| js::suggestion(&s))
}

/// Every diagnostic code with its default severity, field and docs anchor.
#[wasm_bindgen(unchecked_return_type = "CodeInfo[]")]
pub fn codes() -> JsValue {
    js::codes(smtp_doctor_core::codes())
}

/// The steps a probe usually runs for this mode and these checks, in
/// order (core's `step_plan`): what a page shows as "in progress" next.
#[wasm_bindgen(js_name = stepPlan, unchecked_return_type = "StepKind[]")]
pub fn step_plan(
    #[wasm_bindgen(unchecked_param_type = "SecurityMode")] security: &str,
    #[wasm_bindgen(unchecked_param_type = "Check[]")] checks: &JsValue,
) -> Result<JsValue, JsError> {
    let security = security_of(security)?;
    let checks = if js_sys::Array::is_array(checks) {
        js_sys::Array::from(checks)
            .iter()
            .map(|c| c.as_string().as_deref().and_then(Check::from_id))
            .collect::<Option<Vec<_>>>()
    } else {
        None
    }
    .ok_or_else(|| JsError::new("checks are connect, tls, auth, sender or send"))?;
    Ok(js::steps(&smtp_doctor_core::report::step_plan(
        security, &checks,
    )))
}

/// The catalog id of a step's label (`step-auth`: "Log in"); the package
/// renders it in the page's language. The wasm holds no texts.
#[wasm_bindgen(js_name = stepLabelId)]
pub fn step_label_id(
    #[wasm_bindgen(unchecked_param_type = "StepKind")] step: &str,
) -> Result<String, JsError> {
    let step = StepKind::from_id(step).ok_or_else(|| JsError::new("not a probe step"))?;
    Ok(format!("step-{}", step.as_str()))
}

/// The catalog id of a security mode's label (`security-tls`: "TLS/SSL").
#[wasm_bindgen(js_name = securityLabelId)]
pub fn security_label_id(
    #[wasm_bindgen(unchecked_param_type = "SecurityMode")] security: &str,
) -> Result<String, JsError> {
    Ok(format!("security-{}", security_of(security)?.as_str()))
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
