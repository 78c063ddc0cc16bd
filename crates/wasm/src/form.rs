//! `attachForm`: instant validation for an ordinary HTML form.
//!
//! Fields are found by `name` (host, port, security — or a `secure`/`tls`
//! checkbox —, username, password, from, auth; or the names `fields`
//! maps). On every `input` and `change` event the form is read and given
//! to core's `FormState`, and the findings it says to show now (`show`:
//! calm until a field is touched, by default) appear next to their
//! fields, with `aria-invalid` and `aria-describedby` kept in step. A fix is a button; clicking it writes
//! the change into the form and fires `input` so frameworks notice too.
//! A page may place `<div data-smtp-doctor-for="host">` where a field's
//! messages should go (and `data-smtp-doctor-for="general"`); otherwise
//! they go right after the field. After each run the form dispatches a
//! `smtp-doctor:diagnostics` event whose `detail` is the diagnostics.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use serde_json::{Map, Value};
use smtp_doctor_core::form::FormState;
use smtp_doctor_core::{Diagnostic, Field, Fix, Severity};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{
    CustomEvent, CustomEventInit, Document, Element, Event, EventInit, HtmlElement,
    HtmlFormElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement,
};

const FOR_ATTR: &str = "data-smtp-doctor-for";
const FIX_ATTR: &str = "data-smtp-doctor-fix";
const CREATED_ATTR: &str = "data-smtp-doctor-created";
/// On a field a fix just changed, until the customer types in it (pages
/// highlight it).
const CHANGED_ATTR: &str = "data-smtp-doctor-changed";
/// The class of the show-password buttons (`passwordToggle`).
const REVEAL_CLASS: &str = "smtp-doctor-reveal";
/// The pause in typing after which a change is announced.
const ANNOUNCE_AFTER_MS: i32 = 900;
const GENERAL: &str = "general";

static NEXT_ID: AtomicU32 = AtomicU32::new(1);

type Listener = Closure<dyn FnMut(Event)>;

struct Inner {
    form: HtmlFormElement,
    document: Document,
    id: u32,
    on_diagnostics: Option<js_sys::Function>,
    /// Controlled mode: fixes go to the app instead of into the form.
    on_fix: Option<js_sys::Function>,
    state: RefCell<FormState>,
    /// The findings on screen (fix buttons point into it); `None` before
    /// the first render.
    shown: RefCell<Option<Vec<Diagnostic>>>,
    /// Screen readers hear a settled change once, not every keystroke:
    /// findings new since the last announcement, a moment after typing stops.
    announcer: RefCell<Option<Element>>,
    announced: RefCell<Vec<Diagnostic>>,
    timer: std::cell::Cell<Option<i32>>,
    announce: RefCell<Option<Closure<dyn FnMut()>>>,
    listeners: RefCell<Vec<(&'static str, Listener)>>,
}

/// The handle `attachForm` returns.
#[wasm_bindgen]
pub struct FormHandle {
    inner: Rc<Inner>,
}

impl std::fmt::Debug for FormHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FormHandle")
            .field("id", &self.inner.id)
            .finish_non_exhaustive()
    }
}

/// Wires instant validation to `form`; validates once right away.
#[wasm_bindgen(js_name = attachForm)]
#[allow(clippy::needless_pass_by_value)] // wasm-bindgen takes JsValue by value
pub fn attach_form(
    form: HtmlFormElement,
    #[wasm_bindgen(unchecked_optional_param_type = "AttachOptions")] options: JsValue,
) -> Result<FormHandle, JsError> {
    crate::ready();
    let document = form
        .owner_document()
        .ok_or_else(|| JsError::new("the form is not in a document"))?;
    let callback = |name: &str| {
        options
            .is_object()
            .then(|| js_sys::Reflect::get(&options, &JsValue::from_str(name)).ok())
            .flatten()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    };
    let on_diagnostics = callback("onDiagnostics");
    let on_fix = callback("onFix");
    let rules = crate::options_of(&options)?;
    let show = crate::show_of(&options)?;
    let password_toggle = options.is_object()
        && js_sys::Reflect::get(&options, &JsValue::from_str("passwordToggle"))
            .is_ok_and(|v| v.is_truthy());
    let inner = Rc::new(Inner {
        form,
        document,
        id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        on_diagnostics,
        on_fix,
        state: RefCell::new(FormState::new(rules, show)),
        shown: RefCell::new(None),
        announcer: RefCell::new(None),
        announced: RefCell::new(Vec::new()),
        timer: std::cell::Cell::new(None),
        announce: RefCell::new(None),
        listeners: RefCell::new(Vec::new()),
    });
    let weak = Rc::downgrade(&inner);
    *inner.announce.borrow_mut() = Some(Closure::<dyn FnMut()>::new(move || {
        if let Some(inner) = weak.upgrade() {
            inner.announce_now();
        }
    }));
    // The listeners own the state (a cycle that `detach` breaks), so the
    // form keeps working when the page drops the handle.
    let on_input = listener(&inner, Inner::on_input);
    let on_click = listener(&inner, Inner::on_click);
    let on_leave = listener(&inner, Inner::on_leave);
    {
        let mut listeners = inner.listeners.borrow_mut();
        listeners.push(("input", on_input.0));
        listeners.push(("change", on_input.1));
        listeners.push(("click", on_click.0));
        listeners.push(("focusout", on_leave.0));
        listeners.push(("submit", on_leave.1));
        for (kind, l) in listeners.iter() {
            inner
                .form
                .add_event_listener_with_callback(kind, l.as_ref().unchecked_ref())
                .map_err(|_| JsError::new("cannot listen to the form"))?;
        }
    }
    if password_toggle {
        inner.add_password_toggles();
    }
    inner.run();
    Ok(FormHandle { inner })
}

/// Two listeners sharing one behaviour (input and change; focusout and
/// submit), or one (click).
fn listener(inner: &Rc<Inner>, f: fn(&Inner, &Event)) -> (Listener, Listener) {
    let make = || {
        let inner = Rc::clone(inner);
        Closure::<dyn FnMut(Event)>::new(move |event: Event| f(&inner, &event))
    };
    (make(), make())
}

#[wasm_bindgen]
impl FormHandle {
    /// Validates now and returns every finding (shown or not yet).
    #[wasm_bindgen(unchecked_return_type = "Diagnostic[]")]
    pub fn validate(&self) -> Result<JsValue, JsError> {
        self.inner.run();
        let mut all = self.inner.state.borrow().diagnostics().to_vec();
        smtp_doctor_core::i18n::localize_hooked(&mut all);
        Ok(crate::js::diagnostics(&all))
    }

    /// Shows every finding from now on (as a submit does); true when no
    /// error blocks saving.
    pub fn submit(&self) -> bool {
        let ok = self.inner.state.borrow_mut().submit();
        self.inner.run();
        ok
    }

    /// The form's settings as SPEC §2 config (mapped names, the app's own
    /// values laid over): what "Test connection" sends.
    #[wasm_bindgen(unchecked_return_type = "Config")]
    pub fn config(&self) -> Result<JsValue, JsError> {
        let mut state = self.inner.state.borrow_mut();
        state.update(&self.inner.read());
        Ok(crate::js::write(&state.config()))
    }

    /// Applies a fix (from these findings or a live report): into the form,
    /// or — with `onFix` — handed to the app, which owns the state.
    #[wasm_bindgen(js_name = applyFix)]
    pub fn apply_fix(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Fix")] fix: &JsValue,
    ) -> Result<(), JsError> {
        let fix = crate::fix_of(fix)?;
        self.inner.fix(&fix);
        Ok(())
    }

    /// Removes the listeners, the messages and the aria attributes.
    pub fn detach(&self) {
        let inner = &self.inner;
        if let (Some(id), Some(window)) = (inner.timer.take(), inner.document.default_view()) {
            window.clear_timeout_with_handle(id);
        }
        inner.announcer.borrow_mut().take();
        inner.announce.borrow_mut().take();
        if let Ok(nodes) = inner.form.query_selector_all(&format!(".{REVEAL_CLASS}")) {
            for i in 0..nodes.length() {
                let Some(button) = nodes.get(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                    continue;
                };
                if button.get_attribute("aria-pressed").as_deref() == Some("true") {
                    inner.toggle_password(&button);
                }
            }
        }
        for (kind, l) in inner.listeners.borrow_mut().drain(..) {
            let _ = inner
                .form
                .remove_event_listener_with_callback(kind, l.as_ref().unchecked_ref());
        }
        for field in Field::ALL {
            for el in inner.security_aware_elements(field) {
                let _ = el.remove_attribute("aria-invalid");
                remove_described_by(&el, &inner.container_id(&inner.name_of(field)));
            }
        }
        if let Ok(nodes) = inner.form.query_selector_all(&format!("[{FOR_ATTR}]")) {
            for i in 0..nodes.length() {
                let Some(el) = nodes.get(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                    continue;
                };
                if el.has_attribute(CREATED_ATTR) {
                    el.remove();
                } else {
                    el.set_text_content(None);
                }
            }
        }
        inner.shown.borrow_mut().take();
    }
}

impl Inner {
    /// The app's name for a field, or `None` when the app has no such field.
    fn app_name(&self, field: Field) -> Option<String> {
        self.state
            .borrow()
            .options()
            .name_of(field)
            .map(str::to_owned)
    }

    /// The app's name for a field (its own name for a field it lacks).
    fn name_of(&self, field: Field) -> String {
        self.app_name(field)
            .unwrap_or_else(|| field.as_str().to_owned())
    }

    fn container_id(&self, name: &str) -> String {
        format!("smtp-doctor-{}-{name}", self.id)
    }

    fn field_elements(&self, name: &str) -> Vec<Element> {
        let mut out = Vec::new();
        if let Ok(nodes) = self.form.query_selector_all(&format!("[name=\"{name}\"]")) {
            for i in 0..nodes.length() {
                if let Some(el) = nodes.get(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    out.push(el);
                }
            }
        }
        out
    }

    /// The form's values as settings JSON.
    fn read(&self) -> Value {
        let mut map = Map::new();
        let Ok(nodes) = self
            .form
            .query_selector_all("input[name], select[name], textarea[name]")
        else {
            return Value::Object(map);
        };
        for i in 0..nodes.length() {
            let Some(node) = nodes.get(i) else { continue };
            if let Some(input) = node.dyn_ref::<HtmlInputElement>() {
                match input.type_().as_str() {
                    "checkbox" => {
                        map.insert(input.name(), Value::Bool(input.checked()));
                    }
                    "radio" => {
                        if input.checked() {
                            map.insert(input.name(), Value::String(input.value()));
                        }
                    }
                    "submit" | "button" | "reset" => {}
                    _ => {
                        map.insert(input.name(), Value::String(input.value()));
                    }
                }
            } else if let Some(select) = node.dyn_ref::<HtmlSelectElement>() {
                map.insert(select.name(), Value::String(select.value()));
            } else if let Some(area) = node.dyn_ref::<HtmlTextAreaElement>() {
                map.insert(area.name(), Value::String(area.value()));
            }
        }
        Value::Object(map)
    }

    /// A field changed: it counts as touched (even typed back to what it
    /// was), then everything is validated again.
    fn on_input(&self, event: &Event) {
        if let Some(name) = target_name(event) {
            self.state.borrow_mut().touch(&name);
        }
        if event.is_trusted() {
            if let Some(el) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) {
                let _ = el.remove_attribute(CHANGED_ATTR);
            }
        }
        self.run();
    }

    /// A field was left, or the form submitted: maybe more to show.
    fn on_leave(&self, event: &Event) {
        if event.type_() == "submit" {
            self.state.borrow_mut().submit();
        } else if let Some(name) = target_name(event) {
            self.state.borrow_mut().blur(&name);
        }
        self.run();
    }

    fn run(&self) {
        let values = self.read();
        let mut shown: Vec<Diagnostic> = {
            let mut state = self.state.borrow_mut();
            state.update(&values);
            state.shown().into_iter().cloned().collect()
        };
        // Texts only for what is on screen (rendering costs more than the rules).
        smtp_doctor_core::i18n::localize_hooked(&mut shown);
        // Unchanged findings keep their elements: a `change` event fired by
        // the blur of a mousedown on a fix button must not replace that
        // button before its click lands.
        if self.shown.borrow().as_ref() != Some(&shown) {
            self.render(&shown);
            *self.shown.borrow_mut() = Some(shown);
            self.schedule_announcement();
        }
        // Converted first: a callback may call back into this form.
        // The event carries every finding with its texts.
        let mut all = self.state.borrow().diagnostics().to_vec();
        smtp_doctor_core::i18n::localize_hooked(&mut all);
        let detail = crate::js::diagnostics(&all);
        if let Some(f) = &self.on_diagnostics {
            let _ = f.call1(&JsValue::NULL, &detail);
        }
        let init = CustomEventInit::new();
        init.set_detail(&detail);
        if let Ok(event) = CustomEvent::new_with_event_init_dict("smtp-doctor:diagnostics", &init) {
            let _ = self.form.dispatch_event(&event);
        }
    }

    /// (Re)starts the pause after which the change is announced.
    fn schedule_announcement(&self) {
        let Some(window) = self.document.default_view() else {
            return;
        };
        if let Some(id) = self.timer.take() {
            window.clear_timeout_with_handle(id);
        }
        if let Some(cb) = self.announce.borrow().as_ref() {
            self.timer.set(
                window
                    .set_timeout_with_callback_and_timeout_and_arguments_0(
                        cb.as_ref().unchecked_ref(),
                        ANNOUNCE_AFTER_MS,
                    )
                    .ok(),
            );
        }
    }

    /// Says what is new since the last announcement, in one polite message.
    fn announce_now(&self) {
        self.timer.set(None);
        let shown = self.shown.borrow().clone().unwrap_or_default();
        let new: Vec<String> = shown
            .iter()
            .filter(|d| d.severity != Severity::Info && !self.announced.borrow().contains(d))
            .map(|d| match d.field {
                Some(field) => format!(
                    "{}: {}",
                    smtp_doctor_core::i18n::text(&format!("field-{}", field.as_str()), &[]),
                    d.message
                ),
                None => d.message.clone(),
            })
            .collect();
        *self.announced.borrow_mut() = shown;
        if new.is_empty() {
            return;
        }
        if self.announcer.borrow().is_none() {
            let Ok(el) = self.document.create_element("div") else {
                return;
            };
            let _ = el.set_attribute("aria-live", "polite");
            let _ = el.set_attribute("class", "smtp-doctor-announcer");
            let _ = el.set_attribute(
                "style",
                "position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap",
            );
            let _ = el.set_attribute(CREATED_ATTR, "");
            let _ = el.set_attribute(FOR_ATTR, "announcer");
            let _ = self.form.append_with_node_1(&el);
            *self.announcer.borrow_mut() = Some(el);
        }
        if let Some(el) = self.announcer.borrow().as_ref() {
            el.set_text_content(Some(&new.join(". ")));
        }
    }

    /// A "Show" button after each password field: typing a long app
    /// password blind is where mistakes hide.
    fn add_password_toggles(&self) {
        let Ok(nodes) = self.form.query_selector_all("input[type=password]") else {
            return;
        };
        for i in 0..nodes.length() {
            let Some(input) = nodes
                .get(i)
                .and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
            else {
                continue;
            };
            let Some(button) = self.el("button", &text("ui-show")) else {
                continue;
            };
            if input.id().is_empty() {
                input.set_id(&format!("smtp-doctor-{}-password-{i}", self.id));
            }
            button.set_class_name(REVEAL_CLASS);
            let _ = button.set_attribute("type", "button");
            let _ = button.set_attribute("aria-pressed", "false");
            let _ = button.set_attribute("aria-controls", &input.id());
            let _ = button.set_attribute("aria-label", &text("ui-show-password"));
            let _ = button.set_attribute(CREATED_ATTR, "");
            let _ = button.set_attribute(FOR_ATTR, "reveal");
            if let Some(parent) = input.parent_node() {
                let _ = parent.insert_before(&button, input.next_sibling().as_ref());
            }
        }
    }

    /// Shows or hides the password a toggle controls.
    fn toggle_password(&self, button: &Element) {
        let Some(input) = button
            .get_attribute("aria-controls")
            .and_then(|id| self.document.get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let show = input.type_() == "password";
        input.set_type(if show { "text" } else { "password" });
        let _ = button.set_attribute("aria-pressed", if show { "true" } else { "false" });
        button.set_text_content(Some(&text(if show { "ui-hide" } else { "ui-show" })));
        let _ = button.set_attribute(
            "aria-label",
            &text(if show {
                "ui-hide-password"
            } else {
                "ui-show-password"
            }),
        );
    }

    /// The element showing `name`'s messages: the page's own, or one we
    /// create after the field (or at the top of the form for general ones).
    fn container(&self, name: &str, anchor: Option<&Element>) -> Option<Element> {
        if let Ok(Some(el)) = self
            .form
            .query_selector(&format!("[{FOR_ATTR}=\"{name}\"]"))
        {
            if el.id().is_empty() {
                el.set_id(&self.container_id(name));
            }
            return Some(el);
        }
        let el = self.document.create_element("div").ok()?;
        el.set_id(&self.container_id(name));
        el.set_class_name("smtp-doctor-messages");
        let _ = el.set_attribute(FOR_ATTR, name);
        let _ = el.set_attribute(CREATED_ATTR, "");
        match anchor {
            Some(field) => {
                let parent = field.parent_node()?;
                // After the field, and after its show-password button if any.
                let mut after = field.next_sibling();
                if let Some(toggle) = after
                    .as_ref()
                    .and_then(|n| n.dyn_ref::<Element>())
                    .filter(|e| e.class_name() == REVEAL_CLASS)
                {
                    after = toggle.next_sibling();
                }
                parent.insert_before(&el, after.as_ref()).ok()?;
            }
            None => self.form.prepend_with_node_1(&el).ok()?,
        }
        Some(el)
    }

    fn render(&self, diagnostics: &[Diagnostic]) {
        let mut general: Vec<(usize, &Diagnostic)> = Vec::new();
        for field in Field::ALL {
            let name = self.name_of(field);
            let name = name.as_str();
            let elements = self.security_aware_elements(field);
            let items: Vec<(usize, &Diagnostic)> = diagnostics
                .iter()
                .enumerate()
                .filter(|(_, d)| d.field == Some(field))
                .collect();
            let Some(anchor) = elements.last() else {
                general.extend(items);
                continue;
            };
            let id = self.container_id(name);
            let has_error = items.iter().any(|(_, d)| d.severity == Severity::Error);
            for el in &elements {
                if has_error {
                    let _ = el.set_attribute("aria-invalid", "true");
                } else {
                    let _ = el.remove_attribute("aria-invalid");
                }
            }
            if items.is_empty() {
                if let Ok(Some(el)) = self
                    .form
                    .query_selector(&format!("[{FOR_ATTR}=\"{name}\"]"))
                {
                    el.set_text_content(None);
                }
                for el in &elements {
                    remove_described_by(el, &id);
                }
                continue;
            }
            if let Some(container) = self.container(name, Some(anchor)) {
                self.fill(&container, &items);
                let cid = container.id();
                for el in &elements {
                    add_described_by(el, &cid);
                }
            }
        }
        general.extend(
            diagnostics
                .iter()
                .enumerate()
                .filter(|(_, d)| d.field.is_none()),
        );
        general.sort_by_key(|(i, _)| *i);
        if general.is_empty() {
            if let Ok(Some(el)) = self
                .form
                .query_selector(&format!("[{FOR_ATTR}=\"{GENERAL}\"]"))
            {
                el.set_text_content(None);
            }
        } else if let Some(container) = self.container(GENERAL, None) {
            self.fill(&container, &general);
        }
    }

    /// The elements for a field (by the app's name for it; none for a
    /// field the app does not have); security may be a `secure`/`tls`
    /// checkbox.
    fn security_aware_elements(&self, field: Field) -> Vec<Element> {
        let Some(name) = self.app_name(field) else {
            return Vec::new();
        };
        let els = self.field_elements(&name);
        if els.is_empty() && field == Field::Security {
            let secure = self.field_elements("secure");
            return if secure.is_empty() {
                self.field_elements("tls")
            } else {
                secure
            };
        }
        els
    }

    fn fill(&self, container: &Element, items: &[(usize, &Diagnostic)]) {
        container.set_text_content(None);
        for (index, d) in items {
            let Some(item) = self.el("div", "") else {
                continue;
            };
            item.set_class_name(&format!(
                "smtp-doctor-diagnostic smtp-doctor-{}",
                d.severity
            ));
            let _ = item.set_attribute("data-code", d.code.as_str());
            if let Some(msg) = self.el("strong", &d.message) {
                msg.set_class_name("smtp-doctor-message");
                let _ = item.append_child(&msg);
            }
            if let Some(help) = self.el("span", "") {
                help.set_class_name("smtp-doctor-help");
                self.linkify(&help, &d.help);
                let _ = item.append_child(&help);
            }
            if let Some(fix) = &d.fix {
                if let Some(button) = self.el("button", &fix.title) {
                    button.set_class_name("smtp-doctor-fix");
                    let _ = button.set_attribute("type", "button");
                    let _ = button.set_attribute(FIX_ATTR, &index.to_string());
                    let _ = item.append_child(&button);
                }
            }
            let _ = container.append_child(&item);
        }
    }

    /// Appends `text`, with each `https://` address as a link (a provider's
    /// app-password page is a click, not something to copy).
    fn linkify(&self, parent: &Element, text: &str) {
        for (plain, url) in split_links(text) {
            if !plain.is_empty() {
                let _ = parent.append_with_str_1(plain);
            }
            if let Some(a) = url.and_then(|u| self.el("a", u).map(|a| (a, u))) {
                let (a, u) = a;
                let _ = a.set_attribute("href", u);
                let _ = a.set_attribute("target", "_blank");
                let _ = a.set_attribute("rel", "noopener noreferrer");
                let _ = parent.append_child(&a);
            }
        }
    }

    fn el(&self, tag: &str, text: &str) -> Option<Element> {
        let el = self.document.create_element(tag).ok()?;
        if !text.is_empty() {
            el.set_text_content(Some(text));
        }
        Some(el)
    }

    fn on_click(&self, event: &Event) {
        let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        if let Ok(Some(toggle)) = target.closest(&format!(".{REVEAL_CLASS}")) {
            self.toggle_password(&toggle);
            return;
        }
        let Ok(Some(button)) = target.closest(&format!("[{FIX_ATTR}]")) else {
            return;
        };
        let Some(index) = button
            .get_attribute(FIX_ATTR)
            .and_then(|i| i.parse::<usize>().ok())
        else {
            return;
        };
        let fix = self
            .shown
            .borrow()
            .as_ref()
            .and_then(|shown| shown.get(index))
            .and_then(|d| d.fix.clone());
        let Some(fix) = fix else { return };
        event.prevent_default();
        self.fix(&fix);
    }

    /// Hands a fix to the app (`onFix`), or writes it into the form,
    /// focuses the first changed field and validates again.
    fn fix(&self, fix: &Fix) {
        if let Some(on_fix) = &self.on_fix {
            let changes = self.state.borrow().options().changes(fix);
            let changes = crate::js::object(
                changes
                    .iter()
                    .map(|(k, v)| (k.as_str(), crate::js::write(v))),
            );
            let _ = on_fix.call2(&JsValue::NULL, &changes, &crate::js::fix(fix));
            return;
        }
        let mut first: Option<Element> = None;
        for (field, value) in &fix.changes {
            let text = match value {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                Value::Bool(b) => b.to_string(),
                _ => String::new(),
            };
            for el in self.write(*field, &text) {
                first.get_or_insert(el);
            }
        }
        // Keep keyboard users in place: focus the first changed field.
        if let Some(el) = first.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            let _ = el.focus();
        }
        self.run();
    }

    /// Writes a value into the field's element(s); returns those changed.
    fn write(&self, field: Field, text: &str) -> Vec<Element> {
        let mut changed = Vec::new();
        let Some(name) = self.app_name(field) else {
            return changed;
        };
        let mut elements = self.field_elements(&name);
        let mut checkbox_alias = false;
        if elements.is_empty() && field == Field::Security {
            elements = self.security_aware_elements(field);
            checkbox_alias = true;
        }
        for el in elements {
            let done = if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
                match input.type_().as_str() {
                    "radio" => {
                        input.set_checked(input.value() == text);
                        input.value() == text
                    }
                    "checkbox" if checkbox_alias => {
                        input.set_checked(text == "tls");
                        true
                    }
                    _ => {
                        input.set_value(text);
                        true
                    }
                }
            } else if let Some(select) = el.dyn_ref::<HtmlSelectElement>() {
                select.set_value(text);
                true
            } else if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
                area.set_value(text);
                true
            } else {
                false
            };
            if done {
                let _ = el.set_attribute(CHANGED_ATTR, "");
                let init = EventInit::new();
                init.set_bubbles(true);
                if let Ok(event) = Event::new_with_event_init_dict("input", &init) {
                    // Bubbles to our form listener (which revalidates) and
                    // tells frameworks that bind to the field.
                    let _ = el.dispatch_event(&event);
                }
                changed.push(el);
            }
        }
        changed
    }
}

/// `text` cut into (plain text, following `https://` address) pairs; an
/// address ends at whitespace, and a closing `.`, `,`, `)` or `;` stays
/// text.
/// A label of the page's language.
fn text(id: &str) -> String {
    smtp_doctor_core::i18n::text(id, &[])
}

fn split_links(text: &str) -> Vec<(&str, Option<&str>)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("https://") {
        let tail = &rest[start..];
        let mut end = tail.find(char::is_whitespace).unwrap_or(tail.len());
        while end > 8 && tail[..end].ends_with(['.', ',', ')', ';']) {
            end -= 1;
        }
        out.push((&rest[..start], Some(&tail[..end])));
        rest = &tail[end..];
    }
    out.push((rest, None));
    out
}

/// The `name` of the form field an event came from.
fn target_name(event: &Event) -> Option<String> {
    let el = event.target()?.dyn_into::<Element>().ok()?;
    el.get_attribute("name").filter(|n| !n.is_empty())
}

fn add_described_by(el: &Element, id: &str) {
    let current = el.get_attribute("aria-describedby").unwrap_or_default();
    if !current.split_whitespace().any(|t| t == id) {
        let joined = if current.trim().is_empty() {
            id.to_owned()
        } else {
            format!("{current} {id}")
        };
        let _ = el.set_attribute("aria-describedby", &joined);
    }
}

fn remove_described_by(el: &Element, id: &str) {
    let Some(current) = el.get_attribute("aria-describedby") else {
        return;
    };
    let rest: Vec<&str> = current.split_whitespace().filter(|t| *t != id).collect();
    if rest.is_empty() {
        let _ = el.remove_attribute("aria-describedby");
    } else {
        let _ = el.set_attribute("aria-describedby", &rest.join(" "));
    }
}

#[cfg(test)]
mod tests {
    use super::split_links;

    #[test]
    fn addresses_become_links_and_punctuation_stays_text() {
        assert_eq!(
            split_links("Create one at https://example.com/app-passwords. Then paste it."),
            [
                ("Create one at ", Some("https://example.com/app-passwords")),
                (". Then paste it.", None)
            ]
        );
        assert_eq!(split_links("no link"), [("no link", None)]);
        assert_eq!(
            split_links("(https://a.example/x)"),
            [("(", Some("https://a.example/x")), (")", None)]
        );
        assert_eq!(
            split_links("https://"),
            [("", Some("https://")), ("", None)]
        );
    }
}
