// The browser half of "Sign in with Microsoft / Google": a popup to the
// integrator's backend (which runs `smtp-doctor/oauth`), and the result
// back by `postMessage` from the backend's callback page.
//
// The page never sees a refresh token or the PKCE verifier: only the
// signed-in address, a short-lived access token and its expiry. A message
// counts only from the expected origin, from the popup we opened, and
// carrying the one-time `request` id we sent; everything else is ignored.

/** Why a sign-in did not end with a token. */
export class ConnectError extends Error {
  /**
   * @param {"popup-blocked" | "cancelled" | "timeout" | "failed"} code
   * @param {string} [message]
   */
  constructor(code, message) {
    super(message ?? code);
    this.name = "ConnectError";
    this.code = code;
  }
}

const MESSAGE = "smtp-doctor:connected";
/** How long a closed sign-in window's message may still take to arrive. */
const CLOSE_GRACE_MS = 1000;

function requestId() {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Opens the sign-in popup at `start` (the backend route that redirects to
 * the provider; it gets `?request=…` to echo back) and resolves with
 * `{ username, accessToken, expiresAt, settings }`.
 * @param {import("../index.d.ts").ConnectOptions} options
 */
export function connect(options) {
  const { start, origin = globalThis.location?.origin, timeoutMs = 5 * 60_000, signal } = options ?? {};
  if (!start) return Promise.reject(new TypeError("connect: `start` (your backend's sign-in URL) is required"));
  const request = requestId();
  const url = new URL(start, globalThis.location?.href);
  url.searchParams.set("request", request);
  const popup = globalThis.open(url.href, "smtp-doctor-connect", "popup,width=520,height=680");
  if (!popup) return Promise.reject(new ConnectError("popup-blocked", "the browser blocked the sign-in window"));
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (fn, value) => {
      if (done) return;
      done = true;
      globalThis.removeEventListener("message", onMessage);
      clearInterval(watch);
      clearTimeout(closing);
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      try { if (!popup.closed) popup.close(); } catch { /* another origin's window */ }
      fn(value);
    };
    const onMessage = (event) => {
      if (event.origin !== origin || event.source !== popup) return;
      const data = event.data;
      if (!data || data.type !== MESSAGE || data.request !== request) return;
      if (data.error) return finish(reject, new ConnectError("failed", String(data.error)));
      if (typeof data.accessToken !== "string" || !data.accessToken) return finish(reject, new ConnectError("failed", "no access token came back"));
      finish(resolve, {
        username: typeof data.username === "string" ? data.username : undefined,
        accessToken: data.accessToken,
        expiresAt: typeof data.expiresAt === "number" ? data.expiresAt : undefined,
        settings: data.settings && typeof data.settings === "object" ? { ...data.settings } : undefined,
      });
    };
    const onAbort = () => finish(reject, new ConnectError("cancelled", "the sign-in was cancelled"));
    globalThis.addEventListener("message", onMessage);
    // Closed by the customer before a result: cancelled (checked, bounded).
    // The callback page posts its result and then closes itself, and the
    // browser may show the window closed before it delivers the message:
    // a closed window gets a moment for a message already on its way.
    let closing = null;
    const watch = setInterval(() => {
      if (popup.closed && !closing) {
        closing = setTimeout(() => finish(reject, new ConnectError("cancelled", "the sign-in window was closed")), CLOSE_GRACE_MS);
      }
    }, 300);
    const timer = setTimeout(() => finish(reject, new ConnectError("timeout", "the sign-in took too long")), timeoutMs);
    signal?.addEventListener("abort", onAbort);
  });
}
