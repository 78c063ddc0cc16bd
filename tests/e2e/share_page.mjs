// Share links as their reader meets them: each URL opened in headless
// Chromium whose language is SMTP_DOCTOR_LOCALE (the IT administrator's
// browser, not the customer's), and what the page shows read back.
//
// Run by crates/probe/tests/share_links.rs, which creates the links from
// failed probes and passes them here:
//   SMTP_DOCTOR_LINKS   JSON array of absolute URLs
//   SMTP_DOCTOR_LOCALE  e.g. de-DE
// Prints one JSON line: per page its status, lang, the CSP, every actor
// section (heading, the codes in it, its text), the whole text and HTML,
// and whatever the browser refused or logged as an error.
import { launchChromium } from "./harness.mjs";

const links = JSON.parse(process.env.SMTP_DOCTOR_LINKS || "[]");
const locale = process.env.SMTP_DOCTOR_LOCALE || "en-US";
if (!links.length) throw new Error("SMTP_DOCTOR_LINKS is not set (run by crates/probe/tests/share_links.rs)");

const browser = await launchChromium();
try {
  const context = await browser.newContext({ locale });
  const pages = [];
  for (const url of links) {
    const page = await context.newPage();
    const problems = [];
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    page.on("pageerror", (e) => problems.push(String(e)));
    const response = await page.goto(url, { waitUntil: "load", timeout: 15_000 });
    const read = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      title: document.title,
      text: document.body.innerText,
      printButton: Boolean(document.getElementById("print")),
      sections: [...document.querySelectorAll("section.actor")].map((s) => ({
        actor: s.dataset.actor,
        heading: s.querySelector("h2")?.textContent ?? "",
        codes: [...s.querySelectorAll("article")].map((a) => a.dataset.code),
        text: s.innerText,
      })),
    }));
    pages.push({
      url,
      status: response.status(),
      csp: response.headers()["content-security-policy"] ?? "",
      html: await page.content(),
      problems,
      ...read,
    });
    await page.close();
  }
  console.log(JSON.stringify({ pages }));
} finally {
  await browser.close();
}
