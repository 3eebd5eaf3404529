//! Pages with one small form per item (a dispute, a commitment): after a refusal only that
//! item's form shows the errors, each beside its control, and keeps what was typed; the
//! summary at the top links to those controls, whose ids are `<name>-<item>`.
use std::collections::BTreeMap;

use super::page::FormErrors;

/// One item's form after a refusal (empty before any).
#[derive(Default)]
pub struct ItemForm {
    errors: BTreeMap<String, String>,
    typed: BTreeMap<String, String>,
}

impl ItemForm {
    /// The message beside control `name`, if it was refused.
    pub fn error(&self, name: &str) -> Option<&str> {
        self.errors.get(name).map(String::as_str)
    }

    /// Whether the form was refused (a closed `<details>` around it opens).
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty() || !self.typed.is_empty()
    }

    /// What was typed into control `name`.
    pub fn typed(&self, name: &str) -> &str {
        self.typed.get(name).map(String::as_str).unwrap_or_default()
    }

    /// Whether `value` was the choice made in control `name` (radio buttons).
    pub fn chose(&self, name: &str, value: &str) -> bool {
        self.typed(name) == value
    }

    /// `aria-describedby` for control `name` of item `item`: its hint (if it has one) and
    /// its error (if refused).
    pub fn described_by(&self, name: &str, item: &str, has_hint: bool) -> String {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(format!("{name}-{item}-hint"));
        }
        if self.errors.contains_key(name) {
            ids.push(format!("{name}-{item}-error"));
        }
        ids.join(" ")
    }
}

/// The refused form of one item.
pub struct Failed {
    pub item: String,
    pub form: ItemForm,
}

impl Failed {
    /// Splits a refusal into the page's summary (its links renamed to this item's control
    /// ids) and the item's own form with what was typed.
    pub fn split(
        item: impl ToString,
        errors: FormErrors,
        typed: &[(&str, &str)],
    ) -> (FormErrors, Failed) {
        let item = item.to_string();
        let summary = FormErrors {
            summary: errors.summary,
            fields: errors
                .fields
                .iter()
                .map(|(name, message)| (format!("{name}-{item}"), message.clone()))
                .collect(),
        };
        let form = ItemForm {
            errors: errors.fields,
            typed: typed
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        };
        (summary, Failed { item, form })
    }

    /// This item's form if it is the one refused, else an empty one.
    pub fn take_for(failed: &mut Option<Failed>, item: &str) -> ItemForm {
        match failed {
            Some(f) if f.item == item => failed.take().map(|f| f.form).unwrap_or_default(),
            _ => ItemForm::default(),
        }
    }
}
