//! The scenarios every real server must answer the same way, as one table:
//! Postfix, aiosmtpd and our sandbox each run it against their own ports
//! and login, then assert what only they say (a queue id, a reply text).
//! A new shared scenario is one row here, not three copies.

use std::collections::BTreeMap;
use std::net::SocketAddr;

use serde_json::{Value, json};
use smtp_doctor_core::Security;
use smtp_doctor_core::report::Report;
use smtp_doctor_probe::engine::Engine;

use super::{codes, has, probe, request, suggests};

/// A server under test: its STARTTLS and implicit-TLS ports, a login that
/// may send as itself, and an address that login does not own.
pub struct Server {
    pub starttls: SocketAddr,
    pub tls: SocketAddr,
    pub user: &'static str,
    pub password: &'static str,
    pub not_owned: &'static str,
}

enum Port {
    Starttls,
    Tls,
}

enum Login {
    /// No credentials.
    None,
    /// The server's login, sending as itself.
    Good,
    /// The server's user with a wrong password.
    WrongPassword,
    /// The server's login, sending as an address it does not own.
    NotOwned,
}

struct Case {
    name: &'static str,
    port: Port,
    security: &'static str,
    login: Login,
    checks: &'static [&'static str],
    expect: fn(&Report, &Server) -> bool,
}

const CASES: [Case; 6] = [
    Case {
        name: "STARTTLS, login and sender",
        port: Port::Starttls,
        security: "starttls",
        login: Login::Good,
        checks: &["sender"],
        expect: |r, s| {
            codes(r).is_empty() && r.ok && !serde_json::to_string(r).unwrap().contains(s.password)
        },
    },
    Case {
        name: "implicit TLS, a message sent",
        port: Port::Tls,
        security: "tls",
        login: Login::Good,
        checks: &["send"],
        expect: |r, _| codes(r) == ["send.ok"],
    },
    Case {
        name: "wrong password",
        port: Port::Starttls,
        security: "starttls",
        login: Login::WrongPassword,
        checks: &["auth"],
        expect: |r, _| has(r, "auth.failed") && !r.ok,
    },
    Case {
        name: "sender not owned",
        port: Port::Starttls,
        security: "starttls",
        login: Login::NotOwned,
        checks: &["sender"],
        expect: |r, _| has(r, "sender.rejected"),
    },
    Case {
        name: "implicit TLS port with STARTTLS",
        port: Port::Tls,
        security: "starttls",
        login: Login::None,
        checks: &["connect"],
        expect: |r, s| {
            suggests(r, "tls.expected-implicit", Security::Tls)
                && r.suggestion.as_ref().and_then(|x| x.port) == Some(s.tls.port())
        },
    },
    Case {
        name: "STARTTLS port with TLS",
        port: Port::Starttls,
        security: "tls",
        login: Login::None,
        checks: &["connect"],
        expect: |r, s| {
            suggests(r, "tls.expected-starttls", Security::Starttls)
                && r.suggestion.as_ref().and_then(|x| x.port) == Some(s.starttls.port())
        },
    },
];

/// The reports of every shared scenario, by name, for the server's own
/// assertions.
pub struct Outcomes(BTreeMap<&'static str, Report>);

impl Outcomes {
    pub fn get(&self, name: &str) -> &Report {
        self.0
            .get(name)
            .unwrap_or_else(|| panic!("no shared scenario named {name:?}"))
    }
}

/// Runs every shared scenario against `server`; each one that does not
/// hold is added to `failures` with its codes and transcript.
pub async fn run(engine: &Engine, server: &Server, failures: &mut Vec<String>) -> Outcomes {
    let mut outcomes = BTreeMap::new();
    for case in &CASES {
        let addr = match case.port {
            Port::Starttls => server.starttls,
            Port::Tls => server.tls,
        };
        let login = |password: &str, from: &str| -> Value {
            json!({"username": server.user, "password": password, "from": from})
        };
        let config = match case.login {
            Login::None => json!({}),
            Login::Good => login(server.password, server.user),
            Login::WrongPassword => login("not-the-password", server.user),
            Login::NotOwned => login(server.password, server.not_owned),
        };
        let report = probe(engine, &request(addr, case.security, config, case.checks)).await;
        if !(case.expect)(&report, server) {
            failures.push(format!(
                "{}: live codes {:?}\n{:#?}",
                case.name,
                codes(&report),
                report.transcript
            ));
        }
        outcomes.insert(case.name, report);
    }
    Outcomes(outcomes)
}
