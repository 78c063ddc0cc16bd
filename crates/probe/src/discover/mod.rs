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
mod explain;
pub use crate::https;
mod rank;
mod report;
mod sources;
mod verify;

use explain::{conclusion, why};
use rank::{final_key, prior_key};
use sources::gather;

pub use report::{
    Candidate, DiscoverError, DiscoverReport, Evidence, SourceKind, SourceOutcome, Verification,
    VerifyStatus,
};

use std::time::Duration;

use serde::Deserialize;
use smtp_doctor_core::{Code, Diagnostic, Param, Security};
use tokio::time::Instant;

use crate::engine::Engine;

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
