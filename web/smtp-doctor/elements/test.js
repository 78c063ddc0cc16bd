// <smtp-doctor-test>: the whole "Test connection" experience — live steps
// over server-sent events, findings with fix buttons, a verified
// suggestion, certificate and server details, the redacted transcript with
// "copy for support", the service's egress addresses where an allowlist is
// the fix, the service's own refusals explained, cancel, and "Will it
// arrive?": the From domain's SPF, DKIM and DMARC (the `domain` check),
// and "Send this to your IT team": a share link of the result for whoever
// must act (copy, a prefilled email, print).
//
// Settings come from a form (`for="form-id"`, which also gets instant
// feedback) or from the `config` property (SPEC §2 names), so a framework
// keeps its own state: fixes leave as `smtp-doctor:apply` events.
import { applyFix } from "../index.js";
import { translate } from "../lib/dom.js";
import { DoctorElement, define } from "../lib/element.js";
import { formFor } from "../lib/forms.js";
import { StepList, nextStep, showReport, supportText } from "../lib/render.js";
import { ServiceError } from "../lib/service.js";

const TEMPLATE = `
<fieldset class="options" id="options" part="options">
  <legend class="visually-hidden" data-t="ui-extra-checks">Extra checks</legend>
  <label><input type="checkbox" id="check-sender"> <span data-t="ui-check-sender">Check that I may send as the From address</span></label>
  <label><input type="checkbox" id="check-send"> <span data-t="ui-check-send">Send a test email to the From address</span></label>
  <label><input type="checkbox" id="check-domain" checked> <span data-t="ui-check-domain">Check that mail from my domain will arrive (SPF, DKIM, DMARC)</span></label>
  <label id="arrival-option" hidden><input type="checkbox" id="check-arrival"> <span data-t="ui-check-arrival">Send a test email to the test service's inbox and see how it arrives</span></label>
</fieldset>
<div class="row">
  <button type="button" id="test-button" part="button" disabled data-t="ui-test">Test connection</button>
  <button type="button" id="cancel-button" class="secondary" part="cancel" hidden data-t="ui-cancel">Cancel</button>
</div>
<p id="test-status" class="status" role="status" aria-live="polite" part="status"></p>
<ol id="steps" class="steps" aria-label="Connection steps" data-t-label="ui-steps" part="steps"></ol>
<div id="result" class="result" hidden aria-labelledby="result-title" part="result">
  <h3 id="result-title" part="title" tabindex="-1"></h3>
  <p id="result-more" class="more"></p>
  <div id="suggestion"></div>
  <ul id="findings" class="findings"></ul>
  <div id="allowlist"></div>
  <section id="share" class="share" hidden part="share">
    <button type="button" id="share-button" class="secondary" data-t="ui-share-button">Send this to your IT team</button>
    <div id="share-link" hidden>
      <p id="share-note"></p>
      <input id="share-url" type="url" readonly part="share-url" aria-labelledby="share-note">
      <div class="row">
        <button type="button" id="share-copy" class="secondary" data-t="ui-share-copy">Copy link</button>
        <a id="share-mail" class="button" part="share-mail" data-t="ui-share-email">Email it</a>
        <a id="share-print" class="button" part="share-print" target="_blank" rel="noopener noreferrer" data-t="ui-share-open">Print</a>
        <button type="button" id="share-delete" class="secondary" data-t="ui-share-delete">Delete the link</button>
      </div>
    </div>
    <span id="share-status" role="status" aria-live="polite"></span>
  </section>
  <section id="arrival" class="arrival" hidden aria-labelledby="arrival-title" part="arrival">
    <h4 id="arrival-title" data-t="ui-arrive">Will it arrive?</h4>
    <ul id="arrival-findings" class="findings"></ul>
    <div id="arrival-seen"></div>
  </section>
  <details id="details" part="details">
    <summary data-t="ui-details">Technical details: certificate, server, conversation</summary>
    <div class="cards"><div id="certificate"></div><div id="capabilities"></div></div>
    <div id="transcript-box" part="transcript">
      <h4 data-t="ui-transcript">Conversation with the server (passwords removed)</h4>
      <pre id="transcript"></pre>
      <button type="button" id="copy-button" class="secondary" data-t="ui-copy">Copy for support</button>
      <span id="copy-status" role="status" aria-live="polite"></span>
    </div>
  </details>
</div>`;

const CHECKS = ["connect", "tls", "auth", "sender", "send", "domain", "arrival"];

export class SmtpDoctorTest extends DoctorElement {
  static observedAttributes = ["for", "service", "lang", "checks", "token-url", "theme", "gates", "heading-level"];

  #config = null;
  #abort = null;
  #egress = [];
  #shareLinks = false;
  /** The share link made of the shown report (its delete token with it). */
  #link = null;
  #report = null;
  #waitUntil = 0;
  /** The settings the shown result is about (JSON), to retire it when they change. */
  #tested = null;
  #form = null;
  #onInput = () => this.#retire();

  constructor() {
    super();
    this.shadowRoot.innerHTML = TEMPLATE;
    this.$("test-button").addEventListener("click", () => this.test());
    this.$("cancel-button").addEventListener("click", () => this.cancel());
    this.$("copy-button").addEventListener("click", () => this.#copy());
    this.$("share-button").addEventListener("click", () => this.share());
    this.$("share-copy").addEventListener("click", () => this.#copyLink());
    this.$("share-delete").addEventListener("click", () => this.#unshare());
  }

  /** Settings to test (SPEC §2 names) when no form is bound. */
  get config() {
    return this.#config;
  }

  set config(value) {
    this.#config = value ?? null;
    if (this.#tested !== null && JSON.stringify(this.#config) !== this.#tested) this.#retire();
  }

  /** The last report (SPEC §4), or null. */
  get report() {
    return this.#report;
  }

  /**
   * The report when it is about the current settings and they work; else
   * null. "Work" is the report's `ok`, the same the attestation signs: a
   * domain whose DMARC policy will refuse this server's mail does not
   * pass (the customer fixes DNS, or unticks the domain check).
   */
  get tested() {
    return this.#tested !== null && this.#report?.ok ? this.#report : null;
  }

  /**
   * The settings `tested` is about (SPEC §2, secrets included): what your
   * Save sends to your backend with `tested.attestation`, exactly as the
   * service hashed them. Null when `tested` is.
   */
  get testedConfig() {
    return this.tested ? JSON.parse(this.#tested) : null;
  }

  /**
   * Enables the buttons named by `gates` (ids, e.g. your Save) only while
   * the current settings are tested and work.
   */
  #gate() {
    const ok = this.tested !== null;
    const root = this.getRootNode();
    for (const id of (this.getAttribute("gates") ?? "").split(/\s+/).filter(Boolean)) {
      const el = root.getElementById?.(id) ?? document.getElementById(id);
      if (!el) continue;
      el.disabled = !ok;
      el.title = ok ? "" : this.t("ui-gate");
    }
  }

  connectedCallback() {
    this.#showChecks();
    this.#gate();
    this.loadChecker().then(() => {
      translate(this.shadowRoot, this.t);
      this.outline();
      this.#gate();
      this.#bind();
      this.$("test-button").disabled = Date.now() < this.#waitUntil;
      this.setAttribute("ready", "");
      globalThis.performance?.mark("smtp-doctor:interactive");
      this.emit("ready", null);
    }, (e) => this.#status(this.t("ui-load-failed", { reason: e.message }), true));
    this.client().info().then((i) => {
      this.#egress = i?.egressIps ?? [];
      this.#shareLinks = i?.shareLinks === true;
      // Offered only where the service runs an inbox for it.
      this.$("arrival-option").hidden = !(i?.checks ?? []).includes("arrival");
    });
  }

  disconnectedCallback() {
    this.cancel();
    this.#form?.removeEventListener("input", this.#onInput);
    this.#form = null;
  }

  attributeChangedCallback(name) {
    super.attributeChangedCallback(name);
    if (name === "checks") this.#showChecks();
    if (name === "gates") this.#gate();
    if (name === "for" && this.hasAttribute("ready")) this.#bind();
  }

  /** After a change of `lang`: what this element wrote itself. */
  relabel() {
    this.#gate();
  }

  /** Binds the form (instant feedback) and watches it for edits. */
  #bind() {
    this.#form?.removeEventListener("input", this.#onInput);
    this.#form = this.binding() ? formFor(this) : null;
    this.#form?.addEventListener("input", this.#onInput);
  }

  /** The settings changed after a test: its result no longer describes them. */
  #retire() {
    if (this.#abort || this.$("result").hidden) return;
    this.$("result").hidden = true;
    this.$("steps").replaceChildren();
    this.#tested = null;
    this.#gate();
    this.#status(this.t("ui-stale"));
    this.emit("stale", null);
  }

  /** The checks to run: the `checks` attribute, else the options the customer ticked. */
  get checks() {
    const fixed = this.getAttribute("checks");
    if (fixed) return fixed.split(/[\s,]+/).filter((c) => CHECKS.includes(c));
    const out = ["connect", "tls", "auth"];
    if (this.$("check-sender").checked) out.push("sender");
    if (this.$("check-send").checked) out.push("send");
    if (this.$("check-domain").checked) out.push("domain");
    if (this.$("check-arrival").checked && !this.$("arrival-option").hidden) out.push("arrival");
    return out;
  }

  /** Fixes the checks (an array or "connect tls auth sender"); React sets it as a property. */
  set checks(value) {
    if (value == null || value === "") this.removeAttribute("checks");
    else this.setAttribute("checks", Array.isArray(value) ? value.join(" ") : String(value));
  }

  #showChecks() {
    this.$("options").hidden = this.hasAttribute("checks");
  }

  /** Says `text` (a polite live region); `quiet`: for screen readers only, when the page shows it anyway. */
  #status(text, failed = false, quiet = false) {
    const status = this.$("test-status");
    status.textContent = text;
    status.classList.toggle("failed", failed);
    status.classList.toggle("visually-hidden", quiet);
  }

  /** Stops a running test (the service ends the probe when we leave). */
  cancel() {
    this.#abort?.abort();
  }

  /** Runs a test now: with `config`, or the bound form's settings. */
  async test(config = this.#config ?? this.binding()?.config()) {
    if (!config) {
      this.#status(this.t("ui-nothing-to-test"), true);
      return null;
    }
    if (this.#abort) return null;
    // Asking for a test shows every finding of the bound form, as a submit.
    if (!this.#config) this.binding()?.submit();
    const checks = this.checks;
    const request = { config, checks };
    if (checks.includes("send") && config.from) request.recipient = config.from;
    const abort = (this.#abort = new AbortController());
    this.#tested = JSON.stringify(config);
    this.#report = null;
    this.#gate();
    const button = this.$("test-button");
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    this.$("cancel-button").hidden = false;
    this.$("result").hidden = true;
    this.#status(config.host ? this.t("ui-testing", { host: String(config.host) }) : this.t("ui-testing-server"));
    // The shared renderers speak this element's language.
    const steps = this.say(() => new StepList(this.$("steps")));
    let done = 0;
    try {
      const report = await this.client().probe(request, (step) => {
        done += 1;
        this.say(() => steps.add(step, nextStep(done, config.security, checks)));
      }, abort.signal);
      this.say(() => steps.done());
      this.#report = report;
      this.say(() => showReport(this.$("result"), report, {
        applyFix: (fix) => this.#fix(fix),
        applySuggestion: (s) => this.#suggest(config, s),
        egressIps: this.#egress,
      }));
      this.outline();
      this.#offerShare(report);
      // Announced once: the headline (the cause, or that it works).
      const headline = this.$("result-title");
      this.#status(this.t("ui-finished", { headline: headline.textContent }), false, true);
      this.#gate();
      this.emit("result", report);
      headline.focus({ preventScroll: true });
      headline.scrollIntoView({ block: "start", behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
      return report;
    } catch (e) {
      this.say(() => steps.done());
      this.$("steps").replaceChildren();
      if (e?.name === "AbortError") {
        this.#status(this.t("ui-cancelled"));
        return null;
      }
      const message = e instanceof ServiceError ? e.message : this.t("ui-test-failed", { reason: String(e) });
      this.#status(message, true);
      this.emit("error", { kind: e?.kind ?? "server", message });
      if (e instanceof ServiceError && e.kind === "rate-limited") this.#countdown(e.retryAfter);
      return null;
    } finally {
      this.#abort = null;
      button.removeAttribute("aria-busy");
      this.$("cancel-button").hidden = true;
      if (Date.now() >= this.#waitUntil) button.disabled = false;
    }
  }

  #fix(fix) {
    this.apply(fix);
    this.#status(this.t("ui-applied", { fix: fix.title }));
  }

  /** "Use these and test again": apply, then test the changed settings. */
  #suggest(config, suggestion) {
    const fix = { title: this.t("ui-use-suggestion"), changes: { ...suggestion } };
    this.apply(fix);
    this.test(this.#config ? applyFix(config, fix) : undefined);
  }

  /** Keeps the button disabled while the service asks us to wait. */
  #countdown(seconds) {
    this.#waitUntil = Date.now() + seconds * 1000;
    const button = this.$("test-button");
    const tick = () => {
      const left = Math.ceil((this.#waitUntil - Date.now()) / 1000);
      if (left <= 0) {
        button.disabled = false;
        button.textContent = this.t("ui-test");
        return;
      }
      button.disabled = true;
      button.textContent = this.t("ui-test-wait", { seconds: left });
      setTimeout(tick, 1000);
    };
    tick();
  }

  /**
   * "Send this to your IT team": offered when the service keeps share
   * links and a finding is someone else's to fix (the IT team's, the DNS
   * administrator's, the provider's).
   */
  #offerShare(report) {
    const theirs = (report.diagnostics ?? []).some((d) => d.severity !== "info" && d.actor && !["customer", "service"].includes(d.actor));
    this.$("share").hidden = !(this.#shareLinks && theirs);
    this.$("share-link").hidden = true;
    this.$("share-button").hidden = false;
    this.$("share-status").textContent = "";
    this.#link = null;
  }

  /**
   * Creates the share link of the shown report: copy, a prefilled email
   * in the customer's language, or the printable page. Resolves with the
   * link (`{id, url, deleteToken, expiresAt}`), or null.
   */
  async share() {
    const report = this.#report;
    if (!report) return null;
    const status = this.$("share-status");
    const button = this.$("share-button");
    button.disabled = true;
    status.textContent = this.t("ui-share-creating");
    try {
      const link = await this.client().share(report);
      if (report !== this.#report) return null;
      const target = report.target?.port ? `${report.target.host}:${report.target.port}` : String(report.target?.host ?? "");
      const date = new Date(link.expiresAt).toLocaleDateString(this.locale, { dateStyle: "long" });
      this.$("share-note").textContent = this.t("ui-share-link", { date });
      this.$("share-url").value = link.url;
      const subject = this.t("ui-share-mail-subject", { target });
      const body = `${this.t("ui-share-mail-text", { target })}\n\n${link.url}\n`;
      this.$("share-mail").href = `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
      this.$("share-print").href = `${link.url}#print`;
      this.$("share-link").hidden = false;
      button.hidden = true;
      this.#link = link;
      status.textContent = "";
      this.emit("shared", link);
      return link;
    } catch (e) {
      const reason = e instanceof ServiceError ? e.message : String(e);
      status.textContent = this.t("ui-share-failed", { reason });
      return null;
    } finally {
      button.disabled = false;
    }
  }

  /** Takes the link back: it opens nothing from now on. */
  async #unshare() {
    const link = this.#link;
    if (!link) return;
    const status = this.$("share-status");
    try {
      await this.client().unshare(link);
      this.#link = null;
      this.$("share-link").hidden = true;
      this.$("share-button").hidden = false;
      status.textContent = this.t("ui-share-deleted");
    } catch (e) {
      status.textContent = this.t("ui-share-failed", { reason: e instanceof ServiceError ? e.message : String(e) });
    }
  }

  async #copyLink() {
    const input = this.$("share-url");
    try {
      await navigator.clipboard.writeText(input.value);
      this.$("share-status").textContent = this.t("ui-share-copied");
    } catch {
      input.select();
      this.$("share-status").textContent = this.t("ui-copy-select");
    }
  }

  async #copy() {
    if (!this.#report) return;
    const out = this.$("copy-status");
    try {
      await navigator.clipboard.writeText(this.say(() => supportText(this.#report)));
      out.textContent = this.t("ui-copied");
    } catch {
      // No clipboard permission: select the transcript for a manual copy.
      const range = document.createRange();
      range.selectNodeContents(this.$("transcript"));
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      out.textContent = this.t("ui-copy-select");
    }
  }
}

define("smtp-doctor-test", SmtpDoctorTest);
