//! Every probe ends by its deadline, and a client that leaves takes its
//! probe with it (SPEC §7.3), tried as the attacks that found the bugs:
//! a name with 30 addresses whose SYNs are dropped, and clients that open
//! a streamed (and a plain) probe against a silent server and hang up.
//! Loopback only: the "dropped SYNs" are listeners whose accept queue is
//! full, which Linux answers by dropping the SYN.

mod common;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use serde_json::json;
use smtp_doctor_probe::engine::MAX_ADDRESSES;
use smtp_doctor_probe::http::{self, AppState, Settings};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

/// A listener on `ip:port` that never accepts, its one-slot queue filled:
/// further SYNs to it are dropped and a connect hangs.
async fn black_hole(ip: [u8; 4], port: u16) -> (tokio::net::TcpListener, Vec<TcpStream>) {
    let addr = SocketAddr::from((ip, port));
    let socket = TcpSocket::new_v4().unwrap();
    socket.set_reuseaddr(true).unwrap();
    socket.bind(addr).unwrap();
    let listener = socket.listen(0).unwrap();
    let mut fillers = Vec::new();
    // A backlog of 0 queues one connection (Linux keeps backlog + 1).
    for _ in 0..2 {
        if let Ok(Ok(s)) =
            tokio::time::timeout(Duration::from_millis(50), TcpStream::connect(addr)).await
        {
            fillers.push(s);
        }
    }
    (listener, fillers)
}

#[tokio::test]
async fn thirty_silent_addresses_end_by_the_deadline_and_at_most_eight_are_tried() {
    let port = 40_000 + u16::try_from(std::process::id() % 20_000).unwrap();
    let mut holes = Vec::new();
    let ips: Vec<String> = (1..=30u8).map(|i| format!("127.0.9.{i}")).collect();
    for i in 1..=30u8 {
        holes.push(black_hole([127, 0, 9, i], port).await);
    }
    let ip_refs: Vec<&str> = ips.iter().map(String::as_str).collect();
    let dns = common::dns::server(&[("many.test", &ip_refs)]).await;
    let engine = common::engine_with(|o| {
        o.dns_server = Some(dns);
        o.timeout = Duration::from_secs(8);
        o.deadline = Duration::from_secs(3);
    });
    let mut req = common::request(
        SocketAddr::from(([127, 0, 0, 1], port)),
        "starttls",
        json!({}),
        &["connect"],
    );
    req.config["host"] = json!("many.test");
    let started = Instant::now();
    let report = common::probe(&engine, &req).await;
    let took = started.elapsed();
    assert!(
        took < Duration::from_millis(3_600),
        "ran {took:?} against a 3 s deadline"
    );
    assert!(
        common::has(&report, "tcp.timeout"),
        "{:?}",
        common::codes(&report)
    );
    assert_eq!(report.target.addresses.len(), MAX_ADDRESSES);
    drop(holes);
}

async fn service(max_probes: usize) -> SocketAddr {
    let state = AppState::new(
        Settings {
            max_probes,
            probes_per_minute: 1000,
            per_target: 100,
            ..Settings::default()
        },
        common::engine_with(|o| {
            o.timeout = Duration::from_secs(30);
            o.deadline = Duration::from_secs(30);
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(http::serve(listener, state, std::future::pending()));
    addr
}

fn probe_bytes(target: SocketAddr, stream: bool) -> Vec<u8> {
    let body = json!({
        "config": { "host": "127.0.0.1", "port": target.port(), "security": "starttls" },
        "checks": ["connect"],
    })
    .to_string();
    format!(
        "POST /v1/probe HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAccept: {}\r\nContent-Length: {}\r\n\r\n{body}",
        if stream { "text/event-stream" } else { "application/json" },
        body.len()
    )
    .into_bytes()
}

/// The status of a one-off probe request.
async fn status(service: SocketAddr, target: SocketAddr) -> u16 {
    let mut tcp = TcpStream::connect(service).await.unwrap();
    tcp.write_all(&probe_bytes(target, false)).await.unwrap();
    let mut head = [0u8; 12];
    tokio::time::timeout(Duration::from_secs(5), tcp.read_exact(&mut head))
        .await
        .expect("an answer")
        .unwrap();
    String::from_utf8_lossy(&head[9..12]).parse().unwrap()
}

async fn hang_up_frees_the_slot(stream: bool) {
    let tarpit = common::tarpit().await;
    let silent = tarpit.addr;
    let svc = service(1).await;
    let mut client = TcpStream::connect(svc).await.unwrap();
    client
        .write_all(&probe_bytes(silent, stream))
        .await
        .unwrap();
    if stream {
        let mut head = [0u8; 12];
        client.read_exact(&mut head).await.unwrap();
        assert_eq!(&head[9..12], b"200");
    }
    tarpit.holds(1).await;
    // The one slot is taken by the silent probe.
    assert_eq!(status(svc, silent).await, 503);
    drop(client);
    let left = Instant::now();
    loop {
        tokio::time::sleep(Duration::from_millis(50)).await;
        let other = common::silent_peer().await;
        // A probe against another silent server: admitted means 200 only
        // after its own timeout, so look at the first bytes only.
        let mut tcp = TcpStream::connect(svc).await.unwrap();
        tcp.write_all(&probe_bytes(other, true)).await.unwrap();
        let mut head = [0u8; 12];
        tokio::time::timeout(Duration::from_secs(5), tcp.read_exact(&mut head))
            .await
            .unwrap()
            .unwrap();
        if &head[9..12] == b"200" {
            break;
        }
        assert!(
            left.elapsed() < Duration::from_secs(1),
            "the slot of a client that hung up was not freed within 1 s (stream: {stream})"
        );
    }
}

#[tokio::test]
async fn a_streamed_probe_whose_client_hangs_up_frees_its_slot_within_a_second() {
    hang_up_frees_the_slot(true).await;
}

#[tokio::test]
async fn a_plain_probe_whose_client_hangs_up_frees_its_slot_within_a_second() {
    hang_up_frees_the_slot(false).await;
}

#[tokio::test]
async fn discovery_ends_by_its_deadline_when_every_source_hangs() {
    use smtp_doctor_probe::discover::{DiscoverOptions, DiscoverRequest, discover};
    // A resolver that receives every query and answers none.
    let mute = tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap();
    let dns = mute.local_addr().unwrap();
    let engine = common::engine_with(|o| {
        o.dns_server = Some(dns);
        o.timeout = Duration::from_secs(5);
        o.deadline = Duration::from_secs(30);
    });
    let req = DiscoverRequest {
        email: Some("me@slow.test".into()),
        ..DiscoverRequest::default()
    };
    let opts = DiscoverOptions {
        deadline: Duration::from_secs(3),
        ..DiscoverOptions::default()
    };
    let started = Instant::now();
    let report = tokio::time::timeout(
        Duration::from_secs(20),
        discover(&engine, &req, &opts, &mut |_| {}),
    )
    .await
    .expect("discovery returns")
    .unwrap();
    let took = started.elapsed();
    assert!(
        took < Duration::from_millis(3_500),
        "ran {took:?} against a 3 s deadline"
    );
    assert!(!report.found);
    drop(mute);
}

/// An arrival probe whose message never comes (the sandbox takes it and
/// delivers nothing) waits 20 s after a session that took under a second,
/// with a 1 s request timeout and a 3 s deadline: the router once cut it
/// at 18 s with a 408, and the wait held the relay's only per-target
/// slot, so a second test of the same relay got 429 meanwhile.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_arrival_wait_holds_neither_the_target_slot_nor_a_408() {
    use smtp_doctor_probe::inbox::{Inbox, InboxLimits, InboxTls};
    use smtp_doctor_probe::sandbox::{Behaviour, Sandbox, SandboxOptions};
    let sandbox = Sandbox::start(SandboxOptions::ephemeral()).await.unwrap();
    let inbox = Inbox::bind(
        "check.test",
        "127.0.0.1:0".parse().unwrap(),
        &InboxTls::SelfSigned,
        InboxLimits::default(),
    )
    .await
    .unwrap();
    let ca = sandbox.ca_der().clone();
    let state = AppState::new(
        Settings {
            per_target: 1,
            probes_per_minute: 1000,
            request_timeout: Duration::from_secs(1),
            ..Settings::default()
        },
        common::engine_with(|o| {
            o.extra_roots.push(ca);
            o.deadline = Duration::from_secs(3);
            o.timeout = Duration::from_secs(3);
            o.inbox = Some(inbox);
            o.arrival_wait = Duration::from_secs(20);
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let service = listener.local_addr().unwrap();
    tokio::spawn(http::serve(listener, state, std::future::pending()));
    let relay = sandbox.port(Behaviour::Starttls).unwrap();
    let config = json!({
        "host": "localhost", "port": relay, "security": "starttls",
        "username": "demo@sandbox.test", "password": "demo-app-password",
        "from": "demo@sandbox.test"
    });
    let post = |checks: &'static [&'static str]| {
        let body = json!({"config": config, "checks": checks}).to_string();
        async move {
            let mut tcp = TcpStream::connect(service).await.unwrap();
            let request = format!(
                "POST /v1/probe HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
                 Connection: close\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            );
            tcp.write_all(request.as_bytes()).await.unwrap();
            let mut answer = Vec::new();
            tokio::time::timeout(Duration::from_mins(1), tcp.read_to_end(&mut answer))
                .await
                .expect("an answer within a minute")
                .unwrap();
            String::from_utf8_lossy(&answer).into_owned()
        }
    };
    let waiting = tokio::spawn(post(&["arrival"]));
    // The relay took the test message: the session is at its end. Once it
    // is over, its target slot is free (a second probe of the same relay is
    // admitted) while the wait goes on.
    assert!(
        common::until(Duration::from_secs(20), || sandbox.messages_accepted() >= 1).await,
        "the arrival probe never sent its message"
    );
    let mut second = String::new();
    for _ in 0..100 {
        second = post(&["connect"]).await;
        if !second.starts_with("HTTP/1.1 429") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(second.starts_with("HTTP/1.1 200"), "{second}");
    assert!(!waiting.is_finished(), "the arrival wait ended early");
    let answer = waiting.await.unwrap();
    assert!(
        answer.starts_with("HTTP/1.1 200"),
        "{}",
        &answer[..answer.len().min(300)]
    );
    assert!(answer.contains("arrival.not-arrived"), "{answer}");
}
