//! Messages in the reader's language (SPEC §7.4).
//!
//! Every text a person reads — a diagnostic's `message` and `help`, a
//! fix's title, the labels of fields, modes and steps — lives in one
//! [Fluent](https://projectfluent.org) catalog per locale under
//! `crates/core/locales/`. The same files serve the three front ends: the
//! probe service and the CLI render them here with `fluent-bundle`
//! (Mozilla's implementation), the browser package with `@fluent/bundle`
//! over the very same `.ftl` text, so the wasm carries no prose at all.
//!
//! Rules and checks only say *what* they found: a code and its params
//! (see [`crate::Diagnostic::param`]). A code's texts are the catalog
//! message named after it (`tls.port-mismatch` → `tls-port-mismatch`,
//! attribute `.help`); variants of one finding are Fluent selectors on
//! the `$case` param, so a catalog stays keyed by code.
//!
//! Locale negotiation ([`negotiate`], [`from_posix`]) is plain string work
//! and always compiled; the catalogs and their renderer come with the
//! `catalog` feature, which the browser build leaves out.

use crate::codes::Code;
use crate::diagnostic::{Diagnostic, Field, Fix, Param};

/// The locales with a complete catalog; `en` is the source. A locale is
/// listed (and negotiated) only once its catalog has every message of
/// the English one (`crates/core/tests/catalogs.rs`).
pub const LOCALES: [&str; 6] = ["en", "de", "fr", "es", "pt-BR", "ja"];

/// The locale everything falls back to.
pub const DEFAULT_LOCALE: &str = "en";

/// The catalog id of a code's texts: `tls.port-mismatch` → `tls-port-mismatch`.
pub fn message_id(code: Code) -> String {
    code.as_str().replace('.', "-")
}

/// The supported locale for one language tag (`de-AT` → `de`, `pt` →
/// `pt-BR`, `EN_us` → `en`), or `None`.
pub fn supported(tag: &str) -> Option<&'static str> {
    let tag = tag.trim().replace('_', "-");
    if tag.is_empty() || tag == "*" {
        return None;
    }
    let lower = tag.to_ascii_lowercase();
    if let Some(exact) = LOCALES.iter().find(|l| l.eq_ignore_ascii_case(&lower)) {
        return Some(exact);
    }
    let language = lower.split('-').next().unwrap_or_default();
    LOCALES
        .iter()
        .find(|l| l.split('-').next() == Some(language))
        .copied()
}

/// The best supported locale for an `Accept-Language` header (RFC 9110
/// §12.5.4: q-values, `*`, order as tie-break); English when none fits.
pub fn negotiate(accept_language: &str) -> &'static str {
    let mut best: Option<(u16, &'static str)> = None;
    for item in accept_language.split(',').take(32) {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or_default();
        let q = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .map_or(Some(1000), parse_q);
        let (Some(q), Some(locale)) = (q, supported(tag)) else {
            continue;
        };
        if q > 0 && best.is_none_or(|(b, _)| q > b) {
            best = Some((q, locale));
        }
    }
    best.map_or(DEFAULT_LOCALE, |(_, l)| l)
}

/// A q-value in thousandths (`0.8` → 800); `None` when malformed.
fn parse_q(q: &str) -> Option<u16> {
    let q = q.trim();
    let (int, frac) = q.split_once('.').unwrap_or((q, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let frac: u16 = format!("{frac:0<3}").parse().ok()?;
    match int {
        "0" => Some(frac),
        "1" if frac == 0 => Some(1000),
        _ => None,
    }
}

/// The locale of a POSIX locale value such as `LANG=de_DE.UTF-8`
/// (`C`/`POSIX` mean none).
pub fn from_posix(value: &str) -> Option<&'static str> {
    let tag = value.split(['.', '@']).next().unwrap_or_default();
    if matches!(tag, "C" | "POSIX") {
        return None;
    }
    supported(tag)
}

#[cfg(feature = "catalog")]
pub use catalog::{CATALOGS, Catalog, catalog, localize};

/// A source of texts: `(id, attribute, args) → text`, Fluent's
/// `formatPattern` in the browser, [`Catalog::text`] natively.
pub type Texts<'a> = &'a dyn Fn(&str, Option<&str>, &[(&str, Param)]) -> String;

/// Params named `security` or `…-security` hold a mode id (`tls`,
/// `starttls`, `none`) and are shown as its label (`security-<id>`).
fn is_security_param(name: &str) -> bool {
    name == "security" || name.ends_with("-security")
}

fn shown<'p>(
    texts: Texts<'_>,
    params: impl Iterator<Item = (&'p str, &'p Param)>,
) -> Vec<(&'p str, Param)> {
    params
        .map(|(name, value)| match value {
            Param::Text(mode) if is_security_param(name) => (
                name,
                Param::Text(texts(&format!("security-{mode}"), None, &[])),
            ),
            other => (name, other.clone()),
        })
        .collect()
}

/// Fills in each diagnostic's texts (and its fix's title) from `texts`.
pub fn localize_with(diagnostics: &mut [Diagnostic], texts: Texts<'_>) {
    for d in diagnostics {
        let id = message_id(d.code);
        let args = shown(texts, d.params.iter());
        d.message = texts(&id, None, &args);
        d.help = texts(&id, Some("help"), &args);
        if let Some(fix) = &mut d.fix {
            localize_fix(fix, texts);
        }
    }
}

/// Fills in a fix's title: `fix-<key>` with its changes as params.
pub fn localize_fix(fix: &mut Fix, texts: Texts<'_>) {
    if fix.key.is_empty() {
        return;
    }
    let changes: Vec<(&str, Param)> = fix
        .changes
        .iter()
        .map(|(field, value)| {
            let text = value.text().unwrap_or_default();
            let name = if *field == Field::Security {
                "security"
            } else {
                field.as_str()
            };
            (name, Param::Text(text))
        })
        .collect();
    let args = shown(texts, changes.iter().map(|(k, v)| (*k, v)));
    fix.title = texts(&format!("fix-{}", fix.key), None, &args);
}

/// One text (`field-host`, `step-auth`, …) in English, from the catalog;
/// the id when it has none.
#[cfg(feature = "catalog")]
pub fn text(id: &str, args: &[(&str, Param)]) -> String {
    catalog(DEFAULT_LOCALE).text(id, None, args)
}

/// The texts of freshly validated diagnostics: English from the catalog.
/// A build without catalogs (the browser's wasm) leaves them empty: the
/// package renders code and params with the same catalogs in JS, lazily,
/// only for what a page shows.
pub(crate) fn localize_default(diagnostics: &mut [Diagnostic]) {
    #[cfg(feature = "catalog")]
    localize(diagnostics, DEFAULT_LOCALE);
    #[cfg(not(feature = "catalog"))]
    let _ = diagnostics;
}

#[cfg(feature = "catalog")]
mod catalog {
    use std::sync::OnceLock;

    use fluent_bundle::concurrent::FluentBundle;
    use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

    use super::{DEFAULT_LOCALE, LOCALES, supported};
    use crate::diagnostic::{Diagnostic, Param};

    /// Every locale's catalog source, in [`LOCALES`] order.
    pub static CATALOGS: [(&str, &str); LOCALES.len()] = [
        ("en", include_str!("../locales/en.ftl")),
        ("de", include_str!("../locales/de.ftl")),
        ("fr", include_str!("../locales/fr.ftl")),
        ("es", include_str!("../locales/es.ftl")),
        ("pt-BR", include_str!("../locales/pt-BR.ftl")),
        ("ja", include_str!("../locales/ja.ftl")),
    ];

    /// One locale's messages, with English behind it for anything missing.
    pub struct Catalog {
        locale: &'static str,
        bundle: FluentBundle<FluentResource>,
    }

    impl std::fmt::Debug for Catalog {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.debug_struct("Catalog")
                .field("locale", &self.locale)
                .finish_non_exhaustive()
        }
    }

    /// The catalog of `locale` (any tag; unsupported ones get English).
    pub fn catalog(locale: &str) -> &'static Catalog {
        static LOADED: [OnceLock<Catalog>; LOCALES.len()] =
            [const { OnceLock::new() }; LOCALES.len()];
        let locale = supported(locale).unwrap_or(DEFAULT_LOCALE);
        let i = LOCALES.iter().position(|l| *l == locale).unwrap_or(0);
        LOADED[i].get_or_init(|| Catalog::load(i))
    }

    impl Catalog {
        fn load(i: usize) -> Self {
            let (locale, source) = CATALOGS[i];
            let langid = locale.parse().expect("the locales are valid tags");
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Plain text for terminals and JSON: no Unicode isolation marks.
            bundle.set_use_isolating(false);
            // The catalogs are checked by the tests (parse, ids, params);
            // a broken entry would show as its id, never as a panic.
            let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
            let _ = bundle.add_resource(resource);
            Self { locale, bundle }
        }

        /// The locale this catalog speaks.
        pub fn locale(&self) -> &'static str {
            self.locale
        }

        fn english() -> &'static Self {
            catalog(DEFAULT_LOCALE)
        }

        /// Whether this catalog itself has message `id` (with attribute
        /// `attr`, if given).
        pub fn has(&self, id: &str, attr: Option<&str>) -> bool {
            self.bundle.get_message(id).is_some_and(|m| match attr {
                Some(a) => m.get_attribute(a).is_some(),
                None => m.value().is_some(),
            })
        }

        /// The text of `id` (or its attribute `attr`) with `args`; English
        /// when this locale lacks it; the id itself when nobody has it.
        pub fn text(&self, id: &str, attr: Option<&str>, args: &[(&str, Param)]) -> String {
            let here = if self.has(id, attr) {
                self
            } else {
                Self::english()
            };
            let Some(message) = here.bundle.get_message(id) else {
                return id.to_owned();
            };
            let pattern = match attr {
                Some(a) => message.get_attribute(a).map(|a| a.value()),
                None => message.value(),
            };
            let Some(pattern) = pattern else {
                return id.to_owned();
            };
            let mut fluent_args = FluentArgs::new();
            for (name, value) in args {
                fluent_args.set(*name, Self::value(value));
            }
            let mut errors = Vec::new();
            here.bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors)
                .into_owned()
        }

        /// A param as Fluent sees it: counts are numbers (plurals).
        fn value(value: &Param) -> FluentValue<'static> {
            match value {
                Param::Count(n) => FluentValue::from(*n),
                Param::Text(t) => FluentValue::from(t.clone()),
            }
        }

        /// A simple label: `field-host`, `step-tls`, `ui-test`, …
        pub fn label(&self, id: &str) -> String {
            self.text(id, None, &[])
        }
    }

    /// Fills in the texts of each diagnostic (and its fix) in `locale`.
    pub fn localize(diagnostics: &mut [Diagnostic], locale: &str) {
        let catalog = catalog(locale);
        super::localize_with(diagnostics, &|id, attr, args| catalog.text(id, attr, args));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiates_accept_language_with_q_values() {
        for (header, want) in [
            ("fr", "fr"),
            ("fr-CA,fr;q=0.9,en;q=0.8", "fr"),
            ("en;q=0.5, de;q=0.9", "de"),
            ("da, en-GB;q=0.8, en;q=0.7", "en"),
            ("pt", "pt-BR"),
            ("pt-PT;q=1, ja;q=0.2", "pt-BR"),
            ("ja-JP", "ja"),
            ("ES-es", "es"),
            ("*", "en"),
            ("", "en"),
            ("de;q=0", "en"),
            ("de;q=2, es", "es"),
            ("xx-YY, zz", "en"),
        ] {
            assert_eq!(negotiate(header), want, "{header}");
        }
        for (tag, want) in [
            ("EN_us", Some("en")),
            ("pt_br", Some("pt-BR")),
            ("xx", None),
            ("*", None),
        ] {
            assert_eq!(supported(tag), want, "{tag}");
        }
        assert_eq!(parse_q("0.8"), Some(800));
        assert_eq!(parse_q("1.000"), Some(1000));
        assert_eq!(parse_q("1.5"), None);
        assert_eq!(parse_q("0.1234"), None);
    }

    #[test]
    fn reads_posix_locales() {
        assert_eq!(from_posix("de_DE.UTF-8"), Some("de"));
        assert_eq!(from_posix("pt_BR.utf8"), Some("pt-BR"));
        assert_eq!(from_posix("ja_JP.UTF-8@cjk"), Some("ja"));
        assert_eq!(from_posix("en_GB.utf8@euro"), Some("en"));
        assert_eq!(from_posix("C.UTF-8"), None);
        assert_eq!(from_posix("POSIX"), None);
        assert_eq!(from_posix("sv_SE"), None);
    }
}
