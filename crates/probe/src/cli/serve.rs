//! `smtp-doctor serve`: the probe service (SPEC §4), with the operator's
//! policy, limits and logging.

use std::time::Duration;

use anyhow::Context as _;
use smtp_doctor_core::wire::HeloName;
use smtp_doctor_probe::clients::ClientNets;
use smtp_doctor_probe::engine::RecipientPolicy;
use smtp_doctor_probe::http::server::ConnectionLimits;
use smtp_doctor_probe::http::{self, AppState, Settings};
use smtp_doctor_probe::inbox::{Inbox, InboxLimits, InboxTls};
use smtp_doctor_probe::monitor::{MonitorOptions, Scheduler};
use smtp_doctor_probe::sandbox::{RelayTo, Sandbox, SandboxOptions};
use smtp_doctor_probe::store::Store;
use smtp_doctor_probe::webhook::Retry;
use tracing_subscriber::EnvFilter;

use super::args::{LogFormat, ServeArgs, seconds, shutdown_signal};

/// The inbox for the `arrival` check, when `--inbox-domain` asks for one.
fn inbox(
    args: &ServeArgs,
    runtime: &tokio::runtime::Runtime,
) -> anyhow::Result<Option<(Inbox, std::time::Duration)>> {
    let (Some(domain), Some(listen)) = (&args.inbox_domain, args.inbox_listen) else {
        return Ok(None);
    };
    let tls = match (&args.inbox_cert, &args.inbox_key) {
        (Some(cert), Some(key)) => InboxTls::Files {
            cert: cert.clone(),
            key: key.clone(),
        },
        _ => InboxTls::SelfSigned,
    };
    let limits = InboxLimits {
        nets: ClientNets::new(args.ipv6_prefix).map_err(anyhow::Error::msg)?,
        ..InboxLimits::default()
    };
    let inbox = runtime
        .block_on(Inbox::bind(domain, listen, &tls, limits))
        .with_context(|| format!("cannot start the inbox on {listen}"))?;
    println!(
        "inbox for {} listening on smtp://{}",
        inbox.domain(),
        inbox.local_addr()
    );
    Ok(Some((
        inbox,
        super::args::seconds(args.arrival_wait, "arrival-wait")?,
    )))
}

/// The service's settings from its flags (and the API key file).
async fn settings(args: &ServeArgs) -> anyhow::Result<Settings> {
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
    Ok(Settings {
        web_dir: args.web_dir.clone(),
        api_keys,
        public_metrics: args.public_metrics,
        token_keys: smtp_doctor_probe::http::token::TokenKeys::new(&args.token_key)
            .map_err(anyhow::Error::msg)?,
        attestation_key: args
            .attestation_key
            .as_deref()
            .map(smtp_doctor_probe::attestation::AttestationKey::new)
            .transpose()
            .map_err(anyhow::Error::msg)?,
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
        shared: match &args.redis {
            Some(url) => Some(
                smtp_doctor_probe::http::shared::Shared::connect(url, &args.redis_prefix)
                    .await
                    .map_err(anyhow::Error::msg)?,
            ),
            None => None,
        },
        client_nets: ClientNets::new(args.ipv6_prefix).map_err(anyhow::Error::msg)?,
        store: match &args.store.0 {
            Some(url) => Some(
                Store::open(url.clone())
                    .await
                    .with_context(|| format!("cannot open the report store {}", url.redacted()))?,
            ),
            None => None,
        },
        report_ttl: Duration::from_secs(args.report_ttl),
        reports_per_hour: args.reports_per_hour,
        public_url: args.public_url.clone(),
        monitors: MonitorOptions {
            default_interval: Duration::from_secs(args.monitor_interval),
            min_interval: Duration::from_secs(args.monitor_min_interval),
            checks_per_host_hour: args.monitor_checks_per_host,
            max_per_owner: args.monitors_per_key,
            parallel: usize::from(args.monitor_parallel),
            retry: Retry {
                attempts: args.webhook_attempts,
                first: Duration::from_secs(args.webhook_backoff),
                max: Duration::from_hours(1),
            },
            ..MonitorOptions::default()
        },
        ..Settings::default()
    })
}

pub(crate) fn command(args: &ServeArgs) -> anyhow::Result<()> {
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
    let arrival = inbox(args, &runtime)?;
    let sandbox = if args.sandbox {
        let mut opts = SandboxOptions::demo(args.sandbox_port_offset);
        // With an inbox, the sandbox delivers mail for it: the demo's
        // `arrival` check works offline.
        opts.relay_to = arrival.as_ref().map(|(inbox, _)| RelayTo {
            domain: inbox.domain().to_owned(),
            addr: inbox.local_addr(),
        });
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
    let engine = runtime.block_on(async {
        args.engine
            .engine_with(sandbox.as_ref(), recipients, arrival)
    })?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.listen)
            .await
            .with_context(|| format!("cannot listen on {}", args.listen))?;
        let addr = listener.local_addr()?;
        tracing::info!(%addr, "smtp-doctor listening");
        println!("smtp-doctor listening on http://{addr}");
        let mut settings = settings(args).await?;
        settings.sandbox_sign_in = sandbox.as_ref().and_then(|sb| {
            Some(smtp_doctor_probe::http::SandboxSignIn {
                issuer: sb.issuer(),
                username: sb.account().username.clone(),
                port: sb.port(smtp_doctor_probe::sandbox::Behaviour::Starttls)?,
            })
        });
        // Running probes get their deadline plus a margin to finish after
        // ctrl-c/SIGTERM; then the process exits regardless.
        let grace = engine.options().longest_probe() + Duration::from_secs(5);
        // Monitors run where they can be made: with a store and API keys.
        let _scheduler = match &settings.store {
            Some(store) if !settings.api_keys.is_empty() => Some(
                Scheduler::new(engine.clone(), store.clone(), settings.monitors.clone()).spawn(),
            ),
            _ => None,
        };
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
