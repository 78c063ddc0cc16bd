// An OpenID Connect provider we did not write — node-oidc-provider,
// OpenID Certified — on loopback, for the OAuth2 tests: it issues the
// access tokens the probe sends and answers the submission server's token
// introspection (RFC 7662), so expiry, revocation and scopes are judged by
// it, not by us.
//
// Usage: node oauth_server.mjs PORT NODE_MODULES. Prints one JSON line
// when listening. (ES modules ignore NODE_PATH: the package is imported
// from the test tools' folder by path.)
// Besides the provider's own endpoints, loopback-only test endpoints stand
// in for a completed sign-in (the browser tests do the real one):
//   POST /test/token  {user, scope, ttl, aud?} → {token}   an access token
//                     (aud: issued for another API, as a Graph token is)
//   POST /test/revoke {token}             → {}        revoked at once
import http from "node:http";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const port = Number(process.argv[2]);
const modules = process.argv[3];
if (!Number.isInteger(port) || port <= 0 || !modules) {
  console.error("usage: node oauth_server.mjs PORT NODE_MODULES");
  process.exit(2);
}
const { default: Provider } = await import(pathToFileURL(join(modules, "oidc-provider/lib/index.js")).href);
const issuer = `http://127.0.0.1:${port}`;
// The audience of tokens for the submission server.
const SMTP_AUDIENCE = "smtp";
const provider = new Provider(issuer, {
  clients: [
    // The submission server's Dovecot, calling introspection.
    { client_id: "dovecot", client_secret: "dovecot-introspection-secret", grant_types: [], response_types: [], redirect_uris: [] },
    // The integrator's app, to which the customer signs in.
    {
      client_id: "smtp-app",
      client_secret: "smtp-app-secret",
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      // SMTP_DOCTOR_REDIRECT_URIS: an integrator's callbacks (comma-separated).
      redirect_uris: [`${issuer}/callback`, ...(process.env.SMTP_DOCTOR_REDIRECT_URIS?.split(",").filter(Boolean) ?? [])],
    },
  ],
  scopes: ["openid", "email", "offline_access", "smtp.send"],
  claims: { email: ["email"] },
  // The address in the ID token itself, as Microsoft and Google put it.
  conformIdTokenClaims: false,
  // Every test account exists; its address is its id.
  findAccount: (ctx, id) => ({ accountId: id, claims: () => ({ sub: id, email: id }) }),
  features: {
    // The submission server (Dovecot) learns only of tokens meant for it:
    // one issued for another API (an `aud` that is not SMTP's, as a
    // Graph token is) reads as inactive, as at Microsoft.
    introspection: {
      enabled: true,
      allowedPolicy: async (ctx, client, token) =>
        client.clientId !== "dovecot" || !token.aud || [token.aud].flat().includes(SMTP_AUDIENCE),
    },
    revocation: { enabled: true },
  },
  ttl: { AccessToken: 3600 },
});
provider.proxy = false;
provider.on("server_error", (ctx, err) => console.error("server_error", err));

const callback = provider.callback();

async function body(req) {
  let text = "";
  for await (const chunk of req) {
    text += chunk;
    if (text.length > 16 * 1024) throw new Error("body too large");
  }
  return text ? JSON.parse(text) : {};
}

function reply(res, status, value) {
  const text = JSON.stringify(value);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer(async (req, res) => {
  try {
    if (req.method === "POST" && req.url === "/test/token") {
      const { user, scope = "smtp.send", ttl = 3600, aud } = await body(req);
      const client = await provider.Client.find("smtp-app");
      const token = new provider.AccessToken({ accountId: user, client, scope, expiresIn: ttl, gty: "authorization_code" });
      if (typeof aud === "string") token.setAudience(aud);
      return reply(res, 200, { token: await token.save() });
    }
    if (req.method === "POST" && req.url === "/test/revoke") {
      const { token } = await body(req);
      const found = await provider.AccessToken.find(token);
      await found?.destroy();
      return reply(res, 200, { revoked: Boolean(found) });
    }
    return callback(req, res);
  } catch (e) {
    return reply(res, 500, { error: String(e?.message ?? e) });
  }
});
// Dovecot keeps its connection for later introspections.
server.keepAliveTimeout = 60_000;
server.listen(port, "127.0.0.1", () => {
  console.log(JSON.stringify({ issuer, introspection: `${issuer}/token/introspection` }));
});
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.close(() => process.exit(0)));
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
