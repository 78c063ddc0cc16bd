//! The sandbox as a relay for one domain: a message it accepted for the
//! probe's inbox (`serve --sandbox --inbox-domain …`) is delivered there,
//! the way a provider delivers to the world, so the demo's `arrival` check
//! works offline. Every other message is still only counted.
//!
//! A plain SMTP client with every read bounded; one attempt, no queue.

use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt as _, AsyncReadExt as _, AsyncWriteExt as _, BufReader};
use tokio::net::TcpStream;
use tokio::time::timeout;

/// Where mail for `domain` goes.
#[derive(Debug, Clone)]
pub struct RelayTo {
    pub domain: String,
    pub addr: SocketAddr,
}

impl RelayTo {
    /// Whether `rcpt` is an address at the relayed domain.
    pub(crate) fn wants(&self, rcpt: &str) -> bool {
        rcpt.rsplit_once('@')
            .is_some_and(|(_, d)| d.trim_end_matches('.').eq_ignore_ascii_case(&self.domain))
    }
}

const STEP: Duration = Duration::from_secs(10);

/// Delivers `message` (unstuffed, CRLF lines) from `from` to `rcpt`.
pub(crate) async fn deliver(
    to: &RelayTo,
    helo: &str,
    from: &str,
    rcpt: &str,
    message: &[u8],
) -> io::Result<()> {
    let tcp = timeout(STEP, TcpStream::connect(to.addr))
        .await
        .map_err(|_| io::Error::new(io::ErrorKind::TimedOut, "connect"))??;
    let mut io = BufReader::new(tcp);
    expect(&mut io, 220).await?;
    for (line, code) in [
        (format!("EHLO {helo}"), 250),
        (format!("MAIL FROM:<{from}>"), 250),
        (format!("RCPT TO:<{rcpt}>"), 250),
        ("DATA".to_owned(), 354),
    ] {
        io.get_mut()
            .write_all(format!("{line}\r\n").as_bytes())
            .await?;
        expect(&mut io, code).await?;
    }
    io.get_mut().write_all(&dot_stuffed(message)).await?;
    expect(&mut io, 250).await?;
    io.get_mut().write_all(b"QUIT\r\n").await?;
    Ok(())
}

/// The message dot-stuffed and terminated for DATA (RFC 5321 §4.5.2).
pub fn dot_stuffed(message: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(message.len() + 8);
    let mut at_line_start = true;
    for &b in message {
        if at_line_start && b == b'.' {
            out.push(b'.');
        }
        out.push(b);
        at_line_start = b == b'\n';
    }
    if !out.ends_with(b"\r\n") {
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b".\r\n");
    out
}

/// Reads one (possibly multi-line) reply; an error unless it has `code`.
async fn expect(io: &mut BufReader<TcpStream>, code: u16) -> io::Result<()> {
    loop {
        let mut line = String::new();
        let n = timeout(STEP, (&mut *io).take(4096).read_line(&mut line))
            .await
            .map_err(|_| io::Error::new(io::ErrorKind::TimedOut, "reply"))??;
        if n == 0 {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "closed"));
        }
        if line.as_bytes().get(3) == Some(&b'-') {
            continue;
        }
        return if line.get(..3) == Some(&code.to_string()[..]) {
            Ok(())
        } else {
            Err(io::Error::other(format!(
                "expected {code}, got {}",
                line.trim_end()
            )))
        };
    }
}
