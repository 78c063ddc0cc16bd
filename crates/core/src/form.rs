//! A settings form's state between keystrokes: its findings, and which of
//! them to show now.
//!
//! A page that shows every finding at once greets a customer with four
//! red errors before they typed anything. Calm forms (Stripe's, Vercel's,
//! Thunderbird's account setup) show a field's problems once the customer
//! touched it, left it, or pressed submit. That policy lives here, once,
//! for both the wasm form binding (`attachForm`) and the JS companion of
//! framework forms (`createForm`), so the two never disagree.

use serde::{Deserialize, Serialize};

use crate::json::{Json, Object};
use crate::options::Options;
use crate::{Code, Diagnostic, Field, Severity};

/// When a field's findings are shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Show {
    /// At once.
    Always,
    /// Once the customer changed the field — and a finding an edit of
    /// another field raised (465 typed into Port raises the mismatch
    /// under Security).
    #[default]
    Touched,
    /// Once the customer left the field.
    Blur,
    /// After submit.
    Submit,
}

impl Show {
    /// The policy named `id` (`always`, `touched`, `blur`, `submit`).
    pub fn from_id(id: &str) -> Option<Self> {
        [Self::Always, Self::Touched, Self::Blur, Self::Submit]
            .into_iter()
            .find(|s| s.as_str() == id)
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Always => "always",
            Self::Touched => "touched",
            Self::Blur => "blur",
            Self::Submit => "submit",
        }
    }
}

/// One form's findings and what the customer did so far.
#[derive(Clone, Debug, Default)]
pub struct FormState {
    options: Options,
    show: Show,
    first: Option<Object>,
    values: Object,
    // Small sets (a form has seven fields): vectors, which keep the wasm
    // smaller than a B-tree per element type.
    touched: Vec<String>,
    blurred: Vec<String>,
    submitted: bool,
    all: Vec<Diagnostic>,
    /// Codes that appeared with an edit of the form.
    revealed: Vec<Code>,
}

impl FormState {
    /// A form with these options and policy, before any values.
    pub fn new(options: Options, show: Show) -> Self {
        Self {
            options,
            show,
            ..Self::default()
        }
    }

    /// The app's current values (by its own field names); validates.
    /// The first values are the start, not an edit. Returns whether the
    /// findings changed.
    pub fn update(&mut self, values: &Json) -> bool {
        let values = values.as_object().cloned().unwrap_or_default();
        let start = self.first.is_none();
        let first = self.first.get_or_insert_with(|| values.clone());
        let mut edited = false;
        for (name, value) in values.iter() {
            if first.get(name) != Some(value) {
                add(&mut self.touched, name);
            }
            edited |= self.values.get(name) != Some(value);
        }
        self.values = values;
        let all = self.options.validate(&Json::Object(self.values.clone()));
        self.revealed
            .retain(|code| all.iter().any(|d| d.code == *code));
        if edited && !start {
            for d in &all {
                let new = !self.all.iter().any(|b| b.code == d.code);
                if new && !says_empty(d.code) && !self.revealed.contains(&d.code) {
                    self.revealed.push(d.code);
                }
            }
        }
        let changed = all != self.all;
        self.all = all;
        changed
    }

    /// The customer changed a field (an edit that `update` cannot see,
    /// e.g. typing the value it already had).
    pub fn touch(&mut self, name: &str) {
        add(&mut self.touched, name);
    }

    /// The customer left a field.
    pub fn blur(&mut self, name: &str) {
        add(&mut self.touched, name);
        add(&mut self.blurred, name);
    }

    /// Shows everything from now on; true when no error blocks saving.
    pub fn submit(&mut self) -> bool {
        self.submitted = true;
        !self.all.iter().any(|d| d.severity == Severity::Error)
    }

    /// Every current finding, shown or not.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.all
    }

    /// The options the form was made with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// The settings to test (SPEC §2 names, the app's own values laid over).
    pub fn config(&self) -> Json {
        self.options.read(&Json::Object(self.values.clone()))
    }

    /// Where a finding is shown: the app's name of its field, or `None`
    /// for the general ones at the top.
    pub fn place(&self, d: &Diagnostic) -> Option<&str> {
        d.field.and_then(|f| self.options.name_of(f))
    }

    /// Whether a finding is to be shown now.
    pub fn visible(&self, d: &Diagnostic) -> bool {
        if self.submitted || self.show == Show::Always {
            return true;
        }
        if self.show == Show::Submit {
            return false;
        }
        if self.show == Show::Touched && self.revealed.contains(&d.code) {
            return true;
        }
        let seen = if self.show == Show::Blur {
            &self.blurred
        } else {
            &self.touched
        };
        match self.place(d) {
            Some(name) => seen.iter().any(|s| s == name),
            None => !seen.is_empty(),
        }
    }

    /// The findings to show now at one place (a field's app name, or
    /// `None` for the general ones).
    pub fn messages(&self, name: Option<&str>) -> Vec<&Diagnostic> {
        self.all
            .iter()
            .filter(|d| self.place(d) == name && self.visible(d))
            .collect()
    }

    /// Every finding to show now, in order.
    pub fn shown(&self) -> Vec<&Diagnostic> {
        self.all.iter().filter(|d| self.visible(d)).collect()
    }

    /// The field a name in the app's form stands for, if any.
    pub fn field_named(&self, name: &str) -> Option<Field> {
        Field::ALL
            .into_iter()
            .find(|f| self.options.name_of(*f) == Some(name))
    }
}

/// A finding that a field is still empty: shown once that field was
/// touched (or on submit, or when a test is asked for), never revealed by
/// an edit elsewhere — typing the server must not mark the username and
/// password the customer has not reached yet as wrong.
fn says_empty(code: Code) -> bool {
    matches!(
        code,
        Code::HostMissing
            | Code::PortMissing
            | Code::TlsMissing
            | Code::AuthUsernameMissing
            | Code::AuthPasswordMissing
            | Code::AuthTokenMissing
            | Code::FromMissing
    )
}

fn add(set: &mut Vec<String>, name: &str) {
    if !set.iter().any(|s| s == name) {
        set.push(name.to_owned());
    }
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

    fn codes(list: &[&Diagnostic]) -> Vec<&'static str> {
        list.iter().map(|d| d.code.as_str()).collect()
    }

    fn options() -> Options {
        Options::from_json(&json!({
            "fields": {"host": "smtp_host", "port": "smtp_port", "security": "mode",
                       "password": "pass", "from": null},
            "values": {"from": "noreply@app.example"}
        }))
        .unwrap()
    }

    fn empty() -> Json {
        json!({"smtp_host": "", "smtp_port": "", "mode": "starttls",
               "username": "me@example.com", "pass": ""})
    }

    fn with(changes: &Json) -> Json {
        let Json::Object(mut v) = empty() else {
            unreachable!()
        };
        for (k, x) in changes.as_object().unwrap().iter() {
            v.insert(k, x.clone());
        }
        Json::Object(v)
    }

    #[test]
    fn touched_is_calm_until_an_edit_then_shows_its_consequences() {
        let mut form = FormState::new(options(), Show::Touched);
        form.update(&empty());
        assert!(form.shown().is_empty(), "nothing before the customer acts");
        assert!(
            form.diagnostics()
                .iter()
                .any(|d| d.code == Code::HostMissing)
        );
        form.update(&with(
            &json!({"smtp_host": "smtp.example.com", "smtp_port": "465"}),
        ));
        // The mismatch the port raised shows under `mode`, untouched.
        assert_eq!(codes(&form.messages(Some("mode"))), ["tls.port-mismatch"]);
        // The missing password was there before: it waits.
        assert!(form.messages(Some("pass")).is_empty());
        assert!(!form.submit());
        assert_eq!(
            codes(&form.messages(Some("pass"))),
            ["auth.password-missing"]
        );
    }

    #[test]
    fn blur_waits_for_the_customer_to_leave_the_field() {
        let mut form = FormState::new(options(), Show::Blur);
        form.update(&empty());
        form.update(&with(&json!({"smtp_host": "imap.gmail.com"})));
        assert!(form.messages(Some("smtp_host")).is_empty());
        form.blur("smtp_host");
        assert_eq!(
            codes(&form.messages(Some("smtp_host"))),
            ["host.incoming-server"]
        );
    }

    #[test]
    fn submit_and_always() {
        let mut form = FormState::new(options(), Show::Submit);
        form.update(&with(&json!({"smtp_host": "imap.gmail.com"})));
        assert!(form.shown().is_empty());
        form.submit();
        assert!(codes(&form.messages(Some("smtp_host"))).contains(&"host.incoming-server"));
        let mut form = FormState::new(options(), Show::Always);
        form.update(&empty());
        assert_eq!(codes(&form.messages(Some("smtp_host"))), ["host.missing"]);
    }

    #[test]
    fn config_uses_spec_names_and_the_apps_values() {
        let mut form = FormState::new(options(), Show::Touched);
        form.update(&with(
            &json!({"smtp_host": "smtp.example.com", "pass": "pw"}),
        ));
        assert_eq!(
            form.config(),
            json!({"host": "smtp.example.com", "port": "", "security": "starttls",
                   "username": "me@example.com", "password": "pw", "from": "noreply@app.example"})
        );
        assert_eq!(form.field_named("mode"), Some(Field::Security));
        assert_eq!(form.field_named("from"), None);
    }

    #[test]
    fn a_finding_that_goes_is_no_longer_revealed() {
        let mut form = FormState::new(options(), Show::Touched);
        form.update(&empty());
        form.update(&with(&json!({"smtp_port": "465"})));
        assert_eq!(codes(&form.messages(Some("mode"))), ["tls.port-mismatch"]);
        form.update(&with(&json!({"smtp_port": "587"})));
        form.update(&with(
            &json!({"smtp_port": "465", "smtp_host": "smtp.example.com"}),
        ));
        // It came back with an edit: shown again.
        assert_eq!(codes(&form.messages(Some("mode"))), ["tls.port-mismatch"]);
    }

    #[test]
    fn typing_the_server_does_not_mark_the_fields_not_reached_yet() {
        let options = Options::from_json(&json!({})).unwrap();
        let blank = json!({"host": "", "port": "", "security": "starttls", "username": "", "password": "", "from": ""});
        let mut form = FormState::new(options, Show::Touched);
        form.update(&blank);
        form.update(
            &json!({"host": "smtp.gmail.com", "port": "", "security": "starttls",
                            "username": "", "password": "", "from": ""}),
        );
        let shown = codes(&form.shown());
        for empty in [
            "auth.username-missing",
            "auth.password-missing",
            "from.missing",
        ] {
            assert!(
                form.diagnostics().iter().any(|d| d.code.as_str() == empty),
                "{empty} is found"
            );
            assert!(
                !shown.contains(&empty),
                "{empty} shown before its field was reached: {shown:?}"
            );
        }
        // Reaching the field shows it; a test (submit) shows everything.
        form.blur("password");
        assert!(codes(&form.messages(Some("password"))).contains(&"auth.password-missing"));
        assert!(!codes(&form.shown()).contains(&"auth.username-missing"));
        form.submit();
        assert!(codes(&form.shown()).contains(&"auth.username-missing"));
    }
}
