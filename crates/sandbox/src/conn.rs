//! One sandbox connection: `mailin` decides every reply; this file moves
//! bytes with bounds (line length, message size, idle time, the time to
//! write a reply and the whole connection's lifetime) and does the TLS
//! handshakes. A client that sends a NOOP now and then, or never reads
//! what it is sent, is still let go when its time is up.

use std::io;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use mailin::{Action, AuthMechanism, Handler, Response, SessionBuilder, response};
use tokio::io::{
    AsyncBufReadExt as _, AsyncRead, AsyncReadExt as _, AsyncWrite, AsyncWriteExt as _, BufReader,
};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::{Instant, timeout};
use tokio_rustls::TlsAcceptor;

use super::oauth::{self, Issuer};
use super::{Behaviour, Shared};

/// Longest command or DATA line accepted (RFC 5321 says 1000 for text).
pub const MAX_LINE: u64 = 4096;
/// A client that says nothing for this long is dropped.
pub const IDLE: Duration = Duration::from_secs(60);
/// Longest a TLS handshake may take.
const HANDSHAKE: Duration = Duration::from_secs(10);

/// How long one connection may take, per step and in all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    /// Silence from the client before it is dropped.
    pub idle: Duration,
    /// Time for one reply to leave, for a client that does not read.
    pub write: Duration,
    /// The whole connection, handshakes and DATA included.
    pub lifetime: Duration,
}

impl Default for Bounds {
    /// The sandbox's: generous, for people typing at it by hand.
    fn default() -> Self {
        Self {
            idle: IDLE,
            write: Duration::from_secs(30),
            lifetime: Duration::from_secs(600),
        }
    }
}

impl Bounds {
    /// The clock of a connection accepted now.
    pub fn start(self) -> Clock {
        Clock {
            bounds: self,
            ends: Instant::now() + self.lifetime,
        }
    }
}

/// One connection's bounds, with the moment its lifetime ends.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    bounds: Bounds,
    ends: Instant,
}

impl Clock {
    /// `limit`, or less if the lifetime ends sooner.
    fn within(&self, limit: Duration) -> Duration {
        limit.min(self.ends.saturating_duration_since(Instant::now()))
    }

    fn expired(&self) -> bool {
        Instant::now() >= self.ends
    }

    /// Writes `bytes` within the write bound (and the lifetime).
    async fn send<S: AsyncWrite + Unpin>(&self, stream: &mut S, bytes: &[u8]) -> io::Result<()> {
        timeout(self.within(self.bounds.write), stream.write_all(bytes))
            .await
            .map_err(|_| io::Error::new(io::ErrorKind::TimedOut, "client does not read"))?
    }
}

pub(super) async fn accept_loop(
    listener: TcpListener,
    behaviour: Behaviour,
    tls: Option<TlsAcceptor>,
    shared: Arc<Shared>,
) {
    let bounds = Bounds::default();
    loop {
        let Ok((tcp, peer)) = listener.accept().await else {
            // Out of file descriptors and the like: back off, keep serving.
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        let Ok(permit) = shared.slots.clone().try_acquire_owned() else {
            let _ = tcp.try_write(b"421 4.7.0 Too many connections, try again later\r\n");
            continue;
        };
        // Replies are small writes right after TLS records: without this,
        // Nagle and delayed ACKs add 40 ms to every step.
        let _ = tcp.set_nodelay(true);
        let tls = tls.clone();
        let shared = shared.clone();
        tokio::spawn(async move {
            let _permit = permit;
            let clock = bounds.start();
            if let Err(e) = serve(tcp, peer.ip(), behaviour, tls, &shared, &clock).await {
                tracing::debug!(%peer, error = %e, "sandbox connection ended");
            }
        });
    }
}

async fn serve(
    tcp: TcpStream,
    peer: IpAddr,
    behaviour: Behaviour,
    tls: Option<TlsAcceptor>,
    shared: &Shared,
    clock: &Clock,
) -> io::Result<()> {
    let mut builder = SessionBuilder::new(shared.name.clone());
    builder
        .enable_auth(AuthMechanism::Plain)
        .enable_auth(AuthMechanism::Login);
    let secret = one_time_secret();
    let mailbox = Mailbox {
        shared,
        oauth_secret: secret.clone(),
        user: None,
        bytes: 0,
        peer,
        from: String::new(),
        relayed: Vec::new(),
        message: Vec::new(),
    };
    match (behaviour, tls) {
        (Behaviour::RejectClient, _) => {
            let mut tcp = tcp;
            clock
                .send(
                    &mut tcp,
                    b"554 5.7.1 Access denied: your IP address is not on this server's allowlist\r\n",
                )
                .await?;
            tcp.shutdown().await
        }
        (Behaviour::Starttls, Some(acceptor)) => {
            builder.enable_start_tls();
            let mut session =
                OAuthSession::new(builder.build(peer, mailbox), &shared.issuer, secret);
            let greeting = session.greeting();
            if let Some(tcp) = converse(tcp, &mut session, Some(greeting), clock).await? {
                let tls = handshake(&acceptor, tcp, clock).await?;
                session.tls_active();
                converse(tls, &mut session, None, clock).await?;
            }
            Ok(())
        }
        (_, Some(acceptor)) => {
            // Implicit TLS: STARTTLS "available" to mailin, then marked done
            // before the first byte, so it is never advertised.
            builder.enable_start_tls();
            let mut session =
                OAuthSession::new(builder.build(peer, mailbox), &shared.issuer, secret);
            let tls = handshake(&acceptor, tcp, clock).await?;
            session.tls_active();
            let greeting = session.greeting();
            converse(tls, &mut session, Some(greeting), clock)
                .await
                .map(drop)
        }
        (_, None) => {
            let mut session =
                OAuthSession::new(builder.build(peer, mailbox), &shared.issuer, secret);
            let greeting = session.greeting();
            converse(tcp, &mut session, Some(greeting), clock)
                .await
                .map(drop)
        }
    }
}

/// 128 random bits: a password no client can know.
fn one_time_secret() -> String {
    use ring::rand::SecureRandom as _;
    let mut bytes = [0u8; 16];
    // Without randomness, no OAuth2 login on this connection (an empty
    // secret is never accepted: see `Mailbox::login`).
    if ring::rand::SystemRandom::new().fill(&mut bytes).is_err() {
        return String::new();
    }
    base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, bytes)
}

/// The server side of a TLS handshake, bounded to 10 s (and the lifetime).
pub async fn handshake<S: AsyncRead + AsyncWrite + Unpin>(
    acceptor: &TlsAcceptor,
    stream: S,
    clock: &Clock,
) -> io::Result<tokio_rustls::server::TlsStream<S>> {
    timeout(clock.within(HANDSHAKE), acceptor.accept(stream))
        .await
        .map_err(|_| io::Error::new(io::ErrorKind::TimedOut, "no TLS ClientHello"))?
}

/// Runs the dialogue until the client quits or asks for STARTTLS; in the
/// latter case the plain stream comes back for the handshake. Lines are
/// bounded by [`MAX_LINE`], silence, each reply and the whole connection by
/// the `clock`; when silence or the lifetime ends it, the client hears
/// `421` first. `mailin` decides every reply through the handler (the
/// sandbox's mailbox, the probe's inbox).
pub async fn converse<S: AsyncRead + AsyncWrite + Unpin, D: Dialogue>(
    stream: S,
    session: &mut D,
    greeting: Option<Response>,
    clock: &Clock,
) -> io::Result<Option<S>> {
    let mut reader = BufReader::new(stream);
    if let Some(greeting) = greeting {
        clock.send(reader.get_mut(), &greeting.buffer()?).await?;
    }
    let mut line = Vec::with_capacity(256);
    loop {
        line.clear();
        let mut bounded = (&mut reader).take(MAX_LINE);
        let read = bounded.read_until(b'\n', &mut line);
        let Ok(n) = timeout(clock.within(clock.bounds.idle), read).await else {
            let (why, reply): (_, &[u8]) = if clock.expired() {
                (
                    "session lifetime over",
                    b"421 4.4.2 Session too long, closing\r\n",
                )
            } else {
                ("idle client", b"421 4.4.2 Idle too long, closing\r\n")
            };
            // Best effort, briefly: the client may not be reading either.
            let _ = timeout(Duration::from_secs(1), reader.get_mut().write_all(reply)).await;
            return Err(io::Error::new(io::ErrorKind::TimedOut, why));
        };
        if n? == 0 {
            return Ok(None);
        }
        if !line.ends_with(b"\n") {
            clock
                .send(reader.get_mut(), b"500 5.5.2 Line too long\r\n")
                .await?;
            timeout(
                clock.within(clock.bounds.write),
                reader.get_mut().shutdown(),
            )
            .await
            .map_err(|_| io::Error::new(io::ErrorKind::TimedOut, "client does not read"))??;
            // Read (and drop) what the client is still sending, briefly and
            // boundedly, so closing does not reset the reply away.
            let mut sink = tokio::io::sink();
            let mut rest = (&mut reader).take(1 << 20);
            let drain = tokio::io::copy(&mut rest, &mut sink);
            let _ = timeout(Duration::from_secs(2), drain).await;
            return Ok(None);
        }
        let (reply, action) = session.reply(&line)?;
        match action {
            Action::NoReply => {}
            Action::Reply => clock.send(reader.get_mut(), &reply).await?,
            Action::Close => {
                clock.send(reader.get_mut(), &reply).await?;
                return Ok(None);
            }
            Action::UpgradeTls => {
                clock.send(reader.get_mut(), &reply).await?;
                // Bytes pipelined after STARTTLS would be injected into the
                // encrypted session (CVE-2011-0411): refuse the connection.
                if !reader.buffer().is_empty() {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        "data pipelined after STARTTLS",
                    ));
                }
                return Ok(Some(reader.into_inner()));
            }
        }
    }
}

/// What answers each line of a dialogue: `mailin`'s state machine, or the
/// sandbox's OAuth2 logins in front of it.
pub trait Dialogue {
    /// The reply's bytes to one line, and what follows it.
    fn reply(&mut self, line: &[u8]) -> io::Result<(Vec<u8>, Action)>;
}

impl<H: Handler> Dialogue for mailin::Session<H> {
    fn reply(&mut self, line: &[u8]) -> io::Result<(Vec<u8>, Action)> {
        let reply = self.process(line);
        let bytes = if reply.action == Action::NoReply {
            Vec::new()
        } else {
            reply.buffer()?
        };
        Ok((bytes, reply.action))
    }
}

/// Where an OAuth2 login stands between two lines.
enum Pending {
    /// `AUTH XOAUTH2` (or `OAUTHBEARER`, `true`) without its message: the
    /// next line is it.
    Message(bool),
    /// The token was refused with a `334` error: the client's next line
    /// (empty, or `AQ==`) ends the exchange, with a `535`.
    Refused,
}

/// `mailin` cannot take XOAUTH2 or OAUTHBEARER: this answers those two
/// (tokens of the sandbox's [`Issuer`]) and hands `mailin` everything else.
/// A token that checks out becomes a `mailin` login with a secret made for
/// this connection (never sent), so `mailin` keeps the session's state.
pub(crate) struct OAuthSession<'a, H: Handler> {
    inner: mailin::Session<H>,
    issuer: &'a Issuer,
    /// The one-time password the handler accepts for a checked token.
    secret: String,
    tls: bool,
    pending: Option<Pending>,
}

impl<'a, H: Handler> OAuthSession<'a, H> {
    pub(crate) fn new(inner: mailin::Session<H>, issuer: &'a Issuer, secret: String) -> Self {
        Self {
            inner,
            issuer,
            secret,
            tls: false,
            pending: None,
        }
    }

    pub(crate) fn greeting(&self) -> Response {
        self.inner.greeting()
    }

    pub(crate) fn tls_active(&mut self) {
        self.tls = true;
        self.inner.tls_active();
    }

    /// The SASL message of a login: the token checked, then `mailin` told.
    fn login(&mut self, message: &[u8], oauthbearer: bool) -> io::Result<(Vec<u8>, Action)> {
        let Some(bearer) = oauth::bearer(message, oauthbearer) else {
            return Ok(line(b"501 5.5.2 Cannot decode the OAuth2 message\r\n"));
        };
        match self
            .issuer
            .check(&bearer.token, &bearer.user, std::time::SystemTime::now())
        {
            Ok(user) => {
                use base64::Engine as _;
                let plain = base64::engine::general_purpose::STANDARD
                    .encode(format!("\0{user}\0{}", self.secret));
                self.inner
                    .reply(format!("AUTH PLAIN {plain}\r\n").as_bytes())
            }
            Err(refusal) => {
                self.pending = Some(Pending::Refused);
                Ok(line(format!("334 {}\r\n", refusal.challenge()).as_bytes()))
            }
        }
    }
}

fn line(bytes: &[u8]) -> (Vec<u8>, Action) {
    (bytes.to_vec(), Action::Reply)
}

impl<H: Handler> Dialogue for OAuthSession<'_, H> {
    fn reply(&mut self, text: &[u8]) -> io::Result<(Vec<u8>, Action)> {
        match self.pending.take() {
            Some(Pending::Refused) => {
                return Ok(line(b"535 5.7.8 Username and Password not accepted\r\n"));
            }
            Some(Pending::Message(_)) if text.trim_ascii() == b"*" => {
                return Ok(line(b"501 5.7.0 Authentication cancelled\r\n"));
            }
            Some(Pending::Message(oauthbearer)) => return self.login(text, oauthbearer),
            None => {}
        }
        let head: Vec<u8> = text.iter().take(20).map(u8::to_ascii_uppercase).collect();
        let mechanism = [
            (&b"AUTH XOAUTH2"[..], false),
            (&b"AUTH OAUTHBEARER"[..], true),
        ]
        .into_iter()
        .find(|(m, _)| {
            head.starts_with(m) && head.get(m.len()).is_none_or(u8::is_ascii_whitespace)
        });
        if let Some((name, oauthbearer)) = mechanism {
            if !self.tls {
                return Ok(line(
                    b"538 5.7.11 Encryption required for requested authentication mechanism\r\n",
                ));
            }
            let message = text[name.len()..].trim_ascii();
            if message.is_empty() {
                self.pending = Some(Pending::Message(oauthbearer));
                return Ok(line(b"334 \r\n"));
            }
            return self.login(message, oauthbearer);
        }
        let (mut bytes, action) = self.inner.reply(text)?;
        // mailin names only its own mechanisms in the EHLO reply.
        if head.starts_with(b"EHLO") {
            if let Some(at) = find(&bytes, b"AUTH PLAIN LOGIN") {
                let end = at + b"AUTH PLAIN LOGIN".len();
                bytes.splice(end..end, b" XOAUTH2 OAUTHBEARER".iter().copied());
            }
        }
        Ok((bytes, action))
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A refusal at the end of DATA that ends the transaction, not the
/// session: `mailin` keeps an error reply's state, so a plain 5xx there
/// would read the client's next commands as more message text.
pub fn refuse_message(code: u16, text: &str) -> Response {
    let mut reply = Response::custom(code, text.to_owned());
    reply.is_error = false;
    reply
}

/// The sandbox's decisions: who may log in and send as whom.
struct Mailbox<'a> {
    shared: &'a Shared,
    /// The one-time password of a checked OAuth2 token (see [`OAuthSession`]).
    oauth_secret: String,
    user: Option<String>,
    bytes: usize,
    peer: IpAddr,
    from: String,
    /// Recipients at the relayed domain (the probe's inbox).
    relayed: Vec<String>,
    /// The message, kept only when it is to be relayed.
    message: Vec<u8>,
}

impl Mailbox<'_> {
    fn login(&mut self, username: &str, password: &str) -> Response {
        if !self.oauth_secret.is_empty() && password == self.oauth_secret {
            self.user = Some(username.to_owned());
            return response::AUTH_OK;
        }
        let account = &self.shared.account;
        if !username.eq_ignore_ascii_case(&account.username) {
            return response::INVALID_CREDENTIALS;
        }
        if password == account.password {
            self.user = Some(account.username.clone());
            return response::AUTH_OK;
        }
        if password == account.account_password {
            return Response::custom(
                534,
                "5.7.9 Application-specific password required. Create an app password for this account."
                    .into(),
            );
        }
        Response::custom(535, "5.7.8 Username and Password not accepted".into())
    }
}

impl Handler for Mailbox<'_> {
    fn auth_plain(&mut self, _authz: &str, username: &str, password: &str) -> Response {
        self.login(username, password)
    }

    fn auth_login(&mut self, username: &str, password: &str) -> Response {
        self.login(username, password)
    }

    fn mail(&mut self, _ip: IpAddr, _domain: &str, from: &str) -> Response {
        self.bytes = 0;
        from.clone_into(&mut self.from);
        self.relayed.clear();
        self.message.clear();
        let allowed = &self.shared.account.may_send_as;
        if allowed.iter().any(|a| a.eq_ignore_ascii_case(from)) {
            return response::OK;
        }
        let user = self.user.as_deref().unwrap_or("anonymous");
        Response::custom(
            553,
            format!("5.7.1 <{from}>: Sender address rejected: not owned by user {user}"),
        )
    }

    fn data_start(&mut self, _domain: &str, _from: &str, _is8bit: bool, to: &[String]) -> Response {
        if let Some(relay) = &self.shared.relay_to {
            self.relayed = to.iter().filter(|r| relay.wants(r)).cloned().collect();
        }
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> io::Result<()> {
        self.bytes = self.bytes.saturating_add(buf.len());
        if !self.relayed.is_empty() && self.bytes <= self.shared.max_message {
            self.message.extend_from_slice(buf);
        }
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        if self.bytes > self.shared.max_message {
            return refuse_message(552, "5.3.4 Message size exceeds fixed limit");
        }
        let id = self.shared.next_queue_id();
        tracing::info!(
            bytes = self.bytes,
            queue_id = id,
            "sandbox accepted a test message"
        );
        if let Some(relay) = self.shared.relay_to.clone() {
            // A relay's trace line on top, as every hop adds one.
            let date = time::OffsetDateTime::now_utc()
                .format(&time::format_description::well_known::Rfc2822)
                .unwrap_or_default();
            let mut message = format!(
                "Received: from {} by {} with ESMTP id SBX{id:06}; {date}\r\n",
                self.peer,
                super::SANDBOX_HOST
            )
            .into_bytes();
            message.append(&mut self.message);
            let from = self.from.clone();
            let helo = super::SANDBOX_HOST;
            for rcpt in std::mem::take(&mut self.relayed) {
                let (relay, message, from) = (relay.clone(), message.clone(), from.clone());
                tokio::spawn(async move {
                    if let Err(e) =
                        super::relay::deliver(&relay, helo, &from, &rcpt, &message).await
                    {
                        tracing::warn!(error = %e, %rcpt, "sandbox could not deliver to the inbox");
                    }
                });
            }
        }
        Response::custom(250, format!("2.0.0 Ok: queued as SBX{id:06}"))
    }
}
