//! `smtp-doctor validate FILE|-`: static checks of a settings file.

use std::io::{IsTerminal, Read};
use std::path::Path;

use smtp_doctor_core::json::Json;
use smtp_doctor_core::{has_errors, render::render_text_in, validate_json_at};

/// Why the input could not be validated (exit status 2).
#[derive(Debug, thiserror::Error)]
pub(super) enum InputError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is not valid JSON: {source}")]
    Json {
        path: String,
        source: serde_json::Error,
    },
}

/// The text of `file` (stdin for `-`), at most `limit` bytes of it (lossy
/// UTF-8 then), and the name to report it by.
pub(super) fn read_input(
    file: &Path,
    limit: Option<usize>,
) -> Result<(String, String), InputError> {
    let name = file.display().to_string();
    let path = if name == "-" {
        "stdin".to_owned()
    } else {
        name.clone()
    };
    let read = |source: std::io::Error| InputError::Read {
        path: path.clone(),
        source,
    };
    let mut reader: Box<dyn Read> = if name == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(file).map_err(read)?)
    };
    let text = match limit {
        None => {
            let mut s = String::new();
            reader.read_to_string(&mut s).map_err(read)?;
            s
        }
        Some(limit) => {
            let mut bytes = Vec::new();
            reader
                .take(u64::try_from(limit).unwrap_or(u64::MAX))
                .read_to_end(&mut bytes)
                .map_err(read)?;
            String::from_utf8_lossy(&bytes).into_owned()
        }
    };
    Ok((text, path))
}

/// Validates the file (or stdin for `-`), prints the result, and returns
/// whether any error was found.
pub(super) fn run(file: &Path, json: bool, locale: &str) -> Result<bool, InputError> {
    let (text, path) = read_input(file, None)?;
    let config: Json =
        serde_json::from_str(&text).map_err(|source| InputError::Json { path, source })?;
    let mut diagnostics = validate_json_at(&config, Some(smtp_doctor_probe::clock::now()));
    smtp_doctor_core::i18n::localize(&mut diagnostics, locale);
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&diagnostics).unwrap_or_else(|_| "[]".into())
        );
    } else {
        let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        print!("{}", render_text_in(&diagnostics, color, locale));
    }
    Ok(has_errors(&diagnostics))
}
