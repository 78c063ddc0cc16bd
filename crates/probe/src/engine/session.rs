//! One probe from start to finish: the state of a report being built and
//! the steps in order. See the module docs of `engine` for the why.

use std::fmt::Write as _;
use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

use smtp_doctor_core::config::{AuthMechanism, Config, Security};
use smtp_doctor_core::hostname::{Host, HostError, parse_host};
use smtp_doctor_core::mailbox::parse_mailbox;
use smtp_doctor_core::providers::{Provider, provider_by_host};
use smtp_doctor_core::report::{Report, Step, StepKind, StepStatus, Suggestion, Target, TlsInfo};
use smtp_doctor_core::wire::{AuthIdentity, SmtpAddress, WireError};
use smtp_doctor_core::{Code, Diagnostic, Field, Fix, Severity, validate_json};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use zeroize::Zeroizing;

use super::auth::{self, Mechanism};
use super::connect::{ConnectFailure, connect};
use super::dns::DnsFailure;
use super::io::{Conn, ReadError, Recorder, Reply, Stream, preview};
use super::{Check, Engine, ProbeRequest, replies, tls};
use crate::policy::Refused;

/// What the config asks to probe, once it is usable.
struct Plan {
    host: String,
    ip: Option<IpAddr>,
    port: u16,
    security: Security,
    /// The login, if one was given (refused if it holds a control character).
    user: Option<Result<AuthIdentity, WireError>>,
    password: Option<Zeroizing<String>>,
    auth: AuthMechanism,
    /// The From address as it goes into MAIL FROM, if it can.
    from: Option<SmtpAddress>,
    provider: Option<&'static Provider>,
}

impl Plan {
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
            password: config.password().map(|p| Zeroizing::new(p.to_owned())),
            auth: config.auth_mechanism(),
            from: config
                .from_field()
                .and_then(|f| parse_mailbox(f).ok())
                .and_then(|m| SmtpAddress::from_mailbox(&m).ok()),
            provider,
        })
    }
}

/// How a TLS handshake ended.
enum Handshake {
    Done(Box<tokio_rustls::client::TlsStream<Recorder>>),
    /// The server answered in plain SMTP (a `220`) instead of TLS.
    PlainSmtp(String),
    Failed(Vec<Diagnostic>),
}

/// At most this many resolved addresses are tried (SPEC §7.3): a name
/// with hundreds of records must not multiply the probe's work.
pub const MAX_ADDRESSES: usize = 8;

/// Asked once, with the checked addresses, before the first connect: the
/// service's per-target cap. `false` stops the probe.
pub type Admit<'a> = &'a mut (dyn FnMut(&[IpAddr]) -> bool + Send);

pub(super) struct Probe<'a> {
    engine: &'a Engine,
    req: &'a ProbeRequest,
    on_step: &'a mut (dyn FnMut(&Step) + Send),
    admit: Option<Admit<'a>>,
    started: Instant,
    report: Report,
    /// Every form of the password sent in this session: a server that
    /// echoes one back (plain or base64) must not put it in the report.
    secrets: Vec<Zeroizing<String>>,
}

impl<'a> Probe<'a> {
    pub(super) fn new(
        engine: &'a Engine,
        req: &'a ProbeRequest,
        on_step: &'a mut (dyn FnMut(&Step) + Send),
        admit: Option<Admit<'a>>,
    ) -> Self {
        Self {
            engine,
            req,
            on_step,
            admit,
            started: Instant::now(),
            report: Report::default(),
            secrets: Vec::new(),
        }
    }

    fn wants(&self, check: Check) -> bool {
        self.req.checks.iter().any(|c| *c >= check)
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

    fn step(&mut self, kind: StepKind, since: Instant, diagnostics: Vec<Diagnostic>) -> bool {
        let diagnostics: Vec<Diagnostic> = if self.secrets.is_empty() {
            diagnostics
        } else {
            diagnostics
                .into_iter()
                .map(|mut d| {
                    d.message = self.redact(&d.message);
                    d.help = self.redact(&d.help);
                    d.reply = d.reply.map(|r| self.redact(&r));
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
        let static_findings = validate_json(&self.req.config);
        let config = Config::from_json(&self.req.config);
        if let Some(plan) = Plan::new(&config) {
            self.report.target = Target {
                host: plan.host.clone(),
                port: Some(plan.port),
                security: Some(plan.security),
                addresses: Vec::new(),
            };
            // Every step is cut by the deadline already; this is the
            // backstop that makes "ends by its deadline" true whatever a
            // step waits on (SPEC §7.3).
            let backstop = self.engine.options().deadline + Duration::from_millis(100);
            if tokio::time::timeout(backstop, self.live(&plan))
                .await
                .is_err()
            {
                self.deadline_passed();
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
        let d = Diagnostic::new(code).message(format!(
            "The probe's time limit of {secs:.0} s ran out during the {} step.",
            next.as_str()
        ));
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
                .message(format!(
                    "This probe does not connect to port {}.",
                    plan.port
                ))
                .help(format!(
                    "Allowed ports: {}. Use your provider's SMTP submission port.",
                    policy.ports_text()
                ));
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
                    .message(format!(
                        "This probe does not connect to port {port} of this host."
                    ))
                    .help(format!(
                        "Allowed ports: {}. Use your provider's SMTP submission port.",
                        policy.ports_text()
                    )),
                // The customer typed this address: naming it tells nothing new.
                Refused::Address(b) if plan.ip.is_some() => {
                    Diagnostic::new(Code::PolicyBlockedAddress)
                        .message(format!("{b}, which this probe does not contact."))
                }
                // Never what an internal name resolves to (SPEC §7.3).
                Refused::Address(_) => {
                    Diagnostic::new(Code::PolicyBlockedAddress).message(format!(
                        "{} resolves to an internal address, which this probe does not contact.",
                        plan.host
                    ))
                }
            };
            self.step(StepKind::Connect, t, vec![d]);
            return;
        }
        let addresses = super::connect::interleave(&addresses);
        let addresses = &addresses[..addresses.len().min(MAX_ADDRESSES)];
        self.report.target.addresses = addresses.iter().map(ToString::to_string).collect();
        if let Some(admit) = self.admit.as_mut()
            && !admit(addresses)
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
            && let Some(rcpt) = self.sender(plan, &mut conn).await
            && self.wants(Check::Send)
        {
            self.send(plan, &mut conn, &rcpt).await;
        }
        self.quit(&mut conn).await;
    }

    async fn resolve(&mut self, plan: &Plan) -> Option<Vec<IpAddr>> {
        if let Some(ip) = plan.ip {
            return Some(vec![ip]);
        }
        let t = Instant::now();
        let limit = self.limit();
        let result = tokio::time::timeout(limit, self.engine.dns.addresses(&plan.host))
            .await
            .unwrap_or(Err(DnsFailure::Timeout));
        match result {
            Ok(ips) => {
                self.step(StepKind::Dns, t, Vec::new());
                Some(ips)
            }
            Err(f) => {
                let d = match f {
                    DnsFailure::NotFound => Diagnostic::new(Code::DnsNotFound)
                        .message(format!("{} does not exist in DNS.", plan.host)),
                    DnsFailure::NoAddress => Diagnostic::new(Code::DnsNoAddress)
                        .message(format!("{} exists but has no IP address.", plan.host)),
                    DnsFailure::Timeout => Diagnostic::new(Code::DnsTimeout)
                        .message(format!("The DNS lookup of {} timed out.", plan.host)),
                    DnsFailure::Other(e) => Diagnostic::new(Code::DnsTimeout)
                        .message(format!("The DNS lookup of {} failed: {e}.", plan.host)),
                };
                self.step(StepKind::Dns, t, vec![d]);
                None
            }
        }
    }

    async fn connect(
        &mut self,
        plan: &Plan,
        addresses: &[IpAddr],
    ) -> Option<(TcpStream, SocketAddr)> {
        let t = Instant::now();
        let limit = self.limit();
        let per_attempt = limit / u32::try_from(addresses.len().clamp(1, 3)).unwrap_or(1);
        let (ok, failures) = connect(addresses, plan.port, per_attempt, t + limit).await;
        if let Some(found) = ok {
            self.step(StepKind::Connect, t, Vec::new());
            return Some(found);
        }
        let tried = failures
            .iter()
            .map(|(a, _)| a.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let d = if failures
            .iter()
            .any(|(_, f)| matches!(f, ConnectFailure::Timeout))
        {
            Diagnostic::new(Code::TcpTimeout)
                .message(format!("No answer from {tried}: the connection timed out."))
                .help(self.timeout_help(plan.port))
        } else if failures
            .iter()
            .all(|(_, f)| matches!(f, ConnectFailure::Refused))
        {
            Diagnostic::new(Code::TcpRefused).message(format!(
                "{tried} refused the connection on port {}.",
                plan.port
            ))
        } else if failures
            .iter()
            .any(|(_, f)| matches!(f, ConnectFailure::Unreachable))
        {
            Diagnostic::new(Code::TcpUnreachable)
                .message(format!("{tried} is unreachable from the probe."))
        } else {
            let why = failures.iter().find_map(|(_, f)| {
                if let ConnectFailure::Other(e) = f {
                    Some(e.to_string())
                } else {
                    None
                }
            });
            Diagnostic::new(Code::TcpUnreachable).message(format!(
                "Cannot connect to {tried}: {}.",
                why.unwrap_or_default()
            ))
        };
        self.step(StepKind::Connect, t, vec![d]);
        None
    }

    fn timeout_help(&self, port: u16) -> String {
        let egress = &self.engine.options().egress_ips;
        let mut help = String::from(
            "Nothing answered at all: a firewall drops the traffic, or the server only accepts allowlisted IP addresses.",
        );
        if !egress.is_empty() {
            let list = egress
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            let _ = write!(
                help,
                " This probe connects from {list}; ask the server's administrator to allow these addresses."
            );
        }
        if matches!(port, 25 | 465 | 587) {
            help.push_str(" Some hosting providers block outgoing mail ports (DigitalOcean blocks 25, 465 and 587; Google Compute Engine blocks 25): if your application runs there, use port 2525 (SendGrid, Mailgun, Postmark, Brevo) or 2587/2465 (SES, Resend).");
        }
        help
    }

    /// A TLS handshake on `tcp`, with the certificate inspected whatever
    /// the outcome; the report's TLS section is filled in.
    async fn handshake(&mut self, plan: &Plan, tcp: TcpStream) -> Handshake {
        let recorder = Recorder::new(tcp);
        let recording = recorder.recording();
        let Some(name) = tls::server_name(&plan.host) else {
            return Handshake::Failed(vec![
                Diagnostic::new(Code::TlsHandshakeFailed)
                    .message("The host cannot be used as a TLS server name."),
            ]);
        };
        let (config, seen) = match tls::client_config(&self.engine.roots) {
            Ok(c) => c,
            Err(e) => {
                return Handshake::Failed(vec![
                    Diagnostic::new(Code::TlsHandshakeFailed)
                        .message(format!("TLS setup failed: {e}.")),
                ]);
            }
        };
        let limit = self.limit();
        let result =
            tokio::time::timeout(limit, TlsConnector::from(config).connect(name, recorder)).await;
        let (chain, verify_error) = seen
            .lock()
            .map(|s| (s.chain.clone(), s.error.clone()))
            .unwrap_or_default();
        let cert = chain
            .first()
            .and_then(|c| tls::describe(c, verify_error.is_none()));
        match result {
            Ok(Ok(stream)) => {
                let (_, session) = stream.get_ref();
                self.report.server.tls = Some(TlsInfo {
                    version: session
                        .protocol_version()
                        .map(|v| format!("{v:?}").replace("TLSv1_", "TLSv1."))
                        .unwrap_or_default(),
                    cipher: session
                        .negotiated_cipher_suite()
                        .map(|s| format!("{:?}", s.suite()))
                        .unwrap_or_default(),
                    certificate: cert,
                });
                Handshake::Done(Box::new(stream))
            }
            Ok(Err(e)) => {
                let first = recording.lock().map(|b| b.clone()).unwrap_or_default();
                if first.len() >= 3 && first[..3].iter().all(u8::is_ascii_digit) {
                    return Handshake::PlainSmtp(preview(&String::from_utf8_lossy(&first)));
                }
                if cert.is_some() {
                    self.report.server.tls = Some(TlsInfo {
                        version: String::new(),
                        cipher: String::new(),
                        certificate: cert.clone(),
                    });
                }
                let rustls_error = e
                    .get_ref()
                    .and_then(|inner| inner.downcast_ref::<rustls::Error>())
                    .cloned();
                match rustls_error.or(verify_error) {
                    Some(err) => Handshake::Failed(tls::diagnose(&err, cert.as_ref(), &plan.host)),
                    None if first.is_empty() => {
                        Handshake::Failed(vec![Diagnostic::new(Code::TlsHandshakeFailed).message(
                            format!(
                                "The server closed the connection during the TLS handshake ({e})."
                            ),
                        )])
                    }
                    None => Handshake::Failed(vec![replies::not_smtp(&preview(
                        &String::from_utf8_lossy(&first),
                    ))]),
                }
            }
            Err(_) => Handshake::Failed(vec![
                Diagnostic::new(Code::TlsHandshakeFailed)
                    .message("The server did not answer the TLS handshake in time."),
            ]),
        }
    }

    /// Implicit TLS: handshake first, then greeting and EHLO inside TLS.
    async fn implicit_tls(
        &mut self,
        plan: &Plan,
        tcp: TcpStream,
        addr: SocketAddr,
    ) -> Option<(Conn, bool)> {
        let t = Instant::now();
        match self.handshake(plan, tcp).await {
            Handshake::Done(stream) => {
                self.step(StepKind::Tls, t, Vec::new());
                let mut conn = Conn::new(Stream::Tls(stream));
                self.greeting(plan, &mut conn).await?;
                self.ehlo(&mut conn).await?;
                Some((conn, true))
            }
            Handshake::PlainSmtp(greeting) => {
                self.report.transcript.push(format!("S: {greeting}"));
                let mut d = Diagnostic::new(Code::TlsExpectedStarttls)
                    .message(format!(
                        "Port {} answered in plain text (`{greeting}`) instead of TLS.",
                        plan.port
                    ))
                    .reply(greeting)
                    .fix(Fix::new("Use STARTTLS").set(Field::Security, "starttls"));
                if self.verify_starttls(plan, addr).await {
                    d = d.help(format!("This port speaks plain SMTP and upgrades with STARTTLS; verified: STARTTLS on port {} works.", plan.port));
                    self.report.suggestion = Some(Suggestion {
                        host: None,
                        port: Some(plan.port),
                        security: Some(Security::Starttls),
                    });
                } else {
                    d = d.help("This port speaks plain SMTP first, but the STARTTLS upgrade did not work either; try port 465 with TLS/SSL or ask your provider.");
                }
                self.step(StepKind::Tls, t, vec![d]);
                None
            }
            Handshake::Failed(diags) => {
                self.step(StepKind::Tls, t, diags);
                None
            }
        }
    }

    /// Plain connect: the greeting (with the implicit-TLS check), EHLO,
    /// and the STARTTLS upgrade when chosen.
    async fn plain_start(
        &mut self,
        plan: &Plan,
        tcp: TcpStream,
        addr: SocketAddr,
    ) -> Option<(Conn, bool)> {
        let mut conn = Conn::new(Stream::Plain(Recorder::new(tcp)));
        if !self.plain_greeting(plan, &mut conn, addr).await {
            return None;
        }
        let extensions = self.ehlo(&mut conn).await?;
        if plan.security == Security::None {
            let mut diags = Vec::new();
            if extensions
                .iter()
                .any(|e| e.eq_ignore_ascii_case("STARTTLS"))
            {
                diags.push(
                    Diagnostic::new(Code::TlsNone)
                        .message("The server offers STARTTLS, but no encryption is chosen.")
                        .fix(Fix::new("Use STARTTLS").set(Field::Security, "starttls")),
                );
            }
            self.skipped(StepKind::Tls, diags);
            return Some((conn, false));
        }
        let t = Instant::now();
        if !extensions
            .iter()
            .any(|e| e.eq_ignore_ascii_case("STARTTLS"))
        {
            let d = Diagnostic::new(Code::TlsStarttlsUnavailable).message(format!(
                "The server on port {} does not offer STARTTLS.",
                plan.port
            ));
            self.step(StepKind::Tls, t, vec![d]);
            return None;
        }
        let reply = self.command(&mut conn, "STARTTLS", None).await;
        match reply {
            Ok(r) if r.code == 220 => {}
            Ok(r) => {
                let d = Diagnostic::new(Code::TlsStarttlsUnavailable)
                    .message(format!(
                        "The server advertised STARTTLS but refused it ({}).",
                        r.code
                    ))
                    .reply(r.raw());
                self.step(StepKind::Tls, t, vec![d]);
                return None;
            }
            Err(d) => {
                self.step(StepKind::Tls, t, vec![d]);
                return None;
            }
        }
        if conn.buffered() > 0 {
            // Bytes after the 220 would be injected into the TLS session (CVE-2011-0411 class).
            let d = Diagnostic::new(Code::SmtpProtocolError).message("The server sent data after its STARTTLS reply; the probe stopped (a possible injection attack).");
            self.step(StepKind::Tls, t, vec![d]);
            return None;
        }
        let Stream::Plain(recorder) = conn.into_stream() else {
            return None;
        };
        let tcp = recorder.into_inner();
        match self.handshake(plan, tcp).await {
            Handshake::Done(stream) => {
                self.step(StepKind::Tls, t, Vec::new());
                let mut conn = Conn::new(Stream::Tls(stream));
                let before = std::mem::take(&mut self.report.server.extensions);
                self.ehlo(&mut conn).await?;
                self.report.server.extensions_before_tls = before;
                Some((conn, true))
            }
            Handshake::PlainSmtp(text) => {
                let d = Diagnostic::new(Code::TlsHandshakeFailed).message(format!(
                    "The server answered the TLS handshake in plain text (`{text}`)."
                ));
                self.step(StepKind::Tls, t, vec![d]);
                None
            }
            Handshake::Failed(diags) => {
                self.step(StepKind::Tls, t, diags);
                None
            }
        }
    }

    /// Waits for the greeting on a plain connection. If the server stays
    /// silent for `mismatch_window`, a TLS handshake is tried on a second
    /// connection in parallel: if it succeeds the port speaks implicit TLS.
    /// The first connection keeps waiting, in case the server is only slow.
    async fn plain_greeting(&mut self, plan: &Plan, conn: &mut Conn, addr: SocketAddr) -> bool {
        let t = Instant::now();
        let limit = self.limit();
        let window = self.engine.options().mismatch_window.min(limit);
        let first = conn.read_reply(window).await;
        let result = match first {
            Err(ReadError::Timeout) if limit > window => {
                let engine = self.engine.clone();
                let host = plan.host.clone();
                let probe_tls = async move { tls_answers(&engine, &host, addr).await };
                let rest = conn.read_reply(limit.saturating_sub(window));
                tokio::pin!(rest);
                tokio::pin!(probe_tls);
                let mut tls_done = false;
                loop {
                    tokio::select! {
                        r = &mut rest => break r,
                        evidence = &mut probe_tls, if !tls_done => {
                            tls_done = true;
                            if let TlsProbe::Other(Some(text)) = &evidence
                                && looks_like_other_protocol(text)
                            {
                                self.step(StepKind::Greeting, t, vec![replies::not_smtp(text)]);
                                return false;
                            }
                            if let TlsProbe::Tls(cert_ok) = evidence {
                                let d = Diagnostic::new(Code::TlsExpectedImplicit)
                                    .message(format!("Port {} stayed silent for a plain connection but answered a TLS handshake: it expects TLS from the first byte.", plan.port))
                                    .help(if cert_ok {
                                        format!("Choose TLS/SSL; verified: a TLS connection to port {} works.", plan.port)
                                    } else {
                                        format!("Choose TLS/SSL. A TLS connection to port {} works, but its certificate has a problem the next check will show.", plan.port)
                                    })
                                    .fix(Fix::new("Use TLS/SSL").set(Field::Security, "tls"));
                                self.report.suggestion = Some(Suggestion { host: None, port: Some(plan.port), security: Some(Security::Tls) });
                                self.step(StepKind::Greeting, t, vec![d]);
                                return false;
                            }
                        }
                    }
                }
            }
            other => other,
        };
        match result {
            Ok(reply) => {
                self.s(&reply);
                let mut diags: Vec<Diagnostic> = replies::greeting(&reply).into_iter().collect();
                let waited = t.elapsed();
                if diags.is_empty() && waited >= self.engine.options().slow_greeting {
                    diags.push(Diagnostic::new(Code::SmtpSlowGreeting).message(format!(
                        "The server greeted only after {:.1} s.",
                        waited.as_secs_f64()
                    )));
                }
                self.report.server.greeting = Some(reply.raw());
                self.step(StepKind::Greeting, t, diags)
            }
            Err(e) => {
                let d = match e {
                    ReadError::Timeout => Diagnostic::new(Code::SmtpNoGreeting).message(format!(
                        "Connected, but no greeting came within {:.0} s, and the port does not answer TLS either.",
                        limit.as_secs_f64()
                    )),
                    other => Self::read_failure(other),
                };
                self.step(StepKind::Greeting, t, vec![d]);
                false
            }
        }
    }

    /// The greeting inside implicit TLS.
    async fn greeting(&mut self, _plan: &Plan, conn: &mut Conn) -> Option<()> {
        let t = Instant::now();
        let limit = self.limit();
        match conn.read_reply(limit).await {
            Ok(reply) => {
                self.s(&reply);
                self.report.server.greeting = Some(reply.raw());
                let diags: Vec<Diagnostic> = replies::greeting(&reply).into_iter().collect();
                self.step(StepKind::Greeting, t, diags).then_some(())
            }
            Err(e) => {
                let d = match e {
                    ReadError::Timeout => Diagnostic::new(Code::SmtpNoGreeting)
                        .message("TLS was set up, but no SMTP greeting came."),
                    other => Self::read_failure(other),
                };
                self.step(StepKind::Greeting, t, vec![d]);
                None
            }
        }
    }

    fn read_failure(e: ReadError) -> Diagnostic {
        match e {
            ReadError::Timeout => Diagnostic::new(Code::SmtpTimeout),
            ReadError::Closed => Diagnostic::new(Code::SmtpClosed),
            ReadError::NotSmtp(text) => replies::not_smtp(&text),
            ReadError::TooLong => Diagnostic::new(Code::SmtpProtocolError).message(
                "The server's reply exceeded the probe's limits (line length, line count or size).",
            ),
            ReadError::Io(err) => {
                Diagnostic::new(Code::SmtpClosed).message(format!("The connection failed: {err}."))
            }
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
            return Err(Diagnostic::new(Code::SmtpProtocolError)
                .message("The probe refused to send a command holding a line break."));
        }
        self.c(log_as.unwrap_or(line));
        if let Err(e) = conn.send(line).await {
            return Err(Diagnostic::new(Code::SmtpClosed)
                .message(format!("The connection failed while sending: {e}.")));
        }
        let limit = self.limit();
        match conn.read_reply(limit).await {
            Ok(r) => {
                self.s(&r);
                Ok(r)
            }
            Err(e) => Err(Self::read_failure(e)),
        }
    }

    /// EHLO (HELO if refused); records extensions and AUTH mechanisms.
    async fn ehlo(&mut self, conn: &mut Conn) -> Option<Vec<String>> {
        let t = Instant::now();
        let helo = self.engine.options().helo.clone();
        let reply = match self.command(conn, &format!("EHLO {helo}"), None).await {
            Ok(r) => r,
            Err(d) => {
                self.step(StepKind::Ehlo, t, vec![d]);
                return None;
            }
        };
        if reply.code != 250 {
            let fallback = self.command(conn, &format!("HELO {helo}"), None).await;
            let ok = matches!(&fallback, Ok(r) if r.code == 250);
            let d = Diagnostic::new(if ok {
                Code::SmtpNotSmtp
            } else {
                Code::SmtpGreetingRejected
            })
            .severity(if ok {
                Severity::Warning
            } else {
                Severity::Error
            })
            .message(format!(
                "The server refused EHLO ({}){}.",
                reply.code,
                if ok {
                    " but accepted HELO: it offers no extensions"
                } else {
                    ""
                }
            ))
            .reply(reply.raw());
            self.step(StepKind::Ehlo, t, vec![d]);
            return ok.then(Vec::new);
        }
        let super::ehlo::Ehlo {
            extensions,
            keywords,
            auth_mechanisms,
        } = super::ehlo::parse_ehlo(&reply);
        self.report.server.auth_mechanisms = auth_mechanisms;
        self.report.server.extensions = extensions;
        self.step(StepKind::Ehlo, t, Vec::new());
        Some(keywords)
    }

    async fn authenticate(&mut self, plan: &Plan, conn: &mut Conn, encrypted: bool) -> bool {
        let t = Instant::now();
        let (Some(user), Some(password)) = (plan.user.as_ref(), plan.password.as_ref()) else {
            self.skipped(StepKind::Auth, Vec::new());
            return true;
        };
        if plan.auth == AuthMechanism::None {
            return true;
        }
        let user = match user {
            Ok(user) => user.as_str(),
            Err(e) => {
                let d = Diagnostic::new(Code::AuthUsernameFormat)
                    .message(format!("The username cannot be sent: {e}."));
                return self.step(StepKind::Auth, t, vec![d]);
            }
        };
        let offered = self.report.server.auth_mechanisms.clone();
        if offered.is_empty() {
            let d = Diagnostic::new(Code::AuthNotOffered).message(if encrypted {
                "Credentials were given, but the server offers no AUTH: they were not checked. It may be a relay that needs no login (then remove the credentials) or only accepts allowlisted IP addresses."
            } else {
                "Credentials were given, but the server offers no AUTH on this unencrypted connection: they were not checked. Most servers offer AUTH only after STARTTLS."
            });
            return self.step(StepKind::Auth, t, vec![d]);
        }
        let Some(mechanism) = auth::choose(&offered, plan.auth, encrypted) else {
            let d = Diagnostic::new(Code::AuthMechanismUnsupported).message(format!(
                "The server offers {} but not {}.",
                offered.join(", "),
                if plan.auth == AuthMechanism::Auto {
                    "any mechanism this tool speaks".to_owned()
                } else {
                    plan.auth.as_str().to_ascii_uppercase()
                }
            ));
            return self.step(StepKind::Auth, t, vec![d]);
        };
        let reply = self.sasl(conn, mechanism, user, password).await;
        let diags = match reply {
            Ok(r) if r.code == 235 => Vec::new(),
            Ok(r) => vec![replies::auth_failure(&r, plan.provider)],
            Err(d) => vec![d],
        };
        self.step(StepKind::Auth, t, diags)
    }

    /// The SASL exchange; every secret line is logged as `<redacted>`.
    async fn sasl(
        &mut self,
        conn: &mut Conn,
        mechanism: Mechanism,
        user: &str,
        password: &str,
    ) -> Result<Reply, Diagnostic> {
        self.keep_secret(password);
        match mechanism {
            Mechanism::Plain => {
                let secret = auth::plain(user, password);
                self.keep_secret(&secret);
                self.command(
                    conn,
                    &format!("AUTH PLAIN {}", secret.as_str()),
                    Some("AUTH PLAIN <redacted>"),
                )
                .await
            }
            Mechanism::Xoauth2 => {
                let secret = auth::xoauth2(user, password);
                self.keep_secret(&secret);
                let first = self
                    .command(
                        conn,
                        &format!("AUTH XOAUTH2 {}", secret.as_str()),
                        Some("AUTH XOAUTH2 <redacted>"),
                    )
                    .await;
                match first {
                    // The server sends an error as a 334 challenge; answer empty to get the final reply.
                    Ok(r) if r.code == 334 => self.command(conn, "", Some("<empty>")).await,
                    other => other,
                }
            }
            Mechanism::Login => match self.command(conn, "AUTH LOGIN", None).await {
                Ok(r) if r.code == 334 => match self
                    .command(
                        conn,
                        auth::b64(user.as_bytes()).as_str(),
                        Some("<redacted>"),
                    )
                    .await
                {
                    Ok(r) if r.code == 334 => {
                        self.command(
                            conn,
                            auth::b64(password.as_bytes()).as_str(),
                            Some("<redacted>"),
                        )
                        .await
                    }
                    other => other,
                },
                other => other,
            },
            Mechanism::CramMd5 => match self.command(conn, "AUTH CRAM-MD5", None).await {
                Ok(r) if r.code == 334 => {
                    let challenge = r.lines.first().cloned().unwrap_or_default();
                    match auth::cram_md5(user, password, &challenge) {
                        Some(answer) => {
                            self.command(conn, answer.as_str(), Some("<redacted>"))
                                .await
                        }
                        None => Err(Diagnostic::new(Code::SmtpProtocolError)
                            .message("The CRAM-MD5 challenge was not valid base64.")),
                    }
                }
                other => other,
            },
        }
    }

    /// The RCPT TO address: the sender itself unless a recipient is given
    /// and the recipient policy allows it.
    fn recipient(&self, from: &SmtpAddress) -> Result<SmtpAddress, Box<Diagnostic>> {
        let Some(text) = self.req.recipient.as_deref() else {
            return Ok(from.clone());
        };
        let rcpt = SmtpAddress::parse(text).map_err(|e| {
            Box::new(
                Diagnostic::new(Code::PolicyBlockedRecipient)
                    .message(format!("The recipient cannot be used: {e}.")),
            )
        })?;
        if self.engine.options().recipients.allows(Some(from), &rcpt) {
            Ok(rcpt)
        } else {
            Err(Box::new(
                Diagnostic::new(Code::PolicyBlockedRecipient).message(format!(
                    "This probe sends only to the sender's own address ({from}), not to {rcpt}."
                )),
            ))
        }
    }

    /// MAIL FROM, RCPT TO (the sender itself, or an allowed recipient),
    /// RSET. Returns the recipient when both were accepted.
    async fn sender(&mut self, plan: &Plan, conn: &mut Conn) -> Option<SmtpAddress> {
        let t = Instant::now();
        let Some(from) = plan.from.clone() else {
            let d = Diagnostic::new(Code::FromMissing)
                .message("The sender check needs a valid From address.");
            self.step(StepKind::Sender, t, vec![d]);
            return None;
        };
        let rcpt = match self.recipient(&from) {
            Ok(rcpt) => rcpt,
            Err(d) => {
                self.step(StepKind::Sender, t, vec![*d]);
                return None;
            }
        };
        let mail = self
            .command(conn, &format!("MAIL FROM:<{from}>"), None)
            .await;
        let diags = match mail {
            Ok(r) if r.code == 250 => {
                match self.command(conn, &format!("RCPT TO:<{rcpt}>"), None).await {
                    Ok(r) if r.code == 250 || r.code == 251 => Vec::new(),
                    Ok(r) => vec![replies::rcpt_failure(&r)],
                    Err(d) => vec![d],
                }
            }
            Ok(r) => vec![replies::mail_from_failure(&r)],
            Err(d) => vec![d],
        };
        let ok = diags.is_empty();
        if !self.wants(Check::Send) || !ok {
            let _ = self.command(conn, "RSET", None).await;
        }
        (self.step(StepKind::Sender, t, diags) && ok).then_some(rcpt)
    }

    /// DATA with one fixed test message built by lettre.
    async fn send(&mut self, plan: &Plan, conn: &mut Conn, rcpt: &SmtpAddress) {
        let t = Instant::now();
        let Some(from) = plan.from.as_ref() else {
            return;
        };
        let message = match test_message(from, rcpt, &plan.host) {
            Ok(m) => m,
            Err(e) => {
                let d = Diagnostic::new(Code::SendRejected)
                    .message(format!("The test message could not be built: {e}."));
                self.step(StepKind::Send, t, vec![d]);
                return;
            }
        };
        let diags = match self.command(conn, "DATA", None).await {
            Ok(r) if r.code == 354 => {
                self.c(&format!("<message, {} bytes>", message.len()));
                if let Err(e) = conn.send_raw(&message).await {
                    vec![Diagnostic::new(Code::SmtpClosed).message(format!(
                        "The connection failed while sending the message: {e}."
                    ))]
                } else {
                    let limit = self.limit();
                    match conn.read_reply(limit).await {
                        Ok(r) => {
                            self.s(&r);
                            if r.code == 250 {
                                vec![replies::send_ok(&r, rcpt.as_str())]
                            } else {
                                vec![replies::data_failure(&r)]
                            }
                        }
                        Err(e) => vec![Self::read_failure(e)],
                    }
                }
            }
            Ok(r) => vec![replies::data_failure(&r)],
            Err(d) => vec![d],
        };
        self.step(StepKind::Send, t, diags);
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

    /// Verifies that STARTTLS works on a fresh connection (for the suggestion).
    async fn verify_starttls(&mut self, plan: &Plan, addr: SocketAddr) -> bool {
        let limit = self.limit();
        let Ok(Ok(tcp)) = tokio::time::timeout(limit, TcpStream::connect(addr)).await else {
            return false;
        };
        let mut conn = Conn::new(Stream::Plain(Recorder::new(tcp)));
        let helo = &self.engine.options().helo;
        let Ok(greeting) = conn.read_reply(limit).await else {
            return false;
        };
        if greeting.code != 220 || conn.send(&format!("EHLO {helo}")).await.is_err() {
            return false;
        }
        let Ok(ehlo) = conn.read_reply(limit).await else {
            return false;
        };
        if !ehlo
            .lines
            .iter()
            .any(|l| l.trim().eq_ignore_ascii_case("STARTTLS"))
            || conn.send("STARTTLS").await.is_err()
        {
            return false;
        }
        if !matches!(conn.read_reply(limit).await, Ok(r) if r.code == 220) {
            return false;
        }
        let Stream::Plain(rec) = conn.into_stream() else {
            return false;
        };
        tls_handshake_works(self.engine, &plan.host, rec, limit)
            .await
            .is_some()
    }
}

/// What a TLS handshake on a second connection revealed.
enum TlsProbe {
    /// The server speaks TLS (`true`: with a trusted certificate).
    Tls(bool),
    /// It does not; what it sent instead, if anything.
    Other(Option<String>),
}

/// Tries implicit TLS on a fresh connection.
async fn tls_answers(engine: &Engine, host: &str, addr: SocketAddr) -> TlsProbe {
    let limit = Duration::from_secs(3).min(engine.options().timeout);
    let Ok(Ok(tcp)) = tokio::time::timeout(limit, TcpStream::connect(addr)).await else {
        return TlsProbe::Other(None);
    };
    let recorder = Recorder::new(tcp);
    let recording = recorder.recording();
    if let Some(ok) = tls_handshake_works(engine, host, recorder, limit).await {
        return TlsProbe::Tls(ok);
    }
    let first = recording.lock().map(|b| b.clone()).unwrap_or_default();
    TlsProbe::Other((!first.is_empty()).then(|| preview(&String::from_utf8_lossy(&first))))
}

/// `Some(certificate_ok)` when the peer completes a TLS handshake, or gets
/// as far as presenting a certificate.
async fn tls_handshake_works(
    engine: &Engine,
    host: &str,
    tcp: Recorder,
    limit: Duration,
) -> Option<bool> {
    let name = tls::server_name(host)?;
    let (config, seen) = tls::client_config(&engine.roots).ok()?;
    let result = tokio::time::timeout(limit, TlsConnector::from(config).connect(name, tcp))
        .await
        .ok()?;
    match result {
        Ok(_) => Some(true),
        Err(_) => seen
            .lock()
            .ok()
            .filter(|s| !s.chain.is_empty())
            .map(|_| false),
    }
}

/// Banners of protocols that are clearly not SMTP.
fn looks_like_other_protocol(text: &str) -> bool {
    ["HTTP/", "SSH-", "* OK", "+OK", "<"]
        .iter()
        .any(|p| text.starts_with(p))
}

/// The fixed test message, as lettre formats it (CRLF line ends, headers
/// encoded), dot-stuffed and terminated for DATA.
fn test_message(from: &SmtpAddress, to: &SmtpAddress, host: &str) -> Result<Vec<u8>, String> {
    use lettre::message::{Mailbox, Message, header::ContentType};
    let from: Mailbox = from.as_str().parse().map_err(|e| format!("{e}"))?;
    let to: Mailbox = to.as_str().parse().map_err(|e| format!("{e}"))?;
    let message = Message::builder()
        .from(from)
        .to(to)
        .subject("smtp-doctor test message")
        .header(ContentType::TEXT_PLAIN)
        .body(format!(
            "This message was sent by smtp-doctor to check that {host} accepts mail from this account.\r\nNo reply is needed.\r\n"
        ))
        .map_err(|e| e.to_string())?;
    let raw = message.formatted();
    let mut out = Vec::with_capacity(raw.len() + 8);
    let mut at_line_start = true;
    for &b in &raw {
        if at_line_start && b == b'.' {
            out.push(b'.');
        }
        out.push(b);
        at_line_start = b == b'\n';
    }
    if !out.ends_with(b"\r\n") {
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b".\r\n");
    Ok(out)
}
