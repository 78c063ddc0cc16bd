//! `smtp-doctor serve` as a process, as operators run it: a replica on a
//! store, and a blocking HTTP/1.1 call to it.

use std::fmt::Write as _;
use std::io::{Read as _, Write as _};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A replica: `serve --store URL` and `extra`; its port. Its log goes to
/// `log`.
pub fn replica(url: &str, log: &Path, extra: &[&str]) -> (Proc, u16) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_smtp-doctor"))
        .args(["serve", "--listen", "127.0.0.1:0", "--store", url])
        .args([
            "--allow-target",
            "127.0.0.0/8",
            "--allow-port",
            "1024-65535",
        ])
        .args([
            "--dns-server",
            "127.0.0.1:9",
            "--helo",
            "probe.test",
            "--timeout",
            "2",
        ])
        .args(extra)
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(log).unwrap())
        .spawn()
        .unwrap();
    let port = super::listening_port(&mut child).unwrap_or_else(|| {
        panic!(
            "serve did not start: {}",
            std::fs::read_to_string(log).unwrap_or_default()
        )
    });
    (Proc(child), port)
}

pub struct Proc(pub Child);

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A blocking HTTP/1.1 request to a replica: status, body.
pub fn http(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> (u16, String) {
    let mut tcp = TcpStream::connect(("127.0.0.1", port)).unwrap();
    tcp.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    if !body.is_empty() {
        head.push_str("Content-Type: application/json\r\n");
    }
    for (k, v) in headers {
        let _ = write!(head, "{k}: {v}\r\n");
    }
    tcp.write_all(format!("{head}\r\n{body}").as_bytes())
        .unwrap();
    let mut text = String::new();
    let _ = tcp.read_to_string(&mut text);
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_owned();
    (status, body)
}
