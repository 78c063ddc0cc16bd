//! What a server's reply means: SMTP reply codes, enhanced status codes
//! (RFC 3463) and the texts big providers use, mapped onto our codes with
//! help that names the fix. Pure functions, table-tested.

use smtp_doctor_core::providers::{self, Provider, ReplyMeaning};
use smtp_doctor_core::{Code, Diagnostic, Severity};

use super::io::Reply;

fn with_reply(d: Diagnostic, reply: &Reply) -> Diagnostic {
    d.reply(reply.raw())
}

fn has(reply: &Reply, needles: &[&str]) -> bool {
    let text = reply.text().to_ascii_lowercase();
    needles.iter().any(|n| text.contains(n))
}

/// The greeting: `None` for a 220.
pub(crate) fn greeting(reply: &Reply) -> Option<Diagnostic> {
    match reply.code {
        220 => None,
        421 => Some(with_reply(
            Diagnostic::new(Code::SmtpBusy)
                .message("The server is busy and closed the connection at once (421)."),
            reply,
        )),
        500..=599 => Some(with_reply(
            Diagnostic::new(Code::SmtpGreetingRejected).message(format!(
                "The server refused this connection in its greeting ({}).",
                reply.code
            )),
            reply,
        )),
        _ => Some(with_reply(
            Diagnostic::new(Code::SmtpNotSmtp).message(format!(
                "The server greeted with {} instead of 220.",
                reply.code
            )),
            reply,
        )),
    }
}

/// Whether a refusal is about the EHLO/HELO *name* (Postfix
/// `504 5.5.2 <name>: Helo command rejected: need fully-qualified
/// hostname`, `450 4.7.1 … Helo command rejected: Host not found`, Exim
/// `550 … HELO/EHLO … not a valid`, Microsoft `501 5.5.4 Invalid domain
/// name`), rather than about the command or the client.
pub(crate) fn helo_name_refused(reply: &Reply) -> bool {
    has(
        reply,
        &[
            "helo command rejected",
            "ehlo command rejected",
            "helo/ehlo",
            "invalid domain name",
            "invalid helo",
            "invalid ehlo",
            "bad helo",
            "helo name",
        ],
    )
}

/// The help every `smtp.helo-rejected` carries: the fix is the operator's.
fn helo_rejected(reply: &Reply, name: &str) -> Diagnostic {
    with_reply(
        Diagnostic::new(Code::SmtpHeloRejected)
            .message(format!(
                "The server refused the name this probe introduced itself with ({name}), not your settings ({}).",
                reply.code
            ))
            .help(format!(
                "Servers that check the EHLO name want a real host name that resolves to the client's address. The operator of this test service must start it with --helo set to its public host name (now {name}). Your settings may well be right: your application introduces itself with its own name."
            )),
        reply,
    )
}

/// EHLO refused: the name, or the command (then `helo` says whether HELO
/// worked: a warning, the session goes on without extensions).
pub(crate) fn ehlo_refused(ehlo: &Reply, helo: Option<&Reply>, name: &str) -> Diagnostic {
    if helo_name_refused(ehlo) {
        return helo_rejected(ehlo, name);
    }
    match helo {
        Some(h) if h.code == 250 => with_reply(
            Diagnostic::new(Code::SmtpEhloRejected).message(format!(
                "The server refused our greeting (EHLO, {}) but accepted the older HELO: it offers no extensions, so no encryption upgrade, no login and no size limit are known.",
                ehlo.code
            )),
            ehlo,
        ),
        Some(h) if helo_name_refused(h) => helo_rejected(h, name),
        _ => with_reply(
            Diagnostic::new(Code::SmtpEhloRejected)
                .severity(Severity::Error)
                .message(format!(
                    "The server refused our greeting (EHLO, {}) and the older HELO{}: it will not start a mail session with our test service.",
                    ehlo.code,
                    helo.map(|h| format!(" ({})", h.code)).unwrap_or_default()
                ))
                .help("A server that refuses both greetings refuses this client: ask its administrator whether the probe's address is allowed."),
            ehlo,
        ),
    }
}

/// STARTTLS advertised, then refused. `454 4.7.0 TLS not available due to
/// local problem` is Postfix's answer when its certificate or key cannot
/// be loaded: the server's TLS is broken on its side.
pub(crate) fn starttls_refused(reply: &Reply) -> Diagnostic {
    let d = if reply.code == 454 || has(reply, &["local problem"]) {
        Diagnostic::new(Code::TlsServerMisconfigured).message(format!(
            "The server advertised STARTTLS but then refused it ({}): its TLS setup is broken (Postfix answers this when its certificate or key cannot be loaded).",
            reply.code
        ))
    } else {
        Diagnostic::new(Code::TlsStarttlsUnavailable).message(format!(
            "The server advertised STARTTLS but refused it ({}).",
            reply.code
        ))
    };
    with_reply(d, reply)
}

/// A 4xx at MAIL FROM or RCPT TO: greylisting or a local problem, to be
/// retried, not a settings error.
fn temporary(reply: &Reply, at: &str) -> Diagnostic {
    let greylisted = has(
        reply,
        &["greylist", "graylist", "try again later", "please retry"],
    );
    with_reply(
        Diagnostic::new(Code::SmtpTemporaryFailure).message(format!(
            "The server deferred {at} ({}){}: a temporary refusal, not a rejection.",
            reply.code,
            if greylisted {
                ", which looks like greylisting"
            } else {
                ""
            }
        )),
        reply,
    )
}

/// Something that is not SMTP answered: name it if we can.
pub(crate) fn not_smtp(preview: &str) -> Diagnostic {
    let what = if preview.starts_with("HTTP/") || preview.starts_with('<') {
        "a web server (HTTP)"
    } else if preview.starts_with("* OK") || preview.starts_with("* PREAUTH") {
        "an IMAP server (receiving mail)"
    } else if preview.starts_with("+OK") {
        "a POP3 server (receiving mail)"
    } else if preview.starts_with("SSH-") {
        "an SSH server"
    } else {
        "something that is not an SMTP server"
    };
    Diagnostic::new(Code::SmtpNotSmtp)
        .message(format!(
            "This port answers like {what}, not like an SMTP server."
        ))
        .reply(preview.to_owned())
}

/// A refused AUTH.
pub(crate) fn auth_failure(reply: &Reply, provider: Option<&Provider>) -> Diagnostic {
    let status = reply.enhanced().unwrap_or_default();
    // Provider facts (their replies and fixes) live in the provider table.
    let hint = providers::reply_hint(provider, status, &reply.text().to_ascii_lowercase());
    let name = provider.map_or("The server", |p| p.name);
    let d = if status == "5.7.9"
        || has(
            reply,
            &[
                "application-specific password",
                "app password",
                "apppassword",
            ],
        ) {
        let mut d = Diagnostic::new(Code::AuthAppPasswordRequired).message(format!(
            "{name} requires an app-specific password for this account."
        ));
        if let Some(url) = provider.and_then(|p| p.app_password.url()) {
            d = d.help(format!("Create an app password at {url} (two-step verification must be on) and use it instead of your account password."));
        }
        d
    } else if let Some(hint) = hint.filter(|h| h.meaning == ReplyMeaning::AuthDisabled) {
        Diagnostic::new(Code::AuthDisabledByProvider)
            .message(format!(
                "{name} has SMTP login (basic authentication) turned off for this account."
            ))
            .help(hint.help)
    } else if reply.code == 530
        || reply.code == 538
        || has(
            reply,
            &[
                "must issue a starttls",
                "starttls first",
                "encryption required",
            ],
        )
    {
        Diagnostic::new(Code::AuthRequiresTls).message("The server requires TLS before login.")
    } else if reply.code == 454
        || status == "4.7.0" && has(reply, &["too many", "try again later"])
        || has(reply, &["too many"])
    {
        Diagnostic::new(Code::AuthRateLimited).message(format!(
            "{name} refused the login for now: too many attempts."
        ))
    } else if reply.code == 504 {
        Diagnostic::new(Code::AuthMechanismUnsupported)
            .message("The server refused the login method.")
    } else {
        let mut d = Diagnostic::new(Code::AuthFailed).message(format!(
            "{name} rejected the username or password ({}).",
            reply.code
        ));
        if let Some(hint) = hint
            .filter(|h| h.meaning == ReplyMeaning::BadCredentials)
            .or_else(|| providers::credentials_hint(provider))
        {
            d = d.help(hint.help);
        }
        d
    };
    with_reply(d, reply)
}

/// Sender texts that mark a refusal as "not allowed to send as".
fn sender_reason(reply: &Reply) -> bool {
    let status = reply.enhanced().unwrap_or_default();
    status == "5.7.60"
        || status == "5.2.252"
        || has(
            reply,
            &[
                "sender address rejected",
                "not owned by",
                "sendasdenied",
                "send as",
                "sender not allowed",
                "sender rejected",
                "from address",
                "not authorized to send",
                "unauthorized sender",
            ],
        )
}

/// A refused MAIL FROM.
pub(crate) fn mail_from_failure(reply: &Reply, helo: &str) -> Diagnostic {
    if helo_name_refused(reply) {
        return helo_rejected(reply, helo);
    }
    if too_large(reply) {
        return with_reply(
            Diagnostic::new(Code::SendTooLarge).message(format!(
                "The server refused the message's announced size ({}).",
                reply.code
            )),
            reply,
        );
    }
    if (400..500).contains(&reply.code) {
        return temporary(reply, "the sender (MAIL FROM)");
    }
    let d = if has(reply, &["starttls", "encryption required"]) {
        Diagnostic::new(Code::AuthRequiresTls)
            .message("The server requires TLS before it accepts mail.")
            .help("Choose STARTTLS (or TLS/SSL on port 465): this server refuses unencrypted sessions.")
    } else if reply.code == 530 && has(reply, &["authentication required", "auth"]) {
        Diagnostic::new(Code::SenderRejected)
            .message("The server requires a login before it accepts a sender.")
            .help("Give a username and password; this server does not relay for anonymous clients.")
    } else {
        Diagnostic::new(Code::SenderRejected).message(format!(
            "The server refused this sender address ({}).",
            reply.code
        ))
    };
    with_reply(d, reply)
}

/// A refused RCPT TO: a sender problem in disguise, or the recipient.
pub(crate) fn rcpt_failure(reply: &Reply, helo: &str) -> Diagnostic {
    // Postfix delays HELO restrictions to RCPT TO (smtpd_delay_reject).
    if helo_name_refused(reply) {
        return helo_rejected(reply, helo);
    }
    if (400..500).contains(&reply.code) {
        return temporary(reply, "the recipient (RCPT TO)");
    }
    let d = if sender_reason(reply) {
        Diagnostic::new(Code::SenderRejected)
            .message("The server refused to send as this address for this login.")
    } else {
        Diagnostic::new(Code::RecipientRejected).message(format!(
            "The server refused the recipient ({}).",
            reply.code
        ))
    };
    with_reply(d, reply)
}

/// A size refusal: RFC 1870's 552 / 5.3.4 and the usual words.
fn too_large(reply: &Reply) -> bool {
    let status = reply.enhanced().unwrap_or_default();
    status == "5.3.4"
        || status == "5.2.3"
        || has(
            reply,
            &["size exceeds", "too large", "too big", "message size"],
        )
}

/// A refused message after DATA.
pub(crate) fn data_failure(reply: &Reply) -> Diagnostic {
    let d = if too_large(reply) {
        Diagnostic::new(Code::SendTooLarge).message(format!(
            "The server refused the test message as too large ({}).",
            reply.code
        ))
    } else if has(reply, &["not verified", "unverified"]) {
        Diagnostic::new(Code::SendSenderUnverified)
            .message("The provider refused the message: the sender address is not verified.")
    } else if sender_reason(reply) {
        Diagnostic::new(Code::SenderRejected).message("The server refused to send as this address.")
    } else {
        Diagnostic::new(Code::SendRejected)
            .message(format!("The server refused the message ({}).", reply.code))
    };
    with_reply(d, reply)
}

/// The queue id in a 250 after DATA ("queued as 4Z…", "Ok: queued as …", "2.0.0 <id>").
pub(crate) fn queue_id(reply: &Reply) -> Option<String> {
    let text = reply.text();
    if let Some(pos) = text.to_ascii_lowercase().find("queued as") {
        return text[pos + 9..].split_whitespace().next().map(|s| {
            s.trim_matches(|c| c == '<' || c == '>' || c == '.')
                .to_owned()
        });
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let start = usize::from(reply.enhanced().is_some());
    words
        .get(start..)
        .and_then(|w| {
            w.iter()
                .rev()
                .find(|w| w.len() >= 6 && w.chars().any(|c| c.is_ascii_digit()))
                .copied()
        })
        .map(str::to_owned)
}

/// The `send.ok` diagnostic.
pub(crate) fn send_ok(reply: &Reply, recipient: &str) -> Diagnostic {
    let id = queue_id(reply);
    Diagnostic::new(Code::SendOk)
        .severity(Severity::Info)
        .message(match &id {
            Some(id) => format!("The test message to {recipient} was accepted (queue id {id})."),
            None => format!("The test message to {recipient} was accepted."),
        })
        .reply(reply.raw())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(code: u16, text: &str) -> Reply {
        Reply {
            code,
            lines: text.lines().map(str::to_owned).collect(),
        }
    }

    #[test]
    fn auth_replies() {
        let gmail = smtp_doctor_core::providers::provider_by_host("smtp.gmail.com");
        let cases = [
            (
                r(
                    534,
                    "5.7.9 Application-specific password required. Learn more at\nhttps://support.google.com/mail/?p=InvalidSecondFactor",
                ),
                "auth.app-password-required",
            ),
            (
                r(
                    535,
                    "5.7.8 Username and Password not accepted. For more information, go to\nhttps://support.google.com/mail/?p=BadCredentials",
                ),
                "auth.failed",
            ),
            (
                r(
                    535,
                    "5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.",
                ),
                "auth.disabled-by-provider",
            ),
            (
                r(
                    535,
                    "5.7.139 Authentication unsuccessful, basic authentication is disabled.",
                ),
                "auth.disabled-by-provider",
            ),
            (
                r(
                    550,
                    "5.7.30 Basic authentication is not supported for Client Submission.",
                ),
                "auth.disabled-by-provider",
            ),
            (r(535, "5.7.3 Authentication unsuccessful"), "auth.failed"),
            (
                r(530, "5.7.0 Must issue a STARTTLS command first"),
                "auth.requires-tls",
            ),
            (
                r(
                    538,
                    "5.7.11 Encryption required for requested authentication mechanism",
                ),
                "auth.requires-tls",
            ),
            (
                r(
                    454,
                    "4.7.0 Too many login attempts, please try again later.",
                ),
                "auth.rate-limited",
            ),
            (
                r(504, "5.5.4 Unrecognized authentication type"),
                "auth.mechanism-unsupported",
            ),
            (
                r(
                    535,
                    "5.7.8 Error: authentication failed: authentication failure",
                ),
                "auth.failed",
            ),
        ];
        for (reply, want) in cases {
            let d = auth_failure(&reply, gmail);
            assert_eq!(d.code.as_str(), want, "{}", reply.raw());
            assert_eq!(d.reply.as_deref(), Some(reply.raw().as_str()));
        }
    }

    #[test]
    fn sender_and_recipient_replies() {
        let cases = [
            (
                r(
                    553,
                    "5.7.1 <x@other.org>: Sender address rejected: not owned by user me@example.com",
                ),
                "sender.rejected",
            ),
            (
                r(
                    550,
                    "5.7.60 SMTP; Client does not have permissions to send as this sender",
                ),
                "sender.rejected",
            ),
            (
                r(
                    554,
                    "5.2.252 SendAsDenied; me@contoso.com not allowed to send as other@contoso.com",
                ),
                "sender.rejected",
            ),
            (
                r(
                    550,
                    "5.1.1 <nobody@example.com>: Recipient address rejected: User unknown",
                ),
                "recipient.rejected",
            ),
            (
                r(554, "5.7.1 <x@y.z>: Relay access denied"),
                "recipient.rejected",
            ),
        ];
        for (reply, want) in cases {
            assert_eq!(
                rcpt_failure(&reply, "probe.test").code.as_str(),
                want,
                "{}",
                reply.raw()
            );
        }
        assert_eq!(
            mail_from_failure(&r(530, "5.7.0 Authentication required"), "probe.test")
                .code
                .as_str(),
            "sender.rejected"
        );
        assert_eq!(
            data_failure(&r(554, "Message rejected: Email address is not verified. The following identities failed the check in region EU-WEST-1: a@b.c")).code.as_str(),
            "send.sender-unverified"
        );
        assert_eq!(
            data_failure(&r(552, "5.3.4 Message size exceeds fixed limit"))
                .code
                .as_str(),
            "send.too-large"
        );
    }

    #[test]
    fn greetings_and_queue_ids() {
        assert!(greeting(&r(220, "mx.example.com ESMTP")).is_none());
        assert_eq!(
            greeting(&r(421, "4.7.0 Try again later"))
                .unwrap()
                .code
                .as_str(),
            "smtp.busy"
        );
        assert_eq!(
            greeting(&r(554, "5.7.1 Your IP is on a blocklist"))
                .unwrap()
                .code
                .as_str(),
            "smtp.greeting-rejected"
        );
        assert_eq!(
            not_smtp("HTTP/1.1 400 Bad Request").code.as_str(),
            "smtp.not-smtp"
        );
        assert!(
            not_smtp("* OK [CAPABILITY IMAP4rev1] ready")
                .message
                .contains("IMAP")
        );
        assert_eq!(
            queue_id(&r(250, "2.0.0 Ok: queued as 4ZxYq12abC")).as_deref(),
            Some("4ZxYq12abC")
        );
        assert_eq!(
            queue_id(&r(250, "OK id=1tAbCd-0001xY-2z")).as_deref(),
            Some("id=1tAbCd-0001xY-2z")
        );
        assert_eq!(queue_id(&r(250, "Ok")), None);
    }

    #[test]
    fn helo_name_refusals_are_the_operators_not_the_customers() {
        let name = "smtp-doctor.invalid";
        // Postfix delays HELO restrictions to RCPT TO by default.
        let postfix = r(
            504,
            "5.5.2 <smtp-doctor.invalid>: Helo command rejected: need fully-qualified hostname",
        );
        let cases = [
            (rcpt_failure(&postfix, name), "smtp.helo-rejected"),
            (
                rcpt_failure(
                    &r(
                        450,
                        "4.7.1 <smtp-doctor.invalid>: Helo command rejected: Host not found",
                    ),
                    name,
                ),
                "smtp.helo-rejected",
            ),
            (
                mail_from_failure(&r(501, "5.5.4 Invalid domain name"), name),
                "smtp.helo-rejected",
            ),
            (ehlo_refused(&postfix, None, name), "smtp.helo-rejected"),
            (
                ehlo_refused(
                    &r(500, "5.5.2 Error: command not recognized"),
                    Some(&r(250, "mx.example.com")),
                    name,
                ),
                "smtp.ehlo-rejected",
            ),
            (
                ehlo_refused(
                    &r(502, "5.5.1 Unrecognized command"),
                    Some(&r(550, "5.7.1 Helo command rejected: Access denied")),
                    name,
                ),
                "smtp.helo-rejected",
            ),
            (
                ehlo_refused(
                    &r(554, "5.7.1 Go away"),
                    Some(&r(554, "5.7.1 Go away")),
                    name,
                ),
                "smtp.ehlo-rejected",
            ),
        ];
        for (d, want) in cases {
            assert_eq!(d.code.as_str(), want, "{}", d.message);
            if want == "smtp.helo-rejected" {
                assert!(d.help.contains("--helo"), "{}", d.help);
                assert!(d.message.contains(name), "{}", d.message);
            }
        }
        let warned = ehlo_refused(
            &r(502, "5.5.2 Error: command not recognized"),
            Some(&r(250, "ok")),
            name,
        );
        assert_eq!(
            warned.severity,
            Severity::Warning,
            "HELO worked: the session goes on"
        );
        assert!(
            warned.message.contains("accepted the older HELO"),
            "{}",
            warned.message
        );
        let refused = ehlo_refused(&r(554, "no"), Some(&r(554, "no")), name);
        assert_eq!(refused.severity, Severity::Error);
        assert!(
            refused.message.contains("and the older HELO (554)"),
            "{}",
            refused.message
        );
        // The client's reverse DNS is not the HELO name.
        assert_eq!(
            rcpt_failure(
                &r(
                    550,
                    "5.7.1 Client host rejected: cannot find your hostname, [192.0.2.1]"
                ),
                name
            )
            .code
            .as_str(),
            "recipient.rejected"
        );
    }

    #[test]
    fn temporary_refusals_and_size() {
        let cases = [
            (
                rcpt_failure(
                    &r(451, "4.7.1 Greylisted, please try again in 300 seconds"),
                    "h",
                ),
                "smtp.temporary-failure",
            ),
            (
                mail_from_failure(&r(452, "4.3.1 Insufficient system storage"), "h"),
                "smtp.temporary-failure",
            ),
            (
                mail_from_failure(&r(552, "5.3.4 Message size exceeds fixed limit"), "h"),
                "send.too-large",
            ),
            (
                data_failure(&r(552, "5.3.4 Message size exceeds fixed limit")),
                "send.too-large",
            ),
            (
                data_failure(&r(554, "5.7.1 Message rejected as spam")),
                "send.rejected",
            ),
        ];
        for (d, want) in cases {
            assert_eq!(d.code.as_str(), want, "{}", d.message);
        }
        let grey = rcpt_failure(&r(450, "4.2.0 Greylisted, see http://x"), "h");
        assert_eq!(grey.severity, Severity::Warning);
        assert!(grey.message.contains("greylisting"), "{}", grey.message);
    }
}
