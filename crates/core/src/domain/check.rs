//! The `domain` check's conclusions (SPEC §7.2): from the SPF, DMARC and
//! DKIM answers about the From domain, the findings a person acts on.
//!
//! Two halves around the probe's DNS work: [`Questions::new`] says what to
//! look up for this From address and relay, [`findings`] turns the
//! answers into diagnostics. Each finding's params carry the exact record
//! to publish, merged into what is there (a second SPF record would break
//! both), so the help can name it.
//!
//! The rule for `domain.dmarc-unaligned` (an error) is that it must be
//! true: raised only when SPF is known not to align *and* DKIM is known
//! not to (a provider whose selectors we know publishes none). An unknown
//! relay may sign with a key we cannot see, so it gets the SPF warning
//! only.

use std::net::IpAddr;

use super::senders::{Envelope, Sender, sender_for};
use super::{dkim, dmarc, spf};
use crate::diagnostic::Diagnostic;
use crate::providers::Provider;
use crate::{Code, Param, Severity};

/// RSA keys shorter than this get a warning (RFC 8301 asks for 1024 at
/// least; receivers and providers recommend 2048).
pub const RECOMMENDED_RSA_BITS: u32 = 2048;

/// The relay the mail goes through.
#[derive(Clone, Copy, Debug)]
pub struct Relay<'a> {
    /// As configured (a name, or an address literal).
    pub host: &'a str,
    /// The address the probe connected to (or would have), if it passed
    /// the policy: what an unknown relay's SPF is checked for.
    pub address: Option<IpAddr>,
    pub provider: Option<&'static Provider>,
}

/// What the probe must look up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Questions {
    /// The From address's domain (lowercase): DMARC and DKIM are asked
    /// here.
    pub from_domain: String,
    /// The domain whose SPF a receiver checks: the envelope sender's.
    pub spf_domain: String,
    /// DKIM selectors to look up at the From domain.
    pub selectors: Vec<&'static str>,
}

impl Questions {
    /// For mail from `from` (an address) sent with `login` through
    /// `relay`; `None` when `from` has no domain.
    pub fn new(from: &str, login: Option<&str>, relay: &Relay<'_>) -> Option<Self> {
        let from_domain = domain_of(from)?;
        let sender = relay.provider.and_then(sender_for);
        let login_domain = login.and_then(domain_of);
        let spf_domain = match (sender.map(|s| s.envelope), login_domain) {
            (Some(Envelope::LoginDomain), Some(login)) => login,
            _ => from_domain.clone(),
        };
        // A provider's own mailbox domain (gmail.com through Gmail) signs
        // with selectors of its own choosing: nothing to check there.
        let own_domain = relay
            .provider
            .is_some_and(|p| p.email_domains.contains(&from_domain.as_str()));
        let selectors = match sender {
            Some(s) if !own_domain => s.selectors.to_vec(),
            _ => Vec::new(),
        };
        Some(Self {
            from_domain,
            spf_domain,
            selectors,
        })
    }
}

fn domain_of(address: &str) -> Option<String> {
    let (_, domain) = address.rsplit_once('@')?;
    let domain = domain.trim().trim_end_matches('.').to_ascii_lowercase();
    (!domain.is_empty()).then_some(domain)
}

/// A lookup the resolver did not finish (timeout, SERVFAIL): nothing can
/// be said about the records it was for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LookupFailed;

/// The answers gathered for [`Questions`].
#[derive(Clone, Debug)]
pub struct Answers {
    /// SPF of [`Questions::spf_domain`] for the relay's address.
    pub spf: spf::Outcome,
    pub dmarc: Result<dmarc::Discovery, LookupFailed>,
    /// The key at each selector asked (`None`: nothing published).
    pub dkim: Result<Vec<(String, Option<dkim::Key>)>, LookupFailed>,
}

/// Whether a mechanism of authentication can align with the From domain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Aligns {
    Yes,
    No,
    Unknown,
}

/// The findings for these answers, in reading order: SPF, DKIM, DMARC;
/// `domain.ok` alone when there is nothing to say.
pub fn findings(questions: &Questions, relay: &Relay<'_>, answers: &Answers) -> Vec<Diagnostic> {
    let sender = relay.provider.and_then(sender_for);
    let mut out = Vec::new();
    let spf_aligns = spf_findings(questions, relay, sender, answers, &mut out);
    let dkim_aligns = dkim_findings(questions, relay, sender, answers, &mut out);
    dmarc_findings(
        questions,
        relay,
        sender,
        answers,
        spf_aligns,
        dkim_aligns,
        &mut out,
    );
    if out.is_empty() {
        let how = if spf_aligns == Aligns::Yes {
            "spf"
        } else if dkim_aligns == Aligns::Yes {
            "dkim"
        } else {
            "records"
        };
        // "none" also when no record applies: the text reads the same.
        let policy = answers
            .dmarc
            .as_ref()
            .ok()
            .and_then(|d| d.policy(&questions.from_domain, true))
            .unwrap_or(dmarc::Policy::None);
        out.push(
            Diagnostic::new(Code::DomainOk)
                .case(how)
                .param("domain", questions.from_domain.as_str())
                .param("policy", policy.as_str()),
        );
    }
    out
}

/// SPF as the receiver sees it; whether it aligns with the From domain.
fn spf_findings(
    q: &Questions,
    relay: &Relay<'_>,
    sender: Option<&Sender>,
    answers: &Answers,
    out: &mut Vec<Diagnostic>,
) -> Aligns {
    let outcome = &answers.spf;
    let domain = q.spf_domain.as_str();
    if outcome.verdict == spf::Verdict::TempError {
        out.push(lookup_failed("spf", domain));
        return Aligns::Unknown;
    }
    // What this relay needs in the record: a provider's include, else the
    // relay's own name or address.
    let needed = match sender {
        Some(s) if matches!(s.envelope, Envelope::FromAddress | Envelope::LoginDomain) => {
            s.include().map(|i| format!("include:{i}"))
        }
        Some(_) => None,
        None => relay_term(relay),
    };
    if let Some(problem) = &outcome.problem {
        out.push(invalid(domain, problem));
    }
    let Some(record) = outcome.facts.record.as_deref() else {
        if outcome.problem.is_some() {
            // Several records: there is a record, just not one.
            return Aligns::No;
        }
        let mut d = Diagnostic::new(Code::DomainSpfMissing).param("domain", domain);
        d = match &needed {
            Some(term) => d
                .case("suggest")
                .param("record", format!("v=spf1 {term} ~all")),
            None => d.case("other"),
        };
        out.push(d);
        return match sender.map(|s| s.envelope) {
            Some(Envelope::Configurable) => Aligns::Unknown,
            _ => Aligns::No,
        };
    };
    let envelope = sender.map(|s| s.envelope);
    match envelope {
        Some(Envelope::Provider) => Aligns::No,
        Some(Envelope::Configurable) => Aligns::Unknown,
        Some(Envelope::FromAddress | Envelope::LoginDomain) => {
            let sender = sender.expect("an envelope comes from a sender");
            let authorized = sender
                .includes
                .iter()
                .any(|i| outcome.facts.includes_domain(i));
            if !authorized && let Some(include) = sender.include() {
                let provider = relay.provider.map_or("", |p| p.name);
                out.push(
                    Diagnostic::new(Code::DomainSpfExcludesRelay)
                        .case("provider")
                        .param("domain", domain)
                        .param("provider", provider)
                        .param("include", include)
                        .param("record", merge_term(record, &format!("include:{include}"))),
                );
            }
            let usable = !matches!(outcome.verdict, spf::Verdict::PermError(_));
            let same_org = domain == q.from_domain || shares_org(domain, &q.from_domain, answers);
            if authorized && usable && same_org {
                Aligns::Yes
            } else {
                Aligns::No
            }
        }
        None => match (&outcome.verdict, relay.address) {
            (_, None) => Aligns::Unknown,
            (spf::Verdict::Pass, Some(_)) => Aligns::Yes,
            (spf::Verdict::PermError(_), Some(_)) => Aligns::No,
            (verdict, Some(address)) => {
                let mut d = Diagnostic::new(Code::DomainSpfExcludesRelay)
                    .case("address")
                    .param("domain", domain)
                    .param("host", relay.host)
                    .param("address", address.to_string())
                    .param("result", verdict_name(verdict));
                if let Some(term) = &needed {
                    d = d.param("record", merge_term(record, term));
                }
                out.push(d);
                Aligns::No
            }
        },
    }
}

/// Whether two domains share the From domain's Organizational Domain (the
/// DMARC walk's), for relaxed SPF alignment of a login domain.
fn shares_org(domain: &str, from: &str, answers: &Answers) -> bool {
    let Ok(discovery) = &answers.dmarc else {
        return false;
    };
    let strict = discovery.record.as_ref().is_some_and(|(_, r)| r.strict_spf);
    dmarc::aligned(from, domain, discovery.organizational.as_deref(), strict)
}

/// The term that authorizes an unknown relay: its name, or its address
/// when the host is one.
fn relay_term(relay: &Relay<'_>) -> Option<String> {
    let host = relay.host.trim().trim_end_matches('.');
    if host.is_empty() {
        return None;
    }
    Some(match host.trim_matches(['[', ']']).parse::<IpAddr>() {
        Ok(IpAddr::V4(ip)) => format!("ip4:{ip}"),
        Ok(IpAddr::V6(ip)) => format!("ip6:{ip}"),
        Err(_) => format!("a:{}", host.to_ascii_lowercase()),
    })
}

/// `record` with `term` added right after `v=spf1`: one record, never a
/// second one (RFC 7208 §3.2), and no "flattening" into addresses.
pub fn merge_term(record: &str, term: &str) -> String {
    let rest = record
        .trim()
        .get("v=spf1".len()..)
        .unwrap_or_default()
        .trim_start();
    if rest.is_empty() {
        format!("v=spf1 {term} ~all")
    } else {
        format!("v=spf1 {term} {rest}")
    }
}

/// The RFC 7208 name of a verdict (`pass`, `softfail`, …).
pub const fn verdict_name(verdict: &spf::Verdict) -> &'static str {
    match verdict {
        spf::Verdict::Pass => "pass",
        spf::Verdict::Fail => "fail",
        spf::Verdict::SoftFail => "softfail",
        spf::Verdict::Neutral => "neutral",
        spf::Verdict::None => "none",
        spf::Verdict::PermError(_) => "permerror",
        spf::Verdict::TempError => "temperror",
    }
}

fn invalid(domain: &str, problem: &spf::Problem) -> Diagnostic {
    use spf::Problem as P;
    let d = Diagnostic::new(Code::DomainSpfInvalid).param("domain", domain);
    let count = |n: &usize| i64::try_from(*n).unwrap_or(i64::MAX);
    match problem {
        P::SeveralRecords(at) => d.case("several").param("name", at.as_str()),
        P::Syntax { domain: at, term } => d
            .case("syntax")
            .param("name", at.as_str())
            .param("term", term.as_str()),
        P::TooManyLookups(n) => d.case("lookups").param("count", Param::Count(count(n))),
        P::TooManyVoidLookups(n) => d.case("void").param("count", Param::Count(count(n))),
        P::TooManyMxNames(at) => d.case("mx").param("name", at.as_str()),
        P::Loop(at) => d.case("loop").param("name", at.as_str()),
        P::IncludeWithoutRecord(at) => d.case("include-missing").param("name", at.as_str()),
        P::RedirectWithoutRecord(at) => d.case("redirect-missing").param("name", at.as_str()),
    }
}

fn lookup_failed(what: &str, domain: &str) -> Diagnostic {
    Diagnostic::new(Code::DomainLookupFailed)
        .case(what)
        .param("domain", domain)
}

/// The provider's DKIM keys at the From domain; whether DKIM can align.
fn dkim_findings(
    q: &Questions,
    relay: &Relay<'_>,
    sender: Option<&Sender>,
    answers: &Answers,
    out: &mut Vec<Diagnostic>,
) -> Aligns {
    if q.selectors.is_empty() || sender.is_none() {
        return Aligns::Unknown;
    }
    let Ok(keys) = &answers.dkim else {
        out.push(lookup_failed("dkim", &q.from_domain));
        return Aligns::Unknown;
    };
    let usable: Vec<_> = keys
        .iter()
        .filter_map(|(selector, key)| match key {
            Some(dkim::Key::Published { kind, bits }) => Some((selector, *kind, *bits)),
            _ => None,
        })
        .collect();
    if usable.is_empty() {
        let revoked = keys
            .iter()
            .any(|(_, k)| matches!(k, Some(dkim::Key::Revoked | dkim::Key::Unreadable)));
        out.push(
            Diagnostic::new(Code::DomainDkimMissing)
                .case(if revoked { "revoked" } else { "none" })
                .param("domain", q.from_domain.as_str())
                .param("provider", relay.provider.map_or("", |p| p.name))
                .param("selectors", q.selectors.join(", "))
                .param("name", dkim::key_name(q.selectors[0], &q.from_domain)),
        );
        return Aligns::No;
    }
    for (selector, kind, bits) in &usable {
        if *kind == dkim::KeyType::Rsa && *bits < RECOMMENDED_RSA_BITS {
            out.push(
                Diagnostic::new(Code::DomainDkimWeakKey)
                    .param("domain", q.from_domain.as_str())
                    .param("selector", selector.as_str())
                    .param("bits", Param::Count(i64::from(*bits)))
                    .param("provider", relay.provider.map_or("", |p| p.name)),
            );
        }
    }
    Aligns::Yes
}

#[allow(clippy::too_many_arguments)]
fn dmarc_findings(
    q: &Questions,
    relay: &Relay<'_>,
    sender: Option<&Sender>,
    answers: &Answers,
    spf: Aligns,
    dkim: Aligns,
    out: &mut Vec<Diagnostic>,
) {
    let Ok(discovery) = &answers.dmarc else {
        out.push(lookup_failed("dmarc", &q.from_domain));
        return;
    };
    let Some((at, _)) = &discovery.record else {
        let d = Diagnostic::new(Code::DomainDmarcMissing)
            .param("domain", q.from_domain.as_str())
            .param("name", format!("_dmarc.{}", q.from_domain))
            .param("record", "v=DMARC1; p=none");
        out.push(match discovery.several_at.first() {
            Some(name) => d.case("several").param("at", format!("_dmarc.{name}")),
            None => d.case("none"),
        });
        return;
    };
    let Some(policy) = discovery.policy(&q.from_domain, true) else {
        return;
    };
    if policy == dmarc::Policy::None || spf != Aligns::No || dkim != Aligns::No {
        return;
    }
    let mut d = Diagnostic::new(Code::DomainDmarcUnaligned)
        .param("domain", q.from_domain.as_str())
        .param("policy", policy.as_str())
        .param("at", format!("_dmarc.{at}"));
    d = match (sender, relay.provider) {
        (Some(s), Some(p)) if !s.selectors.is_empty() => d
            .case("provider")
            .param("provider", p.name)
            .param("name", dkim::key_name(s.selectors[0], &q.from_domain)),
        _ => d.case("other"),
    };
    debug_assert_eq!(d.severity, Severity::Error);
    out.push(d);
}
