//! aiosmtpd (PyPI) as a real SMTP server we did not write
//! (`tests/servers/aiosmtpd_server.py`): a STARTTLS port and an implicit
//! TLS port on loopback, one login, the certificate and the AUTH
//! mechanisms the test chooses. Started again on the same ports, it is a
//! server whose administrator changed something.

use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

pub const USER: &str = "me@example.com";
pub const PASSWORD: &str = "aio-s3cret";

pub struct Aiosmtpd {
    child: Child,
    pub starttls: u16,
    pub tls: u16,
}

impl Drop for Aiosmtpd {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Aiosmtpd {
    /// On `ports` (STARTTLS, implicit TLS; fresh ones when `None`) with
    /// the leaf `cert` (PEM, key), not offering the comma-separated
    /// mechanisms `auth_exclude`. Blocks until it listens.
    pub fn start(ports: Option<(u16, u16)>, cert: &(String, String), auth_exclude: &str) -> Self {
        let dir = super::scratch_dir("aiosmtpd");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("cert.pem"), &cert.0).unwrap();
        std::fs::write(dir.join("key.pem"), &cert.1).unwrap();
        let (starttls, tls) = ports.unwrap_or_else(|| (super::free_port(), super::free_port()));
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/servers/aiosmtpd_server.py");
        let mut child = Command::new(super::python())
            .arg(script)
            .args(["--starttls-port", &starttls.to_string()])
            .args(["--tls-port", &tls.to_string()])
            .args(["--cert", &dir.join("cert.pem").display().to_string()])
            .args(["--key", &dir.join("key.pem").display().to_string()])
            .args(["--user", USER, "--password", PASSWORD])
            .args(["--auth-exclude", auth_exclude])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot start {}: {e}; run `cargo xtask test`, which installs aiosmtpd",
                    super::python()
                )
            });
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(
            line.trim(),
            "READY",
            "aiosmtpd did not start (is it installed for {}? `cargo xtask test` installs it)",
            super::python()
        );
        Self {
            child,
            starttls,
            tls,
        }
    }
}
