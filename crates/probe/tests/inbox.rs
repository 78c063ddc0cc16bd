//! Our inbox as a stranger sees it (SPEC §7.7): it takes a message only
//! for an address a probe reserved, only with that probe's nonce, only
//! once, and never relays anything else.

use std::time::Duration;

use smtp_doctor_probe::inbox::{Inbox, NONCE_HEADER};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// A minimal SMTP client: each line sent, the reply's code back.
struct Client(BufReader<TcpStream>);

impl Client {
    async fn connect(inbox: &Inbox) -> Self {
        let tcp = TcpStream::connect(inbox.local_addr()).await.unwrap();
        let mut client = Self(BufReader::new(tcp));
        assert_eq!(client.reply().await, 220);
        client
    }

    async fn reply(&mut self) -> u16 {
        loop {
            let mut line = String::new();
            let read = tokio::time::timeout(Duration::from_secs(5), self.0.read_line(&mut line));
            assert!(read.await.unwrap().unwrap() > 0, "the inbox hung up");
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
    Inbox::bind("check.test", "127.0.0.1:0".parse().unwrap())
        .await
        .unwrap()
}

#[tokio::test]
async fn only_a_reserved_address_with_its_nonce_is_delivered_once() {
    let inbox = inbox().await;
    let mut ticket = inbox.reserve(Duration::from_secs(60)).unwrap();
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
    let ticket = inbox.reserve(Duration::from_secs(60)).unwrap();
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
    let ticket = inbox.reserve(Duration::from_secs(60)).unwrap();
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
