//! JavaScript values in and out, by hand.
//!
//! Every export reads a plain JS object and returns plain JS objects. Going
//! through JSON text (`JSON.stringify` → serde_json → `JSON.parse`) would
//! be shorter to write, and it was: the parser, the serializer, float
//! formatting and serde's derive machinery were a third of the package's
//! download. Here a value is walked with `Reflect` and built with
//! `Object`/`Array`, a few dozen lines per shape, and the result has the
//! same shape as the service's JSON (a browser test compares the two).

use js_sys::{Array, Object, Reflect};
use smtp_doctor_core::json::{self, Json};
use smtp_doctor_core::report::StepKind;
use smtp_doctor_core::{CodeInfo, Diagnostic, Field, Fix, Param, ProviderSuggestion};
use wasm_bindgen::{JsCast, JsValue};

/// How deep a value is read: settings are flat, options two levels; a
/// deeper (or cyclic) value reads as null there.
const MAX_DEPTH: usize = 8;

/// A JS value as JSON, as `JSON.stringify` would see it: `undefined`,
/// functions and symbols are dropped from objects and read as null
/// elsewhere, as do `NaN` and the infinities.
pub(crate) fn read(value: &JsValue) -> Json {
    read_at(value, 0).unwrap_or(Json::Null)
}

fn read_at(value: &JsValue, depth: usize) -> Option<Json> {
    if let Some(s) = value.as_string() {
        return Some(Json::String(s));
    }
    if let Some(f) = value.as_f64() {
        return Some(number(value, f));
    }
    if let Some(b) = value.as_bool() {
        return Some(Json::Bool(b));
    }
    if value.is_null() {
        return Some(Json::Null);
    }
    if value.is_undefined() || value.is_function() || value.is_symbol() || value.is_bigint() {
        return None;
    }
    if depth >= MAX_DEPTH || !value.is_object() {
        return Some(Json::Null);
    }
    if Array::is_array(value) {
        let items = Array::from(value)
            .iter()
            .map(|v| read_at(&v, depth + 1).unwrap_or(Json::Null))
            .collect();
        return Some(Json::Array(items));
    }
    let object = Object::from(value.clone());
    let mut map = json::Object::new();
    for key in Object::keys(&object).iter() {
        let (Some(name), Ok(v)) = (key.as_string(), Reflect::get(&object, &key)) else {
            continue;
        };
        if let Some(v) = read_at(&v, depth + 1) {
            map.insert(name, v);
        }
    }
    Some(Json::Object(map))
}

/// A JS number as JSON writes it (`String(n)`: 587, 587.5, 1e+21), or
/// null for `NaN` and the infinities.
fn number(value: &JsValue, f: f64) -> Json {
    if !f.is_finite() {
        return Json::Null;
    }
    let text: String = value
        .unchecked_ref::<js_sys::Number>()
        .to_string_with_radix(10)
        .map_or_else(|_| String::new(), String::from);
    Json::Number(text)
}

/// JSON as a JS value.
pub(crate) fn write(value: &Json) -> JsValue {
    match value {
        Json::Null => JsValue::NULL,
        Json::Bool(b) => JsValue::from_bool(*b),
        // Parsed by the browser (Rust's float parser would be code to download).
        Json::Number(n) => JsValue::from_f64(js_sys::parse_float(n)),
        Json::String(s) => JsValue::from_str(s),
        Json::Array(items) => items.iter().map(write).collect::<Array>().into(),
        Json::Object(map) => object(map.iter().map(|(k, v)| (k, write(v)))),
    }
}

/// An object of these entries.
pub(crate) fn object<'a>(entries: impl IntoIterator<Item = (&'a str, JsValue)>) -> JsValue {
    let out = Object::new();
    for (key, value) in entries {
        let _ = Reflect::set(&out, &JsValue::from_str(key), &value);
    }
    out.into()
}

fn text_or_null(text: Option<&str>) -> JsValue {
    text.map_or(JsValue::NULL, JsValue::from_str)
}

fn param(value: &Param) -> JsValue {
    match value {
        Param::Text(s) => JsValue::from_str(s),
        #[allow(clippy::cast_precision_loss)]
        Param::Count(n) => JsValue::from_f64(*n as f64),
    }
}

/// A fix as the service writes it: `{title, changes, key}`.
pub(crate) fn fix(fix: &Fix) -> JsValue {
    object([
        ("title", JsValue::from_str(&fix.title)),
        (
            "changes",
            object(fix.changes.iter().map(|(f, v)| (f.as_str(), write(v)))),
        ),
        ("key", JsValue::from_str(&fix.key)),
    ])
}

/// Reads a fix a page passes back (`{changes, title?, key?}`).
pub(crate) fn read_fix(value: &JsValue) -> Option<Fix> {
    Fix::from_json(&read(value))
}

/// A diagnostic as the service writes it (SPEC §3): `params` only when
/// there are some.
pub(crate) fn diagnostic(d: &Diagnostic) -> JsValue {
    let out = object([
        ("code", JsValue::from_str(d.code.as_str())),
        ("severity", JsValue::from_str(d.severity.as_str())),
        ("field", text_or_null(d.field.map(Field::as_str))),
        ("message", JsValue::from_str(&d.message)),
        ("help", JsValue::from_str(&d.help)),
        ("fix", d.fix.as_ref().map_or(JsValue::NULL, fix)),
        ("reply", text_or_null(d.reply.as_deref())),
    ]);
    if !d.params.is_empty() {
        let params = object(d.params.iter().map(|(k, v)| (k, param(v))));
        let _ = Reflect::set(&out, &JsValue::from_str("params"), &params);
    }
    out
}

/// An array of diagnostics.
pub(crate) fn diagnostics<'a>(all: impl IntoIterator<Item = &'a Diagnostic>) -> JsValue {
    all.into_iter().map(diagnostic).collect::<Array>().into()
}

/// What the registry knows about one code.
pub(crate) fn code_info(info: &CodeInfo) -> JsValue {
    object([
        ("code", JsValue::from_str(info.code)),
        ("severity", JsValue::from_str(info.severity.as_str())),
        ("field", text_or_null(info.field.map(Field::as_str))),
        ("live", JsValue::from_bool(info.live)),
        ("docs", JsValue::from_str(&info.docs())),
    ])
}

/// A provider's suggested settings (`appPasswordUrl` in camelCase, as
/// the service writes it).
pub(crate) fn suggestion(s: &ProviderSuggestion) -> JsValue {
    let endpoints: Array = s
        .endpoints
        .iter()
        .map(|e| {
            object([
                ("port", JsValue::from(e.port)),
                ("security", JsValue::from_str(e.security.as_str())),
            ])
        })
        .collect();
    object([
        ("provider", JsValue::from_str(s.provider)),
        ("name", JsValue::from_str(s.name)),
        ("host", JsValue::from_str(&s.host)),
        ("port", JsValue::from(s.port)),
        ("security", JsValue::from_str(s.security.as_str())),
        ("username", text_or_null(s.username.as_deref())),
        ("endpoints", endpoints.into()),
        ("appPasswordUrl", text_or_null(s.app_password_url)),
        ("source", JsValue::from_str(s.source)),
    ])
}

/// Step names.
pub(crate) fn steps(steps: &[StepKind]) -> JsValue {
    steps
        .iter()
        .map(|s| JsValue::from_str(s.as_str()))
        .collect::<Array>()
        .into()
}
