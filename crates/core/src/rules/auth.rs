//! Rules for the login: username, password and mechanism.
//!
//! Most of what goes wrong here is provider-specific: an account password
//! where an app password is required, an API key where the SMTP key is
//! required, an email address where the provider wants `apikey`. The
//! provider table says what each expects; these rules compare.
//!
//! No diagnostic ever repeats the password, and no fix ever sets it.

use crate::codes::Code;
use crate::config::{AuthMechanism, Input};
use crate::diagnostic::{Diagnostic, Field, Fix, Severity};
use crate::providers::{AppPassword, OAuth, SecretRule, UsernameRule};

use super::Context;

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    auth_mechanism_unknown(cx, out);
    auth_credentials_missing(cx, out);
    auth_password_whitespace(cx, out);
    auth_oauth_required(cx, out);
    auth_app_password(cx, out);
    auth_username_format(cx, out);
    auth_credential_type(cx, out);
}

/// ## What it checks
/// An `auth` value that is not auto, plain, login, cram-md5, xoauth2 or none.
///
/// ## Why is this bad?
/// The login would use a mechanism nobody chose.
///
/// ## Example
/// `"auth": "ntlm"`
///
/// ## Fix
/// `auto`.
fn auth_mechanism_unknown(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Input::Invalid(raw) = &cx.config.auth else {
        return;
    };
    out.push(
        Diagnostic::new(Code::AuthMechanismUnknown)
            .case("raw")
            .param("raw", raw.as_str())
            .fix(Fix::new("auth-auto").set(Field::Auth, "auto")),
    );
}

/// ## What it checks
/// `auth.username-missing` / `auth.password-missing`: one of the pair is
/// given without the other, or both are missing for a provider that
/// always needs a login.
///
/// ## Why is this bad?
/// A login needs both; a known provider refuses to relay without one.
///
/// ## Example
/// `{"username": "me@example.com"}`
///
/// ## Fix
/// None: only the customer knows them.
fn auth_credentials_missing(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if !cx.wants_auth() {
        return;
    }
    let user = cx.config.username().is_some();
    let pass = cx.config.password().is_some() || cx.config.oauth_token().is_some();
    // Google's relay may authorise by IP instead of a login.
    let provider_needs_login = cx.provider.is_some_and(|p| p.id != "google-relay");
    if !user && (pass || provider_needs_login) {
        let mut d = Diagnostic::new(Code::AuthUsernameMissing);
        if let Some(p) = cx.provider {
            let (hint, word) = username_hint(p.username);
            d = d
                .case("provider")
                .param("provider", p.name)
                .param("username-kind", hint)
                .param("word", word);
        }
        out.push(d);
    }
    // With OAuth2 the secret is the access token (`auth.token-missing`).
    if !pass && !cx.oauth() && (user || provider_needs_login) {
        out.push(Diagnostic::new(Code::AuthPasswordMissing));
    }
}

/// What the provider's username is (`$username-kind`: `full-address`,
/// `literal` with `$word`, `domain-login`, `any`, or a credential id).
fn username_hint(rule: UsernameRule) -> (&'static str, &'static str) {
    match rule {
        UsernameRule::FullAddress => ("full-address", ""),
        UsernameRule::Literal(word) => ("literal", word),
        UsernameRule::DomainLogin => ("domain-login", ""),
        UsernameRule::Generated { what, .. } => (what, ""),
        UsernameRule::Any => ("any", ""),
    }
}

/// ## What it checks
/// Whitespace at the start or end of the password.
///
/// ## Why is this bad?
/// Copy and paste brings a trailing space or newline along; the server
/// then rejects a password that looks right.
///
/// ## Example
/// `"password": "SG.abc… "`
///
/// ## Fix
/// None offered: a fix would have to repeat the password.
fn auth_password_whitespace(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(pass) = cx.config.password() else {
        return;
    };
    if pass.trim() != pass && !pass.trim().is_empty() {
        out.push(Diagnostic::new(Code::AuthPasswordWhitespace));
    }
}

/// ## What it checks
/// The provider no longer takes passwords (Outlook.com since
/// 2024-09-16), or is retiring them (Microsoft 365 basic SMTP AUTH).
///
/// ## Why is this bad?
/// The right password still fails with `535 5.7.139`/`5.7.3`.
///
/// ## Example
/// `{"host": "smtp-mail.outlook.com", "password": "…"}`
///
/// ## Fix
/// `auth: xoauth2`.
fn auth_oauth_required(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(p) = cx.provider else { return };
    if cx.oauth() || cx.auth == AuthMechanism::None {
        return;
    }
    let fix = Fix::new("auth-oauth2").set(Field::Auth, "oauth2");
    match p.oauth {
        OAuth::Optional => {}
        OAuth::Required { since } => out.push(
            Diagnostic::new(Code::AuthOauthRequired)
                .case("required")
                .param("provider", p.name)
                .param("since", since)
                .fix(fix),
        ),
        OAuth::Retiring { note, date } => out.push(
            Diagnostic::new(Code::AuthOauthRequired)
                .severity(Severity::Warning)
                // Before the date, "turns off on"; from it, "has turned off
                // since" (core has no clock: the caller's `now` decides).
                .case(match cx.now.map(crate::token::date_of) {
                    Some(today) if today.as_str() >= date => "retired",
                    _ => "retiring",
                })
                .param("provider", p.name)
                .param("oauth-note", note)
                .param("date", date)
                .fix(fix),
        ),
    }
}

/// ## What it checks
/// The provider requires an app-specific password (Gmail, Yahoo, iCloud,
/// Fastmail).
///
/// ## Why is this bad?
/// The account password is refused (`534-5.7.9 Application-specific
/// password required`), though it is the right one.
///
/// ## Example
/// `{"host": "smtp.gmail.com"}`
///
/// ## Fix
/// None; the help links the provider's page.
fn auth_app_password(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(p) = cx.provider else { return };
    let AppPassword::Required { url } = p.app_password else {
        return;
    };
    if cx.oauth() || cx.auth == AuthMechanism::None {
        return;
    }
    out.push(
        Diagnostic::new(Code::AuthAppPassword)
            .case("provider")
            .param("provider", p.name)
            .param("url", url),
    );
}

/// ## What it checks
/// The username is not the kind the provider expects: a full address
/// (Gmail, Microsoft), the literal `apikey` (SendGrid) or `resend`, a
/// generated id rather than an email (SES, Postmark, Mailjet).
///
/// ## Why is this bad?
/// The login fails with `535 Authentication failed` and no hint why.
///
/// ## Example
/// `{"host": "smtp.sendgrid.net", "username": "me@example.com"}`
///
/// ## Fix
/// The literal username, or the sender address when a full address is needed.
fn auth_username_format(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let (Some(p), Some(user)) = (cx.provider, cx.config.username()) else {
        return;
    };
    if !cx.wants_auth() {
        return;
    }
    let user = user.trim();
    let has_at = user.contains('@');
    let d = match p.username {
        UsernameRule::FullAddress if !has_at => {
            let mut d = Diagnostic::new(Code::AuthUsernameFormat)
                .case("full-address")
                .param("provider", p.name)
                .param("username", user);
            if let Some(from) = cx.sender_mailbox() {
                let addr = from.address();
                d = d.fix(Fix::new("use-username").set(Field::Username, addr));
            }
            d
        }
        UsernameRule::Literal(word) if user != word => Diagnostic::new(Code::AuthUsernameFormat)
            .case("literal")
            .param("provider", p.name)
            .param("word", word)
            .fix(Fix::new("use-username").set(Field::Username, word)),
        UsernameRule::DomainLogin if !has_at => Diagnostic::new(Code::AuthUsernameFormat)
            .case("domain-login")
            .param("provider", p.name),
        UsernameRule::Generated { what, .. } if has_at => Diagnostic::new(Code::AuthUsernameFormat)
            .case("not-an-address")
            .param("provider", p.name)
            .param("credential", what),
        UsernameRule::Generated {
            what,
            prefix: Some(prefix),
        } if !user.starts_with(prefix) => Diagnostic::new(Code::AuthUsernameFormat)
            .severity(Severity::Warning)
            .case("prefix")
            .param("provider", p.name)
            .param("prefix", prefix)
            .param("credential", what),
        _ => return,
    };
    out.push(d);
}

/// ## What it checks
/// The secret has the shape of the wrong credential: a Brevo API key
/// (`xkeysib-`) instead of the SMTP key (`xsmtpsib-`), an AWS IAM secret
/// (40 characters) instead of the SES SMTP password (44), a SendGrid secret
/// that is not an `SG.` key, an account password where a 16-letter app
/// password is expected.
///
/// ## Why is this bad?
/// The provider answers `535 Authentication failed` either way; the shape
/// tells which credential to fetch.
///
/// ## Example
/// `{"host": "smtp-relay.brevo.com", "password": "xkeysib-…"}`
///
/// ## Fix
/// None: the customer must fetch the right credential.
fn auth_credential_type(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let (Some(p), Some(secret)) = (cx.provider, cx.config.password()) else {
        return;
    };
    if cx.oauth() || cx.auth == AuthMechanism::None {
        return;
    }
    let secret = secret.trim();
    if let Some((_, what)) = p
        .wrong_secrets
        .iter()
        .find(|(prefix, _)| secret.starts_with(prefix))
    {
        let right = match p.secret {
            SecretRule::Prefix { what, .. } => what,
            _ => "smtp",
        };
        out.push(
            Diagnostic::new(Code::AuthCredentialType)
                .case("wrong")
                .param("provider", p.name)
                .param("wrong-credential", *what)
                .param("credential", right),
        );
        return;
    }
    let d = match p.secret {
        SecretRule::Prefix {
            prefix,
            what,
            strict,
        } if !secret.starts_with(prefix) => Diagnostic::new(Code::AuthCredentialType)
            .severity(if strict {
                Severity::Error
            } else {
                Severity::Warning
            })
            .case("prefix")
            .param("provider", p.name)
            .param("credential", what)
            .param("prefix", prefix),
        SecretRule::SesSmtpPassword if secret.chars().count() == 40 => {
            Diagnostic::new(Code::AuthCredentialType).case("aws-secret-key")
        }
        SecretRule::SesSmtpPassword if secret.chars().count() != 44 => {
            Diagnostic::new(Code::AuthCredentialType)
                .severity(Severity::Warning)
                .case("ses-length")
        }
        SecretRule::AppPassword16 if !is_app_password(secret) => {
            Diagnostic::new(Code::AuthCredentialType)
                .severity(Severity::Warning)
                .case("app-password")
                .param("provider", p.name)
        }
        SecretRule::Uuid { what } if !is_uuid(secret) => Diagnostic::new(Code::AuthCredentialType)
            .severity(Severity::Warning)
            .case("uuid")
            .param("provider", p.name)
            .param("credential", what),
        _ => return,
    };
    out.push(d);
}

/// Sixteen letters, optionally in groups of four split by spaces or dashes.
fn is_app_password(secret: &str) -> bool {
    let letters: Vec<char> = secret.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    letters.len() == 16 && letters.iter().all(char::is_ascii_alphabetic)
}

fn is_uuid(secret: &str) -> bool {
    let parts: Vec<&str> = secret.split('-').collect();
    parts.iter().map(|p| p.len()).eq([8, 4, 4, 4, 12])
        && parts
            .iter()
            .all(|p| p.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_shapes() {
        assert!(is_app_password("abcdefghijklmnop"));
        assert!(is_app_password("abcd efgh ijkl mnop"));
        assert!(is_app_password("abcd-efgh-ijkl-mnop"));
        assert!(!is_app_password("hunter2"));
        assert!(!is_app_password("abcd efgh ijkl mno1"));
        assert!(is_uuid("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"));
        assert!(!is_uuid("0f1e2d3c4b5a69788796a5b4c3d2e1f0"));
    }
}
