// The demo page's own wiring: the sign-in section shows only where this
// page's own origin runs the sandbox's stand-in provider (`serve
// --sandbox`, as `cargo xtask demo` does; its callback answers this
// origin only). An integrator's page puts
// <smtp-doctor-connect provider="microsoft" start="/your/backend/route">
// there instead.
const section = document.getElementById("sign-in");
const elsewhere = document.querySelector('meta[name="smtp-doctor-service"]')?.content;
let info = null;
if (section && !elsewhere) {
  try {
    const response = await fetch("v1/info", { headers: { Accept: "application/json" } });
    if (response.ok) info = await response.json();
  } catch {
    // No service here: nothing to sign in to.
  }
}
if (typeof info?.sandboxSignIn === "string") {
  section.querySelector("smtp-doctor-connect").setAttribute("start", info.sandboxSignIn);
  section.hidden = false;
}
