//! The portal's languages: Finnish (default), Swedish and English, from Project Fluent
//! files under `backend/locales/`, compiled into the binary.
use std::{borrow::Cow, collections::HashMap};

use fluent_templates::{LanguageIdentifier, Loader, fluent_bundle::FluentValue, langid};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "fi",
        // Unicode isolation marks around arguments would end up inside attributes and
        // form values; our arguments are plain numbers and names.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// One `Lang` for the whole program (emails' and pages' alike, from `valinta_emails`);
/// this adds what only the portal needs: its texts, looked up in the Fluent files.
pub use valinta_emails::Lang;

/// The portal's texts in a language.
pub trait Translate: Copy {
    /// The text for `key`; a missing key shows as the key itself (and fails the
    /// translation test), never as an empty label.
    fn t(self, key: &str) -> String;
    /// The text for `key` if this language (or Finnish) has one.
    fn try_t(self, key: &str) -> Option<String>;
    /// The text for `key` with named arguments; numbers select plural forms.
    fn t_with(self, key: &str, args: &[(&'static str, Arg)]) -> String;
    /// The text for `key` with named arguments if this language (or Finnish) has one.
    fn try_t_with(self, key: &str, args: &[(&'static str, Arg)]) -> Option<String>;
    /// Picks the text for this language from a localised object, falling back to Finnish.
    fn pick(self, text: &std::collections::BTreeMap<String, String>) -> &str;
}

fn id(lang: Lang) -> LanguageIdentifier {
    match lang {
        Lang::Fi => langid!("fi"),
        Lang::Sv => langid!("sv"),
        Lang::En => langid!("en"),
    }
}

impl Translate for Lang {
    fn t(self, key: &str) -> String {
        LOCALES
            .try_lookup(&id(self), key)
            .unwrap_or_else(|| key.to_owned())
    }

    fn try_t(self, key: &str) -> Option<String> {
        LOCALES.try_lookup(&id(self), key)
    }

    fn t_with(self, key: &str, args: &[(&'static str, Arg)]) -> String {
        self.try_t_with(key, args).unwrap_or_else(|| key.to_owned())
    }

    fn try_t_with(self, key: &str, args: &[(&'static str, Arg)]) -> Option<String> {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Arg::Text(text) => FluentValue::from(text.clone()),
                    Arg::Count(n) => FluentValue::from(*n),
                    // A decimal ("1.5") keeps its fraction digits, which the plural
                    // rules read: "1 tunti" but "1,5 tuntia".
                    Arg::Number(n) => FluentValue::try_number(n.as_str()),
                };
                (Cow::Borrowed(*name), value)
            })
            .collect();
        LOCALES.try_lookup_with_args(&id(self), key, &args)
    }

    fn pick(self, text: &std::collections::BTreeMap<String, String>) -> &str {
        text.get(self.code())
            .or_else(|| text.get("fi"))
            .or_else(|| text.values().next())
            .map(String::as_str)
            .unwrap_or_default()
    }
}

#[derive(Clone, Debug)]
pub enum Arg {
    Text(String),
    Count(i64),
    /// A decimal number as text with a point ("1.5"), for plural selection.
    Number(String),
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Arg::Text(value.to_owned())
    }
}
impl From<String> for Arg {
    fn from(value: String) -> Self {
        Arg::Text(value)
    }
}
impl From<usize> for Arg {
    fn from(value: usize) -> Self {
        Arg::Count(i64::try_from(value).unwrap_or(i64::MAX))
    }
}
impl From<u64> for Arg {
    fn from(value: u64) -> Self {
        Arg::Count(i64::try_from(value).unwrap_or(i64::MAX))
    }
}

#[cfg(test)]
mod tests {
    //! Every key used anywhere in the portal exists in all three languages, and the
    //! three files hold the same keys: a missing translation fails here, not in use.
    use std::collections::BTreeSet;

    use super::*;

    /// The keys of every `.ftl` file of a language (the loader reads them all); a key
    /// defined twice fails here.
    fn keys_of(lang: &str) -> BTreeSet<String> {
        let dir = format!("{}/locales/{lang}", env!("CARGO_MANIFEST_DIR"));
        let mut keys = BTreeSet::new();
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
        for entry in entries {
            let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
            if path.extension().is_none_or(|e| e != "ftl") {
                continue;
            }
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            for key in text
                .lines()
                .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
                .filter_map(|l| l.split_once('=').map(|(k, _)| k.trim().to_owned()))
            {
                let fresh = keys.insert(key.clone());
                assert!(fresh, "{lang}: {key} is defined twice");
            }
        }
        keys
    }

    /// One Swedish term per concept (see the README's "Languages" section): a variant
    /// found in the Swedish texts fails here, naming the term to use instead.
    #[test]
    fn swedish_uses_one_term_per_concept() {
        // (banned word or word start, the term to use)
        const BANNED_STARTS: [(&str, &str); 6] = [
            ("tjänsteproducent", "serviceproducent"),
            ("köpare", "beställare"),
            ("tjänstesedel", "servicesedel"),
            ("servicecheck", "servicesedel"),
            ("egenandel", "självriskandel"),
            ("betalningsåtagande", "betalningsförbindelse"),
        ];
        const BANNED_WORDS: [(&str, &str); 6] = [
            ("kund", "klient"),
            ("kunden", "klienten"),
            ("kunder", "klienter"),
            ("kunderna", "klienterna"),
            ("kundens", "klientens"),
            ("kundernas", "klienternas"),
        ];
        let dir = format!("{}/locales/sv", env!("CARGO_MANIFEST_DIR"));
        let mut found = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{dir}: {e}")) {
            let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
            if path.extension().is_none_or(|e| e != "ftl") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for (n, line) in text.lines().enumerate() {
                if line.starts_with('#') {
                    continue;
                }
                // The text only: keys and variables are code, not Swedish.
                let value = line.split_once(" = ").map_or(line, |(_, v)| v);
                let lower = value.to_lowercase();
                let mut bad: Vec<(&str, &str)> = Vec::new();
                if lower.contains("egen andel") {
                    bad.push(("egen andel", "självriskandel"));
                }
                let words = lower
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|w| !w.is_empty());
                for word in words {
                    if word.starts_with("självrisk") && !word.starts_with("självriskandel") {
                        bad.push(("självrisk", "självriskandel"));
                    }
                    bad.extend(BANNED_STARTS.iter().filter(|(b, _)| word.starts_with(b)));
                    bad.extend(BANNED_WORDS.iter().filter(|(b, _)| word == *b));
                }
                for (variant, term) in bad {
                    found.push(format!(
                        "{}:{}: \"{variant}\" (use \"{term}\")",
                        path.display(),
                        n + 1
                    ));
                }
            }
        }
        assert!(
            found.is_empty(),
            "Swedish variants found:\n{}",
            found.join("\n")
        );
    }

    #[test]
    fn all_languages_have_the_same_keys() {
        let fi = keys_of("fi");
        assert!(fi.len() > 100, "the Finnish file looks truncated");
        for lang in ["sv", "en"] {
            let other = keys_of(lang);
            let missing: Vec<_> = fi.difference(&other).collect();
            let extra: Vec<_> = other.difference(&fi).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            assert!(extra.is_empty(), "{lang} has keys Finnish lacks: {extra:?}");
        }
    }

    #[test]
    fn every_key_resolves_in_every_language_without_falling_back() {
        // Every variable any message uses, so that formatting reports no missing argument.
        let args: HashMap<&str, FluentValue> = [
            "count",
            "name",
            "title",
            "price",
            "unit",
            "average",
            "stars",
            "filter",
            "kind",
            "available",
            "until",
            "from",
            "to",
            "value",
            "month",
            "number",
            "purchaser",
            "service",
            "n",
            "date",
            "folder",
            "minutes",
            "max",
            "min",
            "percent",
            "units",
            "limits",
            "text",
            "amount",
            "page",
            "pages",
            "total",
            "client",
        ]
        .into_iter()
        .map(|name| (name, FluentValue::from("1")))
        .collect();
        for key in keys_of("fi") {
            for lang in Lang::ALL {
                let found = LOCALES.lookup_no_default_fallback(&id(lang), &key, Some(&args));
                assert!(found.is_some(), "{key} has no {} text", lang.code());
            }
        }
    }

    #[test]
    fn every_key_the_code_and_templates_use_exists() {
        let fi = keys_of("fi");
        let root = env!("CARGO_MANIFEST_DIR");
        let mut used = BTreeSet::new();
        for dir in ["templates", "src/web"] {
            collect_used_keys(&std::path::Path::new(root).join(dir), &mut used);
        }
        assert!(used.len() > 50, "found too few keys in use: {}", used.len());
        let missing: Vec<_> = used.difference(&fi).collect();
        assert!(missing.is_empty(), "used but not translated: {missing:?}");
    }

    /// Finds `t("key")` and `t_with("key"` calls in templates and page code.
    fn collect_used_keys(dir: &std::path::Path, used: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
            if path.is_dir() {
                collect_used_keys(&path, used);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for marker in [".t(\"", ".t_with(\"", ".tn(\"", ".t1(\""] {
                for (at, _) in text.match_indices(marker) {
                    let rest = &text[at + marker.len()..];
                    if let Some(end) = rest.find('"') {
                        let key = &rest[..end];
                        if !key.is_empty()
                            && key
                                .chars()
                                .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit())
                        {
                            used.insert(key.to_owned());
                        }
                    }
                }
            }
        }
    }
}
