//! Runs in real headless Chromium (`cargo test -p smtp-doctor-wasm
//! --target wasm32-unknown-unknown`, runner wasm-bindgen-test-runner with
//! chromedriver). The DOM binding (`attachForm`) is the package's JS and
//! is tested in Chromium by `tests/e2e/attach.test.mjs`.

#![cfg(target_arch = "wasm32")]

use serde_json::Value;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const GOLDEN: &str = include_str!("../../core/tests/golden.json");

fn js(value: &Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap()
}

/// What JavaScript sees, as JSON text parsed back.
fn seen_by_js(value: &JsValue) -> Value {
    let text: String = js_sys::JSON::stringify(value).unwrap().into();
    serde_json::from_str(&text).unwrap()
}

#[wasm_bindgen_test]
fn validate_in_the_browser_equals_native_for_every_fixture() {
    let golden: Vec<Value> = serde_json::from_str(GOLDEN).unwrap();
    assert!(golden.len() > 50);
    for entry in golden {
        // The fixture's moment when it has one, else no clock at all
        // (native `validate_json` has none: a `now` far in the past keeps
        // the browser's clock out of the comparison too).
        let options =
            serde_json::json!({ "now": entry.get("now").cloned().unwrap_or(serde_json::json!(0)) });
        let got =
            seen_by_js(&smtp_doctor_wasm::validate(&js(&entry["config"]), &js(&options)).unwrap());
        assert_eq!(got, entry["diagnostics"], "fixture {}", entry["name"]);
    }
}

/// What the page used to keep in JS tables now comes from core.
#[wasm_bindgen_test]
fn step_plan_labels_and_allowlist_tags_come_from_core() {
    let plan = seen_by_js(
        &smtp_doctor_wasm::step_plan("starttls", &js(&serde_json::json!(["sender"]))).unwrap(),
    );
    assert_eq!(
        plan,
        serde_json::json!([
            "dns", "connect", "greeting", "ehlo", "tls", "ehlo", "auth", "sender"
        ])
    );
    assert!(smtp_doctor_wasm::step_plan("ssl", &js(&serde_json::json!([]))).is_err());
    // Labels are catalog ids the package renders in the page's language.
    assert_eq!(
        smtp_doctor_wasm::security_label_id("tls").unwrap(),
        "security-tls"
    );
    assert!(smtp_doctor_wasm::security_label_id("ssl").is_err());
    assert_eq!(
        smtp_doctor_wasm::step_label_id("auth").unwrap(),
        "step-auth"
    );
    assert!(smtp_doctor_wasm::step_label_id("login").is_err());
    assert!(smtp_doctor_wasm::allowlist_may_fix("tcp.timeout"));
    assert!(!smtp_doctor_wasm::allowlist_may_fix("auth.failed"));
    assert!(!smtp_doctor_wasm::allowlist_may_fix("not.a-code"));
}

#[wasm_bindgen_test]
fn apply_fix_and_provider_for_and_codes() {
    let config = serde_json::json!({"host": "smtp.example.com", "port": 465, "security": "starttls", "secure": false, "x": 1});
    let diags = seen_by_js(&smtp_doctor_wasm::validate(&js(&config), &JsValue::UNDEFINED).unwrap());
    let fix = diags
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "tls.port-mismatch")
        .unwrap()["fix"]
        .clone();
    let fixed = seen_by_js(&smtp_doctor_wasm::apply_fix(&js(&config), &js(&fix)).unwrap());
    assert_eq!(
        fixed,
        serde_json::json!({"host": "smtp.example.com", "port": 465, "security": "tls", "x": 1})
    );
    assert!(smtp_doctor_wasm::apply_fix(&js(&config), &JsValue::from_str("nope")).is_err());

    let gmail = seen_by_js(&smtp_doctor_wasm::provider_for("me@gmail.com"));
    assert_eq!(gmail["host"], "smtp.gmail.com");
    assert_eq!(gmail["username"], "me@gmail.com");
    assert!(smtp_doctor_wasm::provider_for("me@example.com").is_null());
    // The hand-built objects have the service's JSON shape, field for field.
    for text in [
        "me@gmail.com",
        "smtp.office365.com",
        "imap.fastmail.com",
        "x@icloud.com",
    ] {
        assert_eq!(
            seen_by_js(&smtp_doctor_wasm::provider_for(text)),
            serde_json::to_value(smtp_doctor_core::provider_for(text)).unwrap(),
            "{text}"
        );
    }

    let codes = seen_by_js(&smtp_doctor_wasm::codes());
    assert_eq!(
        codes,
        serde_json::to_value(smtp_doctor_core::codes()).unwrap()
    );
    assert!(
        codes
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["code"] == "tls.expected-implicit" && c["live"] == true)
    );
    assert!(!smtp_doctor_wasm::version().is_empty());
    // Not an object: a diagnostic, not an exception.
    let odd =
        seen_by_js(&smtp_doctor_wasm::validate(&JsValue::UNDEFINED, &JsValue::UNDEFINED).unwrap());
    assert_eq!(odd[0]["code"], "config.invalid");
}

/// Settings are read from JS as `JSON.stringify` would see them.
#[wasm_bindgen_test]
fn js_values_read_as_json_would_see_them() {
    let config: JsValue = js_sys::eval(
        "({host: 'smtp.example.com', port: 587.0, security: 'starttls', from: undefined, \
          username: () => 1, password: NaN, auth: null, extra: {deep: [1, 'a', undefined]}})",
    )
    .unwrap();
    let native: Value = seen_by_js(&config);
    assert_eq!(
        seen_by_js(&smtp_doctor_wasm::validate(&config, &JsValue::UNDEFINED).unwrap()),
        serde_json::to_value(smtp_doctor_core::validate_json(&(&native).into())).unwrap()
    );
    // Numbers are read as JS writes them: 587.5 is named as typed.
    let odd = seen_by_js(
        &smtp_doctor_wasm::validate(
            &js(&serde_json::json!({"port": 587.5})),
            &JsValue::UNDEFINED,
        )
        .unwrap(),
    );
    let invalid = odd
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "port.invalid")
        .expect("port.invalid");
    assert!(invalid.to_string().contains("587.5"), "{invalid}");
    let read = seen_by_js(&smtp_doctor_wasm::config_for(&config, &JsValue::UNDEFINED).unwrap());
    assert_eq!(read, native);
    assert_eq!(read["port"], 587);
    // A cycle cannot hang or overflow the reader.
    let cyclic: JsValue =
        js_sys::eval("(() => { const a = {host: 'h'}; a.self = a; return a; })()").unwrap();
    assert!(smtp_doctor_wasm::validate(&cyclic, &JsValue::UNDEFINED).is_ok());
}

/// `FormState` is the same policy for framework forms (createForm).
#[wasm_bindgen_test]
fn form_state_for_frameworks_follows_the_same_policy() {
    let mut state = smtp_doctor_wasm::FormState::new(&js(&serde_json::json!({
        "fields": {"host": "smtp_host", "from": null}, "values": {"from": "a@b.example"}, "show": "blur"
    })))
    .unwrap();
    state.update(&js(&serde_json::json!({"smtp_host": ""})));
    state.update(&js(&serde_json::json!({"smtp_host": "imap.gmail.com"})));
    assert_eq!(
        seen_by_js(&state.messages(Some("smtp_host".into())).unwrap()),
        serde_json::json!([])
    );
    state.blur("smtp_host");
    let shown = seen_by_js(&state.messages(Some("smtp_host".into())).unwrap());
    assert_eq!(shown[0]["code"], "host.incoming-server");
    let changes = seen_by_js(&state.changes(&js(&shown[0]["fix"])).unwrap());
    assert_eq!(
        changes,
        serde_json::json!({"smtp_host": "smtp.gmail.com", "port": 465, "security": "tls"})
    );
    assert_eq!(state.name_of("from"), None);
    assert!(smtp_doctor_wasm::FormState::new(&js(&serde_json::json!({"show": "never"}))).is_err());
}
