// What the sign-in tests share: the integrator's app (its page and the
// backend routes that run `smtp-doctor/oauth` and `smtp-doctor/server`),
// and filling the test provider's (node-oidc-provider's) own login and
// consent pages — scripted over HTTP, or in a Chromium popup.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer } from "node:net";
import { once } from "node:events";
import { extname, join, normalize } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "./harness.mjs";

export const MODULES = join(ROOT, "tests/node/node_modules");
const openidClient = await import(pathToFileURL(join(MODULES, "openid-client/build/index.js")).href);
export const oauth = await import(pathToFileURL(join(ROOT, "web/smtp-doctor/oauth.js")).href);
export const server = await import(pathToFileURL(join(ROOT, "web/smtp-doctor/server.js")).href);

/** A port free on loopback just now. */
export async function freePort() {
  const s = createServer().listen(0, "127.0.0.1");
  await once(s, "listening");
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

/** The app's sign-in at the test provider (consent asked, so a refresh token comes). */
export function signInTo(issuer, redirectUri) {
  return oauth.createSignIn({
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

/** Follows the provider's redirects and fills its login and consent forms as `user`; the redirect back. */
export async function signInAs(url, user, redirectUri) {
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

/** The provider's login and consent pages in a Chromium popup, as `user`. */
export async function fillProviderPages(popup, user) {
  // Where the provider's pages go wrong, say what the page showed.
  const step = (what, action) => action().catch(async (e) => {
    const shown = popup.isClosed() ? "(closed)" : `${popup.url()}: ${(await popup.textContent("body").catch(() => "")).trim().slice(0, 400)}`;
    throw new Error(`the provider's pages, ${what}: ${e.message.split("\n")[0]}; the page: ${shown}`);
  });
  await step("login", () => popup.waitForSelector('input[name="login"]', { timeout: 15_000 }));
  await popup.fill('input[name="login"]', user);
  await popup.fill('input[name="password"]', "any");
  await popup.click('button[type="submit"]');
  await step("consent", () => popup.waitForSelector('button[type="submit"]', { timeout: 15_000 }));
  await popup.click('button[type="submit"]');
}

const TYPES = { ".js": "text/javascript", ".json": "application/json", ".wasm": "application/wasm" };

/**
 * The integrator's app on `port`: `page` at `/`, the package at `/pkg/`,
 * `/oauth/start` and `/oauth/callback` (smtp-doctor/oauth, with `settings`
 * handed to the page beside the token), and `/save`, which keeps settings
 * only with an attestation `smtp-doctor/server` accepts under
 * `attestationKey`.
 */
export async function integratorApp({ port, issuer, page, settings = { auth: "oauth2" }, attestationKey }) {
  const origin = `http://127.0.0.1:${port}`;
  const signIn = await signInTo(issuer, `${origin}/oauth/callback`);
  const sessions = new Map();
  const seen = { refreshTokens: [], saved: [], refused: [] };
  const pkg = join(ROOT, "web/smtp-doctor");
  const app = createHttpServer(async (req, res) => {
    const url = new URL(req.url, origin);
    try {
      if (url.pathname === "/") {
        res.writeHead(200, { "content-type": "text/html" });
        return res.end(page);
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
        seen.refreshTokens.push(tokens.refreshToken);
        res.writeHead(200, { "content-type": "text/html" });
        return res.end(oauth.callbackPage({
          origin,
          result: { request: session.request, username: tokens.username, accessToken: tokens.accessToken, expiresAt: tokens.expiresAt, settings },
        }));
      }
      if (url.pathname === "/save" && req.method === "POST") {
        let body = "";
        for await (const chunk of req) body += chunk;
        const { settings: saving, attestation } = JSON.parse(body);
        const verdict = server.verifyAttestation(attestation, attestationKey, saving);
        (verdict.ok ? seen.saved : seen.refused).push(verdict.ok ? saving : verdict.reason);
        res.writeHead(verdict.ok ? 200 : 400, { "content-type": "application/json" });
        return res.end(JSON.stringify(verdict.ok ? { saved: true } : { reason: verdict.reason }));
      }
      if (url.pathname.startsWith("/pkg/")) {
        const file = normalize(join(pkg, url.pathname.slice(5)));
        if (!file.startsWith(pkg)) throw new Error("outside the package");
        res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
        return res.end(readFileSync(file));
      }
      res.writeHead(404).end();
    } catch (e) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(e?.stack ?? e));
    }
  });
  app.listen(port, "127.0.0.1");
  await once(app, "listening");
  return { app, origin, seen };
}
