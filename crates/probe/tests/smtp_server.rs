//! The engine against Nodemailer's smtp-server (npm), a third SMTP
//! implementation we did not write, configured into the failures real
//! deployments produce: a server that speaks only TLS 1.1, one that wants
//! a client certificate, OAuth2-only and CRAM-MD5-only logins,
//! greylisting, a tiny SIZE, no SMTPUTF8, EHLO switched off.
#![allow(clippy::too_many_lines)] // one server, every scenario in order

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use common::{certs, codes, engine, has, loopback, probe, request};
use serde_json::{Value, json};
use smtp_doctor_core::report::Report;
use smtp_doctor_core::{Field, Severity};

const USER: &str = "me@example.com";
const PASSWORD: &str = "node-s3cret";

/// The node tools folder `cargo xtask test` installs (`tests/node`).
fn node_modules() -> PathBuf {
    std::env::var_os("SMTP_DOCTOR_TEST_NODE_MODULES").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/node/node_modules"),
        PathBuf::from,
    )
}

struct Server {
    child: Child,
    ports: Value,
}

impl Server {
    fn port(&self, scenario: &str) -> u16 {
        let port = self.ports[scenario].as_u64().expect("scenario's port");
        u16::try_from(port).unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start() -> Server {
    let modules = node_modules();
    assert!(
        modules.join("smtp-server").exists(),
        "smtp-server is not installed in {}: run `cargo xtask test` (npm ci in tests/node)",
        modules.display()
    );
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("smtp-server-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = |name: &str, text: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    };
    let config = json!({
        "cert": file("cert.pem", &certs().good_pem.0),
        "key": file("key.pem", &certs().good_pem.1),
        "ca": file("ca.pem", &certs().ca_pem),
        "user": USER,
        "password": PASSWORD,
    });
    let config = file("config.json", &config.to_string());
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/servers/smtp_server.cjs");
    let mut child = Command::new("node")
        .arg(script)
        .arg(config)
        .env("NODE_PATH", &modules)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start node: {e}; `cargo xtask test` checks for it"));
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let ports = serde_json::from_str(&line)
        .unwrap_or_else(|e| panic!("smtp-server did not start ({e}): {line:?}"));
    Server { child, ports }
}

fn creds(from: &str) -> Value {
    json!({"username": USER, "password": PASSWORD, "from": from})
}

fn diag<'r>(r: &'r Report, code: &str) -> &'r smtp_doctor_core::Diagnostic {
    r.diagnostics
        .iter()
        .find(|d| d.code.as_str() == code)
        .unwrap_or_else(|| panic!("no {code} in {:?}", codes(r)))
}

fn sent(r: &Report, verb: &str) -> bool {
    r.transcript
        .iter()
        .any(|l| l.starts_with(&format!("C: {verb}")))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smtp_server_failures() {
    let server = tokio::task::spawn_blocking(start).await.unwrap();
    let engine = engine();
    let mut failures = Vec::new();
    let mut check = |name: &str, ok: bool, r: &Report| {
        if !ok {
            let said: Vec<String> = r
                .steps
                .iter()
                .flat_map(|s| &s.diagnostics)
                .map(|d| format!("{}: {} | {}", d.code, d.message, d.help))
                .collect();
            failures.push(format!("{name}: {said:#?}\n{:#?}", r.transcript));
        }
    };
    let tls = |scenario: &str, extra: Value, checks: &[&str]| {
        request(loopback(server.port(scenario)), "tls", extra, checks)
    };

    // TLS 1.1 only: named, once, as the reason.
    let r = probe(&engine, &tls("old_tls", json!({}), &["connect"])).await;
    check(
        "old TLS",
        codes(&r) == ["tls.old-protocol"]
            && diag(&r, "tls.old-protocol").message.contains("TLS 1.1")
            && diag(&r, "tls.old-protocol").severity == Severity::Error
            && r.server
                .tls
                .as_ref()
                .is_some_and(|t| t.version == "TLSv1.1"),
        &r,
    );

    // Mutual TLS.
    // (smtp-server applies requestCert to STARTTLS only.)
    let r = probe(
        &engine,
        &request(
            loopback(server.port("client_cert")),
            "starttls",
            json!({}),
            &["connect"],
        ),
    )
    .await;
    check(
        "client certificate",
        codes(&r) == ["tls.client-cert-required"],
        &r,
    );

    // OAuth2 only: a password can never work; the fix is XOAUTH2.
    let r = probe(&engine, &tls("xoauth2_only", creds(USER), &["auth"])).await;
    let fix_is_oauth2 = r.diagnostics.iter().any(|d| {
        d.fix
            .as_ref()
            .and_then(|f| f.changes.get(&Field::Auth))
            .and_then(|v| v.as_str())
            == Some("oauth2")
    });
    check(
        "XOAUTH2 only",
        has(&r, "auth.mechanism-unsupported")
            && diag(&r, "auth.mechanism-unsupported")
                .message
                .contains("only OAuth2")
            && fix_is_oauth2
            && !sent(&r, "AUTH"),
        &r,
    );
    let mut token = creds(USER);
    token["auth"] = json!("xoauth2");
    let r = probe(&engine, &tls("xoauth2_only", token, &["auth"])).await;
    check(
        "XOAUTH2 with the token",
        codes(&r).is_empty() && sent(&r, "AUTH XOAUTH2 <redacted>"),
        &r,
    );

    // CRAM-MD5 only: the probe speaks it, right and wrong.
    let r = probe(&engine, &tls("cram_only", creds(USER), &["auth"])).await;
    check(
        "CRAM-MD5 only",
        codes(&r).is_empty() && sent(&r, "AUTH CRAM-MD5"),
        &r,
    );
    let mut wrong = creds(USER);
    wrong["password"] = json!("wrong");
    let r = probe(&engine, &tls("cram_only", wrong, &["auth"])).await;
    check("CRAM-MD5 wrong password", codes(&r) == ["auth.failed"], &r);

    // Greylisting at RCPT TO: a warning, the settings are fine.
    let r = probe(&engine, &tls("greylist", creds(USER), &["sender"])).await;
    check(
        "greylisting",
        codes(&r) == ["smtp.temporary-failure"]
            && r.ok
            && diag(&r, "smtp.temporary-failure")
                .message
                .contains("greylisting"),
        &r,
    );

    // SIZE 100: refused before any data goes out.
    let r = probe(&engine, &tls("small_size", creds(USER), &["send"])).await;
    check(
        "SIZE below the message",
        codes(&r) == ["send.too-large"] && !sent(&r, "DATA"),
        &r,
    );

    // A non-ASCII sender: refused by us where SMTPUTF8 is missing (no
    // MAIL FROM sent), announced with SMTPUTF8 where it is offered.
    let r = probe(
        &engine,
        &tls("no_smtputf8", creds("jörg@example.com"), &["sender"]),
    )
    .await;
    check(
        "no SMTPUTF8",
        codes(&r) == ["sender.smtputf8-required"] && !sent(&r, "MAIL FROM"),
        &r,
    );
    let r = probe(
        &engine,
        &tls("cram_only", creds("jörg@example.com"), &["sender"]),
    )
    .await;
    check(
        "SMTPUTF8 offered",
        codes(&r).is_empty()
            && r.transcript
                .iter()
                .any(|l| l == "C: MAIL FROM:<jörg@example.com> SMTPUTF8"),
        &r,
    );

    // EHLO switched off, HELO works: a warning, and what it costs.
    let r = probe(&engine, &tls("ehlo_refused", json!({}), &["connect"])).await;
    check(
        "EHLO refused, HELO accepted",
        codes(&r) == ["smtp.ehlo-rejected"]
            && diag(&r, "smtp.ehlo-rejected").severity == Severity::Warning
            && sent(&r, "HELO"),
        &r,
    );

    drop(server);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
