// What both elements share: shadow root and styles, the service client
// (with a short-lived token, never a long-lived key), the form they are
// bound to with `for`, and the `smtp-doctor:apply` hand-off that keeps a
// framework form the owner of its state.
import { changesFor, load, t } from "../index.js";
import { bindForm, formFor } from "./forms.js";
import { createClient, ServiceError } from "./service.js";
import { adoptStyles } from "./styles.js";

/** HTMLElement in a browser; a plain class on a server (never instantiated there). */
export const Base = globalThis.HTMLElement ?? class {};

export class DoctorElement extends Base {
  /**
   * A short-lived token for the service: a string, or a function that
   * returns one (called before each request). See also `token-url`.
   * @type {string | (() => string | Promise<string>) | null}
   */
  token = null;
  #options = {};

  constructor() {
    super();
    adoptStyles(this.attachShadow({ mode: "open" }));
  }

  /** The integration's options (`fields`, `values`, `rules`; core's Options). */
  get options() {
    return this.#options;
  }

  set options(value) {
    this.#options = value ?? {};
  }

  $(id) {
    return this.shadowRoot.getElementById(id);
  }

  client() {
    return createClient({ service: this.getAttribute("service") || undefined, token: this.#token() });
  }

  #token() {
    if (this.token) return this.token;
    const url = this.getAttribute("token-url");
    if (!url) return undefined;
    return async () => {
      let response;
      try {
        response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json, text/plain" } });
      } catch {
        throw new ServiceError("unreachable", t("ui-token-unreachable"));
      }
      if (!response.ok) throw new ServiceError("unauthorized", t("ui-token-refused", { status: String(response.status) }));
      const text = (await response.text()).trim();
      return text.startsWith("{") ? JSON.parse(text).token : text;
    };
  }

  /**
   * Loads the checker in this element's language: its `lang`, else the
   * nearest ancestor's or the page's, else the browser's.
   */
  loadChecker() {
    return load({ locale: this.getAttribute("lang") ?? this.closest?.("[lang]")?.getAttribute("lang") ?? undefined });
  }

  /** The bound form's instant-feedback binding, or null. */
  binding() {
    const form = formFor(this);
    return form ? bindForm(form, this.#options) : null;
  }

  emit(name, detail, cancelable = false) {
    return this.dispatchEvent(new CustomEvent(`smtp-doctor:${name}`, { detail, bubbles: true, composed: true, cancelable }));
  }

  /**
   * Offers a fix: `smtp-doctor:apply` carries the changes under the app's
   * field names; unless a listener calls preventDefault() (a framework
   * that sets its own state), a bound form gets them written in.
   */
  apply(fix) {
    const changes = changesFor(fix, this.#options);
    const accepted = this.emit("apply", { changes, fix }, true);
    if (accepted) this.binding()?.applyFix(fix);
    return accepted;
  }
}

/** Defines an element once, and only where custom elements exist. */
export function define(name, element) {
  if (globalThis.customElements && !customElements.get(name)) customElements.define(name, element);
}
