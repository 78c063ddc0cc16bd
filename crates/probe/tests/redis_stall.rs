//! The shared limits when Redis misbehaves (SPEC §7.5), as the attacks
//! and accidents that broke them, against Debian's `redis-server` on
//! loopback: a stall (SIGSTOP) while a slot is taken must not leave a
//! phantom slot when Redis wakes; a Redis that is down at start must not
//! slow every request; a password in the URL is never logged.

use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use smtp_doctor_probe::http::shared::Shared;

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `redis-server` on `port`, nothing on disk; killed (and woken) on drop.
struct Redis(Child);

impl Redis {
    fn start(port: u16) -> Self {
        let bin = "/usr/bin/redis-server";
        assert!(
            std::path::Path::new(bin).exists(),
            "redis-server is not installed: run `cargo xtask test` (or apt-get install redis-server)"
        );
        let dir = std::env::temp_dir();
        let child = Command::new(bin)
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .args(["--enable-debug-command", "local"])
            .arg("--dir")
            .arg(&dir)
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(15);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "redis-server did not listen");
            std::thread::sleep(Duration::from_millis(50));
        }
        Self(child)
    }

    /// Blocks the whole server for `secs` (a slow command, a fork for a
    /// snapshot on a big data set): connections stay open meanwhile.
    fn stall(&self, port: u16, secs: f64) -> std::thread::JoinHandle<()> {
        let _ = self;
        std::thread::spawn(move || {
            use std::io::{Read, Write};
            let mut c = TcpStream::connect(("127.0.0.1", port)).unwrap();
            let cmd = format!("DEBUG SLEEP {secs}\r\n");
            c.write_all(cmd.as_bytes()).unwrap();
            let mut reply = [0u8; 5];
            c.read_exact(&mut reply).unwrap();
            assert_eq!(&reply, b"+OK\r\n");
        })
    }

    fn signal(&self, signal: &str) {
        let status = Command::new("kill")
            .args([signal, &self.0.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }
}

impl Drop for Redis {
    fn drop(&mut self) {
        self.signal("-CONT");
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Polls `ready` every 100 ms for at most `within`.
async fn eventually(within: Duration, mut ready: impl AsyncFnMut() -> bool) -> bool {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        if ready().await {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    false
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slot_taken_during_a_stall_does_not_stay_taken_when_redis_wakes() {
    let port = free_port();
    let redis = Redis::start(port);
    let shared = Shared::connect(&format!("redis://127.0.0.1:{port}/0"), "stall")
        .await
        .unwrap();
    assert!(shared.is_up());
    let target = vec!["smtp.example.com".to_owned()];
    let expiry = Duration::from_mins(2);
    // Once taken and given back, so Redis knows the script (a first
    // EVALSHA would fail with NOSCRIPT before anything runs).
    let warm = vec!["warm.example.com".to_owned()];
    let warm = shared.take("target", &warm, 1, 1, expiry).await.unwrap();
    shared.give(warm.expect("free at first"));

    // The only slot of a target is asked for while Redis is busy, then
    // while it is stopped: each time the caller times out (and falls back
    // to its own limits).
    let stall = redis.stall(port, 1.0);
    tokio::time::sleep(Duration::from_millis(100)).await;
    let taken = shared.take("target", &target, 1, 1, expiry).await;
    assert!(taken.is_err(), "a busy Redis answered: {taken:?}");
    stall.join().unwrap();
    redis.signal("-STOP");
    let taken = shared.take("target", &target, 1, 1, expiry).await;
    assert!(taken.is_err(), "a stopped Redis answered: {taken:?}");
    tokio::time::sleep(Duration::from_millis(500)).await;
    redis.signal("-CONT");
    // Redis wakes and runs the queued takes; the slot must come back
    // within seconds, not after its 120 s expiry.
    let came_back = eventually(Duration::from_secs(10), async || {
        match shared.take("target", &target, 1, 1, expiry).await {
            Ok(Some(held)) => {
                shared.give(held);
                true
            }
            _ => false,
        }
    })
    .await;
    assert!(came_back, "the timed-out take left a phantom slot");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_redis_down_at_start_requests_fall_back_at_once_and_it_is_found_later() {
    let port = free_port();
    let shared = Shared::connect(&format!("redis://127.0.0.1:{port}/0"), "late")
        .await
        .unwrap();
    assert!(!shared.is_up());
    let started = Instant::now();
    for _ in 0..10 {
        let r = shared
            .rate("probe", "client", 10, Duration::from_mins(1), 1)
            .await;
        assert!(r.is_err());
    }
    // Ten calls fall back without trying to connect (each used to wait
    // ~1.5 s for a connection attempt).
    let spent = started.elapsed();
    assert!(spent < Duration::from_secs(3), "ten calls took {spent:?}");

    let _redis = Redis::start(port);
    let found = eventually(Duration::from_secs(10), async || {
        shared
            .rate("probe", "client", 10, Duration::from_mins(1), 1)
            .await
            .is_ok()
    })
    .await;
    assert!(found, "Redis came up and was not found");
    assert!(shared.is_up());
}

#[test]
fn a_password_in_the_redis_url_is_not_logged() {
    let out = Command::new(env!("CARGO_BIN_EXE_smtp-doctor"))
        .args([
            "serve",
            "--store",
            "none",
            "--listen",
            "127.0.0.1:0",
            "--redis",
        ])
        .arg("redis+unix:///nonexistent/redis.sock?db=0&pass=hunter2-secret")
        .env("RUST_LOG", "debug")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = out.id();
    // Long enough for the start-up warning and a few pings.
    std::thread::sleep(Duration::from_secs(3));
    let _ = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status();
    let out = out.wait_with_output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("Redis unreachable"), "{text}");
    assert!(text.contains("/nonexistent/redis.sock"), "{text}");
    assert!(!text.contains("hunter2"), "{text}");
}
