//! The engine against aiosmtpd (PyPI), a second SMTP implementation we did
//! not write: STARTTLS and implicit TLS, login, wrong password, sender not
//! owned, a sent message, both mode mismatches.

mod common;

use common::aiosmtpd::{Aiosmtpd, PASSWORD, USER};
use common::{certs, codes, engine, has, loopback, probe, request};
use serde_json::json;
use smtp_doctor_core::report::Report;

fn start() -> Aiosmtpd {
    Aiosmtpd::start(None, &certs().good_pem, "CRAM-MD5")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn aiosmtpd_scenarios() {
    let server = tokio::task::spawn_blocking(start).await.unwrap();
    let engine = engine();
    let creds = |from: &str| json!({"username": USER, "password": PASSWORD, "from": from});
    let mut failures = Vec::new();
    let shared = common::scenarios::Server {
        starttls: loopback(server.starttls),
        tls: loopback(server.tls),
        user: USER,
        password: PASSWORD,
        not_owned: "boss@other.org",
    };
    let outcomes = common::scenarios::run(&engine, &shared, &mut failures).await;
    let mut check = |name: &str, ok: bool, r: &Report| {
        if !ok {
            failures.push(format!("{name}: {:?}\n{:#?}", codes(r), r.transcript));
        }
    };
    // aiosmtpd's own words: the queue id our handler answers with.
    let r = outcomes.get("implicit TLS, a message sent");
    check(
        "the relay's queue id is shown",
        r.diagnostics
            .iter()
            .any(|d| d.message.contains("AIO4242XYZ")),
        r,
    );

    // No AUTH before TLS on the STARTTLS port.
    let r = probe(
        &engine,
        &request(loopback(server.starttls), "none", creds(USER), &["auth"]),
    )
    .await;
    check("none: no AUTH before TLS", has(&r, "auth.not-offered"), &r);

    drop(server);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
