//! The live probe: every step of a real SMTP session, diagnosed.
//!
//! `dns → connect → greeting → ehlo → tls → ehlo → auth → sender → send`,
//! each under its own timeout and the whole under a deadline, producing the
//! SPEC §4 [`Report`]. The policy is applied first: ports before any DNS
//! work, every resolved address before any connect, and the connect goes to
//! the checked address (no second resolution).
//!
//! Why not lettre for the session: lettre's transport hides what a
//! diagnosis needs — the greeting and its timing, unknown EHLO keywords,
//! the certificate when verification fails (its `is_tls()` is false for
//! STARTTLS handshake failures), replies of successful commands — and its
//! timeout covers only the TCP connect. So the session runs on tokio +
//! tokio-rustls with bounded reads; lettre builds the test message (headers,
//! encoding, Message-ID) that the `send` step transmits.

pub mod arrival;
pub(crate) mod auth;
mod connect;
mod diagnose;
pub mod dkim_bounds;
pub mod dns;
pub mod domain;
pub mod ehlo;
pub mod io;
/// What a reply means: core's, shared with `explain`.
pub(crate) use smtp_doctor_core::replies;
mod session;

pub use session::{Admit, MAX_ADDRESSES};
pub mod tls;

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use rustls::RootCertStore;
use rustls::pki_types::CertificateDer;
use serde::Deserialize;
use smtp_doctor_core::report::{Report, Step};
use smtp_doctor_core::wire::{HeloName, SmtpAddress};

use crate::policy::Policy;
use crate::secret::WipedJson;

pub use dns::Dns;

pub use smtp_doctor_core::report::Check;

/// One probe's input (SPEC §4 `POST /v1/probe`).
#[derive(Clone, Debug, Deserialize)]
pub struct ProbeRequest {
    /// The settings; wiped when the request is dropped (it holds the password).
    pub config: WipedJson,
    #[serde(default = "default_checks")]
    pub checks: Vec<Check>,
    #[serde(default)]
    pub recipient: Option<String>,
    /// The language of the report's texts (SPEC §7.4): from the
    /// service's `Accept-Language` or the CLI's `--lang`, never the body.
    #[serde(skip, default = "default_locale")]
    pub locale: &'static str,
}

/// A request's settings as core reads them: read once at the edge and
/// shared by the service's recipient check, the static rules and the
/// session's plan. Wiped when dropped, like the request.
pub struct ReadSettings {
    pub settings: crate::secret::WipedSettings,
    pub config: smtp_doctor_core::Config,
}

/// Never prints the settings: they hold the password.
impl std::fmt::Debug for ReadSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ReadSettings(<not shown>)")
    }
}

impl ProbeRequest {
    /// Reads the settings (once per request: keep the result).
    pub fn read(&self) -> ReadSettings {
        let settings = self.config.settings();
        let config = smtp_doctor_core::Config::from_json(&settings);
        ReadSettings { settings, config }
    }
}

fn default_locale() -> &'static str {
    smtp_doctor_core::i18n::DEFAULT_LOCALE
}

fn default_checks() -> Vec<Check> {
    Check::DEFAULT.to_vec()
}

/// Where `sender` and `send` may put RCPT TO (SPEC §7.3): the probe must
/// never become a way to deliver mail to strangers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecipientPolicy {
    /// The sender's own address, or an address in one of these domains
    /// (lowercase). The service's policy.
    SenderOnly { domains: Vec<String> },
    /// Any recipient: the CLI, where the person at the keyboard is the
    /// operator and could as well run swaks.
    Any,
}

impl Default for RecipientPolicy {
    fn default() -> Self {
        Self::SenderOnly {
            domains: Vec::new(),
        }
    }
}

impl RecipientPolicy {
    /// The sender-only policy plus these domains.
    pub fn sender_only(domains: &[String]) -> Self {
        Self::SenderOnly {
            domains: domains
                .iter()
                .map(|d| d.trim().trim_end_matches('.').to_lowercase())
                .filter(|d| !d.is_empty())
                .collect(),
        }
    }

    /// `true` if the probe may send `RCPT TO:<rcpt>` for mail from `from`.
    pub fn allows(&self, from: Option<&SmtpAddress>, rcpt: &SmtpAddress) -> bool {
        match self {
            Self::Any => true,
            Self::SenderOnly { domains } => {
                from.is_some_and(|f| f.same_mailbox(rcpt)) || domains.contains(&rcpt.domain_lower())
            }
        }
    }
}

/// Engine settings shared by `check` and `serve`.
#[derive(Clone, Debug)]
pub struct EngineOptions {
    pub policy: Policy,
    pub dns_server: Option<SocketAddr>,
    pub extra_roots: Vec<CertificateDer<'static>>,
    pub egress_ips: Vec<IpAddr>,
    /// Per step.
    pub timeout: Duration,
    /// Whole probe.
    pub deadline: Duration,
    pub helo: HeloName,
    /// Where `sender` and `send` may put RCPT TO.
    pub recipients: RecipientPolicy,
    /// How long a silent plain connection waits before a TLS handshake is
    /// tried in parallel (implicit-TLS port reached without TLS).
    pub mismatch_window: Duration,
    /// The same wait on a port that usually means implicit TLS (465,
    /// 2465, 8465, …, 443): there silence is the likely mismatch.
    pub tls_port_window: Duration,
    /// A greeting later than this is reported as slow.
    pub slow_greeting: Duration,
    /// A zone answered without asking any DNS server (the sandbox's).
    pub local_zone: dns::LocalZone,
    /// Our inbox for the `arrival` check (`serve --inbox-domain`), if any.
    pub inbox: Option<crate::engine::arrival::inbox::Inbox>,
    /// How long the `arrival` check waits for its message (beyond the
    /// deadline of the session itself).
    pub arrival_wait: Duration,
}

impl Default for EngineOptions {
    fn default() -> Self {
        Self {
            policy: Policy::default(),
            dns_server: None,
            extra_roots: Vec::new(),
            egress_ips: Vec::new(),
            timeout: Duration::from_secs(15),
            deadline: Duration::from_secs(45),
            helo: HeloName::default(),
            recipients: RecipientPolicy::default(),
            mismatch_window: Duration::from_millis(1500),
            tls_port_window: Duration::from_millis(250),
            slow_greeting: Duration::from_secs(3),
            local_zone: dns::LocalZone::default(),
            inbox: None,
            arrival_wait: Duration::from_mins(1),
        }
    }
}

impl EngineOptions {
    /// The longest one probe may run: its deadline and, with an inbox, the
    /// arrival wait and the verdict's lookups (one step's time). The one
    /// figure behind the session's backstop, the slot expiry, the router's
    /// timeout and the shutdown grace, each adding its own margin.
    pub fn longest_probe(&self) -> Duration {
        let arrival = if self.inbox.is_some() {
            self.arrival_wait + self.timeout
        } else {
            Duration::ZERO
        };
        self.deadline + arrival
    }
}

/// The probe engine: resolver and trust roots built once.
#[derive(Clone, Debug)]
pub struct Engine {
    opts: Arc<EngineOptions>,
    dns: Dns,
    roots: Arc<RootCertStore>,
    /// Plain, fully verifying HTTPS client TLS (discovery's autoconfig
    /// fetches), built once.
    https: Arc<rustls::ClientConfig>,
    /// DKIM verification of what the inbox receives (with an inbox only).
    verifier: Option<Verifier>,
}

/// `mail-auth`'s verifier, shared (it has no `Debug` of its own).
#[derive(Clone)]
struct Verifier(Arc<mail_auth::MessageAuthenticator>);

impl std::fmt::Debug for Verifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Verifier")
    }
}

impl Engine {
    pub fn new(opts: EngineOptions) -> Result<Self, String> {
        let dns = Dns::new(opts.dns_server, opts.timeout.min(Duration::from_secs(5)))?
            .with_local_zone(opts.local_zone.clone());
        let roots = tls::root_store(&opts.extra_roots)?;
        let https = rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("cannot set up TLS: {e}"))?
        .with_root_certificates(Arc::clone(&roots))
        .with_no_client_auth();
        let verifier = match opts.inbox {
            Some(_) => Some(Verifier(Arc::new(dns::message_authenticator(
                opts.dns_server,
                opts.timeout.min(Duration::from_secs(5)),
            )?))),
            None => None,
        };
        Ok(Self {
            opts: Arc::new(opts),
            dns,
            roots,
            https: Arc::new(https),
            verifier,
        })
    }

    pub fn options(&self) -> &EngineOptions {
        &self.opts
    }

    /// The resolver every step uses (discovery shares it).
    pub fn dns(&self) -> &Dns {
        &self.dns
    }

    /// The inbox and its DKIM verifier, when `arrival` can run.
    pub fn inbox(
        &self,
    ) -> Option<(
        &crate::engine::arrival::inbox::Inbox,
        &Arc<mail_auth::MessageAuthenticator>,
    )> {
        Some((self.opts.inbox.as_ref()?, &self.verifier.as_ref()?.0))
    }

    /// The TLS connector for HTTPS fetches (standard verification).
    pub fn https_connector(&self) -> tokio_rustls::TlsConnector {
        tokio_rustls::TlsConnector::from(Arc::clone(&self.https))
    }

    /// Validates, then probes; `on_step` sees each step as it finishes.
    pub async fn probe(
        &self,
        request: &ProbeRequest,
        on_step: &mut (dyn FnMut(&Step) + Send),
    ) -> Report {
        let read = request.read();
        session::Probe::new(self, request, &read, on_step, None)
            .run()
            .await
    }

    /// Like [`probe`](Self::probe), for settings the caller already `read`,
    /// and `admit` is asked once, with the checked addresses (at most
    /// eight), before any connection; `false` ends the probe there (the
    /// service's per-target cap).
    pub async fn probe_admitted(
        &self,
        request: &ProbeRequest,
        read: &ReadSettings,
        on_step: &mut (dyn FnMut(&Step) + Send),
        admit: session::Admit<'_>,
    ) -> Report {
        session::Probe::new(self, request, read, on_step, Some(admit))
            .run()
            .await
    }
}
