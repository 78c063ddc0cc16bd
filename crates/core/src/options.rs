//! How one integration uses the rules: its own field names, the values it
//! supplies itself, and the rules it switches off or downgrades.
//!
//! A SaaS settings form is rarely ours: its fields are `smtp_host` and
//! `smtp_pass`, its From address is fixed by the app, and one rule may not
//! fit its product. Left to each front end, that mapping would be written
//! once in the wasm form binding and again in every JS wrapper, so it lives
//! here, next to the rules, and every front end passes the same options.
//!
//! ```
//! use serde_json::json;
//! use smtp_doctor_core::json::Json;
//! use smtp_doctor_core::options::Options;
//! let options = Options::from_json(&Json::from(json!({
//!     "fields": { "host": "smtp_host", "from": null },
//!     "values": { "from": "noreply@app.example" },
//!     "rules": { "from.domain-mismatch": "off" }
//! }))).unwrap();
//! let found = options.validate(&Json::from(json!({ "smtp_host": "imap.gmail.com" })));
//! assert_eq!(found[0].code.as_str(), "host.incoming-server");
//! // The fix comes back under the app's own field name.
//! let fix = found[0].fix.as_ref().unwrap();
//! assert_eq!(options.changes(fix).get("smtp_host"), Some(&"smtp.gmail.com".into()));
//! ```

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

use crate::json::{Json, Object};
use crate::{Code, Diagnostic, Field, Fix, Severity, validate_json_at};

/// What an integration does with one rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rule {
    /// Never reported.
    Off,
    /// Reported with this severity instead of its default.
    Error,
    Warning,
    Info,
}

impl Rule {
    /// The rule named `id` (`off`, `error`, `warning`, `info`).
    pub fn from_id(id: &str) -> Option<Self> {
        match id {
            "off" => Some(Self::Off),
            "error" => Some(Self::Error),
            "warning" => Some(Self::Warning),
            "info" => Some(Self::Info),
            _ => None,
        }
    }
}

/// One integration's options (all optional; the default changes nothing).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// A field's name in the app's form or state; `None` when the app has
    /// no such field. Unlisted fields keep their own names (`host`, …).
    pub fields: Vec<(Field, Option<String>)>,
    /// Values the app supplies itself, by field (e.g. a fixed `from`);
    /// they win over what the form holds.
    pub values: Object,
    /// A rule switched `off`, or given another severity, by code.
    pub rules: Vec<(Code, Rule)>,
    /// The time to judge by, Unix seconds (core has no clock: the browser
    /// binding fills in the browser's, a test or a server render its own).
    pub now: Option<u64>,
}

/// Options that name something that does not exist: a typo is an error,
/// never silence (a rule "switched off" under a misspelt code would still
/// fire).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionsError(String);

impl fmt::Display for OptionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for OptionsError {}

impl Options {
    /// Reads options from JSON: `{fields, values, rules}`, each optional.
    /// Read by hand rather than derived, so the browser build parses them
    /// without serde's machinery.
    pub fn from_json(value: &Json) -> Result<Self, OptionsError> {
        let bad = |what: String| Err(OptionsError(what));
        let mut options = Self::default();
        let Some(object) = value.as_object() else {
            return if value.is_null() {
                Ok(options)
            } else {
                bad("options are an object".to_owned())
            };
        };
        for (key, value) in object.iter() {
            match (key, value) {
                (_, Json::Null) => {}
                ("fields", Json::Object(fields)) => {
                    for (name, to) in fields.iter() {
                        let Some(field) = Field::from_id(name) else {
                            return bad(format!(
                                "fields: `{name}` is not a field (host, port, security, username, password, from, auth, accessToken)"
                            ));
                        };
                        let to = match to {
                            Json::String(s) => Some(s.clone()),
                            Json::Null => None,
                            _ => return bad(format!("fields.{name} is a name or null")),
                        };
                        options.fields.push((field, to));
                    }
                }
                ("values", Json::Object(values)) => options.values.clone_from(values),
                ("rules", Json::Object(rules)) => {
                    for (code, rule) in rules.iter() {
                        let Some(code) = Code::from_id(code) else {
                            return bad(format!("rules: `{code}` is not a diagnostic code"));
                        };
                        let Some(rule) = rule.as_str().and_then(Rule::from_id) else {
                            return bad(format!(
                                "rules.{}: use off, error, warning or info",
                                code.as_str()
                            ));
                        };
                        options.rules.push((code, rule));
                    }
                }
                ("now", Json::Number(n)) => match n.parse::<u64>() {
                    Ok(now) => options.now = Some(now),
                    Err(_) => return bad("now is Unix seconds, a whole number".to_owned()),
                },
                ("now", _) => return bad("now is Unix seconds, a number".to_owned()),
                ("fields" | "values" | "rules", _) => return bad(format!("{key} is an object")),
                _ => {
                    return bad(format!(
                        "unknown option `{key}` (fields, values, rules, now)"
                    ));
                }
            }
        }
        Ok(options)
    }
}

impl<'de> Deserialize<'de> for Options {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Self::from_json(&Json::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

impl Options {
    /// The app's name for a field, or `None` when the app has no such field.
    pub fn name_of(&self, field: Field) -> Option<&str> {
        match lookup(&self.fields, &field) {
            Some(Some(name)) => Some(name),
            Some(None) => None,
            None => Some(field.as_str()),
        }
    }

    /// Whether the customer can see and change this field.
    fn shown(&self, field: Field) -> bool {
        self.name_of(field).is_some()
    }

    /// The app's values (by its own names) as settings JSON (SPEC §2):
    /// mapped fields renamed, fields it does not have dropped, its fixed
    /// values laid over. Keys the options do not name pass through, so the
    /// `secure`/`tls` aliases still work.
    pub fn read(&self, app: &Json) -> Json {
        let Some(source) = app.as_object() else {
            return app.clone();
        };
        let mut out = source.clone();
        for field in Field::ALL {
            match lookup(&self.fields, &field) {
                None => {}
                Some(None) => {
                    out.remove(field.as_str());
                }
                Some(Some(name)) => {
                    out.remove(field.as_str());
                    if let Some(value) = out.remove(name.as_str()) {
                        out.insert(field.as_str(), value);
                    }
                }
            }
        }
        for (key, value) in self.values.iter() {
            out.insert(key, value.clone());
        }
        Json::Object(out)
    }

    /// Applies the rules to findings: switched-off rules go, severities
    /// change, and a finding about a field the customer cannot see either
    /// goes (nothing to act on) or, when the app supplies that value,
    /// stays as a general finding without the fix it could not apply.
    pub fn apply(&self, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        diagnostics
            .into_iter()
            .filter_map(|mut d| {
                match lookup(&self.rules, &d.code) {
                    Some(Rule::Off) => return None,
                    Some(Rule::Error) => d.severity = Severity::Error,
                    Some(Rule::Warning) => d.severity = Severity::Warning,
                    Some(Rule::Info) => d.severity = Severity::Info,
                    None => {}
                }
                if let Some(field) = d.field.filter(|f| !self.shown(*f)) {
                    if !self.values.contains_key(field.as_str()) {
                        return None;
                    }
                    d.field = None;
                }
                if let Some(fix) = &mut d.fix {
                    fix.changes.retain(|field, _| self.shown(*field));
                    if fix.changes.is_empty() {
                        d.fix = None;
                    }
                }
                Some(d)
            })
            .collect()
    }

    /// Validates the app's values: [`read`](Self::read), every static
    /// rule, then [`apply`](Self::apply).
    pub fn validate(&self, app: &Json) -> Vec<Diagnostic> {
        self.apply(validate_json_at(&self.read(app), self.now))
    }

    /// A fix's changes under the app's field names (fields it does not
    /// have left out): what a controlled form sets in its own state.
    pub fn changes(&self, fix: &Fix) -> Object {
        fix.changes
            .iter()
            .filter_map(|(field, value)| Some((self.name_of(*field)?, value.clone())))
            .collect()
    }
}

/// The value for `key` in a short list of pairs (the last one wins, as in
/// a JSON object).
fn lookup<'a, K: PartialEq, V>(pairs: &'a [(K, V)], key: &K) -> Option<&'a V> {
    pairs.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    /// `json!` as core's [`Json`](crate::json::Json).
    macro_rules! json {
        ($($t:tt)+) => {
            crate::json::Json::from(serde_json::json!($($t)+))
        };
    }

    use super::*;
    use crate::validate_json;

    fn options(value: &Json) -> Options {
        Options::from_json(value).expect("valid options")
    }

    fn codes(found: &[Diagnostic]) -> Vec<&str> {
        found.iter().map(|d| d.code.as_str()).collect()
    }

    #[test]
    fn the_default_changes_nothing() {
        let app = json!({"host": "imap.gmail.com", "port": 465, "security": "starttls"});
        assert_eq!(Options::default().validate(&app), validate_json(&app));
        assert_eq!(Options::default().read(&app), app);
    }

    #[test]
    fn mapped_names_are_read_and_fixes_come_back_under_them() {
        let o = options(
            &json!({"fields": {"host": "smtp_host", "port": "smtp_port", "security": "mode"}}),
        );
        let app = json!({"smtp_host": "smtp.example.com", "smtp_port": "465", "mode": "starttls", "host": "ignored"});
        assert_eq!(
            o.read(&app),
            json!({"host": "smtp.example.com", "port": "465", "security": "starttls"})
        );
        let found = o.validate(&app);
        let mismatch = found
            .iter()
            .find(|d| d.code == Code::TlsPortMismatch)
            .expect("port 465 with STARTTLS");
        let changes = o.changes(mismatch.fix.as_ref().expect("a fix"));
        assert_eq!(changes.get("mode"), Some(&json!("tls")));
        assert!(!changes.contains_key("security"));
    }

    #[test]
    fn a_field_the_app_lacks_raises_nothing_unless_the_app_supplies_it() {
        let app = json!({"host": "smtp.example.com", "port": 587, "security": "starttls",
                         "username": "me@example.com", "password": "x"});
        assert!(codes(&validate_json(&app)).contains(&"from.missing"));
        let without = options(&json!({"fields": {"from": null}}));
        assert!(!codes(&without.validate(&app)).contains(&"from.missing"));
        // The app's own From: validated, and a finding about it is general.
        let fixed = options(
            &json!({"fields": {"from": null}, "values": {"from": "noreply@other.example"}}),
        );
        let found = fixed.validate(&app);
        let mismatch = found
            .iter()
            .find(|d| d.code == Code::FromDomainMismatch)
            .expect("the fixed From is checked");
        assert_eq!(mismatch.field, None);
        assert_eq!(mismatch.fix, None);
    }

    #[test]
    fn supplied_values_win_over_the_form() {
        let o = options(&json!({"values": {"from": "noreply@app.example"}}));
        assert_eq!(
            o.read(&json!({"from": "typed@x.example"}))["from"],
            "noreply@app.example"
        );
    }

    #[test]
    fn rules_go_off_or_change_severity() {
        let app = json!({"host": "imap.gmail.com", "port": 465, "security": "starttls"});
        let o = options(
            &json!({"rules": {"tls.port-mismatch": "off", "host.incoming-server": "warning"}}),
        );
        let found = o.validate(&app);
        assert!(!codes(&found).contains(&"tls.port-mismatch"));
        let incoming = found
            .iter()
            .find(|d| d.code == Code::HostIncomingServer)
            .expect("still reported");
        assert_eq!(incoming.severity, Severity::Warning);
    }

    #[test]
    fn a_typo_in_options_is_an_error_not_silence() {
        for bad in [
            json!({"rules": {"tls.port-mismatc": "off"}}),
            json!({"rules": {"tls.port-mismatch": "loud"}}),
            json!({"fields": {"hostname": "h"}}),
            json!({"field": {}}),
            json!({"fields": {"host": 1}}),
            json!({"rules": []}),
            json!([]),
        ] {
            assert!(Options::from_json(&bad).is_err(), "{bad}");
            assert!(
                serde_json::from_value::<Options>((&bad).into()).is_err(),
                "{bad}"
            );
        }
        assert_eq!(Options::from_json(&Json::Null), Ok(Options::default()));
    }

    #[test]
    fn a_fix_never_lands_in_a_field_the_app_lacks() {
        // An email typed as host: the fix sets host only; with host unmapped
        // (absent) the finding itself goes.
        let o = options(&json!({"fields": {"host": null}}));
        assert!(
            o.validate(&json!({"host": "me@example.com"}))
                .iter()
                .all(|d| d.field != Some(Field::Host))
        );
    }
}
