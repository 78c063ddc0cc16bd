// The probe service's HTTP API (SPEC §4) as a page uses it: `/v1/info`,
// `/v1/explain`, `/v1/reports` (share links), and `/v1/probe` (and `/v1/discover`) as server-sent events over a POST,
// which EventSource cannot do, so the stream is parsed here. A browser
// never holds a long-lived API key: `token` is a short-lived one the
// integrator's backend mints (SPEC §7.6), fetched again for each call.

import { locale, t } from "./i18n.js";

/** A failure to talk to the service, with what the customer should read. */
export class ServiceError extends Error {
  /**
   * @param {"unreachable"|"rate-limited"|"unauthorized"|"forbidden"|"busy"|"bad-request"|"server"} kind
   * @param {string} message
   * @param {number|null} retryAfter seconds, for "rate-limited"
   */
  constructor(kind, message, retryAfter = null) {
    super(message);
    this.kind = kind;
    this.retryAfter = retryAfter;
  }
}

/**
 * The service's base URL: the element's `service` attribute, else the
 * operator's meta tag, else this page's origin (never the page's URL, so
 * a link cannot send a customer's password elsewhere).
 */
export function serviceBase(explicit) {
  const meta = globalThis.document?.querySelector('meta[name="smtp-doctor-service"]')?.content?.trim();
  return new URL(explicit || meta || "/", globalThis.location?.href);
}

/**
 * A client for one service. `locale` (a tag, or a function giving one) is
 * the language the service answers in and `t` the texts of the client's
 * own messages: the page's unless an element speaks its own.
 * @param {{ service?: string, token?: string | (() => string | Promise<string>), locale?: string | (() => string), t?: typeof t }} [options]
 */
export function createClient(options = {}) {
  const base = () => serviceBase(options.service);
  const say = options.t ?? t;
  const language = () => (typeof options.locale === "function" ? options.locale() : options.locale) ?? locale();

  async function headers(extra) {
    const token = typeof options.token === "function" ? await options.token() : options.token;
    // The service answers in the page's language (SPEC §7.4).
    const asked = { "Accept-Language": language(), ...extra };
    return token ? { ...asked, Authorization: `Bearer ${token}` } : asked;
  }

  async function call(path, init) {
    const url = new URL(path, base());
    let response;
    try {
      response = await fetch(url, { ...init, headers: await headers(init.headers) });
    } catch (e) {
      if (e?.name === "AbortError") throw e;
      throw new ServiceError(
        "unreachable",
        say("ui-service-unreachable", { origin: url.origin }),
      );
    }
    if (response.ok) return response;
    let message = say("ui-service-status", { status: String(response.status) });
    let code = "";
    try {
      const body = await response.json();
      if (body?.error?.message) message = body.error.message;
      code = String(body?.error?.code ?? "");
    } catch { /* not JSON: keep the status line */ }
    switch (response.status) {
      case 429: {
        const retry = Number.parseInt(response.headers.get("Retry-After") ?? "", 10);
        const seconds = Number.isFinite(retry) ? retry : 60;
        throw new ServiceError("rate-limited", say("ui-service-rate-limited", { seconds }), seconds);
      }
      case 401:
        throw new ServiceError("unauthorized", say("ui-service-unauthorized"));
      case 403:
        throw new ServiceError("forbidden", message);
      case 503:
        if (code === "store-unavailable") throw new ServiceError("server", say("ui-share-unavailable"));
        throw new ServiceError("busy", say("ui-service-busy"));
      default:
        throw new ServiceError(response.status < 500 ? "bad-request" : "server", message);
    }
  }

  /** `GET /v1/info`, or null when the service does not answer. */
  async function info() {
    try {
      return await (await call("v1/info", { headers: { Accept: "application/json" } })).json();
    } catch {
      return null;
    }
  }

  /**
   * POSTs `body` to `path` asking for an event stream; calls `onEvent(name,
   * data)` for each event and resolves with the data of the `final` event.
   */
  async function stream(path, body, final, onEvent, signal) {
    const response = await call(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
      body: JSON.stringify(body),
      signal,
    });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    let result = null;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value.replace(/\r\n?/g, "\n");
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let name = "message";
        const data = [];
        for (const line of block.split("\n")) {
          if (line.startsWith("event:")) name = line.slice(6).trim();
          else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
        }
        if (!data.length) continue; // keep-alive comment
        const parsed = JSON.parse(data.join("\n"));
        if (name === final) result = parsed;
        onEvent(name, parsed);
      }
    }
    if (!result) throw new ServiceError("server", say("ui-service-stopped"));
    return result;
  }

  /** `POST /v1/probe` with live steps. */
  function probe(request, onStep, signal) {
    return stream("v1/probe", request, "report", (name, data) => name === "step" && onStep(data), signal);
  }

  /** `POST /v1/discover` with each source's answer as it comes. */
  function discover(request, onSource, signal) {
    return stream("v1/discover", request, "result", (name, data) => name === "source" && onSource(data), signal);
  }

  /**
   * `POST /v1/explain`: what a pasted error means, with the settings it
   * happened with (their secrets are left out: they are never needed).
   */
  async function explain(text, config, signal) {
    const settings = config ? { ...config } : undefined;
    if (settings) for (const secret of ["password", "pass", "accessToken"]) delete settings[secret];
    const response = await call("v1/explain", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ text: String(text ?? ""), config: settings }),
      signal,
    });
    return response.json();
  }

  /**
   * `POST /v1/reports`: a share link for `report` (as `probe` resolved
   * it), for the people who must act on it. The service keeps it redacted
   * (no transcript, no secret) until `expiresAt`; `url` is absolute,
   * `deleteToken` takes it back (`unshare`).
   */
  async function share(report, signal) {
    const response = await call("v1/reports", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(report),
      signal,
    });
    const link = await response.json();
    return { ...link, url: new URL(link.url, base()).href };
  }

  /** `DELETE /v1/reports/{id}` with the link's delete token. */
  async function unshare(link, signal) {
    await call(`v1/reports/${encodeURIComponent(link.id)}`, {
      method: "DELETE",
      headers: { "X-Delete-Token": link.deleteToken },
      signal,
    });
  }

  return { info, stream, probe, discover, explain, share, unshare };
}
