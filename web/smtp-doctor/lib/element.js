// What the elements share: shadow root and styles, their own language
// (the element's `lang`, else the nearest ancestor's or the page's, and a
// change of it later), the service client (with a short-lived token,
// never a long-lived key), the form they are bound to with `for`, and the
// `smtp-doctor:apply` hand-off that keeps a framework form the owner of
// its state.
import { changesFor, load, locale as pageLocale, t as pageText } from "../index.js";
import { translate } from "./dom.js";
import { loadTexts, pickLocale, within } from "./i18n.js";
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
  /**
   * This element's own texts (`Texts`) when it (or an ancestor below the
   * page) has a `lang`; null: it speaks the page's language, and follows
   * `setLocale()`.
   */
  #texts = null;
  #loaded = false;

  /** A text in this element's language: `this.t("ui-test")`. */
  t = (id, args) => this.#texts?.text(id, undefined, args) ?? pageText(id, args);

  /** The language this element speaks (after it is ready). */
  get locale() {
    return this.#texts?.locale ?? pageLocale();
  }

  /** Its own language, if a `lang` below the page's says one. */
  #ownTexts() {
    const holder = this.closest?.("[lang]");
    const own = holder && holder !== globalThis.document?.documentElement;
    return own ? loadTexts(pickLocale(undefined, this)) : Promise.resolve(null);
  }

  /** Runs `fn` (synchronously) in this element's language: for the shared renderers. */
  say(fn) {
    return within(this.#texts, fn);
  }

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
    return createClient({
      service: this.getAttribute("service") || undefined,
      token: this.#token(),
      locale: () => this.locale,
      t: this.t,
    });
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
        throw new ServiceError("unreachable", this.t("ui-token-unreachable"));
      }
      if (!response.ok) throw new ServiceError("unauthorized", this.t("ui-token-refused", { status: String(response.status) }));
      const text = (await response.text()).trim();
      return text.startsWith("{") ? JSON.parse(text).token : text;
    };
  }

  /**
   * Loads the checker (in the page's language, for the bound form) and
   * this element's texts: its `lang`, else the nearest ancestor's or the
   * page's, else the browser's.
   */
  async loadChecker() {
    const [checker, texts] = await Promise.all([load(), this.#ownTexts()]);
    this.#texts = texts;
    this.#loaded = true;
    return checker;
  }

  /**
   * The element's `lang` changed: its texts in the new language, its
   * labels written again, then `relabel()` for what a subclass wrote
   * itself. A result already shown stays in the language it was made in.
   */
  async relang() {
    if (!this.#loaded) return; // loadChecker() picks it up
    const texts = await this.#ownTexts();
    if (texts === this.#texts) return;
    this.#texts = texts;
    translate(this.shadowRoot, this.t);
    this.relabel?.();
    this.emit("language", { locale: this.locale });
  }

  attributeChangedCallback(name) {
    if (name === "lang") this.relang();
    if (name === "heading-level") this.outline();
  }

  /**
   * Continues the page's outline: the element's top headings (the `h3`s
   * of its shadow root) are one level below the last heading before it on
   * the page, or `heading-level`; the ones under them (`h4`) one more. So
   * a page with only an `h1` above the element gets an `h2`, not a skip.
   */
  outline() {
    const top = headingLevel(this);
    for (const h of this.shadowRoot.querySelectorAll("h3, h4")) {
      h.setAttribute("aria-level", String(top + (h.tagName === "H4" ? 1 : 0)));
    }
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

/** The level of `element`'s top headings: `heading-level`, else one below the page's last heading before it. */
function headingLevel(element) {
  const fixed = Number(element.getAttribute("heading-level"));
  if (Number.isInteger(fixed) && fixed >= 1 && fixed <= 5) return fixed;
  let last = 1;
  for (const h of element.ownerDocument?.querySelectorAll("h1, h2, h3, h4, h5, h6, [role=heading]") ?? []) {
    if (!(h.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
    if (h.contains(element)) continue;
    last = Number(h.getAttribute("aria-level")) || Number(h.tagName.slice(1)) || 2;
  }
  return Math.min(last + 1, 5);
}

/** Defines an element once, and only where custom elements exist. */
export function define(name, element) {
  if (globalThis.customElements && !customElements.get(name)) customElements.define(name, element);
}
