// Regenerates the screenshots in docs/ from the real page:
//   cargo build -p smtp-doctor-probe && cargo xtask wasm && node tests/e2e/screenshots.mjs
// Each main state of the settings page, desktop and phone, light and dark,
// against `smtp-doctor serve --sandbox` on loopback (hosts in the sandbox's
// own zone, so no DNS server is asked).
import { join } from "node:path";
import { ROOT, launchChromium, serve } from "./harness.mjs";

const OFFSET = 24000;
const DOCS = join(ROOT, "docs");
const settings = (extra = {}) => ({
  host: "smtp.sandbox.test", port: String(2587 + OFFSET), security: "starttls",
  username: "demo@sandbox.test", password: "demo-app-password", from: "demo@sandbox.test", ...extra,
});

const service = await serve(["--sandbox", "--sandbox-port-offset", String(OFFSET), "--dns-server", "127.0.0.1:9", "--egress-ip", "192.0.2.44"]);
const browser = await launchChromium();

async function shot(name, { width = 1280, scheme = "light" } = {}, act) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(service.url);
  await page.waitForSelector("smtp-doctor-test[ready]");
  const target = (await act?.(page)) ?? page;
  await target.screenshot({ path: join(DOCS, `${name}.png`), ...(target === page ? { fullPage: true } : {}) });
  await context.close();
  console.log(`docs/${name}.png`);
}

async function fill(page, values) {
  for (const [name, value] of Object.entries(values)) {
    if (name === "security") await page.selectOption("#security", value);
    else await page.fill(`#${name}`, value);
  }
}

async function test(page) {
  await page.click("#test-button");
  await page.waitForSelector("#result:not([hidden])", { timeout: 30_000 });
  await page.waitForTimeout(400); // the scroll to the headline
  return page.locator("section.test");
}

try {
  await shot("settings-page", {}, async (page) => {
    await fill(page, { host: "smtp.example.com", port: "465", security: "starttls" });
    await page.locator('[data-code="tls.port-mismatch"]').waitFor();
    return page.locator("#smtp-form");
  });
  await shot("test-connection", {}, async (page) => {
    await fill(page, settings({ password: "account-password" }));
    return test(page);
  });
  await shot("test-connection-ok", {}, async (page) => {
    await fill(page, settings({ port: String(2465 + OFFSET) }));
    await test(page);
    await page.click("#apply-suggestion");
    await page.waitForSelector("#result[data-ok=true]:not([hidden])", { timeout: 30_000 });
    return page.locator("section.test");
  });
  await shot("phone-dark", { width: 375, scheme: "dark" }, async (page) => {
    await fill(page, settings({ port: String(2554 + OFFSET), security: "none" }));
    await test(page);
    return page;
  });
} finally {
  await browser.close();
  service.child.kill();
}
