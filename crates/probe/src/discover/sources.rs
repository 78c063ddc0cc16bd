//! Where candidates come from, in the order mail clients trust them: the
//! built-in provider table (by the address's domain, then by the MX
//! hosts), the provider's autoconfig file, RFC 6186/8314 SRV records, and
//! guesses only when none of those names a server. Each source says what
//! it found, found nothing, or failed (and only failures can mean our
//! own outage).

use smtp_doctor_core::{Param, Security, providers};
use tokio::time::Instant;

use super::rank::Pool;
use super::{DiscoverOptions, Progress, Query, SourceKind, SourceOutcome, autoconfig, https, p};
use crate::engine::Engine;
use crate::engine::dns::{DnsFailure, SrvRecord};

/// Asks every source (MX, autoconfig and SRV at once), in trust order.
pub(super) async fn gather(
    engine: &Engine,
    q: &Query,
    opts: &DiscoverOptions,
    by: Instant,
    on_progress: &mut (dyn FnMut(Progress<'_>) + Send),
) -> (Pool, Vec<SourceOutcome>) {
    use tokio::time::timeout_at;
    let mut pool = Pool::default();
    let (mx, autoconfig, srv) = tokio::join!(
        timeout_at(by, engine.dns().mx(&q.domain)),
        timeout_at(by, fetch_autoconfig(engine, q, opts)),
        timeout_at(by, srv_records(engine, &q.domain)),
    );
    let mx = mx.unwrap_or(Err(DnsFailure::Timeout));
    let autoconfig = autoconfig.unwrap_or(Err(AutoconfigMiss::TimedOut));
    let srv = srv.unwrap_or_default();
    let outcomes = [
        from_table(&mut pool, q),
        from_mx(&mut pool, q, &mx),
        from_autoconfig(&mut pool, q, autoconfig),
        from_srv(&mut pool, q, srv),
        guesses(&mut pool, q),
    ];
    for o in &outcomes {
        on_progress(Progress::Source(o));
    }
    (pool, outcomes.into())
}

/// 1. The built-in table, by the address's domain.
pub(super) fn from_table(pool: &mut Pool, q: &Query) -> SourceOutcome {
    match providers::provider_by_email_domain(&q.domain) {
        Some(prov) => {
            let detail = q.t(
                "discover-table-serves",
                &[("provider", p(prov.name)), ("domain", p(&q.domain))],
            );
            add_provider(pool, prov, q, SourceKind::Provider, &detail);
            found(
                SourceKind::Provider,
                format!("{} ({})", prov.name, prov.source),
            )
        }
        None => none(SourceKind::Provider, q.t("discover-table-none", &[])),
    }
}

/// 1b. The MX hosts: a company domain hosted at a known provider.
pub(super) fn from_mx(
    pool: &mut Pool,
    q: &Query,
    mx: &Result<Vec<(u16, String)>, DnsFailure>,
) -> SourceOutcome {
    match mx {
        Ok(hosts) if !hosts.is_empty() => {
            let hit = hosts
                .iter()
                .find_map(|(_, h)| providers::provider_by_mx(h).map(|p| (p, h)));
            if let Some((prov, h)) = hit {
                let detail = q.t(
                    "discover-mx-is",
                    &[("host", p(h)), ("provider", p(prov.name))],
                );
                add_provider(pool, prov, q, SourceKind::Mx, &detail);
                return found(SourceKind::Mx, detail);
            }
            let names: Vec<&str> = hosts.iter().map(|(_, h)| h.as_str()).collect();
            none(
                SourceKind::Mx,
                q.t("discover-mx-unknown", &[("hosts", p(names.join(", ")))]),
            )
        }
        Ok(_) | Err(DnsFailure::NotFound | DnsFailure::NoAddress) => none(
            SourceKind::Mx,
            q.t("discover-mx-none", &[("domain", p(&q.domain))]),
        ),
        Err(e) => error(
            SourceKind::Mx,
            q.t(
                "discover-mx-failed",
                &[("domain", p(&q.domain)), ("error", p(e))],
            ),
        ),
    }
}

/// 2. The provider's autoconfig file.
pub(super) fn from_autoconfig(
    pool: &mut Pool,
    q: &Query,
    fetched: Result<(String, Vec<autoconfig::Outgoing>), AutoconfigMiss>,
) -> SourceOutcome {
    match fetched {
        Ok((url, servers)) => {
            let n = servers.len();
            for s in servers {
                let detail = q.t(
                    "discover-autoconfig-lists",
                    &[
                        ("url", p(&url)),
                        ("host", p(&s.host)),
                        ("port", p(s.port)),
                        ("security", p(q.mode(s.security))),
                    ],
                );
                pool.add(
                    &s.host,
                    s.port,
                    s.security,
                    s.username,
                    SourceKind::Autoconfig,
                    detail,
                );
            }
            found(
                SourceKind::Autoconfig,
                q.t(
                    "discover-autoconfig-found",
                    &[
                        ("url", p(&url)),
                        ("count", Param::Count(i64::try_from(n).unwrap_or(i64::MAX))),
                    ],
                ),
            )
        }
        Err(miss) if miss.is_benign() => none(SourceKind::Autoconfig, miss.to_string()),
        Err(miss) => error(SourceKind::Autoconfig, miss.to_string()),
    }
}

/// 3. RFC 6186 / 8314 SRV records.
pub(super) fn from_srv(
    pool: &mut Pool,
    q: &Query,
    srv: Vec<(String, Security, Vec<SrvRecord>)>,
) -> SourceOutcome {
    let mut seen = Vec::new();
    for (name, security, records) in srv {
        for r in records {
            if r.target.is_empty() {
                seen.push(q.t("discover-srv-not-offered", &[("name", p(&name))]));
                continue;
            }
            seen.push(format!("{name} → {}:{}", r.target, r.port));
            let detail = q.t(
                "discover-srv-detail",
                &[
                    ("name", p(&name)),
                    ("host", p(&r.target)),
                    ("port", p(r.port)),
                    ("priority", p(r.priority)),
                    ("weight", p(r.weight)),
                ],
            );
            pool.add(
                &r.target,
                r.port,
                security,
                q.email.clone(),
                SourceKind::Srv,
                detail,
            );
        }
    }
    if seen.is_empty() {
        none(
            SourceKind::Srv,
            q.t("discover-srv-none", &[("domain", p(&q.domain))]),
        )
    } else {
        found(SourceKind::Srv, seen.join("; "))
    }
}

/// 4. Guesses, only when no source named a server.
pub(super) fn guesses(pool: &mut Pool, q: &Query) -> SourceOutcome {
    if !pool.is_empty() {
        return SourceOutcome {
            source: SourceKind::Guess,
            status: "skipped".into(),
            detail: q.t("discover-guess-skipped", &[]),
        };
    }
    let hosts = [
        format!("smtp.{}", q.domain),
        format!("mail.{}", q.domain),
        q.domain.clone(),
    ];
    for host in &hosts {
        for (port, security) in [
            (465, Security::Tls),
            (587, Security::Starttls),
            (25, Security::Starttls),
        ] {
            let detail = q.t(
                "discover-guessed",
                &[
                    ("host", p(host)),
                    ("port", p(port)),
                    ("security", p(q.mode(security))),
                ],
            );
            pool.add(
                host,
                port,
                security,
                q.email.clone(),
                SourceKind::Guess,
                detail,
            );
        }
    }
    let count = i64::try_from(pool.order.len()).unwrap_or(i64::MAX);
    found(
        SourceKind::Guess,
        q.t("discover-guess-trying", &[("count", Param::Count(count))]),
    )
}

pub(super) fn add_provider(
    pool: &mut Pool,
    p: &providers::Provider,
    q: &Query,
    kind: SourceKind,
    detail: &str,
) {
    let username = match p.username {
        providers::UsernameRule::FullAddress => q.email.clone(),
        providers::UsernameRule::Literal(w) => Some(w.to_owned()),
        _ => None,
    };
    for e in p.endpoints {
        let text = format!(
            "{detail}: {}:{} ({})",
            p.default_host,
            e.port,
            q.mode(e.security)
        );
        pool.add(
            p.default_host,
            e.port,
            e.security,
            username.clone(),
            kind,
            text,
        );
    }
}

pub(super) async fn fetch_autoconfig(
    engine: &Engine,
    q: &Query,
    opts: &DiscoverOptions,
) -> Result<(String, Vec<autoconfig::Outgoing>), AutoconfigMiss> {
    let urls = [
        format!("https://autoconfig.{}/mail/config-v1.1.xml", q.domain),
        format!(
            "https://{}/.well-known/autoconfig/mail/config-v1.1.xml",
            q.domain
        ),
    ];
    let mut misses = Vec::new();
    for url in urls {
        let with_query = match &q.email {
            Some(e) => format!("{url}?emailaddress={}", percent_encode(e)),
            None => url.clone(),
        };
        match https::get(engine, &with_query, opts.fetch_timeout).await {
            Ok(body) => match autoconfig::parse(&body, &q.local, &q.domain) {
                Ok(servers) => return Ok((url, servers)),
                Err(e) => misses.push((url, UrlMiss::Parse(e))),
            },
            Err(e) => misses.push((url, UrlMiss::Fetch(e))),
        }
    }
    Err(AutoconfigMiss::Urls(misses))
}

pub(super) fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'.' | b'-' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub(super) async fn srv_records(
    engine: &Engine,
    domain: &str,
) -> Vec<(String, Security, Vec<SrvRecord>)> {
    let implicit = format!("_submissions._tcp.{domain}");
    let starttls = format!("_submission._tcp.{domain}");
    let (a, b) = tokio::join!(engine.dns().srv(&implicit), engine.dns().srv(&starttls));
    vec![
        (implicit, Security::Tls, a.unwrap_or_default()),
        (starttls, Security::Starttls, b.unwrap_or_default()),
    ]
}

pub(super) fn found(source: SourceKind, detail: String) -> SourceOutcome {
    SourceOutcome {
        source,
        status: "found".into(),
        detail,
    }
}

pub(super) fn none(source: SourceKind, detail: String) -> SourceOutcome {
    SourceOutcome {
        source,
        status: "none".into(),
        detail,
    }
}

pub(super) fn error(source: SourceKind, detail: String) -> SourceOutcome {
    SourceOutcome {
        source,
        status: "error".into(),
        detail,
    }
}

/// Why the autoconfig source gave no servers.
#[derive(Debug)]
pub(super) enum AutoconfigMiss {
    /// The source's share of the deadline ran out.
    TimedOut,
    /// Each URL tried, and why it gave nothing.
    Urls(Vec<(String, UrlMiss)>),
}

#[derive(Debug)]
pub(super) enum UrlMiss {
    Fetch(https::FetchError),
    Parse(autoconfig::ParseError),
}

impl AutoconfigMiss {
    /// "none" rather than "error": every URL simply had nothing (no such
    /// host, nothing listening, HTTP 404), as for most domains.
    fn is_benign(&self) -> bool {
        use https::FetchError::{Connect, NoSuchHost, Status};
        match self {
            Self::TimedOut => false,
            Self::Urls(misses) => misses.iter().all(|(_, miss)| {
                matches!(
                    miss,
                    UrlMiss::Fetch(NoSuchHost(_) | Connect(_) | Status(404))
                )
            }),
        }
    }
}

impl std::fmt::Display for AutoconfigMiss {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::TimedOut => f.write_str("no answer in time"),
            Self::Urls(misses) => {
                for (i, (url, miss)) in misses.iter().enumerate() {
                    let sep = if i == 0 { "" } else { "; " };
                    match miss {
                        UrlMiss::Fetch(e) => write!(f, "{sep}{url}: {e}")?,
                        UrlMiss::Parse(e) => write!(f, "{sep}{url}: {e}")?,
                    }
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_urls_with_nothing_there_are_benign() {
        let url = |miss| ("https://autoconfig.example.com/x".to_owned(), miss);
        let nothing = AutoconfigMiss::Urls(vec![
            url(UrlMiss::Fetch(https::FetchError::NoSuchHost(
                "autoconfig.example.com".into(),
            ))),
            url(UrlMiss::Fetch(https::FetchError::Status(404))),
        ]);
        assert!(nothing.is_benign());
        assert_eq!(
            nothing.to_string(),
            "https://autoconfig.example.com/x: autoconfig.example.com does not exist; \
             https://autoconfig.example.com/x: HTTP 404"
        );
        // A host whose name merely contains the words is not a missing host.
        let broken = AutoconfigMiss::Urls(vec![url(UrlMiss::Fetch(https::FetchError::Tls {
            host: "does-not-exist.example.com".into(),
            reason: "HTTP 404 cannot connect".into(),
        }))]);
        assert!(!broken.is_benign());
        assert!(
            !AutoconfigMiss::Urls(vec![url(UrlMiss::Parse(autoconfig::ParseError::NoSmtp))])
                .is_benign()
        );
        assert!(!AutoconfigMiss::TimedOut.is_benign());
    }
}
