//! The `domain` check's findings (SPEC §7.2) over scripted answers: each
//! code raised where it must be and not where it must not, the record to
//! publish named exactly, and a resolver failure never read as a verdict
//! on the customer's records.

use std::collections::HashMap;
use std::net::IpAddr;

use smtp_doctor_core::domain::check::{
    Answers, LookupFailed, Questions, Relay, findings, merge_term,
};
use smtp_doctor_core::domain::dkim::{Key, KeyType};
use smtp_doctor_core::domain::dmarc;
use smtp_doctor_core::domain::spf::{Answer, MAX_ROUNDS, Outcome, Query, Spf};
use smtp_doctor_core::providers::provider_by_host;
use smtp_doctor_core::{Code, Diagnostic, Param, Severity};

/// DNS as scripted: TXT and A answers by name, the rest NXDOMAIN; names
/// listed as failing give SERVFAIL.
#[derive(Default, Clone)]
struct Zone {
    answers: HashMap<Query, Answer>,
    dkim: HashMap<String, Key>,
    dns_down: bool,
}

impl Zone {
    fn txt(mut self, name: &str, records: &[&str]) -> Self {
        let records = records.iter().map(|r| (*r).to_owned()).collect();
        self.answers
            .insert(Query::Txt(name.into()), Answer::Txt(records));
        self
    }
    fn a(mut self, name: &str, address: &str) -> Self {
        self.answers.insert(
            Query::Addresses(name.into()),
            Answer::Addresses(vec![address.parse().unwrap()]),
        );
        self
    }
    fn key(mut self, selector: &str, key: Key) -> Self {
        self.dkim.insert(selector.into(), key);
        self
    }
    fn down(mut self) -> Self {
        self.dns_down = true;
        self
    }

    fn spf(&self, domain: &str, ip: IpAddr) -> Outcome {
        let mut spf = Spf::new(domain, ip, &format!("me@{domain}"));
        for _ in 0..MAX_ROUNDS {
            let missing = spf.missing();
            if missing.is_empty() {
                break;
            }
            for q in missing {
                let answer = if self.dns_down {
                    Answer::Failed
                } else {
                    self.answers.get(&q).cloned().unwrap_or(Answer::Nothing)
                };
                spf.supply(q, answer);
            }
        }
        spf.evaluate()
    }

    fn answers(&self, q: &Questions, ip: IpAddr) -> Answers {
        let dmarc = if self.dns_down {
            Err(LookupFailed)
        } else {
            let txt: HashMap<String, Vec<String>> = dmarc::walk(&q.from_domain)
                .into_iter()
                .filter_map(
                    |name| match self.answers.get(&Query::Txt(format!("_dmarc.{name}"))) {
                        Some(Answer::Txt(records)) => Some((name, records.clone())),
                        _ => None,
                    },
                )
                .collect();
            Ok(dmarc::discover(&q.from_domain, &txt))
        };
        let dkim = if self.dns_down {
            Err(LookupFailed)
        } else {
            Ok(q.selectors
                .iter()
                .map(|s| ((*s).to_owned(), self.dkim.get(*s).cloned()))
                .collect())
        };
        Answers {
            spf: self.spf(&q.spf_domain, ip),
            dmarc,
            dkim,
        }
    }
}

/// The findings for mail from `from` (login `login`) through `host`, whose
/// address is `address`.
fn check(
    zone: &Zone,
    host: &str,
    address: Option<&str>,
    from: &str,
    login: Option<&str>,
) -> Vec<Diagnostic> {
    let relay = Relay {
        host,
        address: address.map(|a| a.parse().unwrap()),
        provider: provider_by_host(host),
    };
    let q = Questions::new(from, login, &relay).expect("a From domain");
    let ip = relay.address.unwrap_or_else(|| "0.0.0.0".parse().unwrap());
    findings(&q, &relay, &zone.answers(&q, ip))
}

fn codes(found: &[Diagnostic]) -> Vec<&'static str> {
    found.iter().map(|d| d.code.as_str()).collect()
}

fn text(d: &Diagnostic, name: &str) -> String {
    match d.params.get(name) {
        Some(Param::Text(t)) => t.clone(),
        Some(Param::Count(n)) => n.to_string(),
        None => panic!("{} has no param {name}", d.code),
    }
}

fn google_spf(zone: Zone) -> Zone {
    zone.txt("_spf.google.com", &["v=spf1 ip4:209.85.128.0/17 ~all"])
}

fn m365_spf(zone: Zone) -> Zone {
    zone.txt(
        "spf.protection.outlook.com",
        &["v=spf1 ip4:40.92.0.0/15 -all"],
    )
}

const GMAIL: &str = "smtp.gmail.com";
const M365: &str = "smtp.office365.com";
const SENDGRID: &str = "smtp.sendgrid.net";
const STRONG: Key = Key::Published {
    kind: KeyType::Rsa,
    bits: 2048,
};

#[test]
fn a_workspace_domain_in_order_is_ok_and_says_how() {
    let zone = google_spf(Zone::default())
        .txt("example.com", &["v=spf1 include:_spf.google.com ~all"])
        .txt("_dmarc.example.com", &["v=DMARC1; p=reject"])
        .key("google", STRONG);
    let found = check(&zone, GMAIL, None, "me@example.com", Some("me@example.com"));
    assert_eq!(codes(&found), ["domain.ok"]);
    assert_eq!(text(&found[0], "case"), "spf");
    assert_eq!(text(&found[0], "policy"), "reject");
}

#[test]
fn a_missing_include_names_the_one_merged_record() {
    let zone = m365_spf(google_spf(Zone::default()))
        .txt("example.com", &["v=spf1 include:_spf.google.com ~all"])
        .txt("_dmarc.example.com", &["v=DMARC1; p=none"])
        .key("selector1", STRONG);
    let found = check(&zone, M365, None, "me@example.com", None);
    assert_eq!(codes(&found), ["domain.spf-excludes-relay"]);
    assert_eq!(text(&found[0], "include"), "spf.protection.outlook.com");
    assert_eq!(
        text(&found[0], "record"),
        "v=spf1 include:spf.protection.outlook.com include:_spf.google.com ~all",
        "merged into the existing record, never a second one"
    );
    // p=none: SPF fails but DKIM aligns, and nothing is refused anyway.
    assert!(!found.iter().any(|d| d.severity == Severity::Error));
}

#[test]
fn an_include_reached_through_a_nested_include_counts() {
    let zone = google_spf(Zone::default())
        .txt("example.com", &["v=spf1 include:_spf.example.com -all"])
        .txt("_spf.example.com", &["v=spf1 include:_spf.google.com -all"])
        .txt("_dmarc.example.com", &["v=DMARC1; p=quarantine"])
        .key("google", STRONG);
    let found = check(&zone, GMAIL, None, "me@example.com", None);
    assert_eq!(codes(&found), ["domain.ok"]);
}

#[test]
fn no_records_at_all_for_an_unknown_relay() {
    let found = check(
        &Zone::default(),
        "mail.example.net",
        Some("198.51.100.7"),
        "me@example.com",
        None,
    );
    assert_eq!(
        codes(&found),
        ["domain.spf-missing", "domain.dmarc-missing"]
    );
    assert_eq!(text(&found[0], "record"), "v=spf1 a:mail.example.net ~all");
    assert_eq!(text(&found[1], "name"), "_dmarc.example.com");
    assert_eq!(found[1].severity, Severity::Info);
}

#[test]
fn an_unknown_relay_is_checked_by_the_address_connected_to() {
    let zone = Zone::default()
        .txt("example.com", &["v=spf1 ip4:198.51.100.0/24 -all"])
        .txt("_dmarc.example.com", &["v=DMARC1; p=reject"]);
    let passing = check(
        &zone,
        "mail.example.net",
        Some("198.51.100.7"),
        "me@example.com",
        None,
    );
    assert_eq!(codes(&passing), ["domain.ok"]);

    let failing = check(
        &zone,
        "mail.example.net",
        Some("203.0.113.9"),
        "me@example.com",
        None,
    );
    assert_eq!(codes(&failing), ["domain.spf-excludes-relay"]);
    assert_eq!(text(&failing[0], "result"), "fail");
    assert_eq!(text(&failing[0], "address"), "203.0.113.9");
    assert_eq!(
        text(&failing[0], "record"),
        "v=spf1 a:mail.example.net ip4:198.51.100.0/24 -all"
    );
    // The relay may sign with a key we cannot see: a warning, not an error.
    assert!(!failing.iter().any(|d| d.severity == Severity::Error));

    // An address literal is authorized by itself.
    let literal = check(
        &zone,
        "203.0.113.9",
        Some("203.0.113.9"),
        "me@example.com",
        None,
    );
    assert_eq!(
        text(&literal[0], "record"),
        "v=spf1 ip4:203.0.113.9 ip4:198.51.100.0/24 -all"
    );
}

#[test]
fn without_the_relay_address_nothing_is_said_about_authorizing_it() {
    // The session never got an address past the policy (or DNS failed).
    let zone = Zone::default()
        .txt("example.com", &["v=spf1 -all"])
        .txt("_dmarc.example.com", &["v=DMARC1; p=reject"]);
    let found = check(&zone, "mail.example.net", None, "me@example.com", None);
    assert_eq!(codes(&found), ["domain.ok"]);
    assert_eq!(text(&found[0], "case"), "records");
}

#[test]
fn an_enforcing_policy_with_nothing_to_align_is_an_error() {
    // SendGrid: its own bounce domain, so only DKIM (s1/s2) can align.
    let zone = Zone::default()
        .txt("example.com", &["v=spf1 -all"])
        .txt("_dmarc.example.com", &["v=DMARC1; p=reject"]);
    let found = check(&zone, SENDGRID, None, "me@example.com", Some("apikey"));
    assert_eq!(
        codes(&found),
        ["domain.dkim-missing", "domain.dmarc-unaligned"]
    );
    assert_eq!(text(&found[0], "selectors"), "s1, s2");
    assert_eq!(text(&found[0], "name"), "s1._domainkey.example.com");
    let unaligned = &found[1];
    assert_eq!(unaligned.severity, Severity::Error);
    assert_eq!(text(unaligned, "policy"), "reject");
    assert_eq!(text(unaligned, "provider"), "SendGrid");

    // With the key published, DKIM aligns: no error.
    let signed = zone.clone().key("s1", STRONG);
    assert_eq!(
        codes(&check(&signed, SENDGRID, None, "me@example.com", None)),
        ["domain.ok"]
    );

    // p=none asks for nothing: the missing key is still worth a warning.
    let monitoring = zone.txt("_dmarc.example.com", &["v=DMARC1; p=none"]);
    assert_eq!(
        codes(&check(&monitoring, SENDGRID, None, "me@example.com", None)),
        ["domain.dkim-missing"]
    );
}

#[test]
fn a_provider_domain_with_reject_through_another_provider() {
    // Sending as @yahoo.com through SendGrid: yahoo.com says p=reject.
    let zone = Zone::default()
        .txt("yahoo.com", &["v=spf1 redirect=_spf.mail.yahoo.com"])
        .txt("_spf.mail.yahoo.com", &["v=spf1 ip4:98.136.0.0/14 ~all"])
        .txt("_dmarc.yahoo.com", &["v=DMARC1; p=reject; pct=100"]);
    let found = check(&zone, SENDGRID, None, "someone@yahoo.com", None);
    assert!(
        codes(&found).contains(&"domain.dmarc-unaligned"),
        "{found:?}"
    );
}

#[test]
fn the_policy_of_the_organizational_domain_applies_to_a_subdomain() {
    let zone = m365_spf(Zone::default())
        .txt("mail.example.com", &["v=spf1 -all"])
        .txt("_dmarc.example.com", &["v=DMARC1; p=reject; sp=quarantine"]);
    let found = check(&zone, M365, None, "me@mail.example.com", None);
    assert_eq!(
        codes(&found),
        [
            "domain.spf-excludes-relay",
            "domain.dkim-missing",
            "domain.dmarc-unaligned"
        ]
    );
    let unaligned = found.last().unwrap();
    assert_eq!(
        text(unaligned, "policy"),
        "quarantine",
        "sp= for a subdomain"
    );
    assert_eq!(text(unaligned, "at"), "_dmarc.example.com");
}

#[test]
fn a_short_key_is_a_warning_and_still_aligns() {
    let zone = Zone::default()
        .txt("example.com", &["v=spf1 -all"])
        .txt("_dmarc.example.com", &["v=DMARC1; p=reject"])
        .key(
            "s2",
            Key::Published {
                kind: KeyType::Rsa,
                bits: 1024,
            },
        );
    let found = check(&zone, SENDGRID, None, "me@example.com", None);
    assert_eq!(codes(&found), ["domain.dkim-weak-key"]);
    assert_eq!(text(&found[0], "bits"), "1024");
    assert_eq!(text(&found[0], "selector"), "s2");
}

#[test]
fn a_revoked_key_is_no_key() {
    let zone = Zone::default()
        .txt("example.com", &["v=spf1 -all"])
        .txt("_dmarc.example.com", &["v=DMARC1; p=none"])
        .key("s1", Key::Revoked);
    let found = check(&zone, SENDGRID, None, "me@example.com", None);
    assert_eq!(codes(&found), ["domain.dkim-missing"]);
    assert_eq!(text(&found[0], "case"), "revoked");
}

#[test]
fn records_receivers_reject_are_invalid() {
    let two = Zone::default()
        .txt(
            "example.com",
            &["v=spf1 -all", "v=spf1 include:_spf.google.com ~all"],
        )
        .txt("_dmarc.example.com", &["v=DMARC1; p=none"]);
    let found = check(
        &two,
        "mail.example.net",
        Some("198.51.100.7"),
        "me@example.com",
        None,
    );
    assert_eq!(codes(&found)[0], "domain.spf-invalid");
    assert_eq!(text(&found[0], "case"), "several");

    // Eleven includes: over the limit of ten lookups.
    let includes: Vec<String> = (0..11)
        .map(|i| format!("include:s{i}.example.net"))
        .collect();
    let record = format!("v=spf1 {} -all", includes.join(" "));
    let mut zone = Zone::default()
        .txt("example.com", &[&record])
        .txt("_dmarc.example.com", &["v=DMARC1; p=none"]);
    for i in 0..11 {
        zone = zone.txt(&format!("s{i}.example.net"), &["v=spf1 ip4:192.0.2.1 -all"]);
    }
    let found = check(
        &zone,
        "mail.example.net",
        Some("198.51.100.7"),
        "me@example.com",
        None,
    );
    let invalid = found
        .iter()
        .find(|d| d.code == Code::DomainSpfInvalid)
        .expect("over the limit");
    assert_eq!(text(invalid, "case"), "lookups");
}

#[test]
fn a_resolver_failure_is_never_a_verdict_on_the_records() {
    let zone = Zone::default().down();
    let found = check(&zone, M365, None, "me@example.com", None);
    assert_eq!(
        codes(&found),
        [
            "domain.lookup-failed",
            "domain.lookup-failed",
            "domain.lookup-failed"
        ]
    );
    let cases: Vec<String> = found.iter().map(|d| text(d, "case")).collect();
    assert_eq!(cases, ["spf", "dkim", "dmarc"]);
    assert!(!found.iter().any(|d| d.severity == Severity::Error));
    // Same for an unknown relay: no "missing", no "excludes".
    let found = check(
        &zone,
        "mail.example.net",
        Some("198.51.100.7"),
        "me@example.com",
        None,
    );
    assert_eq!(
        codes(&found),
        ["domain.lookup-failed", "domain.lookup-failed"]
    );
}

#[test]
fn what_is_asked_depends_on_the_relay() {
    let relay = |host| Relay {
        host,
        address: None,
        provider: provider_by_host(host),
    };
    // Mailgun's envelope is the login's sending domain.
    let q = Questions::new(
        "me@example.com",
        Some("postmaster@mg.example.com"),
        &relay("smtp.mailgun.org"),
    )
    .unwrap();
    assert_eq!(q.spf_domain, "mg.example.com");
    assert_eq!(q.from_domain, "example.com");
    // A provider's own mailbox domain: its keys are its business.
    let q = Questions::new("me@gmail.com", Some("me@gmail.com"), &relay(GMAIL)).unwrap();
    assert!(q.selectors.is_empty());
    let q = Questions::new("me@Example.COM", None, &relay(M365)).unwrap();
    assert_eq!(q.selectors, ["selector1", "selector2"]);
    assert_eq!(q.from_domain, "example.com");
    assert!(Questions::new("no-domain", None, &relay(M365)).is_none());
}

#[test]
fn a_mailgun_sending_domain_aligns_with_its_parent() {
    let zone = Zone::default()
        .txt("mg.example.com", &["v=spf1 include:mailgun.org ~all"])
        .txt("mailgun.org", &["v=spf1 ip4:198.61.254.0/23 ~all"])
        .txt("_dmarc.example.com", &["v=DMARC1; p=reject"]);
    let found = check(
        &zone,
        "smtp.mailgun.org",
        None,
        "me@example.com",
        Some("postmaster@mg.example.com"),
    );
    assert_eq!(codes(&found), ["domain.ok"]);
    // Strict SPF alignment (aspf=s): a subdomain no longer aligns, and
    // Mailgun's DKIM selectors are per account, so nothing is claimed.
    let strict = zone.txt("_dmarc.example.com", &["v=DMARC1; p=reject; aspf=s"]);
    let found = check(
        &strict,
        "smtp.mailgun.org",
        None,
        "me@example.com",
        Some("postmaster@mg.example.com"),
    );
    assert!(
        !found.iter().any(|d| d.severity == Severity::Error),
        "{found:?}"
    );
}

#[test]
fn merging_keeps_one_record() {
    assert_eq!(
        merge_term("v=spf1 -all", "include:x.example"),
        "v=spf1 include:x.example -all"
    );
    assert_eq!(
        merge_term("v=spf1", "a:relay.example"),
        "v=spf1 a:relay.example ~all"
    );
    assert_eq!(
        merge_term("  v=spf1   mx ~all ", "include:x.example"),
        "v=spf1 include:x.example mx ~all"
    );
}

#[test]
fn every_finding_reads_in_every_language() {
    let zone = Zone::default()
        .txt("example.com", &["v=spf1 -all"])
        .txt("_dmarc.example.com", &["v=DMARC1; p=reject"]);
    let mut all = check(&zone, SENDGRID, None, "me@example.com", None);
    all.extend(check(
        &Zone::default(),
        "mail.example.net",
        Some("198.51.100.7"),
        "me@example.com",
        None,
    ));
    all.extend(check(
        &Zone::default().down(),
        M365,
        None,
        "me@example.com",
        None,
    ));
    let ok = google_spf(Zone::default())
        .txt("example.com", &["v=spf1 include:_spf.google.com ~all"])
        .txt("_dmarc.example.com", &["v=DMARC1; p=quarantine"])
        .key("google", STRONG);
    all.extend(check(&ok, GMAIL, None, "me@example.com", None));
    for locale in ["en", "de", "fr", "es", "pt-BR", "ja"] {
        let mut texts = all.clone();
        smtp_doctor_core::i18n::localize(&mut texts, locale);
        for d in &texts {
            assert!(
                !d.message.is_empty() && !d.help.is_empty(),
                "{locale} {}",
                d.code
            );
            assert!(
                !d.message.contains("{$") && !d.help.contains("{$"),
                "{locale}: {}",
                d.message
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

#[test]
fn an_a_term_naming_the_relay_authorizes_it() {
    let zone = Zone::default()
        .txt("example.com", &["v=spf1 a:mail.example.net -all"])
        .a("mail.example.net", "198.51.100.7")
        .txt("_dmarc.example.com", &["v=DMARC1; p=quarantine"]);
    let found = check(
        &zone,
        "mail.example.net",
        Some("198.51.100.7"),
        "me@example.com",
        None,
    );
    assert_eq!(codes(&found), ["domain.ok"]);
    assert_eq!(text(&found[0], "policy"), "quarantine");
}
