//! The live probe's report (SPEC §4), defined here so the probe, the CLI,
//! the browser package and its TypeScript types share one shape.

use serde::{Deserialize, Serialize};

use crate::config::Security;
use crate::diagnostic::{Diagnostic, Severity};

/// The outcome of one probe.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Report {
    /// True exactly when no diagnostic has severity `error`.
    pub ok: bool,
    pub target: Target,
    pub steps: Vec<Step>,
    pub server: ServerInfo,
    /// Every step's diagnostics in order, static findings first.
    pub diagnostics: Vec<Diagnostic>,
    /// Settings verified to work better than the ones given.
    pub suggestion: Option<Suggestion>,
    /// The SMTP conversation, credentials redacted.
    pub transcript: Vec<String>,
    /// A signed statement of this outcome for the integrator's backend
    /// (SPEC §7.6; only with `serve --attestation-key`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attestation: Option<String>,
    /// What our inbox saw of the `arrival` test message (SPEC §7.7), when
    /// it arrived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrival: Option<ArrivalInfo>,
}

/// The test message as the receiver saw it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArrivalInfo {
    /// From the relay's 250 after DATA to our inbox's.
    pub delay_ms: u64,
    /// The From address shown to the recipient.
    pub from_seen: Option<String>,
    /// The address that delivered it (the relay's sending address).
    pub sender_address: String,
    /// SPF for that address: `pass`, `fail`, `softfail`, …
    pub spf: String,
    pub dkim: Vec<ArrivalSignature>,
    /// The `Received` path, newest first.
    pub received: Vec<String>,
    /// The TLS version the relay delivered it over (`TLSv1.3`); `null`:
    /// in plain text.
    #[serde(default)]
    pub tls: Option<String>,
}

/// One DKIM signature of the received message.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArrivalSignature {
    /// `d=`.
    pub domain: String,
    /// `s=`.
    pub selector: String,
    /// `pass`, `fail` or `temperror`.
    pub result: String,
    /// The RSA key's length, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bits: Option<u32>,
}

impl Report {
    /// Recomputes `ok` and the flat diagnostics list from the steps,
    /// keeping `static_findings` first.
    ///
    /// A static finding that the live probe raised again (the same code)
    /// appears once, as the live one: it carries the server's evidence
    /// (SPEC §7.1).
    pub fn finish(&mut self, static_findings: Vec<Diagnostic>) {
        let live: Vec<_> = self
            .steps
            .iter()
            .flat_map(|s| s.diagnostics.iter().map(|d| d.code))
            .collect();
        let mut all: Vec<Diagnostic> = static_findings
            .into_iter()
            .filter(|d| !live.contains(&d.code))
            .collect();
        all.extend(
            self.steps
                .iter()
                .flat_map(|s| s.diagnostics.iter().cloned()),
        );
        self.ok = !all.iter().any(|d| d.severity == Severity::Error);
        self.diagnostics = all;
    }
}

/// What was probed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Target {
    pub host: String,
    pub port: Option<u16>,
    pub security: Option<Security>,
    /// The resolved addresses that passed the policy, in connect order.
    pub addresses: Vec<String>,
}

/// A stage of the SMTP session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum StepKind {
    Dns,
    Connect,
    Greeting,
    Ehlo,
    Tls,
    Auth,
    Sender,
    Send,
    /// The From domain's SPF, DMARC and DKIM (DNS only; SPEC §7.2), run
    /// beside the session.
    Domain,
    /// The test message to our own inbox, and what the receiver saw
    /// (SPEC §7.7).
    Arrival,
}

impl StepKind {
    pub const ALL: [Self; 10] = [
        Self::Dns,
        Self::Connect,
        Self::Greeting,
        Self::Ehlo,
        Self::Tls,
        Self::Auth,
        Self::Sender,
        Self::Send,
        Self::Domain,
        Self::Arrival,
    ];

    /// The step named `id` (its JSON name), if any.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == id)
    }

    /// The name used in JSON, metrics and the CLI ("dns", "connect", …).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Dns => "dns",
            Self::Connect => "connect",
            Self::Greeting => "greeting",
            Self::Ehlo => "ehlo",
            Self::Tls => "tls",
            Self::Auth => "auth",
            Self::Sender => "sender",
            Self::Send => "send",
            Self::Domain => "domain",
            Self::Arrival => "arrival",
        }
    }
}

/// What a probe does. The session's checks form a ladder: each includes
/// the ones before it (`send` logs in first). `domain` stands apart: DNS
/// only, run beside whatever session is asked for. `arrival` logs in (it
/// includes `auth`) and sends its own message to our inbox.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Check {
    Connect,
    Tls,
    Auth,
    /// MAIL FROM + RCPT TO, then RSET: nothing is sent.
    Sender,
    /// One fixed test message.
    Send,
    /// The From domain's SPF, DMARC and DKIM for this relay (SPEC §7.2).
    Domain,
    /// A test message through the relay to a one-time address of our
    /// inbox, and what the receiver saw (SPEC §7.7).
    Arrival,
}

impl Check {
    pub const DEFAULT: [Check; 3] = [Check::Connect, Check::Tls, Check::Auth];
    pub const ALL: [Check; 7] = [
        Check::Connect,
        Check::Tls,
        Check::Auth,
        Check::Sender,
        Check::Send,
        Check::Domain,
        Check::Arrival,
    ];

    /// Whether asking for these checks runs `check`: a session check runs
    /// when it or a later one of the ladder is asked for; `domain` only
    /// when asked for itself.
    pub fn wanted(checks: &[Check], check: Check) -> bool {
        checks.iter().any(|&asked| asked.includes(check))
    }

    /// Whether asking for `self` runs `other`.
    pub fn includes(self, other: Check) -> bool {
        match (self, other) {
            (Check::Domain, _) | (_, Check::Domain | Check::Arrival) => self == other,
            // Sending to the inbox needs the login, not the sender checks.
            (Check::Arrival, _) => other <= Check::Auth,
            _ => self >= other,
        }
    }

    /// The name used in JSON and on the command line.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Connect => "connect",
            Self::Tls => "tls",
            Self::Auth => "auth",
            Self::Sender => "sender",
            Self::Send => "send",
            Self::Domain => "domain",
            Self::Arrival => "arrival",
        }
    }

    /// The check named `id`, if any.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == id)
    }

    /// `connect,tls,auth` (the CLI's `--checks`), each name once or more.
    pub fn parse_list(text: &str) -> Result<Vec<Check>, String> {
        text.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                Check::from_id(s).ok_or_else(|| {
                    format!("unknown check `{s}` (use connect, tls, auth, sender, send, domain, arrival)")
                })
            })
            .collect()
    }
}

/// The steps a probe with these settings and checks usually runs, in
/// order: what a page shows as "in progress" before each step's event
/// arrives. (A host given as an address skips `dns`; a failure ends the
/// list early.) Each check includes the ones before it, as in the engine.
pub fn step_plan(security: Security, checks: &[Check]) -> Vec<StepKind> {
    let wants = |check: Check| Check::wanted(checks, check);
    let mut plan = vec![StepKind::Dns, StepKind::Connect];
    plan.extend_from_slice(match security {
        Security::Tls => &[StepKind::Tls, StepKind::Greeting, StepKind::Ehlo][..],
        Security::Starttls => &[
            StepKind::Greeting,
            StepKind::Ehlo,
            StepKind::Tls,
            StepKind::Ehlo,
        ],
        Security::None => &[StepKind::Greeting, StepKind::Ehlo, StepKind::Tls],
    });
    for (check, step) in [
        (Check::Auth, StepKind::Auth),
        (Check::Sender, StepKind::Sender),
        (Check::Send, StepKind::Send),
        (Check::Arrival, StepKind::Arrival),
    ] {
        if wants(check) {
            plan.push(step);
        }
    }
    // Runs beside the session and reports when the session is done.
    if wants(Check::Domain) {
        plan.push(StepKind::Domain);
    }
    plan
}

/// How a step ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum StepStatus {
    Pass,
    Fail,
    Warn,
    Skipped,
}

/// One finished step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Step {
    pub step: StepKind,
    pub status: StepStatus,
    pub duration_ms: u64,
    pub diagnostics: Vec<Diagnostic>,
}

/// What the server told about itself.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServerInfo {
    pub greeting: Option<String>,
    /// EHLO keywords after TLS (or the only EHLO, without TLS).
    pub extensions: Vec<String>,
    /// EHLO keywords before STARTTLS, when STARTTLS was used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extensions_before_tls: Vec<String>,
    pub auth_mechanisms: Vec<String>,
    pub tls: Option<TlsInfo>,
}

/// The negotiated TLS session.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TlsInfo {
    /// `TLSv1.3`.
    pub version: String,
    pub cipher: String,
    pub certificate: Option<Certificate>,
}

/// The server's leaf certificate, inspected even when verification fails.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Certificate {
    pub subject: String,
    /// DNS names and IP addresses it covers.
    pub names: Vec<String>,
    pub issuer: String,
    /// RFC 3339.
    pub not_before: String,
    pub not_after: String,
    pub trusted: bool,
}

/// Settings the probe verified to work.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Suggestion {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security: Option<Security>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Code;

    #[test]
    fn the_step_plan_follows_the_mode_and_the_checks() {
        let names = |s: Security, c: &[Check]| {
            step_plan(s, c)
                .iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(
            names(Security::Tls, &Check::DEFAULT),
            "dns connect tls greeting ehlo auth"
        );
        assert_eq!(
            names(Security::Starttls, &[Check::Connect]),
            "dns connect greeting ehlo tls ehlo"
        );
        // `sender` includes `auth`, as in the engine; plain mode reports a skipped tls step.
        assert_eq!(
            names(Security::None, &[Check::Sender]),
            "dns connect greeting ehlo tls auth sender"
        );
        // `domain` is beside the ladder: it neither includes nor is included.
        assert_eq!(
            names(Security::Tls, &[Check::Tls, Check::Domain]),
            "dns connect tls greeting ehlo domain"
        );
        assert_eq!(
            names(Security::Tls, &[Check::Domain]),
            "dns connect tls greeting ehlo domain"
        );
        assert_eq!(
            names(Security::Tls, &[Check::Send]),
            "dns connect tls greeting ehlo auth sender send"
        );
        // `arrival` logs in and sends its own message; not the sender checks.
        assert_eq!(
            names(Security::Tls, &[Check::Arrival, Check::Domain]),
            "dns connect tls greeting ehlo auth arrival domain"
        );
        assert!(!Check::wanted(&[Check::Arrival], Check::Sender));
        assert!(!Check::wanted(&[Check::Send], Check::Arrival));
    }

    #[test]
    fn a_static_finding_the_probe_confirms_appears_once_as_the_live_one() {
        let mut report = Report {
            steps: vec![Step {
                step: StepKind::Tls,
                status: StepStatus::Skipped,
                duration_ms: 0,
                diagnostics: vec![Diagnostic::new(Code::TlsNone).case("starttls-offered")],
            }],
            ..Report::default()
        };
        report.finish(vec![
            Diagnostic::new(Code::TlsNone),
            Diagnostic::new(Code::FromMissing),
        ]);
        let codes: Vec<_> = report.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::FromMissing, Code::TlsNone]);
        assert_eq!(
            report.diagnostics[1].params.get("case"),
            Some(&crate::Param::Text("starttls-offered".into())),
            "the live one, with its evidence"
        );
        assert!(!report.ok, "tls.none is an error; from.missing too");
    }
}
