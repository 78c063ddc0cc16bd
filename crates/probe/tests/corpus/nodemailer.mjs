// Sends one message with Nodemailer as an app would, and prints what the
// app's log would show on failure: `console.error(err)` (Node's inspect of
// the error, with Nodemailer's code, response and command). Settings come
// from SMTP_* variables (see crates/probe/tests/explain_corpus.rs).
// Usage: node nodemailer.mjs NODE_MODULES
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { inspect } from "node:util";

const { default: nodemailer } = await import(pathToFileURL(join(process.argv[2], "nodemailer/dist/esm/nodemailer.js")).href);
const env = process.env;
const transport = nodemailer.createTransport({
  host: env.SMTP_HOST,
  port: Number(env.SMTP_PORT),
  secure: env.SMTP_SECURITY === "tls",
  ignoreTLS: env.SMTP_SECURITY === "none",
  requireTLS: env.SMTP_SECURITY === "starttls",
  auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASS } : undefined,
  tls: env.SMTP_CA ? { ca: readFileSync(env.SMTP_CA) } : {},
  connectionTimeout: 4000,
  greetingTimeout: 4000,
  socketTimeout: 4000,
});
try {
  await transport.sendMail({ from: env.SMTP_FROM, to: env.SMTP_TO, subject: "corpus", text: "corpus" });
  console.log("OK");
} catch (err) {
  console.log(inspect(err));
}
