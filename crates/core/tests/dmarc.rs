//! DMARC discovery per RFC 9989 over scripted `_dmarc` answers: the tree
//! walk, the Organizational Domain, the policy that applies, alignment.

use std::collections::HashMap;

use smtp_doctor_core::domain::dmarc::{
    Discovery, MAX_QUERIES, Policy, aligned, discover, is_dmarc, parse, walk,
};

fn zone(records: &[(&str, &str)]) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for (name, text) in records {
        out.entry((*name).to_owned())
            .or_default()
            .push((*text).to_owned());
    }
    out
}

fn found_at(d: &Discovery) -> Option<&str> {
    d.record.as_ref().map(|(at, _)| at.as_str())
}

#[test]
fn the_walk_goes_up_one_label_at_a_time_from_seven_at_most() {
    assert_eq!(
        walk("a.mail.example.com"),
        [
            "a.mail.example.com",
            "mail.example.com",
            "example.com",
            "com"
        ]
    );
    assert_eq!(walk("Example.COM."), ["example.com", "com"]);
    let long = "a.b.c.d.e.f.g.h.i.example";
    let names = walk(long);
    assert_eq!(names.len(), MAX_QUERIES);
    assert_eq!(names[0], long);
    assert_eq!(names[1], "d.e.f.g.h.i.example", "a jump to 7 labels");
    assert_eq!(names[7], "example");
}

#[test]
fn the_domain_s_own_record_applies_first() {
    let z = zone(&[
        ("mail.example.com", "v=DMARC1; p=reject"),
        ("example.com", "v=DMARC1; p=none"),
    ]);
    let d = discover("mail.example.com", &z);
    assert_eq!(found_at(&d), Some("mail.example.com"));
    assert_eq!(d.policy("mail.example.com", true), Some(Policy::Reject));
    assert_eq!(
        d.organizational.as_deref(),
        Some("example.com"),
        "the fewest labels"
    );
}

#[test]
fn a_subdomain_gets_the_organizational_domain_s_sp_or_p_and_np_when_it_does_not_exist() {
    let z = zone(&[("example.com", "v=DMARC1; p=quarantine; sp=reject; np=none")]);
    let d = discover("news.example.com", &z);
    assert_eq!(found_at(&d), Some("example.com"));
    assert_eq!(d.policy("news.example.com", true), Some(Policy::Reject));
    assert_eq!(d.policy("news.example.com", false), Some(Policy::None));
    let z = zone(&[("example.com", "v=DMARC1; p=quarantine")]);
    assert_eq!(
        discover("news.example.com", &z).policy("news.example.com", true),
        Some(Policy::Quarantine)
    );
}

#[test]
fn a_record_at_the_organizational_domain_of_a_multi_label_suffix_is_found_without_a_list() {
    // example.co.uk has a record; co.uk and uk have none: no Public Suffix
    // List needed, the walk finds it.
    let z = zone(&[("example.co.uk", "v=DMARC1; p=reject")]);
    let d = discover("mail.example.co.uk", &z);
    assert_eq!(found_at(&d), Some("example.co.uk"));
    assert_eq!(d.organizational.as_deref(), Some("example.co.uk"));
    assert_eq!(d.policy("mail.example.co.uk", true), Some(Policy::Reject));
}

#[test]
fn psd_marks_where_the_organizational_domain_is() {
    // A public suffix operator's record: the org domain is one label below.
    let z = zone(&[("gov.example", "v=DMARC1; p=reject; psd=y")]);
    let d = discover("mail.agency.gov.example", &z);
    assert_eq!(d.organizational.as_deref(), Some("agency.gov.example"));
    // The PSD's record is not the agency's own policy record.
    assert_eq!(found_at(&d), None);
    // psd=n: this is the organizational domain, the walk stops there.
    let z = zone(&[
        ("dept.example.com", "v=DMARC1; p=quarantine; psd=n"),
        ("example.com", "v=DMARC1; p=reject"),
    ]);
    let d = discover("a.dept.example.com", &z);
    assert_eq!(d.organizational.as_deref(), Some("dept.example.com"));
    assert_eq!(
        d.policy("a.dept.example.com", true),
        Some(Policy::Quarantine)
    );
}

#[test]
fn testing_mode_lowers_the_policy_one_step() {
    let z = zone(&[("example.com", "v=DMARC1; p=reject; t=y")]);
    assert_eq!(
        discover("example.com", &z).policy("example.com", true),
        Some(Policy::Quarantine)
    );
    let z = zone(&[("example.com", "v=DMARC1; p=quarantine; t=y")]);
    assert_eq!(
        discover("example.com", &z).policy("example.com", true),
        Some(Policy::None)
    );
}

#[test]
fn no_record_and_several_records() {
    let d = discover("example.com", &zone(&[("example.com", "v=spf1 -all")]));
    assert_eq!(d.record, None);
    assert_eq!(d.organizational, None);
    let z = zone(&[
        ("example.com", "v=DMARC1; p=reject"),
        ("example.com", "v=DMARC1; p=none"),
    ]);
    let d = discover("example.com", &z);
    assert_eq!(d.record, None, "several records are ignored");
    assert_eq!(d.several_at, ["example.com"]);
}

#[test]
fn records_parse_as_receivers_read_them() {
    let r = parse("v=DMARC1; p=Reject; sp=none; adkim=s; aspf=r; rua=mailto:x@example.com; pct=50")
        .unwrap();
    assert_eq!(r.p, Some(Policy::Reject));
    assert_eq!(r.sp, Some(Policy::None));
    assert!(r.strict_dkim && !r.strict_spf);
    assert!(!r.testing, "pct is gone in RFC 9989");
    assert_eq!(parse("v=DMARC1; p=bogus").unwrap().p, None);
    assert!(is_dmarc("v=DMARC1"));
    assert!(!is_dmarc("p=reject; v=DMARC1"));
    assert!(!is_dmarc("v=DMARC2; p=reject"));
    assert_eq!(parse("v=spf1 -all"), None);
}

#[test]
fn alignment_is_exact_when_strict_and_by_organizational_domain_when_relaxed() {
    assert!(aligned("example.com", "example.com", None, true));
    assert!(!aligned(
        "example.com",
        "mail.example.com",
        Some("example.com"),
        true
    ));
    assert!(aligned(
        "example.com",
        "bounces.mail.example.com",
        Some("example.com"),
        false
    ));
    assert!(!aligned(
        "example.com",
        "sendgrid.net",
        Some("example.com"),
        false
    ));
    assert!(!aligned(
        "example.com",
        "notexample.com",
        Some("example.com"),
        false
    ));
}
