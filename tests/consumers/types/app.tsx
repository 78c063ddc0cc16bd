// Type-checked by the consumers test against the installed tarball: what
// an integrator writes must compile without a cast or a hand-written
// wrapper (the JSX types come from smtp-doctor/jsx).
import type {} from "smtp-doctor/jsx";
import { createForm, load, validate, type Diagnostic, type Report, type SmtpForm } from "smtp-doctor";
import { SmtpDoctorConnect, SmtpDoctorTest, type SignedIn } from "smtp-doctor/elements";
import { useEffect, useRef, useState } from "react";

const form: SmtpForm = createForm({
  fields: { host: "smtp_host", from: null },
  values: { from: "noreply@app.example" },
  rules: { "from.domain-mismatch": "off" },
  show: "blur",
  onFix: (changes) => console.log(changes.smtp_host),
});

export async function headless(): Promise<Diagnostic[]> {
  await load();
  form.update({ smtp_host: "imap.gmail.com" });
  const general: Diagnostic[] = form.messages();
  const shown: Diagnostic[] = form.messages("smtp_host");
  const first = shown[0];
  if (first?.fix) form.fix(first);
  return [...general, ...validate({ host: "x" }, { rules: { "host.missing": "warning" } })];
}

export function Settings() {
  const ref = useRef<SmtpDoctorTest>(null);
  const [report, setReport] = useState<Report | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onResult = (e: HTMLElementEventMap["smtp-doctor:result"]) => setReport(e.detail as Report);
    const onApply = (e: HTMLElementEventMap["smtp-doctor:apply"]) => {
      e.preventDefault();
      console.log(e.detail.changes);
    };
    el.addEventListener("smtp-doctor:result", onResult);
    el.addEventListener("smtp-doctor:apply", onApply);
    el.checks = ["connect", "tls", "auth", "sender"];
    void el.test().then((r) => r?.ok);
    return () => el.removeEventListener("smtp-doctor:result", onResult);
  }, []);
  return (
    <>
      <smtp-doctor-test ref={ref} config={{ host: "smtp.example.com", port: 587 }} token-url="/api/token" theme="auto" checks="connect tls auth" />
      <smtp-doctor-detect for="settings" service="https://probe.example" />
      <smtp-doctor-connect provider="microsoft" start="/oauth/smtp/start" for="settings" label="Sign in with Microsoft 365" />
      <p>{report?.attestation ?? "not tested"}</p>
    </>
  );
}

const tag: SmtpDoctorTest = document.createElement("smtp-doctor-test");
tag.token = async () => "token";

const signIn: SmtpDoctorConnect = document.createElement("smtp-doctor-connect");
signIn.addEventListener("smtp-doctor:connected", (e) => console.log(e.detail.username, e.detail.settings.auth));
signIn.addEventListener("smtp-doctor:expired", (e) => console.log(e.detail.expiresAt));
void signIn.signIn().then((r) => r?.accessToken);
const who: SignedIn | null = signIn.signedIn;
console.log(who?.provider, signIn.preset?.smtp.host);
// Save: the tested settings with their attestation.
const tested = tag.testedConfig;
console.log(tested?.accessToken, tag.tested?.attestation);
