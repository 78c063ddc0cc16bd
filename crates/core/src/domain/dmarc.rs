//! DMARC (RFC 9989, which obsoletes RFC 7489) as a receiver finds it:
//! the DNS tree walk instead of the Public Suffix List, `psd`, `np`, and
//! `t` in place of `pct`.
//!
//! Sans-IO like [`super::spf`]: [`walk`] lists the `_dmarc` names a
//! receiver may query (at most 8, all askable at once), and [`discover`]
//! concludes from the TXT answers: the record that applies to the From
//! domain, the Organizational Domain, and the policy for this domain.

use std::collections::HashMap;
use std::hash::BuildHasher;

/// At most 8 queries per tree walk (RFC 9989 §4.10).
pub const MAX_QUERIES: usize = 8;

/// What the domain owner asks receivers to do with mail that fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Policy {
    None,
    Quarantine,
    Reject,
}

impl Policy {
    fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "none" => Some(Self::None),
            "quarantine" => Some(Self::Quarantine),
            "reject" => Some(Self::Reject),
            _ => None,
        }
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Quarantine => "quarantine",
            Self::Reject => "reject",
        }
    }
}

/// One DMARC record's tags.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// `p`; `None` in the Option when absent or not understood (the record
    /// then counts as `p=none`, RFC 9989 §4.7).
    pub p: Option<Policy>,
    /// `sp`: for subdomains of the domain that published the record.
    pub sp: Option<Policy>,
    /// `np`: for subdomains that do not exist.
    pub np: Option<Policy>,
    /// `psd=y` (a public suffix), `psd=n` (an Organizational Domain).
    pub psd: Option<bool>,
    /// `adkim=s` / `aspf=s`: exact domains, not just the same
    /// Organizational Domain.
    pub strict_dkim: bool,
    pub strict_spf: bool,
    /// `t=y`: testing; receivers apply one step less (RFC 9989 §4.7).
    pub testing: bool,
    /// The record as published.
    pub text: String,
}

/// Whether a TXT record is a DMARC record (`v=DMARC1` first).
pub fn is_dmarc(text: &str) -> bool {
    text.split(';')
        .next()
        .and_then(|first| first.split_once('='))
        .is_some_and(|(k, v)| k.trim() == "v" && v.trim() == "DMARC1")
}

/// Reads a DMARC record (`None` unless it starts with `v=DMARC1`).
/// Unknown tags are ignored, as receivers do.
pub fn parse(text: &str) -> Option<Record> {
    if !is_dmarc(text) {
        return None;
    }
    let mut r = Record {
        p: None,
        sp: None,
        np: None,
        psd: None,
        strict_dkim: false,
        strict_spf: false,
        testing: false,
        text: text.to_owned(),
    };
    for tag in text.split(';').skip(1) {
        let Some((k, v)) = tag.split_once('=') else {
            continue;
        };
        let v = v.trim();
        match k.trim().to_ascii_lowercase().as_str() {
            "p" => r.p = Policy::parse(v),
            "sp" => r.sp = Policy::parse(v),
            "np" => r.np = Policy::parse(v),
            "psd" => r.psd = flag(v),
            "adkim" => r.strict_dkim = v.eq_ignore_ascii_case("s"),
            "aspf" => r.strict_spf = v.eq_ignore_ascii_case("s"),
            "t" => r.testing = flag(v) == Some(true),
            _ => {}
        }
    }
    Some(r)
}

fn flag(v: &str) -> Option<bool> {
    match v.to_ascii_lowercase().as_str() {
        "y" => Some(true),
        "n" => Some(false),
        _ => None,
    }
}

/// The domains a tree walk for `domain` looks at, in order (RFC 9989
/// §4.10): the domain itself; then, from 7 labels at most, one label
/// shorter each time, down to the top-level domain. Query `_dmarc.` +
/// each; at most [`MAX_QUERIES`].
pub fn walk(domain: &str) -> Vec<String> {
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    let labels: Vec<&str> = domain.split('.').filter(|l| !l.is_empty()).collect();
    let mut out = vec![labels.join(".")];
    let start = labels.len().saturating_sub(7).max(1);
    for i in start..labels.len() {
        out.push(labels[i..].join("."));
    }
    out.truncate(MAX_QUERIES);
    out
}

/// What a receiver concludes about a From domain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Discovery {
    /// The record that applies, and the domain that published it.
    pub record: Option<(String, Record)>,
    /// The Organizational Domain (RFC 9989 §4.10.1), if any record was found.
    pub organizational: Option<String>,
    /// Several DMARC records at one name (receivers ignore them all).
    pub several_at: Vec<String>,
}

impl Discovery {
    /// The policy for mail from the domain walked: the domain's own `p`,
    /// or the Organizational Domain's `sp` (then `p`); `np` for a domain
    /// that does not exist. `t=y` lowers it one step.
    pub fn policy(&self, walked: &str, domain_exists: bool) -> Option<Policy> {
        let (at, record) = self.record.as_ref()?;
        let own = at.eq_ignore_ascii_case(walked.trim_end_matches('.'));
        let p = record.p.unwrap_or(Policy::None);
        let policy = if own {
            p
        } else if !domain_exists {
            record.np.or(record.sp).unwrap_or(p)
        } else {
            record.sp.unwrap_or(p)
        };
        Some(if record.testing {
            match policy {
                Policy::Reject => Policy::Quarantine,
                _ => Policy::None,
            }
        } else {
            policy
        })
    }
}

/// The conclusion of a tree walk, from the TXT answers of `_dmarc.` + each
/// name of [`walk`] (`None` for a name without TXT records or NXDOMAIN).
pub fn discover<S: BuildHasher>(domain: &str, txt: &HashMap<String, Vec<String>, S>) -> Discovery {
    let names = walk(domain);
    let mut found: Vec<(String, Record)> = Vec::new();
    let mut several_at = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let records: Vec<Record> = txt
            .get(name)
            .map(|all| all.iter().filter_map(|t| parse(t)).collect())
            .unwrap_or_default();
        match records.as_slice() {
            [] => {}
            [one] => {
                let stop = one.psd.is_some();
                found.push((name.clone(), one.clone()));
                // The first name is the domain itself: a psd tag there
                // does not end the walk (RFC 9989 §4.10, step 2 stops only
                // on psd=n).
                if stop && (i > 0 || one.psd == Some(false)) {
                    break;
                }
            }
            _ => several_at.push(name.clone()),
        }
    }
    let organizational = organizational(&names, &found);
    let record = found
        .iter()
        .find(|(at, _)| *at == names[0])
        .cloned()
        .or_else(|| {
            let org = organizational.as_ref()?;
            found.iter().find(|(at, _)| at == org).cloned()
        });
    Discovery {
        record,
        organizational,
        several_at,
    }
}

/// RFC 9989 §4.10.1, from the longest name toward the shortest: a record
/// with `psd=n` is the Organizational Domain; one with `psd=y` (not the
/// walked domain's own) makes the name one label below it the
/// Organizational Domain; otherwise the record with the fewest labels.
fn organizational(names: &[String], found: &[(String, Record)]) -> Option<String> {
    for (at, record) in found {
        match record.psd {
            Some(false) => return Some(at.clone()),
            Some(true) if *at != names[0] => {
                // The name walked just before this one, or, after the jump
                // to 7 labels, the label of the walked domain below it.
                let suffix = format!(".{at}");
                let below = names[0].strip_suffix(&suffix)?;
                let label = below.rsplit('.').next()?;
                return Some(format!("{label}.{at}"));
            }
            _ => {}
        }
    }
    found
        .iter()
        .min_by_key(|(at, _)| at.split('.').count())
        .map(|(at, _)| at.clone())
}

/// Whether two domains align (RFC 9989 §4.4): the same name when strict;
/// under relaxed rules, one within the other's Organizational Domain.
pub fn aligned(from: &str, other: &str, organizational: Option<&str>, strict: bool) -> bool {
    let from = from.trim_end_matches('.').to_ascii_lowercase();
    let other = other.trim_end_matches('.').to_ascii_lowercase();
    if from == other {
        return true;
    }
    if strict {
        return false;
    }
    organizational.is_some_and(|org| {
        let org = org.to_ascii_lowercase();
        crate::hostname::is_within(&from, &org) && crate::hostname::is_within(&other, &org)
    })
}
