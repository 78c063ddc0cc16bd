//! The `arrival` check's conclusions (SPEC §7.7): the test message went
//! through the customer's relay to a one-time address of our own inbox;
//! what did the receiver see?
//!
//! The probe gathers the facts (the message as received, the connecting
//! address, DKIM verified with `mail-auth`, SPF and the DMARC tree walk
//! through its resolver); this module turns them into findings, the same
//! way a receiver such as Gmail would judge the message: From as shown,
//! DKIM, SPF for the relay's sending address, and DMARC alignment per
//! RFC 9989.

use std::net::IpAddr;

use super::{dmarc, spf};
use crate::diagnostic::Diagnostic;
use crate::{Code, Param};

/// Keys shorter than this make a signature fail (RFC 8301 §3.2).
pub const MIN_RSA_BITS: u32 = 1024;

/// One DKIM signature of the received message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// `d=`.
    pub domain: String,
    /// `s=`.
    pub selector: String,
    pub result: DkimResult,
    /// The key's length, when the key was found and is RSA.
    pub rsa_bits: Option<u32>,
}

/// How a signature verified.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DkimResult {
    Pass,
    /// Does not verify (body or headers changed, wrong key, no key): why.
    Fail(String),
    /// The key could not be fetched (DNS failure).
    TempError,
}

/// What the inbox received, and what the probe verified about it.
#[derive(Clone, Debug)]
pub struct Delivery {
    /// From the end of DATA at the relay to the end of DATA at the inbox.
    pub delay_ms: u64,
    /// The From address configured (lowercase compared).
    pub from_configured: String,
    /// The From header's address as received, if it has one.
    pub from_seen: Option<String>,
    /// The address that connected to the inbox: the relay's sending
    /// address.
    pub sender_ip: IpAddr,
    /// The envelope sender's domain (MAIL FROM), or the HELO name for a
    /// null sender: what SPF checks.
    pub spf_domain: String,
    /// SPF of `spf_domain` for `sender_ip`.
    pub spf: spf::Verdict,
    pub dkim: Vec<Signature>,
    /// The DMARC tree walk of the From domain seen (`None`: it failed).
    pub dmarc: Option<dmarc::Discovery>,
    /// The `Received` path, newest first (the inbox's own line first).
    pub received: Vec<String>,
    /// The TLS version it was delivered over; `None`: plain text.
    pub tls: Option<String>,
}

/// How the wait for the message went.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Wait {
    /// How long the probe waited.
    pub secs: u64,
    /// Connections our inbox turned away while it waited (it was full, or
    /// a network held its share): a relay told `421` tries again in
    /// minutes, so a message that did not come may be our inbox's fault.
    pub inbox_refused: u64,
}

/// The findings for a message that arrived; when none did,
/// `arrival.not-arrived`, or `probe.inbox-busy` when our inbox turned
/// connections away meanwhile (then the customer is not to blame).
pub fn findings(delivery: Option<&Delivery>, wait: Wait) -> Vec<Diagnostic> {
    let Some(d) = delivery else {
        let code = if wait.inbox_refused > 0 {
            Code::ProbeInboxBusy
        } else {
            Code::ArrivalNotArrived
        };
        return vec![Diagnostic::new(code).param(
            "count",
            Param::Count(i64::try_from(wait.secs).unwrap_or(i64::MAX)),
        )];
    };
    let mut out = Vec::new();
    let seen = d.from_seen.as_deref().unwrap_or("");
    if !seen.eq_ignore_ascii_case(&d.from_configured) {
        out.push(
            Diagnostic::new(Code::ArrivalFromRewritten)
                .case(if seen.is_empty() { "none" } else { "other" })
                .param("configured", d.from_configured.as_str())
                .param("seen", seen),
        );
    }
    let from_domain = domain_of(if seen.is_empty() {
        &d.from_configured
    } else {
        seen
    });
    dkim_findings(d, &mut out);
    if matches!(
        d.spf,
        spf::Verdict::Fail | spf::Verdict::SoftFail | spf::Verdict::PermError(_)
    ) {
        out.push(
            Diagnostic::new(Code::ArrivalSpfFail)
                .param("domain", d.spf_domain.as_str())
                .param("address", d.sender_ip.to_string()),
        );
    }
    if let Some(discovery) = &d.dmarc
        && let Some((at, record)) = &discovery.record
    {
        let org = discovery.organizational.as_deref();
        let spf_aligned = d.spf == spf::Verdict::Pass
            && dmarc::aligned(&from_domain, &d.spf_domain, org, record.strict_spf);
        let dkim_aligned = d.dkim.iter().any(|s| {
            s.result == DkimResult::Pass
                && dmarc::aligned(&from_domain, &s.domain, org, record.strict_dkim)
        });
        if !spf_aligned && !dkim_aligned {
            let policy = discovery
                .policy(&from_domain, true)
                .unwrap_or(dmarc::Policy::None);
            out.push(
                Diagnostic::new(Code::ArrivalDmarcFail)
                    .param("domain", from_domain.as_str())
                    .param("policy", policy.as_str())
                    .param("at", format!("_dmarc.{at}")),
            );
        }
    }
    if out.is_empty() {
        out.push(
            Diagnostic::new(Code::ArrivalOk)
                .param("seconds", format!("{:.1}", seconds(d.delay_ms)))
                .param("domain", from_domain.as_str()),
        );
    }
    out
}

fn dkim_findings(d: &Delivery, out: &mut Vec<Diagnostic>) {
    if d.dkim.is_empty() {
        out.push(Diagnostic::new(Code::ArrivalDkimMissing));
        return;
    }
    for s in &d.dkim {
        let weak = s.rsa_bits.filter(|bits| *bits < MIN_RSA_BITS);
        let failed = match (&s.result, weak) {
            (_, Some(bits)) => Some(("weak-key", bits.to_string())),
            (DkimResult::Fail(why), None) => Some(("fail", why.clone())),
            _ => None,
        };
        if let Some((case, detail)) = failed {
            out.push(
                Diagnostic::new(Code::ArrivalDkimFail)
                    .case(case)
                    .param("domain", s.domain.as_str())
                    .param("selector", s.selector.as_str())
                    .param("detail", detail),
            );
        }
    }
}

#[allow(clippy::cast_precision_loss)] // milliseconds of a bounded wait
fn seconds(ms: u64) -> f64 {
    ms as f64 / 1000.0
}

fn domain_of(address: &str) -> String {
    address
        .rsplit_once('@')
        .map_or(address, |(_, d)| d)
        .trim()
        .trim_end_matches('.')
        .to_ascii_lowercase()
}

impl From<&Delivery> for crate::report::ArrivalInfo {
    fn from(d: &Delivery) -> Self {
        Self {
            delay_ms: d.delay_ms,
            from_seen: d.from_seen.clone(),
            sender_address: d.sender_ip.to_string(),
            spf: super::check::verdict_name(&d.spf).to_owned(),
            dkim: d
                .dkim
                .iter()
                .map(|s| crate::report::ArrivalSignature {
                    domain: s.domain.clone(),
                    selector: s.selector.clone(),
                    result: match s.result {
                        DkimResult::Pass => "pass",
                        DkimResult::Fail(_) => "fail",
                        DkimResult::TempError => "temperror",
                    }
                    .to_owned(),
                    bits: s.rsa_bits,
                })
                .collect(),
            received: d.received.clone(),
            tls: d.tls.clone(),
        }
    }
}
