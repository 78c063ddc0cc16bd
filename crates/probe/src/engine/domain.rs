//! The sending domain's DNS, gathered for core's SPF, DMARC and DKIM
//! evaluation (SPEC §7.2).
//!
//! Core says which questions it needs; this module asks them through the
//! probe's own resolver (`--dns-server`, the same one every other step
//! uses), each batch in parallel, every query bounded by the probe's
//! deadline. Nothing here connects anywhere: TXT, A/AAAA and MX lookups
//! only, so the address policy of SPEC §5 has nothing new to guard. A
//! resolver that fails or runs out of time gives `temperror`, never a
//! verdict about the customer's records.

use std::collections::HashMap;
use std::net::IpAddr;

use futures_util::future::join_all;
use smtp_doctor_core::domain::{dkim, dmarc, spf};
use tokio::time::{Instant, timeout_at};

use super::dns::{Dns, DnsFailure};

/// A failed lookup as SPF sees it: nothing there, or no answer at all.
fn failure(f: &DnsFailure) -> spf::Answer {
    match f {
        DnsFailure::NotFound | DnsFailure::NoAddress => spf::Answer::Nothing,
        _ => spf::Answer::Failed,
    }
}

async fn answer(dns: &Dns, query: &spf::Query, deadline: Instant) -> spf::Answer {
    let asked = async {
        match query {
            spf::Query::Txt(name) => dns
                .txt(name)
                .await
                .map_or_else(|f| failure(&f), spf::Answer::Txt),
            spf::Query::Addresses(name) => dns
                .addresses(name)
                .await
                .map_or_else(|f| failure(&f), spf::Answer::Addresses),
            spf::Query::Mx(name) => dns.mx(name).await.map_or_else(
                |f| failure(&f),
                |hosts| spf::Answer::Mx(hosts.into_iter().map(|(_, h)| h).collect()),
            ),
        }
    };
    timeout_at(deadline, asked)
        .await
        .unwrap_or(spf::Answer::Failed)
}

/// SPF of `domain` for `sender` sent by `ip`, as a receiver evaluates it.
pub async fn spf(
    dns: &Dns,
    domain: &str,
    ip: IpAddr,
    sender: &str,
    deadline: Instant,
) -> spf::Outcome {
    let mut check = spf::Spf::new(domain, ip, sender);
    for _ in 0..spf::MAX_ROUNDS {
        let missing = check.missing();
        if missing.is_empty() || Instant::now() >= deadline {
            break;
        }
        let answers = join_all(missing.iter().map(|q| answer(dns, q, deadline))).await;
        for (q, a) in missing.into_iter().zip(answers) {
            check.supply(q, a);
        }
    }
    check.evaluate()
}

/// The DMARC tree walk for `domain`: every `_dmarc` name at once. `Err`
/// when the resolver failed for a name the walk needs (the result would
/// be a guess).
pub async fn dmarc(
    dns: &Dns,
    domain: &str,
    deadline: Instant,
) -> Result<dmarc::Discovery, DnsFailure> {
    let names = dmarc::walk(domain);
    let answers = join_all(names.iter().map(|name| async move {
        let query = format!("_dmarc.{name}");
        timeout_at(deadline, dns.txt(&query))
            .await
            .unwrap_or(Err(DnsFailure::Timeout))
    }))
    .await;
    let mut txt = HashMap::new();
    for (name, answer) in names.into_iter().zip(answers) {
        match answer {
            Ok(records) => {
                txt.insert(name, records);
            }
            Err(DnsFailure::NotFound | DnsFailure::NoAddress) => {}
            Err(other) => return Err(other),
        }
    }
    Ok(dmarc::discover(domain, &txt))
}

/// The DKIM keys at these selectors of `domain` (`None`: nothing there).
pub async fn dkim(
    dns: &Dns,
    domain: &str,
    selectors: &[&str],
    deadline: Instant,
) -> Result<Vec<(String, Option<dkim::Key>)>, DnsFailure> {
    let answers = join_all(selectors.iter().map(|s| async move {
        let query = dkim::key_name(s, domain);
        timeout_at(deadline, dns.txt(&query))
            .await
            .unwrap_or(Err(DnsFailure::Timeout))
    }))
    .await;
    let mut out = Vec::new();
    for (selector, answer) in selectors.iter().zip(answers) {
        let key = match answer {
            Ok(records) => records.iter().find_map(|r| dkim::parse(r)),
            Err(DnsFailure::NotFound | DnsFailure::NoAddress) => None,
            Err(other) => return Err(other),
        };
        out.push(((*selector).to_owned(), key));
    }
    Ok(out)
}
