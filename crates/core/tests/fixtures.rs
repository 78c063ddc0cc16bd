//! Fixture configs → diagnostics: one insta snapshot per fixture of the
//! rendered text, the codes each fixture must raise, every static code
//! raised somewhere, and the golden file the browser tests compare with.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use smtp_doctor_core::json::Json;
use smtp_doctor_core::{Severity, codes, render::render_text, validate_json_at};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

struct Fixture {
    name: String,
    config: Value,
    /// The moment to judge at (Unix seconds), for time-dependent rules.
    now: Option<u64>,
    expect: Vec<String>,
    valid: bool,
}

fn load() -> Vec<Fixture> {
    let mut paths: Vec<PathBuf> = fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let v: Value = serde_json::from_str(&fs::read_to_string(&p).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            Fixture {
                name: p.file_stem().unwrap().to_string_lossy().into_owned(),
                config: v["config"].clone(),
                now: v["now"].as_u64(),
                expect: v["expect"]
                    .as_array()
                    .map(|a| a.iter().map(|c| c.as_str().unwrap().to_owned()).collect())
                    .unwrap_or_default(),
                valid: v["valid"].as_bool().unwrap_or(false),
            }
        })
        .collect()
}

#[test]
fn snapshots() {
    insta::glob!("fixtures/*.json", |path| {
        let v: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
        let diagnostics = validate_json_at(&Json::from(&v["config"]), v["now"].as_u64());
        insta::assert_snapshot!(render_text(&diagnostics, false));
    });
}

#[test]
fn fixtures_raise_what_they_expect() {
    for f in load() {
        let got: Vec<String> = validate_json_at(&Json::from(&f.config), f.now)
            .iter()
            .map(|d| d.code.to_string())
            .collect();
        for want in &f.expect {
            assert!(
                got.contains(want),
                "{}: expected {want}, got {got:?}",
                f.name
            );
        }
        assert!(
            f.valid || !f.expect.is_empty(),
            "{}: a fixture says what it expects",
            f.name
        );
    }
}

#[test]
fn valid_settings_raise_no_error_or_warning() {
    for f in load().into_iter().filter(|f| f.valid) {
        let loud: Vec<_> = validate_json_at(&Json::from(&f.config), f.now)
            .into_iter()
            .filter(|d| d.severity != Severity::Info)
            .collect();
        assert!(loud.is_empty(), "{}: {loud:#?}", f.name);
    }
}

#[test]
fn every_static_code_is_raised_by_a_fixture() {
    let raised: BTreeSet<String> = load()
        .iter()
        .flat_map(|f| validate_json_at(&Json::from(&f.config), f.now))
        .map(|d| d.code.to_string())
        .collect();
    let missing: Vec<_> = codes()
        .iter()
        .filter(|c| !c.live && !raised.contains(c.code))
        .map(|c| c.code)
        .collect();
    assert!(
        missing.is_empty(),
        "static codes no fixture raises: {missing:?}"
    );
}

#[test]
fn every_snapshot_has_a_fixture() {
    let names: BTreeSet<String> = load().into_iter().map(|f| f.name).collect();
    for entry in
        fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots")).unwrap()
    {
        let file = entry.unwrap().file_name().to_string_lossy().into_owned();
        let Some(stem) = file
            .strip_prefix("fixtures__snapshots@")
            .and_then(|s| s.strip_suffix(".json.snap"))
        else {
            continue;
        };
        assert!(
            names.contains(stem),
            "unreferenced snapshot {file}: delete it"
        );
    }
}

/// The browser tests compare `validate()` in Chromium with this file, so
/// it must equal what native code computes. `UPDATE_GOLDEN=1` rewrites it.
#[test]
fn golden_file_is_current() {
    let golden_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden.json");
    let entries: Vec<Value> = load()
        .into_iter()
        .map(|f| {
            let mut entry = json!({ "name": f.name, "config": f.config, "diagnostics": validate_json_at(&Json::from(&f.config), f.now) });
            if let Some(now) = f.now {
                entry["now"] = json!(now);
            }
            entry
        })
        .collect();
    let text = serde_json::to_string_pretty(&entries).unwrap() + "\n";
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::write(&golden_path, &text).unwrap();
    }
    let on_disk = fs::read_to_string(&golden_path).unwrap_or_default();
    assert!(
        on_disk == text,
        "tests/golden.json is stale: run `UPDATE_GOLDEN=1 cargo test -p smtp-doctor-core --test fixtures`"
    );
}
