// One instant-feedback binding per form, shared by the elements bound to
// it (`<smtp-doctor-test for=…>` and `<smtp-doctor-detect for=…>`), so a
// form never shows its messages twice.
import { attachForm } from "../index.js";

const handles = new WeakMap();

/** The form with this id in `host`'s tree (document or shadow root), or null. */
export function formFor(host) {
  const id = host.getAttribute("for");
  if (!id) return null;
  const root = host.getRootNode();
  const found = root.getElementById?.(id) ?? globalThis.document?.getElementById(id);
  return found instanceof HTMLFormElement ? found : null;
}

/** The form's binding, made on first use with these options. */
export function bindForm(form, options) {
  let handle = handles.get(form);
  if (!handle) {
    handle = attachForm(form, { passwordToggle: true, ...options });
    handles.set(form, handle);
  }
  return handle;
}
