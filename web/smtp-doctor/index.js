// smtp-doctor's headless API: core's rules (compiled to wasm) for any
// settings form, framework or not.
//
// Nothing runs at import time — no DOM, no fetch — so server-side
// rendering can import this module. `load()` fetches the wasm once, on
// first use; after it, `validate` is synchronous (a keystroke's budget).
// Every rule, fix, label and field mapping is core's (through wasm); this
// file only keeps the UI state a form has (touched, blurred, submitted).

import * as i18n from "./lib/i18n.js";
import { locale, t } from "./lib/i18n.js";

/** @type {Promise<typeof import("./pkg/smtp_doctor_wasm.js")> | null} */
let loading = null;
/** @type {typeof import("./pkg/smtp_doctor_wasm.js") | null} */
let wasm = null;
/** `attachForm`'s DOM binding (lib/attach.js), loaded with the wasm. */
let attach = null;

/**
 * Loads the wasm and the texts of the customer's language (once; later
 * calls return the same promise). Bundlers that understand `new URL(…,
 * import.meta.url)` (Vite, webpack 5, Rollup, browsers themselves) find
 * the wasm on their own; elsewhere pass it: `load({ wasm: url })`
 * (esbuild: `import url from "smtp-doctor/wasm"` with `--loader:.wasm=file`),
 * or the bytes in Node. The language is `locale`, else the page's `lang`,
 * else the browser's languages, else English; `setLocale` changes it.
 * @param {{ wasm?: string | URL | Response | BufferSource | WebAssembly.Module, locale?: string }} [options]
 */
export function load(options = {}) {
  loading ??= (async () => {
    const [glue, binding] = await Promise.all([
      import("./pkg/smtp_doctor_wasm.js"),
      import("./lib/attach.js"),
    ]);
    await Promise.all([
      glue.default(options.wasm ? { module_or_path: options.wasm } : undefined),
      i18n.speak(i18n.pickLocale(options.locale)),
    ]);
    attach = binding.attach;
    wasm = glue;
    return glue;
  })().catch((e) => {
    loading = null; // a later call may try again (e.g. after going online)
    throw new Error(`smtp-doctor could not load: ${e?.message ?? e}`);
  });
  return loading;
}

/**
 * Speaks another language from now on (loads its catalog once). Returns
 * the locale chosen: the closest supported one, else English.
 * @param {string} locale a language tag such as "de" or "pt-BR"
 */
export async function setLocale(locale) {
  await load();
  return i18n.speak(i18n.supported(locale) ?? "en");
}

export { locale, t };

/** Whether `load()` finished, so the synchronous functions work. */
export const isLoaded = () => wasm !== null;

function core() {
  if (!wasm) throw new Error("smtp-doctor is not loaded yet: await load() first");
  return wasm;
}

/** Every static rule on the settings (with an integration's options). */
export const validate = (config, options) => withTexts(core().validate(config, options));

/**
 * Diagnostics with their texts (`message`, `help`, `fix.title`) rendered on
 * first read, in the current language: rendering costs more than the rules,
 * and a page reads the texts of only what it shows. The SPEC §7.4 way to
 * render a finding from its code and params: the message named after the
 * code (`.` → `-`, attribute `help`), the fix's `fix-<key>` with its
 * changes; a `security` param shows as its label.
 * @param {import("./index.d.ts").Diagnostic[]} diagnostics
 */
function withTexts(diagnostics) {
  for (const d of diagnostics) {
    if (d.message) continue;
    const id = d.code.replaceAll(".", "-");
    const args = () => labelled(d.params ?? {});
    lazy(d, "message", () => i18n.texts()?.text(id, undefined, args()) ?? d.code);
    lazy(d, "help", () => i18n.texts()?.text(id, "help", args()) ?? "");
    const fix = d.fix;
    // A fix's changes are values, never counts: a port reads "2525", not "2,525".
    const changes = () => labelled(Object.fromEntries(Object.entries(fix.changes).map(([k, v]) => [k, String(v)])));
    if (fix?.key && !fix.title) lazy(fix, "title", () => i18n.texts()?.text(`fix-${fix.key}`, undefined, changes()) ?? fix.key);
  }
  return diagnostics;
}

/** Params as the texts use them: security modes as their labels. */
function labelled(params) {
  const out = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] = (name === "security" || name.endsWith("-security")) && i18n.texts() ? i18n.texts().text(`security-${value}`) : value;
  }
  return out;
}

/** `object[key]` computed on first read, then a plain property. */
function lazy(object, key, compute) {
  Object.defineProperty(object, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = compute();
      Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
      return value;
    },
    set(value) {
      Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
    },
  });
}
/** The SPEC settings an app's values stand for under these options. */
export const configFor = (values, options) => core().configFor(values, options);
/** A fix's changes under the app's field names. */
export const changesFor = (fix, options) => core().changesFor(fix, options);
/** The settings with a fix applied (SPEC names). */
export const applyFix = (config, fix) => core().applyFix(config, fix);
/** Suggested settings for an email address or a host, or null. */
export const providerFor = (hostOrEmail) => core().providerFor(hostOrEmail);
/** Every diagnostic code with its severity, texts and docs anchor. */
export const codes = () => core().codes();
/** The steps a probe runs for a mode and checks, in order. */
export const stepPlan = (security, checks) => core().stepPlan(security, checks);
/** What a probe step does, as a list of steps shows it. */
export const stepLabel = (step) => t(core().stepLabelId(step));
/** A security mode as people write it: "TLS/SSL", "STARTTLS", "no encryption". */
export const securityLabel = (mode) => t(core().securityLabelId(mode));
/** Whether an IP allowlist on the server is a likely fix for this code. */
export const allowlistMayFix = (code) => core().allowlistMayFix(code);
/** Instant feedback for an ordinary HTML form (see AttachOptions). */
export const attachForm = (form, options) => attach(core(), form, options, { withTexts, t });
/** The package's version (core's). */
export const version = () => core().version();

export { ServiceError, createClient } from "./lib/service.js";
export { ConnectError, connect } from "./lib/connect.js";

const SHOW = ["always", "touched", "blur", "submit"];

/**
 * A controlled form's companion: the app owns the values; core's form
 * state (through wasm) keeps the findings and which of them to show now,
 * and fixes come back as changes under the app's field names.
 * @param {import("./index.d.ts").FormOptions} [options]
 */
export function createForm(options = {}) {
  return new SmtpForm(options);
}

class SmtpForm {
  #options;
  #state = null;
  /** What happened before the wasm was there, replayed into the state. */
  #pending = { values: null, touched: [], blurred: [], submitted: false };
  #listeners = new Set();

  constructor(options) {
    if (options.show !== undefined && !SHOW.includes(options.show)) {
      throw new Error(`smtp-doctor: show is one of ${SHOW.join(", ")}, not ${options.show}`);
    }
    this.#options = options;
    /** Resolves when the wasm is loaded and the first findings are in. */
    this.ready = load(options).then((glue) => {
      const { fields, values, rules, show } = this.#options;
      this.#state = new glue.FormState({ fields, values, rules, show });
      const { values: first, touched, blurred, submitted } = this.#pending;
      if (first) this.#state.update(first);
      for (const name of touched) this.#state.touch(name);
      for (const name of blurred) this.#state.blur(name);
      if (submitted) this.#state.submit();
      this.#emit();
    });
  }

  /** The app's current values (by its own field names); validates. */
  update(values) {
    if (!this.#state) {
      if (this.#pending.values) {
        for (const [name, value] of Object.entries(values)) if (this.#pending.values[name] !== value) this.#pending.touched.push(name);
      }
      this.#pending.values = { ...values };
      return this;
    }
    this.#state.update(values);
    this.#emit(); // visibility may change with the same findings (a field touched)
    return this;
  }

  /** The customer left a field (for `show: "blur"`). */
  blur(name) {
    if (this.#state) this.#state.blur(name);
    else this.#pending.blurred.push(name);
    this.#emit();
  }

  /** Shows everything; true when no error blocks saving. */
  submit() {
    if (!this.#state) {
      this.#pending.submitted = true;
      return false;
    }
    const ok = this.#state.submit();
    this.#emit();
    return ok;
  }

  /** Every current finding (rules applied), shown or not. */
  get diagnostics() {
    return this.#state ? withTexts(this.#state.diagnostics()) : [];
  }

  /** The settings to test (SPEC names, the app's own values laid over); null until loaded. */
  get config() {
    return this.#state ? this.#state.config() : null;
  }

  /** The findings to show now under a field (the app's name for it), or the general ones. */
  messages(name) {
    return this.#state ? withTexts(this.#state.messages(name)) : [];
  }

  /** The app's name for a SPEC field, or null when the app has none. */
  nameOf(field) {
    return this.#state ? this.#state.nameOf(field) ?? null : (this.#options.fields?.[field] ?? field);
  }

  /**
   * Accepts a fix (from a finding, or a live report): calls `onFix` with
   * the changes under the app's names and returns them. Nothing else is
   * written: the app sets its state, and `update` follows.
   */
  fix(fixOrDiagnostic) {
    const fix = fixOrDiagnostic?.fix ?? fixOrDiagnostic;
    const changes = this.#state ? this.#state.changes(fix) : {};
    this.#options.onFix?.(changes, fix);
    return changes;
  }

  /** Calls `listener` after each change of findings or visibility; returns unsubscribe. */
  subscribe(listener) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit() {
    for (const listener of this.#listeners) listener(this);
  }
}
