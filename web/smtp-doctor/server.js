// The integrator's Node backend side of smtp-doctor (SPEC §7.6): mint the
// short-lived token a settings page sends to the test service, verify
// the attestation a report carries before saving the settings, and verify
// the monitors' webhooks (`verifyWebhook`).
//
// The report's `attestation` is a compact JWS (HS256) over
// { config, ok, checks, passed, iat }, where `config` is the SHA-256 hex
// of the canonical settings JSON (keys sorted, no whitespace, integers
// only) with each secret (password, pass, accessToken) replaced by its
// HMAC-SHA256 hex under the attestation key — keyed, because the browser
// can read the payload and an unkeyed hash of a password falls to a
// dictionary — and `passed` the checks whose steps passed. Call it with
// the settings you are about to save; save only when it returns
// { ok: true }. The Rust twin is `smtp_doctor_probe::attestation::verify`.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

const b64url = (value) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

/**
 * A token for one customer's page, signed with one of the service's
 * `--token-key`s: valid for `ttlSeconds` (at most 600, the service's
 * limit), for the routes in `scope`, rate-limited per `sub`.
 * @param {string} key
 * @param {{ scope?: string[], sub?: string, ttlSeconds?: number, now?: number }} [options]
 */
export function mintToken(key, options = {}) {
  const { scope = ["probe", "discover"], sub, ttlSeconds = 300, now = Math.floor(Date.now() / 1000) } = options;
  if (typeof key !== "string" || Buffer.byteLength(key) < 16) throw new Error("smtp-doctor: a token key is at least 16 bytes, as the service requires");
  if (!(ttlSeconds > 0 && ttlSeconds <= 600)) throw new Error("smtp-doctor: ttlSeconds is 1 to 600");
  const claims = { exp: now + Math.floor(ttlSeconds), scope: scope.join(" ") };
  if (sub !== undefined) claims.sub = String(sub);
  const signing = `${b64url({ alg: "HS256", typ: "JWT" })}.${b64url(claims)}`;
  return `${signing}.${createHmac("sha256", key).update(signing).digest("base64url")}`;
}

const sha256hex = (text) => createHash("sha256").update(text, "utf8").digest("hex");

/** The settings fields that hold a secret: the digest has their HMAC. */
export const SECRET_FIELDS = Object.freeze(["password", "pass", "accessToken"]);
/** What verifyAttestation requires by default: a session that connected, encrypted and logged in. */
export const DEFAULT_REQUIRED_CHECKS = Object.freeze(["connect", "tls", "auth"]);

function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The digest an attestation names for these settings, under the
 * service's --attestation-key.
 */
export function configDigest(settings, key) {
  if (typeof key !== "string" || key.length === 0) {
    throw new Error("smtp-doctor: configDigest(settings, key) needs the attestation key");
  }
  const copy = { ...settings };
  for (const field of SECRET_FIELDS) {
    if (typeof copy[field] === "string") copy[field] = createHmac("sha256", key).update(copy[field], "utf8").digest("hex");
  }
  return sha256hex(canonical(copy));
}

/**
 * @param {string} token the report's `attestation`
 * @param {string} key the service's --attestation-key
 * @param {object} settings what you are about to save (with the password)
 * @param {{ maxAgeSeconds?: number, now?: number, requiredChecks?: string[] }} [options]
 *   requiredChecks: the checks that must have passed, default
 *   ["connect", "tls", "auth"]; a relay without TLS or login names fewer.
 * @returns {{ ok: true, claims: object } | { ok: false, reason: string, missing?: string[] }}
 */
export function verifyAttestation(token, key, settings, options = {}) {
  const { maxAgeSeconds = 600, now = Math.floor(Date.now() / 1000), requiredChecks = DEFAULT_REQUIRED_CHECKS } = options;
  if (!Array.isArray(requiredChecks)) throw new Error("smtp-doctor: requiredChecks is an array of check names");
  const parts = typeof token === "string" ? token.split(".") : [];
  if (parts.length !== 3) return { ok: false, reason: "malformed" };
  const [header, payload, signature] = parts;
  let alg;
  try {
    alg = JSON.parse(Buffer.from(header, "base64url").toString("utf8")).alg;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (alg !== "HS256") return { ok: false, reason: "signature" };
  const expected = createHmac("sha256", key).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "signature" };
  }
  let claims;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (claims.config !== configDigest(settings, key)) return { ok: false, reason: "other-settings" };
  if (claims.ok !== true) return { ok: false, reason: "not-ok" };
  const passed = Array.isArray(claims.passed) ? claims.passed : [];
  const missing = requiredChecks.filter((check) => !passed.includes(check));
  if (missing.length > 0) return { ok: false, reason: "missing-checks", missing };
  if (typeof claims.iat !== "number" || claims.iat > now + 60 || now - claims.iat > maxAgeSeconds) {
    return { ok: false, reason: "stale" };
  }
  return { ok: true, claims };
}

// The sign-in's backend half lives beside the attestations: the same
// functions as `smtp-doctor/oauth` (openid-client is loaded only when a
// sign-in is created).
export { OAUTH_PRESETS, SignInAgain, callbackPage, createSignIn } from "./oauth.js";

/**
 * Verifies a webhook from smtp-doctor's monitors (Standard Webhooks:
 * `webhook-id`, `webhook-timestamp`, `webhook-signature`, HMAC-SHA256 over
 * `id.timestamp.body`). Pass the body exactly as received (a string or the
 * raw bytes — not re-serialized JSON), its headers (a `Headers`, or Node's
 * lower-cased header object) and the monitor's secret (`whsec_…`). Drop a
 * repeated `id`: a retried delivery keeps its id.
 * @param {string | Uint8Array} body
 * @param {Headers | Record<string, string | string[] | undefined>} headers
 * @param {string} secret
 * @param {{ now?: number, toleranceSeconds?: number }} [options]
 * @returns {{ ok: true, id: string, timestamp: number } | { ok: false, reason: "missing-headers" | "bad-timestamp" | "stale" | "bad-signature" }}
 */
export function verifyWebhook(body, headers, secret, options = {}) {
  if (typeof secret !== "string" || !secret.startsWith("whsec_")) throw new Error("smtp-doctor: a webhook secret starts with whsec_");
  const get = (name) => {
    const value = typeof headers?.get === "function" ? headers.get(name) : headers?.[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const [id, stamp, signatures] = ["webhook-id", "webhook-timestamp", "webhook-signature"].map(get);
  if (!id || !stamp || !signatures) return { ok: false, reason: "missing-headers" };
  const timestamp = Number(stamp);
  if (!/^[0-9]{1,12}$/.test(String(stamp))) return { ok: false, reason: "bad-timestamp" };
  const { now = Math.floor(Date.now() / 1000), toleranceSeconds = 300 } = options;
  if (Math.abs(now - timestamp) > toleranceSeconds) return { ok: false, reason: "stale" };
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const expected = createHmac("sha256", key)
    .update(Buffer.concat([Buffer.from(`${id}.${timestamp}.`), Buffer.from(body)]))
    .digest();
  const match = String(signatures).split(" ").some((part) => {
    const [version, value] = part.split(",");
    if (version !== "v1" || !value) return false;
    const given = Buffer.from(value, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return match ? { ok: true, id: String(id), timestamp } : { ok: false, reason: "bad-signature" };
}
