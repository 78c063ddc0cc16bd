// cargo xtask bench-page: settings pages in headless Chromium, on loopback.
// For our demo page (served by `smtp-doctor serve`) and for the Vite +
// React consumer app built from the packed npm package, prints
//  - navigation → interactive (wasm ready, the form live), cold and warm;
//  - keystroke → message on screen: from the keydown's timestamp to the
//    first animation frame after the message changed (p50/p95, 200 keys);
//  - for the demo: cumulative layout shift (load, and a whole Test
//    connection) and the time from pressing "Test connection" to the
//    headline being announced (the sandbox, `serve --sandbox`);
// then the package's size by part (each element bundled and minified by
// esbuild without the wasm glue, the headless API, the glue, the wasm).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import zlib from "node:zlib";
import { launchChromium } from "../tests/e2e/harness.mjs";
import { APPS, backend, buildApps } from "../tests/e2e/consumers.mjs";

const url = process.argv[2];
const LOADS = 20;
const KEYS = 200;

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const fmt = (xs) => `p50 ${pct(xs, 0.5).toFixed(1)} ms, p95 ${pct(xs, 0.95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;

/**
 * Measures one page. `target.ready` is the selector of "interactive",
 * `target.mark` the performance mark it sets, `target.prepare(page)` fills
 * the form so that typing "0"/Backspace in `target.field` changes a message
 * inside `target.watch`.
 */
async function measure(browser, target) {
  async function interactive(page) {
    await page.waitForSelector(target.ready);
    return page.evaluate((m) => performance.getEntriesByName(m)[0].startTime, target.mark);
  }
  // Cold: a new context each time (empty HTTP cache, fresh wasm compile).
  const cold = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(target.url);
    cold.push(await interactive(page));
    await context.close();
  }
  // Warm: reloads in one context (HTTP cache, V8's wasm code cache).
  const warm = [];
  const context = await browser.newContext();
  const page = await context.newPage();
  for (let i = 0; i < LOADS; i++) {
    await page.goto(target.url);
    warm.push(await interactive(page));
  }
  await target.prepare(page);
  await page.focus(target.field);
  await page.evaluate(({ field, watch }) => {
    window.__lat = [];
    let down = null;
    document.querySelector(field).addEventListener("keydown", (e) => (down = e.timeStamp));
    const observer = new MutationObserver(() => {
      if (down === null) return;
      const start = down;
      down = null;
      requestAnimationFrame(() => window.__lat.push(performance.now() - start));
    });
    observer.observe(document.querySelector(watch), { childList: true, subtree: true, characterData: true });
  }, { field: target.field, watch: target.watch });
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press(i % 2 === 0 ? "0" : "Backspace");
    await page.waitForFunction((n) => window.__lat.length >= n, i + 1, { timeout: 5000 });
  }
  const keys = await page.evaluate(() => window.__lat);
  await context.close();
  console.log(`\n${target.name}, headless Chromium, loopback (${target.url})`);
  console.log(`  navigation → interactive, cold (${LOADS} new contexts): ${fmt(cold)}   goal < 300 ms`);
  console.log(`  navigation → interactive, warm (${LOADS} reloads):      ${fmt(warm)}`);
  console.log(`  keystroke → message on screen (${keys.length} keys):     ${fmt(keys)}   goal < 16 ms`);
}

/** CLS and "Test connection" → announced headline, on the demo page. */
async function testFlow(browser, url) {
  const RUNS = 20;
  const announced = [];
  const shifts = { load: [], test: [] };
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(url);
    await page.waitForSelector("smtp-doctor-test[ready]");
    await page.waitForTimeout(300);
    shifts.load.push(await page.evaluate(() => window.__cls));
    await page.fill("#host", "smtp.sandbox.test");
    await page.fill("#port", String(2587 + 25000));
    await page.selectOption("#security", "starttls");
    await page.fill("#username", "demo@sandbox.test");
    await page.fill("#password", i % 2 ? "demo-app-password" : "not-the-password");
    await page.fill("#from", "demo@sandbox.test");
    await page.waitForTimeout(1000); // typing has settled (and its shifts are the customer's own)
    const before = await page.evaluate(() => window.__cls);
    const ms = await page.evaluate(() => new Promise((resolve) => {
      const host = document.querySelector("smtp-doctor-test");
      const status = host.shadowRoot.getElementById("test-status");
      const start = performance.now();
      new MutationObserver(() => {
        if (status.textContent.startsWith("Test finished.")) resolve(performance.now() - start);
      }).observe(status, { childList: true, characterData: true, subtree: true });
      host.shadowRoot.getElementById("test-button").click();
    }));
    announced.push(ms);
    await page.waitForTimeout(500);
    shifts.test.push((await page.evaluate(() => window.__cls)) - before);
    await context.close();
  }
  const f3 = (xs) => `p50 ${pct(xs, 0.5).toFixed(3)}, max ${Math.max(...xs).toFixed(3)}`;
  console.log(`\ndemo page: "Test connection" against the sandbox (${RUNS} runs, half failing, half passing)`);
  console.log(`  press → headline announced:  ${fmt(announced)}`);
  console.log(`  layout shift while loading:  ${f3(shifts.load)}   goal < 0.05`);
  console.log(`  layout shift during a test:  ${f3(shifts.test)}   goal < 0.05`);
}

buildApps();
const app = await backend(() => url); // the React app's service: the demo's serve (unused by typing)
const browser = await launchChromium();
try {
  // Alternating the port between 465 and 4650 with STARTTLS chosen changes
  // the message next to the field on every key.
  await measure(browser, {
    name: "demo settings page (custom elements over a plain form)",
    url,
    ready: "smtp-doctor-test[ready]",
    mark: "smtp-doctor:interactive",
    field: "#port",
    watch: "#smtp-form",
    async prepare(page) {
      await page.fill("#host", "smtp.example.com");
      await page.selectOption("#security", "starttls");
      await page.fill("#port", "465");
    },
  });
  await testFlow(browser, url);
  await measure(browser, {
    name: "Vite + React 19 consumer app (createForm, controlled inputs)",
    url: `${app.url}/react/`,
    ready: "main[data-ready]",
    mark: "app:interactive",
    field: "#smtp_port",
    watch: "main",
    async prepare(page) {
      await page.fill("#smtp_host", "smtp.example.com");
      await page.selectOption("#smtp_security", "starttls");
      await page.fill("#smtp_port", "465");
      await page.waitForSelector('[data-code="tls.port-mismatch"]');
    },
  });
} finally {
  await browser.close();
  app.http.close();
}

// The package's size by part, as a bundler ships it.
const gzip = (bytes) => zlib.gzipSync(bytes, { level: 9 }).length;
const pkg = join(APPS, "node_modules/smtp-doctor");
// What loads on first use is left out of the eager parts and measured on its
// own: the wasm and its glue, the Fluent runtime with lib/i18n.js, a catalog,
// attachForm's DOM binding (lib/attach.js).
const bundle = (entry) => execFileSync(join(APPS, "node_modules/.bin/esbuild"),
  [entry, "--bundle", "--minify", "--format=esm", "--external:./pkg/*", "--external:../pkg/*",
    "--external:./lib/i18n.js", "--external:./lib/attach.js", "--log-level=error"], { cwd: pkg });
const parts = [
  ["<smtp-doctor-test> (elements/test.js + what it imports)", bundle("elements/test.js"), "≤ 10 KB gzip"],
  ["<smtp-doctor-detect> (elements/detect.js + what it imports)", bundle("elements/detect.js"), "≤ 10 KB gzip"],
  ["both elements (smtp-doctor/elements)", bundle("elements.js"), ""],
  ["headless API (smtp-doctor)", bundle("index.js"), ""],
  ["wasm glue (pkg/smtp_doctor_wasm.js, loaded on first use)", readFileSync(join(pkg, "pkg/smtp_doctor_wasm.js")), ""],
  ["wasm (pkg/smtp_doctor_wasm_bg.wasm, loaded on first use)", readFileSync(join(pkg, "pkg/smtp_doctor_wasm_bg.wasm")), ""],
  ["i18n + Fluent runtime (lib/i18n.js, loaded on first use)", bundle("lib/i18n.js"), ""],
  ["attachForm's DOM binding (lib/attach.js, loaded on first use)", bundle("lib/attach.js"), ""],
  ...["en", "de", "fr", "es", "pt-BR", "ja"].map((l) =>
    [`catalog ${l} (pkg/locales/${l}.js, loaded on first use)`, readFileSync(join(pkg, `pkg/locales/${l}.js`)), "≤ 10 KB gzip"]),
];
console.log("\npackage part                                                 min B    gzip B");
for (const [name, bytes, goal] of parts) {
  console.log(`${name.padEnd(58)} ${String(bytes.length).padStart(7)}  ${String(gzip(bytes)).padStart(7)}  ${goal}`);
}
