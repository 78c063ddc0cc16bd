//! The service's settings: what `smtp-doctor serve`'s flags decide, with
//! the defaults an embedded, single-replica service runs with.

use std::path::PathBuf;
use std::time::Duration;

use super::{server, shared, token};
use crate::clients::ClientNets;

/// Service settings (flags of `smtp-doctor serve`).
#[derive(Clone, Debug)]
pub struct Settings {
    /// The settings page to serve at `/`, if any.
    pub web_dir: Option<PathBuf>,
    /// Bearer keys; empty means no key is required (unless token keys are set).
    pub api_keys: Vec<String>,
    /// `/metrics` and `/readyz` without a key even when API keys are set.
    pub public_metrics: bool,
    /// HS256 keys for short-lived browser tokens (`--token-key`, SPEC §7.6).
    pub token_keys: token::TokenKeys,
    /// Signs every report's outcome (`--attestation-key`, SPEC §7.6).
    pub attestation_key: Option<crate::attestation::AttestationKey>,
    /// Origins allowed to call the API from a browser; empty: same origin only.
    pub cors_origins: Vec<String>,
    /// Probes running at once, service-wide.
    pub max_probes: usize,
    /// Probes running at once against one host.
    pub per_target: usize,
    /// Probes per client per minute.
    pub probes_per_minute: u32,
    /// `send` checks per client per hour.
    pub sends_per_hour: u32,
    /// Key clients by `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_proxy: bool,
    /// The proxies in front (`--trusted-proxy`): the client is the
    /// rightmost `X-Forwarded-For` entry outside these. Empty with
    /// `trust_proxy`: the connecting peer is the one proxy.
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// Whole-request timeout for non-streaming routes.
    pub request_timeout: Duration,
    /// Header-read/idle timeout and connection caps of the listener.
    pub connections: server::ConnectionLimits,
    /// Limits shared with the other replicas (`--redis`, SPEC §7.5); the
    /// in-memory limits are the fallback while Redis is away.
    pub shared: Option<shared::Shared>,
    /// How per-client limits group IPv6 clients (`--ipv6-prefix`).
    pub client_nets: ClientNets,
    /// `serve --sandbox`: the sandbox's sign-in pages (`/sandbox/sign-in`).
    pub sandbox_sign_in: Option<SandboxSignIn>,
    /// Where share links are kept (`--store`); `None`: share links off.
    pub store: Option<crate::store::Store>,
    /// How long a share link works (`--report-ttl`).
    pub report_ttl: Duration,
    /// Share links one client may create per hour.
    pub reports_per_hour: u32,
    /// The base of share links (`--public-url`); `None`: links are paths.
    pub public_url: Option<String>,
    /// How monitors run (`--monitor-*`); they need a store and an API key.
    pub monitors: crate::monitor::MonitorOptions,
}

/// What the sandbox's sign-in pages need: its token issuer, the account a
/// token is for, and the STARTTLS port that takes it.
#[derive(Clone, Debug)]
pub struct SandboxSignIn {
    pub issuer: std::sync::Arc<smtp_doctor_sandbox::oauth::Issuer>,
    pub username: String,
    pub port: u16,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            web_dir: None,
            api_keys: Vec::new(),
            public_metrics: false,
            token_keys: token::TokenKeys::default(),
            attestation_key: None,
            cors_origins: Vec::new(),
            max_probes: 32,
            per_target: 2,
            probes_per_minute: 20,
            sends_per_hour: 5,
            trust_proxy: false,
            trusted_proxies: Vec::new(),
            request_timeout: Duration::from_secs(90),
            connections: server::ConnectionLimits::default(),
            shared: None,
            client_nets: ClientNets::default(),
            sandbox_sign_in: None,
            store: None,
            report_ttl: Duration::from_hours(168),
            reports_per_hour: 30,
            public_url: None,
            monitors: crate::monitor::MonitorOptions::default(),
        }
    }
}
