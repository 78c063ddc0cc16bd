//! Second connections: when the chosen mode fails, the probe tries a mode
//! on a fresh connection so the help can say what works instead. One
//! helper, [`try_mode`], serves every such check; it sends nothing but
//! EHLO (the operator's name) and STARTTLS, never a credential.

use std::net::SocketAddr;
use std::time::Duration;

use smtp_doctor_core::config::Security;
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;

use crate::engine::io::{Conn, Recorder, Stream, preview};
use crate::engine::{Engine, tls};

/// What a second connection in one mode showed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum ModeCheck {
    /// TLS came up (`true`: with a trusted certificate).
    Tls(bool),
    /// The port answered, but TLS did not come up; its first bytes, if
    /// they were not TLS.
    NoTls(Option<String>),
    /// Nothing answered: no connection, or silence.
    NoAnswer,
}

/// Opens a fresh connection to `addr` and tries `security` (implicit TLS,
/// or the STARTTLS upgrade; `None` means plain and is not tried), within
/// `limit` for each wait.
pub(super) async fn try_mode(
    engine: &Engine,
    host: &str,
    addr: SocketAddr,
    security: Security,
    limit: Duration,
) -> ModeCheck {
    let Ok(Ok(tcp)) = tokio::time::timeout(limit, TcpStream::connect(addr)).await else {
        return ModeCheck::NoAnswer;
    };
    let recorder = Recorder::new(tcp);
    match security {
        Security::Tls => {
            let recording = recorder.recording();
            if let Some(ok) = handshake_works(engine, host, recorder, limit).await {
                return ModeCheck::Tls(ok);
            }
            let first = recording.lock().map(|b| b.clone()).unwrap_or_default();
            if first.is_empty() {
                ModeCheck::NoAnswer
            } else {
                ModeCheck::NoTls(
                    (!tls::is_tls_record(&first))
                        .then(|| preview(&String::from_utf8_lossy(&first))),
                )
            }
        }
        Security::Starttls => starttls(engine, host, recorder, limit).await,
        Security::None => ModeCheck::NoTls(None),
    }
}

/// Greeting, EHLO, STARTTLS, handshake.
async fn starttls(engine: &Engine, host: &str, recorder: Recorder, limit: Duration) -> ModeCheck {
    match upgrade(engine, recorder, limit).await {
        Ok(recorder) => match handshake_works(engine, host, recorder, limit).await {
            Some(ok) => ModeCheck::Tls(ok),
            None => ModeCheck::NoTls(None),
        },
        Err(check) => check,
    }
}

/// Greeting, EHLO and STARTTLS on a plain connection, up to the point
/// where TLS starts: the connection, ready for a ClientHello.
async fn upgrade(
    engine: &Engine,
    recorder: Recorder,
    limit: Duration,
) -> Result<Recorder, ModeCheck> {
    let mut conn = Conn::new(Stream::Plain(recorder));
    let helo = &engine.options().helo;
    let Ok(greeting) = conn.read_reply(limit).await else {
        return Err(ModeCheck::NoAnswer);
    };
    if greeting.code != 220 || conn.send(&format!("EHLO {helo}")).await.is_err() {
        return Err(ModeCheck::NoTls(Some(greeting.raw())));
    }
    let offered = matches!(conn.read_reply(limit).await, Ok(ehlo)
        if crate::engine::ehlo::parse_ehlo(&ehlo).offers("STARTTLS"));
    if !offered || conn.send("STARTTLS").await.is_err() {
        return Err(ModeCheck::NoTls(None));
    }
    if !matches!(conn.read_reply(limit).await, Ok(r) if r.code == 220) || conn.buffered() > 0 {
        return Err(ModeCheck::NoTls(None));
    }
    match conn.into_stream() {
        Stream::Plain(recorder) => Ok(recorder),
        Stream::Tls(_) => Err(ModeCheck::NoTls(None)),
    }
}

/// The version a server that refused TLS 1.2/1.3 speaks: a TLS 1.1
/// ClientHello ([`tls::legacy_client_hello`]) on a fresh connection (after
/// STARTTLS for that mode), its ServerHello read, the connection dropped.
pub(super) async fn legacy_version(
    engine: &Engine,
    host: &str,
    addr: SocketAddr,
    security: Security,
    limit: Duration,
) -> Option<rustls::ProtocolVersion> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let tcp = tokio::time::timeout(limit, TcpStream::connect(addr))
        .await
        .ok()?
        .ok()?;
    let recorder = Recorder::new(tcp);
    let mut tcp = match security {
        Security::Starttls => upgrade(engine, recorder, limit).await.ok()?,
        _ => recorder,
    }
    .into_inner();
    tcp.write_all(&tls::legacy_client_hello(host)).await.ok()?;
    // A ServerHello's first 11 bytes carry the version; read at most a
    // few records' worth, within the limit.
    let mut buf = vec![0u8; 2048];
    let mut filled = 0;
    let read = async {
        while filled < 11 {
            match tcp.read(&mut buf[filled..]).await {
                Ok(0) | Err(_) => break,
                Ok(n) => filled += n,
            }
        }
    };
    let _ = tokio::time::timeout(limit, read).await;
    tls::server_hello_version(&buf[..filled])
}

/// `Some(certificate_ok)` when the peer completes a TLS handshake, or gets
/// as far as presenting a certificate.
async fn handshake_works(
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

/// Whether `port` usually means implicit TLS: 465 and the ports providers
/// give as its alternatives (2465, 8465, …: any ending in 465), and 443
/// (offered for SMTPS where everything else is blocked).
pub(super) fn usually_tls(port: u16) -> bool {
    port == 443 || port % 1000 == 465
}

/// The other mode a server usually offers, and its port: implicit TLS on
/// 465 for STARTTLS (and plain) ports, STARTTLS on 587 for 465; the
/// `2465`/`2587` pair some providers use stays within itself.
pub(super) fn other_mode(port: u16, security: Security) -> (u16, Security) {
    match (security, port) {
        (Security::Tls, 2465) => (2587, Security::Starttls),
        (Security::Tls, _) => (587, Security::Starttls),
        (_, 2587) => (2465, Security::Tls),
        _ => (465, Security::Tls),
    }
}
