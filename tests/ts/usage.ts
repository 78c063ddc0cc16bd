// Compiled with `tsc --noEmit` by `cargo xtask test`: the package's types
// must let a settings page do all of this without a cast.
import {
  applyFix,
  attachForm,
  codes,
  createClient,
  load,
  providerFor,
  validate,
  version,
  type Actor,
  type AttachOptions,
  type CodeInfo,
  type Config,
  type Diagnostic,
  type FormHandle,
  type ProviderSuggestion,
  type Report,
  type SharedLink,
} from "../../web/smtp-doctor/index.js";
import type { SignedIn, SmtpDoctorConnect, SmtpDoctorTest } from "../../web/smtp-doctor/elements.js";

export async function demo(form: HTMLFormElement): Promise<void> {
  await load({ locale: "de" });
  const config: Config = { host: "smtp.example.com", port: "465", security: "starttls", extraField: 1 };
  const diagnostics: Diagnostic[] = validate(config);
  for (const d of diagnostics) {
    const where: string = d.field ?? "general";
    // Who must act: only the customer's findings are theirs to fix here.
    const who: Actor = d.actor;
    if (who === "it-admin" || who === "dns-admin") console.log("hand it on:", d.code);
    if (d.fix) {
      const next: Config = applyFix(config, d.fix);
      const port: number | string | undefined = next.port;
      console.log(where, d.severity === "error", d.fix.changes.security, port);
    }
  }
  const suggestion: ProviderSuggestion | null = providerFor("me@gmail.com");
  if (suggestion) console.log(suggestion.host, suggestion.port, suggestion.security, suggestion.endpoints[0].port);
  const all: CodeInfo[] = codes();
  console.log(all.filter((c) => c.live).map((c) => c.code), version());
  const options: AttachOptions = { onDiagnostics: (ds) => console.log(ds.length) };
  const handle: FormHandle = attachForm(form, options);
  const now: Diagnostic[] = handle.validate();
  console.log(now.length);
  handle.detach();
}

// The probe's report shape, as the service will send it.
export const sampleReport: Report = {
  ok: false,
  target: { host: "smtp.example.com", port: 465, security: "starttls", addresses: ["203.0.113.5"] },
  steps: [
    { step: "dns", status: "pass", durationMs: 3, diagnostics: [] },
    {
      step: "greeting",
      status: "fail",
      durationMs: 1500,
      diagnostics: [
        {
          code: "tls.expected-implicit",
          severity: "error",
          field: "security",
          actor: "customer",
          message: "This port expects TLS from the first byte.",
          help: "Choose TLS/SSL (implicit TLS) for this port.",
          fix: { title: "Use TLS/SSL", changes: { security: "tls" }, key: "use-security" },
          params: { case: "verified", port: "465" },
          reply: null,
        },
      ],
    },
  ],
  server: {
    greeting: null,
    extensions: [],
    authMechanisms: [],
    tls: {
      version: "TLSv1.3",
      cipher: "TLS13_AES_256_GCM_SHA384",
      certificate: {
        subject: "CN=smtp.example.com",
        names: ["smtp.example.com"],
        issuer: "CN=Example CA",
        notBefore: "2026-01-01T00:00:00Z",
        notAfter: "2027-01-01T00:00:00Z",
        trusted: true,
      },
    },
  },
  diagnostics: [],
  suggestion: { port: 465, security: "tls" },
  transcript: ["S: 220 smtp.example.com ESMTP", "C: AUTH PLAIN <redacted>"],
};

/** The sign-in element and Save, as a page without a framework uses them. */
export async function signIn(connectEl: SmtpDoctorConnect, test: SmtpDoctorTest): Promise<string | undefined> {
  connectEl.addEventListener("smtp-doctor:connected", (e) => console.log(e.detail.username, e.detail.settings.auth));
  connectEl.addEventListener("smtp-doctor:error", (e) => console.log(e.detail.kind));
  const result = await connectEl.signIn();
  const who: SignedIn | null = connectEl.signedIn;
  const settings: Config | null = test.testedConfig;
  return result?.accessToken ?? who?.username ?? settings?.accessToken ?? connectEl.preset?.name;
}

/** "Send this to your IT team", from the element and from the headless client. */
export async function handOff(test: SmtpDoctorTest, report: Report): Promise<string> {
  test.addEventListener("smtp-doctor:shared", (e) => console.log(e.detail.url, e.detail.expiresAt));
  const fromElement: SharedLink | null = await test.share();
  const client = createClient({ token: async () => "short-lived" });
  const link = await client.share(report);
  await client.unshare(link);
  return fromElement?.deleteToken ?? link.url;
}
