//! The catalogs (SPEC §7.4) are complete and agree with the code.
//!
//! Every code has a message and a help in English; every listed locale
//! has exactly English's messages and attributes, each using the same
//! parameters; every text renders without a Fluent error for every
//! fixture. A missing translation or a misspelt `{ $param }` fails here,
//! not on a customer's screen.

use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use smtp_doctor_core::i18n::{self, CATALOGS, LOCALES};
use smtp_doctor_core::json::Json;
use smtp_doctor_core::{Code, Param, validate_json};

/// id → (attributes, parameters used anywhere in the message).
type Shape = BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)>;

fn shape(source: &str) -> Shape {
    let mut out = Shape::new();
    let mut current: Option<String> = None;
    for line in source.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if !line.starts_with(' ') {
            let id = line
                .split(" =")
                .next()
                .unwrap_or_default()
                .trim()
                .to_owned();
            out.entry(id.clone()).or_default();
            current = Some(id);
        }
        let Some(id) = &current else { continue };
        let entry = out.get_mut(id).expect("entry");
        if let Some(attr) = line.trim_start().strip_prefix('.') {
            entry.0.insert(
                attr.split(" =")
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_owned(),
            );
        }
        let mut rest = line;
        while let Some(i) = rest.find('$') {
            let name: String = rest[i + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            entry.1.insert(name);
            rest = &rest[i + 1..];
        }
    }
    out
}

fn bundle(locale: &str, source: &str) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(source.to_owned())
        .unwrap_or_else(|(_, errors)| panic!("{locale}.ftl does not parse: {errors:?}"));
    let mut bundle = FluentBundle::new(vec![locale.parse().expect("tag")]);
    bundle.set_use_isolating(false);
    bundle.add_resource(resource).expect("no duplicate ids");
    bundle
}

#[test]
fn every_code_has_a_message_and_a_help() {
    let en = shape(CATALOGS[0].1);
    for code in Code::ALL {
        let id = i18n::message_id(*code);
        let (attrs, _) = en.get(&id).unwrap_or_else(|| panic!("en.ftl lacks {id}"));
        assert!(attrs.contains("help"), "en.ftl: {id} has no .help");
    }
}

#[test]
fn every_locale_has_every_message_with_the_same_parameters() {
    assert_eq!(CATALOGS.len(), LOCALES.len());
    let en = shape(CATALOGS[0].1);
    for (locale, source) in &CATALOGS[1..] {
        let here = shape(source);
        let missing: Vec<_> = en.keys().filter(|k| !here.contains_key(*k)).collect();
        let extra: Vec<_> = here.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{locale}.ftl lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{locale}.ftl has ids English lacks: {extra:?}"
        );
        for (id, (attrs, params)) in &en {
            let (their_attrs, their_params) = &here[id];
            assert_eq!(attrs, their_attrs, "{locale}.ftl {id}: attributes");
            assert_eq!(params, their_params, "{locale}.ftl {id}: parameters");
        }
    }
}

#[test]
fn every_fixture_renders_without_errors_in_every_locale() {
    let fixtures = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"));
    let configs: Vec<serde_json::Value> = fixtures
        .map(|p| serde_json::from_str(&std::fs::read_to_string(p).expect("read")).expect("json"))
        .collect();
    assert!(configs.len() > 20, "the fixtures are there");
    for (locale, source) in CATALOGS {
        let bundle = bundle(locale, source);
        for config in &configs {
            for d in validate_json(&Json::from(config.get("config").unwrap_or(config))) {
                let id = i18n::message_id(d.code);
                let message = bundle.get_message(&id).expect("message");
                let mut args = FluentArgs::new();
                for (k, v) in d.params.iter() {
                    args.set(
                        k.to_owned(),
                        match v {
                            Param::Count(n) => FluentValue::from(*n),
                            Param::Text(t) => FluentValue::from(t.clone()),
                        },
                    );
                }
                for pattern in [
                    message.value(),
                    message.get_attribute("help").map(|a| a.value()),
                ]
                .into_iter()
                .flatten()
                {
                    let mut errors = Vec::new();
                    let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                    // A selector without its variable picks the default
                    // variant (that is how a finding without `$case`
                    // reads); a variable missing from the text would show
                    // as `{$name}`.
                    let real: Vec<_> = errors
                        .iter()
                        .filter(|e| {
                            !format!("{e:?}").starts_with("ResolverError(Reference(Variable")
                        })
                        .collect();
                    assert!(
                        real.is_empty() && !text.contains('{') && !text.trim().is_empty(),
                        "{locale} {id} {:?}: {errors:?} → {text}",
                        d.params
                    );
                }
                if let Some(fix) = &d.fix {
                    let id = format!("fix-{}", fix.key);
                    assert!(bundle.get_message(&id).is_some(), "{locale}.ftl lacks {id}");
                    assert!(
                        !fix.title.is_empty() && !fix.title.contains('{'),
                        "{id}: {}",
                        fix.title
                    );
                }
            }
        }
    }
}

/// How a few findings read in each translation (reviewed by a person once,
/// pinned here so a catalog edit shows up in review).
#[test]
fn translations_read_as_reviewed() {
    let fixtures = [
        "tls-port-mismatch-465",
        "host-is-email",
        "auth-username-format-gmail",
        "from-invalid-comma",
        "port-25",
        "host-private-localhost",
    ];
    for (locale, _) in &CATALOGS[1..] {
        let mut out = String::new();
        for name in fixtures {
            let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
            let fixture: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(path).expect("fixture"))
                    .expect("json");
            let mut diagnostics = validate_json(&Json::from(&fixture["config"]));
            i18n::localize(&mut diagnostics, locale);
            out.push_str("## ");
            out.push_str(name);
            out.push('\n');
            out.push_str(&smtp_doctor_core::render::render_text_in(
                &diagnostics,
                false,
                locale,
            ));
            out.push('\n');
        }
        insta::assert_snapshot!(format!("catalog_{locale}"), out);
    }
}

/// The browser package lists the `.ftl` files as its locales (`cargo
/// xtask wasm` reads the folder): they must be exactly `i18n::LOCALES`.
#[test]
fn the_catalog_files_are_the_listed_locales() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .expect("locales")
        .filter_map(|e| {
            let name = e.expect("entry").file_name().into_string().ok()?;
            name.strip_suffix(".ftl").map(str::to_owned)
        })
        .collect();
    files.sort();
    let mut listed: Vec<String> = LOCALES.iter().map(|l| (*l).to_owned()).collect();
    listed.sort();
    assert_eq!(files, listed);
}
