//! A real OAuth2 chain on loopback, none of it ours: an OpenID provider
//! (npm `oidc-provider`, OpenID Certified) issues access tokens, Debian's
//! Dovecot checks them by introspection at that provider (passdb `oauth2`,
//! mechanisms XOAUTH2 and OAUTHBEARER), and Debian's Postfix offers them on
//! its submission port through Dovecot SASL. Every process gets its own
//! folder under the cargo target dir and is stopped on drop.
#![allow(dead_code, unreachable_pub)]

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;

use crate::common::free_port;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::time::{Duration, Instant};

/// The scope the submission server requires (Dovecot `scope`).
pub const SCOPE: &str = "smtp.send";

fn wait_for(port: u16, what: &str, log: &dyn Fn() -> String) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > deadline {
            return Err(format!("{what} did not listen on {port}:\n{}", log()));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok(())
}

/// The node tools folder `cargo xtask test` installs (`tests/node`).
fn node_modules() -> PathBuf {
    std::env::var_os("SMTP_DOCTOR_TEST_NODE_MODULES").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/node/node_modules"),
        PathBuf::from,
    )
}

/// The OpenID provider: its port, and its process (ended with its stdin).
pub struct Provider {
    pub port: u16,
    child: Child,
    stdin: Option<ChildStdin>,
}

impl Provider {
    /// The provider, also accepting these redirect URIs for the app's
    /// client (an integrator's callback, for the browser tests).
    pub fn start_for(redirect_uris: &[String]) -> Result<Self, String> {
        let modules = node_modules();
        if !modules.join("oidc-provider").exists() {
            return Err(format!(
                "oidc-provider is not installed in {}: run `cargo xtask test`",
                modules.display()
            ));
        }
        let port = free_port();
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/servers/oauth_server.mjs");
        let mut child = Command::new("node")
            .arg(script)
            .arg(port.to_string())
            .arg(&modules)
            .env("SMTP_DOCTOR_REDIRECT_URIS", redirect_uris.join(","))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start node: {e}"))?;
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        stdout.read_line(&mut line).map_err(|e| e.to_string())?;
        if !line.contains("introspection") {
            return Err(format!("the OpenID provider did not start: {line:?}"));
        }
        // Read on until it exits: a closed pipe would kill it at its next
        // line (its development login pages print a notice on first use).
        std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
        let stdin = child.stdin.take();
        Ok(Self { port, child, stdin })
    }

    pub fn issuer(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn introspection_url(&self) -> String {
        format!(
            "http://dovecot:dovecot-introspection-secret@127.0.0.1:{}/token/introspection",
            self.port
        )
    }

    fn post(&self, path: &str, body: &serde_json::Value) -> serde_json::Value {
        let body = body.to_string();
        let mut tcp = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        tcp.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        write!(
            tcp,
            "POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut answer = String::new();
        tcp.read_to_string(&mut answer).unwrap();
        let json = answer.split("\r\n\r\n").nth(1).unwrap_or_default();
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {answer}"))
    }

    /// An access token the provider issued to `user` for `scope`, valid
    /// for `ttl` seconds: what a completed sign-in hands the backend.
    pub fn token(&self, user: &str, scope: &str, ttl: u64) -> String {
        self.issue(&serde_json::json!({"user": user, "scope": scope, "ttl": ttl}))
    }

    /// An access token for another API (`audience`, with that API's
    /// `scope`): what a sign-in for Microsoft Graph hands back.
    pub fn token_for_api(&self, user: &str, audience: &str, scope: &str) -> String {
        self.issue(&serde_json::json!({"user": user, "scope": scope, "ttl": 3600, "aud": audience}))
    }

    fn issue(&self, request: &serde_json::Value) -> String {
        let answer = self.post("/test/token", request);
        answer["token"].as_str().unwrap().to_owned()
    }

    pub fn revoke(&self, token: &str) {
        let answer = self.post("/test/revoke", &serde_json::json!({ "token": token }));
        assert_eq!(answer["revoked"], true, "{answer}");
    }
}

impl Drop for Provider {
    fn drop(&mut self) {
        drop(self.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Dovecot as an authentication server only (no IMAP or POP3): SASL on a
/// loopback TCP port for Postfix, passwords checked nowhere, tokens by
/// introspection.
pub struct Dovecot {
    pub auth_port: u16,
    dir: PathBuf,
    child: Child,
}

impl Dovecot {
    pub fn start(introspection_url: &str) -> Result<Self, String> {
        if !Path::new("/usr/sbin/dovecot").exists() {
            return Err("Dovecot is not installed: run `cargo xtask test` (or apt-get install dovecot-core)".into());
        }
        let dir = crate::common::scratch_dir("dovecot");
        for sub in ["run", "state"] {
            fs::create_dir_all(dir.join(sub)).map_err(|e| e.to_string())?;
        }
        let d = dir.display();
        let auth_port = free_port();
        fs::write(
            dir.join("oauth2.conf.ext"),
            format!(
                "introspection_mode = post\n\
                 introspection_url = {introspection_url}\n\
                 username_attribute = sub\n\
                 active_attribute = active\n\
                 active_value = true\n\
                 scope = {SCOPE}\n"
            ),
        )
        .map_err(|e| e.to_string())?;
        fs::write(
            dir.join("dovecot.conf"),
            format!(
                "base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
protocols =
listen = 127.0.0.1
ssl = no
auth_mechanisms = xoauth2 oauthbearer
auth_verbose = yes
# A refusal at once: the tests time nothing, and wait for none.
auth_failure_delay = 0
service auth {{
  inet_listener {{
    address = 127.0.0.1
    port = {auth_port}
  }}
}}
# Every test login comes from 127.0.0.1: no growing penalty per address
# (Dovecot's documented switch: the penalty socket unusable).
service anvil {{
  chroot =
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
passdb {{
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = {d}/oauth2.conf.ext
}}
userdb {{
  driver = static
  args = uid=nobody gid=nogroup home=/nonexistent
}}
"
            ),
        )
        .map_err(|e| e.to_string())?;
        let child = Command::new("/usr/sbin/dovecot")
            .args(["-F", "-c", &format!("{d}/dovecot.conf")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start dovecot: {e}"))?;
        let this = Self {
            auth_port,
            dir,
            child,
        };
        wait_for(auth_port, "Dovecot", &|| this.log())?;
        Ok(this)
    }

    pub fn log(&self) -> String {
        fs::read_to_string(self.dir.join("dovecot.log")).unwrap_or_default()
    }
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = fs::remove_dir_all(&self.dir);
    }
}
