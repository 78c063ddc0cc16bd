//! A host with an IPv6 and an IPv4 address, seen from a probe without an
//! IPv6 route: the IPv6 attempt fails at once (no route), the probe goes
//! on to IPv4 within the deadline, and the report names what happened as
//! the probe's network, not the server's fault. Runs in a network
//! namespace of its own (loopback only: 2001:db8::/32 has no route, so
//! no packet is ever sent).

mod common;

use std::process::ExitCode;
use std::time::Duration;

use common::{codes, engine_with, probe, request};
use serde_json::json;
use smtp_doctor_core::Severity;
use smtp_doctor_core::report::{StepKind, StepStatus};
use smtp_doctor_probe::policy::Policy;

const IN_NAMESPACE: &str = "SMTP_DOCTOR_IPV6_ROUTE_NETNS";

fn main() -> ExitCode {
    if let Some(outside) = common::netns::enter(IN_NAMESPACE) {
        return outside;
    }
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        tokio::spawn(async move {
            while let Ok((mut tcp, _)) = listener.accept().await {
                tokio::spawn(async move {
                    use tokio::io::{AsyncBufReadExt, AsyncWriteExt};
                    let _ = tcp.write_all(b"220 dual.test ESMTP\r\n").await;
                    let mut lines = tokio::io::BufReader::new(tcp).lines();
                    while let Ok(Some(line)) = lines.next_line().await {
                        let answer: &[u8] = if line.starts_with("EHLO") {
                            b"250 dual.test\r\n"
                        } else {
                            b"221 bye\r\n"
                        };
                        let _ = lines.get_mut().get_mut().write_all(answer).await;
                    }
                });
            }
        });
        let dns = common::dns::server(&[("dual.test", &["2001:db8::25", "127.0.0.1"])]).await;
        let engine = engine_with(|o| {
            o.dns_server = Some(dns);
            o.timeout = Duration::from_secs(3);
            o.policy = Policy::new(
                vec!["1024-65535".parse().unwrap()],
                vec![
                    "127.0.0.0/8".parse().unwrap(),
                    "2001:db8::/32".parse().unwrap(),
                ],
            );
        });
        let mut req = request(
            ([127, 0, 0, 1], port).into(),
            "none",
            json!({}),
            &["connect"],
        );
        req.config["host"] = json!("dual.test");
        let report = probe(&engine, &req).await;
        let connect = report.steps.iter().find(|s| s.step == StepKind::Connect);
        let ok = codes(&report) == ["tcp.some-addresses-failed"]
            && report.target.addresses == ["2001:db8::25", "127.0.0.1"]
            && connect.is_some_and(|s| {
                s.status == StepStatus::Pass
                    && s.diagnostics[0].severity == Severity::Info
                    && s.diagnostics[0].help.contains("no IPv6 route")
                    && s.diagnostics[0].message.contains("[2001:db8::25]")
            })
            && report
                .steps
                .iter()
                .any(|s| s.step == StepKind::Ehlo && s.status == StepStatus::Pass);
        if ok {
            println!("test an IPv6 address without a route, IPv4 works ... ok");
            ExitCode::SUCCESS
        } else {
            eprintln!("{:#?}\n{:#?}", report.steps, report.transcript);
            ExitCode::FAILURE
        }
    })
}
