//! The `arrival` step (SPEC §7.7): one test message through the customer's
//! relay to a one-time address of our inbox, then, after QUIT, a bounded
//! wait for it and the receiver's verdict.
//!
//! The recipient is never the customer's: it is the address the inbox
//! reserved for this probe, the only one it accepts, and only with this
//! probe's nonce in the message.

use std::time::{Duration, Instant};

use smtp_doctor_core::domain::arrival;
use smtp_doctor_core::report::StepKind;
use smtp_doctor_core::wire::SmtpAddress;
use smtp_doctor_core::{Code, Diagnostic};

use super::mail::test_message;
use super::{Plan, Probe};
use crate::engine::arrival::inbox::Ticket;
use crate::engine::io::Conn;
use crate::engine::replies;

/// A message the relay took for our inbox.
pub(super) struct Sent {
    ticket: Ticket,
    from: SmtpAddress,
    at: Instant,
    /// The inbox's count of connections turned away before the message.
    refused_before: u64,
}

impl Probe<'_> {
    /// MAIL FROM, RCPT TO the one-time address, DATA. `None` when the step
    /// already ended (no inbox, the relay refused, …).
    pub(super) async fn send_to_inbox(&mut self, plan: &Plan, conn: &mut Conn) -> Option<Sent> {
        let t = Instant::now();
        let Some((inbox, _)) = self.engine.inbox() else {
            // A library caller without an inbox: nothing to send to. The
            // service refuses such a request up front.
            self.skipped(StepKind::Arrival, Vec::new());
            return None;
        };
        let Some(from) = plan.from.clone() else {
            let d = Diagnostic::new(Code::FromMissing).case("sender-check");
            self.step(StepKind::Arrival, t, vec![d]);
            return None;
        };
        let wait = self.engine.options().arrival_wait;
        let ticket = match inbox.reserve(wait + Duration::from_mins(1)) {
            Ok(ticket) => ticket,
            Err(e) => {
                let d = Diagnostic::new(Code::SendRejected)
                    .case("unbuildable")
                    .param("error", e.to_string());
                self.step(StepKind::Arrival, t, vec![d]);
                return None;
            }
        };
        // Counted before MAIL: a relay may deliver before it answers DATA.
        let refused_before = inbox.refused();
        let rcpt = SmtpAddress::parse(&ticket.address).ok()?;
        let message = match test_message(&from, &rcpt, &plan.host, Some(&ticket.nonce)) {
            Ok(m) => m,
            Err(e) => {
                let d = Diagnostic::new(Code::SendRejected)
                    .case("unbuildable")
                    .param("error", e.as_str());
                self.step(StepKind::Arrival, t, vec![d]);
                return None;
            }
        };
        let helo = self.engine.options().helo.as_str().to_owned();
        let size = match self.ehlo.size_limit() {
            Some(_) => format!(" SIZE={}", message.len()),
            None => String::new(),
        };
        let failure = match self
            .command(conn, &format!("MAIL FROM:<{from}>{size}"), None)
            .await
        {
            Ok(r) if r.code == 250 => {
                match self.command(conn, &format!("RCPT TO:<{rcpt}>"), None).await {
                    Ok(r) if r.code == 250 || r.code == 251 => self.data(conn, &message).await,
                    Ok(r) => Some(replies::rcpt_failure(&r, &helo)),
                    Err(d) => Some(d),
                }
            }
            Ok(r) => Some(replies::mail_from_failure(&r, &helo)),
            Err(d) => Some(d),
        };
        if let Some(d) = failure {
            let _ = self.command(conn, "RSET", None).await;
            self.step(StepKind::Arrival, t, vec![d]);
            return None;
        }
        Some(Sent {
            ticket,
            from,
            at: Instant::now(),
            refused_before,
        })
    }

    /// DATA and the message; `None` when the relay took it.
    async fn data(&mut self, conn: &mut Conn, message: &[u8]) -> Option<Diagnostic> {
        match self.command(conn, "DATA", None).await {
            Ok(r) if r.code == 354 => {
                self.c(&format!("<message, {} bytes>", message.len()));
                if let Err(e) = conn.send_raw(message).await {
                    return Some(
                        Diagnostic::new(Code::SmtpClosed)
                            .case("while-sending")
                            .param("error", e.to_string()),
                    );
                }
                match conn.read_reply(self.limit()).await {
                    Ok(r) => {
                        self.s(&r);
                        (r.code != 250).then(|| replies::data_failure(&r))
                    }
                    Err(e) => Some(self.read_failure(e)),
                }
            }
            Ok(r) => Some(replies::data_failure(&r)),
            Err(d) => Some(d),
        }
    }

    /// Waits (bounded) for the message, then says what the receiver saw.
    pub(super) async fn await_arrival(&mut self, sent: Sent) {
        let wait = self.engine.options().arrival_wait;
        let Some((inbox, verifier)) = self.engine.inbox() else {
            return;
        };
        let Sent {
            mut ticket,
            from,
            at,
            refused_before,
        } = sent;
        let arrived = ticket.wait(wait).await;
        let waited = arrival::Wait {
            secs: wait.as_secs(),
            inbox_refused: inbox.refused().saturating_sub(refused_before),
        };
        let delivery = match &arrived {
            Some(received) => {
                let delay = received.at.saturating_duration_since(at);
                let delay_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX);
                // The verdict's lookups get the per-step time.
                let deadline = tokio::time::Instant::now() + self.engine.options().timeout;
                Some(
                    crate::engine::arrival::judge(
                        &self.engine.dns,
                        verifier,
                        received,
                        from.as_str(),
                        delay_ms,
                        deadline,
                    )
                    .await,
                )
            }
            None => None,
        };
        // Nothing of the message is kept past this point but the verdict.
        drop(arrived);
        let diags = arrival::findings(delivery.as_ref(), waited);
        if let Some(d) = &delivery {
            self.report.arrival = Some(smtp_doctor_core::report::ArrivalInfo::from(d));
        }
        self.step(StepKind::Arrival, at, diags);
    }
}
