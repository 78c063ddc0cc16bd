// What the browser suites share: starting `smtp-doctor serve`, a DNS
// server on loopback that knows only localhost, and Debian's Chromium.
import { spawn } from "node:child_process";
import { createSocket } from "node:dgram";
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(new URL("../node/package.json", import.meta.url));
const { chromium } = require("playwright-core");

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const WEB = join(ROOT, "web");
export const BIN = process.env.SMTP_DOCTOR_BIN || join(ROOT, "target/debug/smtp-doctor");

/** Starts `smtp-doctor serve …` and resolves with its URL; its share
 * links go to a SQLite file in a folder of its own unless `args` name a
 * `--store`. */
export function serve(args) {
  const store = args.includes("--store") ? [] : ["--store", `sqlite:${join(mkdtempSync(join(tmpdir(), "smtp-doctor-e2e-")), "reports.db")}`];
  const child = spawn(BIN, ["serve", "--listen", "127.0.0.1:0", "--web-dir", WEB, ...store, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, RUST_LOG: "warn" },
  });
  let log = "";
  child.stderr.on("data", (d) => (log += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${log}`)), 20_000);
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/[\d.:]+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], child, log: () => log });
      }
    });
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}:\n${log}`)));
  });
}

/**
 * A DNS server on loopback for the services, so nothing leaves the machine:
 * it knows localhost and answers NXDOMAIN for everything else (smtp.gmail.com
 * included). `sandbox.test` never reaches it: `serve --sandbox` answers that
 * zone itself (SRV records to the sandbox's ports).
 */
export function dnsServer() {
  const records = {
    "localhost:1": () => Buffer.from([127, 0, 0, 1]),
  };
  const known = new Set(Object.keys(records).map((k) => k.split(":")[0]));
  const socket = createSocket("udp4");
  socket.on("message", (q, peer) => {
    let i = 12;
    const labels = [];
    while (i < q.length && q[i] !== 0) {
      labels.push(q.subarray(i + 1, i + 1 + q[i]).toString().toLowerCase());
      i += 1 + q[i];
    }
    const qtype = q.readUInt16BE(i + 1);
    const question = q.subarray(0, i + 5);
    const qname = labels.join(".");
    if (qname.endsWith(".silent.test")) return; // never answered: a lookup that hangs
    const make = records[`${qname}:${qtype}`];
    const head = Buffer.from(question);
    head[2] = 0x84 | (q[2] & 1);
    head[3] = known.has(qname) ? 0x80 : 0x83;
    head.writeUInt16BE(make ? 1 : 0, 6);
    head.writeUInt32BE(0, 8);
    const parts = [head];
    if (make) {
      const data = make();
      const rr = Buffer.alloc(12);
      rr.writeUInt16BE(0xc00c, 0);
      rr.writeUInt16BE(qtype, 2);
      rr.writeUInt16BE(1, 4);
      rr.writeUInt32BE(60, 6);
      rr.writeUInt16BE(data.length, 10);
      parts.push(rr, data);
    }
    socket.send(Buffer.concat(parts), peer.port, peer.address);
  });
  return new Promise((resolve) => socket.bind(0, "127.0.0.1", () => resolve({ socket, addr: `127.0.0.1:${socket.address().port}` })));
}

/** Headless Chromium from Debian, with nothing that calls home. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}
