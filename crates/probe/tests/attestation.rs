//! Attestations end to end: `serve --attestation-key` signs a real probe's
//! report — against Debian's Postfix with Cyrus SASL — and the
//! integrator's backend, in Rust and in Node with `smtp-doctor/server`
//! (web/smtp-doctor/server.js), accepts it for exactly the settings that
//! were tested and only when the checks it requires passed; a tampered,
//! failed or partial one is refused, and the password cannot be guessed
//! from it.

mod common;
#[path = "servers/postfix.rs"]
mod postfix_server;

use std::path::Path;
use std::process::Command;

use axum::body::Body;
use axum::http::{Request, header};
use http_body_util::BodyExt;
use postfix_server::{PASSWORD, Postfix, USER};
use serde_json::{Value, json};
use sha2::Digest as _;
use smtp_doctor_probe::attestation::{AttestationError, AttestationKey, Requirements, verify};
use smtp_doctor_probe::engine::Check;
use smtp_doctor_probe::http::{AppState, Settings, app, token};
use tower::ServiceExt;

const KEY: &str = "attestation-shared-secret";

/// Runs `body` in Node after `import { <names> } from "smtp-doctor/server"`
/// (web/smtp-doctor/server.js): what it printed.
fn node_server(names: &str, body: &str) -> String {
    let module = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../web/smtp-doctor/server.js");
    let script = format!(
        "import {{ {names} }} from {module:?};\n{body}",
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
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `verifyAttestation` in Node, on `token` and `settings` with `options`.
fn node_verify(token: &str, settings: &Value, options: &Value) -> Value {
    let out = node_server(
        "verifyAttestation",
        &format!(
            "const r = verifyAttestation({token:?}, {KEY:?}, {settings}, {options});\n\
             console.log(JSON.stringify({{ ok: r.ok, reason: r.reason ?? null, missing: r.missing ?? null }}));"
        ),
    );
    serde_json::from_str(&out).unwrap()
}

/// `/v1/probe` of `settings` with `checks`: the report.
async fn probed(state: &AppState, settings: &Value, checks: &[&str]) -> Value {
    let body = json!({"config": settings, "checks": checks}).to_string();
    let resp = app(state.clone())
        .oneshot(
            Request::post("/v1/probe")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body))
                .unwrap(),
        )
        .await
        .unwrap();
    serde_json::from_slice(&resp.into_body().collect().await.unwrap().to_bytes()).unwrap()
}

fn payload(attestation: &str) -> Value {
    let part = attestation.split('.').nth(1).unwrap();
    let bytes =
        base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, part).unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[allow(clippy::too_many_lines)] // one Postfix, every case in order
async fn an_attestation_proves_exactly_what_the_probe_proved() {
    let pf = tokio::task::spawn_blocking(Postfix::start)
        .await
        .unwrap()
        .unwrap_or_else(|e| panic!("{e}"));
    let state = AppState::new(
        Settings {
            attestation_key: Some(AttestationKey::new(KEY).unwrap()),
            ..Settings::default()
        },
        common::engine(),
    );
    let settings = json!({
        "host": "localhost", "port": pf.ports.submission, "security": "starttls",
        "username": USER, "password": PASSWORD, "from": USER
    });
    let none = json!({});
    let now = token::now();

    // Connected, encrypted, logged in: both verifiers accept it.
    let report = probed(&state, &settings, &["connect", "tls", "auth"]).await;
    assert_eq!(report["ok"], true, "{report:#}");
    let attestation = report["attestation"].as_str().expect("a signed report");
    assert_eq!(
        payload(attestation)["passed"],
        json!(["connect", "tls", "auth"])
    );
    let claims = verify(
        attestation,
        KEY.as_bytes(),
        &settings,
        &Requirements::new(now),
    );
    assert!(claims.is_ok(), "{claims:?}");
    assert_eq!(
        node_verify(attestation, &settings, &none),
        json!({"ok": true, "reason": null, "missing": null})
    );

    // The password is in the digest only under the key: neither the
    // password nor its plain SHA-256 appears, and with another password
    // the digest differs.
    let sha = base16(&sha2::Sha256::digest(PASSWORD));
    let text = format!("{report}{}", payload(attestation));
    assert!(!text.contains(PASSWORD) && !text.contains(&sha));
    let mut other = settings.clone();
    other["password"] = json!("another");
    assert_eq!(
        verify(attestation, KEY.as_bytes(), &other, &Requirements::new(now)),
        Err(AttestationError::OtherSettings)
    );
    assert_eq!(
        node_verify(attestation, &other, &none)["reason"],
        "other-settings"
    );

    // The attacks: a wrong password, and a probe that never tried it
    // (nothing asked, connect only, connect and TLS) reports `ok`; its
    // attestation must not let the settings be saved.
    let mut wrong = settings.clone();
    wrong["password"] = json!("not-the-password");
    for checks in [&[][..], &["connect"], &["connect", "tls"]] {
        let report = probed(&state, &wrong, checks).await;
        let attestation = report["attestation"].as_str().expect("a signed report");
        let e = verify(attestation, KEY.as_bytes(), &wrong, &Requirements::new(now));
        assert!(
            matches!(&e, Err(AttestationError::MissingChecks(m)) if m.contains(&Check::Auth)),
            "{checks:?}: ok {} → {e:?}",
            report["ok"]
        );
        let in_node = node_verify(attestation, &wrong, &none);
        assert_eq!(in_node["reason"], "missing-checks", "{checks:?}: {in_node}");
        assert!(
            in_node["missing"]
                .as_array()
                .unwrap()
                .contains(&json!("auth")),
            "{in_node}"
        );
    }
    // Trying it fails the probe: not-ok.
    let report = probed(&state, &wrong, &["connect", "tls", "auth"]).await;
    let attestation = report["attestation"].as_str().unwrap();
    assert_eq!(report["ok"], false);
    assert_eq!(
        verify(attestation, KEY.as_bytes(), &wrong, &Requirements::new(now)),
        Err(AttestationError::NotOk)
    );
    assert_eq!(node_verify(attestation, &wrong, &none)["reason"], "not-ok");

    // A backend that requires less (a relay without a login) says so.
    let report = probed(&state, &settings, &["connect", "tls"]).await;
    let attestation = report["attestation"].as_str().unwrap();
    let fewer = Requirements {
        checks: vec![Check::Connect, Check::Tls],
        ..Requirements::new(now)
    };
    assert!(verify(attestation, KEY.as_bytes(), &settings, &fewer).is_ok());
    assert_eq!(
        node_verify(
            attestation,
            &settings,
            &json!({"requiredChecks": ["connect", "tls"]})
        )["ok"],
        true
    );

    // A forged payload breaks the signature.
    let mut parts: Vec<&str> = attestation.split('.').collect();
    let forged = base64_url(
        &json!({"config": "00", "ok": true, "checks": [], "passed": ["connect", "tls", "auth"], "iat": now})
            .to_string(),
    );
    parts[1] = &forged;
    assert_eq!(
        node_verify(&parts.join("."), &settings, &none)["reason"],
        "signature"
    );
}

fn base16(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::new(), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

fn base64_url(text: &str) -> String {
    base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, text)
}

#[test]
fn rust_and_node_compute_one_digest_for_non_ascii_secrets() {
    let settings = json!({
        "host": "smtp.bücher.de", "port": "587", "password": "pässwörd",
        "accessToken": "ya29.ä", "extra": {"b": [1, null], "a": "z"}
    });
    let out = node_server(
        "configDigest",
        &format!("console.log(configDigest({settings}, {KEY:?}));"),
    );
    assert_eq!(
        out.trim(),
        smtp_doctor_probe::attestation::config_digest(&settings, KEY.as_bytes())
    );
}
