//! Attestations end to end: `serve --attestation-key` signs a real probe's
//! report, and the integrator's backend — in Rust, and in Node with
//! `smtp-doctor/server` (web/smtp-doctor/server.js) — accepts it for exactly the settings that
//! were tested and refuses a tampered one.

mod common;

use std::path::Path;
use std::process::Command;

use axum::body::Body;
use axum::http::{Request, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use smtp_doctor_probe::attestation::{AttestationError, AttestationKey, verify};
use smtp_doctor_probe::http::{AppState, Settings, app, token};
use tower::ServiceExt;

const KEY: &str = "attestation-shared-secret";

/// `verifyAttestation` in Node, on `token` and `settings`.
fn node_verify(token: &str, settings: &Value) -> Value {
    let module = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../web/smtp-doctor/server.js");
    let script = format!(
        "import {{ verifyAttestation }} from {module:?};\n\
         const r = verifyAttestation({token:?}, {KEY:?}, {settings});\n\
         console.log(JSON.stringify({{ ok: r.ok, reason: r.reason ?? null }}));",
        module = module.display().to_string(),
    );
    let out = Command::new("node")
        .args(["--input-type=module", "-e", &script])
        .output()
        .expect("node (installed by `cargo xtask test`)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_signed_report_verifies_for_its_settings_only() {
    // A real, working SMTP session (scripted peer), so `ok` is true.
    let peer = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = peer.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = peer.accept().await {
            tokio::spawn(async move {
                use tokio::io::{AsyncBufReadExt, AsyncWriteExt};
                let mut lines = tokio::io::BufReader::new(tcp);
                let _ = lines.get_mut().write_all(b"220 ok ESMTP\r\n").await;
                let mut line = String::new();
                while lines.read_line(&mut line).await.is_ok_and(|n| n > 0) {
                    let answer: &[u8] = if line.starts_with("EHLO") {
                        b"250 ok\r\n"
                    } else {
                        b"221 bye\r\n"
                    };
                    let _ = lines.get_mut().write_all(answer).await;
                    line.clear();
                }
            });
        }
    });
    let engine = common::engine();
    let state = AppState::new(
        Settings {
            attestation_key: Some(AttestationKey::new(KEY).unwrap()),
            ..Settings::default()
        },
        engine,
    );
    // A non-ASCII password: both sides hash its UTF-8 bytes.
    let settings = json!({
        "host": "localhost", "port": port, "security": "none",
        "username": "me@example.com", "password": "pässwörd", "auth": "none",
        "from": "me@example.com"
    });
    let body = json!({"config": settings, "checks": ["connect"]}).to_string();
    let resp = app(state)
        .oneshot(
            Request::post("/v1/probe")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body))
                .unwrap(),
        )
        .await
        .unwrap();
    let report: Value =
        serde_json::from_slice(&resp.into_body().collect().await.unwrap().to_bytes()).unwrap();
    let attestation = report["attestation"]
        .as_str()
        .expect("a signed report")
        .to_owned();
    assert!(!attestation.contains("pässwörd") && !report.to_string().contains("pässwörd"));

    // Rust.
    let now = token::now();
    let claims = verify(&attestation, KEY.as_bytes(), &settings, 600, now);
    assert_eq!(
        claims.map(|c| c.ok),
        Ok(report["ok"].as_bool().unwrap()),
        "{report:#}"
    );
    let mut other = settings.clone();
    other["password"] = json!("another");
    assert_eq!(
        verify(&attestation, KEY.as_bytes(), &other, 600, now),
        Err(AttestationError::OtherSettings)
    );

    // Node, the same answers.
    assert_eq!(
        node_verify(&attestation, &settings),
        json!({"ok": true, "reason": null})
    );
    assert_eq!(
        node_verify(&attestation, &other)["reason"],
        "other-settings"
    );
    let mut parts: Vec<&str> = attestation.split('.').collect();
    let forged_payload =
        base64_url(&json!({"config": "00", "ok": true, "checks": [], "iat": now}).to_string());
    parts[1] = &forged_payload;
    assert_eq!(
        node_verify(&parts.join("."), &settings)["reason"],
        "signature"
    );
}

fn base64_url(text: &str) -> String {
    base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, text)
}
