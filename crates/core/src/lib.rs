//! smtp-doctor's core: the settings model, every static rule, provider
//! knowledge, the diagnostic registry and the probe's report types.
//!
//! Pure Rust — no network, clock, filesystem or async runtime — so the
//! same [`validate`] runs in the browser (wasm), the probe service and the
//! CLI. Every front end calls it; none rebuilds it.
//!
//! ```
//! use serde_json::json;
//! use smtp_doctor_core::json::Json;
//! let diagnostics = smtp_doctor_core::validate_json(&Json::from(json!({
//!     "host": "smtp.gmail.com", "port": 465, "security": "starttls",
//!     "username": "me@gmail.com", "password": "abcd efgh ijkl mnop",
//!     "from": "me@gmail.com"
//! })));
//! assert_eq!(diagnostics[0].code.as_str(), "tls.port-mismatch");
//! ```

pub mod codes;
pub mod config;
pub mod diagnostic;
pub mod domain;
pub mod examples;
pub mod explain;
pub mod form;
pub mod handoff;
pub mod hostname;
pub mod i18n;
pub mod ip;
pub mod json;
pub mod mailbox;
pub mod monitor;
pub mod options;
pub mod providers;
pub mod render;
pub mod replies;
pub mod reply;
pub mod report;
mod rules;
pub mod token;
pub mod vocabulary;
pub mod wire;

use json::{Json, Object};

pub use codes::{Code, CodeInfo, codes};
pub use config::{AuthMechanism, Config, Input, Security};
pub use diagnostic::{Actor, Changes, Diagnostic, Field, Fix, Param, Params, Severity};
pub use explain::{Explanation, explain};
pub use providers::{ProviderSuggestion, provider_for};

/// The crate version, for `version()` exports and `/v1/info`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Runs every static rule (SPEC §3.1) on parsed settings. With the
/// `catalog` feature the texts are English; [`i18n::localize`] renders
/// them in another language. Without it (the browser build) they are
/// empty and the caller renders code and params from the catalogs.
pub fn validate(config: &Config) -> Vec<Diagnostic> {
    validate_at(config, None)
}

/// [`validate`] at a moment: `now` in Unix seconds. Core has no clock;
/// each front end passes its own, and the rules that depend on time (an
/// access token's expiry, a provider's dated retirement) use it. Without
/// it they say what they can without a date.
pub fn validate_at(config: &Config, now: Option<u64>) -> Vec<Diagnostic> {
    let cx = rules::Context::new(config, now);
    let mut out = Vec::new();
    rules::run(&cx, &mut out);
    i18n::localize_default(&mut out);
    out
}

/// Reads settings from any JSON value and validates them. A value that is
/// not an object yields `config.invalid` plus what is then missing.
pub fn validate_json(value: &Json) -> Vec<Diagnostic> {
    validate_json_at(value, None)
}

/// [`validate_json`] at a moment (see [`validate_at`]).
pub fn validate_json_at(value: &Json, now: Option<u64>) -> Vec<Diagnostic> {
    validate_parsed(value, &Config::from_json(value), now)
}

/// [`validate_json_at`] for settings already read: `config` is
/// `Config::from_json(value)` (a caller that needs both reads once).
pub fn validate_parsed(value: &Json, config: &Config, now: Option<u64>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if !value.is_object() {
        out.push(Diagnostic::new(Code::ConfigInvalid));
        i18n::localize_default(&mut out);
    }
    out.extend(validate_at(config, now));
    out
}

/// True if any diagnostic is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(Diagnostic::is_error)
}

/// Applies a fix to settings JSON, keeping every other field as it was.
/// Setting `security` removes the `secure`/`tls` aliases, so the fix of a
/// conflict cannot leave the conflict behind.
pub fn apply_fix(config: &Json, fix: &Fix) -> Json {
    let mut map = config.as_object().cloned().unwrap_or_else(Object::new);
    for (field, value) in &fix.changes {
        if *field == Field::Security {
            map.remove("secure");
            map.remove("tls");
        }
        map.insert(field.as_str(), value.clone());
    }
    Json::Object(map)
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

    #[test]
    fn apply_fix_keeps_other_fields_and_drops_aliases() {
        let cfg = json!({"host": "h", "secure": true, "extra": 1});
        let fix = Fix::new("use-endpoint")
            .set(Field::Security, "starttls")
            .set(Field::Port, 587);
        assert_eq!(
            apply_fix(&cfg, &fix),
            json!({"host": "h", "security": "starttls", "port": 587, "extra": 1})
        );
    }
}
