//! Webhook delivery (issue 30's foundation) against a receiver on
//! loopback that verifies each request with the Standard Webhooks
//! reference implementation: retries with backoff until it answers 2xx,
//! one id for all attempts, each attempt signed afresh; no retry where
//! none can help; and a webhook URL as an attack — an internal address,
//! plain http, credentials, another port — refused before any connection.

mod common;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::http::HeaderMap;
use smtp_doctor_probe::webhook::{self, BadWebhookUrl, Message, Retry, WebhookSecret, WebhookUrl};
use tokio::io::{AsyncBufReadExt as _, AsyncReadExt as _, AsyncWriteExt as _};

/// What the receiver saw of one request.
#[derive(Clone, Debug)]
struct Seen {
    headers: HeaderMap,
    body: String,
    verified: bool,
}

/// An HTTPS receiver (the test CA's `localhost` certificate) answering
/// `statuses` in turn (the last one ever after), checking each request's
/// signature with `secret` by the `standardwebhooks` crate.
async fn receiver(statuses: Vec<u16>, secret: &str) -> (SocketAddr, Arc<Mutex<Vec<Seen>>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    let verifier = standardwebhooks::Webhook::new(secret).unwrap();
    let acceptor = common::acceptor(&common::certs().good);
    tokio::spawn(async move {
        let verifier = Arc::new(verifier);
        let mut n = 0;
        while let Ok((tcp, _)) = listener.accept().await {
            let status = statuses[n.min(statuses.len() - 1)];
            n += 1;
            let (acceptor, log, verifier) =
                (acceptor.clone(), Arc::clone(&log), Arc::clone(&verifier));
            tokio::spawn(async move {
                let Ok(tls) = acceptor.accept(tcp).await else {
                    return;
                };
                let mut io = tokio::io::BufReader::new(tls);
                let mut headers = HeaderMap::new();
                let mut line = String::new();
                io.read_line(&mut line).await.unwrap(); // POST /hook HTTP/1.1
                loop {
                    line.clear();
                    io.read_line(&mut line).await.unwrap();
                    let Some((k, v)) = line.trim_end().split_once(": ") else {
                        break;
                    };
                    headers.insert(
                        axum::http::HeaderName::from_bytes(k.to_ascii_lowercase().as_bytes())
                            .unwrap(),
                        v.parse().unwrap(),
                    );
                }
                let length: usize = headers["content-length"].to_str().unwrap().parse().unwrap();
                let mut body = vec![0; length];
                io.read_exact(&mut body).await.unwrap();
                let signed = verifier.verify(&body, &headers).is_ok();
                log.lock().unwrap().push(Seen {
                    headers,
                    body: String::from_utf8(body).unwrap(),
                    verified: signed,
                });
                let answer = format!(
                    "HTTP/1.1 {status} X\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                );
                let _ = io.get_mut().write_all(answer.as_bytes()).await;
                let _ = io.get_mut().shutdown().await;
            });
        }
    });
    (addr, seen)
}

fn quick() -> Retry {
    Retry {
        attempts: 5,
        first: Duration::from_millis(100),
        max: Duration::from_millis(400),
    }
}

#[tokio::test]
async fn a_webhook_is_retried_until_it_lands_each_attempt_signed() {
    let engine = common::engine();
    let secret = WebhookSecret::new().unwrap();
    let (addr, seen) = receiver(vec![500, 502, 503, 204], secret.as_str()).await;
    let url = WebhookUrl::parse(
        &format!("https://localhost:{}/hook?monitor=7", addr.port()),
        &engine,
    )
    .unwrap();
    let payload = r#"{"type":"monitor.certificate-expiring","data":{"days":5}}"#;
    let message = Message {
        id: "msg_2bYc3W7tKq",
        payload,
    };
    let mut logged = Vec::new();
    let started = std::time::Instant::now();
    let delivery = webhook::deliver(&engine, &url, &secret, &message, quick(), &mut |a| {
        logged.push(a.clone());
    })
    .await;
    assert!(delivery.delivered, "{delivery:#?}");
    let statuses: Vec<Option<u16>> = delivery.attempts.iter().map(|a| a.status).collect();
    assert_eq!(statuses, [Some(500), Some(502), Some(503), Some(204)]);
    assert_eq!(
        logged, delivery.attempts,
        "every attempt is logged as it ends"
    );
    // Backoff: 100 + 200 + 400 ms at least between the four attempts.
    assert!(
        started.elapsed() >= Duration::from_millis(700),
        "{:?}",
        started.elapsed()
    );
    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 4);
    for s in &seen {
        assert!(s.verified, "the reference verifier refused {s:?}");
        assert_eq!(
            s.headers["webhook-id"], "msg_2bYc3W7tKq",
            "one id for every attempt"
        );
        assert_eq!(s.body, payload);
        assert_eq!(s.headers["content-type"], "application/json");
    }
    // Signed with another secret: the receiver's check fails.
    let other = WebhookSecret::new().unwrap();
    let (addr, seen) = receiver(vec![200], secret.as_str()).await;
    let url =
        WebhookUrl::parse(&format!("https://localhost:{}/hook", addr.port()), &engine).unwrap();
    webhook::attempt_once(&engine, &url, &other, &message).await;
    assert!(!seen.lock().unwrap()[0].verified);
}

#[tokio::test]
async fn no_retry_where_none_can_help() {
    let engine = common::engine();
    let secret = WebhookSecret::new().unwrap();
    let (addr, seen) = receiver(vec![410], secret.as_str()).await;
    let url =
        WebhookUrl::parse(&format!("https://localhost:{}/gone", addr.port()), &engine).unwrap();
    let message = Message {
        id: "msg_1",
        payload: "{}",
    };
    let delivery = webhook::deliver(&engine, &url, &secret, &message, quick(), &mut |_| {}).await;
    assert!(!delivery.delivered);
    assert_eq!(delivery.attempts.len(), 1, "{delivery:#?}");
    assert_eq!(seen.lock().unwrap().len(), 1);
    // Nobody listening: tried again, all attempts, then given up.
    let closed = common::free_port();
    let url = WebhookUrl::parse(&format!("https://localhost:{closed}/"), &engine).unwrap();
    let delivery = webhook::deliver(&engine, &url, &secret, &message, quick(), &mut |_| {}).await;
    assert!(!delivery.delivered);
    assert_eq!(delivery.attempts.len(), 5);
    assert!(
        delivery
            .attempts
            .iter()
            .all(|a| a.status.is_none() && a.error.is_some())
    );
}

#[tokio::test]
async fn a_webhook_url_cannot_aim_the_service_inward() {
    // The service's policy as in production: no loopback, no private
    // ranges. `hooks.localhost` resolves to 127.0.0.1, where a counting
    // listener waits for a connection that must never come.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let accepted = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&accepted);
    tokio::spawn(async move {
        while listener.accept().await.is_ok() {
            count.fetch_add(1, Ordering::SeqCst);
        }
    });
    let engine = common::engine_with(|o| {
        o.policy = smtp_doctor_probe::policy::Policy::new(
            vec![format!("{port}").parse().unwrap()],
            Vec::new(),
        );
        o.local_zone
            .hosts
            .push(("hooks.localhost".into(), vec![[127, 0, 0, 1].into()]));
    });
    let secret = WebhookSecret::new().unwrap();
    let message = Message {
        id: "msg_x",
        payload: "{}",
    };
    for target in [format!("https://hooks.localhost:{port}/")] {
        let url = WebhookUrl::parse(&target, &engine).unwrap();
        let delivery =
            webhook::deliver(&engine, &url, &secret, &message, quick(), &mut |_| {}).await;
        assert!(!delivery.delivered);
        assert_eq!(delivery.attempts.len(), 1, "blocked is final: {target}");
        let error = delivery.attempts[0].error.clone().unwrap_or_default();
        assert!(error.starts_with("blocked"), "{target}: {error}");
        assert!(
            !error.contains("127.0.0.1") || target.contains("127.0.0.1"),
            "the internal address is not revealed: {error}"
        );
    }
    assert_eq!(
        accepted.load(Ordering::SeqCst),
        0,
        "a connection reached the internal listener"
    );
    let refused = |text: &str| WebhookUrl::parse(text, &engine).unwrap_err();
    // An internal address written out is refused when it is given.
    for inward in [
        format!("https://127.0.0.1:{port}/"),
        "https://10.0.0.1/".into(),
        "https://[::1]/".into(),
        "https://169.254.169.254/latest/meta-data".into(),
        "https://[::ffff:127.0.0.1]/".into(),
    ] {
        assert_eq!(refused(&inward), BadWebhookUrl::Internal, "{inward}");
    }
    assert_eq!(refused("http://hooks.example.com/"), BadWebhookUrl::Shape);
    assert_eq!(
        refused("https://user:pw@hooks.example.com/"),
        BadWebhookUrl::Credentials
    );
    assert_eq!(
        refused("https://hooks.example.com:6379/"),
        BadWebhookUrl::Port(6379)
    );
    assert_eq!(
        refused("https://hooks.example.com/a\r\nHost: x"),
        BadWebhookUrl::Shape
    );
    assert_eq!(
        refused(&format!("https://hooks.example.com/{}", "a".repeat(3000))),
        BadWebhookUrl::Shape
    );
}

/// The integrator's side in Node (tests/e2e/webhook_receiver.mjs): the
/// reference verifier and `verifyWebhook` from smtp-doctor/server both
/// accept what the service signs, and the helper refuses a changed body.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_node_backend_verifies_it_with_the_package_s_helper() {
    use std::io::BufRead as _;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let secret = WebhookSecret::new().unwrap();
    let (cert, key) = &common::certs().good_pem;
    let mut child = std::process::Command::new("node")
        .arg(root.join("tests/e2e/webhook_receiver.mjs"))
        .env("SMTP_DOCTOR_WEBHOOK_SECRET", secret.as_str())
        .env("SMTP_DOCTOR_TLS_CERT", cert)
        .env("SMTP_DOCTOR_TLS_KEY", key)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("node (installed by `cargo xtask test`)");
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let mut next = move || -> serde_json::Value {
        serde_json::from_str(&lines.next().expect("a line").unwrap()).unwrap()
    };
    let port = tokio::task::block_in_place(&mut next)["port"]
        .as_u64()
        .unwrap();
    let engine = common::engine();
    let url = WebhookUrl::parse(&format!("https://localhost:{port}/smtp-doctor"), &engine).unwrap();
    let payload = r#"{"type":"monitor.auth-mechanism-withdrawn","data":{"mechanism":"PLAIN","ü":"non-ASCII"}}"#;
    let message = Message {
        id: "msg_node_1",
        payload,
    };
    let delivery = webhook::deliver(&engine, &url, &secret, &message, quick(), &mut |_| {}).await;
    assert!(delivery.delivered, "{delivery:#?}");
    let seen = tokio::task::block_in_place(&mut next);
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(seen["reference"], true, "{seen}");
    assert_eq!(seen["helper"]["ok"], true, "{seen}");
    assert_eq!(seen["helper"]["id"], "msg_node_1");
    assert_eq!(seen["tampered"]["reason"], "bad-signature", "{seen}");
    assert_eq!(seen["body"], payload);
}
