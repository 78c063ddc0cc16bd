//! Secrets in pasted text: a log line may carry the password, an access
//! token or the base64 AUTH blob that holds them. Whatever `explain`
//! echoes (a server's words) goes through [`redact`] first.

const REDACTED: &str = "<redacted>";
/// SASL mechanisms whose AUTH line carries credentials.
const MECHANISMS: &[&str] = &[
    "PLAIN",
    "LOGIN",
    "XOAUTH2",
    "OAUTHBEARER",
    "CRAM-MD5",
    "DIGEST-MD5",
    "NTLM",
    "GSSAPI",
    "SCRAM-SHA-1",
    "SCRAM-SHA-256",
    "XOAUTH",
];

/// `text` with every secret-looking part replaced by `<redacted>`: the
/// known secrets (`known`, e.g. the context's password), what follows an
/// `AUTH <mechanism>` or a `334`, `password=`-style values, JWTs, Google
/// access tokens, and long base64 runs.
pub(crate) fn redact(text: &str, known: &[&str]) -> String {
    let mut out = text.to_owned();
    for secret in known.iter().filter(|s| s.len() >= 4) {
        out = out.replace(secret, REDACTED);
    }
    out.lines().map(redact_line).collect::<Vec<_>>().join("\n")
}

fn redact_line(line: &str) -> String {
    let upper = line.to_ascii_uppercase();
    // `AUTH PLAIN AGFsaWNl…`, `C: AUTH XOAUTH2 dXNlcj0…`: the mechanism stays.
    if let Some(at) = upper.find("AUTH ") {
        let rest = &line[at + 5..];
        let mech_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let mechanism = rest[..mech_end].to_ascii_uppercase();
        if MECHANISMS.contains(&mechanism.as_str()) && rest[mech_end..].trim().len() > 3 {
            return format!("{}{} {REDACTED}", &line[..at + 5], &rest[..mech_end]);
        }
    }
    let words: Vec<String> = line
        .split(' ')
        .scan(false, |after_334, word| {
            let secret = std::mem::replace(after_334, word == "334") && !word.is_empty()
                || looks_secret(word);
            Some(if secret {
                keep_label(word)
            } else {
                word.to_owned()
            })
        })
        .collect();
    words.join(" ")
}

/// `password=hunter2` keeps `password=`; anything else becomes `<redacted>`.
fn keep_label(word: &str) -> String {
    match word.find(['=', ':']) {
        Some(at) if is_secret_label(&word[..at]) => format!("{}{REDACTED}", &word[..=at]),
        _ => REDACTED.to_owned(),
    }
}

fn is_secret_label(label: &str) -> bool {
    let l = label
        .trim_matches(|c: char| !c.is_ascii_alphanumeric())
        .to_ascii_lowercase();
    [
        "password",
        "pass",
        "passwd",
        "pwd",
        "secret",
        "token",
        "access_token",
        "accesstoken",
    ]
    .contains(&l.as_str())
}

fn looks_secret(word: &str) -> bool {
    let w =
        word.trim_matches(|c: char| matches!(c, '"' | '\'' | ',' | ';' | '(' | ')' | '[' | ']'));
    if let Some(at) = w.find(['=', ':']) {
        if is_secret_label(&w[..at]) && at + 1 < w.len() {
            return true;
        }
    }
    if w.starts_with("eyJ") && w.matches('.').count() >= 2 {
        return true;
    }
    if w.starts_with("ya29.") {
        return true;
    }
    // A long unbroken base64 run (24+ characters with a digit and both
    // cases): an AUTH blob or a token, never a word a server writes.
    w.len() >= 24
        && w.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'-' | b'_'))
        && w.bytes().any(|b| b.is_ascii_digit())
        && w.bytes().any(|b| b.is_ascii_lowercase())
        && w.bytes().any(|b| b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn secrets_in_pasted_text_are_redacted() {
        let cases = [
            (
                "C: AUTH PLAIN AG1lQGV4YW1wbGUuY29tAGh1bnRlcjI=",
                "C: AUTH PLAIN <redacted>",
            ),
            (
                "AUTH XOAUTH2 dXNlcj1tZUBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5",
                "AUTH XOAUTH2 <redacted>",
            ),
            ("S: 334 eyJzdGF0dXMiOiI0MDEifQ==", "S: 334 <redacted>"),
            (
                "login failed, password=hunter2!",
                "login failed, password=<redacted>",
            ),
            (
                "token eyJhbGciOi.eyJzdWIiOi.c2ln expired",
                "token <redacted> expired",
            ),
            (
                "bearer ya29.a0AfB_byC-xyz rejected",
                "bearer <redacted> rejected",
            ),
            (
                "535-5.7.8 Username and Password not accepted. For more information, go to",
                "535-5.7.8 Username and Password not accepted. For more information, go to",
            ),
            (
                "530 5.7.57 Client not authenticated [BN8NAM12FT040.eop-nam12.prod.protection.outlook.com]",
                "530 5.7.57 Client not authenticated [BN8NAM12FT040.eop-nam12.prod.protection.outlook.com]",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(redact(text, &[]), want, "{text}");
        }
        assert_eq!(
            redact("auth failed for me with s3cret-Pass", &["s3cret-Pass"]),
            "auth failed for me with <redacted>"
        );
    }
}
