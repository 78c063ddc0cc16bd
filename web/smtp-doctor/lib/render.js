// Renders the live steps and the final report of "Test connection".
// Everything from the server is set as text (never as HTML): greetings,
// replies and certificate names are attacker-controlled.

import { el } from "./dom.js";
import { allowlistMayFix, codes, locale, securityLabel, stepLabel, stepPlan, t } from "../index.js";


/** A step's label (core's), or its name for a step this version does not know. */
function label(step) {
  try {
    return stepLabel(step);
  } catch {
    return step;
  }
}

/** The live list: finished steps, then one "in progress" row. */
export class StepList {
  constructor(list) {
    this.list = list;
    this.list.setAttribute("aria-busy", "true");
    this.list.replaceChildren();
    this.running = el("li", { class: "step step-running", dataset: { status: "running" } },
      el("span", { class: "step-icon", "aria-hidden": "true" }),
      el("span", { class: "step-name" }, t("ui-starting")));
    this.list.append(this.running);
    this.started = performance.now();
  }

  /** A step finished: show it, and name the next one as running. */
  add(step, next) {
    const row = el("li", { class: `step step-${step.status}`, dataset: { step: step.step, status: step.status } },
      el("span", { class: "step-icon", "aria-hidden": "true" }),
      el("span", { class: "step-name" }, label(step.step)),
      el("span", { class: "visually-hidden" }, ` ${t(`ui-step-${step.status}`)}`),
      el("span", { class: "step-time" }, `${step.durationMs} ms`));
    const first = step.diagnostics.find((d) => d.severity !== "info");
    if (first) row.append(el("span", { class: "step-note" }, first.message));
    this.list.insertBefore(row, this.running);
    this.running.querySelector(".step-name").textContent = next ? `${label(next)}…` : t("ui-finishing");
  }

  done() {
    this.running.remove();
    this.list.removeAttribute("aria-busy");
  }
}

/** The step that usually follows the `done` first ones (core's plan). */
export function nextStep(done, security, checks) {
  try {
    return stepPlan(security, checks)[done] ?? null;
  } catch {
    return null;
  }
}

/**
 * Fills the result panel.
 * @param {object} report SPEC §4 report
 * @param {{ applyFix: (fix: object) => void, applySuggestion: (s: object) => void, egressIps: string[] }} actions
 */
export function showReport(root, report, actions) {
  const shown = findingsToShow(report).filter((d) => !isDomain(d));
  const errors = shown.filter((d) => d.severity === "error");
  const warnings = shown.filter((d) => d.severity === "warning");
  const title = root.querySelector("#result-title");
  // Area `probe.` is the test service's own problem (SPEC §7.1): never
  // presented as something the customer must fix.
  const ours = errors.some((d) => d.code.startsWith("probe."));
  // One plain headline: the outcome, or the cause itself.
  // The connection can work while the domain's records will not let its
  // mail arrive: said as such, the details in "Will it arrive?".
  const works = connectionWorks(report);
  title.textContent = ours
    ? t("ui-headline-service")
    : report.ok
      ? t(warnings.length ? "ui-headline-works-warnings" : "ui-headline-works")
      : works
        ? t("ui-headline-arrival")
        : errors[0]?.message ?? t("ui-headline-fails");
  root.querySelector("#result-more").textContent = !works && !ours && errors.length > 1
    ? t("ui-more-problems", { count: errors.length - 1 }) : "";
  root.dataset.service = String(ours);
  root.dataset.ok = String(report.ok);

  const suggestion = root.querySelector("#suggestion");
  suggestion.replaceChildren();
  const s = report.suggestion;
  if (s) {
    const what = [s.host && t("ui-suggestion-server", { host: s.host }), s.port && t("ui-suggestion-port", { port: String(s.port) }),
      s.security && modeLabel(s.security)].filter(Boolean).join(", ");
    suggestion.append(el("div", { class: "suggestion", part: "suggestion" },
      el("p", {}, el("strong", {}, t("ui-suggestion-found")), " ", what),
      el("button", { type: "button", id: "apply-suggestion", onclick: () => actions.applySuggestion(s) },
        t("ui-suggestion-apply"))));
  }
  // A fix the suggestion already makes is not offered twice.
  const covered = (fix) => s && Object.entries(fix.changes).every(([k, v]) => String(s[k]) === String(v));

  const findings = root.querySelector("#findings");
  findings.replaceChildren();
  shown.forEach((d, i) => {
    const lead = i === 0 && !works;
    const item = el("li", { class: `finding smtp-doctor-${d.severity}${lead ? " lead" : ""}`, part: `finding finding-${d.severity}`, dataset: { code: d.code } },
      actorTag(d),
      // The lead's message is the headline: here only what to do.
      lead ? null : el("span", { class: "finding-message" }, d.message),
      el("span", { class: "finding-help" }, d.help));
    if (d.reply) item.append(el("code", { class: "finding-reply" }, d.reply));
    if (d.fix && !covered(d.fix)) {
      item.append(el("button", { type: "button", class: lead && !s ? "" : "secondary", part: "fix", onclick: () => actions.applyFix(d.fix) }, d.fix.title));
    }
    findings.append(item);
  });

  const allowlist = root.querySelector("#allowlist");
  allowlist.replaceChildren();
  if (report.diagnostics.some((d) => allowlistMayFix(d.code))) {
    const ips = actions.egressIps;
    allowlist.append(el("div", { class: "allowlist" },
      el("strong", {}, t("ui-allowlist-title")), " ",
      ips.length
        ? el("span", {}, t("ui-allowlist-ask", { count: ips.length }), " ", el("code", {}, ips.join(", ")))
        : el("span", {}, t("ui-allowlist-unknown"))));
  }

  showArrival(root.querySelector("#arrival"), report);

  root.querySelector("#certificate").replaceChildren(...certificateCard(report.server?.tls));
  root.querySelector("#capabilities").replaceChildren(...capabilitiesCard(report.server));

  root.querySelector("#transcript").textContent = report.transcript.join("\n");
  root.querySelector("#transcript-box").hidden = report.transcript.length === 0;
  root.hidden = false;
}

/**
 * Who must act, where it is not the customer typing: "For your IT team",
 * "For your DNS administrator" (the registry's actor, SPEC §3).
 */
function actorTag(d) {
  if (!d.actor || d.actor === "customer") return null;
  return el("span", { class: "finding-actor", part: "actor", dataset: { actor: d.actor } }, t(`ui-actor-${d.actor}`));
}

/** A finding about whether mail arrives: the `domain` and `arrival` checks (SPEC §7.2, §7.7). */
function isDomain(d) {
  return d.code.startsWith("domain.") || d.code.startsWith("arrival.");
}

/**
 * Whether the connection itself works: no error but the sending domain's,
 * which are fixed in DNS rather than in these settings (the headline says
 * so; the report's `ok`, and so Save, still count them).
 */
function connectionWorks(report) {
  return !report.diagnostics.some((d) => d.severity === "error" && !isDomain(d));
}

/**
 * "Will it arrive?": every finding of the arrival and domain steps, the
 * good news too, each with the exact record to publish when there is one,
 * then what the inbox saw.
 */
function showArrival(section, report) {
  const list = section.querySelector("#arrival-findings");
  list.replaceChildren();
  const rank = { error: 0, warning: 1, info: 2 };
  const found = ["arrival", "domain"]
    .flatMap((kind) => report.steps.find((s) => s.step === kind)?.diagnostics ?? [])
    .sort((a, b) => rank[a.severity] - rank[b.severity]);
  for (const d of found) {
    const item = el("li", { class: `finding smtp-doctor-${d.severity}`, part: `finding finding-${d.severity}`, dataset: { code: d.code } },
      actorTag(d),
      el("span", { class: "finding-message" }, d.message),
      el("span", { class: "finding-help" }, d.help));
    const record = d.params?.record;
    if (typeof record === "string") {
      const where = d.params.name ?? d.params.domain;
      item.append(el("p", { class: "record" },
        where ? el("span", {}, t("ui-arrive-publish", { name: String(where) }), " ") : null,
        el("code", {}, record)));
    }
    list.append(item);
  }
  section.querySelector("#arrival-seen").replaceChildren(...arrivalCard(report.arrival));
  section.hidden = found.length === 0;
}

/** What the inbox saw: the delay, From, signatures, SPF, TLS and the Received path. */
function arrivalCard(seen) {
  if (!seen) return [];
  const rows = [
    [t("ui-arrival-delay"), `${(seen.delayMs / 1000).toFixed(1)} s`],
    [t("ui-arrival-from"), seen.fromSeen ?? "—"],
    [t("ui-arrival-dkim"), seen.dkim.map((s) => `${s.result} d=${s.domain} s=${s.selector}${s.bits ? ` (${s.bits} bits)` : ""}`).join("; ") || "—"],
    [t("ui-arrival-spf"), `${seen.spf} (${seen.senderAddress})`],
    [t("ui-arrival-tls"), seen.tls ?? t("ui-arrival-plain")],
  ];
  return [el("details", { class: "card", part: "card" },
    el("summary", {}, t("ui-arrival-seen")),
    el("dl", {}, ...rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])),
    seen.received.length ? el("pre", { class: "received" }, seen.received.join("\n")) : null)];
}

let live = null;

/**
 * What the result lists: what the live test found. Findings the form
 * already shows as the customer types (static rules) are not repeated,
 * unless a static error is all there is to say.
 */
function findingsToShow(report) {
  live ??= new Set(codes().filter((c) => c.live).map((c) => c.code));
  const rank = { error: 0, warning: 1, info: 2 };
  const liveError = report.diagnostics.some((d) => live.has(d.code) && d.severity === "error");
  return report.diagnostics
    .filter((d) => live.has(d.code) || (d.severity === "error" && !liveError))
    .filter((d) => d.severity !== "info" || !report.ok)
    .sort((a, b) => rank[a.severity] - rank[b.severity]); // stable: step order within a severity
}


function certificateCard(tls) {
  const cert = tls?.certificate;
  if (!cert) return [];
  const expires = new Date(cert.notAfter);
  const days = Math.round((expires.getTime() - Date.now()) / 86_400_000);
  const rows = [
    [t("ui-cert-covers"), cert.names.join(", ") || cert.subject],
    [t("ui-cert-issuer"), cert.issuer],
    [t("ui-cert-valid-until"), `${expires.toLocaleDateString(locale(), { dateStyle: "long" })} (${
      t(days >= 0 ? "ui-cert-in-days" : "ui-cert-days-ago", { days: Math.abs(days) })})`],
    [t("ui-cert-trusted"), t(cert.trusted ? "ui-yes" : "ui-no")],
    [t("ui-cert-protocol"), `${tls.version}, ${tls.cipher}`],
  ];
  return [el("div", { class: `card certificate ${cert.trusted ? "" : "untrusted"}`, part: "card" },
    el("h4", {}, t("ui-certificate")),
    el("dl", {}, ...rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])))];
}

function capabilitiesCard(server) {
  if (!server || (!server.extensions.length && !server.greeting)) return [];
  const list = el("ul", { class: "capabilities" }, ...server.extensions.map((x) => el("li", {}, el("code", {}, x))));
  return [el("div", { class: "card", part: "card" },
    el("h4", {}, t("ui-server")),
    server.greeting ? el("p", {}, el("code", {}, server.greeting)) : null,
    server.authMechanisms.length ? el("p", {}, t("ui-login-methods", { methods: server.authMechanisms.join(", ") })) : null,
    list)];
}

/** Text for "Copy for support": the outcome and the redacted transcript. */
export function supportText(report) {
  const lines = [
    `smtp-doctor test of ${report.target.host}:${report.target.port ?? "?"} (${report.target.security ?? "?"}) — ${report.ok ? "OK" : "FAILED"}`,
    ...report.steps.map((s) => `  ${s.step}: ${s.status} (${s.durationMs} ms)`),
    ...report.diagnostics.map((d) => `  [${d.severity}] ${d.code}: ${d.message}${d.reply ? ` — server said: ${d.reply}` : ""}`),
    "",
    "Transcript (passwords removed):",
    ...report.transcript,
  ];
  return lines.join("\n");
}

/** A security mode as people write it (core's label). */
export function modeLabel(mode) {
  try {
    return securityLabel(mode);
  } catch {
    return String(mode);
  }
}
