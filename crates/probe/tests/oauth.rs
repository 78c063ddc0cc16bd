//! OAuth2 logins against a real chain we did not write: tokens issued by
//! `oidc-provider`, checked by Dovecot (introspection at that provider),
//! offered by Postfix as XOAUTH2 and OAUTHBEARER. The provider, not us,
//! decides what expired, what was revoked and what lacks the scope.

mod common;
#[path = "servers/oauth.rs"]
mod oauth;
#[path = "servers/postfix.rs"]
mod postfix;

use base64::Engine as _;
use common::{codes, engine, has, loopback, probe, request};
use serde_json::json;
use smtp_doctor_core::Param;
use smtp_doctor_core::report::Report;

const USER: &str = postfix::USER;

/// The case of the first live finding with `code`.
fn case_of(report: &Report, code: &str) -> Option<String> {
    report
        .steps
        .iter()
        .flat_map(|s| &s.diagnostics)
        .find(|d| d.code.as_str() == code)
        .and_then(|d| match d.params.get("case") {
            Some(Param::Text(t)) => Some(t.clone()),
            _ => None,
        })
}

/// The chain, started off the runtime: the provider (also accepting
/// `redirect_uris` for the app's client), Dovecot asking it, Postfix
/// asking Dovecot.
async fn chain(
    redirect_uris: Vec<String>,
) -> (oauth::Provider, oauth::Dovecot, postfix::OAuthRelay) {
    tokio::task::spawn_blocking(move || {
        let provider = oauth::Provider::start_for(&redirect_uris).unwrap_or_else(|e| panic!("{e}"));
        let dovecot =
            oauth::Dovecot::start(&provider.introspection_url()).unwrap_or_else(|e| panic!("{e}"));
        let relay = postfix::OAuthRelay::start(dovecot.auth_port).unwrap_or_else(|e| panic!("{e}"));
        (provider, dovecot, relay)
    })
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[allow(clippy::too_many_lines)] // one chain of servers, every case in order
async fn access_tokens_against_postfix_dovecot_and_an_openid_provider() {
    let (provider, dovecot, relay) = chain(Vec::new()).await;
    let engine = engine();
    let mut failures: Vec<String> = Vec::new();
    let mut check = |name: &str, ok: bool, r: &Report| {
        if !ok {
            failures.push(format!(
                "{name}: live codes {:?}\n{:#?}",
                codes(r),
                r.transcript
            ));
        }
    };
    let login = |port: u16, config: serde_json::Value| {
        request(loopback(port), "starttls", config, &["auth"])
    };
    let token_of = |user: &str, scope: &str, ttl: u64| {
        let (provider, user, scope) = (&provider, user.to_owned(), scope.to_owned());
        tokio::task::block_in_place(|| provider.token(&user, &scope, ttl))
    };
    let leaks = |r: &Report, token: &str| serde_json::to_string(r).unwrap().contains(token);

    // The server offers both mechanisms; with only a token, `auto` signs
    // in with OAuth2 and picks XOAUTH2.
    let good = token_of(USER, oauth::SCOPE, 3600);
    let r = probe(
        &engine,
        &login(relay.oauth, json!({"username": USER, "accessToken": good})),
    )
    .await;
    check(
        "a good token, auto",
        r.ok && codes(&r).is_empty()
            && r.server.auth_mechanisms == ["XOAUTH2", "OAUTHBEARER"]
            && r.transcript
                .contains(&"C: AUTH XOAUTH2 <redacted>".to_owned())
            && !leaks(&r, &good),
        &r,
    );
    // The same token over RFC 7628's mechanism.
    let r = probe(
        &engine,
        &login(
            relay.oauth,
            json!({"username": USER, "accessToken": good, "auth": "oauthbearer"}),
        ),
    )
    .await;
    check(
        "a good token, OAUTHBEARER",
        r.ok && codes(&r).is_empty()
            && r.transcript
                .contains(&"C: AUTH OAUTHBEARER <redacted>".to_owned())
            && !leaks(&r, &good),
        &r,
    );

    // Expired: the provider says so at introspection; Dovecot's 334 error
    // is decoded and the exchange ended.
    let short = token_of(USER, oauth::SCOPE, 1);
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    for auth in ["xoauth2", "oauthbearer"] {
        let r = probe(
            &engine,
            &login(
                relay.oauth,
                json!({"username": USER, "accessToken": short, "auth": auth}),
            ),
        )
        .await;
        let ended = if auth == "xoauth2" {
            "C: <empty>"
        } else {
            "C: AQ=="
        };
        check(
            &format!("expired ({auth})"),
            !r.ok
                && has(&r, "auth.token-rejected")
                && case_of(&r, "auth.token-rejected").as_deref() == Some("invalid")
                && r.transcript.iter().any(|l| l == ended)
                && !leaks(&r, &short),
            &r,
        );
    }

    // Issued without the scope the server requires.
    let unscoped = token_of(USER, "openid offline_access", 3600);
    let r = probe(
        &engine,
        &login(
            relay.oauth,
            json!({"username": USER, "accessToken": unscoped}),
        ),
    )
    .await;
    check("missing scope", !r.ok && has(&r, "auth.token-rejected"), &r);

    // A token for another API (an audience that is not the submission
    // server's, as a Graph token's is), even with the scope SMTP needs:
    // the provider tells the submission server it is not active for it,
    // and the server refuses it.
    let other_api = tokio::task::block_in_place(|| {
        provider.token_for_api(USER, "https://graph.example.org", oauth::SCOPE)
    });
    let r = probe(
        &engine,
        &login(
            relay.oauth,
            json!({"username": USER, "accessToken": other_api}),
        ),
    )
    .await;
    check(
        "a token for another API",
        !r.ok && has(&r, "auth.token-rejected") && !leaks(&r, &other_api),
        &r,
    );

    // Someone else's token: the username does not match its subject.
    let r = probe(
        &engine,
        &login(
            relay.oauth,
            json!({"username": "other@example.com", "accessToken": good}),
        ),
    )
    .await;
    check(
        "another user's token",
        !r.ok && has(&r, "auth.token-rejected"),
        &r,
    );

    // Revoked at the provider (a signed-out customer, a removed app).
    let revoked = token_of(USER, oauth::SCOPE, 3600);
    tokio::task::block_in_place(|| provider.revoke(&revoked));
    let r = probe(
        &engine,
        &login(
            relay.oauth,
            json!({"username": USER, "accessToken": revoked}),
        ),
    )
    .await;
    check("revoked", !r.ok && has(&r, "auth.token-rejected"), &r);

    // A server whose logins are passwords only: named, and no secret sent.
    let r = probe(
        &engine,
        &login(
            relay.passwords,
            json!({"username": USER, "accessToken": good}),
        ),
    )
    .await;
    check(
        "password mechanisms only",
        !r.ok
            && case_of(&r, "auth.mechanism-unsupported").as_deref() == Some("password-only")
            && !r.transcript.iter().any(|l| l.starts_with("C: AUTH")),
        &r,
    );
    // And the password still works there.
    let r = probe(
        &engine,
        &login(
            relay.passwords,
            json!({"username": USER, "password": postfix::PASSWORD, "auth": "password"}),
        ),
    )
    .await;
    check("the password listener", r.ok && codes(&r).is_empty(), &r);

    // An ID token pasted where the access token belongs: named before any
    // network (a static finding), and the server refuses it too.
    let b64 = |v: serde_json::Value| {
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string())
    };
    let id_token = format!(
        "{}.{}.c2ln",
        b64(json!({"alg": "RS256", "typ": "JWT"})),
        b64(json!({"aud": "smtp-app", "nonce": "n-1", "sub": USER, "iss": "http://127.0.0.1"}))
    );
    let r = probe(
        &engine,
        &login(
            relay.oauth,
            json!({"username": USER, "accessToken": id_token}),
        ),
    )
    .await;
    check(
        "an ID token",
        r.diagnostics
            .iter()
            .any(|d| d.code.as_str() == "auth.token-kind")
            && has(&r, "auth.token-rejected")
            && !leaks(&r, &id_token),
        &r,
    );

    let logs = format!("{}\n{}", relay.log(), dovecot.log());
    drop((relay, dovecot, provider));
    assert!(
        failures.is_empty(),
        "{}\n\nlogs:\n{logs}",
        failures.join("\n\n")
    );
}

/// The customer's whole path in Chromium: "Sign in" at the provider's own
/// pages, the token into the form, "Test connection" through the service
/// to Postfix (Dovecot asks the provider about the token) passes, and Save
/// gets an attestation the backend's `smtp-doctor/server` accepts.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_then_test_then_save_in_chromium() {
    use smtp_doctor_probe::attestation::AttestationKey;
    use smtp_doctor_probe::http::{self, AppState, Settings};
    const KEY: &str = "sign-in-attestation-key";

    let app_port = common::free_port();
    let app = format!("http://127.0.0.1:{app_port}");
    let callback = format!("{app}/oauth/callback");
    let (provider, dovecot, relay) = chain(vec![callback]).await;
    // The service, as `serve --attestation-key … --cors-origin <app>` runs it.
    let state = AppState::new(
        Settings {
            attestation_key: Some(AttestationKey::new(KEY).unwrap()),
            cors_origins: vec![app.clone()],
            ..Settings::default()
        },
        engine(),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let service = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(http::serve(listener, state, std::future::pending()));

    let env = [
        ("SMTP_DOCTOR_ISSUER", provider.issuer()),
        ("SMTP_DOCTOR_APP_PORT", app_port.to_string()),
        ("SMTP_DOCTOR_SERVICE", service),
        ("SMTP_DOCTOR_SMTP_PORT", relay.oauth.to_string()),
        ("SMTP_DOCTOR_USER", USER.to_owned()),
        ("SMTP_DOCTOR_ATTESTATION_KEY", KEY.to_owned()),
    ];
    let run = tokio::task::spawn_blocking(move || {
        common::node_script(
            "sign_in_to_save.mjs",
            &env,
            std::time::Duration::from_mins(2),
        )
    })
    .await
    .unwrap();
    let logs = format!("{}\n{}", relay.log(), dovecot.log());
    drop((relay, dovecot, provider));
    let summary = format!("{run:#}\n\nlogs:\n{logs}");
    // The sign-in filled the form: the server from the backend, OAuth2, the address.
    assert_eq!(run["form"]["auth"], "oauth2", "{summary}");
    assert_eq!(run["form"]["username"], USER, "{summary}");
    assert_eq!(run["form"]["accessToken"], "<set>", "{summary}");
    // The test passed with the token, over XOAUTH2, and named nothing.
    assert_eq!(run["ok"], true, "{summary}");
    // (A loopback server on a high port is named as such, nothing else.)
    assert!(
        run["codes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c == "host.private" || c == "port.unusual"),
        "{summary}"
    );
    assert!(
        run["transcript"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l == "C: AUTH XOAUTH2 <redacted>"),
        "{summary}"
    );
    // Save: the attestation the backend verified, for the tested settings.
    assert_eq!(run["attested"], true, "{summary}");
    assert_eq!(run["saveEnabled"], true, "{summary}");
    assert_eq!(run["saved"], "Saved.", "{summary}");
    assert_eq!(run["savedSettings"][0]["auth"], "oauth2", "{summary}");
    assert_eq!(run["refused"], json!([]), "{summary}");
    assert_eq!(run["pageHasRefreshToken"], false, "{summary}");
    assert_eq!(run["problems"], json!([]), "{summary}");
    println!(
        "sign-in: \"Sign in\" to the token in the form {} ms, to a passed test {} ms",
        run["tokenMs"], run["passedMs"]
    );
}
