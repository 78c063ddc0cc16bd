// The backend half of the sign-in (`smtp-doctor/oauth`) against a real
// authorization server, node-oidc-provider: the code flow with PKCE and
// state through its own login and consent pages, the token exchange, a
// refresh, and a refresh after the customer's grant was revoked, which
// must read "sign in again" with the provider's reason. Then the browser
// half in Chromium: `connect()` and `<smtp-doctor-connect>`. (The whole
// path to a passed test and a saved attestation, against Postfix with
// Dovecot checking the token, runs from crates/probe/tests/oauth.rs with
// tests/e2e/sign_in_to_save.mjs.)
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { ROOT, launchChromium } from "./harness.mjs";
import { MODULES, fillProviderPages, freePort, integratorApp, oauth, server as backend, signInAs, signInTo } from "./oauth_app.mjs";

const { SignInAgain, OAUTH_PRESETS, createSignIn } = oauth;

let server;
let issuer;
/** The integrator's app (its page and its backend routes), on its own port. */
let appPort;

before(async () => {
  const port = await freePort();
  appPort = await freePort();
  server = spawn("node", [join(ROOT, "crates/probe/tests/servers/oauth_server.mjs"), String(port), MODULES], {
    env: { ...process.env, SMTP_DOCTOR_REDIRECT_URIS: `http://127.0.0.1:${appPort}/oauth/callback` },
    stdio: ["pipe", "pipe", process.env.SMTP_DOCTOR_DEBUG ? "inherit" : "ignore"],
  });
  const [line] = await Promise.race([
    once(server.stdout, "data"),
    new Promise((_, no) => setTimeout(() => no(new Error("the provider did not start")), 15_000)),
  ]);
  issuer = JSON.parse(String(line)).issuer;
});

after(() => server?.kill());

async function introspect(token) {
  const res = await fetch(`${issuer}/token/introspection`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from("dovecot:dovecot-introspection-secret").toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ token }),
  });
  return res.json();
}

test("sign in, use the token, refresh it, and after revocation: sign in again", async () => {
  const redirectUri = `${issuer}/callback`;
  const signIn = await signInTo(issuer, redirectUri);
  const started = await signIn.start();
  const url = new URL(started.url);
  assert.equal(url.searchParams.get("code_challenge_method"), "S256");
  assert.equal(url.searchParams.get("state"), started.state);
  assert.ok(!started.url.includes(started.codeVerifier), "the verifier never leaves the backend");

  const back = await signInAs(started.url, "me@example.com", redirectUri);
  // A redirect with another state is refused (CSRF).
  await assert.rejects(signIn.finish(back, { ...started, state: "forged" }));
  const tokens = await signIn.finish(back, started);
  assert.equal(tokens.username, "me@example.com");
  assert.ok(tokens.refreshToken, "offline_access gives a refresh token to the backend");
  assert.ok(tokens.expiresAt > Date.now());
  // What the submission server's Dovecot will see.
  const seen = await introspect(tokens.accessToken);
  assert.equal(seen.active, true);
  assert.equal(seen.sub, "me@example.com");
  assert.match(seen.scope, /\bsmtp\.send\b/);

  const fresh = await signIn.refresh(tokens.refreshToken);
  assert.notEqual(fresh.accessToken, tokens.accessToken);
  assert.equal((await introspect(fresh.accessToken)).active, true);

  // The customer withdraws the app's access: the refresh token is revoked.
  const latest = fresh.refreshToken ?? tokens.refreshToken;
  const revoked = await fetch(`${issuer}/token/revocation`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from("smtp-app:smtp-app-secret").toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ token: latest, token_type_hint: "refresh_token" }),
  });
  assert.equal(revoked.status, 200);
  await assert.rejects(signIn.refresh(latest), (e) => {
    assert.ok(e instanceof SignInAgain, String(e));
    assert.equal(e.reason, "invalid_grant");
    return true;
  });
});

test("the presets ask for SMTP's scopes, not Graph's", async () => {
  assert.match(OAUTH_PRESETS.microsoft.scope, /https:\/\/outlook\.office\.com\/SMTP\.Send/);
  assert.match(OAUTH_PRESETS.microsoft.scope, /offline_access/);
  assert.doesNotMatch(OAUTH_PRESETS.microsoft.scope, /graph/);
  assert.equal(OAUTH_PRESETS.microsoft.issuer("contoso.onmicrosoft.com"), "https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0");
  assert.match(OAUTH_PRESETS.google.scope, /https:\/\/mail\.google\.com\//);
  assert.equal(OAUTH_PRESETS.google.authorizationParameters.access_type, "offline");
  await assert.rejects(createSignIn({ provider: "yahoo", clientId: "x", redirectUri: "x" }), /unknown provider/);
  // The backend half is also where the attestations are: smtp-doctor/server.
  assert.equal(backend.createSignIn, createSignIn);
  assert.equal(backend.callbackPage, oauth.callbackPage);
});

const CONNECT_PAGE = `<!doctype html><button id="go">Sign in</button><script type="module">
  import { connect } from "/pkg/index.js";
  document.getElementById("go").onclick = () => {
    window.result = null;
    connect({ start: "/oauth/start" }).then((r) => { window.result = r; }, (e) => { window.result = { error: e.code }; });
  };
</script>`;

test("the sign-in popup in Chromium: the provider's pages, the token back in the page, cancel", async () => {
  const { app, origin, seen } = await integratorApp({ port: appPort, issuer, page: CONNECT_PAGE });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    const started = Date.now();
    const [popup] = await Promise.all([page.waitForEvent("popup"), page.click("#go")]);
    // The authorization server's own login and consent pages.
    await fillProviderPages(popup, "me@example.com");
    await page.waitForFunction(() => window.result, null, { timeout: 20_000 });
    const elapsed = Date.now() - started;
    const result = await page.evaluate(() => window.result);
    assert.equal(result.error, undefined, JSON.stringify(result));
    assert.equal(result.username, "me@example.com");
    assert.equal(result.settings.auth, "oauth2");
    assert.ok(!("refreshToken" in result), "no refresh token reaches the page");
    assert.ok(seen.refreshTokens[0], "the backend keeps it");
    assert.equal((await introspect(result.accessToken)).active, true);
    assert.ok(popup.isClosed(), "the popup closes itself");
    console.log(`sign-in: button to token in the page in ${elapsed} ms`);

    // Closed by the customer: cancelled, not a hang.
    const [second] = await Promise.all([page.waitForEvent("popup"), page.click("#go")]);
    // Signed in at the provider already: its consent page, then closed.
    await second.waitForSelector('button[type="submit"]');
    await second.close();
    await page.waitForFunction(() => window.result, null, { timeout: 10_000 });
    assert.deepEqual(await page.evaluate(() => window.result), { error: "cancelled" });
  } finally {
    await browser.close();
    app.close();
  }
});

const ELEMENT_PAGE = `<!doctype html><html lang="en">
<form id="settings">
  <input name="host"> <input name="port">
  <select name="security"><option value="tls">TLS</option><option value="starttls">STARTTLS</option><option value="none">None</option></select>
  <input name="username"> <input name="password" type="password"> <input name="from">
</form>
<smtp-doctor-connect provider="microsoft" start="/oauth/start" for="settings"></smtp-doctor-connect>
<script type="module">
  import "/pkg/elements/connect.js";
  const el = document.querySelector("smtp-doctor-connect");
  window.events = [];
  for (const name of ["connected", "apply", "error"]) {
    el.addEventListener("smtp-doctor:" + name, (e) => window.events.push({ name, detail: e.detail }));
  }
</script>`;

test("<smtp-doctor-connect>: the sign-in fills the form (provider's server, oauth2, username, token), cancel, a blocked popup", async () => {
  const { app, origin } = await integratorApp({ port: appPort, issuer, page: ELEMENT_PAGE });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    await page.waitForSelector("smtp-doctor-connect[ready]");
    assert.equal((await page.textContent("smtp-doctor-connect #connect-button")).trim(), "Sign in with Microsoft");

    const [popup] = await Promise.all([page.waitForEvent("popup"), page.click("smtp-doctor-connect #connect-button")]);
    assert.equal(await page.isDisabled("smtp-doctor-connect #connect-button"), true, "one sign-in at a time");
    await fillProviderPages(popup, "me@example.com");
    await page.waitForFunction(() => window.events.some((e) => e.name === "connected"), null, { timeout: 20_000 });
    const form = await page.evaluate(() => Object.fromEntries(new FormData(document.getElementById("settings"))));
    // The preset's server, the sign-in's address as username and From, and the token in hidden fields.
    assert.equal(form.host, "smtp.office365.com");
    assert.equal(form.port, "587");
    assert.equal(form.security, "starttls");
    assert.equal(form.username, "me@example.com");
    assert.equal(form.from, "me@example.com");
    assert.equal(form.auth, "oauth2");
    assert.equal((await introspect(form.accessToken)).active, true, "the token the provider issued");
    assert.equal(await page.locator('#settings input[type="hidden"][name="accessToken"]').count(), 1);
    const connected = await page.evaluate(() => window.events.find((e) => e.name === "connected").detail);
    assert.equal(connected.username, "me@example.com");
    assert.ok(connected.expiresAt > Date.now());
    assert.match(await page.textContent("smtp-doctor-connect #connect-status"), /Signed in as me@example\.com/);
    assert.equal((await page.textContent("smtp-doctor-connect #connect-button")).trim(), "Sign in again");

    // Cancel while the window is open: it closes, and the status says so.
    const [second] = await Promise.all([page.waitForEvent("popup"), page.click("smtp-doctor-connect #connect-button")]);
    await second.waitForSelector('button[type="submit"]');
    await page.click("smtp-doctor-connect #connect-cancel");
    await page.waitForFunction(() => window.events.some((e) => e.name === "error"), null, { timeout: 10_000 });
    assert.match(await page.textContent("smtp-doctor-connect #connect-status"), /Sign-in cancelled/);
    await second.waitForEvent("close", { timeout: 5_000 }).catch(() => {});
    assert.ok(second.isClosed(), "the sign-in window closes on cancel");
    assert.equal(await page.isDisabled("smtp-doctor-connect #connect-button"), false);

    // A browser that blocks the window: named, with what to do.
    await page.evaluate(() => { window.open = () => null; window.events.length = 0; });
    await page.click("smtp-doctor-connect #connect-button");
    await page.waitForFunction(() => window.events.some((e) => e.name === "error"));
    assert.equal(await page.evaluate(() => window.events[0].detail.kind), "popup-blocked");
    assert.match(await page.textContent("smtp-doctor-connect #connect-status"), /blocked the sign-in window/);

    // Removed from the page: the hidden fields it added go with it.
    await page.evaluate(() => document.querySelector("smtp-doctor-connect").remove());
    assert.equal(await page.locator('#settings input[type="hidden"]').count(), 0);
  } finally {
    await browser.close();
    app.close();
  }
});
