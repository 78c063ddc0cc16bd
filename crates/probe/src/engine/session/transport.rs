//! The encrypted channel: implicit TLS from the first byte, or the
//! STARTTLS upgrade, with the certificate inspected whatever the outcome.

use std::net::SocketAddr;
use std::time::Instant;

use smtp_doctor_core::config::Security;
use smtp_doctor_core::report::{StepKind, Suggestion, TlsInfo};
use smtp_doctor_core::{Code, Diagnostic, Field, Fix};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;

use super::second::{ModeCheck, legacy_version, other_mode, try_mode};
use super::{Plan, Probe};
use crate::engine::io::{Conn, Recorder, Stream, preview};
use crate::engine::{replies, tls};

impl Probe<'_> {
    /// Completes a failed handshake's diagnosis with second connections:
    /// the version an old server speaks, and, for a server whose TLS is
    /// broken on its side, whether the other mode works (tried on a fresh
    /// connection if the policy allows its port), so the customer knows
    /// whether any setting can help.
    async fn explain_tls_failure(
        &mut self,
        plan: &Plan,
        addr: SocketAddr,
        mut diags: Vec<Diagnostic>,
    ) -> Vec<Diagnostic> {
        if let Some(d) = diags.iter_mut().find(|d| {
            d.code == Code::TlsOldProtocol
                && self
                    .report
                    .server
                    .tls
                    .as_ref()
                    .is_none_or(|t| t.version.is_empty())
        }) {
            // The server refused our hello with `protocol_version`: ask it
            // in its own dialect which version it speaks.
            if let Some(v) =
                legacy_version(self.engine, &plan.host, addr, plan.security, self.limit()).await
            {
                d.params.set("case", "legacy-version".into());
                d.params.set("version", tls::version_name(v).into());
                let tls = self.report.server.tls.get_or_insert_with(TlsInfo::default);
                tls.version = tls::version_label(v);
            }
        }
        if !diags.iter().any(|d| d.code == Code::TlsServerMisconfigured) {
            return diags;
        }
        let (port, security) = other_mode(plan.port, plan.security);
        let other = SocketAddr::new(addr.ip(), port);
        let allowed = self
            .engine
            .options()
            .policy
            .check_target(other.ip(), port)
            .is_ok();
        let check = if allowed {
            try_mode(self.engine, &plan.host, other, security, self.limit()).await
        } else {
            ModeCheck::NoAnswer
        };
        let (outcome, fix) = match check {
            ModeCheck::Tls(_) => {
                self.report.suggestion = Some(Suggestion {
                    host: None,
                    port: Some(port),
                    security: Some(security),
                });
                (
                    "works",
                    Some(
                        Fix::new("use-endpoint")
                            .set(Field::Port, port)
                            .set(Field::Security, security.as_str()),
                    ),
                )
            }
            ModeCheck::NoTls(_) => ("fails", None),
            ModeCheck::NoAnswer => ("no-answer", None),
        };
        diags
            .into_iter()
            .map(|d| {
                if d.code != Code::TlsServerMisconfigured {
                    return d;
                }
                let mut d = d
                    .param("other", outcome)
                    .param("other-port", port)
                    .param("other-security", security.as_str());
                d.fix.clone_from(&fix);
                d
            })
            .collect()
    }

    /// A TLS handshake on `tcp`, with the certificate inspected whatever
    /// the outcome; the report's TLS section is filled in.
    pub(super) async fn handshake(&mut self, plan: &Plan, tcp: TcpStream) -> Handshake {
        let recorder = Recorder::new(tcp);
        let recording = recorder.recording();
        let Some(name) = tls::server_name(&plan.host) else {
            return Handshake::Failed(vec![
                Diagnostic::new(Code::TlsHandshakeFailed).case("server-name"),
            ]);
        };
        let (config, seen) = match tls::client_config(&self.engine.roots) {
            Ok(c) => c,
            Err(e) => {
                return Handshake::Failed(vec![
                    Diagnostic::new(Code::TlsHandshakeFailed)
                        .case("setup")
                        .param("error", e.to_string()),
                ]);
            }
        };
        let limit = self.limit();
        let result =
            tokio::time::timeout(limit, TlsConnector::from(config).connect(name, recorder)).await;
        let (chain, verify_error, client_cert_requested) = seen
            .lock()
            .map(|s| (s.chain.clone(), s.error.clone(), s.client_cert_requested))
            .unwrap_or_default();
        self.client_cert_requested = client_cert_requested;
        let cert = chain
            .first()
            .and_then(|c| tls::describe(c, verify_error.is_none()));
        match result {
            Ok(Ok(stream)) => {
                let (_, session) = stream.get_ref();
                self.report.server.tls = Some(TlsInfo {
                    version: session
                        .protocol_version()
                        .map(tls::version_label)
                        .unwrap_or_default(),
                    cipher: session
                        .negotiated_cipher_suite()
                        .and_then(|s| s.suite().as_str())
                        .unwrap_or_default()
                        .to_owned(),
                    certificate: cert,
                });
                Handshake::Done(Box::new(stream))
            }
            Ok(Err(e)) => {
                let first = recording.lock().map(|b| b.clone()).unwrap_or_default();
                if first.len() >= 3 && first[..3].iter().all(u8::is_ascii_digit) {
                    return Handshake::PlainSmtp(preview(&String::from_utf8_lossy(&first)));
                }
                let server_version = tls::server_hello_version(&first);
                if cert.is_some() || server_version.is_some() {
                    self.report.server.tls = Some(TlsInfo {
                        version: server_version.map(tls::version_label).unwrap_or_default(),
                        cipher: String::new(),
                        certificate: cert.clone(),
                    });
                }
                let rustls_error = e
                    .get_ref()
                    .and_then(|inner| inner.downcast_ref::<rustls::Error>())
                    .cloned();
                let evidence = tls::Evidence {
                    cert: cert.as_ref(),
                    client_cert_requested,
                    server_version,
                };
                match rustls_error.or(verify_error) {
                    Some(err) => Handshake::Failed(tls::diagnose(&err, &evidence, &plan.host)),
                    None if first.is_empty() => Handshake::Failed(vec![
                        Diagnostic::new(Code::TlsHandshakeFailed)
                            .case("closed")
                            .param("error", e.to_string()),
                    ]),
                    None => Handshake::Failed(vec![replies::not_smtp(&preview(
                        &String::from_utf8_lossy(&first),
                    ))]),
                }
            }
            Err(_) => Handshake::Failed(vec![
                Diagnostic::new(Code::TlsHandshakeFailed).case("timeout"),
            ]),
        }
    }

    /// A trusted certificate that ends within 14 days: a warning on a
    /// working connection (the administrator has days, not hours).
    fn certificate_warnings(&self) -> Vec<Diagnostic> {
        let cert = self
            .report
            .server
            .tls
            .as_ref()
            .and_then(|t| t.certificate.as_ref());
        cert.and_then(|c| tls::expiring(c, crate::clock::now()))
            .into_iter()
            .collect()
    }

    /// Implicit TLS: handshake first, then greeting and EHLO inside TLS.
    pub(super) async fn implicit_tls(
        &mut self,
        plan: &Plan,
        tcp: TcpStream,
        addr: SocketAddr,
    ) -> Option<(Conn, bool)> {
        let t = Instant::now();
        match self.handshake(plan, tcp).await {
            Handshake::Done(stream) => {
                let warnings = self.certificate_warnings();
                self.step(StepKind::Tls, t, warnings);
                let mut conn = Conn::new(Stream::Tls(stream));
                self.greeting(plan, &mut conn).await?;
                self.ehlo(&mut conn).await?;
                Some((conn, true))
            }
            Handshake::PlainSmtp(greeting) => {
                self.report.transcript.push(format!("S: {greeting}"));
                let mut d = Diagnostic::new(Code::TlsExpectedStarttls)
                    .case("plain-answer")
                    .param("port", plan.port)
                    .reply(greeting)
                    .fix(Fix::new("use-security").set(Field::Security, "starttls"));
                if matches!(
                    try_mode(
                        self.engine,
                        &plan.host,
                        addr,
                        Security::Starttls,
                        self.limit()
                    )
                    .await,
                    ModeCheck::Tls(_)
                ) {
                    d = d.case("verified");
                    self.report.suggestion = Some(Suggestion {
                        host: None,
                        port: Some(plan.port),
                        security: Some(Security::Starttls),
                    });
                } else {
                    d = d.case("starttls-failed-too");
                }
                self.step(StepKind::Tls, t, vec![d]);
                None
            }
            Handshake::Failed(diags) => {
                let diags = self.explain_tls_failure(plan, addr, diags).await;
                self.step(StepKind::Tls, t, diags);
                None
            }
        }
    }

    /// Plain connect: the greeting (with the implicit-TLS check), EHLO,
    /// and the STARTTLS upgrade when chosen.
    pub(super) async fn plain_start(
        &mut self,
        plan: &Plan,
        tcp: TcpStream,
        addr: SocketAddr,
    ) -> Option<(Conn, bool)> {
        let mut conn = Conn::new(Stream::Plain(Recorder::new(tcp)));
        if !self.plain_greeting(plan, &mut conn, addr).await {
            return None;
        }
        let offers_starttls = self.ehlo(&mut conn).await?.offers("STARTTLS");
        if plan.security == Security::None {
            let mut diags = Vec::new();
            if offers_starttls {
                diags.push(
                    Diagnostic::new(Code::TlsNone)
                        .case("starttls-offered")
                        .fix(Fix::new("use-security").set(Field::Security, "starttls")),
                );
            }
            self.skipped(StepKind::Tls, diags);
            return Some((conn, false));
        }
        let t = Instant::now();
        if !offers_starttls {
            let d = Diagnostic::new(Code::TlsStarttlsUnavailable)
                .case("port")
                .param("port", plan.port);
            self.step(StepKind::Tls, t, vec![d]);
            return None;
        }
        let reply = self.command(&mut conn, "STARTTLS", None).await;
        match reply {
            Ok(r) if r.code == 220 => {}
            Ok(r) => {
                let d = replies::starttls_refused(&r);
                let diags = self.explain_tls_failure(plan, addr, vec![d]).await;
                self.step(StepKind::Tls, t, diags);
                return None;
            }
            Err(d) => {
                self.step(StepKind::Tls, t, vec![d]);
                return None;
            }
        }
        if conn.buffered() > 0 {
            // Bytes after the 220 would be injected into the TLS session (CVE-2011-0411 class).
            let d = Diagnostic::new(Code::SmtpProtocolError).case("starttls-injection");
            self.step(StepKind::Tls, t, vec![d]);
            return None;
        }
        let Stream::Plain(recorder) = conn.into_stream() else {
            return None;
        };
        let tcp = recorder.into_inner();
        match self.handshake(plan, tcp).await {
            Handshake::Done(stream) => {
                let warnings = self.certificate_warnings();
                self.step(StepKind::Tls, t, warnings);
                let mut conn = Conn::new(Stream::Tls(stream));
                let before = std::mem::take(&mut self.report.server.extensions);
                self.ehlo(&mut conn).await?;
                self.report.server.extensions_before_tls = before;
                Some((conn, true))
            }
            Handshake::PlainSmtp(text) => {
                let d = Diagnostic::new(Code::TlsHandshakeFailed)
                    .case("plain-answer")
                    .param("answer", text);
                self.step(StepKind::Tls, t, vec![d]);
                None
            }
            Handshake::Failed(diags) => {
                let diags = self.explain_tls_failure(plan, addr, diags).await;
                self.step(StepKind::Tls, t, diags);
                None
            }
        }
    }
}

/// How a TLS handshake ended.
pub(super) enum Handshake {
    Done(Box<tokio_rustls::client::TlsStream<Recorder>>),
    /// The server answered in plain SMTP (a `220`) instead of TLS.
    PlainSmtp(String),
    Failed(Vec<Diagnostic>),
}
