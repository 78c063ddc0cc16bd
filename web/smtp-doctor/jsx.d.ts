// JSX types for React 19, which sets properties and listens to custom
// events on custom elements itself: `import type {} from "smtp-doctor/jsx"`
// once, then <smtp-doctor-test config={…} token={…} /> type-checks.
import type { Config, ValidateOptions } from "./pkg/smtp_doctor_wasm.js";

type Common = {
  for?: string;
  service?: string;
  lang?: string;
  "token-url"?: string;
  theme?: "light" | "dark" | "auto";
  token?: string | (() => string | Promise<string>) | null;
  options?: ValidateOptions;
  id?: string;
  class?: string;
  className?: string;
  style?: unknown;
  ref?: unknown;
  key?: string | number;
  children?: never;
} & { [event: `on${string}`]: ((event: CustomEvent) => void) | undefined };

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "smtp-doctor-test": Common & { config?: Config | null; checks?: string; gates?: string };
      "smtp-doctor-detect": Common;
      "smtp-doctor-explain": Common;
      "smtp-doctor-connect": Omit<Common, "service" | "token-url" | "token"> & {
        provider?: "microsoft" | "google" | (string & {});
        start: string;
        origin?: string;
        label?: string;
      };
    }
  }
}
