// The settings page: the wasm validator gives instant per-field feedback
// through attachForm; "Detect settings" fills the form from an address;
// "Test connection" runs the live probe and shows each step as it happens.
import init, { attachForm, providerFor, version } from "./pkg/smtp_doctor_wasm.js";
import { ServiceError, info, probe } from "./service.js";
import { StepList, nextStep, showReport, supportText } from "./result.js";
import { detect } from "./detect.js";

const form = document.getElementById("smtp-form");
const status = document.getElementById("form-status");
const testButton = document.getElementById("test-button");
const testStatus = document.getElementById("test-status");
const result = document.getElementById("result");
let egressIps = [];
let lastReport = null;

function summarize(diagnostics) {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  if (errors) return `${errors} problem${errors > 1 ? "s" : ""} to fix before these settings can work.`;
  if (warnings) return `Looks workable; ${warnings} thing${warnings > 1 ? "s" : ""} worth a look.`;
  return "No problems found in these settings.";
}

function setField(name, value) {
  const field = form.elements.namedItem(name);
  if (!field || value == null) return;
  field.value = String(value);
  field.dispatchEvent(new Event("input", { bubbles: true }));
}

function applyFix(fix) {
  for (const [name, value] of Object.entries(fix.changes)) setField(name, value);
  testStatus.textContent = `Applied: ${fix.title}. Test again to confirm.`;
}

/** The form as a config (SPEC §2). */
function config() {
  const out = {};
  for (const name of ["host", "port", "security", "username", "password", "from"]) {
    const value = form.elements.namedItem(name).value;
    if (value !== "") out[name] = value;
  }
  return out;
}

function onDetect(event) {
  event.preventDefault();
  const email = document.getElementById("detect-email").value.trim();
  const button = event.submitter ?? document.querySelector("#detect-form button");
  button.disabled = true;
  detect(email, {
    providerFor,
    out: document.getElementById("detect-result"),
    list: document.getElementById("detect-list"),
    fill(s) {
      setField("host", s.host);
      setField("port", s.port);
      setField("security", s.security);
      if (s.username) setField("username", s.username);
      if (!form.elements.namedItem("from").value && email.includes("@")) setField("from", email);
    },
  }).finally(() => {
    button.disabled = false;
    document.getElementById("password").focus();
  });
}

async function testConnection() {
  const cfg = config();
  const checks = ["connect", "tls", "auth"];
  if (document.getElementById("check-sender").checked) checks.push("sender");
  const request = { config: cfg, checks };
  if (document.getElementById("check-send").checked) {
    checks.push("send");
    if (cfg.from) request.recipient = cfg.from;
  }
  testButton.disabled = true;
  testButton.setAttribute("aria-busy", "true");
  result.hidden = true;
  testStatus.className = "test-status";
  testStatus.textContent = `Testing ${cfg.host ?? "the server"}…`;
  const steps = new StepList(document.getElementById("steps"));
  let done = 0;
  try {
    const report = await probe(request, (step) => {
      done += 1;
      steps.add(step, nextStep(done, cfg.security, checks));
    });
    steps.done();
    lastReport = report;
    showReport(result, report, { applyFix, applySuggestion, egressIps });
    testStatus.textContent = report.ok ? "Test finished: it works." : "Test finished: see what to change below.";
    result.focus();
  } catch (e) {
    steps.done();
    document.getElementById("steps").replaceChildren();
    testStatus.classList.add("failed");
    testStatus.textContent = e instanceof ServiceError ? e.message : `The test failed: ${e}`;
    if (e instanceof ServiceError && e.kind === "rate-limited") {
      countdown(e.retryAfter);
      return;
    }
  } finally {
    testButton.removeAttribute("aria-busy");
  }
  testButton.disabled = false;
}

/** Keeps the button disabled while the service asks us to wait. */
function countdown(seconds) {
  const until = Date.now() + seconds * 1000;
  const tick = () => {
    const left = Math.ceil((until - Date.now()) / 1000);
    if (left <= 0) {
      testButton.disabled = false;
      testButton.textContent = "Test connection";
      return;
    }
    testButton.textContent = `Test connection (wait ${left} s)`;
    setTimeout(tick, 1000);
  };
  tick();
}

function applySuggestion(s) {
  if (s.host) setField("host", s.host);
  if (s.port) setField("port", s.port);
  if (s.security) setField("security", s.security);
  testConnection();
}

async function copyForSupport() {
  if (!lastReport) return;
  const text = supportText(lastReport);
  const out = document.getElementById("copy-status");
  try {
    await navigator.clipboard.writeText(text);
    out.textContent = "Copied.";
  } catch {
    // No clipboard permission: select the transcript for a manual copy.
    const range = document.createRange();
    range.selectNodeContents(document.getElementById("transcript"));
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    out.textContent = "Selected: press Ctrl+C (⌘C) to copy.";
  }
}

try {
  await init();
  document.getElementById("version").textContent = `smtp-doctor ${version()}`;
  attachForm(form, { onDiagnostics: (d) => (status.textContent = summarize(d)) });
  document.getElementById("detect-form").addEventListener("submit", onDetect);
  testButton.addEventListener("click", testConnection);
  document.getElementById("copy-button").addEventListener("click", copyForSupport);
  testButton.disabled = false;
  document.body.dataset.ready = "true";
  performance.mark("smtp-doctor:interactive");
} catch (e) {
  status.textContent = "The checker could not load: " + e;
  status.classList.add("failed");
}

info().then((i) => {
  egressIps = i?.egressIps ?? [];
});
