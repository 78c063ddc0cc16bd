//! SPF evaluation over scripted DNS answers: each RFC 7208 rule a
//! receiver applies, and the facts a person needs to fix a record.

use std::collections::HashMap;
use std::net::IpAddr;

use smtp_doctor_core::domain::spf::{
    Answer, MAX_ROUNDS, Outcome, Problem, Query, Spf, Verdict, expand, is_spf,
};

/// A zone: TXT, A/AAAA and MX answers by name; anything else is NXDOMAIN.
#[derive(Default)]
struct Zone(HashMap<Query, Answer>);

impl Zone {
    fn txt(mut self, name: &str, records: &[&str]) -> Self {
        let records = records.iter().map(|r| (*r).to_owned()).collect();
        self.0.insert(Query::Txt(name.into()), Answer::Txt(records));
        self
    }
    fn a(mut self, name: &str, addresses: &[&str]) -> Self {
        let list = addresses.iter().map(|a| a.parse().unwrap()).collect();
        self.0
            .insert(Query::Addresses(name.into()), Answer::Addresses(list));
        self
    }
    fn mx(mut self, name: &str, hosts: &[&str]) -> Self {
        let hosts = hosts.iter().map(|h| (*h).to_owned()).collect();
        self.0.insert(Query::Mx(name.into()), Answer::Mx(hosts));
        self
    }
    fn failing(mut self, query: Query) -> Self {
        self.0.insert(query, Answer::Failed);
        self
    }

    /// What the probe does: answer each batch of missing questions until
    /// none is left, then evaluate. Returns the outcome and the questions asked.
    fn check(&self, domain: &str, ip: &str) -> (Outcome, Vec<Query>) {
        let ip: IpAddr = ip.parse().unwrap();
        let mut spf = Spf::new(domain, ip, &format!("me@{domain}"));
        let mut asked = Vec::new();
        for _ in 0..MAX_ROUNDS {
            let missing = spf.missing();
            if missing.is_empty() {
                return (spf.evaluate(), asked);
            }
            for q in missing {
                let answer = self.0.get(&q).cloned().unwrap_or(Answer::Nothing);
                asked.push(q.clone());
                spf.supply(q, answer);
            }
        }
        panic!("no conclusion within {MAX_ROUNDS} rounds");
    }
}

fn google() -> Zone {
    Zone::default()
        .txt(
            "example.com",
            &[
                "google-site-verification=x",
                "v=spf1 include:_spf.google.com ~all",
            ],
        )
        .txt(
            "_spf.google.com",
            &["v=spf1 include:_netblocks.google.com ~all"],
        )
        .txt(
            "_netblocks.google.com",
            &["v=spf1 ip4:209.85.128.0/17 ip6:2001:4860:4000::/36 ~all"],
        )
}

#[test]
fn a_known_provider_passes_through_its_include() {
    let (o, _) = google().check("example.com", "209.85.220.41");
    assert_eq!(o.verdict, Verdict::Pass);
    assert_eq!(o.problem, None);
    assert!(o.facts.includes_domain("_spf.google.com"));
    assert_eq!(o.facts.lookups, 2);
    assert_eq!(
        o.facts.record.as_deref(),
        Some("v=spf1 include:_spf.google.com ~all")
    );
    let (o, _) = google().check("example.com", "2001:4860:4000::1");
    assert_eq!(o.verdict, Verdict::Pass, "ip6 networks");
}

#[test]
fn another_relay_soft_fails() {
    let (o, _) = google().check("example.com", "203.0.113.5");
    assert_eq!(o.verdict, Verdict::SoftFail);
    assert!(!o.facts.includes_domain("sendgrid.net"));
}

#[test]
fn no_record_is_none_and_nothing_else_is_asked() {
    let (o, asked) = Zone::default()
        .txt("example.com", &["not spf"])
        .check("example.com", "192.0.2.1");
    assert_eq!(o.verdict, Verdict::None);
    assert_eq!(o.facts.record, None);
    assert_eq!(asked, [Query::Txt("example.com".into())]);
}

#[test]
fn two_records_are_a_permerror() {
    let zone = Zone::default().txt(
        "example.com",
        &["v=spf1 -all", "v=spf1 include:_spf.google.com -all"],
    );
    let (o, _) = zone.check("example.com", "192.0.2.1");
    assert_eq!(
        o.verdict,
        Verdict::PermError(Problem::SeveralRecords("example.com".into()))
    );
}

#[test]
fn syntax_errors_name_the_term() {
    for (record, term) in [
        ("v=spf1 ipv4:192.0.2.1 -all", "ipv4:192.0.2.1"),
        ("v=spf1 ip4:192.0.2.1/33 -all", "ip4:192.0.2.1/33"),
        ("v=spf1 ip4:2001:db8::1 -all", "ip4:2001:db8::1"),
        ("v=spf1 include: -all", "include:"),
        ("v=spf1 a/024 -all", "a/024"),
        (
            "v=spf1 redirect=a.example redirect=b.example",
            "redirect=b.example",
        ),
        ("v=spf1 exists:%{z}.example -all", "exists:%{z}.example"),
        ("v=spf1 all:x", "all:x"),
    ] {
        let (o, _) = Zone::default()
            .txt("example.com", &[record])
            .check("example.com", "192.0.2.1");
        assert_eq!(
            o.verdict,
            Verdict::PermError(Problem::Syntax {
                domain: "example.com".into(),
                term: term.into()
            }),
            "{record}"
        );
    }
    // Unknown modifiers are allowed (§6).
    let (o, _) = Zone::default()
        .txt("example.com", &["v=spf1 ip4:192.0.2.0/24 foo=bar -all"])
        .check("example.com", "192.0.2.1");
    assert_eq!(o.verdict, Verdict::Pass);
}

/// Eleven includes: a receiver gives up at the eleventh DNS-querying term.
fn eleven() -> Zone {
    let includes: Vec<String> = (1..=11).map(|i| format!("include:i{i}.example")).collect();
    let record = format!("v=spf1 {} -all", includes.join(" "));
    let mut zone = Zone::default().txt("example.com", &[&record]);
    for i in 1..=11 {
        let name = format!("i{i}.example");
        let leaf = format!("v=spf1 ip4:198.51.100.{i} -all");
        zone = zone.txt(&name, &[&leaf]);
    }
    zone
}

#[test]
fn the_lookup_limit_counts_every_include() {
    let (o, _) = eleven().check("example.com", "192.0.2.1");
    assert_eq!(o.verdict, Verdict::PermError(Problem::TooManyLookups(11)));
    assert_eq!(o.problem, Some(Problem::TooManyLookups(11)));
    // The relay matches in the first include: it passes for this receiver,
    // and the record is still broken for everyone past the tenth term.
    let (o, _) = eleven().check("example.com", "198.51.100.1");
    assert_eq!(o.verdict, Verdict::Pass);
    assert_eq!(o.problem, Some(Problem::TooManyLookups(11)));
}

#[test]
fn nested_includes_count_too() {
    // 1 (a) + 1 (b) + 9 (b's a-terms) = 11.
    let a_terms: Vec<String> = (1..=9).map(|i| format!("a:h{i}.example")).collect();
    let b = format!("v=spf1 {} -all", a_terms.join(" "));
    let mut zone = Zone::default()
        .txt("example.com", &["v=spf1 include:a.example -all"])
        .txt("a.example", &["v=spf1 include:b.example ?all"])
        .txt("b.example", &[&b]);
    for i in 1..=9 {
        zone = zone.a(&format!("h{i}.example"), &["203.0.113.9"]);
    }
    let (o, _) = zone.check("example.com", "192.0.2.1");
    assert_eq!(o.problem, Some(Problem::TooManyLookups(11)));
}

#[test]
fn void_lookups_are_limited_to_two() {
    let zone = Zone::default().txt(
        "example.com",
        &["v=spf1 a:x1.example a:x2.example a:x3.example -all"],
    );
    let (o, _) = zone.check("example.com", "192.0.2.1");
    assert_eq!(
        o.verdict,
        Verdict::PermError(Problem::TooManyVoidLookups(3))
    );
    let zone = Zone::default().txt("example.com", &["v=spf1 a:x1.example a:x2.example -all"]);
    assert_eq!(
        zone.check("example.com", "192.0.2.1").0.verdict,
        Verdict::Fail
    );
}

#[test]
fn a_loop_of_includes_is_named() {
    let zone = Zone::default()
        .txt("example.com", &["v=spf1 include:a.example -all"])
        .txt("a.example", &["v=spf1 include:example.com -all"]);
    let (o, asked) = zone.check("example.com", "192.0.2.1");
    assert_eq!(
        o.verdict,
        Verdict::PermError(Problem::Loop("example.com".into()))
    );
    assert_eq!(asked.len(), 2, "each name asked once: {asked:?}");
}

#[test]
fn an_include_or_redirect_without_a_record_is_a_permerror() {
    let zone = Zone::default().txt("example.com", &["v=spf1 include:gone.example -all"]);
    assert_eq!(
        zone.check("example.com", "192.0.2.1").0.verdict,
        Verdict::PermError(Problem::IncludeWithoutRecord("gone.example".into()))
    );
    let zone = Zone::default().txt("example.com", &["v=spf1 redirect=gone.example"]);
    assert_eq!(
        zone.check("example.com", "192.0.2.1").0.verdict,
        Verdict::PermError(Problem::RedirectWithoutRecord("gone.example".into()))
    );
}

#[test]
fn redirect_is_followed_unless_the_record_has_all() {
    let zone = Zone::default()
        .txt("example.com", &["v=spf1 redirect=_spf.example.net"])
        .txt("_spf.example.net", &["v=spf1 ip4:192.0.2.0/24 -all"]);
    let (o, _) = zone.check("example.com", "192.0.2.7");
    assert_eq!(o.verdict, Verdict::Pass);
    assert!(o.facts.includes_domain("_spf.example.net"));
    let zone = Zone::default().txt("example.com", &["v=spf1 ?all redirect=_spf.example.net"]);
    let (o, asked) = zone.check("example.com", "192.0.2.7");
    assert_eq!(o.verdict, Verdict::Neutral);
    assert_eq!(asked.len(), 1, "redirect ignored after all");
}

#[test]
fn mx_terms_look_up_each_host_and_are_limited() {
    let zone = Zone::default()
        .txt("example.com", &["v=spf1 mx -all"])
        .mx("example.com", &["mx1.example.com", "mx2.example.com"])
        .a("mx1.example.com", &["192.0.2.10"])
        .a("mx2.example.com", &["192.0.2.20"]);
    assert_eq!(
        zone.check("example.com", "192.0.2.20").0.verdict,
        Verdict::Pass
    );
    assert_eq!(
        zone.check("example.com", "192.0.2.30").0.verdict,
        Verdict::Fail
    );
    let hosts: Vec<String> = (1..=11).map(|i| format!("mx{i}.example.com")).collect();
    let hosts: Vec<&str> = hosts.iter().map(String::as_str).collect();
    let zone = Zone::default()
        .txt("example.com", &["v=spf1 mx -all"])
        .mx("example.com", &hosts);
    assert_eq!(
        zone.check("example.com", "192.0.2.1").0.verdict,
        Verdict::PermError(Problem::TooManyMxNames("example.com".into()))
    );
    // a with prefix lengths: /24 of each address.
    let zone = Zone::default()
        .txt("example.com", &["v=spf1 a/24 -all"])
        .a("example.com", &["192.0.2.1"]);
    assert_eq!(
        zone.check("example.com", "192.0.2.200").0.verdict,
        Verdict::Pass
    );
}

#[test]
fn exists_with_macros_asks_for_the_expanded_name() {
    let zone = Zone::default()
        .txt("example.com", &["v=spf1 exists:%{ir}.%{v}._spf.%{d} -all"])
        .a("5.113.0.203.in-addr._spf.example.com", &["127.0.0.2"]);
    assert_eq!(
        zone.check("example.com", "203.0.113.5").0.verdict,
        Verdict::Pass
    );
    assert_eq!(
        zone.check("example.com", "203.0.113.6").0.verdict,
        Verdict::Fail
    );
}

#[test]
fn a_dns_failure_is_a_temperror() {
    let zone = google().failing(Query::Txt("_netblocks.google.com".into()));
    assert_eq!(
        zone.check("example.com", "209.85.220.41").0.verdict,
        Verdict::TempError
    );
    let zone = Zone::default().failing(Query::Txt("example.com".into()));
    assert_eq!(
        zone.check("example.com", "192.0.2.1").0.verdict,
        Verdict::TempError
    );
}

#[test]
fn macros_expand_as_rfc_7208_section_7_4_shows() {
    let sender = "strong-bad@email.example.com";
    let domain = "email.example.com";
    let v4: IpAddr = "192.0.2.3".parse().unwrap();
    for (spec, want) in [
        ("%{s}", "strong-bad@email.example.com"),
        ("%{o}", "email.example.com"),
        ("%{d}", "email.example.com"),
        ("%{d4}", "email.example.com"),
        ("%{d3}", "email.example.com"),
        ("%{d2}", "example.com"),
        ("%{d1}", "com"),
        ("%{dr}", "com.example.email"),
        ("%{d2r}", "example.email"),
        ("%{l}", "strong-bad"),
        ("%{l-}", "strong.bad"),
        ("%{lr}", "strong-bad"),
        ("%{lr-}", "bad.strong"),
        ("%{l1r-}", "strong"),
        (
            "%{ir}.%{v}._spf.%{d2}",
            "3.2.0.192.in-addr._spf.example.com",
        ),
        ("%{lr-}.lp._spf.%{d2}", "bad.strong.lp._spf.example.com"),
        (
            "%{lr-}.lp.%{ir}.%{v}._spf.%{d2}",
            "bad.strong.lp.3.2.0.192.in-addr._spf.example.com",
        ),
        (
            "%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}",
            "3.2.0.192.in-addr.strong.lp._spf.example.com",
        ),
        (
            "%{d2}.trusted-domains.example.net",
            "example.com.trusted-domains.example.net",
        ),
    ] {
        assert_eq!(expand(spec, sender, domain, v4), want, "{spec}");
    }
    let v6: IpAddr = "2001:db8::cb01".parse().unwrap();
    assert_eq!(
        expand("%{ir}.%{v}._spf.%{d2}", sender, domain, v6),
        "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com"
    );
}

#[test]
fn only_v_spf1_records_count() {
    assert!(is_spf("v=spf1"));
    assert!(is_spf("V=SPF1 -all"));
    assert!(!is_spf("v=spf10 -all"));
    assert!(!is_spf("spf2.0/pra -all"));
}
