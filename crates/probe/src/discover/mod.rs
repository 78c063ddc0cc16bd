//! Discovery (SPEC §4 `/v1/discover`, PROVIDERS.md "Discovery"): from an
//! address or a domain to SMTP settings that were seen working.
//!
//! Sources, in the order mail clients trust them: the built-in provider
//! table (by the address's domain, then by the domain's MX hosts), the
//! provider's autoconfig file, RFC 6186/8314 SRV records (which Thunderbird
//! never reads), and — only when none of those names a server — guesses
//! (`smtp.D`, `mail.D`, `D` on 465/TLS, 587/STARTTLS, 25/STARTTLS).
//!
//! Every candidate is then verified by the probe engine itself (connect,
//! greeting, TLS, EHLO; AUTH only when a password is given), in parallel,
//! started 100 ms apart like Thunderbird's tries, under one deadline, so
//! the total is about the slowest try plus the stagger, not their sum.
//! The same address policy applies to every connection and HTTPS fetch.
//!
//! Ranking: verified first, then implicit TLS over STARTTLS over plain,
//! then how much the source is worth; each candidate says why.

pub mod autoconfig;
pub mod https;
mod verify;

use std::collections::HashMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use smtp_doctor_core::{Code, Diagnostic, Param, Security, providers};
use tokio::time::Instant;

use crate::engine::Engine;
use crate::engine::dns::{DnsFailure, SrvRecord};

/// Time between starting two verifications (Thunderbird uses 100 ms).
pub const STAGGER: Duration = Duration::from_millis(100);
/// At most this many candidates are verified.
const MAX_CANDIDATES: usize = 16;

/// `POST /v1/discover` body.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiscoverRequest {
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub host: Option<String>,
    /// With a password, verification also logs in (never kept or logged;
    /// wiped when the request is dropped, on every path).
    #[serde(default)]
    pub password: Option<zeroize::Zeroizing<String>>,
    /// The language of the report's texts (SPEC §7.4): the service's
    /// `Accept-Language`, the CLI's `--lang`; never the body.
    #[serde(skip, default = "default_locale")]
    pub locale: &'static str,
}

fn default_locale() -> &'static str {
    smtp_doctor_core::i18n::DEFAULT_LOCALE
}

/// Where a candidate came from.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    PartialOrd,
    Ord,
    utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Provider,
    Mx,
    Autoconfig,
    Srv,
    Guess,
}

impl SourceKind {
    /// The name used in JSON and the CLI.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Provider => "provider",
            Self::Mx => "mx",
            Self::Autoconfig => "autoconfig",
            Self::Srv => "srv",
            Self::Guess => "guess",
        }
    }

    /// How much a source is worth when two verified candidates tie.
    fn confidence(self) -> u8 {
        match self {
            Self::Provider => 5,
            Self::Mx | Self::Autoconfig => 4,
            Self::Srv => 3,
            Self::Guess => 1,
        }
    }
}

/// One piece of evidence: which source, and what exactly it said.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Evidence {
    pub source: SourceKind,
    pub detail: String,
}

/// What live verification found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum VerifyStatus {
    /// Connect, greeting, TLS (if any) and EHLO (and AUTH, if asked) passed.
    Verified,
    Failed,
    /// The overall deadline came first.
    NotTried,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Verification {
    pub status: VerifyStatus,
    pub duration_ms: u64,
    /// The steps that ran, e.g. "connect", "greeting", "tls", "ehlo".
    pub passed: Vec<String>,
    /// What failed and why (the probe's own diagnostics).
    pub diagnostics: Vec<Diagnostic>,
    pub greeting: Option<String>,
    pub tls_version: Option<String>,
    pub auth_mechanisms: Vec<String>,
}

impl Verification {
    fn not_tried() -> Self {
        Self {
            status: VerifyStatus::NotTried,
            duration_ms: 0,
            passed: Vec::new(),
            diagnostics: Vec::new(),
            greeting: None,
            tls_version: None,
            auth_mechanisms: Vec::new(),
        }
    }
}

/// One set of settings to try.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Candidate {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub username: Option<String>,
    pub evidence: Vec<Evidence>,
    pub verification: Verification,
    /// Why it sits where it does.
    pub why: String,
}

/// What one source gave.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SourceOutcome {
    pub source: SourceKind,
    /// "found", "none", "skipped" or "error".
    pub status: String,
    pub detail: String,
}

/// The answer (always an answer: "nothing found" is not an error).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DiscoverReport {
    pub domain: String,
    pub email: Option<String>,
    /// At least one candidate was verified.
    pub found: bool,
    pub message: String,
    /// Findings about the discovery itself (not about a candidate): the
    /// probe's own outage, `probe.dns-unavailable`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
    /// Ranked, best first.
    pub candidates: Vec<Candidate>,
    pub sources: Vec<SourceOutcome>,
    pub duration_ms: u64,
}

/// Bad input.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DiscoverError {
    #[error("give an email address or a domain")]
    Missing,
    #[error("{0} is not an email address")]
    BadEmail(String),
    #[error("{0} is not a domain name")]
    BadDomain(String),
}

/// Knobs with defaults; tests shorten them.
#[derive(Clone, Debug)]
pub struct DiscoverOptions {
    pub stagger: Duration,
    /// For all verifications together.
    pub deadline: Duration,
    /// Per autoconfig HTTPS request.
    pub fetch_timeout: Duration,
}

impl Default for DiscoverOptions {
    fn default() -> Self {
        Self {
            stagger: STAGGER,
            deadline: Duration::from_secs(25),
            fetch_timeout: Duration::from_secs(6),
        }
    }
}

/// Progress for the event stream.
#[derive(Debug)]
pub enum Progress<'a> {
    Source(&'a SourceOutcome),
    Candidate(&'a Candidate),
}

/// The address's parts, and the language to report in.
struct Query {
    local: String,
    domain: String,
    email: Option<String>,
    locale: &'static str,
}

impl Query {
    /// A text of the catalog in the report's language.
    fn t(&self, id: &str, args: &[(&str, Param)]) -> String {
        smtp_doctor_core::i18n::catalog(self.locale).text(id, None, args)
    }

    /// A security mode as the report's language writes it.
    fn mode(&self, s: Security) -> String {
        self.t(&format!("security-{}", s.as_str()), &[])
    }
}

/// A text param (the catalog's arguments).
fn p(value: impl std::fmt::Display) -> Param {
    Param::Text(value.to_string())
}

/// Checks the input without doing any work: what `discover` would refuse.
/// Returns the domain it would look at (IDNA-mapped, lowercase, no
/// trailing dot), one spelling per domain.
pub fn check_request(req: &DiscoverRequest) -> Result<String, DiscoverError> {
    query(req).map(|q| q.domain)
}

fn query(req: &DiscoverRequest) -> Result<Query, DiscoverError> {
    if let Some(email) = req
        .email
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        let m = smtp_doctor_core::mailbox::parse_mailbox(email)
            .map_err(|_| DiscoverError::BadEmail(email.to_owned()))?;
        let address = m.address();
        let (local, _) = address.rsplit_once('@').unwrap_or((&address, ""));
        return Ok(Query {
            local: local.to_owned(),
            domain: domain_name(&m.domain_lower())?,
            email: Some(address.clone()),
            locale: req.locale,
        });
    }
    let host = req
        .host
        .as_deref()
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .ok_or(DiscoverError::Missing)?;
    Ok(Query {
        local: String::new(),
        domain: domain_name(host)?,
        email: None,
        locale: req.locale,
    })
}

/// A DNS name with at least two labels (IDNA mapped), or an error.
fn domain_name(text: &str) -> Result<String, DiscoverError> {
    let host = smtp_doctor_core::hostname::parse_host(text)
        .map_err(|_| DiscoverError::BadDomain(text.to_owned()))?;
    let name = host
        .name()
        .filter(|n| n.contains('.'))
        .ok_or_else(|| DiscoverError::BadDomain(text.to_owned()))?;
    Ok(name.trim_end_matches('.').to_ascii_lowercase())
}

type Key = (String, u16, Security);

/// Candidates keyed by (host, port, security), evidence merged.
#[derive(Default)]
struct Pool {
    order: Vec<Key>,
    /// Username (first one given) and evidence per key.
    by_key: HashMap<Key, (Option<String>, Vec<Evidence>)>,
}

impl Pool {
    fn add(
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

    fn into_candidates(mut self) -> Vec<Candidate> {
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

    fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

/// Runs discovery; `on_progress` sees each source and each verified
/// candidate as it is known.
pub async fn discover(
    engine: &Engine,
    req: &DiscoverRequest,
    opts: &DiscoverOptions,
    on_progress: &mut (dyn FnMut(Progress<'_>) + Send),
) -> Result<DiscoverReport, DiscoverError> {
    let q = query(req)?;
    let started = Instant::now();
    // One deadline for everything (SPEC §7.3): the sources get at most
    // half of it, verification the rest.
    let deadline = started + opts.deadline;
    let sources_by = started + opts.deadline / 2;
    // Whether the resolver answers at all is asked beside the sources, so
    // telling our outage from the domain's costs no time.
    let ((pool, sources), resolver_answers) = tokio::join!(
        gather(engine, &q, opts, sources_by, on_progress),
        engine
            .dns()
            .resolver_answers(sources_by.saturating_duration_since(Instant::now()))
    );
    let mut planned = pool.into_candidates();
    planned.sort_by_key(prior_key);
    planned.truncate(MAX_CANDIDATES);
    verify::run(
        engine,
        &mut planned,
        req.password.as_ref().map(|p| p.as_str()),
        &q,
        deadline,
        opts.stagger,
        on_progress,
    )
    .await;
    planned.sort_by_key(final_key);
    for c in &mut planned {
        c.why = why(&q, c);
    }
    let found = planned
        .first()
        .is_some_and(|c| c.verification.status == VerifyStatus::Verified);
    // Our own outage is never reported as facts about the customer's
    // domain (SPEC §7.1 `probe.`): if a source failed, ask whether the
    // resolver answers at all.
    let outage = !found && sources.iter().any(|s| s.status == "error") && !resolver_answers;
    let (message, diagnostics) = if outage {
        let mut ours = vec![Diagnostic::new(Code::ProbeDnsUnavailable)];
        smtp_doctor_core::i18n::localize(&mut ours, q.locale);
        (q.t("discover-outage", &[]), ours)
    } else {
        (
            conclusion(&q, &planned, found, req.password.is_some()),
            Vec::new(),
        )
    };
    Ok(DiscoverReport {
        domain: q.domain,
        email: q.email,
        found,
        message,
        diagnostics,
        candidates: planned,
        sources,
        duration_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
    })
}

/// Asks every source (MX, autoconfig and SRV at once), in trust order.
async fn gather(
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
    let autoconfig = autoconfig.unwrap_or_else(|_| Err("no answer in time".to_owned()));
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
fn from_table(pool: &mut Pool, q: &Query) -> SourceOutcome {
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
fn from_mx(
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
fn from_autoconfig(
    pool: &mut Pool,
    q: &Query,
    fetched: Result<(String, Vec<autoconfig::Outgoing>), String>,
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
        Err(detail) => none_or_error(SourceKind::Autoconfig, &detail),
    }
}

/// 3. RFC 6186 / 8314 SRV records.
fn from_srv(
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
fn guesses(pool: &mut Pool, q: &Query) -> SourceOutcome {
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

fn conclusion(q: &Query, planned: &[Candidate], found: bool, with_auth: bool) -> String {
    let only_guesses = planned
        .iter()
        .all(|c| c.evidence.iter().all(|e| e.source == SourceKind::Guess));
    let domain = ("domain", p(&q.domain));
    match planned.first() {
        Some(best) if found => {
            let login = match (
                with_auth,
                best.verification.passed.iter().any(|s| s == "auth"),
            ) {
                (true, true) => "yes",
                (true, false) => "untried",
                _ => "no",
            };
            q.t(
                "discover-works",
                &[
                    ("host", p(&best.host)),
                    ("port", p(best.port)),
                    ("security", p(q.mode(best.security))),
                    ("login", p(login)),
                    domain,
                ],
            )
        }
        Some(_) if !only_guesses => {
            let count = i64::try_from(planned.len()).unwrap_or(i64::MAX);
            q.t(
                "discover-none-answered",
                &[("count", Param::Count(count)), domain],
            )
        }
        _ => q.t("discover-nothing", &[domain]),
    }
}

fn add_provider(
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

async fn fetch_autoconfig(
    engine: &Engine,
    q: &Query,
    opts: &DiscoverOptions,
) -> Result<(String, Vec<autoconfig::Outgoing>), String> {
    let urls = [
        format!("https://autoconfig.{}/mail/config-v1.1.xml", q.domain),
        format!(
            "https://{}/.well-known/autoconfig/mail/config-v1.1.xml",
            q.domain
        ),
    ];
    let mut why = Vec::new();
    for url in urls {
        let with_query = match &q.email {
            Some(e) => format!("{url}?emailaddress={}", percent_encode(e)),
            None => url.clone(),
        };
        match https::get(engine, &with_query, opts.fetch_timeout).await {
            Ok(body) => match autoconfig::parse(&body, &q.local, &q.domain) {
                Ok(servers) => return Ok((url, servers)),
                Err(e) => why.push(format!("{url}: {e}")),
            },
            Err(e) => why.push(format!("{url}: {e}")),
        }
    }
    Err(why.join("; "))
}

fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'.' | b'-' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

async fn srv_records(engine: &Engine, domain: &str) -> Vec<(String, Security, Vec<SrvRecord>)> {
    let implicit = format!("_submissions._tcp.{domain}");
    let starttls = format!("_submission._tcp.{domain}");
    let (a, b) = tokio::join!(engine.dns().srv(&implicit), engine.dns().srv(&starttls));
    vec![
        (implicit, Security::Tls, a.unwrap_or_default()),
        (starttls, Security::Starttls, b.unwrap_or_default()),
    ]
}

fn security_rank(s: Security) -> u8 {
    match s {
        Security::Tls => 0,
        Security::Starttls => 1,
        Security::None => 2,
    }
}

fn confidence(c: &Candidate) -> u8 {
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
fn prior_key(c: &Candidate) -> (std::cmp::Reverse<u8>, u8) {
    (std::cmp::Reverse(confidence(c)), security_rank(c.security))
}

/// The ranking: verified, then implicit TLS > STARTTLS > plain, then source.
fn final_key(c: &Candidate) -> (u8, u8, std::cmp::Reverse<u8>) {
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

fn why(q: &Query, c: &Candidate) -> String {
    let verification = match c.verification.status {
        VerifyStatus::Verified => q.t(
            "discover-verified",
            &[("checks", p(c.verification.passed.join(", ")))],
        ),
        VerifyStatus::Failed => match c
            .verification
            .diagnostics
            .iter()
            .find(|d| d.severity == smtp_doctor_core::Severity::Error)
        {
            Some(d) => q.t(
                "discover-not-verified-because",
                &[("reason", p(&d.message)), ("code", p(d.code))],
            ),
            None => q.t("discover-not-verified", &[]),
        },
        VerifyStatus::NotTried => q.t("discover-not-tried", &[]),
    };
    let mut kinds: Vec<SourceKind> = c.evidence.iter().map(|e| e.source).collect();
    kinds.dedup();
    let from = kinds
        .iter()
        .map(|k| {
            let id = match k {
                SourceKind::Provider => "ui-source-provider",
                SourceKind::Mx => "ui-source-mx",
                SourceKind::Autoconfig => "ui-source-autoconfig",
                SourceKind::Srv => "ui-source-srv",
                SourceKind::Guess => "ui-source-guess",
            };
            q.t(id, &[])
        })
        .collect::<Vec<_>>()
        .join(", ");
    q.t(
        "discover-why",
        &[
            ("verification", p(verification)),
            ("security", p(q.mode(c.security))),
            ("sources", p(from)),
        ],
    )
}

fn found(source: SourceKind, detail: String) -> SourceOutcome {
    SourceOutcome {
        source,
        status: "found".into(),
        detail,
    }
}

fn none(source: SourceKind, detail: String) -> SourceOutcome {
    SourceOutcome {
        source,
        status: "none".into(),
        detail,
    }
}

fn error(source: SourceKind, detail: String) -> SourceOutcome {
    SourceOutcome {
        source,
        status: "error".into(),
        detail,
    }
}

/// "none" when every URL simply had nothing (no host, 404), else "error".
fn none_or_error(source: SourceKind, detail: &str) -> SourceOutcome {
    let benign = detail.split("; ").all(|d| {
        d.contains("does not exist") || d.contains("HTTP 404") || d.contains("cannot connect")
    });
    if benign {
        none(source, detail.to_owned())
    } else {
        error(source, detail.to_owned())
    }
}
