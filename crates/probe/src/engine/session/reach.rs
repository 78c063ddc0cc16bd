//! Finding the server: the DNS lookup and the TCP connect, tried on
//! every checked address in turn.

use std::fmt::Write as _;
use std::net::{IpAddr, SocketAddr};
use std::time::Instant;

use smtp_doctor_core::report::StepKind;
use smtp_doctor_core::{Code, Diagnostic};
use tokio::net::TcpStream;

use super::{Plan, Probe};
use crate::engine::connect::{ConnectFailure, connect};
use crate::engine::dns::DnsFailure;

impl Probe<'_> {
    pub(super) async fn resolve(&mut self, plan: &Plan) -> Option<Vec<IpAddr>> {
        if let Some(ip) = plan.ip {
            return Some(vec![ip]);
        }
        let t = Instant::now();
        let limit = self.limit();
        let result = tokio::time::timeout(limit, self.engine.dns.addresses(&plan.host))
            .await
            .unwrap_or(Err(DnsFailure::Timeout));
        match result {
            Ok(ips) => {
                self.step(StepKind::Dns, t, Vec::new());
                Some(ips)
            }
            Err(f) => {
                let d = match f {
                    DnsFailure::NotFound => Diagnostic::new(Code::DnsNotFound)
                        .message(format!("{} does not exist in DNS.", plan.host)),
                    DnsFailure::NoAddress => Diagnostic::new(Code::DnsNoAddress)
                        .message(format!("{} exists but has no IP address.", plan.host)),
                    DnsFailure::Timeout => Diagnostic::new(Code::DnsTimeout)
                        .message(format!("The DNS lookup of {} timed out.", plan.host)),
                    DnsFailure::Other(e) => Diagnostic::new(Code::DnsTimeout)
                        .message(format!("The DNS lookup of {} failed: {e}.", plan.host)),
                };
                self.step(StepKind::Dns, t, vec![d]);
                None
            }
        }
    }

    pub(super) async fn connect(
        &mut self,
        plan: &Plan,
        addresses: &[IpAddr],
    ) -> Option<(TcpStream, SocketAddr)> {
        let t = Instant::now();
        let limit = self.limit();
        let per_attempt = limit / u32::try_from(addresses.len().clamp(1, 3)).unwrap_or(1);
        let (ok, failures) = connect(addresses, plan.port, per_attempt, t + limit).await;
        if let Some(found) = ok {
            self.step(StepKind::Connect, t, Vec::new());
            return Some(found);
        }
        let tried = failures
            .iter()
            .map(|(a, _)| a.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let d = if failures
            .iter()
            .any(|(_, f)| matches!(f, ConnectFailure::Timeout))
        {
            Diagnostic::new(Code::TcpTimeout)
                .message(format!("No answer from {tried}: the connection timed out."))
                .help(self.timeout_help(plan.port))
        } else if failures
            .iter()
            .all(|(_, f)| matches!(f, ConnectFailure::Refused))
        {
            Diagnostic::new(Code::TcpRefused).message(format!(
                "{tried} refused the connection on port {}.",
                plan.port
            ))
        } else if failures
            .iter()
            .any(|(_, f)| matches!(f, ConnectFailure::Unreachable))
        {
            Diagnostic::new(Code::TcpUnreachable)
                .message(format!("{tried} is unreachable from the probe."))
        } else {
            let why = failures.iter().find_map(|(_, f)| {
                if let ConnectFailure::Other(e) = f {
                    Some(e.to_string())
                } else {
                    None
                }
            });
            Diagnostic::new(Code::TcpUnreachable).message(format!(
                "Cannot connect to {tried}: {}.",
                why.unwrap_or_default()
            ))
        };
        self.step(StepKind::Connect, t, vec![d]);
        None
    }

    pub(super) fn timeout_help(&self, port: u16) -> String {
        let egress = &self.engine.options().egress_ips;
        let mut help = String::from(
            "Nothing answered at all: a firewall drops the traffic, or the server only accepts allowlisted IP addresses.",
        );
        if !egress.is_empty() {
            let list = egress
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            let _ = write!(
                help,
                " This probe connects from {list}; ask the server's administrator to allow these addresses."
            );
        }
        if matches!(port, 25 | 465 | 587) {
            help.push_str(" Some hosting providers block outgoing mail ports (DigitalOcean blocks 25, 465 and 587; Google Compute Engine blocks 25): if your application runs there, use port 2525 (SendGrid, Mailgun, Postmark, Brevo) or 2587/2465 (SES, Resend).");
        }
        help
    }
}
