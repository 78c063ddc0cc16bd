// An esbuild-bundled page: a plain form bound to the elements, and the
// headless API for a one-line summary of the instant findings.
import "./wasm.js";
import "smtp-doctor/elements";

document.getElementById("settings").addEventListener("smtp-doctor:diagnostics", (e) => {
  const errors = e.detail.filter((d) => d.severity === "error").length;
  document.getElementById("summary").textContent = errors ? `${errors} to fix` : "Looks fine";
});
