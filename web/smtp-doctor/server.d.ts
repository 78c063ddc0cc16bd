// Types of smtp-doctor/server (Node).
export interface TokenOptions {
  /** Routes the token opens; default ["probe", "discover"]. */
  scope?: Array<"probe" | "discover" | "validate">;
  /** Rate-limit key, e.g. your customer's id. */
  sub?: string;
  /** Lifetime, 1–600 s; default 300. */
  ttlSeconds?: number;
  now?: number;
}
export function mintToken(key: string, options?: TokenOptions): string;
export type Check = "connect" | "tls" | "auth" | "sender" | "send" | "domain" | "arrival";
/** Fields whose value the digest holds only as an HMAC under the attestation key. */
export const SECRET_FIELDS: readonly ["password", "pass", "accessToken"];
export const DEFAULT_REQUIRED_CHECKS: readonly ["connect", "tls", "auth"];
export function configDigest(settings: Record<string, unknown>, key: string): string;
export interface AttestationClaims {
  config: string;
  ok: true;
  /** The checks that were asked for. */
  checks: Check[];
  /** The checks whose steps passed. */
  passed: Check[];
  iat: number;
}
export type Verdict =
  | { ok: true; claims: AttestationClaims }
  | { ok: false; reason: "malformed" | "signature" | "other-settings" | "not-ok" | "stale" }
  | { ok: false; reason: "missing-checks"; missing: Check[] };
export interface VerifyOptions {
  /** Oldest accepted; default 600 s. */
  maxAgeSeconds?: number;
  now?: number;
  /** Checks that must have passed; default ["connect", "tls", "auth"]. */
  requiredChecks?: readonly Check[];
}
export function verifyAttestation(
  token: string,
  key: string,
  settings: Record<string, unknown>,
  options?: VerifyOptions,
): Verdict;

/** Verifies a monitor's webhook (Standard Webhooks) from its raw body, headers and `whsec_…` secret. */
export function verifyWebhook(
  body: string | Uint8Array,
  headers: Headers | Record<string, string | string[] | undefined>,
  secret: string,
  options?: { now?: number; toleranceSeconds?: number },
):
  | { ok: true; id: string; timestamp: number }
  | { ok: false; reason: "missing-headers" | "bad-timestamp" | "stale" | "bad-signature" };

export { OAUTH_PRESETS, SignInAgain, callbackPage, createSignIn } from "./oauth.js";
export type { OAuthPreset, SignInOptions } from "./oauth.js";
