//! SMTP command injection, tried as an attacker would (issue: "one
//! unauthenticated request can make it deliver forged mail"): CR/LF in the
//! recipient, in a quoted display name, in a quoted local part of From, in
//! the login; a recipient that is not the sender. The victim is a logging
//! server that accepts anything, so a test sees exactly what reached the
//! wire. A property test then throws arbitrary field values at a real
//! session and checks that every value became at most one command.

mod common;

use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use proptest::prelude::*;
use serde_json::{Value, json};
use smtp_doctor_probe::engine::{ProbeRequest, RecipientPolicy};
use smtp_doctor_probe::http::{AppState, Settings, app};
use tower::ServiceExt;

use common::logging_peer::{self, Log};

const FORGED: &str = "victim@victim.test>\r\nDATA\r\nFrom: CEO <ceo@bank.example>\r\nSubject: wire the money\r\n\r\nPay now.\r\n.\r\nNOOP <x";

fn service() -> AppState {
    AppState::new(
        Settings {
            probes_per_minute: 1000,
            sends_per_hour: 1000,
            per_target: 100,
            ..Settings::default()
        },
        common::engine_with(|o| o.timeout = Duration::from_secs(3)),
    )
}

async fn post(state: &AppState, body: &Value) -> (StatusCode, String) {
    let req = Request::post("/v1/probe")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    let resp = app(state.clone()).oneshot(req).await.unwrap();
    let status = resp.status();
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

fn body(port: u16, from: &str, checks: &[&str], recipient: Option<&str>) -> Value {
    let mut b = json!({
        "config": { "host": "127.0.0.1", "port": port, "security": "none", "auth": "none", "from": from },
        "checks": checks,
    });
    if let Some(r) = recipient {
        b["recipient"] = json!(r);
    }
    b
}

/// Nothing of the attack reached the victim: no DATA, no foreign RCPT, no
/// forged header line, every line a command the probe meant to send.
fn assert_clean(log: &Log, case: &str) {
    let lines = log.lines();
    assert!(
        log.commands("DATA").is_empty(),
        "{case}: DATA reached the server: {lines:?}"
    );
    for l in &lines {
        assert!(
            !l.to_ascii_lowercase().contains("victim"),
            "{case}: {l:?} reached the server"
        );
        assert!(
            !l.starts_with("From: CEO"),
            "{case}: forged header: {lines:?}"
        );
    }
    assert!(log.commands("RCPT").len() <= 1, "{case}: {lines:?}");
}

#[tokio::test]
async fn crlf_in_the_recipient_is_refused_before_any_connection() {
    let (addr, log) = logging_peer::start(false).await;
    let s = service();
    for checks in [&["sender"][..], &["send"][..]] {
        let (status, text) = post(
            &s,
            &body(addr.port(), "me@example.com", checks, Some(FORGED)),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{checks:?}: {text}");
        assert!(text.contains("control character"), "{text}");
    }
    // The parsed address is the sender's own; the raw text holds the attack.
    let display = "\"x\r\nRCPT TO:<victim@victim.test>\r\nDATA\r\n\" <me@example.com>";
    let (status, _) = post(
        &s,
        &body(addr.port(), "me@example.com", &["send"], Some(display)),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(
        log.lines().is_empty(),
        "no connection at all: {:?}",
        log.lines()
    );
}

#[tokio::test]
async fn a_recipient_other_than_the_sender_is_forbidden_for_sender_too() {
    let (addr, log) = logging_peer::start(false).await;
    let s = service();
    for checks in [&["sender"][..], &["send"][..]] {
        let (status, text) = post(
            &s,
            &body(
                addr.port(),
                "me@example.com",
                checks,
                Some("victim@victim.test"),
            ),
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{checks:?}: {text}");
    }
    assert!(log.lines().is_empty());
}

#[tokio::test]
async fn crlf_in_a_quoted_local_part_of_from_never_reaches_mail_from() {
    let (addr, log) = logging_peer::start(false).await;
    let s = service();
    let from =
        "\"a\r\nRCPT TO:<victim@victim.test>\r\nDATA\r\nFrom: CEO <ceo@bank.example>\"@example.com";
    let (status, text) = post(&s, &body(addr.port(), from, &["send"], None)).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let report: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(report["ok"], false);
    assert_clean(&log, "quoted local part");
    assert!(log.commands("MAIL").is_empty(), "{:?}", log.lines());
}

#[tokio::test]
async fn crlf_in_the_login_is_refused_not_sent() {
    let (addr, log) = logging_peer::start(false).await;
    let s = service();
    let mut b = body(addr.port(), "me@example.com", &["send"], None);
    b["config"]["auth"] = json!("login");
    b["config"]["security"] = json!("none");
    b["config"]["username"] = json!("me\r\nRCPT TO:<victim@victim.test>\r\nDATA");
    b["config"]["password"] = json!("secret");
    let (status, text) = post(&s, &b).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    assert!(text.contains("auth.username-format"), "{text}");
    assert_clean(&log, "username");
    assert!(log.commands("AUTH").is_empty(), "{:?}", log.lines());
}

#[tokio::test]
async fn the_engine_refuses_the_attack_even_where_any_recipient_is_allowed() {
    // The CLI's policy: any recipient, but still one command per value.
    let (addr, log) = logging_peer::start(false).await;
    let engine = common::engine_with(|o| o.recipients = RecipientPolicy::Any);
    let mut req = common::request(addr, "none", json!({"auth": "none"}), &["send"]);
    req.recipient = Some(FORGED.to_owned());
    let report = common::probe(&engine, &req).await;
    assert!(
        common::has(&report, "policy.blocked-recipient"),
        "{:?}",
        common::codes(&report)
    );
    assert_clean(&log, "engine");
    // And an allowed domain works as configured.
    let engine = common::engine_with(|o| {
        o.recipients = RecipientPolicy::sender_only(&["Allowed.Example".into()]);
    });
    req.recipient = Some("ops@allowed.example".into());
    let report = common::probe(&engine, &req).await;
    assert!(
        common::has(&report, "send.ok"),
        "{:?}",
        common::codes(&report)
    );
    req.recipient = Some("ops@other.example".into());
    let report = common::probe(&engine, &req).await;
    assert!(common::has(&report, "policy.blocked-recipient"));
}

#[tokio::test]
async fn credentials_a_server_echoes_back_are_redacted_everywhere() {
    use base64::Engine as _;
    let (addr, _log) = logging_peer::start(true).await;
    let s = service();
    let password = "Echo-Me-S3cret";
    for auth in ["plain", "login", "xoauth2"] {
        let mut b = body(addr.port(), "me@example.com", &["auth"], None);
        b["config"]["auth"] = json!(auth);
        b["config"]["username"] = json!("me@example.com");
        b["config"]["password"] = json!(password);
        let (status, text) = post(&s, &b).await;
        assert_eq!(status, StatusCode::OK, "{text}");
        assert!(
            text.contains("auth.failed") || text.contains("\"auth\""),
            "{auth}: {text}"
        );
        let b64 = base64::engine::general_purpose::STANDARD;
        for form in [
            password.to_owned(),
            b64.encode(password),
            b64.encode(format!("\0me@example.com\0{password}")),
            b64.encode(format!(
                "user=me@example.com\x01auth=Bearer {password}\x01\x01"
            )),
        ] {
            assert!(!text.contains(&form), "{auth}: {form} in {text}");
        }
        assert!(text.contains("<redacted>"), "{auth}: {text}");
    }
}

/// Pieces an attacker splices into a field.
fn hostile() -> impl Strategy<Value = String> {
    let sep = prop_oneof![
        Just("\r\n"),
        Just("\n"),
        Just("\r"),
        Just("\0"),
        Just("\u{2028}"),
        Just("\u{85}"),
        Just("")
    ];
    let payload = prop_oneof![
        Just("DATA".to_owned()),
        Just("RCPT TO:<v@victim.test>".to_owned()),
        Just("MAIL FROM:<ceo@bank.example>".to_owned()),
        Just(".".to_owned()),
        "[ -~]{0,12}",
    ];
    let local = "[a-z]{1,6}";
    (local, sep, payload, 0..4u8, any::<String>()).prop_map(|(l, sep, p, shape, noise)| match shape
    {
        0 => format!("{l}@example.com{sep}{p}"),
        1 => format!("\"{l}{sep}{p}\"@example.com"),
        2 => format!("\"{l}{sep}{p}\" <{l}@example.com>"),
        _ => format!("{l}{noise}@example.com"),
    })
}

/// What a session is allowed to look like from the server's side.
fn one_command_per_value(lines: &[String]) -> Result<(), String> {
    let allowed = [
        "EHLO ",
        "HELO ",
        "MAIL FROM:<",
        "RCPT TO:<",
        "RSET",
        "QUIT",
        "AUTH ",
        "DATA",
    ];
    let mut in_data = false;
    for l in lines {
        if in_data {
            in_data = l != ".";
            continue;
        }
        if !allowed.iter().any(|a| l.starts_with(a)) && !l.is_empty() {
            // AUTH LOGIN continuation lines are base64.
            if !l
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
            {
                return Err(format!("unexpected line {l:?} in {lines:?}"));
            }
        }
        in_data = l == "DATA";
    }
    for verb in ["MAIL", "RCPT", "DATA"] {
        let n = lines.iter().filter(|l| l.starts_with(verb)).count();
        if n > 1 {
            return Err(format!("{n}× {verb}: {lines:?}"));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_field_values_put_one_command_each_on_the_wire(
        from in hostile(), rcpt in hostile(), user in hostile(), send in any::<bool>(),
    ) {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let result = rt.block_on(async {
            let (addr, log) = logging_peer::start(false).await;
            let engine = common::engine_with(|o| {
                o.recipients = RecipientPolicy::Any;
                o.timeout = Duration::from_secs(2);
            });
            let req = ProbeRequest {
                config: json!({
                    "host": "127.0.0.1", "port": addr.port(), "security": "none",
                    "auth": "login", "username": user, "password": "pw", "from": from,
                })
                .into(),
                checks: vec![if send {
                    smtp_doctor_probe::engine::Check::Send
                } else {
                    smtp_doctor_probe::engine::Check::Sender
                }],
                recipient: Some(rcpt),
                locale: "en",
            };
            common::probe(&engine, &req).await;
            log.lines()
        });
        prop_assert!(one_command_per_value(&result).is_ok(), "{:?}", one_command_per_value(&result));
    }
}
