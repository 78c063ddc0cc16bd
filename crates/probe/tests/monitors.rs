//! Monitors (`/v1/monitors`) as an integrator's backend meets them: a
//! monitor of aiosmtpd (a server we did not write) whose administrator
//! rotates the certificate to one ending in 5 days and withdraws PLAIN,
//! then stops it; each change arrives at a Node backend that checks every
//! signature with the package's helper and the Standard Webhooks
//! reference, though it answers 503 three times first. Then the attacks
//! and the replicas: many monitors of one host stay within the per-host
//! bound, settings with a password and inward webhook URLs are refused,
//! browser tokens and other keys see nothing; two replicas on Debian's
//! PostgreSQL run every due check exactly once over many rounds, and a
//! replica killed mid-check gives its lease back.

mod common;
#[path = "servers/postgres.rs"]
mod postgres;

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::aiosmtpd::{Aiosmtpd, USER};
use common::service::{Proc, http, replica};
use serde_json::{Value, json};

const KEY: &str = "backend-key-1";
/// Signs the browser tokens of `what_a_monitor_will_not_take`.
const TOKEN_KEY: &str = "browser-token-key-0123";

fn auth() -> [(&'static str, String); 1] {
    [("Authorization", format!("Bearer {KEY}"))]
}

/// A call with the API key.
fn call(port: u16, method: &str, path: &str, body: &Value) -> (u16, Value) {
    let [(k, v)] = auth();
    let body = if body.is_null() {
        String::new()
    } else {
        body.to_string()
    };
    let (status, text) = http(port, method, path, &[(k, &v)], &body);
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

/// Flags every monitor test's service takes: the test CA, an API key,
/// checks as often as every second, webhooks retried after 1 s.
fn flags(ca: &Path) -> Vec<String> {
    [
        "--ca-file",
        &ca.display().to_string(),
        "--api-key",
        KEY,
        "--monitor-min-interval",
        "1",
        "--webhook-backoff",
        "1",
        "--monitor-checks-per-host",
        "100000",
    ]
    .map(str::to_owned)
    .to_vec()
}

fn ca_file(dir: &Path) -> std::path::PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let ca = dir.join("ca.pem");
    std::fs::write(&ca, &common::certs().ca_pem).unwrap();
    ca
}

/// Polls `f` every 200 ms until it gives a value, for at most `limit`.
fn wait_for<T>(limit: Duration, what: &str, mut f: impl FnMut() -> Option<T>) -> T {
    let end = Instant::now() + limit;
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(Instant::now() < end, "gave up waiting for {what}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// The integrator's backend in Node (`tests/e2e/webhook_receiver.mjs`) on
/// `port`, answering 503 to the first `fail_first` requests.
struct Backend {
    child: Child,
    seen: Arc<Mutex<Vec<Value>>>,
}

impl Drop for Backend {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Backend {
    fn start(port: u16, secret: &str, fail_first: u32) -> Self {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let (cert, key) = &common::certs().good_pem;
        let mut child = Command::new("node")
            .arg(root.join("tests/e2e/webhook_receiver.mjs"))
            .env("SMTP_DOCTOR_WEBHOOK_SECRET", secret)
            .env("SMTP_DOCTOR_WEBHOOK_PORT", port.to_string())
            .env("SMTP_DOCTOR_WEBHOOK_FAIL_FIRST", fail_first.to_string())
            .env("SMTP_DOCTOR_TLS_CERT", cert)
            .env("SMTP_DOCTOR_TLS_KEY", key)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("node (installed by `cargo xtask test`)");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let first = lines.next().expect("the backend's port").unwrap();
        assert!(first.contains("port"), "{first}");
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&seen);
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                if let Ok(v) = serde_json::from_str(&line) {
                    log.lock().unwrap().push(v);
                }
            }
        });
        Self { child, seen }
    }

    fn seen(&self) -> Vec<Value> {
        self.seen.lock().unwrap().clone()
    }

    /// The events it accepted (204), by type.
    fn accepted(&self, kind: &str) -> Vec<Value> {
        self.seen()
            .into_iter()
            .filter(|s| s["status"] == 204)
            .map(|s| serde_json::from_str::<Value>(s["body"].as_str().unwrap()).unwrap())
            .filter(|b| b["type"] == kind)
            .collect()
    }
}

fn monitor_body(port: u16, webhook: u16) -> Value {
    json!({
        "config": {"host": "127.0.0.1", "port": port, "security": "tls", "username": USER},
        "label": "Acme invoices",
        "reference": "tenant-42",
        "webhookUrl": format!("https://127.0.0.1:{webhook}/hooks/smtp"),
        "intervalSeconds": 1,
        "lang": "de",
    })
}

#[test]
#[allow(clippy::too_many_lines)] // one monitor's life: baseline, rotation, withdrawal, outage, end
fn a_monitor_tells_the_backend_what_changed_signed_and_retried() {
    let dir = common::scratch_dir("monitor-life");
    let ca = ca_file(&dir);
    let certs = common::certs();
    let server = Aiosmtpd::start(None, &certs.good_pem, "CRAM-MD5");
    let ports = (server.starttls, server.tls);
    let store = format!("sqlite:{}", dir.join("store.db").display());
    let (_serve, port) = replica(
        &store,
        &dir.join("serve.log"),
        &flags(&ca).iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let hook = common::free_port();
    let (status, created) = call(
        port,
        "POST",
        "/v1/monitors",
        &monitor_body(server.tls, hook),
    );
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_str().unwrap().to_owned();
    let secret = created["webhookSecret"].as_str().unwrap().to_owned();
    assert!(secret.starts_with("whsec_"));
    let path = format!("/v1/monitors/{id}");
    // The baseline: it works, nothing to say.
    let first = wait_for(Duration::from_secs(20), "the first check", || {
        let (_, m) = call(port, "GET", &path, &Value::Null);
        (m["checksRun"].as_i64() >= Some(1)).then_some(m)
    });
    assert_eq!(first["status"], "working", "{first:#}");
    assert_eq!(
        first["last"]["mechanisms"],
        json!(["LOGIN", "PLAIN"]),
        "{first:#}"
    );
    assert_eq!(first["checks"][0]["events"], json!([]));
    // The secret is shown once: never in a listing or a monitor's view.
    let (_, list) = call(port, "GET", "/v1/monitors", &Value::Null);
    assert_eq!(list["monitors"].as_array().unwrap().len(), 1);
    assert!(!list.to_string().contains(&secret) && !first.to_string().contains(&secret));

    // The backend comes up, down for its first three requests.
    let backend = Backend::start(hook, &secret, 3);
    // The administrator renews to a certificate ending in 5 days and
    // switches PLAIN off.
    drop(server);
    let server = Aiosmtpd::start(Some(ports), &certs.expiring_pem, "CRAM-MD5,PLAIN");
    let kinds = [
        "monitor.certificate-replaced",
        "monitor.certificate-expiring",
        "monitor.auth-mechanism-withdrawn",
    ];
    wait_for(
        Duration::from_secs(40),
        "the three events, delivered",
        || {
            kinds
                .iter()
                .all(|k| backend.accepted(k).len() == 1)
                .then_some(())
        },
    );
    let seen = backend.seen();
    assert!(
        seen.len() >= 6,
        "three failed attempts and three deliveries: {seen:#?}"
    );
    assert_eq!(
        seen.iter().filter(|s| s["status"] == 503).count(),
        3,
        "{seen:#?}"
    );
    for s in &seen {
        assert_eq!(s["reference"], true, "the reference verifier refused {s}");
        assert_eq!(s["helper"]["ok"], true, "verifyWebhook refused {s}");
        assert_eq!(s["tampered"]["ok"], false, "{s}");
    }
    let expiring = &backend.accepted("monitor.certificate-expiring")[0];
    let diagnostic = &expiring["data"]["diagnostics"][0];
    assert_eq!(expiring["data"]["codes"], json!(["tls.cert-expiring"]));
    assert_eq!(diagnostic["params"]["days"], 5, "{expiring:#}");
    // In the monitor's language, with the registry's words.
    assert!(
        diagnostic["message"]
            .as_str()
            .unwrap()
            .contains("läuft in 5 Tagen ab"),
        "{diagnostic:#}"
    );
    assert_eq!(diagnostic["actor"], "it-admin");
    assert_eq!(expiring["data"]["monitor"]["reference"], "tenant-42");
    let withdrawn =
        &backend.accepted("monitor.auth-mechanism-withdrawn")[0]["data"]["diagnostics"][0];
    assert_eq!(withdrawn["code"], "auth.mechanism-withdrawn");
    assert_eq!(withdrawn["params"]["withdrawn"], "PLAIN");
    assert_eq!(withdrawn["params"]["offered"], "LOGIN");
    // A delivery that failed was retried under its own id, and the log
    // shows every attempt.
    let (_, m) = call(port, "GET", &path, &Value::Null);
    let deliveries = m["deliveries"].as_array().unwrap();
    assert_eq!(deliveries.len(), 3, "{m:#}");
    for d in deliveries {
        assert_eq!(d["state"], "delivered", "{d:#}");
        let statuses: Vec<&Value> = d["attempts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| &a["status"])
            .collect();
        assert_eq!(statuses.last(), Some(&&json!(204)), "{d:#}");
        let id = d["id"].as_str().unwrap();
        let tries = seen.iter().filter(|s| s["id"] == id).count();
        assert_eq!(
            tries,
            statuses.len(),
            "every attempt of {id} under its id: {seen:#?}"
        );
    }
    assert!(
        deliveries
            .iter()
            .map(|d| d["attempts"].as_array().unwrap().len())
            .sum::<usize>()
            == seen.len(),
        "{m:#}"
    );
    // Each change is said once: later checks of the same server are quiet.
    let checks_then = m["checksRun"].as_i64().unwrap();
    wait_for(Duration::from_secs(20), "two more checks", || {
        let (_, m) = call(port, "GET", &path, &Value::Null);
        (m["checksRun"].as_i64().unwrap() >= checks_then + 2).then_some(())
    });
    assert_eq!(backend.accepted("monitor.certificate-expiring").len(), 1);

    // The server goes away: the connection failed, with the cause.
    drop(server);
    let failed = wait_for(Duration::from_secs(20), "connection-failed", || {
        backend.accepted("monitor.connection-failed").pop()
    });
    assert_eq!(
        failed["data"]["codes"],
        json!(["tcp.refused"]),
        "{failed:#}"
    );
    let (_, m) = call(port, "GET", &path, &Value::Null);
    assert_eq!(m["status"], "failing");
    let (_, metrics) = http(
        port,
        "GET",
        "/metrics",
        &[("Authorization", &format!("Bearer {KEY}"))],
        "",
    );
    assert!(metrics.contains("smtp_doctor_monitors 1"), "{metrics}");
    assert!(
        metrics.contains("smtp_doctor_webhooks_failing 0"),
        "{metrics}"
    );
    assert!(metrics.contains("smtp_doctor_monitors_late 0"), "{metrics}");

    // Ended: gone, with its history.
    let (status, _) = call(port, "DELETE", &path, &Value::Null);
    assert_eq!(status, 204);
    assert_eq!(call(port, "GET", &path, &Value::Null).0, 404);
    assert_eq!(call(port, "DELETE", &path, &Value::Null).0, 404);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A TCP peer that counts connections and greets like an SMTP server
/// that offers nothing (plain text, one EHLO line).
fn counting_peer() -> (u16, Arc<AtomicUsize>, Arc<std::sync::atomic::AtomicBool>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let count = Arc::new(AtomicUsize::new(0));
    let open = Arc::new(std::sync::atomic::AtomicBool::new(true));
    let (n, gate) = (Arc::clone(&count), Arc::clone(&open));
    listener.set_nonblocking(true).unwrap();
    std::thread::spawn(move || {
        // Closed by the test: the listener goes, connections are refused.
        while gate.load(Ordering::SeqCst) {
            match listener.accept() {
                Ok((tcp, _)) => {
                    n.fetch_add(1, Ordering::SeqCst);
                    std::thread::spawn(move || smtp_peer(tcp));
                }
                Err(_) => std::thread::sleep(Duration::from_millis(10)),
            }
        }
    });
    (port, count, open)
}

fn smtp_peer(mut tcp: std::net::TcpStream) {
    tcp.set_nonblocking(false).unwrap();
    tcp.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let _ = tcp.write_all(b"220 counter.test ESMTP\r\n");
    let mut reader = BufReader::new(tcp.try_clone().unwrap());
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 0) {
        let verb = line.get(..4).unwrap_or_default().to_ascii_uppercase();
        let answer: &[u8] = match verb.as_str() {
            "EHLO" => b"250-counter.test\r\n250 AUTH PLAIN LOGIN\r\n",
            "QUIT" => b"221 bye\r\n",
            _ => b"250 ok\r\n",
        };
        let _ = tcp.write_all(answer);
        if verb == "QUIT" {
            break;
        }
        line.clear();
    }
}

fn plain_monitor(port: u16, reference: &str) -> Value {
    json!({
        "config": {"host": "127.0.0.1", "port": port, "security": "none"},
        "reference": reference,
        "webhookUrl": "https://127.0.0.1:9999/hooks",
        "intervalSeconds": 1,
    })
}

#[test]
fn many_monitors_of_one_host_stay_within_the_hourly_bound() {
    let dir = common::scratch_dir("monitor-bound");
    let ca = ca_file(&dir);
    let mut extra = flags(&ca);
    let at = extra
        .iter()
        .position(|f| f == "--monitor-checks-per-host")
        .unwrap();
    extra[at + 1] = "3".into();
    let store = format!("sqlite:{}", dir.join("store.db").display());
    let (_serve, port) = replica(
        &store,
        &dir.join("serve.log"),
        &extra.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let (peer, connections, _open) = counting_peer();
    // An integrator (or an attacker with a key) points ten monitors at
    // one relay, each every second.
    for n in 0..10 {
        let (status, m) = call(
            port,
            "POST",
            "/v1/monitors",
            &plain_monitor(peer, &format!("m{n}")),
        );
        assert_eq!(status, 201, "{m}");
    }
    std::thread::sleep(Duration::from_secs(5));
    let seen = connections.load(Ordering::SeqCst);
    assert!(seen >= 1, "the monitors ran");
    assert!(
        seen <= 3,
        "the relay saw {seen} checks in 5 s; the bound is 3 an hour"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn what_a_monitor_will_not_take() {
    let dir = common::scratch_dir("monitor-refusals");
    let ca = ca_file(&dir);
    let store = format!("sqlite:{}", dir.join("store.db").display());
    let mut extra = flags(&ca);
    extra.extend(["--token-key".into(), TOKEN_KEY.into()]);
    let (_serve, port) = replica(
        &store,
        &dir.join("serve.log"),
        &extra.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let (peer, _, _open) = counting_peer();
    let refused = |body: Value, why: &str| {
        let (status, answer) = call(port, "POST", "/v1/monitors", &body);
        assert_eq!(status, 400, "{why}: {answer}");
        let text = answer.to_string();
        assert!(!text.contains("hunter2"), "{text}");
        text
    };
    let mut with_password = plain_monitor(peer, "p");
    with_password["config"]["password"] = json!("hunter2");
    assert!(refused(with_password, "a password").contains("never logs in"));
    let mut with_token = plain_monitor(peer, "t");
    with_token["config"]["accessToken"] = json!("eyJhunter2");
    refused(with_token, "a token");
    for url in [
        "http://hooks.example.com/smtp",
        "https://user:hunter2@hooks.example.com/smtp",
        "https://hooks.example.com:22/smtp",
        "https://hooks.example.com/smtp\r\nX-Injected: 1",
        "https://10.0.0.1/smtp",
        "https://169.254.169.254/latest/meta-data",
    ] {
        let mut body = plain_monitor(peer, "u");
        body["webhookUrl"] = json!(url);
        refused(body, url);
    }
    let mut fast = plain_monitor(peer, "f");
    fast["intervalSeconds"] = json!(0);
    refused(fast, "an interval under the floor");
    let mut nohost = plain_monitor(peer, "h");
    nohost["config"]["host"] = json!("");
    refused(nohost, "no host");
    let mut long = plain_monitor(peer, "l");
    long["label"] = json!("x".repeat(201));
    refused(long, "a long label");
    // A browser token opens the probe, never monitors; without a key,
    // nothing.
    let (status, m) = call(port, "POST", "/v1/monitors", &plain_monitor(peer, "ok"));
    assert_eq!(status, 201, "{m}");
    let path = format!("/v1/monitors/{}", m["id"].as_str().unwrap());
    let token = jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        &json!({"exp": smtp_doctor_probe::http::token::now() + 300, "scope": "probe validate share"}),
        &jsonwebtoken::EncodingKey::from_secret(TOKEN_KEY.as_bytes()).unwrap(),
    )
    .unwrap();
    let bearer = format!("Bearer {token}");
    for (method, at) in [
        ("GET", "/v1/monitors"),
        ("GET", path.as_str()),
        ("DELETE", path.as_str()),
    ] {
        let (status, answer) = http(port, method, at, &[("Authorization", &bearer)], "");
        assert_eq!(status, 403, "{method} {at} with a browser token: {answer}");
        assert_eq!(http(port, method, at, &[], "").0, 401);
        assert_eq!(
            http(
                port,
                method,
                at,
                &[("Authorization", "Bearer not-a-key")],
                ""
            )
            .0,
            401
        );
    }
    let (status, _) = http(
        port,
        "POST",
        "/v1/monitors",
        &[("Authorization", &bearer)],
        &plain_monitor(peer, "t").to_string(),
    );
    assert_eq!(status, 403);
    // Still there, for its key.
    assert_eq!(call(port, "GET", &path, &Value::Null).0, 200);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Replicas of `serve` on one PostgreSQL, checking monitors one at a
/// time each, logging to `dir/{name}.log`.
fn pg_replicas(url: &str, dir: &Path, names: &[&str], more: &[&str]) -> Vec<(Proc, u16)> {
    let ca = ca_file(dir);
    let mut extra = flags(&ca);
    extra.extend(["--monitor-parallel".into(), "1".into()]);
    extra.extend(more.iter().map(|s| (*s).to_owned()));
    let extra: Vec<&str> = extra.iter().map(String::as_str).collect();
    names
        .iter()
        .map(|name| replica(url, &dir.join(format!("{name}.log")), &extra))
        .collect()
}

#[test]
fn two_replicas_run_each_due_check_exactly_once() {
    let pg = postgres::Postgres::start().unwrap_or_else(|e| panic!("{e}"));
    let dir = common::scratch_dir("monitor-replicas");
    let replicas = pg_replicas(&pg.url(), &dir, &["a", "b"], &[]);
    let (a, b) = (replicas[0].1, replicas[1].1);
    // Four monitors, each on its own counting relay: a relay's count is
    // how many checks really ran.
    let peers: Vec<_> = (0..4).map(|_| counting_peer()).collect();
    let mut ids = Vec::new();
    for (n, (peer, _, _)) in peers.iter().enumerate() {
        let via = if n % 2 == 0 { a } else { b };
        let (status, m) = call(
            via,
            "POST",
            "/v1/monitors",
            &plain_monitor(*peer, &format!("r{n}")),
        );
        assert_eq!(status, 201, "{m}");
        ids.push(m["id"].as_str().unwrap().to_owned());
    }
    std::thread::sleep(Duration::from_secs(10));
    // The relays close; checks from now on find nothing to connect to.
    for (_, _, open) in &peers {
        open.store(false, Ordering::SeqCst);
    }
    std::thread::sleep(Duration::from_secs(4));
    let mut replicas_seen = std::collections::HashSet::new();
    for (id, (_, connections, _)) in ids.iter().zip(&peers) {
        let (_, m) = call(b, "GET", &format!("/v1/monitors/{id}"), &Value::Null);
        let checks = m["checks"].as_array().unwrap();
        let working = checks.iter().filter(|c| c["works"] == true).count();
        let connected = connections.load(Ordering::SeqCst);
        assert!(working >= 5, "{id} ran {working} rounds in 10 s: {m:#}");
        assert_eq!(
            working, connected,
            "{id}: the relay saw {connected} checks, {working} were recorded: a check ran twice or was lost"
        );
        let mut due: Vec<&str> = checks
            .iter()
            .map(|c| c["dueAt"].as_str().unwrap())
            .collect();
        let n = due.len();
        due.dedup();
        assert_eq!(due.len(), n, "one check per due time");
        replicas_seen.extend(
            checks
                .iter()
                .map(|c| c["replica"].as_str().unwrap().to_owned()),
        );
    }
    assert_eq!(
        replicas_seen.len(),
        2,
        "both replicas took turns: {replicas_seen:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A 6 s deadline: a check's lease lasts 11 s.
const SHORT_LEASE: &[&str] = &["--deadline", "6"];

#[test]
fn a_replica_killed_mid_check_gives_its_lease_back() {
    let pg = postgres::Postgres::start().unwrap_or_else(|e| panic!("{e}"));
    let dir = common::scratch_dir("monitor-killed");
    let mut first = pg_replicas(&pg.url(), &dir, &["a"], SHORT_LEASE);
    let a = first[0].1;
    // A relay that answers its first connection only after 30 s: the
    // first check is still running when its replica dies.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let peer = listener.local_addr().unwrap().port();
    let accepted = Arc::new(AtomicUsize::new(0));
    let n = Arc::clone(&accepted);
    std::thread::spawn(move || {
        for tcp in listener.incoming().map_while(Result::ok) {
            let k = n.fetch_add(1, Ordering::SeqCst);
            std::thread::spawn(move || {
                if k == 0 {
                    std::thread::sleep(Duration::from_secs(30));
                }
                smtp_peer(tcp);
            });
        }
    });
    let mut body = plain_monitor(peer, "slow");
    body["intervalSeconds"] = json!(3600);
    let (status, m) = call(a, "POST", "/v1/monitors", &body);
    assert_eq!(status, 201, "{m}");
    let id = m["id"].as_str().unwrap().to_owned();
    wait_for(
        Duration::from_secs(10),
        "replica A's check to start",
        || (accepted.load(Ordering::SeqCst) == 1).then_some(()),
    );
    let (mut dead, _) = first.pop().unwrap();
    dead.0.kill().unwrap();
    let _ = dead.0.wait();
    let killed = Instant::now();
    let second = pg_replicas(&pg.url(), &dir, &["b"], SHORT_LEASE);
    let b = second[0].1;
    let m = wait_for(
        Duration::from_secs(40),
        "replica B to take the lease",
        || {
            let (_, m) = call(b, "GET", &format!("/v1/monitors/{id}"), &Value::Null);
            (m["checksRun"] == 1).then_some(m)
        },
    );
    let waited = killed.elapsed();
    assert_eq!(m["checks"].as_array().unwrap().len(), 1, "{m:#}");
    assert_eq!(m["checks"][0]["works"], true, "{m:#}");
    assert_eq!(
        accepted.load(Ordering::SeqCst),
        2,
        "A's connection, then B's"
    );
    // B waited for A's lease to end (the deadline and 5 s after A
    // claimed it), not less.
    assert!(waited >= Duration::from_secs(8), "{waited:?}");
    let mut log = String::new();
    std::fs::File::open(dir.join("b.log"))
        .unwrap()
        .read_to_string(&mut log)
        .unwrap();
    assert!(log.contains("monitor checked"), "{log}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The README's backend (`examples/monitor_backend.mjs`), run as it is:
/// it subscribes a customer's saved settings (password and all: it strips
/// them) and hears of the certificate its server was renewed to.
#[test]
fn the_readme_backend_subscribes_and_hears_what_changed() {
    let dir = common::scratch_dir("monitor-readme");
    let ca = ca_file(&dir);
    let certs = common::certs();
    let server = Aiosmtpd::start(None, &certs.good_pem, "CRAM-MD5");
    let ports = (server.starttls, server.tls);
    let store = format!("sqlite:{}", dir.join("store.db").display());
    let extra = flags(&ca);
    let (_serve, port) = replica(
        &store,
        &dir.join("serve.log"),
        &extra.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (cert, key) = &certs.good_pem;
    let settings = json!({
        "host": "127.0.0.1", "port": server.tls, "security": "tls",
        "username": USER, "password": "saved-password-1",
    });
    let mut child = Command::new("node")
        .arg(root.join("examples/monitor_backend.mjs"))
        .env("SMTP_DOCTOR_URL", format!("http://127.0.0.1:{port}"))
        .env("SMTP_DOCTOR_API_KEY", KEY)
        .env("TLS_CERT", cert)
        .env("TLS_KEY", key)
        .env("CUSTOMER", "acme")
        .env("SETTINGS", settings.to_string())
        .env("INTERVAL_SECONDS", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node (installed by `cargo xtask test`)");
    let lines = Arc::new(Mutex::new(Vec::<Value>::new()));
    let log = Arc::clone(&lines);
    let out = BufReader::new(child.stdout.take().unwrap());
    std::thread::spawn(move || {
        for line in out.lines().map_while(Result::ok) {
            log.lock()
                .unwrap()
                .push(serde_json::from_str(&line).unwrap_or(json!(line)));
        }
    });
    let id = wait_for(Duration::from_secs(20), "the backend's monitor", || {
        lines
            .lock()
            .unwrap()
            .iter()
            .find_map(|l| l["monitor"].as_str().map(str::to_owned))
    });
    wait_for(Duration::from_secs(20), "the baseline check", || {
        let (_, m) = call(port, "GET", &format!("/v1/monitors/{id}"), &Value::Null);
        (m["checksRun"].as_i64() >= Some(1)).then_some(())
    });
    let (_, m) = call(port, "GET", &format!("/v1/monitors/{id}"), &Value::Null);
    assert!(!m.to_string().contains("saved-password-1"), "{m:#}");
    drop(server);
    let _server = Aiosmtpd::start(Some(ports), &certs.expiring_pem, "CRAM-MD5");
    let heard = wait_for(Duration::from_secs(30), "the backend to hear of it", || {
        let l = lines.lock().unwrap();
        let kinds: Vec<&str> = l.iter().filter_map(|l| l["type"].as_str()).collect();
        (kinds.contains(&"monitor.certificate-replaced")
            && kinds.contains(&"monitor.certificate-expiring"))
        .then(|| l.clone())
    });
    let _ = child.kill();
    let _ = child.wait();
    let expiring = heard
        .iter()
        .find(|l| l["type"] == "monitor.certificate-expiring")
        .unwrap();
    assert_eq!(expiring["customer"], "acme");
    assert_eq!(expiring["codes"], json!(["tls.cert-expiring"]));
    assert!(
        expiring["message"]
            .as_str()
            .unwrap()
            .contains("expires in 5 days"),
        "{expiring}"
    );
    assert_eq!(
        heard.iter().filter(|l| l["type"].is_string()).count(),
        2,
        "each change once: {heard:#?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
