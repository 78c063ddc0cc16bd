//! What a receiver makes of the message our inbox got (SPEC §7.7): the
//! From it shows, DKIM verified with `mail-auth` (the key looked up again
//! through our resolver for its length), SPF for the address that
//! delivered it, and the DMARC tree walk of the From domain. Core's
//! `domain::arrival` turns these facts into findings.

pub mod inbox;

use std::sync::Arc;

use mail_auth::{AuthenticatedMessage, DkimResult, MessageAuthenticator};
use smtp_doctor_core::domain::arrival::{Delivery, DkimResult as Verified, Signature};
use smtp_doctor_core::domain::dkim::{Key, KeyType};
use tokio::time::{Instant, timeout_at};

use super::dns::Dns;
use super::{dkim_bounds, domain};
use inbox::Received;

/// At most this many `Received` lines are kept for the report.
pub const MAX_RECEIVED: usize = 20;
/// The facts about `received`, a message sent as `from_configured`,
/// `delay_ms` after the relay took it; every lookup ends by `deadline`.
/// DKIM work is bounded first (`dkim_bounds`) and runs in a task of its
/// own, so the deadline ends it even mid-verification.
pub async fn judge(
    dns: &Dns,
    verifier: &Arc<MessageAuthenticator>,
    received: &Received,
    from_configured: &str,
    delay_ms: u64,
    deadline: Instant,
) -> Delivery {
    let bounded = dkim_bounds::bound(&received.message);
    let parsed = AuthenticatedMessage::parse(&bounded.message);
    let from_seen = parsed.as_ref().and_then(from_shown);
    let received_lines = received_path(parsed.as_ref());
    drop(parsed);
    let mut dkim = Vec::new();
    for (domain, selector, result) in verify(verifier, &bounded, deadline).await {
        let rsa_bits = key_bits(dns, &domain, &selector, deadline).await;
        dkim.push(Signature {
            domain: domain.to_ascii_lowercase(),
            selector,
            result,
            rsa_bits,
        });
    }
    dkim.extend(bounded.set_aside.into_iter().map(|s| Signature {
        domain: s.domain.to_ascii_lowercase(),
        selector: s.selector,
        result: Verified::Fail(s.why),
        rsa_bits: None,
    }));
    let (spf_domain, spf_sender) = envelope(&received.mail_from, &received.helo);
    let spf = domain::spf(dns, &spf_domain, received.peer, &spf_sender, deadline)
        .await
        .verdict;
    let from_domain = from_seen
        .as_deref()
        .unwrap_or(from_configured)
        .rsplit_once('@')
        .map(|(_, d)| d.to_owned())
        .unwrap_or_default();
    let dmarc = domain::dmarc(dns, &from_domain, deadline).await.ok();
    Delivery {
        delay_ms,
        from_configured: from_configured.to_ascii_lowercase(),
        from_seen,
        sender_ip: received.peer,
        spf_domain,
        spf,
        dkim,
        dmarc,
        received: received_lines,
        tls: received.tls.clone(),
    }
}

/// `mail-auth`'s verdict on each kept signature (`d=`, `s=`, result), in
/// a task the deadline aborts; unfinished by then, each is a temporary
/// error (no DNS answer in time), not a missing signature.
async fn verify(
    verifier: &Arc<MessageAuthenticator>,
    bounded: &dkim_bounds::Bounded,
    deadline: Instant,
) -> Vec<(String, String, Verified)> {
    if bounded.kept.is_empty() {
        return Vec::new();
    }
    let (verifier, message) = (Arc::clone(verifier), bounded.message.clone());
    let mut task = tokio::spawn(async move {
        let Some(parsed) = AuthenticatedMessage::parse(&message) else {
            return Vec::new();
        };
        let outputs = verifier.verify_dkim(&parsed).await;
        outputs
            .iter()
            .filter_map(|output| {
                let signature = output.signature()?;
                let result = match output.result() {
                    DkimResult::Pass => Verified::Pass,
                    DkimResult::TempError(_) => Verified::TempError,
                    DkimResult::None => return None,
                    DkimResult::Neutral(e) | DkimResult::Fail(e) | DkimResult::PermError(e) => {
                        Verified::Fail(e.to_string())
                    }
                };
                Some((signature.d.clone(), signature.s.clone(), result))
            })
            .take(dkim_bounds::MAX_SIGNATURES)
            .collect::<Vec<_>>()
    });
    if let Ok(Ok(verdicts)) = timeout_at(deadline, &mut task).await {
        return verdicts;
    }
    task.abort();
    bounded
        .kept
        .iter()
        .map(|(d, s)| (d.clone(), s.clone(), Verified::TempError))
        .collect()
}

/// The domain SPF checks and the sender it checks for: MAIL FROM, or
/// `postmaster@` the HELO name for the null sender (RFC 7208 §2.4).
fn envelope(mail_from: &str, helo: &str) -> (String, String) {
    if let Some((_, domain)) = mail_from.rsplit_once('@') {
        (domain.to_ascii_lowercase(), mail_from.to_owned())
    } else {
        let helo = helo.trim_end_matches('.').to_ascii_lowercase();
        (helo.clone(), format!("postmaster@{helo}"))
    }
}

/// The RSA key length at `selector._domainkey.domain`, if one is there.
async fn key_bits(dns: &Dns, domain: &str, selector: &str, deadline: Instant) -> Option<u32> {
    let keys = domain::dkim(dns, domain, &[selector], deadline)
        .await
        .ok()?;
    keys.into_iter().find_map(|(_, key)| match key {
        Some(Key::Published {
            kind: KeyType::Rsa,
            bits,
        }) => Some(bits),
        _ => None,
    })
}

/// The From address a reader is shown, if it is one.
fn from_shown(message: &AuthenticatedMessage<'_>) -> Option<String> {
    Some(message.from().trim().to_ascii_lowercase()).filter(|f| f.contains('@'))
}

/// What the report keeps of any message (the fuzz target `inbox_message`
/// feeds it anything): the From shown and the `Received` path.
pub fn read(message: &[u8]) -> (Option<String>, Vec<String>) {
    let bounded = dkim_bounds::bound(message);
    let parsed = AuthenticatedMessage::parse(&bounded.message);
    (
        parsed.as_ref().and_then(from_shown),
        received_path(parsed.as_ref()),
    )
}

/// The `Received` lines, newest first, unfolded and bounded.
fn received_path(message: Option<&AuthenticatedMessage<'_>>) -> Vec<String> {
    let Some(message) = message else {
        return Vec::new();
    };
    message
        .raw_parsed_headers()
        .iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case(b"Received"))
        .take(MAX_RECEIVED)
        .map(|(_, value)| {
            String::from_utf8_lossy(value)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}
