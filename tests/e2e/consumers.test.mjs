// The npm package as an integrator gets it: `npm pack` of web/smtp-doctor
// installed into small apps (tests/consumers: Vite + React 19 with a
// controlled form, esbuild, webpack 5, plain HTML; and a TypeScript React
// app that is only type-checked), each built with the real bundler
// from npm, served by a test backend that mints short-lived tokens and
// verifies attestations with the package's own `smtp-doctor/server`, and
// driven in Debian's Chromium against `smtp-doctor serve --sandbox
// --token-key … --attestation-key …`. Everything listens on loopback.
//
// Run by `cargo xtask test` (node --test); SMTP_DOCTOR_BIN is the binary,
// and web/smtp-doctor/pkg must be built (`cargo xtask wasm`).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { launchChromium, serve } from "./harness.mjs";
import { APPS, ATTESTATION_KEY, TOKEN_KEY, backend, buildApps, sh } from "./consumers.mjs";

const OFFSET = 23000;
const SETTINGS = {
  host: "smtp.sandbox.test", port: String(2587 + OFFSET), security: "starttls",
  username: "demo@sandbox.test", password: "demo-app-password", from: "demo@sandbox.test",
};

let browser;
let app; // the integrator's backend
let service; // smtp-doctor serve --sandbox with tokens and attestations

before(async () => {
  buildApps();
  app = await backend(() => service.url);
  service = await serve([
    "--sandbox", "--sandbox-port-offset", String(OFFSET),
    "--token-key", TOKEN_KEY, "--attestation-key", ATTESTATION_KEY,
    "--cors-origin", app.url, "--dns-server", "127.0.0.1:9", "--timeout", "5",
  ]);
  browser = await launchChromium();
}, { timeout: 600_000 });

after(async () => {
  await browser?.close();
  service?.child.kill();
  app?.http.close();
});

/** A fresh page at `path` on the backend, with errors recorded. */
async function open(path, ready) {
  const context = await browser.newContext({ viewport: { width: 900, height: 1400 } });
  const page = await context.newPage();
  const problems = [];
  // A failed request is reported below with its URL; the console repeats it without.
  page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("response", (r) => r.status() >= 400 && !r.url().endsWith("/api/save") && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.goto(app.url + path);
  await page.waitForSelector(ready, { timeout: 20_000 });
  return { page, problems, close: () => context.close() };
}

/** Presses the element's Test connection and waits for its result. */
async function runTest(page) {
  await page.click("smtp-doctor-test #test-button");
  await page.waitForSelector("smtp-doctor-test #result:not([hidden]), smtp-doctor-test #test-status.failed", { timeout: 40_000 });
  return page.getAttribute("smtp-doctor-test #result", "data-ok");
}

describe("Vite + React 19, a controlled form", () => {
  const READY = "main[data-ready] smtp-doctor-test[ready]";

  async function fill(page, values) {
    for (const [name, value] of Object.entries(values)) {
      if (name === "smtp_security") await page.selectOption("#smtp_security", value);
      else await page.fill(`#${name}`, value);
    }
  }
  const sandbox = (extra = {}) => ({
    smtp_host: SETTINGS.host, smtp_port: SETTINGS.port, smtp_security: "starttls",
    smtp_user: SETTINGS.username, smtp_pass: SETTINGS.password, ...extra,
  });

  test("instant feedback under the app's own fields; a fix updates React's state", async () => {
    const { page, problems, close } = await open("/react/", READY);
    // The app sends from its own address: no "No sender address" anywhere.
    await fill(page, { smtp_host: "imap.gmail.com" });
    const message = page.locator('[data-code="host.incoming-server"]');
    await message.waitFor();
    assert.equal(await page.locator('[data-code="from.missing"]').count(), 0);
    // An untouched field shows nothing yet (show: "touched").
    assert.equal(await page.locator('[data-code="auth.password-missing"]').count(), 0);
    await message.locator("button.fix").click();
    assert.equal(await page.inputValue("#smtp_host"), "smtp.gmail.com");
    await message.waitFor({ state: "detached" });
    // React owns the value: the next render (another field's keystroke) keeps it.
    await page.fill("#smtp_port", "465");
    await page.selectOption("#smtp_security", "starttls");
    assert.equal(await page.inputValue("#smtp_host"), "smtp.gmail.com");
    const mismatch = page.locator('[data-code="tls.port-mismatch"]');
    await mismatch.waitFor();
    await mismatch.locator("button.fix").click();
    assert.equal(await page.inputValue("#smtp_security"), "tls");
    await mismatch.waitFor({ state: "detached" });
    assert.deepEqual(problems, []);
    await close();
  });

  test("a failing test, then a passing one saved with an attestation the backend verifies", async () => {
    const { page, problems, close } = await open("/react/", READY);
    const tokens = app.seen.tokens;
    await fill(page, sandbox({ smtp_pass: "not-the-password" }));
    assert.equal(await runTest(page), "false");
    assert.equal(await page.locator('smtp-doctor-test [data-code="auth.failed"]').count(), 1);
    assert.equal(await page.isDisabled("#save"), true);
    // Changing the settings retires the old result.
    await page.fill("#smtp_pass", SETTINGS.password);
    await page.waitForSelector("smtp-doctor-test #result[hidden]", { state: "attached" });
    assert.equal(await runTest(page), "true");
    assert.ok(app.seen.tokens >= tokens + 2, "each test fetched a fresh token from the backend");
    await page.click("#save");
    await page.waitForSelector("#saved:has-text('Saved.')");
    assert.deepEqual(app.seen.saved.slice(-1), [SETTINGS.host]);
    assert.deepEqual(problems, []);
    await close();
  });

  test("a tampered attestation, or other settings than the tested ones, are refused", async () => {
    const { page, problems, close } = await open("/react/", READY);
    await fill(page, sandbox());
    assert.equal(await runTest(page), "true");
    const verdicts = await page.evaluate(async (settings) => {
      const { attestation } = document.querySelector("smtp-doctor-test").report;
      const save = async (body) => (await (await fetch("/api/save", { method: "POST", body: JSON.stringify(body) })).json());
      const [head, claims, sig] = attestation.split(".");
      const forged = JSON.parse(atob(claims.replace(/-/g, "+").replace(/_/g, "/")));
      forged.config = "0".repeat(64);
      const b64 = (o) => btoa(JSON.stringify(o)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
      return {
        genuine: await save({ settings, attestation }),
        signature: await save({ settings, attestation: `${head}.${claims}.${sig.slice(0, -2)}AA` }),
        forged: await save({ settings, attestation: `${head}.${b64(forged)}.${sig}` }),
        otherPassword: await save({ settings: { ...settings, password: "another" }, attestation }),
        otherHost: await save({ settings: { ...settings, host: "smtp.evil.example" }, attestation }),
        none: await save({ settings }),
      };
    }, SETTINGS);
    assert.deepEqual(verdicts, {
      genuine: { saved: true },
      signature: { reason: "signature" },
      forged: { reason: "signature" },
      otherPassword: { reason: "other-settings" },
      otherHost: { reason: "other-settings" },
      none: { reason: "malformed" },
    });
    assert.deepEqual(problems, []);
    await close();
  });

  test("the element's suggestion comes back as smtp-doctor:apply and updates React's state", async () => {
    const { page, problems, close } = await open("/react/", READY);
    await fill(page, sandbox({ smtp_port: String(2465 + OFFSET) }));
    assert.equal(await runTest(page), "false");
    await page.click("smtp-doctor-test #apply-suggestion");
    await page.waitForSelector("smtp-doctor-test #result[data-ok=true]:not([hidden])", { timeout: 40_000 });
    assert.equal(await page.inputValue("#smtp_security"), "tls");
    assert.equal(await page.inputValue("#smtp_port"), String(2465 + OFFSET));
    assert.deepEqual(problems, []);
    await close();
  });
});

describe("esbuild bundle, a plain form bound with for=", () => {
  test("detect fills the form, the instant summary follows, and the test passes", async () => {
    const { page, problems, close } = await open("/esbuild/", "smtp-doctor-test[ready]");
    await page.fill("smtp-doctor-detect #detect-email", "demo@sandbox.test");
    await page.click("smtp-doctor-detect #detect-form button");
    await page.waitForSelector('smtp-doctor-detect .candidate[data-status="verified"]', { timeout: 30_000 });
    assert.equal(await page.inputValue("[name=host]"), "smtp.sandbox.test");
    assert.equal(await page.inputValue("[name=security]"), "tls");
    assert.equal(await page.inputValue("[name=from]"), "demo@sandbox.test");
    await page.fill("[name=password]", SETTINGS.password);
    await page.waitForSelector("#summary:has-text('Looks fine')");
    assert.equal(await runTest(page), "true");
    // theme="dark": the element's own dark colours.
    const background = await page.$eval("smtp-doctor-test", (el) => getComputedStyle(el).colorScheme);
    assert.equal(background, "dark");
    assert.deepEqual(problems, []);
    await close();
  });
});

for (const [name, path] of [["plain HTML, no build step", "/html/"], ["webpack 5, no config", "/webpack/"]]) {
  describe(name, () => {
    test("instant messages appear in the form, and a test passes", async () => {
      const { page, problems, close } = await open(path, "smtp-doctor-test[ready]");
      await page.fill("[name=host]", "me@example.com");
      await page.locator('#settings [data-code="host.is-email"]').waitFor();
      for (const [field, value] of Object.entries(SETTINGS)) {
        if (field === "security") await page.selectOption("[name=security]", value);
        else await page.fill(`[name=${field}]`, value);
      }
      assert.equal(await runTest(page), "true");
      // dns connect greeting ehlo tls ehlo auth, and the sending domain.
      assert.equal(await page.locator("smtp-doctor-test #steps .step").count(), 8);
      assert.deepEqual(problems, []);
      await close();
    });
  });
}

describe("the package as published", () => {
  const installed = (path) => join(APPS, "node_modules/smtp-doctor", path);

  test("the Custom Elements Manifest says what the elements do: attributes, events, parts, tokens", async () => {
    const manifest = JSON.parse(readFileSync(installed("custom-elements.json"), "utf8"));
    const source = (file) => readFileSync(installed(file), "utf8");
    const styles = source("lib/styles.js");
    const render = source("lib/render.js");
    const shared = source("lib/element.js");
    for (const module of manifest.modules) {
      const [declared] = module.declarations;
      // Importing the element in Node defines nothing and throws nothing (SSR).
      const element = (await import(pathToFileURL(installed(module.path))))[declared.name];
      const code = source(module.path) + (declared.tagName === "smtp-doctor-test" ? render : "");
      assert.deepEqual(declared.attributes.map((a) => a.name).sort(), [...element.observedAttributes].sort(), declared.tagName);
      const emitted = new Set([...code.matchAll(/this\.emit\("([a-z]+)"/g)].map((m) => `smtp-doctor:${m[1]}`));
      if (/this\.apply\(/.test(code) && shared.includes('emit("apply"')) emitted.add("smtp-doctor:apply");
      assert.deepEqual(declared.events.map((e) => e.name).sort(), [...emitted].sort(), declared.tagName);
      const parts = new Set();
      for (const [, names] of code.matchAll(/part[=:]\s*["`]([^"`]+)["`]/g)) {
        for (const name of names.split(/\s+/)) {
          if (name.includes("${")) for (const s of ["error", "warning", "info"]) parts.add(name.replace(/\$\{[^}]+\}/, s));
          else parts.add(name);
        }
      }
      assert.deepEqual(declared.cssParts.map((p) => p.name).sort(), [...parts].sort(), declared.tagName);
      const tokens = new Set([...styles.matchAll(/var\((--smtp-doctor-[a-z-]+)/g)].map((m) => m[1]));
      assert.deepEqual(declared.cssProperties.map((p) => p.name).sort(), [...tokens].sort(), declared.tagName);
    }
  });
});

describe("types", () => {
  test("a TypeScript React app and backend type-check against the package's .d.ts (JSX included)", () => {
    sh(APPS, join(APPS, "node_modules/.bin/tsc"), ["-p", "types/tsconfig.json"], 120_000);
  });
});

describe("createForm, the headless companion (in Node)", () => {
  test("show policies, mapped names, the app's own values, rules and onFix", async () => {
    const api = await import(pathToFileURL(join(APPS, "node_modules/smtp-doctor/index.js")));
    await api.load({ wasm: readFileSync(join(APPS, "node_modules/smtp-doctor/pkg/smtp_doctor_wasm_bg.wasm")) });
    const fixes = [];
    const options = {
      fields: { host: "smtp_host", port: "smtp_port", security: "mode", password: "pass", from: null },
      values: { from: "noreply@app.example" },
      rules: { "port.unusual": "off" },
    };
    const codes = (list) => list.map((d) => d.code);
    const empty = { smtp_host: "", smtp_port: "", mode: "starttls", username: "me@example.com", pass: "" };

    // "touched": nothing before an edit; then the edited field's findings,
    // and a finding the edit raised elsewhere (465 → the mismatch under mode).
    const touched = api.createForm({ ...options, onFix: (changes) => fixes.push(changes) });
    await touched.ready;
    touched.update(empty);
    assert.deepEqual(["smtp_host", "smtp_port", "mode", "pass", undefined].flatMap((n) => codes(touched.messages(n))), []);
    assert.ok(codes(touched.diagnostics).includes("host.missing"));
    assert.ok(!codes(touched.diagnostics).includes("from.missing"), "the app supplies From");
    touched.update({ ...empty, smtp_host: "smtp.example.com", smtp_port: "465" });
    assert.deepEqual(codes(touched.messages("mode")), ["tls.port-mismatch"]);
    assert.deepEqual(codes(touched.messages("pass")), [], "an untouched field's old finding stays quiet");
    // A fix goes to the app under its own names, and nothing else happens.
    assert.deepEqual(touched.fix(touched.messages("mode")[0]), { mode: "tls" });
    assert.deepEqual(fixes, [{ mode: "tls" }]);
    assert.equal(touched.config.security, "starttls", "the app's state is the truth until it updates");
    touched.update({ ...empty, smtp_host: "smtp.example.com", smtp_port: "465", mode: "tls" });
    assert.deepEqual(codes(touched.messages("mode")), []);
    assert.deepEqual(touched.config, { host: "smtp.example.com", port: "465", security: "tls", username: "me@example.com", password: "", from: "noreply@app.example" });
    // submit() shows everything and says whether saving is blocked.
    assert.equal(touched.submit(), false);
    assert.deepEqual(codes(touched.messages("pass")), ["auth.password-missing"]);

    // "blur": only after the customer leaves the field.
    const blur = api.createForm({ ...options, show: "blur" });
    await blur.ready;
    blur.update(empty);
    blur.update({ ...empty, smtp_host: "imap.gmail.com" });
    assert.deepEqual(codes(blur.messages("smtp_host")), []);
    blur.blur("smtp_host");
    assert.deepEqual(codes(blur.messages("smtp_host")), ["host.incoming-server"]);

    // "submit": nothing until submit(); "always": everything at once.
    const submit = api.createForm({ ...options, show: "submit" });
    await submit.ready;
    submit.update({ ...empty, smtp_host: "imap.gmail.com" });
    assert.deepEqual(codes(submit.messages("smtp_host")), []);
    submit.submit();
    assert.deepEqual(codes(submit.messages("smtp_host")), ["host.incoming-server"]);
    const always = api.createForm({ ...options, show: "always" });
    await always.ready;
    always.update(empty);
    assert.deepEqual(codes(always.messages("smtp_host")), ["host.missing"]);
    assert.throws(() => api.createForm({ show: "sometimes" }), /show is one of/);
    assert.throws(() => api.validate({}, { rules: { "no.such-code": "off" } }), /smtp-doctor options/);
  });
});

describe("the customer's language (in Node, from the tarball)", () => {
  test("setLocale switches every text; texts render on first read, also into JSON", async () => {
    const api = await import(pathToFileURL(join(APPS, "node_modules/smtp-doctor/index.js")));
    await api.load({ wasm: readFileSync(join(APPS, "node_modules/smtp-doctor/pkg/smtp_doctor_wasm_bg.wasm")) });
    try {
      assert.equal(await api.setLocale("fr-CA"), "fr");
      assert.equal(api.locale(), "fr");
      const [d] = api.validate({ host: "smtp.example.com", port: "465", security: "starttls", from: "a@example.com" });
      assert.equal(d.code, "tls.port-mismatch");
      assert.equal(d.params.port, "465", "the params a client renders from");
      assert.equal(d.message, "Le port 465 attend TLS/SSL, mais STARTTLS est sélectionné.");
      assert.equal(d.fix.title, "Utiliser TLS/SSL");
      assert.match(JSON.parse(JSON.stringify(d)).help, /^Les serveurs du port 465/);
      assert.equal(api.t("ui-test"), "Tester la connexion");
      assert.equal(await api.setLocale("tlh"), "en", "an unknown language gets English");
      assert.equal(api.validate({ host: "" })[0].message, "No SMTP server is given.");
    } finally {
      await api.setLocale("en");
    }
  });
});

describe("server-side rendering", () => {
  test("the package imports in Node without a DOM, and validates there once loaded", () => {
    const script = `
      const api = await import("smtp-doctor");
      const elements = await import("smtp-doctor/elements");
      if (typeof elements.SmtpDoctorTest !== "function") throw new Error("no element class");
      const { readFileSync } = await import("node:fs");
      const { createRequire } = await import("node:module");
      const wasm = createRequire(import.meta.url).resolve("smtp-doctor/package.json").replace("package.json", "pkg/smtp_doctor_wasm_bg.wasm");
      await api.load({ wasm: readFileSync(wasm) });
      const found = api.validate({ host: "imap.gmail.com" }, { fields: { from: null } }).map((d) => d.code);
      console.log(JSON.stringify(found));`;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: APPS, timeout: 60_000 }).toString();
    const codes = JSON.parse(out.trim().split("\n").pop());
    assert.ok(codes.includes("host.incoming-server"), out);
    assert.ok(!codes.includes("from.missing"), out);
  });
});
