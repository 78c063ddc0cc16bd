//! The server's first words and EHLO: the greeting (with the check for a
//! port that expects TLS first) and the extensions it offers.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use smtp_doctor_core::config::Security;
use smtp_doctor_core::report::{StepKind, Suggestion};
use smtp_doctor_core::{Code, Diagnostic, Field, Fix, Severity};

use super::second::{ModeCheck, try_mode, usually_tls};
use super::{Plan, Probe};
use crate::engine::ehlo::Ehlo;
use crate::engine::io::{Conn, ReadError};
use crate::engine::replies;

impl Probe<'_> {
    /// Waits for the greeting on a plain connection. If the server stays
    /// silent for `mismatch_window` — `tls_port_window` on a port that
    /// usually means implicit TLS — a TLS handshake is tried on a second
    /// connection in parallel: if it succeeds the port speaks implicit TLS.
    /// The first connection keeps waiting, in case the server is only slow.
    /// A server that greets within the window gets no second connection.
    pub(super) async fn plain_greeting(
        &mut self,
        plan: &Plan,
        conn: &mut Conn,
        addr: SocketAddr,
    ) -> bool {
        let t = Instant::now();
        let limit = self.limit();
        let options = self.engine.options();
        let window = if usually_tls(plan.port) {
            options.tls_port_window
        } else {
            options.mismatch_window
        }
        .min(limit);
        let first = conn.read_reply(window).await;
        let result = match first {
            Err(ReadError::Timeout) if limit > window => {
                let engine = self.engine.clone();
                let host = plan.host.clone();
                let probe_tls = async move {
                    let limit = Duration::from_secs(3).min(engine.options().timeout);
                    try_mode(&engine, &host, addr, Security::Tls, limit).await
                };
                let rest = conn.read_reply(limit.saturating_sub(window));
                tokio::pin!(rest);
                tokio::pin!(probe_tls);
                let mut tls_done = false;
                loop {
                    tokio::select! {
                        r = &mut rest => break r,
                        evidence = &mut probe_tls, if !tls_done => {
                            tls_done = true;
                            if let ModeCheck::NoTls(Some(text)) = &evidence
                                && looks_like_other_protocol(text)
                            {
                                self.step(StepKind::Greeting, t, vec![replies::not_smtp(text)]);
                                return false;
                            }
                            if let ModeCheck::Tls(cert_ok) = evidence {
                                let d = Diagnostic::new(Code::TlsExpectedImplicit)
                                    .case(if cert_ok { "verified" } else { "cert-problem" })
                                    .param("port", plan.port)
                                    .fix(Fix::new("use-security").set(Field::Security, "tls"));
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
                    diags.push(
                        Diagnostic::new(Code::SmtpSlowGreeting)
                            .case("seconds")
                            .param("seconds", format!("{:.1}", waited.as_secs_f64())),
                    );
                }
                self.report.server.greeting = Some(reply.raw());
                self.step(StepKind::Greeting, t, diags)
            }
            Err(e) => {
                let d = match e {
                    // TLS was tried on a second connection and did not
                    // answer: the help must not send the customer there.
                    ReadError::Timeout if limit > window => Diagnostic::new(Code::SmtpNoGreeting)
                        .case("no-tls-either")
                        .param("seconds", format!("{:.0}", limit.as_secs_f64())),
                    ReadError::Timeout => Diagnostic::new(Code::SmtpNoGreeting)
                        .case("seconds")
                        .param("seconds", format!("{:.0}", limit.as_secs_f64())),
                    other => self.read_failure(other),
                };
                self.step(StepKind::Greeting, t, vec![d]);
                false
            }
        }
    }

    /// The greeting inside implicit TLS.
    pub(super) async fn greeting(&mut self, _plan: &Plan, conn: &mut Conn) -> Option<()> {
        let t = Instant::now();
        let limit = self.limit();
        match conn.read_reply(limit).await {
            Ok(reply) => {
                self.client_cert_requested = false;
                self.s(&reply);
                self.report.server.greeting = Some(reply.raw());
                let diags: Vec<Diagnostic> = replies::greeting(&reply).into_iter().collect();
                self.step(StepKind::Greeting, t, diags).then_some(())
            }
            Err(e) => {
                let d = match e {
                    ReadError::Timeout => Diagnostic::new(Code::SmtpNoGreeting).case("after-tls"),
                    other => self.read_failure(other),
                };
                self.step(StepKind::Greeting, t, vec![d]);
                None
            }
        }
    }

    /// EHLO (HELO if refused); records extensions and AUTH mechanisms.
    pub(super) async fn ehlo(&mut self, conn: &mut Conn) -> Option<Ehlo> {
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
            // A refused name is refused by HELO too: asking again proves nothing.
            let helo_reply = if replies::helo_name_refused(&reply) {
                None
            } else {
                self.command(conn, &format!("HELO {helo}"), None).await.ok()
            };
            let d = replies::ehlo_refused(&reply, helo_reply.as_ref(), helo.as_str());
            let ok = d.severity != Severity::Error;
            self.step(StepKind::Ehlo, t, vec![d]);
            // HELO: no extensions at all.
            self.ehlo = Ehlo::default();
            return ok.then(Ehlo::default);
        }
        let ehlo = crate::engine::ehlo::parse_ehlo(&reply);
        self.report
            .server
            .auth_mechanisms
            .clone_from(&ehlo.auth_mechanisms);
        self.report.server.extensions.clone_from(&ehlo.extensions);
        self.ehlo = ehlo.clone();
        self.step(StepKind::Ehlo, t, Vec::new());
        Some(ehlo)
    }
}

/// Banners of protocols that are clearly not SMTP.
pub(super) fn looks_like_other_protocol(text: &str) -> bool {
    ["HTTP/", "SSH-", "* OK", "+OK", "<"]
        .iter()
        .any(|p| text.starts_with(p))
}
