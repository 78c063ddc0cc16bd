//! The `arrival` check's findings (SPEC §7.7) from the facts the probe
//! gathers: each code raised where it must be and nowhere else.

use std::collections::HashMap;

use smtp_doctor_core::domain::arrival::{Delivery, DkimResult, Signature, Wait, findings};
use smtp_doctor_core::domain::{dmarc, spf};
use smtp_doctor_core::{Diagnostic, Param, Severity};

const WAITED: Wait = Wait {
    secs: 60,
    inbox_refused: 0,
};

fn dmarc_for(domain: &str, record: &str) -> dmarc::Discovery {
    let mut txt = HashMap::new();
    txt.insert(domain.to_owned(), vec![record.to_owned()]);
    dmarc::discover(domain, &txt)
}

/// A message that passes everything: signed and aligned, SPF passing.
fn good() -> Delivery {
    Delivery {
        delay_ms: 1234,
        from_configured: "me@example.com".into(),
        from_seen: Some("me@example.com".into()),
        sender_ip: "198.51.100.7".parse().unwrap(),
        spf_domain: "example.com".into(),
        spf: spf::Verdict::Pass,
        dkim: vec![Signature {
            domain: "example.com".into(),
            selector: "s1".into(),
            result: DkimResult::Pass,
            rsa_bits: Some(2048),
        }],
        dmarc: Some(dmarc_for("example.com", "v=DMARC1; p=reject")),
        received: vec!["from relay.example.net by check.test".into()],
        tls: Some("TLSv1.3".into()),
    }
}

fn codes(found: &[Diagnostic]) -> Vec<&'static str> {
    found.iter().map(|d| d.code.as_str()).collect()
}

fn text(d: &Diagnostic, name: &str) -> String {
    match d.params.get(name) {
        Some(Param::Text(t)) => t.clone(),
        Some(Param::Count(n)) => n.to_string(),
        None => panic!("{} has no {name}", d.code),
    }
}

#[test]
fn a_good_message_is_ok_with_its_delay() {
    let found = findings(Some(&good()), WAITED);
    assert_eq!(codes(&found), ["arrival.ok"]);
    assert_eq!(text(&found[0], "seconds"), "1.2");
}

#[test]
fn nothing_arrived_is_an_error_with_the_wait() {
    let found = findings(None, WAITED);
    assert_eq!(codes(&found), ["arrival.not-arrived"]);
    assert_eq!(found[0].severity, Severity::Error);
    assert_eq!(text(&found[0], "count"), "60");
}

#[test]
fn nothing_arrived_while_our_inbox_turned_relays_away_is_our_problem() {
    let busy = Wait {
        inbox_refused: 3,
        ..WAITED
    };
    let found = findings(None, busy);
    assert_eq!(codes(&found), ["probe.inbox-busy"]);
    assert_eq!(text(&found[0], "count"), "60");
    // A message that came is judged as ever, refusals or not.
    assert_eq!(codes(&findings(Some(&good()), busy)), ["arrival.ok"]);
}

#[test]
fn a_rewritten_from_is_named_and_judged_by_what_was_shown() {
    let mut d = good();
    d.from_configured = "sales@example.com".into();
    let found = findings(Some(&d), WAITED);
    assert_eq!(codes(&found), ["arrival.from-rewritten"]);
    assert_eq!(text(&found[0], "seen"), "me@example.com");
    // Case alone is not a rewrite.
    let mut d = good();
    d.from_seen = Some("Me@Example.COM".into());
    assert_eq!(codes(&findings(Some(&d), WAITED)), ["arrival.ok"]);
}

#[test]
fn dkim_missing_failing_or_weak() {
    let mut unsigned = good();
    unsigned.dkim.clear();
    // SPF still passes and aligns: DMARC holds.
    assert_eq!(
        codes(&findings(Some(&unsigned), WAITED)),
        ["arrival.dkim-missing"]
    );

    let mut broken = good();
    broken.dkim[0].result = DkimResult::Fail("body hash does not match".into());
    let found = findings(Some(&broken), WAITED);
    assert_eq!(codes(&found), ["arrival.dkim-fail"]);
    assert_eq!(text(&found[0], "case"), "fail");

    let mut weak = good();
    weak.dkim[0].rsa_bits = Some(512);
    let found = findings(Some(&weak), WAITED);
    assert_eq!(codes(&found), ["arrival.dkim-fail"]);
    assert_eq!(text(&found[0], "case"), "weak-key");
    assert_eq!(text(&found[0], "detail"), "512");
}

#[test]
fn spf_failing_is_a_warning_while_dkim_aligns() {
    let mut d = good();
    d.spf = spf::Verdict::SoftFail;
    let found = findings(Some(&d), WAITED);
    assert_eq!(codes(&found), ["arrival.spf-fail"]);
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(text(&found[0], "address"), "198.51.100.7");
}

#[test]
fn dmarc_fails_when_neither_aligns() {
    // Signed by the provider's own domain, envelope at the provider.
    let mut d = good();
    d.dkim[0].domain = "sendgrid.net".into();
    d.spf_domain = "bounces.sendgrid.net".into();
    let found = findings(Some(&d), WAITED);
    assert_eq!(codes(&found), ["arrival.dmarc-fail"]);
    assert_eq!(text(&found[0], "policy"), "reject");
    assert_eq!(found[0].severity, Severity::Error);
    // A subdomain aligns under relaxed rules...
    let mut sub = good();
    sub.dkim[0].domain = "mail.example.com".into();
    assert_eq!(codes(&findings(Some(&sub), WAITED)), ["arrival.ok"]);
    // ...not under strict ones.
    sub.dmarc = Some(dmarc_for(
        "example.com",
        "v=DMARC1; p=reject; adkim=s; aspf=s",
    ));
    sub.spf_domain = "bounce.example.com".into();
    assert_eq!(codes(&findings(Some(&sub), WAITED)), ["arrival.dmarc-fail"]);
    // Without a DMARC record there is no DMARC failure to report.
    let mut none = d;
    none.dmarc = Some(dmarc::discover(
        "example.com",
        &HashMap::<String, Vec<String>>::new(),
    ));
    assert!(!codes(&findings(Some(&none), WAITED)).contains(&"arrival.dmarc-fail"));
}

#[test]
fn every_finding_reads_in_every_language() {
    let mut all = findings(
        None,
        Wait {
            secs: 1,
            inbox_refused: 0,
        },
    );
    all.extend(findings(
        None,
        Wait {
            secs: 1,
            inbox_refused: 1,
        },
    ));
    all.extend(findings(Some(&good()), WAITED));
    let mut bad = good();
    bad.from_configured = "sales@example.com".into();
    bad.dkim[0].result = DkimResult::Fail("signature does not verify".into());
    bad.dkim.push(Signature {
        domain: "example.com".into(),
        selector: "old".into(),
        result: DkimResult::Pass,
        rsa_bits: Some(512),
    });
    bad.spf = spf::Verdict::Fail;
    bad.dkim[1].domain = "elsewhere.net".into();
    all.extend(findings(Some(&bad), WAITED));
    let mut unsigned = good();
    unsigned.dkim.clear();
    all.extend(findings(Some(&unsigned), WAITED));
    let listed: Vec<_> = codes(&all);
    for code in [
        "arrival.ok",
        "arrival.not-arrived",
        "arrival.from-rewritten",
        "arrival.dkim-missing",
        "arrival.dkim-fail",
        "arrival.spf-fail",
        "arrival.dmarc-fail",
    ] {
        assert!(listed.contains(&code), "{code} in {listed:?}");
    }
    for locale in ["en", "de", "fr", "es", "pt-BR", "ja"] {
        let mut texts = all.clone();
        smtp_doctor_core::i18n::localize(&mut texts, locale);
        for d in &texts {
            assert!(
                !d.message.is_empty() && !d.help.is_empty(),
                "{locale} {}",
                d.code
            );
        }
    }
    let mut en = all;
    smtp_doctor_core::i18n::localize(&mut en, "en");
    let lines: Vec<String> = en
        .iter()
        .map(|d| {
            format!(
                "{} [{}]\n  {}\n  {}",
                d.code,
                d.severity.as_str(),
                d.message,
                d.help
            )
        })
        .collect();
    insta::assert_snapshot!(lines.join("\n"));
}
