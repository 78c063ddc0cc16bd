//! JSON that may hold a password, wiped when dropped.
//!
//! A settings object travels from the request body to the SMTP wire as a
//! `serde_json::Value`, and a `Value`'s strings are freed without being
//! overwritten. [`WipedJson`] owns such a value and zeroes every string in
//! it on drop — on every path, a refused request as much as a finished
//! probe — so no code has to remember to scrub it. Clones are wiped too.
//! (The raw body is a `Zeroizing` buffer; the AUTH encodings the session
//! builds are `Zeroizing` strings.)

use std::fmt;
use std::ops::{Deref, DerefMut};

use serde::{Deserialize, Deserializer};
use serde_json::Value;
use smtp_doctor_core::json::Json;
use zeroize::Zeroize;

/// A JSON value whose strings are zeroed when it is dropped.
#[derive(Clone, Default, PartialEq)]
pub struct WipedJson(Value);

impl WipedJson {
    pub fn new(value: Value) -> Self {
        Self(value)
    }
}

impl From<Value> for WipedJson {
    fn from(value: Value) -> Self {
        Self(value)
    }
}

impl Deref for WipedJson {
    type Target = Value;

    fn deref(&self) -> &Value {
        &self.0
    }
}

impl DerefMut for WipedJson {
    fn deref_mut(&mut self) -> &mut Value {
        &mut self.0
    }
}

impl Drop for WipedJson {
    fn drop(&mut self) {
        wipe(&mut self.0);
    }
}

/// Zeroes every string (values, not keys: field names are not secret).
fn wipe(value: &mut Value) {
    match value {
        Value::String(s) => s.zeroize(),
        Value::Array(items) => items.iter_mut().for_each(wipe),
        Value::Object(map) => map.values_mut().for_each(wipe),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

impl WipedJson {
    /// The settings as core reads them (`smtp_doctor_core::json::Json`),
    /// wiped when dropped like this value: core's copy must not outlive the
    /// request's own.
    pub fn settings(&self) -> WipedSettings {
        Self::settings_of(&self.0)
    }

    /// [`Self::settings`] of a part of a body (e.g. its `config`).
    pub fn settings_of(value: &Value) -> WipedSettings {
        WipedSettings(Json::from(value))
    }
}

/// Settings in core's JSON form whose strings are zeroed when dropped.
pub struct WipedSettings(Json);

impl Deref for WipedSettings {
    type Target = Json;

    fn deref(&self) -> &Json {
        &self.0
    }
}

impl Drop for WipedSettings {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl<'de> Deserialize<'de> for WipedJson {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Value::deserialize(deserializer).map(Self)
    }
}

/// Never prints the value: it may hold a password.
impl fmt::Debug for WipedSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WipedSettings(<not shown>)")
    }
}

/// Never prints the value: it may hold a password.
impl fmt::Debug for WipedJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WipedJson(<not shown>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_is_zeroed_in_place() {
        let mut json = serde_json::json!({
            "host": "smtp.example.com",
            "password": "hunter22",
            "nested": [{"token": "ya29.secret"}],
            "port": 587
        });
        wipe(&mut json);
        assert_eq!(json["password"], "");
        assert_eq!(json["nested"][0]["token"], "");
        assert_eq!(json["port"], 587);
        let w = WipedJson::new(serde_json::json!({"password": "x"}));
        assert_eq!(format!("{w:?}"), "WipedJson(<not shown>)");
        assert_eq!(w["password"], "x", "readable until dropped");
        let settings = w.settings();
        assert_eq!(settings.get("password").and_then(Json::as_str), Some("x"));
        let mut copy = WipedSettings(settings.0.clone());
        assert_eq!(format!("{copy:?}"), "WipedSettings(<not shown>)");
        // What its Drop does:
        copy.0.zeroize();
        assert_eq!(copy.get("password").and_then(Json::as_str), Some(""));
    }
}
