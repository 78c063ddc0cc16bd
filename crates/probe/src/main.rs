//! `smtp-doctor`: the CLI and the probe service (SPEC §6).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use std::io::Read as _;
use std::net::IpAddr;
use std::time::Duration;

use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};
use serde_json::{Map, Value};
use smtp_doctor_core::wire::HeloName;
use smtp_doctor_probe::engine::{Check, Engine, EngineOptions, ProbeRequest, RecipientPolicy, tls};
use smtp_doctor_probe::http::server::ConnectionLimits;
use smtp_doctor_probe::http::{self, AppState, Settings};
use smtp_doctor_probe::policy::{Policy, PortRange, TargetRange};
use smtp_doctor_probe::sandbox::{Sandbox, SandboxOptions};
use tracing_subscriber::EnvFilter;
use zeroize::Zeroizing;

#[derive(Parser, Debug)]
#[command(
    name = "smtp-doctor",
    version,
    about = "Find out why SMTP settings fail, and how to fix them"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
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
}

#[derive(clap::Args, Debug)]
struct DiscoverArgs {
    /// An email address (or a domain).
    address: String,
    /// Also log in with the password in this environment variable.
    #[arg(long)]
    password_env: Option<String>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    engine: EngineArgs,
}

/// Where the sandbox listens.
#[derive(clap::Args, Debug)]
struct SandboxArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    ip: IpAddr,
    /// Shift every port by this much (2587 becomes 2587 + N).
    #[arg(long, default_value_t = 0)]
    port_offset: u16,
    /// Write the sandbox's CA certificate (PEM) here, for `--ca-file`.
    #[arg(long)]
    ca_out: Option<PathBuf>,
}

/// Policy and engine flags shared by `serve` and `check`.
#[derive(clap::Args, Debug)]
struct EngineArgs {
    /// Open an address range the policy refuses by default (repeatable), e.g. 127.0.0.0/8.
    #[arg(
        long = "allow-target",
        env = "SMTP_DOCTOR_ALLOW_TARGET",
        value_delimiter = ','
    )]
    allow_target: Vec<TargetRange>,
    /// Allow another port or range (repeatable), e.g. 2465 or 2500-2599.
    #[arg(
        long = "allow-port",
        env = "SMTP_DOCTOR_ALLOW_PORT",
        value_delimiter = ','
    )]
    allow_port: Vec<PortRange>,
    /// Extra trusted root certificates (PEM), besides the webpki roots.
    #[arg(long, env = "SMTP_DOCTOR_CA_FILE")]
    ca_file: Option<PathBuf>,
    /// DNS server to use (IP:PORT); default: the system's.
    #[arg(long, env = "SMTP_DOCTOR_DNS_SERVER")]
    dns_server: Option<SocketAddr>,
    /// The probe's public egress address, shown where an allowlist is the fix (repeatable).
    #[arg(
        long = "egress-ip",
        env = "SMTP_DOCTOR_EGRESS_IP",
        value_delimiter = ','
    )]
    egress_ip: Vec<IpAddr>,
    /// Seconds per step.
    #[arg(long, env = "SMTP_DOCTOR_TIMEOUT", default_value_t = 15.0)]
    timeout: f64,
    /// Seconds for the whole probe.
    #[arg(long, env = "SMTP_DOCTOR_DEADLINE", default_value_t = 45.0)]
    deadline: f64,
    /// The name sent in EHLO (a DNS name or an address literal).
    #[arg(long, env = "SMTP_DOCTOR_HELO", default_value = "smtp-doctor.invalid", value_parser = parse_helo)]
    helo: HeloName,
}

/// A flag's seconds as a duration: more than 0, at most 600.
fn seconds(s: f64, what: &str) -> anyhow::Result<Duration> {
    anyhow::ensure!(
        s.is_finite() && s > 0.0 && s <= 600.0,
        "--{what} must be between 0 and 600 seconds"
    );
    Ok(Duration::from_secs_f64(s))
}

impl EngineArgs {
    /// The engine for the CLI: the person at the keyboard is the operator,
    /// so `--recipient` may name anyone.
    fn engine(&self) -> anyhow::Result<Engine> {
        self.engine_with(None, RecipientPolicy::Any)
    }

    /// The engine, also trusting and allowed to reach a sandbox.
    fn engine_with(
        &self,
        sandbox: Option<&Sandbox>,
        recipients: RecipientPolicy,
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
            local_zone = sandbox.local_zone();
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
            ..EngineOptions::default()
        };
        Engine::new(opts).map_err(anyhow::Error::msg)
    }
}

#[derive(clap::Args, Debug)]
struct CheckArgs {
    #[arg(long)]
    host: String,
    #[arg(long)]
    port: String,
    /// tls, starttls or none.
    #[arg(long)]
    security: String,
    #[arg(long = "user")]
    user: Option<String>,
    #[arg(long)]
    from: Option<String>,
    /// Read the password from standard input (first line).
    #[arg(long, conflicts_with = "password_env")]
    password_stdin: bool,
    /// Read the password from this environment variable.
    #[arg(long)]
    password_env: Option<String>,
    /// auto, plain, login, cram-md5, xoauth2 or none.
    #[arg(long)]
    auth: Option<String>,
    /// Comma-separated: connect,tls,auth,sender,send.
    #[arg(long, default_value = "connect,tls,auth")]
    checks: String,
    /// Recipient for `send` (default: the sender itself).
    #[arg(long)]
    recipient: Option<String>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    engine: EngineArgs,
}

#[derive(clap::Args, Debug)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "SMTP_DOCTOR_LISTEN", default_value = "127.0.0.1:8787")]
    listen: SocketAddr,
    /// Folder with the settings page to serve at `/`.
    #[arg(long, env = "SMTP_DOCTOR_WEB_DIR")]
    web_dir: Option<PathBuf>,
    /// Log format.
    #[arg(long, env = "SMTP_DOCTOR_LOG_FORMAT", value_enum, default_value_t = LogFormat::Human)]
    log_format: LogFormat,
    /// Require this bearer API key on /v1 routes (repeatable).
    #[arg(
        long = "api-key",
        env = "SMTP_DOCTOR_API_KEY",
        value_delimiter = ',',
        hide_env_values = true
    )]
    api_key: Vec<String>,
    /// Read API keys from a file, one per line.
    #[arg(long, env = "SMTP_DOCTOR_API_KEY_FILE")]
    api_key_file: Option<PathBuf>,
    /// Allow browser calls from this origin (repeatable), e.g. https://app.example.com.
    #[arg(
        long = "cors-origin",
        env = "SMTP_DOCTOR_CORS_ORIGIN",
        value_delimiter = ',',
        value_parser = http::parse_origin
    )]
    cors_origin: Vec<String>,
    /// Probes running at once, service-wide.
    #[arg(long, env = "SMTP_DOCTOR_MAX_PROBES", default_value_t = 32)]
    max_probes: usize,
    /// Probes running at once against one host.
    #[arg(long, env = "SMTP_DOCTOR_PER_TARGET", default_value_t = 2)]
    per_target: usize,
    /// Probes per client per minute.
    #[arg(long, env = "SMTP_DOCTOR_PROBES_PER_MINUTE", default_value_t = 20)]
    probes_per_minute: u32,
    /// `send` checks per client per hour.
    #[arg(long, env = "SMTP_DOCTOR_SENDS_PER_HOUR", default_value_t = 5)]
    sends_per_hour: u32,
    /// Key clients by X-Forwarded-For (only behind a proxy you trust): the
    /// rightmost entry, which the proxy in front appended.
    #[arg(long, env = "SMTP_DOCTOR_TRUST_PROXY")]
    trust_proxy: bool,
    /// A proxy in front (repeatable, CIDR); implies --trust-proxy. The client
    /// is the rightmost X-Forwarded-For entry outside these ranges.
    #[arg(
        long = "trusted-proxy",
        env = "SMTP_DOCTOR_TRUSTED_PROXY",
        value_delimiter = ','
    )]
    trusted_proxy: Vec<TargetRange>,
    /// Let `sender` and `send` use a recipient in this domain besides the sender's own address (repeatable).
    #[arg(
        long = "allow-recipient-domain",
        env = "SMTP_DOCTOR_ALLOW_RECIPIENT_DOMAIN",
        value_delimiter = ','
    )]
    allow_recipient_domain: Vec<String>,
    /// Seconds a client has to send a request's headers; also how long an
    /// idle keep-alive connection stays open.
    #[arg(long, env = "SMTP_DOCTOR_HEADER_TIMEOUT", default_value_t = 10.0)]
    header_timeout: f64,
    /// Open HTTP connections, service-wide (lowered to fit the file limit).
    #[arg(long, env = "SMTP_DOCTOR_MAX_CONNECTIONS", default_value_t = 1024)]
    max_connections: usize,
    /// Open HTTP connections from one address (off with --trust-proxy).
    #[arg(long, env = "SMTP_DOCTOR_MAX_CONNECTIONS_PER_IP", default_value_t = 64)]
    max_connections_per_ip: usize,
    /// Also run the sandbox SMTP server (see `smtp-doctor sandbox`): its CA
    /// is trusted and exactly its address and ports are opened.
    #[arg(long)]
    sandbox: bool,
    /// Shift every sandbox port by this much.
    #[arg(long, default_value_t = 0, requires = "sandbox")]
    sandbox_port_offset: u16,
    #[command(flatten)]
    engine: EngineArgs,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum LogFormat {
    Human,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Validate { file, json } => match smtp_doctor_probe::validate_cmd::run(&file, json)
        {
            Ok(false) => ExitCode::SUCCESS,
            Ok(true) => ExitCode::from(1),
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
        },
        Command::Check(args) => match check(&args) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(1),
            Err(e) => {
                eprintln!("error: {e:#}");
                ExitCode::from(2)
            }
        },
        Command::Discover(args) => match discover(&args) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(1),
            Err(e) => {
                eprintln!("error: {e:#}");
                ExitCode::from(2)
            }
        },
        Command::Sandbox(args) => match sandbox(&args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e:#}");
                ExitCode::from(1)
            }
        },
        Command::Serve(args) => match serve(&args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e:#}");
                ExitCode::from(1)
            }
        },
    }
}

fn check(args: &CheckArgs) -> anyhow::Result<bool> {
    let checks = Check::parse_list(&args.checks).map_err(anyhow::Error::msg)?;
    let password: Option<Zeroizing<String>> = if args.password_stdin {
        let mut s = Zeroizing::new(String::new());
        std::io::stdin()
            .read_to_string(&mut s)
            .context("cannot read the password from stdin")?;
        Some(Zeroizing::new(
            s.lines().next().unwrap_or_default().to_owned(),
        ))
    } else if let Some(var) = &args.password_env {
        Some(password_from_env(var)?)
    } else {
        None
    };
    let mut config = Map::new();
    config.insert("host".into(), Value::String(args.host.clone()));
    config.insert("port".into(), Value::String(args.port.clone()));
    config.insert("security".into(), Value::String(args.security.clone()));
    for (key, value) in [
        ("username", &args.user),
        ("from", &args.from),
        ("auth", &args.auth),
    ] {
        if let Some(v) = value {
            config.insert(key.into(), Value::String(v.clone()));
        }
    }
    if let Some(p) = &password {
        config.insert("password".into(), Value::String(p.to_string()));
    }
    // The request wipes the password (and every other string) when dropped.
    let request = ProbeRequest {
        config: Value::Object(config).into(),
        checks,
        recipient: args.recipient.clone(),
    };
    let engine = args.engine.engine()?;
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    let ok = runtime.block_on(smtp_doctor_probe::check_cmd::run(
        &engine, &request, args.json,
    ));
    drop(request);
    Ok(ok)
}

fn serve(args: &ServeArgs) -> anyhow::Result<()> {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    match args.log_format {
        // Logs on stderr: stdout carries only the "listening on" line (and
        // the sandbox's description) that scripts and tests read.
        LogFormat::Human => tracing_subscriber::fmt()
            .with_writer(std::io::stderr)
            .with_env_filter(filter)
            .init(),
        LogFormat::Json => tracing_subscriber::fmt()
            .json()
            .with_writer(std::io::stderr)
            .with_env_filter(filter)
            .init(),
    }
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    let sandbox = if args.sandbox {
        let opts = SandboxOptions::demo(args.sandbox_port_offset);
        let sandbox = runtime.block_on(Sandbox::start(opts))?;
        println!("{}", sandbox.describe());
        Some(sandbox)
    } else {
        None
    };
    if args.engine.helo == HeloName::default() && !args.sandbox {
        // Servers that check the EHLO name refuse the placeholder; each
        // such probe would end in `smtp.helo-rejected`.
        tracing::warn!(
            helo = %args.engine.helo,
            "--helo is not set: the probe introduces itself with a placeholder name, which servers that check the EHLO name refuse (smtp.helo-rejected). Set --helo (SMTP_DOCTOR_HELO) to this host's public name, one that resolves to its egress address."
        );
    }
    let recipients = RecipientPolicy::sender_only(&args.allow_recipient_domain);
    let engine =
        runtime.block_on(async { args.engine.engine_with(sandbox.as_ref(), recipients) })?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.listen)
            .await
            .with_context(|| format!("cannot listen on {}", args.listen))?;
        let addr = listener.local_addr()?;
        tracing::info!(%addr, "smtp-doctor listening");
        println!("smtp-doctor listening on http://{addr}");
        let mut api_keys = args.api_key.clone();
        if let Some(path) = &args.api_key_file {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            api_keys.extend(
                text.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(str::to_owned),
            );
        }
        let settings = Settings {
            web_dir: args.web_dir.clone(),
            api_keys,
            cors_origins: args.cors_origin.clone(),
            max_probes: args.max_probes,
            per_target: args.per_target,
            probes_per_minute: args.probes_per_minute,
            sends_per_hour: args.sends_per_hour,
            trust_proxy: args.trust_proxy || !args.trusted_proxy.is_empty(),
            trusted_proxies: args.trusted_proxy.iter().map(|r| r.0).collect(),
            connections: ConnectionLimits {
                header_timeout: seconds(args.header_timeout, "header-timeout")?,
                max_connections: args.max_connections,
                per_address: Some(args.max_connections_per_ip),
            },
            ..Settings::default()
        };
        // Running probes get their deadline plus a margin to finish after
        // ctrl-c/SIGTERM; then the process exits regardless.
        let grace = engine.options().deadline + Duration::from_secs(5);
        let state = AppState::new(settings, engine);
        let (stop_tx, mut stop_rx) = tokio::sync::watch::channel(false);
        let graceful = async move {
            shutdown_signal().await;
            let _ = stop_tx.send(true);
        };
        let bound = async move {
            let _ = stop_rx.wait_for(|stopped| *stopped).await;
            tokio::time::sleep(grace).await;
        };
        tokio::select! {
            result = http::serve(listener, state, graceful) => result.context("server error"),
            () = bound => {
                tracing::warn!(?grace, "probes still running after the grace period; exiting");
                Ok(())
            }
        }
    })
}

fn discover(args: &DiscoverArgs) -> anyhow::Result<bool> {
    let text = args.address.trim();
    let request = smtp_doctor_probe::discover::DiscoverRequest {
        email: text.contains('@').then(|| text.to_owned()),
        host: (!text.contains('@')).then(|| text.to_owned()),
        password: args
            .password_env
            .as_deref()
            .map(password_from_env)
            .transpose()?,
    };
    let engine = args.engine.engine()?;
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    Ok(runtime.block_on(smtp_doctor_probe::discover_cmd::run(
        &engine, &request, args.json,
    ))?)
}

fn parse_helo(text: &str) -> Result<HeloName, String> {
    HeloName::parse(text)
        .map_err(|e| format!("`{}` cannot be the EHLO name: {e}", text.escape_default()))
}

/// A password from the environment variable `var`, wiped when dropped.
fn password_from_env(var: &str) -> anyhow::Result<Zeroizing<String>> {
    std::env::var(var)
        .map(Zeroizing::new)
        .with_context(|| format!("environment variable {var} is not set"))
}

fn sandbox(args: &SandboxArgs) -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    runtime.block_on(async {
        let mut opts = SandboxOptions::demo(args.port_offset);
        opts.ip = args.ip;
        let sandbox = Sandbox::start(opts).await?;
        if let Some(path) = &args.ca_out {
            // Written whole, then renamed: a reader never sees half a file.
            let tmp = path.with_extension("tmp");
            std::fs::write(&tmp, sandbox.ca_pem())
                .and_then(|()| std::fs::rename(&tmp, path))
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        println!("{}", sandbox.describe());
        if let Some(path) = &args.ca_out {
            println!("Trust it with: smtp-doctor check --ca-file {} --allow-target {}/32 --allow-port {}-{} …", path.display(), args.ip, 2465 + args.port_offset, 2587 + args.port_offset);
        }
        tokio::select! {
            () = sandbox.run() => {}
            () = shutdown_signal() => {}
        }
        Ok(())
    })
}

/// Resolves on ctrl-c or SIGTERM.
async fn shutdown_signal() {
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
