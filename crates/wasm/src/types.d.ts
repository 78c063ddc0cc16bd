/** How bad a finding is. */
export type Severity = "error" | "warning" | "info";
/** Who must act on a finding: the customer, their IT administrator, their DNS
 * administrator, the mail provider, or the test service (`probe.*`). */
export type Actor = "customer" | "it-admin" | "dns-admin" | "provider" | "service";
/** A settings field a page can highlight. */
export type Field = "host" | "port" | "security" | "username" | "password" | "from" | "auth" | "accessToken";
/** Implicit TLS, STARTTLS upgrade, or no encryption. */
export type SecurityMode = "tls" | "starttls" | "none";
/** `password`: any password mechanism; `oauth2`: XOAUTH2 or OAUTHBEARER, whichever the server offers. */
export type AuthMechanism = "auto" | "password" | "plain" | "login" | "cram-md5" | "oauth2" | "xoauth2" | "oauthbearer" | "none";

/** SMTP settings as a form sends them (SPEC §2). Unknown fields are ignored. */
export interface Config {
  host?: string;
  port?: number | string;
  security?: SecurityMode | string;
  /** nodemailer style: true = implicit TLS, false = STARTTLS. */
  secure?: boolean;
  /** one "TLS" checkbox: true = implicit TLS, false = STARTTLS. */
  tls?: boolean;
  username?: string;
  password?: string;
  from?: string;
  auth?: AuthMechanism | string;
  /** An OAuth2 access token (short-lived; never a refresh token). Wiped, redacted and never stored like the password. */
  accessToken?: string;
  [extra: string]: unknown;
}

/** A one-click change. Never contains a password. */
export interface Fix {
  title: string;
  changes: Partial<Record<Field, string | number>>;
  /** Which text the title is: catalog message `fix-<key>`. */
  key: string;
}

/** One finding (SPEC §3). `code` is a stable id from `codes()`. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  field: Field | null;
  /** Who must act on it (the registry's, per code). */
  actor: Actor;
  message: string;
  help: string;
  fix: Fix | null;
  reply: string | null;
  /** The named values of the texts (SPEC §7.4): render the finding in
   * another language from the catalog message named after the code. */
  params?: Record<string, string | number>;
}

export interface CodeInfo {
  code: string;
  severity: Severity;
  field: Field | null;
  actor: Actor;
  /** Raised only by the live probe. */
  live: boolean;
  docs: string;
}

export interface Endpoint {
  port: number;
  security: SecurityMode;
}

/** What `POST /v1/explain` found in a pasted error: the causes, most likely first. */
export interface Explanation {
    diagnostics: Diagnostic[];
    recognised: {
        /** `reply`, `bounce`, `headers` (a delivered message's, with the receiver's
         *  `Authentication-Results`), `failure` (a connection or TLS failure), or `unknown`. */
        kind: "reply" | "bounce" | "headers" | "failure" | "unknown";
        /** The client library whose wording it has (`nodemailer`, `smtplib`, `go`, …). */
        library: string | null;
        /** That library's name as people write it (`Nodemailer`, `Python smtplib`). */
        libraryName: string | null;
        provider: string | null;
        /** The SMTP reply found, secrets redacted. */
        reply: string | null;
        /** Whose verdict the headers hold: the receiver's authserv-id (`mx.google.com`). */
        receiver: string | null;
        /** The command that reply answered. */
        command: "greeting" | "starttls" | "auth" | "mail-from" | "rcpt-to" | "data" | null;
        /** Longer than 64 KiB: only the start was read. */
        truncated: boolean;
    };
}

export interface ProviderSuggestion {
  provider: string;
  name: string;
  host: string;
  port: number;
  security: SecurityMode;
  username: string | null;
  endpoints: Endpoint[];
  appPasswordUrl: string | null;
  source: string;
}

export type StepKind = "dns" | "connect" | "greeting" | "ehlo" | "tls" | "auth" | "sender" | "send" | "domain" | "arrival";
/**
 * What a probe does. The session checks form a ladder: each includes the
 * ones before it. `domain` (the From domain's SPF, DKIM and DMARC; DNS
 * only) runs beside the session when asked for; `arrival` logs in and sends
 * a test message to the service's own inbox (only where `/v1/info` lists it).
 */
export type Check = "connect" | "tls" | "auth" | "sender" | "send" | "domain" | "arrival";
export type StepStatus = "pass" | "fail" | "warn" | "skipped";

export interface Step {
  step: StepKind;
  status: StepStatus;
  durationMs: number;
  diagnostics: Diagnostic[];
}

export interface Certificate {
  subject: string;
  names: string[];
  issuer: string;
  notBefore: string;
  notAfter: string;
  trusted: boolean;
}

export interface TlsInfo {
  version: string;
  cipher: string;
  certificate: Certificate | null;
}

export interface ServerInfo {
  greeting: string | null;
  extensions: string[];
  extensionsBeforeTls?: string[];
  authMechanisms: string[];
  tls: TlsInfo | null;
}

export interface Target {
  host: string;
  port: number | null;
  security: SecurityMode | null;
  addresses: string[];
}

export interface Suggestion {
  host?: string;
  port?: number;
  security?: SecurityMode;
}

/** The live probe's report (SPEC §4). */
export interface Report {
  ok: boolean;
  target: Target;
  steps: Step[];
  server: ServerInfo;
  diagnostics: Diagnostic[];
  suggestion: Suggestion | null;
  transcript: string[];
  /**
   * With `serve --attestation-key`: a compact JWS (HS256) over
   * `{ config, ok, checks, iat }` that the integrator's backend verifies
   * before it saves the settings (SPEC §7.6).
   */
  attestation?: string;
  /** What the service's inbox saw of the `arrival` test message. */
  arrival?: ArrivalInfo;
}

/** The `arrival` test message as the receiver saw it (SPEC §7.7). */
export interface ArrivalInfo {
  delayMs: number;
  fromSeen: string | null;
  /** The address that delivered it: the relay's sending address. */
  senderAddress: string;
  /** SPF for that address: "pass", "fail", "softfail", … */
  spf: string;
  dkim: { domain: string; selector: string; result: "pass" | "fail" | "temperror"; bits?: number }[];
  /** The `Received` path, newest first. */
  received: string[];
  /** The TLS version the relay delivered it over ("TLSv1.3"); null: plain text. */
  tls: string | null;
}

/** What a rule does in one integration: off, or another severity. */
export type Rule = "off" | Severity;

/** How one integration uses the rules (core's `Options`). */
export interface ValidateOptions {
  /** A field's name in the app's form or state; `null` when the app has no such field. */
  fields?: Partial<Record<Field, string | null>>;
  /** Values the app supplies itself (e.g. a fixed From); they win over the form's. */
  values?: Partial<Config>;
  /** Rules switched off or given another severity, by code. */
  rules?: Record<string, Rule>;
  /** The moment to judge by, Unix seconds (an access token's expiry, a dated provider change). Default: the browser's clock. */
  now?: number;
}

/** When a field's findings show: at once, once touched (default), once left, after submit. */
export type ShowPolicy = "always" | "touched" | "blur" | "submit";

/** Options of a form's state: the integration's, and when to show findings. */
export interface FormOptions extends ValidateOptions {
  show?: ShowPolicy;
}

export interface AttachOptions extends FormOptions {
  /** A "Show" button after each password field (off unless set; the elements turn it on). */
  passwordToggle?: boolean;
  /** Called after every validation with the current diagnostics. */
  onDiagnostics?: (diagnostics: Diagnostic[]) => void;
  /**
   * Controlled mode: a fix button calls this with the changes under the
   * app's field names and nothing is written into the form.
   */
  onFix?: (changes: Record<string, string | number>, fix: Fix) => void;
}
/** What `attachForm` returns. */
export interface FormHandle {
  /** Validates now and returns every finding (shown or not yet). */
  validate(): Diagnostic[];
  /** Shows every finding from now on (as a submit does); true when no error blocks saving. */
  submit(): boolean;
  /** The form's settings as SPEC §2 config (mapped names, the app's own values laid over): what "Test connection" sends. */
  config(): Config;
  /** Applies a fix (from these findings or a live report): into the form, or — with `onFix` — handed to the app. */
  applyFix(fix: Fix): void;
  /** Removes the listeners, the messages and the aria attributes. */
  detach(): void;
}
/** Where a discovered candidate came from (`POST /v1/discover`). */
export type SourceKind = "provider" | "mx" | "autoconfig" | "srv" | "guess";
export interface Evidence {
  source: SourceKind;
  detail: string;
}
export interface Verification {
  status: "verified" | "failed" | "not-tried";
  durationMs: number;
  /** The steps that passed, e.g. "connect", "tls", "greeting", "ehlo". */
  passed: string[];
  diagnostics: Diagnostic[];
  greeting: string | null;
  tlsVersion: string | null;
  authMechanisms: string[];
}
export interface Candidate {
  host: string;
  port: number;
  security: SecurityMode;
  username: string | null;
  evidence: Evidence[];
  verification: Verification;
  /** Why it is ranked where it is. */
  why: string;
}
export interface SourceOutcome {
  source: SourceKind;
  status: "found" | "none" | "skipped" | "error";
  detail: string;
}
/** The discovery report (SPEC §4 `POST /v1/discover`), best candidate first. */
export interface DiscoverReport {
  domain: string;
  email: string | null;
  found: boolean;
  message: string;
  /** Findings about the discovery itself, e.g. `probe.dns-unavailable`. */
  diagnostics?: Diagnostic[];
  candidates: Candidate[];
  sources: SourceOutcome[];
  durationMs: number;
}
