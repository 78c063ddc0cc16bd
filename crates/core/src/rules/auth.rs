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
            .message(format!("`{raw}` is not a login method this tool knows."))
            .fix(Fix::new("Use auto").set(Field::Auth, "auto")),
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
    let pass = cx.config.password().is_some();
    // Google's relay may authorise by IP instead of a login.
    let provider_needs_login = cx.provider.is_some_and(|p| p.id != "google-relay");
    if !user && (pass || provider_needs_login) {
        let mut d = Diagnostic::new(Code::AuthUsernameMissing);
        if let Some(p) = cx.provider {
            d = d.help(format!(
                "{} needs a login: {}.",
                p.name,
                username_hint(p.username)
            ));
        }
        out.push(d);
    }
    if !pass && (user || provider_needs_login) {
        let mut d = Diagnostic::new(Code::AuthPasswordMissing);
        if cx.auth == AuthMechanism::Xoauth2 {
            d = d
                .message("An OAuth2 access token is needed.")
                .help("With XOAUTH2 the password field carries the OAuth2 access token.");
        }
        out.push(d);
    }
}

fn username_hint(rule: UsernameRule) -> String {
    match rule {
        UsernameRule::FullAddress => "your full email address".to_owned(),
        UsernameRule::Literal(word) => format!("the word `{word}`"),
        UsernameRule::DomainLogin => {
            "the SMTP login of your sending domain, e.g. postmaster@mg.example.com".to_owned()
        }
        UsernameRule::Generated { what, .. } => what.to_owned(),
        UsernameRule::Any => "the SMTP login shown in your account".to_owned(),
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
    if matches!(cx.auth, AuthMechanism::Xoauth2 | AuthMechanism::None) {
        return;
    }
    let fix = Fix::new("Use OAuth2 (XOAUTH2)").set(Field::Auth, "xoauth2");
    match p.oauth {
        OAuth::Optional => {}
        OAuth::Required { since } => out.push(
            Diagnostic::new(Code::AuthOauthRequired)
                .message(format!("{} no longer accepts passwords for SMTP (since {since}).", p.name))
                .help("Passwords and app passwords are refused. Sign in with OAuth2 (XOAUTH2) and put the access token in the password field.")
                .fix(fix),
        ),
        OAuth::Retiring { note } => out.push(
            Diagnostic::new(Code::AuthOauthRequired)
                .severity(Severity::Warning)
                .message(format!("{} is retiring password login for SMTP.", p.name))
                .help(format!("{note} Prefer OAuth2 (XOAUTH2)."))
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
    if matches!(cx.auth, AuthMechanism::Xoauth2 | AuthMechanism::None) {
        return;
    }
    out.push(
        Diagnostic::new(Code::AuthAppPassword)
            .message(format!("{} needs an app password, not your account password.", p.name))
            .help(format!("Create one at {url} (two-step verification must be on) and paste it as the password.")),
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
            let mut d = Diagnostic::new(Code::AuthUsernameFormat).message(format!(
                "{} expects your full email address as username, not `{user}`.",
                p.name
            ));
            if let Some(from) = cx.sender_mailbox() {
                let addr = from.address();
                d = d.fix(Fix::new(format!("Use {addr}")).set(Field::Username, addr));
            }
            d
        }
        UsernameRule::Literal(word) if user != word => Diagnostic::new(Code::AuthUsernameFormat)
            .message(format!(
                "{} expects the username `{word}`, literally.",
                p.name
            ))
            .help(format!(
                "With {} the username is always `{word}`; your key goes in the password field.",
                p.name
            ))
            .fix(Fix::new(format!("Use {word}")).set(Field::Username, word)),
        UsernameRule::DomainLogin if !has_at => {
            Diagnostic::new(Code::AuthUsernameFormat).message(format!(
                "{} expects the SMTP login of your sending domain, like postmaster@mg.example.com.",
                p.name
            ))
        }
        UsernameRule::Generated { what, .. } if has_at => Diagnostic::new(Code::AuthUsernameFormat)
            .message(format!(
                "{} does not use an email address as SMTP username.",
                p.name
            ))
            .help(format!("Use {what}.")),
        UsernameRule::Generated {
            what,
            prefix: Some(prefix),
        } if !user.starts_with(prefix) => Diagnostic::new(Code::AuthUsernameFormat)
            .severity(Severity::Warning)
            .message(format!("{} SMTP usernames start with {prefix}.", p.name))
            .help(format!("Use {what}.")),
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
    if matches!(cx.auth, AuthMechanism::Xoauth2 | AuthMechanism::None) {
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
            _ => "the SMTP credential",
        };
        out.push(
            Diagnostic::new(Code::AuthCredentialType)
                .message(format!("This is {what}, not the SMTP credential."))
                .help(format!("{} SMTP needs {right}.", p.name)),
        );
        return;
    }
    let d = match p.secret {
        SecretRule::Prefix { prefix, what, strict } if !secret.starts_with(prefix) => {
            Diagnostic::new(Code::AuthCredentialType)
                .severity(if strict { Severity::Error } else { Severity::Warning })
                .message(format!("{} SMTP needs {what}; this secret does not start with {prefix}.", p.name))
        }
        SecretRule::SesSmtpPassword if secret.chars().count() == 40 => Diagnostic::new(Code::AuthCredentialType)
            .message("This looks like an AWS secret access key (40 characters), not an SES SMTP password (44).")
            .help("Create SMTP credentials in the SES console (SMTP settings), or derive the SMTP password from the key for this region."),
        SecretRule::SesSmtpPassword if secret.chars().count() != 44 => Diagnostic::new(Code::AuthCredentialType)
            .severity(Severity::Warning)
            .message("SES SMTP passwords are 44 characters long; this one is not.")
            .help("Use the SMTP password shown when the SES SMTP credentials were created."),
        SecretRule::AppPassword16 if !is_app_password(secret) => Diagnostic::new(Code::AuthCredentialType)
            .severity(Severity::Warning)
            .message(format!("This does not look like a {} app password (16 letters).", p.name))
            .help("The account password is refused for SMTP; create an app password and paste it here (spaces between the groups of four are fine)."),
        SecretRule::Uuid { what } if !is_uuid(secret) => Diagnostic::new(Code::AuthCredentialType)
            .severity(Severity::Warning)
            .message(format!("{} SMTP uses {what} as password; this secret does not have its shape.", p.name)),
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
