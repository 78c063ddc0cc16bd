//! The `domain` step (SPEC §7.2): the From domain's SPF, DMARC and DKIM,
//! looked up beside the SMTP session so it adds no time.
//!
//! It starts with the probe and needs the session for one thing only: for
//! a relay the provider table does not know, the address the session is
//! about to connect to (after the policy passed it), which is the address
//! SPF is checked for. That arrives over a oneshot channel; a session that
//! never gets that far drops the sender, and SPF is then judged without
//! it. Every lookup is bounded by the probe's deadline.

use std::net::{IpAddr, Ipv4Addr};
use std::time::{Duration, Instant};

use smtp_doctor_core::Diagnostic;
use smtp_doctor_core::domain::check::{self, Answers, LookupFailed, Questions, Relay};
use smtp_doctor_core::domain::senders::sender_for;
use tokio::sync::oneshot;

use super::Plan;
use crate::engine::{Engine, domain};

/// What the domain step found, and how long its lookups took.
pub(super) struct DomainResult {
    pub diagnostics: Vec<Diagnostic>,
    pub took: Duration,
}

/// The From domain's findings for this plan's relay; `None` when there is
/// no usable From address (the static check already says so).
pub(super) async fn run(
    engine: &Engine,
    plan: &Plan,
    relay_address: oneshot::Receiver<IpAddr>,
    deadline: tokio::time::Instant,
) -> Option<DomainResult> {
    let from = plan.from.as_ref()?;
    let login = plan
        .user
        .as_ref()
        .and_then(|u| u.as_ref().ok())
        .map(smtp_doctor_core::wire::AuthIdentity::as_str);
    let mut relay = Relay {
        host: &plan.host,
        address: plan.ip,
        provider: plan.provider,
    };
    let questions = Questions::new(from.as_str(), login, &relay)?;
    let dns = engine.dns();
    // A known provider's SPF is judged by its include, not by the
    // submission host's address: no need to wait for the session.
    let known = plan.provider.and_then(sender_for).is_some();
    if !known && relay.address.is_none() {
        relay.address = tokio::time::timeout_at(deadline, relay_address)
            .await
            .ok()
            .and_then(Result::ok);
    }
    let started = Instant::now();
    let spf_ip = relay.address.unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    let (spf, dmarc, dkim) = tokio::join!(
        domain::spf(dns, &questions.spf_domain, spf_ip, from.as_str(), deadline),
        domain::dmarc(dns, &questions.from_domain, deadline),
        domain::dkim(dns, &questions.from_domain, &questions.selectors, deadline),
    );
    let answers = Answers {
        spf,
        dmarc: dmarc.map_err(|_| LookupFailed),
        dkim: dkim.map_err(|_| LookupFailed),
    };
    Some(DomainResult {
        diagnostics: check::findings(&questions, &relay, &answers),
        took: started.elapsed(),
    })
}
