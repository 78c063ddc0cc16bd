//! aiosmtpd's `Mailbox` handler (PyPI) on loopback: a real SMTP server
//! that stores every message it takes in a Maildir of its own, for tests
//! that need what a relay delivered (a bounce, a signed message) as bytes.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Mailbox {
    child: Child,
    dir: PathBuf,
    pub port: u16,
}

impl Mailbox {
    pub fn start() -> Self {
        let (dir, port) = (super::scratch_dir("maildir"), super::free_port());
        let child = Command::new(super::python())
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{port}"))
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .spawn()
            .expect("aiosmtpd (the venv `cargo xtask test` prepares)");
        Self { child, dir, port }
    }

    /// The messages stored so far, oldest first.
    pub fn stored(&self) -> Vec<String> {
        stored(&self.dir)
    }

    /// The message after the first `seen`, once it is there (at most
    /// `wait`); `None` if none came.
    pub async fn next_after(&self, seen: usize, wait: Duration) -> Option<String> {
        let deadline = Instant::now() + wait;
        loop {
            if let Some(m) = self.stored().into_iter().nth(seen) {
                return Some(m);
            }
            if Instant::now() >= deadline {
                return None;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Drop for Mailbox {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn stored(maildir: &Path) -> Vec<String> {
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = std::fs::read_dir(maildir.join("new"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|(_, p)| std::fs::read_to_string(p).ok())
        .collect()
}
