//! JavaScript values in and out.
//!
//! Every export reads a plain JS object and returns plain JS objects. The
//! crossing is one JSON text each way: `JSON.stringify` and core's parser
//! in, core's writer and `JSON.parse` out, with core's own `Json` in
//! between. serde_json used to do that work, and its parser, serializer,
//! B-tree map and float formatting were half of the package's download;
//! setting each property from Rust instead costs a boundary crossing and a
//! string copy per property, several times slower. The objects have the
//! service's JSON shape (a browser test compares the two).

use smtp_doctor_core::json::{self, Json};
use smtp_doctor_core::report::StepKind;
use smtp_doctor_core::{CodeInfo, Diagnostic, Field, Fix, Param, ProviderSuggestion};
use wasm_bindgen::JsValue;

/// A JS value as JSON: `JSON.stringify` in the browser, then core's
/// parser, so it reads exactly what `JSON.stringify` sees (`undefined`,
/// functions and symbols dropped from objects, `NaN` as null). A value
/// JSON cannot hold (a cycle, a BigInt) reads as null. One crossing of the
/// boundary instead of one per property.
pub(crate) fn read(value: &JsValue) -> Json {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .and_then(|s| Json::parse(&s))
        .unwrap_or(Json::Null)
}

/// JSON as a JS value: written as one text in Rust and parsed once by
/// the browser's `JSON.parse`. Setting each property from Rust would cross
/// the boundary, and copy a string, per property: several times slower.
pub(crate) fn write(value: &Json) -> JsValue {
    let mut text = String::new();
    value.write_to(&mut text);
    js_sys::JSON::parse(&text).unwrap_or(JsValue::NULL)
}

fn text_or_null(text: Option<&str>) -> Json {
    text.map_or(Json::Null, Json::from)
}

fn param(value: &Param) -> Json {
    match value {
        Param::Text(s) => Json::from(s.as_str()),
        Param::Count(n) => Json::from(*n),
    }
}

fn object<'a>(entries: impl IntoIterator<Item = (&'a str, Json)>) -> Json {
    Json::Object(entries.into_iter().collect())
}

/// A fix as the service writes it: `{title, changes, key}`.
fn fix_json(fix: &Fix) -> Json {
    object([
        ("title", Json::from(fix.title.as_str())),
        (
            "changes",
            object(fix.changes.iter().map(|(f, v)| (f.as_str(), v.clone()))),
        ),
        ("key", Json::from(fix.key.as_str())),
    ])
}

/// Changes under the app's names for JS.
pub(crate) fn changes(changes: json::Object) -> JsValue {
    write(&Json::Object(changes))
}

/// Reads a fix a page passes back (`{changes, title?, key?}`).
pub(crate) fn read_fix(value: &JsValue) -> Option<Fix> {
    Fix::from_json(&read(value))
}

/// A diagnostic as the service writes it (SPEC §3): `params` only when
/// there are some.
fn diagnostic(d: &Diagnostic) -> Json {
    let mut out = json::Object::new();
    out.insert("code", Json::from(d.code.as_str()));
    out.insert("severity", Json::from(d.severity.as_str()));
    out.insert("field", text_or_null(d.field.map(Field::as_str)));
    out.insert("actor", Json::from(d.actor.as_str()));
    out.insert("message", Json::from(d.message.as_str()));
    out.insert("help", Json::from(d.help.as_str()));
    out.insert("fix", d.fix.as_ref().map_or(Json::Null, fix_json));
    out.insert("reply", text_or_null(d.reply.as_deref()));
    if !d.params.is_empty() {
        out.insert(
            "params",
            object(d.params.iter().map(|(k, v)| (k, param(v)))),
        );
    }
    Json::Object(out)
}

/// An array of diagnostics.
pub(crate) fn diagnostics<'a>(all: impl IntoIterator<Item = &'a Diagnostic>) -> JsValue {
    write(&Json::Array(all.into_iter().map(diagnostic).collect()))
}

/// Every code the registry knows, with `{code, severity, field, actor, live, docs}`.
pub(crate) fn codes(all: &[CodeInfo]) -> JsValue {
    let infos = all.iter().map(|info| {
        object([
            ("code", Json::from(info.code)),
            ("severity", Json::from(info.severity.as_str())),
            ("field", text_or_null(info.field.map(Field::as_str))),
            (
                "actor",
                text_or_null(
                    smtp_doctor_core::Code::from_id(info.code).map(|c| c.actor().as_str()),
                ),
            ),
            ("live", Json::Bool(info.live)),
            ("docs", Json::from(info.docs())),
        ])
    });
    write(&Json::Array(infos.collect()))
}

/// A provider's suggested settings (`appPasswordUrl` in camelCase, as
/// the service writes it).
pub(crate) fn suggestion(s: &ProviderSuggestion) -> JsValue {
    let endpoints = s
        .endpoints
        .iter()
        .map(|e| {
            object([
                ("port", Json::from(e.port)),
                ("security", Json::from(e.security.as_str())),
            ])
        })
        .collect();
    write(&object([
        ("provider", Json::from(s.provider)),
        ("name", Json::from(s.name)),
        ("host", Json::from(s.host.as_str())),
        ("port", Json::from(s.port)),
        ("security", Json::from(s.security.as_str())),
        ("username", text_or_null(s.username.as_deref())),
        ("endpoints", Json::Array(endpoints)),
        ("appPasswordUrl", text_or_null(s.app_password_url)),
        ("source", Json::from(s.source)),
    ]))
}

/// Step names.
pub(crate) fn steps(steps: &[StepKind]) -> JsValue {
    write(&Json::Array(
        steps.iter().map(|s| Json::from(s.as_str())).collect(),
    ))
}
