//! The command line (SPEC §6): every subcommand and flag, with clap.

use std::net::SocketAddr;
use std::path::PathBuf;

use std::net::IpAddr;
use std::time::Duration;

use clap::{Parser, Subcommand, ValueEnum};
use smtp_doctor_core::wire::HeloName;
use smtp_doctor_probe::engine::{Engine, EngineOptions, RecipientPolicy, tls};
use smtp_doctor_probe::http::{self};
use smtp_doctor_probe::policy::{Policy, PortRange, TargetRange};
use smtp_doctor_probe::sandbox::Sandbox;

#[derive(Parser, Debug)]
#[command(
    name = "smtp-doctor",
    version,
    about = "Find out why SMTP settings fail, and how to fix them"
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
    /// The language of messages: en, de, fr, es, pt-BR or ja (default:
    /// LC_ALL, LC_MESSAGES or LANG; else English).
    #[arg(long, global = true, value_name = "LOCALE")]
    pub(crate) lang: Option<String>,
}

impl Cli {
    /// The locale of this run: `--lang`, else the POSIX environment
    /// (`LC_ALL`, `LC_MESSAGES`, `LANG`, in that order), else English.
    pub(crate) fn locale(&self) -> Result<&'static str, String> {
        use smtp_doctor_core::i18n;
        if let Some(tag) = &self.lang {
            return i18n::supported(tag).ok_or_else(|| {
                format!(
                    "--lang {tag}: not a supported language (use one of {})",
                    i18n::LOCALES.join(", ")
                )
            });
        }
        let env = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty());
        Ok(env
            .and_then(|v| i18n::from_posix(&v))
            .unwrap_or(i18n::DEFAULT_LOCALE))
    }
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Static checks of a settings file (JSON, SPEC §2); `-` reads stdin.
    Validate {
        file: PathBuf,
        /// Print the diagnostics array as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Run the HTTP service (and the settings page with --web-dir).
    Serve(Box<ServeArgs>),
    /// Validate the settings, then connect and diagnose every step.
    Check(Box<CheckArgs>),
    /// Find SMTP settings for an address (provider table, MX, autoconfig,
    /// SRV, guesses) and verify each live.
    Discover(Box<DiscoverArgs>),
    /// A local SMTP server with one port per common failure, for trying
    /// the tool offline (never relays or stores mail).
    Sandbox(SandboxArgs),
    /// What an error pasted from production means: an SMTP reply, a client
    /// library's error, a bounce; `-` (the default) reads stdin.
    Explain(ExplainArgs),
}

/// `explain`: the text, and the settings it happened with (as `check`
/// spells them; never a password).
#[derive(clap::Args, Debug)]
pub(crate) struct ExplainArgs {
    /// The text (a file), or `-` for standard input.
    #[arg(default_value = "-")]
    pub(crate) file: PathBuf,
    #[arg(long)]
    pub(crate) host: Option<String>,
    #[arg(long)]
    pub(crate) port: Option<String>,
    #[arg(long)]
    pub(crate) security: Option<String>,
    #[arg(long = "user")]
    pub(crate) user: Option<String>,
    #[arg(long)]
    pub(crate) from: Option<String>,
    /// Print the explanation as JSON (`diagnostics`, `recognised`).
    #[arg(long)]
    pub(crate) json: bool,
}

#[derive(clap::Args, Debug)]
pub(crate) struct DiscoverArgs {
    /// An email address (or a domain).
    pub(crate) address: String,
    /// Also log in with the password in this environment variable.
    #[arg(long)]
    pub(crate) password_env: Option<String>,
    /// Print the report as JSON.
    #[arg(long)]
    pub(crate) json: bool,
    #[command(flatten)]
    pub(crate) engine: EngineArgs,
}

/// Where the sandbox listens.
#[derive(clap::Args, Debug)]
pub(crate) struct SandboxArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    pub(crate) ip: IpAddr,
    /// Shift every port by this much (2587 becomes 2587 + N).
    #[arg(long, default_value_t = 0)]
    pub(crate) port_offset: u16,
    /// Write the sandbox's CA certificate (PEM) here, for `--ca-file`.
    #[arg(long)]
    pub(crate) ca_out: Option<PathBuf>,
}

/// Policy and engine flags shared by `serve` and `check`.
#[derive(clap::Args, Debug)]
pub(crate) struct EngineArgs {
    /// Open an address range the policy refuses by default (repeatable), e.g. 127.0.0.0/8.
    #[arg(
        long = "allow-target",
        env = "SMTP_DOCTOR_ALLOW_TARGET",
        value_delimiter = ','
    )]
    pub(crate) allow_target: Vec<TargetRange>,
    /// Allow another port or range (repeatable), e.g. 2465 or 2500-2599.
    #[arg(
        long = "allow-port",
        env = "SMTP_DOCTOR_ALLOW_PORT",
        value_delimiter = ','
    )]
    pub(crate) allow_port: Vec<PortRange>,
    /// Extra trusted root certificates (PEM), besides the webpki roots.
    #[arg(long, env = "SMTP_DOCTOR_CA_FILE")]
    pub(crate) ca_file: Option<PathBuf>,
    /// DNS server to use (IP:PORT); default: the system's.
    #[arg(long, env = "SMTP_DOCTOR_DNS_SERVER")]
    pub(crate) dns_server: Option<SocketAddr>,
    /// The probe's public egress address, shown where an allowlist is the fix (repeatable).
    #[arg(
        long = "egress-ip",
        env = "SMTP_DOCTOR_EGRESS_IP",
        value_delimiter = ','
    )]
    pub(crate) egress_ip: Vec<IpAddr>,
    /// Seconds per step.
    #[arg(long, env = "SMTP_DOCTOR_TIMEOUT", default_value_t = 15.0)]
    pub(crate) timeout: f64,
    /// Seconds for the whole probe.
    #[arg(long, env = "SMTP_DOCTOR_DEADLINE", default_value_t = 45.0)]
    pub(crate) deadline: f64,
    /// The name sent in EHLO (a DNS name or an address literal).
    #[arg(long, env = "SMTP_DOCTOR_HELO", default_value = "smtp-doctor.invalid", value_parser = parse_helo)]
    pub(crate) helo: HeloName,
}

/// A flag's seconds as a duration: more than 0, at most 600.
pub(crate) fn seconds(s: f64, what: &str) -> anyhow::Result<Duration> {
    anyhow::ensure!(
        s.is_finite() && s > 0.0 && s <= 600.0,
        "--{what} must be between 0 and 600 seconds"
    );
    Ok(Duration::from_secs_f64(s))
}

impl EngineArgs {
    /// The engine for the CLI: the person at the keyboard is the operator,
    /// so `--recipient` may name anyone.
    pub(crate) fn engine(&self) -> anyhow::Result<Engine> {
        self.engine_with(None, RecipientPolicy::Any, None)
    }

    /// The engine, also trusting and allowed to reach a sandbox.
    pub(crate) fn engine_with(
        &self,
        sandbox: Option<&Sandbox>,
        recipients: RecipientPolicy,
        arrival: Option<(smtp_doctor_probe::inbox::Inbox, Duration)>,
    ) -> anyhow::Result<Engine> {
        let mut extra_roots = match &self.ca_file {
            Some(path) => tls::load_ca_file(path).map_err(anyhow::Error::msg)?,
            None => Vec::new(),
        };
        let ports = self.allow_port.clone();
        let targets = self.allow_target.clone();
        let mut endpoints = Vec::new();
        let mut local_zone = smtp_doctor_probe::engine::dns::LocalZone::default();
        if let Some(sandbox) = sandbox {
            local_zone = smtp_doctor_probe::engine::dns::LocalZone::sandbox(sandbox);
            extra_roots.push(sandbox.ca_der().clone());
            // Exactly the sandbox's ports on its addresses: not a local
            // MTA on :25, not the sandbox's ports on other hosts.
            for e in sandbox.endpoints() {
                endpoints.extend(
                    sandbox
                        .addresses()
                        .iter()
                        .map(|ip| SocketAddr::new(*ip, e.addr.port())),
                );
            }
        }
        let opts = EngineOptions {
            policy: Policy {
                allow_endpoints: endpoints,
                ..Policy::new(ports, targets)
            },
            dns_server: self.dns_server,
            extra_roots,
            egress_ips: self.egress_ip.clone(),
            timeout: seconds(self.timeout, "timeout")?,
            deadline: seconds(self.deadline, "deadline")?,
            helo: self.helo.clone(),
            recipients,
            local_zone,
            arrival_wait: arrival
                .as_ref()
                .map_or(EngineOptions::default().arrival_wait, |(_, wait)| *wait),
            inbox: arrival.map(|(inbox, _)| inbox),
            ..EngineOptions::default()
        };
        Engine::new(opts).map_err(anyhow::Error::msg)
    }
}

#[derive(clap::Args, Debug)]
#[allow(clippy::struct_excessive_bools)] // independent command-line flags
pub(crate) struct CheckArgs {
    #[arg(long)]
    pub(crate) host: String,
    #[arg(long)]
    pub(crate) port: String,
    /// tls, starttls or none.
    #[arg(long)]
    pub(crate) security: String,
    #[arg(long = "user")]
    pub(crate) user: Option<String>,
    #[arg(long)]
    pub(crate) from: Option<String>,
    /// Read the password from standard input (first line).
    #[arg(long, conflicts_with = "password_env")]
    pub(crate) password_stdin: bool,
    /// Read the password from this environment variable.
    #[arg(long)]
    pub(crate) password_env: Option<String>,
    /// auto, password, plain, login, cram-md5, oauth2, xoauth2,
    /// oauthbearer or none (auto with only an access token: oauth2).
    #[arg(long)]
    pub(crate) auth: Option<String>,
    /// Read an OAuth2 access token from this environment variable (never
    /// a flag: it would show in the process list).
    #[arg(long, conflicts_with = "access_token_stdin")]
    pub(crate) access_token_env: Option<String>,
    /// Read an OAuth2 access token from standard input (first line).
    #[arg(long, conflicts_with_all = ["password_stdin"])]
    pub(crate) access_token_stdin: bool,
    /// Comma-separated: connect,tls,auth,sender,send; add `domain` for the
    /// From domain's SPF, DKIM and DMARC (DNS only, beside the session).
    #[arg(long, default_value = "connect,tls,auth")]
    pub(crate) checks: String,
    /// Recipient for `send` (default: the sender itself).
    #[arg(long)]
    pub(crate) recipient: Option<String>,
    /// Print the report as JSON.
    #[arg(long)]
    pub(crate) json: bool,
    /// After the report, what to hand to whoever must act (the IT team,
    /// the DNS administrator), ready to paste into an email or a ticket.
    #[arg(long, conflicts_with = "json")]
    pub(crate) handoff: bool,
    #[command(flatten)]
    pub(crate) engine: EngineArgs,
}

#[derive(clap::Args, Debug)]
pub(crate) struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "SMTP_DOCTOR_LISTEN", default_value = "127.0.0.1:8787")]
    pub(crate) listen: SocketAddr,
    /// Folder with the settings page to serve at `/`.
    #[arg(long, env = "SMTP_DOCTOR_WEB_DIR")]
    pub(crate) web_dir: Option<PathBuf>,
    /// Log format.
    #[arg(long, env = "SMTP_DOCTOR_LOG_FORMAT", value_enum, default_value_t = LogFormat::Human)]
    pub(crate) log_format: LogFormat,
    /// Require this bearer API key on /v1 routes (repeatable).
    #[arg(
        long = "api-key",
        env = "SMTP_DOCTOR_API_KEY",
        value_delimiter = ',',
        hide_env_values = true
    )]
    pub(crate) api_key: Vec<String>,
    /// Serve /metrics and /readyz without a key even when --api-key is set
    /// (by default they need one of the API keys then).
    #[arg(long, env = "SMTP_DOCTOR_PUBLIC_METRICS")]
    pub(crate) public_metrics: bool,
    /// Read API keys from a file, one per line.
    #[arg(long, env = "SMTP_DOCTOR_API_KEY_FILE")]
    pub(crate) api_key_file: Option<PathBuf>,
    /// Accept short-lived HS256 browser tokens signed with this key
    /// (repeatable, for rotation; at least 16 bytes). `exp` at most 10
    /// minutes ahead, `scope` probe/discover/validate/share, `sub` keys the
    /// rate limits (SPEC §7.6).
    #[arg(
        long = "token-key",
        env = "SMTP_DOCTOR_TOKEN_KEY",
        value_delimiter = ',',
        hide_env_values = true
    )]
    pub(crate) token_key: Vec<String>,
    /// Sign every probe report's outcome with this key (HS256, at least 16
    /// bytes, shared with your backend), which verifies it before saving
    /// the settings (SPEC §7.6).
    #[arg(
        long = "attestation-key",
        env = "SMTP_DOCTOR_ATTESTATION_KEY",
        hide_env_values = true
    )]
    pub(crate) attestation_key: Option<String>,
    /// Allow browser calls from this origin (repeatable), e.g. https://app.example.com.
    #[arg(
        long = "cors-origin",
        env = "SMTP_DOCTOR_CORS_ORIGIN",
        value_delimiter = ',',
        value_parser = http::parse_origin
    )]
    pub(crate) cors_origin: Vec<String>,
    /// Probes running at once, service-wide.
    #[arg(long, env = "SMTP_DOCTOR_MAX_PROBES", default_value_t = 32)]
    pub(crate) max_probes: usize,
    /// Probes running at once against one host.
    #[arg(long, env = "SMTP_DOCTOR_PER_TARGET", default_value_t = 2)]
    pub(crate) per_target: usize,
    /// Probes per client per minute.
    #[arg(long, env = "SMTP_DOCTOR_PROBES_PER_MINUTE", default_value_t = 20)]
    pub(crate) probes_per_minute: u32,
    /// `send` checks per client per hour.
    #[arg(long, env = "SMTP_DOCTOR_SENDS_PER_HOUR", default_value_t = 5)]
    pub(crate) sends_per_hour: u32,
    /// Key clients by X-Forwarded-For (only behind a proxy you trust): the
    /// rightmost entry, which the proxy in front appended.
    #[arg(long, env = "SMTP_DOCTOR_TRUST_PROXY")]
    pub(crate) trust_proxy: bool,
    /// A proxy in front (repeatable, CIDR); implies --trust-proxy. The client
    /// is the rightmost X-Forwarded-For entry outside these ranges.
    #[arg(
        long = "trusted-proxy",
        env = "SMTP_DOCTOR_TRUSTED_PROXY",
        value_delimiter = ','
    )]
    pub(crate) trusted_proxy: Vec<TargetRange>,
    /// Let `sender` and `send` use a recipient in this domain besides the sender's own address (repeatable).
    #[arg(
        long = "allow-recipient-domain",
        env = "SMTP_DOCTOR_ALLOW_RECIPIENT_DOMAIN",
        value_delimiter = ','
    )]
    pub(crate) allow_recipient_domain: Vec<String>,
    /// Seconds a client has to send a request's headers; also how long an
    /// idle keep-alive connection stays open.
    #[arg(long, env = "SMTP_DOCTOR_HEADER_TIMEOUT", default_value_t = 10.0)]
    pub(crate) header_timeout: f64,
    /// Open HTTP connections, service-wide (lowered to fit the file limit).
    #[arg(long, env = "SMTP_DOCTOR_MAX_CONNECTIONS", default_value_t = 1024)]
    pub(crate) max_connections: usize,
    /// Open HTTP connections from one address (off with --trust-proxy).
    #[arg(long, env = "SMTP_DOCTOR_MAX_CONNECTIONS_PER_IP", default_value_t = 64)]
    pub(crate) max_connections_per_ip: usize,
    /// IPv6 clients are counted by network for every per-client limit
    /// (rates, the send budget, connection caps): this prefix length.
    #[arg(
        long,
        env = "SMTP_DOCTOR_IPV6_PREFIX",
        default_value_t = smtp_doctor_probe::clients::DEFAULT_IPV6_PREFIX,
        value_parser = clap::value_parser!(u8).range(32..=128)
    )]
    pub(crate) ipv6_prefix: u8,
    /// Also run the sandbox SMTP server (see `smtp-doctor sandbox`): its CA
    /// is trusted and exactly its address and ports are opened.
    #[arg(long)]
    pub(crate) sandbox: bool,
    /// Shift every sandbox port by this much.
    #[arg(long, default_value_t = 0, requires = "sandbox")]
    pub(crate) sandbox_port_offset: u16,
    /// Receive `arrival` test messages for one-time addresses at this
    /// domain (point its MX at --inbox-listen) (SPEC §7.7).
    #[arg(long, env = "SMTP_DOCTOR_INBOX_DOMAIN", requires = "inbox_listen")]
    pub(crate) inbox_domain: Option<String>,
    /// Where the inbox listens (ADDR:PORT; 25 in production).
    #[arg(long, env = "SMTP_DOCTOR_INBOX_LISTEN", requires = "inbox_domain")]
    pub(crate) inbox_listen: Option<SocketAddr>,
    /// The inbox's certificate chain for STARTTLS (PEM). Needed only where
    /// MTA-STS or DANE is published for the inbox's domain; without it a
    /// self-signed one is made at start, which relays delivering
    /// opportunistically accept.
    #[arg(long, requires_all = ["inbox_domain", "inbox_key"])]
    pub(crate) inbox_cert: Option<std::path::PathBuf>,
    /// The private key of --inbox-cert (PEM).
    #[arg(long, requires = "inbox_cert")]
    pub(crate) inbox_key: Option<std::path::PathBuf>,
    /// Share the rate limits, the send limit, the per-target caps and the
    /// service-wide probe cap with every replica through this Redis
    /// (`redis://host:6379/0`) (SPEC §7.5). While it is unreachable, this
    /// replica enforces its own limits and /healthz says `degraded`.
    #[arg(long, env = "SMTP_DOCTOR_REDIS", hide_env_values = true)]
    pub(crate) redis: Option<String>,
    /// Prefix of the shared keys (several services may share one Redis).
    #[arg(long, env = "SMTP_DOCTOR_REDIS_PREFIX", default_value = "smtp-doctor")]
    pub(crate) redis_prefix: String,
    /// Seconds the `arrival` check waits for its message.
    #[arg(long, env = "SMTP_DOCTOR_ARRIVAL_WAIT", default_value_t = 60.0)]
    pub(crate) arrival_wait: f64,
    /// Where share links (`POST /v1/reports`) are kept: `sqlite:PATH` (one
    /// file, created when missing) for one instance, `postgres://…` for
    /// replicas, `none` to turn share links off.
    #[arg(
        long,
        env = "SMTP_DOCTOR_STORE",
        default_value = "sqlite:smtp-doctor.db",
        hide_env_values = true,
        value_parser = parse_store
    )]
    pub(crate) store: StoreChoice,
    /// How long a share link works, in seconds (default 7 days, at most 90).
    #[arg(
        long,
        env = "SMTP_DOCTOR_REPORT_TTL",
        default_value_t = 7 * 24 * 3600,
        value_parser = clap::value_parser!(u64).range(1..=90 * 24 * 3600)
    )]
    pub(crate) report_ttl: u64,
    /// Share links one client may create per hour.
    #[arg(long, env = "SMTP_DOCTOR_REPORTS_PER_HOUR", default_value_t = 30)]
    pub(crate) reports_per_hour: u32,
    /// This service's public address (`https://doctor.example.com`): the
    /// base of share links. Without it, links are answered as paths
    /// (`/r/…`) for the caller to resolve against the service's address.
    #[arg(long, env = "SMTP_DOCTOR_PUBLIC_URL", value_parser = parse_public_url)]
    pub(crate) public_url: Option<String>,
    /// A monitor's interval when it names none, in seconds (default: daily).
    #[arg(long, env = "SMTP_DOCTOR_MONITOR_INTERVAL", default_value_t = 86_400,
        value_parser = clap::value_parser!(u64).range(1..=30 * 86_400))]
    pub(crate) monitor_interval: u64,
    /// The shortest interval a monitor may ask for, in seconds.
    #[arg(long, env = "SMTP_DOCTOR_MONITOR_MIN_INTERVAL", default_value_t = 300,
        value_parser = clap::value_parser!(u64).range(1..=30 * 86_400))]
    pub(crate) monitor_min_interval: u64,
    /// Monitor checks of one host per hour, across all monitors and replicas.
    #[arg(long, env = "SMTP_DOCTOR_MONITOR_CHECKS_PER_HOST", default_value_t = 12,
        value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub(crate) monitor_checks_per_host: u32,
    /// Monitors one API key may hold.
    #[arg(long, env = "SMTP_DOCTOR_MONITORS_PER_KEY", default_value_t = 1000,
        value_parser = clap::value_parser!(i64).range(1..=1_000_000))]
    pub(crate) monitors_per_key: i64,
    /// Monitor checks one replica runs at once.
    #[arg(long, env = "SMTP_DOCTOR_MONITOR_PARALLEL", default_value_t = 4,
        value_parser = clap::value_parser!(u16).range(1..=64))]
    pub(crate) monitor_parallel: u16,
    /// Attempts per webhook before it is given up (`failed`).
    #[arg(long, env = "SMTP_DOCTOR_WEBHOOK_ATTEMPTS", default_value_t = 8,
        value_parser = clap::value_parser!(u32).range(1..=20))]
    pub(crate) webhook_attempts: u32,
    /// The wait after a webhook's first failed attempt, in seconds; it
    /// doubles after each next one, up to an hour.
    #[arg(long, env = "SMTP_DOCTOR_WEBHOOK_BACKOFF", default_value_t = 60,
        value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub(crate) webhook_backoff: u64,
    #[command(flatten)]
    pub(crate) engine: EngineArgs,
}

/// `--public-url`: an origin, never `*`.
fn parse_public_url(text: &str) -> Result<String, String> {
    match http::parse_origin(text)? {
        any if any == "*" => {
            Err("--public-url is this service's address, e.g. https://doctor.example.com".into())
        }
        origin => Ok(origin),
    }
}

/// `--store`: a store, or none.
#[derive(Clone, Debug)]
pub(crate) struct StoreChoice(pub(crate) Option<smtp_doctor_probe::store::StoreUrl>);

fn parse_store(text: &str) -> Result<StoreChoice, String> {
    if text == "none" {
        return Ok(StoreChoice(None));
    }
    text.parse()
        .map(|url| StoreChoice(Some(url)))
        .map_err(|e: smtp_doctor_probe::store::BadStoreUrl| e.to_string())
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum LogFormat {
    Human,
    Json,
}

pub(crate) fn parse_helo(text: &str) -> Result<HeloName, String> {
    HeloName::parse(text)
        .map_err(|e| format!("`{}` cannot be the EHLO name: {e}", text.escape_default()))
}

/// Resolves on ctrl-c or SIGTERM.
pub(crate) async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
    tracing::info!("shutting down");
}
