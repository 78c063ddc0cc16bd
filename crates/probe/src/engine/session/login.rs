//! AUTH: choosing the mechanism and the SASL exchange, every secret line
//! logged as `<redacted>`.

use std::time::Instant;
use zeroize::Zeroizing;

use smtp_doctor_core::config::AuthMechanism;
use smtp_doctor_core::report::StepKind;
use smtp_doctor_core::{Code, Diagnostic};

use super::{Plan, Probe};
use crate::engine::auth::{self, Mechanism};
use crate::engine::io::{Conn, Reply};
use crate::engine::replies;

impl Probe<'_> {
    pub(super) async fn authenticate(
        &mut self,
        plan: &Plan,
        conn: &mut Conn,
        encrypted: bool,
    ) -> bool {
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
                    .case("unsendable")
                    .param("error", e.to_string());
                return self.step(StepKind::Auth, t, vec![d]);
            }
        };
        let offered = self.report.server.auth_mechanisms.clone();
        if offered.is_empty() {
            let d = Diagnostic::new(Code::AuthNotOffered).case(if encrypted {
                "encrypted"
            } else {
                "plain"
            });
            return self.step(StepKind::Auth, t, vec![d]);
        }
        let Some(mechanism) = auth::choose(&offered, plan.auth, encrypted) else {
            let d = auth::no_common_mechanism(&offered, plan.auth, encrypted);
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
    pub(super) async fn sasl(
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
                    Zeroizing::new(format!("AUTH PLAIN {}", secret.as_str())).as_str(),
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
                        Zeroizing::new(format!("AUTH XOAUTH2 {}", secret.as_str())).as_str(),
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
                        None => Err(Diagnostic::new(Code::SmtpProtocolError).case("cram-md5")),
                    }
                }
                other => other,
            },
        }
    }
}
