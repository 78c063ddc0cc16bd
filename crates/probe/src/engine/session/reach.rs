//! Finding the server: the DNS lookup and the TCP connect, tried on
//! every checked address in turn.

use crate::engine::diagnose;
use std::net::{IpAddr, SocketAddr};
use std::time::Instant;

use smtp_doctor_core::report::StepKind;
use tokio::net::TcpStream;

use super::{Plan, Probe};
use crate::engine::connect::connect;
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
        let failure = match result {
            Ok(ips) => {
                self.step(StepKind::Dns, t, Vec::new());
                return Some(ips);
            }
            Err(f) => self.engine.dns.confirm(f, self.limit()).await,
        };
        let d = diagnose::dns_failure(&plan.host, &failure);
        self.step(StepKind::Dns, t, vec![d]);
        None
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
        if let Some((tcp, addr)) = ok {
            let warning = diagnose::some_addresses_failed(&failures, addr);
            self.step(StepKind::Connect, t, warning.into_iter().collect());
            return Some((tcp, addr));
        }
        let d = diagnose::connect_failed(plan.port, &failures, &self.engine.options().egress_ips);
        self.step(StepKind::Connect, t, vec![d]);
        None
    }
}
