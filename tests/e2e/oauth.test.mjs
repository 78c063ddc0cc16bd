// The backend half of the sign-in (`smtp-doctor/oauth`) against a real
// authorization server, node-oidc-provider: the code flow with PKCE and
// state through its own login and consent pages, the token exchange, a
// refresh, and a refresh after the customer's grant was revoked, which
// must read "sign in again" with the provider's reason.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { once } from "node:events";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createServer as createHttpServer } from "node:http";
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { ROOT, launchChromium } from "./harness.mjs";

const MODULES = join(ROOT, "tests/node/node_modules");
const openidClient = await import(pathToFileURL(join(MODULES, "openid-client/build/index.js")).href);
const { createSignIn, SignInAgain, OAUTH_PRESETS, callbackPage } = await import(pathToFileURL(join(ROOT, "web/smtp-doctor/oauth.js")).href);

let server;
let issuer;
/** The integrator's app (its page and its backend routes), on its own port. */
let appPort;

async function freePort() {
  const s = createServer().listen(0, "127.0.0.1");
  await once(s, "listening");
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

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

/** Follows the provider's redirects and fills its login and consent forms as `user`; the redirect back. */
async function signInAs(url, user, redirectUri) {
  const cookies = new Map();
  const keep = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair.indexOf("=");
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const headers = () => ({ cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") });
  let next = new URL(url);
  let body;
  for (let hop = 0; hop < 20; hop++) {
    const res = await fetch(next, body ? { method: "POST", body, headers: { ...headers(), "content-type": "application/x-www-form-urlencoded" }, redirect: "manual" } : { headers: headers(), redirect: "manual" });
    keep(res);
    body = undefined;
    const location = res.headers.get("location");
    if (location) {
      const to = new URL(location, next);
      if (to.href.startsWith(redirectUri)) return to.href;
      next = to;
      continue;
    }
    const html = await res.text();
    const form = html.match(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/);
    assert.ok(form, `no form at ${next}: ${html.slice(0, 300)}`);
    const fields = new URLSearchParams();
    for (const [tag] of form[2].matchAll(/<input[^>]*>/g)) {
      const name = tag.match(/name="([^"]+)"/)?.[1];
      if (name) fields.set(name, tag.match(/value="([^"]*)"/)?.[1] ?? "");
    }
    if (fields.has("login")) fields.set("login", user);
    if (fields.has("password")) fields.set("password", "any");
    next = new URL(form[1], next);
    body = fields.toString();
  }
  throw new Error("too many hops");
}

/** The app's sign-in at the test provider (consent asked, so a refresh token comes). */
function signInTo(redirectUri) {
  return createSignIn({
    issuer,
    scope: "openid email offline_access smtp.send",
    clientId: "smtp-app",
    clientSecret: "smtp-app-secret",
    redirectUri,
    authorizationParameters: { prompt: "consent" },
    openidClient,
    allowHttp: true,
  });
}

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
  const signIn = await signInTo(redirectUri);
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
});

/**
 * The integrator's app: a page with a "Sign in" button using the package's
 * `connect()`, and the two backend routes that run `smtp-doctor/oauth`.
 */
async function integratorApp() {
  const origin = `http://127.0.0.1:${appPort}`;
  const redirectUri = `${origin}/oauth/callback`;
  const signIn = await signInTo(redirectUri);
  const sessions = new Map();
  const refreshTokens = [];
  const types = { ".js": "text/javascript", ".json": "application/json", ".wasm": "application/wasm" };
  const app = createHttpServer(async (req, res) => {
    const url = new URL(req.url, origin);
    try {
      if (url.pathname === "/") {
        res.writeHead(200, { "content-type": "text/html" });
        return res.end(`<!doctype html><button id="go">Sign in</button><script type="module">
          import { connect } from "/pkg/index.js";
          document.getElementById("go").onclick = () => {
            window.result = null;
            connect({ start: "/oauth/start" }).then((r) => { window.result = r; }, (e) => { window.result = { error: e.code }; });
          };
        </script>`);
      }
      if (url.pathname === "/oauth/start") {
        const started = await signIn.start();
        sessions.set(started.state, { ...started, request: url.searchParams.get("request") });
        res.writeHead(302, { location: started.url });
        return res.end();
      }
      if (url.pathname === "/oauth/callback") {
        const session = sessions.get(url.searchParams.get("state"));
        sessions.delete(url.searchParams.get("state"));
        const tokens = await signIn.finish(url, session);
        refreshTokens.push(tokens.refreshToken);
        res.writeHead(200, { "content-type": "text/html" });
        return res.end(callbackPage({
          origin,
          result: {
            request: session.request,
            username: tokens.username,
            accessToken: tokens.accessToken,
            expiresAt: tokens.expiresAt,
            settings: { auth: "oauth2" },
          },
        }));
      }
      if (url.pathname.startsWith("/pkg/")) {
        const file = join(ROOT, "web/smtp-doctor", url.pathname.slice(5));
        if (!file.startsWith(join(ROOT, "web/smtp-doctor"))) throw new Error("outside");
        res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
        return res.end(readFileSync(file));
      }
      res.writeHead(404).end();
    } catch (e) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(e?.stack ?? e));
    }
  });
  app.listen(appPort, "127.0.0.1");
  await once(app, "listening");
  return { app, origin, refreshTokens };
}

test("the sign-in popup in Chromium: the provider's pages, the token back in the page, cancel", async () => {
  const { app, origin, refreshTokens } = await integratorApp();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    const started = Date.now();
    const [popup] = await Promise.all([page.waitForEvent("popup"), page.click("#go")]);
    // The authorization server's own login and consent pages.
    await popup.waitForSelector('input[name="login"]');
    await popup.fill('input[name="login"]', "me@example.com");
    await popup.fill('input[name="password"]', "any");
    await popup.click('button[type="submit"]');
    await popup.waitForSelector('button[type="submit"]');
    await popup.click('button[type="submit"]');
    await page.waitForFunction(() => window.result, null, { timeout: 20_000 });
    const elapsed = Date.now() - started;
    const result = await page.evaluate(() => window.result);
    assert.equal(result.error, undefined, JSON.stringify(result));
    assert.equal(result.username, "me@example.com");
    assert.equal(result.settings.auth, "oauth2");
    assert.ok(!("refreshToken" in result), "no refresh token reaches the page");
    assert.ok(refreshTokens[0], "the backend keeps it");
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
