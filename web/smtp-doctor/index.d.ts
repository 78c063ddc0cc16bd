// Types of the headless API. The data shapes (Config, Diagnostic, Report,
// …) are core's, generated into pkg/ with the wasm.
import type {
  AttachOptions, Check, CodeInfo, Config, Diagnostic, Explanation, Fix, FormHandle, FormOptions, ProviderSuggestion,
  Report, SecurityMode, StepKind, ValidateOptions, DiscoverReport,
} from "./pkg/smtp_doctor_wasm.js";

export type * from "./pkg/smtp_doctor_wasm.js";
export type { FormHandle } from "./pkg/smtp_doctor_wasm.js";

/** Where the wasm comes from when a bundler cannot find it on its own, and
 * the customer's language. */
export interface LoadOptions {
  wasm?: string | URL | Response | BufferSource | WebAssembly.Module;
  /**
   * A language tag ("de", "pt-BR", "ja-JP"); the closest of en, de, fr, es,
   * pt-BR, ja is used. Default: the page's `lang`, else the browser's
   * languages, else English.
   */
  locale?: string;
}

/** The languages with a complete catalog. */
export type Locale = "en" | "de" | "fr" | "es" | "pt-BR" | "ja";

/** Loads the wasm and the texts of the customer's language once; the
 * synchronous functions below work after it. */
export function load(options?: LoadOptions): Promise<unknown>;
export function isLoaded(): boolean;
/** Speaks another language from now on; resolves with the locale chosen. */
export function setLocale(locale: string): Promise<Locale>;
/** The language the texts are in. */
export function locale(): Locale;
/** A catalog text in the current language, e.g. t("step-auth"); the id before load(). */
export function t(id: string, args?: Record<string, string | number>): string;
export function validate(config: Config | Record<string, unknown>, options?: ValidateOptions): Diagnostic[];
export function configFor(values: Record<string, unknown>, options?: ValidateOptions): Config;
export function changesFor(fix: Fix, options?: ValidateOptions): Record<string, string | number>;
export function applyFix(config: Config, fix: Fix): Config;
export function providerFor(hostOrEmail: string): ProviderSuggestion | null;
export function codes(): CodeInfo[];
export function stepPlan(security: SecurityMode, checks: Check[]): StepKind[];
export function securityLabel(mode: SecurityMode): string;
export function stepLabel(step: StepKind): string;
export function allowlistMayFix(code: string): boolean;
export function attachForm(form: HTMLFormElement, options?: AttachOptions): FormHandle;
export function version(): string;

export interface CreateFormOptions extends FormOptions, LoadOptions {
  /** A fix was accepted: set these values (the app's field names) in your state. */
  onFix?: (changes: Record<string, string | number>, fix: Fix) => void;
}

/** A controlled form's companion (see createForm). */
export interface SmtpForm {
  /** Resolves when the wasm is loaded and the first findings are in. */
  readonly ready: Promise<void>;
  /** The app's current values, by its own field names. */
  update(values: Record<string, unknown>): this;
  /** The customer left a field. */
  blur(name: string): void;
  /** Shows every finding; true when no error blocks saving. */
  submit(): boolean;
  /** Every current finding, shown or not. */
  readonly diagnostics: Diagnostic[];
  /** The settings to test (SPEC names; the app's own values laid over); null until loaded. */
  readonly config: Config | null;
  /** Findings to show now for a field (the app's name), or the general ones. */
  messages(name?: string): Diagnostic[];
  /** The app's name for a SPEC field, or null when the app has none. */
  nameOf(field: string): string | null;
  /** Accepts a fix: calls onFix with the app-named changes and returns them. */
  fix(fixOrDiagnostic: Fix | Diagnostic): Record<string, string | number>;
  /** Called after each change of findings or visibility. */
  subscribe(listener: (form: SmtpForm) => void): () => void;
}

export function createForm(options?: CreateFormOptions): SmtpForm;

/** A failure to talk to the test service, with what the customer should read. */
export class ServiceError extends Error {
  readonly kind: "unreachable" | "rate-limited" | "unauthorized" | "forbidden" | "busy" | "bad-request" | "server";
  /** Seconds to wait, for "rate-limited". */
  readonly retryAfter: number | null;
}

export interface ConnectOptions {
  /** Your backend's sign-in route (it runs `smtp-doctor/oauth` and gets `?request=…` to echo back). */
  start: string | URL;
  /** The origin the callback page posts from; default: this page's. */
  origin?: string;
  /** Default: five minutes. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface Connected {
  /** The signed-in address: the SMTP username. */
  username?: string;
  /** Short-lived; put it in `accessToken` with `auth: "oauth2"`. */
  accessToken: string;
  /** Milliseconds since the epoch. */
  expiresAt?: number;
  /** SMTP settings your backend sent along (host, port, security, auth). */
  settings?: Partial<Config>;
}

/** Why a sign-in ended without a token. */
export class ConnectError extends Error {
  readonly code: "popup-blocked" | "cancelled" | "timeout" | "failed";
}

/** Signs the customer in with their mail provider in a popup (your backend does the OAuth). */
export function connect(options: ConnectOptions): Promise<Connected>;

export interface ClientOptions {
  /** The service's base URL; default: the page's `smtp-doctor-service` meta tag, else its origin. */
  service?: string;
  /** A short-lived token from your backend, or a function fetching one per call. */
  token?: string | (() => string | Promise<string>);
}

export interface ProbeRequest {
  config: Config;
  checks?: Check[];
  recipient?: string;
}

/** A share link (`POST /v1/reports`), shown to its creator once. */
export interface SharedLink {
  /** 128 random bits, base64url. */
  id: string;
  /** The link, absolute: the hand-off page (`/r/{id}`) in its reader's language. */
  url: string;
  /** Takes the link back (`unshare`); keep it, or drop it. */
  deleteToken: string;
  /** RFC 3339, UTC: the service deletes the report then. */
  expiresAt: string;
}

export interface Client {
  info(): Promise<{ version: string; egressIps: string[]; checks?: Check[]; arrivalWaitSeconds?: number; shareLinks?: boolean; [key: string]: unknown } | null>;
  probe(request: ProbeRequest, onStep?: (step: Report["steps"][number]) => void, signal?: AbortSignal): Promise<Report>;
  discover(request: { email: string }, onSource?: (source: DiscoverReport["sources"][number]) => void, signal?: AbortSignal): Promise<DiscoverReport>;
  /** What a pasted error means (`POST /v1/explain`); the settings' secrets are not sent. */
  explain(text: string, config?: Config, signal?: AbortSignal): Promise<Explanation>;
  /** A share link of `report` for whoever must act on it (stored redacted: no transcript, no secret). */
  share(report: Report, signal?: AbortSignal): Promise<SharedLink>;
  /** Deletes a share link with its delete token. */
  unshare(link: Pick<SharedLink, "id" | "deleteToken">, signal?: AbortSignal): Promise<void>;
}

export function createClient(options?: ClientOptions): Client;
