//! The sandbox behind `smtp-doctor sandbox`: a small local SMTP server with one port per
//! lesson, so the demo (and anyone trying the tool) can see every common
//! failure without an internet connection or a real mailbox.
//!
//! The SMTP grammar and state machine come from the `mailin` crate (a
//! maintained, sans-IO SMTP server library); this module only adds what a
//! teaching server needs around it: tokio I/O with bounded lines and idle
//! timeouts, implicit TLS and STARTTLS with generated certificates (one
//! valid, one expired, one for another name), a demo account with a sender
//! policy, and a port that refuses every client. Messages are counted and
//! reported, never relayed or stored.

mod certs;
mod conn;
pub mod oauth;
mod relay;

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

pub use certs::{OTHER_NAME, tls_acceptor};
/// The bounded SMTP dialogue, for other receivers built on `mailin` (the
/// probe's inbox).
pub use conn::{Bounds, Clock, Dialogue, IDLE, MAX_LINE, converse, handshake, refuse_message};
/// The SMTP state machine the dialogue runs, for handlers built elsewhere.
pub use mailin;
pub use relay::{RelayTo, dot_stuffed};

/// Who may log in and which addresses that login may send as.
#[derive(Debug, Clone)]
pub struct Account {
    pub username: String,
    pub password: String,
    /// Addresses this login may use in MAIL FROM (lowercase).
    pub may_send_as: Vec<String>,
    /// A password that gets the "application-specific password required"
    /// reply (534 5.7.9), the way Google answers an account password.
    pub account_password: String,
}

impl Default for Account {
    fn default() -> Self {
        Self {
            username: "demo@sandbox.test".into(),
            password: "demo-app-password".into(),
            may_send_as: vec!["demo@sandbox.test".into(), "support@sandbox.test".into()],
            account_password: "account-password".into(),
        }
    }
}

/// What a port does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Behaviour {
    /// Plain greeting, STARTTLS with the valid certificate.
    Starttls,
    /// TLS from the first byte with the valid certificate.
    ImplicitTls,
    /// Implicit TLS with an expired certificate.
    ExpiredCert,
    /// Implicit TLS with a certificate for another name.
    WrongName,
    /// Plain text only: no STARTTLS, so no AUTH either.
    PlainOnly,
    /// Greets with 554: this client's address is not allowed.
    RejectClient,
}

impl Behaviour {
    pub const ALL: [Self; 6] = [
        Self::Starttls,
        Self::ImplicitTls,
        Self::ExpiredCert,
        Self::WrongName,
        Self::PlainOnly,
        Self::RejectClient,
    ];

    /// The port the demo uses (before `--port-offset`).
    pub fn default_port(self) -> u16 {
        match self {
            Self::Starttls => 2587,
            Self::ImplicitTls => 2465,
            Self::ExpiredCert => 2466,
            Self::WrongName => 2467,
            Self::PlainOnly => 2525,
            Self::RejectClient => 2554,
        }
    }

    /// The security setting that matches the port.
    pub fn security(self) -> &'static str {
        match self {
            Self::Starttls => "starttls",
            Self::ImplicitTls | Self::ExpiredCert | Self::WrongName => "tls",
            Self::PlainOnly | Self::RejectClient => "none",
        }
    }

    /// One line for the scenario table.
    pub fn lesson(self) -> &'static str {
        match self {
            Self::Starttls => "works with STARTTLS; choose TLS/SSL here to see a mode mismatch",
            Self::ImplicitTls => "works with TLS/SSL; choose STARTTLS here to see the wrong mode",
            Self::ExpiredCert => "certificate expired 30 days ago",
            Self::WrongName => "certificate is for another host name",
            Self::PlainOnly => "no encryption and no login offered",
            Self::RejectClient => "refuses this client (IP allowlist)",
        }
    }
}

/// Where to listen and with which account.
#[derive(Debug, Clone)]
pub struct SandboxOptions {
    pub ip: IpAddr,
    /// Port per behaviour; 0 picks a free one (tests).
    pub ports: Vec<(Behaviour, u16)>,
    pub account: Account,
    /// The name in the greeting and EHLO reply.
    pub name: String,
    /// The names the valid certificate covers (the listen address too).
    pub cert_names: Vec<String>,
    /// Largest accepted message, in bytes.
    pub max_message: usize,
    /// Deliver accepted mail for one domain (the probe's inbox) instead of
    /// only counting it.
    pub relay_to: Option<RelayTo>,
}

/// The sandbox's name in its own `sandbox.test` zone.
pub const SANDBOX_HOST: &str = "smtp.sandbox.test";

impl SandboxOptions {
    /// The demo's layout, every port shifted by `offset`.
    pub fn demo(offset: u16) -> Self {
        Self {
            ip: IpAddr::V4(Ipv4Addr::LOCALHOST),
            ports: Behaviour::ALL
                .iter()
                .map(|b| (*b, b.default_port().saturating_add(offset)))
                .collect(),
            account: Account::default(),
            name: "localhost".into(),
            cert_names: vec!["localhost".into(), SANDBOX_HOST.into()],
            max_message: 1 << 20,
            relay_to: None,
        }
    }

    /// Every behaviour on a free port: for tests.
    pub fn ephemeral() -> Self {
        let mut opts = Self::demo(0);
        for (_, port) in &mut opts.ports {
            *port = 0;
        }
        opts
    }
}

/// Why the sandbox could not start.
#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("cannot generate the sandbox certificates: {0}")]
    Certs(#[from] rcgen::Error),
    #[error("no random numbers for the sign-in's key")]
    Random,
}

/// One listening port.
#[derive(Debug, Clone, Copy)]
pub struct Endpoint {
    pub behaviour: Behaviour,
    pub addr: SocketAddr,
}

/// What the connections share.
pub(crate) struct Shared {
    pub(crate) account: Account,
    pub(crate) name: String,
    pub(crate) max_message: usize,
    pub(crate) relay_to: Option<RelayTo>,
    pub(crate) queued: AtomicU64,
    /// Caps concurrent connections: a sandbox, not a mail server.
    pub(crate) slots: Arc<Semaphore>,
    /// Signs and checks the sign-in's access tokens.
    pub(crate) issuer: Arc<oauth::Issuer>,
}

impl Shared {
    pub(crate) fn next_queue_id(&self) -> u64 {
        self.queued.fetch_add(1, Ordering::Relaxed) + 1
    }
}

/// A running sandbox; dropping it stops every listener.
pub struct Sandbox {
    endpoints: Vec<Endpoint>,
    ca_pem: String,
    ca_der: rustls::pki_types::CertificateDer<'static>,
    ips: Vec<IpAddr>,
    shared: Arc<Shared>,
    tasks: JoinSet<()>,
}

impl fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sandbox")
            .field("endpoints", &self.endpoints)
            .finish_non_exhaustive()
    }
}

impl Sandbox {
    /// Generates the certificates, binds every port and starts serving.
    pub async fn start(opts: SandboxOptions) -> Result<Self, SandboxError> {
        let certs = certs::Certs::generate(opts.ip, &opts.cert_names)?;
        let shared = Arc::new(Shared {
            account: opts.account,
            name: opts.name,
            max_message: opts.max_message,
            relay_to: opts.relay_to,
            queued: AtomicU64::new(0),
            slots: Arc::new(Semaphore::new(64)),
            issuer: Arc::new(oauth::Issuer::new().map_err(|_| SandboxError::Random)?),
        });
        let mut tasks = JoinSet::new();
        let mut endpoints = Vec::new();
        let mut ips = vec![opts.ip];
        for (behaviour, port) in opts.ports {
            let addr = SocketAddr::new(opts.ip, port);
            let listener = TcpListener::bind(addr)
                .await
                .map_err(|source| SandboxError::Bind { addr, source })?;
            let addr = listener
                .local_addr()
                .map_err(|source| SandboxError::Bind { addr, source })?;
            endpoints.push(Endpoint { behaviour, addr });
            let tls = match behaviour {
                Behaviour::Starttls | Behaviour::ImplicitTls => Some(certs.valid.clone()),
                Behaviour::ExpiredCert => Some(certs.expired.clone()),
                Behaviour::WrongName => Some(certs.wrong_name.clone()),
                Behaviour::PlainOnly | Behaviour::RejectClient => None,
            };
            // `localhost` resolves to both loopbacks: serve ::1 too when it
            // exists, so a client that tries IPv6 first is not refused.
            if opts.ip == IpAddr::V4(Ipv4Addr::LOCALHOST) {
                if let Ok(v6) = TcpListener::bind((Ipv6Addr::LOCALHOST, addr.port())).await {
                    tasks.spawn(conn::accept_loop(
                        v6,
                        behaviour,
                        tls.clone(),
                        shared.clone(),
                    ));
                    if !ips.contains(&IpAddr::V6(Ipv6Addr::LOCALHOST)) {
                        ips.push(IpAddr::V6(Ipv6Addr::LOCALHOST));
                    }
                }
            }
            tasks.spawn(conn::accept_loop(listener, behaviour, tls, shared.clone()));
        }
        Ok(Self {
            endpoints,
            ca_pem: certs.ca_pem,
            ca_der: certs.ca_der,
            ips,
            shared,
            tasks,
        })
    }

    /// The listening ports, in the order given.
    pub fn endpoints(&self) -> &[Endpoint] {
        &self.endpoints
    }

    /// Every address the ports listen on (the chosen one, and ::1 next to
    /// 127.0.0.1).
    pub fn addresses(&self) -> &[IpAddr] {
        &self.ips
    }

    /// The port of one behaviour.
    pub fn port(&self, behaviour: Behaviour) -> Option<u16> {
        self.endpoints
            .iter()
            .find(|e| e.behaviour == behaviour)
            .map(|e| e.addr.port())
    }

    /// The CA that signed the sandbox's certificates (PEM), for `--ca-file`.
    pub fn ca_pem(&self) -> &str {
        &self.ca_pem
    }

    /// The same CA in DER, to add to an engine's trusted roots.
    pub fn ca_der(&self) -> &rustls::pki_types::CertificateDer<'static> {
        &self.ca_der
    }

    /// The account the sandbox accepts.
    pub fn account(&self) -> &Account {
        &self.shared.account
    }

    /// The sign-in's token issuer (the demo's "Sign in" page uses it).
    pub fn issuer(&self) -> Arc<oauth::Issuer> {
        self.shared.issuer.clone()
    }

    /// Messages accepted so far.
    pub fn messages_accepted(&self) -> u64 {
        self.shared.queued.load(Ordering::Relaxed)
    }

    /// Waits until every listener stops (they run until dropped).
    pub async fn run(mut self) {
        while self.tasks.join_next().await.is_some() {}
    }

    /// The addresses `smtp.sandbox.test` stands for (those it listens on).
    pub fn ips(&self) -> &[IpAddr] {
        &self.ips
    }

    /// RFC 6186 SRV records for `sandbox.test`, as (owner, port): they
    /// point at the TLS and STARTTLS ports on [`SANDBOX_HOST`], so that
    /// discovery of `demo@sandbox.test` finds the sandbox without any DNS
    /// server — and, the server being in the address's own domain, may
    /// verify the login there too. The probe turns them into a local zone.
    pub fn srv_records(&self) -> Vec<(&'static str, u16)> {
        [
            ("_submissions._tcp.sandbox.test", Behaviour::ImplicitTls),
            ("_submission._tcp.sandbox.test", Behaviour::Starttls),
        ]
        .into_iter()
        .filter_map(|(owner, b)| self.port(b).map(|port| (owner, port)))
        .collect()
    }

    /// The scenario table the CLI and the demo print.
    pub fn describe(&self) -> String {
        use fmt::Write as _;
        let a = &self.shared.account;
        let mut out = format!(
            "smtp-doctor sandbox: host localhost (or {ip}), login {user} / {password}\n\
             \x20 may send as {senders}; any other From address is refused (sender not allowed)\n\
             \x20 password {account} gets \"application-specific password required\"\n\
             \x20 with `serve --sandbox`, \"Sign in\" on the page gives OAuth2 tokens (XOAUTH2, OAUTHBEARER on the TLS ports)\n\n",
            ip = self
                .endpoints
                .first()
                .map_or_else(String::new, |e| e.addr.ip().to_string()),
            user = a.username,
            password = a.password,
            senders = a.may_send_as.join(", "),
            account = a.account_password,
        );
        for e in &self.endpoints {
            let _ = writeln!(
                out,
                "  port {:<5} {:<9} {}",
                e.addr.port(),
                e.behaviour.security(),
                e.behaviour.lesson()
            );
        }
        out
    }
}
