//! Discovery end to end, inside a fresh network namespace (`unshare -r
//! -n`, loopback only) so the real ports apply: autoconfig over HTTPS on
//! 443, SMTP on 465/587/25. A scripted DNS server answers A, MX and SRV
//! for the test domains; an HTTPS server with a test CA serves autoconfig
//! files (valid, malformed, huge, redirecting to a blocked address); the
//! sandbox SMTP server (mailin) is the verified target on its own loopback
//! address per host.
//!
//! Cases: provider by domain, provider by MX only, SRV only (what
//! Thunderbird's method misses), autoconfig only, guess only, nothing
//! found, conflicting sources, the three bad autoconfig files, and
//! `/v1/discover` (JSON and SSE) plus `smtp-doctor discover`.

mod common;

use std::fmt::Write as _;
use std::net::{IpAddr, SocketAddr};
use std::process::{Command, ExitCode};
use std::sync::Arc;
use std::time::Duration;

use common::dns::{Record, serve_records};
use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use smtp_doctor_core::Security;
use smtp_doctor_probe::discover::{
    DiscoverOptions, DiscoverReport, DiscoverRequest, SourceKind, VerifyStatus, discover,
};
use smtp_doctor_probe::engine::Engine;
use smtp_doctor_probe::policy::Policy;
use smtp_doctor_probe::sandbox::{Behaviour, Sandbox, SandboxOptions};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

const IN_NAMESPACE: &str = "SMTP_DOCTOR_DISCOVER_IN_NETNS";
const HTTPS_IP: &str = "127.0.0.10";

fn main() -> ExitCode {
    if let Some(outside) = common::netns::enter(IN_NAMESPACE) {
        return outside;
    }
    tokio::runtime::Runtime::new().unwrap().block_on(cases())
}

fn ip(n: u8) -> String {
    format!("127.0.0.{n}")
}

fn a(addr: &str) -> Vec<Record> {
    vec![Record::Ip(addr.parse().unwrap())]
}

/// The DNS zone of every test domain.
fn zone() -> Vec<(String, Vec<Record>)> {
    let mut z: Vec<(&str, Vec<Record>)> = vec![
        // Provider by domain and by MX: Google's submission host, locally.
        ("smtp.gmail.com", a(&ip(2))),
        (
            "company.test",
            vec![Record::Mx(10, "aspmx.l.google.com".into())],
        ),
        // SRV only: a host no guess would try.
        (
            "srv.test",
            vec![Record::Mx(10, "mx.unknown-provider.test".into())],
        ),
        (
            "_submissions._tcp.srv.test",
            vec![Record::Srv(0, 1, 465, "relay.srv-host.test".into())],
        ),
        (
            "_submission._tcp.srv.test",
            vec![Record::Srv(0, 0, 0, ".".into())],
        ),
        ("relay.srv-host.test", a(&ip(3))),
        // Autoconfig only.
        ("autoconfig.auto.test", a(HTTPS_IP)),
        ("out.auto.test", a(&ip(4))),
        // Guess only.
        ("smtp.guess.test", a(&ip(5))),
        // Conflicting: autoconfig says STARTTLS on a., SRV says TLS on b.
        ("autoconfig.conflict.test", a(HTTPS_IP)),
        ("a.conflict.test", a(&ip(6))),
        ("b.conflict.test", a(&ip(7))),
        (
            "_submissions._tcp.conflict.test",
            vec![Record::Srv(0, 1, 465, "b.conflict.test".into())],
        ),
        // SRV to aiosmtpd (PyPI), both modes.
        (
            "_submissions._tcp.aio.test",
            vec![Record::Srv(0, 1, 465, "smtp.aio.test".into())],
        ),
        (
            "_submission._tcp.aio.test",
            vec![Record::Srv(0, 1, 587, "smtp.aio.test".into())],
        ),
        ("smtp.aio.test", a(&ip(8))),
        // Bad autoconfig files.
        ("autoconfig.malformed.test", a(HTTPS_IP)),
        ("autoconfig.huge.test", a(HTTPS_IP)),
        ("autoconfig.redirect.test", a(HTTPS_IP)),
        ("metadata.test", a("169.254.169.254")),
        // A lure: autoconfig and SRV name servers of another domain, one
        // of them without TLS (a logging server that accepts any login).
        ("autoconfig.lure.test", a(HTTPS_IP)),
        ("mx.attacker.test", a(&ip(11))),
        (
            "_submissions._tcp.lure.test",
            vec![Record::Srv(0, 1, 465, "relay.attacker.test".into())],
        ),
        ("relay.attacker.test", a(&ip(12))),
    ];
    z.push(("nothing-here.test", Vec::new()));
    z.into_iter().map(|(n, r)| (n.to_owned(), r)).collect()
}

struct Ca {
    der: CertificateDer<'static>,
    pem: String,
    issuer: Issuer<'static, KeyPair>,
}

fn ca() -> Ca {
    let key = KeyPair::generate().unwrap();
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params
        .distinguished_name
        .push(DnType::CommonName, "discovery test CA");
    let cert = params.self_signed(&key).unwrap();
    Ca {
        der: cert.der().clone(),
        pem: cert.pem(),
        issuer: Issuer::new(params, key),
    }
}

/// The autoconfig HTTPS server: answers by Host header.
async fn https_server(ca: &Ca) {
    let names: Vec<String> = ["auto", "conflict", "malformed", "huge", "redirect", "lure"]
        .iter()
        .map(|d| format!("autoconfig.{d}.test"))
        .collect();
    let key = KeyPair::generate().unwrap();
    let cert = CertificateParams::new(names)
        .unwrap()
        .signed_by(&key, &ca.issuer)
        .unwrap();
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(
        vec![cert.der().clone()],
        PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
    )
    .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = tokio::net::TcpListener::bind(format!("{HTTPS_IP}:443"))
        .await
        .unwrap();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                let Ok(mut tls) = acceptor.accept(tcp).await else {
                    return;
                };
                let mut head = Vec::new();
                let mut buf = [0u8; 1024];
                while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 8192 {
                    match tls.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => head.extend_from_slice(&buf[..n]),
                    }
                }
                let text = String::from_utf8_lossy(&head).to_ascii_lowercase();
                let host = text
                    .lines()
                    .find_map(|l| l.strip_prefix("host:"))
                    .map(|h| h.trim().to_owned())
                    .unwrap_or_default();
                let (status, extra, body) = respond(&host);
                let reply = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: text/xml\r\nContent-Length: {}\r\nConnection: close\r\n{extra}\r\n",
                    body.len()
                );
                let _ = tls.write_all(reply.as_bytes()).await;
                let _ = tls.write_all(&body).await;
                let _ = tls.shutdown().await;
            });
        }
    });
}

fn client_config(servers: &[(&str, u16, &str)]) -> Vec<u8> {
    let mut xml = String::from(
        "<?xml version=\"1.0\"?>\n<clientConfig version=\"1.1\"><emailProvider id=\"x\">\n",
    );
    for (host, port, socket) in servers {
        let _ = write!(
            xml,
            "<outgoingServer type=\"smtp\"><hostname>{host}</hostname><port>{port}</port>\
             <socketType>{socket}</socketType><username>%EMAILADDRESS%</username></outgoingServer>"
        );
    }
    xml += "</emailProvider></clientConfig>\n";
    xml.into_bytes()
}

fn respond(host: &str) -> (&'static str, String, Vec<u8>) {
    match host {
        "autoconfig.auto.test" => (
            "200 OK",
            String::new(),
            client_config(&[("out.auto.test", 587, "STARTTLS")]),
        ),
        "autoconfig.conflict.test" => (
            "200 OK",
            String::new(),
            client_config(&[
                ("a.conflict.test", 587, "STARTTLS"),
                ("c.conflict.test", 465, "SSL"),
            ]),
        ),
        "autoconfig.lure.test" => (
            "200 OK",
            String::new(),
            client_config(&[("mx.attacker.test", 25, "plain")]),
        ),
        "autoconfig.malformed.test" => (
            "200 OK",
            String::new(),
            b"<clientConfig><emailProvider><outgoingServer".to_vec(),
        ),
        "autoconfig.huge.test" => ("200 OK", String::new(), vec![b' '; 1 << 20]),
        "autoconfig.redirect.test" => (
            "302 Found",
            "Location: https://metadata.test/latest/meta-data/\r\n".into(),
            Vec::new(),
        ),
        _ => ("404 Not Found", String::new(), Vec::new()),
    }
}

/// A sandbox with the given behaviours on the real ports at `addr`,
/// its certificate covering `name`.
async fn smtp(addr: &str, name: &str, ports: &[(Behaviour, u16)]) -> Sandbox {
    let mut opts = SandboxOptions::demo(0);
    opts.ip = addr.parse::<IpAddr>().unwrap();
    opts.ports = ports.to_vec();
    opts.cert_names = vec![name.to_owned()];
    Sandbox::start(opts).await.unwrap()
}

/// aiosmtpd on 127.0.0.8:465 (TLS) and :587 (STARTTLS), its certificate
/// for smtp.aio.test from the test CA; stops when dropped.
struct Aiosmtpd(std::process::Child);

impl Drop for Aiosmtpd {
    fn drop(&mut self) {
        drop(self.0.stdin.take());
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

const AIO_USER: &str = "kim@aio.test";
const AIO_PASSWORD: &str = "aio-discover-pw";

fn aiosmtpd(ca: &Ca) -> Aiosmtpd {
    use std::io::BufRead as _;
    let dir = std::env::temp_dir().join(format!("discover-aio-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let key = KeyPair::generate().unwrap();
    let cert = CertificateParams::new(vec!["smtp.aio.test".to_owned()])
        .unwrap()
        .signed_by(&key, &ca.issuer)
        .unwrap();
    std::fs::write(dir.join("cert.pem"), cert.pem()).unwrap();
    std::fs::write(dir.join("key.pem"), key.serialize_pem()).unwrap();
    let python = common::python();
    let script =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/servers/aiosmtpd_server.py");
    let mut child = Command::new(&python)
        .arg(script)
        .args([
            "--host",
            &ip(8),
            "--starttls-port",
            "587",
            "--tls-port",
            "465",
        ])
        .args(["--cert", &dir.join("cert.pem").display().to_string()])
        .args(["--key", &dir.join("key.pem").display().to_string()])
        .args(["--user", AIO_USER, "--password", AIO_PASSWORD])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot start {python}: {e}; `cargo xtask test` installs aiosmtpd")
        });
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert_eq!(line.trim(), "READY", "aiosmtpd did not start with {python}");
    Aiosmtpd(child)
}

struct World {
    aio: Aiosmtpd,
    engine: Engine,
    ca: Ca,
    dns: SocketAddr,
    servers: Vec<Sandbox>,
}

async fn world() -> World {
    let dns = serve_records(zone()).await;
    let ca = ca();
    https_server(&ca).await;
    let aio = aiosmtpd(&ca);
    let tls = |p| (Behaviour::ImplicitTls, p);
    let starttls = |p| (Behaviour::Starttls, p);
    let servers = vec![
        smtp(&ip(2), "smtp.gmail.com", &[tls(465), starttls(587)]).await,
        smtp(&ip(3), "relay.srv-host.test", &[tls(465)]).await,
        smtp(&ip(4), "out.auto.test", &[starttls(587)]).await,
        smtp(&ip(5), "smtp.guess.test", &[tls(465)]).await,
        smtp(&ip(6), "a.conflict.test", &[starttls(587)]).await,
        smtp(&ip(7), "b.conflict.test", &[tls(465)]).await,
        smtp(&ip(12), "relay.attacker.test", &[tls(465)]).await,
    ];
    let mut roots = vec![ca.der.clone()];
    roots.extend(servers.iter().map(|s| s.ca_der().clone()));
    let engine = common::engine_with(|o| {
        o.policy = Policy::new(Vec::new(), vec!["127.0.0.0/8".parse().unwrap()]);
        o.dns_server = Some(dns);
        o.extra_roots = roots;
        o.timeout = Duration::from_secs(2);
        o.deadline = Duration::from_secs(10);
    });
    World {
        aio,
        engine,
        ca,
        dns,
        servers,
    }
}

async fn run(w: &World, email: &str) -> DiscoverReport {
    run_on(&w.engine, email).await
}

async fn run_on(engine: &Engine, email: &str) -> DiscoverReport {
    let req = DiscoverRequest {
        email: Some(email.into()),
        ..DiscoverRequest::default()
    };
    let opts = DiscoverOptions {
        deadline: Duration::from_secs(15),
        ..DiscoverOptions::default()
    };
    tokio::time::timeout(
        Duration::from_secs(30),
        discover(engine, &req, &opts, &mut |_| {}),
    )
    .await
    .expect("discovery ends by its deadline")
    .expect("a valid address")
}

fn best(r: &DiscoverReport) -> (&str, u16, Security, VerifyStatus) {
    let c = &r.candidates[0];
    (c.host.as_str(), c.port, c.security, c.verification.status)
}

fn source(r: &DiscoverReport, kind: SourceKind) -> &smtp_doctor_probe::discover::SourceOutcome {
    r.sources.iter().find(|s| s.source == kind).unwrap()
}

type Case = fn(&World) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + '_>>;

async fn cases() -> ExitCode {
    let w = world().await;
    let list: Vec<(&str, Case)> = vec![
        ("provider by domain", |w| Box::pin(provider_by_domain(w))),
        ("provider by MX only", |w| Box::pin(provider_by_mx(w))),
        ("SRV only: what Thunderbird's method misses", |w| {
            Box::pin(srv_only(w))
        }),
        ("autoconfig only", |w| Box::pin(autoconfig_only(w))),
        ("guess only", |w| Box::pin(guess_only(w))),
        ("nothing found is an answer", |w| Box::pin(nothing_found(w))),
        ("our resolver down is our outage, not the domain's", |w| {
            Box::pin(resolver_down(w))
        }),
        ("conflicting sources, ranking explained", |w| {
            Box::pin(conflicting(w))
        }),
        ("bad autoconfig files", |w| Box::pin(bad_autoconfig(w))),
        ("SRV to aiosmtpd, with and without the login", |w| {
            Box::pin(aiosmtpd_with_login(w))
        }),
        (
            "the password goes only over TLS to the address's own domain",
            |w| Box::pin(password_stays_home(w)),
        ),
        ("POST /v1/discover, JSON and SSE", |w| {
            Box::pin(http_route(w))
        }),
        ("smtp-doctor discover", |w| Box::pin(cli(w))),
    ];
    let mut failed = 0;
    for (name, case) in list {
        let result =
            futures_util::FutureExt::catch_unwind(std::panic::AssertUnwindSafe(case(&w))).await;
        if result.is_ok() {
            println!("test {name} ... ok");
        } else {
            println!("test {name} ... FAILED");
            failed += 1;
        }
    }
    write_typescript_check(&w).await;
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

async fn provider_by_domain(w: &World) {
    let r = run(w, "jane@gmail.com").await;
    assert!(r.found, "{r:#?}");
    assert_eq!(
        best(&r),
        ("smtp.gmail.com", 465, Security::Tls, VerifyStatus::Verified)
    );
    let c = &r.candidates[0];
    assert_eq!(c.username.as_deref(), Some("jane@gmail.com"));
    assert!(c.evidence.iter().any(|e| e.source == SourceKind::Provider));
    assert!(c.verification.passed.contains(&"tls".to_owned()));
    assert_eq!(source(&r, SourceKind::Guess).status, "skipped");
    // STARTTLS on 587 verified too, ranked after implicit TLS.
    assert!(
        r.candidates
            .iter()
            .any(|c| c.port == 587 && c.verification.status == VerifyStatus::Verified)
    );
}

async fn provider_by_mx(w: &World) {
    let r = run(w, "ceo@company.test").await;
    assert!(r.found, "{r:#?}");
    assert_eq!(
        best(&r),
        ("smtp.gmail.com", 465, Security::Tls, VerifyStatus::Verified)
    );
    let c = &r.candidates[0];
    assert!(
        c.evidence.iter().all(|e| e.source == SourceKind::Mx),
        "{:?}",
        c.evidence
    );
    assert!(c.evidence[0].detail.contains("aspmx.l.google.com"));
    assert_eq!(c.username.as_deref(), Some("ceo@company.test"));
    assert_eq!(source(&r, SourceKind::Provider).status, "none");
}

async fn srv_only(w: &World) {
    let r = run(w, "ops@srv.test").await;
    assert!(r.found, "{r:#?}");
    assert_eq!(
        best(&r),
        (
            "relay.srv-host.test",
            465,
            Security::Tls,
            VerifyStatus::Verified
        )
    );
    assert_eq!(r.candidates[0].evidence[0].source, SourceKind::Srv);
    // The "." target of _submission says STARTTLS is not offered: no candidate.
    assert!(source(&r, SourceKind::Srv).detail.contains("not offered"));
    assert_eq!(r.candidates.len(), 1);
    // Thunderbird's method (table, autoconfig, MX provider, guesses) has
    // nothing here: the table and MX do not know it, there is no
    // autoconfig file, and no guessed name exists.
    assert_eq!(source(&r, SourceKind::Provider).status, "none");
    assert_eq!(source(&r, SourceKind::Mx).status, "none");
    assert_eq!(source(&r, SourceKind::Autoconfig).status, "none");
    let guesses = run_guesses_only(w, "srv.test").await;
    assert!(guesses.iter().all(|v| *v != VerifyStatus::Verified));
}

/// What guessing alone finds for a domain (Thunderbird's last resort).
async fn run_guesses_only(w: &World, domain: &str) -> Vec<VerifyStatus> {
    let mut out = Vec::new();
    for host in [
        format!("smtp.{domain}"),
        format!("mail.{domain}"),
        domain.to_owned(),
    ] {
        for (port, security) in [(465, "tls"), (587, "starttls"), (25, "starttls")] {
            let req = common::request(
                SocketAddr::new([127, 0, 0, 1].into(), port),
                security,
                serde_json::json!({ "host": host, "auth": "none" }),
                &["connect", "tls"],
            );
            let report = common::probe(&w.engine, &req).await;
            out.push(
                if report
                    .steps
                    .iter()
                    .any(|s| s.status == smtp_doctor_core::report::StepStatus::Fail)
                {
                    VerifyStatus::Failed
                } else {
                    VerifyStatus::Verified
                },
            );
        }
    }
    out
}

async fn autoconfig_only(w: &World) {
    let r = run(w, "bob@auto.test").await;
    assert!(r.found, "{r:#?}");
    assert_eq!(
        best(&r),
        (
            "out.auto.test",
            587,
            Security::Starttls,
            VerifyStatus::Verified
        )
    );
    let c = &r.candidates[0];
    assert_eq!(
        c.username.as_deref(),
        Some("bob@auto.test"),
        "%EMAILADDRESS% expanded"
    );
    assert!(
        c.evidence[0]
            .detail
            .contains("https://autoconfig.auto.test/mail/config-v1.1.xml")
    );
    assert_eq!(source(&r, SourceKind::Autoconfig).status, "found");
}

async fn guess_only(w: &World) {
    let r = run(w, "x@guess.test").await;
    assert!(r.found, "{r:#?}");
    assert_eq!(
        best(&r),
        (
            "smtp.guess.test",
            465,
            Security::Tls,
            VerifyStatus::Verified
        )
    );
    assert_eq!(r.candidates[0].evidence[0].source, SourceKind::Guess);
    assert_eq!(r.candidates.len(), 9);
    assert!(
        r.candidates[1..]
            .iter()
            .all(|c| c.verification.status == VerifyStatus::Failed)
    );
    // Each failure says why.
    assert!(
        r.candidates[1..].iter().all(|c| c.why.contains('[')),
        "{:?}",
        r.candidates.iter().map(|c| &c.why).collect::<Vec<_>>()
    );
}

async fn nothing_found(w: &World) {
    let r = run(w, "who@nothing-here.test").await;
    assert!(!r.found);
    assert!(
        r.message
            .starts_with("No SMTP server found for nothing-here.test"),
        "{}",
        r.message
    );
    assert!(
        r.candidates
            .iter()
            .all(|c| c.verification.status != VerifyStatus::Verified)
    );
}

/// The probe's resolver does not answer at all: discovery says so, and
/// says nothing about the customer's domain (no "does not exist").
async fn resolver_down(w: &World) {
    let closed = std::net::UdpSocket::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let engine = common::engine_with(|o| {
        o.policy = w.engine.options().policy.clone();
        o.dns_server = Some(closed);
        o.timeout = Duration::from_secs(2);
        o.deadline = Duration::from_secs(10);
    });
    let r = run_on(&engine, "jane@gmail.com").await;
    assert!(!r.found);
    let codes: Vec<&str> = r.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["probe.dns-unavailable"], "{}", r.message);
    assert!(
        r.message.contains("cannot reach its DNS resolver"),
        "{}",
        r.message
    );
    let everything = serde_json::to_string(&r).unwrap();
    assert!(!everything.contains("does not exist"), "{everything}");
    assert!(
        !everything.contains("Other("),
        "no Debug strings: {everything}"
    );
    for c in &r.candidates {
        assert!(
            c.verification
                .diagnostics
                .iter()
                .all(|d| d.code.as_str() == "probe.dns-unavailable"),
            "{:?}",
            c.verification.diagnostics
        );
    }
}

async fn conflicting(w: &World) {
    let r = run(w, "amy@conflict.test").await;
    assert!(r.found, "{r:#?}");
    let order: Vec<(&str, u16, VerifyStatus)> = r
        .candidates
        .iter()
        .map(|c| (c.host.as_str(), c.port, c.verification.status))
        .collect();
    assert_eq!(
        order,
        vec![
            ("b.conflict.test", 465, VerifyStatus::Verified),
            ("a.conflict.test", 587, VerifyStatus::Verified),
            ("c.conflict.test", 465, VerifyStatus::Failed),
        ]
    );
    assert!(
        r.candidates[0].why.starts_with("verified"),
        "{}",
        r.candidates[0].why
    );
    assert!(r.candidates[0].why.contains("TLS/SSL") && r.candidates[0].why.contains("SRV"));
    assert!(
        r.candidates[1].why.contains("STARTTLS")
            && r.candidates[1].why.to_lowercase().contains("autoconfig")
    );
    assert!(
        r.candidates[2].why.contains("dns.not-found"),
        "{}",
        r.candidates[2].why
    );
}

async fn bad_autoconfig(w: &World) {
    for (domain, want) in [
        ("malformed.test", "not XML"),
        ("huge.test", "larger than"),
        (
            "redirect.test",
            "metadata.test resolves to an internal address, which the probe may not reach",
        ),
    ] {
        let r = run(w, &format!("me@{domain}")).await;
        let s = source(&r, SourceKind::Autoconfig);
        assert_eq!(s.status, "error", "{domain}: {s:?}");
        assert!(s.detail.contains(want), "{domain}: {}", s.detail);
        assert!(
            !s.detail.contains("169.254"),
            "never which address: {}",
            s.detail
        );
        assert!(!r.found);
    }
}

/// SPEC §7.4: the report speaks the accepted language.
async fn in_german(app: &axum::Router) {
    use axum::body::Body;
    use axum::http::{Request, header};
    use http_body_util::BodyExt as _;
    use tower::ServiceExt as _;
    let german = Request::post("/v1/discover")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ACCEPT_LANGUAGE, "de-DE, en;q=0.5")
        .body(Body::from(r#"{"email":"ops@srv.test"}"#))
        .unwrap();
    let res = app.clone().oneshot(german).await.unwrap();
    assert_eq!(res.headers()[header::CONTENT_LANGUAGE], "de");
    let json: serde_json::Value =
        serde_json::from_slice(&res.into_body().collect().await.unwrap().to_bytes()).unwrap();
    let message = json["message"].as_str().unwrap();
    assert!(
        message.contains("relay.srv-host.test") && message.contains("funktioniert"),
        "{message}"
    );
    let why = json["candidates"][0]["why"].as_str().unwrap();
    assert!(
        why.starts_with("geprüft") && why.contains("SRV-Einträge"),
        "{why}"
    );
}

async fn http_route(w: &World) {
    use axum::body::Body;
    use axum::http::{Request, header};
    use http_body_util::BodyExt as _;
    use tower::ServiceExt as _;
    let state = smtp_doctor_probe::http::AppState::new(
        smtp_doctor_probe::http::Settings {
            probes_per_minute: 1000,
            ..Default::default()
        },
        w.engine.clone(),
    );
    let app = smtp_doctor_probe::http::app(state);
    let post = |body: &str, accept: &str| {
        Request::post("/v1/discover")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::ACCEPT, accept)
            .body(Body::from(body.to_owned()))
            .unwrap()
    };
    let res = app
        .clone()
        .oneshot(post(r#"{"email":"ops@srv.test"}"#, "application/json"))
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let json: serde_json::Value =
        serde_json::from_slice(&res.into_body().collect().await.unwrap().to_bytes()).unwrap();
    assert_eq!(json["found"], true);
    assert_eq!(json["candidates"][0]["host"], "relay.srv-host.test");
    assert_eq!(json["candidates"][0]["verification"]["status"], "verified");
    assert_eq!(json["candidates"][0]["evidence"][0]["source"], "srv");

    in_german(&app).await;

    let res = app
        .clone()
        .oneshot(post(r#"{"email":"bob@auto.test"}"#, "text/event-stream"))
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let text =
        String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
    let sources = text.matches("event: source").count();
    assert_eq!(sources, 5, "{text}");
    assert!(text.contains("event: candidate"));
    let last = text.rfind("event: result").expect("a result event");
    assert!(text.rfind("event: candidate").unwrap() < last);

    // A discovery weighs 4 probes: with 5 per minute, the second one waits
    // while a single probe still fits.
    let small = smtp_doctor_probe::http::app(smtp_doctor_probe::http::AppState::new(
        smtp_doctor_probe::http::Settings {
            probes_per_minute: 5,
            ..Default::default()
        },
        w.engine.clone(),
    ));
    let one = small
        .clone()
        .oneshot(post(r#"{"email":"ops@srv.test"}"#, "application/json"))
        .await
        .unwrap();
    assert_eq!(one.status(), 200);
    let two = small
        .clone()
        .oneshot(post(r#"{"email":"ops@srv.test"}"#, "application/json"))
        .await
        .unwrap();
    assert_eq!(two.status(), 429);
    assert!(two.headers().contains_key(header::RETRY_AFTER));
    let probe = Request::post("/v1/probe")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(
            r#"{"config":{"host":"nothing-here.test","port":465,"security":"tls"},"checks":["connect"]}"#,
        ))
        .unwrap();
    assert_eq!(small.oneshot(probe).await.unwrap().status(), 200);

    for body in [
        "{}",
        r#"{"email":"not an address"}"#,
        r#"{"email":"a@b.test","extra":1}"#,
    ] {
        let res = app
            .clone()
            .oneshot(post(body, "application/json"))
            .await
            .unwrap();
        assert_eq!(res.status(), 400, "{body}");
    }
}

async fn cli(w: &World) {
    let dir = std::env::temp_dir().join(format!("discover-ca-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ca = dir.join("ca.pem");
    let mut pem = w.ca.pem.clone();
    for s in &w.servers {
        pem.push_str(s.ca_pem());
    }
    std::fs::write(&ca, pem).unwrap();
    let dns_text = w.dns.to_string();
    let ca_text = ca.to_string_lossy().into_owned();
    let run = async |args: &[&str]| {
        let mut all: Vec<String> = [
            "discover",
            "--dns-server",
            &dns_text,
            "--allow-target",
            "127.0.0.0/8",
            "--ca-file",
            &ca_text,
            "--timeout",
            "2",
        ]
        .iter()
        .chain(args)
        .map(|a| (*a).to_owned())
        .collect();
        // The servers run on this runtime: wait off its threads.
        tokio::task::spawn_blocking(move || {
            Command::new(env!("CARGO_BIN_EXE_smtp-doctor"))
                .args(std::mem::take(&mut all))
                .output()
                .unwrap()
        })
        .await
        .unwrap()
    };
    let out = run(&["bob@auto.test", "--json"]).await;
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["candidates"][0]["host"], "out.auto.test");
    let out = run(&["ops@srv.test"]).await;
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("relay.srv-host.test:465"), "{text}");
    assert!(text.contains("_submissions._tcp.srv.test"), "{text}");
    let out = run(&["who@nothing-here.test"]).await;
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("No SMTP server found"));
    let out = run(&["not an address@"]).await;
    assert_eq!(out.status.code(), Some(2));
}

async fn aiosmtpd_with_login(w: &World) {
    let _ = &w.aio;
    let r = run(w, AIO_USER).await;
    assert!(r.found, "{r:#?}");
    let order: Vec<(u16, VerifyStatus)> = r
        .candidates
        .iter()
        .map(|c| (c.port, c.verification.status))
        .collect();
    assert_eq!(
        order,
        vec![(465, VerifyStatus::Verified), (587, VerifyStatus::Verified)]
    );
    assert!(
        !r.candidates[0]
            .verification
            .passed
            .contains(&"auth".to_owned()),
        "no AUTH without a password"
    );

    let with = |password: &str| DiscoverRequest {
        email: Some(AIO_USER.into()),
        password: Some(password.to_owned().into()),
        ..DiscoverRequest::default()
    };
    let opts = DiscoverOptions::default();
    let r = discover(&w.engine, &with(AIO_PASSWORD), &opts, &mut |_| {})
        .await
        .unwrap();
    assert!(r.found, "{r:#?}");
    assert!(
        r.candidates[0]
            .verification
            .passed
            .contains(&"auth".to_owned())
    );
    assert!(r.message.contains("including the login"), "{}", r.message);
    let r = discover(&w.engine, &with("wrong"), &opts, &mut |_| {})
        .await
        .unwrap();
    assert!(!r.found);
    assert!(
        r.candidates.iter().all(|c| c
            .verification
            .diagnostics
            .iter()
            .any(|d| d.code.as_str() == "auth.failed")),
        "{r:#?}"
    );
}

/// Item 6 of the security issue, as the attack: an autoconfig file names
/// a plain-text server of another domain, SRV names a TLS server of
/// another domain. Neither may see the password (RFC 6186 §6).
async fn password_stays_home(w: &World) {
    let (_, log) =
        common::logging_peer::start_on(format!("{}:25", ip(11)).parse().unwrap(), false).await;
    let req = DiscoverRequest {
        email: Some("victim@lure.test".into()),
        password: Some("Lure-S3cret".to_owned().into()),
        ..DiscoverRequest::default()
    };
    let r = discover(&w.engine, &req, &DiscoverOptions::default(), &mut |_| {})
        .await
        .unwrap();
    let plain = r
        .candidates
        .iter()
        .find(|c| c.host == "mx.attacker.test")
        .unwrap_or_else(|| panic!("the autoconfig candidate: {r:#?}"));
    let srv = r
        .candidates
        .iter()
        .find(|c| c.host == "relay.attacker.test")
        .expect("the SRV candidate");
    for c in [plain, srv] {
        assert!(
            !c.verification.passed.contains(&"auth".to_owned()),
            "{c:#?}"
        );
    }
    assert_eq!(
        srv.verification.status,
        VerifyStatus::Verified,
        "verified without the login"
    );
    assert!(
        log.commands("AUTH").is_empty() && !log.lines().iter().any(|l| l.contains("Lure")),
        "the password reached another domain's plain-text server: {:?}",
        log.lines()
    );
    assert!(
        !log.lines().is_empty(),
        "the plain candidate was still verified: {:?}",
        log.lines()
    );
    assert!(!r.message.contains("including the login"), "{}", r.message);
}

/// Real reports (found, not found, conflicting) as TypeScript that `tsc`
/// checks against the package's `DiscoverReport` type in `cargo xtask
/// test`, so the shipped types follow the Rust shape.
async fn write_typescript_check(w: &World) {
    let mut reports = Vec::new();
    for email in [
        "ops@srv.test",
        "amy@conflict.test",
        "who@nothing-here.test",
        "me@redirect.test",
    ] {
        reports.push(serde_json::to_value(run(w, email).await).unwrap());
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/ts-check");
    std::fs::create_dir_all(&dir).unwrap();
    let ts = format!(
        "import type {{ DiscoverReport }} from \"../../web/smtp-doctor/pkg/smtp_doctor_wasm.js\";\n\
         export const reports = {} satisfies DiscoverReport[];\n",
        serde_json::Value::Array(reports)
    );
    std::fs::write(dir.join("discover.ts"), ts).unwrap();
}
