//! Our inbox as a stranger sees it (SPEC §7.7): it takes a message only
//! for an address a probe reserved, only with that probe's nonce, only
//! once, and never relays anything else.

use std::time::Duration;

use std::sync::Arc;

use rustls::pki_types::{CertificateDer, ServerName};
use smtp_doctor_probe::inbox::{Inbox, InboxLimits, InboxTls, NONCE_HEADER, Received, Ticket};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// A minimal SMTP client: each line sent, the reply's code back.
struct Client<S>(BufReader<S>, String);

impl Client<TcpStream> {
    async fn connect(inbox: &Inbox) -> Self {
        let tcp = TcpStream::connect(inbox.local_addr()).await.unwrap();
        let mut client = Self(BufReader::new(tcp), String::new());
        assert_eq!(client.reply().await, 220);
        client
    }

    /// STARTTLS, trusting only `root` for `check.test`.
    async fn starttls(
        mut self,
        root: CertificateDer<'static>,
    ) -> Client<tokio_rustls::client::TlsStream<TcpStream>> {
        assert_eq!(self.say("STARTTLS").await, 220);
        let mut roots = rustls::RootCertStore::empty();
        roots.add(root).unwrap();
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_root_certificates(roots)
            .with_no_client_auth();
        let tls = tokio_rustls::TlsConnector::from(Arc::new(config))
            .connect(
                ServerName::try_from("check.test").unwrap(),
                self.0.into_inner(),
            )
            .await
            .expect("the inbox's certificate verifies");
        Client(BufReader::new(tls), String::new())
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> Client<S> {
    /// The reply's code; its text is kept in `.1`.
    async fn reply(&mut self) -> u16 {
        self.1.clear();
        loop {
            let mut line = String::new();
            let read = tokio::time::timeout(Duration::from_secs(5), self.0.read_line(&mut line));
            assert!(read.await.unwrap().unwrap() > 0, "the inbox hung up");
            self.1.push_str(&line);
            if line.as_bytes().get(3) != Some(&b'-') {
                return line[..3].parse().unwrap();
            }
        }
    }

    async fn say(&mut self, line: &str) -> u16 {
        self.0
            .get_mut()
            .write_all(format!("{line}\r\n").as_bytes())
            .await
            .unwrap();
        self.reply().await
    }

    /// The probe's own message to `ticket`'s address, as the inbox hands
    /// it over.
    async fn deliver_own(&mut self, ticket: &mut Ticket) -> Received {
        let nonce = format!("{NONCE_HEADER}: {}\r\n", ticket.nonce);
        assert_eq!(self.deliver(&ticket.address, &nonce).await, (250, 250));
        ticket
            .wait(Duration::from_secs(5))
            .await
            .expect("delivered")
    }

    /// MAIL, RCPT, DATA with `headers`; the codes of RCPT and of the end
    /// of DATA (0 when RCPT was refused).
    async fn deliver(&mut self, to: &str, headers: &str) -> (u16, u16) {
        assert_eq!(self.say("MAIL FROM:<relay@example.com>").await, 250);
        let rcpt = self.say(&format!("RCPT TO:<{to}>")).await;
        if rcpt != 250 {
            return (rcpt, 0);
        }
        assert_eq!(self.say("DATA").await, 354);
        let message = format!("{headers}From: me@example.com\r\nSubject: hi\r\n\r\nHello\r\n.");
        (rcpt, self.say(&message).await)
    }
}

async fn inbox() -> Inbox {
    Inbox::bind(
        "check.test",
        "127.0.0.1:0".parse().unwrap(),
        &InboxTls::SelfSigned,
        InboxLimits::default(),
    )
    .await
    .unwrap()
}

/// A fresh directory of this test's own, removed when dropped.
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("smtp-doctor-inbox-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }

    fn path(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The operator's certificate for `check.test`, as PEM files in `dir`.
fn operator_certificate(dir: &std::path::Path) -> (InboxTls, CertificateDer<'static>) {
    let key = rcgen::KeyPair::generate().unwrap();
    let cert = rcgen::CertificateParams::new(vec!["check.test".to_owned()])
        .unwrap()
        .self_signed(&key)
        .unwrap();
    let (cert_path, key_path) = (dir.join("inbox.crt"), dir.join("inbox.key"));
    std::fs::write(&cert_path, cert.pem()).unwrap();
    std::fs::write(&key_path, key.serialize_pem()).unwrap();
    let tls = InboxTls::Files {
        cert: cert_path,
        key: key_path,
    };
    (tls, cert.der().clone())
}

#[tokio::test]
async fn a_relay_that_insists_on_tls_delivers_over_starttls_and_the_report_says_so() {
    let dir = Scratch::new("tls");
    let (tls, root) = operator_certificate(dir.path());
    let inbox = Inbox::bind(
        "check.test",
        "127.0.0.1:0".parse().unwrap(),
        &tls,
        InboxLimits::default(),
    )
    .await
    .unwrap();
    let mut ticket = inbox.reserve(Duration::from_mins(1)).unwrap();
    let mut c = Client::connect(&inbox).await;
    assert_eq!(c.say("EHLO relay.example.com").await, 250);
    assert!(c.1.contains("STARTTLS"), "STARTTLS not offered: {}", c.1);
    let mut c = c.starttls(root).await;
    assert_eq!(c.say("EHLO relay.example.com").await, 250);
    assert!(!c.1.contains("STARTTLS"), "offered twice: {}", c.1);
    let received = c.deliver_own(&mut ticket).await;
    assert_eq!(received.tls.as_deref(), Some("TLSv1.3"));
}

#[tokio::test]
async fn plain_text_delivery_still_works_and_is_reported_as_plain() {
    let inbox = inbox().await;
    let mut ticket = inbox.reserve(Duration::from_mins(1)).unwrap();
    let mut c = Client::connect(&inbox).await;
    assert_eq!(c.say("EHLO relay.example.com").await, 250);
    assert!(
        c.1.contains("STARTTLS"),
        "the self-signed default offers it too: {}",
        c.1
    );
    let received = c.deliver_own(&mut ticket).await;
    assert_eq!(received.tls, None);
}

#[tokio::test]
async fn an_unreadable_certificate_is_a_clear_error_at_start() {
    let dir = Scratch::new("bad");
    let missing = InboxTls::Files {
        cert: dir.path().join("absent.crt"),
        key: dir.path().join("absent.key"),
    };
    let e = Inbox::bind(
        "check.test",
        "127.0.0.1:0".parse().unwrap(),
        &missing,
        InboxLimits::default(),
    )
    .await
    .unwrap_err();
    assert!(e.to_string().contains("absent.crt"), "{e}");
    let (InboxTls::Files { cert, .. }, _) = operator_certificate(dir.path()) else {
        unreachable!()
    };
    let mismatched = InboxTls::Files {
        cert,
        key: dir.path().join("absent.key"),
    };
    let e = Inbox::bind(
        "check.test",
        "127.0.0.1:0".parse().unwrap(),
        &mismatched,
        InboxLimits::default(),
    )
    .await
    .unwrap_err();
    assert!(e.to_string().contains("absent.key"), "{e}");
}

#[tokio::test]
async fn only_a_reserved_address_with_its_nonce_is_delivered_once() {
    let inbox = inbox().await;
    let mut ticket = inbox.reserve(Duration::from_mins(1)).unwrap();
    assert!(ticket.address.starts_with("t-") && ticket.address.ends_with("@check.test"));
    let mut c = Client::connect(&inbox).await;
    assert_eq!(c.say("EHLO relay.example.com").await, 250);

    // Not a relay: another domain, an unknown token, a guessed one.
    for to in [
        "someone@example.org",
        "t-00000000@check.test",
        "postmaster@check.test",
    ] {
        assert_eq!(c.deliver(to, "").await.0, 550, "{to}");
        assert_eq!(c.say("RSET").await, 250);
    }
    // The right address, but not the probe's message (no or wrong nonce).
    assert_eq!(c.deliver(&ticket.address, "").await, (250, 550));
    let wrong = format!("{NONCE_HEADER}: 0123\r\n");
    assert_eq!(c.deliver(&ticket.address, &wrong).await, (250, 550));
    // The probe's own message.
    let nonce = format!("{NONCE_HEADER}: {}\r\n", ticket.nonce);
    assert_eq!(c.deliver(&ticket.address, &nonce).await, (250, 250));
    let received = ticket
        .wait(Duration::from_secs(5))
        .await
        .expect("delivered");
    assert_eq!(received.mail_from, "relay@example.com");
    assert_eq!(received.helo, "relay.example.com");
    assert!(String::from_utf8_lossy(&received.message).contains("Hello"));
    // Once only: the address is gone.
    assert_eq!(c.deliver(&ticket.address, &nonce).await.0, 550);
    assert_eq!(inbox.reserved(), 0);
}

#[tokio::test]
async fn a_dropped_ticket_withdraws_its_address() {
    let inbox = inbox().await;
    let ticket = inbox.reserve(Duration::from_mins(1)).unwrap();
    let address = ticket.address.clone();
    assert_eq!(inbox.reserved(), 1);
    drop(ticket);
    assert_eq!(inbox.reserved(), 0);
    let mut c = Client::connect(&inbox).await;
    assert_eq!(c.say("HELO relay.example.com").await, 250);
    assert_eq!(c.deliver(&address, "").await.0, 550);
}

#[tokio::test]
async fn an_expired_reservation_is_refused() {
    let inbox = inbox().await;
    let ticket = inbox.reserve(Duration::from_millis(1)).unwrap();
    tokio::time::sleep(Duration::from_millis(20)).await;
    let mut c = Client::connect(&inbox).await;
    assert_eq!(c.say("HELO relay.example.com").await, 250);
    assert_eq!(c.deliver(&ticket.address, "").await.0, 550);
}

#[tokio::test]
async fn a_message_over_the_limit_is_refused() {
    let inbox = inbox().await;
    let ticket = inbox.reserve(Duration::from_mins(1)).unwrap();
    let mut c = Client::connect(&inbox).await;
    assert_eq!(c.say("HELO relay.example.com").await, 250);
    assert_eq!(c.say("MAIL FROM:<relay@example.com>").await, 250);
    assert_eq!(c.say(&format!("RCPT TO:<{}>", ticket.address)).await, 250);
    assert_eq!(c.say("DATA").await, 354);
    let line = "x".repeat(998);
    let mut body = format!("{NONCE_HEADER}: {}\r\n\r\n", ticket.nonce);
    for _ in 0..300 {
        body.push_str(&line);
        body.push_str("\r\n");
    }
    body.push('.');
    assert_eq!(c.say(&body).await, 552);
}

/// The inbox with `tweak` applied to its default limits.
async fn inbox_within(tweak: impl FnOnce(&mut InboxLimits)) -> Inbox {
    let mut limits = InboxLimits::default();
    tweak(&mut limits);
    Inbox::bind(
        "check.test",
        "127.0.0.1:0".parse().unwrap(),
        &InboxTls::SelfSigned,
        limits,
    )
    .await
    .unwrap()
}

/// A connection from `from` (any of 127/8 is this machine), its first line.
async fn raw_from(inbox: &Inbox, from: &str) -> (BufReader<TcpStream>, String) {
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind(format!("{from}:0").parse().unwrap()).unwrap();
    let tcp = socket.connect(inbox.local_addr()).await.unwrap();
    let mut reader = BufReader::new(tcp);
    let mut line = String::new();
    let read = tokio::time::timeout(Duration::from_secs(5), reader.read_line(&mut line));
    read.await.unwrap().unwrap();
    (reader, line)
}

/// What the inbox says after `client`'s last line, and whether it then
/// hung up: read up to `within`, at most 64 lines.
async fn last_words(client: &mut BufReader<TcpStream>, within: Duration) -> (String, bool) {
    let deadline = tokio::time::Instant::now() + within;
    let mut last = String::new();
    for _ in 0..64 {
        let mut line = String::new();
        match tokio::time::timeout_at(deadline, client.read_line(&mut line)).await {
            Ok(Ok(0) | Err(_)) => return (last, true),
            Ok(Ok(_)) => last = line,
            Err(_) => return (last, false),
        }
    }
    (last, false)
}

#[tokio::test]
async fn forty_idle_connections_from_one_address_do_not_take_the_inbox() {
    // The attack: one address opens 40 connections and says nothing, so
    // that every relay gets 421 and every tenant's check blames its relay.
    let inbox = inbox().await;
    let mut held = Vec::new();
    let mut turned_away = 0;
    for _ in 0..40 {
        let (conn, first) = raw_from(&inbox, "127.0.0.1").await;
        if first.starts_with("421") {
            assert!(first.contains("from your network"), "{first}");
            turned_away += 1;
        } else {
            assert!(first.starts_with("220"), "{first}");
            held.push(conn);
        }
    }
    assert_eq!(
        (held.len(), turned_away),
        (16, 24),
        "one network holds at most 16 places"
    );
    assert_eq!(inbox.refused(), 24);

    // A relay on another address still delivers.
    let mut ticket = inbox.reserve(Duration::from_mins(1)).unwrap();
    let (relay, first) = raw_from(&inbox, "127.0.0.2").await;
    assert!(first.starts_with("220"), "{first}");
    let mut relay = Client(relay, String::new());
    assert_eq!(relay.say("EHLO relay.example.com").await, 250);
    let received = relay.deliver_own(&mut ticket).await;
    assert_eq!(received.peer.to_string(), "127.0.0.2");
}

#[tokio::test]
async fn a_client_that_sends_noop_forever_is_closed_at_the_session_lifetime() {
    let inbox = inbox_within(|l| {
        l.per_client = 1;
        l.bounds.idle = Duration::from_secs(30);
        l.bounds.lifetime = Duration::from_secs(2);
    })
    .await;
    let (mut client, first) = raw_from(&inbox, "127.0.0.1").await;
    assert!(first.starts_with("220"), "{first}");
    let started = std::time::Instant::now();
    let mut last = String::new();
    // Never idle: a NOOP every 300 ms, for at most 10 s.
    while started.elapsed() < Duration::from_secs(10) {
        if client.get_mut().write_all(b"NOOP\r\n").await.is_err() {
            break;
        }
        let (said, closed) = last_words(&mut client, Duration::from_millis(300)).await;
        if !said.is_empty() {
            last = said;
        }
        if closed {
            break;
        }
    }
    assert!(last.starts_with("421 4.4.2"), "{last}");
    assert!(last.contains("Session too long"), "{last}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "closed after {:?}",
        started.elapsed()
    );
    // Its place is free again.
    let (_, again) = raw_from(&inbox, "127.0.0.1").await;
    assert!(again.starts_with("220"), "{again}");
}

#[tokio::test]
async fn a_silent_client_hears_421_and_is_closed_when_idle() {
    let inbox = inbox_within(|l| {
        l.per_client = 1;
        l.bounds.idle = Duration::from_secs(1);
    })
    .await;
    let (mut client, first) = raw_from(&inbox, "127.0.0.1").await;
    assert!(first.starts_with("220"), "{first}");
    let (said, closed) = last_words(&mut client, Duration::from_secs(10)).await;
    assert!(
        said.starts_with("421 4.4.2") && said.contains("Idle"),
        "{said}"
    );
    assert!(closed, "still open after the idle bound");
    let (_, again) = raw_from(&inbox, "127.0.0.1").await;
    assert!(again.starts_with("220"), "{again}");
}

#[tokio::test]
async fn a_client_that_never_reads_its_replies_is_dropped_at_the_write_bound() {
    let inbox = inbox_within(|l| {
        l.per_client = 1;
        l.bounds.write = Duration::from_secs(1);
    })
    .await;
    // A small receive window, and commands pipelined without reading a
    // reply: the inbox's replies pile up until it cannot write.
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(4096).unwrap();
    let mut tcp = socket.connect(inbox.local_addr()).await.unwrap();
    let commands = b"HELP\r\n".repeat(2048);
    let started = std::time::Instant::now();
    let mut failed = None;
    while started.elapsed() < Duration::from_secs(30) {
        // Written, or our own write is stuck because the inbox stopped
        // reading us while it waits to write: go on until it gives up.
        let write = tokio::time::timeout(Duration::from_secs(5), tcp.write_all(&commands));
        if let Ok(Err(e)) = write.await {
            failed = Some(e);
            break;
        }
    }
    let e = failed.expect("the inbox kept a client that never reads for 30 s");
    assert!(
        matches!(
            e.kind(),
            std::io::ErrorKind::ConnectionReset | std::io::ErrorKind::BrokenPipe
        ),
        "{e}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "dropped after {:?}",
        started.elapsed()
    );
    drop(tcp);
    let (_, again) = raw_from(&inbox, "127.0.0.1").await;
    assert!(again.starts_with("220"), "{again}");
}
