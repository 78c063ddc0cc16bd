//! The sender and send checks: MAIL FROM, RCPT TO (only where the
//! recipient policy allows), and one fixed test message.

use std::time::Instant;

use smtp_doctor_core::report::StepKind;
use smtp_doctor_core::wire::SmtpAddress;
use smtp_doctor_core::{Code, Diagnostic, Field, Fix};

use super::{Plan, Probe};
use crate::engine::io::Conn;
use crate::engine::{Check, replies};

impl Probe<'_> {
    /// The RCPT TO address: the sender itself unless a recipient is given
    /// and the recipient policy allows it.
    pub(super) fn recipient(&self, from: &SmtpAddress) -> Result<SmtpAddress, Box<Diagnostic>> {
        let Some(text) = self.req.recipient.as_deref() else {
            return Ok(from.clone());
        };
        let rcpt = SmtpAddress::parse(text).map_err(|e| {
            Box::new(
                Diagnostic::new(Code::PolicyBlockedRecipient)
                    .case("invalid")
                    .param("error", e.to_string()),
            )
        })?;
        if self.engine.options().recipients.allows(Some(from), &rcpt) {
            Ok(rcpt)
        } else {
            Err(Box::new(
                Diagnostic::new(Code::PolicyBlockedRecipient)
                    .case("other-recipient")
                    .param("from", from.to_string())
                    .param("recipient", rcpt.to_string()),
            ))
        }
    }

    /// MAIL FROM, RCPT TO (the sender itself, or an allowed recipient),
    /// RSET. Returns the recipient when both were accepted.
    /// With `send` wanted, the test message comes along, built once: its
    /// size is announced here and the same bytes go out after DATA.
    pub(super) async fn sender(
        &mut self,
        plan: &Plan,
        conn: &mut Conn,
    ) -> Option<(SmtpAddress, Option<Result<Vec<u8>, String>>)> {
        let t = Instant::now();
        let Some(from) = plan.from.clone() else {
            let d = Diagnostic::new(Code::FromMissing).case("sender-check");
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
        let utf8 = !from.as_str().is_ascii() || !rcpt.as_str().is_ascii();
        let offers_utf8 = self.ehlo.offers("SMTPUTF8");
        if utf8 && !offers_utf8 {
            let d = Diagnostic::new(Code::SenderSmtputf8Required)
                .case("address")
                .param(
                    "address",
                    if from.as_str().is_ascii() {
                        &rcpt
                    } else {
                        &from
                    }
                    .to_string(),
                );
            self.step(StepKind::Sender, t, vec![d]);
            return None;
        }
        // RFC 1870: announce the test message's size where the server
        // limits it, so it refuses before any data goes out.
        let message = self
            .wants(Check::Send)
            .then(|| test_message(&from, &rcpt, &plan.host, None));
        let size = match (&message, self.ehlo.size_limit()) {
            (Some(Ok(m)), Some(_)) => format!(" SIZE={}", m.len()),
            _ => String::new(),
        };
        let params = format!("{size}{}", if utf8 { " SMTPUTF8" } else { "" });
        let helo = self.engine.options().helo.as_str().to_owned();
        let mail = self
            .command(conn, &format!("MAIL FROM:<{from}>{params}"), None)
            .await;
        let mut diags = match mail {
            Ok(r) if r.code == 250 => {
                match self.command(conn, &format!("RCPT TO:<{rcpt}>"), None).await {
                    Ok(r) if r.code == 250 || r.code == 251 => Vec::new(),
                    Ok(r) => vec![replies::rcpt_failure(&r, &helo)],
                    Err(d) => vec![d],
                }
            }
            Ok(r) => vec![replies::mail_from_failure(&r, &helo)],
            Err(d) => vec![d],
        };
        offer_send_as_login(plan, &from, &mut diags);
        let ok = diags.is_empty();
        if !self.wants(Check::Send) || !ok {
            let _ = self.command(conn, "RSET", None).await;
        }
        (self.step(StepKind::Sender, t, diags) && ok).then_some((rcpt, message))
    }

    /// DATA with the fixed test message (built by lettre in `sender`).
    pub(super) async fn send(
        &mut self,
        plan: &Plan,
        conn: &mut Conn,
        rcpt: &SmtpAddress,
        message: Result<Vec<u8>, String>,
    ) {
        let t = Instant::now();
        let message = match message {
            Ok(m) => m,
            Err(e) => {
                let d = Diagnostic::new(Code::SendRejected)
                    .case("unbuildable")
                    .param("error", e.as_str());
                self.step(StepKind::Send, t, vec![d]);
                return;
            }
        };
        if let Some(limit) = self.ehlo.size_limit()
            && message.len() as u64 > limit
        {
            let d = Diagnostic::new(Code::SendTooLarge)
                .case("size-limit")
                .param("limit", limit.to_string())
                .param("size", message.len().to_string());
            let _ = self.command(conn, "RSET", None).await;
            self.step(StepKind::Send, t, vec![d]);
            return;
        }
        let mut diags = match self.command(conn, "DATA", None).await {
            Ok(r) if r.code == 354 => {
                self.c(&format!("<message, {} bytes>", message.len()));
                if let Err(e) = conn.send_raw(&message).await {
                    vec![
                        Diagnostic::new(Code::SmtpClosed)
                            .case("while-sending")
                            .param("error", e.to_string()),
                    ]
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
                        Err(e) => vec![self.read_failure(e)],
                    }
                }
            }
            Ok(r) => vec![replies::data_failure(&r)],
            Err(d) => vec![d],
        };
        if let Some(from) = &plan.from {
            offer_send_as_login(plan, from, &mut diags);
        }
        self.step(StepKind::Send, t, diags);
    }
}

/// The fixed test message, as lettre formats it (CRLF line ends, headers
/// encoded), dot-stuffed and terminated for DATA. With `nonce`, it carries
/// the inbox's header (the `arrival` check): our own value, hex only.
pub(super) fn test_message(
    from: &SmtpAddress,
    to: &SmtpAddress,
    host: &str,
    nonce: Option<&str>,
) -> Result<Vec<u8>, String> {
    use lettre::message::header::{HeaderName, HeaderValue};
    use lettre::message::{Mailbox, Message, header::ContentType};
    let from: Mailbox = from.as_str().parse().map_err(|e| format!("{e}"))?;
    let to: Mailbox = to.as_str().parse().map_err(|e| format!("{e}"))?;
    let mut builder = Message::builder();
    if let Some(nonce) = nonce {
        builder = builder.raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str(crate::engine::arrival::inbox::NONCE_HEADER),
            nonce.to_owned(),
        ));
    }
    let message = builder
        .from(from)
        .to(to)
        .subject("smtp-doctor test message")
        .header(ContentType::TEXT_PLAIN)
        .body(format!(
            "This message was sent by smtp-doctor to check that {host} accepts mail from this account.\r\nNo reply is needed.\r\n"
        ))
        .map_err(|e| e.to_string())?;
    Ok(smtp_doctor_sandbox::dot_stuffed(&message.formatted()))
}

/// `sender.rejected` gets a one-click fix: send as the login's own
/// address, when the login is an address other than the From.
fn offer_send_as_login(plan: &Plan, from: &SmtpAddress, diags: &mut [Diagnostic]) {
    let Some(login) = plan.login_address().filter(|l| !l.same_mailbox(from)) else {
        return;
    };
    for d in diags.iter_mut().filter(|d| d.code == Code::SenderRejected) {
        d.fix = Some(Fix::new("send-as").set(Field::From, login.as_str()));
    }
}
