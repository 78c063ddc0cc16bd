//! Our own inbox for the `arrival` check (SPEC §7.7): an SMTP receiver for
//! one domain (`serve --inbox-domain`, its MX pointed here) that accepts a
//! message only for a one-time address a running probe reserved, and only
//! once, and hands it to that probe.
//!
//! The dialogue is the sandbox's (`mailin` with bounded lines, idle
//! timeouts and a connection cap); this module adds the decisions. It
//! never relays: every recipient but a reserved address is refused at
//! RCPT, and a message without the probe's nonce (someone else writing to
//! an address they saw) is refused at the end of DATA. Nothing is kept:
//! the bytes go to the waiting probe, which keeps only its verdict.

use std::collections::HashMap;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use smtp_doctor_sandbox::mailin::{Handler, Response, SessionBuilder, response};
use smtp_doctor_sandbox::refuse_message;
use tokio::net::TcpListener;
use tokio::sync::{Semaphore, oneshot};

/// The header that carries a probe's nonce in its test message.
pub const NONCE_HEADER: &str = "X-Smtp-Doctor-Check";
/// Largest message accepted (the test message is under 2 KB; signatures
/// and relays' headers add little).
pub const MAX_MESSAGE: usize = 256 * 1024;
/// Connections served at once.
const MAX_CONNECTIONS: usize = 32;

/// A message as the inbox received it.
#[derive(Debug)]
pub struct Received {
    /// The address that connected: the relay's sending address.
    pub peer: IpAddr,
    /// HELO/EHLO name.
    pub helo: String,
    /// MAIL FROM (empty for the null sender).
    pub mail_from: String,
    /// The message, dot-unstuffed, CRLF line ends.
    pub message: Vec<u8>,
    pub at: Instant,
}

/// A reserved one-time address; dropping it withdraws the address.
pub struct Ticket {
    /// `t-<token>@<domain>`.
    pub address: String,
    /// The value of [`NONCE_HEADER`] the message must carry.
    pub nonce: String,
    arrived: oneshot::Receiver<Received>,
    token: String,
    inbox: Arc<State>,
}

impl Ticket {
    /// The message, if it arrives within `wait`.
    pub async fn wait(&mut self, wait: Duration) -> Option<Received> {
        tokio::time::timeout(wait, &mut self.arrived)
            .await
            .ok()
            .and_then(Result::ok)
    }
}

impl std::fmt::Debug for Ticket {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ticket")
            .field("address", &self.address)
            .finish_non_exhaustive()
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        self.inbox.waiting().remove(&self.token);
    }
}

struct Waiting {
    nonce: String,
    deliver: oneshot::Sender<Received>,
    expires: Instant,
}

#[derive(Default)]
struct State {
    domain: String,
    waiting: Mutex<HashMap<String, Waiting>>,
}

impl State {
    fn waiting(&self) -> std::sync::MutexGuard<'_, HashMap<String, Waiting>> {
        self.waiting.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The token of `address` if it is a live reservation of ours.
    fn reserved(&self, address: &str) -> Option<String> {
        let (local, domain) = address.rsplit_once('@')?;
        if !domain
            .trim_end_matches('.')
            .eq_ignore_ascii_case(&self.domain)
        {
            return None;
        }
        let token = local.strip_prefix("t-")?.to_ascii_lowercase();
        let waiting = self.waiting();
        let entry = waiting.get(&token)?;
        (entry.expires > Instant::now()).then_some(token)
    }
}

/// The inbox: cheap to clone, shared by the listener and the probes.
#[derive(Clone)]
pub struct Inbox {
    state: Arc<State>,
    addr: SocketAddr,
}

impl std::fmt::Debug for Inbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inbox")
            .field("domain", &self.state.domain)
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl Inbox {
    /// Listens on `listen` for mail to one-time addresses at `domain`.
    pub async fn bind(domain: &str, listen: SocketAddr) -> io::Result<Self> {
        let domain = domain.trim().trim_end_matches('.').to_ascii_lowercase();
        if domain.is_empty() || !domain.contains('.') {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("`{domain}` is not a domain for the inbox"),
            ));
        }
        let listener = TcpListener::bind(listen).await?;
        let addr = listener.local_addr()?;
        let state = Arc::new(State {
            domain: domain.clone(),
            waiting: Mutex::default(),
        });
        tokio::spawn(accept_loop(listener, Arc::clone(&state), domain));
        Ok(Self { state, addr })
    }

    /// Where the inbox listens.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn domain(&self) -> &str {
        &self.state.domain
    }

    /// Reserves a one-time address for `valid_for`.
    pub fn reserve(&self, valid_for: Duration) -> io::Result<Ticket> {
        let token = random_hex(12)?;
        let nonce = random_hex(16)?;
        let (deliver, arrived) = oneshot::channel();
        let mut waiting = self.state.waiting();
        // Withdrawn reservations whose probe is gone are dropped with the
        // ticket; expired ones are swept here.
        let now = Instant::now();
        waiting.retain(|_, w| w.expires > now);
        waiting.insert(
            token.clone(),
            Waiting {
                nonce: nonce.clone(),
                deliver,
                expires: now + valid_for,
            },
        );
        drop(waiting);
        Ok(Ticket {
            address: format!("t-{token}@{}", self.state.domain),
            nonce,
            arrived,
            token,
            inbox: Arc::clone(&self.state),
        })
    }

    /// How many addresses are reserved now (for tests and metrics).
    pub fn reserved(&self) -> usize {
        self.state.waiting().len()
    }
}

/// `bytes` random bytes, as lowercase hex.
pub(crate) fn random_hex(bytes: usize) -> io::Result<String> {
    let mut buf = vec![0u8; bytes];
    rustls::crypto::ring::default_provider()
        .secure_random
        .fill(&mut buf)
        .map_err(|_| io::Error::other("no randomness"))?;
    Ok(buf.iter().fold(String::new(), |mut out, b| {
        use std::fmt::Write as _;
        let _ = write!(out, "{b:02x}");
        out
    }))
}

async fn accept_loop(listener: TcpListener, state: Arc<State>, name: String) {
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    loop {
        let Ok((tcp, peer)) = listener.accept().await else {
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        let Ok(permit) = Arc::clone(&slots).try_acquire_owned() else {
            let _ = tcp.try_write(b"421 4.7.0 Too many connections, try again later\r\n");
            continue;
        };
        let _ = tcp.set_nodelay(true);
        let state = Arc::clone(&state);
        let session = SessionBuilder::new(name.clone());
        tokio::spawn(async move {
            let _permit = permit;
            let handler = Receiver {
                state,
                peer: peer.ip(),
                helo: String::new(),
                mail_from: String::new(),
                token: None,
                message: Vec::new(),
                too_large: false,
            };
            let mut session = session.build(peer.ip(), handler);
            let greeting = session.greeting();
            if let Err(e) = smtp_doctor_sandbox::converse(tcp, &mut session, Some(greeting)).await {
                tracing::debug!(%peer, error = %e, "inbox connection ended");
            }
        });
    }
}

/// One connection's decisions.
struct Receiver {
    state: Arc<State>,
    peer: IpAddr,
    helo: String,
    mail_from: String,
    /// The reservation this transaction delivers to.
    token: Option<String>,
    message: Vec<u8>,
    too_large: bool,
}

impl Handler for Receiver {
    fn helo(&mut self, _ip: IpAddr, domain: &str) -> Response {
        domain.clone_into(&mut self.helo);
        response::OK
    }

    fn mail(&mut self, _ip: IpAddr, _domain: &str, from: &str) -> Response {
        from.clone_into(&mut self.mail_from);
        self.token = None;
        self.message.clear();
        self.too_large = false;
        response::OK
    }

    fn rcpt(&mut self, to: &str) -> Response {
        if self.token.is_some() {
            return Response::custom(452, "4.5.3 One recipient per message".into());
        }
        match self.state.reserved(to) {
            Some(token) => {
                self.token = Some(token);
                response::OK
            }
            // Never a relay, and no hint about which addresses exist.
            None => Response::custom(550, "5.1.1 No such mailbox here".into()),
        }
    }

    fn data(&mut self, buf: &[u8]) -> io::Result<()> {
        if self.message.len() + buf.len() > MAX_MESSAGE {
            self.too_large = true;
        } else {
            self.message.extend_from_slice(buf);
        }
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let Some(token) = self.token.take() else {
            return refuse_message(554, "5.5.1 No valid recipient");
        };
        if self.too_large {
            return refuse_message(552, "5.3.4 Message too large");
        }
        let message = std::mem::take(&mut self.message);
        let mut waiting = self.state.waiting();
        let Some(entry) = waiting.get(&token) else {
            return refuse_message(550, "5.1.1 No such mailbox here");
        };
        if !carries_nonce(&message, &entry.nonce) {
            // Someone else writing to an address they saw: refused, and
            // the probe keeps waiting for its own message.
            return refuse_message(550, "5.7.1 Not the message this address expects");
        }
        let Some(entry) = waiting.remove(&token) else {
            return refuse_message(451, "4.3.0 Try again");
        };
        drop(waiting);
        let received = Received {
            peer: self.peer,
            helo: self.helo.clone(),
            mail_from: self.mail_from.clone(),
            message,
            at: Instant::now(),
        };
        // The probe may have given up in between: the message is dropped.
        let _ = entry.deliver.send(received);
        Response::custom(250, "2.0.0 Received, thank you".into())
    }
}

/// Whether the header section holds `X-Smtp-Doctor-Check: <nonce>`.
pub fn carries_nonce(message: &[u8], nonce: &str) -> bool {
    let end = find(message, b"\r\n\r\n").unwrap_or(message.len());
    let headers = String::from_utf8_lossy(&message[..end]);
    headers.split("\r\n").any(|line| {
        line.split_once(':').is_some_and(|(name, value)| {
            name.trim().eq_ignore_ascii_case(NONCE_HEADER) && value.trim() == nonce
        })
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
