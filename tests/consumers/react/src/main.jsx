// An integrator's React 19 settings form: the app owns every value
// (controlled inputs), smtp-doctor's headless createForm gives per-field
// findings and hands fixes back through onFix; <smtp-doctor-test> gets the
// settings as a property, its fixes arrive as smtp-doctor:apply events,
// and "Save" sends the report's attestation to this app's backend.
import { createRoot } from "react-dom/client";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { createForm } from "smtp-doctor";
import "smtp-doctor/elements";

// This app's field names; it sends from its own address, so no From field.
const OPTIONS = {
  fields: { host: "smtp_host", port: "smtp_port", security: "smtp_security", username: "smtp_user", password: "smtp_pass", from: null },
  values: { from: "demo@sandbox.test" },
  show: "touched",
};
const EMPTY = { smtp_host: "", smtp_port: "", smtp_security: "starttls", smtp_user: "", smtp_pass: "" };

function Messages({ form, name }) {
  return form.messages(name).map((d) => (
    <div key={d.code} className={`message ${d.severity}`} data-code={d.code} role={d.severity === "error" ? "alert" : undefined}>
      <strong>{d.message}</strong> <span>{d.help}</span>
      {d.fix && <button type="button" className="fix" onClick={() => form.fix(d)}>{d.fix.title}</button>}
    </div>
  ));
}

function App() {
  const [values, setValues] = useState(EMPTY);
  const [ready, setReady] = useState(false);
  const [, setTick] = useState(0);
  const [report, setReport] = useState(null);
  const [saved, setSaved] = useState("");
  const form = useMemo(() => createForm({ ...OPTIONS, onFix: (changes) => setValues((v) => ({ ...v, ...changes })) }), []);
  const tester = useRef(null);

  useEffect(() => form.subscribe(() => setTick((n) => n + 1)), [form]);
  useEffect(() => void form.ready.then(() => setReady(true)), [form]);
  useEffect(() => void (ready && performance.mark("app:interactive")), [ready]);
  // Before paint: the messages of this keystroke show in the same frame.
  useLayoutEffect(() => {
    form.update(values);
    setReport(null); // a result belongs to the settings it tested
    setSaved("");
  }, [form, values]);
  useEffect(() => {
    const el = tester.current;
    const onResult = (e) => setReport(e.detail);
    const onApply = (e) => {
      e.preventDefault(); // our state, not the element's
      setValues((v) => ({ ...v, ...e.detail.changes }));
    };
    el.addEventListener("smtp-doctor:result", onResult);
    el.addEventListener("smtp-doctor:apply", onApply);
    return () => {
      el.removeEventListener("smtp-doctor:result", onResult);
      el.removeEventListener("smtp-doctor:apply", onApply);
    };
  }, []);

  const set = (name) => (e) => setValues((v) => ({ ...v, [name]: e.target.value }));
  const input = (name, label, props = {}) => (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input id={name} name={name} value={values[name]} onChange={set(name)} onBlur={() => form.blur(name)}
        aria-invalid={form.messages(name).some((d) => d.severity === "error") || undefined} {...props} />
      <Messages form={form} name={name} />
    </div>
  );

  async function save() {
    const response = await fetch("/api/save", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ settings: form.config, attestation: report?.attestation }),
    });
    const body = await response.json();
    setSaved(response.ok ? "Saved." : `Not saved: ${body.reason}`);
  }

  return (
    <main data-ready={ready || undefined}>
      <h1>Email settings</h1>
      <Messages form={form} />
      {input("smtp_host", "SMTP server")}
      {input("smtp_port", "Port")}
      <div className="field">
        <label htmlFor="smtp_security">Security</label>
        <select id="smtp_security" name="smtp_security" value={values.smtp_security} onChange={set("smtp_security")}>
          <option value="tls">TLS/SSL</option>
          <option value="starttls">STARTTLS</option>
          <option value="none">None</option>
        </select>
        <Messages form={form} name="smtp_security" />
      </div>
      {input("smtp_user", "Username")}
      {input("smtp_pass", "Password", { type: "password" })}
      <smtp-doctor-test ref={tester} options={OPTIONS} config={form.config} checks="connect tls auth" token-url="/api/token" />
      <button type="button" id="save" disabled={!report?.ok} onClick={save}>Save</button>
      <p id="saved" role="status">{saved}</p>
    </main>
  );
}

createRoot(document.getElementById("root")).render(<App />);
