//! The SSRF matrix: 37 targets an attacker would try through `/v1/probe`,
//! each refused with `policy.blocked-address`, and a counting listener on
//! loopback proves no connection was made.
//!
//! It re-executes itself inside a fresh network namespace (`unshare -n`,
//! loopback only), so even an escape could not leave the machine: the
//! "public" address of the rebinding case has no route there.

mod common;

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use smtp_doctor_probe::http::{AppState, Settings, app};
use tower::ServiceExt;

const IN_NAMESPACE: &str = "SMTP_DOCTOR_SSRF_IN_NETNS";

const LITERALS: &[&str] = &[
    "127.0.0.1",
    "127.1",
    "2130706433",
    "0x7f000001",
    "0177.0.0.1",
    "0.0.0.0",
    "[::1]",
    "[::ffff:127.0.0.1]",
    "[64:ff9b::7f00:1]",
    "[::127.0.0.1]",
    "10.0.0.1",
    "172.16.0.1",
    "172.31.255.254",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "[fc00::1]",
    "[fd00::1]",
    "[fe80::1]",
    "224.0.0.1",
    "[ff02::1]",
    "255.255.255.255",
    "192.0.2.1",
    "198.51.100.1",
    "203.0.113.1",
    "[2001:db8::1]",
    "198.18.0.1",
    "240.0.0.1",
    "0.1.2.3",
    "[::]",
    "[::ffff:169.254.169.254]",
];

/// Names our DNS server resolves to refused addresses; `rebind.test`
/// answers a public address first and a private one second.
const NAMES: &[(&str, &[&str])] = &[
    ("localhost", &["127.0.0.1"]),
    ("loopback.test", &["127.0.0.1"]),
    ("metadata.test", &["169.254.169.254"]),
    ("private.test", &["10.0.0.5"]),
    ("six.test", &["::1"]),
    ("mapped.test", &["::ffff:10.0.0.1"]),
    ("rebind.test", &["93.184.216.34", "127.0.0.1"]),
    ("db.corp.internal", &["10.1.2.3"]),
];

fn main() -> ExitCode {
    if let Some(outside) = common::netns::enter(IN_NAMESPACE) {
        return outside;
    }
    tokio::runtime::Runtime::new().unwrap().block_on(matrix())
}

async fn counting_listener(addr: SocketAddr, count: Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
    tokio::spawn(async move {
        while let Ok((mut tcp, _)) = listener.accept().await {
            count.fetch_add(1, Ordering::SeqCst);
            let _ =
                tokio::io::AsyncWriteExt::write_all(&mut tcp, b"220 should-never-be-reached\r\n")
                    .await;
        }
    });
}

/// `serve --sandbox` on a host that also runs a local MTA (here: the
/// counting listeners on :25 and :587 of loopback): the sandbox's ports
/// are reachable, the MTA is not.
async fn sandbox_opens_only_its_own_ports(count: &Arc<AtomicUsize>) -> (usize, usize) {
    use std::io::BufRead as _;
    counting_listener("127.0.0.1:25".parse().unwrap(), Arc::clone(count)).await;
    counting_listener("[::1]:25".parse().unwrap(), Arc::clone(count)).await;
    let before = count.load(Ordering::SeqCst);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_smtp-doctor"))
        .args([
            "serve",
            "--store",
            "none",
            "--sandbox",
            "--listen",
            "127.0.0.1:0",
        ])
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut addr = String::new();
    let mut line = String::new();
    while out.read_line(&mut line).unwrap_or(0) > 0 {
        if let Some(a) = line.trim().strip_prefix("smtp-doctor listening on http://") {
            addr = a.to_owned();
            break;
        }
        line.clear();
    }
    let (mut passed, mut failed) = (0, 0);
    for (host, port, want) in [
        ("127.0.0.1", 25, "policy.blocked-address"),
        ("localhost", 25, "policy.blocked-address"),
        ("[::1]", 25, "policy.blocked-address"),
        ("localhost", 587, "policy.blocked-address"),
        ("localhost", 2587, ""),
    ] {
        let body = json!({
            "config": { "host": host, "port": port, "security": "starttls", "from": "demo@sandbox.test" },
            "checks": ["connect"]
        })
        .to_string();
        let response = http_post(&addr, "/v1/probe", &body).await;
        let ok = if want.is_empty() {
            response.contains("\"ok\":true")
        } else {
            response.contains(want)
        };
        if ok {
            passed += 1;
        } else {
            failed += 1;
            eprintln!("FAILED sandbox {host}:{port}: {response}");
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    if count.load(Ordering::SeqCst) == before {
        passed += 1;
    } else {
        failed += 1;
        eprintln!("FAILED: serve --sandbox connected to the local MTA");
    }
    (passed, failed)
}

/// A minimal HTTP/1.1 POST over a real socket; the whole answer.
async fn http_post(addr: &str, path: &str, body: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let Ok(mut tcp) = tokio::net::TcpStream::connect(addr).await else {
        return format!("cannot connect to {addr}");
    };
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let _ = tcp.write_all(request.as_bytes()).await;
    let mut text = String::new();
    let _ = tokio::time::timeout(Duration::from_secs(20), tcp.read_to_string(&mut text)).await;
    text
}

async fn matrix() -> ExitCode {
    let count = Arc::new(AtomicUsize::new(0));
    counting_listener("127.0.0.1:587".parse().unwrap(), Arc::clone(&count)).await;
    counting_listener("[::1]:587".parse().unwrap(), Arc::clone(&count)).await;
    let dns = common::dns::server(NAMES).await;
    // The default policy, as deployed; only the resolver points at our server.
    let engine = common::engine_with(|o| {
        o.policy = smtp_doctor_probe::policy::Policy::default();
        o.dns_server = Some(dns);
        o.timeout = Duration::from_secs(3);
    });
    let state = AppState::new(
        Settings {
            probes_per_minute: 1000,
            per_target: 100,
            ..Settings::default()
        },
        engine,
    );
    let targets: Vec<&str> = LITERALS
        .iter()
        .copied()
        .chain(NAMES.iter().map(|(n, _)| *n))
        .collect();
    let (mut passed, mut failed) = (0, 0);
    for target in &targets {
        let body = json!({
            "config": { "host": target, "port": 587, "security": "starttls", "username": "u@example.com", "password": "p", "from": "u@example.com" },
            "checks": ["auth"]
        });
        let req = Request::post("/v1/probe")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap();
        let resp = app(state.clone()).oneshot(req).await.unwrap();
        let status = resp.status();
        let bytes = resp.into_body().collect().await.unwrap().to_bytes();
        let report: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        let live: Vec<&str> = report["steps"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|s| s["diagnostics"].as_array().into_iter().flatten())
            .filter_map(|d| d["code"].as_str())
            .collect();
        // Never what an internal name resolves to (SPEC §7.3).
        let leaked: Vec<&str> = NAMES
            .iter()
            .filter(|(n, _)| n == target)
            .flat_map(|(_, ips)| ips.iter().copied())
            .filter(|ip| String::from_utf8_lossy(&bytes).contains(ip))
            .collect();
        if !leaked.is_empty() {
            failed += 1;
            eprintln!("FAILED {target}: the answer reveals {leaked:?}");
        } else if status == 200 && live == ["policy.blocked-address"] {
            passed += 1;
        } else {
            failed += 1;
            eprintln!("FAILED {target}: {status} {live:?}");
        }
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    let connections = count.load(Ordering::SeqCst);
    if connections == 0 {
        passed += 1;
    } else {
        failed += 1;
        eprintln!("FAILED: {connections} connection(s) reached the counting listener");
    }
    let (p, f) = sandbox_opens_only_its_own_ports(&count).await;
    passed += p;
    failed += f;
    println!(
        "ssrf matrix: {} targets in a private network namespace, and serve --sandbox",
        targets.len()
    );
    println!("{passed} passed, {failed} failed");
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
