//! One SMTP reply as the probe read it or a customer pasted it: its code
//! and lines, its enhanced status code (RFC 3463), and the JSON error an
//! OAuth2 server sends as a `334` challenge. Shared by the probe's
//! sessions and `explain` (see [`crate::replies`] for what they mean).

/// One SMTP reply: the code and the text of each line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    pub code: u16,
    pub lines: Vec<String>,
}

impl Reply {
    /// Every line with its code, as the server sent it ("250-…", "250 …").
    pub fn raw(&self) -> String {
        let n = self.lines.len();
        self.lines
            .iter()
            .enumerate()
            .map(|(i, l)| format!("{}{}{}", self.code, if i + 1 == n { ' ' } else { '-' }, l))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// All text, lines joined by spaces.
    pub fn text(&self) -> String {
        self.lines.join(" ")
    }

    /// The enhanced status code (RFC 3463) of the first line, e.g. "5.7.8".
    pub fn enhanced(&self) -> Option<&str> {
        let first = self.lines.first()?.split_whitespace().next()?;
        let parts: Vec<&str> = first.split('.').collect();
        (parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())))
        .then_some(first)
    }
}

/// The error a server sends as a `334` challenge after an OAuth2 initial
/// response (RFC 7628 §3.2.2; Google's XOAUTH2 sends the same JSON):
/// `{"status", "schemes", "scope"}`, base64. `None` when the challenge is
/// not that.
#[derive(Debug, PartialEq, Eq)]
pub struct TokenChallenge {
    pub status: String,
    pub scope: Option<String>,
}

impl TokenChallenge {
    pub fn decode(challenge: &str) -> Option<Self> {
        let bytes = crate::token::base64url(challenge.trim())?;
        if bytes.len() > 4096 {
            return None;
        }
        let value: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
        let text = |key: &str| {
            value.get(key).and_then(serde_json::Value::as_str).map(|s| {
                s.chars()
                    .filter(|c| !c.is_control())
                    .take(200)
                    .collect::<String>()
            })
        };
        Some(Self {
            status: text("status")?,
            scope: text("scope").filter(|s| !s.is_empty()),
        })
    }

    /// The catalog's case: `invalid` (invalid or expired token), `scope`
    /// (a scope is missing), `other`.
    pub fn case(&self) -> &'static str {
        match self.status.as_str() {
            "401" | "invalid_token" => "invalid",
            // Google names the scope it wants with every error, so only
            // the status says a scope is missing.
            "403" | "insufficient_scope" => "scope",
            _ => "other",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(text: &str) -> String {
        crate::token::tests::b64(text.as_bytes())
    }

    #[test]
    fn token_challenges_are_decoded_and_named() {
        // Google's documented challenge.
        let google = TokenChallenge::decode(&b64(
            r#"{"status":"401","schemes":"Bearer","scope":"https://mail.google.com/"}"#,
        ))
        .unwrap();
        assert_eq!(google.case(), "invalid");
        assert_eq!(google.scope.as_deref(), Some("https://mail.google.com/"));
        let scope =
            TokenChallenge::decode(&b64(r#"{"status":"insufficient_scope","scope":"x"}"#)).unwrap();
        assert_eq!(scope.case(), "scope");
        assert_eq!(
            TokenChallenge::decode(&b64(r#"{"status":"400"}"#))
                .unwrap()
                .case(),
            "other"
        );
        assert_eq!(TokenChallenge::decode("not base64!"), None);
        assert_eq!(TokenChallenge::decode(&b64("[1,2]")), None);
        // Control characters from a hostile server do not reach a page.
        let hostile = TokenChallenge::decode(&b64("{\"status\":\"4\\u001b[31m01\"}")).unwrap();
        assert_eq!(hostile.status, "4[31m01");
    }

    #[test]
    fn enhanced_status_codes() {
        let r = |text: &str| Reply {
            code: 550,
            lines: vec![text.to_owned()],
        };
        assert_eq!(r("5.7.1 Relay denied").enhanced(), Some("5.7.1"));
        assert_eq!(r("Relay denied").enhanced(), None);
        assert_eq!(r("5.7. x").enhanced(), None);
        assert_eq!(
            Reply {
                code: 250,
                lines: vec!["a".into(), "b".into()]
            }
            .raw(),
            "250-a\n250 b"
        );
    }
}
