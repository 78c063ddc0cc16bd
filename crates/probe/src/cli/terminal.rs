//! Server text on a terminal (SPEC §7.3): a greeting can carry escape
//! sequences that retitle the terminal, move the cursor or hide lines, so
//! everything the CLI prints from a report has its control characters
//! escaped first (`\u{1b}]0;owned\u{7}` prints as that text).

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// `text` with every control character (and the Unicode line
/// separators) written as a visible `\u{…}` escape.
pub(super) fn escape_controls(text: &str) -> String {
    if !text.chars().any(smtp_doctor_core::wire::is_forbidden) {
        return text.to_owned();
    }
    text.chars()
        .map(|c| {
            if smtp_doctor_core::wire::is_forbidden(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A copy of `value` (a report) with [`escape_controls`] applied to every
/// string in it: nothing a server sent is missed, whichever field it
/// landed in.
pub(super) fn safe_for_terminal<T: Serialize + DeserializeOwned + Clone>(value: &T) -> T {
    let Ok(mut tree) = serde_json::to_value(value) else {
        return value.clone();
    };
    escape_tree(&mut tree);
    serde_json::from_value(tree).unwrap_or_else(|_| value.clone())
}

fn escape_tree(v: &mut Value) {
    match v {
        Value::String(s) => *s = escape_controls(s),
        Value::Array(items) => items.iter_mut().for_each(escape_tree),
        Value::Object(map) => map.values_mut().for_each(escape_tree),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible_text() {
        assert_eq!(
            escape_controls("220 \u{1b}]0;owned\u{7} ESMTP"),
            "220 \\u{1b}]0;owned\\u{7} ESMTP"
        );
        assert_eq!(escape_controls("plain 220 ok"), "plain 220 ok");
        assert_eq!(escape_controls("a\rb"), "a\\u{d}b");
    }
}
