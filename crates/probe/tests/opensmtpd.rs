//! A server whose TLS is broken on its side: Debian's OpenSMTPD 6.8, built
//! against OpenSSL 3, answers every handshake with the alert
//! `internal_error` (its privilege-separated signing fails). The probe must
//! say the server is misconfigured, whom to tell, and whether the other
//! mode works — here it does not; a scripted pair of peers (465 broken,
//! 587 working) shows the other answer, with its one-click fix.
//!
//! OpenSMTPD listens on the real ports 465 and 587, so the test runs in a
//! network namespace of its own (loopback only), as real root: the server
//! drops to its own system users. `cargo xtask test` unpacks the binary
//! and creates those users.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use common::{certs, codes, probe, request};
use serde_json::json;
use smtp_doctor_core::report::Report;
use smtp_doctor_core::{Field, Security};
use smtp_doctor_probe::engine::Engine;
use smtp_doctor_probe::policy::Policy;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const IN_NAMESPACE: &str = "SMTP_DOCTOR_OPENSMTPD_NETNS";

fn main() -> ExitCode {
    if let Some(outside) = common::netns::enter_as_root(IN_NAMESPACE) {
        return outside;
    }
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let mut failures = broken_server().await;
        failures.extend(other_mode_works().await);
        if failures.is_empty() {
            println!("opensmtpd: ok");
            ExitCode::SUCCESS
        } else {
            eprintln!("{}", failures.join("\n\n"));
            ExitCode::FAILURE
        }
    })
}

/// The probe may reach loopback on the submission ports.
fn engine() -> Engine {
    common::engine_with(|o| {
        o.policy = Policy::new(
            vec!["465".parse().unwrap(), "587".parse().unwrap()],
            vec!["127.0.0.0/8".parse().unwrap(), "::1".parse().unwrap()],
        );
    })
}

fn smtpd_binary() -> PathBuf {
    std::env::var_os("SMTP_DOCTOR_TEST_OPENSMTPD").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/opensmtpd/usr/sbin/smtpd"),
        PathBuf::from,
    )
}

struct Smtpd(Child);

impl Drop for Smtpd {
    /// SIGTERM lets the parent stop its privilege-separated children too;
    /// SIGKILL only if it has not gone within 5 s.
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Binds `port` on loopback, retrying for a few seconds while the last
/// server's processes let go of it.
async fn bind(port: u16) -> tokio::net::TcpListener {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match tokio::net::TcpListener::bind(("127.0.0.1", port)).await {
            Ok(l) => return l,
            Err(e) if Instant::now() > deadline => panic!("cannot bind port {port}: {e}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
}

fn wait_for(ports: &[u16]) -> bool {
    let deadline = Instant::now() + Duration::from_secs(20);
    ports.iter().all(|port| {
        loop {
            if std::net::TcpStream::connect(("127.0.0.1", *port)).is_ok() {
                break true;
            }
            if Instant::now() > deadline {
                break false;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    })
}

fn start_smtpd() -> Result<Smtpd, String> {
    let smtpd = smtpd_binary();
    if !smtpd.exists() {
        return Err(format!(
            "{} is missing: run `cargo xtask test`, which unpacks Debian's OpenSMTPD",
            smtpd.display()
        ));
    }
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("opensmtpd-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let d = dir.display();
    let write =
        |name: &str, text: &str| std::fs::write(dir.join(name), text).map_err(|e| e.to_string());
    write("cert.pem", &certs().good_pem.0)?;
    write("key.pem", &certs().good_pem.1)?;
    // OpenSMTPD refuses a key others can read.
    std::fs::set_permissions(
        dir.join("key.pem"),
        std::os::unix::fs::PermissionsExt::from_mode(0o600),
    )
    .map_err(|e| e.to_string())?;
    write(
        "smtpd.conf",
        &format!(
            "pki localhost cert \"{d}/cert.pem\"
pki localhost key \"{d}/key.pem\"
listen on 127.0.0.1 port 465 smtps pki localhost
listen on 127.0.0.1 port 587 tls pki localhost
action \"keep\" maildir \"{d}/mail\"
match from any for any action \"keep\"
"
        ),
    )?;
    let child = Command::new(&smtpd)
        .args(["-d", "-f", &format!("{d}/smtpd.conf")])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", smtpd.display()))?;
    let mut server = Smtpd(child);
    if !wait_for(&[465, 587]) {
        let _ = server.0.kill();
        let mut log = String::new();
        if let Some(mut err) = server.0.stderr.take() {
            let _ = std::io::Read::read_to_string(&mut err, &mut log);
        }
        return Err(format!(
            "OpenSMTPD did not listen on 465 and 587 (it needs root, its users opensmtpd/opensmtpq and /var/lib/opensmtpd/empty; `cargo xtask test` makes them):\n{log}"
        ));
    }
    Ok(server)
}

fn said(r: &Report) -> String {
    r.diagnostics
        .iter()
        .map(|d| format!("{}: {} | {}", d.code, d.message, d.help))
        .collect::<Vec<_>>()
        .join("\n")
}

async fn broken_server() -> Vec<String> {
    let server = match tokio::task::spawn_blocking(start_smtpd).await.unwrap() {
        Ok(s) => s,
        Err(e) => return vec![e],
    };
    let engine = engine();
    let mut failures = Vec::new();
    for (port, security, other) in [
        (465, "tls", "STARTTLS on port 587"),
        (587, "starttls", "TLS/SSL on port 465"),
    ] {
        let r = probe(
            &engine,
            &request(
                ([127, 0, 0, 1], port).into(),
                security,
                json!({}),
                &["connect"],
            ),
        )
        .await;
        let d = r
            .diagnostics
            .iter()
            .find(|d| d.code.as_str() == "tls.server-misconfigured");
        let ok = codes(&r) == ["tls.server-misconfigured"]
            && d.is_some_and(|d| {
                d.message.contains("internal_error")
                    && d.help.contains("administrator")
                    && d.help
                        .contains(&format!("{other} was tried too and does not work either"))
                    && d.fix.is_none()
            })
            && r.suggestion.is_none();
        if !ok {
            failures.push(format!(
                "OpenSMTPD {port}/{security}:\n{}\n{:#?}",
                said(&r),
                r.transcript
            ));
        }
    }
    tokio::task::spawn_blocking(move || drop(server))
        .await
        .unwrap();
    failures
}

/// 465 answers every ClientHello with `internal_error`; 587 upgrades with
/// STARTTLS and completes the handshake.
async fn other_mode_works() -> Vec<String> {
    let broken = bind(465).await;
    tokio::spawn(async move {
        while let Ok((mut tcp, _)) = broken.accept().await {
            let mut hello = [0u8; 512];
            let _ = tokio::time::timeout(Duration::from_secs(5), tcp.read(&mut hello)).await;
            // A fatal alert record: internal_error (80).
            let _ = tcp.write_all(&[21, 3, 3, 0, 2, 2, 80]).await;
        }
    });
    let working = bind(587).await;
    let acceptor = common::acceptor(&certs().good);
    tokio::spawn(async move {
        while let Ok((tcp, _)) = working.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                let mut tcp = tokio::io::BufReader::new(tcp);
                let mut line = String::new();
                let _ = tcp.get_mut().write_all(b"220 ok ESMTP\r\n").await;
                for answer in [&b"250-ok\r\n250 STARTTLS\r\n"[..], b"220 go ahead\r\n"] {
                    line.clear();
                    if tokio::io::AsyncBufReadExt::read_line(&mut tcp, &mut line)
                        .await
                        .is_err()
                    {
                        return;
                    }
                    let _ = tcp.get_mut().write_all(answer).await;
                }
                let _ = acceptor.accept(tcp.into_inner()).await;
            });
        }
    });
    let r = probe(
        &engine(),
        &request(([127, 0, 0, 1], 465).into(), "tls", json!({}), &["connect"]),
    )
    .await;
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "tls.server-misconfigured");
    let fix_ok = d.and_then(|d| d.fix.as_ref()).is_some_and(|f| {
        f.changes
            .get(&Field::Port)
            .is_some_and(|p| *p == json!(587))
            && f.changes
                .get(&Field::Security)
                .is_some_and(|s| *s == "starttls")
    });
    let ok = codes(&r) == ["tls.server-misconfigured"]
        && d.is_some_and(|d| d.help.contains("STARTTLS on port 587 works"))
        && fix_ok
        && r.suggestion
            .as_ref()
            .is_some_and(|s| s.port == Some(587) && s.security == Some(Security::Starttls));
    if ok {
        Vec::new()
    } else {
        vec![format!(
            "scripted 465 broken / 587 working:\n{}\n{:?}",
            said(&r),
            r.suggestion
        )]
    }
}
