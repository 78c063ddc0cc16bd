// The settings page: the wasm validator gives instant per-field feedback
// through attachForm; "Detect settings" fills the form from an address.
import init, { attachForm, providerFor, version } from "./pkg/smtp_doctor_wasm.js";

const form = document.getElementById("smtp-form");
const status = document.getElementById("form-status");

function summarize(diagnostics) {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  if (errors) return `${errors} problem${errors > 1 ? "s" : ""} to fix before these settings can work.`;
  if (warnings) return `Looks workable; ${warnings} thing${warnings > 1 ? "s" : ""} worth a look.`;
  return "No problems found in these settings.";
}

function setField(name, value) {
  const el = form.elements.namedItem(name);
  if (!el || value == null) return;
  el.value = String(value);
  el.dispatchEvent(new Event("input", { bubbles: true }));
}

function detect(event) {
  event.preventDefault();
  const email = document.getElementById("detect-email").value.trim();
  const out = document.getElementById("detect-result");
  const s = email ? providerFor(email) : null;
  if (!s) {
    out.textContent = email
      ? "We don't know this provider yet. Ask it for its SMTP server; it is often smtp." + (email.split("@")[1] || "your-domain") + "."
      : "Type your email address first.";
    return;
  }
  setField("host", s.host);
  setField("port", s.port);
  setField("security", s.security);
  setField("username", s.username ?? "");
  if (!form.elements.namedItem("from").value) setField("from", email);
  const other = s.endpoints.filter((e) => e.port !== s.port).map((e) => `${e.port} (${e.security})`).join(", ");
  out.textContent = `${s.name}: filled in ${s.host}, port ${s.port}.` + (other ? ` Also documented: ${other}.` : "")
    + (s.appPasswordUrl ? ` You will need an app password: ${s.appPasswordUrl}` : "");
  document.getElementById("password").focus();
}

try {
  await init();
  document.getElementById("version").textContent = `smtp-doctor ${version()}`;
  attachForm(form, { onDiagnostics: (d) => (status.textContent = summarize(d)) });
  document.getElementById("detect-form").addEventListener("submit", detect);
  document.body.dataset.ready = "true";
} catch (e) {
  status.textContent = "The checker could not load: " + e;
  status.classList.add("failed");
}
