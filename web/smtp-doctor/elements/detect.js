// <smtp-doctor-detect>: "Detect settings" from an email address. The
// provider table (wasm) answers at once; then the service's /v1/discover
// (provider table, MX, autoconfig, SRV, guesses, each verified live)
// refines it, streaming what each source said. What it finds goes to the
// bound form (`for`) or, for a framework, out as `smtp-doctor:apply`.
import { load, providerFor } from "../index.js";
import { el, translate } from "../lib/dom.js";
import { DoctorElement, define } from "../lib/element.js";
import { modeLabel } from "../lib/render.js";
import { ServiceError } from "../lib/service.js";

const TEMPLATE = `
<form id="detect-form" class="row" part="form">
  <label for="detect-email" part="label" data-t="ui-email">Email address</label>
  <input id="detect-email" type="email" autocomplete="email" placeholder="e.g. you@example.com" data-t-placeholder="ui-email-example" part="input">
  <button type="submit" part="button" data-t="ui-detect">Detect settings</button>
</form>
<p id="detect-result" class="status detect-status" role="status" aria-live="polite" part="status"></p>
<div id="detect-list" class="detect-list" part="list"></div>`;


export class SmtpDoctorDetect extends DoctorElement {
  static observedAttributes = ["for", "service", "lang", "token-url", "theme"];

  constructor() {
    super();
    this.shadowRoot.innerHTML = TEMPLATE;
    this.$("detect-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.detect(this.$("detect-email").value.trim());
    });
  }

  connectedCallback() {
    this.loadChecker().then(() => {
      translate(this.shadowRoot, this.t);
      this.binding();
      this.setAttribute("ready", "");
    }, (e) => (this.$("detect-result").textContent = this.t("ui-load-failed", { reason: e.message })));
  }

  /** Fills in the settings found for `email`; resolves with the discovery report (or null). */
  async detect(email) {
    const out = this.$("detect-result");
    const list = this.$("detect-list");
    const button = this.$("detect-form").querySelector("button");
    list.replaceChildren();
    if (!email) {
      out.textContent = this.t("ui-detect-empty");
      return null;
    }
    button.disabled = true;
    list.setAttribute("aria-busy", "true");
    try {
      await load();
      return await this.#run(email, out, list);
    } finally {
      button.disabled = false;
      list.removeAttribute("aria-busy");
    }
  }

  async #run(email, out, list) {
    const known = providerFor(email);
    const checking = el("span", {}, " ", this.t("ui-detect-checking"));
    if (known) {
      this.#fill(known, email);
      const other = known.endpoints.filter((e) => e.port !== known.port).map((e) => `${e.port} (${modeLabel(e.security)})`).join(", ");
      out.replaceChildren(this.t("ui-detect-filled", { provider: known.name, host: known.host, port: String(known.port) })
        + (other ? ` ${this.t("ui-detect-also", { endpoints: other })}` : ""),
        known.appPasswordUrl ? el("span", {}, " ", this.t("ui-detect-app-password"), " ",
          el("a", { href: known.appPasswordUrl, target: "_blank", rel: "noopener noreferrer" }, this.t("ui-detect-app-password-link", { provider: known.name }))) : "",
        checking);
    } else {
      out.textContent = this.t("ui-detect-looking");
    }
    const sources = el("ul", { class: "sources", "aria-label": this.t("ui-detect-sources") });
    list.append(sources);
    let report;
    try {
      report = await this.client().discover({ email }, (data) => {
        sources.append(el("li", { dataset: { source: data.source, status: data.status } },
          el("strong", {}, `${this.t(`ui-source-${data.source}`)}: `), data.detail));
      });
    } catch (e) {
      const why = e instanceof ServiceError ? e.message : String(e);
      if (known) checking.textContent = ` ${this.t("ui-detect-not-checked", { reason: why })}`;
      else out.textContent = this.t("ui-detect-failed", { reason: why });
      return null;
    }
    const best = report.candidates[0];
    if (report.found && best) {
      this.#fill(best, email);
      out.textContent = `${this.t("ui-detect-found", { host: best.host, port: String(best.port), security: this.say(() => modeLabel(best.security)) })} ${report.message}`;
    } else if (known) {
      // The box above names the provider: no "ask your provider" here.
      checking.textContent = ` ${this.t("ui-detect-unreachable", { host: known.host })}`;
    } else {
      out.textContent = report.message;
    }
    const candidates = el("ol", { class: "candidates", "aria-label": this.t("ui-detect-candidates") });
    for (const c of report.candidates.slice(0, 6)) {
      const ok = c.verification.status === "verified";
      candidates.append(el("li", { class: `candidate ${ok ? "verified" : "unverified"}`, part: "candidate", dataset: { host: c.host, port: String(c.port), status: c.verification.status } },
        el("span", { class: "candidate-mark", "aria-hidden": "true" }, ok ? "✓" : "✗"),
        el("span", { class: "candidate-what" }, `${c.host}:${c.port} · ${modeLabel(c.security)}`),
        el("span", { class: "candidate-why" }, c.why),
        ok ? el("button", { type: "button", class: "secondary", onclick: () => this.#fill(c, email) }, this.t("ui-use-these")) : null));
    }
    list.append(candidates, el("details", {},
      el("summary", {}, this.t("ui-detect-how", { count: report.candidates.length, ms: report.durationMs })), sources));
    this.emit("result", report);
    return report;
  }

  /** Offers found settings as one change (the From only where none is set yet). */
  #fill(found, email) {
    const changes = { host: found.host, port: found.port, security: found.security };
    if (found.username) changes.username = found.username;
    if (email.includes("@") && !this.binding()?.config().from) changes.from = email;
    this.apply({ title: this.t("fix-use-host", { host: found.host }), changes });
  }
}

define("smtp-doctor-detect", SmtpDoctorDetect);
