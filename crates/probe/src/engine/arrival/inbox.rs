//! Our own inbox for the `arrival` check (SPEC §7.7): an SMTP receiver for
//! one domain (`serve --inbox-domain`, its MX pointed here) that accepts a
//! message only for a one-time address a running probe reserved, and only
//! once, and hands it to that probe.
//!
//! The dialogue is the sandbox's (`mailin` with bounded lines, idle, write
//! and lifetime bounds); this module adds the decisions and who may connect.
//! It is on the internet, and every tenant's arrival check depends on it
//! being free: one client network (an IPv4 address, an IPv6 /64) holds at
//! most a few of its places, a session ends after a few minutes whatever
//! it sends, and when the inbox did turn a relay away while a probe
//! waited, that probe says so (`probe.inbox-busy`) instead of blaming the
//! customer's relay. It
//! never relays: every recipient but a reserved address is refused at
//! RCPT, and a message without the probe's nonce (someone else writing to
//! an address they saw) is refused at the end of DATA. Nothing is kept:
//! the bytes go to the waiting probe, which keeps only its verdict.
//!
//! It offers STARTTLS, as every receiving MTA should: a relay configured to
//! deliver only over TLS (Postfix's `smtp_tls_security_level = encrypt`,
//! an Exchange connector that forces TLS) would otherwise never deliver,
//! and the check would blame the customer for our inbox. Relays delivering
//! opportunistically do not verify the certificate, so without the
//! operator's own (`--inbox-cert`/`--inbox-key`, needed where MTA-STS or
//! DANE is published for the inbox's domain) one is made at start for the
//! domain. The report says whether the message came over TLS.

use std::collections::HashMap;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use smtp_doctor_sandbox::mailin::{Handler, Response, SessionBuilder, response};
use smtp_doctor_sandbox::{Bounds, Clock, refuse_message};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio_rustls::TlsAcceptor;

use crate::clients::{ClientNets, ConnectionGate, Refused};

/// The header that carries a probe's nonce in its test message.
pub const NONCE_HEADER: &str = "X-Smtp-Doctor-Check";
/// Largest message accepted (the test message is under 2 KB; signatures
/// and relays' headers add little).
pub const MAX_MESSAGE: usize = 256 * 1024;

/// Who may hold the inbox's connections, and for how long.
#[derive(Clone, Copy, Debug)]
pub struct InboxLimits {
    /// Connections served at once.
    pub connections: usize,
    /// Of those, for one client network. A relay delivers one test message
    /// per connection in seconds; big providers deliver from few networks,
    /// so this is not 1.
    pub per_client: usize,
    /// What one client network is (IPv6: a /64 by default).
    pub nets: ClientNets,
    /// Idle, write and lifetime bounds of one connection.
    pub bounds: Bounds,
}

impl Default for InboxLimits {
    fn default() -> Self {
        Self {
            connections: 256,
            per_client: 16,
            nets: ClientNets::default(),
            bounds: Bounds {
                idle: Duration::from_secs(30),
                write: Duration::from_secs(30),
                lifetime: Duration::from_mins(3),
            },
        }
    }
}

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
    /// The TLS version it came over (`TLSv1.3`), `None` for plain text.
    pub tls: Option<String>,
}

/// The certificate the inbox offers with STARTTLS.
#[derive(Clone, Debug)]
pub enum InboxTls {
    /// Made at start for the inbox's domain; relays that deliver
    /// opportunistically (nearly all) accept it.
    SelfSigned,
    /// The operator's chain and key (PEM files), for relays that verify.
    Files { cert: PathBuf, key: PathBuf },
}

impl InboxTls {
    fn acceptor(&self, domain: &str) -> io::Result<TlsAcceptor> {
        use rustls::pki_types::pem::PemObject as _;
        let invalid = |e: String| io::Error::new(io::ErrorKind::InvalidInput, e);
        let (chain, key) = match self {
            Self::SelfSigned => {
                let key =
                    rcgen::KeyPair::generate().map_err(|e| io::Error::other(e.to_string()))?;
                let cert = rcgen::CertificateParams::new(vec![domain.to_owned()])
                    .and_then(|p| p.self_signed(&key))
                    .map_err(|e| invalid(format!("no certificate for `{domain}`: {e}")))?;
                (
                    vec![cert.der().clone()],
                    PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
                )
            }
            Self::Files { cert, key } => {
                let chain = CertificateDer::pem_file_iter(cert)
                    .and_then(Iterator::collect::<Result<Vec<_>, _>>)
                    .map_err(|e| invalid(format!("{}: {e}", cert.display())))?;
                if chain.is_empty() {
                    return Err(invalid(format!("{} holds no certificate", cert.display())));
                }
                let key = PrivateKeyDer::from_pem_file(key)
                    .map_err(|e| invalid(format!("{}: {e}", key.display())))?;
                (chain, key)
            }
        };
        smtp_doctor_sandbox::tls_acceptor(chain, key)
            .map_err(|e| invalid(format!("the inbox's certificate and key: {e}")))
    }
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
    /// Connections turned away (inbox full, or a network over its share).
    refused: AtomicU64,
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
    /// Listens on `listen` for mail to one-time addresses at `domain`,
    /// offering STARTTLS with `tls`, within `limits`.
    pub async fn bind(
        domain: &str,
        listen: SocketAddr,
        tls: &InboxTls,
        limits: InboxLimits,
    ) -> io::Result<Self> {
        let domain = domain.trim().trim_end_matches('.').to_ascii_lowercase();
        if domain.is_empty() || !domain.contains('.') {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("`{domain}` is not a domain for the inbox"),
            ));
        }
        let acceptor = tls.acceptor(&domain)?;
        let listener = TcpListener::bind(listen).await?;
        let addr = listener.local_addr()?;
        let state = Arc::new(State {
            domain: domain.clone(),
            waiting: Mutex::default(),
            refused: AtomicU64::new(0),
        });
        let gate = ConnectionGate::new(limits.connections, Some(limits.per_client), limits.nets);
        tokio::spawn(accept_loop(
            listener,
            Arc::clone(&state),
            domain,
            acceptor,
            (gate, limits.bounds),
        ));
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

    /// How many connections the inbox has turned away since it started: a
    /// probe compares the figure before and after its wait.
    pub fn refused(&self) -> u64 {
        self.state.refused.load(Ordering::Relaxed)
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

async fn accept_loop(
    listener: TcpListener,
    state: Arc<State>,
    name: String,
    acceptor: TlsAcceptor,
    (gate, bounds): (Arc<ConnectionGate>, Bounds),
) {
    let mut builder = SessionBuilder::new(name);
    builder.enable_start_tls();
    loop {
        let Ok((tcp, peer)) = listener.accept().await else {
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        let permit = match gate.admit(peer.ip()) {
            Ok(permit) => permit,
            Err(why) => {
                state.refused.fetch_add(1, Ordering::Relaxed);
                let reply: &[u8] = match why {
                    Refused::Full => b"421 4.7.0 Too many connections, try again later\r\n",
                    Refused::ClientCap => {
                        b"421 4.7.0 Too many connections from your network, try again later\r\n"
                    }
                };
                tracing::debug!(%peer, ?why, "inbox turned a connection away");
                let _ = tcp.try_write(reply);
                continue;
            }
        };
        let _ = tcp.set_nodelay(true);
        let (state, builder, acceptor) = (Arc::clone(&state), builder.clone(), acceptor.clone());
        let clock = bounds.start();
        tokio::spawn(async move {
            let _permit = permit;
            if let Err(e) = serve(tcp, peer.ip(), state, &builder, &acceptor, &clock).await {
                tracing::debug!(%peer, error = %e, "inbox connection ended");
            }
        });
    }
}

/// One connection: the plain dialogue, and after STARTTLS the encrypted one.
async fn serve(
    tcp: TcpStream,
    peer: IpAddr,
    state: Arc<State>,
    builder: &SessionBuilder,
    acceptor: &TlsAcceptor,
    clock: &Clock,
) -> io::Result<()> {
    let tls = Arc::new(OnceLock::new());
    let handler = Receiver {
        state,
        peer,
        helo: String::new(),
        mail_from: String::new(),
        token: None,
        message: Vec::new(),
        too_large: false,
        tls: Arc::clone(&tls),
    };
    let mut session = builder.build(peer, handler);
    let greeting = session.greeting();
    let Some(tcp) = smtp_doctor_sandbox::converse(tcp, &mut session, Some(greeting), clock).await?
    else {
        return Ok(());
    };
    let stream = smtp_doctor_sandbox::handshake(acceptor, tcp, clock).await?;
    let version = stream.get_ref().1.protocol_version();
    let _ = tls.set(version.map_or_else(|| "TLS".to_owned(), crate::engine::tls::version_label));
    session.tls_active();
    smtp_doctor_sandbox::converse(stream, &mut session, None, clock)
        .await
        .map(drop)
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
    /// Set once STARTTLS succeeded: the TLS version.
    tls: Arc<OnceLock<String>>,
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
            tls: self.tls.get().cloned(),
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
