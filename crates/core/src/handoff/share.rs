//! What a share link keeps of a report (SPEC §4, `POST /v1/reports`).
//!
//! The report arrives from whoever calls the service, so it is read as
//! data to be cleaned, not trusted: the transcript goes (it is the one
//! place credentials are sent), every text a server or a caller supplied
//! passes explain's secret redaction, each finding's message and help are
//! written again from the registry — a posted report cannot put its own
//! words on our page — and no fix may change a secret field. The
//! attestation stays as it came: it is signed, and verifiable only intact.

use crate::explain::secrets::redact;
use crate::report::Report;
use crate::{Diagnostic, Field, Param};

/// The most a stored report may weigh, as JSON.
pub const MAX_SHARED_BYTES: usize = 64 * 1024;

/// `report` as a share link stores it.
pub fn shareable(mut report: Report) -> Report {
    report.transcript.clear();
    let clean = |text: &mut String| *text = redact(text, &[]);
    for d in report.diagnostics.iter_mut().chain(
        report
            .steps
            .iter_mut()
            .flat_map(|s| s.diagnostics.iter_mut()),
    ) {
        clean_diagnostic(d);
    }
    let server = &mut report.server;
    if let Some(greeting) = &mut server.greeting {
        clean(greeting);
    }
    server
        .extensions
        .iter_mut()
        .chain(&mut server.extensions_before_tls)
        .chain(&mut server.auth_mechanisms)
        .for_each(clean);
    if let Some(arrival) = &mut report.arrival {
        arrival.received.iter_mut().for_each(clean);
        if let Some(from) = &mut arrival.from_seen {
            clean(from);
        }
    }
    report
}

fn clean_diagnostic(d: &mut Diagnostic) {
    if let Some(reply) = &mut d.reply {
        *reply = redact(reply, &[]);
    }
    for (_, value) in &mut d.params.0 {
        if let Param::Text(text) = value {
            *text = redact(text, &[]);
        }
    }
    if let Some(fix) = &mut d.fix {
        fix.changes
            .retain(|field, _| !matches!(field, Field::Password | Field::AccessToken));
    }
    // The registry's words, not the caller's.
    crate::i18n::localize_default(std::slice::from_mut(d));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Code;
    use crate::report::{Step, StepKind, StepStatus};

    #[test]
    fn nothing_secret_or_invented_is_kept() {
        let mut forged = Diagnostic::new(Code::AuthFailed)
            .reply("535 5.7.8 AUTH PLAIN AGFsaWNlAGh1bnRlcjItc2VjcmV0 rejected")
            .param("user", "alice password=hunter2-secret");
        forged.message = "Call +1 555 0100 to fix your account".into();
        forged.help = "<script>alert(1)</script>".into();
        let mut fix = crate::Fix::new("use-port");
        fix.changes
            .insert(Field::Password, crate::json::Json::from("hunter2-secret"));
        fix.changes
            .insert(Field::Port, crate::json::Json::from(587));
        forged.fix = Some(fix);
        let report = Report {
            transcript: vec!["C: AUTH PLAIN AGFsaWNlAGh1bnRlcjItc2VjcmV0".into()],
            steps: vec![Step {
                step: StepKind::Auth,
                status: StepStatus::Fail,
                duration_ms: 3,
                diagnostics: vec![forged.clone()],
            }],
            diagnostics: vec![forged],
            ..Report::default()
        };
        let shared = shareable(report);
        let json = serde_json::to_string(&shared).unwrap();
        for secret in [
            "AGFsaWNlAGh1bnRlcjItc2VjcmV0",
            "hunter2-secret",
            "555 0100",
            "<script>",
        ] {
            assert!(!json.contains(secret), "{secret} kept: {json}");
        }
        assert!(shared.transcript.is_empty());
        let d = &shared.diagnostics[0];
        assert_eq!(d.reply.as_deref(), Some("535 5.7.8 AUTH PLAIN <redacted>"));
        assert!(d.fix.as_ref().unwrap().changes.contains_key(&Field::Port));
        assert_eq!(shared.steps[0].diagnostics[0], *d);
    }
}
