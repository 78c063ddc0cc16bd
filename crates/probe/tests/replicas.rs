//! Three `smtp-doctor serve` replicas sharing their limits through Debian's
//! `redis-server`, behind Debian's HAProxy, all on loopback (SPEC §7.5):
//! a burst from one client meets the limit one replica would set, the
//! per-target cap holds across replicas, a killed replica's slots come
//! back by their expiry, and Redis going away degrades the replicas to
//! their own limits without losing a request, until it is back.

use std::fmt::Write as _;
mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A child process killed when dropped.
struct Proc(Child);

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn wait_for_port(port: u16, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "{what} did not listen on {port}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn redis(port: u16) -> Proc {
    let bin = "/usr/bin/redis-server";
    assert!(
        std::path::Path::new(bin).exists(),
        "redis-server is not installed: run `cargo xtask test` (or apt-get install redis-server)"
    );
    let child = Command::new(bin)
        .args([
            "--port",
            &port.to_string(),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ])
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    wait_for_port(port, "redis-server");
    Proc(child)
}

/// A replica; its port.
fn replica(redis_port: u16, extra: &[&str]) -> (Proc, u16) {
    let url = format!("redis://127.0.0.1:{redis_port}/0");
    let mut child = Command::new(env!("CARGO_BIN_EXE_smtp-doctor"))
        .args([
            "serve",
            "--store",
            "none",
            "--listen",
            "127.0.0.1:0",
            "--redis",
            &url,
        ])
        .args([
            "--allow-target",
            "127.0.0.0/8",
            "--allow-port",
            "1024-65535",
        ])
        .args(["--dns-server", "127.0.0.1:9", "--helo", "probe.test"])
        .args(["--timeout", "1", "--deadline", "3", "--arrival-wait", "1"])
        .args(extra)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let port = common::listening_port(&mut child).expect("a replica says where it listens");
    (Proc(child), port)
}

/// HAProxy round-robin over `backends`, adding X-Forwarded-For; its port.
fn haproxy(backends: &[u16]) -> (Proc, tempdir::Dir, u16) {
    let port = free_port();
    let dir = tempdir::Dir::new("haproxy");
    let mut servers = String::new();
    for (i, p) in backends.iter().enumerate() {
        let _ = writeln!(servers, "  server r{i} 127.0.0.1:{p}");
    }
    let config = format!(
        "global\n  maxconn 256\ndefaults\n  mode http\n  timeout connect 2s\n  timeout client 30s\n  timeout server 30s\n  option forwardfor\n\
         frontend web\n  bind 127.0.0.1:{port}\n  default_backend replicas\n\
         backend replicas\n  balance roundrobin\n{servers}"
    );
    let path = dir.path().join("haproxy.cfg");
    std::fs::write(&path, config).unwrap();
    let child = Command::new("/usr/sbin/haproxy")
        .args(["-f", &path.display().to_string(), "-db"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("haproxy: run `cargo xtask test` (or apt-get install haproxy)");
    wait_for_port(port, "haproxy");
    (Proc(child), dir, port)
}

/// A tiny temporary folder (no crate for two files).
mod tempdir {
    pub(crate) struct Dir(std::path::PathBuf);
    impl Dir {
        pub(crate) fn new(name: &str) -> Self {
            let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
                "{name}-{}-{}",
                std::process::id(),
                super::free_port()
            ));
            std::fs::create_dir_all(&path).unwrap();
            Self(path)
        }
        pub(crate) fn path(&self) -> &std::path::Path {
            &self.0
        }
    }
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// One HTTP/1.1 request; the status code (0 when no answer came).
fn request(port: u16, method: &str, path: &str, body: &str) -> (u16, String) {
    let Ok(mut tcp) = TcpStream::connect(("127.0.0.1", port)) else {
        return (0, String::new());
    };
    tcp.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    if tcp.write_all(head.as_bytes()).is_err() {
        return (0, String::new());
    }
    let mut text = String::new();
    let _ = tcp.read_to_string(&mut text);
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, text)
}

/// A probe of `port` on loopback (closed: it ends at once with tcp.refused).
fn probe_body(port: u16) -> String {
    probe_of("127.0.0.1", port)
}

/// A probe of `host:port`.
fn probe_of(host: &str, port: u16) -> String {
    format!(
        r#"{{"config":{{"host":"{host}","port":{port},"security":"none","from":"me@example.com"}},"checks":["connect"]}}"#
    )
}

/// A listener that accepts and never greets: a probe of it holds its
/// slots. `held` counts the connections it accepted.
fn tarpit() -> (u16, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let held = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&held);
    std::thread::spawn(move || {
        let mut open = Vec::new();
        for tcp in listener.incoming().flatten() {
            open.push(tcp);
            count.fetch_add(1, Ordering::SeqCst);
        }
    });
    (port, held)
}

fn count(statuses: &[u16], code: u16) -> usize {
    statuses.iter().filter(|s| **s == code).count()
}

#[test]
fn a_burst_through_three_replicas_meets_one_replica_s_limit() {
    let redis_port = free_port();
    let _redis = redis(redis_port);
    let limit = [
        "--probes-per-minute",
        "6",
        "--trusted-proxy",
        "127.0.0.1/32",
    ];
    let replicas: Vec<(Proc, u16)> = (0..3).map(|_| replica(redis_port, &limit)).collect();
    let ports: Vec<u16> = replicas.iter().map(|(_, p)| *p).collect();
    let (_proxy, _dir, proxy_port) = haproxy(&ports);
    let closed = free_port();
    let through_proxy: Vec<u16> = (0..12)
        .map(|_| request(proxy_port, "POST", "/v1/probe", &probe_body(closed)).0)
        .collect();
    // One replica alone, on a Redis of its own: the reference.
    let alone_redis = free_port();
    let _r2 = redis(alone_redis);
    let (_one, one_port) = replica(alone_redis, &["--probes-per-minute", "6"]);
    let alone: Vec<u16> = (0..12)
        .map(|_| request(one_port, "POST", "/v1/probe", &probe_body(closed)).0)
        .collect();
    assert_eq!(count(&alone, 200), 6, "{alone:?}");
    assert_eq!(count(&alone, 429), 6, "{alone:?}");
    assert_eq!(
        (count(&through_proxy, 200), count(&through_proxy, 429)),
        (6, 6),
        "three replicas allow what one does: {through_proxy:?}"
    );
}

#[test]
fn the_per_target_cap_holds_across_replicas_and_a_dead_replica_s_slot_expires() {
    let redis_port = free_port();
    let _redis = redis(redis_port);
    let cap = ["--per-target", "1", "--probes-per-minute", "1000"];
    let (a, a_port) = replica(redis_port, &cap);
    let (_b, b_port) = replica(redis_port, &cap);
    let (target, held) = tarpit();
    // A probe of the tarpit on replica A holds the target's one slot.
    let holding =
        std::thread::spawn(move || request(a_port, "POST", "/v1/probe", &probe_body(target)));
    let admitted = Instant::now() + Duration::from_secs(10);
    while held.load(Ordering::SeqCst) == 0 {
        assert!(
            Instant::now() < admitted,
            "the first probe never reached the tarpit"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let (status, _) = request(b_port, "POST", "/v1/probe", &probe_body(target));
    assert_eq!(
        status, 429,
        "the same target on another replica waits its turn"
    );
    // Replica A dies holding the slot: it comes back by its expiry
    // (deadline 3 s + timeout 1 s + a 10 s margin; no inbox, so no arrival wait).
    drop(a);
    let _ = holding.join();
    let started = Instant::now();
    loop {
        // Targets are addresses: 127.0.0.2 is another one.
        let (status, _) = request(b_port, "POST", "/v1/probe", &probe_of("127.0.0.2", target));
        assert_eq!(status, 200, "another target is free meanwhile");
        let (status, _) = request(b_port, "POST", "/v1/probe", &probe_body(target));
        if status == 200 {
            break;
        }
        assert_eq!(status, 429);
        assert!(
            started.elapsed() < Duration::from_secs(25),
            "the slot never came back"
        );
        std::thread::sleep(Duration::from_millis(500));
    }
}

#[test]
fn redis_going_away_degrades_without_losing_a_request_then_recovers() {
    let redis_port = free_port();
    let redis_proc = redis(redis_port);
    let (_r, port) = replica(redis_port, &["--probes-per-minute", "1000"]);
    let health = || {
        let (status, text) = request(port, "GET", "/healthz", "");
        assert_eq!(status, 200, "liveness stays 200");
        text.contains("\"ok\"")
    };
    assert!(health(), "ok with Redis");
    drop(redis_proc);
    let until = Instant::now() + Duration::from_secs(10);
    while health() {
        assert!(Instant::now() < until, "never degraded");
        std::thread::sleep(Duration::from_millis(200));
    }
    // Degraded: requests are still answered, by this replica's limits.
    for _ in 0..5 {
        assert_eq!(
            request(port, "POST", "/v1/probe", &probe_body(free_port())).0,
            200
        );
    }
    let (status, ready) = request(port, "GET", "/readyz", "");
    assert_eq!(status, 200);
    assert!(ready.contains("degraded"), "{ready}");
    let (_, metrics) = request(port, "GET", "/metrics", "");
    assert!(metrics.contains("smtp_doctor_redis_up 0"), "{metrics}");
    // Redis back on the same port: the replica reconnects by itself.
    let _back = redis(redis_port);
    let until = Instant::now() + Duration::from_secs(15);
    while !health() {
        assert!(Instant::now() < until, "never recovered");
        std::thread::sleep(Duration::from_millis(200));
    }
    assert_eq!(
        request(port, "POST", "/v1/probe", &probe_body(free_port())).0,
        200
    );
    let (_, metrics) = request(port, "GET", "/metrics", "");
    assert!(metrics.contains("smtp_doctor_redis_up 1"), "{metrics}");
}
