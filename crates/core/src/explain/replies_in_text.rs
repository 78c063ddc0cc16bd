//! SMTP replies inside pasted text, however a library quoted them:
//! `535-5.7.8 …` lines (Nodemailer, Go, Java, PHPMailer), Python's
//! `(535, b'5.7.8 …')`, .NET's "The server response was: 5.7.0 …" (an
//! enhanced status code without the reply code), transcripts (`S: 550 …`).

use crate::reply::Reply;

/// Reply codes a server sends; a three-digit number outside this list
/// (a port, a count) is not taken for one.
const CODES: &[u16] = &[
    220, 221, 235, 250, 251, 252, 334, 354, 421, 450, 451, 452, 454, 455, 500, 501, 502, 503, 504,
    521, 530, 534, 535, 538, 550, 551, 552, 553, 554, 555, 556,
];

/// The last failing (4xx/5xx) reply in `text`, its lines joined.
pub(crate) fn failing(text: &str) -> Option<Reply> {
    let lines = unquoted_lines(text);
    let mut found = None;
    // A reply whose last line ended in `-`: more of it follows.
    let mut open: Option<Reply> = None;
    for line in &lines {
        let Some((code, more, rest)) = reply_line(line) else {
            keep_failing(&mut found, open.take());
            continue;
        };
        let reply = match open.take() {
            Some(mut r) if r.code == code => {
                r.lines.push(rest);
                r
            }
            other => {
                keep_failing(&mut found, other);
                Reply {
                    code,
                    lines: vec![rest],
                }
            }
        };
        if more {
            open = Some(reply);
        } else {
            keep_failing(&mut found, Some(reply));
        }
    }
    keep_failing(&mut found, open);
    found
        .or_else(|| enhanced_only(&lines))
        .or_else(|| phpmailer(text))
}

/// Whether `line` holds (part of) a reply.
pub(crate) fn is_reply(line: &str) -> bool {
    reply_line(line).is_some()
}

/// The client command a transcript (`C: AUTH PLAIN …`) sent last before
/// its failing reply, upper-case.
pub(crate) fn last_command(text: &str) -> Option<String> {
    let mut last = None;
    for line in text.lines() {
        let line = line.trim_start();
        if let Some(command) = line
            .strip_prefix("C: ")
            .or_else(|| line.strip_prefix(">>> "))
        {
            last = command
                .split_whitespace()
                .next()
                .map(str::to_ascii_uppercase);
        } else if (line.starts_with("S: ") || line.starts_with("<<< "))
            && reply_line(line).is_some_and(|(code, _, _)| code >= 400)
        {
            return last;
        }
    }
    None
}

/// PHPMailer's "SMTP server error: … Detail: <text> SMTP code: 552".
fn phpmailer(text: &str) -> Option<Reply> {
    let (_, after) = text.split_once("Detail: ")?;
    let (detail, code) = after.split_once(" SMTP code: ")?;
    let code: u16 = code.get(..3)?.parse().ok()?;
    (code >= 400 && CODES.contains(&code)).then(|| Reply {
        code,
        lines: vec![detail.trim().to_owned()],
    })
}

fn keep_failing(found: &mut Option<Reply>, reply: Option<Reply>) {
    if let Some(r) = reply.filter(|r| r.code >= 400) {
        *found = Some(r);
    }
}

/// The text's lines, with Python's `b'…\n…'` escapes and quoting undone.
fn unquoted_lines(text: &str) -> Vec<String> {
    text.replace("\\r\\n", "\n")
        .replace("\\n", "\n")
        .lines()
        .map(str::to_owned)
        .collect()
}

/// `(code, more lines follow, text)` of a line that holds a reply: the
/// code at the start (after `S: `, a quote or a label such as `Invalid
/// login: `), then a space, `-`, or the end.
fn reply_line(line: &str) -> Option<(u16, bool, String)> {
    let bytes = line.as_bytes();
    for i in 0..bytes.len().saturating_sub(2) {
        let boundary = i == 0 || matches!(bytes[i - 1], b' ' | b'\t' | b'\'' | b'"' | b'(' | b'[');
        if !boundary || !bytes[i..i + 3].iter().all(u8::is_ascii_digit) {
            continue;
        }
        let code = bytes[i..i + 3]
            .iter()
            .fold(0u16, |n, b| n * 10 + u16::from(b - b'0'));
        if !CODES.contains(&code) {
            continue;
        }
        let after = &line[i + 3..];
        let (more, rest) = if let Some(rest) = after.strip_prefix('-') {
            (true, rest)
        } else if let Some(rest) = after.strip_prefix(' ') {
            (false, rest)
        } else if let Some(rest) = after
            .strip_prefix(", b'")
            .or_else(|| after.strip_prefix(", b\""))
        {
            // Python's smtplib: (535, b'5.7.8 …')
            (false, rest)
        } else {
            continue;
        };
        let rest = rest.trim().trim_end_matches(['\'', '"', ')', ',']).trim();
        if !rest.is_empty() {
            return Some((code, more, rest.to_owned()));
        }
    }
    None
}

/// .NET's "The server response was: 5.7.0 Authentication Required": an
/// enhanced status code alone stands for a reply of its class.
fn enhanced_only(lines: &[String]) -> Option<Reply> {
    for line in lines {
        let Some(at) = line.find("server response was: ") else {
            continue;
        };
        let rest = line[at + "server response was: ".len()..].trim();
        let first = rest.split_whitespace().next()?;
        let parts: Vec<&str> = first.split('.').collect();
        let class = match parts.first() {
            Some(&"5") => 550,
            Some(&"4") => 450,
            _ => continue,
        };
        if parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        {
            return Some(Reply {
                code: class,
                lines: vec![rest.to_owned()],
            });
        }
    }
    None
}
