//! Runs in real headless Chromium (`cargo test -p smtp-doctor-wasm
//! --target wasm32-unknown-unknown`, runner wasm-bindgen-test-runner with
//! chromedriver).

#![cfg(target_arch = "wasm32")]

use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{
    Document, Element, Event, EventInit, HtmlElement, HtmlFormElement, HtmlInputElement,
    HtmlSelectElement,
};

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
        let got = seen_by_js(
            &smtp_doctor_wasm::validate(&js(&entry["config"]), &JsValue::UNDEFINED).unwrap(),
        );
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
    assert_eq!(smtp_doctor_wasm::security_label("tls").unwrap(), "TLS/SSL");
    assert_eq!(
        smtp_doctor_wasm::security_label("none").unwrap(),
        "no encryption"
    );
    assert_eq!(smtp_doctor_wasm::step_label("auth").unwrap(), "Log in");
    assert!(smtp_doctor_wasm::step_label("login").is_err());
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
        serde_json::to_value(smtp_doctor_core::validate_json(&native)).unwrap()
    );
    let read = seen_by_js(&smtp_doctor_wasm::config_for(&config, &JsValue::UNDEFINED).unwrap());
    assert_eq!(read, native);
    assert_eq!(read["port"], 587);
    // A cycle cannot hang or overflow the reader.
    let cyclic: JsValue =
        js_sys::eval("(() => { const a = {host: 'h'}; a.self = a; return a; })()").unwrap();
    assert!(smtp_doctor_wasm::validate(&cyclic, &JsValue::UNDEFINED).is_ok());
}

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

fn make_form(html: &str) -> HtmlFormElement {
    let doc = document();
    let form: HtmlFormElement = doc.create_element("form").unwrap().dyn_into().unwrap();
    form.set_inner_html(html);
    doc.body().unwrap().append_child(&form).unwrap();
    form
}

fn input_event(el: &Element) {
    let init = EventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

fn q(form: &HtmlFormElement, sel: &str) -> Option<Element> {
    form.query_selector(sel).unwrap()
}

const FORM: &str = r#"
  <label>Host <input name="host" value="smtp.example.com"></label>
  <label>Port <input name="port" value="587"></label>
  <label>Security <select name="security">
    <option value="tls">TLS/SSL</option><option value="starttls" selected>STARTTLS</option><option value="none">None</option>
  </select></label>
  <label>Username <input name="username" value="me@example.com"></label>
  <label>Password <input name="password" type="password" value="pw"></label>
  <label>From <input name="from" value="me@example.com"></label>
"#;

#[wasm_bindgen_test]
fn attach_form_shows_and_clears_messages_and_applies_fixes() {
    let form = make_form(FORM);
    let handle = smtp_doctor_wasm::attach_form(form.clone(), JsValue::UNDEFINED).unwrap();
    // Valid settings: nothing shown.
    assert!(q(&form, "[data-code]").is_none());

    // Type 465 with STARTTLS selected: the mismatch appears at once.
    let port: HtmlInputElement = q(&form, "[name=port]").unwrap().dyn_into().unwrap();
    port.set_value("465");
    input_event(&port);
    let item = q(
        &form,
        "[data-smtp-doctor-for=security] [data-code='tls.port-mismatch']",
    )
    .expect("mismatch shown next to security");
    assert!(
        item.text_content()
            .unwrap()
            .contains("Port 465 expects TLS/SSL")
    );
    let select: HtmlSelectElement = q(&form, "[name=security]").unwrap().dyn_into().unwrap();
    assert_eq!(
        select.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    let described = select.get_attribute("aria-describedby").unwrap();
    assert!(document().get_element_by_id(&described).is_some());

    // Its fix is a button; clicking it selects TLS/SSL and clears the message.
    let button: HtmlElement = item
        .query_selector("button")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(button.text_content().as_deref(), Some("Use TLS/SSL"));
    button.click();
    assert_eq!(select.value(), "tls");
    assert!(q(&form, "[data-code='tls.port-mismatch']").is_none());
    assert!(select.get_attribute("aria-invalid").is_none());

    // An IMAP host, then fixing it by typing.
    let host: HtmlInputElement = q(&form, "[name=host]").unwrap().dyn_into().unwrap();
    host.set_value("imap.example.com");
    input_event(&host);
    assert!(
        q(
            &form,
            "[data-smtp-doctor-for=host] [data-code='host.incoming-server']"
        )
        .is_some()
    );
    host.set_value("me@example.com");
    input_event(&host);
    assert!(q(&form, "[data-code='host.is-email']").is_some());
    assert_eq!(host.get_attribute("aria-invalid").as_deref(), Some("true"));
    host.set_value("smtp.example.com");
    input_event(&host);
    assert!(q(&form, "[data-smtp-doctor-for=host] [data-code]").is_none());

    // A missing password.
    let pass: HtmlInputElement = q(&form, "[name=password]").unwrap().dyn_into().unwrap();
    pass.set_value("");
    input_event(&pass);
    assert!(q(&form, "[data-code='auth.password-missing']").is_some());

    // validate() returns the current diagnostics; detach() cleans up.
    let now = seen_by_js(&handle.validate().unwrap());
    assert!(
        now.as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "auth.password-missing")
    );
    handle.detach();
    assert!(q(&form, "[data-smtp-doctor-for]").is_none());
    assert!(pass.get_attribute("aria-invalid").is_none());
    port.set_value("993");
    input_event(&port);
    assert!(
        q(&form, "[data-code]").is_none(),
        "no validation after detach"
    );
    form.remove();
}

#[wasm_bindgen_test]
fn attach_form_understands_a_single_tls_checkbox_and_page_containers() {
    let form = make_form(
        r#"<div data-smtp-doctor-for="general"></div>
           <input name="host" value="smtp.gmail.com"><input name="port" value="587">
           <input type="checkbox" name="secure" checked>
           <div data-smtp-doctor-for="security" id="sec-msgs"></div>
           <input name="username" value="me@gmail.com"><input name="password" value="abcdefghijklmnop">
           <input name="from" value="me@gmail.com">"#,
    );
    let seen = std::rc::Rc::new(std::cell::Cell::new(0));
    let counter = seen.clone();
    let cb = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(move |_d: JsValue| {
        counter.set(counter.get() + 1);
    });
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"onDiagnostics".into(), cb.as_ref()).unwrap();
    // A saved form's problems, shown at once.
    js_sys::Reflect::set(&options, &"show".into(), &"always".into()).unwrap();
    let handle = smtp_doctor_wasm::attach_form(form.clone(), options.into()).unwrap();
    assert_eq!(seen.get(), 1);
    // secure=true on 587 is the mismatch; shown in the page's own container.
    let item =
        q(&form, "#sec-msgs [data-code='tls.port-mismatch']").expect("in the page's container");
    let button: HtmlElement = item
        .query_selector("button")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    button.click();
    let secure: HtmlInputElement = q(&form, "[name=secure]").unwrap().dyn_into().unwrap();
    assert!(!secure.checked(), "STARTTLS unticks the TLS box");
    assert!(q(&form, "[data-code='tls.port-mismatch']").is_none());
    assert!(seen.get() >= 2);
    handle.detach();
    assert!(
        q(&form, "#sec-msgs").is_some(),
        "page containers stay, emptied"
    );
    form.remove();
}

#[wasm_bindgen_test]
fn the_form_keeps_working_when_the_page_drops_the_handle() {
    let form = make_form(FORM);
    drop(smtp_doctor_wasm::attach_form(form.clone(), JsValue::UNDEFINED).unwrap());
    let port: HtmlInputElement = q(&form, "[name=port]").unwrap().dyn_into().unwrap();
    port.set_value("465");
    input_event(&port);
    assert!(q(&form, "[data-code='tls.port-mismatch']").is_some());
    let user: HtmlInputElement = q(&form, "[name=username]").unwrap().dyn_into().unwrap();
    user.set_value("");
    input_event(&user);
    assert!(q(&form, "[data-code='auth.username-missing']").is_some());
    form.remove();
}

/// A real click on a fix button first blurs the field being typed in, and
/// the blur fires `change`: the button must survive that re-validation, or
/// the click lands on a removed element and nothing happens.
#[wasm_bindgen_test]
fn a_change_event_with_the_same_findings_keeps_the_fix_button() {
    let form = make_form(FORM);
    let handle = smtp_doctor_wasm::attach_form(form.clone(), JsValue::UNDEFINED).unwrap();
    let port: HtmlInputElement = q(&form, "[name=port]").unwrap().dyn_into().unwrap();
    port.set_value("465");
    input_event(&port);
    let button: HtmlElement = q(&form, "[data-code='tls.port-mismatch'] button")
        .unwrap()
        .dyn_into()
        .unwrap();
    let init = EventInit::new();
    init.set_bubbles(true);
    port.dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
    assert!(button.is_connected(), "the fix button was replaced");
    button.click();
    let select: HtmlSelectElement = q(&form, "[name=security]").unwrap().dyn_into().unwrap();
    assert_eq!(select.value(), "tls");
    handle.detach();
    form.remove();
}

/// A framework form: the app's own field names, its own From, a rule it
/// switched off, and fixes handed to the app (`onFix`) instead of being
/// written into DOM that the framework owns.
#[wasm_bindgen_test]
fn controlled_mode_hands_fixes_to_the_app_under_its_own_names() {
    let form = make_form(
        r#"<input name="smtp_host" value="imap.gmail.com"><input name="smtp_port" value="465">
           <select name="smtp_security"><option value="tls">TLS</option><option value="starttls" selected>STARTTLS</option></select>
           <input name="smtp_user" value="me@gmail.com"><input name="smtp_pass" value="abcdefghijklmnop">"#,
    );
    let got = std::rc::Rc::new(std::cell::RefCell::new(Vec::<Value>::new()));
    let sink = got.clone();
    let cb = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue, JsValue)>::new(
        move |changes: JsValue, _fix: JsValue| sink.borrow_mut().push(seen_by_js(&changes)),
    );
    let options = js(&serde_json::json!({
        "fields": {"host": "smtp_host", "port": "smtp_port", "security": "smtp_security",
                   "username": "smtp_user", "password": "smtp_pass", "from": null},
        "values": {"from": "me@gmail.com"},
        "rules": {"host.incoming-server": "warning"},
        "show": "always"
    }));
    js_sys::Reflect::set(&options, &"onFix".into(), cb.as_ref()).unwrap();
    let handle = smtp_doctor_wasm::attach_form(form.clone(), options).unwrap();

    // No "No sender address" at the top: the app supplies From.
    assert!(q(&form, "[data-code='from.missing']").is_none());
    // The IMAP host, next to the app's host field, downgraded to a warning.
    let item = q(
        &form,
        "[data-smtp-doctor-for=smtp_host] [data-code='host.incoming-server']",
    )
    .expect("shown next to smtp_host");
    assert!(item.class_name().contains("smtp-doctor-warning"));
    // Clicking the port mismatch's fix calls the app, under its names…
    let button: HtmlElement = q(&form, "[data-code='tls.port-mismatch'] button")
        .expect("a fix")
        .dyn_into()
        .unwrap();
    button.click();
    assert_eq!(
        got.borrow().as_slice(),
        [serde_json::json!({"smtp_security": "tls"})]
    );
    // …and writes nothing: the framework owns the field.
    let select: HtmlSelectElement = q(&form, "[name=smtp_security]")
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(select.value(), "starttls");
    // The settings the probe gets: SPEC names, the app's From.
    let config = seen_by_js(&handle.config().unwrap());
    assert_eq!(config["host"], "imap.gmail.com");
    assert_eq!(config["security"], "starttls");
    assert_eq!(config["from"], "me@gmail.com");
    assert!(config.get("smtp_host").is_none());
    // A typo in the options is an error, not silence.
    let bad = js(&serde_json::json!({"rules": {"tls.port-mismatc": "off"}}));
    assert!(smtp_doctor_wasm::attach_form(form.clone(), bad).is_err());
    handle.detach();
    form.remove();
}

/// Calm until touched (the default): an empty form shows nothing; typing
/// shows that field's findings and what the edit raised elsewhere; a
/// submit shows everything.
#[wasm_bindgen_test]
fn an_empty_form_is_calm_until_the_customer_acts() {
    let form = make_form(
        r#"<input name="host"><input name="port"><select name="security"><option value="tls">TLS</option><option value="starttls" selected>STARTTLS</option></select>
           <input name="username"><input name="password" type="password"><input name="from">"#,
    );
    let handle = smtp_doctor_wasm::attach_form(form.clone(), JsValue::UNDEFINED).unwrap();
    assert!(q(&form, "[data-code]").is_none(), "no errors before typing");
    assert!(q(&form, "[aria-invalid]").is_none());
    let all = seen_by_js(&handle.validate().unwrap());
    assert!(
        all.as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "host.missing")
    );

    let port: HtmlInputElement = q(&form, "[name=port]").unwrap().dyn_into().unwrap();
    port.set_value("465");
    input_event(&port);
    // The mismatch this edit raised shows under Security; the empty host waits.
    assert!(q(&form, "[data-code='tls.port-mismatch']").is_some());
    assert!(q(&form, "[data-code='host.missing']").is_none());

    let host: HtmlInputElement = q(&form, "[name=host]").unwrap().dyn_into().unwrap();
    host.set_value("imap.gmail.com");
    input_event(&host);
    assert!(
        q(
            &form,
            "[data-smtp-doctor-for=host] [data-code='host.incoming-server']"
        )
        .is_some()
    );
    assert!(q(&form, "[data-code='from.missing']").is_none());

    // Submit shows the rest.
    let submit = Event::new("submit").unwrap();
    form.dispatch_event(&submit).unwrap();
    assert!(q(&form, "[data-code='from.missing']").is_some());
    assert!(!handle.submit(), "errors block saving");
    handle.detach();
    form.remove();
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

/// Waits `ms` milliseconds in the browser.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Typing is announced once, when it settles — not on every keystroke,
/// and no finding is an alert of its own.
#[wasm_bindgen_test]
async fn a_settled_change_is_announced_once() {
    let form = make_form(FORM);
    let handle = smtp_doctor_wasm::attach_form(form.clone(), JsValue::UNDEFINED).unwrap();
    let port: HtmlInputElement = q(&form, "[name=port]").unwrap().dyn_into().unwrap();
    for value in ["4", "46", "465"] {
        port.set_value(value);
        input_event(&port);
    }
    assert!(q(&form, "[data-code='tls.port-mismatch']").is_some());
    assert!(q(&form, "[role=alert]").is_none(), "no alert per finding");
    let announcer = || q(&form, ".smtp-doctor-announcer").and_then(|el| el.text_content());
    assert_eq!(announcer(), None, "nothing said while typing");
    sleep(1200).await;
    let said = announcer().expect("announced after the pause");
    assert!(
        said.starts_with("Security: Port 465 expects TLS/SSL"),
        "{said}"
    );
    // The same findings again: nothing new to say.
    port.set_value("465");
    input_event(&port);
    sleep(1200).await;
    assert_eq!(announcer().as_deref(), Some(said.as_str()));
    handle.detach();
    assert!(q(&form, ".smtp-doctor-announcer").is_none());
    form.remove();
}

/// `passwordToggle`: a Show button after the password that reveals it and
/// hides it again; the messages still follow the field; detach restores it.
#[wasm_bindgen_test]
fn a_password_can_be_shown_and_hidden() {
    let form = make_form(FORM);
    let options = js(&serde_json::json!({"passwordToggle": true}));
    let handle = smtp_doctor_wasm::attach_form(form.clone(), options).unwrap();
    let pass: HtmlInputElement = q(&form, "[name=password]").unwrap().dyn_into().unwrap();
    let toggle: HtmlElement = q(&form, ".smtp-doctor-reveal").unwrap().dyn_into().unwrap();
    assert_eq!(toggle.get_attribute("aria-controls"), Some(pass.id()));
    toggle.click();
    assert_eq!(pass.type_(), "text");
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    pass.set_value("");
    input_event(&pass);
    // The message goes after the button, not between field and button.
    let next = toggle.next_element_sibling().unwrap();
    assert!(
        next.query_selector("[data-code='auth.password-missing']")
            .unwrap()
            .is_some()
    );
    handle.detach();
    assert_eq!(pass.type_(), "password", "hidden again on detach");
    assert!(q(&form, ".smtp-doctor-reveal").is_none());
    form.remove();
}
