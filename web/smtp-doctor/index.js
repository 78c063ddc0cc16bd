// smtp-doctor's headless API: core's rules (compiled to wasm) for any
// settings form, framework or not.
//
// Nothing runs at import time — no DOM, no fetch — so server-side
// rendering can import this module. `load()` fetches the wasm once, on
// first use; after it, `validate` is synchronous (a keystroke's budget).
// Every rule, fix, label and field mapping is core's (through wasm); this
// file only keeps the UI state a form has (touched, blurred, submitted).

/** @type {Promise<typeof import("./pkg/smtp_doctor_wasm.js")> | null} */
let loading = null;
/** @type {typeof import("./pkg/smtp_doctor_wasm.js") | null} */
let wasm = null;

/**
 * Loads the wasm (once; later calls return the same promise). Bundlers
 * that understand `new URL(…, import.meta.url)` (Vite, webpack 5, Rollup,
 * browsers themselves) find the file on their own; elsewhere pass it:
 * `load({ wasm: url })` (esbuild: `import url from "smtp-doctor/wasm"`
 * with `--loader:.wasm=file`), or the bytes in Node.
 * @param {{ wasm?: string | URL | Response | BufferSource | WebAssembly.Module }} [options]
 */
export function load(options = {}) {
  loading ??= (async () => {
    const glue = await import("./pkg/smtp_doctor_wasm.js");
    await glue.default(options.wasm ? { module_or_path: options.wasm } : undefined);
    wasm = glue;
    return glue;
  })().catch((e) => {
    loading = null; // a later call may try again (e.g. after going online)
    throw new Error(`smtp-doctor could not load its wasm: ${e?.message ?? e}`);
  });
  return loading;
}

/** Whether `load()` finished, so the synchronous functions work. */
export const isLoaded = () => wasm !== null;

function core() {
  if (!wasm) throw new Error("smtp-doctor is not loaded yet: await load() first");
  return wasm;
}

/** Every static rule on the settings (with an integration's options). */
export const validate = (config, options) => core().validate(config, options);
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
export const stepLabel = (step) => core().stepLabel(step);
/** A security mode as people write it: "TLS/SSL", "STARTTLS", "no encryption". */
export const securityLabel = (mode) => core().securityLabel(mode);
/** Whether an IP allowlist on the server is a likely fix for this code. */
export const allowlistMayFix = (code) => core().allowlistMayFix(code);
/** Instant feedback for an ordinary HTML form (see AttachOptions). */
export const attachForm = (form, options) => core().attachForm(form, options);
/** The package's version (core's). */
export const version = () => core().version();

export { ServiceError, createClient } from "./lib/service.js";

/** Findings are shown per field once it was touched, blurred, or the form submitted. */
const SHOW = new Set(["always", "touched", "blur", "submit"]);

/**
 * A controlled form's companion: the app owns the values; this keeps the
 * findings, which of them to show now, and hands fixes back as changes.
 * @param {import("./index.d.ts").FormOptions} [options]
 */
export function createForm(options = {}) {
  return new SmtpForm(options);
}

class SmtpForm {
  #options;
  #values = {};
  #first = null;
  #touched = new Set();
  #blurred = new Set();
  #submitted = false;
  #all = [];
  /** Codes that appeared right after an edit (a consequence of it, shown in "touched" mode). */
  #revealed = new Set();
  #baseline = false;
  #listeners = new Set();

  constructor(options) {
    const show = options.show ?? "touched";
    if (!SHOW.has(show)) throw new Error(`smtp-doctor: show is one of ${[...SHOW].join(", ")}, not ${show}`);
    this.#options = { ...options, show };
    /** Resolves when the wasm is loaded and the first findings are in. */
    this.ready = load(options).then(() => this.#run());
  }

  /** The app's current values (by its own field names); validates. */
  update(values) {
    // The first values are the start, not an edit.
    let edited = this.#first === null ? null : false;
    this.#first ??= { ...values };
    for (const [name, value] of Object.entries(values)) {
      if (this.#first[name] !== value) this.#touched.add(name);
      if (edited === false && this.#values[name] !== value) edited = true;
    }
    this.#values = { ...values };
    this.#run(edited === true);
    return this;
  }

  /** The customer left a field (for `show: "blur"`). */
  blur(name) {
    this.#touched.add(name);
    this.#blurred.add(name);
    this.#emit();
  }

  /** Shows everything; true when nothing blocks saving. */
  submit() {
    this.#submitted = true;
    this.#emit();
    return !this.#all.some((d) => d.severity === "error");
  }

  /** Every current finding (rules applied), shown or not. */
  get diagnostics() {
    return this.#all;
  }

  /** The settings to test (SPEC names, the app's own values laid over); null until loaded. */
  get config() {
    return wasm ? configFor(this.#values, this.#rules()) : null;
  }

  /**
   * The findings to show now for a field (the app's name for it), or the
   * general ones (no name), per the `show` policy.
   */
  messages(name) {
    return this.#all.filter((d) => {
      const at = d.field == null ? undefined : this.nameOf(d.field);
      return at === name && this.#visible(at, d);
    });
  }

  /** The app's name for a SPEC field (core's mapping, as `options.fields` says). */
  nameOf(field) {
    const mapped = this.#options.fields?.[field];
    return mapped === undefined ? field : mapped;
  }

  /**
   * Accepts a fix (from a finding, or a live report): calls `onFix` with
   * the changes under the app's names and returns them. Nothing else is
   * written: the app sets its state, and `update` follows.
   */
  fix(fixOrDiagnostic) {
    const fix = fixOrDiagnostic?.fix ?? fixOrDiagnostic;
    const changes = changesFor(fix, this.#rules());
    this.#options.onFix?.(changes, fix);
    return changes;
  }

  /** Calls `listener` after each change of findings or visibility; returns unsubscribe. */
  subscribe(listener) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #rules() {
    const { fields, values, rules } = this.#options;
    return { fields, values, rules };
  }

  /**
   * "touched": the field was changed, or the finding appeared with an edit
   * of another field (465 typed into Port raises the mismatch under
   * Security); "blur": the field was left; "submit": after submit().
   */
  #visible(name, d) {
    const { show } = this.#options;
    if (this.#submitted || show === "always") return true;
    if (show === "submit") return false;
    if (show === "touched" && this.#revealed.has(d.code)) return true;
    const seen = show === "blur" ? this.#blurred : this.#touched;
    return name === undefined ? seen.size > 0 : seen.has(name);
  }

  #run(edited = false) {
    if (!wasm) return;
    const before = new Set(this.#all.map((d) => d.code));
    this.#all = validate(this.#values, this.#rules());
    const now = new Set(this.#all.map((d) => d.code));
    for (const code of this.#revealed) if (!now.has(code)) this.#revealed.delete(code);
    if (edited && this.#baseline) for (const code of now) if (!before.has(code)) this.#revealed.add(code);
    this.#baseline = true;
    this.#emit();
  }

  #emit() {
    for (const listener of this.#listeners) listener(this);
  }
}
