//! Second connections: when the chosen mode fails, the probe tries the
//! other one on a fresh connection so the help can say what works.

use std::net::SocketAddr;
use std::time::Duration;

use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;

use super::{Plan, Probe};
use crate::engine::io::{Conn, Recorder, Stream, preview};
use crate::engine::{Engine, tls};

impl Probe<'_> {
    /// Verifies that STARTTLS works on a fresh connection (for the suggestion).
    pub(super) async fn verify_starttls(&mut self, plan: &Plan, addr: SocketAddr) -> bool {
        let limit = self.limit();
        let Ok(Ok(tcp)) = tokio::time::timeout(limit, TcpStream::connect(addr)).await else {
            return false;
        };
        let mut conn = Conn::new(Stream::Plain(Recorder::new(tcp)));
        let helo = &self.engine.options().helo;
        let Ok(greeting) = conn.read_reply(limit).await else {
            return false;
        };
        if greeting.code != 220 || conn.send(&format!("EHLO {helo}")).await.is_err() {
            return false;
        }
        let Ok(ehlo) = conn.read_reply(limit).await else {
            return false;
        };
        if !ehlo
            .lines
            .iter()
            .any(|l| l.trim().eq_ignore_ascii_case("STARTTLS"))
            || conn.send("STARTTLS").await.is_err()
        {
            return false;
        }
        if !matches!(conn.read_reply(limit).await, Ok(r) if r.code == 220) {
            return false;
        }
        let Stream::Plain(rec) = conn.into_stream() else {
            return false;
        };
        tls_handshake_works(self.engine, &plan.host, rec, limit)
            .await
            .is_some()
    }
}

/// What a TLS handshake on a second connection revealed.
pub(super) enum TlsProbe {
    /// The server speaks TLS (`true`: with a trusted certificate).
    Tls(bool),
    /// It does not; what it sent instead, if anything.
    Other(Option<String>),
}

/// Tries implicit TLS on a fresh connection.
pub(super) async fn tls_answers(engine: &Engine, host: &str, addr: SocketAddr) -> TlsProbe {
    let limit = Duration::from_secs(3).min(engine.options().timeout);
    let Ok(Ok(tcp)) = tokio::time::timeout(limit, TcpStream::connect(addr)).await else {
        return TlsProbe::Other(None);
    };
    let recorder = Recorder::new(tcp);
    let recording = recorder.recording();
    if let Some(ok) = tls_handshake_works(engine, host, recorder, limit).await {
        return TlsProbe::Tls(ok);
    }
    let first = recording.lock().map(|b| b.clone()).unwrap_or_default();
    TlsProbe::Other((!first.is_empty()).then(|| preview(&String::from_utf8_lossy(&first))))
}

/// `Some(certificate_ok)` when the peer completes a TLS handshake, or gets
/// as far as presenting a certificate.
pub(super) async fn tls_handshake_works(
    engine: &Engine,
    host: &str,
    tcp: Recorder,
    limit: Duration,
) -> Option<bool> {
    let name = tls::server_name(host)?;
    let (config, seen) = tls::client_config(&engine.roots).ok()?;
    let result = tokio::time::timeout(limit, TlsConnector::from(config).connect(name, tcp))
        .await
        .ok()?;
    match result {
        Ok(_) => Some(true),
        Err(_) => seen
            .lock()
            .ok()
            .filter(|s| !s.chain.is_empty())
            .map(|_| false),
    }
}
