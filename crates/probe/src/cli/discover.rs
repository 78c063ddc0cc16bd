//! `smtp-doctor discover ADDRESS`: find and verify SMTP settings, print
//! them ranked with their evidence (or the JSON report).

use std::fmt::Write as _;

use anyhow::Context as _;
use smtp_doctor_probe::discover::{
    DiscoverError, DiscoverOptions, DiscoverReport, DiscoverRequest, Progress, VerifyStatus,
    discover,
};
use smtp_doctor_probe::engine::Engine;

use super::args::DiscoverArgs;
use super::check::{color_wanted, paint};
use super::terminal::{escape_controls, safe_for_terminal};

/// Runs discovery and prints it; `Ok(found)`.
pub(super) async fn run(
    engine: &Engine,
    request: &DiscoverRequest,
    json: bool,
) -> Result<bool, DiscoverError> {
    let color = color_wanted(json);
    let mut on_progress = |p: Progress<'_>| {
        if json {
            return;
        }
        if let Progress::Source(s) = p {
            eprintln!(
                "  {:<10} {:<7} {}",
                s.source.as_str(),
                s.status,
                escape_controls(&s.detail)
            );
        }
    };
    if !json {
        eprintln!("Looking for SMTP settings…");
    }
    let report = discover(
        engine,
        request,
        &DiscoverOptions::default(),
        &mut on_progress,
    )
    .await?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        );
    } else {
        print!("{}", render(&safe_for_terminal(&report), color));
    }
    Ok(report.found)
}

/// The ranked list as text.
pub(super) fn render(report: &DiscoverReport, color: bool) -> String {
    let paint = |code: &str, text: &str| paint(color, code, text);
    let mut out = String::new();
    let _ = writeln!(out, "\n{}  ({} ms)", report.message, report.duration_ms);
    for (i, c) in report.candidates.iter().enumerate() {
        let mark = match c.verification.status {
            VerifyStatus::Verified => paint("32", "✓"),
            VerifyStatus::Failed => paint("31", "✗"),
            VerifyStatus::NotTried => paint("33", "…"),
        };
        let security = c.security.as_str();
        let _ = writeln!(
            out,
            "{mark} {}. {}:{} {security}{}",
            i + 1,
            c.host,
            c.port,
            c.username
                .as_deref()
                .map(|u| format!("  user {u}"))
                .unwrap_or_default()
        );
        let _ = writeln!(out, "     {}", c.why);
        for e in &c.evidence {
            let _ = writeln!(out, "     · {}", e.detail);
        }
    }
    out
}

pub(crate) fn command(args: &DiscoverArgs, locale: &'static str) -> anyhow::Result<bool> {
    let text = args.address.trim();
    let request = smtp_doctor_probe::discover::DiscoverRequest {
        email: text.contains('@').then(|| text.to_owned()),
        host: (!text.contains('@')).then(|| text.to_owned()),
        password: args
            .password_env
            .as_deref()
            .map(super::check::password_from_env)
            .transpose()?,
        locale,
    };
    let engine = args.engine.engine()?;
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    Ok(runtime.block_on(run(&engine, &request, args.json))?)
}
