//! The one result type of every check, static or live.
//!
//! A diagnostic is data, not an error: the browser, the HTTP service and the
//! CLI all render the same shape (SPEC §3). `message` says what is wrong,
//! `help` why and what to do, `fix` is a change a page can offer as one
//! click, `reply` carries a live server's words (credentials removed).

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::codes::Code;

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Severity {
    /// Worth knowing; nothing to change.
    Info,
    /// It may not work, or it is unsafe.
    Warning,
    /// It will not work.
    Error,
}

impl Severity {
    /// The lowercase name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A config field a settings page can highlight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Field {
    Host,
    Port,
    Security,
    Username,
    Password,
    From,
    Auth,
}

impl Field {
    /// Every field, in the order a settings form shows them.
    pub const ALL: [Self; 7] = [
        Self::Host,
        Self::Port,
        Self::Security,
        Self::Username,
        Self::Password,
        Self::From,
        Self::Auth,
    ];

    /// The JSON key of the field.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Host => "host",
            Self::Port => "port",
            Self::Security => "security",
            Self::Username => "username",
            Self::Password => "password",
            Self::From => "from",
            Self::Auth => "auth",
        }
    }

    /// The label a person reads.
    pub const fn label(self) -> &'static str {
        match self {
            Self::Host => "SMTP server",
            Self::Port => "Port",
            Self::Security => "Security",
            Self::Username => "Username",
            Self::Password => "Password",
            Self::From => "From address",
            Self::Auth => "Authentication",
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A one-click change: set each listed field to the given JSON value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Fix {
    /// The button text, e.g. "Use TLS/SSL".
    pub title: String,
    /// Field → new value. Never contains a password.
    #[cfg_attr(feature = "openapi", schema(value_type = std::collections::HashMap<String, Object>))]
    pub changes: BTreeMap<Field, Value>,
}

impl Fix {
    /// A fix with a title and no changes yet.
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            changes: BTreeMap::new(),
        }
    }

    /// Adds one field change.
    #[must_use]
    pub fn set(mut self, field: Field, value: impl Into<Value>) -> Self {
        debug_assert!(field != Field::Password, "a fix never carries a password");
        self.changes.insert(field, value.into());
        self
    }
}

/// One finding about a config or a live session (SPEC §3).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub field: Option<Field>,
    pub message: String,
    pub help: String,
    pub fix: Option<Fix>,
    pub reply: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with the registry's default severity, field and texts.
    pub fn new(code: Code) -> Self {
        let info = code.info();
        Self {
            code,
            severity: info.severity,
            field: info.field,
            message: info.message.to_owned(),
            help: info.help.to_owned(),
            fix: None,
            reply: None,
        }
    }

    #[must_use]
    pub fn message(mut self, message: impl Into<String>) -> Self {
        self.message = message.into();
        self
    }

    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = help.into();
        self
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
