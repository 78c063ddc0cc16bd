// "Detect settings": the provider table in wasm answers at once; then the
// service's /v1/discover (provider table, MX, autoconfig, SRV, guesses,
// each verified live) refines it, streaming what each source said.
import { el } from "./dom.js";
import { modeLabel } from "./result.js";
import { ServiceError, stream } from "./service.js";

const SOURCE_TEXT = { provider: "Provider table", mx: "MX records", autoconfig: "Autoconfig file", srv: "SRV records", guess: "Guesses" };


/**
 * @param {{ providerFor: Function, fill: (s: object) => void, out: HTMLElement, list: HTMLElement }} page
 */
export async function detect(email, page) {
  const { out, list } = page;
  list.replaceChildren();
  const known = email ? page.providerFor(email) : null;
  if (!email) {
    out.textContent = "Type your email address first.";
    return;
  }
  if (known) {
    page.fill(known);
    const other = known.endpoints.filter((e) => e.port !== known.port).map((e) => `${e.port} (${e.security})`).join(", ");
    out.textContent = `${known.name}: filled in ${known.host}, port ${known.port}.` + (other ? ` Also documented: ${other}.` : "")
      + (known.appPasswordUrl ? ` You will need an app password: ${known.appPasswordUrl}` : "") + " Checking that it answers…";
  } else {
    out.textContent = "Looking for your provider's settings (MX, autoconfig, SRV records, usual names) and checking which answer…";
  }
  const sources = el("ul", { class: "sources", "aria-label": "What each source said" });
  list.append(sources);
  let report;
  try {
    report = await stream("v1/discover", { email }, "result", (name, data) => {
      if (name === "source") {
        sources.append(el("li", { dataset: { source: data.source, status: data.status } },
          el("strong", {}, `${SOURCE_TEXT[data.source] ?? data.source}: `), data.detail));
      }
    });
  } catch (e) {
    const why = e instanceof ServiceError ? e.message : String(e);
    out.textContent = known
      ? `${out.textContent.replace(" Checking that it answers…", "")} (Could not verify it live: ${why})`
      : `We could not look up your provider: ${why}`;
    return;
  }
  const best = report.candidates[0];
  if (report.found && best) {
    page.fill({ host: best.host, port: best.port, security: best.security, username: best.username });
    out.textContent = `Found and verified: ${best.host}, port ${best.port}, ${modeLabel(best.security)}. ${report.message}`;
  } else {
    out.textContent = known
      ? `${known.name}'s documented settings are filled in, but they did not answer from our service: ${report.message}`
      : report.message;
  }
  const candidates = el("ol", { class: "candidates", "aria-label": "Settings we found, best first" });
  for (const c of report.candidates.slice(0, 6)) {
    const ok = c.verification.status === "verified";
    candidates.append(el("li", { class: `candidate ${ok ? "verified" : "unverified"}`, dataset: { host: c.host, port: String(c.port), status: c.verification.status } },
      el("span", { class: "candidate-mark", "aria-hidden": "true" }, ok ? "✓" : "✗"),
      el("span", { class: "candidate-what" }, `${c.host}:${c.port} · ${modeLabel(c.security)}`),
      el("span", { class: "candidate-why" }, c.why),
      ok ? el("button", { type: "button", class: "secondary", onclick: () => page.fill(c) }, "Use these") : null));
  }
  list.append(candidates, el("details", {},
    el("summary", {}, `How we found them: ${report.candidates.length} candidate(s) checked in ${report.durationMs} ms`), sources));
}
