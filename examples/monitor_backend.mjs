// An integrator's backend that watches each customer's SMTP settings after
// go-live: it subscribes a monitor when the settings are saved, keeps the
// signing secret the answer carries, and handles the webhooks — verified
// with `verifyWebhook` from smtp-doctor/server, repeats dropped by id.
// The README shows this file; crates/probe/tests/monitors.rs runs it
// against a real service and a real SMTP server.
//
//   SMTP_DOCTOR_URL      the service (http://127.0.0.1:8787)
//   SMTP_DOCTOR_API_KEY  one of its --api-key values
//   PUBLIC_URL           where the service reaches this backend (https)
//   TLS_CERT, TLS_KEY    this backend's certificate (PEM)
//   CUSTOMER, SETTINGS   one customer's id and saved settings (JSON, no password)
import { createServer } from "node:https";
import { verifyWebhook } from "../web/smtp-doctor/server.js"; // from "smtp-doctor/server" in your app

const service = process.env.SMTP_DOCTOR_URL;
const apiKey = process.env.SMTP_DOCTOR_API_KEY;

// In your app: a table. The secret is shown once, when the monitor is made.
const monitors = new Map(); // customer → { id, secret }
const seen = new Set(); // webhook ids already handled (a retry keeps its id)

/** Subscribes one customer's settings; call it when they are saved. */
async function watch(customer, settings, publicUrl) {
  const { password, accessToken, ...config } = settings; // a monitor never logs in
  const answer = await fetch(`${service}/v1/monitors`, {
    method: "POST",
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({
      config,
      label: `SMTP of ${customer}`,
      reference: customer,
      webhookUrl: `${publicUrl}/hooks/smtp-doctor/${encodeURIComponent(customer)}`,
      intervalSeconds: Number(process.env.INTERVAL_SECONDS ?? 86400),
    }),
  });
  if (answer.status !== 201) throw new Error(`smtp-doctor refused the monitor: ${await answer.text()}`);
  const { id, webhookSecret } = await answer.json();
  monitors.set(customer, { id, secret: webhookSecret });
  return id;
}

/** What the backend does with each change: here, one line per event. */
function handle(customer, event) {
  const [first] = event.data.diagnostics;
  // e.g. monitor.certificate-expiring: email the customer's IT contact;
  // monitor.connection-failed: pause sending and show first.message.
  console.log(JSON.stringify({ customer, type: event.type, codes: event.data.codes, message: first?.message }));
}

const server = createServer({ cert: process.env.TLS_CERT, key: process.env.TLS_KEY }, (req, res) => {
  const match = /^\/hooks\/smtp-doctor\/([^/]+)$/.exec(req.url ?? "");
  const customer = match && decodeURIComponent(match[1]);
  const monitor = customer && monitors.get(customer);
  if (req.method !== "POST" || !monitor) return res.writeHead(404).end();
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    const body = Buffer.concat(chunks); // the raw bytes: verify before parsing
    const verified = verifyWebhook(body, req.headers, monitor.secret);
    if (!verified.ok) return res.writeHead(400).end(); // bad-signature, stale, missing-headers
    if (!seen.has(verified.id)) {
      seen.add(verified.id);
      handle(customer, JSON.parse(body.toString("utf8")));
    }
    res.writeHead(204).end(); // 2xx: delivered; anything else is retried with backoff
  });
});

server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", async () => {
  const publicUrl = process.env.PUBLIC_URL ?? `https://127.0.0.1:${server.address().port}`;
  const id = await watch(process.env.CUSTOMER, JSON.parse(process.env.SETTINGS), publicUrl);
  console.log(JSON.stringify({ monitor: id }));
});
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
