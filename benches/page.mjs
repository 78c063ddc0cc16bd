// cargo xtask bench-page: the settings page in headless Chromium, served by
// `smtp-doctor serve` on loopback. Prints
//  - navigation → interactive (the form attached, wasm ready), cold and warm;
//  - keystroke → message on screen: from the keydown's timestamp to the
//    first animation frame after the message changed (p50/p95, 200 keys).
import { createRequire } from "node:module";

const require = createRequire(new URL("../tests/node/package.json", import.meta.url));
const { chromium } = require("playwright-core");
const url = process.argv[2];
const LOADS = 20;
const KEYS = 200;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const fmt = (xs) => `p50 ${pct(xs, 0.5).toFixed(1)} ms, p95 ${pct(xs, 0.95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;

async function interactive(page) {
  await page.waitForSelector("smtp-doctor-test[ready]");
  return page.evaluate(() => performance.getEntriesByName("smtp-doctor:interactive")[0].startTime);
}

// Cold: a new context each time (empty HTTP cache, fresh wasm compile).
const cold = [];
for (let i = 0; i < LOADS; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  cold.push(await interactive(page));
  await context.close();
}
// Warm: reloads in one context (HTTP cache, V8's wasm code cache).
const warm = [];
const context = await browser.newContext();
const page = await context.newPage();
for (let i = 0; i < LOADS; i++) {
  await page.goto(url);
  warm.push(await interactive(page));
}

// Keystrokes: alternate the port between 465 and 4650 with STARTTLS chosen,
// so every key changes the message next to the field.
await page.fill("#host", "smtp.example.com");
await page.selectOption("#security", "starttls");
await page.fill("#port", "465");
await page.focus("#port");
await page.evaluate(() => {
  window.__lat = [];
  let down = null;
  document.getElementById("port").addEventListener("keydown", (e) => (down = e.timeStamp));
  const observer = new MutationObserver(() => {
    if (down === null) return;
    const start = down;
    down = null;
    requestAnimationFrame(() => window.__lat.push(performance.now() - start));
  });
  observer.observe(document.getElementById("smtp-form"), { childList: true, subtree: true, characterData: true });
});
for (let i = 0; i < KEYS; i++) {
  await page.keyboard.press(i % 2 === 0 ? "0" : "Backspace");
  await page.waitForFunction((n) => window.__lat.length >= n, i + 1, { timeout: 5000 });
}
const keys = await page.evaluate(() => window.__lat);
await browser.close();

console.log(`settings page, headless Chromium, loopback (${url})`);
console.log(`  navigation → interactive, cold (${LOADS} new contexts): ${fmt(cold)}   goal < 300 ms`);
console.log(`  navigation → interactive, warm (${LOADS} reloads):      ${fmt(warm)}`);
console.log(`  keystroke → message on screen (${keys.length} keys):     ${fmt(keys)}   goal < 16 ms`);
