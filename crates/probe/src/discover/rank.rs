//! Candidates pooled by (host, port, security) with their evidence merged,
//! and the order they are tried and shown in: verified first, then
//! implicit TLS over STARTTLS over plain, then what the sources are worth.

use std::collections::HashMap;

use smtp_doctor_core::Security;

use super::{Candidate, Evidence, SourceKind, Verification, VerifyStatus};

pub(super) type Key = (String, u16, Security);

/// Candidates keyed by (host, port, security), evidence merged.
#[derive(Default)]
pub(super) struct Pool {
    pub(super) order: Vec<Key>,
    /// Username (first one given) and evidence per key.
    by_key: HashMap<Key, (Option<String>, Vec<Evidence>)>,
}

impl Pool {
    pub(super) fn add(
        &mut self,
        host: &str,
        port: u16,
        security: Security,
        username: Option<String>,
        source: SourceKind,
        detail: String,
    ) {
        let key = (
            host.trim_end_matches('.').to_ascii_lowercase(),
            port,
            security,
        );
        let entry = self.by_key.entry(key.clone()).or_insert_with(|| {
            self.order.push(key);
            (None, Vec::new())
        });
        if entry.0.is_none() {
            entry.0 = username;
        }
        let ev = Evidence { source, detail };
        if !entry.1.contains(&ev) {
            entry.1.push(ev);
        }
    }

    pub(super) fn into_candidates(mut self) -> Vec<Candidate> {
        let order = std::mem::take(&mut self.order);
        order
            .into_iter()
            .map(|key| {
                let (username, evidence) = self.by_key.remove(&key).unwrap_or_default();
                Candidate {
                    host: key.0,
                    port: key.1,
                    security: key.2,
                    username,
                    evidence,
                    verification: Verification::not_tried(),
                    why: String::new(),
                }
            })
            .collect()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

pub(super) fn security_rank(s: Security) -> u8 {
    match s {
        Security::Tls => 0,
        Security::Starttls => 1,
        Security::None => 2,
    }
}

pub(super) fn confidence(c: &Candidate) -> u8 {
    c.evidence
        .iter()
        .map(|e| e.source.confidence())
        .max()
        .unwrap_or(0)
        + u8::try_from(c.evidence.len().saturating_sub(1))
            .unwrap_or(u8::MAX)
            .min(3)
}

/// Before verification: which to start first.
pub(super) fn prior_key(c: &Candidate) -> (std::cmp::Reverse<u8>, u8) {
    (std::cmp::Reverse(confidence(c)), security_rank(c.security))
}

/// The ranking: verified, then implicit TLS > STARTTLS > plain, then source.
pub(super) fn final_key(c: &Candidate) -> (u8, u8, std::cmp::Reverse<u8>) {
    let v = match c.verification.status {
        VerifyStatus::Verified => 0,
        VerifyStatus::Failed => 1,
        VerifyStatus::NotTried => 2,
    };
    (
        v,
        security_rank(c.security),
        std::cmp::Reverse(confidence(c)),
    )
}
