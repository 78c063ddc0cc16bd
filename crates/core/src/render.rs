//! Plain-text rendering of diagnostics, grouped by field: what the CLI
//! prints (with colour on a terminal) and what the snapshot tests pin.

use std::fmt::Write as _;

use crate::diagnostic::{Diagnostic, Field, Severity};

/// Renders diagnostics grouped by field (form order, general ones last).
/// `color` adds ANSI colours for terminals.
pub fn render_text(diagnostics: &[Diagnostic], color: bool) -> String {
    let paint = |code: &str, text: &str| {
        if color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    };
    let mut out = String::new();
    let groups = Field::ALL
        .iter()
        .map(|f| Some(*f))
        .chain(std::iter::once(None));
    for field in groups {
        let items: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.field == field).collect();
        if items.is_empty() {
            continue;
        }
        let title = field.map_or("General", Field::label);
        let _ = writeln!(out, "{}", paint("1", title));
        for d in items {
            let (mark, tint) = match d.severity {
                Severity::Error => ("✗", "31"),
                Severity::Warning => ("!", "33"),
                Severity::Info => ("i", "36"),
            };
            let _ = writeln!(
                out,
                "  {} {} {}",
                paint(tint, mark),
                d.message,
                paint("2", &format!("[{}]", d.code))
            );
            let _ = writeln!(out, "    {}", d.help);
            if let Some(reply) = &d.reply {
                for line in reply.lines() {
                    let _ = writeln!(out, "    server: {line}");
                }
            }
            if let Some(fix) = &d.fix {
                let changes: Vec<String> = fix
                    .changes
                    .iter()
                    .map(|(k, v)| format!("{k} = {v}"))
                    .collect();
                let _ = writeln!(
                    out,
                    "    {} {} ({})",
                    paint("32", "fix:"),
                    fix.title,
                    changes.join(", ")
                );
            }
        }
    }
    if out.is_empty() {
        out.push_str("No problems found.\n");
    }
    out
}
