//! `smtp-doctor discover ADDRESS`: find and verify SMTP settings, print
//! them ranked with their evidence (or the JSON report).

use std::fmt::Write as _;

use crate::check_cmd::{color_wanted, paint};
use crate::discover::{
    DiscoverError, DiscoverOptions, DiscoverReport, DiscoverRequest, Progress, VerifyStatus,
    discover,
};
use crate::engine::Engine;
use crate::terminal::{escape_controls, safe_for_terminal};

/// Runs discovery and prints it; `Ok(found)`.
pub async fn run(
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
pub fn render(report: &DiscoverReport, color: bool) -> String {
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
