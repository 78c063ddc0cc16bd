// Types of <smtp-doctor-test>, <smtp-doctor-detect> and <smtp-doctor-connect>.
import type { Check, Config, DiscoverReport, Fix, Report, ValidateOptions } from "./pkg/smtp_doctor_wasm.js";

/** `smtp-doctor:apply`'s detail: call preventDefault() to set your own state instead. */
export interface ApplyDetail {
  /** The changes under the app's field names (`options.fields`). */
  changes: Record<string, string | number>;
  fix: Fix;
}

interface DoctorElement extends HTMLElement {
  /** A short-lived token, or a function returning one (called before each request). */
  token: string | (() => string | Promise<string>) | null;
  /** The integration's options (field names, own values, rules). */
  options: ValidateOptions;
  /** The language it speaks: its own `lang` (or an ancestor's below the page), else the page's. */
  readonly locale: string;
}

export class SmtpDoctorTest extends HTMLElement implements DoctorElement {
  token: string | (() => string | Promise<string>) | null;
  options: ValidateOptions;
  readonly locale: string;
  /** Settings to test (SPEC names) when no form is bound with `for`. */
  config: Config | null;
  /** The last report, or null. */
  readonly report: Report | null;
  /** The report when it is about the current settings and they work; else null. */
  readonly tested: Report | null;
  /** The settings `tested` is about (secrets included), to send with its attestation; null when `tested` is. */
  readonly testedConfig: Config | null;
  /** The checks a test runs (`checks` attribute, else the customer's choices). */
  get checks(): Check[];
  set checks(value: Check[] | string | null);
  /** Runs a test; resolves with the report, or null if it did not finish. */
  test(config?: Config): Promise<Report | null>;
  cancel(): void;
  /** "Send this to your IT team": a share link of the shown report, or null. */
  share(): Promise<import("./index.js").SharedLink | null>;
}

export class SmtpDoctorDetect extends HTMLElement implements DoctorElement {
  token: string | (() => string | Promise<string>) | null;
  options: ValidateOptions;
  readonly locale: string;
  detect(email: string): Promise<DiscoverReport | null>;
}

/** What `<smtp-doctor-connect>` knows about the sign-in (never the refresh token). */
export interface SignedIn {
  /** The `provider` attribute (microsoft, google, or your own name). */
  provider: string | undefined;
  /** The signed-in address (the SMTP username). */
  username: string | undefined;
  /** When the access token runs out (ms since the epoch), if the backend said. */
  expiresAt: number | undefined;
}

/**
 * "Sign in with Microsoft / Google": a popup to your backend's `start`
 * route (running `smtp-doctor/oauth`); the token that comes back becomes
 * the settings (`auth: "oauth2"`, username, access token, the provider's
 * server) in the bound form, or an `smtp-doctor:apply` event.
 */
export class SmtpDoctorConnect extends HTMLElement {
  options: ValidateOptions;
  readonly locale: string;
  /** The preset for `provider`, or undefined for your own issuer. */
  readonly preset: { name: string; smtp: Partial<Config> } | undefined;
  readonly signedIn: SignedIn | null;
  /** Opens the sign-in window; null when it did not end with a token (the status says why). */
  signIn(): Promise<import("./index.js").Connected | null>;
  /** Stops a sign-in in progress. */
  cancel(): void;
}

/** "Already sending? Paste the error": the causes of a logged error, from the service's /v1/explain. */
export class SmtpDoctorExplain extends HTMLElement implements DoctorElement {
  token: string | (() => string | Promise<string>) | null;
  options: ValidateOptions;
  readonly locale: string;
  /** The last explanation, or null. */
  readonly result: import("./pkg/smtp_doctor_wasm.js").Explanation | null;
  /** Explains `text` with the bound form's settings (never their secrets). */
  explain(text: string): Promise<import("./pkg/smtp_doctor_wasm.js").Explanation | null>;
}

export interface SmtpDoctorEventMap {
  "smtp-doctor:result": CustomEvent<Report | DiscoverReport>;
  "smtp-doctor:apply": CustomEvent<ApplyDetail>;
  "smtp-doctor:error": CustomEvent<{ kind: string; message: string }>;
  "smtp-doctor:ready": CustomEvent<null>;
  /** The element's `lang` changed and its texts now speak `locale`. */
  "smtp-doctor:language": CustomEvent<{ locale: string }>;
  "smtp-doctor:stale": CustomEvent<null>;
  "smtp-doctor:shared": CustomEvent<import("./index.js").SharedLink>;
  "smtp-doctor:connected": CustomEvent<SignedIn & { settings: Partial<Config> }>;
  "smtp-doctor:expired": CustomEvent<SignedIn>;
}

declare global {
  interface HTMLElementTagNameMap {
    "smtp-doctor-test": SmtpDoctorTest;
    "smtp-doctor-detect": SmtpDoctorDetect;
    "smtp-doctor-connect": SmtpDoctorConnect;
    "smtp-doctor-explain": SmtpDoctorExplain;
  }
  interface HTMLElementEventMap extends SmtpDoctorEventMap {}
}
