//! Reading an EHLO reply (RFC 5321 §4.1.1.1): the extensions a server
//! offers, their keywords, and the AUTH mechanisms. Pure, so the fuzzer
//! runs it on whatever a hostile server could send.

use super::io::Reply;

/// What a `250` EHLO reply says about the server.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ehlo {
    /// Each extension line as sent (after the greeting line), trimmed.
    pub extensions: Vec<String>,
    /// The first word of each extension, uppercase (`STARTTLS`, `AUTH`…).
    pub keywords: Vec<String>,
    /// From `AUTH …` (or the pre-standard `AUTH=…`), uppercase.
    pub auth_mechanisms: Vec<String>,
}

impl Ehlo {
    /// Whether the server offers the extension `keyword` (any case).
    pub fn offers(&self, keyword: &str) -> bool {
        self.keywords
            .iter()
            .any(|k| k.eq_ignore_ascii_case(keyword))
    }

    /// The message size limit of `SIZE n` (RFC 1870); `None` when absent,
    /// unparsable or `0` (which means "no limit").
    pub fn size_limit(&self) -> Option<u64> {
        self.extensions.iter().find_map(|e| {
            let mut words = e.split_whitespace();
            if !words.next()?.eq_ignore_ascii_case("SIZE") {
                return None;
            }
            words.next()?.parse::<u64>().ok().filter(|n| *n > 0)
        })
    }
}

/// Parses the lines of an EHLO reply; the first line is the server's name.
pub fn parse_ehlo(reply: &Reply) -> Ehlo {
    let extensions: Vec<String> = reply
        .lines
        .iter()
        .skip(1)
        .map(|l| l.trim().to_owned())
        .collect();
    let auth_mechanisms = extensions
        .iter()
        .find_map(|e| {
            let upper = e.to_ascii_uppercase();
            upper
                .strip_prefix("AUTH ")
                .or_else(|| upper.strip_prefix("AUTH="))
                .map(|m| m.split_whitespace().map(str::to_owned).collect())
        })
        .unwrap_or_default();
    let keywords = extensions
        .iter()
        .map(|e| {
            e.split_whitespace()
                .next()
                .unwrap_or_default()
                .to_ascii_uppercase()
        })
        .collect();
    Ehlo {
        extensions,
        keywords,
        auth_mechanisms,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_keywords_and_mechanisms() {
        let reply = Reply {
            code: 250,
            lines: vec![
                "mx.example.com Hello".into(),
                "SIZE 35882577".into(),
                "auth=LOGIN PLAIN".into(),
                " STARTTLS ".into(),
                String::new(),
            ],
        };
        let e = parse_ehlo(&reply);
        assert_eq!(e.keywords, ["SIZE", "AUTH=LOGIN", "STARTTLS", ""]);
        assert_eq!(e.auth_mechanisms, ["LOGIN", "PLAIN"]);
        assert!(e.offers("starttls"));
        assert!(!e.offers("SMTPUTF8"));
        assert_eq!(e.size_limit(), Some(35_882_577));
        assert!(!e.offers("STARTTLS2"));
    }

    #[test]
    fn size_without_a_limit() {
        let limit = |l: &[&str]| {
            parse_ehlo(&Reply {
                code: 250,
                lines: std::iter::once("mx")
                    .chain(l.iter().copied())
                    .map(str::to_owned)
                    .collect(),
            })
            .size_limit()
        };
        assert_eq!(limit(&["SIZE"]), None);
        assert_eq!(limit(&["SIZE 0"]), None);
        assert_eq!(limit(&["SIZE -5"]), None);
        assert_eq!(limit(&["size 100", "SIZE 5"]), Some(100));
    }
}
