//! `FormState` for JavaScript: core's form state (findings, and which to
//! show now) behind the headless `createForm` of framework forms, so a
//! React or Vue form follows the same policy as `attachForm`.

use smtp_doctor_core::Field;
use smtp_doctor_core::form;
use wasm_bindgen::prelude::*;

/// One framework form's findings and what its customer did so far.
#[wasm_bindgen]
#[derive(Debug)]
pub struct FormState {
    inner: form::FormState,
}

#[wasm_bindgen]
impl FormState {
    /// A form with these options (`fields`, `values`, `rules`, `show`).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "FormOptions")] options: &JsValue,
    ) -> Result<FormState, JsError> {
        crate::ready();
        Ok(Self {
            inner: form::FormState::new(crate::options_of(options)?, crate::show_of(options)?),
        })
    }

    /// The app's values (by its own names); true when the findings changed.
    pub fn update(&mut self, values: &JsValue) -> bool {
        self.inner.update(&crate::js::read(values))
    }

    /// The customer changed a field.
    pub fn touch(&mut self, name: &str) {
        self.inner.touch(name);
    }

    /// The customer left a field.
    pub fn blur(&mut self, name: &str) {
        self.inner.blur(name);
    }

    /// Shows everything from now on; true when no error blocks saving.
    pub fn submit(&mut self) -> bool {
        self.inner.submit()
    }

    /// Every current finding, shown or not.
    #[wasm_bindgen(unchecked_return_type = "Diagnostic[]")]
    pub fn diagnostics(&self) -> Result<JsValue, JsError> {
        Ok(crate::js::diagnostics(self.inner.diagnostics()))
    }

    /// Every finding to show now, in order (what `attachForm` renders).
    #[wasm_bindgen(unchecked_return_type = "Diagnostic[]")]
    pub fn shown(&self) -> JsValue {
        crate::js::diagnostics(self.inner.shown())
    }

    /// The findings to show now under a field (the app's name), or the
    /// general ones (no name).
    #[wasm_bindgen(unchecked_return_type = "Diagnostic[]")]
    #[allow(clippy::needless_pass_by_value)] // wasm-bindgen takes an optional string by value
    pub fn messages(&self, name: Option<String>) -> Result<JsValue, JsError> {
        Ok(crate::js::diagnostics(self.inner.messages(name.as_deref())))
    }

    /// The settings to test (SPEC names, the app's own values laid over).
    #[wasm_bindgen(unchecked_return_type = "Config")]
    pub fn config(&self) -> Result<JsValue, JsError> {
        Ok(crate::js::write(&self.inner.config()))
    }

    /// A fix's changes under the app's field names.
    #[wasm_bindgen(unchecked_return_type = "Record<string, string | number>")]
    pub fn changes(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Fix")] fix: &JsValue,
    ) -> Result<JsValue, JsError> {
        let fix = crate::fix_of(fix)?;
        Ok(crate::js::changes(self.inner.options().changes(&fix)))
    }

    /// The app's name for a SPEC field, or null when the app has none.
    #[wasm_bindgen(js_name = nameOf)]
    pub fn name_of(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Field")] field: &str,
    ) -> Option<String> {
        let field = Field::from_id(field)?;
        self.inner.options().name_of(field).map(str::to_owned)
    }
}
