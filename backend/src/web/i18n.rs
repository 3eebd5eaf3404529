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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Fi,
    Sv,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Fi, Lang::Sv, Lang::En];

    pub fn parse(raw: &str) -> Option<Lang> {
        match raw.trim() {
            "fi" => Some(Lang::Fi),
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// The language's own name, as a language menu shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Fi => "Suomeksi",
            Lang::Sv => "På svenska",
            Lang::En => "In English",
        }
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Lang::Fi => langid!("fi"),
            Lang::Sv => langid!("sv"),
            Lang::En => langid!("en"),
        }
    }

    /// The text for `key`; a missing key shows as the key itself (and fails the
    /// translation test), never as an empty label.
    pub fn t(self, key: &str) -> String {
        LOCALES
            .try_lookup(&self.id(), key)
            .unwrap_or_else(|| key.to_owned())
    }

    /// The text for `key` if this language (or Finnish) has one.
    pub fn try_t(self, key: &str) -> Option<String> {
        LOCALES.try_lookup(&self.id(), key)
    }

    /// The text for `key` with named arguments; numbers select plural forms.
    pub fn t_with(self, key: &str, args: &[(&'static str, Arg)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Arg::Text(text) => FluentValue::from(text.clone()),
                    Arg::Count(n) => FluentValue::from(*n),
                };
                (Cow::Borrowed(*name), value)
            })
            .collect();
        LOCALES
            .try_lookup_with_args(&self.id(), key, &args)
            .unwrap_or_else(|| key.to_owned())
    }

    /// Picks the text for this language from a localised object, falling back to Finnish.
    pub fn pick(self, text: &std::collections::BTreeMap<String, String>) -> &str {
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
        ]
        .into_iter()
        .map(|name| (name, FluentValue::from("1")))
        .collect();
        for key in keys_of("fi") {
            for lang in Lang::ALL {
                let found = LOCALES.lookup_no_default_fallback(&lang.id(), &key, Some(&args));
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
