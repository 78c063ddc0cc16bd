//! The one result type of every check, static or live.
//!
//! A diagnostic is data, not an error: the browser, the HTTP service and the
//! CLI all render the same shape (SPEC §3). `message` says what is wrong,
//! `help` why and what to do, `fix` is a change a page can offer as one
//! click, `reply` carries a live server's words (credentials removed).
//!
//! Rules say *what* they found — a code and named `params` — and never
//! write prose: the texts come from the catalog of the reader's language
//! (`crate::i18n`, SPEC §7.4), filled in where the diagnostic leaves the
//! program. That keeps English out of the browser's wasm and lets a
//! client render the same finding in another language from its params.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::json::Json;

use crate::codes::Code;

pub use crate::vocabulary::{Actor, Field, Severity};

/// A one-click change: set each listed field to the given JSON value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Fix {
    /// The button text, e.g. "Use TLS/SSL", in the reader's language
    /// (rendered from the catalog's `fix-<key>` with the changes as its
    /// parameters).
    #[serde(default)]
    pub title: String,
    /// Field → new value. Never contains a password.
    #[cfg_attr(feature = "openapi", schema(value_type = std::collections::HashMap<String, Object>))]
    pub changes: Changes,
    /// Which text the title is: `use-port`, `send-as`, … (catalog id
    /// `fix-<key>`).
    #[serde(default)]
    pub key: String,
}

impl Fix {
    /// A fix whose title is the catalog's `fix-<key>`, no changes yet.
    pub fn new(key: &str) -> Self {
        Self {
            title: String::new(),
            changes: Changes::default(),
            key: key.to_owned(),
        }
    }

    /// Reads a fix from JSON (`{title?, changes, key?}`, as serialized);
    /// `None` unless `changes` is an object of known fields.
    pub fn from_json(value: &Json) -> Option<Self> {
        let text = |key| {
            value
                .get(key)
                .and_then(Json::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let mut fix = Self {
            title: text("title"),
            changes: Changes::default(),
            key: text("key"),
        };
        for (field, v) in value.get("changes")?.as_object()?.iter() {
            fix.changes.insert(Field::from_id(field)?, v.clone());
        }
        Some(fix)
    }

    /// Adds one field change.
    #[must_use]
    pub fn set(mut self, field: Field, value: impl Into<Json>) -> Self {
        debug_assert!(field != Field::Password, "a fix never carries a password");
        self.changes.insert(field, value.into());
        self
    }
}

/// A fix's changes, field → value, in field order. A handful at most: a
/// sorted list, not a map type of its own in the browser's download.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes(Vec<(Field, Json)>);

impl Changes {
    /// Sets a field's value; returns the one it replaces.
    pub fn insert(&mut self, field: Field, value: Json) -> Option<Json> {
        match self.0.binary_search_by_key(&field, |(f, _)| *f) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (field, value));
                None
            }
        }
    }

    pub fn get(&self, field: &Field) -> Option<&Json> {
        self.0.iter().find(|(f, _)| f == field).map(|(_, v)| v)
    }

    pub fn contains_key(&self, field: &Field) -> bool {
        self.get(field).is_some()
    }

    pub fn keys(&self) -> impl Iterator<Item = &Field> {
        self.0.iter().map(|(f, _)| f)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Field, &Json)> {
        self.0.iter().map(|(f, v)| (f, v))
    }

    /// Keeps the changes `keep` says yes to.
    pub fn retain(&mut self, mut keep: impl FnMut(&Field, &Json) -> bool) {
        self.0.retain(|(f, v)| keep(f, v));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl<'a> IntoIterator for &'a Changes {
    type Item = (&'a Field, &'a Json);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (Field, Json)>,
        fn(&'a (Field, Json)) -> (&'a Field, &'a Json),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(f, v)| (f, v))
    }
}

impl std::ops::Index<&Field> for Changes {
    type Output = Json;
    fn index(&self, field: &Field) -> &Json {
        self.get(field).expect("no change of this field")
    }
}

impl Serialize for Changes {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (f, v) in &self.0 {
            map.serialize_entry(f, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Changes {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Changes;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of field changes")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> Result<Changes, A::Error> {
                let mut out = Changes::default();
                while let Some((field, value)) = m.next_entry()? {
                    out.insert(field, value);
                }
                Ok(out)
            }
        }
        d.deserialize_map(V)
    }
}

/// One named value of a catalog text: words or a count. Ports, addresses
/// and names are text (a port is never written "2,525"); a count is a
/// number so each language picks its plural form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Param {
    Text(String),
    Count(i64),
}

impl From<&str> for Param {
    fn from(s: &str) -> Self {
        Self::Text(s.to_owned())
    }
}

impl From<String> for Param {
    fn from(s: String) -> Self {
        Self::Text(s)
    }
}

impl From<u16> for Param {
    /// A port or a reply code: text, never grouped or pluralised.
    fn from(n: u16) -> Self {
        Self::Text(n.to_string())
    }
}

impl fmt::Display for Param {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text(s) => f.write_str(s),
            Self::Count(n) => write!(f, "{n}"),
        }
    }
}

impl Serialize for Param {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Text(t) => s.serialize_str(t),
            Self::Count(n) => s.serialize_i64(*n),
        }
    }
}

impl<'de> Deserialize<'de> for Param {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Param;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or an integer")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Param, E> {
                Ok(Param::Text(v.to_owned()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Param, E> {
                Ok(Param::Count(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Param, E> {
                i64::try_from(v)
                    .map(Param::Count)
                    .map_err(|_| E::custom("count out of range"))
            }
        }
        d.deserialize_any(V)
    }
}

/// The named values of one diagnostic's texts, in the order set.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Params(#[serde(with = "pairs")] pub Vec<(String, Param)>);

impl Params {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The value of `name`, if set.
    pub fn get(&self, name: &str) -> Option<&Param> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// Sets `name`, replacing an earlier value.
    pub fn set(&mut self, name: &str, value: Param) {
        match self.0.iter_mut().find(|(k, _)| k == name) {
            Some(slot) => slot.1 = value,
            None => self.0.push((name.to_owned(), value)),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Param)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }
}

/// A list of pairs as a JSON object (no map type in the browser build).
mod pairs {
    use std::fmt;

    use serde::de::{MapAccess, Visitor};
    use serde::ser::SerializeMap;
    use serde::{Deserializer, Serializer};

    use super::Param;

    pub(super) fn serialize<S: Serializer>(v: &[(String, Param)], s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(v.len()))?;
        for (k, val) in v {
            map.serialize_entry(k, val)?;
        }
        map.end()
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Vec<(String, Param)>, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Vec<(String, Param)>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of strings and integers")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = m.next_entry()? {
                    out.push(entry);
                }
                Ok(out)
            }
        }
        d.deserialize_map(V)
    }
}

/// One finding about a config or a live session (SPEC §3).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "Wire")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub field: Option<Field>,
    /// Who must act on it: always the registry's for the code
    /// ([`Code::actor`]), whatever a report read back says.
    pub actor: Actor,
    /// What is wrong, in the reader's language (catalog: `<code>`).
    pub message: String,
    /// Why, and what to do (catalog: `<code>.help`).
    pub help: String,
    pub fix: Option<Fix>,
    pub reply: Option<String>,
    /// The named values the texts use, for clients that render the
    /// finding in another language (SPEC §7.4).
    #[serde(default, skip_serializing_if = "Params::is_empty")]
    #[cfg_attr(feature = "openapi", schema(value_type = std::collections::HashMap<String, Object>))]
    pub params: Params,
}

/// A diagnostic as JSON carries it; the actor comes from the registry.
#[derive(Deserialize)]
struct Wire {
    code: Code,
    severity: Severity,
    field: Option<Field>,
    message: String,
    help: String,
    fix: Option<Fix>,
    reply: Option<String>,
    #[serde(default)]
    params: Params,
}

impl From<Wire> for Diagnostic {
    fn from(w: Wire) -> Self {
        Self {
            code: w.code,
            severity: w.severity,
            field: w.field,
            actor: w.code.actor(),
            message: w.message,
            help: w.help,
            fix: w.fix,
            reply: w.reply,
            params: w.params,
        }
    }
}

impl Diagnostic {
    /// A diagnostic with the registry's default severity and field. Its
    /// texts are filled in by `i18n::localize`.
    pub fn new(code: Code) -> Self {
        let info = code.info();
        Self {
            code,
            severity: info.severity,
            field: info.field,
            actor: code.actor(),
            message: String::new(),
            help: String::new(),
            fix: None,
            reply: None,
            params: Params::default(),
        }
    }

    /// Sets a named value of the texts.
    #[must_use]
    pub fn param(mut self, name: &str, value: impl Into<Param>) -> Self {
        self.params.set(name, value.into());
        self
    }

    /// Chooses the catalog's variant of the texts (the `$case` selector).
    #[must_use]
    pub fn case(self, case: &str) -> Self {
        self.param("case", case)
    }

    #[must_use]
    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    #[must_use]
    pub fn field(mut self, field: Option<Field>) -> Self {
        self.field = field;
        self
    }

    #[must_use]
    pub fn fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    #[must_use]
    pub fn reply(mut self, reply: impl Into<String>) -> Self {
        self.reply = Some(reply.into());
        self
    }

    /// True for `error` severity.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}
