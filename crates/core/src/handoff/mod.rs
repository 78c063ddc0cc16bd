//! The hand-off: a probe report split by who must act (SPEC §3's actor),
//! each section with exactly what to do and its evidence — the server's
//! words, the records to publish, the certificate's names and dates.
//!
//! The customer filling in a settings form is often not the one who can
//! fix it: their IT administrator allows the addresses, turns SMTP AUTH
//! on or renews the certificate; whoever runs DNS publishes SPF, DKIM and
//! DMARC. This is what they are sent. It holds only what the report holds
//! after the probe's redaction, and never the transcript.

#[cfg(feature = "catalog")]
mod html;
mod share;

#[cfg(feature = "catalog")]
pub use html::{Page, SCRIPT, STYLE, html};
pub use share::{MAX_SHARED_BYTES, shareable};

use crate::report::{Certificate, Report};
use crate::{Actor, Diagnostic, Severity};

/// The order sections are shown in: those the customer must ask first.
pub const ORDER: [Actor; 4] = [
    Actor::ItAdmin,
    Actor::DnsAdmin,
    Actor::Provider,
    Actor::Customer,
];

/// What one person must do.
#[derive(Debug)]
pub struct Section<'r> {
    pub actor: Actor,
    /// The errors and warnings that are theirs (and records to publish),
    /// most severe first.
    pub findings: Vec<&'r Diagnostic>,
    /// The server's certificate, when a finding is about it.
    pub certificate: Option<&'r Certificate>,
}

/// The report's errors, warnings and records to publish by who must
/// act, in [`ORDER`];
/// the test service's own problems (`probe.*`) are nobody's to hand on.
pub fn sections(report: &Report) -> Vec<Section<'_>> {
    let mut all: Vec<&Diagnostic> = Vec::new();
    let everything = report
        .diagnostics
        .iter()
        .chain(report.steps.iter().flat_map(|s| &s.diagnostics));
    // An info is handed on only with a record to publish (a DMARC
    // policy to start with): the rest is nobody's work.
    let work = |d: &&Diagnostic| d.severity != Severity::Info || d.params.get("record").is_some();
    for d in everything.filter(work) {
        if !all.contains(&d) {
            all.push(d);
        }
    }
    all.sort_by_key(|d| std::cmp::Reverse(d.severity));
    let certificate = report
        .server
        .tls
        .as_ref()
        .and_then(|t| t.certificate.as_ref());
    ORDER
        .iter()
        .filter_map(|actor| {
            let findings: Vec<&Diagnostic> =
                all.iter().copied().filter(|d| d.actor == *actor).collect();
            let about_certificate = findings
                .iter()
                .any(|d| d.code.as_str().starts_with("tls.cert"));
            (!findings.is_empty()).then(|| Section {
                actor: *actor,
                findings,
                certificate: certificate.filter(|_| about_certificate),
            })
        })
        .collect()
}

/// What was tested, as a title names it: `host:port (STARTTLS)`.
#[cfg(feature = "catalog")]
fn target_label(report: &Report, locale: &str) -> String {
    let catalog = crate::i18n::catalog(locale);
    match (report.target.port, report.target.security) {
        (Some(port), Some(security)) => format!(
            "{}:{port} ({})",
            report.target.host,
            catalog.text(&format!("security-{}", security.as_str()), None, &[])
        ),
        (Some(port), None) => format!("{}:{port}", report.target.host),
        _ => report.target.host.clone(),
    }
}

/// The certificate a section is about, in one line of `locale`.
#[cfg(feature = "catalog")]
fn certificate_line(c: &Certificate, locale: &str) -> String {
    use crate::Param;
    crate::i18n::catalog(locale).text(
        "ui-handoff-certificate",
        None,
        &[
            ("subject", Param::Text(c.subject.clone())),
            ("names", Param::Text(c.names.join(", "))),
            ("issuer", Param::Text(c.issuer.clone())),
            ("from", Param::Text(c.not_before.clone())),
            ("until", Param::Text(c.not_after.clone())),
        ],
    )
}

/// The hand-off as plain text in `locale` (for an email or a ticket):
/// what was tested, then one section per person with each finding, its
/// fix, the server's words and the record to publish.
#[cfg(feature = "catalog")]
pub fn text(report: &Report, locale: &str) -> String {
    use std::fmt::Write as _;

    use crate::Param;
    let catalog = crate::i18n::catalog(locale);
    let t = |id: &str, args: &[(&str, Param)]| catalog.text(id, None, args);
    let mut out = String::new();
    let target = target_label(report, locale);
    let _ = writeln!(
        out,
        "{}",
        t("ui-handoff-title", &[("target", Param::Text(target))])
    );
    for section in sections(report) {
        let _ = write!(
            out,
            "\n{}\n",
            t(&format!("ui-actor-{}", section.actor.as_str()), &[])
        );
        // In the reader's language, whatever the report was written in.
        let mut findings: Vec<Diagnostic> = section.findings.iter().map(|d| (*d).clone()).collect();
        crate::i18n::localize(&mut findings, locale);
        for d in &findings {
            let _ = writeln!(out, "- {} [{}]\n  {}", d.message, d.code, d.help);
            if let Some(reply) = &d.reply {
                let said = t("ui-explain-reply", &[("reply", Param::Text(reply.clone()))]);
                let _ = writeln!(out, "  {said}");
            }
            if let Some(Param::Text(record)) = d.params.get("record") {
                let name = d.params.get("name").or_else(|| d.params.get("domain"));
                if let Some(Param::Text(name)) = name {
                    let at = t("ui-arrive-publish", &[("name", Param::Text(name.clone()))]);
                    let _ = writeln!(out, "  {at} {record}");
                }
            }
        }
        if let Some(c) = section.certificate {
            let _ = writeln!(out, "  {}", certificate_line(c, locale));
        }
    }
    out
}

#[cfg(all(test, feature = "catalog"))]
mod tests {
    use super::*;
    use crate::report::{ServerInfo, Step, StepKind, StepStatus, Target, TlsInfo};
    use crate::{Code, Param};

    fn report(diagnostics: Vec<Diagnostic>) -> Report {
        let mut r = Report {
            target: Target {
                host: "mail.example.com".into(),
                port: Some(587),
                security: Some(crate::Security::Starttls),
                addresses: Vec::new(),
            },
            transcript: vec!["C: AUTH PLAIN c2VjcmV0".into()],
            ..Report::default()
        };
        r.steps.push(Step {
            step: StepKind::Connect,
            status: StepStatus::Fail,
            duration_ms: 1,
            diagnostics: diagnostics.clone(),
        });
        r.diagnostics = diagnostics;
        r
    }

    #[test]
    fn each_person_gets_what_is_theirs_in_their_language() {
        let mut r = report(vec![
            Diagnostic::new(Code::AuthDisabledByProvider)
                .param("provider", "Microsoft 365")
                .reply("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant."),
            Diagnostic::new(Code::DomainDmarcMissing)
                .case("none")
                .param("domain", "example.com")
                .param("name", "_dmarc.example.com")
                .param("record", "v=DMARC1; p=none"),
            Diagnostic::new(Code::TlsCertExpired)
                .param("date", "2026-11-30"),
            Diagnostic::new(Code::ProbeDnsUnavailable),
            Diagnostic::new(Code::ProviderKnown).param("provider", "Microsoft 365"),
        ]);
        r.server = ServerInfo {
            tls: Some(TlsInfo {
                version: "TLSv1.3".into(),
                cipher: "TLS13_AES_128_GCM_SHA256".into(),
                certificate: Some(Certificate {
                    subject: "CN=mail.example.com".into(),
                    names: vec!["mail.example.com".into()],
                    issuer: "CN=Example CA".into(),
                    not_before: "2025-11-30".into(),
                    not_after: "2026-11-30".into(),
                    trusted: true,
                }),
            }),
            ..r.server
        };
        let s = sections(&r);
        let actors: Vec<Actor> = s.iter().map(|s| s.actor).collect();
        assert_eq!(actors, [Actor::ItAdmin, Actor::DnsAdmin]);
        // Reported twice (step and report), handed on once.
        assert_eq!(s[0].findings.len(), 2);
        assert!(s[0].certificate.is_some());
        assert!(s[1].certificate.is_none());

        let en = text(&r, "en");
        assert!(
            en.starts_with("SMTP settings tested: mail.example.com:587 (STARTTLS)"),
            "{en}"
        );
        assert!(en.contains("For your IT team"), "{en}");
        assert!(en.contains("5.7.139"), "{en}");
        assert!(
            en.contains("Publish at _dmarc.example.com: v=DMARC1; p=none"),
            "{en}"
        );
        assert!(
            en.contains("CN=Example CA") && en.contains("2026-11-30"),
            "{en}"
        );
        // Not the service's own problem, not an info, never the transcript.
        assert!(!en.contains("probe.dns-unavailable") && !en.contains("provider.known"));
        assert!(!en.contains("c2VjcmV0"));
        insta::assert_snapshot!("handoff_en", en);
        let de = text(&r, "de");
        assert!(de.contains("Für Ihr IT-Team"), "{de}");
        assert!(!de.contains("For your IT team"));
        assert!(matches!(
            r.diagnostics[1].params.get("record"),
            Some(Param::Text(_))
        ));
    }
}
