// `attachForm` in headless Chromium (Debian's): the package's DOM binding
// of an ordinary form — messages next to their fields, aria attributes,
// one-click fixes, calm until touched, controlled mode, announcements and
// the show-password toggle — with core's rules and form state from the
// wasm. No service: the package is served as files, as a CDN would.
//
// Run by `cargo xtask test` (node --test) after `cargo xtask wasm`.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { WEB, launchChromium } from "./harness.mjs";

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };
const BLANK = `<!doctype html><html lang="en"><meta charset="utf-8"><title>attachForm</title><body></body></html>`;

let browser;
let server;
let origin;

before(async () => {
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    if (path === "/") return res.writeHead(200, { "Content-Type": "text/html" }).end(BLANK);
    const file = join(WEB, path);
    if (!file.startsWith(WEB)) return res.writeHead(403).end();
    let body;
    try {
      body = readFileSync(file);
    } catch {
      return res.writeHead(404).end();
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** A fresh page with the package loaded (English) and helpers on `window`. */
async function open() {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(origin);
  await page.evaluate(async () => {
    const api = await import("/smtp-doctor/index.js");
    await api.load({ locale: "en" });
    Object.assign(window, {
      api,
      q: (sel) => document.querySelector(sel),
      form(html) {
        const form = document.createElement("form");
        form.innerHTML = html;
        document.body.append(form);
        return form;
      },
      type(sel, value) {
        const el = document.querySelector(sel);
        el.value = value;
        el.dispatchEvent(new Event("input", { bubbles: true }));
        return el;
      },
    });
  });
  return { page, errors };
}

const FORM = `
  <label>Host <input name="host" value="smtp.example.com"></label>
  <label>Port <input name="port" value="587"></label>
  <label>Security <select name="security">
    <option value="tls">TLS/SSL</option><option value="starttls" selected>STARTTLS</option><option value="none">None</option>
  </select></label>
  <label>Username <input name="username" value="me@example.com"></label>
  <label>Password <input name="password" type="password" value="pw"></label>
  <label>From <input name="from" value="me@example.com"></label>`;

test("messages appear next to their fields, clear, and fixes apply in one click", async () => {
  const { page, errors } = await open();
  const got = await page.evaluate((html) => {
    const form = window.form(html);
    const handle = api.attachForm(form);
    const out = { calm: !q("[data-code]") };
    type("[name=port]", "465");
    const item = q("[data-smtp-doctor-for=security] [data-code='tls.port-mismatch']");
    const select = q("[name=security]");
    out.mismatch = item?.textContent;
    out.invalid = select.getAttribute("aria-invalid");
    out.describedExists = !!document.getElementById(select.getAttribute("aria-describedby"));
    const button = item.querySelector("button");
    out.button = button.textContent;
    button.click();
    out.afterFix = { value: select.value, gone: !q("[data-code='tls.port-mismatch']"), invalid: select.getAttribute("aria-invalid") };
    out.focused = document.activeElement === select;
    type("[name=host]", "imap.example.com");
    out.imap = !!q("[data-smtp-doctor-for=host] [data-code='host.incoming-server']");
    const host = type("[name=host]", "me@example.com");
    out.email = !!q("[data-code='host.is-email']") && host.getAttribute("aria-invalid") === "true";
    type("[name=host]", "smtp.example.com");
    out.hostClear = !q("[data-smtp-doctor-for=host] [data-code]");
    const pass = type("[name=password]", "");
    out.password = !!q("[data-code='auth.password-missing']");
    out.validate = handle.validate().map((d) => d.code);
    out.messageOfValidate = handle.validate().find((d) => d.code === "auth.password-missing").message;
    handle.detach();
    out.detached = { containers: !q("[data-smtp-doctor-for]"), invalid: pass.getAttribute("aria-invalid"), describedBy: pass.getAttribute("aria-describedby") };
    type("[name=port]", "993");
    out.silentAfterDetach = !q("[data-code]");
    form.remove();
    return out;
  }, FORM);
  assert.ok(got.calm, "valid settings: nothing shown");
  assert.match(got.mismatch, /Port 465 expects TLS\/SSL/);
  assert.equal(got.invalid, "true");
  assert.ok(got.describedExists, "aria-describedby points at the messages");
  assert.equal(got.button, "Use TLS/SSL");
  assert.deepEqual(got.afterFix, { value: "tls", gone: true, invalid: null });
  assert.ok(got.focused, "the changed field has the focus");
  assert.ok(got.imap && got.email && got.hostClear && got.password);
  assert.ok(got.validate.includes("auth.password-missing"));
  assert.match(got.messageOfValidate, /password/i);
  assert.deepEqual(got.detached, { containers: true, invalid: null, describedBy: null });
  assert.ok(got.silentAfterDetach, "no validation after detach");
  assert.deepEqual(errors, []);
});

test("a single TLS checkbox, the page's own containers and onDiagnostics", async () => {
  const { page } = await open();
  const got = await page.evaluate(() => {
    const form = window.form(`<div data-smtp-doctor-for="general"></div>
      <input name="host" value="smtp.gmail.com"><input name="port" value="587">
      <input type="checkbox" name="secure" checked>
      <div data-smtp-doctor-for="security" id="sec-msgs"></div>
      <input name="username" value="me@gmail.com"><input name="password" value="abcdefghijklmnop">
      <input name="from" value="me@gmail.com">`);
    let seen = 0;
    // A saved form's problems, shown at once.
    const handle = api.attachForm(form, { show: "always", onDiagnostics: () => seen++ });
    const out = { first: seen };
    const item = q("#sec-msgs [data-code='tls.port-mismatch']");
    out.inPageContainer = !!item;
    item.querySelector("button").click();
    out.unticked = !q("[name=secure]").checked;
    out.gone = !q("[data-code='tls.port-mismatch']");
    out.more = seen >= 2;
    handle.detach();
    out.pageContainerStays = !!q("#sec-msgs") && q("#sec-msgs").childElementCount === 0;
    form.remove();
    return out;
  });
  assert.deepEqual(got, { first: 1, inPageContainer: true, unticked: true, gone: true, more: true, pageContainerStays: true });
});

test("the form keeps working when the page drops the handle", async () => {
  const { page } = await open();
  const got = await page.evaluate((html) => {
    const form = window.form(html);
    api.attachForm(form); // handle dropped
    type("[name=port]", "465");
    const mismatch = !!q("[data-code='tls.port-mismatch']");
    type("[name=username]", "");
    return { mismatch, username: !!q("[data-code='auth.username-missing']") };
  }, FORM);
  assert.deepEqual(got, { mismatch: true, username: true });
});

/**
 * A real click on a fix button first blurs the field being typed in, and
 * the blur fires `change`: the button must survive that re-validation, or
 * the click lands on a removed element and nothing happens.
 */
test("a change event with the same findings keeps the fix button", async () => {
  const { page } = await open();
  await page.evaluate((html) => {
    const form = window.form(html);
    window.handle = api.attachForm(form);
  }, FORM);
  await page.fill("[name=port]", "465");
  // A real mouse click: mousedown blurs the port field (change), then click.
  await page.click("[data-code='tls.port-mismatch'] button");
  assert.equal(await page.inputValue("[name=security]"), "tls");
  assert.equal(await page.locator("[data-code='tls.port-mismatch']").count(), 0);
  const kept = await page.evaluate(() => {
    type("[name=port]", "465");
    const select = q("[name=security]");
    select.value = "starttls";
    select.dispatchEvent(new Event("input", { bubbles: true }));
    const before = q("[data-code='tls.port-mismatch'] button");
    q("[name=port]").dispatchEvent(new Event("change", { bubbles: true }));
    return before.isConnected;
  });
  assert.ok(kept, "the fix button was replaced");
});

/**
 * A framework form: the app's own field names, its own From, a rule it
 * switched off, and fixes handed to the app (`onFix`) instead of being
 * written into DOM that the framework owns.
 */
test("controlled mode hands fixes to the app under its own names", async () => {
  const { page } = await open();
  const got = await page.evaluate(() => {
    const form = window.form(`<input name="smtp_host" value="imap.gmail.com"><input name="smtp_port" value="465">
      <select name="smtp_security"><option value="tls">TLS</option><option value="starttls" selected>STARTTLS</option></select>
      <input name="smtp_user" value="me@gmail.com"><input name="smtp_pass" value="abcdefghijklmnop">`);
    const fixes = [];
    const handle = api.attachForm(form, {
      fields: { host: "smtp_host", port: "smtp_port", security: "smtp_security", username: "smtp_user", password: "smtp_pass", from: null },
      values: { from: "me@gmail.com" },
      rules: { "host.incoming-server": "warning" },
      show: "always",
      onFix: (changes, fix) => fixes.push({ changes, key: fix.key }),
    });
    const out = { noFromMissing: !q("[data-code='from.missing']") };
    const item = q("[data-smtp-doctor-for=smtp_host] [data-code='host.incoming-server']");
    out.warning = item?.className.includes("smtp-doctor-warning");
    q("[data-code='tls.port-mismatch'] button").click();
    out.fixes = fixes;
    out.untouched = q("[name=smtp_security]").value;
    out.config = handle.config();
    try {
      api.attachForm(form, { rules: { "tls.port-mismatc": "off" } });
      out.typo = "accepted";
    } catch (e) {
      out.typo = String(e.message);
    }
    handle.detach();
    form.remove();
    return out;
  });
  assert.ok(got.noFromMissing, "the app supplies From");
  assert.ok(got.warning, "downgraded to a warning, next to smtp_host");
  assert.deepEqual(got.fixes, [{ changes: { smtp_security: "tls" }, key: "use-security" }]);
  assert.equal(got.untouched, "starttls", "the framework owns the field");
  assert.equal(got.config.host, "imap.gmail.com");
  assert.equal(got.config.security, "starttls");
  assert.equal(got.config.from, "me@gmail.com");
  assert.equal(got.config.smtp_host, undefined);
  assert.match(got.typo, /smtp-doctor options/);
});

/**
 * Calm until touched (the default): an empty form shows nothing; typing
 * shows that field's findings and what the edit raised elsewhere; a
 * submit shows everything.
 */
test("an empty form is calm until the customer acts", async () => {
  const { page } = await open();
  const got = await page.evaluate(() => {
    const form = window.form(`<input name="host"><input name="port"><select name="security"><option value="tls">TLS</option><option value="starttls" selected>STARTTLS</option></select>
      <input name="username"><input name="password" type="password"><input name="from">`);
    const handle = api.attachForm(form);
    const out = { calm: !q("[data-code]") && !q("[aria-invalid]") };
    out.known = handle.validate().some((d) => d.code === "host.missing");
    type("[name=port]", "465");
    out.raised = !!q("[data-code='tls.port-mismatch']");
    out.hostWaits = !q("[data-code='host.missing']");
    type("[name=host]", "imap.gmail.com");
    out.host = !!q("[data-smtp-doctor-for=host] [data-code='host.incoming-server']");
    out.fromWaits = !q("[data-code='from.missing']");
    form.dispatchEvent(new Event("submit"));
    out.submitted = !!q("[data-code='from.missing']");
    out.blocks = handle.submit() === false;
    handle.detach();
    form.remove();
    return out;
  });
  assert.deepEqual(got, { calm: true, known: true, raised: true, hostWaits: true, host: true, fromWaits: true, submitted: true, blocks: true });
});

/** Typing is announced once, when it settles — not on every keystroke, and no finding is an alert of its own. */
test("a settled change is announced once", async () => {
  const { page } = await open();
  const during = await page.evaluate((html) => {
    window.handle = api.attachForm(window.form(html));
    for (const v of ["4", "46", "465"]) type("[name=port]", v);
    return {
      shown: !!q("[data-code='tls.port-mismatch']"),
      alert: !!q("[role=alert]"),
      said: q(".smtp-doctor-announcer")?.textContent ?? null,
    };
  }, FORM);
  assert.deepEqual(during, { shown: true, alert: false, said: null });
  await page.waitForTimeout(1200);
  const said = await page.evaluate(() => q(".smtp-doctor-announcer")?.textContent);
  assert.match(said, /^Security: Port 465 expects TLS\/SSL/);
  await page.evaluate(() => type("[name=port]", "465"));
  await page.waitForTimeout(1200);
  assert.equal(await page.evaluate(() => q(".smtp-doctor-announcer").textContent), said, "nothing new to say");
  assert.equal(await page.evaluate(() => (handle.detach(), !!q(".smtp-doctor-announcer"))), false);
});

/** `passwordToggle`: a Show button after the password that reveals and hides it; the messages follow the button; detach restores. */
test("a password can be shown and hidden", async () => {
  const { page } = await open();
  const got = await page.evaluate((html) => {
    const handle = api.attachForm(window.form(html), { passwordToggle: true });
    const pass = q("[name=password]");
    const toggle = q(".smtp-doctor-reveal");
    const out = { controls: toggle.getAttribute("aria-controls") === pass.id && pass.id !== "", label: toggle.textContent };
    toggle.click();
    out.shown = { type: pass.type, pressed: toggle.getAttribute("aria-pressed"), label: toggle.textContent };
    type("[name=password]", "");
    out.messageAfterButton = !!toggle.nextElementSibling?.querySelector("[data-code='auth.password-missing']");
    handle.detach();
    out.detached = { type: pass.type, toggle: !!q(".smtp-doctor-reveal") };
    return out;
  }, FORM);
  assert.deepEqual(got, {
    controls: true,
    label: "Show",
    shown: { type: "text", pressed: "true", label: "Hide" },
    messageAfterButton: true,
    detached: { type: "password", toggle: false },
  });
});

test("help addresses become links; a closing stop stays text", async () => {
  const { page } = await open();
  const got = await page.evaluate(async () => {
    const { linkified } = await import("/smtp-doctor/lib/attach.js");
    const html = (text) => {
      const span = document.createElement("span");
      span.append(...linkified(text));
      return span.innerHTML;
    };
    return [html("Create one at https://example.com/app-passwords. Then paste it."), html("(https://a.example/x)"), html("no link")];
  });
  assert.deepEqual(got, [
    'Create one at <a href="https://example.com/app-passwords" target="_blank" rel="noopener noreferrer">https://example.com/app-passwords</a>. Then paste it.',
    '(<a href="https://a.example/x" target="_blank" rel="noopener noreferrer">https://a.example/x</a>)',
    "no link",
  ]);
});
