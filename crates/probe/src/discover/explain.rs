//! The words of a discovery: the conclusion at the top, and why each
//! candidate stands where it does.

use smtp_doctor_core::Param;

use super::{Candidate, Query, SourceKind, VerifyStatus, p};

pub(super) fn conclusion(q: &Query, planned: &[Candidate], found: bool, with_auth: bool) -> String {
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

pub(super) fn why(q: &Query, c: &Candidate) -> String {
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
