// <smtp-doctor-connect>: "Sign in with Microsoft / Google" for an SMTP
// connection. The popup goes to the integrator's backend (`start`, which
// runs `smtp-doctor/oauth`); what comes back — the signed-in address and a
// short-lived access token, never a refresh token — becomes the settings:
// the provider's server, `auth: "oauth2"`, the username and the token, into
// the bound form (`for`) or out as `smtp-doctor:apply` for a framework.
//
// A form without fields for `auth` and `accessToken` gets hidden ones, so
// "Test connection" and the form's own submit carry the sign-in; they go
// again when the element leaves the page.
import { ConnectError, connect } from "../lib/connect.js";
import { translate } from "../lib/dom.js";
import { DoctorElement, define } from "../lib/element.js";
import { formFor } from "../lib/forms.js";
import { SIGN_IN_PROVIDERS } from "../lib/sign-in.js";

const TEMPLATE = `
<div class="row">
  <button type="button" id="connect-button" part="button" data-t="ui-connect">Sign in</button>
  <button type="button" id="connect-cancel" class="secondary" part="cancel" hidden data-t="ui-cancel">Cancel</button>
</div>
<p id="connect-status" class="status" role="status" aria-live="polite" part="status"></p>`;

/** Marks the hidden fields this element added to a form. */
const ADDED = "data-smtp-doctor-connect";
/** The longest an expiry timer waits (a token "valid for a year" is not watched). */
const MAX_WATCH_MS = 24 * 3600_000;

export class SmtpDoctorConnect extends DoctorElement {
  static observedAttributes = ["provider", "start", "origin", "label", "for", "lang", "theme"];

  /** The last sign-in (without the token), or null. */
  #signedIn = null;
  #abort = null;
  #expiry = null;

  constructor() {
    super();
    this.shadowRoot.innerHTML = TEMPLATE;
    this.$("connect-button").addEventListener("click", () => this.signIn());
    this.$("connect-cancel").addEventListener("click", () => this.cancel());
  }

  connectedCallback() {
    this.loadChecker().then(() => {
      translate(this.shadowRoot, this.t);
      this.#label();
      this.setAttribute("ready", "");
    }, (e) => this.#status(this.t("ui-load-failed", { reason: e.message }), true));
  }

  disconnectedCallback() {
    this.cancel();
    clearTimeout(this.#expiry);
    for (const node of formFor(this)?.querySelectorAll(`[${ADDED}]`) ?? []) node.remove();
  }

  attributeChangedCallback(name) {
    super.attributeChangedCallback(name);
    if ((name === "provider" || name === "label") && this.hasAttribute("ready")) this.#label();
  }

  /** After a change of `lang`: the button's label again. */
  relabel() {
    this.#label();
  }

  /** The preset for `provider` (microsoft, google), or undefined for your own issuer. */
  get preset() {
    return SIGN_IN_PROVIDERS[this.getAttribute("provider") ?? ""];
  }

  /** The signed-in address and when its access ends (`{ provider, username, expiresAt }`), or null. */
  get signedIn() {
    return this.#signedIn;
  }

  /**
   * Opens the sign-in window; resolves with what came back
   * (`{ username, accessToken, expiresAt, settings }`) or null when it
   * did not end with a token (the status line says why).
   */
  async signIn() {
    const start = this.getAttribute("start");
    if (!start) {
      this.#status(this.t("ui-connect-failed", { reason: "no `start` attribute (your backend's sign-in URL)" }), true);
      return null;
    }
    this.cancel();
    const abort = (this.#abort = new AbortController());
    this.#busy(true);
    this.#status(this.t("ui-connect-waiting"));
    try {
      const result = await connect({ start, origin: this.getAttribute("origin") || undefined, signal: abort.signal });
      this.#use(result);
      return result;
    } catch (e) {
      const code = e instanceof ConnectError ? e.code : "failed";
      const message = {
        "popup-blocked": () => this.t("ui-connect-popup-blocked"),
        cancelled: () => this.t("ui-connect-cancelled"),
        timeout: () => this.t("ui-connect-timeout"),
      }[code]?.() ?? this.t("ui-connect-failed", { reason: e instanceof Error ? e.message : String(e) });
      this.#status(message, code !== "cancelled");
      this.emit("error", { kind: code, message });
      return null;
    } finally {
      if (this.#abort === abort) {
        this.#abort = null;
        this.#busy(false);
      }
    }
  }

  /** Stops a sign-in in progress (its window closes). */
  cancel() {
    this.#abort?.abort();
  }

  /** The sign-in becomes the connection's settings. */
  #use(result) {
    const provider = this.getAttribute("provider") ?? undefined;
    const changes = { ...(this.preset?.smtp ?? {}), ...(result.settings ?? {}), auth: "oauth2", accessToken: result.accessToken };
    if (result.username) changes.username = result.username;
    const form = formFor(this);
    if (form) {
      this.#ensureFields(form);
      if (result.username && !this.binding()?.config().from) changes.from = result.username;
    }
    const name = this.preset?.name ?? this.getAttribute("label") ?? provider ?? "OAuth";
    this.apply({ title: this.t("ui-connect-apply", { provider: name }), changes });
    this.#signedIn = { provider, username: result.username, expiresAt: result.expiresAt };
    this.#status(this.t("ui-connect-signed-in", { username: result.username ?? name }));
    this.$("connect-button").textContent = this.t("ui-connect-again");
    this.#watch(result.expiresAt);
    this.emit("connected", { ...this.#signedIn, settings: changes });
  }

  /** Hidden `auth` / `accessToken` fields where the form has none (under the app's names). */
  #ensureFields(form) {
    const fields = this.options?.fields ?? {};
    for (const field of ["auth", "accessToken"]) {
      const name = field in fields ? fields[field] : field;
      if (!name || form.querySelector(`[name="${CSS.escape(name)}"]`)) continue;
      const input = form.ownerDocument.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.setAttribute(ADDED, "");
      form.append(input);
    }
  }

  /** Says so when the access token has run out (the customer signs in again). */
  #watch(expiresAt) {
    clearTimeout(this.#expiry);
    if (typeof expiresAt !== "number") return;
    const wait = expiresAt - Date.now();
    if (wait > MAX_WATCH_MS) return;
    this.#expiry = setTimeout(() => {
      this.#status(this.t("ui-connect-expired"), true);
      this.emit("expired", { ...this.#signedIn });
    }, Math.max(0, wait));
  }

  #label() {
    if (this.#signedIn) return;
    const custom = this.getAttribute("label");
    const preset = this.preset;
    this.$("connect-button").textContent = custom || (preset ? this.t("ui-connect-with", { provider: preset.name }) : this.t("ui-connect"));
  }

  #busy(on) {
    this.$("connect-button").disabled = on;
    this.$("connect-cancel").hidden = !on;
    this.toggleAttribute("busy", on);
  }

  #status(text, failed = false) {
    const out = this.$("connect-status");
    out.textContent = text;
    out.classList.toggle("failed", failed);
  }
}

define("smtp-doctor-connect", SmtpDoctorConnect);
