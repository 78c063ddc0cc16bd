// The whole sign-in path in Chromium, as a customer meets it: "Sign in"
// (<smtp-doctor-connect>) → the provider's own login and consent pages →
// the token back in the settings form → "Test connection"
// (<smtp-doctor-test>, through the probe service to a submission server
// that checks the token) passes → Save sends the tested settings with
// their attestation, which the integrator's backend verifies with
// `smtp-doctor/server`.
//
// Run by crates/probe/tests/oauth.rs, which starts the servers none of
// which we wrote (node-oidc-provider, Dovecot, Postfix) and the service,
// and passes them here:
//   SMTP_DOCTOR_ISSUER, SMTP_DOCTOR_APP_PORT (the provider allows its
//   /oauth/callback), SMTP_DOCTOR_SERVICE, SMTP_DOCTOR_SMTP_PORT,
//   SMTP_DOCTOR_USER, SMTP_DOCTOR_ATTESTATION_KEY.
// Prints one JSON line: what happened and how long it took.
import { launchChromium } from "./harness.mjs";
import { fillProviderPages, integratorApp } from "./oauth_app.mjs";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run by crates/probe/tests/oauth.rs)`);
  return value;
};
const issuer = env("SMTP_DOCTOR_ISSUER");
const port = Number(env("SMTP_DOCTOR_APP_PORT"));
const service = env("SMTP_DOCTOR_SERVICE");
const smtpPort = Number(env("SMTP_DOCTOR_SMTP_PORT"));
const user = env("SMTP_DOCTOR_USER");
const attestationKey = env("SMTP_DOCTOR_ATTESTATION_KEY");

// JSON in an attribute and a script: nothing here comes from a customer,
// but quote it properly anyway.
const attr = (text) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
const PAGE = `<!doctype html><html lang="en">
<form id="settings">
  <input name="host"> <input name="port">
  <select name="security"><option value="tls">TLS</option><option value="starttls">STARTTLS</option><option value="none">None</option></select>
  <input name="username"> <input name="from">
</form>
<smtp-doctor-connect start="/oauth/start" label="Sign in with Example ID" for="settings"></smtp-doctor-connect>
<smtp-doctor-test for="settings" service="${attr(service)}" checks="connect tls auth" gates="save"></smtp-doctor-test>
<button id="save" disabled>Save</button> <output id="saved"></output>
<script type="module">
  import "/pkg/elements.js";
  const test = document.querySelector("smtp-doctor-test");
  document.getElementById("save").onclick = async () => {
    const response = await fetch("/save", {
      method: "POST",
      body: JSON.stringify({ settings: test.testedConfig, attestation: test.tested?.attestation }),
    });
    const body = await response.json();
    document.getElementById("saved").textContent = response.ok ? "Saved." : "Not saved: " + body.reason;
  };
</script>`;

const { app, origin, seen } = await integratorApp({
  port,
  issuer,
  page: PAGE,
  settings: { host: "localhost", port: smtpPort, security: "starttls" },
  attestationKey,
});
const browser = await launchChromium();
const out = {};
try {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.goto(`${origin}/`);
  await page.waitForSelector("smtp-doctor-connect[ready]");
  await page.waitForSelector("smtp-doctor-test[ready]", { timeout: 20_000 });

  const started = Date.now();
  const [popup] = await Promise.all([page.waitForEvent("popup"), page.click("smtp-doctor-connect #connect-button")]);
  await fillProviderPages(popup, user);
  await page.waitForFunction(() => document.querySelector("[name=accessToken]")?.value, null, { timeout: 20_000 });
  out.tokenMs = Date.now() - started;
  out.form = await page.evaluate(() => {
    const values = Object.fromEntries(new FormData(document.getElementById("settings")));
    return { ...values, accessToken: values.accessToken ? "<set>" : "" };
  });
  out.status = (await page.textContent("smtp-doctor-connect #connect-status")).trim();

  await page.click("smtp-doctor-test #test-button");
  await page.waitForFunction(() => {
    const el = document.querySelector("smtp-doctor-test");
    return el.report || el.shadowRoot.getElementById("test-status").classList.contains("failed");
  }, null, { timeout: 30_000 });
  out.passedMs = Date.now() - started;
  out.testStatus = (await page.textContent("smtp-doctor-test #test-status")).trim();
  const report = await page.evaluate(() => document.querySelector("smtp-doctor-test").report) ?? { steps: [], diagnostics: [], transcript: [] };
  out.ok = report.ok;
  out.codes = report.steps.flatMap((s) => s.diagnostics.map((d) => d.code)).concat(report.diagnostics.map((d) => d.code));
  out.transcript = report.transcript;
  out.attested = typeof report.attestation === "string";
  out.saveEnabled = !(await page.isDisabled("#save"));
  out.pageHasRefreshToken = await page.evaluate((tokens) => tokens.some((t) => document.documentElement.outerHTML.includes(t) || JSON.stringify(window.localStorage).includes(t)), seen.refreshTokens.filter(Boolean));

  if (out.saveEnabled) {
    await page.click("#save");
    await page.waitForFunction(() => document.getElementById("saved").textContent, null, { timeout: 10_000 });
  }
  out.saved = (await page.textContent("#saved")).trim();
  out.savedSettings = seen.saved.map((s) => ({ ...s, accessToken: s.accessToken ? "<set>" : undefined }));
  out.refused = seen.refused;
  out.problems = problems;
} finally {
  await browser.close();
  app.close();
}
console.log(JSON.stringify(out));
