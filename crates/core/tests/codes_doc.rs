//! `docs/codes.md`, generated from the registry: every code with its
//! meaning, severity, field, an example and the fix. Static codes take
//! their example from the fixture made for them (the config and what
//! `validate` says about it); live codes from `examples::LIVE_EXAMPLES`.
//! The file is compared here; `UPDATE_DOCS=1` rewrites it.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use smtp_doctor_core::examples::LIVE_EXAMPLES;
use smtp_doctor_core::json::Json;
use smtp_doctor_core::{CodeInfo, codes, validate_json_at};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Fixture name, config, expected codes; by name.
fn fixtures() -> Vec<(String, Value, Vec<String>, Option<u64>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let v: Value = serde_json::from_str(&fs::read_to_string(&p).unwrap()).unwrap();
            let expect = v["expect"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|c| c.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default();
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                v["config"].clone(),
                expect,
                v["now"].as_u64(),
            )
        })
        .collect()
}

/// The example of a static code: the first fixture made for it (that
/// expects it), else the first that raises it.
fn static_example(
    code: &str,
    fixtures: &[(String, Value, Vec<String>, Option<u64>)],
) -> Option<String> {
    let raises = |config: &Value, now: Option<u64>| {
        validate_json_at(&Json::from(config), now)
            .iter()
            .any(|d| d.code.as_str() == code)
    };
    let (name, config, _, now) = fixtures
        .iter()
        .find(|(_, _, e, _)| e.iter().any(|c| c == code))
        .or_else(|| {
            fixtures
                .iter()
                .find(|(_, config, _, now)| raises(config, *now))
        })?;
    let said = validate_json_at(&Json::from(config), *now)
        .into_iter()
        .find(|d| d.code.as_str() == code)?;
    Some(format!(
        "settings `{}` (fixture `{name}`) → “{}”",
        serde_json::to_string(config).unwrap(),
        said.message
    ))
}

/// Who acts, as the docs say it.
fn actor(info: &CodeInfo) -> &'static str {
    use smtp_doctor_core::Actor;
    match smtp_doctor_core::Code::from_id(info.code)
        .expect("registered")
        .actor()
    {
        Actor::Customer => "the customer",
        Actor::ItAdmin => "their IT administrator",
        Actor::DnsAdmin => "their DNS administrator",
        Actor::Provider => "the mail provider",
        Actor::Service => "the test service",
    }
}

fn section(out: &mut String, info: &CodeInfo, example: &str) {
    let field = info
        .field
        .map_or("—".to_owned(), |f| format!("`{}`", f.as_str()));
    let by = if info.live {
        "the live probe"
    } else {
        "the static validator"
    };
    // The registry's default texts: the catalog's `*[other]` variants.
    let code = smtp_doctor_core::Code::from_id(info.code).expect("registered");
    let mut default = vec![smtp_doctor_core::Diagnostic::new(code)];
    smtp_doctor_core::i18n::localize(&mut default, "en");
    let _ = write!(
        out,
        "<a id=\"{code}\"></a>\n### `{code}`\n\n\
         **{severity}** · field {field} · who acts: {actor} · raised by {by}\n\n\
         **Meaning.** {message}\n\n\
         **Example.** {example}\n\n\
         **Fix.** {help}\n\n",
        code = info.code,
        severity = info.severity.as_str(),
        actor = actor(info),
        message = default[0].message,
        help = default[0].help,
    );
}

fn render() -> String {
    let fixtures = fixtures();
    let mut out = String::from(
        "# Diagnostic codes\n\n\
         Every code smtp-doctor reports (SPEC §3, §7), generated from the registry in \
         `crates/core/src/codes.rs` by `crates/core/tests/codes_doc.rs` — do not edit by \
         hand; run `UPDATE_DOCS=1 cargo test -p smtp-doctor-core --test codes_doc`. A code \
         keeps one meaning forever. Codes of the area `probe.` are problems of the test \
         service itself, never of the settings. \"Who acts\" names the one who can fix it: \
         the customer filling in the settings, their IT administrator (the mail server or \
         account), their DNS administrator, the mail provider, or the test service.\n\n\
         | code | severity | who acts | raised by |\n|---|---|---|---|\n",
    );
    for info in codes() {
        let _ = writeln!(
            out,
            "| [`{c}`](#{c}) | {} | {} | {} |",
            info.severity.as_str(),
            actor(info),
            if info.live { "probe" } else { "validate" },
            c = info.code
        );
    }
    out.push('\n');
    for (title, live) in [
        ("Static checks (as the customer types)", false),
        ("Live checks (one real connection)", true),
    ] {
        let _ = write!(out, "## {title}\n\n");
        for info in codes().iter().filter(|i| i.live == live) {
            let example = if live {
                LIVE_EXAMPLES
                    .iter()
                    .find(|(c, _)| *c == info.code)
                    .map(|(_, e)| (*e).to_owned())
            } else {
                static_example(info.code, &fixtures)
            }
            .unwrap_or_else(|| panic!("no example for {}", info.code));
            section(&mut out, info, &example);
        }
    }
    out
}

#[test]
fn codes_md_is_current() {
    let path = root().join("docs/codes.md");
    let text = render();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        fs::write(&path, &text).unwrap();
    }
    let on_disk = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == text,
        "docs/codes.md is stale: run `UPDATE_DOCS=1 cargo test -p smtp-doctor-core --test codes_doc`"
    );
}

#[test]
fn every_link_and_example_resolves() {
    let text = render();
    for info in codes() {
        let docs = info.docs();
        let anchor = docs.strip_prefix("docs/codes.md#").expect("docs anchor");
        assert!(
            text.contains(&format!("<a id=\"{anchor}\"></a>")),
            "{} links to a missing anchor",
            info.code
        );
    }
    for (code, _) in LIVE_EXAMPLES {
        assert!(
            codes().iter().any(|i| i.live && i.code == *code),
            "example for unknown or static code {code}"
        );
    }
}
