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
import { ROOT } from "./harness.mjs";

const MODULES = join(ROOT, "tests/node/node_modules");
const openidClient = await import(pathToFileURL(join(MODULES, "openid-client/build/index.js")).href);
const { createSignIn, SignInAgain, OAUTH_PRESETS } = await import(pathToFileURL(join(ROOT, "web/smtp-doctor/oauth.js")).href);

let server;
let issuer;

async function freePort() {
  const s = createServer().listen(0, "127.0.0.1");
  await once(s, "listening");
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

before(async () => {
  const port = await freePort();
  server = spawn("node", [join(ROOT, "crates/probe/tests/servers/oauth_server.mjs"), String(port), MODULES], {
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
  const signIn = await createSignIn({
    issuer,
    scope: "openid email offline_access smtp.send",
    clientId: "smtp-app",
    clientSecret: "smtp-app-secret",
    redirectUri,
    authorizationParameters: { prompt: "consent" },
    openidClient,
    allowHttp: true,
  });
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
