// An integrator's webhook endpoint, as the README shows it: HTTPS on
// loopback, each delivery checked twice — by the Standard Webhooks
// reference implementation (npm `standardwebhooks`) and by
// `verifyWebhook` from smtp-doctor/server — then answered 204.
//
// Run by crates/probe/tests/webhooks.rs with SMTP_DOCTOR_WEBHOOK_SECRET
// and the test CA's leaf in SMTP_DOCTOR_TLS_CERT / SMTP_DOCTOR_TLS_KEY
// (PEM); SMTP_DOCTOR_WEBHOOK_PORT picks the port (default: any) and
// SMTP_DOCTOR_WEBHOOK_FAIL_FIRST=N answers the first N requests 503, as a
// backend that is down for a while. Prints {"port"} when listening, then
// one JSON line per request.
import { createServer } from "node:https";
import { createRequire } from "node:module";
import { verifyWebhook } from "../../web/smtp-doctor/server.js";

const require = createRequire(new URL("../node/package.json", import.meta.url));
const { Webhook } = require("standardwebhooks");

const secret = process.env.SMTP_DOCTOR_WEBHOOK_SECRET;
const reference = new Webhook(secret.slice("whsec_".length));

let failFirst = Number(process.env.SMTP_DOCTOR_WEBHOOK_FAIL_FIRST ?? 0);

const server = createServer({ cert: process.env.SMTP_DOCTOR_TLS_CERT, key: process.env.SMTP_DOCTOR_TLS_KEY }, (req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const body = Buffer.concat(chunks);
    let byReference = false;
    try {
      reference.verify(body.toString("utf8"), req.headers);
      byReference = true;
    } catch { /* refused */ }
    const byHelper = verifyWebhook(body, req.headers, secret);
    // A body changed on the way must fail the helper too.
    const tampered = verifyWebhook(Buffer.concat([body, Buffer.from(" ")]), req.headers, secret);
    const status = failFirst > 0 ? 503 : 204;
    failFirst -= 1;
    console.log(JSON.stringify({
      reference: byReference, helper: byHelper, tampered, status,
      id: req.headers["webhook-id"], body: body.toString("utf8"),
    }));
    res.writeHead(status).end();
  });
});
server.listen(Number(process.env.SMTP_DOCTOR_WEBHOOK_PORT ?? 0), "127.0.0.1", () => console.log(JSON.stringify({ port: server.address().port })));
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
