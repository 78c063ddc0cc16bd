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
export function configDigest(settings: Record<string, unknown>): string;
export type Verdict =
  | { ok: true; claims: { config: string; ok: true; checks: string[]; iat: number } }
  | { ok: false; reason: "malformed" | "signature" | "other-settings" | "not-ok" | "stale" };
export function verifyAttestation(
  token: string,
  key: string,
  settings: Record<string, unknown>,
  options?: { maxAgeSeconds?: number; now?: number },
): Verdict;
