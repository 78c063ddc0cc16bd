//! What a monitor remembers of a connection and what it says when that
//! changes (SPEC §4 `/v1/monitors`, issue 30).
//!
//! A monitor runs the credential-free checks on a schedule; each report is
//! boiled down to an [`Observation`] — does the chosen mode and port work,
//! which certificate, which AUTH mechanisms, which addresses, what the
//! sending domain's records say, which dated retirement applies — and
//! [`changes`] compares it with the last one. Each [`Change`] carries the
//! diagnostics of today's registry, so an integrator shows the same words
//! as the page. Pure: the caller passes the time (core has no clock).
//!
//! Warnings that count down (a certificate's expiry, a provider's dated
//! retirement) fire once per threshold: the observation remembers the
//! lowest threshold already announced, and a new certificate starts over.

use serde::{Deserialize, Serialize};

use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::report::{Report, StepKind, StepStatus};
use crate::vocabulary::Severity;

/// Days before a certificate's end at which a monitor warns.
pub const CERTIFICATE_THRESHOLDS: [i64; 3] = [14, 7, 1];
/// Days before a provider's dated retirement at which a monitor warns.
pub const RETIREMENT_THRESHOLDS: [i64; 4] = [30, 14, 7, 1];

/// One check's outcome, as the next check compares it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Observation {
    /// Unix seconds.
    pub at: u64,
    /// The chosen mode and port work: no step up to EHLO after TLS failed.
    pub works: bool,
    /// The errors that stopped it, when it does not work.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub failing: Vec<Code>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<SeenCertificate>,
    /// The AUTH mechanisms offered (upper case, sorted).
    pub mechanisms: Vec<String>,
    /// The addresses the host resolved to (sorted).
    pub addresses: Vec<String>,
    /// The sending domain's warnings and errors, when it was checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<Vec<Code>>,
    /// A provider's dated end of password logins that applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retirement: Option<Retirement>,
}

/// The certificate a check saw.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SeenCertificate {
    pub subject: String,
    pub issuer: String,
    pub not_before: String,
    pub not_after: String,
    /// The lowest of [`CERTIFICATE_THRESHOLDS`] already announced for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warned: Option<i64>,
}

impl SeenCertificate {
    fn same(&self, other: &Self) -> bool {
        (
            &self.subject,
            &self.issuer,
            &self.not_before,
            &self.not_after,
        ) == (
            &other.subject,
            &other.issuer,
            &other.not_before,
            &other.not_after,
        )
    }
}

/// A dated retirement (`YYYY-MM-DD`) and the lowest of
/// [`RETIREMENT_THRESHOLDS`] already announced.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Retirement {
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warned: Option<i64>,
}

/// What changed since the last check: one webhook event each.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    /// The event's type (`monitor.certificate-expiring`, …).
    #[serde(rename = "type")]
    pub kind: ChangeKind,
    /// Today's registry's words for it (English; the service localizes).
    pub diagnostics: Vec<Diagnostic>,
}

/// The kinds of change, as webhook event types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChangeKind {
    /// The certificate ends within 14, 7 or 1 days (or has ended).
    #[serde(rename = "monitor.certificate-expiring")]
    CertificateExpiring,
    #[serde(rename = "monitor.certificate-replaced")]
    CertificateReplaced,
    /// The chosen mode or port stopped working.
    #[serde(rename = "monitor.connection-failed")]
    ConnectionFailed,
    /// It works again.
    #[serde(rename = "monitor.connection-restored")]
    ConnectionRestored,
    /// An AUTH mechanism offered before is gone.
    #[serde(rename = "monitor.auth-mechanism-withdrawn")]
    AuthMechanismWithdrawn,
    /// The host resolves to other addresses.
    #[serde(rename = "monitor.dns-changed")]
    DnsChanged,
    /// The sending domain's records gained a problem.
    #[serde(rename = "monitor.domain-changed")]
    DomainChanged,
    /// A provider's dated end of password logins is 30, 14, 7 or 1 days
    /// away (or here).
    #[serde(rename = "monitor.retirement-approaching")]
    RetirementApproaching,
}

impl ChangeKind {
    pub const ALL: [Self; 8] = [
        Self::CertificateExpiring,
        Self::CertificateReplaced,
        Self::ConnectionFailed,
        Self::ConnectionRestored,
        Self::AuthMechanismWithdrawn,
        Self::DnsChanged,
        Self::DomainChanged,
        Self::RetirementApproaching,
    ];

    /// The event type's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CertificateExpiring => "monitor.certificate-expiring",
            Self::CertificateReplaced => "monitor.certificate-replaced",
            Self::ConnectionFailed => "monitor.connection-failed",
            Self::ConnectionRestored => "monitor.connection-restored",
            Self::AuthMechanismWithdrawn => "monitor.auth-mechanism-withdrawn",
            Self::DnsChanged => "monitor.dns-changed",
            Self::DomainChanged => "monitor.domain-changed",
            Self::RetirementApproaching => "monitor.retirement-approaching",
        }
    }
}

/// The steps whose failure means the chosen mode or port stopped working.
const SESSION: [StepKind; 5] = [
    StepKind::Dns,
    StepKind::Connect,
    StepKind::Greeting,
    StepKind::Ehlo,
    StepKind::Tls,
];

impl Observation {
    /// What a credential-free report at `now` (Unix seconds) shows.
    pub fn of(report: &Report, now: u64) -> Self {
        let failed: Vec<_> = report
            .steps
            .iter()
            .filter(|s| SESSION.contains(&s.step) && s.status == StepStatus::Fail)
            .collect();
        let failing = failed
            .iter()
            .flat_map(|s| s.diagnostics.iter())
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.code)
            .collect();
        let certificate = report
            .server
            .tls
            .as_ref()
            .and_then(|t| t.certificate.as_ref())
            .map(|c| SeenCertificate {
                subject: c.subject.clone(),
                issuer: c.issuer.clone(),
                not_before: c.not_before.clone(),
                not_after: c.not_after.clone(),
                warned: None,
            });
        let mut mechanisms: Vec<String> = report
            .server
            .auth_mechanisms
            .iter()
            .map(|m| m.to_ascii_uppercase())
            .collect();
        mechanisms.sort();
        mechanisms.dedup();
        let mut addresses = report.target.addresses.clone();
        addresses.sort();
        let domain = report
            .steps
            .iter()
            .find(|s| s.step == StepKind::Domain && s.status != StepStatus::Skipped)
            .map(|s| {
                let mut codes: Vec<Code> = s
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity >= Severity::Warning)
                    .map(|d| d.code)
                    .collect();
                codes.sort();
                codes.dedup();
                codes
            });
        let retirement = report
            .diagnostics
            .iter()
            .find(|d| d.code == Code::AuthOauthRequired && d.severity == Severity::Warning)
            .and_then(|d| d.params.get("date"))
            .map(|date| Retirement {
                date: date.to_string(),
                warned: None,
            });
        Self {
            at: now,
            works: failed.is_empty(),
            failing,
            certificate,
            mechanisms,
            addresses,
            domain,
            retirement,
        }
    }
}

/// What changed from `before` (`None`: the first check) to `now`, which
/// takes over the thresholds already announced. `report` is the check's
/// report (its diagnostics are the evidence).
pub fn changes(
    before: Option<&Observation>,
    now: &mut Observation,
    report: &Report,
) -> Vec<Change> {
    carry_forward(before, now);
    let mut out = Vec::new();
    let change = |kind, diagnostics| Change { kind, diagnostics };
    let was_working = before.is_none_or(|b| b.works);
    if was_working && !now.works {
        out.push(change(ChangeKind::ConnectionFailed, session_errors(report)));
    } else if !was_working && now.works {
        out.push(change(ChangeKind::ConnectionRestored, Vec::new()));
    }
    certificate_changes(before, now, report, &mut out);
    // Against the last server seen (carried over an outage).
    if let Some(b) = before.filter(|_| now.works) {
        let withdrawn: Vec<&str> = b
            .mechanisms
            .iter()
            .filter(|m| !now.mechanisms.contains(m))
            .map(String::as_str)
            .collect();
        if !withdrawn.is_empty() {
            let offered = if now.mechanisms.is_empty() {
                "—".to_owned()
            } else {
                now.mechanisms.join(", ")
            };
            out.push(change(
                ChangeKind::AuthMechanismWithdrawn,
                vec![
                    Diagnostic::new(Code::AuthMechanismWithdrawn)
                        .param("withdrawn", withdrawn.join(", "))
                        .param("offered", offered),
                ],
            ));
        }
        if !b.addresses.is_empty() && !now.addresses.is_empty() && b.addresses != now.addresses {
            out.push(change(
                ChangeKind::DnsChanged,
                vec![
                    Diagnostic::new(Code::DnsAddressChanged)
                        .param("host", report.target.host.as_str())
                        .param("before", b.addresses.join(", "))
                        .param("after", now.addresses.join(", ")),
                ],
            ));
        }
    }
    if let Some(codes) = &now.domain {
        let known = before.and_then(|b| b.domain.as_deref()).unwrap_or_default();
        let new: Vec<Diagnostic> = report
            .steps
            .iter()
            .filter(|s| s.step == StepKind::Domain)
            .flat_map(|s| s.diagnostics.iter())
            .filter(|d| codes.contains(&d.code) && !known.contains(&d.code))
            .cloned()
            .collect();
        if !new.is_empty() {
            out.push(change(ChangeKind::DomainChanged, new));
        }
    }
    retirement_changes(before, now, report, &mut out);
    out
}

/// What a check that could not see it keeps of the last one: the
/// certificate, and when the connection failed the mechanisms, addresses
/// and domain findings, so that the check after an outage compares with
/// the last server seen (a renewal during the outage is still news, and
/// a threshold already announced is not announced again).
fn carry_forward(before: Option<&Observation>, now: &mut Observation) {
    let Some(b) = before else { return };
    if now.certificate.is_none() {
        now.certificate.clone_from(&b.certificate);
    }
    if !now.works {
        if now.mechanisms.is_empty() {
            now.mechanisms.clone_from(&b.mechanisms);
        }
        if now.addresses.is_empty() {
            now.addresses.clone_from(&b.addresses);
        }
        if now.domain.is_none() {
            now.domain.clone_from(&b.domain);
        }
    }
}

/// The session's errors, as the report gave them.
fn session_errors(report: &Report) -> Vec<Diagnostic> {
    report
        .steps
        .iter()
        .filter(|s| SESSION.contains(&s.step) && s.status == StepStatus::Fail)
        .flat_map(|s| s.diagnostics.iter())
        .filter(|d| d.severity == Severity::Error)
        .cloned()
        .collect()
}

fn certificate_changes(
    before: Option<&Observation>,
    now: &mut Observation,
    report: &Report,
    out: &mut Vec<Change>,
) {
    let day = i64::try_from(now.at / 86_400).unwrap_or(i64::MAX);
    let Some(cert) = now.certificate.as_mut() else {
        return;
    };
    let previous = before.and_then(|b| b.certificate.as_ref());
    match previous {
        Some(p) if p.same(cert) => cert.warned = p.warned,
        Some(_) => out.push(Change {
            kind: ChangeKind::CertificateReplaced,
            diagnostics: vec![
                Diagnostic::new(Code::TlsCertReplaced)
                    .param("issuer", cert.issuer.as_str())
                    .param("not-after", cert.not_after.as_str()),
            ],
        }),
        None => {}
    }
    let Some(end) = rfc3339_day(&cert.not_after) else {
        return;
    };
    let left = end - day;
    let Some(threshold) = crossed(&CERTIFICATE_THRESHOLDS, left, cert.warned) else {
        return;
    };
    cert.warned = Some(threshold);
    let tls = report.steps.iter().find(|s| s.step == StepKind::Tls);
    let expired = tls
        .iter()
        .flat_map(|s| s.diagnostics.iter())
        .find(|d| d.code == Code::TlsCertExpired)
        .cloned();
    let diagnostic = expired.unwrap_or_else(|| {
        Diagnostic::new(Code::TlsCertExpiring)
            .param("days", crate::Param::Count(left.max(0)))
            .param("not-after", cert.not_after.as_str())
    });
    out.push(Change {
        kind: ChangeKind::CertificateExpiring,
        diagnostics: vec![diagnostic],
    });
}

fn retirement_changes(
    before: Option<&Observation>,
    now: &mut Observation,
    report: &Report,
    out: &mut Vec<Change>,
) {
    let day = i64::try_from(now.at / 86_400).unwrap_or(i64::MAX);
    let Some(retirement) = now.retirement.as_mut() else {
        return;
    };
    if let Some(b) = before
        .and_then(|b| b.retirement.as_ref())
        .filter(|b| b.date == retirement.date)
    {
        retirement.warned = b.warned;
    }
    let Some(date) = rfc3339_day(&format!("{}T00:00:00Z", retirement.date)) else {
        return;
    };
    let Some(threshold) = crossed(&RETIREMENT_THRESHOLDS, date - day, retirement.warned) else {
        return;
    };
    retirement.warned = Some(threshold);
    let diagnostics = report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::AuthOauthRequired)
        .cloned()
        .collect();
    out.push(Change {
        kind: ChangeKind::RetirementApproaching,
        diagnostics,
    });
}

/// The threshold `left` days have reached that is lower than the one
/// already announced (`warned`), if any: the smallest one `left` is
/// within, so a check that skipped a threshold announces the lower one
/// once. At or past the end (`left <= 0`) the threshold is 0.
fn crossed(thresholds: &[i64], left: i64, warned: Option<i64>) -> Option<i64> {
    let reached = if left <= 0 {
        0
    } else {
        thresholds.iter().copied().filter(|&t| left <= t).min()?
    };
    warned.is_none_or(|w| reached < w).then_some(reached)
}

/// The day (days since 1970-01-01) of an RFC 3339 time
/// (`2026-12-14T20:31:00Z`); the date part is what counts.
pub fn rfc3339_day(text: &str) -> Option<i64> {
    let date = text.get(..10)?;
    let mut parts = date.split('-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: i64 = parts.next()?.parse().ok()?;
    let day: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    // Howard Hinnant's days_from_civil, the inverse of `token::date_of`.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Certificate, ServerInfo, Step, Target, TlsInfo};

    const DAY: u64 = 86_400;

    fn report(works: bool, not_after: &str, mechanisms: &[&str], addresses: &[&str]) -> Report {
        let status = if works {
            StepStatus::Pass
        } else {
            StepStatus::Fail
        };
        let diagnostics = if works {
            Vec::new()
        } else {
            vec![Diagnostic::new(Code::TcpRefused)]
        };
        Report {
            target: Target {
                host: "smtp.example.com".into(),
                addresses: addresses.iter().map(|a| (*a).to_owned()).collect(),
                ..Target::default()
            },
            steps: vec![Step {
                step: StepKind::Connect,
                status,
                duration_ms: 1,
                diagnostics,
            }],
            server: ServerInfo {
                auth_mechanisms: mechanisms.iter().map(|m| (*m).to_owned()).collect(),
                tls: works.then(|| TlsInfo {
                    certificate: Some(Certificate {
                        subject: "CN=smtp.example.com".into(),
                        issuer: "CN=R11".into(),
                        not_before: "2026-10-01T00:00:00Z".into(),
                        not_after: not_after.into(),
                        ..Certificate::default()
                    }),
                    ..TlsInfo::default()
                }),
                ..ServerInfo::default()
            },
            ..Report::default()
        }
    }

    /// Runs the checks in order; the event types of each.
    fn run(checks: &[(u64, Report)]) -> Vec<Vec<&'static str>> {
        let mut last: Option<Observation> = None;
        checks
            .iter()
            .map(|(at, r)| {
                let mut now = Observation::of(r, *at);
                let c = changes(last.as_ref(), &mut now, r);
                last = Some(now);
                c.iter().map(|c| c.kind.as_str()).collect()
            })
            .collect()
    }

    #[test]
    fn days_are_counted_as_the_token_module_writes_them() {
        for day in [0, 1, 59, 365, 20_000, 20_794] {
            let text = crate::token::date_of(day * DAY);
            assert_eq!(rfc3339_day(&text), i64::try_from(day).ok(), "{text}");
        }
        assert_eq!(rfc3339_day("2026-13-01"), None);
        assert_eq!(rfc3339_day("garbage"), None);
    }

    #[test]
    fn a_certificate_counts_down_once_per_threshold_and_a_new_one_starts_over() {
        // 2026-12-07 is day 20794.
        let day = |d: u64| (20_794 + d) * DAY + 3600;
        let end = "2026-12-27T00:00:00Z"; // 20 days after day 0
        let renewed = "2027-03-01T00:00:00Z";
        let m = ["LOGIN", "PLAIN"];
        let a = ["192.0.2.10"];
        let events = run(&[
            (day(0), report(true, end, &m, &a)),
            (day(7), report(true, end, &m, &a)),  // 13 left: 14
            (day(8), report(true, end, &m, &a)),  // 12 left: nothing new
            (day(15), report(true, end, &m, &a)), // 5 left: 7
            (day(19), report(true, end, &m, &a)), // 1 left: 1
            (day(19), report(true, end, &m, &a)),
            (day(20), report(true, renewed, &m, &a)),
        ]);
        assert_eq!(
            events,
            [
                vec![],
                vec!["monitor.certificate-expiring"],
                vec![],
                vec!["monitor.certificate-expiring"],
                vec!["monitor.certificate-expiring"],
                vec![],
                vec!["monitor.certificate-replaced"],
            ]
        );
        // The first check of a certificate 5 days from its end warns once.
        let first = run(&[
            (day(15), report(true, end, &m, &a)),
            (day(16), report(true, end, &m, &a)),
        ]);
        assert_eq!(first, [vec!["monitor.certificate-expiring"], vec![]]);
    }

    #[test]
    fn each_change_is_named_with_the_registry_s_codes() {
        let day = |d: u64| (20_794 + d) * DAY;
        let end = "2027-06-01T00:00:00Z";
        let before = report(true, end, &["LOGIN", "PLAIN", "XOAUTH2"], &["192.0.2.10"]);
        let mut b = Observation::of(&before, day(0));
        assert!(changes(None, &mut b, &before).is_empty());
        let after = report(true, end, &["XOAUTH2"], &["198.51.100.7"]);
        let mut a = Observation::of(&after, day(1));
        let c = changes(Some(&b), &mut a, &after);
        let kinds: Vec<_> = c.iter().map(|c| c.kind).collect();
        assert_eq!(
            kinds,
            [ChangeKind::AuthMechanismWithdrawn, ChangeKind::DnsChanged]
        );
        let withdrawn = &c[0].diagnostics[0];
        assert_eq!(withdrawn.code, Code::AuthMechanismWithdrawn);
        assert_eq!(
            withdrawn.params.get("withdrawn").unwrap().to_string(),
            "LOGIN, PLAIN"
        );
        assert_eq!(
            withdrawn.params.get("offered").unwrap().to_string(),
            "XOAUTH2"
        );
        // The port closes: the connection fails, with the session's error;
        // nothing else is compared against a session that did not happen.
        let closed = report(false, end, &[], &["198.51.100.7"]);
        let mut c2 = Observation::of(&closed, day(2));
        let c = changes(Some(&a), &mut c2, &closed);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].kind, ChangeKind::ConnectionFailed);
        assert_eq!(c[0].diagnostics[0].code, Code::TcpRefused);
        // Still closed: no new event. Open again: restored, once.
        let mut c3 = Observation::of(&closed, day(3));
        assert!(changes(Some(&c2), &mut c3, &closed).is_empty());
        let mut c4 = Observation::of(&after, day(4));
        let kinds: Vec<_> = changes(Some(&c3), &mut c4, &after)
            .iter()
            .map(|c| c.kind)
            .collect();
        assert_eq!(kinds, [ChangeKind::ConnectionRestored]);
    }

    #[test]
    fn after_an_outage_the_server_is_compared_with_the_last_one_seen() {
        let day = |d: u64| (20_794 + d) * DAY;
        let end = "2026-12-17T00:00:00Z"; // 10 days after day 0
        let m = ["LOGIN", "PLAIN"];
        let a = ["192.0.2.10"];
        let events = run(&[
            (day(0), report(true, end, &m, &a)), // 10 left: 14
            (day(1), report(false, end, &[], &[])),
            (day(2), report(true, end, &m, &a)),
            (day(3), report(false, end, &[], &[])),
            (day(4), report(true, "2027-06-01T00:00:00Z", &["LOGIN"], &a)),
        ]);
        assert_eq!(
            events,
            [
                vec!["monitor.certificate-expiring"],
                vec!["monitor.connection-failed"],
                // Back, the same certificate: its 14-day warning was given.
                vec!["monitor.connection-restored"],
                // Down on the day the last certificate seen reaches 7 days:
                // that is still worth saying.
                vec!["monitor.connection-failed", "monitor.certificate-expiring"],
                // Renewed and PLAIN gone while it was down: both are news.
                vec![
                    "monitor.connection-restored",
                    "monitor.certificate-replaced",
                    "monitor.auth-mechanism-withdrawn"
                ],
            ]
        );
    }

    #[test]
    fn a_dated_retirement_is_announced_at_30_14_7_and_1_days() {
        let mut r = report(true, "2030-01-01T00:00:00Z", &["LOGIN"], &["192.0.2.1"]);
        r.diagnostics.push(
            Diagnostic::new(Code::AuthOauthRequired)
                .severity(Severity::Warning)
                .case("retiring")
                .param("date", "2027-01-31"),
        );
        // 2027-01-31 is day 20849.
        let at = |left: u64| (20_849 - left) * DAY;
        let events = run(&[
            (at(40), r.clone()),
            (at(29), r.clone()),
            (at(20), r.clone()),
            (at(6), r.clone()),
            (at(0), r.clone()),
        ]);
        let n: Vec<usize> = events.iter().map(Vec::len).collect();
        assert_eq!(n, [0, 1, 0, 1, 1]);
        assert_eq!(events[1], ["monitor.retirement-approaching"]);
    }

    #[test]
    fn crossing_a_threshold() {
        let t = &CERTIFICATE_THRESHOLDS;
        assert_eq!(crossed(t, 20, None), None);
        assert_eq!(crossed(t, 14, None), Some(14));
        assert_eq!(crossed(t, 10, Some(14)), None);
        assert_eq!(crossed(t, 5, Some(14)), Some(7));
        assert_eq!(crossed(t, 0, Some(1)), Some(0));
        assert_eq!(crossed(t, -3, Some(0)), None);
    }
}
