// The customer's language (SPEC §7.4): which locale, and its texts.
//
// The catalogs are the service's own (crates/core/locales/*.ftl, built into
// pkg/locales/ as ES modules) rendered with Mozilla's Fluent runtime, so the
// browser and the service say the same thing in the same words. Loaded on
// demand: one catalog per page, and the runtime with it.
import { CATALOGS, LOCALES } from "../pkg/locales/index.js";

export { LOCALES };

/**
 * The supported locale for a language tag (`de-AT` → `de`, `pt` → `pt-BR`),
 * or null. The same rules as the service's `i18n::supported`.
 */
export function supported(tag) {
  if (typeof tag !== "string") return null;
  const t = tag.trim().replace(/_/g, "-").toLowerCase();
  if (!t || t === "*") return null;
  const exact = LOCALES.find((l) => l.toLowerCase() === t);
  if (exact) return exact;
  const language = t.split("-")[0];
  return LOCALES.find((l) => l.split("-")[0].toLowerCase() === language) ?? null;
}

/**
 * The locale to speak: the `locale` option, else the `lang` of the element
 * (or its nearest ancestor, or the page), else the browser's languages in
 * order, else English.
 * @param {string | undefined} option
 * @param {Element | undefined} element
 */
export function pickLocale(option, element) {
  const lang = element?.closest?.("[lang]")?.getAttribute("lang")
    ?? globalThis.document?.documentElement?.getAttribute("lang");
  const browser = globalThis.navigator?.languages ?? [];
  for (const tag of [option, lang, ...browser]) {
    const locale = supported(tag);
    if (locale) return locale;
  }
  return "en";
}

/**
 * One locale's texts: `text(id, attribute, args)`. Every listed locale has
 * every message (the catalog test checks it), so there is no fallback to
 * download; an unknown id reads as itself.
 */
export class Texts {
  constructor(locale, bundle) {
    this.locale = locale;
    this.bundle = bundle;
  }

  text(id, attribute, args) {
    const message = this.bundle.getMessage(id);
    const pattern = attribute ? message?.attributes?.[attribute] : message?.value;
    return pattern ? this.bundle.formatPattern(pattern, args ?? null, []) : id;
  }
}

const loaded = new Map();

/** Loads a locale's catalog (once) and the Fluent runtime with it. */
export function loadTexts(locale) {
  locale = supported(locale) ?? "en";
  if (!loaded.has(locale)) {
    loaded.set(locale, (async () => {
      const [{ FluentBundle, FluentResource }, source] = await Promise.all([
        import("../vendor/fluent-bundle/index.js"),
        CATALOGS[locale]().then((m) => m.default),
      ]);
      // Plain text into textContent: no Unicode isolation marks.
      const bundle = new FluentBundle(locale, { useIsolating: false });
      bundle.addResource(new FluentResource(source));
      return new Texts(locale, bundle);
    })().catch((e) => {
      loaded.delete(locale);
      throw e;
    }));
  }
  return loaded.get(locale);
}

/** The current language's texts, once loaded. */
let current = null;

/**
 * Speaks `locale` from now on (its catalog loaded once); returns the
 * locale chosen.
 */
export async function speak(locale) {
  current = await loadTexts(locale);
  return current.locale;
}

/**
 * Runs `fn` (synchronously) speaking `texts` (a `Texts`), then the page's
 * language again: how an element with its own `lang` renders with the
 * shared helpers. `null` texts: the page's.
 * @template T
 * @param {Texts | null} texts
 * @param {() => T} fn
 * @returns {T}
 */
export function within(texts, fn) {
  const saved = current;
  current = texts ?? current;
  try {
    return fn();
  } finally {
    current = saved;
  }
}

/** The current texts (`Texts`), or null before `load()`. */
export const texts = () => current;

/** The language the texts are in (after `load()`). */
export const locale = () => current?.locale ?? "en";

/**
 * A text of the catalog in the current language: `t("step-auth")`,
 * `t("ui-test-failed", { reason })`. The id itself before `load()`.
 * @param {string} id
 * @param {Record<string, string | number>} [args]
 */
export const t = (id, args) => current?.text(id, undefined, args) ?? id;
