// The settings page end to end, in headless Chromium (Debian's), against
// the real `smtp-doctor serve --sandbox`: instant feedback and its fixes,
// "Test connection" with live steps against the sandbox SMTP server, the
// service from another origin (CORS), and the page's answers when the
// service is unreachable, rate-limited or refuses the target.
//
// Run by `cargo xtask test` (node --test); SMTP_DOCTOR_BIN is the binary.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { mkdirSync, readFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { createRequire } from "node:module";
import { ROOT, WEB, dnsServer, launchChromium, serve } from "./harness.mjs";

const AXE = createRequire(new URL("../node/package.json", import.meta.url)).resolve("axe-core/axe.min.js");

const ARTIFACTS = join(ROOT, "target/e2e");
const USER = "demo@sandbox.test";
const PASSWORD = "demo-app-password";
// Sandbox ports are the demo's shifted by an offset, so a running demo
// does not collide with the tests. Every fixed offset in the suites (page
// 20000-22000, consumers 23000, screenshots 24000, `xtask bench-page`
// 25000) keeps the ports below Linux's ephemeral range (32768-60999): a
// port up there can already be the local end of some outgoing connection,
// and the sandbox then cannot listen on it.
const OFFSET_A = 20000;
const OFFSET_B = 21000;
const port = (base, offset = OFFSET_A) => String(base + offset);

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };

/** A static server for web/ on another origin, its meta tag pointing at `service()`. */
function staticOrigin(service) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(WEB, path === "/" ? "index.html" : path);
    if (!file.startsWith(WEB)) return res.writeHead(403).end();
    try {
      let body = readFileSync(file);
      if (file.endsWith("index.html")) {
        body = body.toString().replace(
          '<meta name="smtp-doctor-service" content="">',
          `<meta name="smtp-doctor-service" content="${service()}">`,
        );
      }
      res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` })));
}

let browser;
let dns;
let main; // serve --sandbox, CORS open to `cross`
let limited; // serve with one probe per minute
let cross; // web/ from another origin, using `main`
let dead; // web/ from another origin, pointing at nothing
let nodns; // serve whose own DNS resolver is down

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  dns = await dnsServer();
  cross = await staticOrigin(() => main.url);
  dead = await staticOrigin(() => "http://127.0.0.1:9"); // discard port: nothing listens
  main = await serve([
    "--sandbox", "--sandbox-port-offset", String(OFFSET_A),
    "--cors-origin", cross.url, "--egress-ip", "192.0.2.44",
    "--probes-per-minute", "1000", "--timeout", "5", "--dns-server", dns.addr,
    // The sandbox delivers mail for this domain to the service's inbox.
    "--inbox-domain", "inbox.sandbox.test", "--inbox-listen", "127.0.0.1:0", "--arrival-wait", "15",
    "--sends-per-hour", "1000",
  ]);
  limited = await serve(["--sandbox", "--sandbox-port-offset", String(OFFSET_B), "--probes-per-minute", "1", "--dns-server", dns.addr]);
  // Port 9 (discard): nothing listens, so the service has no resolver.
  nodns = await serve(["--sandbox", "--sandbox-port-offset", "22000", "--dns-server", "127.0.0.1:9", "--timeout", "3"]);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  for (const s of [main, limited, nodns]) s?.child.kill();
  for (const s of [cross, dead]) s?.server.close();
  dns?.socket.close();
});

/**
 * A fresh page at `url`, ready, with console errors and failed requests
 * recorded. `expectFailures` lists URL parts whose failure is the point.
 */
async function open(url, expectFailures = [], { beforeLoad } = {}) {
  const context = await browser.newContext({ viewport: { width: 900, height: 1400 } });
  const page = await context.newPage();
  await beforeLoad?.(page);
  const problems = [];
  const expected = (u) => expectFailures.some((part) => u.includes(part));
  page.on("console", (m) => m.type() === "error" && !expected(m.text()) && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => !expected(r.url()) && problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => r.status() >= 400 && !expected(r.url()) && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  // The password leaves the page only in the probe call.
  page.on("request", (r) => {
    const body = r.postData() ?? "";
    const leaks = [PASSWORD, "not-the-password", "account-password"].some((p) => body.includes(p) || r.url().includes(p));
    if (leaks && !r.url().endsWith("/v1/probe")) problems.push(`password sent to ${r.url()}`);
  });
  await page.goto(url);
  await page.waitForSelector("smtp-doctor-test[ready]", { timeout: 15_000 });
  return { page, problems, close: () => context.close() };
}

async function fill(page, values) {
  for (const [name, value] of Object.entries(values)) {
    if (name === "security") await page.selectOption("#security", value);
    else await page.fill(`#${name}`, value);
  }
}

const sandbox = (extra = {}) => ({
  host: "localhost", port: port(2587), security: "starttls", username: USER, password: PASSWORD, from: USER, ...extra,
});

async function runTest(page) {
  await page.click("#test-button");
  await page.waitForSelector("#result:not([hidden]), #test-status.failed", { timeout: 40_000 });
}

async function findingCodes(page) {
  return page.$$eval("#findings .finding", (items) => items.map((i) => i.dataset.code));
}

describe("instant feedback", () => {
  test("calm until touched: typing the server marks nothing the customer has not reached; a test shows it", async () => {
    const { page, problems, close } = await open(main.url);
    await fill(page, { host: "smtp.gmail.com" });
    await page.waitForSelector('[data-code^="provider."]', { timeout: 5_000 });
    assert.equal(await page.locator('[data-code="auth.username-missing"]').count(), 0);
    assert.equal(await page.locator('[data-code="auth.password-missing"]').count(), 0);
    assert.equal(await page.locator('#password[aria-invalid="true"], #username[aria-invalid="true"]').count(), 0);
    // The customer reaches the password and leaves it empty: now it says so.
    await page.focus("#password");
    await page.focus("#from");
    await page.waitForSelector('[data-code="auth.password-missing"]');
    assert.equal(await page.locator('[data-code="auth.username-missing"]').count(), 0);
    // Asking for a test shows the rest. (Leave the field first: its own
    // message, shown on blur, would move the button under the click.)
    await page.evaluate(() => document.activeElement?.blur());
    await page.click("#test-button");
    await page.waitForSelector('[data-code="auth.username-missing"]');
    assert.deepEqual(problems, []);
    await close();
  });

  for (const width of [320, 375]) {
    test(`nothing widens the page at ${width} px: provider links, certificate names, the transcript`, async () => {
      const { page, problems, close } = await open(main.url);
      await page.setViewportSize({ width, height: 900 });
      await fill(page, { host: "smtp.gmail.com" });
      await page.waitForSelector('[data-code^="provider."]');
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, "provider notes");
      // The wrong-name certificate: long names and replies in the result.
      await fill(page, sandbox({ port: port(2467) }));
      await runTest(page);
      await page.click("#details summary");
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, "the result panel");
      assert.deepEqual(problems, []);
      await close();
    });
  }

  test("465 with STARTTLS shows the mismatch; its fix sets TLS/SSL and clears it", async () => {
    const { page, problems, close } = await open(main.url);
    await fill(page, { host: "smtp.example.com", port: "465", security: "starttls" });
    const message = page.locator('[data-code="tls.port-mismatch"]');
    await message.waitFor();
    await message.locator("button.smtp-doctor-fix").click();
    assert.equal(await page.inputValue("#security"), "tls");
    await message.waitFor({ state: "detached" });
    // The field the fix changed is marked (highlighted) until typed in.
    assert.equal(await page.getAttribute("#security", "data-smtp-doctor-changed"), "");
    assert.deepEqual(problems, []);
    await close();
  });

  test("an address typed as the server moves into Username and From with one click", async () => {
    const { page, problems, close } = await open(main.url);
    await fill(page, { host: "me@example.com" });
    const message = page.locator('#smtp-form [data-code="host.is-email"]');
    await message.locator("button.smtp-doctor-fix").click();
    assert.equal(await page.inputValue("#username"), "me@example.com");
    assert.equal(await page.inputValue("#from"), "me@example.com");
    assert.deepEqual(problems, []);
    await close();
  });

  test("an empty page is calm; typing shows that field's findings, not the others'", async () => {
    const { page, problems, close } = await open(main.url);
    assert.equal(await page.locator("#smtp-form [data-code]").count(), 0);
    assert.equal(await page.locator("[aria-invalid]").count(), 0);
    await fill(page, { host: "imap.gmail.com" });
    await page.locator('#smtp-form [data-code="host.incoming-server"]').waitFor();
    assert.equal(await page.locator('#smtp-form [data-code="auth.password-missing"]').count(), 0, "the untouched password waits");
    assert.equal(await page.locator("[role=alert]").count(), 0, "no alert per finding");
    assert.deepEqual(problems, []);
    await close();
  });

  for (const [name, values, code, fixed, reached] of [
    ["an IMAP host", { host: "imap.gmail.com" }, "host.incoming-server", { host: "smtp.gmail.com" }],
    ["an email in the host field", { host: "me@example.com" }, "host.is-email", { host: "smtp.example.com" }],
    // The customer reaches the password and leaves it empty.
    ["a missing password", { host: "smtp.example.com", port: "587", security: "starttls", username: "me@example.com", password: "" }, "auth.password-missing", { password: "secret" }, "#password"],
  ]) {
    test(`${name} shows its message; fixing it clears the message`, async () => {
      const { page, problems, close } = await open(main.url);
      await fill(page, values);
      if (reached) {
        await page.focus(reached);
        await page.evaluate(() => document.activeElement?.blur());
      }
      const message = page.locator(`[data-code="${code}"]`);
      await message.waitFor();
      assert.ok((await message.textContent()).length > 20);
      await fill(page, fixed);
      await message.waitFor({ state: "detached" });
      assert.deepEqual(problems, []);
      await close();
    });
  }

  test("keyboard only: type, Tab to the fix, press Enter", async () => {
    const { page, problems, close } = await open(main.url);
    await page.focus("#host");
    await page.keyboard.type("smtp.example.com");
    await page.keyboard.press("Tab");
    await page.keyboard.type("465");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Shift+Tab");
    await page.focus("#security");
    await page.keyboard.press("ArrowDown"); // tls
    await page.keyboard.press("ArrowDown"); // starttls
    await page.locator('[data-code="tls.port-mismatch"]').waitFor();
    // Tab order reaches the fix button right after the field it belongs to.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.classList.contains("smtp-doctor-fix"))) break;
    }
    await page.keyboard.press("Enter");
    assert.equal(await page.inputValue("#security"), "tls");
    assert.deepEqual(problems, []);
    await close();
  });
});

describe("test connection against the sandbox", () => {
  test("working settings: every step green, certificate and server shown", async () => {
    const { page, problems, close } = await open(main.url);
    await fill(page, sandbox());
    await page.check("#check-sender");
    await runTest(page);
    assert.equal(await page.getAttribute("#result", "data-ok"), "true");
    const statuses = await page.$$eval("#steps .step", (rows) => rows.map((r) => `${r.dataset.step}:${r.dataset.status}`));
    assert.deepEqual(statuses, ["dns:pass", "connect:pass", "greeting:pass", "ehlo:pass", "tls:pass", "ehlo:pass", "auth:pass", "sender:pass", "domain:pass"]);
    // The sandbox's domain authorizes the sandbox: "Will it arrive?" says so.
    assert.deepEqual(await page.$$eval("#arrival-findings .finding", (items) => items.map((i) => i.dataset.code)), ["domain.ok"]);
    assert.match(await page.textContent("#arrival"), /sandbox\.test's SPF record authorizes this server, and its DMARC policy \(quarantine\) will pass/);
    assert.match(await page.textContent('#steps [data-step="auth"]'), /Log in/, "core's step label");
    assert.match(await page.textContent("#certificate"), /localhost/);
    assert.match(await page.textContent("#certificate"), /smtp-doctor sandbox CA/);
    assert.match(await page.textContent("#capabilities"), /PLAIN/);
    const transcript = await page.textContent("#transcript");
    assert.match(transcript, /AUTH PLAIN/);
    assert.ok(!transcript.includes(PASSWORD), "the transcript shows no password");
    await page.locator("#result").screenshot({ path: join(ARTIFACTS, "result-ok.png") });
    assert.deepEqual(problems, []);
    await close();
  });

  test("Will it arrive?: a domain without records gets the exact ones to publish", async () => {
    const { page, problems, close } = await open(main.url);
    await fill(page, sandbox({ from: "me@example.org" }));
    await runTest(page);
    assert.equal(await page.isVisible("#arrival"), true);
    assert.deepEqual(await page.$$eval("#arrival-findings .finding", (items) => items.map((i) => i.dataset.code)),
      ["domain.spf-missing", "domain.dmarc-missing"]);
    assert.deepEqual(await page.$$eval("#arrival-findings .record code", (c) => c.map((x) => x.textContent)),
      ["v=spf1 a:localhost ~all", "v=DMARC1; p=none"]);
    assert.match(await page.textContent("#arrival-findings"), /Publish at _dmarc\.example\.org:/);
    // Who must act: whoever runs the domain's DNS, not the customer typing.
    assert.deepEqual(await page.$$eval("#arrival-findings .finding-actor", (tags) => tags.map((x) => [x.dataset.actor, x.textContent])),
      [["dns-admin", "For your DNS administrator"], ["dns-admin", "For your DNS administrator"]]);
    // Warnings about DNS: the settings work, and Save opens.
    assert.equal(await page.getAttribute("#result", "data-ok"), "true");
    assert.equal(await findingCodes(page).then((c) => c.filter((x) => x.startsWith("domain."))).then((c) => c.length), 0,
      "the domain's findings are in their own section only");
    assert.equal(await page.isEnabled("#save-button"), true);
    await page.locator("#arrival").screenshot({ path: join(ARTIFACTS, "arrival.png") });
    assert.deepEqual(problems, []);
    await close();
  });

  test("Will it arrive?: the test email through the sandbox to the service's inbox", async () => {
    const { page, problems, close } = await open(main.url);
    await fill(page, sandbox());
    // Offered because this service has an inbox.
    await page.locator("#arrival-option:not([hidden])").waitFor();
    await page.check("#check-arrival");
    await runTest(page);
    const statuses = await page.$$eval("#steps .step", (rows) => rows.map((r) => `${r.dataset.step}:${r.dataset.status}`));
    assert.ok(statuses.includes("arrival:warn"), statuses.join(" "));
    // No DKIM signature from the sandbox: named; SPF and DMARC pass.
    assert.deepEqual(await page.$$eval("#arrival-findings .finding", (items) => items.map((i) => i.dataset.code)),
      ["arrival.dkim-missing", "domain.ok"]);
    await page.click("#arrival-seen summary");
    const seen = await page.textContent("#arrival-seen");
    assert.match(seen, /demo@sandbox\.test/);
    assert.match(seen, /pass \(/, "SPF for the delivering address");
    assert.match(seen, /by smtp\.sandbox\.test/, "the Received path");
    // The sandbox hands the message over without STARTTLS: said as such.
    assert.match(seen, /Delivered to our inbox over\s*plain text \(no TLS\)/);
    assert.equal(await page.getAttribute("#result", "data-ok"), "true");
    await page.locator("#arrival").screenshot({ path: join(ARTIFACTS, "arrival-inbox.png") });
    assert.deepEqual(problems, []);
    await close();
  });

  test("sign in instead of a password: the sandbox's sign-in page, then the test passes over XOAUTH2", async () => {
    const { page, problems, close } = await open(main.url);
    await page.waitForSelector("#sign-in:not([hidden]) smtp-doctor-connect[ready]");
    const [popup] = await Promise.all([page.waitForEvent("popup"), page.click("smtp-doctor-connect #connect-button")]);
    await popup.waitForSelector("text=Sign in to the sandbox");
    assert.match(await popup.textContent("body"), /demo@sandbox\.test/);
    await popup.click("button[value=hour]");
    await page.waitForFunction(() => document.querySelector("#smtp-form [name=accessToken]")?.value);
    assert.equal(await page.inputValue("#host"), "localhost");
    assert.equal(await page.inputValue("#port"), port(2587));
    assert.equal(await page.inputValue("#security"), "starttls");
    assert.equal(await page.inputValue("#username"), USER);
    assert.equal(await page.inputValue("#from"), USER);
    assert.match(await page.textContent("smtp-doctor-connect #connect-status"), /Signed in as demo@sandbox\.test/);
    await runTest(page);
    assert.equal(await page.getAttribute("#result", "data-ok"), "true", await page.textContent("#result"));
    const transcript = await page.textContent("#transcript");
    assert.match(transcript, /AUTH XOAUTH2 <redacted>/);
    const token = await page.inputValue("#smtp-form [name=accessToken]");
    assert.ok(!transcript.includes(token), "the transcript shows no token");
    assert.equal(await page.isDisabled("#save-button"), false, "Save is offered for the tested sign-in");
    assert.deepEqual(problems, []);
    await close();
  });

  test("the one-minute sign-in: the page says when it has expired", async () => {
    // The page's clock (installed before it loads, as Playwright asks),
    // moved a minute on instead of a minute's wait.
    const { page, problems, close } = await open(main.url, [], { beforeLoad: (p) => p.clock.install() });
    await page.waitForSelector("#sign-in:not([hidden]) smtp-doctor-connect[ready]");
    const [popup] = await Promise.all([page.waitForEvent("popup"), page.click("smtp-doctor-connect #connect-button")]);
    await popup.click("button[value=minute]");
    await page.waitForFunction(() => document.querySelector("#smtp-form [name=accessToken]")?.value, null, { polling: 100 });
    await page.clock.fastForward(61_000);
    await page.waitForSelector("smtp-doctor-connect #connect-status.failed");
    assert.match(await page.textContent("smtp-doctor-connect #connect-status"), /sign-in has expired/);
    assert.deepEqual(problems, []);
    await close();
  });

  test("a page whose service is elsewhere shows no sandbox sign-in (its callback answers its own origin only)", async () => {
    const { page, close } = await open(cross.url);
    assert.equal(await page.isHidden("#sign-in"), true);
    await close();
  });

  test("a wrong password shows auth.failed with its help", async () => {
    const { page, problems, close } = await open(main.url);
    await fill(page, sandbox({ password: "not-the-password" }));
    // The password can be shown to check it.
    await page.click("#smtp-form .smtp-doctor-reveal");
    assert.equal(await page.getAttribute("#password", "type"), "text");
    assert.equal(await page.inputValue("#password"), "not-the-password");
    await page.click("#smtp-form .smtp-doctor-reveal");
    assert.equal(await page.getAttribute("#password", "type"), "password");
    await runTest(page);
    assert.equal(await page.getAttribute("#result", "data-ok"), "false");
    assert.equal(await page.isDisabled("#save-button"), true, "a failing test saves nothing");
    // The headline is the cause; it is announced and focused.
    const headline = await page.textContent("#result-title");
    assert.match(headline, /password/i);
    assert.doesNotMatch(headline, /problems? to fix/);
    assert.equal(await page.textContent("#test-status"), `Test finished. ${headline}`);
    assert.equal(await page.$eval("smtp-doctor-test", (el) => el.shadowRoot.activeElement?.id), "result-title");
    const finding = page.locator('#findings [data-code="auth.failed"]');
    assert.match(await finding.locator(".finding-help").textContent(), /password/i);
    assert.match(await finding.locator(".finding-reply").textContent(), /535/);
    assert.equal(await page.getAttribute('#steps [data-step="auth"]', "data-status"), "fail");
    await page.locator("#result").screenshot({ path: join(ARTIFACTS, "result-auth-failed.png") });
    assert.deepEqual(problems, []);
    await close();
  });

  test("the wrong mode shows the suggestion; accepting it then succeeds", async () => {
    const { page, problems, close } = await open(main.url);
    await fill(page, sandbox({ port: port(2465), security: "starttls" }));
    await runTest(page);
    assert.ok((await findingCodes(page)).includes("tls.expected-implicit"));
    assert.equal(await page.locator('#findings [data-code="tls.expected-implicit"] button').count(), 0,
      "the suggestion makes this fix: one button, not two");
    await page.locator("#result").screenshot({ path: join(ARTIFACTS, "result-wrong-mode.png") });
    await page.click("#apply-suggestion");
    await page.waitForSelector("#result[data-ok=true]:not([hidden])", { timeout: 40_000 });
    assert.equal(await page.inputValue("#security"), "tls");
    assert.equal(await page.inputValue("#port"), port(2465));
    assert.deepEqual(problems, []);
    await close();
  });

  for (const [name, extra, code] of [
    ["an expired certificate", { port: port(2466), security: "tls" }, "tls.cert-expired"],
    ["a certificate for another name", { port: port(2467), security: "tls" }, "tls.cert-name-mismatch"],
    ["a sender the login may not use", { from: "ceo@sandbox.test" }, "sender.rejected"],
    ["an account password where an app password is needed", { password: "account-password" }, "auth.app-password-required"],
  ]) {
    test(`${name} is named: ${code}`, async () => {
      const { page, problems, close } = await open(main.url);
      await fill(page, sandbox(extra));
      await page.check("#check-sender");
      await runTest(page);
      assert.ok((await findingCodes(page)).includes(code), await page.textContent("#findings"));
      assert.deepEqual(problems, []);
      await close();
    });
  }

  test("a refused client shows the allowlist with the service's egress IP", async () => {
    const { page, problems, close } = await open(main.url);
    await fill(page, sandbox({ port: port(2554), security: "none" }));
    await runTest(page);
    assert.ok((await findingCodes(page)).includes("smtp.greeting-rejected"));
    assert.match(await page.textContent("#allowlist"), /192\.0\.2\.44/);
    assert.equal(await page.textContent('#findings .finding[data-code="smtp.greeting-rejected"] .finding-actor'), "For your IT team");
    assert.deepEqual(problems, []);
    await close();
  });

  test("Send this to your IT team: a link, a prefilled email, and the page in the reader's language", async () => {
    const { page, problems, close } = await open(main.url);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: main.url });
    await fill(page, sandbox({ port: port(2554), security: "none" }));
    await runTest(page);
    await page.click("#share-button");
    await page.waitForSelector("#share-link:not([hidden])", { timeout: 10_000 });
    const url = await page.inputValue("#share-url");
    assert.match(url, new RegExp(`^${main.url}/r/[A-Za-z0-9_-]{22}$`));
    assert.match(await page.textContent("#share-note"), /until/);
    const mail = new URL(await page.getAttribute("#share-mail", "href"));
    assert.equal(mail.protocol, "mailto:");
    assert.match(mail.searchParams.get("subject"), /^Email settings for localhost:\d+: steps for you$/);
    assert.ok(mail.searchParams.get("body").includes(url), mail.href);
    assert.equal(await page.getAttribute("#share-print", "href"), `${url}#print`);
    await page.click("#share-copy");
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
    // The IT team's browser speaks German: so does the page.
    const reader = await browser.newContext({ locale: "de-DE" });
    const it = await reader.newPage();
    const refused = [];
    it.on("console", (m) => m.type() === "error" && refused.push(m.text()));
    assert.equal((await it.goto(url)).status(), 200);
    assert.equal(await it.getAttribute("html", "lang"), "de");
    assert.equal(await it.textContent('section[data-actor="it-admin"] h2'), "Für Ihr IT-Team");
    assert.ok(await it.$('section[data-actor="it-admin"] article[data-code="smtp.greeting-rejected"]'));
    const text = await it.textContent("body");
    assert.ok(!text.includes(PASSWORD), "the password is on the shared page");
    assert.deepEqual(refused, [], "the page's CSP refused something");
    // Taken back from the page: the link opens nothing any more.
    await page.click("#share-delete");
    await page.waitForSelector("#share-link", { state: "hidden" });
    assert.equal((await it.goto(url)).status(), 404);
    assert.match(await it.textContent("body"), /abgelaufen|gelöscht/);
    await reader.close();
    assert.deepEqual(problems, []);
    await close();
  });

  test("a refused sender has a one-click fix: send as the login", async () => {
    const { page, problems, close } = await open(main.url);
    await fill(page, sandbox({ from: "ceo@sandbox.test" }));
    await page.check("#check-sender");
    await runTest(page);
    const finding = page.locator('#findings [data-code="sender.rejected"]');
    await finding.locator("button").click();
    assert.equal(await page.inputValue("#from"), USER);
    // Keyboard focus and a highlight land on the field the fix changed.
    assert.equal(await page.evaluate(() => document.activeElement?.id), "from");
    assert.equal(await page.getAttribute("#from", "data-smtp-doctor-changed"), "");
    await runTest(page);
    assert.equal(await page.getAttribute("#result", "data-ok"), "true");
    assert.deepEqual(problems, []);
    await close();
  });

  test("a target the policy refuses says so", async () => {
    const { page, problems, close } = await open(main.url);
    await fill(page, { ...sandbox(), host: "10.1.2.3", port: "587" });
    await runTest(page);
    assert.ok((await findingCodes(page)).includes("policy.blocked-address"));
    assert.deepEqual(problems, []);
    await close();
  });

  test("a result goes stale the moment its settings change, and Save follows it", async () => {
    const { page, problems, close } = await open(main.url);
    assert.equal(await page.isDisabled("#save-button"), true, "nothing tested yet");
    await fill(page, sandbox());
    await runTest(page);
    assert.equal(await page.getAttribute("#result", "data-ok"), "true");
    assert.equal(await page.isEnabled("#save-button"), true, "these settings work");
    await page.fill("#port", port(2465));
    assert.equal(await page.isDisabled("#save-button"), true, "changed settings are not tested");
    await page.waitForSelector("#result[hidden]", { state: "attached" });
    assert.match(await page.textContent("#test-status"), /settings changed since the last test/);
    assert.equal(await page.locator("#steps .step").count(), 0);
    assert.deepEqual(problems, []);
    await close();
  });

  test("cancel stops a test that hangs, and the button is ready again", async () => {
    const { page, problems, close } = await open(main.url, ["/v1/probe"]);
    await fill(page, { ...sandbox(), host: "smtp.silent.test", port: "587" });
    await page.click("#test-button");
    await page.click("#cancel-button"); // waits until it is shown: the test is running
    await page.waitForSelector("#test-status:has-text('Test cancelled.')", { timeout: 3_000 });
    assert.equal(await page.isEnabled("#test-button"), true);
    assert.equal(await page.isHidden("#cancel-button"), true);
    assert.equal(await page.locator("#steps .step").count(), 0);
    assert.deepEqual(problems, []);
    await close();
  });

  test("send a test email: accepted by the sandbox", async () => {
    const { page, problems, close } = await open(main.url);
    await fill(page, sandbox());
    await page.check("#check-send");
    await runTest(page);
    assert.ok((await findingCodes(page)).includes("send.ok") || (await page.getAttribute("#result", "data-ok")) === "true");
    assert.equal(await page.getAttribute('#steps [data-step="send"]', "data-status"), "pass");
    assert.deepEqual(problems, []);
    await close();
  });
});

/** axe-core's WCAG 2.1 A/AA rules on the page as it is now (shadow roots included). */
async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

describe("in the customer's language", () => {
  /** The demo page declaring `lang` (the package follows the page's language). */
  const openIn = (lang) => openWith((body) => body.replace('<html lang="en"', `<html lang="${lang}"`));

  /** The demo page as `rewrite` changes it. */
  async function openWith(rewrite) {
    const context = await browser.newContext({ viewport: { width: 900, height: 1400 } });
    const page = await context.newPage();
    const problems = [];
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    const languages = [];
    page.on("request", (r) => r.url().includes("/v1/probe") && languages.push(r.headers()["accept-language"]));
    await page.route(`${main.url}/`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: rewrite(await response.text()) });
    });
    await page.goto(`${main.url}/`);
    await page.waitForSelector("smtp-doctor-test[ready]", { timeout: 15_000 });
    return { page, problems, languages, close: () => context.close() };
  }

  test("lang=de: German as you type, on the elements, and after Test connection", async () => {
    const { page, problems, languages, close } = await openIn("de");
    assert.equal(await page.textContent("smtp-doctor-test >> #test-button"), "Verbindung testen");
    await fill(page, { host: "smtp.example.com", port: "465", security: "starttls" });
    const message = page.locator('[data-code="tls.port-mismatch"]');
    await message.waitFor();
    assert.match(await message.textContent(), /Port 465 erwartet TLS\/SSL, gewählt ist aber STARTTLS\./);
    assert.equal(await message.locator("button.smtp-doctor-fix").textContent(), "TLS/SSL verwenden");
    await fill(page, sandbox({ password: "not-the-password" }));
    await runTest(page);
    assert.equal(await page.getAttribute("#result", "data-ok"), "false");
    const headline = await page.textContent("#result-title");
    assert.match(headline, /Benutzername oder Passwort abgelehnt/, headline);
    assert.equal(await page.textContent("#test-status"), `Test beendet. ${headline}`);
    assert.match(await page.textContent('#steps [data-step="auth"]'), /Anmelden/);
    assert.deepEqual(languages, ["de"], "the service is asked for German");
    assert.deepEqual(problems, []);
    await close();
  });

  test("lang on the element alone: the element speaks it, the page and its form keep theirs, and a change follows", async () => {
    const { page, problems, languages, close } = await openWith((body) => body.replace("<smtp-doctor-test ", '<smtp-doctor-test lang="de" '));
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.equal(await page.textContent("smtp-doctor-test >> #test-button"), "Verbindung testen");
    // The form is the page's: English findings as the customer types.
    await fill(page, { host: "smtp.example.com", port: "465", security: "starttls" });
    await page.locator('[data-code="tls.port-mismatch"]').waitFor();
    assert.match(await page.textContent('[data-code="tls.port-mismatch"]'), /Port 465 expects TLS\/SSL/);
    // The test's result, its steps and its status in German; the service asked for German.
    await fill(page, sandbox({ password: "not-the-password" }));
    await runTest(page);
    assert.match(await page.textContent("#result-title"), /Benutzername oder Passwort abgelehnt/);
    assert.match(await page.textContent('#steps [data-step="auth"]'), /Anmelden/);
    assert.deepEqual(languages, ["de"]);
    // A later change of the element's lang is honoured, and said.
    const changed = page.evaluate(() => new Promise((resolve) => {
      const el = document.querySelector("smtp-doctor-test");
      el.addEventListener("smtp-doctor:language", (e) => resolve(e.detail.locale), { once: true });
      el.setAttribute("lang", "fr");
    }));
    assert.equal(await changed, "fr");
    assert.equal(await page.textContent("smtp-doctor-test >> #test-button"), "Tester la connexion");
    await page.click("#test-button");
    await page.locator('#steps [data-step="auth"]', { hasText: "Se connecter au compte" }).waitFor({ timeout: 40_000 });
    await page.locator("#test-button:not([aria-busy])").waitFor();
    assert.deepEqual(languages, ["de", "fr"]);
    // Without its own lang it speaks the page's again.
    await page.evaluate(() => document.querySelector("smtp-doctor-test").removeAttribute("lang"));
    await page.waitForFunction(() => document.querySelector("smtp-doctor-test").shadowRoot.getElementById("test-button").textContent === "Test connection");
    assert.deepEqual(problems, []);
    await close();
  });

  test("an unsupported language gets English", async () => {
    const { page, problems, close } = await openIn("tlh");
    assert.equal(await page.textContent("smtp-doctor-test >> #test-button"), "Test connection");
    await fill(page, { host: "smtp.example.com", port: "465", security: "starttls" });
    await page.locator('[data-code="tls.port-mismatch"]').waitFor();
    assert.match(await page.textContent('[data-code="tls.port-mismatch"]'), /Port 465 expects TLS\/SSL/);
    assert.deepEqual(problems, []);
    await close();
  });
});

describe("the settings experience at 1280 and 375 px, light and dark", () => {
  for (const [width, scheme] of [[1280, "light"], [375, "light"], [1280, "dark"], [375, "dark"]]) {
    test(`${width} px, ${scheme}: calm, then the cause in plain words, then stale and gated`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(main.url);
      await page.waitForSelector("smtp-doctor-test[ready]");
      // Calm before anything is typed.
      assert.equal(await page.locator("#smtp-form [data-code]").count(), 0);
      await fill(page, sandbox({ password: "account-password" }));
      await runTest(page);
      // The headline is the cause, on screen and announced; plain words.
      const headline = await page.textContent("#result-title");
      assert.match(headline, /app password/);
      assert.ok(await page.locator("#result-title").isVisible());
      // Scrolled to (smoothly, unless reduced motion is asked for).
      await page.waitForFunction(() => {
        const top = document.querySelector("smtp-doctor-test").shadowRoot.getElementById("result-title").getBoundingClientRect().top;
        return top >= 0 && top < innerHeight;
      }, null, { timeout: 5_000 }).catch(() => {});
      const box = await page.locator("#result-title").boundingBox();
      assert.ok(box.y >= 0 && box.y < 800, `the headline is on screen (y = ${box.y})`);
      const mainText = await page.$eval("smtp-doctor-test", (el) =>
        [...el.shadowRoot.querySelectorAll("#result-title, #findings, #suggestion, #allowlist")].map((n) => n.textContent).join(" "));
      assert.doesNotMatch(mainText, /implicit TLS|handshake|\bprobe\b|`|\b[a-z]+\.[a-z-]+-[a-z-]+\b(?![^ ]*@)/, "no jargon or raw codes in the main text");
      assert.equal(await page.isDisabled("#save-button"), true);
      // Fixed and tested: Save is offered; a change retires both.
      await page.fill("#password", PASSWORD);
      await page.waitForSelector("#result[hidden]", { state: "attached" });
      await runTest(page);
      assert.equal(await page.isEnabled("#save-button"), true);
      await page.fill("#from", "support@sandbox.test");
      assert.equal(await page.isDisabled("#save-button"), true);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${overflow}px sideways scroll`);
      await context.close();
    });
  }
});

describe("accessibility (axe-core), at 1280 and 375 px, light and dark", () => {
  for (const [width, scheme] of [[1280, "light"], [375, "light"], [1280, "dark"], [375, "dark"]]) {
    test(`${width} px, ${scheme}: empty, with findings, and with a failed test's result`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(main.url);
      await page.waitForSelector("smtp-doctor-test[ready]");
      assert.deepEqual(await axe(page), [], "the empty page");
      await fill(page, { host: "smtp.example.com", port: "465", security: "starttls" });
      await page.locator('[data-code="tls.port-mismatch"]').waitFor();
      assert.deepEqual(await axe(page), [], "with instant findings");
      await fill(page, sandbox({ password: "account-password" }));
      await runTest(page);
      assert.deepEqual(await axe(page), [], "with a failed test's result");
      await page.screenshot({ path: join(ARTIFACTS, `a11y-${width}-${scheme}.png`), fullPage: true });
      await context.close();
    });
  }

  test("the elements' headings continue the page's outline: under a lone h1, no level is skipped", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // An integrator's page with one h1 and the elements right under it.
    await page.route(`${main.url}/`, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/<h2\b/g, "<p").replace(/<\/h2>/g, "</p>");
      await route.fulfill({ response, body });
    });
    await page.goto(`${main.url}/`);
    await page.waitForSelector("smtp-doctor-test[ready]");
    await fill(page, sandbox({ password: "account-password" }));
    await runTest(page);
    await page.click("smtp-doctor-test >> #details > summary");
    const levels = await page.evaluate(() => [...document.querySelector("smtp-doctor-test").shadowRoot.querySelectorAll("h3, h4")]
      .filter((h) => h.offsetParent !== null).map((h) => `${h.tagName}:${h.getAttribute("aria-level")}`));
    assert.ok(levels.includes("H3:2") && levels.includes("H4:3"), levels.join(" "));
    await page.addScriptTag({ path: AXE });
    const order = await page.evaluate(async () => (await window.axe.run(document, { runOnly: { type: "rule", values: ["heading-order"] } }))
      .violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`));
    assert.deepEqual(order, []);
    // `heading-level` says it outright.
    await page.evaluate(() => document.querySelector("smtp-doctor-test").setAttribute("heading-level", "4"));
    assert.equal(await page.getAttribute("smtp-doctor-test >> #result-title", "aria-level"), "4");
    await context.close();
  });
});

describe("on a phone, and in the dark", () => {
  test("nothing overflows sideways at 320 px: a provider's long link, a failed result", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(main.url);
    await page.waitForSelector("smtp-doctor-test[ready]");
    await page.fill("#detect-email", "someone@gmail.com");
    await page.click("#detect-form button");
    await page.waitForSelector("#detect-list .candidates", { timeout: 40_000 });
    await fill(page, sandbox({ password: "account-password" }));
    await runTest(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    await page.screenshot({ path: join(ARTIFACTS, "phone.png"), fullPage: true });
    await context.close();
  });

  test("dark mode follows the system, page and elements alike", async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 1400 }, colorScheme: "dark" });
    const page = await context.newPage();
    await page.goto(main.url);
    await page.waitForSelector("smtp-doctor-test[ready]");
    await fill(page, sandbox());
    await runTest(page);
    const looks = await page.evaluate(() => ({
      page: getComputedStyle(document.documentElement).backgroundColor,
      element: getComputedStyle(document.querySelector("smtp-doctor-test")).colorScheme,
      text: getComputedStyle(document.querySelector("smtp-doctor-test")).color,
    }));
    assert.equal(looks.element, "dark");
    const [r, g, b] = looks.page.match(/\d+/g).map(Number);
    assert.ok(r + g + b < 120, `a dark page background, not ${looks.page}`);
    const [tr, tg, tb] = looks.text.match(/\d+/g).map(Number);
    assert.ok(tr + tg + tb > 500, `light text on it, not ${looks.text}`);
    await page.screenshot({ path: join(ARTIFACTS, "dark.png"), fullPage: true });
    await context.close();
  });
});

describe("detect settings", () => {
  test("the demo address: found through the sandbox's SRV records, verified, filled in", async () => {
    const { page, problems, close } = await open(main.url);
    await page.fill("#detect-email", "demo@sandbox.test");
    await page.click("#detect-form button");
    await page.waitForSelector('#detect-list .candidate[data-status="verified"]', { timeout: 30_000 });
    assert.equal(await page.inputValue("#host"), "smtp.sandbox.test");
    assert.equal(await page.inputValue("#port"), port(2465));
    assert.equal(await page.inputValue("#security"), "tls");
    assert.equal(await page.inputValue("#username"), "demo@sandbox.test");
    assert.equal(await page.inputValue("#from"), "demo@sandbox.test");
    assert.match(await page.textContent("#detect-result"), /Found and verified/);
    assert.match(await page.textContent("#detect-list"), /_submissions\._tcp\.sandbox\.test/);
    await page.locator(".detect").screenshot({ path: join(ARTIFACTS, "detect.png") });
    assert.deepEqual(problems, []);
    await close();
  });

  test("pressing Detect while the checker still loads never submits the page", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Hold the wasm back: the elements are there, the rules are not yet.
    let release;
    const held = new Promise((r) => (release = r));
    await page.route("**/*.wasm", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(main.url);
    const entries = await page.evaluate(() => history.length);
    await page.fill("#detect-email", "demo@sandbox.test");
    await page.press("#detect-email", "Enter");
    assert.equal(await page.isDisabled("#detect-form button"), true, "busy while it waits for the rules");
    assert.equal(page.url(), `${main.url}/`, "no navigation, no address in the URL");
    assert.equal(await page.evaluate(() => history.length), entries, "no history entry");
    release();
    await page.waitForSelector('#detect-list .candidate[data-status="verified"]', { timeout: 30_000 });
    assert.equal(page.url(), `${main.url}/`);
    await context.close();
  });

  test("a known provider fills in at once, then says whether it answered", async () => {
    const { page, problems, close } = await open(main.url);
    await page.fill("#detect-email", "someone@gmail.com");
    await page.click("#detect-form button");
    await page.waitForFunction(() => document.getElementById("host").value === "smtp.gmail.com");
    assert.equal(await page.inputValue("#security"), "tls");
    // Offline here: our DNS knows no smtp.gmail.com, and the page says so.
    await page.waitForSelector("#detect-list .candidates", { timeout: 40_000 });
    const said = await page.textContent("#detect-result");
    assert.match(said, /Our test service could not reach smtp.gmail.com just now/);
    assert.doesNotMatch(said, /ask your provider/i, "the provider is known: no advice to ask it");
    assert.equal(await page.getAttribute("smtp-doctor-detect #detect-result a", "href"), "https://myaccount.google.com/apppasswords");
    assert.equal(await page.inputValue("#host"), "smtp.gmail.com", "the documented settings stay");
    // Where to find the password: the provider's app-password page, as a link under the field.
    await page.fill("#password", "my-google-password");
    await page.locator('#smtp-form [data-code="auth.app-password"] a[href="https://myaccount.google.com/apppasswords"]').waitFor();
    assert.deepEqual(problems, []);
    await close();
  });
});

describe("paste an error", () => {
  test("a library's error with these settings: the cause first, the settings' own mistake with its fix; no password sent", async () => {
    const { page, problems, close } = await open(main.url);
    await page.waitForSelector("smtp-doctor-explain[ready]");
    // Port 465 with STARTTLS in the form, and Nodemailer's words for a login refused by Gmail.
    await fill(page, { host: "smtp.gmail.com", port: "465", security: "starttls", username: "me@gmail.com", password: PASSWORD });
    const requests = [];
    page.on("request", (r) => r.url().endsWith("/v1/explain") && requests.push(r.postData() ?? ""));
    await page.fill("smtp-doctor-explain #explain-text",
      "Error: Invalid login: 535-5.7.8 Username and Password not accepted. For more information, go to\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials - gsmtp\n  code: 'EAUTH',\n  command: 'AUTH PLAIN'");
    await page.click("smtp-doctor-explain button[type=submit]");
    await page.waitForSelector("smtp-doctor-explain #explain-result:not([hidden])");
    const codes = await page.$$eval("smtp-doctor-explain #explain-findings .finding", (items) => items.map((i) => i.dataset.code));
    assert.deepEqual(codes.slice(0, 2), ["auth.failed", "tls.port-mismatch"]);
    assert.match(await page.textContent("smtp-doctor-explain #explain-seen"), /Nodemailer/);
    assert.match(await page.textContent("smtp-doctor-explain #explain-title"), /Gmail/);
    assert.equal(requests.length, 1);
    assert.ok(!requests[0].includes(PASSWORD), "the form's password is not sent with the paste");
    // The settings' fix goes into the form.
    await page.click('smtp-doctor-explain #explain-findings [data-code="tls.port-mismatch"] button');
    assert.equal(await page.inputValue("#security"), "tls");
    // Text it cannot place: said so, no guess.
    await page.fill("smtp-doctor-explain #explain-text", "something went wrong");
    await page.click("smtp-doctor-explain button[type=submit]");
    await page.waitForFunction(() => document.querySelector("smtp-doctor-explain").result?.diagnostics[0]?.code === "explain.not-recognised");
    assert.match(await page.textContent("smtp-doctor-explain #explain-title"), /do not recognise/);
    assert.deepEqual(problems, []);
    await close();
  });
});

describe("the service seen from the page", () => {
  test("works from another origin when CORS allows it", async () => {
    const { page, problems, close } = await open(cross.url);
    await fill(page, sandbox());
    await runTest(page);
    assert.equal(await page.getAttribute("#result", "data-ok"), "true");
    assert.deepEqual(problems, []);
    await close();
  });

  test("an unreachable service gets a clear message", async () => {
    const { page, problems, close } = await open(dead.url, ["127.0.0.1:9/", "ERR_"]);
    await fill(page, sandbox());
    await runTest(page);
    assert.match(await page.textContent("#test-status"), /cannot be reached/);
    assert.equal(await page.isEnabled("#test-button"), true);
    assert.deepEqual(problems, []);
    await close();
  });

  test("the service's own DNS outage is shown as the service's, not a settings problem", async () => {
    const { page, problems, close } = await open(nodns.url);
    await fill(page, { ...sandbox(), host: "smtp.example.org", port: "587" });
    await runTest(page);
    assert.deepEqual(await findingCodes(page), ["probe.dns-unavailable"]);
    assert.match(await page.textContent("#result-title"), /test service has a problem: your settings were not tested/);
    assert.equal(await page.getAttribute("#result", "data-service"), "true");
    assert.equal(await page.$$eval("#findings button", (b) => b.length), 0, "no fix offered");
    assert.deepEqual(problems, []);
    await close();
  });

  test("rate-limited: the retry time is shown and the button waits", async () => {
    const { page, problems, close } = await open(limited.url, ["/v1/probe", "429 (Too Many Requests)"]);
    await fill(page, sandbox({ port: port(2587, OFFSET_B) }));
    await runTest(page);
    assert.equal(await page.getAttribute("#result", "data-ok"), "true");
    await page.click("#test-button");
    await page.waitForSelector("#test-status.failed");
    assert.match(await page.textContent("#test-status"), /Try again in \d+ s/);
    assert.equal(await page.isDisabled("#test-button"), true);
    assert.match(await page.textContent("#test-button"), /wait \d+ s/);
    assert.deepEqual(problems, []);
    await close();
  });
});
