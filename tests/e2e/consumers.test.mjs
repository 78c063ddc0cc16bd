// The npm package as an integrator gets it: `npm pack` of web/smtp-doctor
// installed into three small apps (tests/consumers: Vite + React 19 with a
// controlled form, esbuild, plain HTML; and a TypeScript React app that is
// only type-checked), each built with the real bundler
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
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, launchChromium, serve } from "./harness.mjs";

const APPS = join(ROOT, "target/consumers");
const TOKEN_KEY = "consumer-token-key-0123456789";
const ATTESTATION_KEY = "consumer-attestation-key-0123456789";
const OFFSET = 33000;
const SETTINGS = {
  host: "smtp.sandbox.test", port: String(2587 + OFFSET), security: "starttls",
  username: "demo@sandbox.test", password: "demo-app-password", from: "demo@sandbox.test",
};

/** Runs a command in `cwd`, bounded; its output only when it fails. */
function sh(cwd, command, args, timeout = 300_000) {
  try {
    execFileSync(command, args, { cwd, timeout, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_fund: "false", npm_config_audit: "false" } });
  } catch (e) {
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${e.stdout}\n${e.stderr}`);
  }
}

/** Packs the package, installs the tarball into the apps, builds them. */
function buildApps() {
  if (!existsSync(join(ROOT, "web/smtp-doctor/pkg/smtp_doctor_wasm_bg.wasm"))) {
    throw new Error("web/smtp-doctor/pkg is not built: run `cargo xtask wasm`");
  }
  rmSync(APPS, { recursive: true, force: true });
  mkdirSync(join(APPS, "pack"), { recursive: true });
  cpSync(join(ROOT, "tests/consumers"), APPS, { recursive: true, filter: (p) => !p.includes("node_modules") && !p.includes("/dist") });
  sh(join(ROOT, "web/smtp-doctor"), "npm", ["pack", "--silent", "--pack-destination", join(APPS, "pack")]);
  const tarball = readdirSync(join(APPS, "pack")).find((f) => f.endsWith(".tgz"));
  sh(APPS, "npm", ["ci"]);
  sh(APPS, "npm", ["install", "--no-save", `./pack/${tarball}`]);
  sh(join(APPS, "react"), join(APPS, "node_modules/.bin/vite"), ["build", "--logLevel", "warn"]);
  sh(join(APPS, "esbuild"), join(APPS, "node_modules/.bin/esbuild"),
    ["src/app.js", "--bundle", "--format=esm", "--loader:.wasm=file", "--minify", "--outdir=dist", "--log-level=warning"]);
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json" };

/**
 * The integrator's backend: the three apps' files, `/api/token` (a token
 * for this customer, minted with the package's mintToken) and `/api/save`
 * (saves only with an attestation verifyAttestation accepts).
 */
async function backend(service) {
  const server = await import(pathToFileURL(join(APPS, "node_modules/smtp-doctor/server.js")));
  const roots = { react: join(APPS, "react/dist"), esbuild: join(APPS, "esbuild"), html: join(APPS, "html"), node_modules: join(APPS, "node_modules") };
  const seen = { tokens: 0, saved: [] };
  const http = createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    if (url.pathname === "/api/token") {
      seen.tokens += 1;
      return res.writeHead(200, { "Content-Type": "text/plain" }).end(server.mintToken(TOKEN_KEY, { sub: "customer-42", ttlSeconds: 120 }));
    }
    if (url.pathname === "/api/save" && req.method === "POST") {
      let body = "";
      for await (const chunk of req) body += chunk;
      const { settings, attestation } = JSON.parse(body);
      const verdict = server.verifyAttestation(attestation, ATTESTATION_KEY, settings);
      if (verdict.ok) seen.saved.push(settings.host);
      return res.writeHead(verdict.ok ? 200 : 400, { "Content-Type": "application/json" })
        .end(JSON.stringify(verdict.ok ? { saved: true } : { reason: verdict.reason }));
    }
    const [, top, ...rest] = normalize(decodeURIComponent(url.pathname)).split("/");
    const base = roots[top];
    const file = base && join(base, rest.join("/") || "index.html");
    if (!file || !file.startsWith(base)) return res.writeHead(404).end();
    try {
      let body = readFileSync(file);
      if (file.endsWith(".html")) body = body.toString().replace("__SERVICE__", service());
      res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => http.listen(0, "127.0.0.1", resolve));
  return { http, seen, url: `http://127.0.0.1:${http.address().port}` };
}

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

describe("plain HTML, no build step", () => {
  test("instant messages appear in the form, and a test passes", async () => {
    const { page, problems, close } = await open("/html/", "smtp-doctor-test[ready]");
    await page.fill("[name=host]", "me@example.com");
    await page.locator('#settings [data-code="host.is-email"]').waitFor();
    for (const [name, value] of Object.entries(SETTINGS)) {
      if (name === "security") await page.selectOption("[name=security]", value);
      else await page.fill(`[name=${name}]`, value);
    }
    assert.equal(await runTest(page), "true");
    assert.equal(await page.locator("smtp-doctor-test #steps .step").count(), 7);
    assert.deepEqual(problems, []);
    await close();
  });
});

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
