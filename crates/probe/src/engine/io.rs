//! The byte stream under a session: plain TCP or TLS over it, with the
//! first bytes the server sent recorded (to recognise a plain `220` where a
//! TLS record was expected), and bounded SMTP reply reading.
//!
//! A hostile server never wins here: a reply is read under one deadline
//! (a slow drip cannot extend it), lines are capped at [`MAX_LINE`] bytes,
//! replies at [`MAX_LINES`] lines and [`MAX_REPLY`] bytes, and invalid
//! UTF-8 is replaced, never trusted.

use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;

pub const MAX_LINE: usize = 4096;
pub const MAX_LINES: usize = 128;
pub const MAX_REPLY: usize = 64 * 1024;
const RECORD: usize = 512;

/// A TCP stream that keeps a copy of the first bytes it read, readable
/// through a shared handle even after a failed handshake consumed it.
#[derive(Debug)]
pub(crate) struct Recorder {
    inner: TcpStream,
    first_bytes: Arc<Mutex<Vec<u8>>>,
}

impl Recorder {
    pub(crate) fn new(inner: TcpStream) -> Self {
        Self {
            inner,
            first_bytes: Arc::default(),
        }
    }

    pub(crate) fn into_inner(self) -> TcpStream {
        self.inner
    }

    /// A handle on the recorded bytes.
    pub(crate) fn recording(&self) -> Arc<Mutex<Vec<u8>>> {
        Arc::clone(&self.first_bytes)
    }
}

impl AsyncRead for Recorder {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let poll = Pin::new(&mut self.inner).poll_read(cx, buf);
        if let Ok(mut rec) = self.first_bytes.lock()
            && rec.len() < RECORD
        {
            let new = &buf.filled()[before..];
            let take = new.len().min(RECORD - rec.len());
            rec.extend_from_slice(&new[..take]);
        }
        poll
    }
}

impl AsyncWrite for Recorder {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// Plain or TLS.
#[derive(Debug)]
pub(crate) enum Stream {
    Plain(Recorder),
    Tls(Box<TlsStream<Recorder>>),
}

impl AsyncRead for Stream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Self::Plain(s) => Pin::new(s).poll_read(cx, buf),
            Self::Tls(s) => Pin::new(s.as_mut()).poll_read(cx, buf),
        }
    }
}

impl AsyncWrite for Stream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        match self.get_mut() {
            Self::Plain(s) => Pin::new(s).poll_write(cx, buf),
            Self::Tls(s) => Pin::new(s.as_mut()).poll_write(cx, buf),
        }
    }
    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Self::Plain(s) => Pin::new(s).poll_flush(cx),
            Self::Tls(s) => Pin::new(s.as_mut()).poll_flush(cx),
        }
    }
    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Self::Plain(s) => Pin::new(s).poll_shutdown(cx),
            Self::Tls(s) => Pin::new(s.as_mut()).poll_shutdown(cx),
        }
    }
}

pub use smtp_doctor_core::reply::Reply;

/// Why no reply could be read.
#[derive(Debug)]
pub enum ReadError {
    Timeout,
    Closed,
    /// Bytes that are not an SMTP reply (a preview, lossily decoded).
    NotSmtp(String),
    TooLong,
    Io(io::Error),
}

/// A session stream with a read buffer.
#[derive(Debug)]
pub(crate) struct Conn {
    pub stream: Stream,
    buf: Vec<u8>,
}

impl Conn {
    pub(crate) fn new(stream: Stream) -> Self {
        Self {
            stream,
            buf: Vec::with_capacity(1024),
        }
    }

    /// Bytes received but not yet consumed (must be none before STARTTLS).
    pub(crate) fn buffered(&self) -> usize {
        self.buf.len()
    }

    pub(crate) fn into_stream(self) -> Stream {
        self.stream
    }

    /// Writes one command line and its CRLF. A line holding CR, LF or NUL
    /// is refused before a byte is written: one `send` is one command on
    /// the wire, whatever the caller built (SPEC §7.3; the typed values of
    /// `smtp_doctor_core::wire` are the first guard, this is the second).
    pub(crate) async fn send(&mut self, line: &str) -> io::Result<()> {
        check_command(line)?;
        self.stream.write_all(line.as_bytes()).await?;
        self.stream.write_all(b"\r\n").await?;
        self.stream.flush().await
    }

    pub(crate) async fn send_raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.stream.write_all(bytes).await?;
        self.stream.flush().await
    }

    /// Reads one complete reply within `limit`.
    pub(crate) async fn read_reply(&mut self, limit: Duration) -> Result<Reply, ReadError> {
        match tokio::time::timeout(limit, self.read_reply_inner()).await {
            Ok(r) => r,
            Err(_) => Err(ReadError::Timeout),
        }
    }

    async fn read_reply_inner(&mut self) -> Result<Reply, ReadError> {
        loop {
            match parse_reply(&self.buf) {
                Parsed::Reply(reply, used) => {
                    self.buf.drain(..used);
                    return Ok(reply);
                }
                Parsed::Error(e) => {
                    self.buf.clear();
                    return Err(e);
                }
                Parsed::Incomplete => {}
            }
            let mut chunk = [0u8; 2048];
            let n = self.stream.read(&mut chunk).await.map_err(ReadError::Io)?;
            if n == 0 {
                if self.buf.is_empty() {
                    return Err(ReadError::Closed);
                }
                let text = String::from_utf8_lossy(&self.buf).into_owned();
                self.buf.clear();
                return Err(ReadError::NotSmtp(preview(&text)));
            }
            self.buf.extend_from_slice(&chunk[..n]);
        }
    }
}

/// What [`parse_reply`] made of the bytes so far.
#[derive(Debug)]
pub enum Parsed {
    /// A complete reply and how many bytes it used.
    Reply(Reply, usize),
    /// More bytes are needed.
    Incomplete,
    Error(ReadError),
}

/// Parses one SMTP reply (RFC 5321 §4.2) from the start of `buf`, sans
/// I/O, so the same code runs under the fuzzer. Lines end in CRLF (a bare
/// LF is accepted); a reply is capped at [`MAX_LINE`] bytes a line,
/// [`MAX_LINES`] lines and [`MAX_REPLY`] bytes; every line must carry the
/// same three-digit code followed by `-` (more follow), a space or
/// nothing (last); invalid UTF-8 is replaced.
pub fn parse_reply(buf: &[u8]) -> Parsed {
    let mut code = None;
    let mut lines = Vec::new();
    let mut start = 0;
    loop {
        let rest = &buf[start..];
        let Some(pos) = rest.iter().position(|b| *b == b'\n') else {
            if rest.len() > MAX_LINE {
                let head = &rest[..rest.len().min(64)];
                return Parsed::Error(
                    if head.len() >= 3 && head[..3].iter().all(u8::is_ascii_digit) {
                        ReadError::TooLong
                    } else {
                        ReadError::NotSmtp(preview(&String::from_utf8_lossy(head)))
                    },
                );
            }
            return Parsed::Incomplete;
        };
        let mut line = &rest[..pos];
        if line.last() == Some(&b'\r') {
            line = &line[..line.len() - 1];
        }
        start += pos + 1;
        if line.len() > MAX_LINE || start > MAX_REPLY || lines.len() >= MAX_LINES {
            return Parsed::Error(ReadError::TooLong);
        }
        // RFC 5321 §4.2: the first digit says success (2, 3) or failure
        // (4, 5); 1 is reserved. `000` or `999` is not a reply.
        let valid = line.len() >= 3
            && (b'1'..=b'5').contains(&line[0])
            && line[1..3].iter().all(u8::is_ascii_digit)
            && (line.len() == 3 || line[3] == b' ' || line[3] == b'-');
        let text = String::from_utf8_lossy(line);
        if !valid {
            return Parsed::Error(ReadError::NotSmtp(preview(&text)));
        }
        let this = u16::from(line[0] - b'0') * 100
            + u16::from(line[1] - b'0') * 10
            + u16::from(line[2] - b'0');
        if *code.get_or_insert(this) != this {
            return Parsed::Error(ReadError::NotSmtp(preview(&text)));
        }
        lines.push(text.get(4..).unwrap_or_default().to_owned());
        if line.len() == 3 || line[3] == b' ' {
            return Parsed::Reply(Reply { code: this, lines }, start);
        }
    }
}

/// `Err` if `line` would be more than one command on the wire.
pub(crate) fn check_command(line: &str) -> io::Result<()> {
    if line.bytes().any(|b| matches!(b, b'\r' | b'\n' | 0)) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "refused to send a command containing CR, LF or NUL",
        ));
    }
    Ok(())
}

/// At most 80 printable characters of what the server said.
pub fn preview(text: &str) -> String {
    text.chars()
        .take(80)
        .map(|c| if c.is_control() { '·' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_parse_sans_io() {
        let ok = |b: &[u8]| match parse_reply(b) {
            Parsed::Reply(r, used) => (r.code, r.lines, used),
            other => panic!("{other:?}"),
        };
        assert_eq!(ok(b"220 hi\r\nnext"), (220, vec!["hi".to_owned()], 8));
        assert_eq!(
            ok(b"250-a\r\n250 b\n"),
            (250, vec!["a".to_owned(), "b".to_owned()], 13)
        );
        assert_eq!(ok(b"354\r\n"), (354, vec![String::new()], 5));
        assert!(matches!(parse_reply(b"250-a\r\n250"), Parsed::Incomplete));
        assert!(matches!(
            parse_reply(b"250-a\r\n251 b\r\n"),
            Parsed::Error(ReadError::NotSmtp(_))
        ));
        assert!(matches!(
            parse_reply(b"HTTP/1.1 400\r\n"),
            Parsed::Error(ReadError::NotSmtp(_))
        ));
        // Found by the fuzzer: three digits that are no reply code.
        assert!(matches!(
            parse_reply(b"000\r\n"),
            Parsed::Error(ReadError::NotSmtp(_))
        ));
        assert!(matches!(
            parse_reply(b"999 x\r\n"),
            Parsed::Error(ReadError::NotSmtp(_))
        ));
        assert!(matches!(
            parse_reply(&[b'2'; MAX_LINE + 2]),
            Parsed::Error(ReadError::TooLong)
        ));
        let many = b"250-x\r\n".repeat(MAX_LINES + 1);
        assert!(matches!(
            parse_reply(&many),
            Parsed::Error(ReadError::TooLong)
        ));
    }

    #[test]
    fn a_command_with_a_line_break_is_refused() {
        for bad in ["RCPT TO:<a@b.c>\r\nDATA", "x\n", "x\r", "x\0y"] {
            assert!(check_command(bad).is_err(), "{bad:?}");
        }
        assert!(check_command("MAIL FROM:<jörg@bücher.de>").is_ok());
    }
}
