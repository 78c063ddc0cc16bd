//! Live verification of the candidates: the probe engine itself (so the
//! same policy, timeouts and diagnoses), all at once but started
//! `stagger` apart, under one deadline.

use std::time::Duration;

use serde_json::{Value, json};
use smtp_doctor_core::report::{Report, StepStatus};
use smtp_doctor_core::{Security, Severity};
use tokio::task::JoinSet;
use tokio::time::Instant;

use super::{Candidate, Progress, Query, Verification, VerifyStatus};
use crate::engine::{Check, Engine, ProbeRequest};

/// Verifies `planned` in place; candidates still running at `deadline`
/// are cancelled and stay `NotTried`.
pub(super) async fn run(
    engine: &Engine,
    planned: &mut [Candidate],
    password: Option<&str>,
    q: &Query,
    deadline: Instant,
    stagger: Duration,
    on_progress: &mut (dyn FnMut(Progress<'_>) + Send),
) {
    let mut tasks = JoinSet::new();
    for (i, c) in planned.iter().enumerate() {
        let engine = engine.clone();
        let request = verify_request(c, password.filter(|_| may_log_in(c, q)), q.locale);
        let delay = stagger * u32::try_from(i).unwrap_or(u32::MAX);
        tasks.spawn(async move {
            tokio::time::sleep(delay).await;
            let start = Instant::now();
            let report = engine.probe(&request, &mut |_| {}).await;
            (i, report, start.elapsed())
        });
    }
    loop {
        match tokio::time::timeout_at(deadline, tasks.join_next()).await {
            Ok(Some(Ok((i, report, took)))) => {
                let c = &mut planned[i];
                let with_auth = password.is_some() && may_log_in(c, q);
                c.verification = verification(&report, took, c.security, with_auth);
                on_progress(Progress::Candidate(c));
            }
            Ok(Some(Err(_))) => {}
            Ok(None) => break,
            Err(_) => {
                tasks.abort_all();
                break;
            }
        }
    }
}

/// Whether a candidate may see the password (SPEC §7.3): never without
/// TLS, and only on a host of the address's own domain or a known
/// provider's. A host that a DNS record or an autoconfig file on another
/// domain names (RFC 6186 §6 warns about SRV targets) is verified without
/// logging in.
pub(super) fn may_log_in(c: &Candidate, q: &Query) -> bool {
    let host = c.host.trim_end_matches('.').to_ascii_lowercase();
    c.security != Security::None
        && (host == q.domain
            || host.ends_with(&format!(".{}", q.domain))
            || smtp_doctor_core::providers::provider_by_host(&host).is_some())
}

fn verify_request(c: &Candidate, password: Option<&str>, locale: &'static str) -> ProbeRequest {
    let mut config = json!({
        "host": c.host, "port": c.port, "security": c.security,
    });
    let mut checks = vec![Check::Connect, Check::Tls];
    if let (Some(p), Some(u)) = (password, c.username.as_deref()) {
        config["username"] = Value::String(u.to_owned());
        config["password"] = Value::String(p.to_owned());
        checks.push(Check::Auth);
    } else {
        config["auth"] = Value::String("none".into());
    }
    ProbeRequest {
        config: config.into(),
        checks,
        recipient: None,
        locale,
    }
}

fn verification(
    report: &Report,
    took: Duration,
    security: Security,
    with_auth: bool,
) -> Verification {
    let passed: Vec<String> = report
        .steps
        .iter()
        .filter(|s| matches!(s.status, StepStatus::Pass | StepStatus::Warn))
        .map(|s| s.step.as_str().to_owned())
        .fold(Vec::new(), |mut names, name| {
            if !names.contains(&name) {
                names.push(name);
            }
            names
        });
    let failed = report.steps.iter().any(|s| s.status == StepStatus::Fail);
    let mut needed = ["connect", "greeting", "ehlo"]
        .into_iter()
        .chain((security != Security::None).then_some("tls"))
        .chain(with_auth.then_some("auth"));
    let verified = !failed && needed.all(|n| passed.iter().any(|p| p == n));
    Verification {
        status: if verified {
            VerifyStatus::Verified
        } else {
            VerifyStatus::Failed
        },
        duration_ms: u64::try_from(took.as_millis()).unwrap_or(u64::MAX),
        passed,
        diagnostics: report
            .steps
            .iter()
            .flat_map(|s| s.diagnostics.iter())
            .filter(|d| d.severity != Severity::Info)
            .cloned()
            .collect(),
        greeting: report.server.greeting.clone(),
        tls_version: report.server.tls.as_ref().map(|t| t.version.clone()),
        auth_mechanisms: report.server.auth_mechanisms.clone(),
    }
}
