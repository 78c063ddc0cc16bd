//! A permissive SMTP server that logs every line it receives: the victim
//! of the attack tests. It accepts everything (any MAIL FROM, any RCPT,
//! DATA) the way an open relay or a careless MX would, so a test can see
//! exactly what an attacker managed to put on the wire.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// The lines received, in order, across all connections.
#[derive(Clone, Default)]
pub struct Log(Arc<Mutex<Vec<String>>>);

impl Log {
    pub fn lines(&self) -> Vec<String> {
        self.0.lock().unwrap().clone()
    }

    /// Lines that start with this verb (case-insensitive).
    pub fn commands(&self, verb: &str) -> Vec<String> {
        self.lines()
            .into_iter()
            .filter(|l| {
                l.get(..verb.len())
                    .is_some_and(|v| v.eq_ignore_ascii_case(verb))
            })
            .collect()
    }
}

/// Starts the server on `127.0.0.1:0`; with `echo` it repeats what it
/// received in its replies (a broken server that echoes credentials).
pub async fn start(echo: bool) -> (SocketAddr, Log) {
    start_on("127.0.0.1:0".parse().unwrap(), echo).await
}

/// Like [`start`], on a given address.
pub async fn start_on(addr: SocketAddr, echo: bool) -> (SocketAddr, Log) {
    let listener = TcpListener::bind(addr).await.unwrap();
    let addr = listener.local_addr().unwrap();
    let log = Log::default();
    let shared = log.clone();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let log = shared.clone();
            tokio::spawn(async move {
                let mut io = BufReader::new(tcp);
                let _ = io
                    .get_mut()
                    .write_all(b"220 victim.test ESMTP open relay\r\n")
                    .await;
                let mut in_data = false;
                let mut login_step = 0;
                let mut line = String::new();
                loop {
                    line.clear();
                    let read =
                        tokio::time::timeout(Duration::from_secs(30), io.read_line(&mut line));
                    match read.await {
                        Ok(Ok(n)) if n > 0 => {}
                        _ => return,
                    }
                    let text = line.trim_end_matches(['\r', '\n']).to_owned();
                    log.0.lock().unwrap().push(text.clone());
                    let reply: String = if in_data {
                        if text == "." {
                            in_data = false;
                            "250 2.0.0 queued as FORGED\r\n".into()
                        } else {
                            continue;
                        }
                    } else {
                        let upper = text.to_ascii_uppercase();
                        if upper.starts_with("EHLO") {
                            "250-victim.test\r\n250-AUTH PLAIN LOGIN XOAUTH2\r\n250 8BITMIME\r\n"
                                .into()
                        } else if upper.starts_with("DATA") {
                            in_data = true;
                            "354 go ahead\r\n".into()
                        } else if upper.starts_with("QUIT") {
                            let _ = io.get_mut().write_all(b"221 bye\r\n").await;
                            return;
                        } else if upper == "AUTH LOGIN" && echo {
                            login_step = 1;
                            "334 VXNlcm5hbWU6\r\n".into()
                        } else if login_step == 1 {
                            login_step = 2;
                            "334 UGFzc3dvcmQ6\r\n".into()
                        } else if login_step == 2 {
                            login_step = 0;
                            // Echoes the password, encoded and decoded.
                            let decoded = base64_decode(&text);
                            format!(
                                "535-5.7.8 bad password {text}\r\n535 5.7.8 you sent {decoded}\r\n"
                            )
                        } else if upper.starts_with("AUTH") && echo {
                            // A broken server that echoes what it was sent.
                            format!("535 5.7.8 authentication failed for <{text}>\r\n")
                        } else if upper.starts_with("AUTH") {
                            "235 ok\r\n".into()
                        } else if echo {
                            format!("250 ok <{text}>\r\n")
                        } else {
                            "250 ok\r\n".into()
                        }
                    };
                    if io.get_mut().write_all(reply.as_bytes()).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    (addr, log)
}

/// Standard base64 without padding checks (the test's own decoder, so the
/// peer needs no crate of the probe's).
fn base64_decode(text: &str) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut n = 0;
    let mut out = Vec::new();
    for c in text.bytes() {
        let Some(v) = ALPHABET.iter().position(|a| *a == c) else {
            continue;
        };
        bits = (bits << 6) | u32::try_from(v).unwrap();
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push(u8::try_from((bits >> n) & 0xff).unwrap());
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
