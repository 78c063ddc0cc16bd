//! Rules for an OAuth2 login's access token, read before any network
//! ([`crate::token`] says what a token is). Only its claims are read, never
//! its signature: every finding explains a refusal the server would give,
//! and says the server has the last word.

use crate::codes::Code;
use crate::diagnostic::{Diagnostic, Field, Fix};
use crate::token::{CONSUMER_TENANT, Claims, Token};

use super::Context;

/// A test takes up to this long: a token that expires sooner fails midway.
const TEST_SECONDS: u64 = 120;

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if !cx.oauth() {
        return;
    }
    let Some(text) = cx.config.oauth_token() else {
        token_missing(cx, out);
        return;
    };
    match crate::token::read(text) {
        Token::WrongKind(kind) => out.push(
            Diagnostic::new(Code::AuthTokenKind)
                .case(kind.as_str())
                .param("kind", kind.as_str()),
        ),
        Token::Opaque { issuer } => token_provider(cx, issuer, out),
        Token::Jwt(claims) => {
            token_audience(cx, &claims, out);
            token_expiry(cx, &claims, out);
            token_user(cx, &claims, out);
            token_tenant(cx, &claims, out);
        }
    }
}

/// Which sign-in a provider needs, by its id.
fn sign_in_with(cx: &Context<'_>) -> Option<&'static str> {
    match cx.provider?.id {
        "microsoft365" | "outlook" => Some("microsoft"),
        "gmail" => Some("google"),
        _ => None,
    }
}

/// ## What it checks
/// `auth: oauth2` (or `xoauth2`, `oauthbearer`) without an access token.
///
/// ## Why is this bad?
/// The server checks a token instead of a password: there is nothing to send.
///
/// ## Example
/// `{"host": "smtp.office365.com", "auth": "oauth2"}`
///
/// ## Fix
/// None: the customer signs in (the package's sign-in element) or the app's
/// backend supplies a fresh token.
fn token_missing(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let mut d = Diagnostic::new(Code::AuthTokenMissing);
    if let Some(p) = cx.provider.filter(|_| sign_in_with(cx).is_some()) {
        d = d.case("provider").param("provider", p.name);
    }
    out.push(d);
}

/// ## What it checks
/// An opaque token from one provider sent to the other: Google's `ya29.` to
/// Microsoft, a personal Microsoft account's `EwA…` to Gmail.
///
/// ## Why is this bad?
/// A provider accepts only its own tokens.
///
/// ## Example
/// `{"host": "smtp.office365.com", "auth": "oauth2", "accessToken": "ya29.…"}`
///
/// ## Fix
/// Sign in with the provider of the mailbox.
fn token_provider(cx: &Context<'_>, issuer: Option<&'static str>, out: &mut Vec<Diagnostic>) {
    let (Some(issuer), Some(wanted), Some(p)) = (issuer, sign_in_with(cx), cx.provider) else {
        return;
    };
    if issuer != wanted {
        let case = if wanted == "microsoft" {
            "google-for-microsoft"
        } else {
            "microsoft-for-google"
        };
        out.push(
            Diagnostic::new(Code::AuthTokenAudience)
                .case(case)
                .param("provider", p.name),
        );
    }
}

/// ## What it checks
/// A Microsoft token issued for another API (`aud` Microsoft Graph), or for
/// Exchange Online without the `SMTP.Send` permission.
///
/// ## Why is this bad?
/// The token works for Graph, and SMTP answers `535 5.7.3 Authentication
/// unsuccessful`.
///
/// ## Example
/// A token with `"aud": "https://graph.microsoft.com", "scp": "Mail.Send"`.
///
/// ## Fix
/// None: sign in again requesting `https://outlook.office.com/SMTP.Send`.
fn token_audience(cx: &Context<'_>, claims: &Claims, out: &mut Vec<Diagnostic>) {
    if sign_in_with(cx) == Some("google") {
        return;
    }
    let microsoft = sign_in_with(cx) == Some("microsoft");
    if claims.for_graph() {
        out.push(Diagnostic::new(Code::AuthTokenAudience).case("graph"));
    } else if microsoft && !claims.for_outlook() && !claims.audience.is_empty() {
        out.push(
            Diagnostic::new(Code::AuthTokenAudience)
                .case("other")
                .param("audience", claims.audience.join(", ")),
        );
    } else if claims.for_outlook() && !claims.may_send() {
        let scopes = if claims.scopes.is_empty() {
            "—".to_owned()
        } else {
            claims.scopes.join(" ")
        };
        out.push(Diagnostic::new(Code::AuthTokenScope).param("scopes", scopes));
    }
}

/// ## What it checks
/// The token's `exp`: passed, or within the two minutes a test takes.
/// Needs the time: without `now` (core has no clock) it is not checked.
///
/// ## Why is this bad?
/// An expired token is refused (`535 5.7.3`; Google's `334` with
/// `"status":"401"`).
///
/// ## Example
/// A token whose `exp` was an hour ago.
///
/// ## Fix
/// None: sign in again, or refresh the token in the app's backend.
fn token_expiry(cx: &Context<'_>, claims: &Claims, out: &mut Vec<Diagnostic>) {
    let (Some(now), Some(exp)) = (cx.now, claims.expires) else {
        return;
    };
    if exp <= now {
        out.push(
            Diagnostic::new(Code::AuthTokenExpired)
                .param("minutes", ((now - exp) / 60).max(1).to_string()),
        );
    } else if exp - now < TEST_SECONDS {
        out.push(
            Diagnostic::new(Code::AuthTokenExpiring).param("seconds", (exp - now).to_string()),
        );
    }
}

/// ## What it checks
/// The account the token was issued to (`upn`, `preferred_username`)
/// against the username.
///
/// ## Why is this bad?
/// XOAUTH2 and OAUTHBEARER send the username with the token; the server
/// refuses a mismatch.
///
/// ## Example
/// A token of `alice@contoso.com` with `"username": "bob@contoso.com"`.
///
/// ## Fix
/// Use the token's account as the username.
fn token_user(cx: &Context<'_>, claims: &Claims, out: &mut Vec<Diagnostic>) {
    let Some(token_user) = claims.user.as_deref().filter(|u| u.contains('@')) else {
        return;
    };
    // Without a username, `auth.username-missing` speaks.
    let Some(user) = cx.config.username() else {
        return;
    };
    if !user.trim().eq_ignore_ascii_case(token_user) {
        out.push(
            Diagnostic::new(Code::AuthTokenUser)
                .param("token-user", token_user)
                .param("username", user.trim())
                .fix(Fix::new("use-username").set(Field::Username, token_user)),
        );
    }
}

/// ## What it checks
/// A personal Microsoft account's token (`tid` of the consumer tenant) for
/// Microsoft 365, or a work account's for Outlook.com.
///
/// ## Why is this bad?
/// Each service takes only its own kind of account.
///
/// ## Example
/// `{"host": "smtp.office365.com"}` with a token of tenant
/// `9188040d-6c67-4c5b-b112-36a304b66dad`.
///
/// ## Fix
/// None: sign in with the right account, or use the other host.
fn token_tenant(cx: &Context<'_>, claims: &Claims, out: &mut Vec<Diagnostic>) {
    let (Some(p), Some(tenant)) = (cx.provider, claims.tenant.as_deref()) else {
        return;
    };
    let personal = tenant.eq_ignore_ascii_case(CONSUMER_TENANT);
    let case = match p.id {
        "microsoft365" if personal => "personal",
        "outlook" if !personal => "work",
        _ => return,
    };
    out.push(Diagnostic::new(Code::AuthTokenTenant).case(case));
}
