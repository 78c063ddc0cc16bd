//! Shared test setup: certificates made at test time (a CA, a good leaf,
//! an expired one, a wrong-name one, a self-signed one), TLS acceptors for
//! scripted peers, and an engine allowed to reach loopback.

#![allow(dead_code, unreachable_pub, clippy::needless_pass_by_value)]

pub mod aiosmtpd;
pub mod dns;
pub mod logging_peer;
pub mod mailbox;
pub mod netns;
pub mod scenarios;
pub mod service;

use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use smtp_doctor_probe::engine::{Engine, EngineOptions, ProbeRequest};
use smtp_doctor_probe::policy::Policy;
use tokio_rustls::TlsAcceptor;

pub struct Certs {
    pub ca_pem: String,
    pub ca_der: CertificateDer<'static>,
    pub good: (Vec<CertificateDer<'static>>, PrivatePkcs8KeyDer<'static>),
    pub expired: (Vec<CertificateDer<'static>>, PrivatePkcs8KeyDer<'static>),
    pub wrong_name: (Vec<CertificateDer<'static>>, PrivatePkcs8KeyDer<'static>),
    pub self_signed: (Vec<CertificateDer<'static>>, PrivatePkcs8KeyDer<'static>),
    /// PEM files of the good leaf (for external servers).
    pub good_pem: (String, String),
    pub expired_pem: (String, String),
    pub wrong_name_pem: (String, String),
    pub self_signed_pem: (String, String),
    /// A good leaf (`localhost`, `127.0.0.1`) that ends in 5 days.
    pub expiring_pem: (String, String),
}

pub fn certs() -> &'static Certs {
    static CERTS: OnceLock<Certs> = OnceLock::new();
    CERTS.get_or_init(|| {
        let ca_key = KeyPair::generate().unwrap();
        let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca_params
            .distinguished_name
            .push(DnType::CommonName, "smtp-doctor test CA");
        let ca_cert = ca_params.self_signed(&ca_key).unwrap();
        let issuer = Issuer::new(ca_params, ca_key);
        let leaf = |names: &[&str], shift: Option<(i64, i64)>| {
            let key = KeyPair::generate().unwrap();
            let mut p =
                CertificateParams::new(names.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>())
                    .unwrap();
            p.distinguished_name.push(DnType::CommonName, names[0]);
            if let Some((from, to)) = shift {
                let now = time::OffsetDateTime::now_utc();
                p.not_before = now + time::Duration::days(from);
                p.not_after = now + time::Duration::days(to);
            }
            let cert = p.signed_by(&key, &issuer).unwrap();
            let pem = (cert.pem(), key.serialize_pem());
            (
                (
                    vec![cert.der().clone()],
                    PrivatePkcs8KeyDer::from(key.serialize_der()),
                ),
                pem,
            )
        };
        let (good, good_pem) = leaf(&["localhost", "127.0.0.1"], None);
        let (expired, expired_pem) = leaf(&["localhost"], Some((-400, -30)));
        let (wrong_name, wrong_name_pem) = leaf(&["mail.example.test"], None);
        let (_, expiring_pem) = leaf(&["localhost", "127.0.0.1"], Some((-60, 5)));
        let ss_key = KeyPair::generate().unwrap();
        let mut ss_params = CertificateParams::new(vec!["localhost".to_owned()]).unwrap();
        ss_params
            .distinguished_name
            .push(DnType::CommonName, "localhost");
        let ss = ss_params.self_signed(&ss_key).unwrap();
        let self_signed_pem = (ss.pem(), ss_key.serialize_pem());
        Certs {
            ca_pem: ca_cert.pem(),
            ca_der: ca_cert.der().clone(),
            good,
            expired,
            wrong_name,
            self_signed: (
                vec![ss.der().clone()],
                PrivatePkcs8KeyDer::from(ss_key.serialize_der()),
            ),
            good_pem,
            expired_pem,
            wrong_name_pem,
            self_signed_pem,
            expiring_pem,
        }
    })
}

pub fn acceptor(pair: &(Vec<CertificateDer<'static>>, PrivatePkcs8KeyDer<'static>)) -> TlsAcceptor {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(pair.0.clone(), PrivateKeyDer::Pkcs8(pair.1.clone_key()))
        .unwrap();
    TlsAcceptor::from(Arc::new(config))
}

/// An engine that may reach loopback on any port, trusting the test CA.
pub fn engine_with(tweak: impl FnOnce(&mut EngineOptions)) -> Engine {
    let mut opts = EngineOptions {
        policy: Policy::new(
            vec!["1024-65535".parse().unwrap()],
            vec!["127.0.0.0/8".parse().unwrap(), "::1".parse().unwrap()],
        ),
        extra_roots: vec![certs().ca_der.clone()],
        timeout: Duration::from_secs(4),
        deadline: Duration::from_secs(20),
        helo: smtp_doctor_core::wire::HeloName::parse("probe.test").unwrap(),
        // The scripted peers listen on 127.0.0.1 only; /etc/hosts may also
        // give ::1 for localhost, which the probe (IPv6 first) would then
        // report as a dead address. The tests' localhost is IPv4 only.
        local_zone: smtp_doctor_probe::engine::dns::LocalZone {
            apex: "localhost".into(),
            srv: Vec::new(),
            hosts: vec![("localhost".into(), vec![[127, 0, 0, 1].into()])],
            txt: Vec::new(),
        },
        ..EngineOptions::default()
    };
    tweak(&mut opts);
    Engine::new(opts).unwrap()
}

pub fn engine() -> Engine {
    engine_with(|_| {})
}

pub fn request(
    addr: SocketAddr,
    security: &str,
    extra: serde_json::Value,
    checks: &[&str],
) -> ProbeRequest {
    let mut config = serde_json::json!({
        "host": "localhost", "port": addr.port(), "security": security, "from": "me@example.com"
    });
    if let (Some(c), Some(e)) = (config.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            c.insert(k.clone(), v.clone());
        }
    }
    ProbeRequest {
        config: config.into(),
        checks: checks
            .iter()
            .map(|c| serde_json::from_value(serde_json::json!(c)).unwrap())
            .collect(),
        recipient: None,
        locale: "en",
    }
}

pub async fn probe(engine: &Engine, req: &ProbeRequest) -> smtp_doctor_core::report::Report {
    let mut noop = |_: &smtp_doctor_core::report::Step| {};
    tokio::time::timeout(Duration::from_secs(40), engine.probe(req, &mut noop))
        .await
        .expect("probe ends by its deadline")
}

/// The codes the live steps raised (static findings left out).
pub fn codes(report: &smtp_doctor_core::report::Report) -> Vec<String> {
    report
        .steps
        .iter()
        .flat_map(|s| &s.diagnostics)
        .map(|d| d.code.to_string())
        .collect()
}

/// True if a live step raised `code`.
pub fn has(report: &smtp_doctor_core::report::Report, code: &str) -> bool {
    codes(report).iter().any(|c| c == code)
}

/// True if a live step raised `code` and the report suggests `security`.
pub fn suggests(
    report: &smtp_doctor_core::report::Report,
    code: &str,
    security: smtp_doctor_core::Security,
) -> bool {
    has(report, code) && report.suggestion.as_ref().and_then(|s| s.security) == Some(security)
}

/// An SMTP server that accepts and never greets (a tarpit): a probe
/// against it holds its slots until its own deadline.
pub async fn silent_peer() -> SocketAddr {
    tarpit().await.addr
}

/// A tarpit that counts the connections it holds, so a test can wait until
/// a probe is really in it instead of sleeping a guess.
pub struct Tarpit {
    pub addr: SocketAddr,
    held: Arc<std::sync::atomic::AtomicUsize>,
}

pub async fn tarpit() -> Tarpit {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let held = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&held);
    tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok((tcp, _)) = listener.accept().await {
            open.push(tcp);
            count.fetch_add(1, Ordering::SeqCst);
        }
    });
    Tarpit { addr, held }
}

impl Tarpit {
    /// Returns once `n` connections were accepted (panics after 10 s).
    pub async fn holds(&self, n: usize) {
        assert!(
            until(Duration::from_secs(10), || {
                self.held.load(std::sync::atomic::Ordering::SeqCst) >= n
            })
            .await,
            "the tarpit never held {n} connection(s)"
        );
    }
}

/// Polls `ready` every 20 ms for at most `within`; whether it became true.
pub async fn until(within: Duration, mut ready: impl FnMut() -> bool) -> bool {
    let deadline = tokio::time::Instant::now() + within;
    loop {
        if ready() {
            return true;
        }
        if tokio::time::Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A loopback port free a moment ago (for servers we start ourselves).
/// Our inbox for `domain` on a free loopback port, with its made-up
/// certificate and the default limits.
pub async fn loopback_inbox(domain: &str) -> smtp_doctor_probe::inbox::Inbox {
    use smtp_doctor_probe::inbox::{Inbox, InboxLimits, InboxTls};
    Inbox::bind(
        domain,
        "127.0.0.1:0".parse().unwrap(),
        &InboxTls::SelfSigned,
        InboxLimits::default(),
    )
    .await
    .unwrap()
}

/// The Python with aiosmtpd that `cargo xtask test` prepares.
pub fn python() -> String {
    std::env::var("SMTP_DOCTOR_TEST_PYTHON").unwrap_or_else(|_| {
        let venv =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/py/bin/python3");
        if venv.exists() {
            venv.display().to_string()
        } else {
            "python3".into()
        }
    })
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A free loopback port ending in 465 (10465, 11465, …): one the probe
/// takes for implicit TLS, as providers' alternatives to 465 are.
pub fn tls_like_port() -> Option<u16> {
    (10..65u16)
        .map(|thousands| thousands * 1000 + 465)
        .find(|&port| std::net::TcpListener::bind(("127.0.0.1", port)).is_ok())
}

/// A fresh folder for one server under the cargo target dir, unique to
/// this process and this instance (tests in one binary run in parallel).
pub fn scratch_dir(name: &str) -> std::path::PathBuf {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("{name}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// `127.0.0.1:port`.
pub fn loopback(port: u16) -> SocketAddr {
    ([127, 0, 0, 1], port).into()
}

/// Captures every log line in memory, for tests that prove what is not logged.
#[derive(Clone, Default)]
pub struct Capture(pub Arc<std::sync::Mutex<Vec<u8>>>);

impl Capture {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl std::io::Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Runs the browser script `tests/e2e/{script}` with `env`, killed after
/// `limit`: the JSON line it printed last.
pub fn node_script(
    script: &str,
    env: &[(&str, String)],
    limit: std::time::Duration,
) -> serde_json::Value {
    use std::io::Read as _;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    assert!(
        root.join("web/smtp-doctor/pkg/smtp_doctor_wasm_bg.wasm")
            .exists(),
        "the package's wasm is not built: run `cargo xtask wasm` (cargo xtask test does)"
    );
    let mut child = std::process::Command::new("node")
        .arg(root.join("tests/e2e").join(script))
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("node (installed by `cargo xtask test`)");
    let deadline = std::time::Instant::now() + limit;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the browser run took longer than {limit:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    let (mut out, mut err) = (String::new(), String::new());
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(status.success(), "the browser run failed:\n{err}\n{out}");
    let line = out.lines().last().unwrap_or_default();
    serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {out}\n{err}"))
}

/// The port of a spawned `smtp-doctor serve`: the first line it prints on
/// stdout is `listening on http://ADDR:PORT`. `None` if it printed none.
pub fn listening_port(child: &mut std::process::Child) -> Option<u16> {
    use std::io::BufRead as _;
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take()?)
        .read_line(&mut line)
        .ok()?;
    line.trim().rsplit(':').next()?.parse().ok()
}
