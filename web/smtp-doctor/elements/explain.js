// <smtp-doctor-explain>: "Already sending? Paste the error." The text an
// app logged (a library's error, a server's reply, a bounce) goes to the
// service's /v1/explain with the bound form's settings (never their
// secrets); the causes come back cause first, as the live result shows
// them, with their one-click fixes into the form (`for`) or out as
// `smtp-doctor:apply`.
import { el, translate } from "../lib/dom.js";
import { DoctorElement, define } from "../lib/element.js";
import { ServiceError } from "../lib/service.js";

/** What the service reads of a paste (SPEC: 64 KiB). */
const MAX_TEXT = 64 * 1024;

const TEMPLATE = `
<form id="explain-form" class="explain" part="form">
  <label for="explain-text" part="label" data-t="ui-explain-label">Paste the error your app logged</label>
  <textarea id="explain-text" rows="5" spellcheck="false" autocapitalize="off" part="input"
    placeholder="e.g. Invalid login: 535-5.7.8 Username and Password not accepted" data-t-placeholder="ui-explain-example"></textarea>
  <div class="row">
    <button type="submit" part="button" data-t="ui-explain">Explain</button>
  </div>
</form>
<p id="explain-status" class="status" role="status" aria-live="polite" part="status"></p>
<div id="explain-result" class="result" hidden aria-labelledby="explain-title" part="result">
  <h3 id="explain-title" part="title" tabindex="-1"></h3>
  <p id="explain-seen" class="more"></p>
  <ul id="explain-findings" class="findings"></ul>
</div>`;

export class SmtpDoctorExplain extends DoctorElement {
  static observedAttributes = ["for", "service", "lang", "token-url", "theme", "heading-level"];

  /** The last explanation, or null. */
  #result = null;

  constructor() {
    super();
    this.shadowRoot.innerHTML = TEMPLATE;
    this.$("explain-text").maxLength = MAX_TEXT;
    this.$("explain-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.explain(this.$("explain-text").value);
    });
  }

  connectedCallback() {
    this.loadChecker().then(() => {
      translate(this.shadowRoot, this.t);
      this.outline();
      this.setAttribute("ready", "");
    }, (e) => (this.$("explain-status").textContent = this.t("ui-load-failed", { reason: e.message })));
  }

  /** The last explanation (`{ diagnostics, recognised }`), or null. */
  get result() {
    return this.#result;
  }

  /** Explains `text`; resolves with the explanation, or null if the service could not. */
  async explain(text) {
    const status = this.$("explain-status");
    const button = this.$("explain-form").querySelector("button");
    status.classList.remove("failed");
    if (!text.trim()) {
      status.textContent = this.t("ui-explain-empty");
      return null;
    }
    button.disabled = true;
    status.textContent = this.t("ui-explain-working");
    try {
      const result = await this.client().explain(text, this.binding()?.config());
      this.#result = result;
      status.textContent = "";
      this.#show(result);
      this.emit("result", result);
      return result;
    } catch (e) {
      status.textContent = e instanceof ServiceError ? e.message : this.t("ui-explain-failed", { reason: String(e) });
      status.classList.add("failed");
      this.emit("error", { kind: e?.kind ?? "server", message: status.textContent });
      return null;
    } finally {
      button.disabled = false;
    }
  }

  /** Cause first: the first finding's message is the headline, then each with its help and fix. */
  #show({ diagnostics, recognised }) {
    const box = this.$("explain-result");
    const [lead] = diagnostics;
    const title = this.$("explain-title");
    title.textContent = lead?.message ?? "";
    const seen = [];
    if (recognised.libraryName) seen.push(this.t("ui-explain-library", { library: recognised.libraryName }));
    if (recognised.receiver) seen.push(this.t("ui-explain-receiver", { receiver: recognised.receiver }));
    if (recognised.reply) seen.push(this.t("ui-explain-reply", { reply: recognised.reply }));
    if (recognised.truncated) seen.push(this.t("ui-explain-truncated"));
    this.$("explain-seen").textContent = seen.join(" ");
    const list = this.$("explain-findings");
    list.replaceChildren(...diagnostics.map((d, i) => {
      const item = el("li", { class: `finding smtp-doctor-${d.severity}${i === 0 ? " lead" : ""}`, part: `finding finding-${d.severity}`, dataset: { code: d.code } },
        // Who must act, where it is not the customer (the registry's actor).
        d.actor && d.actor !== "customer"
          ? el("span", { class: "finding-actor", part: "actor", dataset: { actor: d.actor } }, this.t(`ui-actor-${d.actor}`))
          : null,
        i === 0 ? null : el("span", { class: "finding-message" }, d.message),
        el("span", { class: "finding-help" }, d.help));
      if (d.reply) item.append(el("code", { class: "finding-reply" }, d.reply));
      if (d.fix) item.append(el("button", { type: "button", class: i === 0 ? "" : "secondary", part: "fix", onclick: () => this.apply(d.fix) }, d.fix.title));
      return item;
    }));
    box.hidden = false;
    title.focus({ preventScroll: true });
  }
}

define("smtp-doctor-explain", SmtpDoctorExplain);
