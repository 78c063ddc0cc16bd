//! One probe from start to finish: the state of a report being built and
//! the steps in order. See the module docs of `engine` for the why.

mod arrival;
mod domain;
mod greeting;
mod login;
mod mail;
mod reach;
mod second;
mod transport;

use std::net::IpAddr;
use std::time::{Duration, Instant};

use smtp_doctor_core::config::{AuthMechanism, Config, Security};
use smtp_doctor_core::hostname::{Host, HostError, parse_host};
use smtp_doctor_core::mailbox::parse_mailbox;
use smtp_doctor_core::providers::{Provider, provider_by_host};
use smtp_doctor_core::report::{Report, Step, StepKind, StepStatus, Target};
use smtp_doctor_core::wire::{AuthIdentity, SmtpAddress, WireError};
use smtp_doctor_core::{Code, Diagnostic, Severity, validate_parsed};
use zeroize::Zeroizing;

use super::auth::{self};
use super::io::{Conn, ReadError, Reply};
use super::{Check, Engine, ProbeRequest, ReadSettings, replies};
use crate::policy::Refused;

/// What the config asks to probe, once it is usable.
struct Plan {
    host: String,
    ip: Option<IpAddr>,
    port: u16,
    security: Security,
    /// The login, if one was given (refused if it holds a control character).
    user: Option<Result<AuthIdentity, WireError>>,
    /// The secret the login sends: the password, or with OAuth2 the
    /// access token.
    password: Option<Zeroizing<String>>,
    auth: AuthMechanism,
    /// The From address as it goes into MAIL FROM, if it can.
    from: Option<SmtpAddress>,
    provider: Option<&'static Provider>,
}

impl Plan {
    /// The login as an address, when it is one (the `sender.rejected` fix).
    fn login_address(&self) -> Option<SmtpAddress> {
        let login = self.user.as_ref()?.as_ref().ok()?;
        SmtpAddress::parse(login.as_str())
            .ok()
            .filter(|a| a.as_str().contains('@'))
    }

    fn new(config: &Config) -> Option<Self> {
        // Legacy IPv4 spellings (`127.1`, `0x7f000001`) are what libc would
        // connect to: the probe sees through them so the policy can judge.
        let host = match parse_host(config.host_trimmed()?) {
            Ok(host) => host,
            Err(HostError::LegacyIpv4(ip)) => Host::Ip(IpAddr::V4(ip)),
            Err(_) => return None,
        };
        let provider = host.name().and_then(provider_by_host);
        Some(Self {
            ip: host.ip(),
            host: match &host {
                Host::Name(n) => n.clone(),
                Host::Ip(ip) => ip.to_string(),
            },
            port: config.port_number()?,
            security: config.security_mode()?,
            user: config.username().map(AuthIdentity::parse),
            password: if config.auth_mechanism().is_oauth() {
                config.oauth_token()
            } else {
                config.password()
            }
            .map(|p| Zeroizing::new(p.to_owned())),
            auth: config.auth_mechanism(),
            from: config
                .from_field()
                .and_then(|f| parse_mailbox(f).ok())
                .and_then(|m| SmtpAddress::from_mailbox(&m).ok()),
            provider,
        })
    }
}

/// At most this many resolved addresses are tried (SPEC §7.3): a name
/// with hundreds of records must not multiply the probe's work.
pub const MAX_ADDRESSES: usize = 8;

/// Asked once, with the checked addresses, before the first connect: the
/// service's per-target cap (in Redis when replicas share it, hence a
/// future). `false` stops the probe. Called once more with no addresses
/// when the connection to the target is closed and the probe goes on
/// without it (the arrival wait): the caller gives the target's slot back.
pub type Admit<'a> =
    &'a mut (dyn FnMut(Vec<IpAddr>) -> futures_util::future::BoxFuture<'static, bool> + Send);

pub(super) struct Probe<'a> {
    engine: &'a Engine,
    req: &'a ProbeRequest,
    read: &'a ReadSettings,
    on_step: &'a mut (dyn FnMut(&Step) + Send),
    admit: Option<Admit<'a>>,
    started: Instant,
    report: Report,
    /// Every form of the password sent in this session: a server that
    /// echoes one back (plain or base64) must not put it in the report.
    secrets: Vec<Zeroizing<String>>,
    /// The last TLS handshake carried a CertificateRequest: in TLS 1.3 a
    /// server refuses the missing certificate only after the client has
    /// finished, so the refusal arrives as the first read fails.
    client_cert_requested: bool,
    /// What the last EHLO offered (after STARTTLS, the second one's).
    ehlo: super::ehlo::Ehlo,
    /// Where the session tells the `domain` step which address it is
    /// about to connect to (taken when sent).
    relay_address: Option<tokio::sync::oneshot::Sender<IpAddr>>,
}

impl<'a> Probe<'a> {
    pub(super) fn new(
        engine: &'a Engine,
        req: &'a ProbeRequest,
        read: &'a ReadSettings,
        on_step: &'a mut (dyn FnMut(&Step) + Send),
        admit: Option<Admit<'a>>,
    ) -> Self {
        Self {
            engine,
            req,
            read,
            on_step,
            admit,
            started: Instant::now(),
            report: Report::default(),
            secrets: Vec::new(),
            client_cert_requested: false,
            ehlo: super::ehlo::Ehlo::default(),
            relay_address: None,
        }
    }

    fn wants(&self, check: Check) -> bool {
        Check::wanted(&self.req.checks, check)
    }

    /// The time a step may take: the per-step timeout, cut by the deadline.
    fn limit(&self) -> Duration {
        let opts = self.engine.options();
        opts.timeout
            .min(opts.deadline.saturating_sub(self.started.elapsed()))
    }

    /// Remembers a secret the session is about to send (and its base64
    /// form), so that [`redact`](Self::redact) can take it out of what the
    /// server says. Very short ones are left alone: redacting "a" would
    /// garble every line without protecting anything.
    fn keep_secret(&mut self, secret: &str) {
        if secret.len() >= 4 {
            self.secrets.push(Zeroizing::new(secret.to_owned()));
            self.secrets.push(auth::b64(secret.as_bytes()));
        }
    }

    /// `text` with every kept secret replaced by `<redacted>`.
    fn redact(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for secret in &self.secrets {
            if out.contains(secret.as_str()) {
                out = out.replace(secret.as_str(), "<redacted>");
            }
        }
        out
    }

    fn step(&mut self, kind: StepKind, since: Instant, mut diagnostics: Vec<Diagnostic>) -> bool {
        smtp_doctor_core::i18n::localize(&mut diagnostics, self.req.locale);
        let diagnostics: Vec<Diagnostic> = if self.secrets.is_empty() {
            diagnostics
        } else {
            diagnostics
                .into_iter()
                .map(|mut d| {
                    d.message = self.redact(&d.message);
                    d.help = self.redact(&d.help);
                    d.reply = d.reply.map(|r| self.redact(&r));
                    for (_, value) in &mut d.params.0 {
                        if let smtp_doctor_core::Param::Text(text) = value {
                            *text = self.redact(text);
                        }
                    }
                    d
                })
                .collect()
        };
        let status = if diagnostics.iter().any(|d| d.severity == Severity::Error) {
            StepStatus::Fail
        } else if diagnostics.iter().any(|d| d.severity == Severity::Warning) {
            StepStatus::Warn
        } else {
            StepStatus::Pass
        };
        let duration_ms = u64::try_from(since.elapsed().as_millis()).unwrap_or(u64::MAX);
        tracing::debug!(step = ?kind, status = ?status, duration_ms, "probe step");
        let step = Step {
            step: kind,
            status,
            duration_ms,
            diagnostics,
        };
        (self.on_step)(&step);
        self.report.steps.push(step);
        status != StepStatus::Fail
    }

    /// A step that did not run (its diagnostics, if any, are advice).
    fn skipped(&mut self, kind: StepKind, diagnostics: Vec<Diagnostic>) {
        let step = Step {
            step: kind,
            status: StepStatus::Skipped,
            duration_ms: 0,
            diagnostics,
        };
        (self.on_step)(&step);
        self.report.steps.push(step);
    }

    fn c(&mut self, line: &str) {
        self.report.transcript.push(format!("C: {line}"));
    }

    fn s(&mut self, reply: &Reply) {
        if reply.code == 334 {
            self.report.transcript.push("S: 334 <challenge>".to_owned());
            return;
        }
        for line in reply.raw().lines() {
            let line = self.redact(line);
            self.report.transcript.push(format!("S: {line}"));
        }
    }

    pub(super) async fn run(mut self) -> Report {
        let read = self.read;
        let mut static_findings =
            validate_parsed(&read.settings, &read.config, Some(crate::clock::now()));
        smtp_doctor_core::i18n::localize(&mut static_findings, self.req.locale);
        let config = &read.config;
        if let Some(plan) = Plan::new(config) {
            self.report.target = Target {
                host: plan.host.clone(),
                port: Some(plan.port),
                security: Some(plan.security),
                addresses: Vec::new(),
            };
            // Every step is cut by the deadline already; this is the
            // backstop that makes "ends by its deadline" true whatever a
            // step waits on (SPEC §7.3).
            // `arrival` waits for its message after the session.
            let longest = if self.wants(Check::Arrival) {
                self.engine.options().longest_probe()
            } else {
                self.engine.options().deadline
            };
            let backstop = longest + Duration::from_millis(100);
            let (tx, rx) = tokio::sync::oneshot::channel();
            let wants_domain = self.wants(Check::Domain);
            if wants_domain {
                self.relay_address = Some(tx);
            }
            let engine = self.engine;
            let deadline = tokio::time::Instant::from_std(self.started) + engine.options().deadline;
            let domain = async {
                if wants_domain {
                    tokio::time::timeout(backstop, domain::run(engine, &plan, rx, deadline))
                        .await
                        .ok()
                } else {
                    None
                }
            };
            let session = async {
                let ended = tokio::time::timeout(backstop, self.live(&plan)).await;
                // A session that ended before connecting has no address to
                // give: the domain step stops waiting for one.
                self.relay_address = None;
                ended
            };
            let (live, domain) = tokio::join!(session, domain);
            if live.is_err() {
                self.deadline_passed();
            }
            match domain {
                Some(Some(found)) => {
                    let since = Instant::now()
                        .checked_sub(found.took)
                        .unwrap_or_else(Instant::now);
                    self.step(StepKind::Domain, since, found.diagnostics);
                }
                Some(None) => self.skipped(StepKind::Domain, Vec::new()),
                None if wants_domain => {
                    let d = Diagnostic::new(Code::DomainLookupFailed)
                        .case("other")
                        .param(
                            "domain",
                            plan.from
                                .as_ref()
                                .map_or(String::new(), SmtpAddress::domain_lower),
                        );
                    self.step(StepKind::Domain, Instant::now(), vec![d]);
                }
                None => {}
            }
        }
        let mut report = self.report;
        report.finish(static_findings);
        report
    }

    /// The step that was running when the deadline passed gets a timeout
    /// diagnostic of its own kind.
    fn deadline_passed(&mut self) {
        let order = [
            StepKind::Dns,
            StepKind::Connect,
            StepKind::Greeting,
            StepKind::Ehlo,
            StepKind::Tls,
            StepKind::Auth,
            StepKind::Sender,
            StepKind::Send,
        ];
        let last = self.report.steps.last().map(|s| s.step);
        let next = match last {
            None => StepKind::Dns,
            Some(k) => order
                .iter()
                .skip_while(|s| **s != k)
                .nth(1)
                .copied()
                .unwrap_or(k),
        };
        let code = match next {
            StepKind::Dns => Code::DnsTimeout,
            StepKind::Connect => Code::TcpTimeout,
            _ => Code::SmtpTimeout,
        };
        let secs = self.engine.options().deadline.as_secs_f64();
        let d = Diagnostic::new(code)
            .case("deadline")
            .param("seconds", format!("{secs:.0}"));
        let step = Step {
            step: next,
            status: StepStatus::Fail,
            duration_ms: 0,
            diagnostics: vec![d],
        };
        (self.on_step)(&step);
        self.report.steps.push(step);
    }

    async fn live(&mut self, plan: &Plan) {
        // Host, port and mode only: never the config (it holds the password).
        tracing::info!(host = %plan.host, port = plan.port, security = %plan.security, "probe started");
        let t = Instant::now();
        let policy = &self.engine.options().policy;
        if !policy.port_allowed(plan.port) {
            let d = Diagnostic::new(Code::PolicyBlockedPort)
                .case("port")
                .param("port", plan.port)
                .param("allowed", policy.ports_text());
            self.step(StepKind::Connect, t, vec![d]);
            return;
        }
        let Some(addresses) = self.resolve(plan).await else {
            return;
        };
        let t = Instant::now();
        let refused = addresses
            .iter()
            .find_map(|ip| policy.check_target(*ip, plan.port).err());
        if let Some(refused) = refused {
            let d = match refused {
                Refused::Port(port) => Diagnostic::new(Code::PolicyBlockedPort)
                    .case("host-port")
                    .param("port", port)
                    .param("allowed", policy.ports_text()),
                // The customer typed this address: naming it tells nothing new.
                Refused::Address(b) if plan.ip.is_some() => {
                    Diagnostic::new(Code::PolicyBlockedAddress)
                        .case("address")
                        .param("address", b.to_string())
                }
                // Never what an internal name resolves to (SPEC §7.3).
                Refused::Address(_) => Diagnostic::new(Code::PolicyBlockedAddress)
                    .case("name")
                    .param("host", plan.host.as_str()),
            };
            self.step(StepKind::Connect, t, vec![d]);
            return;
        }
        let addresses = super::connect::interleave(&addresses);
        let addresses = &addresses[..addresses.len().min(MAX_ADDRESSES)];
        if let (Some(tx), Some(first)) = (self.relay_address.take(), addresses.first()) {
            // The domain step checks SPF for the address connected to first.
            let _ = tx.send(*first);
        }
        self.report.target.addresses = addresses.iter().map(ToString::to_string).collect();
        if let Some(admit) = self.admit.as_mut()
            && !admit(addresses.to_vec()).await
        {
            return;
        }
        let Some((tcp, addr)) = self.connect(plan, addresses).await else {
            return;
        };
        let conn = match plan.security {
            Security::Tls => self.implicit_tls(plan, tcp, addr).await,
            Security::Starttls | Security::None => self.plain_start(plan, tcp, addr).await,
        };
        let Some((mut conn, encrypted)) = conn else {
            return;
        };
        if self.wants(Check::Auth) && !self.authenticate(plan, &mut conn, encrypted).await {
            self.quit(&mut conn).await;
            return;
        }
        if self.wants(Check::Sender)
            && let Some((rcpt, Some(message))) = self.sender(plan, &mut conn).await
        {
            self.send(plan, &mut conn, &rcpt, message).await;
        }
        let sent = if self.wants(Check::Arrival) {
            self.send_to_inbox(plan, &mut conn).await
        } else {
            None
        };
        self.quit(&mut conn).await;
        // The wait is after QUIT: neither the relay's connection nor its
        // per-target slot is held while our inbox waits.
        if let Some(sent) = sent {
            drop(conn);
            if let Some(admit) = self.admit.as_mut() {
                admit(Vec::new()).await;
            }
            self.await_arrival(sent).await;
        }
    }

    fn read_failure(&self, e: ReadError) -> Diagnostic {
        match e {
            // A TLS 1.3 server refuses a missing client certificate only
            // after the handshake, as the first read.
            ReadError::Io(err) if self.client_cert_requested && tls_alert(&err).is_some() => {
                let alert = tls_alert(&err)
                    .map(super::tls::alert_name)
                    .unwrap_or_default();
                Diagnostic::new(Code::TlsClientCertRequired)
                    .case("alert")
                    .param("alert", alert)
            }
            ReadError::Timeout => Diagnostic::new(Code::SmtpTimeout),
            ReadError::Closed => Diagnostic::new(Code::SmtpClosed),
            ReadError::NotSmtp(text) => replies::not_smtp(&text),
            ReadError::TooLong => Diagnostic::new(Code::SmtpProtocolError).case("too-long"),
            ReadError::Io(err) => Diagnostic::new(Code::SmtpClosed)
                .case("io")
                .param("error", err.to_string()),
        }
    }

    /// Sends a command (logged as `log_as` when it carries a secret) and
    /// reads the reply; a read failure becomes a diagnostic.
    async fn command(
        &mut self,
        conn: &mut Conn,
        line: &str,
        log_as: Option<&str>,
    ) -> Result<Reply, Diagnostic> {
        if super::io::check_command(line).is_err() {
            return Err(Diagnostic::new(Code::SmtpProtocolError).case("line-break"));
        }
        self.c(log_as.unwrap_or(line));
        if let Err(e) = conn.send(line).await {
            // TLS 1.3: the server refused the missing certificate after the
            // handshake and hung up before our first command.
            return Err(if self.client_cert_requested {
                Diagnostic::new(Code::TlsClientCertRequired)
                    .case("closed")
                    .param("error", e.to_string())
            } else {
                Diagnostic::new(Code::SmtpClosed)
                    .case("while-sending")
                    .param("error", e.to_string())
            });
        }
        let limit = self.limit();
        match conn.read_reply(limit).await {
            Ok(r) => {
                self.s(&r);
                // The session got past TLS: a certificate request was optional.
                self.client_cert_requested = false;
                Ok(r)
            }
            Err(e) => Err(self.read_failure(e)),
        }
    }

    async fn quit(&mut self, conn: &mut Conn) {
        self.c("QUIT");
        if conn.send("QUIT").await.is_ok()
            && let Ok(r) = conn
                .read_reply(Duration::from_secs(2).min(self.limit()))
                .await
        {
            self.s(&r);
        }
    }
}

/// The TLS alert a read failed with, if it did.
fn tls_alert(err: &std::io::Error) -> Option<rustls::AlertDescription> {
    match err.get_ref()?.downcast_ref::<rustls::Error>()? {
        rustls::Error::AlertReceived(alert) => Some(*alert),
        _ => None,
    }
}
