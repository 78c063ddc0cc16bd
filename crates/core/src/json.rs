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

impl Json {
    /// Compact JSON text, as serde_json writes it: `{"a":1,"b":"x"}`.
    /// The browser build hands results to JS as one such text (one
    /// `JSON.parse`, instead of a boundary crossing per property).
    pub fn write_to(&self, out: &mut String) {
        match self {
            Self::Null => out.push_str("null"),
            Self::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            // Written as read: from JSON or JS, so already JSON's syntax.
            Self::Number(n) => out.push_str(n),
            Self::String(s) => write_string(s, out),
            Self::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write_to(out);
                }
                out.push(']');
            }
            Self::Object(o) => {
                out.push('{');
                for (i, (k, v)) in o.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(k, out);
                    out.push(':');
                    v.write_to(out);
                }
                out.push('}');
            }
        }
    }
}

/// How deeply arrays and objects may nest in parsed text (serde_json's
/// limit too).
const MAX_DEPTH: usize = 128;

impl Json {
    /// Parses JSON text (RFC 8259), numbers kept as written; `None` if it
    /// is not JSON, or nests deeper than 128. The browser build reads
    /// settings this way: one `JSON.stringify` in JS, one pass here.
    pub fn parse(text: &str) -> Option<Self> {
        let mut p = Parser {
            s: text.as_bytes(),
            i: 0,
        };
        let value = p.value(0)?;
        p.ws();
        (p.i == p.s.len()).then_some(value)
    }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, word: &[u8]) -> Option<()> {
        self.s[self.i..]
            .starts_with(word)
            .then(|| self.i += word.len())
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        self.ws();
        match self.peek()? {
            b'n' => self.eat(b"null").map(|()| Json::Null),
            b't' => self.eat(b"true").map(|()| Json::Bool(true)),
            b'f' => self.eat(b"false").map(|()| Json::Bool(false)),
            b'"' => self.string().map(Json::String),
            b'[' if depth < MAX_DEPTH => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.peek()? == b']' {
                    self.i += 1;
                    return Some(Json::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    match self.peek()? {
                        b',' => self.i += 1,
                        b']' => {
                            self.i += 1;
                            return Some(Json::Array(items));
                        }
                        _ => return None,
                    }
                }
            }
            b'{' if depth < MAX_DEPTH => {
                self.i += 1;
                let mut object = Object::new();
                self.ws();
                if self.peek()? == b'}' {
                    self.i += 1;
                    return Some(Json::Object(object));
                }
                loop {
                    self.ws();
                    if self.peek()? != b'"' {
                        return None;
                    }
                    let key = self.string()?;
                    self.ws();
                    self.eat(b":")?;
                    object.insert(key, self.value(depth + 1)?);
                    self.ws();
                    match self.peek()? {
                        b',' => self.i += 1,
                        b'}' => {
                            self.i += 1;
                            return Some(Json::Object(object));
                        }
                        _ => return None,
                    }
                }
            }
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, kept as written.
    fn number(&mut self) -> Option<Json> {
        let start = self.i;
        let digits = |p: &mut Self| {
            let from = p.i;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.i += 1;
            }
            p.i > from
        };
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        if self.peek() == Some(b'0') {
            self.i += 1;
        } else if !digits(self) {
            return None;
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if !digits(self) {
                return None;
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if !digits(self) {
                return None;
            }
        }
        let text = std::str::from_utf8(&self.s[start..self.i]).ok()?;
        Some(Json::Number(text.to_owned()))
    }

    /// A string literal, the opening quote next.
    fn string(&mut self) -> Option<String> {
        self.i += 1;
        let mut out = Vec::new();
        loop {
            // A run without quote, backslash or control byte, copied whole.
            let run = self.s[self.i..]
                .iter()
                .position(|&b| b < 0x20 || b == b'"' || b == b'\\')?;
            out.extend_from_slice(&self.s[self.i..self.i + run]);
            self.i += run;
            let b = self.s[self.i];
            self.i += 1;
            match b {
                b'"' => return String::from_utf8(out).ok(),
                b'\\' => {
                    let c = match self.peek()? {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            self.i += 1;
                            let unit = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&unit) {
                                // A surrogate pair, or not JSON.
                                self.eat(b"\\u")?;
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return None;
                                }
                                0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                unit
                            };
                            let c = char::from_u32(code)?;
                            out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                            continue;
                        }
                        _ => return None,
                    };
                    self.i += 1;
                    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                }
                0..0x20 => return None,
                _ => out.push(b),
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.s.get(self.i..self.i + 4)?;
        let mut n = 0;
        for d in digits {
            n = n * 16 + char::from(*d).to_digit(16)?;
        }
        self.i += 4;
        Some(n)
    }
}

/// A JSON string literal: quotes, backslashes and control characters
/// escaped (RFC 8259 §7).
fn write_string(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut rest = s;
    // Runs that need no escape are copied whole (the browser build is
    // optimised for size: a call per character is slow there).
    while let Some(i) = rest
        .bytes()
        .position(|b| b < 0x20 || b == b'"' || b == b'\\')
    {
        out.push_str(&rest[..i]);
        let b = rest.as_bytes()[i];
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            _ => {
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0xf)]));
            }
        }
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
    out.push('"');
}

/// Compact JSON text: `"smtp.gmail.com"`, `587`, `{"a":1}`.
impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.write_to(&mut out);
        f.write_str(&out)
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
    fn writes_the_text_serde_json_writes() {
        let value = json!({"a": "quote \" back \\ nl \n tab \t bell \u{7} del \u{7f} é ✓",
                           "n": 587, "f": 587.5, "neg": -1, "t": true, "z": null,
                           "list": [1, "x", [], {}], "o": {"k": "v"}});
        // serde_json's map is sorted, and so is Json read from it.
        assert_eq!(
            Json::from(&value).to_string(),
            serde_json::to_string(&value).unwrap()
        );
        for text in ["\u{0}", "\u{1f}", "\u{8}\u{c}", "\u{2028}"] {
            let v = json!(text);
            assert_eq!(
                Json::from(&v).to_string(),
                serde_json::to_string(&v).unwrap(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn parses_what_serde_json_parses_and_refuses_what_it_refuses() {
        let good = [
            r#"{"host":"smtp.gmail.com","port":587,"f":-0.5e-3,"ok":true,"n":null}"#,
            r#" [ 1 , "a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00" , [] , {} ] "#,
            r#""\u0000""#,
            "0",
            "-0",
            "1E+2",
            r#"{"a":1,"a":2}"#,
        ];
        for text in good {
            let want: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(
                Json::parse(text).unwrap_or_else(|| panic!("{text}")),
                want,
                "{text}"
            );
        }
        assert_eq!(
            Json::parse("587.0"),
            Some(Json::Number("587.0".into())),
            "as written"
        );
        let bad = [
            "",
            " ",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "+1",
            "nul",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\x\"",
            "\"a\nb\"",
            "[1] x",
            "{1:2}",
            "\"unclosed",
            "\"\\u12\"",
            "NaN",
            "Infinity",
        ];
        for text in bad {
            assert!(
                serde_json::from_str::<serde_json::Value>(text).is_err(),
                "{text}"
            );
            assert_eq!(Json::parse(text), None, "{text}");
        }
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert_eq!(Json::parse(&deep), None, "bounded depth");
        let ok = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(Json::parse(&ok).is_some());
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
