//! The one door to the Fluent texts: every lookup returns a `Result`, so a missing key or a
//! missing argument is an error the caller sees, never a raw key or a silent fallback to Finnish.
use std::collections::HashMap;

use chrono::NaiveDate;
use fluent_templates::{LanguageIdentifier, fluent_bundle::FluentValue, langid};
use rust_decimal::Decimal;

use super::RenderError;
use crate::{Lang, format};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "fi",
        // Isolation marks around arguments would show up as stray characters in plain-text mail.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A named Fluent argument.
pub(crate) type Arg = (&'static str, FluentValue<'static>);

/// A text argument.
pub(crate) fn s(name: &'static str, value: impl Into<String>) -> Arg {
    (name, FluentValue::from(value.into()))
}

/// A number argument: Fluent picks plural forms by it.
pub(crate) fn n(name: &'static str, value: u32) -> Arg {
    (name, FluentValue::from(value))
}

/// The unit codes the backend sends; each has a `unit-<code>` key with singular and plural.
pub(crate) const UNITS: [&str; 7] = ["hour", "day", "visit", "trip", "month", "session", "piece"];

/// Texts in one language.
pub(crate) struct Tr {
    pub lang: Lang,
    id: LanguageIdentifier,
}

impl Tr {
    pub fn new(lang: Lang) -> Tr {
        let id = match lang {
            Lang::Fi => langid!("fi"),
            Lang::Sv => langid!("sv"),
            Lang::En => langid!("en"),
        };
        Tr { lang, id }
    }

    pub fn t(&self, key: &str) -> Result<String, RenderError> {
        self.t_with(key, &[])
    }

    /// Looks `key` up in this language only. Fluent reports unknown keys and unknown or missing
    /// arguments as errors; both become `RenderError::Lookup`.
    pub fn t_with(&self, key: &str, args: &[Arg]) -> Result<String, RenderError> {
        #[cfg(test)]
        used::record(key);
        let args: HashMap<&str, FluentValue> = args.iter().map(|(k, v)| (*k, v.clone())).collect();
        LOCALES
            .lookup_single_language(&self.id, key, Some(&args))
            .map_err(|error| RenderError::Lookup {
                lang: self.lang,
                key: key.to_owned(),
                reason: error.to_string(),
            })
    }

    pub fn money(&self, amount: Decimal) -> String {
        format::money(self.lang, amount)
    }

    pub fn date(&self, day: NaiveDate) -> String {
        format::date(self.lang, day)
    }

    /// "1,5 tuntia", "1 trip". A unit code we do not know is shown as it came (with the
    /// number) rather than failing the whole email.
    pub fn quantity(&self, quantity: Decimal, unit: &str) -> Result<String, RenderError> {
        let number = format::quantity(self.lang, quantity);
        if !UNITS.contains(&unit) {
            return Ok(format!("{number} {unit}"));
        }
        // In Finnish, Swedish and English only exactly 1 takes the singular ("1,5 tuntia").
        let plural = if quantity == Decimal::ONE {
            "one"
        } else {
            "other"
        };
        self.t_with(
            &format!("unit-{unit}"),
            &[s("n", number), s("plural", plural)],
        )
    }
}

/// Which keys the tests' renders looked up, so a test can find keys no email uses.
#[cfg(test)]
pub(crate) mod used {
    use std::{cell::RefCell, collections::BTreeSet};

    thread_local! {
        static USED: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
    }

    pub fn record(key: &str) {
        USED.with(|used| used.borrow_mut().insert(key.to_owned()));
    }

    pub fn take() -> BTreeSet<String> {
        USED.with(|used| std::mem::take(&mut *used.borrow_mut()))
    }
}
