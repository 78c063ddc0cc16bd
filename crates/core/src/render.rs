//! Plain-text rendering of diagnostics, grouped by field: what the CLI
//! prints (with colour on a terminal) and what the snapshot tests pin.

use std::fmt::Write as _;

use crate::diagnostic::{Diagnostic, Field, Severity};

/// Renders diagnostics grouped by field (form order, general ones last).
/// `color` adds ANSI colours for terminals.
pub fn render_text(diagnostics: &[Diagnostic], color: bool) -> String {
    render_text_in(diagnostics, color, crate::i18n::DEFAULT_LOCALE)
}

/// A label of the text rendering in `locale` (`field-host`, `cli-fix`, …).
fn label(locale: &str, id: &str, english: &'static str) -> String {
    #[cfg(feature = "catalog")]
    {
        let _ = english;
        crate::i18n::catalog(locale).label(id)
    }
    #[cfg(not(feature = "catalog"))]
    {
        let _ = (locale, id);
        english.to_owned()
    }
}

/// [`render_text`] with the labels in `locale` (the diagnostics carry
/// their own texts, see `i18n::localize`).
pub fn render_text_in(diagnostics: &[Diagnostic], color: bool, locale: &str) -> String {
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
        let title = match field {
            Some(f) => label(locale, &format!("field-{}", f.as_str()), f.label()),
            None => label(locale, "field-general", "General"),
        };
        let _ = writeln!(out, "{}", paint("1", &title));
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
                let server = label(locale, "cli-server", "server:");
                for line in reply.lines() {
                    let _ = writeln!(out, "    {server} {line}");
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
                    paint("32", &label(locale, "cli-fix", "fix:")),
                    fix.title,
                    changes.join(", ")
                );
            }
        }
    }
    if out.is_empty() {
        out.push_str(&label(locale, "cli-no-problems", "No problems found."));
        out.push('\n');
    }
    out
}
