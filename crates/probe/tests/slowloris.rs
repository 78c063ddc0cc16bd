//! Slow and idle clients cannot starve the service (SPEC §7.3), tried as
//! the attack that found it: `smtp-doctor serve` under a lowered file
//! limit (256), 400 connections from one address that send nothing or a
//! header byte now and then, and `/healthz` must still answer, both from
//! another address at once and from the attacker's own address once the
//! header timeout has closed the slow connections. Loopback only (the
//! attacker's and the bystander's addresses are 127.0.0.x).

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

struct Serve(Child);

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start() -> (Serve, SocketAddr) {
    let mut child = Command::new("prlimit")
        .args(["--nofile=256:256", "--"])
        .arg(env!("CARGO_BIN_EXE_smtp-doctor"))
        .args([
            "serve",
            "--store",
            "none",
            "--listen",
            "127.0.0.1:0",
            "--header-timeout",
            "2",
        ])
        .args(["--max-connections-per-ip", "32", "--max-probes", "8"])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .expect("prlimit (util-linux) and the smtp-doctor binary");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .trim()
        .rsplit("http://")
        .next()
        .unwrap()
        .parse()
        .unwrap();
    (Serve(child), addr)
}

async fn connect_from(source: [u8; 4], to: SocketAddr) -> std::io::Result<TcpStream> {
    let socket = TcpSocket::new_v4()?;
    socket.bind(SocketAddr::from((source, 0)))?;
    socket.connect(to).await
}

/// `GET /healthz` from `source`: the status line, within `limit`.
async fn healthz(source: [u8; 4], to: SocketAddr, limit: Duration) -> Option<String> {
    let attempt = async {
        let mut tcp = connect_from(source, to).await.ok()?;
        tcp.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .await
            .ok()?;
        let mut text = String::new();
        tcp.read_to_string(&mut text).await.ok()?;
        text.lines().next().map(str::to_owned)
    };
    tokio::time::timeout(limit, attempt).await.ok().flatten()
}

/// `true` if the server closed `tcp` (EOF or reset) within `limit`.
async fn closed_within(tcp: &mut TcpStream, limit: Duration) -> bool {
    let mut buf = [0u8; 256];
    let deadline = Instant::now() + limit;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, tcp.read(&mut buf)).await {
            Ok(Ok(0) | Err(_)) => return true,
            Ok(Ok(_)) => {}
            Err(_) => return false,
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hundreds_of_slow_and_idle_connections_do_not_starve_healthz() {
    let (_serve, addr) = start();
    let attacker = [127, 0, 0, 1];
    let mut held = Vec::new();
    for i in 0..400 {
        let Ok(mut tcp) = connect_from(attacker, addr).await else {
            continue;
        };
        if i % 4 == 0 {
            // Slowloris: a request line and part of a header, never finished.
            let _ = tcp
                .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-a: ")
                .await;
        }
        held.push(tcp);
    }
    assert!(
        held.len() >= 300,
        "the attack opened {} connections",
        held.len()
    );
    let started = Instant::now();
    let status = healthz([127, 0, 0, 2], addr, Duration::from_secs(2)).await;
    assert_eq!(
        status.as_deref(),
        Some("HTTP/1.1 200 OK"),
        "/healthz from a bystander during the attack"
    );
    // Keep dripping bytes into the slow ones: hyper's header timeout is
    // not extended by them.
    for tcp in held.iter_mut().step_by(4) {
        let _ = tcp.write_all(b"a").await;
    }
    // The attacker's own admitted connections are closed by the header
    // timeout (2 s), so its address gets service again too.
    let mut admitted = 0;
    for tcp in &mut held {
        if closed_within(tcp, Duration::from_millis(1)).await {
            continue; // refused at the cap: closed at once
        }
        admitted += 1;
        assert!(
            closed_within(tcp, Duration::from_secs(4)).await,
            "a slow or idle connection outlived the header timeout"
        );
    }
    assert!(
        admitted <= 32,
        "{admitted} connections from one address were admitted"
    );
    assert!(started.elapsed() < Duration::from_secs(8));
    let status = healthz(attacker, addr, Duration::from_secs(2)).await;
    assert_eq!(
        status.as_deref(),
        Some("HTTP/1.1 200 OK"),
        "after the timeout"
    );
}

#[tokio::test]
async fn an_idle_keep_alive_connection_is_closed_after_the_header_timeout() {
    let (_serve, addr) = start();
    let mut tcp = connect_from([127, 0, 0, 3], addr).await.unwrap();
    tcp.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let mut buf = [0u8; 512];
    let n = tcp.read(&mut buf).await.unwrap();
    assert!(buf[..n].starts_with(b"HTTP/1.1 200"));
    assert!(
        closed_within(&mut tcp, Duration::from_secs(4)).await,
        "an idle keep-alive connection stayed open"
    );
}
