//! `smtp-doctor explain [FILE|-]`: what an error pasted from production
//! means (core's `explain`), with the settings it happened with given as
//! `check` spells them. Exit status 0 when a cause was named, 1 when the
//! text was not recognised, 2 when the input could not be read.

use std::io::IsTerminal;

use smtp_doctor_core::json::{Json, Object};
use smtp_doctor_core::render::render_text_in;
use smtp_doctor_core::{Code, Config, explain::MAX_TEXT};

use super::args::ExplainArgs;
use super::validate::{InputError, read_input};

/// The settings the flags give (no password: it is never needed here).
fn context(args: &ExplainArgs) -> Option<Config> {
    let fields = [
        ("host", &args.host),
        ("port", &args.port),
        ("security", &args.security),
        ("username", &args.user),
        ("from", &args.from),
    ];
    let mut object = Object::new();
    for (name, value) in fields {
        if let Some(value) = value {
            object.insert(name, Json::String(value.clone()));
        }
    }
    (!object.is_empty()).then(|| Config::from_json(&Json::Object(object)))
}

/// Explains the file (or stdin), prints it, and returns whether a cause was named.
pub(super) fn run(args: &ExplainArgs, locale: &str) -> Result<bool, InputError> {
    // One byte more than is read, so the answer can say it was cut.
    let (text, _) = read_input(&args.file, Some(MAX_TEXT + 1))?;
    let settings = context(args);
    let mut explained = smtp_doctor_core::explain(&text, settings.as_ref());
    smtp_doctor_core::i18n::localize(&mut explained.diagnostics, locale);
    let named = !explained
        .diagnostics
        .iter()
        .any(|d| d.code == Code::ExplainNotRecognised);
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&explained).unwrap_or_else(|_| "{}".into())
        );
    } else {
        let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        let r = &explained.recognised;
        let mut what = vec![r.kind.to_owned()];
        what.extend(r.library.map(|l| format!("library {l}")));
        what.extend(r.provider.map(|p| format!("provider {p}")));
        what.extend(r.command.map(|c| format!("at {c}")));
        println!("recognised: {}", what.join(", "));
        if let Some(reply) = &r.reply {
            println!("reply: {reply}");
        }
        if r.truncated {
            println!("(only the first {} KiB were read)", MAX_TEXT / 1024);
        }
        print!("{}", render_text_in(&explained.diagnostics, color, locale));
    }
    Ok(named)
}
