//! What a server's reply means: SMTP reply codes, enhanced status codes
//! (RFC 3463) and the texts big providers use, mapped onto our codes with
//! help that names the fix. Pure functions, table-tested.

use crate::providers::{self, Provider, ReplyMeaning};
use crate::reply::{Reply, TokenChallenge};
use crate::{Code, Diagnostic, Severity};

fn with_reply(d: Diagnostic, reply: &Reply) -> Diagnostic {
    d.reply(reply.raw())
}

fn has(reply: &Reply, needles: &[&str]) -> bool {
    let text = reply.text().to_ascii_lowercase();
    needles.iter().any(|n| text.contains(n))
}

/// The greeting: `None` for a 220.
pub fn greeting(reply: &Reply) -> Option<Diagnostic> {
    match reply.code {
        220 => None,
        421 => Some(with_reply(
            Diagnostic::new(Code::SmtpBusy).case("greeting"),
            reply,
        )),
        500..=599 => Some(with_reply(
            Diagnostic::new(Code::SmtpGreetingRejected)
                .case("reply")
                .param("reply-code", reply.code),
            reply,
        )),
        _ => Some(with_reply(
            Diagnostic::new(Code::SmtpNotSmtp)
                .case("greeting")
                .param("reply-code", reply.code),
            reply,
        )),
    }
}

/// Whether a refusal is about the EHLO/HELO *name* (Postfix
/// `504 5.5.2 <name>: Helo command rejected: need fully-qualified
/// hostname`, `450 4.7.1 … Helo command rejected: Host not found`, Exim
/// `550 … HELO/EHLO … not a valid`, Microsoft `501 5.5.4 Invalid domain
/// name`), rather than about the command or the client.
pub fn helo_name_refused(reply: &Reply) -> bool {
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
            .case("name")
            .param("name", name)
            .param("reply-code", reply.code),
        reply,
    )
}

/// EHLO refused: the name, or the command (then `helo` says whether HELO
/// worked: a warning, the session goes on without extensions).
pub fn ehlo_refused(ehlo: &Reply, helo: Option<&Reply>, name: &str) -> Diagnostic {
    if helo_name_refused(ehlo) {
        return helo_rejected(ehlo, name);
    }
    if let Some(d) = legacy_tls(ehlo) {
        return d;
    }
    match helo {
        Some(h) if h.code == 250 => with_reply(
            Diagnostic::new(Code::SmtpEhloRejected)
                .case("helo-works")
                .param("reply-code", ehlo.code),
            ehlo,
        ),
        Some(h) if helo_name_refused(h) => helo_rejected(h, name),
        _ => with_reply(
            Diagnostic::new(Code::SmtpEhloRejected)
                .severity(Severity::Error)
                .case("both")
                .param("reply-code", ehlo.code),
            ehlo,
        ),
    }
}

/// STARTTLS advertised, then refused. `454 4.7.0 TLS not available due to
/// local problem` is Postfix's answer when its certificate or key cannot
/// be loaded: the server's TLS is broken on its side.
pub fn starttls_refused(reply: &Reply) -> Diagnostic {
    let d = if reply.code == 454 || has(reply, &["local problem"]) {
        Diagnostic::new(Code::TlsServerMisconfigured)
            .case("starttls-refused")
            .param("reply-code", reply.code)
    } else {
        Diagnostic::new(Code::TlsStarttlsUnavailable)
            .case("refused")
            .param("reply-code", reply.code)
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
        Diagnostic::new(Code::SmtpTemporaryFailure)
            .case(if greylisted { "greylisted" } else { "deferred" })
            .param("command", at)
            .param("reply-code", reply.code),
        reply,
    )
}

/// Something that is not SMTP answered: name it if we can.
pub fn not_smtp(preview: &str) -> Diagnostic {
    let what = if preview.starts_with("HTTP/") || preview.starts_with('<') {
        "http"
    } else if preview.starts_with("* OK") || preview.starts_with("* PREAUTH") {
        "imap"
    } else if preview.starts_with("+OK") {
        "pop3"
    } else if preview.starts_with("SSH-") {
        "ssh"
    } else {
        "other"
    };
    Diagnostic::new(Code::SmtpNotSmtp)
        .case("peer")
        .param("peer", what)
        .reply(preview.to_owned())
}

/// A refused AUTH.
/// What a refused login sent.
#[derive(Clone, Copy, Debug)]
pub enum Sent<'a> {
    Password,
    /// An OAuth2 access token, with the error the server named in its
    /// `334` if it did.
    Token(Option<&'a TokenChallenge>),
}

/// Microsoft 365's `421 4.7.66 TLS 1.0 and 1.1 are not supported`: the
/// server judged this connection's TLS too old. The probe speaks TLS 1.2
/// or 1.3, so something between it and the server downgraded the
/// connection; an application that shows this reply has an old TLS
/// library. Any command after STARTTLS may get it.
fn legacy_tls(reply: &Reply) -> Option<Diagnostic> {
    let status = reply.enhanced().unwrap_or_default();
    (status == "4.7.66" || has(reply, &["tls 1.0 and 1.1 are not supported"])).then(|| {
        with_reply(
            Diagnostic::new(Code::TlsOldProtocol)
                .severity(Severity::Error)
                .case("client-refused")
                .param("reply-code", reply.code),
            reply,
        )
    })
}

/// Whether a refusal says the client never logged in (Microsoft 365:
/// `530 5.7.57 Client not authenticated to send mail during MAIL FROM`,
/// also as `550 5.7.57 SMTP; Client was not authenticated to send
/// anonymous mail`).
fn login_required(reply: &Reply) -> bool {
    reply.enhanced() == Some("5.7.57")
        || reply.code == 530 && has(reply, &["authentication required", "auth"])
        || has(reply, &["not authenticated to send"])
}

/// A refused login.
pub fn auth_failure(reply: &Reply, provider: Option<&Provider>, sent: Sent<'_>) -> Diagnostic {
    if let Some(d) = legacy_tls(reply) {
        return d;
    }
    let status = reply.enhanced().unwrap_or_default();
    // Provider facts (their replies and fixes) live in the provider table.
    let hint = providers::reply_hint(provider, status, &reply.text().to_ascii_lowercase());
    let name = provider.map_or("", |p| p.name);
    let who = |d: Diagnostic| {
        d.param(
            "who",
            if provider.is_some() {
                "provider"
            } else {
                "server"
            },
        )
        .param("provider", name)
    };
    let d = if status == "5.7.9"
        || has(
            reply,
            &[
                "application-specific password",
                "app password",
                "apppassword",
            ],
        ) {
        let mut d = who(Diagnostic::new(Code::AuthAppPasswordRequired)).case("reply");
        if let Some(url) = provider.and_then(|p| p.app_password.url()) {
            d = d.case("url").param("url", url);
        }
        d
    } else if let Some(hint) = hint.filter(|h| h.meaning == ReplyMeaning::AuthDisabled) {
        who(Diagnostic::new(Code::AuthDisabledByProvider))
            .case("reply")
            .param("hint", hint.help)
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
        Diagnostic::new(Code::AuthRequiresTls)
    } else if reply.code == 454
        || status == "4.7.0" && has(reply, &["too many", "try again later"])
        || has(reply, &["too many"])
    {
        who(Diagnostic::new(Code::AuthRateLimited)).case("reply")
    } else if reply.code == 504 {
        Diagnostic::new(Code::AuthMechanismUnsupported).case("refused")
    } else if let Sent::Token(error) = sent {
        // The token was refused: what the server said about it, else
        // its reply (Microsoft: `535 5.7.3 Authentication unsuccessful`).
        // Microsoft names no reason (`535 5.7.3`): its three usual ones.
        let microsoft = status == "5.7.3"
            && (provider.is_some_and(|p| p.id == "microsoft365" || p.id == "outlook")
                || has(reply, &["authentication unsuccessful"]));
        let case = match error {
            Some(e) => e.case(),
            None if microsoft => "m365",
            None => "other",
        };
        let mut d = Diagnostic::new(Code::AuthTokenRejected)
            .case(case)
            .param("reply-code", reply.code);
        if let Some(error) = error {
            d = d.param("status", error.status.as_str());
            if let Some(scope) = &error.scope {
                d = d.param("scope", scope.as_str());
            }
        }
        d
    } else {
        let mut d = who(Diagnostic::new(Code::AuthFailed))
            .case("reply")
            .param("reply-code", reply.code);
        if let Some(hint) = hint
            .filter(|h| h.meaning == ReplyMeaning::BadCredentials)
            .or_else(|| providers::credentials_hint(provider))
        {
            d = d.param("hint", hint.help);
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
pub fn mail_from_failure(reply: &Reply, helo: &str) -> Diagnostic {
    if helo_name_refused(reply) {
        return helo_rejected(reply, helo);
    }
    if let Some(d) = legacy_tls(reply) {
        return d;
    }
    if too_large(reply) {
        return with_reply(
            Diagnostic::new(Code::SendTooLarge)
                .case("announced")
                .param("reply-code", reply.code),
            reply,
        );
    }
    if (400..500).contains(&reply.code) {
        return temporary(reply, "mail-from");
    }
    let d = if has(reply, &["starttls", "encryption required"]) {
        Diagnostic::new(Code::AuthRequiresTls).case("mail")
    } else if login_required(reply) {
        Diagnostic::new(Code::SenderRejected).case("login-required")
    } else {
        Diagnostic::new(Code::SenderRejected)
            .case("mail-from")
            .param("reply-code", reply.code)
    };
    with_reply(d, reply)
}

/// A refused RCPT TO: a sender problem in disguise, or the recipient.
pub fn rcpt_failure(reply: &Reply, helo: &str) -> Diagnostic {
    // Postfix delays HELO restrictions to RCPT TO (smtpd_delay_reject).
    if helo_name_refused(reply) {
        return helo_rejected(reply, helo);
    }
    if let Some(d) = legacy_tls(reply) {
        return d;
    }
    if (400..500).contains(&reply.code) {
        return temporary(reply, "rcpt-to");
    }
    let d = if login_required(reply) {
        Diagnostic::new(Code::SenderRejected).case("login-required")
    } else if sender_reason(reply) {
        Diagnostic::new(Code::SenderRejected).case("rcpt-to")
    } else {
        Diagnostic::new(Code::RecipientRejected)
            .case("reply")
            .param("reply-code", reply.code)
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
pub fn data_failure(reply: &Reply) -> Diagnostic {
    let d = if too_large(reply) {
        Diagnostic::new(Code::SendTooLarge)
            .case("data")
            .param("reply-code", reply.code)
    } else if has(reply, &["not verified", "unverified"]) {
        Diagnostic::new(Code::SendSenderUnverified).case("reply")
    } else if sender_reason(reply) {
        Diagnostic::new(Code::SenderRejected).case("data")
    } else {
        Diagnostic::new(Code::SendRejected)
            .case("reply")
            .param("reply-code", reply.code)
    };
    with_reply(d, reply)
}

/// The queue id in a 250 after DATA ("queued as 4Z…", "Ok: queued as …", "2.0.0 <id>").
pub fn queue_id(reply: &Reply) -> Option<String> {
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
pub fn send_ok(reply: &Reply, recipient: &str) -> Diagnostic {
    let id = queue_id(reply);
    Diagnostic::new(Code::SendOk)
        .severity(Severity::Info)
        .case(if id.is_some() { "queued" } else { "accepted" })
        .param("recipient", recipient)
        .param("queue-id", id.unwrap_or_default())
        .reply(reply.raw())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The diagnostic with its English texts, as a report carries it.
    fn en(d: Diagnostic) -> Diagnostic {
        let mut all = [d];
        crate::i18n::localize(&mut all, "en");
        let [d] = all;
        d
    }

    fn r(code: u16, text: &str) -> Reply {
        Reply {
            code,
            lines: text.lines().map(str::to_owned).collect(),
        }
    }

    #[test]
    fn auth_replies() {
        let gmail = crate::providers::provider_by_host("smtp.gmail.com");
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
            let d = auth_failure(&reply, gmail, Sent::Password);
            assert_eq!(d.code.as_str(), want, "{}", reply.raw());
            assert_eq!(d.reply.as_deref(), Some(reply.raw().as_str()));
        }
    }

    /// Microsoft's documented replies (Exchange Online SMTP AUTH errors,
    /// learn.microsoft.com, checked 2026-12-07): where SMTP AUTH is off
    /// decides who acts and how, and the help says the line to run.
    #[test]
    fn microsoft_365_replies_name_where_and_what() {
        let m365 = providers::PROVIDERS.iter().find(|p| p.id == "microsoft365");
        let hint = |d: &Diagnostic| match d.params.get("hint") {
            Some(crate::Param::Text(t)) => t.clone(),
            _ => String::new(),
        };
        for (text, sent, code, want_hint) in [
            (
                "5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.",
                Sent::Password,
                "auth.disabled-by-provider",
                "m365-tenant",
            ),
            (
                "5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.",
                Sent::Token(None),
                "auth.disabled-by-provider",
                "m365-mailbox",
            ),
            (
                "5.7.139 Authentication unsuccessful, basic authentication is disabled.",
                Sent::Password,
                "auth.disabled-by-provider",
                "m365-basic-off",
            ),
            (
                "5.7.30 Basic authentication is not supported for Client Submission.",
                Sent::Password,
                "auth.disabled-by-provider",
                "m365-basic-off",
            ),
        ] {
            let reply = r(535, text);
            let d = auth_failure(&reply, m365, sent);
            assert_eq!(d.code.as_str(), code, "{text}");
            assert_eq!(hint(&d), want_hint, "{text}");
        }
        // With a token, 535 5.7.3 is the token's refusal, with Microsoft's
        // three usual causes; with a password, bad credentials.
        let reply = r(
            535,
            "5.7.3 Authentication unsuccessful [SN4PR0601CA0001.namprd06.prod.outlook.com]",
        );
        let mut d = [auth_failure(&reply, m365, Sent::Token(None))];
        assert_eq!(d[0].code.as_str(), "auth.token-rejected");
        crate::i18n::localize(&mut d, "en");
        assert!(
            d[0].help.contains("https://outlook.office.com/SMTP.Send"),
            "{}",
            d[0].help
        );
        assert!(d[0].help.contains("Set-CASMailbox"), "{}", d[0].help);
        assert_eq!(
            auth_failure(&reply, m365, Sent::Password).code.as_str(),
            "auth.failed"
        );
        // The help a person reads names the PowerShell line.
        let mut d = [auth_failure(
            &r(
                535,
                "5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.",
            ),
            m365,
            Sent::Password,
        )];
        crate::i18n::localize(&mut d, "de");
        assert!(
            d[0].help
                .contains("Set-TransportConfig -SmtpClientAuthenticationDisabled $false"),
            "{}",
            d[0].help
        );
        // Google's 334 error, decoded, names the scope it wants.
        let google = TokenChallenge::decode(
            "eyJzdGF0dXMiOiI0MDEiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==",
        )
        .unwrap();
        let gmail = providers::PROVIDERS.iter().find(|p| p.id == "gmail");
        let d = auth_failure(
            &r(
                535,
                "5.7.8 Username and Password not accepted. For more information, go to\nhttps://support.google.com/mail/?p=BadCredentials",
            ),
            gmail,
            Sent::Token(Some(&google)),
        );
        assert_eq!(d.code.as_str(), "auth.token-rejected");
        assert_eq!(
            d.params.get("scope"),
            Some(&crate::Param::Text("https://mail.google.com/".into()))
        );
    }

    /// Microsoft 365's documented replies for a client that never logged
    /// in (5.7.57) and for TLS 1.0/1.1 (421 4.7.66), at each command that
    /// can get them.
    #[test]
    fn microsoft_365_login_and_legacy_tls_replies() {
        let anonymous = [
            r(
                530,
                "5.7.57 Client not authenticated to send mail during MAIL FROM [BN8NAM12FT040.eop-nam12.prod.protection.outlook.com]",
            ),
            r(
                550,
                "5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM",
            ),
        ];
        for reply in &anonymous {
            for d in [
                mail_from_failure(reply, "probe.test"),
                rcpt_failure(reply, "probe.test"),
            ] {
                assert_eq!(d.code.as_str(), "sender.rejected", "{}", reply.raw());
                assert_eq!(
                    d.params.get("case"),
                    Some(&crate::Param::Text("login-required".into())),
                    "{}",
                    reply.raw()
                );
            }
        }
        let legacy = r(
            421,
            "4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls. [SN4PR0501CA0056.namprd05.prod.outlook.com]",
        );
        let microsoft = providers::provider_by_host("smtp.office365.com");
        for d in [
            auth_failure(&legacy, microsoft, Sent::Password),
            mail_from_failure(&legacy, "probe.test"),
            rcpt_failure(&legacy, "probe.test"),
            ehlo_refused(&legacy, None, "probe.test"),
        ] {
            assert_eq!(d.code.as_str(), "tls.old-protocol");
            assert_eq!(d.severity, Severity::Error);
            assert_eq!(
                d.params.get("case"),
                Some(&crate::Param::Text("client-refused".into()))
            );
            assert_eq!(d.reply.as_deref(), Some(legacy.raw().as_str()));
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
            en(not_smtp("* OK [CAPABILITY IMAP4rev1] ready"))
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
            let d = en(d);
            assert_eq!(d.code.as_str(), want, "{}", d.message);
            if want == "smtp.helo-rejected" {
                assert!(d.help.contains("--helo"), "{}", d.help);
                assert!(d.message.contains(name), "{}", d.message);
            }
        }
        let warned = en(ehlo_refused(
            &r(502, "5.5.2 Error: command not recognized"),
            Some(&r(250, "ok")),
            name,
        ));
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
        let refused = en(ehlo_refused(&r(554, "no"), Some(&r(554, "no")), name));
        assert_eq!(refused.severity, Severity::Error);
        assert!(
            refused.message.contains("(EHLO, 554) and the older HELO"),
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
        let grey = en(rcpt_failure(&r(450, "4.2.0 Greylisted, see http://x"), "h"));
        assert_eq!(grey.severity, Severity::Warning);
        assert!(grey.message.contains("greylisting"), "{}", grey.message);
    }
}
