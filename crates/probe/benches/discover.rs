//! `cargo xtask bench-discover`: discovery for a domain where only guesses
//! apply and most guessed hosts are silent (tarpits that accept and never
//! greet). Prints the total discovery time next to the sum of the single
//! tries, i.e. what trying them one after another would cost.
//!
//! Runs inside a fresh network namespace (`unshare -r -n`) so the guesses
//! use the real ports (465, 587, 25) on loopback addresses of their own.

#[path = "../tests/common/dns.rs"]
#[allow(dead_code, unreachable_pub)]
mod dns;
#[path = "../tests/common/netns.rs"]
#[allow(unreachable_pub)]
mod netns;

use std::net::IpAddr;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use dns::{Record, serve_records};
use smtp_doctor_probe::discover::{DiscoverOptions, DiscoverRequest, VerifyStatus, discover};
use smtp_doctor_probe::engine::{Engine, EngineOptions};
use smtp_doctor_probe::policy::Policy;
use smtp_doctor_probe::sandbox::{Behaviour, Sandbox, SandboxOptions};

const IN_NAMESPACE: &str = "SMTP_DOCTOR_BENCH_DISCOVER_IN_NETNS";
const STEP_TIMEOUT: Duration = Duration::from_secs(3);

fn main() -> ExitCode {
    if let Some(outside) = netns::enter(IN_NAMESPACE) {
        return outside;
    }
    tokio::runtime::Runtime::new().unwrap().block_on(bench());
    ExitCode::SUCCESS
}

/// Accepts on `ip:port` and never says a word.
async fn tarpit(ip: &str, port: u16) {
    let listener = tokio::net::TcpListener::bind((ip.parse::<IpAddr>().unwrap(), port))
        .await
        .unwrap();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((tcp, _)) = listener.accept().await {
            held.push(tcp);
        }
    });
}

async fn bench() {
    // smtp.slow.test and mail.slow.test exist; slow.test itself has no
    // address, so exactly 6 guesses get a connection. 5 are tarpits; only
    // mail.slow.test:587 is an SMTP server.
    let zone = vec![
        (
            "smtp.slow.test".to_owned(),
            vec![Record::Ip("127.0.0.2".parse().unwrap())],
        ),
        (
            "mail.slow.test".to_owned(),
            vec![Record::Ip("127.0.0.3".parse().unwrap())],
        ),
        ("slow.test".to_owned(), Vec::new()),
    ];
    let dns = serve_records(zone).await;
    for port in [465, 587, 25] {
        tarpit("127.0.0.2", port).await;
    }
    for port in [465, 25] {
        tarpit("127.0.0.3", port).await;
    }
    let mut opts = SandboxOptions::demo(0);
    opts.ip = "127.0.0.3".parse().unwrap();
    opts.ports = vec![(Behaviour::Starttls, 587)];
    opts.cert_names = vec!["mail.slow.test".into()];
    let sandbox = Sandbox::start(opts).await.unwrap();
    let engine = Engine::new(EngineOptions {
        policy: Policy::new(Vec::new(), vec!["127.0.0.0/8".parse().unwrap()]),
        dns_server: Some(dns),
        extra_roots: vec![sandbox.ca_der().clone()],
        timeout: STEP_TIMEOUT,
        deadline: Duration::from_secs(20),
        ..EngineOptions::default()
    })
    .unwrap();
    let req = DiscoverRequest {
        email: Some("me@slow.test".into()),
        ..DiscoverRequest::default()
    };
    let mut totals = Vec::new();
    let mut sums = Vec::new();
    let mut slowest = Vec::new();
    for _ in 0..3 {
        let start = Instant::now();
        let report = discover(&engine, &req, &DiscoverOptions::default(), &mut |_| {})
            .await
            .unwrap();
        let total = start.elapsed();
        assert!(report.found, "{report:#?}");
        assert_eq!(report.candidates[0].host, "mail.slow.test");
        let tried: Vec<u64> = report
            .candidates
            .iter()
            .filter(|c| c.verification.status != VerifyStatus::NotTried)
            .map(|c| c.verification.duration_ms)
            .collect();
        totals.push(total.as_millis());
        sums.push(tried.iter().sum::<u64>());
        slowest.push(tried.iter().copied().max().unwrap_or(0));
    }
    println!(
        "discovery, 9 guesses (6 reachable, 5 of them silent tarpits), step timeout {} s, stagger {} ms",
        STEP_TIMEOUT.as_secs(),
        DiscoverOptions::default().stagger.as_millis()
    );
    for i in 0..totals.len() {
        println!(
            "  run {}: total {} ms | slowest single try {} ms + stagger {} ms | sequential sum {} ms",
            i + 1,
            totals[i],
            slowest[i],
            DiscoverOptions::default().stagger.as_millis() * 8,
            sums[i]
        );
    }
}
