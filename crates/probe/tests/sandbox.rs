//! The sandbox that `cargo xtask demo` and `smtp-doctor sandbox` run: every
//! port teaches what it claims (through our engine), and clients we did
//! not write (swaks, Python's smtplib) can log in and send through it.

mod common;

use std::process::{Command, Stdio};
use std::time::Duration;

use common::{codes, engine_with, has, loopback, probe, request};
use serde_json::json;
use smtp_doctor_probe::engine::Engine;
use smtp_doctor_probe::sandbox::{Behaviour, Sandbox, SandboxOptions};

const USER: &str = "demo@sandbox.test";
const PASSWORD: &str = "demo-app-password";

async fn sandbox() -> (Sandbox, Engine) {
    let sandbox = Sandbox::start(SandboxOptions::ephemeral()).await.unwrap();
    let ca = sandbox.ca_der().clone();
    let engine = engine_with(|o| o.extra_roots = vec![ca]);
    (sandbox, engine)
}

fn login(password: &str, from: &str) -> serde_json::Value {
    json!({ "username": USER, "password": password, "from": from })
}

#[tokio::test]
async fn starttls_and_implicit_tls_ports_accept_the_demo_login_and_sender() {
    let (sb, engine) = sandbox().await;
    for (behaviour, security) in [
        (Behaviour::Starttls, "starttls"),
        (Behaviour::ImplicitTls, "tls"),
    ] {
        let addr = loopback(sb.port(behaviour).unwrap());
        let req = request(
            addr,
            security,
            login(PASSWORD, USER),
            &["connect", "tls", "auth", "sender"],
        );
        let report = probe(&engine, &req).await;
        assert!(report.ok, "{behaviour:?}: {:?}", codes(&report));
        let server = &report.server;
        assert!(server.auth_mechanisms.iter().any(|m| m == "PLAIN"));
        assert!(
            server
                .tls
                .as_ref()
                .unwrap()
                .certificate
                .as_ref()
                .unwrap()
                .trusted
        );
    }
}

#[tokio::test]
async fn the_alias_may_send_and_a_test_message_is_accepted() {
    let (sb, engine) = sandbox().await;
    let addr = loopback(sb.port(Behaviour::Starttls).unwrap());
    let mut req = request(
        addr,
        "starttls",
        login(PASSWORD, "Support <support@sandbox.test>"),
        &["connect", "tls", "auth", "send"],
    );
    req.recipient = Some("support@sandbox.test".into());
    let report = probe(&engine, &req).await;
    assert!(has(&report, "send.ok"), "{:?}", codes(&report));
    assert_eq!(sb.messages_accepted(), 1);
}

/// The scenarios every real server answers the same way (Postfix and
/// aiosmtpd run the same table).
#[tokio::test]
async fn the_shared_scenarios_hold() {
    let (sb, engine) = sandbox().await;
    let shared = common::scenarios::Server {
        starttls: loopback(sb.port(Behaviour::Starttls).unwrap()),
        tls: loopback(sb.port(Behaviour::ImplicitTls).unwrap()),
        user: USER,
        password: PASSWORD,
        not_owned: "ceo@sandbox.test",
    };
    let mut failures = Vec::new();
    common::scenarios::run(&engine, &shared, &mut failures).await;
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[tokio::test]
async fn each_teaching_port_raises_its_code() {
    let (sb, engine) = sandbox().await;
    let cases = [
        (Behaviour::ExpiredCert, "tls", "tls.cert-expired"),
        (Behaviour::WrongName, "tls", "tls.cert-name-mismatch"),
        (Behaviour::PlainOnly, "starttls", "tls.starttls-unavailable"),
        (Behaviour::PlainOnly, "none", "auth.not-offered"),
        (Behaviour::RejectClient, "none", "smtp.greeting-rejected"),
    ];
    for (behaviour, security, code) in cases {
        let addr = loopback(sb.port(behaviour).unwrap());
        let req = request(
            addr,
            security,
            login(PASSWORD, USER),
            &["connect", "tls", "auth"],
        );
        let report = probe(&engine, &req).await;
        assert!(
            has(&report, code),
            "{behaviour:?}/{security}: {:?}",
            codes(&report)
        );
        assert!(!report.ok);
    }
}

#[tokio::test]
async fn credentials_and_sender_failures_map_to_their_codes() {
    let (sb, engine) = sandbox().await;
    let addr = loopback(sb.port(Behaviour::Starttls).unwrap());
    // (A wrong password and a sender not owned are in the shared table.)
    let cases = [(
        login("account-password", USER),
        "auth.app-password-required",
    )];
    for (config, code) in cases {
        let req = request(
            addr,
            "starttls",
            config,
            &["connect", "tls", "auth", "sender"],
        );
        let report = probe(&engine, &req).await;
        assert!(has(&report, code), "{code}: {:?}", codes(&report));
    }
}

#[tokio::test]
async fn hostile_clients_get_an_answer_and_the_sandbox_keeps_serving() {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let (sb, engine) = sandbox().await;
    let addr = loopback(sb.port(Behaviour::Starttls).unwrap());
    // A line far over the limit: 500 and the connection closes.
    let mut tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
    tcp.write_all(&vec![b'A'; 64 * 1024]).await.unwrap();
    let mut seen = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), tcp.read_to_end(&mut seen))
        .await
        .unwrap()
        .unwrap();
    let text = String::from_utf8_lossy(&seen);
    assert!(text.starts_with("220 "), "{text}");
    assert!(text.contains("500 5.5.2"), "{text}");
    // Commands pipelined behind STARTTLS are refused (no injection).
    let mut tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
    tcp.write_all(b"EHLO x\r\nSTARTTLS\r\nMAIL FROM:<evil@x>\r\n")
        .await
        .unwrap();
    let mut seen = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), tcp.read_to_end(&mut seen))
        .await
        .unwrap()
        .unwrap();
    // The greeting, the EHLO reply, STARTTLS's 220, then the close: the
    // MAIL pipelined behind it got no reply.
    let text = String::from_utf8_lossy(&seen);
    let last = text.trim_end().lines().last().unwrap_or_default();
    assert!(last.starts_with("220 "), "{text}");
    assert_eq!(text.matches("220 ").count(), 2, "{text}");
    // Still serving.
    let req = request(
        addr,
        "starttls",
        login(PASSWORD, USER),
        &["connect", "tls", "auth"],
    );
    assert!(probe(&engine, &req).await.ok);
}

/// swaks (Debian) logs in over STARTTLS and over implicit TLS and sends.
#[tokio::test(flavor = "multi_thread")]
async fn swaks_sends_through_both_tls_ports() {
    if Command::new("swaks").arg("--version").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "swaks is missing; `cargo xtask test` installs it"
        );
        eprintln!("skipping: swaks not installed");
        return;
    }
    let (sb, _) = sandbox().await;
    for (behaviour, flag) in [
        (Behaviour::Starttls, "--tls"),
        (Behaviour::ImplicitTls, "--tlsc"),
    ] {
        let port = sb.port(behaviour).unwrap().to_string();
        let out = Command::new("swaks")
            .args([
                "--server",
                "127.0.0.1",
                "--port",
                &port,
                flag,
                "--auth",
                "PLAIN",
                "--auth-user",
                USER,
                "--auth-password",
                PASSWORD,
                "--from",
                USER,
                "--to",
                USER,
                "--timeout",
                "10",
            ])
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{behaviour:?}: {text}");
        assert!(text.contains("queued as SBX"), "{text}");
    }
    assert_eq!(sb.messages_accepted(), 2);
}

/// The sandbox's local `sandbox.test` zone: discovery of the demo address
/// finds both ports through SRV (on `smtp.sandbox.test`, in the address's
/// own domain) without asking any DNS server, implicit TLS first, with
/// the login verified.
#[tokio::test]
async fn discovery_finds_the_sandbox_through_its_local_srv_zone() {
    use smtp_doctor_probe::discover::{
        DiscoverOptions, DiscoverRequest, SourceKind, VerifyStatus, discover,
    };
    let sb = Sandbox::start(SandboxOptions::ephemeral()).await.unwrap();
    let ca = sb.ca_der().clone();
    let zone = smtp_doctor_probe::engine::dns::LocalZone::sandbox(&sb);
    let engine = engine_with(|o| {
        o.extra_roots = vec![ca];
        o.local_zone = zone;
    });
    let req = DiscoverRequest {
        email: Some(USER.into()),
        password: Some(PASSWORD.to_owned().into()),
        ..DiscoverRequest::default()
    };
    let report = discover(&engine, &req, &DiscoverOptions::default(), &mut |_| {})
        .await
        .unwrap();
    assert!(report.found, "{report:#?}");
    let got: Vec<(&str, u16, VerifyStatus)> = report
        .candidates
        .iter()
        .map(|c| (c.host.as_str(), c.port, c.verification.status))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "smtp.sandbox.test",
                sb.port(Behaviour::ImplicitTls).unwrap(),
                VerifyStatus::Verified
            ),
            (
                "smtp.sandbox.test",
                sb.port(Behaviour::Starttls).unwrap(),
                VerifyStatus::Verified
            ),
        ]
    );
    assert!(
        report.candidates[0]
            .verification
            .passed
            .contains(&"auth".to_owned())
    );
    assert!(
        report
            .candidates
            .iter()
            .all(|c| c.evidence[0].source == SourceKind::Srv)
    );
    // Nothing else in the zone exists, so the other sources answer at once.
    let autoconfig = report
        .sources
        .iter()
        .find(|s| s.source == SourceKind::Autoconfig)
        .unwrap();
    assert_eq!(autoconfig.status, "none", "{autoconfig:?}");
}

/// The demo's "Sign in": tokens from the sandbox's issuer log in over
/// XOAUTH2 and OAUTHBEARER on both TLS ports; an expired one, another
/// user's, or one from another sandbox is refused the way Google refuses
/// (a `334` error, then `535`), and the exchange ends properly.
#[tokio::test]
async fn the_sign_in_tokens_log_in_over_xoauth2_and_oauthbearer() {
    use std::time::SystemTime;
    let (sb, engine) = sandbox().await;
    let issuer = sb.issuer();
    let hour = issuer.issue(USER, Duration::from_hours(1), SystemTime::now());
    let oauth = |token: &str, user: &str, auth: &str| json!({ "username": user, "accessToken": token, "auth": auth, "from": USER });
    let checks = ["connect", "tls", "auth", "sender"];
    for (behaviour, security) in [
        (Behaviour::Starttls, "starttls"),
        (Behaviour::ImplicitTls, "tls"),
    ] {
        let addr = loopback(sb.port(behaviour).unwrap());
        for auth in ["xoauth2", "oauthbearer", "oauth2"] {
            let r = probe(
                &engine,
                &request(addr, security, oauth(&hour, USER, auth), &checks),
            )
            .await;
            assert!(
                r.ok,
                "{behaviour:?} {auth}: {:?}\n{:#?}",
                codes(&r),
                r.transcript
            );
            assert!(r.server.auth_mechanisms.iter().any(|m| m == "XOAUTH2"));
            assert!(r.server.auth_mechanisms.iter().any(|m| m == "OAUTHBEARER"));
        }
    }
    let addr = loopback(sb.port(Behaviour::Starttls).unwrap());
    let expired = issuer.issue(
        USER,
        Duration::from_mins(1),
        SystemTime::now() - Duration::from_mins(2),
    );
    let (other, _) = sandbox().await;
    let foreign = other
        .issuer()
        .issue(USER, Duration::from_hours(1), SystemTime::now());
    let theirs = issuer.issue(
        "other@sandbox.test",
        Duration::from_hours(1),
        SystemTime::now(),
    );
    for (name, token, auth) in [
        ("expired", &expired, "xoauth2"),
        ("expired", &expired, "oauthbearer"),
        ("another sandbox's", &foreign, "xoauth2"),
        ("another user's", &theirs, "oauthbearer"),
    ] {
        let r = probe(
            &engine,
            &request(addr, "starttls", oauth(token, USER, auth), &checks),
        )
        .await;
        assert!(
            !r.ok && has(&r, "auth.token-rejected"),
            "{name} ({auth}): {:?}\n{:#?}",
            codes(&r),
            r.transcript
        );
        assert!(
            r.transcript.iter().any(|l| l.starts_with("S: 535")),
            "{name}: the exchange ended\n{:#?}",
            r.transcript
        );
        assert!(!serde_json::to_string(&r).unwrap().contains(token.as_str()));
    }
    // Not before TLS: the plain-text port offers no login at all.
    let plain = loopback(sb.port(Behaviour::PlainOnly).unwrap());
    let r = probe(
        &engine,
        &request(plain, "none", oauth(&hour, USER, "xoauth2"), &checks),
    )
    .await;
    assert!(!r.ok && has(&r, "auth.not-offered"), "{:?}", codes(&r));
}
