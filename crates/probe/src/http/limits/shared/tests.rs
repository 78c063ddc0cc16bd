//! Unit tests of the shared limits against a real `redis-server`.

use std::time::Duration;

use super::{Shared, redacted};

#[test]
fn urls_lose_their_secrets_in_logs() {
    for (url, shown) in [
        ("redis://127.0.0.1:6379/0", "redis://127.0.0.1:6379/0"),
        (
            "redis://:hunter2@redis.internal:6379/2",
            "redis://redis.internal:6379/2",
        ),
        ("rediss://user:p@ss@host/0", "rediss://host/0"),
        (
            "redis+unix:///run/redis.sock?db=1&pass=hunter2",
            "redis+unix:///run/redis.sock",
        ),
        (
            "unix:///run/redis.sock?pass=hunter2#x",
            "unix:///run/redis.sock",
        ),
        ("host?pass=hunter2", "host"),
    ] {
        assert_eq!(redacted(url), shown);
    }
}

/// `redis-server` on a free loopback port, nothing on disk.
struct Redis(std::process::Child, u16);

impl Redis {
    fn start() -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut child = std::process::Command::new("/usr/bin/redis-server")
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .arg("--dir")
            .arg(std::env::temp_dir())
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("redis-server (installed by `cargo xtask test`)");
        for _ in 0..300 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Self(child, port);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("redis-server did not listen on {port}");
    }
}

impl Drop for Redis {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn a_give_that_overtakes_its_take_wins() {
    let redis = Redis::start();
    let shared = Shared::connect(&format!("redis://127.0.0.1:{}/0", redis.1), "order")
        .await
        .unwrap();
    let target = ["smtp.example.com".to_owned()];
    let expiry = Duration::from_mins(2);
    // The give of a holder runs before its take (the take was stuck on
    // a connection that Redis read late): the take then takes nothing.
    let held = shared.holder("target", &target, 1, expiry);
    assert!(shared.give_once(&held).await);
    assert_eq!(shared.invoke_take(&held, 1).await.unwrap().unwrap(), 0);
    // The slot is free for everyone else, once.
    let other = shared.take("target", &target, 1, 1, expiry).await.unwrap();
    assert!(other.is_some());
    assert!(
        shared
            .take("target", &target, 1, 1, expiry)
            .await
            .unwrap()
            .is_none()
    );
    // A give repeated (a retry after a timeout) changes nothing else.
    let other = other.unwrap();
    assert!(shared.give_once(&other).await);
    assert!(shared.give_once(&other).await);
    let next = shared.take("target", &target, 1, 1, expiry).await.unwrap();
    assert!(next.is_some(), "a repeated give broke the slot");
}
