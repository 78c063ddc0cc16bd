//! `smtp-doctor check`: validate, then probe, and print what happened.

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::io::Read as _;

use anyhow::Context as _;
use serde_json::{Map, Value};
use smtp_doctor_core::render::render_text_in;
use smtp_doctor_core::report::{Report, StepStatus};
use smtp_doctor_probe::engine::{Check, Engine, ProbeRequest};
use zeroize::Zeroizing;

use super::args::CheckArgs;
use super::terminal::safe_for_terminal;

/// Runs the probe and prints the report (with `handoff`, then what to
/// hand on); returns `report.ok`.
pub(super) async fn run(
    engine: &Engine,
    request: &ProbeRequest,
    json: bool,
    handoff: bool,
) -> bool {
    let color = color_wanted(json);
    let mut on_step = |step: &smtp_doctor_core::report::Step| {
        if !json {
            println!("{}", step_line(step, color));
        }
    };
    let report = engine.probe(request, &mut on_step).await;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        );
    } else {
        let safe = safe_for_terminal(&report);
        print!("{}", render(&safe, color, request.locale));
        if handoff {
            print!(
                "\n{}",
                smtp_doctor_core::handoff::text(&safe, request.locale)
            );
        }
    }
    report.ok
}

/// Colours on a terminal, unless JSON is asked for or NO_COLOR is set.
pub(crate) fn color_wanted(json: bool) -> bool {
    !json && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// `text` in an ANSI colour when `color`.
pub(crate) fn paint(color: bool, code: &str, text: &str) -> String {
    if color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_owned()
    }
}

/// `✓ connect   12 ms`
pub(super) fn step_line(step: &smtp_doctor_core::report::Step, color: bool) -> String {
    let (mark, tint) = match step.status {
        StepStatus::Pass => ("✓", "32"),
        StepStatus::Fail => ("✗", "31"),
        StepStatus::Warn => ("!", "33"),
        StepStatus::Skipped => ("-", "2"),
    };
    let name = step.step.as_str();
    format!(
        "{} {name:<9} {:>6} ms",
        paint(color, tint, mark),
        step.duration_ms
    )
}

/// Everything after the step lines: verdict, diagnoses, server facts,
/// suggestion, transcript.
pub(super) fn render(report: &Report, color: bool, locale: &str) -> String {
    let mut out = String::new();
    let catalog = smtp_doctor_core::i18n::catalog(locale);
    let verdict = if report.ok {
        paint(color, "1;32", &catalog.label("cli-works"))
    } else {
        paint(color, "1;31", &catalog.label("cli-does-not-work"))
    };
    let _ = writeln!(out, "\n{verdict}\n");
    if !report.diagnostics.is_empty() {
        out.push_str(&render_text_in(&report.diagnostics, color, locale));
    }
    if let Some(s) = &report.suggestion {
        let mut parts = Vec::new();
        if let Some(h) = &s.host {
            parts.push(format!("host {h}"));
        }
        if let Some(p) = s.port {
            parts.push(format!("port {p}"));
        }
        if let Some(m) = s.security {
            parts.push(format!("security {}", m.label()));
        }
        let _ = writeln!(
            out,
            "\n{} {} (verified)",
            paint(color, "1", "Suggestion:"),
            parts.join(", ")
        );
    }
    let server = &report.server;
    if let Some(tls) = &server.tls {
        if tls.version.is_empty() {
            let _ = write!(
                out,
                "\n{}",
                paint(color, "1", "TLS: handshake not completed")
            );
        } else {
            let _ = write!(
                out,
                "\n{} {} {}",
                paint(color, "1", "TLS:"),
                tls.version,
                tls.cipher
            );
        }
        if let Some(c) = &tls.certificate {
            let _ = write!(
                out,
                "\n  certificate for {} issued by {}, valid {} to {}, {}",
                c.names.join(", "),
                c.issuer,
                c.not_before,
                c.not_after,
                if c.trusted { "trusted" } else { "NOT trusted" }
            );
        }
        out.push('\n');
    }
    if !server.auth_mechanisms.is_empty() {
        let _ = writeln!(
            out,
            "{} {}",
            paint(color, "1", "AUTH:"),
            server.auth_mechanisms.join(" ")
        );
    }
    if !report.transcript.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            paint(color, "1", "Transcript (credentials redacted):")
        );
        for line in &report.transcript {
            let _ = writeln!(out, "  {}", paint(color, "2", line));
        }
    }
    out
}

pub(crate) fn command(args: &CheckArgs, locale: &'static str) -> anyhow::Result<bool> {
    let checks = Check::parse_list(&args.checks).map_err(anyhow::Error::msg)?;
    if checks.contains(&Check::Arrival) {
        anyhow::bail!(
            "the arrival check needs our inbox, which only the service runs: use `serve --inbox-domain D --inbox-listen ADDR:25` and POST /v1/probe with \"arrival\""
        );
    }
    let password = secret(
        args.password_stdin,
        args.password_env.as_deref(),
        "the password",
    )?;
    let token = secret(
        args.access_token_stdin,
        args.access_token_env.as_deref(),
        "the access token",
    )?;
    let mut config = Map::new();
    config.insert("host".into(), Value::String(args.host.clone()));
    config.insert("port".into(), Value::String(args.port.clone()));
    config.insert("security".into(), Value::String(args.security.clone()));
    for (key, value) in [
        ("username", &args.user),
        ("from", &args.from),
        ("auth", &args.auth),
    ] {
        if let Some(v) = value {
            config.insert(key.into(), Value::String(v.clone()));
        }
    }
    if let Some(p) = &password {
        config.insert("password".into(), Value::String(p.to_string()));
    }
    if let Some(t) = &token {
        config.insert("accessToken".into(), Value::String(t.to_string()));
    }
    // The request wipes the password (and every other string) when dropped.
    let request = ProbeRequest {
        config: Value::Object(config).into(),
        checks,
        recipient: args.recipient.clone(),
        locale,
    };
    let engine = args.engine.engine()?;
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    let ok = runtime.block_on(run(&engine, &request, args.json, args.handoff));
    drop(request);
    Ok(ok)
}

/// A password from the environment variable `var`, wiped when dropped.
/// A secret from the first line of standard input, or an environment
/// variable (never a flag: it would show in the process list).
fn secret(stdin: bool, env: Option<&str>, what: &str) -> anyhow::Result<Option<Zeroizing<String>>> {
    if stdin {
        let mut s = Zeroizing::new(String::new());
        std::io::stdin()
            .read_to_string(&mut s)
            .with_context(|| format!("cannot read {what} from stdin"))?;
        return Ok(Some(Zeroizing::new(
            s.lines().next().unwrap_or_default().to_owned(),
        )));
    }
    env.map(password_from_env).transpose()
}

pub(crate) fn password_from_env(var: &str) -> anyhow::Result<Zeroizing<String>> {
    std::env::var(var)
        .map(Zeroizing::new)
        .with_context(|| format!("environment variable {var} is not set"))
}
