// The consumer apps (tests/consumers) built from the packed package, and
// the integrator's backend that serves them: shared by the consumers test
// suite and `cargo xtask bench-page`.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "./harness.mjs";

export const APPS = join(ROOT, "target/consumers");
export const TOKEN_KEY = "consumer-token-key-0123456789";
export const ATTESTATION_KEY = "consumer-attestation-key-0123456789";

/** Runs a command in `cwd`, bounded; its output only when it fails. */
export function sh(cwd, command, args, timeout = 300_000) {
  try {
    execFileSync(command, args, { cwd, timeout, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_fund: "false", npm_config_audit: "false" } });
  } catch (e) {
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${e.stdout}\n${e.stderr}`);
  }
}

/** Packs the package, installs the tarball into the apps, builds them. */
export function buildApps() {
  if (!existsSync(join(ROOT, "web/smtp-doctor/pkg/smtp_doctor_wasm_bg.wasm"))) {
    throw new Error("web/smtp-doctor/pkg is not built: run `cargo xtask wasm`");
  }
  rmSync(APPS, { recursive: true, force: true });
  mkdirSync(join(APPS, "pack"), { recursive: true });
  cpSync(join(ROOT, "tests/consumers"), APPS, { recursive: true, filter: (p) => !p.includes("node_modules") && !p.includes("/dist") });
  sh(join(ROOT, "web/smtp-doctor"), "npm", ["pack", "--silent", "--pack-destination", join(APPS, "pack")]);
  const tarball = readdirSync(join(APPS, "pack")).find((f) => f.endsWith(".tgz"));
  sh(APPS, "npm", ["ci"]);
  sh(APPS, "npm", ["install", "--no-save", `./pack/${tarball}`]);
  sh(join(APPS, "react"), join(APPS, "node_modules/.bin/vite"), ["build", "--logLevel", "warn"]);
  sh(join(APPS, "esbuild"), join(APPS, "node_modules/.bin/esbuild"),
    ["src/app.js", "--bundle", "--format=esm", "--loader:.wasm=file", "--minify", "--outdir=dist", "--log-level=warning"]);
  sh(join(APPS, "webpack"), join(APPS, "node_modules/.bin/webpack"),
    ["--mode", "production", "--entry", "./src/app.js", "--output-path", "dist", "--no-stats"]);
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json" };

/**
 * The integrator's backend: the three apps' files, `/api/token` (a token
 * for this customer, minted with the package's mintToken) and `/api/save`
 * (saves only with an attestation verifyAttestation accepts).
 */
export async function backend(service) {
  const server = await import(pathToFileURL(join(APPS, "node_modules/smtp-doctor/server.js")));
  const roots = {
    react: join(APPS, "react/dist"), esbuild: join(APPS, "esbuild"), webpack: join(APPS, "webpack"),
    html: join(APPS, "html"), node_modules: join(APPS, "node_modules"),
  };
  const seen = { tokens: 0, saved: [] };
  const http = createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    if (url.pathname === "/api/token") {
      seen.tokens += 1;
      return res.writeHead(200, { "Content-Type": "text/plain" }).end(server.mintToken(TOKEN_KEY, { sub: "customer-42", ttlSeconds: 120 }));
    }
    if (url.pathname === "/api/save" && req.method === "POST") {
      let body = "";
      for await (const chunk of req) body += chunk;
      const { settings, attestation } = JSON.parse(body);
      const verdict = server.verifyAttestation(attestation, ATTESTATION_KEY, settings);
      if (verdict.ok) seen.saved.push(settings.host);
      return res.writeHead(verdict.ok ? 200 : 400, { "Content-Type": "application/json" })
        .end(JSON.stringify(verdict.ok ? { saved: true } : { reason: verdict.reason }));
    }
    const [, top, ...rest] = normalize(decodeURIComponent(url.pathname)).split("/");
    const base = roots[top];
    const file = base && join(base, rest.join("/") || "index.html");
    if (!file || !file.startsWith(base)) return res.writeHead(404).end();
    try {
      let body = readFileSync(file);
      if (file.endsWith(".html")) body = body.toString().replace("__SERVICE__", service());
      res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => http.listen(0, "127.0.0.1", resolve));
  return { http, seen, url: `http://127.0.0.1:${http.address().port}` };
}

