/** The providers an SMTP connection signs in with, and what they need. */
export interface OAuthPreset {
  /** The provider's name, as the sign-in button shows it. */
  name: string;
  /** The issuer for a tenant (Microsoft: `organizations` by default). */
  issuer(tenant?: string): string;
  /** Scopes to request: SMTP's own (never a Graph scope), with a refresh token. */
  scope: string;
  authorizationParameters: Readonly<Record<string, string>>;
  /** The SMTP settings that go with the sign-in. */
  smtp: { host: string; port: number; security: "tls" | "starttls"; auth: "oauth2" };
}

export declare const OAUTH_PRESETS: Readonly<{ microsoft: OAuthPreset; google: OAuthPreset }>;

export interface SignInOptions {
  /** A preset; or give `issuer` and `scope` for any standards-conformant server. */
  provider?: "microsoft" | "google";
  /** Microsoft: the tenant (id or domain); default `organizations`. */
  tenant?: string;
  issuer?: string;
  scope?: string;
  clientId: string;
  /** A confidential client's secret (the backend keeps it). */
  clientSecret?: string;
  redirectUri: string;
  /** Extra authorization request parameters (e.g. `prompt`, `login_hint`). */
  authorizationParameters?: Record<string, string>;
  /** The `openid-client` module, if not importable as `openid-client`. */
  openidClient?: unknown;
  /** Allow http:// issuers (tests against a local server only). */
  allowHttp?: boolean;
}

export interface SignInStart {
  /** Where to send the customer (a popup or a redirect). */
  url: string;
  /** Keep both in the customer's server-side session until the redirect comes back. */
  state: string;
  codeVerifier: string;
}

export interface SignInTokens {
  /** Short-lived: what the probe and the settings get. */
  accessToken: string;
  /** Stays in your backend; never sent to a page or to the probe. */
  refreshToken?: string;
  /** Milliseconds since the epoch. */
  expiresAt?: number;
  /** The signed-in address (the SMTP username), from the ID token. */
  username?: string;
  scope?: string;
}

export interface SignIn {
  smtp?: OAuthPreset["smtp"];
  start(): Promise<SignInStart>;
  finish(currentUrl: string | URL, session: { state: string; codeVerifier: string }): Promise<SignInTokens>;
  refresh(refreshToken: string): Promise<SignInTokens>;
}

export declare function createSignIn(options: SignInOptions): Promise<SignIn>;

/** The provider refused a refresh (`invalid_grant`): ask the customer to sign in again. */
export declare class SignInAgain extends Error {
  readonly reason: string;
  readonly description?: string;
}

/** The page your sign-in callback answers with: posts `result` to the opener at `origin`, then closes. */
export declare function callbackPage(options: {
  origin: string;
  result:
    | { request: string; username?: string; accessToken: string; expiresAt?: number; settings?: Record<string, unknown> }
    | { request: string; error: string };
}): string;
