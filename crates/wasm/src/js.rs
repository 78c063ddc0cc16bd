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
use serde_json::{Map, Number, Value};
use smtp_doctor_core::report::StepKind;
use smtp_doctor_core::{CodeInfo, Diagnostic, Field, Fix, Param, ProviderSuggestion};
use wasm_bindgen::JsValue;

/// How deep a value is read: settings are flat, options two levels; a
/// deeper (or cyclic) value reads as null there.
const MAX_DEPTH: usize = 8;

/// A JS value as JSON, as `JSON.stringify` would see it: `undefined`,
/// functions and symbols are dropped from objects and read as null
/// elsewhere, as do `NaN` and the infinities.
pub(crate) fn read(value: &JsValue) -> Value {
    read_at(value, 0).unwrap_or(Value::Null)
}

fn read_at(value: &JsValue, depth: usize) -> Option<Value> {
    if let Some(s) = value.as_string() {
        return Some(Value::String(s));
    }
    if let Some(f) = value.as_f64() {
        return Some(number(f));
    }
    if let Some(b) = value.as_bool() {
        return Some(Value::Bool(b));
    }
    if value.is_null() {
        return Some(Value::Null);
    }
    if value.is_undefined() || value.is_function() || value.is_symbol() || value.is_bigint() {
        return None;
    }
    if depth >= MAX_DEPTH || !value.is_object() {
        return Some(Value::Null);
    }
    if Array::is_array(value) {
        let items = Array::from(value)
            .iter()
            .map(|v| read_at(&v, depth + 1).unwrap_or(Value::Null))
            .collect();
        return Some(Value::Array(items));
    }
    let object = Object::from(value.clone());
    let mut map = Map::new();
    for key in Object::keys(&object).iter() {
        let (Some(name), Ok(v)) = (key.as_string(), Reflect::get(&object, &key)) else {
            continue;
        };
        if let Some(v) = read_at(&v, depth + 1) {
            map.insert(name, v);
        }
    }
    Some(Value::Object(map))
}

/// A JS number: an integer when it is one (587, not 587.0).
fn number(f: f64) -> Value {
    const SAFE: f64 = 9_007_199_254_740_991.0; // 2^53 - 1
    if f.fract() == 0.0 && f.abs() <= SAFE {
        #[allow(clippy::cast_possible_truncation)]
        return Value::Number(Number::from(f as i64));
    }
    Number::from_f64(f).map_or(Value::Null, Value::Number)
}

/// JSON as a JS value.
pub(crate) fn write(value: &Value) -> JsValue {
    match value {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) => n.as_f64().map_or(JsValue::NULL, JsValue::from_f64),
        Value::String(s) => JsValue::from_str(s),
        Value::Array(items) => items.iter().map(write).collect::<Array>().into(),
        Value::Object(map) => object(map.iter().map(|(k, v)| (k.as_str(), write(v)))),
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
        ("docs", JsValue::from_str(info.docs)),
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
