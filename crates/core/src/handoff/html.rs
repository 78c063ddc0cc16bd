//! The hand-off as a printable page (`GET /r/{id}`): one section per
//! person, in the reader's language, with nothing the page runs but one
//! print button.
//!
//! Every text from a report — a server's reply, a certificate's names,
//! the host — is escaped here, in one function; the messages and help
//! come from the registry. [`STYLE`] and [`SCRIPT`] are the page's only
//! inline style and script, so the service can allow exactly them by
//! hash in its Content-Security-Policy.

use std::fmt::Write as _;

use super::{Section, certificate_line, sections, target_label};
use crate::report::Report;
use crate::{Diagnostic, Param};

/// The page's style (its CSP hash is computed from these bytes).
pub const STYLE: &str = "\
body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}\
h1{font-size:1.5rem}h2{font-size:1.2rem;border-bottom:1px solid #ccd;padding-bottom:.2rem;margin-top:2rem}\
h3{font-size:1rem;margin:1.2rem 0 .2rem}.code{color:#555;font:.85em ui-monospace,monospace}\
blockquote,pre{background:#f4f5f7;padding:.5rem .75rem;margin:.4rem 0;overflow-wrap:anywhere;white-space:pre-wrap}\
blockquote{border-left:3px solid #99a}pre{font:.9em ui-monospace,monospace}\
.meta{color:#555;font-size:.9rem}button{font:inherit;padding:.3rem .9rem}\
@media print{button{display:none}body{margin:0;max-width:none}}";

/// The page's script: the print button, and printing at once when the
/// link was opened as `…#print`.
pub const SCRIPT: &str = "document.getElementById(\"print\").addEventListener(\"click\",()=>print());\
if(location.hash===\"#print\")print();";

/// What the page says besides the report.
#[derive(Debug)]
pub struct Page<'a> {
    /// When the link stops working, as the reader should read it
    /// (the service formats it: core has no clock).
    pub expires: &'a str,
}

/// `text` for an HTML text node or a quoted attribute value.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// The hand-off page of `report` in `locale`.
pub fn html(report: &Report, locale: &str, page: &Page<'_>) -> String {
    let catalog = crate::i18n::catalog(locale);
    let t = |id: &str, args: &[(&str, Param)]| escape(&catalog.text(id, None, args));
    let title = t(
        "ui-handoff-title",
        &[("target", Param::Text(target_label(report, locale)))],
    );
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <meta name=\"robots\" content=\"noindex\"><title>{title}</title>\
         <style>{STYLE}</style></head><body><header><h1>{title}</h1>\
         <p>{intro}</p><p class=\"meta\">{expires}</p>\
         <button id=\"print\" type=\"button\">{print}</button></header><main>",
        lang = escape(catalog.locale()),
        intro = t("ui-share-intro", &[]),
        expires = t(
            "ui-share-expires",
            &[("date", Param::Text(page.expires.to_owned()))]
        ),
        print = t("ui-share-print", &[]),
    );
    let all = sections(report);
    if all.is_empty() {
        let _ = write!(out, "<p>{}</p>", t("ui-share-nothing", &[]));
    }
    for section in &all {
        write_section(&mut out, section, locale, &t);
    }
    if report.attestation.is_some() {
        let _ = write!(out, "<p class=\"meta\">{}</p>", t("ui-share-attested", &[]));
    }
    let _ = write!(out, "</main><script>{SCRIPT}</script></body></html>");
    out
}

fn write_section(
    out: &mut String,
    section: &Section<'_>,
    locale: &str,
    t: &impl Fn(&str, &[(&str, Param)]) -> String,
) {
    let actor = section.actor.as_str();
    let _ = write!(
        out,
        "<section class=\"actor\" data-actor=\"{actor}\"><h2>{}</h2>",
        t(&format!("ui-actor-{actor}"), &[])
    );
    // In the reader's language, whatever the report was written in.
    let mut findings: Vec<Diagnostic> = section.findings.iter().map(|d| (*d).clone()).collect();
    crate::i18n::localize(&mut findings, locale);
    for d in &findings {
        let _ = write!(
            out,
            "<article data-code=\"{code}\"><h3>{message} <span class=\"code\">{code}</span></h3><p>{help}</p>",
            code = escape(d.code.as_str()),
            message = escape(&d.message),
            help = escape(&d.help),
        );
        if let Some(reply) = &d.reply {
            // The server's words, quoted as such.
            let said = t("ui-share-server-said", &[]);
            let _ = write!(
                out,
                "<p>{said}</p><blockquote>{}</blockquote>",
                escape(reply)
            );
        }
        if let Some(Param::Text(record)) = d.params.get("record") {
            if let Some(Param::Text(name)) = d.params.get("name").or_else(|| d.params.get("domain"))
            {
                let at = t("ui-arrive-publish", &[("name", Param::Text(name.clone()))]);
                let _ = write!(
                    out,
                    "<p>{at}</p><pre class=\"record\">{}</pre>",
                    escape(record)
                );
            }
        }
        out.push_str("</article>");
    }
    if let Some(c) = section.certificate {
        let line = escape(&certificate_line(c, locale));
        let _ = write!(out, "<p class=\"certificate\">{line}</p>");
    }
    out.push_str("</section>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Certificate, ServerInfo, Target, TlsInfo};
    use crate::{Code, Security};

    #[test]
    fn every_text_from_the_report_is_escaped() {
        let mut r = Report {
            target: Target {
                host: "<img src=x onerror=alert(1)>".into(),
                port: Some(587),
                security: Some(Security::Starttls),
                addresses: Vec::new(),
            },
            ..Report::default()
        };
        r.diagnostics = vec![
            Diagnostic::new(Code::TlsCertExpired)
                .param("date", "<b>2026</b>")
                .reply("421 <script>alert('x')</script>"),
            Diagnostic::new(Code::DomainDmarcMissing)
                .case("none")
                .param("domain", "example.com")
                .param("name", "_dmarc.example.com")
                .param("record", "v=DMARC1; p=none; rua=mailto:\"a\"@example.com"),
        ];
        r.server = ServerInfo {
            tls: Some(TlsInfo {
                certificate: Some(Certificate {
                    subject: "CN=<evil>".into(),
                    names: vec!["a\"b".into()],
                    ..Certificate::default()
                }),
                ..TlsInfo::default()
            }),
            ..ServerInfo::default()
        };
        let page = html(
            &r,
            "de",
            &Page {
                expires: "2026-12-14",
            },
        );
        assert!(page.starts_with("<!doctype html><html lang=\"de\">"));
        for raw in ["<script>alert", "<img", "<b>", "CN=<evil>", "a\"b"] {
            assert!(!page.contains(raw), "{raw} unescaped");
        }
        // One script and one style, exactly the constants.
        assert_eq!(page.matches("<script>").count(), 1);
        assert!(page.contains(&format!("<script>{SCRIPT}</script>")));
        assert_eq!(page.matches("<style>").count(), 1);
        assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assert!(
            page.contains("data-actor=\"it-admin\"") && page.contains("data-actor=\"dns-admin\"")
        );
        assert!(page.contains("Für Ihr IT-Team"), "{page}");
        assert!(page.contains("2026-12-14"));
    }

    #[test]
    fn a_report_with_nothing_to_hand_on_says_so() {
        let page = html(
            &Report::default(),
            "en",
            &Page {
                expires: "tomorrow",
            },
        );
        assert!(!page.contains("<section"));
        assert!(page.contains(&escape(&crate::i18n::catalog("en").text(
            "ui-share-nothing",
            None,
            &[]
        ))));
    }
}
