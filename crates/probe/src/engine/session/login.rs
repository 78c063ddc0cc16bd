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
        let mut token_error = None;
        let reply = self
            .sasl(conn, mechanism, user, password, &mut token_error)
            .await;
        let diags = match reply {
            Ok(r) if r.code == 235 => Vec::new(),
            Ok(r) => {
                let sent = if plan.auth.is_oauth() {
                    replies::Sent::Token(token_error.as_ref())
                } else {
                    replies::Sent::Password
                };
                vec![replies::auth_failure(&r, plan.provider, sent)]
            }
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
        token_error: &mut Option<smtp_doctor_core::reply::TokenChallenge>,
    ) -> Result<Reply, Diagnostic> {
        self.keep_secret(password);
        // A token may come back quoted in a reply: its base64 too.
        self.keep_secret(&auth::b64(password.as_bytes()));
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
            // A token is framed by `\x01` inside the SASL message: one that
            // is not a bearer token's characters never goes out.
            Mechanism::Xoauth2 | Mechanism::Oauthbearer
                if !smtp_doctor_core::token::is_bearer_syntax(password) =>
            {
                Err(Diagnostic::new(Code::AuthTokenKind)
                    .case("malformed")
                    .param("kind", "malformed"))
            }
            Mechanism::Xoauth2 | Mechanism::Oauthbearer => {
                let (secret, name) = if mechanism == Mechanism::Xoauth2 {
                    (auth::xoauth2(user, password), "XOAUTH2")
                } else {
                    (auth::oauthbearer(user, password), "OAUTHBEARER")
                };
                self.keep_secret(&secret);
                let first = self
                    .command(
                        conn,
                        Zeroizing::new(format!("AUTH {name} {}", secret.as_str())).as_str(),
                        Some(&format!("AUTH {name} <redacted>")),
                    )
                    .await;
                match first {
                    // The server sends its error as a 334 challenge (JSON,
                    // base64); the client ends the exchange to get the
                    // final reply: XOAUTH2 with an empty line, OAUTHBEARER
                    // with a single %x01 (RFC 7628 §3.2.3).
                    Ok(r) if r.code == 334 => {
                        *token_error = r
                            .lines
                            .first()
                            .and_then(|c| smtp_doctor_core::reply::TokenChallenge::decode(c));
                        let (end, shown) = if mechanism == Mechanism::Xoauth2 {
                            (String::new(), "<empty>")
                        } else {
                            (auth::b64(b"\x01").to_string(), "AQ==")
                        };
                        self.command(conn, &end, Some(shown)).await
                    }
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
