//! The engine against aiosmtpd (PyPI), a second SMTP implementation we did
//! not write: STARTTLS and implicit TLS, login, wrong password, sender not
//! owned, a sent message, both mode mismatches.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use common::{certs, codes, engine, has, loopback, probe, python, request};
use serde_json::json;
use smtp_doctor_core::report::Report;

const USER: &str = "me@example.com";
const PASSWORD: &str = "aio-s3cret";

struct Server {
    child: Child,
    starttls: u16,
    tls: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start() -> Server {
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("aiosmtpd-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("cert.pem"), &certs().good_pem.0).unwrap();
    std::fs::write(dir.join("key.pem"), &certs().good_pem.1).unwrap();
    let (starttls, tls) = (free_port(), free_port());
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/servers/aiosmtpd_server.py");
    let mut child = Command::new(python())
        .arg(script)
        .args([
            "--starttls-port",
            &starttls.to_string(),
            "--tls-port",
            &tls.to_string(),
        ])
        .args([
            "--cert",
            &dir.join("cert.pem").display().to_string(),
            "--key",
            &dir.join("key.pem").display().to_string(),
        ])
        .args(["--user", USER, "--password", PASSWORD])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!(
                "cannot start {}: {e}; run `cargo xtask test`, which installs aiosmtpd",
                python()
            )
        });
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert_eq!(
        line.trim(),
        "READY",
        "aiosmtpd did not start (is it installed for {}? `cargo xtask test` installs it)",
        python()
    );
    Server {
        child,
        starttls,
        tls,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn aiosmtpd_scenarios() {
    let server = tokio::task::spawn_blocking(start).await.unwrap();
    let engine = engine();
    let creds = |from: &str| json!({"username": USER, "password": PASSWORD, "from": from});
    let mut failures = Vec::new();
    let shared = common::scenarios::Server {
        starttls: loopback(server.starttls),
        tls: loopback(server.tls),
        user: USER,
        password: PASSWORD,
        not_owned: "boss@other.org",
    };
    let outcomes = common::scenarios::run(&engine, &shared, &mut failures).await;
    let mut check = |name: &str, ok: bool, r: &Report| {
        if !ok {
            failures.push(format!("{name}: {:?}\n{:#?}", codes(r), r.transcript));
        }
    };
    // aiosmtpd's own words: the queue id our handler answers with.
    let r = outcomes.get("implicit TLS, a message sent");
    check(
        "the relay's queue id is shown",
        r.diagnostics
            .iter()
            .any(|d| d.message.contains("AIO4242XYZ")),
        r,
    );

    // No AUTH before TLS on the STARTTLS port.
    let r = probe(
        &engine,
        &request(loopback(server.starttls), "none", creds(USER), &["auth"]),
    )
    .await;
    check("none: no AUTH before TLS", has(&r, "auth.not-offered"), &r);

    drop(server);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
