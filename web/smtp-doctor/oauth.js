// The backend half of "Sign in with Microsoft / Google" for an SMTP
// connection: the authorization-code flow with PKCE and `state`, the code
// exchange, and refreshing, on openid-client (a certified OpenID Connect
// relying party) — never hand-written OAuth.
//
// The refresh token stays in the integrator's backend: it is what this
// module returns from `finish()` and takes in `refresh()`. The probe (and
// the page) only ever get a short-lived access token. A refresh the
// provider refuses (`invalid_grant`: revoked, expired, password changed,
// consent withdrawn) throws `SignInAgain` with the provider's reason, so
// the app can ask the customer to sign in again instead of failing later.
//
// Node only; `openid-client` is an optional peer dependency, loaded on
// first use (or passed as `openidClient`).

import { SIGN_IN_PROVIDERS } from "./lib/sign-in.js";

/** The providers an SMTP connection signs in with, and what they need. */
export const OAUTH_PRESETS = SIGN_IN_PROVIDERS;

/** The provider refused a refresh: the customer must sign in again. */
export class SignInAgain extends Error {
  /**
   * @param {string} reason the OAuth error (`invalid_grant`, …)
   * @param {string | undefined} description the provider's words, if any
   */
  constructor(reason, description) {
    super(description ? `sign in again: ${description}` : "sign in again");
    this.name = "SignInAgain";
    this.reason = reason;
    this.description = description;
  }
}

/**
 * A sign-in for SMTP with one provider. `provider` picks a preset
 * (`microsoft`, `google`); `issuer` (any standards-conformant server) and
 * `scope` override it.
 * @param {import("./oauth.d.ts").SignInOptions} options
 */
export async function createSignIn(options) {
  const {
    provider,
    tenant,
    clientId,
    clientSecret,
    redirectUri,
    openidClient,
    allowHttp = false,
  } = options ?? {};
  const preset = provider ? OAUTH_PRESETS[provider] : undefined;
  if (provider && !preset) throw new TypeError(`createSignIn: unknown provider ${JSON.stringify(provider)} (microsoft, google)`);
  const issuer = options.issuer ?? preset?.issuer(tenant);
  const scope = options.scope ?? preset?.scope;
  if (!issuer || !scope) throw new TypeError("createSignIn: give a provider, or an issuer and a scope");
  if (!clientId || !redirectUri) throw new TypeError("createSignIn: clientId and redirectUri are required");
  const oidc = openidClient ?? (await import("openid-client"));
  const execute = allowHttp ? [oidc.allowInsecureRequests] : [];
  const config = await oidc.discovery(new URL(issuer), clientId, clientSecret, undefined, { execute });
  const extra = { ...(preset?.authorizationParameters ?? {}), ...(options.authorizationParameters ?? {}) };

  /** Access token, expiry and the signed-in address, from a token response. */
  const read = (tokens) => {
    const claims = tokens.claims?.();
    return {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      expiresAt: typeof tokens.expires_in === "number" ? Date.now() + tokens.expires_in * 1000 : undefined,
      username: claims?.email ?? claims?.preferred_username ?? claims?.upn,
      scope: tokens.scope,
    };
  };

  return {
    /** SMTP settings that go with this provider (preset only). */
    smtp: preset ? { ...preset.smtp } : undefined,

    /**
     * Where to send the customer, and what to keep in their session until
     * they come back (never in the page: the verifier proves the code is
     * theirs).
     */
    async start() {
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope,
        state,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
        ...extra,
      });
      return { url: url.href, state, codeVerifier };
    },

    /**
     * The redirect back (its full URL), checked against what `start`
     * returned; the tokens. Keep `refreshToken` server-side.
     */
    async finish(currentUrl, { state, codeVerifier }) {
      const tokens = await oidc.authorizationCodeGrant(config, new URL(currentUrl), {
        pkceCodeVerifier: codeVerifier,
        expectedState: state,
      });
      return read(tokens);
    },

    /** A fresh access token; `SignInAgain` when the provider says no. */
    async refresh(refreshToken) {
      try {
        return read(await oidc.refreshTokenGrant(config, refreshToken));
      } catch (e) {
        if (e?.error === "invalid_grant") throw new SignInAgain(e.error, e.error_description);
        throw e;
      }
    },
  };
}

/**
 * The page the sign-in's redirect lands on (your callback route answers
 * with it): it hands `result` to the window that opened the popup — only
 * if that window is at `origin` — and closes. `result` is what the page
 * may see: `{ request, username, accessToken, expiresAt, settings }`, or
 * `{ request, error }`. Never put a refresh token in it.
 */
export function callbackPage({ origin, result }) {
  if (!origin) throw new TypeError("callbackPage: origin (your page's origin) is required");
  if (result && "refreshToken" in result) throw new TypeError("callbackPage: a refresh token stays in the backend");
  // JSON inside <script>: `<` escaped so no text can close the element.
  const json = (v) => JSON.stringify(v).replace(/</g, "\\u003c");
  const message = { type: "smtp-doctor:connected", ...result };
  return `<!doctype html><meta charset="utf-8"><title>Signed in</title><p>You can close this window.</p>
<script>window.opener && window.opener.postMessage(${json(message)}, ${json(origin)}); window.close();</script>`;
}
