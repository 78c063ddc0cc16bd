// Types of <smtp-doctor-test> and <smtp-doctor-detect>.
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
}

export class SmtpDoctorTest extends HTMLElement implements DoctorElement {
  token: string | (() => string | Promise<string>) | null;
  options: ValidateOptions;
  /** Settings to test (SPEC names) when no form is bound with `for`. */
  config: Config | null;
  /** The last report, or null. */
  readonly report: Report | null;
  /** The report when it is about the current settings and they work; else null. */
  readonly tested: Report | null;
  /** The checks a test runs (`checks` attribute, else the customer's choices). */
  get checks(): Check[];
  set checks(value: Check[] | string | null);
  /** Runs a test; resolves with the report, or null if it did not finish. */
  test(config?: Config): Promise<Report | null>;
  cancel(): void;
}

export class SmtpDoctorDetect extends HTMLElement implements DoctorElement {
  token: string | (() => string | Promise<string>) | null;
  options: ValidateOptions;
  detect(email: string): Promise<DiscoverReport | null>;
}

export interface SmtpDoctorEventMap {
  "smtp-doctor:result": CustomEvent<Report | DiscoverReport>;
  "smtp-doctor:apply": CustomEvent<ApplyDetail>;
  "smtp-doctor:error": CustomEvent<{ kind: string; message: string }>;
  "smtp-doctor:ready": CustomEvent<null>;
  "smtp-doctor:stale": CustomEvent<null>;
}

declare global {
  interface HTMLElementTagNameMap {
    "smtp-doctor-test": SmtpDoctorTest;
    "smtp-doctor-detect": SmtpDoctorDetect;
  }
  interface HTMLElementEventMap extends SmtpDoctorEventMap {}
}
