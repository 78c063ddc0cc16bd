//! Properties over arbitrary input: `validate` never panics, and applying
//! any offered fix never adds an error to a field the fix changed.

use std::collections::BTreeSet;

use proptest::prelude::*;
use serde_json::{Map, Value, json};
use smtp_doctor_core::json::Json;
use smtp_doctor_core::{Field, Severity, apply_fix, validate_json};

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| json!(f)),
        ".*".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z]{1,8}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Plausible form input: real hosts, typos, pastes, ports as numbers and
/// strings, every mode spelling, real and odd credentials.
#[allow(clippy::too_many_lines)]
fn arb_config() -> impl Strategy<Value = Value> {
    let known = prop::sample::select(vec![
        "smtp.gmail.com",
        "imap.gmail.com",
        "smtp.office365.com",
        "outlook.office365.com",
        "smtp.sendgrid.net",
        "email-smtp.eu-west-1.amazonaws.com",
        "smtp.postmarkapp.com",
        "smtp-relay.brevo.com",
        "smtp-mail.outlook.com",
        "smtp.example.com",
        "imap.example.com",
        "me@gmail.com",
        "me@example.com",
        "smtps://smtp.gmail.com:465",
        "smtp.example.com:587",
        " smtp.example.com ",
        "smtp.exa mple.com",
        "127.1",
        "[::1]:993",
        "192.168.0.1",
        "https://mail.example.com/x",
        "smtp_x.example.com",
        "",
        "localhost:25",
        "imap.gmail.com:993",
        "smtps://smtp.office365.com:465",
        "submission://smtp.example.com:465",
    ])
    .prop_map(|s| json!(s));
    let host = prop_oneof![4 => known, 1 => "[ -~]{0,30}".prop_map(|s| json!(s)), 1 => "\\PC{0,20}".prop_map(|s| json!(s))];
    let port = prop_oneof![
        prop::sample::select(vec![
            25u16, 465, 587, 2525, 2587, 2465, 993, 143, 110, 995, 8025, 1
        ])
        .prop_map(|p| json!(p)),
        prop::sample::select(vec!["587", "465 ", "", "abc", "0", "70000"]).prop_map(|p| json!(p)),
        Just(Value::Null),
    ];
    let security = prop::sample::select(vec!["tls", "starttls", "none", "SSL", "auto", ""])
        .prop_map(|s| json!(s));
    let flag = prop_oneof![Just(Value::Null), any::<bool>().prop_map(Value::Bool)];
    let user = prop::sample::select(vec![
        "",
        "me",
        "me@gmail.com",
        "apikey",
        "AKIAIOSFODNN7EXAMPLE",
        "me@example.com",
        "resend",
    ])
    .prop_map(|s| json!(s));
    let pass = prop::sample::select(vec![
        "",
        "pw",
        " pw ",
        "abcd efgh ijkl mnop",
        "SG.x.y",
        "xkeysib-1",
        "re_1",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    ])
    .prop_map(|s| json!(s));
    let from = prop::sample::select(vec![
        "",
        "me@example.com",
        "Me <me@gmail.com>",
        "Doe, John <j@example.com>",
        "bad",
        "x@other.org",
    ])
    .prop_map(|s| json!(s));
    let auth = prop::sample::select(vec!["auto", "plain", "xoauth2", "none", "ntlm"])
        .prop_map(|s| json!(s));
    (
        host,
        port,
        security,
        flag.clone(),
        flag,
        user,
        pass,
        from,
        auth,
        any::<u8>(),
    )
        .prop_map(
            |(host, port, security, secure, tls, username, password, from, auth, mask)| {
                let mut m = Map::new();
                let fields = [
                    ("host", host),
                    ("port", port),
                    ("security", security),
                    ("secure", secure),
                    ("tls", tls),
                    ("username", username),
                    ("password", password),
                    ("from", from),
                    ("auth", auth),
                ];
                for (i, (k, v)) in fields.into_iter().enumerate() {
                    // The boolean aliases appear only sometimes (bit i of mask).
                    let alias = k == "secure" || k == "tls";
                    if !v.is_null() && (!alias || mask & (1 << i) == 0) {
                        m.insert(k.to_owned(), v);
                    }
                }
                Value::Object(m)
            },
        )
}

fn errors_on(config: &Value, field: Field) -> BTreeSet<String> {
    validate_json(&Json::from(config))
        .into_iter()
        .filter(|d| d.severity == Severity::Error && d.field == Some(field))
        .map(|d| d.code.to_string())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn validate_never_panics_on_any_json(value in arb_json()) {
        let _ = validate_json(&Json::from(&value));
    }

    #[test]
    fn validate_never_panics_on_any_strings(host in "\\PC*", port in "\\PC*", from in "\\PC*", user in "\\PC*") {
        let _ = validate_json(&Json::from(&json!({"host": host, "port": port, "from": from, "username": user, "security": "tls"})));
    }

    #[test]
    fn fixes_never_add_an_error_to_the_field_they_change(config in arb_config()) {
        for d in validate_json(&Json::from(&config)) {
            let Some(fix) = &d.fix else { continue };
            prop_assert!(!fix.changes.contains_key(&Field::Password), "a fix never sets the password");
            let fixed = serde_json::Value::from(apply_fix(&Json::from(&config), fix));
            for field in fix.changes.keys() {
                let before = errors_on(&config, *field);
                let after = errors_on(&fixed, *field);
                let added: Vec<_> = after.difference(&before).collect();
                prop_assert!(added.is_empty(), "fix {:?} of {} on {} added {:?}", fix, d.code, config, added);
            }
        }
    }
}
