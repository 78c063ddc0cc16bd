//! Our own scripted SMTP peers, for what no real server does on demand:
//! silence, a 10 s greeting, 421/554, HTTP, endless or huge replies,
//! invalid UTF-8, resets, TLS alerts, refused STARTTLS, both mode
//! mismatches, bad certificates. Loopback only; every probe is bounded.

#![allow(clippy::format_collect, clippy::struct_excessive_bools)] // test scripts, built for clarity

mod common;

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use base64::Engine as _;
use common::{certs, codes, engine, engine_with, probe, request};
use serde_json::json;
use smtp_doctor_core::report::StepStatus;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::TlsAcceptor;

/// How a scripted server behaves.
#[derive(Clone, Default)]
struct Script {
    greeting_delay: Duration,
    greeting: Option<Vec<u8>>,
    /// Speak TLS from the first byte.
    implicit: Option<TlsAcceptor>,
    /// Advertise STARTTLS and upgrade with this acceptor.
    starttls: Option<TlsAcceptor>,
    /// Advertise STARTTLS but answer this instead of 220.
    starttls_refusal: Option<&'static str>,
    /// AUTH PLAIN mechanisms advertised (after TLS) and the accepted secret.
    auth: Option<(&'static str, &'static str)>,
    /// The AUTH line advertised instead of `PLAIN LOGIN XOAUTH2`.
    mechanisms: Option<&'static str>,
    /// Reset the connection when EHLO arrives.
    reset_on_ehlo: bool,
    /// Answer EHLO with endless `250-` lines.
    endless_ehlo: bool,
    /// Send these raw bytes on connect and then go quiet.
    raw_banner: Option<Vec<u8>>,
    /// Never say anything.
    silent: bool,
    /// Send a never-ending greeting one byte at a time.
    drip: bool,
}

struct Peer {
    addr: SocketAddr,
    connections: Arc<AtomicUsize>,
}

async fn spawn(script: Script) -> Peer {
    spawn_at(TcpListener::bind("127.0.0.1:0").await.unwrap(), script)
}

/// A free loopback port that usually means implicit TLS: one ending in
/// 465 (10465, 11465, …).
async fn tls_like_listener() -> TcpListener {
    for thousands in 10..65 {
        if let Ok(l) = TcpListener::bind(("127.0.0.1", thousands * 1000 + 465)).await {
            return l;
        }
    }
    panic!("no free loopback port ending in 465");
}

fn spawn_at(listener: TcpListener, script: Script) -> Peer {
    let addr = listener.local_addr().unwrap();
    let connections = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&connections);
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            count.fetch_add(1, Ordering::SeqCst);
            let script = script.clone();
            tokio::spawn(async move {
                let _ = tokio::time::timeout(Duration::from_secs(30), serve(tcp, script)).await;
            });
        }
    });
    Peer { addr, connections }
}

async fn serve(tcp: TcpStream, script: Script) {
    if script.silent {
        tokio::time::sleep(Duration::from_secs(30)).await;
        return;
    }
    if script.drip {
        let mut tcp = tcp;
        let _ = tcp.write_all(b"220 ").await;
        loop {
            tokio::time::sleep(Duration::from_millis(50)).await;
            if tcp.write_all(b"x").await.is_err() {
                return;
            }
        }
    }
    if let Some(banner) = &script.raw_banner {
        let mut tcp = tcp;
        let _ = tcp.write_all(banner).await;
        tokio::time::sleep(Duration::from_secs(30)).await;
        return;
    }
    if let Some(acceptor) = &script.implicit {
        if let Ok(tls) = acceptor.accept(tcp).await {
            session(Box::new(tls), &script, true, true).await;
        }
        return;
    }
    session(Box::new(tcp), &script, false, true).await;
}

/// A session's byte stream, plain or TLS (boxed, so STARTTLS can recurse).
trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

#[allow(clippy::too_many_lines)] // one scripted server, command by command
async fn session(stream: Box<dyn Io>, script: &Script, tls: bool, greet: bool) {
    let mut io = BufReader::new(stream);
    if greet {
        tokio::time::sleep(script.greeting_delay).await;
        let greeting = script
            .greeting
            .clone()
            .unwrap_or_else(|| b"220 peer.test ESMTP scripted\r\n".to_vec());
        if io.get_mut().write_all(&greeting).await.is_err() || !greeting.starts_with(b"220") {
            tokio::time::sleep(Duration::from_millis(200)).await;
            return;
        }
    }
    let mut line = String::new();
    loop {
        line.clear();
        if io.read_line(&mut line).await.unwrap_or(0) == 0 {
            return;
        }
        let cmd = line.trim_end().to_owned();
        let upper = cmd.to_ascii_uppercase();
        let out: Vec<u8> = if upper.starts_with("EHLO") {
            if script.reset_on_ehlo {
                return; // dropping the stream closes it mid-session
            }
            if script.endless_ehlo {
                loop {
                    if io
                        .get_mut()
                        .write_all(b"250-PADDING PADDING PADDING\r\n")
                        .await
                        .is_err()
                    {
                        return;
                    }
                }
            }
            let mut lines = vec![
                "peer.test".to_owned(),
                "PIPELINING".into(),
                "8BITMIME".into(),
            ];
            if !tls && (script.starttls.is_some() || script.starttls_refusal.is_some()) {
                lines.push("STARTTLS".into());
            }
            if tls && script.auth.is_some() {
                let offered = script.mechanisms.unwrap_or("PLAIN LOGIN XOAUTH2");
                lines.push(format!("AUTH {offered}"));
            }
            let n = lines.len();
            lines
                .iter()
                .enumerate()
                .map(|(i, l)| format!("250{}{l}\r\n", if i + 1 == n { ' ' } else { '-' }))
                .collect::<String>()
                .into_bytes()
        } else if upper == "STARTTLS" {
            if let Some(refusal) = script.starttls_refusal {
                format!("{refusal}\r\n").into_bytes()
            } else if let Some(acceptor) = &script.starttls {
                let _ = io
                    .get_mut()
                    .write_all(b"220 2.0.0 Ready to start TLS\r\n")
                    .await;
                let inner = io.into_inner();
                let Ok(tls_stream) = acceptor.accept(inner).await else {
                    return;
                };
                // The client speaks first after STARTTLS: no second greeting.
                return Box::pin(session(Box::new(tls_stream), script, true, false)).await;
            } else {
                b"502 5.5.1 not implemented\r\n".to_vec()
            }
        } else if let Some(rest) = line.trim_end().strip_prefix("AUTH XOAUTH2 ") {
            let (user, token) = script.auth.unwrap_or(("", ""));
            let want = base64::engine::general_purpose::STANDARD
                .encode(format!("user={user}\x01auth=Bearer {token}\x01\x01"));
            if rest == want {
                b"235 2.7.0 Accepted\r\n".to_vec()
            } else {
                // Google's way: an error as a 334 challenge, then 535 after the empty answer.
                let _ = io
                    .get_mut()
                    .write_all(b"334 eyJzdGF0dXMiOiI0MDAifQ==\r\n")
                    .await;
                let mut empty = String::new();
                let _ = io.read_line(&mut empty).await;
                b"535 5.7.8 Username and Password not accepted.\r\n".to_vec()
            }
        } else if let Some(rest) = line.trim_end().strip_prefix("AUTH OAUTHBEARER ") {
            // RFC 7628: the GS2 header, then the bearer token.
            let (user, token) = script.auth.unwrap_or(("", ""));
            let want = base64::engine::general_purpose::STANDARD
                .encode(format!("n,a={user},\x01auth=Bearer {token}\x01\x01"));
            if rest == want {
                b"235 2.7.0 Accepted\r\n".to_vec()
            } else {
                // The error as a 334 challenge; the client must answer %x01.
                let error = base64::engine::general_purpose::STANDARD.encode(
                    r#"{"status":"invalid_token","schemes":"bearer","scope":"https://mail.peer.test/"}"#,
                );
                let _ = io
                    .get_mut()
                    .write_all(format!("334 {error}\r\n").as_bytes())
                    .await;
                let mut end = String::new();
                let _ = io.read_line(&mut end).await;
                if end.trim_end() == "AQ==" {
                    b"535 5.7.8 Authentication failed\r\n".to_vec()
                } else {
                    b"501 5.5.2 the exchange must end with %x01\r\n".to_vec()
                }
            }
        } else if upper == "AUTH LOGIN" {
            // RFC 4954 LOGIN: two base64 prompts, two base64 answers.
            let mut answers = Vec::new();
            for prompt in ["334 VXNlcm5hbWU6\r\n", "334 UGFzc3dvcmQ6\r\n"] {
                let mut a = String::new();
                if io.get_mut().write_all(prompt.as_bytes()).await.is_err()
                    || io.read_line(&mut a).await.unwrap_or(0) == 0
                {
                    return;
                }
                answers.push(a.trim_end().to_owned());
            }
            let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
            let (user, pass) = script.auth.unwrap_or(("", ""));
            if answers == [b64(user), b64(pass)] {
                b"235 2.7.0 Authentication successful\r\n".to_vec()
            } else {
                b"535 5.7.8 Error: authentication failed\r\n".to_vec()
            }
        } else if upper.starts_with("AUTH PLAIN ") {
            let (user, pass) = script.auth.unwrap_or(("", ""));
            let want = base64_plain(user, pass);
            if cmd[11..] == want {
                b"235 2.7.0 Authentication successful\r\n".to_vec()
            } else {
                b"535 5.7.8 Error: authentication failed\r\n".to_vec()
            }
        } else if upper.starts_with("MAIL FROM") || upper.starts_with("RCPT TO") || upper == "RSET"
        {
            b"250 2.1.0 Ok\r\n".to_vec()
        } else if upper == "QUIT" {
            let _ = io.get_mut().write_all(b"221 2.0.0 Bye\r\n").await;
            return;
        } else {
            b"500 5.5.2 unknown\r\n".to_vec()
        };
        if io.get_mut().write_all(&out).await.is_err() {
            return;
        }
    }
}

fn base64_plain(user: &str, pass: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(format!("\0{user}\0{pass}"))
}

fn live(report: &smtp_doctor_core::report::Report) -> Vec<&smtp_doctor_core::Diagnostic> {
    report.steps.iter().flat_map(|s| &s.diagnostics).collect()
}

fn step_status(report: &smtp_doctor_core::report::Report, kind: &str) -> Option<StepStatus> {
    report
        .steps
        .iter()
        .find(|s| serde_json::to_value(s.step).unwrap() == kind)
        .map(|s| s.status)
}

#[tokio::test]
async fn silence_on_a_port_that_usually_means_tls_is_asked_in_tls_at_once() {
    // A mismatch window longer than the step's timeout: on other ports the
    // probe never tries TLS; on a port ending in 465 it does after 250 ms.
    let engine = engine_with(|o| {
        o.mismatch_window = Duration::from_secs(30);
        o.timeout = Duration::from_secs(2);
    });
    let implicit = Script {
        implicit: Some(common::acceptor(&certs().good)),
        ..Script::default()
    };
    let usual = spawn_at(tls_like_listener().await, implicit.clone());
    let report = probe(
        &engine,
        &request(usual.addr, "starttls", json!({}), &["connect"]),
    )
    .await;
    assert!(
        codes(&report).contains(&"tls.expected-implicit".to_owned()),
        "{:?}",
        codes(&report)
    );
    assert_eq!(
        report.suggestion.as_ref().and_then(|s| s.security),
        Some(smtp_doctor_core::Security::Tls)
    );
    let elsewhere = spawn(implicit).await;
    let report = probe(
        &engine,
        &request(elsewhere.addr, "starttls", json!({}), &["connect"]),
    )
    .await;
    assert!(
        codes(&report).contains(&"smtp.no-greeting".to_owned()),
        "{:?}",
        codes(&report)
    );
    assert_eq!(elsewhere.connections.load(Ordering::SeqCst), 1);
    // A server on such a port that greets within the window: one connection.
    let prompt = spawn_at(
        tls_like_listener().await,
        Script {
            greeting_delay: Duration::from_millis(20),
            ..Script::default()
        },
    );
    let _ = probe(
        &engine,
        &request(prompt.addr, "none", json!({}), &["connect"]),
    )
    .await;
    assert_eq!(
        prompt.connections.load(Ordering::SeqCst),
        1,
        "no TLS try beside a server that answers"
    );
}

#[tokio::test]
async fn starttls_with_auth_succeeds_and_redacts_the_password() {
    let peer = spawn(Script {
        starttls: Some(common::acceptor(&certs().good)),
        auth: Some(("me@example.com", "s3cret-pässword")),
        ..Script::default()
    })
    .await;
    let req = request(
        peer.addr,
        "starttls",
        json!({"username": "me@example.com", "password": "s3cret-pässword"}),
        &["connect", "tls", "auth"],
    );
    let report = probe(&engine(), &req).await;
    assert!(report.ok, "{report:#?}");
    for kind in ["dns", "connect", "greeting", "ehlo", "tls", "auth"] {
        assert_eq!(step_status(&report, kind), Some(StepStatus::Pass), "{kind}");
    }
    let tls = report.server.tls.as_ref().unwrap();
    assert!(tls.version.starts_with("TLSv1."), "{}", tls.version);
    let cert = tls.certificate.as_ref().unwrap();
    assert!(cert.trusted && cert.names.contains(&"localhost".to_owned()));
    assert_eq!(report.server.auth_mechanisms, ["PLAIN", "LOGIN", "XOAUTH2"]);
    assert!(
        report
            .server
            .extensions_before_tls
            .iter()
            .any(|e| e == "STARTTLS")
    );
    assert!(
        report
            .transcript
            .contains(&"C: AUTH PLAIN <redacted>".to_owned()),
        "{:#?}",
        report.transcript
    );
    let json = serde_json::to_string(&report).unwrap();
    assert!(!json.contains("s3cret"), "password leaked");
    assert!(
        !json.contains(&base64_plain("me@example.com", "s3cret-pässword")),
        "encoded password leaked"
    );
}

#[tokio::test]
async fn wrong_password_is_auth_failed_with_the_reply() {
    let peer = spawn(Script {
        implicit: Some(common::acceptor(&certs().good)),
        auth: Some(("me@example.com", "right")),
        ..Script::default()
    })
    .await;
    let req = request(
        peer.addr,
        "tls",
        json!({"username": "me@example.com", "password": "wrong"}),
        &["auth"],
    );
    let report = probe(&engine(), &req).await;
    assert!(!report.ok);
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "auth.failed")
        .expect("auth.failed");
    assert!(d.reply.as_deref().unwrap().contains("535 5.7.8"));
}

#[tokio::test]
async fn credentials_without_auth_offered_are_never_a_silent_pass() {
    let peer = spawn(Script {
        starttls: Some(common::acceptor(&certs().good)),
        ..Script::default()
    })
    .await;
    let req = request(
        peer.addr,
        "starttls",
        json!({"username": "me@example.com", "password": "pw"}),
        &["auth"],
    );
    let report = probe(&engine(), &req).await;
    assert!(!report.ok);
    assert!(
        codes(&report).contains(&"auth.not-offered".to_owned()),
        "{:?}",
        codes(&report)
    );
}

#[tokio::test]
async fn implicit_tls_port_probed_with_starttls_is_detected_and_verified() {
    let peer = spawn(Script {
        implicit: Some(common::acceptor(&certs().good)),
        ..Script::default()
    })
    .await;
    let report = probe(
        &engine_with(|o| o.timeout = Duration::from_secs(10)),
        &request(peer.addr, "starttls", json!({}), &["connect"]),
    )
    .await;
    assert!(
        codes(&report).contains(&"tls.expected-implicit".to_owned()),
        "{:?}",
        codes(&report)
    );
    let s = report.suggestion.as_ref().expect("verified suggestion");
    assert_eq!(s.security, Some(smtp_doctor_core::Security::Tls));
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "tls.expected-implicit")
        .unwrap();
    assert_eq!(
        d.fix.as_ref().unwrap().changes[&smtp_doctor_core::Field::Security],
        json!("tls")
    );
    // Found by the parallel handshake, not by waiting out the 10 s timeout.
    let greeting = report
        .steps
        .iter()
        .find(|s| serde_json::to_value(s.step).unwrap() == "greeting")
        .unwrap();
    assert!(greeting.duration_ms < 10_000, "{}", greeting.duration_ms);
}

#[tokio::test]
async fn plain_port_probed_with_tls_is_detected_and_starttls_verified() {
    let peer = spawn(Script {
        starttls: Some(common::acceptor(&certs().good)),
        ..Script::default()
    })
    .await;
    let report = probe(
        &engine(),
        &request(peer.addr, "tls", json!({}), &["connect"]),
    )
    .await;
    assert!(
        codes(&report).contains(&"tls.expected-starttls".to_owned()),
        "{:?}",
        codes(&report)
    );
    assert_eq!(
        report.suggestion.as_ref().and_then(|s| s.security),
        Some(smtp_doctor_core::Security::Starttls)
    );
    assert!(
        peer.connections.load(Ordering::SeqCst) >= 2,
        "the suggestion was verified on a second connection"
    );
}

#[tokio::test]
async fn a_greeting_after_ten_seconds_is_slow_not_a_mismatch() {
    let peer = spawn(Script {
        greeting_delay: Duration::from_secs(10),
        ..Script::default()
    })
    .await;
    let engine = engine_with(|o| {
        o.timeout = Duration::from_secs(15);
        o.deadline = Duration::from_secs(30);
    });
    let report = probe(
        &engine,
        &request(peer.addr, "none", json!({}), &["connect"]),
    )
    .await;
    let c = codes(&report);
    assert!(c.contains(&"smtp.slow-greeting".to_owned()), "{c:?}");
    assert!(!c.iter().any(|c| c.starts_with("tls.expected")), "{c:?}");
    assert_eq!(step_status(&report, "greeting"), Some(StepStatus::Warn));
}

#[tokio::test]
async fn silence_is_no_greeting() {
    let peer = spawn(Script {
        silent: true,
        ..Script::default()
    })
    .await;
    let report = probe(
        &engine_with(|o| o.timeout = Duration::from_secs(3)),
        &request(peer.addr, "starttls", json!({}), &["connect"]),
    )
    .await;
    assert_eq!(codes(&report), ["smtp.no-greeting"]);
    // TLS was tried on a second connection and got nothing either: the
    // help must not send the customer to TLS/SSL (SPEC §7.1).
    let d = &report.diagnostics[report.diagnostics.len() - 1];
    assert!(
        d.message.contains("does not answer TLS either"),
        "{}",
        d.message
    );
    assert!(!d.help.contains("choose TLS/SSL"), "{}", d.help);
    assert!(
        d.help.contains("The security setting is not the cause"),
        "{}",
        d.help
    );
    assert!(report.suggestion.is_none());
}

#[tokio::test]
async fn busy_and_rejecting_greetings() {
    for (greeting, code) in [
        ("421 4.7.0 Try again later\r\n", "smtp.busy"),
        (
            "554 5.7.1 No SMTP service here\r\n",
            "smtp.greeting-rejected",
        ),
    ] {
        let peer = spawn(Script {
            greeting: Some(greeting.as_bytes().to_vec()),
            ..Script::default()
        })
        .await;
        let report = probe(
            &engine(),
            &request(peer.addr, "starttls", json!({}), &["connect"]),
        )
        .await;
        assert_eq!(codes(&report), [code], "{greeting}");
        let d = report
            .steps
            .iter()
            .flat_map(|s| &s.diagnostics)
            .next()
            .unwrap();
        assert!(d.reply.as_deref().unwrap().starts_with(&greeting[..3]));
    }
}

#[tokio::test]
async fn other_protocols_are_named() {
    // A server that greets like IMAP, and one that only answers (like HTTP).
    let imap = spawn(Script {
        raw_banner: Some(b"* OK [CAPABILITY IMAP4rev1] ready\r\n".to_vec()),
        ..Script::default()
    })
    .await;
    let report = probe(
        &engine(),
        &request(imap.addr, "starttls", json!({}), &["connect"]),
    )
    .await;
    assert_eq!(codes(&report), ["smtp.not-smtp"]);
    assert!(live(&report)[0].message.contains("IMAP"));

    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut tcp, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 1024];
                if tokio::io::AsyncReadExt::read(&mut tcp, &mut buf)
                    .await
                    .unwrap_or(0)
                    > 0
                {
                    let _ = tcp
                        .write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
                        .await;
                }
                tokio::time::sleep(Duration::from_secs(10)).await;
            });
        }
    });
    let report = probe(
        &engine_with(|o| o.timeout = Duration::from_secs(6)),
        &request(addr, "starttls", json!({}), &["connect"]),
    )
    .await;
    assert_eq!(codes(&report), ["smtp.not-smtp"]);
    assert!(
        live(&report)[0].message.contains("HTTP"),
        "{}",
        live(&report)[0].message
    );
}

#[tokio::test]
async fn hostile_replies_end_in_a_diagnostic() {
    let endless = spawn(Script {
        endless_ehlo: true,
        ..Script::default()
    })
    .await;
    let report = probe(
        &engine(),
        &request(endless.addr, "none", json!({}), &["connect"]),
    )
    .await;
    assert_eq!(codes(&report), ["smtp.protocol-error"]);

    let mut huge = b"220 ".to_vec();
    huge.extend(std::iter::repeat_n(b'x', 1 << 20));
    let big = spawn(Script {
        raw_banner: Some(huge),
        ..Script::default()
    })
    .await;
    let report = probe(
        &engine(),
        &request(big.addr, "none", json!({}), &["connect"]),
    )
    .await;
    assert!(
        codes(&report).contains(&"smtp.protocol-error".to_owned()),
        "{:?}",
        codes(&report)
    );

    let reset = spawn(Script {
        reset_on_ehlo: true,
        ..Script::default()
    })
    .await;
    let report = probe(
        &engine(),
        &request(reset.addr, "none", json!({}), &["connect"]),
    )
    .await;
    assert!(
        codes(&report).contains(&"smtp.closed".to_owned()),
        "{:?}",
        codes(&report)
    );
    assert_eq!(step_status(&report, "ehlo"), Some(StepStatus::Fail));
}

#[tokio::test]
async fn invalid_utf8_is_replaced_not_trusted() {
    let peer = spawn(Script {
        greeting: Some(b"220 peer.test \xff\xfe\xfd ESMTP\r\n".to_vec()),
        ..Script::default()
    })
    .await;
    let report = probe(
        &engine(),
        &request(peer.addr, "none", json!({}), &["connect"]),
    )
    .await;
    assert_eq!(step_status(&report, "greeting"), Some(StepStatus::Pass));
    assert!(
        report
            .server
            .greeting
            .as_deref()
            .unwrap()
            .contains('\u{fffd}')
    );
}

#[tokio::test]
async fn tls_alerts_are_named() {
    // A fatal handshake_failure alert, and protocol_version (an old server).
    for (alert, code) in [(0x28u8, "tls.handshake-failed"), (0x46, "tls.old-protocol")] {
        let peer = spawn(Script {
            raw_banner: Some(vec![0x15, 0x03, 0x01, 0x00, 0x02, 0x02, alert]),
            ..Script::default()
        })
        .await;
        let report = probe(
            &engine(),
            &request(peer.addr, "tls", json!({}), &["connect"]),
        )
        .await;
        assert!(
            codes(&report).contains(&code.to_owned()),
            "{alert:#x}: {:?}",
            codes(&report)
        );
    }
}

#[tokio::test]
async fn starttls_advertised_but_refused() {
    let peer = spawn(Script {
        starttls_refusal: Some("454 4.7.0 TLS not available due to local problem"),
        ..Script::default()
    })
    .await;
    let report = probe(
        &engine(),
        &request(peer.addr, "starttls", json!({}), &["connect"]),
    )
    .await;
    // Postfix's answer when its certificate cannot be loaded: the server's
    // TLS is broken on its side (the real Postfix case is in postfix.rs).
    assert_eq!(codes(&report), ["tls.server-misconfigured"]);
    assert!(
        live(&report)[0]
            .reply
            .as_deref()
            .unwrap()
            .starts_with("454")
    );
    // Any other refusal is just "no STARTTLS here".
    let peer = spawn(Script {
        starttls_refusal: Some("502 5.5.1 STARTTLS not available to you"),
        ..Script::default()
    })
    .await;
    let report = probe(
        &engine(),
        &request(peer.addr, "starttls", json!({}), &["connect"]),
    )
    .await;
    assert_eq!(codes(&report), ["tls.starttls-unavailable"]);
}

#[tokio::test]
async fn certificate_problems_are_inspected_and_named() {
    let c = certs();
    for (pair, code) in [
        (&c.expired, "tls.cert-expired"),
        (&c.wrong_name, "tls.cert-name-mismatch"),
        (&c.self_signed, "tls.cert-untrusted"),
    ] {
        let peer = spawn(Script {
            implicit: Some(common::acceptor(pair)),
            ..Script::default()
        })
        .await;
        let report = probe(
            &engine(),
            &request(
                peer.addr,
                "tls",
                json!({"username": "u@example.com", "password": "never-sent"}),
                &["auth"],
            ),
        )
        .await;
        assert!(
            codes(&report).contains(&code.to_owned()),
            "{code}: {:?}",
            codes(&report)
        );
        let cert = report
            .server
            .tls
            .as_ref()
            .and_then(|t| t.certificate.as_ref())
            .expect("certificate described");
        assert!(!cert.trusted);
        assert!(
            !report.transcript.iter().any(|l| l.contains("AUTH")),
            "no credentials after a bad certificate"
        );
        if code == "tls.cert-name-mismatch" {
            let d = report
                .diagnostics
                .iter()
                .find(|d| d.code.as_str() == code)
                .unwrap();
            assert_eq!(cert.names, ["mail.example.test"]);
            assert_eq!(
                d.fix.as_ref().unwrap().changes[&smtp_doctor_core::Field::Host],
                json!("mail.example.test")
            );
        }
        if code == "tls.cert-expired" {
            assert!(
                report
                    .diagnostics
                    .iter()
                    .any(|d| d.message.contains(&cert.not_after))
            );
        }
    }
}

#[tokio::test]
async fn policy_refuses_before_connecting() {
    let peer = spawn(Script::default()).await;
    let strict = engine_with(|o| {
        o.policy =
            smtp_doctor_probe::policy::Policy::new(vec!["1024-65535".parse().unwrap()], vec![]);
    });
    let report = probe(
        &strict,
        &request(
            peer.addr,
            "starttls",
            json!({"host": "127.0.0.1"}),
            &["connect"],
        ),
    )
    .await;
    assert!(codes(&report).contains(&"policy.blocked-address".to_owned()));
    let default_ports = engine_with(|o| {
        o.policy =
            smtp_doctor_probe::policy::Policy::new(vec![], vec!["127.0.0.0/8".parse().unwrap()]);
    });
    let report = probe(
        &default_ports,
        &request(peer.addr, "starttls", json!({}), &["connect"]),
    )
    .await;
    assert!(codes(&report).contains(&"policy.blocked-port".to_owned()));
    assert!(
        report
            .steps
            .iter()
            .all(|s| serde_json::to_value(s.step).unwrap() != "dns"),
        "refused before DNS"
    );
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(
        peer.connections.load(Ordering::SeqCst),
        0,
        "no connection was made"
    );
}

#[tokio::test]
async fn no_password_reaches_the_logs_the_report_or_the_transcript() {
    let capture = common::Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    let _ = tracing_log::LogTracer::init();
    let _guard = tracing::subscriber::set_default(subscriber);
    let secret = "Corr3ct-H0rse-Battery";
    let peer = spawn(Script {
        starttls: Some(common::acceptor(&certs().good)),
        auth: Some(("me@example.com", secret)),
        ..Script::default()
    })
    .await;
    let mut reports = Vec::new();
    for (password, mech) in [
        (secret, "plain"),
        (secret, "login"),
        ("Wr0ng-H0rse-Battery", "plain"),
    ] {
        let req = request(
            peer.addr,
            "starttls",
            json!({"username": "me@example.com", "password": password, "auth": mech}),
            &["auth"],
        );
        reports.push(probe(&engine(), &req).await);
    }
    assert!(reports[0].ok && reports[1].ok && !reports[2].ok);
    let logs = capture.text();
    assert!(logs.contains("probe started"), "the capture works: {logs}");
    let everything = format!("{logs}{}", serde_json::to_string(&reports).unwrap());
    for needle in [
        secret.to_owned(),
        "Wr0ng-H0rse-Battery".to_owned(),
        base64_plain("me@example.com", secret),
    ] {
        assert!(!everything.contains(&needle), "leaked: {needle}");
    }
    let login_b64 = base64::engine::general_purpose::STANDARD.encode(secret);
    assert!(!everything.contains(&login_b64), "leaked the LOGIN answer");
}

#[tokio::test]
async fn xoauth2_tokens_are_sent_and_failures_mapped() {
    let peer = spawn(Script {
        starttls: Some(common::acceptor(&certs().good)),
        auth: Some(("me@example.com", "ya29.token")),
        ..Script::default()
    })
    .await;
    let ok = request(
        peer.addr,
        "starttls",
        json!({"username": "me@example.com", "password": "ya29.token", "auth": "xoauth2"}),
        &["auth"],
    );
    let report = probe(&engine(), &ok).await;
    assert!(codes(&report).is_empty(), "{:?}", codes(&report));
    assert!(
        report
            .transcript
            .contains(&"C: AUTH XOAUTH2 <redacted>".to_owned())
    );
    let bad = request(
        peer.addr,
        "starttls",
        json!({"username": "me@example.com", "password": "expired", "auth": "xoauth2"}),
        &["auth"],
    );
    let report = probe(&engine(), &bad).await;
    // The legacy spelling (the token in the password field) is still an
    // OAuth2 login: its refusal is the token's.
    assert_eq!(codes(&report), ["auth.token-rejected"]);
    assert!(!serde_json::to_string(&report).unwrap().contains("ya29"));
}

/// The RFC 7628 mechanism, with the token in `accessToken`: sent, and when
/// refused, the 334 error decoded, the exchange ended with %x01, and the
/// token nowhere in the report.
#[tokio::test]
async fn oauthbearer_tokens_are_sent_and_their_334_errors_named() {
    let peer = spawn(Script {
        starttls: Some(common::acceptor(&certs().good)),
        auth: Some(("me@example.com", "tok-123")),
        mechanisms: Some("OAUTHBEARER"),
        ..Script::default()
    })
    .await;
    let with = |token: &str| {
        request(
            peer.addr,
            "starttls",
            json!({"username": "me@example.com", "accessToken": token, "auth": "oauth2"}),
            &["auth"],
        )
    };
    let report = probe(&engine(), &with("tok-123")).await;
    assert!(codes(&report).is_empty(), "{:?}", codes(&report));
    assert!(
        report
            .transcript
            .contains(&"C: AUTH OAUTHBEARER <redacted>".to_owned()),
        "{:?}",
        report.transcript
    );
    let report = probe(&engine(), &with("stale-token-456")).await;
    assert_eq!(
        codes(&report),
        ["auth.token-rejected"],
        "{:?}",
        report.transcript
    );
    let d = &report
        .steps
        .iter()
        .flat_map(|s| &s.diagnostics)
        .next()
        .unwrap();
    assert_eq!(
        d.params.get("case"),
        Some(&smtp_doctor_core::Param::Text("invalid".into()))
    );
    assert!(d.message.contains("invalid or expired"), "{}", d.message);
    assert!(report.transcript.contains(&"C: AQ==".to_owned()));
    assert!(d.reply.as_deref().unwrap_or_default().starts_with("535"));
    let text = serde_json::to_string(&report).unwrap();
    assert!(!text.contains("stale-token-456"), "{text}");
}

/// The attack: a "token" that carries SASL field separators or a line
/// break, to add fields to the XOAUTH2 message or a command after it. It is
/// named and never sent; the peer sees no AUTH at all.
#[tokio::test]
async fn a_token_with_separators_or_line_breaks_never_reaches_the_wire() {
    let peer = spawn(Script {
        starttls: Some(common::acceptor(&certs().good)),
        auth: Some(("me@example.com", "tok-123")),
        mechanisms: Some("XOAUTH2 OAUTHBEARER"),
        ..Script::default()
    })
    .await;
    for token in [
        "tok-123\x01auth=Bearer forged",
        "tok-123\r\nMAIL FROM:<evil@x>",
        "tok 123",
    ] {
        let report = probe(
            &engine(),
            &request(
                peer.addr,
                "starttls",
                json!({"username": "me@example.com", "accessToken": token, "auth": "oauth2"}),
                &["auth"],
            ),
        )
        .await;
        assert_eq!(codes(&report), ["auth.token-kind"], "{token:?}");
        assert!(
            !report.transcript.iter().any(|l| l.starts_with("C: AUTH")),
            "{token:?}: {:?}",
            report.transcript
        );
    }
}

/// `auto` with only an access token signs in with it, choosing what the
/// server offers; a server that takes only passwords is named as such
/// before any secret is sent.
#[tokio::test]
async fn an_access_token_picks_the_oauth_mechanism_or_says_none_is_offered() {
    let both = spawn(Script {
        starttls: Some(common::acceptor(&certs().good)),
        auth: Some(("me@example.com", "tok-123")),
        mechanisms: Some("PLAIN OAUTHBEARER XOAUTH2"),
        ..Script::default()
    })
    .await;
    let config = json!({"username": "me@example.com", "accessToken": "tok-123"});
    let report = probe(
        &engine(),
        &request(both.addr, "starttls", config.clone(), &["auth"]),
    )
    .await;
    assert!(codes(&report).is_empty(), "{:?}", codes(&report));
    assert!(
        report
            .transcript
            .contains(&"C: AUTH XOAUTH2 <redacted>".to_owned())
    );

    let passwords = spawn(Script {
        starttls: Some(common::acceptor(&certs().good)),
        auth: Some(("me@example.com", "pw")),
        mechanisms: Some("PLAIN LOGIN"),
        ..Script::default()
    })
    .await;
    let report = probe(
        &engine(),
        &request(passwords.addr, "starttls", config, &["auth"]),
    )
    .await;
    assert_eq!(codes(&report), ["auth.mechanism-unsupported"]);
    let d = &report
        .steps
        .iter()
        .flat_map(|s| &s.diagnostics)
        .next()
        .unwrap();
    assert_eq!(
        d.params.get("case"),
        Some(&smtp_doctor_core::Param::Text("password-only".into()))
    );
    assert!(!report.transcript.iter().any(|l| l.starts_with("C: AUTH")));
}

#[tokio::test]
async fn a_slow_drip_and_tls_garbage_end_in_time() {
    let drip = spawn(Script {
        drip: true,
        ..Script::default()
    })
    .await;
    let report = probe(
        &engine_with(|o| o.timeout = Duration::from_secs(3)),
        &request(drip.addr, "none", json!({}), &["connect"]),
    )
    .await;
    assert_eq!(codes(&report), ["smtp.no-greeting"]);

    let garbage = spawn(Script {
        raw_banner: Some(vec![
            0x16, 0x03, 0x03, 0x00, 0x05, 0xde, 0xad, 0xbe, 0xef, 0x00,
        ]),
        ..Script::default()
    })
    .await;
    let report = probe(
        &engine(),
        &request(garbage.addr, "tls", json!({}), &["connect"]),
    )
    .await;
    assert_eq!(codes(&report), ["tls.handshake-failed"]);
}
