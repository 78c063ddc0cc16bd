//! Settings as they arrive: loose JSON, read without serde_json.
//!
//! Forms hand over strings, numbers, booleans and the odd list; core reads
//! them, keeps what it does not know (a fix or an app's mapping leaves the
//! other keys alone) and hands them back. `serde_json::Value` would do, and
//! did: but its B-tree map, float formatting and serializer were a fifth
//! of the browser package's download. `Json` is the same data in a few
//! plain types: an object is a list of entries in the order given, and a
//! number is kept as written (`587`, `587.5`), so nothing formats floats.
//! The native front ends convert from and to `serde_json::Value` at their
//! edges (`From` both ways; `Serialize`/`Deserialize` write and read the
//! same JSON).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One JSON value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Json {
    #[default]
    Null,
    Bool(bool),
    /// A number as written: `587`, `-1`, `587.5`, `1e3`.
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Object),
}

/// A JSON object: its entries in order, each key once. Two objects are
/// equal when they have the same entries, in any order (as in JSON).
#[derive(Clone, Debug, Default, Eq)]
pub struct Object(Vec<(String, Json)>);

impl PartialEq for Object {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

impl Object {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn get(&self, key: &str) -> Option<&Json> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Sets `key` (in place if present, else at the end); returns the old value.
    pub fn insert(&mut self, key: impl Into<String>, value: Json) -> Option<Json> {
        let key = key.into();
        if let Some(slot) = self.0.iter_mut().find(|(k, _)| *k == key) {
            return Some(std::mem::replace(&mut slot.1, value));
        }
        self.0.push((key, value));
        None
    }

    pub fn remove(&mut self, key: &str) -> Option<Json> {
        let i = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(i).1)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Json)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Zeroes every string value (not keys: field names are not secret), for
/// holders of settings with a password that wipe them when dropped.
impl zeroize::Zeroize for Json {
    fn zeroize(&mut self) {
        match self {
            Self::String(s) => s.zeroize(),
            Self::Array(items) => items.iter_mut().for_each(Self::zeroize),
            Self::Object(o) => o.0.iter_mut().for_each(|(_, v)| v.zeroize()),
            Self::Null | Self::Bool(_) | Self::Number(_) => {}
        }
    }
}

impl<K: Into<String>> FromIterator<(K, Json)> for Object {
    /// Later entries win, as in a JSON object.
    fn from_iter<I: IntoIterator<Item = (K, Json)>>(entries: I) -> Self {
        let mut out = Self::new();
        for (k, v) in entries {
            out.insert(k, v);
        }
        out
    }
}

impl Json {
    pub fn as_object(&self) -> Option<&Object> {
        match self {
            Self::Object(o) => Some(o),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Self::Object(_))
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Self::Null)
    }

    /// The value of `key` in an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.as_object()?.get(key)
    }

    /// The value as a person reads it in a form: a string as is, a number
    /// as written, a boolean as `true`/`false`; `None` for the rest.
    pub fn text(&self) -> Option<String> {
        match self {
            Self::String(s) | Self::Number(s) => Some(s.clone()),
            Self::Bool(b) => Some(b.to_string()),
            Self::Null | Self::Array(_) | Self::Object(_) => None,
        }
    }
}

/// `value["key"]`: the key's value in an object, else null (as in
/// serde_json).
impl std::ops::Index<&str> for Json {
    type Output = Json;
    fn index(&self, key: &str) -> &Json {
        const NULL: Json = Json::Null;
        self.get(key).unwrap_or(&NULL)
    }
}

impl PartialEq<str> for Json {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == Some(other)
    }
}

impl PartialEq<&str> for Json {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == Some(*other)
    }
}

impl From<&str> for Json {
    fn from(s: &str) -> Self {
        Self::String(s.to_owned())
    }
}

impl From<String> for Json {
    fn from(s: String) -> Self {
        Self::String(s)
    }
}

impl From<bool> for Json {
    fn from(b: bool) -> Self {
        Self::Bool(b)
    }
}

macro_rules! integers {
    ($($t:ty),*) => {$(
        impl From<$t> for Json {
            fn from(n: $t) -> Self {
                Self::Number(n.to_string())
            }
        }
    )*};
}
integers!(u16, u32, u64, i32, i64);

impl From<Object> for Json {
    fn from(o: Object) -> Self {
        Self::Object(o)
    }
}

impl From<&serde_json::Value> for Json {
    fn from(value: &serde_json::Value) -> Self {
        use serde_json::Value;
        match value {
            Value::Null => Self::Null,
            Value::Bool(b) => Self::Bool(*b),
            Value::Number(n) => Self::Number(n.to_string()),
            Value::String(s) => Self::String(s.clone()),
            Value::Array(items) => Self::Array(items.iter().map(Self::from).collect()),
            Value::Object(map) => Self::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), Self::from(v)))
                    .collect(),
            ),
        }
    }
}

impl From<serde_json::Value> for Json {
    fn from(value: serde_json::Value) -> Self {
        Self::from(&value)
    }
}

impl From<&Json> for serde_json::Value {
    fn from(value: &Json) -> Self {
        use serde_json::Value;
        match value {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(n) => n
                .parse::<serde_json::Number>()
                .map_or(Value::Null, Value::Number),
            Json::String(s) => Value::String(s.clone()),
            Json::Array(items) => Value::Array(items.iter().map(Value::from).collect()),
            Json::Object(o) => Value::Object(
                o.iter()
                    .map(|(k, v)| (k.to_owned(), Value::from(v)))
                    .collect(),
            ),
        }
    }
}

impl From<Json> for serde_json::Value {
    fn from(value: Json) -> Self {
        Self::from(&value)
    }
}

impl PartialEq<serde_json::Value> for Json {
    fn eq(&self, other: &serde_json::Value) -> bool {
        use serde_json::Value;
        match (self, other) {
            (Self::Null, Value::Null) => true,
            (Self::Bool(a), Value::Bool(b)) => a == b,
            (Self::Number(a), Value::Number(b)) => {
                a.parse::<serde_json::Number>().is_ok_and(|a| a == *b)
            }
            (Self::String(a), Value::String(b)) => a == b,
            (Self::Array(a), Value::Array(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(a, b)| a == b)
            }
            (Self::Object(a), Value::Object(b)) => {
                a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| v == w))
            }
            _ => false,
        }
    }
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serde_json::Value::from(self).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        serde_json::Value::deserialize(d).map(Self::from)
    }
}

/// Compact JSON text: `"smtp.gmail.com"`, `587`, `{"a":1}`.
impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&serde_json::Value::from(self), f)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn round_trips_through_serde_json_keeping_order_and_numbers_as_written() {
        let value = json!({"host": "h", "port": 587, "odd": 587.5, "neg": -1, "on": true,
                           "list": [1, "a", null], "nested": {"b": 2, "a": 1}});
        let j = Json::from(&value);
        assert_eq!(serde_json::Value::from(&j), value);
        assert_eq!(j, value);
        assert_ne!(j, json!({"host": "h"}));
        // Objects are equal whatever the order of their entries.
        let a: Object = [("a", Json::Null), ("b", Json::from(true))]
            .into_iter()
            .collect();
        let b: Object = [("b", Json::from(true)), ("a", Json::Null)]
            .into_iter()
            .collect();
        assert_eq!(a, b);
        assert_eq!(j.get("port"), Some(&Json::Number("587".into())));
        assert_eq!(j.get("odd").and_then(Json::text).as_deref(), Some("587.5"));
        let text = serde_json::to_string(&j).unwrap();
        assert_eq!(serde_json::from_str::<Json>(&text).unwrap(), j);
        assert_eq!(Json::from(587u16).to_string(), "587");
        assert_eq!(Json::from("a\"b").to_string(), r#""a\"b""#);
    }

    #[test]
    fn zeroize_empties_every_string_value() {
        use zeroize::Zeroize;
        let mut j =
            Json::from(&json!({"password": "hunter22", "list": [{"token": "t"}], "port": 587}));
        j.zeroize();
        assert_eq!(
            j,
            json!({"password": "", "list": [{"token": ""}], "port": 587})
        );
    }

    #[test]
    fn objects_keep_one_entry_per_key_in_order() {
        let mut o: Object = [
            ("b", Json::from(1u16)),
            ("a", Json::Null),
            ("b", Json::from(2u16)),
        ]
        .into_iter()
        .collect();
        assert_eq!(o.len(), 2);
        assert_eq!(o.get("b"), Some(&Json::from(2u16)));
        assert_eq!(o.iter().map(|(k, _)| k).collect::<Vec<_>>(), ["b", "a"]);
        assert_eq!(o.remove("b"), Some(Json::from(2u16)));
        assert_eq!(o.insert("a", Json::from(true)), Some(Json::Null));
        assert!(!o.contains_key("b"));
        assert!(o.contains_key("a"));
    }
}
