//! The engine against Debian's Postfix (with Cyrus SASL and
//! `reject_sender_login_mismatch`): one private instance, every scenario
//! the issue lists, loopback only.

mod common;
#[path = "servers/postfix.rs"]
mod postfix_server;

use common::{codes, engine, has, loopback, probe, request};
use postfix_server::{PASSWORD, Postfix, USER};
use serde_json::json;
use smtp_doctor_core::report::{Report, StepStatus};

fn creds(from: &str) -> serde_json::Value {
    json!({"username": USER, "password": PASSWORD, "from": from})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[allow(clippy::too_many_lines)] // one Postfix instance, every scenario in order
async fn postfix_scenarios() {
    let pf = tokio::task::spawn_blocking(Postfix::start)
        .await
        .unwrap()
        .unwrap_or_else(|e| panic!("{e}"));
    let p = pf.ports;
    let engine = engine();
    let mut failures: Vec<String> = Vec::new();
    let shared = common::scenarios::Server {
        starttls: loopback(p.submission),
        tls: loopback(p.smtps),
        user: USER,
        password: PASSWORD,
        not_owned: "other@other.org",
    };
    let outcomes = common::scenarios::run(&engine, &shared, &mut failures).await;
    let mut check = |name: &str, ok: bool, report: &Report| {
        if !ok {
            failures.push(format!(
                "{name}: live codes {:?}\n{:#?}",
                codes(report),
                report.transcript
            ));
        }
    };

    // What Postfix adds to the shared scenarios. STARTTLS: every step
    // passes, the AUTH line is redacted, and the extensions before TLS are
    // kept apart from those after.
    let r = outcomes.get("STARTTLS, login and sender");
    let passed = ["greeting", "ehlo", "tls", "auth", "sender"]
        .iter()
        .all(|k| {
            r.steps.iter().any(|s| {
                serde_json::to_value(s.step).unwrap() == *k && s.status == StepStatus::Pass
            })
        });
    check(
        "starttls success",
        passed
            && r.transcript
                .contains(&"C: AUTH PLAIN <redacted>".to_owned()),
        r,
    );
    check(
        "starttls success: extensions before TLS",
        r.server
            .extensions_before_tls
            .iter()
            .any(|e| e == "STARTTLS")
            && r.server.auth_mechanisms.contains(&"PLAIN".to_owned()),
        r,
    );
    // The message went to Postfix's queue (and is discarded there).
    let r = outcomes.get("implicit TLS, a message sent");
    check(
        "implicit TLS send: queue id",
        r.steps
            .iter()
            .flat_map(|s| &s.diagnostics)
            .any(|d| d.code.as_str() == "send.ok" && d.message.contains("queue id")),
        r,
    );
    let r = outcomes.get("wrong password");
    check(
        "wrong password: the 535",
        r.diagnostics
            .iter()
            .any(|d| d.reply.as_deref().is_some_and(|t| t.starts_with("535"))),
        r,
    );
    // Postfix refuses at RCPT TO with a sender reason; one click sends as
    // the login's own address.
    let r = outcomes.get("sender not owned");
    let d = r
        .steps
        .iter()
        .flat_map(|s| &s.diagnostics)
        .find(|d| d.code.as_str() == "sender.rejected");
    check(
        "sender not owned: reason and fix",
        d.is_some_and(|d| {
            d.reply
                .as_deref()
                .unwrap_or_default()
                .contains("not owned by user")
                && d.fix.as_ref().is_some_and(|f| {
                    f.changes
                        .get(&smtp_doctor_core::Field::From)
                        .and_then(|v| v.as_str())
                        == Some(USER)
                })
        }),
        r,
    );

    // LOGIN and CRAM-MD5 work too.
    for mech in ["login", "cram-md5"] {
        let mut cfg = creds(USER);
        cfg["auth"] = json!(mech);
        let r = probe(
            &engine,
            &request(loopback(p.submission), "starttls", cfg, &["auth"]),
        )
        .await;
        check(mech, codes(&r).is_empty(), &r);
    }

    // Certificates.
    for (port, code) in [
        (p.expired, "tls.cert-expired"),
        (p.wrong_name, "tls.cert-name-mismatch"),
        (p.untrusted, "tls.cert-untrusted"),
    ] {
        let r = probe(
            &engine,
            &request(loopback(port), "tls", creds(USER), &["auth"]),
        )
        .await;
        let described = r
            .server
            .tls
            .as_ref()
            .and_then(|t| t.certificate.as_ref())
            .is_some_and(|c| !c.trusted);
        check(
            code,
            has(&r, code) && described && !r.transcript.iter().any(|l| l.contains("AUTH")),
            &r,
        );
    }

    // No STARTTLS offered.
    let r = probe(
        &engine,
        &request(loopback(p.plain_only), "starttls", json!({}), &["connect"]),
    )
    .await;
    check("no STARTTLS", has(&r, "tls.starttls-unavailable"), &r);

    // Credentials, but the server offers no AUTH (a relay): never a silent pass.
    let r = probe(
        &engine,
        &request(loopback(p.no_auth), "starttls", creds(USER), &["auth"]),
    )
    .await;
    check("no AUTH offered", has(&r, "auth.not-offered") && !r.ok, &r);

    // Security none against a server that needs TLS: no AUTH before TLS,
    // and mail is refused until STARTTLS.
    let r = probe(
        &engine,
        &request(loopback(p.encrypt), "none", creds(USER), &["auth"]),
    )
    .await;
    check(
        "none vs TLS required (auth)",
        has(&r, "auth.not-offered"),
        &r,
    );
    let r = probe(
        &engine,
        &request(
            loopback(p.encrypt),
            "none",
            json!({"from": USER}),
            &["sender"],
        ),
    )
    .await;
    check(
        "none vs TLS required (sender)",
        has(&r, "auth.requires-tls"),
        &r,
    );

    // Through the service: a real listener, SSE, against the same Postfix.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let http_addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let state = smtp_doctor_probe::http::AppState::new(
        smtp_doctor_probe::http::Settings::default(),
        engine.clone(),
    );
    let server = tokio::spawn(smtp_doctor_probe::http::serve(listener, state, async {
        let _ = stopped.await;
    }));
    let body = json!({"config": {"host": "localhost", "port": p.submission, "security": "starttls", "username": USER, "password": PASSWORD, "from": USER}, "checks": ["sender"]}).to_string();
    let mut tcp = tokio::net::TcpStream::connect(http_addr).await.unwrap();
    let req = format!(
        "POST /v1/probe HTTP/1.1\r\nHost: t\r\nAccept: text/event-stream\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    tokio::io::AsyncWriteExt::write_all(&mut tcp, req.as_bytes())
        .await
        .unwrap();
    let mut raw = Vec::new();
    tokio::time::timeout(
        std::time::Duration::from_secs(30),
        tokio::io::AsyncReadExt::read_to_end(&mut tcp, &mut raw),
    )
    .await
    .unwrap()
    .unwrap();
    let text = String::from_utf8_lossy(&raw);
    let events: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("event: "))
        .collect();
    let report_line = text
        .lines()
        .filter_map(|l| l.strip_prefix("data: "))
        .next_back()
        .unwrap_or_default();
    let report: serde_json::Value = serde_json::from_str(report_line).unwrap_or_default();
    let sse_ok = events.last() == Some(&"report")
        && events.iter().filter(|e| **e == "step").count()
            == report["steps"].as_array().map_or(0, Vec::len)
        && report["ok"] == true
        && !text.contains(PASSWORD);
    if !sse_ok {
        failures.push(format!("SSE through HTTP: events {events:?}\n{text}"));
    }
    let _ = stop.send(());
    server.await.unwrap().unwrap();

    // The default EHLO name has no DNS records: reject_unknown_helo_hostname
    // refuses it at RCPT TO (smtpd_delay_reject), and the help is the
    // operator's --helo, not the customer's settings.
    let placeholder = common::engine_with(|o| {
        o.helo = smtp_doctor_core::wire::HeloName::default();
        o.timeout = std::time::Duration::from_secs(12);
    });
    let r = probe(
        &placeholder,
        &request(loopback(p.helo_check), "starttls", creds(USER), &["sender"]),
    )
    .await;
    let helo = r
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "smtp.helo-rejected");
    if codes(&r) != ["smtp.helo-rejected"]
        || !helo.is_some_and(|d| d.help.contains("--helo") && d.field.is_none())
    {
        failures.push(format!(
            "HELO name refused: {:?}\n{:#?}",
            codes(&r),
            r.transcript
        ));
    }

    // STARTTLS advertised, certificate missing: 454, the server's fault.
    let r = probe(
        &engine,
        &request(loopback(p.broken_tls), "starttls", creds(USER), &["auth"]),
    )
    .await;
    let misconfigured = r
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "tls.server-misconfigured");
    if codes(&r) != ["tls.server-misconfigured"]
        || !misconfigured.is_some_and(|d| {
            d.reply.as_deref().is_some_and(|t| t.starts_with("454"))
                && d.help.contains("administrator")
        })
    {
        failures.push(format!(
            "STARTTLS then 454: {:?}\n{:#?}",
            codes(&r),
            r.diagnostics
        ));
    }

    let log = pf.log();
    drop(pf);
    assert!(
        failures.is_empty(),
        "{}\n--- postfix log ---\n{log}",
        failures.join("\n\n")
    );
}
