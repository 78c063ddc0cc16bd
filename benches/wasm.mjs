// cargo xtask bench-wasm: the browser package measured in headless Chromium.
// Prints validate() cost per call (JS object in, JS array out, so the
// marshalling is included), instantiate time, and package sizes.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join, extname } from "node:path";
import zlib from "node:zlib";

const require = createRequire(new URL("../tests/node/package.json", import.meta.url));
const { chromium } = require("playwright-core");
const pkg = process.argv[2];
const CALLS = 10000;

const sizes = ["smtp_doctor_wasm_bg.wasm", "smtp_doctor_wasm.js"].map((name) => {
  const raw = readFileSync(join(pkg, name));
  return {
    name,
    raw: raw.length,
    gzip: zlib.gzipSync(raw, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});

const page_html = `<!doctype html><meta charset="utf-8"><script type="module">
const BATCH = 10;
const t0 = performance.now();
const mod = await import("/smtp-doctor/pkg/smtp_doctor_wasm.js");
const t1 = performance.now();
await mod.default();
const t2 = performance.now();
const configs = {
  typical: { host: "smtp.gmail.com", port: "587", security: "starttls", username: "me@gmail.com", password: "abcd efgh ijkl mnop", from: "Me <me@gmail.com>" },
  mismatch: { host: "smtp.example.com", port: "465", security: "starttls", username: "me@example.com", password: "pw", from: "me@example.com" },
  worst: { host: "  smtps://user@smtp.bücher-überall.de:993/path  ", port: "465 ", security: "starttls", secure: true, tls: false,
           username: "jörg", password: " xkeysib-0123 ", from: 'Doe, Jörg "x" <jörg.müller+tag@sub.bücher-überall.de>', auth: "ntlm" },
};
const results = { crossOriginIsolated, importMs: t1 - t0, instantiateMs: t2 - t1, cases: {} };
for (const [name, cfg] of Object.entries(configs)) {
  for (let i = 0; i < 2000; i++) mod.validate(cfg);
  // Batches of BATCH calls: each sample is the per-call time of one batch,
  // so the 5 µs timer granularity and its own cost do not dominate.
  const n = ${CALLS} / BATCH;
  const samples = new Float64Array(n);
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const a = performance.now();
    for (let j = 0; j < BATCH; j++) mod.validate(cfg);
    samples[i] = (performance.now() - a) / BATCH;
  }
  const total = performance.now() - start;
  samples.sort();
  results.cases[name] = { p50: samples[n >> 1] * 1000, p99: samples[Math.floor(n * 0.99)] * 1000, meanUs: (total / ${CALLS}) * 1000 };
}
window.__results = results;
</script>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
try {
  const page = await browser.newPage();
  await page.route("**/*", (route) => {
    const path = new URL(route.request().url()).pathname;
    const headers = { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" };
    if (path === "/") return route.fulfill({ body: page_html, contentType: "text/html", headers });
    const file = join(pkg, path.replace(/^\/smtp-doctor\/pkg\//, ""));
    const types = { ".js": "text/javascript", ".wasm": "application/wasm" };
    return route.fulfill({ body: readFileSync(file), contentType: types[extname(file)] || "application/octet-stream", headers });
  });
  // localhost is a secure context, so COOP/COEP make the page cross-origin
  // isolated and performance.now() precise to 5 µs. Every request is served
  // by page.route: nothing touches the network.
  await page.goto("http://localhost:9/");
  await page.waitForFunction(() => window.__results, null, { timeout: 120000 });
  const r = await page.evaluate(() => window.__results);
  const f = (n) => n.toFixed(1).padStart(7);
  console.log(`\nvalidate() in headless Chromium, ${CALLS} calls per case, p50/p99 over batches of 10 (timer: ${r.crossOriginIsolated ? "cross-origin isolated, 5 µs" : "coarse"})`);
  console.log("case        p50 µs   p99 µs  mean µs");
  for (const [name, c] of Object.entries(r.cases)) console.log(`${name.padEnd(10)} ${f(c.p50)}  ${f(c.p99)}  ${f(c.meanUs)}`);
  console.log(`\nimport of the JS glue: ${r.importMs.toFixed(1)} ms; fetch + compile + instantiate of the .wasm: ${r.instantiateMs.toFixed(1)} ms`);
  console.log("\nfile                        raw B   gzip B  brotli B");
  let gz = 0;
  for (const s of sizes) {
    gz += s.gzip;
    console.log(`${s.name.padEnd(26)} ${String(s.raw).padStart(7)}  ${String(s.gzip).padStart(7)}  ${String(s.brotli).padStart(8)}`);
  }
  console.log(`\n.wasm + glue, gzip: ${(gz / 1024).toFixed(1)} KiB (goal ≤ 60 KB)`);
} finally {
  await browser.close();
}
